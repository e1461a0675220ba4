"""The main path: documents -> spaCy -> relations -> store, incremental and streaming.

:func:`build` is what ``kg build`` runs; :func:`extract` is what ``kg extract`` runs. Both read
documents lazily, parse them in batches with ``nlp.pipe`` and never hold the corpus in memory.
"""

from __future__ import annotations

import contextvars
import dataclasses
import datetime as dt
import gc
import json
import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, NamedTuple, Protocol

from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc

from kg.actors import publisher_voice
from kg.backend import Store, open_store
from kg.corpus import (
    DEFAULT_OPTIONS,
    JSON_SUFFIXES,
    SUFFIXES,
    TABLE_SUFFIXES,
    Document,
    ReadOptions,
    ReadStats,
    check_inputs,
    escape_controls,
    iter_documents,
    iter_input_files,
)
from kg.errors import StoreError
from kg.extract import Extractor, Relation
from kg.model import SINGLE_VALUED, actor_graph_quads, doc_iri, node, statement_quads
from kg.nlp import load_pipeline
from kg.ontology import KG

PIECE_CHARS = 100_000  # texts longer than this are parsed in pieces cut at paragraph breaks
# Documents per nlp.pipe batch (spaCy's own default is 256 texts for n_process > 1): news documents
# are long, so a batch of 32 keeps each worker busy while the first documents are written early.
DEFAULT_BATCH = 32
# A document may state at most this many relations: past it the rest of the document is parsed
# (its words and sentences are counted) but not extracted, and a warning names the document. News
# articles state tens; a file stating more is a dump of many documents, and one document is
# written in one transaction, whose size this bounds (about 20 quads per relation).
MAX_RELATIONS = 10_000
LOG_EVERY = 50  # documents between two progress lines when stderr is not a terminal
LOG_SECONDS = 15.0  # ... or seconds, whichever comes first


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
    capped: int = 0  # the relation cap, when the document had more relations: only the first are kept


@dataclass
class BuildSummary:
    """What a build did; ``kg build --json`` prints :meth:`as_dict`."""

    documents: int = 0  # documents in the input
    parsed: int = 0  # documents (re)parsed in this run
    unchanged: int = 0
    removed: int = 0
    skipped_files: int = 0
    undated: int = 0  # documents of the input without a date (none found, no --date)
    sentences: int = 0
    words: int = 0
    relations: int = 0
    actors: int = 0
    statements_in_store: int = 0
    documents_in_store: int = 0
    events_in_store: int = 0  # kg:Event groups of the statements (kg.events), recomputed by every build
    events_seconds: float = 0.0  # time taken to recompute and write them
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    relinked: int = 0  # unchanged documents whose statements a changed actor curation rewrote (kg.curation)

    def as_dict(self) -> dict:
        """The summary without the warning texts (they were printed as they came)."""
        d = dataclasses.asdict(self)
        d.pop("warnings")
        return d


def count_words(sdoc) -> int:
    """Tokens that are neither punctuation nor white space, counted from spaCy's arrays.

    >>> from spacy.lang.en import English
    >>> count_words(English()("The U.S. met Iran, again."))
    5
    """
    from spacy.attrs import IS_PUNCT, IS_SPACE

    if len(sdoc) == 0:
        return 0
    # One C-level array instead of a Python Token object per token.
    flags = sdoc.to_array([IS_PUNCT, IS_SPACE])
    return int(len(sdoc) - (flags.max(axis=1) > 0).sum())


