"""Inter-annotator agreement on the real-text gold set: the ceiling of any score kg can get.

A second annotator, who saw neither kg's output nor the first annotation, annotated a sample of
the gold passages again from GUIDE.md alone (``tests/gold/real/second.jsonl``: pointers and
annotations, no text). This scores the second annotation against the first with the scorer
``kg eval`` uses on kg (:func:`kg.evaluate.agreement`), so the two figures compare directly.

    python scripts/agreement.py tests/gold/real/batches tests/gold/real/second.jsonl

Precision is the share of the second annotator's relations the first also has; recall the share
of the first's the second has. Passages in one file and not the other are left out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.errors import KGError  # noqa: E402
from kg.evaluate import agreement, load_gold  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("first", type=Path, help="the gold set (tests/gold/real/batches)")
    ap.add_argument("second", type=Path, help="the second annotation of some of its passages")
    ap.add_argument("--json", action="store_true", help="print the whole report as JSON")
    args = ap.parse_args()
    try:
        second = load_gold(args.second)
        ids = {it["id"] for it in second}
        first = [it for it in load_gold(args.first) if it["id"] in ids]
        report = agreement(first, second)
    except KGError as exc:
        sys.exit(f"error: {exc}")
    d = report.as_dict()
    if args.json:
        print(json.dumps(d, indent=1))
        return
    n1 = sum(len(it.get("relations", [])) for it in first)
    n2 = sum(len(it.get("relations", [])) for it in second)
    print(f"{d['items']} passages; first annotation {n1} relations, second {n2}")
    print(f"{'level':<10} {'P':>6} {'R':>6} {'F1':>6}")
    for name in ("events", "exact", "dyad_quad", "actors", "hedged"):
        s = d[name]
        print(f"{name:<10} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}")


if __name__ == "__main__":
    main()
