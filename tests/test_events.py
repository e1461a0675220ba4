"""Events (kg.events): statements that report the same event grouped into one kg:Event.

A small corpus is built with the real pipeline (spaCy, extraction, Oxigraph store); every test
reads what the build wrote. The grouping rule itself is also checked on hand-made mentions.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from kg import events
from kg.backend import open_store
from kg.events import EVENTS_GRAPH, WINDOW_DAYS, Mention, group
from kg.export import export
from kg.network import project
from kg.pipeline import build
from kg.query import run_query

KG = "https://w3id.org/kg/ontology#"
C = "https://w3id.org/kg/id/country/"
RUS, UKR, CHN, IRN, ISR, SYR = (C + c for c in ("RUS", "UKR", "CHN", "IRN", "ISR", "SYR"))

# One sentence per document: (id, publication date, text).
DOCS = [
    ("a", "2022-02-25", "On February 24, 2022, Russia attacked Ukraine."),
    ("b", "2022-03-01", "Russia attacked Ukraine on 24 February 2022."),
    ("c", "2022-03-02", "In 2014, Russia attacked Ukraine."),
    ("neg", "2022-03-04", "Russia did not attack Ukraine."),
    ("day", "2023-03-12", "On March 10, 2023, Israel attacked Syria."),
    ("month", "2023-03-20", "In March 2023, Israel attacked Syria."),
    ("meet1", "2023-03-04", "China met Russia on March 3, 2023."),
    ("meet2", "2023-03-05", "Russia met China on March 3, 2023."),
    # Undated reports of Iran supplying Russia: chained while at most WINDOW_DAYS apart.
    ("u1", "2024-01-01", "Iran supplied drones to Russia."),
    ("u2", "2024-01-05", "Iran supplied drones to Russia."),
    ("u3", "2024-02-20", "Iran may supply drones to Russia."),
    ("u4", "2024-04-01", "Iran may supply drones to Russia."),
    ("u5", "2024-04-03", "Iran supplied drones to Russia."),
]


def write_corpus(folder: Path, docs=DOCS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"id": i, "title": f"Release {i}", "date": d, "text": t}) for i, d, t in docs]
    (folder / "releases.jsonl").write_text("\n".join(lines) + "\n", "utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("events")
    write_corpus(root / "corpus")
    summary = build([str(root / "corpus")], store_path=root / "store")
    return root, summary


def event_rows(store_path: Path) -> list[dict]:
    """Every kg:Event with its properties and its statements' document ids."""
    q = (
        """
    SELECT ?ev ?s ?rel ?o ?n ?hedged ?date ?end ?stated (GROUP_CONCAT(?id; separator=" ") AS ?docs) WHERE {
      GRAPH <%s> {
        ?ev a kg:Event ; kg:subject ?s ; kg:relation ?rel ; kg:object ?o ; kg:mentions ?n ; kg:hedged ?hedged ;
            kg:evidence ?st .
        OPTIONAL { ?ev kg:date ?date } OPTIONAL { ?ev kg:endDate ?end } OPTIONAL { ?ev kg:eventDate ?stated }
      }
      ?st prov:wasDerivedFrom ?doc . ?doc dcterms:identifier ?key .
      BIND(STRAFTER(?key, "#") AS ?id)
    } GROUP BY ?ev ?s ?rel ?o ?n ?hedged ?date ?end ?stated
    """
        % EVENTS_GRAPH
    )
    with open_store(store_path, create=False, read_only=True) as st:
        rows = run_query(st, q).rows
    out = []
    for ev, s, rel, o, n, hedged, date, end, stated, docs in rows:
        out.append(
            {
                "iri": ev.value,
                "s": s.value,
                "rel": rel.value[len(KG) :],
                "o": o.value,
                "mentions": int(n.value),
                "hedged": hedged.value == "true",
                "date": date.value if date else None,
                "end": end.value if end else None,
                "stated": stated.value if stated else None,
                "docs": sorted(docs.value.split()),
            }
        )
    return sorted(out, key=lambda r: (r["s"], r["rel"], r["o"], r["date"] or ""))


