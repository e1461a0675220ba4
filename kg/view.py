"""The view stage: an actor network in, one self-contained interactive HTML file out.

The page draws the graph of :func:`kg.network.project` with vis-network (the library pyvis
drives), inlined from the installed pyvis package, so opening the file makes no network request
and works from ``file://`` offline. Nodes are actors (size by PageRank or degree, colour by actor
type, labelled with the canonical name or a country's ISO code); sector actors ("Israel: military",
labelled ``ISR:MIL``) take one hue for organs of the state and another for non-state sectors, and
their tooltip names the country and the CAMEO sector. Edges are one per (source, target, relation)
with width by statement count, colour by QuadClass, an arrow for direction and a dashed line when
every statement behind them is hedged; an evidence sentence whose event date differs from its
publication date shows both.

Document text (actor names, titles, sentences) reaches the page only as JSON data inside a
``<script type="application/json">`` element with ``<``, ``>`` and ``&`` escaped, and the page puts it
into the DOM with ``textContent`` only: it is never parsed as HTML.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="Iran", type="Country", country="IRN")
>>> g.add_node("b", label="Russia", type="Country", country="RUS")
>>> g.add_edge("a", "b", key="supplies", relation="supplies", quad=2, count=2, hedged_only=False)
'supplies'
>>> page = render(g, title="<b>demo</b>")
>>> "<b>demo</b>" in page, "&lt;b&gt;demo&lt;/b&gt;" in page
(False, True)
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import networkx as nx

from kg.errors import KGError

# Node colour and legend entry by actor category: the actor type, with sector actors split into
# organs of the state (a lighter blue, next to the countries they belong to) and non-state sectors.
TYPE_COLOURS = {
    "Country": "#2f6db5",
    "Person": "#e0822f",
    "Organization": "#8a4fb0",
    "Group": "#7a5a3a",
    "StateSector": "#5fb3d9",
    "SocietySector": "#d0589a",
}
TYPE_NAMES = {
    "Country": "Country",
    "Person": "Person",
    "Organization": "Organisation",
    "Group": "Group",
    "StateSector": "Sector actor: organ of the state",
    "SocietySector": "Sector actor: non-state",
}
# Cooperation green to conflict red; grey for leads/memberOf, which have no QuadClass.
QUAD_COLOURS = {1: "#7cb342", 2: "#2e7d32", 3: "#ef8a17", 4: "#c62828", None: "#8c8c8c"}
NEGATED_COLOUR = "#b0b0b0"
# Above these sizes the page uses straight edges, a capped Barnes-Hut stabilisation and hides
# edges while dragging, so that 2,000 actors and 10,000 edges settle within seconds.
BIG_NODES = 500
BIG_EDGES = 2500


class ViewError(KGError, ValueError):
    """A focus or selection the graph cannot satisfy (unknown actor and the like)."""


@lru_cache(maxsize=2)
def _vis_asset(name: str) -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text("utf-8")


def _vis_js() -> str:
    """vis-network.min.js ready to inline: no source-map comment (devtools would fetch it)."""
    text = re.sub(r"//# sourceMappingURL=\S*", "", _vis_asset("vis-network.min.js"))
    return text.replace("</script", "<\\/script")


def _json_for_script(data) -> str:
    """JSON safe inside a <script> element: no ``</script>``, no ``<!--``, no U+2028/2029.

    >>> _json_for_script({"s": "</script><b>&"})
    '{"s": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def pagerank(graph: nx.MultiDiGraph, weight: str = "count", directed: bool = False, **kwargs) -> dict:
    """PageRank as the view sizes nodes: undirected by default (see :func:`kg.network.pagerank`).

    >>> pr = pagerank(nx.MultiDiGraph([("a", "b"), ("c", "b")]))
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    ('b', 1.0)
    """
    from kg.network import pagerank as network_pagerank

    return network_pagerank(graph, weight=weight, directed=directed, **kwargs)


