"""Calibrate kg's confidence on the real-text dev set, in two stages.

    python scripts/calibrate.py [tests/gold/real/real.jsonl]

1. **Buckets, on the tune passages.** ``kg eval`` runs on the ``tune`` split with calibration
   switched off and counts how often relations of each bucket (rule / event or role / named, person
   or sector actors: ``kg.extract.calibration_key``) were right. Each bucket's share is shrunk
   towards its parent (rule / kind), the parent's towards its kind (event / role), with a prior of 4
   relations, so that thin buckets do not swing.
2. **Level, on the calibrate passages.** kg's rules were improved by reading the tune passages, so
   the shares measured there are higher than on text kg has never seen. The ``calibrate`` split is
   text no one read while changing kg; ``kg eval`` runs on it with the stage-1 table, and one shift
   per kind is fitted on the log-odds scale so that the mean confidence of its events (and of its
   roles) equals the share right. The shift keeps the buckets' order and moves their level.

Writes ``ontology/lexicon/calibration.tsv``. The ``heldout`` passages are never used here:
``kg eval --split heldout`` then measures the calibration (expected calibration error).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PRIOR = 4.0
OUT = ROOT / "ontology" / "lexicon" / "calibration.tsv"


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def shift_for(confidences: list[float], share_right: float) -> float:
    """The log-odds shift b with mean(sigmoid(logit(c) + b)) == share_right (bisection)."""
    lo, hi = -6.0, 6.0
    for _ in range(60):
        mid = (lo + hi) / 2
        mean = sum(_sigmoid(_logit(c) + mid) for c in confidences) / len(confidences)
        lo, hi = (mid, hi) if mean < share_right else (lo, mid)
    return (lo + hi) / 2


def bucket_shares(judged: list[tuple[str, bool]]) -> dict[str, tuple[float, int, int]]:
    """Bucket -> (shrunk share right, right, relations), for buckets, rules/kind and kinds."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, ok in judged:
        rule, kind, _who = key.split("/")
        for k in (key, f"{rule}/{kind}", kind):
            counts[k][0] += ok
            counts[k][1] += 1
    overall = sum(ok for _, ok in judged) / len(judged)
    shares: dict[str, tuple[float, int, int]] = {}
    for key in sorted(counts, key=lambda k: k.count("/")):  # parents first
        right, n = counts[key]
        parts = key.split("/")
        parent = "/".join(parts[:2]) if len(parts) == 3 else (parts[1] if len(parts) == 2 else None)
        prior = overall if parent is None else shares[parent][0]
        shares[key] = ((right + PRIOR * prior) / (n + PRIOR), right, n)
    return shares


def write_table(shares: dict[str, tuple[float, int, int]], shifts: dict[str, float], note: str) -> None:
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            "# Confidence by bucket, written by scripts/calibrate.py (do not edit by hand). Columns: bucket\n"
            "# (rule/kind/actors, rule/kind or kind), confidence, right and relations on the tune passages.\n"
            "# Confidence: the tune share right, shrunk towards the parent bucket, then moved by the kind's\n"
            f"# log-odds shift fitted on the calibrate passages ({note}).\n"
        )
        f.write("#bucket\tconfidence\tright\trelations\n")
        for key in sorted(shares):
            share, right, n = shares[key]
            kind = key.split("/")[1] if "/" in key else key
            conf = _sigmoid(_logit(share) + shifts.get(kind, 0.0))
            f.write(f"{key}\t{conf:.3f}\t{right}\t{n}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(ROOT / "tests" / "gold" / "real" / "real.jsonl"))
    gold = ap.parse_args().gold
    if not Path(gold).is_file():
        raise SystemExit(f"error: gold file {gold} not found")
    if OUT.exists():
        OUT.unlink()  # measure the uncalibrated extractor
    from kg.evaluate import evaluate
    from kg.rules.relation import _calibration

    _calibration.cache_clear()
    tune = evaluate(gold, split="tune")
    shares = bucket_shares(tune.judged)
    write_table(shares, {}, "not yet fitted")
    _calibration.cache_clear()

    held = evaluate(gold, split="calibrate")
    by_kind: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for (key, ok), (conf, _ok) in zip(held.judged, held.calibration.pairs, strict=True):
        by_kind[key.split("/")[1]].append((conf, ok))
    shifts, notes = {}, []
    for kind, pairs in sorted(by_kind.items()):
        right = sum(ok for _, ok in pairs) / len(pairs)
        mean = sum(c for c, _ in pairs) / len(pairs)
        shifts[kind] = shift_for([c for c, _ in pairs], right)
        notes.append(f"{kind} {shifts[kind]:+.2f}: {len(pairs)} relations, mean {mean:.3f}, right {right:.3f}")
    write_table(shares, shifts, "; ".join(notes))
    _calibration.cache_clear()
    print(f"tune: {len(tune.judged)} relations judged, {len(shares)} buckets; calibrate: {'; '.join(notes)} -> {OUT}")


if __name__ == "__main__":
    main()
