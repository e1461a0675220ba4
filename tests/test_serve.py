"""``kg serve``: every route over HTTP against a real uvicorn server on a loopback port, the SPARQL
endpoint driven by rdflib's SPARQLStore, review through the curation file, and a build writing
the store while the server answers."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
KG = "https://w3id.org/kg/id/"
IRN, RUS, CHN, USA = KG + "country/IRN", KG + "country/RUS", KG + "country/CHN", KG + "country/USA"
PAYLOAD = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> javascript:alert(1)'
TITLE_PAYLOAD = "Drone deal <script>window.__pwned=3</script><img src=x onerror=window.__pwned=4>"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """The app of a store folder, served by uvicorn in a thread on a free loopback port."""

    def __init__(self, store: Path, **kwargs):
        import uvicorn

        from kg.server import create_app

        self.app = create_app(store, **kwargs)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)

    @property
    def token(self) -> str:
        return self.app.state.token

    def get(self, path: str, headers: dict | None = None, data: bytes | None = None, method: str | None = None):
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {}, method=method)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(req, timeout=30) as resp:
                return resp.status, dict(resp.headers), resp.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read().decode("utf-8")

    def post_form(self, path: str, fields: dict):
        body = urlencode(fields).encode()
        return self.get(path, {"Content-Type": "application/x-www-form-urlencoded"}, data=body, method="POST")

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def copy_store(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("kg.lock"))
    return dst


@pytest.fixture(scope="module")
def served(data_store, tmp_path_factory):
    s = Served(copy_store(data_store, tmp_path_factory.mktemp("serve") / "store"))
    yield s
    s.stop()


def text_of(body: str) -> str:
    """A page's text: tags dropped, entities decoded, spaces collapsed."""
    import html

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


# ------------------------------------------------------------------ pages
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search?q=Iran",
        f"/actor?id={quote(IRN)}",
        "/actor?name=Russia",
        "/pair?a=Iran&b=Russia",
        "/relations",
        "/relations?actor=Iran&relation=supplies",
        "/timeline",
        "/timeline?actor=Iran",
        "/map",
        "/map?show=places",
        "/graph",
        "/graph?focus=Iran&depth=1",
        "/sparql",
        "/static/app.css",
    ],
)
def test_every_page_answers_with_its_content_type(served, path):
    status, headers, body = served.get(path)
    assert status == 200, body[:500]
    if path.startswith("/static"):
        assert headers["content-type"].startswith("text/css")
    else:
        assert headers["content-type"].startswith("text/html")
        assert "default-src 'none'" in headers["content-security-policy"]


def test_search_resolves_aliases_as_the_cli_does(served):
    for alias in ("PRC", "Beijing", "china"):
        status, _, body = served.get("/search?q=" + quote(alias))
        assert status == 200
        first = re.search(r'<ol class="hits">\s*<li><a class="actor[^"]*" href="([^"]+)"', body)
        assert first and first.group(1) == "/actor?id=" + quote(CHN, safe=""), alias
    status, _, body = served.get("/search?q=" + quote("the Kremlin"))
    assert "/actor?id=" + quote(RUS, safe="") in body


def test_actor_page_has_facts_partners_and_every_statement_with_evidence(served, data_store):
    snap = served.app.state.workbench.snapshot
    iran = [s for s in snap.statements if IRN in (s.subject, s.object) and not s.negated]
    status, _, body = served.get(f"/actor?id={quote(IRN)}")
    text = text_of(body)
    assert status == 200 and "<h1>Iran</h1>" in body
    assert "ISO code IRN" in text and "Tehran" in text  # an alternative label
    assert f"{len(iran)} statements" in text
    # one row per statement, each with its sentence, document title and a link to its page
    rows = re.findall(r'<a href="/statement\?id=([^"]+)"', body)
    assert len(rows) == min(len(iran), 50)
    assert iran[0].sentence in text and (iran[0].title or "untitled document") in text
    assert "pair page" in body and "/pair?a=" + quote(IRN, safe="") in body


def test_actor_pages_are_paged(served):
    snap = served.app.state.workbench.snapshot
    busiest = max(snap.actors.values(), key=lambda a: a.statements)
    _, _, body = served.get(f"/actor?id={quote(busiest.iri)}&negated=include")
    total = len(snap.by_actor[busiest.iri])
    if total > 50:
        assert f"page 1 of {(total + 49) // 50}" in text_of(body)
        _, _, second = served.get(f"/actor?id={quote(busiest.iri)}&negated=include&page=2")
        assert "page 2 of" in text_of(second)


