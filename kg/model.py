"""The RDF model: documents and their relations as quads, the same for every store backend.

Takes a :class:`~kg.corpus.Document` and its :class:`~kg.extract.Relation` list and gives the
pyoxigraph quads that describe them (ARCHITECTURE.md, *The RDF model*):

* the document's own named graph (named by the document IRI): the document, its statements and
  the direct ``actor kg:relation actor`` edges of its non-negated statements;
* the shared actors graph (``kgr:graph/actors``): types, labels, alternative labels, countries.

Every backend (:mod:`kg.store`, :mod:`kg.remote`) writes exactly these quads, so the same input
gives the same graph whatever the store. Terms are built by pyoxigraph from the closed vocabulary
(:mod:`kg.ontology`), so document text is always a literal and never an IRI or query text.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.actors import Actor, Gazetteer, country_actor
from kg.ontology import ACTORS_GRAPH, KG, KGR, QUAD_CONCEPTS, relations

if TYPE_CHECKING:  # the model never parses text: it only needs these types' names
    from kg.corpus import Document
    from kg.extract import Relation


def node(iri) -> ox.NamedNode:
    """A vocabulary term (``KG.supplies``, ``RDF.type``) as a pyoxigraph IRI."""
    return ox.NamedNode(str(iri))


A = node(RDF.type)
LABEL = node(RDFS.label)
ALT = node(SKOS.altLabel)
DERIVED = node(PROV.wasDerivedFrom)
XSD_BOOL = node(XSD.boolean)
XSD_INT = node(XSD.integer)
XSD_DEC = node(XSD.decimal)
XSD_DATE = node(XSD.date)
RDF_JSON = node(RDF.JSON)
EXTRACTION = node(KG.extraction)
READ_WITH_ALIAS = node(KG.readWithAlias)
CONTENT_HASH = node(KG.contentHash)
TRUE = ox.Literal("true", datatype=XSD_BOOL)
FALSE = ox.Literal("false", datatype=XSD_BOOL)
ACTORS_G = node(ACTORS_GRAPH)
# rdfs:label, kg:country and kg:isoCode take one value per actor (shapes.ttl): the first written wins.
SINGLE_VALUED = (LABEL, node(KG.country), node(KG.isoCode))
_EVENT_DATE_TYPES = {10: node(XSD.date), 7: node(XSD.gYearMonth), 4: node(XSD.gYear)}


def doc_iri(doc_id: str) -> str:
    return str(KGR[f"doc/{doc_id}"])


def statement_iri(doc_id: str, rel: Relation) -> str:
    key = "\x1f".join(
        [doc_id, rel.subject.id, rel.relation, rel.object.id, str(rel.negated), str(rel.start), rel.trigger]
    )
    return str(KGR["statement/" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]])


def _lit(text: str) -> ox.Literal:
    # Oxigraph refuses lone surrogates; documents decoded with "replace" never have them, but
    # a hostile JSON record can (\\ud800): keep the text, drop what cannot be stored.
    return ox.Literal(_clean(text))


def _clean(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


def quads_text(quads: Iterable[ox.Quad]) -> str:
    """Quads as the body of ``INSERT DATA`` / ``DELETE DATA``, grouped by graph; every term written
    by pyoxigraph (N-Triples syntax: safe for any text)."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    return "\n".join(f"GRAPH {g} {{\n" + "\n".join(ts) + "\n}" for g, ts in by_graph.items())


def extraction_literal(rels: Iterable[Relation]) -> ox.Literal:
    """A document's relations as extracted, as JSON: every field of each relation, the actors and
    sentences listed once."""
    actors: dict[Actor, int] = {}
    sentences: dict[str, str] = {}
    rows = []
    for rel in rels:
        row = {}
        for f in dataclasses.fields(rel):
            value = getattr(rel, f.name)
            if f.name in ("subject", "object"):
                value = actors.setdefault(value, len(actors))
            elif f.name == "sentence":
                sentences.setdefault(str(rel.start), value)
                continue
            row[f.name] = value
        rows.append(row)
    data = {"version": 1, "actors": [dataclasses.asdict(a) for a in actors], "sentences": sentences, "relations": rows}
    return ox.Literal(
        _clean(json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)), datatype=RDF_JSON
    )


def read_extraction(text: str) -> list[Relation]:
    """The relations a ``kg:extraction`` record holds (see :func:`extraction_literal`)."""
    from kg.extract import Relation  # the class only; reading a record parses no text

    data = json.loads(text)
    actors = [Actor(**a) for a in data["actors"]]
    sentences = data["sentences"]
    out = []
    for row in data["relations"]:
        row = dict(row)
        row["subject"], row["object"] = actors[row["subject"]], actors[row["object"]]
        row["sentence"] = sentences[str(row["start"])]
        out.append(Relation(**row))
    return out