class Processor:
    """Parses and extracts; one per process (it holds the spaCy pipeline).

    ``extractor`` is the :class:`~kg.extract.Extractor` to use (default: one with kg's lexicon),
    so one process can hold several (another lexicon, another language)."""

    def __init__(self, model: str | None = None, extractor: Extractor | None = None, piece_chars: int = PIECE_CHARS):
        self.nlp = load_pipeline(model)
        if WORKER_PIPE not in self.nlp.pipe_names:
            self.nlp.add_pipe(WORKER_PIPE)  # a no-op unless a piece asks for it (multi-process parses)
        self.extractor = extractor if extractor is not None else Extractor()
        self.piece_chars = piece_chars

    def process(
        self,
        docs: Iterable[Document],
        workers: int = 1,
        batch_size: int = DEFAULT_BATCH,
        max_relations: int | None = MAX_RELATIONS,
        on_piece: Callable[[Document, int, int], None] | None = None,
    ) -> Iterator[DocResult]:
        """Parse and extract documents in order; yields one result per document.

        ``workers`` > 1 parses in that many spaCy processes (``nlp.pipe(n_process=...)``), and each
        worker extracts too (:func:`_extract_in_worker`): it sends back the relations and counts,
        not the parsed document, so this process only reads, splits and writes. Results come back
        in input order.

        Memory is bounded by the batch, not by the document: a text longer than ``piece_chars``
        (:data:`PIECE_CHARS`) is parsed in pieces, and empty texts around each piece make it a
        batch of its own. spaCy counts a batch in texts (``batch_size`` of them are parsed and held
        together) and cuts them from the start of the stream, in every worker and component alike:
        so a piece of a long document costs what a normal document of its length costs, whatever
        the length of the whole, and Ctrl-C waits for one piece at most. Relations past
        ``max_relations`` are not extracted (``capped``); ``on_piece(doc, done, total)`` reports
        progress inside a document in pieces.
        """

        pos = 0  # texts given to nlp.pipe so far: its batches are runs of batch_size texts from the start
        n_process = max(1, workers)
        in_worker = n_process > 1
        pending: dict[int, Document] = {}  # documents being parsed, by their number in the stream

        def pieces():
            nonlocal pos
            for seq, doc in enumerate(docs):
                pending[seq] = doc
                parts = split_text(doc.text, self.piece_chars)
                for n, (offset, text) in enumerate(parts):
                    if len(parts) > 1:
                        while pos % batch_size:  # fillers: parsed in microseconds, never read
                            pos += 1
                            yield "", None
                    pos += 1
                    # the context crosses to the worker and back: the piece's place, and what the
                    # worker needs to extract (never the Document, whose text is already sent)
                    job = _Piece(seq, offset, n, len(parts), doc.date, doc.url, doc.title) if in_worker else None
                    yield text, job or (seq, offset, n, len(parts))
                    if len(parts) > 1:
                        while pos % batch_size:
                            pos += 1
                            yield "", None

        current: Document | None = None
        rels: list[Relation] = []
        sentences = words = 0
        capped = 0
        global _WORKER_EXTRACTOR
        _WORKER_EXTRACTOR = self.extractor  # the workers fork from this process when the parse starts
        for sdoc, ctx in self.nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process):
            if ctx is None:
                continue
            if isinstance(ctx, _Parsed):
                seq, offset, n, total = ctx.piece[:4]
                found, n_sents, n_words = ctx.relations, ctx.sentences, ctx.words
            else:
                seq, offset, n, total = ctx
                found = None
                n_sents, n_words = sum(1 for _ in sdoc.sents), count_words(sdoc)
            doc = pending[seq]
            if current is not doc:
                current, rels, sentences, words, capped = doc, [], 0, 0, 0
            if not capped:
                if found is None:
                    found = self.extractor.extract(sdoc, doc.date, voice=publisher_voice(doc.url), headline=doc.title)
                if offset:
                    found = [dataclasses.replace(r, start=r.start + offset, end=r.end + offset) for r in found]
                if max_relations is not None and len(rels) + len(found) > max_relations:
                    found, capped = found[: max_relations - len(rels)], max_relations
                rels.extend(found)
            sentences += n_sents
            words += n_words
            del sdoc  # a long document's pieces are not kept past their extraction
            if total > 1 and on_piece is not None:
                on_piece(doc, n + 1, total)
            if n == total - 1:
                del pending[seq]
                yield DocResult(doc, rels, sentences, words, capped)
                current = None


# ---------------------------------------------------------------------------- extraction in the workers
WORKER_PIPE = "kg_extract"
_WORKER_EXTRACTOR: Extractor | None = None  # set by Processor.process before spaCy forks its workers


class _Piece(NamedTuple):
    """A piece sent to a worker: where it is in the stream, and what extraction needs."""

    seq: int  # the document's number in the stream
    offset: int  # the piece's first character in the document
    n: int  # the piece's number in the document
    total: int  # the document's pieces
    date: dt.date | None
    url: str | None
    title: str | None


@dataclass
class _Parsed:
    """What a worker sends back instead of the parsed piece (see :func:`_extract_in_worker`)."""

    piece: _Piece
    relations: list[Relation]
    sentences: int
    words: int


