"""Export: the store written out as RDF, as an actor network file or as an event table.

Takes a :class:`kg.store.KGStore` and a format name and writes bytes to a binary stream:

* RDF: ``nq``, ``trig`` and ``jsonld`` keep every named graph (one per document plus the actors
  graph); ``ttl`` and ``nt`` have no graphs, so they hold the union (each distinct triple once).
  Oxigraph's serialisers write everything but JSON-LD, which rdflib writes.
* ``graphml`` and ``gexf``: the actor network of :func:`kg.network.project` (nodes = actors,
  one edge per source, target and relation with ``count``/``weight``, ``relation``, ``quad``,
  ``sign``...). The evidence list becomes a JSON string, as neither format holds lists.
* ``csv``: one row per statement with the columns of event data sets (:data:`CSV_COLUMNS`), the
  last of which, ``event``, is the ``kg:Event`` the statement is evidence of (:mod:`kg.events`;
  empty for a negated statement), so rows can be counted as mentions or as distinct events.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import KGError
from kg.ontology import ACTORS_GRAPH, KG, prefix_iris, relations

RDF_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
NETWORK_FORMATS = ("graphml", "gexf")
FORMATS = RDF_FORMATS + NETWORK_FORMATS + ("csv",)
# File name endings that name a format, for --out without --format.
SUFFIXES = {
    ".ttl": "ttl",
    ".nt": "nt",
    ".nq": "nq",
    ".trig": "trig",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".graphml": "graphml",
    ".gexf": "gexf",
    ".csv": "csv",
}

CSV_COLUMNS = (
    "date",
    "source",
    "source_country",
    "relation",
    "plover",
    "cameo_root",
    "quad_class",
    "target",
    "target_country",
    "negated",
    "hedged",
    "confidence",
    "document",
    "sentence",
    "event",
)

_OX_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}
# kgr: is left out of the Turtle prefixes: kg IRIs such as kgr:doc/ab12 are not valid prefixed
# names, so the prefix would only be declared, never used.
_PREFIXES = prefix_iris("kgr")  # resource IRIs stay whole in Turtle and TriG


class ExportError(KGError, ValueError):
    """The export cannot be made as asked (unknown format...); the message is one sentence."""


@dataclass
class ExportSummary:
    """What was written: the format and how many quads, triples, nodes/edges or rows."""

    format: str
    items: int
    unit: str

    def describe(self) -> str:
        return f"{self.items} {self.unit}"


def format_for(fmt: str | None, out_name: str | None = None) -> str:
    """The export format named by ``fmt``, or guessed from the output file's ending.

    >>> format_for("TTL")
    'ttl'
    >>> format_for(None, "graph.nq")
    'nq'
    >>> format_for("rdfxml")
    Traceback (most recent call last):
    ...
    kg.export.ExportError: unknown format 'rdfxml': use ttl, nt, nq, trig, jsonld, graphml, gexf or csv
    """
    if fmt is None:
        suffix = "." + out_name.rsplit(".", 1)[-1].lower() if out_name and "." in out_name else ""
        if suffix in SUFFIXES:
            return SUFFIXES[suffix]
        raise ExportError("give --format (ttl, nt, nq, trig, jsonld, graphml, gexf or csv)")
    name = fmt.strip().lower().lstrip(".")
    name = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "json-ld": "jsonld"}.get(name, name)
    if name not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use {', '.join(FORMATS[:-1])} or {FORMATS[-1]}")
    return name


def export(store, fmt: str, out: BinaryIO, level: str = "actor", count: str = "mentions") -> ExportSummary:
    """Write the store to the binary stream ``out`` in format ``fmt`` (see :data:`FORMATS`).

    ``level`` is for the network formats: ``actor`` (every actor the text names) or ``state``
    (organs of a state rolled up to it, see :func:`kg.network.project`); so is ``count``: edge
    counts are ``mentions`` (statements) or distinct ``events`` (the file's graph says which).
    """
    fmt = format_for(fmt)
    if fmt in ("nq", "trig"):
        store.dump(out, _OX_FORMATS[fmt], prefixes=_PREFIXES if fmt == "trig" else None)
        return ExportSummary(fmt, len(store), "quads")
    if fmt in ("ttl", "nt"):
        triples = union_triples(store)
        ox.serialize(triples, out, _OX_FORMATS[fmt], prefixes=_PREFIXES if fmt == "ttl" else None)
        return ExportSummary(fmt, len(triples), "triples")
    if fmt == "jsonld":
        return _jsonld(store, out)
    if fmt in NETWORK_FORMATS:
        from kg.network import project

        return write_network(project(store, level=level, count=count), fmt, out)
    return write_csv(store, out)


def union_triples(store) -> list[ox.Triple]:
    """Every distinct triple of every graph, sorted so the output is stable and Turtle can group it."""
    triples = {q.triple for q in store.quads()}
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _jsonld(store, out: BinaryIO) -> ExportSummary:
    from rdflib import Dataset

    # Oxigraph writes N-Quads fast; rdflib turns them into JSON-LD with one @graph per named graph.
    ds = Dataset()
    ds.parse(data=store.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    n = len(store)
    data = ds.serialize(format="json-ld", context=prefix_iris(), auto_compact=False)
    out.write(data.encode("utf-8") if isinstance(data, str) else data)
    return ExportSummary("jsonld", n, "quads")


# ---------------------------------------------------------------------------- actor network
def network_for_file(graph):
    """A copy of a :func:`kg.network.project` graph that GraphML and GEXF writers accept.

    Lists and dicts (the evidence) become JSON strings, ``None`` values are left out, and every
    edge gets a distinct key ``e0``, ``e1``... (GraphML writes keys as edge ids, which should be
    unique); the relation name stays in the ``relation`` attribute.
    """
    import networkx as nx

    def clean(data: dict) -> dict:
        out = {}
        for k, v in data.items():
            if v is None:
                continue
            if isinstance(v, (list, dict, tuple, set)):
                v = json.dumps(list(v) if isinstance(v, (set, tuple)) else v, ensure_ascii=False, sort_keys=True)
            out[k] = v
        return out

    g = nx.MultiDiGraph(name="kg actor network", count=graph.graph.get("count", "mentions"))
    for n, data in graph.nodes(data=True):
        g.add_node(n, **clean(data))
    for i, (u, v, data) in enumerate(graph.edges(data=True)):
        g.add_edge(u, v, key=f"e{i}", **clean(data))
    return g


def write_network(graph, fmt: str, out: BinaryIO) -> ExportSummary:
    """Write an actor network (from :func:`kg.network.project`) as GraphML or GEXF."""
    import networkx as nx

    g = network_for_file(graph)
    if fmt == "graphml":
        nx.write_graphml(g, out, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(g, out, encoding="utf-8")
    else:
        raise ExportError(f"unknown network format {fmt!r}: use graphml or gexf")
    return ExportSummary(fmt, g.number_of_edges(), f"edges between {g.number_of_nodes()} actors")


# ---------------------------------------------------------------------------- event table
_STATEMENTS = """
SELECT ?st ?s ?rel ?o ?neg ?hedged ?conf ?date ?sentence ?start ?doc WHERE {
  ?st a kg:Statement ; kg:subject ?s ; kg:relation ?rel ; kg:object ?o ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?st kg:negated ?neg }
  OPTIONAL { ?st kg:hedged ?hedged }
  OPTIONAL { ?st kg:confidence ?conf }
  OPTIONAL { ?st kg:date ?date }
  OPTIONAL { ?st kg:sentence ?sentence }
  OPTIONAL { ?st kg:start ?start }
}
"""
_DOCS = """
SELECT ?doc ?title ?source ?date WHERE {
  ?doc a kg:Document .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:source ?source }
  OPTIONAL { ?doc dcterms:date ?date }
}
"""
_ACTORS = (
    """