def actor_graph_quads(
    actor_lists: Iterable[Iterable[Actor]], current: Iterable[ox.Quad] = (), gazetteer: Gazetteer | None = None
) -> set[ox.Quad]:
    """The shared actors graph a store holds after writing these actors in this order:
    :func:`actor_quads_for` each, the first label, country and ISO code of an actor winning, unless
    ``current`` (the graph as it is) already holds one of the values these actors give."""
    kept = {(q.subject, q.predicate): q for q in current if q.predicate in SINGLE_VALUED}
    chosen: dict[tuple, ox.Quad] = {}
    out: set[ox.Quad] = set()
    for actors in actor_lists:
        for actor in actors:
            for q in actor_quads_for(actor, gazetteer):
                if q.predicate in SINGLE_VALUED:
                    key = (q.subject, q.predicate)
                    if key not in chosen or (q == kept.get(key) and chosen[key] != q):
                        chosen[key] = q
                    continue
                out.add(q)
    return out | set(chosen.values())


def document_quads(
    doc: Document,
    rels: Iterable[Relation],
    sentences: int = 0,
    words: int = 0,
    extracted: Iterable[Relation] | None = None,
    aliases: Iterable[str] = (),
    gazetteer: Gazetteer | None = None,
) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """The quads that describe ``doc`` in its own graph, and the shared actor quads its relations need.

    Both stores (the embedded :class:`kg.store.KGStore` and :class:`kg.remote.RemoteStore`) write exactly
    these quads, so the same input gives the same graph whatever the store. ``rels`` are the
    relations to state; ``extracted`` the relations as extracted, before the user's actor curation
    (default: ``rels``), kept as the document's ``kg:extraction`` record for ``kg relink``;
    ``aliases`` the user aliases met in the text while it was read ("surface<TAB>IRI");
    ``gazetteer`` the actors' other names (:func:`actor_quads_for`).
    """
    rels = list(rels)
    g = node(doc_iri(doc.id))
    quads: list[ox.Quad] = []
    add = quads.append
    d = g
    add(ox.Quad(d, A, node(KG.Document), g))
    add(ox.Quad(d, CONTENT_HASH, ox.Literal(doc.content_hash), g))
    add(ox.Quad(d, node(DCTERMS.identifier), _lit(doc.key), g))
    add(ox.Quad(d, node(DCTERMS.source), _lit(doc.url or doc.source or doc.key), g))
    if doc.title:
        add(ox.Quad(d, node(DCTERMS.title), _lit(doc.title), g))
    if doc.date:
        add(ox.Quad(d, node(DCTERMS.date), ox.Literal(doc.date.isoformat(), datatype=XSD_DATE), g))
    add(ox.Quad(d, node(KG.sentenceCount), ox.Literal(str(sentences), datatype=XSD_INT), g))
    add(ox.Quad(d, node(KG.wordCount), ox.Literal(str(words), datatype=XSD_INT), g))
    add(ox.Quad(d, EXTRACTION, extraction_literal(rels if extracted is None else list(extracted)), g))
    for alias in sorted(set(aliases)):
        add(ox.Quad(d, READ_WITH_ALIAS, _lit(alias), g))
    stated, actors = statement_quads(doc.id, rels)
    quads.extend(stated)
    actor_quads = [q for a in actors.values() for q in actor_quads_for(a, gazetteer)]
    return quads, actor_quads


# The statement properties, made once rather than for each of a statement's 18 quads (an rdflib
# namespace lookup, then pyoxigraph's IRI check, each time).
_S = {
    name: node(KG[name])
    for name in (
        "Statement",
        "subject",
        "relation",
        "object",
        "negated",
        "hedged",
        "confidence",
        "date",
        "eventDate",
        "publicationDate",
        "place",
        "placeCountry",
        "trigger",
        "sentence",
        "start",
        "end",
        "rule",
        "quad",
    )
}


# ... and the terms statements name from a closed set, made on first use: kg:<relation>,
# kgr:country/<code> (a statement's place) and the quad class.
@functools.cache
def _kg_term(name: str) -> ox.NamedNode:
    return node(KG[name])


@functools.cache
def _country_term(code: str) -> ox.NamedNode:
    return node(KGR[f"country/{code}"])


@functools.cache
def _concept_term(quad: int) -> ox.NamedNode:
    return node(QUAD_CONCEPTS[quad])


