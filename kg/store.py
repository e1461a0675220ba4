"""The Oxigraph store: the default :class:`kg.backend.Store`, an RDF dataset on disk in a folder.

The store is Oxigraph (RocksDB on disk), opened with pyoxigraph; ``KGStore.dataset`` offers the
same store to rdflib code through the ``oxrdflib`` plugin, and SPARQL runs in Oxigraph's engine.
The folder holds ``kg-store.json`` (the store format), ``oxigraph/`` (the data), ``kg.lock``
(the write lock) and the files the pipeline keeps beside the data (``actors.tsv``). Layout of
the data: :mod:`kg.model` (a named graph per document, a shared actors graph).

A document is written in one Oxigraph transaction, so a store never holds half a document.
"""

from __future__ import annotations

import fcntl
import json
import os
import queue
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import Dataset

from kg.backend import Answer, Solutions, Store, Term, Triples, default_store_path, open_store
from kg.errors import QueryError, StoreError, StoreLocked
from kg.model import (  # noqa: F401  (re-exported: kg.store was their home)
    ACTORS_G,
    ALT,
    LABEL,
    SINGLE_VALUED,
    A,
    actor_graph_quads,
    actor_quads_for,
    doc_iri,
    document_quads,
    extraction_literal,
    node,
    read_extraction,
    statement_iri,
    statement_quads,
)

if TYPE_CHECKING:  # the store never parses text: it only needs these types' names
    from kg.corpus import Document
    from kg.extract import Relation

__all__ = ["KGStore", "StoreError", "StoreLocked", "default_store_path", "memory_store", "open_oxigraph", "open_store"]

STORE_FORMAT = 1
MARKER = "kg-store.json"
ROWS_PER_BATCH = 512  # rows a timed query's reader hands over at a time


class KGStore(Store):
    """A kg store in a folder, on Oxigraph. Open it with :func:`kg.backend.open_store`.

    ``ox`` is the pyoxigraph ``Store`` itself (this backend's engine, for code that wants
    pyoxigraph's own API); ``dataset`` the same data as an rdflib ``Dataset``.
    """

    def __init__(self, path: Path, inner: ox.Store, read_only: bool, lock_fh=None):
        self.path = path
        self.ox = inner
        self.read_only = read_only
        self._lock_fh = lock_fh
        self.dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)

    @property
    def folder(self) -> Path:
        return self.path

    def close(self) -> None:
        if isinstance(self.ox, _Closed):
            return
        try:
            if not self.read_only:
                self.ox.flush()
        except Exception:
            pass
        self.dataset.close()
        # Oxigraph releases its files when the last reference to its Store goes: drop ours, so
        # that a closed KGStore still held by a variable does not keep the folder open.
        self.ox = _Closed(self.path)
        if self._lock_fh is not None:
            try:
                _LOCK_FILES.discard(self._lock_fh)
                fcntl.flock(self._lock_fh, fcntl.LOCK_UN)
                self._lock_fh.close()
            finally:
                self._lock_fh = None

    # ------------------------------------------------------------------ reading
    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Term] | None = None,
        prefixes: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> Answer:
        subs = {ox.Variable(k.lstrip("?$")): v for k, v in bindings.items()} if bindings else None

        def run():
            return self.ox.query(
                sparql, prefixes=dict(prefixes or {}), use_default_graph_as_union=True, substitutions=subs
            )

        if timeout is None:
            try:
                return _answer(run())
            except Exception as exc:
                raise _query_error(exc, subs) from None
        return _timed(run, timeout, subs)

    def update(self, sparql: str, *, prefixes: Mapping[str, str] | None = None) -> None:
        try:
            self.ox.update(sparql, prefixes=dict(prefixes or {}))
        except SyntaxError as exc:
            raise QueryError(f"malformed update: {_first_line(exc)}") from None
        except OSError as exc:
            raise QueryError(f"update failed: {_first_line(exc)}") from None

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        if graph is None:
            return iter(self.ox)
        return self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))

    def dump(self, output=None, format: ox.RdfFormat = ox.RdfFormat.N_QUADS, *, prefixes=None):
        kw = {"prefixes": dict(prefixes)} if prefixes else {}
        return self.ox.dump(output, format, **kw)

    def __len__(self) -> int:
        return len(self.ox)

    def document_hashes(self) -> dict[str, str]:
        rows = self.select("SELECT ?d ?h WHERE { GRAPH ?d { ?d kg:contentHash ?h } }")
        return {str(row[0].value): row[1].value for row in rows}

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
        rels = list(rels)
        quads, actor_quads = document_quads(
            doc, rels, sentences, words, extracted=extracted, aliases=aliases, gazetteer=self.gazetteer
        )
        # rdfs:label, kg:country and kg:isoCode take one value per actor (shapes.ttl): the first
        # description written wins, so a name spelt differently in a later document (same IRI)
        # cannot give an actor a second label.
        taken: set[tuple[str, str]] = set()
        kept: list[ox.Quad] = []
        for q in actor_quads:
            if q.predicate in SINGLE_VALUED:
                key = (str(q.subject), str(q.predicate))
                if key in taken or next(self.ox.quads_for_pattern(q.subject, q.predicate, None, ACTORS_G), None):
                    continue
                taken.add(key)
            elif q in self.ox:
                # most of an actor's description (its types and alternative labels) is already
                # there: a lookup costs a third of writing the quad again (0.4 s of 1.4 s on 250
                # releases, whose actor quads repeat 11 times over)
                continue
            kept.append(q)
        actor_quads = kept
        g = node(doc_iri(doc.id))
        self.ox.remove_graph(g) if self.ox.contains_named_graph(g) else None
        # One transaction: the document, its statements and the actors they need.
        self.ox.extend(quads + actor_quads)
        return len(rels)

    def remove_document(self, iri: str) -> None:
        g = ox.NamedNode(iri)
        if self.ox.contains_named_graph(g):
            self.ox.remove_graph(g)

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> int:
        """Only the quads that changed are written: removals and additions in one SPARQL Update
        (one transaction), or, when quads are only added, one ``Store.extend`` (also one
        transaction, and several times faster than parsing ``INSERT DATA``)."""
        old = set(self.quads(graph))
        new = set(quads)
        gone, added = old - new, new - old
        if gone:
            self.apply_diff(gone, added)
        elif added:
            self.ox.extend(added)
        return len(gone) + len(added)

    def flush(self) -> None:
        self.ox.flush()