@Language.component(WORKER_PIPE)
def _extract_in_worker(sdoc: SpacyDoc) -> SpacyDoc:
    """The last pipe of a multi-process parse, run in the worker: extracts the piece's relations
    and returns an empty document whose context carries them with the piece's counts, so the
    worker serialises, and the main process reads back, relations and not a parse. A piece of a
    one-process parse carries no :class:`_Piece` and passes through untouched."""
    job = sdoc._context
    if not isinstance(job, _Piece) or _WORKER_EXTRACTOR is None:
        return sdoc
    found = _WORKER_EXTRACTOR.extract(sdoc, job.date, voice=publisher_voice(job.url), headline=job.title)
    out = SpacyDoc(sdoc.vocab)
    out._context = _Parsed(job, found, sum(1 for _ in sdoc.sents), count_words(sdoc))
    return out


def extract(
    paths: Iterable[str],
    model: str | None = None,
    warn=None,
    stats: ReadStats | None = None,
    workers: int = 1,
    read_options: ReadOptions = DEFAULT_OPTIONS,
) -> Iterator[DocResult]:
    """Relations of every document under ``paths`` without storing them (``kg extract``).

    ``read_options`` (:class:`kg.corpus.ReadOptions`): column mapping, default date, symlinks;
    a mapping the input cannot take raises :class:`kg.corpus.InputError` before anything is read.
    """
    paths = list(paths)
    check_inputs(paths, read_options)
    proc = Processor(model)
    # no cap: nothing is written in one transaction, and each relation is printed as it comes
    yield from proc.process(
        iter_documents(paths, warn=warn, stats=stats, options=read_options), workers=workers, max_relations=None
    )


# ---------------------------------------------------------------------------- build engines
class Engine(Protocol):
    """What parses and extracts for :func:`build`: called with the documents to parse (a lazy
    stream), it gives one :class:`DocResult` per document, in any order, as they are done.

    ``reads_aliases`` says whether its parser reads the user's alias lines (the gazetteer of
    this process, where :meth:`kg.curation.Curation.installed` puts them). The build still reads,
    checks hashes and writes every document itself. Two engines: :class:`LocalEngine` and
    :class:`kg.distributed.DaskEngine`.
    """

    reads_aliases: ClassVar[bool]

    def __call__(self, docs: Iterable[Document]) -> Iterator[DocResult]: ...

    def interrupted(self) -> None:
        """Called when a signal stopped the build while it was parsing."""


@dataclass
class LocalEngine:
    """Parse on this machine: ``workers`` spaCy processes (``nlp.pipe(n_process=...)``), batches
    of ``batch_size`` documents, the spaCy pipeline ``model`` (:func:`kg.nlp.load_pipeline`) and
    ``extractor`` (default: kg's lexicon)."""

    model: str | None = None
    workers: int = 1
    batch_size: int = DEFAULT_BATCH
    extractor: Extractor | None = None
    max_relations: int | None = MAX_RELATIONS  # per document (:data:`MAX_RELATIONS`); None: no cap
    on_piece: Callable[[Document, int, int], None] | None = None  # progress inside a long document
    reads_aliases: ClassVar[bool] = True

    def __call__(self, docs: Iterable[Document]) -> Iterator[DocResult]:
        proc = Processor(self.model, self.extractor)  # loaded now: a missing model fails before any parsing
        return self._run(proc, docs)

    def _run(self, proc: Processor, docs: Iterable[Document]) -> Iterator[DocResult]:
        token = _FORKING_BUILD.set(self.workers > 1)
        try:
            with _collect_less() as freeze:
                results = proc.process(
                    docs,
                    workers=self.workers,
                    batch_size=self.batch_size,
                    max_relations=self.max_relations,
                    on_piece=self.on_piece,
                )
                for n, result in enumerate(results):
                    if n == 0:  # the pipeline, the gazetteer and the lexicon are loaded by now
                        freeze()
                    yield result
        finally:
            _FORKING_BUILD.reset(token)

    def interrupted(self) -> None:
        if self.workers > 1:
            _abandon_worker_queues()


# Objects allocated between two collections of the youngest generation (Python's default: 700).
# Parsing and extracting allocate millions of short-lived objects, and each collection also walks
# the ones that survive it; 10,000 made a third fewer collections' work on 120 releases.
GC_YOUNG = 10_000


@contextmanager
def _collect_less() -> Iterator[Callable[[], None]]:
    """Collect garbage less often while the parse runs: the youngest generation is collected
    every :data:`GC_YOUNG` allocations, and what the function given freezes (``gc.freeze``: the
    pipeline, gazetteer and lexicon, loaded for good) is no longer walked by every full
    collection. Both are undone on leaving; a process that froze objects itself is left to it."""
    threshold = gc.get_threshold()
    ours = gc.get_freeze_count() == 0
    frozen = False

    def freeze() -> None:
        nonlocal frozen
        if ours and not frozen:
            gc.freeze()
            frozen = True

    gc.set_threshold(max(GC_YOUNG, threshold[0]), *threshold[1:])
    try:
        yield freeze
    finally:
        gc.set_threshold(*threshold)
        if frozen:
            gc.unfreeze()


