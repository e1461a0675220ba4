"""The query stage: SPARQL over the store, run by Oxigraph's engine, safely.

Takes a query string (or a saved query and parameters) and gives rows. Safety rules:

* read-only unless ``update=True`` (and Oxigraph's ``query`` cannot write in any case);
* ``SERVICE`` is refused (Oxigraph would open an HTTP connection), and so are ``FROM`` /
  ``FROM NAMED`` and ``LOAD`` (they name files or URLs to read);
* parameter values are bound as RDF terms through Oxigraph's ``substitutions`` (SEP-0007, what
  oxrdflib uses for ``initBindings``), never pasted into the query text;
* a timeout and a row limit stop runaway queries with a clear message.

The refusals work on the query's tokens: a small lexer that follows the SPARQL grammar for
comments, strings, IRIs, prefixed names and variables, so ``"SERVICE"`` in a string or
``# FROM`` in a comment is allowed while ``SERVICE`` hidden behind a comment trick is not.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import XSD

from kg.backend import Solutions, Store
from kg.errors import QueryError
from kg.ontology import prefix_iris

__all__ = ["QueryError", "QueryResult", "check_query", "read_query_arg", "run_query", "to_term"]

SAFE_PREFIXES = prefix_iris()
DEFAULT_TIMEOUT = 30.0


@dataclass
class QueryResult:
    """What a query gave.

    ``kind`` is ``select``, ``ask``, ``graph`` (CONSTRUCT/DESCRIBE) or ``update``; ``rows`` holds
    pyoxigraph terms (``None`` when unbound) in the order of ``variables``; ``truncated`` says the
    row limit stopped the query early.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    boolean: bool | None = None
    triples: list | None = None
    truncated: bool = False
    seconds: float = 0.0