class _Closed:
    """Stands for the pyoxigraph Store of a closed KGStore: any use is a StoreError."""

    def __init__(self, path: Path):
        self.path = path

    def __getattr__(self, name: str):
        raise StoreError(f"store {self.path} is closed")

    def __iter__(self):
        raise StoreError(f"store {self.path} is closed")

    def __len__(self) -> int:
        raise StoreError(f"store {self.path} is closed")


def memory_store(quads: Iterable[ox.Quad] = (), path: str | Path = "memory") -> KGStore:
    """A :class:`KGStore` held in memory (nothing on disk, no lock), holding ``quads``: a copy a
    reader may rewrite without touching the store it came from (``kg serve``). ``path`` names it in
    messages; its ``folder`` is that path, the folder it was copied from."""
    inner = ox.Store()
    inner.bulk_extend(quads)
    return KGStore(Path(path), inner, read_only=False)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__


def _query_error(exc: BaseException, subs: dict | None) -> QueryError:
    if isinstance(exc, QueryError):
        return QueryError(str(exc))
    if isinstance(exc, SyntaxError):
        return QueryError(f"malformed query: {_first_line(exc)}")
    if "SELECT projection" in str(exc) and subs:  # Oxigraph binds only projected variables
        names = " ".join("?" + v.value for v in sorted(subs, key=lambda v: v.value))
        return QueryError(f"a bound parameter must appear in the SELECT clause: add {names} to it")
    return QueryError(f"query failed: {_first_line(exc)}")


def _answer(res) -> Answer:
    if isinstance(res, (bool, ox.QueryBoolean)):
        return bool(res)
    if isinstance(res, ox.QuerySolutions):
        return Solutions(res.variables, res)
    return Triples(res)


def _timed(run, timeout: float, subs: dict | None) -> Answer:
    """Run a query on a reader thread and hand its rows over in batches, stopping everything at
    ``timeout`` seconds from now with a :class:`QueryError`.

    Oxigraph releases the GIL while it evaluates, so the caller can wait on the reader with a
    timeout; on timeout (or when the caller closes the answer) the reader stops at its next row.
    """
    import time

    deadline = time.monotonic() + timeout
    box: queue.Queue = queue.Queue(maxsize=4)
    stop = threading.Event()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                box.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            res = run()
            if isinstance(res, (bool, ox.QueryBoolean)):
                put(("ask", bool(res)))
                return
            put(("select", list(res.variables)) if isinstance(res, ox.QuerySolutions) else ("graph", None))
            batch: list = []
            for item in res:
                if stop.is_set():
                    return
                batch.append(item)
                if len(batch) >= ROWS_PER_BATCH:
                    if not put(("rows", batch)):
                        return
                    batch = []
            if batch:
                put(("rows", batch))
            put(("end", None))
        except Exception as exc:
            # Only the message crosses over: the exception would tie the reader's frames (and
            # the store) to the caller's traceback.
            put(("error", str(_query_error(exc, subs))))

    def take():
        left = deadline - time.monotonic()
        try:
            kind, value = box.get(timeout=max(left, 0.0))
        except queue.Empty:
            stop.set()
            raise QueryError(
                f"query stopped by the {timeout:g} s timeout; narrow it (LIMIT, filters) or raise --timeout"
            ) from None
        if kind == "error":
            stop.set()
            raise QueryError(value)
        return kind, value

    threading.Thread(target=read, name="kg-query", daemon=True).start()
    kind, value = take()
    if kind == "ask":
        return value

    def rows() -> Iterator:
        while True:
            k, v = take()
            if k == "end":
                return
            yield from v

    if kind == "select":
        return Solutions([ox.Variable(v.value) for v in value], rows(), close=stop.set)
    return Triples(rows(), close=stop.set)


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


def open_oxigraph(path: str | Path, create: bool = True, read_only: bool = False, lock: bool = False) -> KGStore:
    """Open (or create) the store folder ``path``; raise :class:`StoreError` with a readable reason.

    ``lock=True`` takes the store's write lock so that two builds never interleave. Callers use
    :func:`kg.backend.open_store`, which picks this backend for a folder.
    """
    path = Path(path)
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
    return KGStore(path, inner, read_only=read_only, lock_fh=lock_fh)
