"use strict";
(function () {
  const T = window.kgTimings = {start: performance.now()};
  const D = JSON.parse(document.getElementById("kg-data").textContent);
  T.parsed = performance.now();
  const H = JSON.parse(document.getElementById("kg-head").textContent);
  const nodeById = new Map(D.nodes.map(n => [n.id, n]));
  const edgeById = new Map(D.edges.map(e => [e.id, e]));

  // Every piece of text goes in through textContent: document text is never parsed as HTML.
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  const name = id => (nodeById.get(id) || {name: String(id)}).name;

  function edgeTooltip(e) {
    const box = el("div", null, "tip");
    box.appendChild(el("div", name(e.from) + (e.symmetric ? " \u2014 " : " \u2192 ") + name(e.to), "tip-head"));
    box.appendChild(el("div", e.rlabel + " \u00b7 " + e.qlabel));
    const when = e.first ? (e.first === e.last ? e.first : e.first + " \u2013 " + e.last) : "undated";
    box.appendChild(el("div", e.count + (e.count === 1 ? " statement" : " statements") + " \u00b7 " + when, "tip-meta"));
    if (e.negated) box.appendChild(el("div", "negated: the documents say this did not happen", "tip-flag"));
    else if (e.hedged_only) box.appendChild(el("div", "hedged only: every statement is reported or uncertain", "tip-flag"));
    if (e.evidence.length) {
      const ol = el("ol");
      for (const ev of e.evidence) {
        const li = el("li");
        li.appendChild(el("div", "\u201c" + ev.sentence + "\u201d"));
        // The effective date, or the event date as stated and the publication date when they differ.
        const src = ev.event_date ? [ev.title || "untitled document", "event " + ev.event_date, "published " + ev.published]
                                  : [ev.title || "untitled document", ev.date || "undated"];
        if (ev.hedged) src.push("hedged");
        li.appendChild(el("div", src.join(" \u00b7 "), "src"));
        ol.appendChild(li);
      }
      box.appendChild(ol);
      if (e.count > e.evidence.length) box.appendChild(el("div", "\u2026 and " + (e.count - e.evidence.length) + " more", "tip-meta"));
    }
    return box;
  }
  const countryText = n => n.country_name ? n.country_name + " (" + n.country + ")" : n.country;
  function nodeTooltip(n) {
    const box = el("div", null, "tip");
    box.appendChild(el("div", n.name, "tip-head"));
    if (n.type === "SectorActor") {
      box.appendChild(el("div", "Sector actor \u00b7 " + (n.state_organ ? "organ of the state" : "non-state sector")));
      if (n.country) box.appendChild(el("div", "country: " + countryText(n)));
      if (n.sector) box.appendChild(el("div", "sector: " + n.sector + " \u2014 " + n.sector_label));
    } else {
      const kind = n.kind && n.kind !== n.type ? n.type + " (" + n.kind + ")" : n.type;
      box.appendChild(el("div", kind + (n.type === "Country" && n.country ? " \u00b7 " + n.country : "")));
      if (n.type !== "Country" && n.country) box.appendChild(el("div", "country: " + countryText(n)));
    }
    if (n.rolled_up.length) box.appendChild(el("div", "state level: includes its " +
      n.rolled_up.map(r => r.label + " (" + r.code + ")").join(", "), "tip-meta"));
    box.appendChild(el("div", n.degree + (n.degree === 1 ? " partner, " : " partners, ") + n.statements + (n.statements === 1 ? " statement" : " statements") + " \u00b7 PageRank " + n.pagerank.toFixed(4), "tip-meta"));
    return box;
  }
  window.kgEdgeTooltip = id => edgeTooltip(edgeById.get(id));
  window.kgNodeTooltip = id => nodeTooltip(nodeById.get(id));

  // kg serve: a row of links in the header, and a click on a node or an edge opens its page.
  const nav = document.getElementById("nav");
  for (const item of H.nav || []) {
    const a = el("a", item.text);
    if (/^\/[^\/]/.test(String(item.href))) a.href = item.href;  // same-origin paths only
    nav.appendChild(a);
  }
  function openPage(params) {
    if (!H.links) return;
    if (params.nodes && params.nodes.length && H.links.actor) {
      window.location.assign(H.links.actor + encodeURIComponent(params.nodes[0]));
    } else if (params.edges && params.edges.length && H.links.pair) {
      const e = edgeById.get(params.edges[0]);
      if (e) window.location.assign(H.links.pair + "?a=" + encodeURIComponent(e.from) + "&b=" + encodeURIComponent(e.to));
    }
  }
  document.title = H.title;
  document.getElementById("title").textContent = H.title;
  document.getElementById("caption").textContent =
    (H.caption ? H.caption + " \u00b7 " : "") + D.nodes.length + " actors, " + D.edges.length + " edges \u00b7 generated " + H.generated;
  document.getElementById("size-note").textContent = D.size_by === "degree" ? "(size: degree, distinct partners)" : "(size: PageRank)";

  const typeColour = new Map(D.legend.types.map(t => [t.name, t.colour]));
  const nodes = new vis.DataSet(D.nodes.map(n => ({
    id: n.id, label: n.label, value: n.value, actorType: n.type, category: n.category, title: nodeTooltip(n),
    color: {background: typeColour.get(n.category), border: "#333", highlight: {background: typeColour.get(n.category), border: "#000"},
            hover: {background: typeColour.get(n.category), border: "#000"}},
  })));
  // Lighter edges first: vis-network draws in this order and hovers the last edge under the
  // pointer, so a thick edge is drawn over a thin one and stays reachable.
  const edges = new vis.DataSet(D.edges.slice().sort((a, b) => a.count - b.count || a.id - b.id).map(e => {
    const item = {
      id: e.id, from: e.from, to: e.to, relation: e.relation, quad: e.quad, count: e.count,
      width: e.width, dashes: e.dashes, arrows: e.arrows, title: edgeTooltip(e),
      color: {color: e.colour, highlight: e.colour, hover: e.colour, opacity: e.negated ? 0.7 : 0.9},
    };
    if (e.smooth) item.smooth = Object.assign({enabled: true}, e.smooth);
    return item;
  }));
  window.kgNodes = nodes;
  window.kgEdges = edges;
  T.datasets = performance.now();
  window.kgData = D;

  const options = {
    nodes: {shape: "dot", borderWidth: 1,
            scaling: {min: 6, max: 34, label: {enabled: true, min: 12, max: 22, drawThreshold: D.big ? 6 : 3, maxVisible: 28}},
            font: {color: "#111", strokeWidth: 3, strokeColor: "#ffffff"}},
    edges: {smooth: false, selectionWidth: 1.5, hoverWidth: 0.8, arrowStrikethrough: false,
            arrows: {to: {scaleFactor: 0.55}}},
    layout: {randomSeed: 7, improvedLayout: !D.big},
    interaction: {hover: !D.big, tooltipDelay: 120, hideEdgesOnDrag: D.big, navigationButtons: false, keyboard: false},
    physics: D.big
      ? {solver: "barnesHut", barnesHut: {theta: 1.2, gravitationalConstant: -6000, springLength: 120, springConstant: 0.03, damping: 0.5, avoidOverlap: 0},
         stabilization: {enabled: true, iterations: 120, updateInterval: 10, fit: true}, minVelocity: 2, timestep: 0.6, adaptiveTimestep: false}
      : {solver: "forceAtlas2Based", forceAtlas2Based: {gravitationalConstant: -45, centralGravity: 0.02, springLength: 60, springConstant: 0.08, damping: 0.5, avoidOverlap: 0.6},
         stabilization: {enabled: true, iterations: 400, updateInterval: 20, fit: true}, minVelocity: 0.75},
  };
  const container = document.getElementById("net");
  const network = new vis.Network(container, {nodes, edges}, options);
  // After the network: vis-network empties its container when it builds its canvas.
  if (!D.nodes.length) container.appendChild(el("div", "No relations match these filters.")).id = "empty";
  window.kgNetwork = network;
  T.network = performance.now();

  // Settled = the first drawing after stabilisation, with physics off so the layout stays put.
  let settled = false;
  function markSettled() {
    if (settled) return;
    settled = true;
    window.kgSettleMs = performance.now();
    window.kgSettled = true;
    document.body.dataset.settled = "1";
  }
  function afterStabilised() {
    T.stabilised = performance.now();
    network.setOptions({physics: false});
    network.fit();
    network.once("afterDrawing", markSettled);
    network.redraw();
  }
  network.once("stabilizationIterationsDone", afterStabilised);
  if (H.links) network.on("click", openPage);
  // After a filter change the actors still shown are laid out again, not left scattered.
  let relayoutTimer = null;
  function relayout() {
    if (!settled) return;
    clearTimeout(relayoutTimer);
    relayoutTimer = setTimeout(() => {
      network.setOptions({physics: {enabled: true}});
      network.once("stabilizationIterationsDone", () => {
        network.setOptions({physics: false});
        network.fit();
        document.body.dataset.relaid = String(Number(document.body.dataset.relaid || 0) + 1);
      });
      network.stabilize(D.big ? 80 : 200);
    }, 150);
  }
  window.kgRelayout = relayout;
  if (!D.nodes.length) markSettled();

  // ---- filters: checkboxes hide and show edges and nodes through the DataSets.
  const state = {relation: new Set(D.legend.relations.map(r => r.name)),
                 quad: new Set(D.legend.quads.map(q => q.key)),
                 type: new Set(D.legend.types.map(t => t.name))};
  const full = {relation: state.relation.size, quad: state.quad.size, type: state.type.size};
  function applyFilters() {
    const shownType = id => state.type.has(nodeById.get(id).category);
    const degree = new Map();
    const edgeUpdates = [];
    let shownEdges = 0;
    for (const e of D.edges) {
      const show = state.relation.has(e.relation) && state.quad.has(e.quad === null ? "none" : String(e.quad))
        && shownType(e.from) && shownType(e.to);
      edgeUpdates.push({id: e.id, hidden: !show});
      if (show) {
        shownEdges++;
        degree.set(e.from, (degree.get(e.from) || 0) + 1);
        degree.set(e.to, (degree.get(e.to) || 0) + 1);
      }
    }
    const filtering = Object.keys(full).some(k => state[k].size !== full[k]);
    let shownNodes = 0;
    const nodeUpdates = D.nodes.map(n => {
      // With a filter on, actors left without any visible edge are hidden too.
      const show = shownType(n.id) && (!filtering || degree.has(n.id));
      if (show) shownNodes++;
      return {id: n.id, hidden: !show};
    });
    // Only changed items go to the DataSets: every update makes vis-network re-read them.
    edges.update(edgeUpdates.filter(u => (edges.get(u.id).hidden || false) !== u.hidden));
    nodes.update(nodeUpdates.filter(u => (nodes.get(u.id).hidden || false) !== u.hidden));
    document.getElementById("status").textContent =
      "showing " + shownNodes + " of " + D.nodes.length + " actors, " + shownEdges + " of " + D.edges.length + " edges";
  }
  window.kgApplyFilters = applyFilters;
  // A time budget as well as an iteration cap: on a slow or busy machine the layout is rougher
  // but the page is usable within seconds all the same.
  // The deadline counts from navigation start, so a slow parse or constructor eats into it.
  const BUDGET_MS = D.big ? 3500 : 2500, DEADLINE_MS = D.big ? 5500 : 4000;
  network.on("stabilizationProgress", p => {
    const now = performance.now();
    if (p.iterations % 50 === 0) T["it" + p.iterations] = now;
    if (p.iterations >= 20 && (now - T.network > BUDGET_MS || now > DEADLINE_MS)) {
      T.budgetStop = now;
      network.stopSimulation();
    }
  });

  function checkbox(group, value, swatch, text, count) {
    const label = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.filter = group;
    box.value = value;
    box.addEventListener("change", () => {
      if (box.checked) state[group].add(value); else state[group].delete(value);
      applyFilters();
      relayout();
    });
    label.appendChild(box);
    if (swatch) label.appendChild(swatch);
    label.appendChild(el("span", text));
    label.appendChild(el("span", count, "n"));
    return label;
  }
  function dot(colour) { const s = el("span", null, "dot"); s.style.background = colour; return s; }
  function line(colour, cls) { const s = el("span", null, "line" + (cls ? " " + cls : "")); s.style.borderTopColor = colour; return s; }
  const fType = document.getElementById("f-type");
  for (const t of D.legend.types) fType.appendChild(checkbox("type", t.name, dot(t.colour), t.label, t.nodes));
  const fQuad = document.getElementById("f-quad");
  for (const q of D.legend.quads) fQuad.appendChild(checkbox("quad", q.key, line(q.colour), q.label, q.edges));
  const quadColour = new Map(D.legend.quads.map(q => [q.quad, q.colour]));
  const fRel = document.getElementById("f-rel");
  for (const r of D.legend.relations) fRel.appendChild(checkbox("relation", r.name, line(quadColour.get(r.quad) || "#8c8c8c"), r.label, r.edges));
  function setAllRelations(on) {
    for (const box of fRel.querySelectorAll("input")) {
      box.checked = on;
      if (on) state.relation.add(box.value); else state.relation.delete(box.value);
    }
    applyFilters();
    relayout();
  }
  document.getElementById("rel-all").addEventListener("click", () => setAllRelations(true));
  document.getElementById("rel-none").addEventListener("click", () => setAllRelations(false));
  const lines = document.getElementById("lines");
  const legendLine = (swatch, text) => { const d = el("label"); d.appendChild(swatch); d.appendChild(el("span", text)); lines.appendChild(d); };
  legendLine(line("#555"), "stated; arrow = subject \u2192 object");
  legendLine(line("#555", "hedged"), "hedged only (reported, uncertain)");
  if (D.legend.negated) legendLine(line(D.legend.negated_colour, "negated"), "negated (did not happen)");
  lines.appendChild(el("div", "width = number of statements; no arrow = symmetric relation", "tip-meta"));
  applyFilters();

  // ---- search: an actor by name or code; focus the network on it.
  const list = document.getElementById("actor-names");
  for (const n of D.nodes) { const o = el("option"); o.value = n.name; list.appendChild(o); }
  function findActor(query) {
    const q = String(query || "").trim().toLowerCase();
    if (!q) return null;
    const exact = D.nodes.find(n => n.name.toLowerCase() === q || String(n.label).toLowerCase() === q);
    if (exact) return exact.id;
    // Aliases too (kg serve gives them: "PRC", "Beijing" find China), as the CLI resolves them.
    const alias = D.nodes.find(n => (n.aliases || []).some(a => a.toLowerCase() === q));
    if (alias) return alias.id;
    const part = D.nodes.find(n => n.name.toLowerCase().includes(q));
    return part ? part.id : null;
  }
  function focusActor(query) {
    const id = findActor(query);
    const msg = document.getElementById("search-msg");
    if (id === null) { msg.textContent = "no actor matches \u201c" + String(query) + "\u201d"; return null; }
    msg.textContent = "";
    if (nodes.get(id).hidden) nodes.update({id: id, hidden: false});
    network.selectNodes([id]);
    network.focus(id, {scale: 1.4, animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    return id;
  }
  window.kgFocus = focusActor;
  document.getElementById("search-form").addEventListener("submit", ev => { ev.preventDefault(); focusActor(document.getElementById("search").value); });
})();