def of(rows, s, rel, o):
    return [r for r in rows if (r["s"], r["rel"], r["o"]) == (s, rel, o)]


# ---------------------------------------------------------------------------- the rule, on a built store
def test_same_stated_day_in_two_documents_is_one_event_with_two_statements(built):
    root, summary = built
    day = [r for r in of(event_rows(root / "store"), RUS, "attacks", UKR) if r["stated"] == "2022-02-24"]
    assert len(day) == 1
    assert day[0]["docs"] == ["a", "b"] and day[0]["mentions"] == 2
    assert (day[0]["date"], day[0]["end"], day[0]["hedged"]) == ("2022-02-24", "2022-02-24", False)


def test_different_stated_years_are_different_events(built):
    root, _ = built
    rows = of(event_rows(root / "store"), RUS, "attacks", UKR)
    assert [(r["stated"], r["docs"]) for r in rows] == [("2014", ["c"]), ("2022-02-24", ["a", "b"])]
    assert (rows[0]["date"], rows[0]["end"]) == ("2014-01-01", "2014-12-31")


def test_a_stated_month_joins_the_one_event_on_a_day_of_that_month(built):
    root, _ = built
    rows = of(event_rows(root / "store"), ISR, "attacks", SYR)
    assert [(r["stated"], r["docs"], r["mentions"]) for r in rows] == [("2023-03-10", ["day", "month"], 2)]


def test_negated_statements_form_no_event(built):
    root, _ = built
    with open_store(root / "store", create=False, read_only=True) as st:
        negated = run_query(st, """SELECT ?st WHERE { ?st a kg:Statement ; kg:negated true }""").rows
        assert len(negated) == 1
        assert not run_query(st, "ASK { ?ev kg:evidence ?st }", bindings={"st": negated[0][0]}).boolean
        assert not run_query(st, "ASK { ?ev a kg:Event ; kg:negated ?x }").boolean
        # Every asserted statement is the evidence of exactly one event.
        rows = run_query(
            st,
            """SELECT ?st (COUNT(?ev) AS ?n) WHERE { ?st a kg:Statement ; kg:negated false .
                                 OPTIONAL { ?ev kg:evidence ?st } } GROUP BY ?st""",
        ).rows
        assert rows and all(int(n.value) == 1 for _, n in rows)


def test_a_symmetric_relation_groups_both_orders(built):
    root, _ = built
    rows = event_rows(root / "store")
    meets = [r for r in rows if r["rel"] == "meets"]
    assert [(r["s"], r["o"], r["docs"], r["stated"]) for r in meets] == [(CHN, RUS, ["meet1", "meet2"], "2023-03-03")]


def test_undated_reports_chain_within_the_window_and_hedged_only_stays_hedged(built):
    root, _ = built
    rows = of(event_rows(root / "store"), IRN, "supplies", RUS)
    assert [(r["docs"], r["date"], r["end"], r["hedged"], r["stated"]) for r in rows] == [
        (["u1", "u2"], "2024-01-01", "2024-01-05", False, None),  # 4 days apart: one event
        (["u3"], "2024-02-20", "2024-02-20", True, None),  # 46 days later: a new one, hedged only
        (["u4", "u5"], "2024-04-01", "2024-04-03", False, None),  # hedged + asserted: not hedged
    ]


def test_build_summary_counts_the_events(built):
    root, summary = built
    assert summary.events_in_store == len(event_rows(root / "store")) == 7  # 2 + 1 + 1 + 3
    assert 0 <= summary.events_seconds < summary.seconds


def test_the_store_with_events_conforms_to_the_shapes(built):
    from kg.validate import validate_store

    root, _ = built
    with open_store(root / "store", create=False, read_only=True) as st:
        report = validate_store(st)
    assert report.conforms, report.violations[:5]


