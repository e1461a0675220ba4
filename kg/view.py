"""The view stage: an actor network in, one self-contained interactive HTML file out.

Rendering uses vis-network, the library pyvis drives, inlined from the pyvis package so the page
makes no network request. Document text (actor names, titles, sentences) reaches the page only
as JSON data and is put into the DOM with ``textContent``: it is never parsed as HTML.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import networkx as nx

QUAD_COLOURS = {1: "#2e9e44", 2: "#1b7a34", 3: "#e08a1e", 4: "#c62828", None: "#7f7f7f"}


def _vis_asset(name: str) -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text("utf-8")


def _json_for_script(data) -> str:
    """JSON safe inside a <script> element: no "</script>", no "<!--", no U+2028/2029."""
    text = json.dumps(data, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def graph_data(graph: nx.MultiDiGraph) -> dict:
    nodes = []
    for n, d in graph.nodes(data=True):
        label = d.get("country") if d.get("type") == "Country" and d.get("country") else d.get("label", n)
        nodes.append({"id": n, "label": label, "name": d.get("label", n), "type": d.get("type"), "country": d.get("country")})
    edges = []
    for i, (u, v, k, d) in enumerate(graph.edges(keys=True, data=True)):
        edges.append({
            "id": i, "from": u, "to": v, "relation": d.get("relation", k), "quad": d.get("quad"),
            "count": d.get("count", 1), "first": d.get("first"), "last": d.get("last"),
            "hedged_only": d.get("hedged_only", False), "negated": d.get("negated", False),
            "evidence": d.get("evidence", []), "color": QUAD_COLOURS.get(d.get("quad"), "#7f7f7f"),
        })
    return {"nodes": nodes, "edges": edges}


def render(graph: nx.MultiDiGraph, title: str = "kg actor network") -> str:
    """The HTML page for ``graph`` as a string."""
    data = _json_for_script(graph_data(graph))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>{_vis_asset("vis-network.css")}
body{{font-family:sans-serif;margin:0}} #net{{width:100%;height:90vh}}</style>
<script>{_vis_asset("vis-network.min.js")}</script></head>
<body><h1 id="title"></h1><div id="net"></div>
<script>
const DATA = {data};
document.getElementById("title").textContent = {_json_for_script(title)};
function tip(e) {{
  const box = document.createElement("div");
  const head = document.createElement("b");
  head.textContent = e.relation + " x" + e.count;
  box.appendChild(head);
  for (const ev of e.evidence) {{ const p = document.createElement("p"); p.textContent = ev.sentence; box.appendChild(p); }}
  return box;
}}
const nodes = new vis.DataSet(DATA.nodes.map(n => ({{id: n.id, label: n.label}})));
const edges = new vis.DataSet(DATA.edges.map(e => ({{id: e.id, from: e.from, to: e.to, arrows: "to", color: e.color, title: tip(e)}})));
window.kgNetwork = new vis.Network(document.getElementById("net"), {{nodes, edges}}, {{physics: {{stabilization: {{iterations: 200}}}}}});
window.kgNodes = nodes; window.kgEdges = edges;
</script></body></html>
"""


def write_view(graph: nx.MultiDiGraph, out: str | Path, title: str = "kg actor network") -> Path:
    out = Path(out)
    out.write_text(render(graph, title=title), encoding="utf-8")
    return out
