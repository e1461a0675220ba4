"""The view stage: an actor network in, one self-contained interactive HTML file out.

The page draws the graph with vis-network (the library pyvis drives), inlined from the installed
pyvis package, so it is a single file that makes no network request and works from ``file://``
with networking off. Nodes are actors (size by PageRank or degree, colour by actor type); edges
are the ``(subject, object, relation)`` aggregates of :func:`kg.network.project` (width by
statement count, colour by QuadClass, arrow for direction, dashed when every statement was
hedged). The page has a legend, filter check boxes (relation, QuadClass, actor type), an actor
search and tooltips with up to five evidence sentences.

Safety: document text (actor names, titles, sentences) reaches the page only as JSON data with
``<``, ``>`` and ``&`` escaped, and is put into the DOM with ``textContent``; it is never parsed
as HTML. Tooltips are built with ``createElement`` by the page's own code.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from pathlib import Path

import networkx as nx

from kg.ontology import QUAD_NAMES, relations

# Cooperation green to conflict red; material cooperation is the most cooperative class.
QUAD_COLOURS = {2: "#1a7f37", 1: "#6aaa2a", 3: "#e6851e", 4: "#c62828", None: "#8a8a8a"}
TYPE_COLOURS = {"Country": "#3b6fd8", "Person": "#8e44ad", "Organization": "#d4a017", "Group": "#16a3a3"}
TYPE_SHAPES = {"Country": "dot", "Person": "dot", "Organization": "square", "Group": "triangle"}
# Above this many actors the browser lays the graph out with fewer physics iterations and
# straight edges so that 2,000 actors and 10,000 edges settle in a few seconds.
BIG_GRAPH = 500
SIZE_BY = ("pagerank", "degree")


class ViewError(ValueError):
    """A user-facing problem with a view request (unknown focus actor, bad option)."""


# ----------------------------------------------------------------------------- analytics
def pagerank(graph: nx.MultiDiGraph, alpha: float = 0.85, tol: float = 1.0e-9, max_iter: int = 200) -> dict:
    """PageRank of each actor, weighted by statement count.

    Plain power iteration: ``networkx.pagerank`` needs SciPy, which kg does not depend on.
    Parallel edges add their weights; dangling actors spread their rank evenly.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", count=2)
    >>> _ = g.add_edge("c", "b", count=1)
    >>> pr = pagerank(g)
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    ('b', 1.0)
    """
    n = graph.number_of_nodes()
    if n == 0:
        return {}
    out_w: dict = defaultdict(float)
    incoming: dict = defaultdict(list)
    for u, v, d in graph.edges(data=True):
        w = float(d.get("count", 1) or 1)
        out_w[u] += w
        incoming[v].append((u, w))
    rank = dict.fromkeys(graph, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in graph if out_w[u] == 0) / n
        new = {v: (1.0 - alpha) / n + dangling + alpha * sum(rank[u] * w / out_w[u] for u, w in incoming[v])
               for v in graph}
        err = sum(abs(new[v] - rank[v]) for v in graph)
        rank = new
        if err < n * tol:
            break
    return rank


def resolve_actor(graph: nx.MultiDiGraph, name: str) -> str:
    """The node id in ``graph`` for an actor name, alias, ISO code or IRI.

    Names go through :func:`kg.actors.resolve_name` (so "Moscow" is Russia), then an exact,
    case-insensitive match on the actors' labels. Raises :class:`ViewError` when the actor is
    unknown or has no relation in ``graph``.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("https://w3id.org/kg/id/country/RUS", label="Russia", type="Country")
    >>> resolve_actor(g, "the Kremlin")
    'https://w3id.org/kg/id/country/RUS'
    """
    from kg.actors import resolve_name

    text = (name or "").strip()
    if not text:
        raise ViewError("--focus needs an actor name")
    if text in graph:
        return text
    actor = resolve_name(text)
    if actor.id in graph:
        return actor.id
    folded = text.casefold()
    for node, d in graph.nodes(data=True):
        if str(d.get("label", "")).casefold() == folded:
            return node
    known = actor.label if actor.type != "Person" or actor.id in graph else None
    if known and known.casefold() != folded:
        raise ViewError(f"actor {text!r} ({known}) has no relations in the selected network")
    raise ViewError(f"unknown actor {text!r}: no actor of that name or alias in the selected network")


def select(graph: nx.MultiDiGraph, focus: str | None = None, depth: int = 1, top: int | None = None) -> nx.MultiDiGraph:
    """The part of ``graph`` to draw: the neighbourhood of ``focus`` and/or the ``top`` actors.

    ``focus`` (a name, alias or node id, see :func:`resolve_actor`) keeps the actors within
    ``depth`` hops of it, whatever the edge direction. ``top`` then keeps the ``top`` actors
    with the highest PageRank (the focus actor always stays). Actors left without an edge are
    dropped. Returns a new graph; ``graph`` is not changed.

    >>> g = nx.MultiDiGraph()
    >>> for u, v in [("a", "b"), ("b", "c"), ("c", "d")]:
    ...     _ = g.add_edge(u, v, key="meets", count=1)
    >>> sorted(select(g, focus="b", depth=1))
    ['a', 'b', 'c']
    >>> sorted(select(g, top=2))
    ['c', 'd']
    """
    if depth < 0:
        raise ViewError("--depth must be 0 or more")
    if top is not None and top < 1:
        raise ViewError("--top must be 1 or more")
    keep = set(graph)
    centre = None
    if focus is not None:
        centre = resolve_actor(graph, focus)
        keep = set(nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=depth))
    sub = graph.subgraph(keep)
    if top is not None and sub.number_of_nodes() > top:
        pr = pagerank(sub)
        ranked = sorted(sub, key=lambda n: (-pr[n], str(n)))
        chosen = set(ranked[:top])
        if centre is not None and centre not in chosen:
            chosen.discard(ranked[top - 1])
            chosen.add(centre)
        sub = graph.subgraph(chosen)
    result = nx.MultiDiGraph(sub)
    result.remove_nodes_from([n for n in list(result) if result.degree(n) == 0 and n != centre])
    return result


# ----------------------------------------------------------------------------- page data
def _vis_asset(name: str) -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text("utf-8")


def _json_for_script(data) -> str:
    """JSON safe inside a ``<script>`` element: no ``</script>``, no ``<!--``, no U+2028/2029.

    >>> _json_for_script({"s": "</script><b>&"})
    '{"s": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def _node_label(d: dict, node: str) -> str:
    if d.get("type") == "Country" and d.get("country"):
        return d["country"]
    return d.get("label") or node.rsplit("/", 1)[-1]


