"""Passages of real text for the real-text gold set: pointers into ../shared/corpora.

The real-text gold file holds no text, only pointers (``corpus``, ``record``, ``start``, ``end``
and the first 12 hex digits of the passage's SHA-1), so the corpora stay where they are. This
module finds the corpora (``$KG_CORPORA``, else ``../shared/corpora`` next to the project or the
working directory), reads their records and returns the text a pointer names, checking it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from kg.errors import KGError

CORPORA = (
    "state-dept/state_dept_pr_2021-Q2.jsonl",
    "state-dept/state_dept_pr_2021-Q3.jsonl",
    "state-dept/state_dept_pr_2022-Q1.jsonl",
    "state-dept/state_dept_pr_2022-Q2.jsonl",
    "state-dept/state_dept_pr_2022-Q3.jsonl",
    "wikinews/wikinews_2019.csv",
    "wikinews/wikinews_2020.csv",
)


class CorpusMissing(KGError, FileNotFoundError):
    pass


def corpora_dir() -> Path | None:
    """The shared corpora folder, or None when it is absent."""
    env = os.environ.get("KG_CORPORA")
    if env:  # set: the only place to look
        return Path(env) if Path(env).is_dir() else None
    here = Path(__file__).resolve().parents[1]
    candidates = [here.parent / "shared" / "corpora", Path.cwd().parent / "shared" / "corpora"]
    for c in candidates:
        if c.is_dir():
            return c
    return None


def corpus_records(corpus: str) -> list[dict]:
    """Every record of one corpus file as ``{corpus, id, date, title, text}``."""
    return list(records(corpus).values())


def records(corpus: str) -> dict[str, dict]:
    """The records of one corpus file by id (the release's ``guid``, the article's ``url``), read once."""
    return _records(corpus)


@lru_cache(maxsize=16)
def _records(corpus: str) -> dict[str, dict]:
    root = corpora_dir()
    if root is None or not (root / corpus).is_file():
        raise CorpusMissing(
            f"the real-text gold set reads its passages from {corpus} under ../shared/corpora "
            "(or $KG_CORPORA), which is absent here"
        )
    path = root / corpus
    out: dict[str, dict] = {}
    if corpus.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    out[r["guid"]] = {
                        "corpus": corpus,
                        "id": r["guid"],
                        "date": r.get("date", ""),
                        "title": r.get("title", ""),
                        "text": r.get("text", ""),
                    }
    else:
        csv.field_size_limit(10**8)
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                out[r["url"]] = {
                    "corpus": corpus,
                    "id": r["url"],
                    "date": r.get("date", ""),
                    "title": r.get("title", ""),
                    "text": r.get("text", ""),
                }
    return out


def passage(pointer: dict) -> str:
    """The text a pointer names; raises CorpusMissing or ValueError when it cannot be found as annotated."""
    rec = records(pointer["corpus"]).get(pointer["record"])
    if rec is None:
        raise ValueError(f"record {pointer['record']!r} is not in {pointer['corpus']}")
    text = rec["text"][pointer["start"] : pointer["end"]]
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    if pointer.get("sha1") and digest != pointer["sha1"]:
        raise ValueError(
            f"the passage at {pointer['corpus']} {pointer['record']} "
            f"[{pointer['start']}:{pointer['end']}] is not the annotated text (checksum differs)"
        )
    return text


def trigger_spans(text: str, trigger: str) -> list[list[int]]:
    """Where an annotator's trigger words ("met with", "imposed ... on") stand in the passage: a
    list of [start, end] character offsets, one per piece between "...", found in order and
    ignoring case and quote styles; [] when a piece is not in the passage. The gold files keep
    these pointers, never the words."""

    def fold(s: str) -> str:
        return s.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')

    hay = fold(text)
    spans: list[list[int]] = []
    at = 0
    for piece in (p.strip() for p in fold(trigger).split("...")):
        if not piece:
            continue
        word = re.compile(r"(?<!\w)" + re.escape(piece) + r"(?!\w)")  # whole words: "on" is not in "sanctions"
        hit = word.search(hay, at) or word.search(hay)
        if hit is None:
            return []
        spans.append([hit.start(), hit.end()])
        at = hit.end()
    return spans
