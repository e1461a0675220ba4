"""Calibrate kg's confidence on the real-text dev set (tune passages only).

    python scripts/calibrate.py [tests/gold/real/real.jsonl]

Runs ``kg eval`` on the tune split with calibration switched off, counts how often relations of
each bucket (rule / event or role / named, person or sector actors: ``kg.extract.calibration_key``)
were right, and writes ``ontology/lexicon/calibration.tsv``: the share right, shrunk towards the
bucket's parent (rule / kind) and the overall share with a prior of 4 relations, so that thin
buckets do not swing. The held-out passages are never used here: ``kg eval --split heldout``
then measures the calibration honestly (expected calibration error).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PRIOR = 4.0


def main() -> None:
    gold = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "tests" / "gold" / "real" / "real.jsonl")
    out = ROOT / "ontology" / "lexicon" / "calibration.tsv"
    if out.exists():
        out.unlink()  # measure the uncalibrated extractor
    from kg.evaluate import evaluate

    report = evaluate(gold, split="tune")
    judged = report.judged
    overall = sum(ok for _, ok in judged) / len(judged)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, ok in judged:
        for k in (key, key.rsplit("/", 1)[0]):
            counts[k][0] += ok
            counts[k][1] += 1
    rows = []
    for key in sorted(counts):
        right, n = counts[key]
        parent = key.rsplit("/", 1)[0] if key.count("/") == 2 else None
        prior = (counts[parent][0] + PRIOR * overall) / (counts[parent][1] + PRIOR) if parent else overall
        share = (right + PRIOR * prior) / (n + PRIOR)
        rows.append((key, round(share, 3), right, n))
    with open(out, "w", encoding="utf-8") as f:
        f.write(
            "# Confidence by bucket, measured on the tune passages of the real-text dev set by\n"
            "# scripts/calibrate.py (do not edit by hand). Columns: bucket (rule/kind/actors or rule/kind),\n"
            f"# confidence (share right, shrunk towards the parent bucket; overall share {overall:.3f}), right, relations.\n"
        )
        f.write("#bucket\tconfidence\tright\trelations\n")
        for key, share, right, n in rows:
            f.write(f"{key}\t{share}\t{right}\t{n}\n")
    print(f"{len(judged)} relations judged, {overall:.3f} right; {len(rows)} buckets -> {out}")


if __name__ == "__main__":
    main()