def graph_data(graph: nx.MultiDiGraph, size_by: str = "pagerank") -> dict:
    """The JSON the page draws: nodes, edges, relation and QuadClass names, colours.

    Edge ids are ``"<subject IRI> <edge key> <object IRI>"`` (IRIs hold no spaces), so an edge
    of :func:`kg.network.project` is found in the page by its ``(u, v, key)``.
    """
    if size_by not in SIZE_BY:
        raise ViewError(f"unknown size measure {size_by!r}: use pagerank or degree")
    info = relations()
    pr = pagerank(graph)
    strength = {n: sum(d.get("count", 1) for _, _, d in graph.in_edges(n, data=True))
                + sum(d.get("count", 1) for _, _, d in graph.out_edges(n, data=True)) for n in graph}
    nodes = []
    for n, d in graph.nodes(data=True):
        typ = d.get("type") or "Organization"
        nodes.append({
            "id": n, "label": _node_label(d, n), "name": d.get("label") or n, "type": typ, "kind": d.get("kind"),
            "country": d.get("country"), "pagerank": round(pr.get(n, 0.0), 6), "degree": graph.degree(n),
            "statements": strength[n], "value": pr.get(n, 0.0) if size_by == "pagerank" else strength[n],
        })
    # Parallel edges (several relations, or both directions, between one pair) get distinct curves.
    pair_index: dict = defaultdict(int)
    pair_size: dict = defaultdict(int)
    for u, v in graph.edges():
        pair_size[(u, v) if str(u) <= str(v) else (v, u)] += 1
    edges = []
    for u, v, k, d in sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        rel = d.get("relation", k)
        pair = (u, v) if str(u) <= str(v) else (v, u)
        index = pair_index[pair]
        pair_index[pair] += 1
        ri = info.get(rel)
        edges.append({
            "id": f"{u} {k} {v}", "from": u, "to": v, "relation": rel, "label": ri.label if ri else rel,
            "quad": d.get("quad"), "symmetric": bool(ri and ri.symmetric), "count": d.get("count", 1),
            "first": d.get("first"), "last": d.get("last"), "hedged_only": bool(d.get("hedged_only", False)),
            "negated": bool(d.get("negated", False)), "curve": index, "parallel": pair_size[pair],
            "evidence": [{"sentence": " ".join(str(ev.get("sentence") or "").split()), "title": ev.get("title"),
                          "date": ev.get("date"), "document": ev.get("document"), "hedged": bool(ev.get("hedged"))}
                         for ev in d.get("evidence", [])[:5]],
        })
    present = sorted({e["relation"] for e in edges}, key=lambda r: (list(info).index(r) if r in info else 99, r))
    return {
        "nodes": nodes,
        "edges": edges,
        "relations": [{"name": r, "label": info[r].label if r in info else r, "quad": info[r].quad if r in info else None,
                       "count": sum(1 for e in edges if e["relation"] == r)} for r in present],
        "quads": [{"quad": q, "name": QUAD_NAMES[q], "colour": QUAD_COLOURS[q]} for q in (2, 1, 3, 4)]
        + [{"quad": None, "name": "no QuadClass (leads, memberOf)", "colour": QUAD_COLOURS[None]}],
        "types": [{"type": t, "colour": TYPE_COLOURS[t], "shape": TYPE_SHAPES[t],
                   "count": sum(1 for n in nodes if n["type"] == t)} for t in TYPE_COLOURS],
        "sizeBy": size_by,
        "big": len(nodes) > BIG_GRAPH,
    }