def test_unknown_actor_is_a_404_with_close_matches(served):
    status, _, body = served.get("/actor?name=Irann")
    assert status == 404
    assert "no actor named &#39;Irann&#39;" in body or "no actor named 'Irann'" in text_of(body)
    assert 'class="suggestions"' in body and ">Iran</a>" in body


def test_pair_page_lists_both_directions_and_a_monthly_timeline(served):
    snap = served.app.state.workbench.snapshot
    both = [s for s in snap.statements if {s.subject, s.object} == {IRN, RUS} and not s.negated]
    status, _, body = served.get("/pair?a=Iran&b=Russia")
    assert status == 200
    rows = set(re.findall(r'<a href="/statement\?id=([^"]+)"', body))
    assert {quote(s.iri, safe="") for s in both} == rows
    assert '<svg class="chart"' in body and '<rect class="bar"' in body
    months = {s.date[:7] for s in both if s.date}
    for m in months:
        assert f"<title>{m}:" in body


def test_relation_browser_filters(served):
    snap = served.app.state.workbench.snapshot
    _, _, body = served.get("/relations?relation=supplies")
    want = [s for s in snap.statements if s.relation == "supplies" and not s.negated]
    assert f"{len(want)} statement" in text_of(body)
    _, _, body = served.get("/relations?quad=4&negated=exclude&since=2024-06-01&until=2024-12-31")
    want = [
        s
        for s in snap.statements
        if s.quad == 4 and not s.negated and s.date and "2024-06-01" <= s.date <= "2024-12-31"
    ]
    assert len(set(re.findall(r'/statement\?id=([^"]+)"', body))) == min(len(want), 50)
    _, _, body = served.get("/relations?negated=only")
    assert len(set(re.findall(r'/statement\?id=([^"]+)"', body))) == min(sum(s.negated for s in snap.statements), 50)
    _, _, body = served.get("/relations?hedged=yes")
    want = [s for s in snap.statements if s.hedged and not s.negated]
    assert f"{len(want)} statement" in text_of(body) or "page 1 of" in text_of(body)


def test_relation_browser_state_level_rolls_up_state_organs(served):
    snap = served.app.state.workbench.snapshot
    organs = [a for a, state in snap.state_of.items() if snap.by_actor.get(a)]
    assert organs, "data/ has sector actors of a state"
    state = snap.state_of[organs[0]]
    _, _, actor_level = served.get(f"/relations?actor={quote(state)}")
    _, _, state_level = served.get(f"/relations?actor={quote(state)}&level=state")
    count = lambda body: len(set(re.findall(r'/statement\?id=([^"]+)"', body)))  # noqa: E731
    assert count(state_level) > count(actor_level)


