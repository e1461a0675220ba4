"""A remote SPARQL 1.1 endpoint used as the kg store (``--store sparql+http://HOST:PORT/sparql``).

:class:`RemoteStore` is a :class:`kg.backend.Store` (the interface :class:`kg.store.KGStore`
implements too) whose ``query``/``update``/``quads``/``dump`` speak HTTP, so ``kg build``,
``kg query``, export and ``kg view`` run unchanged on a server such as Virtuoso. It writes the
quads of :mod:`kg.model`, as the Oxigraph store does, and never imports :mod:`kg.store`.

Store address::

    sparql+http://HOST:PORT/sparql[?update=URL&user=NAME&password=SECRET]

``update`` is the SPARQL Update URL (default: the query URL); ``user``/``password`` (or the
environment variables ``KG_SPARQL_USER``/``KG_SPARQL_PASSWORD``) are sent with HTTP digest or
basic authentication, whichever the server asks for (Virtuoso: ``/sparql-auth``, digest).

How it talks to the server, and why:

* Queries are POSTed (SPARQL 1.1 Protocol) and results asked for as SPARQL JSON, parsed by
  pyoxigraph into the same ``QuerySolutions``/``QueryBoolean`` objects the embedded store gives.
  Virtuoso writes booleans as ``"1"^^xsd:boolean`` in JSON, so they are mapped back to ``true``
  /``false`` first (SPARQL XML would keep them, but pyoxigraph's XML reader trims the leading and
  trailing whitespace of literals, and sentences end with newlines).
  CONSTRUCT/DESCRIBE results come as N-Triples and are returned as ``pyoxigraph.Triple``.
* Writes are SPARQL Update: ``DROP SILENT GRAPH <doc>`` then ``INSERT DATA { GRAPH <g> {...} }``
  in batches, with every term written by pyoxigraph (N-Triples syntax: safe for any text). The
  quads are those of :func:`kg.store.document_quads`, as for the embedded store. A document
  normally fits in one request (one transaction on Virtuoso); a larger one is split, and its
  ``kg:contentHash`` is written last, so a document cut short by a crash has no hash, is not
  "unchanged" for the next build and gets written again.
* Query parameters (``bindings``) are bound by a ``VALUES (?a ?b) { (<iri> "lit") }`` block
  placed first inside the query's outermost WHERE group, built from pyoxigraph's term
  serialisation, never from raw user text. Unlike Oxigraph's substitution, a sub-SELECT that does
  not project the variable does not see the binding.
* Queries run over the union of all graphs: what Virtuoso does anyway (the default graph of a
  query without FROM is the union of all graphs).
* A malformed query or update (HTTP 400) is a :class:`kg.errors.QueryError`; an endpoint that
  cannot be reached or refuses a request, a :class:`kg.errors.RemoteError` (a ``StoreError``).
* There is no cross-client lock: run one ``kg build`` at a time against an endpoint.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.backend import Answer, Solutions, Store, Term, Triples
from kg.errors import QueryError, RemoteError
from kg.model import CONTENT_HASH, doc_iri, document_quads
from kg.ontology import DCTERMS, KG, KGR, XSD

if TYPE_CHECKING:
    from kg.corpus import Document
    from kg.extract import Relation

RESULTS_JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples"
BATCH_QUADS = 5000  # quads per INSERT DATA request: large enough for nearly every document
PAGE_ROWS = 5000  # rows per page when listing documents (below Virtuoso's ResultSetMaxRows default)
TIMEOUT = 600.0


@dataclass
class Endpoint:
    """Where and how to reach a SPARQL endpoint."""

    query_url: str
    update_url: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    @property
    def display(self) -> str:
        """The store address without credentials, for messages."""
        return "sparql+" + self.query_url


def parse_endpoint(address: str) -> Endpoint:
    """Split a ``sparql+http(s)://`` store address into its URLs and credentials.

    >>> e = parse_endpoint("sparql+http://127.0.0.1:8890/sparql?update=http://127.0.0.1:8890/sparql-auth&user=dba")
    >>> (e.query_url, e.update_url, e.user)
    ('http://127.0.0.1:8890/sparql', 'http://127.0.0.1:8890/sparql-auth', 'dba')
    >>> parse_endpoint("sparql+http:/host:8890/sparql").query_url  # as pathlib.Path leaves it
    'http://host:8890/sparql'
    """
    text = re.sub(r"(sparql\+https?|https?):/+", r"\1://", address.strip())
    if not text.startswith(("sparql+http://", "sparql+https://")):
        raise RemoteError(f"not a SPARQL store address: {address!r} (expected sparql+http://HOST:PORT/PATH)")
    parts = urllib.parse.urlsplit(text[len("sparql+") :])
    if not parts.hostname:
        raise RemoteError(f"SPARQL store address {address!r} has no host")
    params = dict(urllib.parse.parse_qsl(parts.query))
    unknown = set(params) - {"update", "user", "password"}
    if unknown:
        raise RemoteError(
            f"unknown option(s) {', '.join(sorted(unknown))} in the SPARQL store address (known: update, user, password)"
        )
    query_url = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))
    update_url = params.get("update") or query_url
    if not update_url.startswith(("http://", "https://")):
        raise RemoteError(f"update URL {update_url!r} must start with http:// or https://")
    user = params.get("user") or os.environ.get("KG_SPARQL_USER") or None
    password = params.get("password") or os.environ.get("KG_SPARQL_PASSWORD") or None
    return Endpoint(query_url, update_url, user, password)


# ---------------------------------------------------------------------------- query text handling
_STRINGS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
)
_IRIS = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_COMMENTS = re.compile(r"#[^\n]*")
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


def _masked(query: str) -> str:
    """``query`` with strings, IRIs and comments blanked to spaces of the same length, so that
    keywords and braces can be found by position without looking inside them."""
    blank = lambda m: " " * len(m.group(0))  # noqa: E731
    out = _STRINGS.sub(blank, query)
    out = _IRIS.sub(blank, out)
    return _COMMENTS.sub(blank, out)


def query_form(query: str) -> str:
    """``select``, ``ask``, ``construct`` or ``describe`` (the first query form keyword).

    >>> query_form('PREFIX x: <http://e/ASK#> # CONSTRUCT\\nSELECT ?a WHERE { ?a x:p "DESCRIBE" }')
    'select'
    """
    m = _FORM.search(_masked(query))
    if not m:
        raise QueryError("malformed query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return m.group(1).lower()


def bind_values(query: str, substitutions: dict | None) -> str:
    """``query`` with a ``VALUES`` block binding each variable, first in its outermost WHERE group.

    Terms are written by pyoxigraph (``str(term)``), so any text is quoted and escaped correctly.

    >>> q = 'SELECT ?n WHERE { ?a <http://e/name> ?n }'
    >>> bind_values(q, {ox.Variable("a"): ox.NamedNode("http://e/x"), ox.Variable("b"): ox.Literal('say "hi"')})
    'SELECT ?n WHERE { VALUES (?a ?b) { (<http://e/x> "say \\\\"hi\\\\"") } ?a <http://e/name> ?n }'
    """
    if not substitutions:
        return query
    names, terms = [], []
    for var, term in substitutions.items():
        name = var.value if isinstance(var, ox.Variable) else str(var).lstrip("?$")
        if not re.fullmatch(r"[A-Za-z0-9_\u00b7\u00c0-\uffff]+", name):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
        if not isinstance(term, (ox.NamedNode, ox.Literal)):
            raise QueryError(f"cannot bind ?{name} to {term!r}: only IRIs and literals can be sent to an endpoint")
        names.append("?" + name)
        terms.append(str(term))
    block = f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"
    masked = _masked(query)
    form = query_form(query)
    start = 0
    if form == "construct":
        # The first top-level group is the template; the pattern follows the WHERE keyword. The
        # short form (CONSTRUCT WHERE { triples }) allows no VALUES inside: use a trailing one.
        m = re.search(r"\bCONSTRUCT\s+WHERE\b", masked, re.I)
        w = None if m else _top_level_where(masked)
        start = w if w is not None else len(masked)
    depth = 0
    for i in range(start, len(masked)):
        ch = masked[i]
        if ch == "{":
            if depth == 0:
                return query[: i + 1] + " " + block + query[i + 1 :]
            depth += 1
        elif ch == "}":
            depth -= 1
    # No WHERE group (DESCRIBE <iri>): a trailing VALUES clause does the same job.
    return query.rstrip() + "\n" + block


def _top_level_where(masked: str) -> int | None:
    depth = 0
    for m in re.finditer(r"[{}]|\bWHERE\b", masked, re.I):
        tok = m.group(0)
        if tok == "{":
            depth += 1
        elif tok == "}":
            depth -= 1
        elif depth == 0:
            return m.end()
    return None


_PNAME_ESC = re.compile(r"(?<![\w?$:])([A-Za-z][\w\-.]*)?:((?:[\w\-.:%]|\\.)*\\.(?:[\w\-.:%]|\\.)*)")
_PREFIX_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w\-.]*)?:\s*<([^<>\s]*)>", re.I)


def expand_escaped_names(query: str, prefixes: dict[str, str] | None = None) -> str:
    r"""``query`` with prefixed names that use SPARQL 1.1 local-name escapes (``kgr:graph\/actors``)
    written as full IRIs: Virtuoso 7 does not accept those escapes.

    >>> expand_escaped_names('SELECT * { GRAPH kgr:graph\\/actors { ?s ?p ?o } }', {"kgr": "https://w3id.org/kg/id/"})
    'SELECT * { GRAPH <https://w3id.org/kg/id/graph/actors> { ?s ?p ?o } }'
    """
    masked = _masked(query)
    if "\\" not in masked:
        return query
    known = dict(prefixes or {})
    for m in _PREFIX_DECL.finditer(query):
        known[m.group(1) or ""] = m.group(2)
    out, last = [], 0
    for m in _PNAME_ESC.finditer(masked):
        base = known.get(m.group(1) or "")
        if base is None:
            continue  # an unknown prefix: leave it for the server to report
        local = re.sub(r"\\(.)", r"\1", query[m.start(2) : m.end(2)])
        out.append(query[last : m.start()] + str(ox.NamedNode(base + local)))
        last = m.end()
    return "".join(out) + query[last:]


# ---------------------------------------------------------------------------- HTTP
class _Http:
    def __init__(self, endpoint: Endpoint):
        self.endpoint = endpoint
        handlers: list = []
        if endpoint.user:
            pm = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in {endpoint.query_url, endpoint.update_url}:
                pm.add_password(None, url, endpoint.user, endpoint.password or "")
            handlers += [urllib.request.HTTPDigestAuthHandler(pm), urllib.request.HTTPBasicAuthHandler(pm)]
        self.opener = urllib.request.build_opener(*handlers)

    def post(self, url: str, form: dict[str, str], accept: str, timeout: float | None = None) -> tuple[dict, bytes]:
        """POST a form; the answer's headers and body. A refused query or update (HTTP 400) is a
        :class:`QueryError`, anything else that fails a :class:`RemoteError`."""
        data = urllib.parse.urlencode(form).encode("utf-8")
        req = urllib.request.Request(
            url,
            data=data,
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"},
        )
        try:
            with self.opener.open(req, timeout=TIMEOUT if timeout is None else timeout) as resp:
                return dict(resp.headers), resp.read()
        except urllib.error.HTTPError as exc:
            detail = _first_line(exc.read().decode("utf-8", "replace")) or exc.reason
            if exc.code in (401, 403):
                raise RemoteError(
                    f"SPARQL endpoint {url} refused the request (HTTP {exc.code}); give user and password "
                    "(?user=..&password=.. or KG_SPARQL_USER/KG_SPARQL_PASSWORD) or grant SPARQL_UPDATE"
                ) from None
            if exc.code == 400:
                raise QueryError(f"malformed {'update' if 'update' in form else 'query'}: {detail}") from None
            raise RemoteError(f"SPARQL endpoint {url} failed (HTTP {exc.code}): {detail}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError) and timeout is not None:
                raise QueryError(
                    f"query stopped by the {timeout:g} s timeout; narrow it (LIMIT, filters) or raise --timeout"
                ) from None
            raise RemoteError(f"cannot reach SPARQL endpoint {url}: {reason}") from None


def _first_line(text: str) -> str:
    for line in text.strip().splitlines():
        if line.strip():
            return line.strip()[:300]
    return ""


_BOOL = str(XSD.boolean)


def _fix_booleans(body: bytes) -> bytes:
    """SPARQL JSON results with Virtuoso's ``"1"``/``"0"`` booleans written as ``true``/``false``.

    >>> _fix_booleans(b'{"head":{"vars":["b"]},"results":{"bindings":[{"b":{"type":"typed-literal","datatype":"%s","value":"1"}}]}}' % _BOOL.encode())
    b'{"head": {"vars": ["b"]}, "results": {"bindings": [{"b": {"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#boolean", "value": "true"}}]}}'
    """
    if _BOOL.encode() not in body:
        return body
    data = json.loads(body)
    for row in data.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("datatype") == _BOOL and term.get("value") in ("0", "1"):
                term["value"] = "true" if term["value"] == "1" else "false"
    return json.dumps(data).encode("utf-8")


def _check_complete(headers: dict) -> None:
    # Virtuoso cuts results at ResultSetMaxRows and says so in this header: never return a
    # silently partial answer.
    for k, v in headers.items():
        if k.lower() == "x-sparql-maxrows":
            raise RemoteError(
                f"the SPARQL endpoint cut the result at {v} rows (Virtuoso: raise ResultSetMaxRows in virtuoso.ini)"
            )


# ---------------------------------------------------------------------------- the store
class RemoteStore(Store):
    """A kg store on a SPARQL 1.1 endpoint (:class:`kg.backend.Store` over HTTP)."""

    def __init__(self, endpoint: Endpoint, read_only: bool = False, batch_quads: int = BATCH_QUADS):
        self.endpoint = endpoint
        self.path = endpoint.display
        self.read_only = read_only
        self.http = _Http(endpoint)
        self.batch_quads = batch_quads
        self._actors_sent: set[str] = set()  # actor quads already in the server (never removed by kg)

    # ------------------------------------------------------------------ reading
    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Term] | None = None,
        prefixes: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> Answer:
        """Run a SPARQL query on the endpoint; the rows are pyoxigraph objects, as from the
        embedded store. ``timeout`` bounds the HTTP request (the answer is read whole)."""
        form = query_form(sparql)
        text = bind_values(expand_escaped_names(sparql, dict(prefixes or {})), bindings)
        if prefixes:
            # Declared first, so the query's own PREFIX lines win (a later declaration overrides).
            text = "".join(f"PREFIX {k}: <{v}>\n" for k, v in prefixes.items()) + text
        if form in ("select", "ask"):
            headers, body = self.http.post(self.endpoint.query_url, {"query": text}, RESULTS_JSON, timeout)
            _check_complete(headers)
            res = ox.parse_query_results(_fix_booleans(body), format=ox.QueryResultsFormat.JSON)
            if isinstance(res, ox.QueryBoolean):
                return bool(res)
            return Solutions(res.variables, list(res))
        headers, body = self.http.post(self.endpoint.query_url, {"query": text}, NTRIPLES, timeout)
        _check_complete(headers)
        return Triples(
            ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
        )

    def update(self, sparql: str, *, prefixes: Mapping[str, str] | None = None) -> None:
        """Run a SPARQL Update on the endpoint's update URL."""
        if prefixes:
            sparql = "".join(f"PREFIX {k}: <{v}>\n" for k, v in prefixes.items()) + sparql
        self.http.post(self.endpoint.update_url, {"update": sparql}, RESULTS_JSON)

    def kg_graphs(self) -> list[ox.NamedNode]:
        """The graphs kg wrote (names under the kg id namespace), in IRI order."""
        q = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), {ox.Literal(str(KGR))})) }}"
        return [row[0] for row in _paged(self, q, "g")]

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Every quad in kg's graphs (a server's own system graphs are left out), or in one graph."""
        for g in self.kg_graphs() if graph is None else [ox.NamedNode(graph)]:
            for t in self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}"):
                yield ox.Quad(t.subject, t.predicate, t.object, g)

    def dump(self, output=None, format: ox.RdfFormat = ox.RdfFormat.N_QUADS, *, prefixes=None):
        """Serialise kg's graphs like ``pyoxigraph.Store.dump`` (bytes when ``output`` is None)."""
        if not format.supports_datasets:
            raise ValueError("dump() writes formats with named graphs (N-Quads, TriG)")
        kw = {"prefixes": dict(prefixes)} if prefixes else {}
        return ox.serialize(self.quads(), output, format, **kw)

    def __len__(self) -> int:
        rows = list(
            self.query(
                f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                f"FILTER(STRSTARTS(STR(?g), {ox.Literal(str(KGR))})) }}"
            )
        )
        return int(rows[0][0].value)

    def document_hashes(self) -> dict[str, str]:
        """IRI -> content hash of every document; ``""`` for one whose write was cut short."""
        q = f"SELECT ?d ?h WHERE {{ GRAPH ?d {{ ?d a <{KG.Document}> OPTIONAL {{ ?d <{KG.contentHash}> ?h }} }} }}"
        return {row["d"].value: (row["h"].value if row["h"] is not None else "") for row in _paged(self, q, "d")}

    def document_sources(self) -> dict[str, str]:
        q = f"SELECT ?d ?k WHERE {{ GRAPH ?d {{ ?d <{DCTERMS.identifier}> ?k }} }}"
        return {row["d"].value: row["k"].value for row in _paged(self, q, "d")}

    # ------------------------------------------------------------------ writing
    def replace_document(
        self,
        doc: Document,
        rels: Iterable[Relation],
        sentences: int = 0,
        words: int = 0,
        extracted: Iterable[Relation] | None = None,
        aliases: Iterable[str] = (),
    ) -> int:
        """Write a document's graph, replacing any earlier version. Returns the statement count."""
        self._writable()
        rels = list(rels)
        quads, actor_quads = document_quads(
            doc, rels, sentences, words, extracted=extracted, aliases=aliases, gazetteer=self.gazetteer
        )
        g = ox.NamedNode(doc_iri(doc.id))
        new_actors = [q for q in dict.fromkeys(actor_quads) if str(q) not in self._actors_sent]
        # The hash goes last: until it is written the document does not count as stored.
        ordered = (
            [q for q in quads if q.predicate != CONTENT_HASH]
            + new_actors
            + [q for q in quads if q.predicate == CONTENT_HASH]
        )
        first = True
        for i in range(0, len(ordered), self.batch_quads):
            body = _insert_data(ordered[i : i + self.batch_quads])
            self.update((f"DROP SILENT GRAPH {g} ;\n" if first else "") + body)
            first = False
        self._actors_sent.update(str(q) for q in new_actors)
        return len(rels)

    def remove_document(self, iri: str) -> None:
        self._writable()
        self.update(f"DROP SILENT GRAPH {ox.NamedNode(iri)}")

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> int:
        """One request that drops the graph and inserts the new one, or, for more quads than one
        request takes (``batch_quads``), a staging graph (``<graph>-staging``) filled batch by
        batch and then moved over the graph in one ``MOVE`` request."""
        self._writable()
        quads = list(quads)
        target = ox.NamedNode(graph)
        if len(quads) <= self.batch_quads:
            self.update(f"DROP SILENT GRAPH {target}" + (" ;\n" + _insert_data(quads) if quads else ""))
            return len(quads)
        staging = ox.NamedNode(graph + "-staging")
        self.update(f"DROP SILENT GRAPH {staging}")
        staged = [ox.Quad(q.subject, q.predicate, q.object, staging) for q in quads]
        for i in range(0, len(staged), self.batch_quads):
            self.update(_insert_data(staged[i : i + self.batch_quads]))
        self.update(f"MOVE SILENT GRAPH {staging} TO GRAPH {target}")
        return len(quads)

    def _writable(self) -> None:
        if self.read_only:
            raise RemoteError(f"store {self.path} was opened read-only")


