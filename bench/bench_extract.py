"""How much extraction adds to the spaCy parse (target: at most 15%).

Parses the same texts twice with the same pipeline: once bare, once followed by kg's extractor,
and prints words/s of both and the overhead. Uses the public-domain State Department sample in
../shared/corpora/state-dept (skips with a message when absent).

    python bench/bench_extract.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "state-dept" / "state_dept_pr_geopolitics_sample300.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return
    from kg.extract import Extractor
    from kg.mentions import find_mentions
    from kg.nlp import load_pipeline

    texts = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines()[: args.limit]]
    nlp = load_pipeline()
    ex = Extractor()
    list(nlp.pipe(texts[:5]))  # warm up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - t0
    words = sum(1 for d in docs for t in d if not (t.is_punct or t.is_space))
    t0 = time.perf_counter()
    n = 0
    for d in docs:
        n += len(ex.extract(d))
    extract = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        find_mentions(d)
    mentions = time.perf_counter() - t0
    print(f"{len(texts)} documents, {words} words, {n} relations")
    print(f"bare parse        {parse:7.2f} s  {words / parse:8.0f} words/s")
    print(f"extraction        {extract:7.2f} s  (mentions alone {mentions:.2f} s)")
    print(f"overhead          {100 * extract / parse:6.1f} % of the parse (target <= 15 %)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