# ---------------------------------------------------------------------------- rebuilds
def test_rebuild_after_removing_documents_updates_the_events_graph(built, tmp_path):
    root, _ = built
    shutil.copytree(root / "store", tmp_path / "store")
    before = {r["stated"]: r for r in of(event_rows(tmp_path / "store"), RUS, "attacks", UKR)}
    write_corpus(tmp_path / "corpus", [d for d in DOCS if d[0] != "b"])
    summary = build([str(tmp_path / "corpus")], store_path=tmp_path / "store")
    assert (summary.removed, summary.parsed) == (1, 0)
    after = {r["stated"]: r for r in of(event_rows(tmp_path / "store"), RUS, "attacks", UKR)}
    assert after["2022-02-24"]["docs"] == ["a"] and after["2022-02-24"]["mentions"] == 1
    assert after["2022-02-24"]["iri"] == before["2022-02-24"]["iri"]  # same anchor, same IRI
    write_corpus(tmp_path / "corpus", [d for d in DOCS if d[0] not in ("a", "b")])
    build([str(tmp_path / "corpus")], store_path=tmp_path / "store")
    assert set(r["stated"] for r in of(event_rows(tmp_path / "store"), RUS, "attacks", UKR)) == {"2014"}


def test_events_graph_is_the_same_whatever_the_build_history(built, tmp_path):
    root, _ = built
    write_corpus(tmp_path / "corpus", DOCS[:5])
    build([str(tmp_path / "corpus")], store_path=tmp_path / "store")
    write_corpus(tmp_path / "corpus")
    again = build([str(tmp_path / "corpus")], store_path=tmp_path / "store")
    assert again.parsed == len(DOCS) - 5

    def graph(path):
        with open_store(path, create=False, read_only=True) as st:
            return {str(q) for q in st.quads(EVENTS_GRAPH)}

    assert graph(tmp_path / "store") == graph(root / "store") != set()


def test_a_store_without_events_graph_gets_the_same_events_computed(built, tmp_path):
    root, _ = built
    shutil.copytree(root / "store", tmp_path / "store")
    with open_store(tmp_path / "store") as st:
        stored = events.statement_events(st)
        st.update(f"DROP GRAPH <{EVENTS_GRAPH}>")
        assert not events.has_events_graph(st)
        assert events.statement_events(st) == stored != {}
        summary = events.refresh(st)
        assert summary.changed > 0 and events.statement_events(st) == stored
        assert events.refresh(st).changed == 0  # nothing to write when nothing changed


# ---------------------------------------------------------------------------- network, query, export
def test_network_counts_events_or_mentions(built):
    root, _ = built
    with open_store(root / "store", create=False, read_only=True) as st:
        mentions = project(st)
        evs = project(st, count="events")
        negated = project(st, count="events", include_negated=True)
        two = project(st, count="events", min_count=2)
    assert (mentions.graph["count"], evs.graph["count"]) == ("mentions", "events")
    m, e = mentions.edges[RUS, UKR, "attacks"], evs.edges[RUS, UKR, "attacks"]
    assert (m["count"], m["weight"]) == (3, 3)
    assert (e["count"], e["weight"], e["mentions"]) == (2, 2, 3)
    s = evs.edges[IRN, RUS, "supplies"]
    assert (s["count"], s["mentions"]) == (3, 5)
    assert mentions.edges[IRN, RUS, "supplies"]["count"] == 5
    # A negated statement is no event: it counts one on its own edge.
    assert negated.edges[RUS, UKR, "attacks:negated"]["count"] == 1
    assert {(u, v, k) for u, v, k in two.edges(keys=True)} == {(IRN, RUS, "supplies"), (RUS, UKR, "attacks")}
    with pytest.raises(ValueError, match="unknown count 'documents'"):
        project(None, count="documents")


