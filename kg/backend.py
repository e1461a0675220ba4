"""The store interface: what every kg store offers, and the registry that opens one by address.

Takes a store address (a folder, or ``sparql+http://HOST:PORT/sparql``) and gives a :class:`Store`.
Callers (the pipeline, queries, events, export, network analytics, the CLI) use only this
interface; the backends implement it and never import each other:

* :class:`kg.store.KGStore` -- Oxigraph on disk, in a folder (the default);
* :class:`kg.remote.RemoteStore` -- a SPARQL 1.1 endpoint over HTTP (Virtuoso and others).

A backend implements the primitives (query with bindings and a timeout, update, quads, dump,
document hashes, replace and remove a document, replace a graph); the operations built on them
(counts, a document's extraction record, quad diffs, restating a document) are written once here.
Backends are found by the address's scheme in a registry, as rdflib finds its plugins:
``register_backend("myscheme", "mypackage.module:open_function")`` adds one, imported only when
an address of that scheme is opened.

Every problem is a :class:`kg.errors.StoreError` (opening, writing) or
:class:`kg.errors.QueryError` (a query or update), whatever the backend.
"""

from __future__ import annotations

import importlib
import os
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.model import ACTORS_G, quads_text, read_extraction, statement_quads
from kg.ontology import prefix_iris

if TYPE_CHECKING:
    from kg.actors import Actor, Gazetteer
    from kg.corpus import Document
    from kg.extract import Relation

Term = ox.NamedNode | ox.Literal | ox.BlankNode


class Solutions:
    """The answer to a SELECT: its variables, then its rows (``ox.QuerySolution``, read lazily).

    A backend may stop reading rows early (a timeout) with a :class:`kg.errors.QueryError`;
    :meth:`close` tells it that no more rows are wanted.
    """

    def __init__(self, variables: list[ox.Variable], rows: Iterable, close: Callable[[], None] | None = None):
        self.variables = list(variables)
        self._rows = iter(rows)
        self._close = close

    def __iter__(self) -> Iterator:
        return self._rows

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None


class Triples:
    """The answer to a CONSTRUCT or DESCRIBE: ``ox.Triple`` objects, read lazily."""

    def __init__(self, triples: Iterable[ox.Triple], close: Callable[[], None] | None = None):
        self._triples = iter(triples)
        self._close = close

    def __iter__(self) -> Iterator[ox.Triple]:
        return self._triples

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None


Answer = bool | Solutions | Triples


