"""The SPARQL 1.1 Protocol over a store: a request's query in, a status, a media type and a body out.

Framework-free (``kg serve`` calls :func:`answer` from its /sparql route), read-only and as safe as
``kg query``: the query goes through :func:`kg.query.run_query`, which refuses SERVICE, LOAD,
FROM and updates, stops at a timeout and caps the rows. Statuses follow the protocol: 400 for a
malformed query (with the parser's message), 403 for an update or a refused form, 503 when the
timeout stopped the query (naming the limit). SELECT and ASK results are SPARQL JSON, XML, CSV or
TSV; CONSTRUCT and DESCRIBE results Turtle, N-Triples, RDF/XML or JSON-LD, chosen by the Accept
header (or a ``format`` parameter).

>>> negotiate("application/sparql-results+xml;q=0.9, text/csv", "select")
'text/csv'
>>> negotiate("*/*", "graph")
'text/turtle'
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from rdflib.namespace import XSD

from kg.render import json_term

_XSD_STRING = str(XSD.string)

DEFAULT_TIMEOUT = 10.0
DEFAULT_LIMIT = 10_000

RESULT_TYPES = {  # SELECT / ASK
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {  # CONSTRUCT / DESCRIBE
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
FORMAT_PARAM = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
_DEFAULT = {
    "select": "application/sparql-results+json",
    "ask": "application/sparql-results+json",
    "graph": "text/turtle",
}


@dataclass
class Answer:
    status: int
    media_type: str
    body: bytes
    headers: dict


def negotiate(accept: str | None, kind: str) -> str | None:
    """The media type to answer ``kind`` (select, ask, graph) with, from an Accept header; None
    when the client accepts none kg can give (a 406)."""
    offered = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    ranges = []
    for i, part in enumerate((accept or "*/*").split(",")):
        bits = [b.strip() for b in part.split(";")]
        mtype, q = bits[0].lower(), 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if mtype:
            ranges.append((q, -i, mtype))
    for q, _, mtype in sorted(ranges, reverse=True):
        if q <= 0:
            continue
        if mtype in offered:
            return mtype
        if mtype in ("*/*", "application/*", "text/*"):
            default = _DEFAULT[kind]
            if mtype == "*/*" or default.startswith(mtype[:-1]):
                return default
            return next((t for t in offered if t.startswith(mtype[:-1])), None)
    return None


def _error(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), {})


def _classify(message: str) -> int:
    if message.startswith("refused"):
        return 403
    if "timeout" in message:
        return 503
    return 400


def answer(
    store,
    query: str | None,
    accept: str | None = None,
    fmt: str | None = None,
    update: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    limit: int = DEFAULT_LIMIT,
) -> Answer:
    """Answer one protocol request on ``store`` (a :class:`kg.store.KGStore`)."""
    from kg.query import QueryError, check_query, run_query

    if update is not None:
        return _error(403, "refused: this endpoint is read-only (SPARQL Update is not allowed)")
    if not query or not query.strip():
        return _error(400, "malformed query: give the query as the 'query' parameter")
    try:
        if check_query(query, update=True) == "update":
            return _error(403, "refused: this endpoint is read-only (SPARQL Update is not allowed)")
    except QueryError as exc:
        return _error(_classify(str(exc)), str(exc))
    try:
        result = run_query(store, query, timeout=timeout, limit=limit)
    except QueryError as exc:
        message = str(exc)
        if "timeout" in message:
            message = f"query stopped by the server's {timeout:g} s timeout; narrow it (LIMIT, filters)"
        return _error(_classify(message), message)
    kind = "graph" if result.kind == "graph" else result.kind
    wanted = FORMAT_PARAM.get((fmt or "").lower()) if fmt else None
    mtype = wanted if wanted and negotiate(wanted, kind) == wanted else negotiate(accept, kind)
    if mtype is None:
        offered = ", ".join(GRAPH_TYPES if kind == "graph" else RESULT_TYPES)
        return _error(406, f"not acceptable: this result can be given as {offered}")
    headers = {"X-KG-Truncated": "true"} if result.truncated else {}
    if kind == "graph":
        body = ox.serialize(result.triples, format=GRAPH_TYPES[mtype], prefixes=_prefixes(GRAPH_TYPES[mtype]))
        return Answer(200, mtype + "; charset=utf-8", body or b"", headers)
    body = _results(result, RESULT_TYPES[mtype])
    return Answer(200, mtype + "; charset=utf-8", body, headers)


def _prefixes(fmt) -> dict | None:
    if fmt not in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
        return None
    from kg.query import SAFE_PREFIXES

    return dict(SAFE_PREFIXES)


# ---------------------------------------------------------------------------- result formats
def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype and term.datatype.value != _XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _results(result, fmt: str) -> bytes:
    """SELECT rows or an ASK boolean in a SPARQL results format (json, xml, csv, tsv)."""
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)}).encode()
        if fmt == "xml":
            return (
                '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{'true' if result.boolean else 'false'}</boolean></sparql>"
            ).encode()
        return (("true" if result.boolean else "false") + "\n").encode()
    names = result.variables
    if fmt == "json":
        bindings = [{n: json_term(t) for n, t in zip(names, row) if t is not None} for row in result.rows]
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if fmt == "xml":
        parts = ['<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        parts += [f"<variable name={quoteattr(n)}/>" for n in names]
        parts.append("</head><results>")
        for row in result.rows:
            parts.append("<result>")
            for n, t in zip(names, row):
                if t is not None:
                    parts.append(f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>")
            parts.append("</result>")
        parts.append("</results></sparql>")
        return "".join(parts).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        for row in result.rows:
            w.writerow(["" if t is None else t.value for t in row])
        return buf.getvalue().encode("utf-8")
    lines = ["\t".join("?" + n for n in names)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else str(t) for t in row))
    return ("\n".join(lines) + "\n").encode("utf-8")