def test_sparql_over_events_through_run_query(built):
    root, _ = built
    q = """
    SELECT ?label ?n ?date WHERE {
      ?ev a kg:Event ; kg:relation kg:attacks ; kg:object ?o ; kg:mentions ?n ; kg:eventDate ?date .
      ?o rdfs:label ?label .
      FILTER(?n >= 2)
    } ORDER BY ?date"""
    with open_store(root / "store", create=False, read_only=True) as st:
        res = run_query(st, q)
        assert [(r[0].value, int(r[1].value), r[2].value) for r in res.rows] == [
            ("Ukraine", 2, "2022-02-24"),
            ("Syria", 2, "2023-03-10"),
        ]
        # The statements of one event and their documents, from the event.
        res = run_query(
            st,
            """SELECT ?title WHERE { ?ev a kg:Event ; kg:eventDate "2022-02-24"^^xsd:date ;
                                 kg:evidence ?st . ?st prov:wasDerivedFrom ?d . ?d dcterms:title ?title } ORDER BY ?title""",
        )
        assert [r[0].value for r in res.rows] == ["Release a", "Release b"]
        # Statement queries do not match events: they carry no kg:negated, kg:sentence or prov:wasDerivedFrom.
        n = run_query(st, "SELECT (COUNT(?st) AS ?n) WHERE { ?st kg:subject ?s ; kg:negated ?neg ; kg:sentence ?x }")
        assert (
            int(n.rows[0][0].value)
            == st.count(f"SELECT (COUNT(?st) AS ?n) WHERE {{ ?st a <{KG}Statement> }}")
            == len(DOCS)
        )