class Store(ABC):
    """A kg store. Open one with :func:`open_store`; close it (or use ``with``) when done.

    ``path`` is what messages name (a folder, or an endpoint address without credentials);
    ``folder`` the local folder kg may keep files in beside the data (the user's actor file, the
    curation state), or None when the store has none (an endpoint); ``gazetteer`` the actors
    whose other names and countries describe the actors written (None: kg's own).
    """

    path: Path | str
    read_only: bool = False
    gazetteer: Gazetteer | None = None

    @property
    def folder(self) -> Path | None:
        return None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------------ primitives (per backend)
    @abstractmethod
    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Term] | None = None,
        prefixes: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> Answer:
        """Run a SPARQL query over the union of all graphs.

        ``bindings`` (variable name -> RDF term) are bound as terms, never pasted into the text;
        ``prefixes`` are declared for the query; ``timeout`` (seconds) bounds the whole run,
        reading the rows included, and ends it with a :class:`kg.errors.QueryError`. Gives a bool
        (ASK), :class:`Solutions` (SELECT) or :class:`Triples` (CONSTRUCT, DESCRIBE).
        """

    @abstractmethod
    def update(self, sparql: str, *, prefixes: Mapping[str, str] | None = None) -> None:
        """Run a SPARQL Update (one transaction where the backend has them)."""

    @abstractmethod
    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Every quad kg wrote, or those of one named graph."""

    @abstractmethod
    def dump(self, output=None, format: ox.RdfFormat = ox.RdfFormat.N_QUADS, *, prefixes=None):
        """Serialise every quad (bytes when ``output`` is None), as ``pyoxigraph.Store.dump`` does."""

    @abstractmethod
    def __len__(self) -> int:
        """The number of quads kg wrote."""

    @abstractmethod
    def document_hashes(self) -> dict[str, str]:
        """Document IRI -> content hash of every stored document (``""``: a write cut short)."""

    @abstractmethod
    def replace_document(
        self,
        doc: Document,
        rels: Iterable[Relation],
        sentences: int = 0,
        words: int = 0,
        extracted: Iterable[Relation] | None = None,
        aliases: Iterable[str] = (),
    ) -> int:
        """Write a document's graph (:func:`kg.model.document_quads`), replacing any earlier
        version, so that the store never holds half a document. Returns the statement count."""

    @abstractmethod
    def remove_document(self, iri: str) -> None:
        """Remove a document's graph (nothing when it is not there)."""

    @abstractmethod
    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> int:
        """Make the named graph ``graph`` hold exactly ``quads`` (given in that graph), all at
        once; returns how many quads changed (or were written)."""

    def flush(self) -> None:  # noqa: B027  (optional: nothing to do where every write is durable)
        """Make what was written durable."""

    def close(self) -> None:  # noqa: B027  (optional: nothing to release over HTTP)
        """Release the store (its lock, its files)."""

    # ------------------------------------------------------------------ built on the primitives
    def count(self, sparql: str) -> int:
        """The number in the first cell of a ``SELECT (COUNT(...) AS ?n)`` query (kg's prefixes known)."""
        answer = self.query(sparql, prefixes=prefix_iris())
        rows = list(answer) if isinstance(answer, Solutions) else []
        return int(rows[0][0].value) if rows and rows[0][0] is not None else 0

    def select(self, sparql: str, **bindings: Term) -> list:
        """The rows of a SELECT (kg's prefixes known), with ``bindings`` bound as terms (a bound
        variable must be in the SELECT clause: Oxigraph binds only projected variables)."""
        answer = self.query(sparql, bindings=bindings or None, prefixes=prefix_iris())
        if not isinstance(answer, Solutions):
            raise ValueError("select() runs SELECT queries")
        return list(answer)

    def document_sources(self) -> dict[str, str]:
        """Document IRI -> its identifier (the file or record it was read from)."""
        rows = self.select("SELECT ?d ?k WHERE { GRAPH ?d { ?d dcterms:identifier ?k } }")
        return {str(row[0].value): row[1].value for row in rows}

    def documents(self) -> list[tuple[str, str]]:
        """(IRI, identifier) of every stored document, in the order a build reads the input."""
        rows = self.document_sources()
        return sorted(rows.items(), key=lambda kv: (kv[1].split("/"), kv[0]))

    def extraction(self, iri: str) -> list[Relation] | None:
        """The relations of a document as extracted (its ``kg:extraction`` record), or None when it
        has none (stored by a kg that kept no record)."""
        rows = self.select("SELECT ?d ?x WHERE { GRAPH ?d { ?d kg:extraction ?x } }", d=ox.NamedNode(iri))
        return None if not rows else read_extraction(rows[0]["x"].value)

    def aliases_read(self) -> dict[str, set[str]]:
        """Document IRI -> the user aliases met in its text when it was read ("surface<TAB>IRI")."""
        out: dict[str, set[str]] = {}
        for row in self.select("SELECT ?d ?a WHERE { GRAPH ?d { ?d kg:readWithAlias ?a } }"):
            out.setdefault(str(row[0].value), set()).add(row[1].value)
        return out

    def without_extraction(self) -> set[str]:
        """Documents stored without a ``kg:extraction`` record."""
        q = "SELECT ?d WHERE { GRAPH ?d { ?d a kg:Document FILTER NOT EXISTS { ?d kg:extraction ?x } } }"
        return {str(row[0].value) for row in self.select(q)}

    def actors_named(self, iri: str) -> set[str]:
        """The actors the statements of one document name."""
        q = "SELECT DISTINCT ?d ?a WHERE { GRAPH ?d { ?s kg:subject|kg:object ?a } }"
        return {str(row["a"].value) for row in self.select(q, d=ox.NamedNode(iri))}

    def actor_graph(self) -> set[ox.Quad]:
        """The shared actors graph as it is."""
        return set(self.quads(ACTORS_G.value))

    def apply_diff(self, remove: Iterable[ox.Quad], add: Iterable[ox.Quad]) -> None:
        """Remove and add quads in one SPARQL Update (all or nothing where the backend has transactions)."""
        parts = []
        remove, add = list(remove), list(add)
        if remove:
            parts.append("DELETE DATA {\n" + quads_text(remove) + "\n}")
        if add:
            parts.append("INSERT DATA {\n" + quads_text(add) + "\n}")
        if parts:
            self.update(" ;\n".join(parts))

    def restate(self, iri: str, rels: Iterable[Relation]) -> tuple[bool, dict[str, Actor]]:
        """Replace the statements of a stored document by those of ``rels`` in one update,
        keeping the document's own description and extraction record; write nothing when they are
        already these. Returns (changed, the actors ``rels`` name)."""
        g = ox.NamedNode(iri)
        doc_id = iri.rsplit("/", 1)[-1]
        stated, actors = statement_quads(doc_id, rels)
        old = {q for q in self.quads(iri) if q.subject != g}
        new = set(stated)
        changed = old != new
        if changed:
            self.apply_diff(old - new, new - old)
        return changed, actors


