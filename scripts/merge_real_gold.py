"""Merge the annotators' files into the real-text gold set (pointers and annotations, no text).

    python scripts/merge_real_gold.py /tmp/kg-annot10 tests/gold/real/batches/batch-10.jsonl

Reads ``pointers.jsonl`` (from select_real_passages.py), the ``passages-K.jsonl`` batches and every
``annotations-K.jsonl``; writes one item per annotated passage: ``id``, ``source`` (corpus, record,
start, end, sha1), ``date``, ``split``, ``actors`` and ``relations``. A relation's trigger words
become ``trigger_at``, their character offsets in the passage (``kg.realgold.trigger_spans``), so
no words of the corpus are kept; the annotators' free-text notes are left out (they may quote the
passage).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

KEEP_REL = ("subject", "relation", "object", "negated", "hedged", "date", "constructions")
KEEP_ACTOR = ("name", "type", "country", "sector")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="the annotation folder (pointers.jsonl, annotations-K.jsonl)")
    ap.add_argument("out", type=Path, help="the gold file to write")
    args = ap.parse_args()
    folder, out = args.folder, args.out
    if not (folder / "pointers.jsonl").is_file():
        raise SystemExit(f"error: {folder / 'pointers.jsonl'} not found (run select_real_passages.py first)")
    pointers = {}
    for line in open(folder / "pointers.jsonl", encoding="utf-8"):
        p = json.loads(line)
        pointers[p["id"]] = p
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from kg.realgold import trigger_spans

    texts = {}
    for batch in folder.glob("passages-*.jsonl"):
        for line in open(batch, encoding="utf-8"):
            if line.strip():
                p = json.loads(line)
                texts[p["id"]] = p["text"]
    items = []
    for ann in sorted(folder.glob("annotations-*.jsonl")):
        for n, line in enumerate(open(ann, encoding="utf-8"), 1):
            if not line.strip():
                continue
            a = json.loads(line)
            p = pointers.get(a["id"])
            if p is None:
                raise SystemExit(f"{ann}:{n}: unknown passage id {a['id']!r}")
            items.append(
                {
                    "id": a["id"],
                    "source": {k: p[k] for k in ("corpus", "record", "start", "end", "sha1")},
                    "date": p["date"],
                    "split": p["split"],
                    "actors": [{k: x[k] for k in KEEP_ACTOR if x.get(k) is not None} for x in a.get("actors", [])],
                    "relations": [_relation(r, texts.get(a["id"], ""), trigger_spans) for r in a.get("relations", [])],
                }
            )
    items.sort(key=lambda it: it["id"])
    with open(out, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False, separators=(",", ":")) + "\n")
    rels = sum(len(it["relations"]) for it in items)
    print(f"{len(items)} passages, {rels} relations -> {out}")


def _relation(r: dict, text: str, trigger_spans) -> dict:
    # (absent means false for negated and hedged, as absent means unknown for a country or sector)
    out = {k: r[k] for k in KEEP_REL if k in r and k != "constructions" and r[k] is not False}
    spans = trigger_spans(text, r.get("trigger", "")) if text else []
    if spans:
        out["trigger_at"] = spans
    if "constructions" in r:
        out["constructions"] = r["constructions"]
    return out


if __name__ == "__main__":
    main()
