"""Scaling benchmark (run by hand): Dask workers, store load rates, and a sizing sketch.

    .venv/bin/python bench/bench_scale.py [--limit 300] [--corpus ../shared/corpora/state-dept]

Measures, on the first ``--limit`` State Department press releases:

1. extraction throughput of the local engine (1 process) and of the dask engine with a
   LocalCluster of 1 and 2 workers (wall time including cluster start and model loading);
2. load rate into the embedded Oxigraph store and into a throwaway Virtuoso (tests/virtuoso.py),
   in quads per second, writing the same pre-extracted documents with ``replace_document``;
3. a sizing sketch from those figures: CPU hours per million articles, triples per article.

Skips with a message when the corpus is absent (it is never copied into the project).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the Virtuoso fixture helper

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "state-dept"


def subset(corpus: Path, limit: int, out: Path) -> int:
    """Write the first ``limit`` records of the corpus (files in name order) as one JSONL file."""
    n = 0
    with open(out / "subset.jsonl", "w", encoding="utf-8") as fh:
        for f in sorted(corpus.glob("*.jsonl")):
            if "sample" in f.name:
                continue  # a sample of the other files: would repeat records
            for line in f.open(encoding="utf-8"):
                if n >= limit:
                    return n
                if line.strip():
                    fh.write(line)
                    n += 1
    return n


def timed_build(paths, store, **kw):
    from kg.pipeline import build

    t0 = time.perf_counter()
    s = build(paths, store_path=store, **kw)
    return time.perf_counter() - t0, s


def load_rate(results, store) -> tuple[float, int]:
    """Seconds to write ``results`` into ``store`` and the number of quads written."""
    from kg.model import document_quads

    quads = 0
    for r in results:
        q, a = document_quads(r.document, r.relations, r.sentences, r.words)
        quads += len(q)
    t0 = time.perf_counter()
    for r in results:
        store.replace_document(r.document, r.relations, r.sentences, r.words)
    store.flush()
    return time.perf_counter() - t0, quads


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=300, help="documents to use (default 300)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = ap.parse_args()
    if not args.corpus.is_dir() or not any(args.corpus.glob("*.jsonl")):
        print(
            f"skipped: corpus {args.corpus} not found (it lives in the shared folder, not in the project)", flush=True
        )
        return 0
    from kg.backend import open_store
    from kg.pipeline import Processor

    figures: dict = {}
    with tempfile.TemporaryDirectory(prefix="kgscale-") as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        n = subset(args.corpus, args.limit, tmp / "in")
        paths = [str(tmp / "in")]
        print(f"corpus: {n} documents from {args.corpus}", flush=True)

        # Local engine, one process: parse and extract; the results also feed the load runs below.
        from kg.corpus import iter_documents

        t0 = time.perf_counter()
        results = list(Processor().process(iter_documents(paths)))
        secs = time.perf_counter() - t0
        words = sum(r.words for r in results)
        figures["local_1"] = {
            "seconds": round(secs, 1),
            "docs_per_s": round(n / secs, 2),
            "words": words,
            "relations": sum(len(r.relations) for r in results),
        }
        print(
            f"local engine, 1 process (incl. model load): {secs:.1f} s, {n / secs:.2f} docs/s, {words / secs:.0f} words/s",
            flush=True,
        )
        try:
            from kg.distributed import DaskEngine, require_dask

            require_dask()
            for w in (1, 2):
                secs, s = timed_build(paths, tmp / f"dask{w}", engine=DaskEngine(workers=w))
                figures[f"dask_{w}"] = {"seconds": round(secs, 1), "docs_per_s": round(n / secs, 2)}
                print(
                    f"dask engine, {w} worker(s): {secs:.1f} s, {n / secs:.2f} docs/s, {s.words / secs:.0f} words/s "
                    f"(includes cluster start and model loading)"
                )
        except ImportError as exc:
            print(f"dask runs skipped: {exc}", flush=True)

        # Store load rates on the same pre-extracted documents.
        with open_store(tmp / "load-oxigraph") as st:
            secs, quads = load_rate(results, st)
        figures["load_oxigraph"] = {"quads": quads, "seconds": round(secs, 2), "quads_per_s": round(quads / secs)}
        print(f"load into embedded Oxigraph: {quads} quads in {secs:.2f} s = {quads / secs:,.0f} quads/s", flush=True)
        try:
            from virtuoso import running_virtuoso

            with running_virtuoso(tmp / "virtuoso") as v, open_store(v.address) as st:
                secs, quads = load_rate(results, st)
            figures["load_virtuoso"] = {"quads": quads, "seconds": round(secs, 2), "quads_per_s": round(quads / secs)}
            print(
                f"load into Virtuoso (SPARQL Update over HTTP): {quads} quads in {secs:.2f} s = {quads / secs:,.0f} quads/s",
                flush=True,
            )
        except (FileNotFoundError, RuntimeError) as exc:
            print(f"Virtuoso run skipped: {exc}", flush=True)

        # Sizing sketch from the measured figures.
        # Steady-state cost from the local run (one process = one core, model load included);
        # the dask runs add a fixed start-up cost (cluster + one model load per worker), shown apart.
        cpu_s_per_doc = figures["local_1"]["seconds"] / n
        quads_per_doc = figures["load_oxigraph"]["quads"] / n
        sketch = {
            "cpu_s_per_article": round(cpu_s_per_doc, 3),
            "cpu_hours_per_million_articles": round(cpu_s_per_doc * 1e6 / 3600, 1),
            "triples_per_article": round(quads_per_doc, 1),
            "triples_per_million_articles": round(quads_per_doc * 1e6),
            "oxigraph_load_hours_per_million": round(
                quads_per_doc * 1e6 / figures["load_oxigraph"]["quads_per_s"] / 3600, 2
            ),
        }
        if "dask_1" in figures:
            sketch["dask_fixed_startup_s"] = round(figures["dask_1"]["seconds"] - figures["local_1"]["seconds"], 1)
        if "load_virtuoso" in figures:
            sketch["virtuoso_load_hours_per_million"] = round(
                quads_per_doc * 1e6 / figures["load_virtuoso"]["quads_per_s"] / 3600, 2
            )
        figures["sizing"] = sketch
        print("sizing sketch (from the runs above):", flush=True)
        for k, v in sketch.items():
            print(f"  {k}: {v:,}", flush=True)
    if args.json:
        print(json.dumps(figures, indent=2), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
