"""kg validate: the store built from data/ conforms to ontology/shapes.ttl; broken data does not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kg.backend import open_store
from kg.cli import app
from kg.ontology import ACTORS_GRAPH, KG, KGR
from kg.query import run_query
from kg.validate import validate_store

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")


@pytest.fixture(scope="module")
def store_path(data_store) -> Path:
    """data/ built once per session (tests/conftest.py); tests that break it work on a copy."""
    return data_store


def _n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def broken_copy(store_path: Path, dest: Path, n: int = 1) -> list[str]:
    """Copy the store and add ``n`` statements with confidence 1.5 and no kg:subject."""
    shutil.copytree(store_path, dest)
    added = []
    with open_store(dest, create=False) as st:
        doc = next(iter(st.document_hashes()))
        g = _n(doc)
        quads = []
        for i in range(n):
            s = _n(KGR[f"statement/broken{i:03d}"])
            added.append(f"kgr:statement/broken{i:03d}")
            quads += [
                ox.Quad(s, RDF_TYPE, _n(KG.Statement), g),
                ox.Quad(s, _n(KG.relation), _n(KG.attacks), g),
                ox.Quad(s, _n(KG.object), _n(KGR["country/RUS"]), g),
                ox.Quad(s, _n(KG.negated), ox.Literal("false", datatype=_n(XSD + "boolean")), g),
                ox.Quad(s, _n(KG.hedged), ox.Literal("false", datatype=_n(XSD + "boolean")), g),
                ox.Quad(s, _n(KG.confidence), ox.Literal("1.5", datatype=_n(XSD + "decimal")), g),
                ox.Quad(s, _n(KG.sentence), ox.Literal("Someone attacked Russia."), g),
                ox.Quad(s, _n(KG.trigger), ox.Literal("attacked"), g),
                ox.Quad(s, _n(KG.start), ox.Literal("0", datatype=_n(XSD + "integer")), g),
                ox.Quad(s, _n(KG.end), ox.Literal("24", datatype=_n(XSD + "integer")), g),
                ox.Quad(s, DERIVED, g, g),
            ]
        st.apply_diff((), quads)
    return added


def test_store_built_from_data_conforms(store_path):
    with open_store(store_path, create=False, read_only=True) as st:
        report = validate_store(st)
    assert report.violations == []
    assert report.conforms is True
    assert report.triples > 4000


def test_every_country_an_actor_belongs_to_is_described(store_path):
    # Hamas -> PSE and the Houthis -> YEM: countries no document names still get a label and code.
    q = """ASK { GRAPH kgr:graph\\/actors { ?a kg:country ?c
              FILTER NOT EXISTS { ?c a kg:Country ; rdfs:label ?l ; kg:isoCode ?code } } }"""
    with open_store(store_path, create=False, read_only=True) as st:
        assert run_query(st, q).boolean is False
        n = st.count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> { ?a <%s> ?c } }" % (ACTORS_GRAPH, KG.country))
    assert n > 0


def test_statement_without_subject_and_with_confidence_above_one_is_reported(store_path, tmp_path):
    broken = tmp_path / "broken"
    [focus] = broken_copy(store_path, broken)
    with open_store(broken, create=False, read_only=True) as st:
        report = validate_store(st)
    assert report.conforms is False
    assert [(v.focus, v.path, v.message, v.value) for v in report.violations] == [
        (focus, "kg:confidence", "A statement needs exactly one xsd:decimal kg:confidence between 0 and 1.", '"1.5"'),
        (
            focus,
            "kg:subject",
            "A statement needs exactly one kg:subject, an actor IRI described (typed) in the actors graph.",
            "",
        ),
    ]


def test_statement_about_an_undescribed_actor_is_reported(store_path, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(store_path, broken)
    with open_store(broken, create=False) as st:
        st.update("""DELETE WHERE { GRAPH <%s> { <%s> ?p ?o } }""" % (ACTORS_GRAPH, KGR["country/RUS"]))
        report = validate_store(st)
    assert report.conforms is False
    assert {v.path for v in report.violations} >= {"kg:subject", "kg:object"}
    assert {v.value for v in report.violations if v.path in ("kg:subject", "kg:object")} == {"kgr:country/RUS"}


def test_cli_validate_conforms_and_exits_0(store_path):
    res = CliRunner().invoke(app, ["validate", "--store", str(store_path)])
    assert res.exit_code == 0
    assert res.stdout == "conforms\n"


def test_cli_validate_prints_a_table_and_exits_1(store_path, tmp_path):
    broken = tmp_path / "broken"
    added = broken_copy(store_path, broken, n=30)  # 60 violations: more than the 50 rows shown
    res = CliRunner().invoke(app, ["validate", "--store", str(broken)], env={"COLUMNS": "200"})
    assert res.exit_code == 1
    assert "SHACL violations" in res.stdout
    assert added[0] in res.stdout and added[24] in res.stdout and added[25] not in res.stdout
    assert "... and 10 more (raise --limit to see them)" in res.stdout
    assert "does not conform: 60 violation(s)" in res.stderr


def test_cli_validate_rejects_unknown_inference(store_path):
    res = CliRunner().invoke(app, ["validate", "--store", str(store_path), "--inference", "owl"])
    assert res.exit_code == 1
    assert res.stderr.strip() == "error: unknown --inference 'owl': use none or rdfs"


def test_cli_validate_without_a_store_is_one_line(tmp_path):
    res = CliRunner().invoke(app, ["validate", "--store", str(tmp_path / "nothing")])
    assert res.exit_code == 1
    assert res.stderr.strip() == f"error: no kg store at {tmp_path / 'nothing'}; run kg build first"
