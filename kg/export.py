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
* ``events``: the GDELT-style event table (:data:`EVENT_COLUMNS`, ``docs/events.md``): one row per
  statement with stable ids, actor ids and CAMEO actor codes, the CAMEO event code and its
  Goldstein value (``ontology/cameo/``), QuadClass, event and publication dates, source and evidence.
* ``event-groups``: one row per ``kg:Event`` (:data:`EVENT_GROUP_COLUMNS`), with GDELT's counts of
  mentions, articles and sources.

Both CSV tables neutralise text cells that a spreadsheet would run as a formula (:func:`safe_cell`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import KGError
from kg.ontology import ACTORS_GRAPH, KG, ORG_SUBTYPES, prefix_iris, relations

RDF_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
NETWORK_FORMATS = ("graphml", "gexf")
FORMATS = RDF_FORMATS + NETWORK_FORMATS + ("csv", "events", "event-groups")
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
    kg.export.ExportError: unknown format 'rdfxml': use ttl, nt, nq, trig, jsonld, graphml, gexf, csv, events or event-groups
    """
    if fmt is None:
        suffix = "." + out_name.rsplit(".", 1)[-1].lower() if out_name and "." in out_name else ""
        if suffix in SUFFIXES:
            return SUFFIXES[suffix]
        raise ExportError("give --format (ttl, nt, nq, trig, jsonld, graphml, gexf, csv, events or event-groups)")
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
    if fmt == "events":
        return write_events(store, out)
    if fmt == "event-groups":
        return write_event_groups(store, out)
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
    """Write the statements as CSV (header :data:`CSV_COLUMNS`, UTF-8, RFC 4180 quoting, text
    cells neutralised against spreadsheet formulas)."""
    rows = statement_rows(store) if rows is None else list(rows)
    _write_dicts(out, CSV_COLUMNS, (_safe_row(r, frozenset({"confidence"})) for r in rows))
    return ExportSummary("csv", len(rows), "statements")


# ---------------------------------------------------------------------------- spreadsheet safety
# A cell that starts with one of these is a formula to Excel, LibreOffice and Google Sheets
# ("=HYPERLINK(...)" in a sentence from a hostile page): such cells get a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """A text cell that a spreadsheet shows as text, never runs as a formula (OWASP's advice:
    a leading apostrophe before =, +, -, @, tab or carriage return).

    >>> safe_cell('=HYPERLINK("http://x","y")'), safe_cell("Iran"), safe_cell("")
    ('\\'=HYPERLINK("http://x","y")', 'Iran', '')
    """
    return "'" + value if value.startswith(_FORMULA_START) else value


def _safe_row(row: dict[str, str], numeric: frozenset[str]) -> dict[str, str]:
    return {k: (v if k in numeric else safe_cell(v)) for k, v in row.items()}


# ---------------------------------------------------------------------------- event export (GDELT style)
EVENT_COLUMNS = (
    "event_id",
    "statement",
    "event",
    "date",
    "event_date",
    "published",
    "actor1_id",
    "actor1_name",
    "actor1_type",
    "actor1_country",
    "actor1_sector",
    "actor1_code",
    "relation",
    "plover",
    "cameo_root",
    "cameo_code",
    "quad_class",
    "goldstein",
    "actor2_id",
    "actor2_name",
    "actor2_type",
    "actor2_country",
    "actor2_sector",
    "actor2_code",
    "negated",
    "hedged",
    "confidence",
    "source",
    "title",
    "document",
    "sentence",
    "start",
    "end",
    "trigger",
)
# Columns that hold numbers (or ids made by kg): written as they are, never neutralised.
_NUMERIC = frozenset({"goldstein", "confidence", "start", "end", "quad_class"})

_EVENT_STATEMENTS = """
SELECT ?st ?s ?rel ?o ?neg ?hedged ?conf ?date ?edate ?pub ?sentence ?start ?end ?trigger ?doc WHERE {
  ?st a kg:Statement ; kg:subject ?s ; kg:relation ?rel ; kg:object ?o ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?st kg:negated ?neg }
  OPTIONAL { ?st kg:hedged ?hedged }
  OPTIONAL { ?st kg:confidence ?conf }
  OPTIONAL { ?st kg:date ?date }
  OPTIONAL { ?st kg:eventDate ?edate }
  OPTIONAL { ?st kg:publicationDate ?pub }
  OPTIONAL { ?st kg:sentence ?sentence }
  OPTIONAL { ?st kg:start ?start }
  OPTIONAL { ?st kg:end ?end }
  OPTIONAL { ?st kg:trigger ?trigger }
}
"""
_EVENT_ACTORS = (
    """
SELECT ?a ?label ?type ?code ?ccode ?sector WHERE {
  GRAPH <%s> {
    ?a rdfs:label ?label .
    OPTIONAL { ?a a ?type }
    OPTIONAL { ?a kg:isoCode ?code }
    OPTIONAL { ?a kg:country ?c . ?c kg:isoCode ?ccode }
    OPTIONAL { ?a kg:sector ?sector }
  }
}
"""
    % ACTORS_GRAPH
)
# The actor types an export names, most specific first (an organisation kind before Organization).
_TYPES = ("Country", "SectorActor", "Person", *ORG_SUBTYPES, "Organization", "Group")


def _ontology_table(name: str) -> list[list[str]]:
    from kg.ontology import ontology_dir

    rows = []
    with open(ontology_dir() / "cameo" / name, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows[1:]  # the header line


@lru_cache(maxsize=1)
def goldstein() -> dict[str, float]:
    """CAMEO event code -> Goldstein value (-10 conflict ... +10 cooperation), from
    ``ontology/cameo/goldstein.tsv`` (made by ``scripts/convert_goldstein.py``).

    >>> goldstein()["163"], goldstein()["057"]
    (-8.0, 8.0)
    """
    return {code: float(value) for code, value in _ontology_table("goldstein.tsv")}


@lru_cache(maxsize=1)
def _event_codes() -> dict[str, list[tuple[str, str]]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for relation, trigger, code in _ontology_table("event_codes.tsv"):
        table.setdefault(relation, []).append((trigger, code))
    return table


def cameo_code(relation: str, trigger: str = "") -> str:
    """The CAMEO event code of a statement: its relation's code, refined by the trigger's words
    (``ontology/cameo/event_codes.tsv``); "" for the roles (leads, memberOf).

    >>> cameo_code("sanctions", "imposed sanctions"), cameo_code("sanctions", "expelled"), cameo_code("leads")
    ('163', '161', '')
    """
    words = [w for w in re.split(r"\\W+", trigger.lower()) if w]
    default = ""
    for key, code in _event_codes().get(relation, []):
        if key == "*":
            default = code
        elif any(w.startswith(key) for w in words):
            return code
    return default


def _actor_code(country: str, sector: str, type_: str) -> str:
    # CAMEO actor codes: the state's code, followed by the sector for a sector actor ("ISRMIL");
    # a sector whose state the text does not give is its sector code alone ("HRI", "REB")
    if type_ == "Country":
        return country
    if type_ == "SectorActor" and sector:
        return (country or "") + sector
    return ""


def event_rows(store) -> list[dict[str, str]]:
    """One dict per statement with the :data:`EVENT_COLUMNS` (GDELT-style event data), ordered
    by date, document and offset; see ``docs/events.md`` for what each column holds."""
    from kg.events import statement_events
    from kg.query import run_query

    event_of = statement_events(store)
    info = relations()
    scale = goldstein()
    actors: dict[str, dict[str, str]] = {}
    for a, label, type_, code, ccode, sector in run_query(store, _EVENT_ACTORS, timeout=600).rows:
        d = actors.setdefault(_v(a), {"name": _v(label), "types": set(), "country": "", "sector": ""})
        if type_ is not None and _v(type_).startswith(str(KG)):
            d["types"].add(_v(type_)[len(str(KG)) :])
        d["country"] = d["country"] or _v(code) or _v(ccode)
        if sector is not None:
            d["sector"] = _v(sector).rsplit("sector-", 1)[-1]
    docs: dict[str, tuple[str, str, str]] = {}
    for doc, title, source, date in run_query(store, _DOCS, timeout=600).rows:
        docs.setdefault(_v(doc), (_v(title), _v(source), _v(date)))

    def actor(iri: str, n: int) -> dict[str, str]:
        d = actors.get(iri) or {"name": iri.rsplit("/", 1)[-1], "types": set(), "country": "", "sector": ""}
        type_ = next((t for t in _TYPES if t in d["types"]), "")
        return {
            f"actor{n}_id": iri,
            f"actor{n}_name": d["name"],
            f"actor{n}_type": type_,
            f"actor{n}_country": d["country"],
            f"actor{n}_sector": d["sector"],
            f"actor{n}_code": _actor_code(d["country"], d["sector"], type_),
        }

    rows: dict[str, tuple] = {}
    for st, s, rel, o, neg, hedged, conf, date, edate, pub, sentence, start, end, trigger, doc in run_query(
        store, _EVENT_STATEMENTS, timeout=600
    ).rows:
        key = _v(st)
        if key in rows:
            continue
        name = _v(rel).rsplit("#", 1)[-1] if _v(rel).startswith(str(KG)) else _v(rel)
        ri = info.get(name)
        code = cameo_code(name, _v(trigger))
        title, source, doc_date = docs.get(_v(doc), ("", "", ""))
        row = {
            "event_id": key.rsplit("/", 1)[-1],
            "statement": key,
            "event": event_of.get(key, ""),
            "date": _v(date) or doc_date,
            "event_date": _v(edate),
            "published": _v(pub) or doc_date,
            **actor(_v(s), 1),
            "relation": name,
            "plover": (ri.plover or "") if ri else "",
            "cameo_root": code[:2],
            "cameo_code": code,
            "quad_class": str(ri.quad) if ri and ri.quad else "",
            "goldstein": f"{scale[code]:.1f}" if code in scale else "",
            **actor(_v(o), 2),
            "negated": _v(neg),
            "hedged": _v(hedged),
            "confidence": _v(conf),
            "source": source,
            "title": title,
            "document": _v(doc),
            "sentence": _v(sentence),
            "start": _v(start),
            "end": _v(end),
            "trigger": _v(trigger),
        }
        rows[key] = ((row["date"], row["document"], int(_v(start) or 0), key), row)
    return [row for _, row in sorted(rows.values(), key=lambda item: item[0])]


def write_events(store, out: BinaryIO, rows: Iterable[dict[str, str]] | None = None) -> ExportSummary:
    """Write the GDELT-style event table (header :data:`EVENT_COLUMNS`, UTF-8 CSV, text cells
    neutralised against spreadsheet formulas)."""
    rows = event_rows(store) if rows is None else list(rows)
    _write_dicts(out, EVENT_COLUMNS, (_safe_row(r, _NUMERIC) for r in rows))
    return ExportSummary("events", len(rows), "statements")


def _write_dicts(out: BinaryIO, columns, rows) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        text.flush()
    finally:
        text.detach()  # leave ``out`` open for the caller


# One row per kg:Event (the statements that report one event, :mod:`kg.events`), GDELT's event table.
EVENT_GROUP_COLUMNS = (
    "event_id",
    "event",
    "date",
    "event_date",
    *[c for c in EVENT_COLUMNS if c.startswith("actor1_")],
    "relation",
    "plover",
    "cameo_root",
    "cameo_code",
    "quad_class",
    "goldstein",
    *[c for c in EVENT_COLUMNS if c.startswith("actor2_")],
    "hedged",
    "confidence",
    "num_mentions",
    "num_articles",
    "num_sources",
    "first_published",
    "source",
    "title",
    "sentence",
)


def event_group_rows(rows: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """One row per event from :func:`event_rows` (negated statements belong to none): the first
    statement's actors, code and evidence, the event hedged only if all its statements are, the
    highest confidence, and GDELT's counts: ``num_mentions`` statements, ``num_articles``
    documents, ``num_sources`` distinct source hosts (or folders, for files)."""
    groups: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        if row["event"]:
            groups.setdefault(row["event"], []).append(row)
    out = []
    for event, members in groups.items():
        first = min(members, key=lambda r: (r["date"], r["published"], r["document"], int(r["start"] or 0)))
        codes = [r["cameo_code"] for r in members]
        code = max(sorted(set(codes)), key=codes.count)
        row = {c: first.get(c, "") for c in EVENT_GROUP_COLUMNS}
        row.update(
            {
                "event_id": event.rsplit("/", 1)[-1],
                "event": event,
                "date": min(r["date"] for r in members),
                "event_date": next((r["event_date"] for r in members if r["event_date"]), ""),
                "cameo_code": code,
                "cameo_root": code[:2],
                "goldstein": f"{goldstein()[code]:.1f}" if code in goldstein() else "",
                "hedged": "true" if all(r["hedged"] == "true" for r in members) else "false",
                "confidence": max((r["confidence"] for r in members), key=lambda v: float(v or 0)),
                "num_mentions": str(len(members)),
                "num_articles": str(len({r["document"] for r in members})),
                "num_sources": str(len({_outlet(r["source"]) for r in members})),
                "first_published": min(r["published"] for r in members),
            }
        )
        out.append(row)
    return sorted(out, key=lambda r: (r["date"], r["event_id"]))


def _outlet(source: str) -> str:
    """Where a document came from: a URL's host, else a file's folder."""
    if "://" in source:
        return source.split("://", 1)[1].split("/", 1)[0].lower()
    return source.rsplit("/", 1)[0]


def write_event_groups(store, out: BinaryIO) -> ExportSummary:
    """Write one row per event (:data:`EVENT_GROUP_COLUMNS`), formula-safe like the other tables."""
    rows = event_group_rows(event_rows(store))
    numeric = _NUMERIC | {"num_mentions", "num_articles", "num_sources"}
    _write_dicts(out, EVENT_GROUP_COLUMNS, (_safe_row(r, numeric) for r in rows))
    return ExportSummary("event-groups", len(rows), "events")