# ----------------------------------------------------------------------------- the page
_CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328}
#kg-app{display:flex;height:100vh}
#kg-side{width:280px;flex:none;overflow-y:auto;border-right:1px solid #d0d7de;padding:10px 12px;background:#f6f8fa}
#kg-main{flex:1;display:flex;flex-direction:column;min-width:0}
#kg-head{padding:8px 14px;border-bottom:1px solid #d0d7de}
#kg-title{font-size:18px;margin:0}
#kg-summary{color:#57606a;font-size:12px}
#kg-net{flex:1;position:relative;min-height:300px}
#kg-empty{position:absolute;top:40%;width:100%;text-align:center;color:#57606a;display:none}
#kg-side h2{font-size:13px;margin:12px 0 4px;text-transform:uppercase;letter-spacing:.04em;color:#57606a}
#kg-side label{display:flex;align-items:center;gap:6px;font-size:13px;cursor:pointer}
#kg-side label .n{color:#8c959f;margin-left:auto}
.sw{display:inline-block;width:12px;height:12px;border-radius:50%;flex:none}
.sw.square{border-radius:1px}.sw.triangle{border-radius:0;clip-path:polygon(50% 0,100% 100%,0 100%)}
.ln{display:inline-block;width:24px;height:0;border-top:3px solid;flex:none}
.ln.dash{border-top-style:dashed}.ln.dot{border-top-style:dotted}
.lg{display:flex;align-items:center;gap:6px;font-size:12px;margin:2px 0}
#kg-search{display:flex;gap:4px}
#kg-search input{flex:1;min-width:0;padding:4px 6px;border:1px solid #d0d7de;border-radius:4px}
#kg-search button,.kg-btn{padding:3px 8px;border:1px solid #d0d7de;border-radius:4px;background:#fff;cursor:pointer}
#kg-search-msg{font-size:12px;color:#cf222e;min-height:1em}
.kg-tip{position:absolute;z-index:10;max-width:460px;background:#fff;border:1px solid #8c959f;border-radius:6px;
  padding:8px 10px;box-shadow:0 4px 14px rgba(0,0,0,.18);font-size:13px;pointer-events:none;display:none;white-space:normal;overflow-wrap:anywhere}