@pytest.mark.parametrize(
    "query, message",
    [
        ("quad=7", "--quad must be 1, 2, 3 or 4"),
        ("relation=befriends", "unknown relation"),
        ("since=2024-13-01", "is not a valid date"),
        ("since=2025-01-01&until=2024-01-01", "is after"),
        ("hedged=maybe", "hedged must be any, yes or no"),
        ("min_confidence=2", "between 0 and 1"),
        ("level=planet", "--level must be"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(served, query, message):
    status, _, body = served.get("/relations?" + query)
    assert status == 400
    assert message in text_of(body)


def test_statement_page_shows_the_evidence_and_the_source(served):
    snap = served.app.state.workbench.snapshot
    s = next(x for x in snap.statements if x.source and x.source.startswith("https://"))
    status, _, body = served.get(f"/statement?id={quote(s.iri)}")
    assert status == 200
    assert s.sentence in text_of(body)
    assert f'href="{s.source}"' in body  # an http(s) source is a link
    assert served.get("/statement?id=nope")[0] == 404


def test_unknown_route_is_a_404_page(served):
    status, headers, body = served.get("/nowhere")
    assert status == 404 and headers["content-type"].startswith("text/html") and "no page at /nowhere" in body


def test_timeline_counts_statements_per_month_and_quad(served):
    from kg.workbench import StatementFilter, timeline

    snap = served.app.state.workbench.snapshot
    tl = timeline(StatementFilter().select(snap))
    _, _, body = served.get("/timeline")
    for row in tl["rows"]:
        if row["total"]:
            cells = [str(row["by_quad"][q]) for q in (1, 2, 3, 4, 0)] + [str(row["total"])]
            assert f">{row['month']}</a></td><td>" + "</td><td>".join(cells) + "</td>" in body
    events = timeline(StatementFilter().select(snap), count="events")
    assert sum(r["total"] for r in events["rows"]) <= sum(r["total"] for r in tl["rows"])


def test_map_draws_countries_offline_and_shades_the_stated_ones(served):
    status, _, body = served.get("/map")
    assert status == 200
    fills = dict(re.findall(r'<g class="country" data-code="([A-Z]{3})" fill="(#[0-9a-f]{6})"', body))
    assert len(fills) > 150  # the world, from pygal_maps_world's shapes
    assert fills["IRN"] != "#eceff1" and fills["RUS"] != "#eceff1"
    assert fills["ISL"] == "#eceff1"  # nobody in data/ is Icelandic
    assert "http://" not in body.split("<svg", 1)[1].split("</svg>", 1)[0].replace("http://www.w3.org", "")


def test_graph_page_is_the_view_renderer_with_links_to_pages(served):
    status, headers, body = served.get("/graph?relation=supplies")
    assert status == 200 and "unsafe-inline" in headers["content-security-policy"]
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', body, re.S).group(1))
    assert {e["relation"] for e in data["edges"]} == {"supplies"}
    head = json.loads(re.search(r'<script type="application/json" id="kg-head">(.*?)</script>', body, re.S).group(1))
    assert head["links"] == {"actor": "/actor?id=", "pair": "/pair"}
    _, _, body = served.get("/graph?focus=China")
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', body, re.S).group(1))
    china = next(n for n in data["nodes"] if n["id"] == CHN)
    assert "Beijing" in china["aliases"]  # the page's search box finds China by its aliases


# ------------------------------------------------------------------ SPARQL endpoint
def test_sparqlstore_client_reads_the_endpoint(served):
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(served.base + "/sparql", returnFormat="json")
    g = Graph(store=store)
    rows = list(
        g.query(
            "PREFIX kg: <https://w3id.org/kg/ontology#> SELECT ?o WHERE { ?st kg:subject ?s ; kg:relation kg:supplies ; kg:object ?o }",
            initBindings={"s": URIRef(IRN)},
        )
    )
    assert (URIRef(RUS),) in [tuple(r) for r in rows]
    assert g.query("ASK { ?s ?p ?o }").askAnswer is True
    xml = Graph(store=SPARQLStore(served.base + "/sparql"))  # rdflib's default: XML results, RDF/XML graphs
    assert len(list(xml.query("SELECT ?s WHERE { ?s a <https://w3id.org/kg/ontology#Country> } LIMIT 3"))) == 3
    built = xml.query(
        "PREFIX kg: <https://w3id.org/kg/ontology#> CONSTRUCT { ?s kg:supplies ?o } WHERE { ?s kg:supplies ?o }"
    )
    assert (URIRef(IRN), URIRef("https://w3id.org/kg/ontology#supplies"), URIRef(RUS)) in set(built)


SELECT = "SELECT ?s WHERE { ?s a kg:Country } ORDER BY ?s LIMIT 2"


@pytest.mark.parametrize(
    "accept, media, check",
    [
        ("application/sparql-results+json", "application/sparql-results+json", lambda b: json.loads(b)["head"]),
        ("application/sparql-results+xml", "application/sparql-results+xml", lambda b: "<sparql" in b),
        ("text/csv", "text/csv", lambda b: b.startswith("s\r\n")),
        ("text/tab-separated-values", "text/tab-separated-values", lambda b: b.startswith("?s\n<https://")),
    ],
)
def test_select_results_by_accept_header(served, accept, media, check):
    status, headers, body = served.get("/sparql?query=" + quote(SELECT), {"Accept": accept})
    assert status == 200 and headers["content-type"].startswith(media) and check(body)


@pytest.mark.parametrize(
    "accept, media, check",
    [
        ("text/turtle", "text/turtle", lambda b: "kg:supplies" in b or "ontology#supplies" in b),
        ("application/n-triples", "application/n-triples", lambda b: b.startswith("<https://")),
        ("application/ld+json", "application/ld+json", lambda b: isinstance(json.loads(b), (list, dict))),
    ],
)
def test_construct_results_by_accept_header(served, accept, media, check):
    q = "CONSTRUCT { ?s kg:supplies ?o } WHERE { ?s kg:supplies ?o }"
    status, headers, body = served.get(
        "/sparql", {"Accept": accept, "Content-Type": "application/sparql-query"}, data=q.encode(), method="POST"
    )
    assert status == 200 and headers["content-type"].startswith(media) and check(body)


def test_sparql_post_form_and_describe(served):
    status, _, body = served.post_form("/sparql", {"query": f"DESCRIBE <{IRN}>", "format": "nt"})
    assert status == 200 and f"<{IRN}>" in body


def test_malformed_query_is_a_400_with_the_parser_message(served):
    status, _, body = served.get("/sparql?query=" + quote("SELECT ?s WHERE { ?s ?p }"))
    assert status == 400 and body.startswith("malformed query:") and len(body.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "how",
    ["get-update", "post-update", "query-update"],
)
def test_an_update_is_a_403(served, how):
    upd = "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"
    if how == "get-update":
        status, _, body = served.get("/sparql?update=" + quote(upd))
    elif how == "post-update":
        status, _, body = served.get(
            "/sparql", {"Content-Type": "application/sparql-update"}, data=upd.encode(), method="POST"
        )
    else:
        status, _, body = served.get("/sparql?query=" + quote(upd))
    assert status == 403 and "read-only" in body
    assert served.get("/sparql?query=" + quote("ASK { <http://x/a> ?p ?o }"), {"Accept": "application/json"})[2] == (
        '{"head": {}, "boolean": false}'
    )


def test_service_load_and_from_are_refused(served):
    for q in (
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    ):
        status, _, body = served.get("/sparql?query=" + quote(q))
        assert status == 403 and body.startswith("refused")


def test_dataset_parameters_are_refused_as_from_is(served):
    q = quote("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    status, _, body = served.get(f"/sparql?query={q}&default-graph-uri=" + quote("file:///etc/passwd"))
    assert status == 403 and body.startswith("refused: default-graph-uri is not supported")


def test_requests_for_another_host_name_are_refused(data_store, tmp_path):
    s = Served(copy_store(data_store, tmp_path / "store"), allowed_hosts=["127.0.0.1", "localhost"])
    try:
        assert s.get("/")[0] == 200
        status, _, body = s.get("/", {"Host": "attacker.example"})  # a name rebound to 127.0.0.1
        assert status == 400 and "Invalid host header" in body
    finally:
        s.stop()


def test_results_are_capped(data_store, tmp_path):
    s = Served(copy_store(data_store, tmp_path / "store"), limit=5)
    try:
        status, headers, body = s.get("/sparql?query=" + quote("SELECT * WHERE { ?s ?p ?o }"), {"Accept": "text/csv"})
        assert status == 200 and headers.get("x-kg-truncated") == "true" and len(body.strip().splitlines()) == 6
    finally:
        s.stop()


# ------------------------------------------------------------------ the command
def _start(args: list[str], env=None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or os.environ.copy(),
    )


def _wait_up(port: int, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("kg serve did not answer")


@pytest.mark.slow
def test_kg_serve_command_and_a_query_past_the_timeout_is_a_503(data_store, tmp_path):
    store = copy_store(data_store, tmp_path / "store")
    port = free_port()
    proc = _start(["--store", str(store), "--port", str(port), "--timeout", "0.5"])
    try:
        _wait_up(port, proc)
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?query=" + quote(slow), timeout=30)
        assert info.value.code == 503
        assert "0.5 s timeout" in info.value.read().decode()
    finally:
        proc.terminate()  # the query's thread goes with the process
        proc.wait(timeout=20)


def test_kg_serve_errors_are_one_line(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "serve", "--store", str(tmp_path / "none")], capture_output=True, text=True
    )
    assert proc.returncode == 1 and proc.stderr.strip().splitlines() == [
        f"error: no kg store at {tmp_path / 'none'}; run kg build first"
    ]


def test_kg_serve_warns_off_loopback_and_refuses_a_busy_port(data_store):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "kg.cli",
                "serve",
                "--store",
                str(data_store),
                "--host",
                "0.0.0.0",
                "--port",
                str(port),
            ],
            capture_output=True,
            text=True,
        )
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1, proc.stderr
    assert lines[0].startswith("warning: listening on 0.0.0.0: other machines can read the store")
    assert lines[1].startswith(f"error: cannot listen on 0.0.0.0:{port}")


# ------------------------------------------------------------------ review
def _stored_statements(store: Path) -> set[str]:
    from kg.backend import open_store
    from kg.query import run_query

    with open_store(store, create=False, read_only=True) as st:
        return {str(r[0].value) for r in run_query(st, "SELECT ?s WHERE { ?s a kg:Statement }").rows}


def _sparql_has(served: Served, iri: str) -> bool:
    q = f"ASK {{ <{iri}> a <https://w3id.org/kg/ontology#Statement> }}"
    return json.loads(served.get("/sparql?query=" + quote(q), {"Accept": "application/json"})[2])["boolean"]


@pytest.fixture
def review(data_store, tmp_path):
    store = copy_store(data_store, tmp_path / "store")
    s = Served(store)
    yield s, store
    s.stop()


def test_mark_wrong_hides_the_statement_at_once_and_keeps_the_store(review):
    served, store = review
    snap = served.app.state.workbench.snapshot
    target = next(s for s in snap.statements if s.subject == IRN and s.object == RUS and s.relation == "supplies")
    before = _stored_statements(store)
    status, headers, _ = served.post_form("/review/wrong", {"token": served.token, "statement": target.iri})
    assert status == 303 and headers["location"].startswith("/actor?id=")
    # gone from the pages and from the endpoint at once
    assert served.get(f"/statement?id={quote(target.iri)}")[0] == 404
    assert target.sentence not in text_of(served.get("/pair?a=Iran&b=Russia")[2]) or any(
        s.sentence == target.sentence for s in served.app.state.workbench.snapshot.statements
    )
    assert not _sparql_has(served, target.iri)
    # kept in the curation file (the store's actors.tsv), with the sentence as a comment
    lines = (store / "actors.tsv").read_text("utf-8").splitlines()
    assert lines[0].startswith("# wrong: Iran supplies Russia: ")
    assert re.fullmatch(r"wrong\thttps://w3id.org/kg/id/statement/[0-9a-f]{24}", lines[1])
    # the built store is not rewritten ...
    assert _stored_statements(store) == before
    # ... and kg relink applies the same file to it: the same statements as the pages
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "relink", "--store", str(store)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert _stored_statements(store) == {s.iri for s in served.app.state.workbench.snapshot.statements}


def test_merge_moves_the_statements_to_the_target(review):
    served, store = review
    snap = served.app.state.workbench.snapshot
    person = next(a for a in snap.actors.values() if a.type == "Person" and a.statements >= 1)
    n_before = snap.actors[USA].statements
    status, headers, _ = served.post_form(
        "/review/merge", {"token": served.token, "actor": person.iri, "into": "United States"}
    )
    assert status == 303 and headers["location"] == "/actor?id=" + quote(USA, safe="") + "&done=merged"
    after = served.app.state.workbench.snapshot
    assert not after.by_actor.get(person.iri)
    assert served.get(f"/actor?id={quote(person.iri)}")[0] == 404
    assert after.actors[USA].statements > n_before - 1
    assert f"merge\t{person.iri}\t{USA}" in (store / "actors.tsv").read_text("utf-8")


def test_split_gives_one_document_its_own_actor(review):
    served, store = review
    snap = served.app.state.workbench.snapshot
    person = next(
        a for a in snap.actors.values() if a.type == "Person" and len({s.doc for s in snap.by_actor[a.iri]}) >= 1
    )
    doc = snap.by_actor[person.iri][0].doc
    in_doc = {s.iri for s in snap.by_actor[person.iri] if s.doc == doc}
    status, headers, _ = served.post_form(
        "/review/split", {"token": served.token, "actor": person.iri, "document": doc, "name": "Someone Else Entirely"}
    )
    assert status == 303, _
    after = served.app.state.workbench.snapshot
    other = KG + "person/someone-else-entirely"
    assert len([s for s in after.by_actor.get(other, []) if s.doc == doc]) == len(in_doc)
    assert not [s for s in after.by_actor.get(person.iri, []) if s.doc == doc]
    assert served.get("/search?q=Someone+Else")[2].count("/actor?id=" + quote(other, safe="")) >= 1


def test_review_needs_the_form_token_and_a_valid_line(review):
    served, store = review
    snap = served.app.state.workbench.snapshot
    s = snap.statements[0]
    status, _, body = served.post_form("/review/wrong", {"statement": s.iri})
    assert status == 403 and "reload the page" in body
    assert not (store / "actors.tsv").exists()
    status, _, body = served.post_form("/review/merge", {"token": served.token, "actor": "Iran", "into": "Iran"})
    assert status == 400 and "nothing to merge" in text_of(body)
    assert not (store / "actors.tsv").exists()  # a refused line leaves the file as it was


def test_curation_file_wrong_and_split_lines_are_checked(tmp_path):
    from kg.curation import CurationError, parse

    with pytest.raises(CurationError, match=r"x.tsv:1: 'nope' is not a statement IRI"):
        parse("wrong\tnope\n", tmp_path / "x.tsv")
    with pytest.raises(CurationError, match=r"x.tsv:1: 'doc' is not a document IRI"):
        parse("split\tIran\tdoc\tTehran people\n", tmp_path / "x.tsv")
    cur = parse(f"wrong\t{KG}statement/abc\nsplit\tAhmed Ali\t{KG}doc/d1\tAhmed Ali (Sudan)\n", tmp_path / "x.tsv")
    assert cur.wrong == {KG + "statement/abc"} and cur.splits[0][1] == KG + "doc/d1"


# ------------------------------------------------------------------ hostile text, builds
@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A store from one feed record whose title, URL and sentence carry HTML/JS payloads."""
    from kg.pipeline import build

    folder = tmp_path_factory.mktemp("hostile-docs")
    doc = {
        "id": "x1",
        "title": TITLE_PAYLOAD,
        "url": "javascript:alert(1)",
        "date": "2025-03-01",
        "text": f"Iran supplied drones to Russia {PAYLOAD}.\n\nOfficials gave no further details.",
    }
    (folder / "doc.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    store = tmp_path_factory.mktemp("hostile-store") / "store"
    build([str(folder)], store_path=store)
    s = Served(store)
    yield s
    s.stop()


def test_hostile_text_is_escaped_on_every_page(hostile):
    snap = hostile.app.state.workbench.snapshot
    st = next(s for s in snap.statements if s.relation == "supplies")
    assert PAYLOAD in st.sentence and st.title == TITLE_PAYLOAD
    for path in (
        f"/actor?id={quote(IRN)}",
        "/pair?a=Iran&b=Russia",
        "/relations",
        f"/statement?id={quote(st.iri)}",
        "/search?q=" + quote("<script>"),
        "/actor?name=" + quote("<script>alert(1)</script>"),
        "/timeline",
        "/map",
    ):
        status, _, body = hostile.get(path)
        assert status in (200, 404)
        assert "<script" not in body.lower() and "<img" not in body.lower(), path
        assert 'href="javascript:' not in body.lower(), path
    body = hostile.get(f"/statement?id={quote(st.iri)}")[2]
    assert "&lt;script&gt;window.__pwned=2&lt;/script&gt;" in body and "javascript:alert(1)" in body  # shown, as text
    graph = hostile.get("/graph")[2]
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', graph, re.S).group(1)
    assert "<" not in data and PAYLOAD in json.loads(data)["edges"][0]["evidence"][0]["sentence"]


@pytest.mark.slow
def test_pages_answer_while_a_build_writes_the_store(data_store, tmp_path):
    from kg.backend import open_store

    store = copy_store(data_store, tmp_path / "store")
    served = Served(store)
    try:
        before = len(served.app.state.workbench.snapshot.statements)
        with open_store(store, create=False, read_only=True) as st:
            n_docs = len(st.document_hashes())
        extra = tmp_path / "extra"
        extra.mkdir()
        (extra / "new.txt").write_text("Title: Quiet talks\n\nNorway supplied weapons to Colombia.\n", encoding="utf-8")
        build = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "build", str(DATA), str(extra), "--store", str(store)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        saw_banner = False
        while build.poll() is None:
            status, _, body = served.get("/relations")
            assert status == 200
            saw_banner |= "Build in progress" in body
            time.sleep(0.2)
        assert build.returncode == 0, build.stderr.read()
        assert saw_banner, "the build's lock was seen while it wrote"
        time.sleep(2.1)  # RELOAD_CHECK_SECONDS
        deadline = time.monotonic() + 20
        while len(served.app.state.workbench.current().statements) == before and time.monotonic() < deadline:
            time.sleep(0.2)
        after = served.app.state.workbench.snapshot
        assert len(after.statements) > before
        assert "Build in progress" not in served.get("/")[2]
    finally:
        served.stop()
    with open_store(store, create=False, read_only=True) as st:  # the store is whole: one more document
        docs = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/kg/ontology#Document> }"
        assert st.count(docs) == len({s.doc for s in after.statements} | set(st.document_hashes())) == n_docs + 1
