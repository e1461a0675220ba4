"""Benchmark ``kg build`` on single long documents: peak RSS and time against normal documents.

Run by hand from the repository root (not a test)::

    .venv/bin/python bench/bench_long_docs.py                  # 0.5, 2 and 20 MB (the 20 MB run is long)
    .venv/bin/python bench/bench_long_docs.py --sizes 0.5,2

It needs the U.S. State Department press releases at ``../shared/corpora/state-dept`` (JSON Lines;
``--corpus`` to point elsewhere) and skips with a message without them. Each long document is
made at run time, in a temporary folder, by joining releases with blank lines (the corpus is
repeated when it is shorter than the size asked for); nothing of it enters the repository.

For each size one ``kg build`` runs in its own process on a folder holding only that document
(``os.wait4`` gives the child's peak RSS). The baseline is the same build on normal documents:
the releases of the 2 MB document (or of the largest size asked for below it), one file each. The
throughput is words per second of the build's own time (``kg build --json``: model load
included, the same for both) and words per CPU second of the build process (user + system, from
``wait4``): on a machine shared with other work the wall time moves with the load, the CPU time
much less, so the ratio to the baseline is given on CPU time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "state-dept"
KG = [sys.executable, "-m", "kg.cli"]


def releases(corpus: Path) -> list[str]:
    texts = []
    for src in sorted(corpus.glob("*.jsonl")):
        if "sample" in src.name:
            continue  # a selection the quarterly files already hold
        for line in src.open(encoding="utf-8"):
            if line.strip():
                texts.append(json.loads(line)["text"].strip())
    return texts


def take(texts: list[str], chars: int) -> list[str]:
    """Releases, in order and repeated if need be, until ``chars`` characters are reached."""
    out, n, i = [], 0, 0
    while n < chars:
        text = texts[i % len(texts)]
        out.append(text)
        n += len(text) + 2
        i += 1
    return out


def run_build(folder: Path, store: Path) -> dict:
    t0 = time.perf_counter()
    with open(store.parent / f"{store.name}.err", "wb") as err:
        proc = subprocess.Popen(
            [*KG, "build", str(folder), "--store", str(store), "--json", "--quiet"],
            stdout=subprocess.PIPE,
            stderr=err,
            cwd=ROOT,
        )
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"kg build {folder} failed ({code}): {(store.parent / f'{store.name}.err').read_text()[-2000:]}")
    summary = json.loads(out)
    return {
        "wall_s": time.perf_counter() - t0,
        "build_s": summary["seconds"],
        "rss_mb": usage.ru_maxrss / 1024,  # KiB on Linux
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "words": summary["words"],
        "relations": summary["relations"],
        "words_per_s": summary["words"] / summary["seconds"],
        "words_per_cpu_s": summary["words"] / (usage.ru_utime + usage.ru_stime),
        "warnings": (store.parent / f"{store.name}.err").read_text("utf-8", "replace").strip().splitlines(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sizes", default="0.5,2,20", help="document sizes in MB (10^6 characters), comma-separated")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus} (the State Department releases, JSON Lines)")
        return
    sizes = [float(s) for s in args.sizes.split(",")]
    texts = releases(args.corpus)
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-long-"))
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    try:
        base_mb = max([s for s in sizes if s <= 2] or [min(sizes)])
        normal = tmp / "normal"
        normal.mkdir()
        for i, text in enumerate(take(texts, int(base_mb * 1e6))):
            (normal / f"{i:05d}.txt").write_text(text + "\n", "utf-8")
        base = run_build(normal, tmp / "store-normal")
        n_docs = len(list(normal.iterdir()))
        print(
            f"normal documents ({n_docs} releases, {base_mb:g} MB): {base['build_s']:.1f} s, {base['cpu_s']:.1f} CPU s, "
            f"{base['words']:,} words, {base['words_per_s']:,.0f} words/s, {base['words_per_cpu_s']:,.0f} words/CPU s, "
            f"peak RSS {base['rss_mb']:,.0f} MB, {base['relations']} relations"
        )
        shutil.rmtree(tmp / "store-normal")
        for mb in sizes:
            folder = tmp / f"long-{mb:g}"
            folder.mkdir()
            (folder / f"long-{mb:g}MB.txt").write_text("\n\n".join(take(texts, int(mb * 1e6))) + "\n", "utf-8")
            res = run_build(folder, tmp / f"store-{mb:g}")
            print(
                f"one {mb:g} MB document: {res['build_s']:.1f} s, {res['cpu_s']:.1f} CPU s, {res['words']:,} words, "
                f"{res['words_per_s']:,.0f} words/s, {res['words_per_cpu_s']:,.0f} words/CPU s "
                f"({res['words_per_cpu_s'] / base['words_per_cpu_s']:.2f} x normal), "
                f"peak RSS {res['rss_mb']:,.0f} MB, {res['relations']} relations"
            )
            for line in res["warnings"]:
                print(f"    {line}")
            shutil.rmtree(tmp / f"store-{mb:g}")
            shutil.rmtree(folder)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
