"""The SPARQL guard works on the parsed query: SERVICE, FROM / FROM NAMED, USING and LOAD are
refused whatever the spelling, checked against a real HTTP server that counts the requests
Oxigraph makes; --timeout and long inline queries are read as they should be."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.query import QueryError, check_query, read_query_arg, run_query, term_value
from kg.store import open_store


class _Remote(http.server.BaseHTTPRequestHandler):
    """A SPARQL endpoint that answers one row for any query and serves N-Triples for any GET."""

    hits: list[str] = []

    def _answer(self) -> None:
        type(self).hits.append(self.path)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if "sparql" in self.path or self.command == "POST":
            body, kind = (
                b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"literal","value":"remote"}}]}}',
                "application/sparql-results+json",
            )
        else:
            body, kind = b"<http://e/a> <http://e/b> <http://e/c> .\n", "application/n-triples"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def remote():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Remote)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("guard") / "store"
    with open_store(path, create=True) as st_:
        st_.ox.add(
            ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("o"), ox.NamedNode("http://e/g"))
        )
    with open_store(path, create=False) as st_:
        yield st_


# Spellings Oxigraph reads as SERVICE / FROM / LOAD (its parser needs no word boundary after a
# keyword); the old word-based guard let the first five through.
def _live(url: str) -> dict[str, tuple[str, bool]]:
    return {
        "SERVICE glued to a prefixed name": (
            f"PREFIX l: <{url}> SELECT * WHERE {{ SERVICEl:sparql {{ ?s ?p ?o }} }}",
            False,
        ),
        "SERVICE glued to the empty prefix": (
            f"PREFIX : <{url}> SELECT * WHERE {{ SERVICE:sparql {{ ?s ?p ?o }} }}",
            False,
        ),
        "SERVICE glued to an IRI": (f"SELECT*{{SERVICE<{url}sparql>{{?s ?p ?o}}}}", False),
        "SERVICE then a comment": (f"SELECT * WHERE {{ SERVICE#x\n<{url}sparql> {{ ?s ?p ?o }} }}", False),
        "LOAD glued to a prefixed name": (f"PREFIX l: <{url}> LOADl:data.nt", True),
        "FROM glued to a prefixed name": (f"PREFIX l: <{url}> SELECT * FROMl:g WHERE {{ ?s ?p ?o }}", False),
    }


LIVE_NAMES = sorted(_live("http://h/"))


@pytest.mark.parametrize("name", LIVE_NAMES)
def test_spellings_from_the_report_are_refused_and_fetch_nothing(store, remote, name):
    query, is_update = _live(remote)[name]
    before = len(_Remote.hits)
    with pytest.raises(QueryError, match=r"^refused: (SERVICE|FROM|LOAD)"):
        run_query(store, query, update=True)
    assert len(_Remote.hits) == before
    assert len(store.ox) == 1


@pytest.mark.parametrize("name", [n for n in LIVE_NAMES if not n.startswith("FROM")])
def test_oxigraph_itself_fetches_these_spellings(remote, name):
    """Why the guard matters: unguarded, Oxigraph makes the request (a fresh in-memory store)."""
    query, is_update = _live(remote)[name]
    before = len(_Remote.hits)
    mem = ox.Store()
    if is_update:
        try:
            mem.update(query)
        except (SyntaxError, OSError):
            pass  # the server's reply is refused after the fetch: the request was made
    else:
        list(mem.query(query))
    assert len(_Remote.hits) == before + 1


# ---------------------------------------------------------------------------- property tests
def _cased(word: str):
    return st.lists(st.booleans(), min_size=len(word), max_size=len(word)).map(
        lambda flags: "".join(c.upper() if up else c.lower() for c, up in zip(word, flags))
    )


GAPS = st.sampled_from(["", " ", "\n", "\t", "#c\n", " # FROM <x>\n ", "\r\n", "  "])


@st.composite
def target(draw, url: str):
    """(prologue, the IRI or prefixed name of ``url``)."""
    kind = draw(st.sampled_from(["iri", "pname", "empty", "escaped", "upper-prefix"]))
    if kind == "iri":
        return "", f"<{url}x>"
    if kind == "pname":
        return f"PREFIX l: <{url}>\n", "l:x"
    if kind == "empty":
        return f"PREFIX : <{url}>\n", ":x"
    if kind == "escaped":
        return f"PREFIX l: <{url}>\n", "l:x\\-y"
    return f"PREFIX SRV: <{url}>\n", "SRV:x"


@st.composite
def service_query(draw, url: str):
    prologue, where = draw(target(url))
    kw = draw(_cased("SERVICE")) + draw(st.sampled_from(["", " SILENT", " silent"]))
    gap = draw(GAPS)
    pre = draw(st.sampled_from(["", "?a ?b ?c .", "OPTIONAL {", "{ ?a ?b ?c } UNION {", "{ SELECT * WHERE {"]))
    post = {"OPTIONAL {": "}", "{ ?a ?b ?c } UNION {": "}", "{ SELECT * WHERE {": "} }"}.get(pre, "")
    head = draw(st.sampled_from(["SELECT * WHERE", "select*", "ASK", "CONSTRUCT WHERE"]))
    return f"{prologue}{head} {{ {pre} {kw}{gap}{where}{draw(GAPS)}{{ ?s ?p ?o }} {post} }}"


@st.composite
def from_query(draw, url: str):
    prologue, graph = draw(target(url))
    kw = draw(_cased("FROM")) + draw(st.sampled_from(["", " NAMED", " named", "\nNAMED"]))
    return f"{prologue}SELECT *{draw(GAPS)}{kw}{draw(GAPS)}{graph}{draw(GAPS)}WHERE {{ ?s ?p ?o }}"


@st.composite
def load_update(draw, url: str):
    prologue, source = draw(target(url))
    kw = draw(_cased("LOAD")) + draw(st.sampled_from(["", " SILENT", " silent"]))
    into = draw(st.sampled_from(["", " INTO GRAPH <http://e/g2>", " into graph <http://e/g2>"]))
    before = draw(st.sampled_from(["", "CLEAR SILENT GRAPH <http://e/none> ;\n"]))
    return f"{prologue}{before}{kw}{draw(GAPS)}{source}{into}"


@st.composite
def using_update(draw, url: str):
    prologue, graph = draw(target(url))
    kw = draw(_cased("USING")) + draw(st.sampled_from(["", " NAMED"]))
    return f"{prologue}DELETE {{ ?s ?p ?o }}{draw(GAPS)}{kw}{draw(GAPS)}{graph} WHERE {{ ?s ?p ?o }}"


def _refused_and_silent(store, remote_url, query):
    before_hits, before_quads = len(_Remote.hits), len(store.ox)
    with pytest.raises(QueryError, match=r"^(refused: (SERVICE|FROM|USING|LOAD)|malformed query)"):
        run_query(store, query, update=True, timeout=10)
    assert len(_Remote.hits) == before_hits
    assert len(store.ox) == before_quads


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY
@given(data=st.data())
def test_any_spelling_of_service_is_refused(store, remote, data):
    _refused_and_silent(store, remote, data.draw(service_query(remote)))


@PROPERTY
@given(data=st.data())
def test_any_spelling_of_from_is_refused(store, remote, data):
    _refused_and_silent(store, remote, data.draw(from_query(remote)))


@PROPERTY
@given(data=st.data())
def test_any_spelling_of_load_and_using_is_refused_even_with_update(store, remote, data):
    _refused_and_silent(store, remote, data.draw(st.one_of(load_update(remote), using_update(remote))))


@PROPERTY
@given(word=st.sampled_from(["SERVICE", "FROM", "LOAD", "USING", "DROP ALL"]).flatmap(_cased), gap=GAPS)
def test_keywords_in_strings_comments_iris_and_declared_names_are_allowed(store, remote, word, gap):
    before = len(_Remote.hits)
    query = (
        f"PREFIX {word.split()[0].lower()}x: <http://e/>\n"
        f"SELECT ?v ?w WHERE {{ # {word} <{remote}>\n"
        f'  BIND("{word}{gap.strip()} <{remote}>" AS ?v) BIND(<http://e/{word.split()[0]}> AS ?w)\n'
        f"  OPTIONAL {{ ?v {word.split()[0].lower()}x:{word.split()[0]} ?w }} }}"
    )
    res = run_query(store, query)
    assert [term_value(t) for t in res.rows[0]] == [f"{word}{gap.strip()} <{remote}>", f"http://e/{word.split()[0]}"]
    assert len(_Remote.hits) == before


def test_updates_still_need_update_whatever_the_spelling(store):
    for text in ("insert data { <http://e/a> <http://e/b> <http://e/c> }", "DrOp SiLeNt AlL", "CLEAR#x\nALL"):
        with pytest.raises(QueryError, match="^refused: this is an update"):
            check_query(text)
        assert check_query(text, update=True) == "update"


def test_codepoint_escapes_are_read_as_the_characters():
    with pytest.raises(QueryError, match="^(refused: SERVICE|malformed)"):
        check_query("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")


def test_a_long_legitimate_query_is_accepted(store):
    triples = " ".join(f'OPTIONAL {{ ?s <http://e/p{i}> "v{i}" }}' for i in range(1500))
    assert check_query(f"SELECT * WHERE {{ ?s ?p ?o {triples} }}") == "select"


# ---------------------------------------------------------------------------- CLI
def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=120)


def test_a_long_inline_query_is_text_not_a_file_name(tmp_path):
    """It was read as a path: "unexpected failure (OSError: File name too long)"."""
    path = tmp_path / "store"
    with open_store(path, create=True) as st_:
        st_.ox.add(
            ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("o"), ox.NamedNode("http://e/g"))
        )
    query = "SELECT ?o WHERE { ?s ?p ?o } " + " " * 400 + "LIMIT 5"  # no '/': one path component
    assert read_query_arg(query) == query
    assert read_query_arg(query.replace("{", "(")) == query.replace("{", "(")  # no brace: still no crash
    p = _kg("query", query, "--store", str(path), "--format", "csv")
    assert (p.returncode, p.stdout.splitlines(), p.stderr) == (0, ["o", "o"], "")


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "0", "-1", "1e300"])
def test_timeout_must_be_finite_and_positive(value, tmp_path):
    p = _kg("query", "ASK {}", "--store", str(tmp_path / "none"), "--timeout", value)
    assert p.returncode == 1
    assert p.stderr.startswith("error: --timeout must be ") and p.stderr.count("\n") == 1
    assert "OverflowError" not in p.stderr
