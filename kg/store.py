"""The store stage: documents and their relations in, an on-disk RDF dataset out.

The store is Oxigraph (RocksDB on disk) opened through rdflib's ``oxrdflib`` plugin, so rdflib
code and SPARQL both work on it, and SPARQL runs in Oxigraph's engine. Layout:

* one named graph per document, named by the document IRI, holding the document's description,
  its statement nodes and the direct actor -> actor edges of its non-negated statements;
* one shared graph ``kgr:graph/actors`` with actor types, labels, alternative labels and country
  links (facts that do not belong to any single document).

A document is written in one Oxigraph transaction, so a store never holds half a document.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import Dataset

from kg.actors import Actor, gazetteer
from kg.ontology import ACTORS_GRAPH, KG, KGR, QUAD_CONCEPTS, relations

if TYPE_CHECKING:  # the store never parses text: it only needs these types' names
    from kg.corpus import Document
    from kg.extract import Relation

STORE_FORMAT = 1
MARKER = "kg-store.json"

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_PROV = "http://www.w3.org/ns/prov#"
_DCT = "http://purl.org/dc/terms/"
_XSD = "http://www.w3.org/2001/XMLSchema#"


def _n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


A = _n(_RDF + "type")
LABEL = _n(_RDFS + "label")
ALT = _n(_SKOS + "altLabel")
DERIVED = _n(_PROV + "wasDerivedFrom")
XSD_BOOL = _n(_XSD + "boolean")
XSD_INT = _n(_XSD + "integer")
XSD_DEC = _n(_XSD + "decimal")
XSD_DATE = _n(_XSD + "date")
RDF_JSON = _n(_RDF + "JSON")
EXTRACTION = _n(KG.extraction)
READ_WITH_ALIAS = _n(KG.readWithAlias)
TRUE = ox.Literal("true", datatype=XSD_BOOL)
FALSE = ox.Literal("false", datatype=XSD_BOOL)
ACTORS_G = _n(ACTORS_GRAPH)


class StoreError(RuntimeError):
    """The store path cannot be used; the message says why in one sentence."""


class StoreLocked(StoreError):
    pass


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


@dataclass
class KGStore:
    """An opened kg store. Use :func:`open_store`; close it (or use ``with``) when done."""

    path: Path
    dataset: Dataset
    read_only: bool
    _lock_fh: object | None = None

    @property
    def ox(self) -> ox.Store:
        return self.dataset.store._inner  # the pyoxigraph Store behind oxrdflib

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        try:
            if not self.read_only:
                self.ox.flush()
        except Exception:
            pass
        self.dataset.close()
        if self._lock_fh is not None:
            try:
                _LOCK_FILES.discard(self._lock_fh)
                fcntl.flock(self._lock_fh, fcntl.LOCK_UN)
                self._lock_fh.close()
            finally:
                self._lock_fh = None

    # ------------------------------------------------------------------ reading
    def document_hashes(self) -> dict[str, str]:
        """IRI -> content hash of every document in the store."""
        q = "SELECT ?d ?h WHERE { GRAPH ?d { ?d <%s> ?h } }" % KG.contentHash
        return {str(row[0].value): row[1].value for row in self.ox.query(q)}

    def document_sources(self) -> dict[str, str]:
        q = "SELECT ?d ?k WHERE { GRAPH ?d { ?d <http://purl.org/dc/terms/identifier> ?k } }"
        return {str(row[0].value): row[1].value for row in self.ox.query(q)}

    def count(self, query: str) -> int:
        rows = list(self.ox.query(query, use_default_graph_as_union=True))
        return int(rows[0][0].value) if rows else 0

    # ------------------------------------------------------------------ writing
    def replace_document(
        self,
        doc: Document,
        rels: Iterable[Relation],
        sentences: int = 0,
        words: int = 0,
        extracted: Iterable[Relation] | None = None,
        aliases: Iterable[str] = (),
    ) -> int:
        """Write a document's graph, replacing any earlier version. Returns the statement count.

        ``extracted`` and ``aliases``: see :func:`document_quads`."""
        rels = list(rels)
        quads, actor_quads = document_quads(doc, rels, sentences, words, extracted=extracted, aliases=aliases)
        # rdfs:label, kg:country and kg:isoCode take one value per actor (shapes.ttl): the first
        # description written wins, so a name spelt differently in a later document (same IRI)
        # cannot give an actor a second label.
        single = (LABEL, _n(KG.country), _n(KG.isoCode))
        taken: set[tuple[str, str]] = set()
        kept: list[ox.Quad] = []
        for q in actor_quads:
            if q.predicate in single:
                key = (str(q.subject), str(q.predicate))
                if key in taken or next(self.ox.quads_for_pattern(q.subject, q.predicate, None, ACTORS_G), None):
                    continue
                taken.add(key)
            kept.append(q)
        actor_quads = kept
        g = _n(doc_iri(doc.id))
        self.ox.remove_graph(g) if self.ox.contains_named_graph(g) else None
        # One transaction: the document, its statements and the actors they need.
        self.ox.extend(quads + actor_quads)
        return len(rels)

    def remove_document(self, iri: str) -> None:
        g = _n(iri)
        if self.ox.contains_named_graph(g):
            self.ox.remove_graph(g)

    def flush(self) -> None:
        self.ox.flush()

    # ------------------------------------------------------------------ relink (kg.pipeline.relink)
    def documents(self) -> list[tuple[str, str]]:
        """(IRI, identifier) of every stored document, in the order a build reads the input."""
        rows = self.document_sources()
        return sorted(rows.items(), key=lambda kv: (kv[1].split("/"), kv[0]))

    def extraction(self, iri: str) -> list[Relation] | None:
        """The relations of a document as extracted (its ``kg:extraction`` record), or None when it
        has none (stored by a kg that kept no record)."""
        found = next(self.ox.quads_for_pattern(_n(iri), EXTRACTION, None, _n(iri)), None)
        return None if found is None else read_extraction(found.object.value)

    def aliases_read(self) -> dict[str, set[str]]:
        """Document IRI -> the user aliases met in its text when it was read ("surface<TAB>IRI")."""
        q = "SELECT ?d ?a WHERE { GRAPH ?d { ?d <%s> ?a } }" % KG.readWithAlias
        out: dict[str, set[str]] = {}
        for row in self.ox.query(q):
            out.setdefault(str(row[0].value), set()).add(row[1].value)
        return out

    def without_extraction(self) -> set[str]:
        """Documents stored without a ``kg:extraction`` record."""
        q = "SELECT ?d WHERE { GRAPH ?d { ?d a <%s> FILTER NOT EXISTS { ?d <%s> ?x } } }" % (KG.Document, KG.extraction)
        return {str(row[0].value) for row in self.ox.query(q)}

    def restate(self, iri: str, rels: Iterable[Relation]) -> tuple[bool, dict[str, Actor]]:
        """Replace the statements of a stored document by those of ``rels`` in one transaction,
        keeping the document's own description and extraction record; write nothing when they are
        already these. Returns (changed, the actors ``rels`` name)."""
        g = _n(iri)
        doc_id = iri.rsplit("/", 1)[-1]
        stated, actors = statement_quads(doc_id, rels)
        old = {q for q in self.ox.quads_for_pattern(None, None, None, g) if q.subject != g}
        new = set(stated)
        changed = old != new
        if changed:
            self.apply_diff(old - new, new - old)
        return changed, actors

    def actor_graph(self) -> set[ox.Quad]:
        return set(self.ox.quads_for_pattern(None, None, None, ACTORS_G))

    def apply_diff(self, remove: Iterable[ox.Quad], add: Iterable[ox.Quad]) -> None:
        """Remove and add quads in one transaction (one SPARQL update: all or nothing)."""
        parts = []
        remove, add = list(remove), list(add)
        if remove:
            parts.append("DELETE DATA {\n" + _quads_text(remove) + "\n}")
        if add:
            parts.append("INSERT DATA {\n" + _quads_text(add) + "\n}")
        if parts:
            self.ox.update(" ;\n".join(parts))


def _quads_text(quads: list[ox.Quad]) -> str:
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


def actor_graph_quads(actor_lists: Iterable[Iterable[Actor]], current: Iterable[ox.Quad] = ()) -> set[ox.Quad]:
    """The shared actors graph a store holds after writing these actors in this order:
    :func:`actor_quads_for` each, the first label, country and ISO code of an actor winning, unless
    ``current`` (the graph as it is) already holds one of the values these actors give."""
    single = (LABEL, _n(KG.country), _n(KG.isoCode))
    kept = {(q.subject, q.predicate): q for q in current if q.predicate in single}
    chosen: dict[tuple, ox.Quad] = {}
    out: set[ox.Quad] = set()
    for actors in actor_lists:
        for actor in actors:
            for q in actor_quads_for(actor):
                if q.predicate in single:
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
) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """The quads that describe ``doc`` in its own graph, and the shared actor quads its relations need.

    Both stores (the embedded :class:`KGStore` and :class:`kg.remote.RemoteStore`) write exactly
    these quads, so the same input gives the same graph whatever the store. ``rels`` are the
    relations to state; ``extracted`` the relations as extracted, before the user's actor curation
    (default: ``rels``), kept as the document's ``kg:extraction`` record for ``kg relink``;
    ``aliases`` the user aliases met in the text while it was read ("surface<TAB>IRI").
    """
    rels = list(rels)
    g = _n(doc_iri(doc.id))
    quads: list[ox.Quad] = []
    add = quads.append
    d = g
    add(ox.Quad(d, A, _n(KG.Document), g))
    add(ox.Quad(d, _n(KG.contentHash), ox.Literal(doc.content_hash), g))
    add(ox.Quad(d, _n(_DCT + "identifier"), _lit(doc.key), g))
    add(ox.Quad(d, _n(_DCT + "source"), _lit(doc.url or doc.source or doc.key), g))
    if doc.title:
        add(ox.Quad(d, _n(_DCT + "title"), _lit(doc.title), g))
    if doc.date:
        add(ox.Quad(d, _n(_DCT + "date"), ox.Literal(doc.date.isoformat(), datatype=XSD_DATE), g))
    add(ox.Quad(d, _n(KG.sentenceCount), ox.Literal(str(sentences), datatype=XSD_INT), g))
    add(ox.Quad(d, _n(KG.wordCount), ox.Literal(str(words), datatype=XSD_INT), g))
    add(ox.Quad(d, EXTRACTION, extraction_literal(rels if extracted is None else list(extracted)), g))
    for alias in sorted(set(aliases)):
        add(ox.Quad(d, READ_WITH_ALIAS, _lit(alias), g))
    stated, actors = statement_quads(doc.id, rels)
    quads.extend(stated)
    actor_quads = [q for a in actors.values() for q in actor_quads_for(a)]
    return quads, actor_quads


def statement_quads(doc_id: str, rels: Iterable[Relation]) -> tuple[list[ox.Quad], dict[str, Actor]]:
    """The statements of one document and their direct edges, in its graph; and the actors they
    name (IRI -> the description of its last mention), for :func:`actor_quads_for`."""
    g = d = _n(doc_iri(doc_id))
    quads: list[ox.Quad] = []
    add = quads.append
    actors: dict[str, Actor] = {}
    rel_info = relations()
    for rel in rels:
        s = _n(statement_iri(doc_id, rel))
        subj, obj = _n(rel.subject.id), _n(rel.object.id)
        actors[rel.subject.id] = rel.subject
        actors[rel.object.id] = rel.object
        add(ox.Quad(s, A, _n(KG.Statement), g))
        add(ox.Quad(s, _n(KG.subject), subj, g))
        add(ox.Quad(s, _n(KG.relation), _n(KG[rel.relation]), g))
        add(ox.Quad(s, _n(KG.object), obj, g))
        add(ox.Quad(s, _n(KG.negated), TRUE if rel.negated else FALSE, g))
        add(ox.Quad(s, _n(KG.hedged), TRUE if rel.hedged else FALSE, g))
        add(ox.Quad(s, _n(KG.confidence), ox.Literal(str(Decimal(str(rel.confidence))), datatype=XSD_DEC), g))
        if rel.date:
            add(ox.Quad(s, _n(KG.date), ox.Literal(rel.date, datatype=XSD_DATE), g))
        if rel.event_date:
            kind = {10: "date", 7: "gYearMonth", 4: "gYear"}.get(len(rel.event_date), "date")
            add(ox.Quad(s, _n(KG.eventDate), ox.Literal(rel.event_date, datatype=_n(_XSD + kind)), g))
        if rel.published:
            add(ox.Quad(s, _n(KG.publicationDate), ox.Literal(rel.published, datatype=XSD_DATE), g))
        if rel.place:
            add(ox.Quad(s, _n(KG.place), _lit(rel.place), g))
            if rel.place_country:
                add(ox.Quad(s, _n(KG.placeCountry), _n(KGR[f"country/{rel.place_country}"]), g))
        add(ox.Quad(s, _n(KG.trigger), _lit(rel.trigger), g))
        add(ox.Quad(s, _n(KG.sentence), _lit(rel.sentence), g))
        add(ox.Quad(s, _n(KG.start), ox.Literal(str(rel.start), datatype=XSD_INT), g))
        add(ox.Quad(s, _n(KG.end), ox.Literal(str(rel.end), datatype=XSD_INT), g))
        add(ox.Quad(s, _n(KG.rule), ox.Literal(rel.rule), g))
        add(ox.Quad(s, DERIVED, d, g))
        quad = rel_info[rel.relation].quad if rel.relation in rel_info else None
        if quad:
            add(ox.Quad(s, _n(KG.quad), _n(QUAD_CONCEPTS[quad]), g))
        if not rel.negated:
            add(ox.Quad(subj, _n(KG[rel.relation]), obj, g))
    return quads, actors


def actor_quads_for(actor: Actor) -> list[ox.Quad]:
    """The shared description of an actor: type, label, names, country."""
    a = _n(actor.id)
    cls = actor.kind if actor.type == "Organization" and actor.kind else actor.type
    out = [ox.Quad(a, A, _n(KG[cls]), ACTORS_G), ox.Quad(a, LABEL, _lit(actor.label), ACTORS_G)]
    if cls != actor.type:
        out.append(ox.Quad(a, A, _n(KG[actor.type]), ACTORS_G))
    if actor.type == "Country" and actor.country:
        out.append(ox.Quad(a, _n(KG.isoCode), ox.Literal(actor.country), ACTORS_G))
    elif actor.country:
        out.append(ox.Quad(a, _n(KG.country), _n(KGR[f"country/{actor.country}"]), ACTORS_G))
        # kg:country must point at a described kg:Country (shapes.ttl), even one no text names.
        from kg.actors import country_actor

        out.extend(actor_quads_for(gazetteer().country(actor.country) or country_actor(actor.country, actor.country)))
    if actor.sector:
        out.append(ox.Quad(a, _n(KG.sector), _n(KG[f"sector-{actor.sector}"]), ACTORS_G))
        if actor.country:
            out.append(ox.Quad(a, _n(KG.partOf), _n(KGR[f"country/{actor.country}"]), ACTORS_G))
    if actor.role:
        out.append(ox.Quad(a, _n(KG.role), _lit(actor.role), ACTORS_G))
    for alias in _aliases(actor.id):
        if alias != actor.label:
            out.append(ox.Quad(a, ALT, _lit(alias), ACTORS_G))
    return out


_ALIAS_INDEX: dict[str, list[str]] | None = None


def _aliases(actor_id: str) -> list[str]:
    global _ALIAS_INDEX
    if _ALIAS_INDEX is None:
        idx: dict[str, list[str]] = {}
        for surface, actor in gazetteer().by_surface.items():
            idx.setdefault(actor.id, []).append(surface)
        _ALIAS_INDEX = {k: sorted(set(v)) for k, v in idx.items()}
    return _ALIAS_INDEX.get(actor_id, [])


# Open lock files of this process. A flock belongs to the open file, which a forked child (spaCy's
# n_process workers) shares: the child closes its copy at once, so that a worker outliving a killed
# build can never keep the store locked.
_LOCK_FILES: set = set()


def _close_locks_in_child() -> None:
    for fh in list(_LOCK_FILES):
        try:
            os.close(fh.fileno())  # closes this process's descriptor only; the parent keeps the lock
        except OSError:
            pass
    _LOCK_FILES.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_locks_in_child)


# What a kill while a store is being created can leave next to nothing else: the lock file and a
# marker not yet renamed into place. A folder holding only these is still an empty store folder.
_OWN_LEFTOVERS = {"kg.lock"}
_MARKER_TMP = f".{MARKER}."


def _write_marker(marker: Path) -> None:
    """Write the store's marker atomically, before its lock file and its database exist, so a kill
    at any moment leaves either a folder kg takes as empty or a marked store."""
    tmp = marker.with_name(f"{_MARKER_TMP}{os.getpid()}")
    tmp.write_text(json.dumps({"format": STORE_FORMAT, "engine": "oxigraph"}) + "\n", "utf-8")
    os.replace(tmp, marker)


def default_store_path() -> Path:
    return Path(os.environ.get("KG_STORE", "kg-store"))


def open_store(
    path: str | Path | None = None, create: bool = True, read_only: bool = False, lock: bool = False
) -> KGStore:
    """Open (or create) the store at ``path``; raise :class:`StoreError` with a readable reason.

    ``lock=True`` takes the store's write lock so that two builds never interleave.
    A ``sparql+http://HOST:PORT/sparql`` path opens a remote SPARQL 1.1 endpoint instead
    (:func:`kg.remote.open_remote`).
    """
    # Match "sparql+http:/" too: a pathlib.Path (typer's --store) collapses "//" to "/".
    raw = str(path) if path is not None else os.environ.get("KG_STORE", "")
    if raw.startswith(("sparql+http:/", "sparql+https:/")):
        from kg.remote import open_remote

        return open_remote(raw, create=create, read_only=read_only, lock=lock)
    path = Path(path) if path is not None else default_store_path()
    marker = path / MARKER
    if path.exists() and not path.is_dir():
        raise StoreError(f"store path {path} is a file, not a kg store folder")
    if path.is_dir():
        if marker.exists():
            try:
                info = json.loads(marker.read_text("utf-8"))
            except (OSError, ValueError):
                raise StoreError(f"store {path} has an unreadable {MARKER}; it is not a kg store") from None
            if not isinstance(info, dict):  # valid JSON but not kg's marker (e.g. "[]")
                raise StoreError(f"store {path} has an unreadable {MARKER}; it is not a kg store")
            if info.get("format") != STORE_FORMAT:
                raise StoreError(
                    f"store {path} was written by an incompatible kg (store format {info.get('format')!r}, "
                    f"this kg reads {STORE_FORMAT}); rebuild it into a new folder"
                )
        elif any(p.name not in _OWN_LEFTOVERS and not p.name.startswith(_MARKER_TMP) for p in path.iterdir()):
            raise StoreError(f"{path} is a folder that is not a kg store; choose an empty or new folder")
        elif not create:
            raise StoreError(f"no kg store at {path}; run kg build first")
    elif not create:
        raise StoreError(f"no kg store at {path}; run kg build first")
    if read_only and not (marker.exists() and (path / "oxigraph").is_dir()):
        raise StoreError(f"no kg store at {path}; run kg build first")
    lock_fh = None
    try:
        if not read_only:
            path.mkdir(parents=True, exist_ok=True)
            if not marker.exists():
                _write_marker(marker)
            if lock:
                lock_fh = open(path / "kg.lock", "a+")
                try:
                    fcntl.flock(lock_fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    lock_fh.close()
                    raise StoreLocked(
                        f"store {path} is locked: another kg build is writing it; wait for it to finish"
                    ) from None
                _LOCK_FILES.add(lock_fh)
        db = path / "oxigraph"
        inner = ox.Store.read_only(str(db)) if read_only else ox.Store(str(db))
        ds = Dataset(store=OxigraphStore(store=inner), default_union=True)
    except StoreError:
        raise
    except PermissionError:
        if lock_fh is not None:
            _LOCK_FILES.discard(lock_fh)
            lock_fh.close()
        raise StoreError(f"store {path} is not writable (permission denied)") from None
    except OSError as exc:
        if lock_fh is not None:
            _LOCK_FILES.discard(lock_fh)
            lock_fh.close()
        msg = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        if "lock" in msg.lower():
            raise StoreLocked(f"store {path} is in use by another kg process; wait for it to finish") from None
        raise StoreError(f"cannot open store {path}: {msg}") from None
    return KGStore(path=path, dataset=ds, read_only=read_only, _lock_fh=lock_fh)