# ---------------------------------------------------------------------------- the registry
# scheme -> "module:function" (imported when first used) or the opener itself. "" is a folder.
_BACKENDS: dict[str, str | Callable[..., Store]] = {
    "": "kg.store:open_oxigraph",
    "sparql+http": "kg.remote:open_remote",
    "sparql+https": "kg.remote:open_remote",
}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):/")


def register_backend(scheme: str, opener: str | Callable[..., Store]) -> None:
    """Open addresses ``scheme://...`` with ``opener(address, create=, read_only=, lock=)``, given
    as the function or as ``"module:function"`` (imported on first use)."""
    _BACKENDS[scheme.lower()] = opener


def scheme_of(address: str | Path) -> str:
    """The registered scheme of a store address, ``""`` for a folder.

    >>> scheme_of("sparql+http:/127.0.0.1:8890/sparql"), scheme_of("kg-store"), scheme_of("c:/x")
    ('sparql+http', '', '')
    """
    # "scheme:/" matches too: a pathlib.Path (typer's --store) collapses "//" to "/".
    m = _SCHEME.match(str(address))
    scheme = m.group(1).lower() if m else ""
    return scheme if scheme in _BACKENDS else ""


def default_store_path() -> Path:
    """The store when none is given: ``$KG_STORE`` or ``./kg-store``."""
    return Path(os.environ.get("KG_STORE", "kg-store"))


def open_store(
    path: str | Path | None = None,
    create: bool = True,
    read_only: bool = False,
    lock: bool = False,
    gazetteer: Gazetteer | None = None,
) -> Store:
    """Open (or create) the store at ``path``; raise :class:`kg.errors.StoreError` with a readable reason.

    ``path`` is a folder (Oxigraph, :mod:`kg.store`) or an address whose scheme a backend was
    registered for (``sparql+http://HOST:PORT/sparql``: :mod:`kg.remote`); default
    :func:`default_store_path`. ``lock=True`` takes the store's write lock so that two builds
    never interleave. ``gazetteer`` describes the actors written (default: kg's own).
    """
    raw = str(path) if path is not None else os.environ.get("KG_STORE", "")
    opener = _BACKENDS[scheme_of(raw)]
    if isinstance(opener, str):
        module, _, name = opener.partition(":")
        opener = getattr(importlib.import_module(module), name)
    target: str | Path = raw if scheme_of(raw) else (Path(path) if path is not None else default_store_path())
    store = opener(target, create=create, read_only=read_only, lock=lock)
    store.gazetteer = gazetteer
    return store