.kg-tip .t-head{font-weight:600}
.kg-tip .t-meta{color:#57606a;font-size:12px}
.kg-tip blockquote{margin:6px 0 0;padding-left:8px;border-left:3px solid #d0d7de}
.kg-tip .t-src{color:#57606a;font-size:12px}
#kg-detail .kg-tip{position:static;display:block;box-shadow:none;pointer-events:auto;max-width:none}
"""

_JS = r"""
(function () {
"use strict";
const DATA = window.KG_DATA;
const TYPE = Object.fromEntries(DATA.types.map(t => [t.type, t]));
const QUAD = Object.fromEntries(DATA.quads.map(q => [String(q.quad), q]));
const nodeInfo = new Map(DATA.nodes.map(n => [n.id, n]));
const edgeInfo = new Map(DATA.edges.map(e => [e.id, e]));
const $ = id => document.getElementById(id);

// All document text goes in with textContent: it is shown, never parsed as HTML.
function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}
function span(text, cls) { return el("span", text, cls); }

function dates(a, b) {
  if (!a && !b) return "undated";
  return a === b || !b ? a : (a || "?") + " to " + b;
}

function edgeTooltip(id) {
  const e = edgeInfo.get(id);
  if (!e) return null;
  const s = nodeInfo.get(e.from), o = nodeInfo.get(e.to);
  const box = el("div");
  box.appendChild(el("div", s.name + (e.negated ? " does not " : " ") + e.label + " " + o.name, "t-head"));
  const q = QUAD[String(e.quad)];
  box.appendChild(el("div", "relation " + e.relation + " \u00b7 " + q.name + " \u00b7 " + e.count +
    (e.count === 1 ? " statement" : " statements") + " \u00b7 " + dates(e.first, e.last) +
    (e.hedged_only ? " \u00b7 hedged only" : "") + (e.negated ? " \u00b7 negated" : ""), "t-meta"));
  for (const ev of e.evidence) {
    box.appendChild(el("blockquote", ev.sentence + (ev.hedged ? " (hedged)" : "")));
    box.appendChild(el("div", "\u2014 " + (ev.title || ev.document || "untitled") + (ev.date ? ", " + ev.date : ""), "t-src"));
  }
  if (e.count > e.evidence.length) box.appendChild(el("div", "showing " + e.evidence.length + " of " + e.count, "t-meta"));
  return box;
}

function nodeTooltip(id) {
  const n = nodeInfo.get(id);
  if (!n) return null;
  const box = el("div");
  box.appendChild(el("div", n.name, "t-head"));
  box.appendChild(el("div", [n.kind || n.type, n.country].filter(Boolean).join(" \u00b7 "), "t-meta"));
  box.appendChild(el("div", n.degree + " relations \u00b7 " + n.statements + " statements \u00b7 PageRank " +
    n.pagerank.toFixed(4), "t-meta"));
  return box;
}
window.kgTooltip = edgeTooltip;
window.kgNodeTooltip = nodeTooltip;

// ---- the network
const big = DATA.big;
const nodes = new vis.DataSet(DATA.nodes.map(n => ({
  id: n.id, label: n.label, value: n.value, shape: TYPE[n.type].shape, hidden: false,
  color: {background: TYPE[n.type].colour, border: "#2d333b", highlight: {background: TYPE[n.type].colour, border: "#000"},
          hover: {background: TYPE[n.type].colour, border: "#000"}},
})));
const edges = new vis.DataSet(DATA.edges.map(e => {
  const c = QUAD[String(e.quad)].colour;
  const item = {id: e.id, from: e.from, to: e.to, value: e.count, hidden: false,
    color: {color: c, highlight: c, hover: c, opacity: 0.85},
    arrows: e.symmetric ? "" : "to",
    dashes: e.negated ? [2, 5] : (e.hedged_only ? [8, 5] : false)};
  // Several relations between one pair: fan them out so each stays visible and hoverable.
  if (e.parallel > 1 && e.curve > 0) item.smooth = {enabled: true, type: "curvedCW", roundness: 0.18 * e.curve};
  return item;
}));
window.kgNodes = nodes;
window.kgEdges = edges;
window.kgReady = false;

const container = $("kg-net");
const options = {
  autoResize: true,
  nodes: {font: {size: 14, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff"},
          scaling: {min: 8, max: 36, label: {enabled: false}}, borderWidth: 1},
  edges: {scaling: {min: 1, max: 9}, smooth: {enabled: false}, arrows: {to: {scaleFactor: 0.6}},
          selectionWidth: 2, hoverWidth: 1.5},
  layout: {randomSeed: 7, improvedLayout: DATA.nodes.length <= 100},
  interaction: {hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: big, navigationButtons: false},
  physics: {
    solver: "forceAtlas2Based",
    forceAtlas2Based: {gravitationalConstant: big ? -60 : -45, centralGravity: big ? 0.02 : 0.012, springLength: big ? 60 : 90,
                       springConstant: 0.08, avoidOverlap: big ? 0 : 0.4},
    stabilization: {enabled: true, iterations: big ? 120 : 400, updateInterval: 50, fit: true},
    minVelocity: 1.0,
  },
};
const network = new vis.Network(container, {nodes, edges}, options);
window.kgNetwork = network;

function settled() {
  // Physics off once laid out: a still picture costs nothing and nodes stay where dragged.
  network.setOptions({physics: false});
  network.fit({animation: false});
  window.kgReady = true;
  document.dispatchEvent(new CustomEvent("kg-ready"));
}
if (DATA.nodes.length === 0) { $("kg-empty").style.display = "block"; window.kgReady = true; }
else network.once("stabilizationIterationsDone", settled);

// ---- tooltip (own element so that it is built lazily and with textContent only)
const tip = el("div", null, "kg-tip");
tip.id = "kg-tip";
container.appendChild(tip);
function showTip(content, pointer) {
  if (!content) return;
  tip.replaceChildren(content);
  tip.style.display = "block";
  const w = container.clientWidth, h = container.clientHeight;
  let x = pointer.DOM.x + 14, y = pointer.DOM.y + 14;
  if (x + tip.offsetWidth > w) x = Math.max(0, pointer.DOM.x - tip.offsetWidth - 14);
  if (y + tip.offsetHeight > h) y = Math.max(0, h - tip.offsetHeight - 4);
  tip.style.left = x + "px"; tip.style.top = y + "px";
}
function hideTip() { tip.style.display = "none"; }
network.on("hoverEdge", p => showTip(edgeTooltip(p.edge), p.pointer));
network.on("hoverNode", p => showTip(nodeTooltip(p.node), p.pointer));
network.on("blurEdge", hideTip);
network.on("blurNode", hideTip);
network.on("dragStart", hideTip);
network.on("zoom", hideTip);

// Clicking pins the details in the side panel, where the text can be read and copied.
const detail = $("kg-detail");
function showDetail(content) {
  detail.replaceChildren();
  if (content) { const box = el("div", null, "kg-tip"); box.appendChild(content); detail.appendChild(box); }
}
network.on("click", p => {
  if (p.nodes.length) showDetail(nodeTooltip(p.nodes[0]));
  else if (p.edges.length) showDetail(edgeTooltip(p.edges[0]));
  else showDetail(null);
});

// ---- filters
const state = {relation: new Set(DATA.relations.map(r => r.name)), quad: new Set(DATA.quads.map(q => String(q.quad))),
               type: new Set(DATA.types.map(t => t.type))};
function applyFilters() {
  const nodeOk = id => state.type.has(nodeInfo.get(id).type);
  const visibleDegree = new Map();
  const edgeUpdates = [];
  for (const e of DATA.edges) {
    const show = state.relation.has(e.relation) && state.quad.has(String(e.quad)) && nodeOk(e.from) && nodeOk(e.to);
    if (show) { visibleDegree.set(e.from, 1); visibleDegree.set(e.to, 1); }
    if (edges.get(e.id).hidden === show) edgeUpdates.push({id: e.id, hidden: !show});
  }
  // An actor whose every relation is filtered out is hidden too, so no stray dots remain.
  const nodeUpdates = [];
  for (const n of DATA.nodes) {
    const show = nodeOk(n.id) && visibleDegree.has(n.id);
    if (nodes.get(n.id).hidden === show) nodeUpdates.push({id: n.id, hidden: !show});
  }
  edges.update(edgeUpdates);
  nodes.update(nodeUpdates);
  const shownEdges = DATA.edges.length - edges.get({filter: x => x.hidden}).length;
  $("kg-shown").textContent = "showing " + (DATA.nodes.length - nodes.get({filter: x => x.hidden}).length) +
    " actors, " + shownEdges + " relations";
}
window.kgApplyFilters = applyFilters;

function checkbox(group, value, text, count, swatch) {
  const label = el("label");
  const box = el("input");
  box.type = "checkbox"; box.checked = true;
  box.dataset.filter = group; box.value = value;
  box.addEventListener("change", () => {
    if (box.checked) state[group].add(value); else state[group].delete(value);
    applyFilters();
  });
  label.append(box);
  if (swatch) label.append(swatch);
  label.append(span(text));
  if (count !== undefined) label.append(span(count, "n"));
  return label;
}
function swatch(colour, shape) { const s = span(null, "sw " + (shape || "")); s.style.background = colour; return s; }
function line(colour, style) { const s = span(null, "ln " + (style || "")); s.style.borderTopColor = colour; return s; }

const relBox = $("kg-f-relation"), quadBox = $("kg-f-quad"), typeBox = $("kg-f-type");
for (const r of DATA.relations) relBox.append(checkbox("relation", r.name, r.label, r.count, line(QUAD[String(r.quad)].colour)));
for (const q of DATA.quads) {
  const n = DATA.edges.filter(e => String(e.quad) === String(q.quad)).length;
  quadBox.append(checkbox("quad", String(q.quad), (q.quad ? q.quad + " " : "") + q.name, n, line(q.colour)));
}
for (const t of DATA.types) typeBox.append(checkbox("type", t.type, t.type, t.count, swatch(t.colour, t.shape)));
for (const [group, box] of [["relation", relBox], ["quad", quadBox], ["type", typeBox]]) {
  for (const [text, on] of [["all", true], ["none", false]]) {
    const b = el("button", text, "kg-btn");
    b.type = "button";
    b.addEventListener("click", () => {
      for (const c of box.querySelectorAll("input[type=checkbox]")) { c.checked = on; if (on) state[group].add(c.value); else state[group].delete(c.value); }
      applyFilters();
    });
    $("kg-h-" + group).append(" ", b);
  }
}

// ---- legend
const legend = $("kg-legend");
function legendRow(mark, text) { const d = el("div", null, "lg"); d.append(mark, span(text)); legend.append(d); }
legendRow(line("#57606a"), "arrow: subject \u2192 object (none for meets, agrees with, cooperates with)");
legendRow(line("#57606a", "dash"), "dashed: every statement hedged");
legendRow(line("#57606a", "dot"), "dotted: negated (--include-negated)");
legendRow(line("#57606a"), "width: number of statements");
legendRow(swatch("#57606a"), "size: " + (DATA.sizeBy === "pagerank" ? "PageRank" : "degree (statements)"));

// ---- search and focus
const list = $("kg-actors");
for (const n of [...DATA.nodes].sort((a, b) => a.name.localeCompare(b.name))) {
  const o = el("option"); o.value = n.name; list.append(o);
}
function findActor(text) {
  const q = text.trim().toLowerCase();
  if (!q) return null;
  const exact = DATA.nodes.find(n => n.name.toLowerCase() === q || String(n.label).toLowerCase() === q);
  if (exact) return exact;
  return DATA.nodes.find(n => n.name.toLowerCase().startsWith(q)) || DATA.nodes.find(n => n.name.toLowerCase().includes(q)) || null;
}
function focusActor(text) {
  const n = findActor(text);
  const msg = $("kg-search-msg");
  if (!n) { msg.textContent = "no actor matches \u201c" + text + "\u201d"; return null; }
  msg.textContent = "";
  if (nodes.get(n.id).hidden) { msg.textContent = n.name + " is hidden by the filters"; return n.id; }
  network.selectNodes([n.id]);
  network.focus(n.id, {scale: 1.4, animation: {duration: 400, easingFunction: "easeInOutQuad"}});
  showDetail(nodeTooltip(n.id));
  return n.id;
}
window.kgFocus = focusActor;
$("kg-search").addEventListener("submit", ev => { ev.preventDefault(); focusActor($("kg-q").value); });
$("kg-fit").addEventListener("click", () => { network.unselectAll(); network.fit({animation: {duration: 400}}); });

$("kg-title").textContent = DATA.title;
$("kg-summary").textContent = DATA.summary;
applyFilters();
})();
"""

_BODY = """<div id="kg-app">
<aside id="kg-side">
<form id="kg-search" autocomplete="off"><input id="kg-q" list="kg-actors" placeholder="Find an actor" aria-label="Find an actor"><button type="submit">Go</button></form>
<datalist id="kg-actors"></datalist>
<div id="kg-search-msg"></div>
<div><button type="button" id="kg-fit" class="kg-btn">Fit all</button> <span id="kg-shown" class="n"></span></div>
<h2>Legend</h2><div id="kg-legend"></div>
<h2 id="kg-h-type">Actor type</h2><div id="kg-f-type"></div>
<h2 id="kg-h-quad">QuadClass</h2><div id="kg-f-quad"></div>
<h2 id="kg-h-relation">Relation</h2><div id="kg-f-relation"></div>
<h2>Details</h2><div id="kg-detail"></div>
</aside>
<main id="kg-main"><header id="kg-head"><h1 id="kg-title"></h1><div id="kg-summary"></div></header>
<div id="kg-net"><div id="kg-empty">No relations match the selection.</div></div></main>
</div>"""


def render(graph: nx.MultiDiGraph, title: str = "kg actor network", size_by: str = "pagerank") -> str:
    """The self-contained HTML page for ``graph`` (as :func:`kg.network.project` returns it).

    >>> page = render(nx.MultiDiGraph(), title="<b>empty</b>")
    >>> "<title>&lt;b&gt;empty&lt;/b&gt;</title>" in page, "<b>empty" in page
    (True, False)
    """
    data = graph_data(graph, size_by=size_by)
    statements = sum(e["count"] for e in data["edges"])
    data["title"] = title
    data["summary"] = (f"{len(data['nodes'])} actors, {len(data['edges'])} relations from {statements} statements. "
                       "Hover an edge for its evidence; click to pin it.")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        # No request may leave the page, whatever a future edit inlines.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{_vis_asset('vis-network.css')}</style>\n<style>{_CSS}</style>\n"
        f"<script>{_vis_asset('vis-network.min.js')}</script>\n"
        f"</head><body>\n{_BODY}\n"
        f"<script>window.KG_DATA = {_json_for_script(data)};</script>\n"
        f"<script>{_JS}</script>\n</body></html>\n"
    )


def write_view(graph: nx.MultiDiGraph, out: str | Path, title: str = "kg actor network", size_by: str = "pagerank") -> Path:
    """Write :func:`render` of ``graph`` to ``out`` (UTF-8) and return the path."""
    out = Path(out)
    out.write_text(render(graph, title=title, size_by=size_by), encoding="utf-8")
    return out


def show(graph: nx.MultiDiGraph, title: str = "kg actor network", height: int = 640, size_by: str = "pagerank"):
    """Display the view inline in a Jupyter notebook (an ``IPython.display.HTML`` iframe).

    The page goes into the iframe's ``srcdoc`` attribute, HTML-escaped, and the iframe is
    sandboxed to scripts only, so the view cannot touch the notebook.
    """
    from IPython.display import HTML  # lazy: IPython is only there in notebooks

    page = render(graph, title=title, size_by=size_by)
    return HTML(
        f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #d0d7de" title="{html.escape(title, quote=True)}"></iframe>'
    )