def statement_quads(doc_id: str, rels: Iterable[Relation]) -> tuple[list[ox.Quad], dict[str, Actor]]:
    """The statements of one document and their direct edges, in its graph; and the actors they
    name (IRI -> the description of its last mention), for :func:`actor_quads_for`."""
    g = d = node(doc_iri(doc_id))
    quads: list[ox.Quad] = []
    add = quads.append
    actors: dict[str, Actor] = {}
    rel_info = relations()
    P = _S
    Q = ox.Quad
    Lit = ox.Literal
    for rel in rels:
        s = node(statement_iri(doc_id, rel))
        subj, obj = node(rel.subject.id), node(rel.object.id)
        actors[rel.subject.id] = rel.subject
        actors[rel.object.id] = rel.object
        relation = _kg_term(rel.relation)
        add(Q(s, A, P["Statement"], g))
        add(Q(s, P["subject"], subj, g))
        add(Q(s, P["relation"], relation, g))
        add(Q(s, P["object"], obj, g))
        add(Q(s, P["negated"], TRUE if rel.negated else FALSE, g))
        add(Q(s, P["hedged"], TRUE if rel.hedged else FALSE, g))
        add(Q(s, P["confidence"], Lit(str(Decimal(str(rel.confidence))), datatype=XSD_DEC), g))
        if rel.date:
            add(Q(s, P["date"], Lit(rel.date, datatype=XSD_DATE), g))
        if rel.event_date:
            kind = _EVENT_DATE_TYPES.get(len(rel.event_date), XSD_DATE)
            add(Q(s, P["eventDate"], Lit(rel.event_date, datatype=kind), g))
        if rel.published:
            add(Q(s, P["publicationDate"], Lit(rel.published, datatype=XSD_DATE), g))
        if rel.place:
            add(Q(s, P["place"], _lit(rel.place), g))
            if rel.place_country:
                add(Q(s, P["placeCountry"], _country_term(rel.place_country), g))
        add(Q(s, P["trigger"], _lit(rel.trigger), g))
        add(Q(s, P["sentence"], _lit(rel.sentence), g))
        add(Q(s, P["start"], Lit(str(rel.start), datatype=XSD_INT), g))
        add(Q(s, P["end"], Lit(str(rel.end), datatype=XSD_INT), g))
        add(Q(s, P["rule"], Lit(rel.rule), g))
        add(Q(s, DERIVED, d, g))
        quad = rel_info[rel.relation].quad if rel.relation in rel_info else None
        if quad:
            add(Q(s, P["quad"], _concept_term(quad), g))
        if not rel.negated:
            add(Q(subj, relation, obj, g))
    return quads, actors


def actor_quads_for(actor: Actor, gazetteer: Gazetteer | None = None) -> list[ox.Quad]:
    """The shared description of an actor: type, label, names, country.

    ``gazetteer`` gives the actor's other names (``skos:altLabel``) and the description of its
    country; default: kg's own (:func:`kg.actors.gazetteer`)."""
    gz = gazetteer if gazetteer is not None else _kg_gazetteer()
    a = node(actor.id)
    cls = actor.kind if actor.type == "Organization" and actor.kind else actor.type
    out = [ox.Quad(a, A, node(KG[cls]), ACTORS_G), ox.Quad(a, LABEL, _lit(actor.label), ACTORS_G)]
    if cls != actor.type:
        out.append(ox.Quad(a, A, node(KG[actor.type]), ACTORS_G))
    if actor.type == "Country" and actor.country:
        out.append(ox.Quad(a, node(KG.isoCode), ox.Literal(actor.country), ACTORS_G))
    elif actor.country:
        out.append(ox.Quad(a, node(KG.country), node(KGR[f"country/{actor.country}"]), ACTORS_G))
        # kg:country must point at a described kg:Country (shapes.ttl), even one no text names.
        out.extend(actor_quads_for(gz.country(actor.country) or country_actor(actor.country, actor.country), gz))
    if actor.sector:
        out.append(ox.Quad(a, node(KG.sector), node(KG[f"sector-{actor.sector}"]), ACTORS_G))
        if actor.country:
            out.append(ox.Quad(a, node(KG.partOf), node(KGR[f"country/{actor.country}"]), ACTORS_G))
    if actor.role:
        out.append(ox.Quad(a, node(KG.role), _lit(actor.role), ACTORS_G))
    for alias in _alias_index(gz).get(actor.id, ()):
        if alias != actor.label:
            out.append(ox.Quad(a, ALT, _lit(alias), ACTORS_G))
    return out


def _kg_gazetteer() -> Gazetteer:
    from kg.actors import gazetteer

    return gazetteer()


# Actor IRI -> its names, per gazetteer (keyed by identity; the gazetteer is kept alive with it).
_ALIAS_INDEX: dict[int, tuple[Gazetteer, dict[str, list[str]]]] = {}


def _alias_index(gz: Gazetteer) -> dict[str, list[str]]:
    held = _ALIAS_INDEX.get(id(gz))
    if held is None or held[0] is not gz:
        idx: dict[str, list[str]] = {}
        for surface, actor in gz.by_surface.items():
            idx.setdefault(actor.id, []).append(surface)
        held = _ALIAS_INDEX[id(gz)] = (gz, {k: sorted(set(v)) for k, v in idx.items()})
    return held[1]


def actor_aliases(actor_id: str, gazetteer: Gazetteer | None = None) -> list[str]:
    """The names ``gazetteer`` (default: kg's own) knows an actor by, sorted (its ``skos:altLabel`` s)."""
    return list(_alias_index(gazetteer if gazetteer is not None else _kg_gazetteer()).get(actor_id, ()))


def forget_aliases() -> None:
    """Drop the alias indexes: a gazetteer learnt or forgot names (:meth:`kg.curation.Curation.installed`)."""
    _ALIAS_INDEX.clear()
