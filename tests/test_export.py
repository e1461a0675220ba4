"""kg export: RDF round trips, the actor network files, the CSV event table, incremental rebuilds."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter
from functools import cache
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.backend import open_store
from kg.cli import app
from kg.export import CSV_COLUMNS, FORMATS, export, format_for, safe_cell
from kg.network import project
from kg.ontology import ACTORS_GRAPH, relations
from kg.pipeline import build
from kg.query import run_query

DATA = Path(__file__).resolve().parents[1] / "data"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# A document whose literals need escaping in every RDF syntax: quotes, backslashes, a newline
# inside the title and the identifier, and text outside ASCII (Greek, Cyrillic, CJK, accents).
ODD_TITLE = 'Title "q" \\ back\nnext line — Ελλάδα 日本 Москва naïve'
ODD_RECORD = {
    "id": 'odd "1" \\ line\nbreak é',
    "title": ODD_TITLE,
    "date": "2024-04-01",
    "url": 'https://example.org/a?q="x"',
    "text": 'Iran attacked Israel on Monday, the "ministry" said, citing C:\\temp\\file and café Ελλάδα.',
}
ODD_TXT = (
    'Iran "warns" Israel \\ back\\slash — Ελλάδα 日本 naïve\n\n'
    'Russia attacked Ukraine on Tuesday, the "ministry" said in Киев, citing C:\\temp.\n'
)


def _quiet(_msg: str) -> None:
    pass


@pytest.fixture(scope="module")
def store_path(data_store) -> Path:
    """data/ built once per session (tests/conftest.py); these tests only read it or copy it."""
    return data_store


@pytest.fixture(scope="module")
def odd_store_path(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("odd") / "docs"
    folder.mkdir()
    (folder / "feed.jsonl").write_text(json.dumps(ODD_RECORD, ensure_ascii=False) + "\n", "utf-8")
    (folder / "2024-03-05-odd.txt").write_text(ODD_TXT, "utf-8")
    path = folder.parent / "store"
    build([str(folder)], store_path=path, warn=_quiet)
    return path


def rd(term):
    """A pyoxigraph term as the rdflib term a parser produces for it."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt in (XSD_STRING, RDF_LANGSTRING) else URIRef(dt))
    raise AssertionError(f"kg writes no blank nodes, found {term!r}")


def read_quads(path: Path) -> frozenset[tuple]:
    with open_store(path, create=False, read_only=True) as st:
        return frozenset((rd(q.subject), rd(q.predicate), rd(q.object), rd(q.graph_name)) for q in st.quads())


@cache
def store_quads(path: Path) -> frozenset[tuple]:
    """The quads of a module's store, read once (those stores are never written after the build)."""
    return read_quads(path)


def exported(path: Path, fmt: str) -> bytes:
    buf = io.BytesIO()
    with open_store(path, create=False, read_only=True) as st:
        export(st, fmt, buf)
    return buf.getvalue()


def reimport(data: bytes, fmt: str):
    """Parse an export with rdflib: a Dataset for quad formats, a Graph for triple formats."""
    if fmt in ("nq", "trig", "jsonld"):
        ds = Dataset()
        ds.parse(data=data.decode("utf-8"), format={"nq": "nquads", "trig": "trig", "jsonld": "json-ld"}[fmt])
        return ds
    return Graph().parse(data=data.decode("utf-8"), format={"ttl": "turtle", "nt": "nt"}[fmt])


@cache
def reimported(path: Path, fmt: str):
    """Export a module's store and parse it back, once per store and format."""
    return reimport(exported(path, fmt), fmt)


def dataset_quads(ds: Dataset) -> set[tuple]:
    return {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}


# ---------------------------------------------------------------------------- RDF round trips
@pytest.mark.parametrize("fmt", ["nq", "trig", "jsonld"])
def test_quad_formats_round_trip_every_named_graph(store_path, fmt):
    expected = store_quads(store_path)
    got = dataset_quads(reimported(store_path, fmt))
    assert got == expected
    graphs = {q[3] for q in got}
    assert URIRef(str(ACTORS_GRAPH)) in graphs
    assert len(graphs) == 26  # 24 documents + the actors graph + the events graph


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_triple_formats_hold_the_union_of_all_graphs(store_path, fmt):
    expected = {q[:3] for q in store_quads(store_path)}
    got = set(reimported(store_path, fmt))
    assert got == expected


