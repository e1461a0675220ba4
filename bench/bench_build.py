"""Benchmark ``kg build`` against the limit of its design: the bare spaCy parse.

Run by hand from the repository root (not a test)::

    .venv/bin/python bench/bench_build.py            # the whole corpus (takes a while)
    .venv/bin/python bench/bench_build.py --limit 200

It needs the U.S. State Department press releases at ``../shared/corpora/state-dept`` (JSON Lines,
one file per quarter; ``--corpus`` to point elsewhere) and skips with a message without them.
The corpus is read at run time and copied to a temporary folder only; nothing of it enters the
repository. One run prints:

* words/s of the bare parse (``nlp.pipe`` on the same texts, same model, same batch size);
* words/s of ``kg build`` with 1 and with 2 workers, the ratio to the bare parse and 2 vs 1;
* the time of a no-op rebuild and of a rebuild after changing the text of 1% of the records;
* peak RSS of every step (each runs in its own process; ``os.wait4`` gives its rusage);
* the median latency of each saved query (``ontology/queries/*.rq``) and the time to project the
  network and render the HTML view on the built store.

Figures are written to docs/benchmarks.md by hand, with the machine they were measured on.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "state-dept"
KG = [sys.executable, "-m", "kg.cli"]


def run_child(cmd: list[str], log: Path) -> dict:
    """Run ``cmd`` to completion; its wall time, peak RSS (MB), exit status and stdout."""
    t0 = time.perf_counter()
    with open(log, "wb") as out, open(str(log) + ".err", "wb") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t0
    # Linux reports ru_maxrss in KiB; wait4 covers the child and the children it waited for.
    result = {
        "seconds": seconds,
        "rss_mb": usage.ru_maxrss / 1024,
        "code": proc.returncode,
        "stdout": Path(log).read_text("utf-8", "replace"),
    }
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{Path(str(log) + '.err').read_text()[-2000:]}")
    return result


def prepare(corpus: Path, dest: Path, limit: int | None) -> int:
    """Copy the quarterly JSONL files (not the overlapping sample file) to ``dest``, first
    ``limit`` records overall. Returns the record count."""
    n = 0
    for src in sorted(corpus.glob("*.jsonl")):
        if "sample" in src.name:
            continue  # a selection of records that the quarterly files already hold
        lines = []
        for line in src.open(encoding="utf-8"):
            if limit is not None and n >= limit:
                break
            if line.strip():
                lines.append(line)
                n += 1
        if lines:
            (dest / src.name).write_text("".join(lines), "utf-8")
    return n


def touch(folder: Path, fraction: float, seed: int = 7) -> int:
    """Change the text of ``fraction`` of the records (append a sentence). Returns how many."""
    files = sorted(folder.glob("*.jsonl"))
    records = [(f, i) for f in files for i, _ in enumerate(f.read_text("utf-8").splitlines())]
    chosen = set(random.Random(seed).sample(records, max(1, round(len(records) * fraction))))
    for f in files:
        lines = f.read_text("utf-8").splitlines()
        for i, line in enumerate(lines):
            if (f, i) in chosen:
                rec = json.loads(line)
                rec["text"] += "\nThe Department will provide further updates as they become available."
                lines[i] = json.dumps(rec, ensure_ascii=False)
        f.write_text("\n".join(lines) + "\n", "utf-8")
    return len(chosen)


# ------------------------------------------------------------------ child: the bare parse
def bare_parse(folder: str, batch_size: int, n_process: int) -> None:
    """The limit: the same documents, cut the same way, through the same pipeline, nothing else."""
    from kg.corpus import iter_documents
    from kg.nlp import load_pipeline
    from kg.pipeline import count_words, split_text

    nlp = load_pipeline()
    t0 = time.perf_counter()
    texts = (piece for doc in iter_documents([folder]) for _, piece in split_text(doc.text))
    words = docs = 0
    for sdoc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        words += count_words(sdoc)
        docs += 1
    print(json.dumps({"words": words, "pieces": docs, "parse_seconds": time.perf_counter() - t0}))


# ------------------------------------------------------------------ child: queries and view
BOUND_ACTORS = ("United States", "Russia", "Ukraine")  # the releases' most named actors, in that order


def query_and_view(store_path: str, repeat: int) -> None:
    from kg.backend import open_store
    from kg.network import project
    from kg.queries import bind_params, saved_queries
    from kg.query import QueryError, run_query
    from kg.view import render

    store = open_store(store_path, create=False, read_only=True)
    out: dict = {"queries": {}}
    for rq in sorted((ROOT / "ontology" / "queries").glob("*.rq")):
        times = []
        sq = saved_queries()[rq.stem]
        # parameters at their declared defaults ("any"), as ``kg query --saved`` runs them; a
        # parameter with no default (an actor) is left unbound: the query answers for every actor
        defaults = bind_params({}, sq) if all(p.default is not None for p in sq.params.values()) else {}
        try:
            for _ in range(repeat):
                t0 = time.perf_counter()
                res = run_query(store, rq.read_text("utf-8"), defaults)
                times.append((time.perf_counter() - t0) * 1000)
            out["queries"][rq.stem] = {"median_ms": statistics.median(times), "rows": len(res.rows)}
        except QueryError as exc:  # e.g. a required parameter without a default
            out["queries"][rq.stem] = {"skipped": str(exc)}
            continue
        # as a user runs it: its actor parameters bound to the corpus's most named actors (unbound,
        # above, it answers for every actor or pair at once)
        actors = [p for p in sq.params.values() if p.kind == "actor"]
        if actors:
            bindings = bind_params({p.name: name for p, name in zip(actors, BOUND_ACTORS)}, sq)
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                res = run_query(store, rq.read_text("utf-8"), bindings)
                times.append((time.perf_counter() - t0) * 1000)
            out["queries"][rq.stem].update(bound_ms=statistics.median(times), bound_rows=len(res.rows))
    t0 = time.perf_counter()
    graph = project(store)
    t1 = time.perf_counter()
    html = render(graph, "benchmark")
    t2 = time.perf_counter()
    out.update(
        project_ms=(t1 - t0) * 1000,
        render_ms=(t2 - t1) * 1000,
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        html_kb=len(html) // 1024,
    )
    store.close()
    print(json.dumps(out))


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
        ram = f"{int(mem.split()[1]) / 1024 / 1024:.1f} GB"
    except (OSError, StopIteration):
        ram = "?"
    import spacy

    from kg.nlp import load_pipeline

    nlp = load_pipeline()
    return (
        f"{os.cpu_count()} cores, {cpu}, {ram} RAM, Python {platform.python_version()}, spaCy {spacy.__version__}, "
        f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}, load average at start {os.getloadavg()[0]:.2f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--touch", type=float, default=0.01, help="fraction of records changed for the rebuild")
    ap.add_argument("--repeat", type=int, default=5, help="runs per saved query")
    ap.add_argument("--skip-2", action="store_true", help="skip the 2-worker build")
    ap.add_argument("--bare-2", action="store_true", help="also time the bare parse with 2 processes")
    ap.add_argument("--child", choices=["bare", "query"], help=argparse.SUPPRESS)
    ap.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("target", nargs="?", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child == "bare":
        return bare_parse(args.target, args.batch_size, args.n_process)
    if args.child == "query":
        return query_and_view(args.target, args.repeat)
    if not args.corpus.is_dir() or not any(args.corpus.glob("*.jsonl")):
        print(f"skipped: no corpus at {args.corpus} (the State Department JSONL files); nothing measured")
        return

    print("machine:", machine(), flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        data = tmp / "corpus"
        data.mkdir()
        n = prepare(args.corpus, data, args.limit)
        print(f"corpus: {n} records in {len(list(data.iterdir()))} files, batch size {args.batch_size}", flush=True)
        me = [sys.executable, str(Path(__file__).resolve())]
        bs = ["--batch-size", str(args.batch_size)]

        bare = run_child(me + ["--child", "bare", *bs, str(data)], tmp / "bare.out")
        b = json.loads(bare["stdout"])
        words = b["words"]
        bare_wps = words / bare["seconds"]
        print(
            f"bare parse, 1 process: {words} words in {bare['seconds']:.1f} s wall ({b['parse_seconds']:.1f} s in nlp.pipe) "
            f"= {bare_wps:.0f} words/s, peak RSS {bare['rss_mb']:.0f} MB",
            flush=True,
        )
        if args.bare_2:
            bare2 = run_child(me + ["--child", "bare", *bs, "--n-process", "2", str(data)], tmp / "bare2.out")
            print(
                f"bare parse, 2 processes: {words / bare2['seconds']:.0f} words/s "
                f"({bare_wps and (words / bare2['seconds']) / bare_wps:.2f} x one), peak RSS {bare2['rss_mb']:.0f} MB",
                flush=True,
            )

        def kg_build(store: Path, workers: int, label: str, log: str) -> dict:
            r = run_child(
                KG + ["build", str(data), "--store", str(store), "--json", "--workers", str(workers), *bs], tmp / log
            )
            r["summary"] = json.loads(r["stdout"])
            s = r["summary"]
            print(
                f"{label}: {s['parsed']} parsed / {s['unchanged']} unchanged in {r['seconds']:.1f} s wall = "
                f"{s['words'] / r['seconds']:.0f} words/s, {s['statements_in_store']} statements, "
                f"peak RSS {r['rss_mb']:.0f} MB",
                flush=True,
            )
            return r

        store1 = tmp / "store1"
        one = kg_build(store1, 1, "kg build, 1 worker", "build1.out")
        wps1 = one["summary"]["words"] / one["seconds"]
        print(f"  ratio to the bare parse: {wps1 / bare_wps:.2f} (target >= 0.85)", flush=True)
        if not args.skip_2:
            two = kg_build(tmp / "store2", 2, "kg build, 2 workers", "build2.out")
            wps2 = two["summary"]["words"] / two["seconds"]
            print(f"  2 workers vs 1: {wps2 / wps1:.2f} x (target >= 1.6)", flush=True)
            shutil.rmtree(tmp / "store2", ignore_errors=True)
        noop = kg_build(store1, 1, "no-op rebuild", "noop.out")
        print(
            f"  no-op rebuild: {100 * noop['seconds'] / one['seconds']:.1f}% of the full build (target < 5%)",
            flush=True,
        )
        touched = touch(data, args.touch)
        again = kg_build(store1, 1, f"rebuild after changing {touched} records", "touch.out")
        print(f"  touched rebuild: {100 * again['seconds'] / one['seconds']:.1f}% of the full build", flush=True)
        qv = run_child(me + ["--child", "query", "--repeat", str(args.repeat), str(store1)], tmp / "query.out")
        q = json.loads(qv["stdout"])
        if not q["queries"]:
            print("saved queries: none in ontology/queries/")
        for name, r in q["queries"].items():
            if "skipped" in r:
                print(f"saved query {name}: skipped ({r['skipped']})")
            else:
                bound = f"; bound to actors: {r['bound_ms']:.1f} ms, {r['bound_rows']} rows" if "bound_ms" in r else ""
                print(
                    f"saved query {name}: median {r['median_ms']:.1f} ms over {args.repeat} runs, "
                    f"{r['rows']} rows{bound}"
                )
        print(
            f"view: project {q['project_ms']:.0f} ms ({q['nodes']} actors, {q['edges']} edges), "
            f"render {q['render_ms']:.0f} ms ({q['html_kb']} KB of HTML)",
            flush=True,
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