def _paged(store: RemoteStore, select: str, key: str, page: int = PAGE_ROWS) -> Iterator:
    """Rows of ``select`` (whose last ``}`` closes its WHERE) page by page, keyed on ``?key``.

    Keyset paging (``FILTER(STR(?key) > last) ORDER BY ?key LIMIT n``) rather than OFFSET:
    Virtuoso refuses sorted OFFSETs past MaxSortedTopRows, and this never needs one.
    """
    last: str | None = None
    head, _, tail = select.rpartition("}")
    while True:
        cond = f" FILTER(STR(?{key}) > {ox.Literal(last)})" if last is not None else ""
        rows = list(store.query(f"{head}{cond} }}{tail} ORDER BY ?{key} LIMIT {page}"))
        yield from rows
        if len(rows) < page:
            return
        last = rows[-1][key].value


def _insert_data(quads: list[ox.Quad]) -> str:
    """One ``INSERT DATA`` for ``quads``, grouped by graph; terms serialised by pyoxigraph."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    return (
        "INSERT DATA {\n" + "\n".join(f"GRAPH {g} {{\n" + "\n".join(ts) + "\n}" for g, ts in by_graph.items()) + "\n}"
    )


def open_remote(address: str | Path, create: bool = True, read_only: bool = False, lock: bool = False) -> RemoteStore:
    """Open the SPARQL endpoint at ``address`` as a kg store; check that it answers.

    ``create`` and ``lock`` are accepted for :func:`kg.backend.open_store`'s sake: a server's
    dataset always exists, and there is no lock across clients.
    """
    store = RemoteStore(parse_endpoint(str(address)), read_only=read_only)
    try:
        store.query("ASK { }")
    except QueryError as exc:
        raise RemoteError(f"{store.path} does not answer SPARQL queries: {exc}") from None
    return store
