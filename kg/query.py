"""The query stage: SPARQL over the store, run by Oxigraph's engine, safely.

Takes a query string (or a saved query and parameters) and gives rows. Safety rules: read-only
unless ``update=True``; ``SERVICE`` is refused, and so are ``FROM``/``FROM NAMED``/``LOAD``
(they would make the engine read a file or open a connection); parameter values are bound as RDF
terms through Oxigraph's substitutions, never pasted into the query text; a timeout and a row
limit stop runaway queries.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.ontology import PREFIXES

SAFE_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}


class QueryError(ValueError):
    """The query is malformed, refused or failed; the message is one readable sentence."""


@dataclass
class QueryResult:
    kind: str  # select | ask | graph
    variables: list[str]
    rows: list[list]  # pyoxigraph terms or None
    boolean: bool | None = None
    triples: list | None = None
    truncated: bool = False


_STRINGS = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
_IRIS = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_COMMENTS = re.compile(r"#[^\n]*")
_FORBIDDEN = re.compile(r"\b(SERVICE|LOAD|FROM)\b", re.I)
_UPDATE_OP = re.compile(
    r"\b(INSERT|DELETE)\b|\b(CLEAR|DROP|CREATE|ADD|MOVE|COPY)\s+(SILENT\s+)?(GRAPH|DEFAULT|NAMED|ALL|TO|<)", re.I
)
_VARS = re.compile(r"[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+")
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


def _code_only(query: str) -> str:
    """The query with string literals, IRIs and comments blanked, so keywords inside them are ignored."""
    out = _STRINGS.sub(lambda m: '""', query)
    out = _IRIS.sub("<>", out)
    out = _COMMENTS.sub("", out)
    return _VARS.sub("?v", out)


def check_query(query: str, update: bool = False) -> str:
    """Refuse what a query must not do; return its form (select, ask, construct, describe, update)."""
    code = _code_only(query)
    bad = _FORBIDDEN.search(code)
    if bad:
        word = bad.group(1).upper()
        what = {"SERVICE": "SERVICE (federated queries open network connections)",
                "LOAD": "LOAD (it reads files or URLs)",
                "FROM": "FROM / FROM NAMED (they read files or URLs)"}[word]
        raise QueryError(f"refused: {what} is not allowed")
    if _UPDATE_OP.search(code):
        if not update:
            raise QueryError("refused: this is an update; the store is read-only unless you pass --update")
        return "update"
    form = _FORM.search(code)
    if not form:
        raise QueryError("malformed query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return form.group(1).lower()


def to_term(value) -> ox.NamedNode | ox.Literal:
    """A Python or rdflib value as a pyoxigraph term (for bindings)."""
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    from rdflib import Literal, URIRef

    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, Literal):
        if value.language:
            return ox.Literal(str(value), language=value.language)
        if value.datatype:
            return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
        return ox.Literal(str(value))
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(str(value))


def run_query(
    store,
    query: str,
    bindings: dict | None = None,
    update: bool = False,
    timeout: float = 30.0,
    limit: int | None = None,
) -> QueryResult:
    """Run a SPARQL query (or, with ``update=True``, an update) on a :class:`kg.store.KGStore`."""
    form = check_query(query, update=update)
    inner = store.ox
    if form == "update":
        try:
            inner.update(query, prefixes=SAFE_PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"malformed update: {_first_line(exc)}") from None
        except OSError as exc:
            raise QueryError(f"update failed: {_first_line(exc)}") from None
        return QueryResult(kind="update", variables=[], rows=[])
    subs = {ox.Variable(k.lstrip("?$")): to_term(v) for k, v in (bindings or {}).items()}
    result: dict = {}

    def work():
        try:
            res = inner.query(query, prefixes=SAFE_PREFIXES, use_default_graph_as_union=True, substitutions=subs or None)
            if isinstance(res, bool):
                result["value"] = QueryResult(kind="ask", variables=[], rows=[], boolean=res)
            elif isinstance(res, ox.QuerySolutions):
                variables = [v.value for v in res.variables]
                rows = []
                truncated = False
                for sol in res:
                    if limit is not None and len(rows) >= limit:
                        truncated = True
                        break
                    if result.get("cancel"):
                        return
                    rows.append([sol[v] for v in variables])
                result["value"] = QueryResult(kind="select", variables=variables, rows=rows, truncated=truncated)
            else:
                triples = []
                truncated = False
                for t in res:
                    if limit is not None and len(triples) >= limit:
                        truncated = True
                        break
                    if result.get("cancel"):
                        return
                    triples.append(t)
                result["value"] = QueryResult(kind="graph", variables=[], rows=[], triples=triples, truncated=truncated)
        except SyntaxError as exc:
            result["error"] = QueryError(f"malformed query: {_first_line(exc)}")
        except Exception as exc:  # evaluation errors from Oxigraph
            result["error"] = QueryError(f"query failed: {_first_line(exc)}")

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        result["cancel"] = True
        raise QueryError(f"query stopped after the {timeout:g} s timeout; narrow it or raise --timeout")
    if "error" in result:
        raise result["error"]
    return result["value"]


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__


def read_query_arg(arg: str) -> str:
    """QUERY may be SPARQL text or the path of a .rq file."""
    p = Path(arg)
    if arg.endswith((".rq", ".sparql")) or ("\n" not in arg and len(arg) < 4096 and p.is_file()):
        try:
            return p.read_text("utf-8")
        except OSError as exc:
            raise QueryError(f"cannot read query file {arg}: {exc.strerror or exc}") from None
    return arg


def term_value(term) -> str:
    """The plain value of a result term (IRI, literal text), '' for unbound."""
    if term is None:
        return ""
    return str(term.value)
