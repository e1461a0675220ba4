"""Distributed extraction: documents parsed on Dask workers, written by the client.

``kg build DIR --engine dask [--scheduler tcp://HOST:PORT] [--partitions N]`` runs the same
build as the local engine (:func:`kg.pipeline.build` does the reading, hash checks, removal of
missing documents and the writing), but hands the parsing to Dask through :class:`DaskEngine`
(a :class:`kg.pipeline.Engine`):

* the client reads documents lazily and cuts them into partitions (lists of
  :class:`~kg.corpus.Document`); at most a few windows of partitions are in flight, so the corpus
  is never held in memory;
* each worker process loads the spaCy pipeline once (a module-level cache, kept between tasks)
  and returns one :class:`~kg.pipeline.DocResult` per document: plain dataclasses, pickled;
* only the client writes to the store, one document per transaction, as results arrive, so an
  interrupted build leaves whole documents and the next build finishes the rest.

Without ``scheduler`` a ``LocalCluster`` of worker processes (one thread each) is started and
stopped around the build. Dask is an optional extra (``pip install -e '.[distributed]'``);
importing kg never needs it. Workers on other machines need kg and the spaCy pipeline installed.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from kg.corpus import Document
from kg.errors import EngineError
from kg.pipeline import DEFAULT_BATCH, DocResult, Processor

DEFAULT_WORKERS = 2
WINDOW = 2000  # documents read ahead and split into partitions at a time
INSTALL_HINT = "the dask engine needs Dask: pip install -e '.[distributed]'"


class DaskUnavailable(EngineError, ImportError):
    """Dask (distributed) is not installed; the message says how to install it."""


def require_dask():
    """The ``dask.distributed`` module, or :class:`DaskUnavailable` with a one-line hint."""
    try:
        import dask.distributed as dd
    except ImportError:
        raise DaskUnavailable(INSTALL_HINT) from None
    return dd


# One Processor (spaCy pipeline + extractor) per worker process and model: loading the pipeline
# takes seconds, a partition may take less.
_PROCESSORS: dict = {}


def process_partition(docs: list[Document], model: str | None = None, batch_size: int = DEFAULT_BATCH) -> list:
    """Parse and extract one partition (runs on a worker); one DocResult per document, in order."""
    proc = _PROCESSORS.get(model)
    if proc is None:
        proc = _PROCESSORS[model] = Processor(model)
    return list(proc.process(docs, workers=1, batch_size=batch_size))


def partitions_of(docs: Iterable[Document], partitions: int, window: int = WINDOW) -> Iterator[list[Document]]:
    """Cut a document stream into lists: every ``window`` documents (or fewer, at the end) are
    dealt into ``partitions`` lists of near-equal size.

    >>> [len(p) for p in partitions_of(range(10), 3)]
    [4, 3, 3]
    >>> [len(p) for p in partitions_of(range(10), 3, window=4)]
    [2, 1, 1, 2, 1, 1, 1, 1]
    """
    buf: list = []

    def deal(items):
        n = min(partitions, len(items))
        size, extra = divmod(len(items), n)
        start = 0
        for i in range(n):
            end = start + size + (1 if i < extra else 0)
            yield items[start:end]
            start = end

    for doc in docs:
        buf.append(doc)
        if len(buf) >= window:
            yield from deal(buf)
            buf = []
    if buf:
        yield from deal(buf)


def process_distributed(
    docs: Iterable[Document],
    model: str | None = None,
    scheduler: str | None = None,
    workers: int = DEFAULT_WORKERS,
    partitions: int | None = None,
    batch_size: int = DEFAULT_BATCH,
    connect_timeout: float = 20.0,
) -> Iterator[DocResult]:
    """Parse ``docs`` on a Dask cluster; yield DocResults as partitions finish (any order).

    ``scheduler`` is a ``tcp://HOST:PORT`` address; without it a LocalCluster of ``workers``
    processes is started for the duration. ``partitions`` (default: 2 per worker) is how many
    pieces each window of documents is cut into.
    """
    dd = require_dask()
    docs = iter(docs)
    first = next(docs, None)
    if first is None:
        return  # nothing to parse: no cluster to start
    docs = itertools.chain([first], docs)
    cluster = None
    if scheduler:
        try:
            client = dd.Client(scheduler, timeout=f"{connect_timeout}s")
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    else:
        cluster = dd.LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = dd.Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        parts = partitions or 2 * n_workers
        in_flight = max(parts, 2 * n_workers) * 2
        done = dd.as_completed()
        for chunk in partitions_of(docs, parts):
            done.add(client.submit(process_partition, chunk, model, batch_size, pure=False))
            while done.count() >= in_flight:
                yield from next(done).result()
        for fut in done:
            yield from fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@dataclass
class DaskEngine:
    """The build engine that parses on Dask (:class:`kg.pipeline.Engine`): ``scheduler`` a
    ``tcp://HOST:PORT`` address, or None for a LocalCluster of ``workers`` processes; ``partitions``
    per window of documents (default 2 per worker); ``model`` the spaCy pipeline the workers load;
    ``connect_timeout`` the seconds to wait for the scheduler (then an :class:`EngineError`).

    Its workers do not read the user's alias lines (they are not in their processes)."""

    model: str | None = None
    scheduler: str | None = None
    workers: int = DEFAULT_WORKERS
    partitions: int | None = None
    batch_size: int = DEFAULT_BATCH
    connect_timeout: float = 20.0
    reads_aliases: ClassVar[bool] = False

    def __call__(self, docs: Iterable[Document]) -> Iterator[DocResult]:
        require_dask()  # now: a missing Dask fails before any document is read
        return process_distributed(
            docs,
            model=self.model,
            scheduler=self.scheduler,
            workers=self.workers,
            partitions=self.partitions,
            batch_size=self.batch_size,
            connect_timeout=self.connect_timeout,
        )

    def interrupted(self) -> None:
        """Nothing to do: the client and cluster are closed when the stream is."""
