"""Scoring the extractor against a gold file (``kg eval``).

Gold format (JSON Lines, documented in tests/gold/README.md): one item per line with ``text``,
optional ``date`` and ``constructions``, and ``relations``: a list of ``{"subject", "relation",
"object", "negated", "hedged"}`` where actors are written as names ("Russia", "the Kremlin",
"Ebrahim Raisi") and resolved with the same gazetteer the extractor uses.

Two levels, as event-data evaluations do:

* exact: (subject, relation, object, negated); symmetric relations match in either direction;
* dyad-quad: (subject's country, object's country, QuadClass) for event relations, where an
  actor's country is its ISO code (itself for a country, its country for a person or body) or,
  for international organisations and groups, the actor itself.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.actors import Actor, resolve_name
from kg.dates import parse_date
from kg.extract import Extractor, Relation
from kg.nlp import load_pipeline
from kg.ontology import is_symmetric, relations


class GoldError(ValueError):
    pass


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Report:
    items: int = 0
    exact: Score = field(default_factory=Score)
    dyad: Score = field(default_factory=Score)
    per_relation: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    per_construction: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "items": self.items,
            "exact": self.exact.as_dict(),
            "dyad_quad": self.dyad.as_dict(),
            "per_relation": {k: v.as_dict() for k, v in sorted(self.per_relation.items())},
            "per_construction": {k: v.as_dict() for k, v in sorted(self.per_construction.items())},
        }


def _key(s: Actor, rel: str, o: Actor, negated: bool) -> tuple:
    a, b = s.id, o.id
    if is_symmetric(rel) and b < a:
        a, b = b, a
    return (a, rel, b, bool(negated))


def _dyad_actor(a: Actor) -> str:
    return a.country or a.id


def _dyad_key(s: Actor, rel: str, o: Actor) -> tuple | None:
    quad = relations()[rel].quad
    if quad is None:
        return None
    a, b = _dyad_actor(s), _dyad_actor(o)
    if a == b:
        return None
    if is_symmetric(rel) and b < a:
        a, b = b, a
    return (a, b, quad)


def load_gold(path: str | Path) -> list[dict]:
    items = []
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"cannot read gold file {path}: {exc.strerror or exc}") from None
    known = relations()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise GoldError(f"{path}:{n}: an item needs a 'text' string")
        for r in item.get("relations", []):
            if r.get("relation") not in known:
                raise GoldError(f"{path}:{n}: unknown relation {r.get('relation')!r}")
        item.setdefault("id", f"line-{n}")
        items.append(item)
    if not items:
        raise GoldError(f"gold file {path} holds no items")
    return items


def evaluate(gold_path: str | Path, model: str | None = None) -> Report:
    """Score the extractor on a gold file."""
    items = load_gold(gold_path)
    nlp = load_pipeline(model)
    ex = Extractor()
    report = Report(items=len(items))
    texts = ((it["text"], it) for it in items)
    for sdoc, item in nlp.pipe(texts, as_tuples=True, batch_size=64):
        date = parse_date(item.get("date")) if item.get("date") else None
        preds: list[Relation] = ex.extract(sdoc, date)
        gold_exact, gold_dyad, gold_by_rel = set(), set(), defaultdict(set)
        for r in item.get("relations", []):
            s, o = resolve_name(r["subject"]), resolve_name(r["object"])
            k = _key(s, r["relation"], o, r.get("negated", False))
            gold_exact.add(k)
            gold_by_rel[r["relation"]].add(k)
            if not r.get("negated", False):
                d = _dyad_key(s, r["relation"], o)
                if d:
                    gold_dyad.add(d)
        pred_exact, pred_dyad, pred_by_rel = set(), set(), defaultdict(set)
        for p in preds:
            k = _key(p.subject, p.relation, p.object, p.negated)
            pred_exact.add(k)
            pred_by_rel[p.relation].add(k)
            if not p.negated:
                d = _dyad_key(p.subject, p.relation, p.object)
                if d:
                    pred_dyad.add(d)
        report.exact.add(gold_exact, pred_exact)
        report.dyad.add(gold_dyad, pred_dyad)
        for rel in set(gold_by_rel) | set(pred_by_rel):
            report.per_relation[rel].add(gold_by_rel[rel], pred_by_rel[rel])
        for c in item.get("constructions", []) or ["untagged"]:
            report.per_construction[c].add(gold_exact, pred_exact)
        if gold_exact != pred_exact:
            report.errors.append({
                "id": item["id"], "text": item["text"],
                "missed": sorted(map(list, gold_exact - pred_exact)), "extra": sorted(map(list, pred_exact - gold_exact)),
            })
    return report
