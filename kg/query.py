"""The query stage: SPARQL over the store, run by Oxigraph's engine, safely.

Takes a query string (or a saved query and parameters) and gives rows. Safety rules:

* read-only unless ``update=True`` (and Oxigraph's ``query`` cannot write in any case);
* ``SERVICE`` is refused (Oxigraph would open an HTTP connection), and so are ``FROM`` /
  ``FROM NAMED`` and ``LOAD`` (they name files or URLs to read);
* parameter values are bound as RDF terms through Oxigraph's ``substitutions`` (SEP-0007, what
  oxrdflib uses for ``initBindings``), never pasted into the query text;
* a timeout and a row limit stop runaway queries with a clear message.

The refusals work on the parsed query, as a SPARQL parser reads it, never on words of its text:
``SERVICEl:x`` after ``PREFIX l: <http://host/>`` is a SERVICE to Oxigraph, which reads keywords
without a word boundary. The query is parsed with rdflib's SPARQL 1.1 parser (pyoxigraph exposes
no parser of its own) and the tree is searched for SERVICE, FROM / FROM NAMED, USING, LOAD and
update operations; what rdflib's stricter parser cannot read is refused as malformed, so a
spelling the two parsers read differently never runs. A second, independent check on the
query's tokens refuses SERVICE, FROM and LOAD as words and as the start of a prefixed name whose
prefix the query does not declare (the glued spellings above).
"""

from __future__ import annotations

import math
import os
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import XSD

from kg.backend import Solutions, Store
from kg.errors import QueryError
from kg.ontology import prefix_iris

__all__ = [
    "QueryError",
    "QueryResult",
    "check_query",
    "check_timeout",
    "read_query_arg",
    "run_query",
    "run_query_isolated",
    "to_term",
]

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
_REFUSED = {
    "SERVICE": "SERVICE (a federated query opens a network connection)",
    "FROM": "FROM / FROM NAMED (they name files or URLs to read)",
    "USING": "USING / USING NAMED (they name files or URLs to read)",
    "LOAD": "LOAD (it reads a file or URL)",
}
# rdflib's parse-tree nodes for them
_REFUSED_NODES = {"ServiceGraphPattern": "SERVICE", "DatasetClause": "FROM", "UsingClause": "USING", "Load": "LOAD"}
MAX_QUERY_CHARS = 1_000_000
_PARSE_STACK = 512 * 1024 * 1024  # virtual: only the pages used are ever touched
_PARSE_DEPTH = 1_000_000
_PARSE_LOCK = threading.Lock()


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
    ...     check_query("PREFIX l: <http://127.0.0.1:9/> SELECT * WHERE { SERVICEl:sparql { ?s ?p ?o } }")
    ... except QueryError as exc:
    ...     print(exc)
    refused: SERVICE (a federated query opens a network connection) is not allowed
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"refused: the query is {len(query):,} characters long, more than kg reads ({MAX_QUERY_CHARS:,})"
        )
    _check_tokens(query)
    form, tree = _parse(query)
    found = _refused_in_tree(tree)
    if found:
        raise QueryError(f"refused: {_REFUSED[found]} is not allowed")
    if form == "update" and not update:
        raise QueryError("refused: this is an update and the store is read-only unless you pass --update")
    return form


def _check_tokens(query: str) -> None:
    """The independent check on tokens: refused keywords as words, or glued to the front of a
    prefixed name whose prefix the query does not declare (``SERVICEl:x``, ``FROM:g``, ``LOADl:f``)."""
    toks = tokens(_expand_codepoints(query))
    declared = set(SAFE_PREFIXES)
    for i, (kind, text) in enumerate(toks):
        if kind == "word" and text.upper() == "PREFIX" and i + 1 < len(toks) and toks[i + 1][0] == "pname":
            declared.add(toks[i + 1][1].split(":", 1)[0])
    for kind, text in toks:
        if kind == "word" and text.upper() in _REFUSED:
            raise QueryError(f"refused: {_REFUSED[text.upper()]} is not allowed")
        if kind == "pname":
            prefix = text.split(":", 1)[0]
            if prefix in declared:
                continue
            for word in _REFUSED:
                if prefix.upper().startswith(word):
                    raise QueryError(f"refused: {_REFUSED[word]} is not allowed")