# ---------------------------------------------------------------------------- input size
def _rows_in(path: Path, suffix: str) -> int | None:
    """The rows under a table's header (a cell may hold line breaks: the csv module counts)."""
    import csv

    try:
        if path.stat().st_size > 200_000_000:
            return None
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            csv.field_size_limit(path.stat().st_size + 1)
            rows = csv.reader(fh, dialect="excel-tab" if suffix in (".tsv", ".tab") else "excel")
            return max(sum(1 for row in rows if row) - 1, 0)
    except (OSError, csv.Error):
        return 0  # the reader will warn about it


def count_documents(paths: Iterable[str], exclude: Iterable[str | Path] = ()) -> int | None:
    """A cheap count of the documents under ``paths`` for the progress bar, or None if unknown.

    Counts files by suffix and the non-blank lines of JSON Lines files without parsing them,
    so a malformed record is still counted: the number is a progress total, not a promise.
    """
    if any(str(p) == "-" for p in paths):
        return None
    total = 0
    # the same walk the reader makes, without pipes or devices: counting never blocks
    for path in iter_input_files(paths, exclude=exclude):
        if path.suffix.lower() not in SUFFIXES:
            continue
        n = _records_in(path)
        if n is None:
            return None
        total += n
    return total


def _records_in(path: Path) -> int | None:
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return _rows_in(path, suffix)
    if suffix not in JSON_SUFFIXES:
        return 1
    try:
        if suffix == ".json":
            if path.stat().st_size > 50_000_000:
                return None
            data = json.loads(path.read_bytes())
            if isinstance(data, dict) and isinstance(data.get("items"), list):
                data = data["items"]
            return len(data) if isinstance(data, list) else 1
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    except (OSError, ValueError, RecursionError):
        return 0  # the reader will warn about it


# ---------------------------------------------------------------------------- signals
class BuildInterrupted(KeyboardInterrupt):
    """The build stopped on Ctrl-C (SIGINT) or SIGTERM; every document written so far is whole.

    ``summary`` holds the counts up to the interruption; ``signum`` the signal received.
    """

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
        self.summary: BuildSummary | None = None


class _SignalGuard:
    """Turns SIGINT/SIGTERM into :class:`BuildInterrupted`, but never inside a document write.

    A signal that arrives while a document is being written (old graph removed, new one added) is
    held until the write is done, so Ctrl-C and ``kill`` never leave a document out. Only SIGKILL or
    a power cut can fall between the two store operations; the document is then absent (not
    half-written), its content hash is gone with it, and the next build parses it again.
    """

    def __init__(self) -> None:
        self.owner = os.getpid()
        self.critical = False
        self.pending: int | None = None
        self.previous: dict[int, object] = {}

    def _handle(self, signum, frame) -> None:
        if os.getpid() != self.owner:
            # A spaCy worker forked from the build: the build process coordinates the stop.
            os._exit(128 + signum)
        if self.critical:
            self.pending = signum
            return
        self._stop(signum)

    def _stop(self, signum: int) -> None:
        import multiprocessing

        # SIGTERM reaches only this process: stop the parser workers so nlp.pipe's clean-up
        # does not wait for them to finish their batches.
        for child in multiprocessing.active_children():
            child.terminate()
        # ... and spaCy's "not all workers completed" warning says nothing new then.
        warnings.filterwarnings("ignore", message=r"\[W127\]")
        raise BuildInterrupted(signum)

    @contextmanager
    def write(self) -> Iterator[None]:
        """A section that signals do not interrupt (they take effect right after it)."""
        self.critical = True
        try:
            yield
        finally:
            self.critical = False
        if self.pending is not None:
            signum, self.pending = self.pending, None
            self._stop(signum)

    def install(self) -> None:
        for signum in (signal.SIGINT, signal.SIGTERM):
            self.previous[signum] = signal.signal(signum, self._handle)

    def restore(self) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
        self.previous.clear()


# True in the thread (and context) of a local engine parsing with worker processes. A context
# variable, not a global: a child forked elsewhere, or by another thread's build, is left alone.
_FORKING_BUILD: contextvars.ContextVar[bool] = contextvars.ContextVar("kg_forking_build", default=False)