@pytest.mark.parametrize("fmt", ["nq", "trig", "jsonld", "ttl", "nt"])
def test_quotes_backslashes_newlines_and_non_ascii_round_trip(odd_store_path, fmt):
    expected = store_quads(odd_store_path)
    # The test document really exercises what it claims to.
    texts = [str(q[2]) for q in expected if isinstance(q[2], Literal)]
    assert Literal(ODD_TITLE) in {q[2] for q in expected}
    assert any('"' in t for t in texts) and any("\\" in t for t in texts)
    assert any("\n" in t for t in texts) and any("Ελλάδα" in t for t in texts) and any("Москва" in t for t in texts)
    data = exported(odd_store_path, fmt)
    back = reimport(data, fmt)
    if fmt in ("nq", "trig", "jsonld"):
        assert dataset_quads(back) == expected
    else:
        assert set(back) == {q[:3] for q in expected}


QUERY = """
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?g ?st ?label ?rel ?conf ?sentence WHERE {
  GRAPH ?g { ?st a kg:Statement ; kg:subject ?s ; kg:relation ?rel ; kg:confidence ?conf ; kg:sentence ?sentence }
  GRAPH <https://w3id.org/kg/id/graph/actors> { ?s rdfs:label ?label }
}
"""


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_same_sparql_rows_on_the_store_and_on_the_reimported_dataset(store_path, fmt):
    with open_store(store_path, create=False, read_only=True) as st:
        res = run_query(st, QUERY)
        n_statements = st.count("SELECT (COUNT(?s) AS ?n) WHERE { ?s a <https://w3id.org/kg/ontology#Statement> }")
    ours = {tuple(rd(t) for t in row) for row in res.rows}
    ds = reimported(store_path, fmt)
    theirs = {tuple(row) for row in ds.query(QUERY)}
    assert len(ours) == n_statements > 100
    assert theirs == ours


# ---------------------------------------------------------------------------- network files
def test_graphml_loads_in_networkx_with_the_projected_nodes_and_edges(store_path):
    with open_store(store_path, create=False, read_only=True) as st:
        net = project(st)
    g = nx.read_graphml(io.BytesIO(exported(store_path, "graphml")), force_multigraph=True)
    assert set(g.nodes) == set(net.nodes)
    assert g.number_of_edges() == net.number_of_edges() > 100
    # Same (source, target, relation, count) edges, evidence kept as a JSON string.
    want = Counter((u, v, d["relation"], d["count"]) for u, v, d in net.edges(data=True))
    got = Counter((u, v, d["relation"], d["count"]) for u, v, d in g.edges(data=True))
    assert got == want
    evidence = {(u, v, d["relation"]): len(d["evidence"]) for u, v, d in net.edges(data=True)}
    for u, v, d in g.edges(data=True):
        assert len(json.loads(d["evidence"])) == evidence[(u, v, d["relation"])]
    russia = "https://w3id.org/kg/id/country/RUS"
    assert g.nodes[russia]["label"] == "Russia" and g.nodes[russia]["type"] == "Country"


def test_gexf_loads_in_networkx_with_the_projected_nodes_and_edges(store_path):
    with open_store(store_path, create=False, read_only=True) as st:
        net = project(st)
    g = nx.read_gexf(io.BytesIO(exported(store_path, "gexf")))
    assert set(g.nodes) == set(net.nodes)
    assert g.number_of_edges() == net.number_of_edges()