SELECT ?a ?label ?code ?ccode WHERE {
  GRAPH <%s> {
    ?a rdfs:label ?label .
    OPTIONAL { ?a kg:isoCode ?code }
    OPTIONAL { ?a kg:country ?c . ?c kg:isoCode ?ccode }
  }
}
"""
    % ACTORS_GRAPH
)


def _v(term) -> str:
    return "" if term is None else str(term.value)


def statement_rows(store) -> list[dict[str, str]]:
    """One dict per statement with the :data:`CSV_COLUMNS`, ordered by date, document and offset."""
    from kg.events import statement_events
    from kg.query import run_query

    event_of = statement_events(store)

    info = relations()
    actors: dict[str, tuple[str, str]] = {}
    for a, label, code, ccode in run_query(store, _ACTORS, timeout=600).rows:
        actors.setdefault(_v(a), (_v(label), _v(code) or _v(ccode)))
    docs: dict[str, tuple[str, str]] = {}
    for doc, title, source, date in run_query(store, _DOCS, timeout=600).rows:
        docs.setdefault(_v(doc), (_v(title) or _v(source), _v(date)))
    rows: dict[str, tuple] = {}
    for st, s, rel, o, neg, hedged, conf, date, sentence, start, doc in run_query(store, _STATEMENTS, timeout=600).rows:
        key = _v(st)
        if key in rows:  # a value written twice would repeat the row; one row per statement
            continue
        name = _v(rel).rsplit("#", 1)[-1] if _v(rel).startswith(str(KG)) else _v(rel)
        ri = info.get(name)
        s_label, s_cc = actors.get(_v(s), (_v(s).rsplit("/", 1)[-1], ""))
        o_label, o_cc = actors.get(_v(o), (_v(o).rsplit("/", 1)[-1], ""))
        title, doc_date = docs.get(_v(doc), ("", ""))
        row = {
            "date": _v(date) or doc_date,
            "source": s_label,
            "source_country": s_cc,
            "relation": name,
            "plover": (ri.plover or "") if ri else "",
            "cameo_root": "|".join(ri.cameo) if ri else "",
            "quad_class": str(ri.quad) if ri and ri.quad else "",
            "target": o_label,
            "target_country": o_cc,
            "negated": _v(neg),
            "hedged": _v(hedged),
            "confidence": _v(conf),
            "document": title or _v(doc),
            "sentence": _v(sentence),
            "event": event_of.get(key, ""),
        }
        rows[key] = ((row["date"], row["document"], int(_v(start) or 0), key), row)
    return [row for _, row in sorted(rows.values(), key=lambda item: item[0])]


def write_csv(store, out: BinaryIO, rows: Iterable[dict[str, str]] | None = None) -> ExportSummary:
    """Write the statements as CSV (header :data:`CSV_COLUMNS`, UTF-8, RFC 4180 quoting)."""
    rows = statement_rows(store) if rows is None else list(rows)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        text.flush()
    finally:
        text.detach()  # leave ``out`` open for the caller
    return ExportSummary("csv", len(rows), "statements")
