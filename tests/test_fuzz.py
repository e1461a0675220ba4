"""Property-based tests (hypothesis): extraction never raises on any Unicode text, its output is
always valid JSON Lines and valid RDF, minted IRIs are always valid, literals round-trip."""

from __future__ import annotations

import datetime as dt
import json

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.actors import person_actor
from kg.backend import open_store
from kg.corpus import Document, clean_text
from kg.extract import Extractor, Relation
from kg.model import doc_iri
from kg.nlp import load_pipeline
from kg.ontology import KG

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ACTORS = [
    "Iran",
    "Russia",
    "the EU",
    "Belarus",
    "Egyptian troops",
    "Hamas",
    "Türkiye",
    "Côte d'Ivoire",
    "President Vladimir Putin",
    "Владимир Путин",
    "إيران",
    "ישראל",
    "中国",
]
VERBS = [
    "supplied drones to",
    "imposed sanctions on",
    "attacked",
    "met with",
    "criticized",
    "did not attack",
    "may supply",
    "accused",
    "threatened",
]
ODD = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u202a",
    "\u00ad",
    "\x00",
    "\x01",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\r",
    "\t",
    "\n\n",
    "\f",
    "\v",
    "😀",
    "👩‍👩‍👧",
    "🇺🇦",
    "\u0301",
    "\ufffd",
    '"',
    "\\",
    "<",
    ">",
    "{",
    "}",
    "^",
    "`",
    "|",
]

odd = st.sampled_from(ODD)
# Sentences built from real actors and triggers, broken up by control, zero-width, bidi and emoji
# characters: these reach the extraction rules, where random text alone rarely gets.
news_sentence = st.builds(
    lambda parts: "".join(parts),
    st.lists(
        st.one_of(
            st.sampled_from(ACTORS), st.sampled_from(VERBS), odd, st.just(" "), st.just(". "), st.text(max_size=8)
        ),
        min_size=1,
        max_size=25,
    ),
)
any_text = st.one_of(st.text(max_size=300), news_sentence, st.lists(news_sentence, max_size=6).map(" ".join))


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("fuzz") / "store")
    yield s
    s.close()


def _check_rdf(store, doc: Document) -> rdflib.Dataset:
    """Dump the store as N-Quads and parse it back with both pyoxigraph and rdflib."""
    data = store.dump(format=ox.RdfFormat.N_QUADS)
    quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    ds = rdflib.Dataset()
    ds.parse(data=data.decode("utf-8"), format="nquads")
    assert len(quads) == sum(1 for _ in ds.quads((None, None, None, None)))
    return ds


def _extract_and_store(nlp, extractor, store, text: str):
    rels = extractor.extract(nlp(text), dt.date(2024, 3, 5))
    for rel in rels:
        line = json.dumps(rel.as_json("doc.txt"), ensure_ascii=False)
        assert "\n" not in line
        assert json.loads(line)["sentence"] == rel.sentence
        assert text[rel.start : rel.end] == rel.sentence
    doc = Document(key="fuzz.txt", display="fuzz.txt", text=text)
    store.replace_document(doc, rels)
    ds = _check_rdf(store, doc)
    g = rdflib.URIRef(doc_iri(doc.id))
    stored = sorted(str(o) for _, _, o, _ in ds.quads((None, rdflib.URIRef(str(KG.sentence)), None, None)))
    # what the store holds is what was extracted (Oxigraph keeps every character but lone surrogates)
    assert stored == sorted(rel.sentence for rel in rels)
    store.remove_document(str(g))
    return rels


@FAST
@given(text=any_text)
def test_extraction_never_raises_and_output_stays_valid_jsonl_and_rdf(nlp, extractor, store, text):
    _extract_and_store(nlp, extractor, store, text)


def test_invisible_and_control_characters_are_cleaned_so_relations_are_found(nlp, extractor, store):
    # what the corpus does to every document before parsing (kg.corpus.clean_text)
    text = "Iran\u200b supplied drones to \u202eRussia. The EU\u00ad imposed sanctions on Belarus\u200f.\x07 Egyptian\x1b troops attacked Hamas\ufeff."
    assert extractor.extract(nlp(text)) == []
    rels = _extract_and_store(nlp, extractor, store, clean_text(text))
    assert {(r.subject.label, r.relation, r.object.label) for r in rels} == {
        ("Iran", "supplies", "Russia"),
        ("European Union", "sanctions", "Belarus"),
        ("Egypt: military", "attacks", "Hamas"),
    }


def test_a_5000_word_sentence_without_punctuation(nlp, extractor, store):
    words = (
        "Iran supplied drones to Russia and the EU imposed sanctions on Belarus while officials "
        "met in the capital and talked about the weather and other things "
    ).split()
    text = " ".join(words[i % len(words)] for i in range(5000))
    rels = _extract_and_store(nlp, extractor, store, text)
    # the one sentence is parsed whole: its first clause is found, and offsets still fit the text
    assert ("Iran", "supplies", "Russia") in {(r.subject.label, r.relation, r.object.label) for r in rels}
    assert [text[r.start : r.end] == r.sentence for r in rels] == [True] * len(rels)


# ------------------------------------------------------------------ IRIs and literals
FORBIDDEN = set(' <>"{}|^`\\') | {chr(c) for c in range(0x21)}


@settings(max_examples=300, deadline=None)
@given(name=st.text(max_size=60))
def test_person_iris_are_always_valid(name):
    iri = person_actor(name).id
    assert not (set(iri) & FORBIDDEN)
    ox.NamedNode(iri)
    line = f'<{iri}> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n'
    assert len(list(ox.parse(line.encode(), format=ox.RdfFormat.N_TRIPLES))) == 1
    assert len(rdflib.Graph().parse(data=line, format="nt")) == 1


@settings(max_examples=60, deadline=None)
@given(title=st.text(max_size=80), sentence=st.text(min_size=1, max_size=80), name=st.text(min_size=1, max_size=30))
def test_literals_with_quotes_backslashes_and_newlines_round_trip(store, title, sentence, name):
    title = title + ' "quoted" \\back\\slash\nnew line\r\t'
    who = person_actor(name)
    rel = Relation(
        subject=who,
        relation="meets",
        object=person_actor(name + " Jr"),
        negated=False,
        hedged=False,
        confidence=0.9,
        sentence=sentence,
        start=0,
        end=len(sentence),
        date=None,
        trigger=sentence,
        rule="active",
    )
    doc = Document(key="lit.txt", display="lit.txt", text=sentence, title=title)
    store.replace_document(doc, [rel])
    ds = _check_rdf(store, doc)
    assert [str(q[2]) for q in ds.quads((None, rdflib.URIRef("http://purl.org/dc/terms/title"), None, None))] == [title]
    assert [str(q[2]) for q in ds.quads((None, rdflib.URIRef(str(KG.sentence)), None, None))] == [sentence]
    labels = {str(q[2]) for q in ds.quads((rdflib.URIRef(who.id), rdflib.RDFS.label, None, None))}
    # names that share a slug ("U", "Ù") are one actor, labelled by the first name written
    assert labels and all(person_actor(label).id == who.id for label in labels)
    rows = store.select("SELECT ?t WHERE { GRAPH ?g { ?d dcterms:title ?t } }")
    assert [r[0].value for r in rows] == [title]
    store.remove_document(doc_iri(doc.id))