def resolve_focus(graph: nx.MultiDiGraph, name: str) -> str:
    """The node of ``graph`` that ``name`` (any name or alias of an actor) stands for.

    Resolved with :func:`kg.actors.resolve_name`, then by exact label or ISO code in the graph.
    Raises :class:`ViewError` when the actor is unknown or has no edge in ``graph``.
    """
    from kg.actors import gazetteer, resolve_name

    text = (name or "").strip()
    if not text:
        raise ViewError("--focus needs an actor name")
    actor = resolve_name(text)
    if actor.id in graph:
        return actor.id
    folded = text.casefold()
    for node, d in graph.nodes(data=True):
        if str(d.get("label", "")).casefold() == folded or (
            d.get("type") == "Country" and str(d.get("country") or "").casefold() == folded
        ):
            return node
    known = gazetteer().lookup(text) is not None or any(text.upper() == c for c in gazetteer().countries)
    if known:
        raise ViewError(f"actor {actor.label!r} has no relations in the view (check the filters)")
    raise ViewError(f"unknown actor {text!r}")


def select(
    graph: nx.MultiDiGraph, focus: str | Iterable[str] | None = None, depth: int = 1, top: int | None = None
) -> nx.MultiDiGraph:
    """The part of ``graph`` to draw: the ``depth``-neighbourhood of ``focus`` and/or the ``top`` actors.

    ``focus`` is a node id (or several); neighbours are followed in both directions. ``top`` keeps
    the N most central actors by PageRank (the focus actors first), with the edges among them.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d"), ("x", "b")])
    >>> sorted(select(g, focus="a", depth=2))
    ['a', 'b', 'c', 'x']
    >>> sorted(select(g, top=2))
    ['b', 'c']
    """
    seeds: list[str] = []
    if focus is not None:
        seeds = [focus] if isinstance(focus, str) else list(focus)
        missing = [s for s in seeds if s not in graph]
        if missing:
            raise ViewError(f"actor {missing[0]!r} is not in the graph")
        if depth < 0:
            raise ViewError("depth must be 0 or more")
        undirected = graph.to_undirected(as_view=True)
        keep: set = set()
        for s in seeds:
            keep |= set(nx.single_source_shortest_path_length(undirected, s, cutoff=depth))
        graph = graph.subgraph(keep)
    if top is not None:
        if top < 1:
            raise ViewError("top must be 1 or more")
        if graph.number_of_nodes() > top:
            pr = pagerank(graph)
            first = set(seeds)
            ranked = sorted(graph, key=lambda n: (n not in first, -pr[n], str(n)))
            graph = graph.subgraph(ranked[:top])
    return nx.MultiDiGraph(graph)


def _clean(text: str | None) -> str:
    return " ".join(str(text or "").split())


def _sectors() -> dict:
    """CAMEO sector code -> (label, organ of the state), from ontology/actors/sectors.tsv."""
    from kg.actors import gazetteer
    from kg.network import STATE_SECTORS

    try:
        return {code: (sec.label, sec.state) for code, sec in gazetteer().sectors.items()}
    except (OSError, ValueError):  # no gazetteer: codes alone still tell state organs apart
        return {code: (code, True) for code in STATE_SECTORS}


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    from kg.actors import gazetteer

    try:
        country = gazetteer().country(code)
    except (OSError, ValueError):
        country = None
    return country.label if country is not None else None


def _category(d: dict, sectors: dict) -> str:
    """The legend entry of a node: its actor type, or for a sector actor state organ / non-state."""
    typ = d.get("type")
    if typ == "SectorActor" or (d.get("sector") and typ not in TYPE_COLOURS):
        code = d.get("sector")
        return "StateSector" if code and sectors.get(code, (code, False))[1] else "SocietySector"
    return typ if typ in TYPE_COLOURS else "Organization"