def _in_forked_worker() -> None:
    """Runs in every child forked while a build parses (spaCy's ``n_process`` workers)."""
    if not _FORKING_BUILD.get():
        return
    try:  # Linux: the worker gets SIGTERM (and exits, see _SignalGuard) when the build dies,
        import ctypes  # even by SIGKILL, instead of waiting for input forever.

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_in_forked_worker)


def _abandon_worker_queues() -> None:
    """After an interruption, let the process exit without flushing nlp.pipe's input queues.

    Their feeder threads may be blocked writing texts to a worker that is gone (the pipe's read
    end is still open in this process, so the write never fails); by default the interpreter
    waits for them at exit, forever.
    """
    import gc
    import multiprocessing.queues

    for obj in gc.get_objects():
        if isinstance(obj, multiprocessing.queues.Queue):
            obj.cancel_join_thread()


# ---------------------------------------------------------------------------- progress
Progress = Callable[[str, dict], None]


class LogProgress:
    """Progress as plain lines on ``stream``: one every :data:`LOG_EVERY` documents or
    :data:`LOG_SECONDS` seconds, for logs and pipes (no terminal)."""

    def __init__(self, stream=None, every: int = LOG_EVERY, seconds: float = LOG_SECONDS):
        self.stream = stream if stream is not None else sys.stderr
        self.every, self.seconds = every, seconds
        self.total: int | None = None
        self.done = self.parsed = self.unchanged = self.words = 0
        self.t0 = self.last = time.monotonic()

    def __call__(self, event: str, info: dict) -> None:
        if event == "start":
            self.total = info.get("total")
            self.t0 = self.last = time.monotonic()
            return
        if event == "removed":
            self._line(f"{info['count']} document(s) no longer in the input removed")
            return
        if event == "piece":  # inside a long document: a line every LOG_SECONDS
            now = time.monotonic()
            if now - self.last >= self.seconds:
                self.last = now
                self._line(
                    f"{escape_controls(info['doc'])}: {info['done']}/{info['total']} pieces of a long document, "
                    f"{self.status(now)}"
                )
            return
        if event not in ("doc", "skip"):
            return
        self.done += 1
        if event == "doc":
            self.parsed += 1
            self.words += info.get("words", 0)
        else:
            self.unchanged += 1
        now = time.monotonic()
        if self.done % self.every == 0 or now - self.last >= self.seconds:
            self.last = now
            self._line(self.status(now))

    def status(self, now: float | None = None) -> str:
        """``120/2031 documents (100 parsed, 20 unchanged), 2950 words/s, 41 s, ETA 9 min``."""
        now = time.monotonic() if now is None else now
        elapsed = max(now - self.t0, 1e-9)
        of = f"/{self.total}" if self.total and self.total >= self.done else ""
        text = (
            f"{self.done}{of} documents ({self.parsed} parsed, {self.unchanged} unchanged), "
            f"{self.words / elapsed:.0f} words/s, {elapsed:.0f} s"
        )
        if self.total and self.parsed and self.total > self.done:
            eta = (self.total - self.done) * elapsed / self.done
            text += f", ETA {eta / 60:.0f} min" if eta >= 120 else f", ETA {eta:.0f} s"
        return text

    def _line(self, text: str) -> None:
        print(f"kg build: {text}", file=self.stream, flush=True)

    def close(self) -> None:
        pass


