"""kg query: safety (read-only, no SERVICE/FROM/LOAD, no injection through parameters), formats,
row limit, timeout and errors, on a small store written in the test."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from kg.actors import resolve_name
from kg.backend import open_store
from kg.cli import app
from kg.corpus import Document
from kg.extract import Relation
from kg.queries import bind_params, load_saved, parse_header
from kg.query import QueryError, check_query, run_query, term_value

RUS, IRN, UKR, CHN = (resolve_name(n) for n in ("Russia", "Iran", "Ukraine", "China"))


def _rel(s, rel, o, sentence, negated=False, hedged=False, start=0, date="2024-03-05"):
    return Relation(
        subject=s,
        relation=rel,
        object=o,
        negated=negated,
        hedged=hedged,
        confidence=0.9,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        date=date,
        trigger=rel,
        rule="test",
    )


def write_store(path, filler_docs: int = 0):
    """Two documents about Iran, Russia, Ukraine and China; ``filler_docs`` more make a bigger store."""
    with open_store(path, create=True) as st:
        d1 = Document(key="a.txt", display="a.txt", text="a", title="Drones for Russia", date=dt.date(2024, 3, 5))
        st.replace_document(
            d1,
            [
                _rel(IRN, "supplies", RUS, "Iran supplied drones to Russia.", hedged=True),
                _rel(UKR, "accuses", IRN, "Ukraine accused Iran.", start=40),
                _rel(IRN, "supplies", UKR, "Iran did not supply Ukraine.", negated=True, start=80),
            ],
            sentences=3,
            words=12,
        )
        d2 = Document(key="b.txt", display="b.txt", text="b", title="Talks", date=dt.date(2024, 9, 12))
        st.replace_document(
            d2,
            [_rel(RUS, "cooperatesWith", CHN, "Russia and China held drills.", date="2024-09-12")],
            sentences=1,
            words=6,
        )
        for i in range(filler_docs):
            doc = Document(
                key=f"f{i}.txt", display=f"f{i}.txt", text=str(i), title=f"Filler {i}", date=dt.date(2024, 1, 1)
            )
            st.replace_document(doc, [_rel(CHN, "meets", UKR, f"Filler sentence {i}.", start=j) for j in range(5)])
    return path


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return write_store(tmp_path_factory.mktemp("q") / "store")


@pytest.fixture()
def store(store_path):
    with open_store(store_path, create=False) as st:
        yield st


def quads(store) -> int:
    return len(store)


# ---------------------------------------------------------------------------- running queries
def test_select_runs_in_oxigraph_with_predeclared_prefixes(store):
    res = run_query(
        store, "SELECT ?l WHERE { ?st kg:relation kg:supplies ; kg:negated false ; kg:subject ?s . ?s rdfs:label ?l }"
    )
    assert res.kind == "select" and res.variables == ["l"]
    assert [term_value(r[0]) for r in res.rows] == ["Iran"]


def test_ask_construct_describe(store):
    assert run_query(store, "ASK { ?s kg:cooperatesWith ?o }").boolean is True
    assert run_query(store, "ASK { ?s kg:attacks ?o }").boolean is False
    g = run_query(store, "CONSTRUCT { ?s kg:supplies ?o } WHERE { ?s kg:supplies ?o }")
    assert g.kind == "graph"
    assert [(t.subject.value, t.object.value) for t in g.triples] == [(IRN.id, RUS.id)]
    d = run_query(store, f"DESCRIBE <{CHN.id}>")
    assert {t.predicate.value.rsplit("#", 1)[-1] for t in d.triples} >= {"label", "isoCode"}


# ---------------------------------------------------------------------------- safety
REFUSED = {
    "FROM file": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "FROM NAMED": "SELECT * FROM NAMED <http://127.0.0.1:9/x> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SERVICE": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SERVICE SILENT lower case": "select * where { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SERVICE after a comment with a triple quote": 'SELECT * WHERE { # """\n SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }\n# """\n}',
    "SERVICE after an escaped # in a prefixed name": "SELECT * WHERE { ?s kg:x\\# ?o . SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }",
    "INSERT DATA": "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
    "DELETE WHERE": "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL": "DROP ALL",
    "CLEAR": "CLEAR DEFAULT",
    "LOAD file": "LOAD <file:///etc/passwd>",
    "LOAD into graph": "LOAD SILENT <file:///etc/passwd> INTO GRAPH <http://e/g>",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_and_store_unchanged(store, name):
    before = quads(store)
    with pytest.raises(QueryError, match="refused"):
        run_query(store, REFUSED[name])
    assert quads(store) == before


@pytest.mark.parametrize("name", ["FROM file", "SERVICE", "LOAD file", "LOAD into graph"])
def test_refused_even_with_update_allowed(store, name):
    before = quads(store)
    with pytest.raises(QueryError, match="refused: (SERVICE|FROM|LOAD)"):
        run_query(store, REFUSED[name], update=True)
    assert quads(store) == before