def graph_data(graph: nx.MultiDiGraph, size_by: str = "pagerank") -> dict:
    """The JSON-ready nodes, edges and legend facts the page draws.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("r", label="Russia", type="Country", country="RUS")
    >>> g.add_node("p", label="Vladimir Putin", type="Person", country="RUS")
    >>> g.add_node("m", label="Russia: military", type="SectorActor", country="RUS", sector="MIL")
    >>> _ = g.add_edge("p", "r", key="leads", relation="leads", quad=None, count=3)
    >>> _ = g.add_edge("p", "m", key="leads", relation="leads", quad=None, count=1)
    >>> d = graph_data(g)
    >>> [(n["id"], n["label"], n["category"]) for n in d["nodes"]]
    [('m', 'RUS:MIL', 'StateSector'), ('p', 'Vladimir Putin', 'Person'), ('r', 'RUS', 'Country')]
    >>> d["nodes"][0]["sector_label"], d["nodes"][0]["country_name"]
    ('military', 'Russia')
    >>> e = d["edges"][1]
    >>> (e["from"], e["to"], e["relation"], e["count"], e["arrows"], e["dashes"])
    ('p', 'r', 'leads', 3, 'to', False)
    """
    from kg.ontology import QUAD_NAMES, relations

    if size_by not in ("pagerank", "degree"):
        raise ViewError(f"size_by must be pagerank or degree, not {size_by!r}")
    info = relations()
    pr = pagerank(graph)
    strength: dict = defaultdict(int)
    for u, v, d in graph.edges(data=True):
        strength[u] += int(d.get("count", 1) or 1)
        strength[v] += int(d.get("count", 1) or 1)
    sectors = _sectors()
    nodes = []
    for n, d in sorted(graph.nodes(data=True), key=lambda item: str(item[0])):
        category = _category(d, sectors)
        typ = "SectorActor" if category in ("StateSector", "SocietySector") else category
        name = _clean(d.get("label")) or str(n).rsplit("/", 1)[-1]
        sector = d.get("sector") if typ == "SectorActor" else None
        if typ == "Country" and d.get("country"):
            label = d.get("country")
        elif sector and d.get("country"):
            label = f"{d.get('country')}:{sector}"  # CAMEO-style, as a country shows its ISO code
        else:
            label = name
        rolled = [{"code": c, "label": sectors.get(c, (c, True))[0]} for c in d.get("rolled_up") or []]
        nodes.append(
            {
                "id": n,
                "label": label,
                "name": name,
                "type": typ,
                "category": category,
                "kind": d.get("kind"),
                "country": d.get("country"),
                "country_name": _country_name(d.get("country")) if typ != "Country" else None,
                "sector": sector,
                "sector_label": sectors.get(sector, (sector, False))[0] if sector else None,
                "state_organ": category == "StateSector",
                "rolled_up": rolled,
                "pagerank": round(pr.get(n, 0.0), 6),
                "degree": graph.degree(n),
                "statements": strength[n],
                # Square roots so that area, not radius, follows the measure.
                "value": round(math.sqrt(pr.get(n, 0.0) if size_by == "pagerank" else strength[n]), 6),
            }
        )
    edges = []
    big = graph.number_of_nodes() > BIG_NODES or graph.number_of_edges() > BIG_EDGES
    parallel: dict = defaultdict(int)
    ordered = sorted(graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    for i, (u, v, k, d) in enumerate(ordered):
        rel = d.get("relation") or str(k).split(":")[0]
        ri = info.get(rel)
        quad = d.get("quad", ri.quad if ri else None)
        count = int(d.get("count", 1) or 1)
        negated = bool(d.get("negated", False))
        hedged = bool(d.get("hedged_only", False))
        symmetric = bool(ri.symmetric) if ri else False
        # Parallel edges between one pair bend alternately left and right so none hides another;
        # the side is fixed by the pair's sorted order so u->v and v->u do not cancel out.
        pair = tuple(sorted((str(u), str(v))))
        j = parallel[pair]
        parallel[pair] += 1
        smooth = None
        if not big and j > 0:
            side = "curvedCW" if (j % 2 == 1) == (str(u) <= str(v)) else "curvedCCW"
            smooth = {"type": side, "roundness": round(0.18 * ((j + 1) // 2), 2)}
        edges.append(
            {
                "id": i,
                "from": u,
                "to": v,
                "relation": rel,
                "rlabel": ri.label if ri else rel,
                "quad": quad,
                "qlabel": QUAD_NAMES.get(quad, "no QuadClass"),
                "count": count,
                "first": d.get("first"),
                "last": d.get("last"),
                "hedged_only": hedged,
                "negated": negated,
                "symmetric": symmetric,
                "arrows": "" if symmetric else "to",
                "evidence": [
                    {
                        "sentence": _clean(ev.get("sentence")),
                        "title": _clean(ev.get("title")) or None,
                        "date": ev.get("date"),
                        "hedged": bool(ev.get("hedged")),
                        # The event date as the text states it (day, month or year) when it is not the
                        # publication date: "in February" in a March article.
                        **(
                            {"event_date": str(ev["event_date"]), "published": str(ev["published"])}
                            if ev.get("event_date")
                            and ev.get("published")
                            and str(ev["event_date"]) != str(ev["published"])
                            else {}
                        ),
                    }
                    for ev in (d.get("evidence") or [])[:5]
                ],
                "width": round(min(1.0 + 2.0 * math.log2(count), 12.0), 2),
                "colour": NEGATED_COLOUR if negated else QUAD_COLOURS.get(quad, QUAD_COLOURS[None]),
                "dashes": [2, 5] if negated else ([8, 6] if hedged else False),
                "smooth": smooth,
            }
        )
    rel_counts: dict = defaultdict(int)
    for e in edges:
        rel_counts[e["relation"]] += 1
    order = list(info)
    rel_legend = [
        {
            "name": r,
            "label": info[r].label if r in info else r,
            "quad": info[r].quad if r in info else None,
            "edges": rel_counts[r],
        }
        for r in sorted(rel_counts, key=lambda r: (order.index(r) if r in order else len(order), r))
    ]
    type_counts: dict = defaultdict(int)
    for n in nodes:
        type_counts[n["category"]] += 1
    quad_counts: dict = defaultdict(int)
    for e in edges:
        quad_counts[e["quad"]] += 1
    return {
        "nodes": nodes,
        "edges": edges,
        "big": big,
        "size_by": size_by,
        "legend": {
            "types": [
                {"name": t, "label": TYPE_NAMES[t], "colour": c, "nodes": type_counts[t]}
                for t, c in TYPE_COLOURS.items()
                if type_counts[t]
            ],
            "quads": [
                {
                    "quad": q,
                    "key": "none" if q is None else str(q),
                    "label": f"{q} {QUAD_NAMES[q]}" if q else "no QuadClass (leads, member of)",
                    "colour": QUAD_COLOURS[q],
                    "edges": quad_counts[q],
                }
                for q in (1, 2, 3, 4, None)
                if quad_counts[q]
            ],
            "relations": rel_legend,
            "negated": any(e["negated"] for e in edges),
            "negated_colour": NEGATED_COLOUR,
        },
    }


def render(
    graph: nx.MultiDiGraph, title: str = "kg actor network", caption: str | None = None, size_by: str = "pagerank"
) -> str:
    """The self-contained HTML page for ``graph`` as a string.

    ``caption`` is a line under the title (e.g. the filters used); ``size_by`` is ``pagerank``
    or ``degree`` (statements touching the actor).
    """
    data = graph_data(graph, size_by=size_by)
    head = {
        "title": title,
        "caption": caption or "",
        "generated": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
    }
    values = {
        "__KG_TITLE__": html.escape(title),
        "__KG_VIS_CSS__": _vis_asset("vis-network.css").replace("</style", "<\\/style"),
        "__KG_VIS_JS__": _vis_js(),
        "__KG_HEAD__": _json_for_script(head),
        "__KG_DATA__": _json_for_script(data),
    }
    # One pass over the template, so text inside the values is never substituted again.
    return re.sub(r"__KG_[A-Z_]+__", lambda m: values[m.group(0)], _TEMPLATE)


def write_view(
    graph: nx.MultiDiGraph,
    out: str | Path,
    title: str = "kg actor network",
    caption: str | None = None,
    size_by: str = "pagerank",
) -> Path:
    """Write :func:`render` of ``graph`` to ``out`` (UTF-8) and return the path."""
    out = Path(out)
    out.write_text(render(graph, title=title, caption=caption, size_by=size_by), encoding="utf-8")
    return out


def show(graph: nx.MultiDiGraph, title: str = "kg actor network", height: int = 640, **kwargs):
    """Display the view inline in a Jupyter notebook (an ``<iframe srcdoc>`` of the page).

    Returns ``IPython.display.HTML``; IPython is imported only here.
    """
    from IPython.display import HTML

    page = render(graph, title=title, **kwargs)
    return HTML(
        f'<div><iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
        'sandbox="allow-scripts"></iframe></div>'
    )


_TEMPLATE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>__KG_TITLE__</title>
<style>__KG_VIS_CSS__</style>
<style>
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #222; }
body { display: flex; flex-direction: column; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd; background: #fafafa; }
header h1 { font-size: 17px; margin: 0; }
header p { margin: 2px 0 0; color: #555; }
main { flex: 1; display: flex; min-height: 0; }
aside { width: 275px; flex: none; overflow-y: auto; padding: 6px 10px; border-right: 1px solid #ddd; background: #fcfcfc; }
aside h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #555; margin: 10px 0 3px; }
aside label { display: flex; align-items: center; gap: 5px; cursor: pointer; }
#lines label { cursor: default; }
aside .n { color: #888; margin-left: auto; }
.dot { width: 11px; height: 11px; border-radius: 50%; flex: none; }
.line { width: 22px; height: 0; border-top: 3px solid; flex: none; }
.line.hedged { border-top-style: dashed; }
.line.negated { border-top-style: dotted; }
#search-form { display: flex; gap: 4px; }
#search { flex: 1; min-width: 0; padding: 3px 5px; }
#search-msg { color: #a33; min-height: 1em; margin: 2px 0; }
.mini { font-size: 11px; padding: 0 5px; }
#status { color: #555; margin-top: 6px; font-style: italic; }
#net { flex: 1; min-width: 0; position: relative; }
#empty { position: absolute; top: 40%; width: 100%; text-align: center; color: #777; font-size: 16px; }
div.vis-tooltip { white-space: normal; max-width: 460px; font: 12px/1.35 system-ui, "DejaVu Sans", sans-serif; padding: 7px 9px; background: #fff; border: 1px solid #bbb; box-shadow: 0 2px 8px rgba(0,0,0,.18); border-radius: 4px; color: #222; }
.tip-head { font-weight: 600; }
.tip-meta { color: #555; }
.tip-flag { color: #8a5a00; }
.tip ol { margin: 5px 0 0; padding-left: 18px; }
.tip li { margin-bottom: 4px; }
.tip .src { color: #666; font-size: 11px; }
</style>
</head>
<body>
<header><h1 id="title"></h1><p id="caption"></p></header>
<main>
<aside id="panel">
  <h2>Find an actor</h2>
  <form id="search-form" autocomplete="off"><input id="search" list="actor-names" placeholder="name or code"><button id="search-go" type="submit">Focus</button></form>
  <datalist id="actor-names"></datalist>
  <div id="search-msg" role="status"></div>
  <h2>Actors <span class="mini" id="size-note"></span></h2>
  <div id="f-type"></div>
  <h2>QuadClass (edge colour)</h2>
  <div id="f-quad"></div>
  <h2>Lines</h2>
  <div id="lines"></div>
  <div id="status" role="status"></div>
  <h2>Relations <button type="button" class="mini" id="rel-all">all</button> <button type="button" class="mini" id="rel-none">none</button></h2>
  <div id="f-rel"></div>
</aside>
<div id="net"></div>
</main>
<script type="application/json" id="kg-data">__KG_DATA__</script>
<script type="application/json" id="kg-head">__KG_HEAD__</script>
<script>__KG_VIS_JS__</script>
<script>
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
    box.appendChild(el("div", n.degree + (n.degree === 1 ? " edge, " : " edges, ") + n.statements + (n.statements === 1 ? " statement" : " statements") + " \u00b7 PageRank " + n.pagerank.toFixed(4), "tip-meta"));
    return box;
  }
  window.kgEdgeTooltip = id => edgeTooltip(edgeById.get(id));
  window.kgNodeTooltip = id => nodeTooltip(nodeById.get(id));

  document.title = H.title;
  document.getElementById("title").textContent = H.title;
  document.getElementById("caption").textContent =
    (H.caption ? H.caption + " \u00b7 " : "") + D.nodes.length + " actors, " + D.edges.length + " edges \u00b7 generated " + H.generated;
  document.getElementById("size-note").textContent = D.size_by === "degree" ? "(size: statements)" : "(size: PageRank)";

  const typeColour = new Map(D.legend.types.map(t => [t.name, t.colour]));
  const nodes = new vis.DataSet(D.nodes.map(n => ({
    id: n.id, label: n.label, value: n.value, actorType: n.type, category: n.category, title: nodeTooltip(n),
    color: {background: typeColour.get(n.category), border: "#333", highlight: {background: typeColour.get(n.category), border: "#000"},
            hover: {background: typeColour.get(n.category), border: "#000"}},
  })));
  const edges = new vis.DataSet(D.edges.map(e => {
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
</script>
</body>
</html>
"""