class RichProgress:
    """A progress bar on a terminal: documents done/total (or a pulsing bar when the total is
    unknown), words per second, elapsed time and ETA."""

    def __init__(self, console=None):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self.console = console or Console(stderr=True)
        self.bar = Bar(
            SpinnerColumn(),
            TextColumn("building"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[wps]} words/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.task = None
        self.words = 0
        self.t0 = time.monotonic()

    def __call__(self, event: str, info: dict) -> None:
        if event == "start":
            self.bar.start()
            self.t0 = time.monotonic()
            self.task = self.bar.add_task("build", total=info.get("total"), wps="-")
        elif event in ("doc", "skip") and self.task is not None:
            self.words += info.get("words", 0)
            wps = self.words / max(time.monotonic() - self.t0, 1e-9)
            self.bar.update(self.task, advance=1, wps=f"{wps:,.0f}")
        elif event == "removed":
            self.console.print(f"{info['count']} document(s) no longer in the input removed")
        elif event == "piece" and self.task is not None:
            pct = 100 * info["done"] // info["total"]
            self.bar.update(self.task, wps=f"{info['doc']} {pct}%,")

    def close(self) -> None:
        self.bar.stop()


def make_progress(quiet: bool = False, stream=None) -> LogProgress | RichProgress | None:
    """The progress reporter ``kg build`` uses: a bar on a terminal, log lines otherwise,
    nothing with ``quiet``."""
    stream = stream if stream is not None else sys.stderr
    if quiet:
        return None
    if getattr(stream, "isatty", lambda: False)():
        return RichProgress()
    return LogProgress(stream)


# ---------------------------------------------------------------------------- build
_SEEN = ""


def _warn_stderr(msg: str) -> None:
    print(f"warning: {msg}", file=sys.stderr)


# marks a document of this run in the known-hash dict (no content hash is empty)


def build(
    paths: Iterable[str],
    store_path: str | Path | None = None,
    engine: Engine | None = None,
    keep_missing: bool = False,
    warn=None,
    progress: Progress | None = None,
    handle_signals: bool = True,
    actors: str | Path | None = None,
    read_options: ReadOptions = DEFAULT_OPTIONS,
) -> BuildSummary:
    """Build or update the store from the documents under ``paths``; see ``kg build``.

    ``read_options`` (:class:`kg.corpus.ReadOptions`) maps CSV columns and JSON keys, dates the
    documents that have no date and follows symlinks out of the input; a mapping the input cannot
    take raises :class:`kg.corpus.InputError` before the store is opened.

    Unchanged documents (same content hash) are skipped, changed ones replaced, and documents
    no longer in the input removed unless ``keep_missing``. Each document is written whole, so an
    interrupted build leaves whole documents only and the next build finishes the rest.

    ``engine`` parses and extracts (:class:`Engine`; default :class:`LocalEngine`, one process;
    :class:`kg.distributed.DaskEngine` parses on Dask workers); this process still reads, checks
    hashes and writes every document. ``progress(event, info)`` is called with ``start``
    (``total``: estimated documents or None), ``skip`` and ``doc`` (``doc``, ``words``,
    ``relations``) per document, ``piece`` (``doc``, ``done``, ``total``) inside a document parsed
    in pieces (local engine), and ``removed`` (``count``). A document with more relations than the
    engine's cap (:data:`MAX_RELATIONS`) keeps the first ones, with a warning naming it. With
    ``handle_signals`` (main
    thread only), SIGINT and SIGTERM raise :class:`BuildInterrupted` between two document writes.
    The store's lock refuses a second build of the same store (:class:`kg.errors.StoreLocked`).

    ``actors`` is a user actor file (:mod:`kg.curation`), checked before the store is touched and
    copied into the store folder, where later builds and :func:`relink` find it; without it the
    copy kept there is used. Relations are curated before they are written; when the curation
    changed since the store was last written, the unchanged documents are relinked (their
    statements rewritten from their extraction records, nothing parsed), and the documents whose
    text contains an alias that changed are parsed again.
    """
    from kg import curation

    t0 = time.perf_counter()
    engine = engine if engine is not None else LocalEngine()
    if progress and isinstance(engine, LocalEngine) and engine.on_piece is None:

        def on_piece(doc: Document, done: int, total: int) -> None:
            progress("piece", {"doc": doc.display, "done": done, "total": total})

        engine = dataclasses.replace(engine, on_piece=on_piece)
    summary = BuildSummary()
    paths = list(paths)
    cur = curation.load(actors) if actors is not None else None
    check_inputs(paths, read_options, exclude=[Path(store_path)] if store_path is not None else [])
    stats = ReadStats()
    guard = _SignalGuard() if handle_signals and threading.current_thread() is threading.main_thread() else None
    if guard is not None:
        guard.install()
    store: Store | None = None
    installed = None
    try:
        store = open_store(store_path, create=True, lock=True)
        # The only state kept per document: IRI -> content hash of the stored version, or
        # _SEEN once the document has been met in this run. Documents stream through.
        known = store.document_hashes()
        # users' actor curation (kg.curation): the file given, else the copy kept with the store
        folder = store.folder
        if cur is None:
            cur = curation.for_store(folder) if folder is not None else curation.EMPTY
        elif folder is not None:
            curation.keep(cur, actors, folder)
        state = curation.read_state(folder) if folder is not None else {"applied": "", "aliases_read": set()}
        stale = folder is not None and bool(known) and cur.digest != state["applied"]
        read_aliases = store.aliases_read() if folder is not None else {}
        unrecorded = store.without_extraction() if folder is not None and cur else set()
        aliases_known = engine.reads_aliases
        installed = cur.installed()
        installed.__enter__()  # the parser reads the alias lines (left in the finally clause)

        def todo() -> Iterator[Document]:
            for doc in iter_documents(paths, warn=warn, stats=stats, exclude=[store.path], options=read_options):
                iri = doc_iri(doc.id)
                stored = known.get(iri)
                if stored == _SEEN:
                    continue  # the same record twice in the input: keep the first
                known[iri] = _SEEN
                summary.documents += 1
                if stored == doc.content_hash and (
                    iri in unrecorded or (aliases_known and cur.aliases_in(doc.text) != read_aliases.get(iri, set()))
                ):
                    stored = None  # read with other aliases, or without the record relink needs: parse again
                if stored == doc.content_hash:
                    summary.unchanged += 1
                    if progress:
                        progress("skip", {"doc": doc.display})
                    continue
                yield doc

        results = engine(todo())  # the local engine loads its spaCy pipeline here, before the first document
        if progress:
            progress("start", {"total": count_documents(paths, exclude=[store.path])})
        writing = guard.write if guard is not None else nullcontext
        for result in results:
            if result.capped:
                message = (
                    f"{escape_controls(result.document.display)}: more than {result.capped:,} relations in one "
                    f"document; the first {result.capped:,} kept (split the file into its documents)"
                )
                stats.warnings.append(message)
                (warn or _warn_stderr)(message)
            rels = cur.apply(result.relations, doc=doc_iri(result.document.id))
            record = (
                {
                    "extracted": result.relations,
                    "aliases": cur.aliases_in(result.document.text) if aliases_known else (),
                }
                if folder is not None
                else {}
            )
            with writing():
                n = store.replace_document(result.document, rels, result.sentences, result.words, **record)
            summary.parsed += 1
            summary.sentences += result.sentences
            summary.words += result.words
            summary.relations += n
            if progress:
                progress("doc", {"doc": result.document.display, "words": result.words, "relations": n})
        if not keep_missing:
            for iri in [iri for iri, h in known.items() if h != _SEEN]:
                with writing():
                    store.remove_document(iri)
                summary.removed += 1
            if summary.removed and progress:
                progress("removed", {"count": summary.removed})
        if stale:  # documents stored under another curation: re-applied without parsing
            summary.relinked = _relink_store(store, cur, writing).rewritten
        # Events (kg.events) are derived from all statements: recomputed after every build and
        # removal and written in one transaction; a signal waits for it, as for a document write.
        from kg.events import refresh as refresh_events

        with writing():
            grouped = refresh_events(store)
        summary.events_in_store, summary.events_seconds = grouped.events, grouped.seconds
        store.flush()
        if folder is not None:
            # every document in the input was checked for the alias lines (the dask parser knows none)
            read = curation.alias_pairs(cur) if aliases_known else set()
            if keep_missing:
                read &= state["aliases_read"]
            curation.write_state(folder, cur.digest, read)
        summary.skipped_files = stats.skipped
        summary.undated = stats.undated
        summary.warnings = stats.warnings
        summary.statements_in_store = store.count("SELECT (COUNT(?s) AS ?n) WHERE { ?s a kg:Statement }")
        summary.documents_in_store = store.count("SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }")
        summary.actors = store.count("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?s kg:subject|kg:object ?a }")
    except BuildInterrupted as exc:
        engine.interrupted()
        summary.seconds = round(time.perf_counter() - t0, 2)
        summary.skipped_files = stats.skipped
        exc.summary = summary
        raise
    finally:
        try:
            if installed is not None:
                installed.__exit__(None, None, None)
            if store is not None:
                store.close()  # flushes and releases the lock, also on Ctrl-C / SIGTERM
        finally:
            if guard is not None:
                guard.restore()
    summary.seconds = round(time.perf_counter() - t0, 2)
    return summary


# ---------------------------------------------------------------------------- relink
@dataclass
class RelinkSummary:
    """What :func:`relink` did; ``kg relink --json`` prints :meth:`as_dict`."""

    documents: int = 0  # documents in the store
    rewritten: int = 0  # documents whose statements changed
    relations: int = 0  # relations as extracted
    statements: int = 0  # statements written (curated relations)
    unrecorded: int = 0  # documents stored without an extraction record, left as they are
    actor_quads_added: int = 0
    actor_quads_removed: int = 0
    new_aliases: list[str] = field(
        default_factory=list
    )  # alias forms the parser did not know when the documents were read
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def relink(
    store_path: str | Path | None = None, actors: str | Path | None = None, handle_signals: bool = True
) -> RelinkSummary:
    """Re-apply the users' actor curation to a built store without parsing anything (``kg relink``).

    ``actors`` (a user actor file, :mod:`kg.curation`) replaces the copy kept in the store folder;
    without it, that copy is used (no copy: kg's own actors). Every document's statements are
    recomputed from its extraction record (the relations as extracted) and rewritten in one
    transaction when they changed; the shared actors graph is then recomputed from all of them,
    as a fresh build with this file would write it. Takes the store's write lock; SIGINT and
    SIGTERM wait for the write in progress (:class:`BuildInterrupted`), and running the command
    again finishes the work.
    """
    from kg import curation

    t0 = time.perf_counter()
    cur = curation.load(actors) if actors is not None else None  # checked before the store is touched
    guard = _SignalGuard() if handle_signals and threading.current_thread() is threading.main_thread() else None
    if guard is not None:
        guard.install()
    store = None
    try:
        store = open_store(store_path, create=False, lock=True)
        folder = store.folder
        if folder is None:
            raise StoreError("kg relink works on a kg store folder; for a SPARQL endpoint run kg build --actors FILE")
        if cur is None:
            cur = curation.for_store(folder)
        else:
            curation.keep(cur, actors, folder)
        writing = guard.write if guard is not None else nullcontext
        summary = _relink_store(store, cur, writing)
        _refresh_derived(store, writing)
        store.flush()
        read = curation.read_state(folder)["aliases_read"]
        curation.write_state(folder, cur.digest, read)
        summary.new_aliases = sorted({pair.split("\t")[0] for pair in curation.alias_pairs(cur) - read})
    except BuildInterrupted as exc:
        exc.summary = None
        raise
    finally:
        try:
            if store is not None:
                store.close()
        finally:
            if guard is not None:
                guard.restore()
    summary.seconds = round(time.perf_counter() - t0, 2)
    return summary


def _relink_store(store: Store, cur, writing) -> RelinkSummary:
    """Rewrite every document's statements from its extraction record under ``cur``, then the
    shared actors graph. The store is never half-written: new actor descriptions are added first,
    each document is replaced in one transaction, and stale descriptions go last."""
    summary = RelinkSummary()
    plan: list[tuple[str, list]] = []
    described: list = []
    kept_actors: set[str] = set()
    with cur.installed():  # alias forms are alternative labels, as in a build with this file
        for iri, _key in store.documents():
            summary.documents += 1
            raw = store.extraction(iri)
            if raw is None:  # stored by a kg that kept no record: its statements stay as they are
                summary.unrecorded += 1
                kept_actors.update(store.actors_named(iri))
                continue
            rels = cur.apply(raw, doc=iri)
            summary.relations += len(raw)
            summary.statements += len(rels)
            plan.append((iri, rels))
            described.append(statement_quads(iri.rsplit("/", 1)[-1], rels)[1].values())  # as the store describes them
        old = store.actor_graph()
        new = actor_graph_quads(described, current=old, gazetteer=store.gazetteer)
    if kept_actors:  # descriptions of the actors that unrecorded documents name stay as they are
        kept_actors |= {
            str(q.object.value)
            for q in old
            if str(q.subject.value) in kept_actors and q.predicate in (node(KG.country), node(KG.partOf))
        }
        keep = {q for q in old if str(q.subject.value) in kept_actors}
        single = {(q.subject, q.predicate) for q in keep if q.predicate in SINGLE_VALUED}
        new = keep | {q for q in new if (q.subject, q.predicate) not in single}
    has_value = {(q.subject, q.predicate) for q in old if q.predicate in SINGLE_VALUED}
    first = {q for q in new - old if (q.subject, q.predicate) not in has_value}  # nothing described twice
    with writing():
        store.apply_diff((), first)
    for iri, rels in plan:
        with writing():
            changed, _ = store.restate(iri, rels)
        summary.rewritten += changed
    with writing():
        store.apply_diff(old - new, (new - old) - first)
    summary.actor_quads_added = len(new - old)
    summary.actor_quads_removed = len(old - new)
    return summary


def _refresh_derived(store: Store, writing) -> None:
    """Data derived from all statements (kg.events) follows a relink as it follows a build."""
    from kg.events import refresh

    with writing():
        refresh(store)


def relink_open(store: Store, cur) -> RelinkSummary:
    """Re-apply the curation ``cur`` to a store already open, without the lock or the state file:
    ``kg serve`` does this to its in-memory copy, so a review shows at once and the built store is
    never rewritten."""
    summary = _relink_store(store, cur, nullcontext)
    _refresh_derived(store, nullcontext)
    return summary