def test_keywords_in_strings_comments_and_names_are_not_refused(store):
    q = 'SELECT ?from ?service WHERE { BIND("SERVICE <x> FROM LOAD" AS ?from) BIND(kg:LOAD AS ?service) } # DROP ALL'
    res = run_query(store, q)
    assert [term_value(t) for t in res.rows[0]] == ["SERVICE <x> FROM LOAD", "https://w3id.org/kg/ontology#LOAD"]


def test_update_only_with_update(store_path, tmp_path):
    path = write_store(tmp_path / "w")
    with open_store(path) as st:
        before = quads(st)
        run_query(st, "INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> <http://e/c> } }", update=True)
        assert quads(st) == before + 1


INJECTIONS = [
    'Russia" } ; DROP ALL ; #',
    "Russia' } DROP ALL",
    "}",
    "{ ?s ?p ?o }",
    '"; DELETE WHERE { ?s ?p ?o } #',
    "<https://w3id.org/kg/id/country/RUS> } UNION { ?s ?p ?o",
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_parameter_values_are_plain_values(store, value):
    before = quads(store)
    # An actor parameter: the value is a name to resolve, never query text.
    sq = load_saved("suppliers")
    res = run_query(store, sq.text, bindings=bind_params({"actor": value}, sq))
    assert res.rows == []
    # A text parameter: bound as a literal.
    sq = load_saved("actors-by-type")
    res = run_query(store, sq.text, bindings=bind_params({"type": value}, sq))
    assert res.rows == []
    # An ad-hoc query: the literal comes back unchanged.
    res = run_query(store, "SELECT ?v WHERE { }", bindings={"v": value})
    assert res.variables == [] and len(res.rows) == 1
    res = run_query(store, "SELECT ?v ?w WHERE { BIND(STR(?v) AS ?w) }", bindings={"v": value})
    assert [term_value(t) for t in res.rows[0]] == [value]
    assert quads(store) == before


def test_parameter_must_name_a_variable(store):
    with pytest.raises(QueryError, match="not a variable"):
        run_query(store, "SELECT ?s WHERE { ?s ?p ?o }", bindings={"actor": "x"})
    with pytest.raises(QueryError, match="SELECT clause"):
        run_query(store, "SELECT ?s WHERE { ?s kg:subject ?actor }", bindings={"actor": "x"})


def test_saved_query_parameters_checked():
    sq = load_saved("between")
    with pytest.raises(QueryError, match="needs --param b="):
        bind_params({"a": "Russia"}, sq)
    with pytest.raises(QueryError, match="no parameter 'c'"):
        bind_params({"a": "Russia", "b": "Iran", "c": "x"}, sq)
    with pytest.raises(QueryError, match="unknown relation"):
        bind_params({"relation": "bombs"}, load_saved("relation-pairs"))
    with pytest.raises(QueryError, match="no saved query named 'nope'"):
        load_saved("nope")


def test_header_declares_parameter_kinds_and_defaults():
    sq = parse_header("q", "# title: T\n# param: who (actor) an actor\n# param: n (int=3) rows\nSELECT ?who ?n {}")
    terms = bind_params({"who": "Moscow"}, sq)
    assert terms["who"].value == RUS.id
    assert (terms["n"].value, terms["n"].datatype.value) == ("3", "http://www.w3.org/2001/XMLSchema#integer")
    with pytest.raises(QueryError, match="whole number"):
        bind_params({"who": "x", "n": "three"}, sq)
    with pytest.raises(QueryError, match="bad param line"):
        parse_header("q", "# param: x (colour) nope\nSELECT ?x {}")


def test_malformed_query(store):
    with pytest.raises(QueryError, match="^malformed query"):
        run_query(store, "SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryError, match="^malformed query"):
        check_query("hello world")


def test_row_limit_truncates(store):
    res = run_query(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", limit=3)
    assert len(res.rows) == 3 and res.truncated
    res = run_query(store, "SELECT ?l WHERE { ?a rdfs:label ?l }", limit=1000)
    assert not res.truncated


def test_timeout_stops_a_runaway_query(tmp_path):
    path = write_store(tmp_path / "big", filler_docs=40)
    with open_store(path, create=False, read_only=True) as st:
        with pytest.raises(QueryError, match="stopped by the 0.5 s timeout"):
            # A streaming cross join: the worker stops at its next row once the timeout passes.
            run_query(st, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=0.5)


def test_timeout_stops_a_query_that_gives_no_row_before_it_has_seen_everything(tmp_path):
    path = write_store(tmp_path / "big", filler_docs=40)
    with open_store(path, create=False, read_only=True) as st:
        t0 = time.monotonic()
        with pytest.raises(QueryError, match="stopped by the 0.5 s timeout"):
            # An aggregate over a cross join: the first row would come after the whole join.
            run_query(st, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=0.5)
        assert time.monotonic() - t0 < 5


# ---------------------------------------------------------------------------- CLI
runner = CliRunner()


def kg(*args):
    return runner.invoke(app, list(args))


SUPPLIERS = "SELECT ?s ?label WHERE { ?st kg:relation kg:supplies ; kg:subject ?s . ?s rdfs:label ?label } ORDER BY ?s"


def test_cli_csv_and_tsv(store_path):
    r = kg("query", SUPPLIERS, "--store", str(store_path), "--format", "csv")
    assert r.exit_code == 0, r.output
    assert list(csv.reader(io.StringIO(r.stdout))) == [["s", "label"], [IRN.id, "Iran"], [IRN.id, "Iran"]]
    r = kg("query", SUPPLIERS, "--store", str(store_path), "--format", "tsv")
    assert r.stdout.splitlines() == ["s\tlabel", f"{IRN.id}\tIran", f"{IRN.id}\tIran"]


def test_cli_json_is_sparql_results_json(store_path):
    r = kg(
        "query",
        "SELECT ?label ?d WHERE { ?doc dcterms:title ?label ; dcterms:date ?d } ORDER BY ?d",
        "-s",
        str(store_path),
        "-f",
        "json",
    )
    assert json.loads(r.stdout) == {
        "head": {"vars": ["label", "d"]},
        "results": {
            "bindings": [
                {
                    "label": {"type": "literal", "value": "Drones for Russia"},
                    "d": {
                        "type": "literal",
                        "value": "2024-03-05",
                        "datatype": "http://www.w3.org/2001/XMLSchema#date",
                    },
                },
                {
                    "label": {"type": "literal", "value": "Talks"},
                    "d": {
                        "type": "literal",
                        "value": "2024-09-12",
                        "datatype": "http://www.w3.org/2001/XMLSchema#date",
                    },
                },
            ]
        },
    }
    r = kg("query", "ASK { ?s kg:attacks ?o }", "-s", str(store_path), "-f", "json")
    assert json.loads(r.stdout) == {"head": {}, "boolean": False}


def test_cli_construct_prints_turtle(store_path):
    r = kg("query", "CONSTRUCT { ?s kg:supplies ?o } WHERE { ?s kg:supplies ?o }", "-s", str(store_path), "-f", "ttl")
    assert r.exit_code == 0
    assert "@prefix kg: <https://w3id.org/kg/ontology#> ." in r.stdout
    assert r.stdout.splitlines()[-1] == "kgr:country\\/IRN kg:supplies kgr:country\\/RUS ."
    r = kg("query", SUPPLIERS, "-s", str(store_path), "-f", "ttl")
    assert r.exit_code == 1 and "ttl is for CONSTRUCT" in r.stderr


def test_cli_limit(store_path):
    r = kg("query", "SELECT ?s WHERE { ?s ?p ?o }", "-s", str(store_path), "-f", "csv", "--limit", "2")
    assert r.exit_code == 0
    assert len(r.stdout.splitlines()) == 3
    assert "stopped at the row limit (2)" in r.stderr


def test_cli_saved_query_with_alias_param(store_path):
    r = kg("query", "--saved", "suppliers", "--param", "actor=the Kremlin", "-s", str(store_path), "-f", "csv")
    assert r.exit_code == 0, r.output
    assert list(csv.DictReader(io.StringIO(r.stdout))) == [
        {
            "supplier": IRN.id,
            "label": "Iran",
            "relation": "supplies",
            "statements": "1",
            "hedged": "1",
            "first": "2024-03-05",
            "last": "2024-03-05",
        }
    ]


def test_cli_query_from_rq_file(store_path, tmp_path):
    f = tmp_path / "q.rq"
    f.write_text("# param: who (actor) someone\nSELECT ?who ?l WHERE { ?who rdfs:label ?l }\n")
    r = kg("query", str(f), "-p", "who=Beijing", "-s", str(store_path), "-f", "csv")
    assert r.stdout.splitlines() == ["l", "China"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["SELECT ?s WHERE { ?s ?p }"], "error: malformed query"),
        (["SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"], "error: refused: FROM"),
        (["DROP ALL"], "error: refused: this is an update"),
        (["--saved", "nope"], "error: no saved query named 'nope'"),
        (["SELECT ?s {}", "-f", "xml"], "error: unknown format 'xml'"),
        (["SELECT ?s {}", "-p", "novalue"], "error: --param needs NAME=VALUE"),
    ],
)
def test_cli_errors_are_one_line_exit_1(store_path, args, message):
    r = kg("query", *args, "-s", str(store_path))
    assert r.exit_code == 1
    assert r.stderr.startswith(message) and r.stderr.count("\n") == 1


def test_cli_timeout_message(tmp_path):
    path = write_store(tmp_path / "big", filler_docs=40)
    # A subprocess, so the abandoned worker thread ends with the process.
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg.cli",
            "query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
            "--store",
            str(path),
            "--timeout",
            "0.5",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 1
    assert p.stderr.strip() == (
        "error: query stopped by the 0.5 s timeout; narrow it (LIMIT, filters) or raise --timeout"
    )


def test_cli_queries_lists_saved_queries():
    r = kg("queries", "--format", "json")
    rows = {q["name"]: q for q in json.loads(r.stdout)}
    assert rows["suppliers"]["title"] == "Suppliers of an actor"
    assert rows["suppliers"]["parameters"] == "actor"
    assert rows["actors-by-type"]["parameters"] == "type=any country=any"
    r = kg("queries")
    assert r.exit_code == 0 and "Suppliers of an actor" in r.stdout
