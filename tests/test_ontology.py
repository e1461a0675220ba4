"""The ontology files: they parse, every term is documented, the mappings are complete and agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS
from typer.testing import CliRunner

from kg.cli import app
from kg.ontology import KG, QUAD_CONCEPTS, QUAD_NAMES, ontology_dir, relations
from kg.vocab import load_graph, markdown, terms

ROOT = Path(__file__).resolve().parents[1]
STRUCTURAL = {"leads", "memberOf"}
# CAMEO root codes of each QuadClass (CAMEO manual / GDELT codebook).
QUAD_OF_ROOT = {
    **{f"{i:02d}": 1 for i in range(1, 6)},
    **{f"{i:02d}": 2 for i in range(6, 9)},
    **{f"{i:02d}": 3 for i in range(9, 14)},
    **{f"{i:02d}": 4 for i in range(14, 21)},
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_graph()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def kg_subjects(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KG))}


def relation_properties(g: Graph) -> set[str]:
    return {str(s)[len(str(KG)) :] for s in g.subjects(RDFS.subPropertyOf, KG.relatedTo)}


def test_ontology_and_shapes_parse(onto, shapes):
    assert (URIRef("https://w3id.org/kg/ontology"), RDF.type, OWL.Ontology) in onto
    assert len(list(shapes.subjects(RDF.type, SH.NodeShape))) == 7


def test_every_kg_term_has_one_english_label_and_comment(onto):
    found = kg_subjects(onto)
    assert len(found) > 50
    for term in found:
        labels = list(onto.objects(term, RDFS.label))
        comments = list(onto.objects(term, RDFS.comment))
        assert len(labels) == 1 and labels[0].language == "en" and str(labels[0]).strip(), term
        assert len(comments) == 1 and comments[0].language == "en" and len(str(comments[0])) > 20, term


def test_every_kg_term_used_in_the_ontology_or_shapes_is_defined(onto, shapes):
    defined = kg_subjects(onto)
    used = {
        t
        for g in (onto, shapes)
        for triple in g
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(str(KG)) and str(t) != str(KG)
    }
    assert used - defined == set()


def test_every_event_relation_has_plover_cameo_and_quadclass(onto):
    names = relation_properties(onto)
    assert len(names) == 22
    for name in sorted(names):
        iri = KG[name]
        quad = list(onto.objects(iri, KG.quadClass))
        plover = list(onto.objects(iri, KG.ploverType))
        cameo = [str(c) for c in onto.objects(iri, KG.cameoRoot)]
        if name in STRUCTURAL:
            assert quad == plover == cameo == [], name
            continue
        assert len(quad) == 1 and (quad[0], SKOS.inScheme, KG.QuadClassScheme) in onto, name
        assert len(plover) == 1 and re.fullmatch(r"[A-Z]+", str(plover[0])), name
        assert cameo and all(re.fullmatch(r"\d{2,3}", c) for c in cameo), name
        number = int(onto.value(quad[0], SKOS.notation))
        # Every CAMEO code of a relation falls in the root range of its QuadClass.
        assert {QUAD_OF_ROOT[c[:2]] for c in cameo} == {number}, name


def test_relations_tsv_agrees_with_kg_ttl():
    ttl = {t.name: t for t in terms() if t.group == "relation" and t.name != "relatedTo"}
    tsv = relations()
    assert set(tsv) == set(ttl)
    for name, info in tsv.items():
        t = ttl[name]
        assert (info.label, info.plover, tuple(sorted(info.cameo)), info.quad, info.symmetric, info.description) == (
            t.label,
            t.plover,
            t.cameo,
            t.quad,
            t.symmetric,
            t.definition,
        ), name


def test_quadclass_concepts_match_the_code(onto):
    for number, iri in QUAD_CONCEPTS.items():
        assert str(onto.value(iri, SKOS.notation)) == str(number)
        assert onto.value(iri, SKOS.prefLabel) == Literal(QUAD_NAMES[number], lang="en")
    assert set(onto.objects(KG.QuadClassScheme, SKOS.hasTopConcept)) == set(QUAD_CONCEPTS.values())


def test_shapes_allow_exactly_the_ontology_relations_and_quadclasses(onto, shapes):
    lists = {}
    for prop in shapes.subjects(SH.path, None):
        node = shapes.value(prop, SH["in"])
        if node is not None:
            lists[shapes.value(prop, SH.path)] = set(Collection(shapes, node))
    assert lists[KG.relation] == {KG[n] for n in relation_properties(onto)}
    assert lists[KG.quad] == set(QUAD_CONCEPTS.values())


def test_docs_vocabulary_md_is_the_generated_markdown():
    assert (ROOT / "docs" / "vocabulary.md").read_text("utf-8") == markdown(), (
        "docs/vocabulary.md is stale: run  kg ontology --markdown > docs/vocabulary.md"
    )


def test_markdown_lists_every_term_once_with_its_mappings():
    lines = markdown().splitlines()
    rows = [line for line in lines if line.startswith("| `kg:")]
    assert len(rows) == len(terms()) == len({row.split("|")[1] for row in rows})
    assert "| `kg:attacks` | attacks | " in markdown()
    attacks = next(row for row in rows if row.startswith("| `kg:attacks` |"))
    assert attacks.endswith("| ASSAULT | 18, 19, 20 | 4 material conflict |")
    meets = next(row for row in rows if row.startswith("| `kg:meets` |"))
    assert meets.startswith("| `kg:meets` | meets (symmetric) |")


def test_cli_ontology_prints_the_table_and_the_markdown():
    runner = CliRunner()
    res = runner.invoke(app, ["ontology", "--markdown"])
    assert res.exit_code == 0 and res.stdout == markdown()
    res = runner.invoke(app, ["ontology"], env={"COLUMNS": "200"})
    assert res.exit_code == 0
    assert "kg:withdrawsFrom" in res.stdout and "RETREAT" in res.stdout and "2 material cooperation" in res.stdout