def test_csv_export_has_the_event_of_each_statement(built):
    root, _ = built
    buf = io.BytesIO()
    with open_store(root / "store", create=False, read_only=True) as st:
        export(st, "csv", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8"), newline="")))
    assert list(rows[0])[-1] == "event"
    by_doc = {r["document"]: r for r in rows}
    assert by_doc["Release a"]["event"] == by_doc["Release b"]["event"] != ""
    assert by_doc["Release c"]["event"] not in ("", by_doc["Release a"]["event"])
    assert by_doc["Release neg"]["event"] == ""
    assert len({r["event"] for r in rows if r["event"]}) == 7


def test_network_files_say_what_they_count(built):
    import networkx as nx

    root, _ = built
    buf = io.BytesIO()
    with open_store(root / "store", create=False, read_only=True) as st:
        export(st, "graphml", buf, count="events")
    g = nx.read_graphml(io.BytesIO(buf.getvalue()), force_multigraph=True)
    assert g.graph["count"] == "events"
    assert sorted(d["count"] for u, v, d in g.edges(data=True) if (u, v) == (RUS, UKR)) == [2]


# ---------------------------------------------------------------------------- the rule, on hand-made mentions
def _m(i, s="A", rel="attacks", o="B", stated=None, reported=None, hedged=False):
    return Mention(
        f"st{i}",
        s,
        rel,
        o,
        hedged=hedged,
        stated=stated,
        reported=dt.date.fromisoformat(reported) if reported else None,
    )


def test_periods_nest_but_an_ambiguous_coarser_date_stays_apart():
    evs = group([_m(1, stated="2022-02-24"), _m(2, stated="2022-02-25"), _m(3, stated="2022-02"), _m(4, stated="2022")])
    # Two days in February: the month cannot be attributed to either, nor the year.
    assert sorted((e.stated, e.statements) for e in evs) == [
        ("2022", ["st4"]),
        ("2022-02", ["st3"]),
        ("2022-02-24", ["st1"]),
        ("2022-02-25", ["st2"]),
    ]
    evs = group([_m(1, stated="2022-02-24"), _m(2, stated="2022-02"), _m(3, stated="2022"), _m(4, stated="2021")])
    assert sorted((e.stated, e.statements) for e in evs) == [("2021", ["st4"]), ("2022-02-24", ["st1", "st2", "st3"])]


def test_undated_chain_is_single_linkage_and_does_not_depend_on_order():
    days = ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-23", "2024-01-24"]
    ms = [_m(i, reported=d) for i, d in enumerate(days)]
    evs = group(ms)
    assert [e.statements for e in sorted(evs, key=lambda e: e.start)] == [["st0", "st1", "st2"], ["st3", "st4"]]
    assert {e.iri for e in group(reversed(ms))} == {e.iri for e in evs}
    assert WINDOW_DAYS == 7  # 2024-01-15 -> 2024-01-23 is 8 days: a new event


def test_undated_and_dateless_reports_and_the_dyad_key():
    evs = group(
        [
            _m(1),
            _m(2),
            _m(3, s="B", o="A"),
            _m(4, s="B", rel="meets", o="A"),
            _m(5, rel="meets"),
            _m(6, stated="2024-01-01", reported="2024-01-01"),
            _m(7, reported="2024-01-01"),
        ]
    )
    got = sorted((e.subject, e.relation, e.object, e.stated or "", tuple(e.statements)) for e in evs)
    assert got == [
        ("A", "attacks", "B", "", ("st1", "st2")),  # no date at all: one undated event
        ("A", "attacks", "B", "", ("st7",)),  # reported, no stated date: not merged with st6
        ("A", "attacks", "B", "2024-01-01", ("st6",)),
        ("A", "meets", "B", "", ("st4", "st5")),  # symmetric: either order
        ("B", "attacks", "A", "", ("st3",)),  # directed: the other direction is another event
    ]
    assert len({e.iri for e in evs}) == len(evs)


# ---------------------------------------------------------------------------- remote store
@pytest.fixture
def endpoint():
    """A SPARQL 1.1 endpoint (Protocol over HTTP) served by an in-memory Oxigraph store.

    Not Virtuoso (tests/test_remote.py covers that when it is installed): enough to run the
    remote store's code paths, requests and updates included, against a real SPARQL engine.
    """
    import threading
    import urllib.parse
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import pyoxigraph as ox

    db = ox.Store()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            form = dict(urllib.parse.parse_qsl(self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")))
            try:
                if "update" in form:
                    db.update(form["update"])
                    body, ctype = b"", "text/plain"
                else:
                    res = db.query(form["query"], use_default_graph_as_union=True)
                    if isinstance(res, (ox.QuerySolutions, ox.QueryBoolean)):
                        body, ctype = (
                            res.serialize(format=ox.QueryResultsFormat.JSON),
                            "application/sparql-results+json",
                        )
                    else:
                        body, ctype = ox.serialize(list(res), format=ox.RdfFormat.N_TRIPLES), "application/n-triples"
                self.send_response(200)
            except SyntaxError as exc:
                body, ctype = str(exc).encode(), "text/plain"
                self.send_response(400)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"sparql+http://127.0.0.1:{server.server_address[1]}/sparql", db
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_remote_store_gets_the_same_events_in_one_request_or_through_a_staging_graph(built, endpoint):
    root, _ = built
    address, db = endpoint
    summary = build([str(root / "corpus")], store_path=address)
    assert summary.events_in_store == 7
    with open_store(root / "store", create=False, read_only=True) as local:
        expected = events.statement_events(local)
    graph = events._n(EVENTS_GRAPH)
    written = set(db.quads_for_pattern(None, None, None, graph))
    with open_store(address) as remote:
        assert events.statement_events(remote) == expected
        remote.update(f"DROP GRAPH {graph}")
        remote.batch_quads = 10  # more quads than one request takes: staged, then moved
        assert events.refresh(remote).events == 7
        assert events.statement_events(remote) == expected
    assert set(db.quads_for_pattern(None, None, None, graph)) == written
    assert not db.contains_named_graph(events._n(events.STAGING_GRAPH))
