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
    """kg's one PageRank, :func:`kg.network.pagerank` (undirected, weighted by statements).

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


def _aliases_of(node, d: dict) -> list[str]:
    """The other names the search box finds a node by: the graph's own (``kg serve`` gives the
    store's alternative labels), else kg's gazetteer names for the actor ("PRC", "Beijing")."""
    if d.get("aliases") is not None:
        return list(d["aliases"])
    try:
        from kg.model import actor_aliases

        return actor_aliases(str(node))
    except (OSError, ValueError):  # no gazetteer: names and labels still match
        return []


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
    from kg.network import degrees

    info = relations()
    pr = pagerank(graph)
    degree = degrees(graph)  # distinct partners, as kg actors counts them
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
                "aliases": sorted({_clean(x) for x in _aliases_of(n, d)} - {name}),
                "pagerank": round(pr.get(n, 0.0), 6),
                "degree": degree[n],
                "statements": strength[n],
                # Square roots so that area, not radius, follows the measure.
                "value": round(math.sqrt(pr.get(n, 0.0) if size_by == "pagerank" else degree[n]), 6),
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


@lru_cache(maxsize=4)
def _web_asset(name: str) -> str:
    """A file of the page (``kg/web/``: the HTML skeleton, its CSS and JS), shared with ``kg serve``."""
    from importlib.resources import files

    return files("kg.web").joinpath(name).read_text("utf-8")


def render(
    graph: nx.MultiDiGraph,
    title: str = "kg actor network",
    caption: str | None = None,
    size_by: str = "pagerank",
    links: dict | None = None,
    nav: list[dict] | None = None,
) -> str:
    """The self-contained HTML page for ``graph`` as a string.

    ``caption`` is a line under the title (e.g. the filters used); ``size_by`` is ``pagerank``
    or ``degree`` (distinct partners, :func:`kg.network.degrees`). ``links`` (``kg serve``) makes a click open a
    page: ``{"actor": "/actor?id=", "pair": "/pair"}``; ``nav`` is a row of ``{"href", "text"}``
    links in the header. Both are JSON data the page reads, like the graph.
    """
    data = graph_data(graph, size_by=size_by)
    head = {
        "title": title,
        "caption": caption or "",
        "generated": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
        "links": links or None,
        "nav": nav or [],
    }
    values = {
        "__KG_TITLE__": html.escape(title),
        "__KG_VIS_CSS__": _vis_asset("vis-network.css").replace("</style", "<\\/style"),
        "__KG_VIEW_CSS__": _web_asset("static/view.css").replace("</style", "<\\/style"),
        "__KG_VIS_JS__": _vis_js(),
        "__KG_VIEW_JS__": _web_asset("static/view.js").replace("</script", "<\\/script"),
        "__KG_HEAD__": _json_for_script(head),
        "__KG_DATA__": _json_for_script(data),
    }
    # One pass over the template, so text inside the values is never substituted again.
    return re.sub(r"__KG_[A-Z_]+__", lambda m: values[m.group(0)], _web_asset("view.html"))


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
