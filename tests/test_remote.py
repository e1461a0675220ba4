"""The remote store: kg build/query/view on a real Virtuoso server give what the embedded store gives."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner
from virtuoso import binary, free_port, running_virtuoso  # tests/virtuoso.py

from kg.backend import open_store
from kg.cli import app
from kg.pipeline import build
from kg.queries import bind_params, saved_queries
from kg.query import run_query
from kg.remote import RemoteError, RemoteStore, parse_endpoint

DATA = Path(__file__).resolve().parent.parent / "data"
runner = CliRunner()

OWN_QUERIES = {
    "statements per relation": """SELECT ?r (COUNT(?s) AS ?n) WHERE { ?s a kg:Statement ; kg:relation ?r } GROUP BY ?r""",
    "dated documents": """SELECT ?d ?t ?date WHERE { ?d a kg:Document ; dcterms:title ?t ; dcterms:date ?date }""",
    "negated or hedged with confidence": """SELECT ?s ?neg ?hedge ?c WHERE { ?s kg:negated ?neg ; kg:hedged ?hedge ;
        kg:confidence ?c FILTER(?neg || ?hedge) }""",
}
# Saved queries Virtuoso 7.2.5 (Debian 12) evaluates wrongly: same row count, wrong values. In
# allies-adversaries (UNION, then BIND and GROUP BY ?actor ?partner ?label with SUM expressions)
# every ?partner comes back as the same actor; each part of it alone is answered correctly.
VIRTUOSO_BUGS = {"allies-adversaries"}
PARAM_VALUES = {"actor": "Russia", "a": "Russia", "b": "Ukraine", "relation": "supplies"}


def test_store_address_options_are_parsed_and_checked():
    e = parse_endpoint(
        "sparql+https://db.example:8890/sparql?update=https://db.example:8890/sparql-auth&user=u&password=p"
    )
    assert (e.query_url, e.update_url, e.user, e.password) == (
        "https://db.example:8890/sparql",
        "https://db.example:8890/sparql-auth",
        "u",
        "p",
    )
    assert e.display == "sparql+https://db.example:8890/sparql"
    with pytest.raises(RemoteError, match="unknown option"):
        parse_endpoint("sparql+http://h:1/sparql?graph=x")


def test_unreachable_endpoint_is_one_line_error():
    port = free_port()  # nothing listens there
    res = runner.invoke(app, ["query", "--store", f"sparql+http://127.0.0.1:{port}/sparql", "ASK { ?s ?p ?o }"])
    assert res.exit_code == 1
    assert res.output.strip().splitlines() == [
        f"error: cannot reach SPARQL endpoint http://127.0.0.1:{port}/sparql: [Errno 111] Connection refused"
    ]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    if binary() is None:
        pytest.skip("virtuoso-t not installed (apt-get install virtuoso-opensource; make test does it as root)")
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


@pytest.fixture(scope="module")
def remote(virtuoso, tmp_path_factory):
    """data/ copied to a folder and built into Virtuoso and into an embedded store (document
    sources are file paths, so both stores read the same copy).

    Returns (corpus folder, address, remote build summary, embedded store path)."""
    base = tmp_path_factory.mktemp("remote-corpus")
    corpus = base / "data"
    shutil.copytree(DATA, corpus)
    summary = build([str(corpus)], store_path=virtuoso.address)
    build([str(corpus)], store_path=base / "local-store")
    return corpus, virtuoso.address, summary, base / "local-store"


def _nquads(store) -> list[str]:
    return sorted(store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())


def _rows(store, sparql, bindings=None):
    res = run_query(store, sparql, bindings=bindings)
    if res.kind == "ask":
        return [res.boolean]
    if res.kind == "graph":
        return sorted(str(t) for t in res.triples)
    # SPARQL leaves the order inside GROUP_CONCAT open: compare such lists as sets of items.
    concat = "GROUP_CONCAT" in sparql.upper()

    def cell(t):
        if t is None:
            return ""
        if concat and isinstance(t, ox.Literal):
            return " ".join(sorted(re.split(r"[\s,;|]+", t.value)))
        return str(t)

    return sorted(tuple(cell(t) for t in row) for row in res.rows)


def test_remote_build_writes_the_same_quads_as_the_embedded_store(remote):
    corpus, address, summary, data_store = remote
    assert (summary.documents, summary.parsed, summary.documents_in_store) == (24, 24, 24)
    with open_store(address) as r, open_store(data_store, read_only=True) as local:
        assert isinstance(r, RemoteStore)
        assert _nquads(r) == _nquads(local)


def test_saved_and_own_queries_give_the_same_rows_as_the_embedded_store(remote):
    _, address, _, data_store = remote
    queries = {
        name: (
            sq.text,
            bind_params({p: PARAM_VALUES.get(p, "Russia") for p in sq.params if sq.params[p].default is None}, sq),
        )
        for name, sq in saved_queries().items()
    }
    queries.update({name: (text, None) for name, text in OWN_QUERIES.items()})
    with open_store(address, read_only=True) as r, open_store(data_store, read_only=True) as local:
        for name, (text, bindings) in queries.items():
            expected = _rows(local, text, bindings)
            # A LIMIT after an ORDER BY with ties keeps an engine-dependent choice of the tied rows.
            if name in VIRTUOSO_BUGS or re.search(r"\bLIMIT\b", text, re.I):
                assert len(_rows(r, text, bindings)) == len(expected), name
                continue
            assert _rows(r, text, bindings) == expected, name
        assert any(_rows(local, t, b) for t, b in queries.values())  # the comparison is not vacuous


def test_bound_parameters_are_sent_as_terms_never_as_query_text(remote):
    _, address, _, data_store = remote
    q = "SELECT ?d ?title WHERE { ?d dcterms:title ?title }"
    with open_store(address) as r, open_store(data_store, read_only=True) as local:
        title = run_query(local, "SELECT ?t WHERE { ?d dcterms:title ?t } ORDER BY ?t LIMIT 1").rows[0][0]
        assert _rows(r, q, {"title": title}) == _rows(local, q, {"title": title}) != []
        hostile = ox.Literal('x" } } ; DROP ALL ; #')
        assert _rows(r, q, {"title": hostile}) == []
        assert r.count("SELECT (COUNT(?d) AS ?n) WHERE { ?d a <https://w3id.org/kg/ontology#Document> }") == 24


def test_cli_query_and_view_work_on_the_remote_store(remote, tmp_path):
    _, address, _, data_store = remote
    q = "SELECT ?r (COUNT(?s) AS ?n) WHERE { ?s kg:relation ?r } GROUP BY ?r ORDER BY DESC(?n) ?r"
    remote_out = runner.invoke(app, ["query", "--store", address, "--format", "csv", q])
    local_out = runner.invoke(app, ["query", "--store", str(data_store), "--format", "csv", q])
    assert remote_out.exit_code == 0, remote_out.output
    assert remote_out.output == local_out.output
    view = runner.invoke(app, ["view", "--store", address, "--out", str(tmp_path / "v.html")])
    local_view = runner.invoke(app, ["view", "--store", str(data_store), "--out", str(tmp_path / "l.html")])
    assert view.exit_code == 0, view.output
    assert view.output.replace("v.html", "") == local_view.output.replace("l.html", "")


def test_cli_export_of_the_remote_store_equals_the_embedded_export(remote, tmp_path):
    _, address, _, data_store = remote
    for fmt in ("nq", "ttl"):
        r = runner.invoke(app, ["export", "--store", address, "--format", fmt, "--out", str(tmp_path / f"r.{fmt}")])
        e = runner.invoke(
            app, ["export", "--store", str(data_store), "--format", fmt, "--out", str(tmp_path / f"e.{fmt}")]
        )
        assert (r.exit_code, e.exit_code) == (0, 0), r.output + e.output
        remote_lines = sorted((tmp_path / f"r.{fmt}").read_text("utf-8").splitlines())
        assert remote_lines == sorted((tmp_path / f"e.{fmt}").read_text("utf-8").splitlines())
        assert len(remote_lines) > 1000


def test_remote_rebuild_is_incremental_and_replaces_only_the_edited_graph(remote):
    # Runs last in this module: it edits the corpus the other tests compare against.
    corpus, address, _, _ = remote
    again = build([str(corpus)], store_path=address)
    assert (again.parsed, again.unchanged, again.removed) == (0, 24, 0)
    with open_store(address) as r:
        before = {g.value: sorted(str(q.triple) for q in r.quads(g.value)) for g in r.kg_graphs()}
        hashes = r.document_hashes()
    doc = sorted(corpus.rglob("*.txt"))[0]
    doc.write_text(doc.read_text("utf-8") + "\nRussia attacked Ukraine.\n", "utf-8")
    edited = build([str(corpus)], store_path=address)
    assert (edited.parsed, edited.unchanged, edited.removed) == (1, 23, 0)
    with open_store(address) as r:
        after = {g.value: sorted(str(q.triple) for q in r.quads(g.value)) for g in r.kg_graphs()}
        new_hashes = r.document_hashes()
    changed = sorted(g for g in after if after[g] != before.get(g))
    changed_docs = [g for g in changed if g in hashes]
    assert len(changed_docs) == 1 and new_hashes[changed_docs[0]] != hashes[changed_docs[0]]
    assert set(changed) - set(changed_docs) <= {
        "https://w3id.org/kg/id/graph/actors",
        "https://w3id.org/kg/id/graph/events",
    }
    assert set(after) == set(before)
