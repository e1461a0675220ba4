"""The main path: documents -> spaCy -> relations -> store, incremental and streaming.

:func:`build` is what ``kg build`` runs; :func:`extract` is what ``kg extract`` runs. Both read
documents lazily, parse them in batches with ``nlp.pipe`` and never hold the corpus in memory.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.corpus import Document, ReadStats, iter_documents
from kg.extract import Extractor, Relation
from kg.nlp import load_pipeline
from kg.store import KGStore, doc_iri, open_store

PIECE_CHARS = 100_000  # texts longer than this are parsed in pieces cut at paragraph breaks
DEFAULT_BATCH = 32


def split_text(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` into (offset, piece) parts of at most ``limit`` characters, at paragraph,
    line or sentence breaks where possible, so spaCy's max_length never refuses a document.

    >>> [(o, len(p)) for o, p in split_text("a" * 5 + "\\n\\n" + "b" * 5, limit=8)]
    [(0, 7), (7, 5)]
    """
    if len(text) <= limit:
        return [(0, text)]
    parts = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            window = text[start:end]
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > limit // 4:
                    cut += len(sep)
                    break
                cut = -1
            if cut > 0:
                end = start + cut
        parts.append((start, text[start:end]))
        start = end
    return parts


@dataclass
class DocResult:
    document: Document
    relations: list[Relation]
    sentences: int
    words: int


@dataclass
class BuildSummary:
    documents: int = 0  # documents in the input
    parsed: int = 0  # documents (re)parsed in this run
    unchanged: int = 0
    removed: int = 0
    skipped_files: int = 0
    sentences: int = 0
    words: int = 0
    relations: int = 0
    actors: int = 0
    statements_in_store: int = 0
    documents_in_store: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d.pop("warnings")
        return d


class Processor:
    """Parses and extracts; one per process (it holds the spaCy pipeline)."""

    def __init__(self, model: str | None = None):
        self.nlp = load_pipeline(model)
        self.extractor = Extractor()

    def process(self, docs: Iterable[Document], workers: int = 1, batch_size: int = DEFAULT_BATCH) -> Iterator[DocResult]:
        """Parse and extract documents in order; yields one result per document."""

        def pieces():
            for doc in docs:
                parts = split_text(doc.text)
                for n, (offset, text) in enumerate(parts):
                    yield text, (doc, offset, n == len(parts) - 1)

        current: Document | None = None
        rels: list[Relation] = []
        sentences = words = 0
        n_process = max(1, workers)
        for sdoc, (doc, offset, last) in self.nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process):
            if current is not doc:
                current, rels, sentences, words = doc, [], 0, 0
            found = self.extractor.extract(sdoc, doc.date)
            if offset:
                found = [dataclasses.replace(r, start=r.start + offset, end=r.end + offset) for r in found]
            rels.extend(found)
            sentences += sum(1 for _ in sdoc.sents)
            words += sum(1 for t in sdoc if not (t.is_punct or t.is_space))
            if last:
                yield DocResult(doc, rels, sentences, words)
                current = None


def extract(paths: Iterable[str], model: str | None = None, warn=None, stats: ReadStats | None = None,
            workers: int = 1) -> Iterator[DocResult]:
    """Relations of every document under ``paths`` without storing them (``kg extract``)."""
    proc = Processor(model)
    yield from proc.process(iter_documents(paths, warn=warn, stats=stats), workers=workers)


Progress = Callable[[str, dict], None]


def build(
    paths: Iterable[str],
    store_path: str | Path | None = None,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH,
    keep_missing: bool = False,
    warn=None,
    progress: Progress | None = None,
) -> BuildSummary:
    """Build or update the store from the documents under ``paths``; see ``kg build``.

    Unchanged documents (same content hash) are skipped, changed ones replaced, and documents
    no longer in the input removed unless ``keep_missing``. Each document is written in one
    transaction, so an interrupted build leaves whole documents only and the next build
    finishes the rest.
    """
    t0 = time.perf_counter()
    summary = BuildSummary()
    paths = list(paths)
    stats = ReadStats()
    store = open_store(store_path, create=True, lock=True)
    try:
        known = store.document_hashes()
        seen: set[str] = set()

        def todo() -> Iterator[Document]:
            for doc in iter_documents(paths, warn=warn, stats=stats, exclude=[store.path]):
                iri = doc_iri(doc.id)
                if iri in seen:
                    continue  # the same record twice in the input: keep the first
                seen.add(iri)
                summary.documents += 1
                if known.get(iri) == doc.content_hash:
                    summary.unchanged += 1
                    if progress:
                        progress("skip", {"doc": doc.display})
                    continue
                yield doc

        proc = Processor(model)
        for result in proc.process(todo(), workers=workers, batch_size=batch_size):
            n = store.replace_document(result.document, result.relations, result.sentences, result.words)
            summary.parsed += 1
            summary.sentences += result.sentences
            summary.words += result.words
            summary.relations += n
            if progress:
                progress("doc", {"doc": result.document.display, "words": result.words, "relations": n})
        if not keep_missing:
            for iri in set(known) - seen:
                store.remove_document(iri)
                summary.removed += 1
        store.flush()
        summary.skipped_files = stats.skipped
        summary.warnings = stats.warnings
        summary.statements_in_store = store.count("SELECT (COUNT(?s) AS ?n) WHERE { ?s a <https://w3id.org/kg/ontology#Statement> }")
        summary.documents_in_store = store.count("SELECT (COUNT(?d) AS ?n) WHERE { ?d a <https://w3id.org/kg/ontology#Document> }")
        summary.actors = store.count(
            "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?s <https://w3id.org/kg/ontology#subject>|<https://w3id.org/kg/ontology#object> ?a }"
        )
    finally:
        store.close()
    summary.seconds = round(time.perf_counter() - t0, 2)
    return summary