def _expand_codepoints(query: str) -> str:
    r"""``\uXXXX`` / ``\UXXXXXXXX`` read as the characters (the SPARQL grammar allows them anywhere)."""

    def char(m: re.Match) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except (ValueError, OverflowError):
            return m.group()

    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", char, query)


def _parse(query: str) -> tuple[str, object]:
    """(form, rdflib parse tree) of a query or update; :class:`QueryError` if rdflib cannot read it.

    rdflib's parser recurses once per triple of a group: a long query needs a deep stack, so it
    runs in a thread of its own with a large stack and recursion limit."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    out: dict = {}

    def work() -> None:
        try:
            tree = parseQuery(query)
            out["value"] = (tree[1].name.removesuffix("Query").lower(), tree)
            return
        except ParseException as exc:
            out["query_error"] = exc
        except RecursionError:
            out["deep"] = True
            return
        try:
            out["value"] = ("update", parseUpdate(query))
        except ParseException:
            pass
        except RecursionError:
            out["deep"] = True

    limit = sys.getrecursionlimit()
    size = threading.stack_size()
    with _PARSE_LOCK:
        try:
            threading.stack_size(_PARSE_STACK)
            sys.setrecursionlimit(max(limit, _PARSE_DEPTH))
            thread = threading.Thread(target=work, name="kg-sparql-parse")
            thread.start()
        finally:
            threading.stack_size(size)
        thread.join()
        sys.setrecursionlimit(limit)
    if "value" in out:
        return out["value"]
    if out.get("deep"):
        raise QueryError("malformed query: it is nested too deeply for kg's SPARQL parser")
    if not query.strip() or not tokens(query):
        raise QueryError("malformed query: the query is empty")
    exc = out["query_error"]
    near = " ".join(query[exc.loc : exc.loc + 30].split()) if exc.loc < len(query) else "the end"
    raise QueryError(f"malformed query: line {exc.lineno}, column {exc.col}: cannot read the query at {near!r}")


def _refused_in_tree(tree) -> str | None:
    """The first refused construct in an rdflib parse tree (a key of :data:`_REFUSED`), or None."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            kind = _REFUSED_NODES.get(node.name)
            if kind:
                return kind
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(node)
    return None


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
    (``truncated`` is then set); ``timeout`` in seconds stops a query with a :class:`QueryError`.
    In this process an update runs to its end whatever ``timeout`` says (stopping it would need a
    process of its own): :func:`run_query_isolated` honours the timeout for updates too.
    """
    check_timeout(timeout)
    form = check_query(query, update=update)
    return _execute(store, query, form, bindings, timeout, limit)


def _execute(store: Store, query: str, form: str, bindings: dict | None, timeout: float | None, limit: int | None):
    """Run a query :func:`check_query` has passed (``form`` is what it returned)."""
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


# ---------------------------------------------------------------------------- the query process
DEFAULT_MEMORY_GB = 2.0
_CLONE_NEWUSER, _CLONE_NEWNET = 0x10000000, 0x40000000


def run_query_isolated(
    store_path,
    query: str,
    bindings: dict | None = None,
    update: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    limit: int | None = None,
    memory_gb: float = DEFAULT_MEMORY_GB,
) -> QueryResult:
    """Run a query on the store folder ``store_path`` in a process of its own (what ``kg query`` does).

    The process opens the store itself (read-only unless ``update``), may allocate at most
    ``memory_gb`` of memory, has no network where the system allows it (a new, empty network
    namespace: federation is off below the engine, whatever the guard let through), and is killed
    at ``timeout``: a runaway query, an ORDER BY over a cross join or an update gives a clear
    :class:`QueryError` within the timeout and frees its memory at once. A killed update never
    commits its transaction, so the store is left as it was. Linux (fork) only.
    """
    import ctypes  # noqa: F401  (imported here, before the fork: the child takes no import lock)
    import pickle
    import resource  # noqa: F401
    import select
    import signal

    check_timeout(timeout)
    if not (math.isfinite(memory_gb) and memory_gb > 0):
        raise QueryError(f"--memory must be a finite number of gigabytes above 0, got {memory_gb:g}")
    form = check_query(query, update=update)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the query process: never returns
        os.close(read)
        _query_process(write, store_path, query, form, bindings, update, limit, memory_gb)
    os.close(write)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    status = None
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise QueryError(
                    f"query stopped by the {timeout:g} s timeout; narrow it (LIMIT, filters) or raise --timeout"
                )
            ready, _, _ = select.select([read], [], [], min(left, 1.0))
            if ready:
                chunk = os.read(read, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(read)
        if status is None:  # timeout, Ctrl-C or an error: the process goes, its memory with it
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
    try:
        kind, value = pickle.loads(b"".join(chunks))
    except Exception:  # nothing, or cut short: the process died
        kind, value = None, None
    if kind == "ok":
        return value
    if kind == "error":
        raise QueryError(value)
    # Out of its memory: Python's MemoryError, an abort where Rust or C++ could not allocate, or
    # the kernel's OOM killer.
    died = os.WTERMSIG(status) if status is not None and os.WIFSIGNALED(status) else None
    if kind == "memory" or died in (signal.SIGABRT, signal.SIGSEGV, signal.SIGKILL):
        raise QueryError(
            f"query stopped: it needed more than {memory_gb:g} GB of memory; narrow it (LIMIT, filters) or raise --memory"
        )
    raise QueryError(f"query failed: its process ended without an answer (status {status})")


def _query_process(write: int, store_path, query, form, bindings, update, limit, memory_gb) -> None:
    import pickle
    import resource

    from kg.backend import open_store
    from kg.errors import KGError

    code = 0
    try:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)  # an allocation failure's own message: the parent says it in one line
            _no_network()
            cap = int(memory_gb * 1024**3)
            resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
            with open_store(store_path, create=False, read_only=not update) as st:
                payload = ("ok", _execute(st, query, form, bindings, None, limit))
        except KGError as exc:
            payload = ("error", str(exc))
        except MemoryError:
            payload = ("memory", None)
        try:
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps(("memory", None))
        view = memoryview(data)
        while view:
            view = view[os.write(write, view) :]
    except BaseException as exc:  # never let the child run the parent's code
        try:
            os.write(write, pickle.dumps(("error", f"query failed: {_first_line(exc)}")))
        except BaseException:
            code = 1
    finally:
        os._exit(code)


def _no_network() -> None:
    """Move this process into a new network namespace with no interfaces but a down loopback, so no
    connection can be opened from it; as root a network namespace alone, otherwise inside a new
    user namespace. Where neither is allowed (a container without user namespaces) nothing changes:
    the guard on the parsed query still refuses SERVICE and LOAD."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return
    if libc.unshare(_CLONE_NEWNET) != 0:
        libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__