# ---------------------------------------------------------------------------- CSV
def test_csv_has_one_row_per_statement_with_the_event_data_columns(store_path):
    text = exported(store_path, "csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    q = """
    SELECT ?rel ?neg ?slabel ?olabel ?sentence WHERE {
      ?st a kg:Statement ; kg:relation ?rel ; kg:negated ?neg ; kg:subject ?s ; kg:object ?o ; kg:sentence ?sentence .
      GRAPH kgr:graph\\/actors { ?s rdfs:label ?slabel . ?o rdfs:label ?olabel }
    }"""
    with open_store(store_path, create=False, read_only=True) as st:
        res = run_query(st, q)
    # text cells a spreadsheet would read as a formula ("- The two countries ...") get a leading apostrophe
    expected = Counter(
        (r[0].value.rsplit("#", 1)[1], r[1].value, safe_cell(r[2].value), safe_cell(r[3].value), safe_cell(r[4].value))
        for r in res.rows
    )
    got = Counter((r["relation"], r["negated"], r["source"], r["target"], r["sentence"]) for r in rows)
    assert len(rows) == len(res.rows) > 100
    assert got == expected
    info = relations()
    for r in rows:
        ri = info[r["relation"]]
        assert r["plover"] == (ri.plover or "")
        assert r["cameo_root"] == "|".join(ri.cameo)
        assert r["quad_class"] == (str(ri.quad) if ri.quad else "")
        assert r["hedged"] in ("true", "false") and 0 <= float(r["confidence"]) <= 1
        assert r["document"] and len(r["date"]) == 10
    # Countries of both sides: a country is its own, a person's is the country it belongs to.
    assert any(r["source"] == "Russia" and r["source_country"] == "RUS" for r in rows)
    assert all(r["source_country"] == "" or len(r["source_country"]) == 3 for r in rows)


# ---------------------------------------------------------------------------- CLI
def test_cli_export_writes_a_file_and_rejects_unknown_formats(store_path, tmp_path):
    runner = CliRunner()
    target = tmp_path / "graph.trig"
    res = runner.invoke(app, ["export", "--store", str(store_path), "--out", str(target)])
    assert res.exit_code == 0, res.output
    assert res.output.startswith(f"wrote {target} (trig, ")
    assert dataset_quads(reimport(target.read_bytes(), "trig")) == store_quads(store_path)
    res = runner.invoke(app, ["export", "--store", str(store_path), "--format", "rdfxml"])
    assert res.exit_code == 1
    assert (
        res.output.strip()
        == "error: unknown format 'rdfxml': use ttl, nt, nq, trig, jsonld, graphml, gexf, csv, events or event-groups"
    )
    assert not list(tmp_path.glob(".graph*"))  # no temporary file left behind


def test_cli_export_to_stdout(store_path):
    res = CliRunner().invoke(app, ["export", "--store", str(store_path), "--format", "nt"])
    assert res.exit_code == 0
    assert set(Graph().parse(data=res.stdout, format="nt")) == {q[:3] for q in store_quads(store_path)}


def test_format_names():
    assert FORMATS == ("ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv", "events", "event-groups")
    assert format_for("JSON-LD") == "jsonld" and format_for(None, "x.graphml") == "graphml"


# ---------------------------------------------------------------------------- incremental rebuild
def graphs_of(path: Path) -> dict[str, set[tuple]]:
    out: dict[str, set[tuple]] = {}
    for q in read_quads(path):
        out.setdefault(str(q[3]), set()).add(q[:3])
    return out


def test_rebuild_after_editing_one_document_changes_only_its_graph(store_path, tmp_path):
    # Document IRIs come from paths relative to the folder given, so a copy of data/ names the
    # same documents as data/ itself and the rebuild reparses only the edited one.
    store = tmp_path / "store"
    shutil.copytree(store_path, store)
    docs = tmp_path / "data"
    shutil.copytree(DATA, docs)
    before = graphs_of(store)
    edited = docs / "txt" / "2024-03-05-iran-russia-drones.txt"
    edited.write_text(edited.read_text("utf-8") + "\nGermany criticized Iran over the drone deliveries.\n", "utf-8")
    summary = build([str(docs)], store_path=store, warn=_quiet)
    assert (summary.parsed, summary.unchanged, summary.removed) == (1, 23, 0)
    after = graphs_of(store)
    with open_store(store, create=False, read_only=True) as st:
        edited_iri = [
            iri for iri, key in st.document_sources().items() if key == "txt/2024-03-05-iran-russia-drones.txt"
        ]
    assert len(edited_iri) == 1
    changed = {g for g in before.keys() | after.keys() if before.get(g) != after.get(g)}
    actors = str(ACTORS_GRAPH)
    events = "https://w3id.org/kg/id/graph/events"  # derived from all statements (kg.events)
    assert changed - {actors, events} == set(edited_iri)
    assert before[actors] <= after[actors]  # the actors graph may only grow
    assert len(before) == len(after) == 26