# One token per alternative, tried at each position left to right, as a SPARQL lexer would.
_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\r\n]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
        | '''(?:[^'\\]|\\.|'(?!''))*'''
        | "(?:[^"\\\r\n]|\\.)*"
        | '(?:[^'\\\r\n]|\\.)*')
    | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
    | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
    | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w\-.\u00b7\u00c0-\uffff]*)?:(?:[\w\-.:%\u00b7\u00c0-\uffff]|\\.)*)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<space>\s+)
    | (?P<other>.)
    """,
    re.X | re.S,
)
QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
UPDATE_OPS = {"INSERT", "DELETE", "WITH", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"}
_REFUSED = {
    "SERVICE": "SERVICE (a federated query opens a network connection)",
    "FROM": "FROM / FROM NAMED (they name files or URLs to read)",
    "LOAD": "LOAD (it reads a file or URL)",
}


def tokens(query: str) -> list[tuple[str, str]]:
    """The (kind, text) tokens of a query, without spaces and comments.

    >>> tokens('SELECT ?s # FROM here\\nWHERE { ?s kg:p "SERVICE" }')
    [('word', 'SELECT'), ('var', '?s'), ('word', 'WHERE'), ('other', '{'), ('var', '?s'), ('pname', 'kg:p'), ('string', '"SERVICE"'), ('other', '}')]
    """
    out = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind not in ("space", "comment"):
            out.append((kind, m.group()))
    return out


def check_query(query: str, update: bool = False) -> str:
    """Refuse what a query must not do; return its form (select, ask, construct, describe, update).

    >>> check_query("PREFIX ex: <http://e/> ASK { ?s ex:p 'FROM' }")
    'ask'
    >>> try:
    ...     check_query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    ... except QueryError as exc:
    ...     print(exc)
    refused: SERVICE (a federated query opens a network connection) is not allowed
    """
    toks = tokens(query)
    words = [t.upper() for k, t in toks if k == "word"]
    for word in words:
        if word in _REFUSED:
            raise QueryError(f"refused: {_REFUSED[word]} is not allowed")
    # The form is the first keyword after the prologue (PREFIX p: <iri> / BASE <iri>).
    i = 0
    while i < len(toks) and toks[i][0] == "word" and toks[i][1].upper() in ("PREFIX", "BASE"):
        i += 3 if toks[i][1].upper() == "PREFIX" else 2
    first = toks[i][1].upper() if i < len(toks) and toks[i][0] == "word" else ""
    if first in QUERY_FORMS:
        return first.lower()
    if first in UPDATE_OPS:
        if not update:
            raise QueryError("refused: this is an update and the store is read-only unless you pass --update")
        return "update"
    if not toks:
        raise QueryError("malformed query: the query is empty")
    raise QueryError(
        f"malformed query: expected SELECT, ASK, CONSTRUCT or DESCRIBE, found {toks[min(i, len(toks) - 1)][1][:30]!r}"
    )


def query_variables(query: str) -> set[str]:
    """The variable names (without ``?``) a query mentions.

    >>> sorted(query_variables("SELECT ?a WHERE { ?a ?b $c }"))
    ['a', 'b', 'c']
    """
    return {t[1:] for k, t in tokens(query) if k == "var"}


def to_term(value) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """A Python, rdflib or pyoxigraph value as a pyoxigraph term (for bindings).

    >>> to_term(3)
    <Literal value=3 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    """
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
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(str(XSD.boolean)))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(str(XSD.integer)))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(str(XSD.double)))
    return ox.Literal(str(value))


def run_query(
    store: Store,
    query: str,
    bindings: dict | None = None,
    update: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    limit: int | None = None,
) -> QueryResult:
    """Run a SPARQL query (or, with ``update=True``, an update) on a :class:`kg.backend.Store`.

    ``bindings`` maps variable names to values (strings become plain literals; use
    :func:`kg.queries.bind_params` for typed values and actor names). ``limit`` caps the rows
    (``truncated`` is then set); ``timeout`` in seconds stops the query with a :class:`QueryError`.
    """
    form = check_query(query, update=update)
    t0 = time.perf_counter()
    if form == "update":
        store.update(query, prefixes=SAFE_PREFIXES)
        return QueryResult(kind="update", seconds=time.perf_counter() - t0)
    known = query_variables(query)
    subs = {}
    for name, value in (bindings or {}).items():
        name = name.lstrip("?$")
        if name not in known:
            raise QueryError(f"parameter {name!r} is not a variable of the query (no ?{name} in it)")
        subs[name] = to_term(value)
    answer = store.query(query, bindings=subs or None, prefixes=SAFE_PREFIXES, timeout=timeout)
    if isinstance(answer, bool):
        result = QueryResult(kind="ask", boolean=answer)
    elif isinstance(answer, Solutions):
        # A bound parameter holds the same value in every row: leave its column out.
        variables = [v.value for v in answer.variables if v.value not in subs]
        rows: list = []
        more = _take(([sol[v] for v in variables] for sol in answer), rows, limit)
        answer.close()
        result = QueryResult(kind="select", variables=variables, rows=rows, truncated=more)
    else:
        triples: list = []
        more = _take(answer, triples, limit)
        answer.close()
        result = QueryResult(kind="graph", triples=triples, truncated=more)
    result.seconds = time.perf_counter() - t0
    return result


def _take(iterable, into: list, limit: int | None) -> bool:
    """Collect up to ``limit`` items; True if more were left."""
    for item in iterable:
        if limit is not None and len(into) >= limit:
            return True
        into.append(item)
    return False


def read_query_arg(arg: str) -> str:
    """QUERY may be SPARQL text or the path of a ``.rq`` / ``.sparql`` file."""
    p = Path(arg)
    looks_like_file = arg.endswith((".rq", ".sparql")) and "\n" not in arg and "{" not in arg
    if looks_like_file or ("\n" not in arg and len(arg) < 4096 and p.is_file()):
        try:
            return p.read_text("utf-8")
        except OSError as exc:
            raise QueryError(f"cannot read query file {arg}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise QueryError(f"query file {arg} is not UTF-8 text") from None
    return arg


def term_value(term) -> str:
    """The plain value of a result term (IRI, literal text), '' for unbound.

    >>> term_value(ox.NamedNode("https://w3id.org/kg/id/country/RUS")), term_value(None)
    ('https://w3id.org/kg/id/country/RUS', '')
    """
    if term is None:
        return ""
    return str(term.value)


# ---------------------------------------------------------------------------- notebooks
def _xsd(*names: str) -> set[str]:
    from rdflib.namespace import XSD

    return {str(XSD[n]) for n in names}


def python_value(term):
    """A query result term as a plain Python value: an IRI or a string as text, numbers as int or
    float, booleans as bool, an unbound variable as None (dates stay ISO text; see :func:`to_dataframe`).

    >>> python_value(ox.Literal("3", datatype=ox.NamedNode(next(iter(_xsd("integer")))))), python_value(None)
    (3, None)
    """
    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return term.value
    kind = term.datatype.value if term.datatype is not None else ""
    try:
        if kind in _xsd("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger"):
            return int(term.value)
        if kind in _xsd("decimal", "double", "float"):
            return float(term.value)
    except ValueError:
        return term.value
    if kind in _xsd("boolean"):
        return term.value in ("true", "1")
    return term.value


def to_dataframe(store, query: str, bindings: dict | None = None, timeout: float | None = 60.0):
    """The rows of a SELECT query as a pandas DataFrame, one column per variable: IRIs and strings
    as text, numbers and booleans as numbers and booleans, ``xsd:date`` columns as datetime64,
    unbound as missing. ``store`` is an open store or a store path; ``bindings`` are bound as
    :func:`run_query` binds them (never pasted into the query). pandas is imported here only.

    >>> to_dataframe(None, "ASK { ?s ?p ?o }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: to_dataframe needs a SELECT query, not an ask query
    """
    import pandas as pd

    form = check_query(query)
    if form != "select":
        raise QueryError(f"to_dataframe needs a SELECT query, not an {form} query")
    if isinstance(store, (str, Path)):
        from kg.backend import open_store

        with open_store(store, create=False, read_only=True) as opened:
            return to_dataframe(opened, query, bindings=bindings, timeout=timeout)
    result = run_query(store, query, bindings=bindings, timeout=timeout)
    frame = pd.DataFrame([[python_value(t) for t in row] for row in result.rows], columns=result.variables)
    for i, name in enumerate(result.variables):
        kinds = {row[i].datatype.value for row in result.rows if isinstance(row[i], ox.Literal) and row[i].datatype}
        if kinds and kinds <= _xsd("date", "dateTime"):
            frame[name] = pd.to_datetime(frame[name], errors="coerce", utc=bool(kinds & _xsd("dateTime")))
    return frame