def check_timeout(timeout: float | None) -> None:
    """A timeout is None (no limit) or a finite number of seconds above 0 that a wait accepts.

    >>> check_timeout(float("inf"))
    Traceback (most recent call last):
    kg.errors.QueryError: --timeout must be a finite number of seconds above 0, got inf
    """
    if timeout is None:
        return
    if not (isinstance(timeout, (int, float)) and math.isfinite(timeout) and 0 < timeout <= threading.TIMEOUT_MAX):
        got = f"{timeout:g}" if isinstance(timeout, (int, float)) else repr(timeout)
        if isinstance(timeout, (int, float)) and math.isfinite(timeout) and timeout > 0:
            raise QueryError(f"--timeout must be at most {threading.TIMEOUT_MAX:.0f} seconds, got {got}")
        raise QueryError(f"--timeout must be a finite number of seconds above 0, got {got}")


def read_query_arg(arg: str) -> str:
    """QUERY may be SPARQL text or the path of a ``.rq`` / ``.sparql`` file.

    Text that cannot be a path (a line break, a brace, or a name longer than the system allows)
    is query text; so is any text that names no file unless it ends in ``.rq`` / ``.sparql``.
    """
    p = Path(arg)
    could_be_path = "\n" not in arg and "{" not in arg and "\x00" not in arg
    try:
        is_file = could_be_path and p.is_file()
    except OSError:  # ENAMETOOLONG and kin: no file has this name, so it is the query itself
        is_file = could_be_path = False
    if is_file or (could_be_path and arg.endswith((".rq", ".sparql"))):
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
