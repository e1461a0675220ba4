"""Scoring the extractor against a gold file (``kg eval``).

Two gold formats (JSON Lines, documented in tests/gold/README.md and tests/gold/real/README.md):

* written items carry their ``text``, optional ``date`` and ``constructions``, and ``relations``:
  a list of ``{"subject", "relation", "object", "negated", "hedged"}`` where actors are written as
  names ("Russia", "the Kremlin", "Ebrahim Raisi") and resolved with the extractor's gazetteer;
* real-text items carry a ``source`` pointer into ../shared/corpora instead of text, an
  ``actors`` list (name, type, country, sector) and relations naming those actors. kg reads the
  whole document, as ``kg build`` would, and the relations of the passage's sentences are scored;
  actors are matched by kind (countries by code, persons by surname, sector actors by country and
  sector, organisations by canonical name), relations one to one.

Two levels, as event-data evaluations do:

* exact: (subject, relation, object, negated); symmetric relations match in either direction;
* dyad-quad: (subject's country, object's country, QuadClass) for event relations, where an
  actor's country is its ISO code (itself for a country, its country for a person or body) or,
  for international organisations and groups, the actor itself.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.actors import Actor, gazetteer, publisher_voice, resolve_name
from kg.dates import parse_date
from kg.errors import KGError
from kg.extract import Extractor, Relation, relation_features
from kg.nlp import load_pipeline
from kg.ontology import is_symmetric, relations
from kg.persons import begins_name, same_persons


class GoldError(KGError, ValueError):
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
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


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


def _state_level(a: Actor) -> Actor:
    """The written set names every unnamed agent by its country ("Egyptian troops" -> Egypt)."""
    if a.type == "SectorActor" and a.country:
        return gazetteer().country(a.country) or a
    return a


def _key(s: Actor, rel: str, o: Actor, negated: bool) -> tuple:
    a, b = _state_level(s).id, _state_level(o).id
    if is_symmetric(rel) and b < a:
        a, b = b, a
    return (a, rel, b, bool(negated))


def _dyad_actor(a: Actor) -> str:
    return a.country or a.id  # a sector actor's country is its state


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


def gold_files(path: str | Path) -> list[Path]:
    """The files of a gold set: the file itself, or a folder's ``*.jsonl`` files in name order."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise GoldError(f"gold folder {path} holds no .jsonl files")
        return files
    return [path]


def load_gold(path: str | Path) -> list[dict]:
    """The items of a gold file, or of every ``*.jsonl`` file of a gold folder (ids unique across them)."""
    items = []
    seen: dict[str, str] = {}
    for file in gold_files(path):
        for n, item in _gold_lines(file):
            if "id" not in item:
                item["id"] = f"line-{n}" if file == Path(path) else f"{file.stem}-{n}"
            if item["id"] in seen:
                raise GoldError(f"{file}:{n}: id {item['id']!r} is already used at {seen[item['id']]}")
            seen[item["id"]] = f"{file}:{n}"
            items.append(item)
    if not items:
        raise GoldError(f"gold file {path} holds no items")
    return items


def _gold_lines(path: Path):
    try:
        lines = path.read_text("utf-8").splitlines()
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
        if isinstance(item, dict) and "source" in item and "text" not in item:
            item = _real_item(item, path, n)
        elif not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise GoldError(f"{path}:{n}: an item needs a 'text' string (or a 'source' pointer)")
        for r in item.get("relations", []):
            if r.get("relation") not in known:
                raise GoldError(f"{path}:{n}: unknown relation {r.get('relation')!r}")
        yield n, item


def evaluate(gold_path: str | Path, model: str | None = None, split: str | None = None) -> Report:
    """Score the extractor on a gold file (written or real-text; ``split`` picks one of GOLD_SPLITS)."""
    items = load_gold(gold_path)
    nlp = load_pipeline(model)
    ex = Extractor()
    if all("source" in it for it in items):
        return evaluate_real(items, nlp, ex, split)
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
            report.errors.append(
                {
                    "id": item["id"],
                    "text": item["text"],
                    "missed": sorted(map(list, gold_exact - pred_exact)),
                    "extra": sorted(map(list, pred_exact - gold_exact)),
                }
            )
    return report


# ---------------------------------------------------------------------------- real-text gold set
SECTORS_AS_STATE = {"GOV"}
# A real-text passage's split: read while improving kg, only scored, or only scored to fit the
# level of the confidence (scripts/calibrate.py); tests/gold/real/README.md says which is which.
GOLD_SPLITS = ("tune", "heldout", "calibrate")
GOVERNMENT_BODY = re.compile(
    r"\b(Department|Ministry|Office|Bureau|Government|Administration|Embassy|Mission)\b"
)  # "Belarusian authorities": the government is the state acting


@dataclass
class Calibration:
    """Confidence against correctness: bins of predicted confidence, the share right in each."""

    pairs: list[tuple[float, bool]] = field(default_factory=list)

    def bins(self, edges=(0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)) -> list[dict]:
        out = []
        for lo, hi in zip(edges, edges[1:]):
            got = [(c, ok) for c, ok in self.pairs if lo <= c < hi]
            if got:
                out.append(
                    {
                        "from": lo,
                        "to": min(hi, 1.0),
                        "n": len(got),
                        "confidence": round(sum(c for c, _ in got) / len(got), 3),
                        "right": round(sum(ok for _, ok in got) / len(got), 3),
                    }
                )
        return out

    @property
    def ece(self) -> float:
        """Expected calibration error: the bins' |confidence - share right|, weighted by size."""
        n = len(self.pairs)
        return round(sum(b["n"] * abs(b["confidence"] - b["right"]) for b in self.bins()) / n, 3) if n else 0.0


@dataclass
class RealReport(Report):
    events: Score = field(default_factory=Score)  # exact, without the structural leads/memberOf
    actors: Score = field(default_factory=Score)
    person_country: Score = field(default_factory=Score)  # tp: right country, fp: wrong, fn: none given
    hedged: Score = field(default_factory=Score)  # the hedged flag on the relations both found
    per_rule: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    calibration: Calibration = field(default_factory=Calibration)
    relations: int = 0
    judged: list[tuple[list[str], bool]] = field(default_factory=list)  # (confidence features, right) per prediction
    event_preds: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right) per event relation

    def events_by_confidence(self, floors=(0.0, 0.5, 0.6, 0.7, 0.8, 0.9)) -> list[dict]:
        """Events P / R / F1 keeping only the relations of at least each confidence: the operating
        points a user picks with ``--min-confidence``."""
        gold = self.events.tp + self.events.fn
        out = []
        for floor in floors:
            sc = Score()
            sc.tp = sum(ok for c, ok in self.event_preds if c >= floor)
            sc.fp = sum(not ok for c, ok in self.event_preds if c >= floor)
            sc.fn = gold - sc.tp
            out.append({"min_confidence": floor, **sc.as_dict()})
        return out

    def as_dict(self) -> dict:
        d = super().as_dict()
        d.update(
            {
                "relations": self.relations,
                "events": self.events.as_dict(),
                "actors": self.actors.as_dict(),
                "person_country": self.person_country.as_dict(),
                "hedged": self.hedged.as_dict(),
                "per_rule": {k: v.as_dict() for k, v in sorted(self.per_rule.items())},
                "calibration": {"bins": self.calibration.bins(), "ece": self.calibration.ece},
                "events_by_confidence": self.events_by_confidence(),
            }
        )
        return d


def _fold(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _surname(name: str) -> str:
    """The surname persons match by, in kg's one spelling per person ("Zelenskyy" = "Zelensky")."""
    from kg.persons import person_key

    words = [w for w in _fold(name).split() if w not in _SUFFIXES and len(w) > 1]
    return person_key(words[-1]) if words else ""


@dataclass(frozen=True)
class GoldActor:
    name: str
    type: str
    country: str | None
    sector: str | None

    def canonical(self) -> str:
        hit = gazetteer().lookup(self.name)
        return _fold(hit.label if hit is not None else self.name)

    def matches(self, a: Actor) -> bool:
        t = self.type
        if t == "Country":
            # a people as a whole is its country, and so is a place acted upon ("struck Kharkiv")
            return a.country == self.country and (a.type == "Country" or a.sector == "CVL")
        if t == "Person":
            return a.type == "Person" and (
                _surname(a.label) == _surname(self.name) != ""
                # one named more fully than the other, as kg merges persons ("Hassan Sheikh" is
                # "Hassan Sheikh Mohamud", "Foreign Minister Chung" of Korea "Chung Eui-yong")
                or bool(same_persons([("gold", self.name, self.country), ("kg", a.label, a.country)]))
                or begins_name(self.name, a.label)  # "Foreign Minister Retno" is Retno Marsudi
                # the family name first or last ("Abe Shinzo" is kg's "Shinzo Abe")
                or sorted(_fold(self.name).split()) == sorted(_fold(a.label).split())
            )
        if t == "Sector":
            if getattr(a, "sector", None):
                # an annotator who could not tell the country leaves it out: the sector decides
                return (self.sector is None or a.sector == self.sector) and (
                    self.country is None or a.country == self.country
                )
            return a.type == "Country" and self.sector in SECTORS_AS_STATE and a.country == self.country
        hit = gazetteer().lookup(self.name)
        if hit is not None and hit.id == a.id:
            return True
        if (
            t == "Organization"
            and self.country
            and a.type == "Country"
            and a.country == self.country
            and (GOVERNMENT_BODY.search(self.name))
        ):
            return True  # kg folds a state's ministries and departments into the state (ARCHITECTURE.md)
        return a.type != "Country" and _fold(a.label) == self.canonical()

    def dyad(self) -> str | None:
        if self.country:
            return self.country
        return self.canonical() or None


def _pred_dyad(a: Actor) -> str:
    return a.country or _fold(a.label)


def _real_item(item: dict, path, n: int) -> dict:
    src = item.get("source")
    if not isinstance(src, dict) or not all(k in src for k in ("corpus", "record", "start", "end")):
        raise GoldError(f"{path}:{n}: a real-text item needs a 'source' with corpus, record, start and end")
    if item.get("split", "tune") not in GOLD_SPLITS:
        raise GoldError(f"{path}:{n}: unknown split {item['split']!r} (known: {', '.join(GOLD_SPLITS)})")
    actors = {}
    for a in item.get("actors", []):
        if not isinstance(a, dict) or not isinstance(a.get("name"), str):
            raise GoldError(f"{path}:{n}: an actor needs a 'name'")
        if a.get("type") not in ("Country", "Person", "Organization", "Sector", "Group"):
            raise GoldError(f"{path}:{n}: actor {a['name']!r} has an unknown type {a.get('type')!r}")
        actors[a["name"]] = GoldActor(a["name"], a["type"], a.get("country") or None, a.get("sector") or None)
    for r in item.get("relations", []):
        for side in ("subject", "object"):
            if r.get(side) not in actors:
                raise GoldError(f"{path}:{n}: relation {side} {r.get(side)!r} is not in the item's actors")
    item["_actors"] = actors
    return item


def evaluate_real(items: list[dict], nlp, ex: Extractor, split: str | None = None) -> RealReport:
    """Score real-text items: kg reads each whole document; the passage's sentences are scored."""
    from kg.mentions import find_mentions
    from kg.realgold import CorpusMissing, passage, records

    items = [it for it in items if split in (None, "all") or it.get("split") == split]
    report = RealReport(items=len(items))
    by_doc: dict[tuple, list[dict]] = defaultdict(list)
    for it in items:
        src = it["source"]
        by_doc[(src["corpus"], src["record"])].append(it)
    docs = []
    for (corpus, record), its in by_doc.items():
        try:
            rec = records(corpus).get(record)
        except CorpusMissing as exc:
            raise GoldError(str(exc)) from None
        if rec is None:
            raise GoldError(f"record {record!r} of {corpus} is not in the corpora here")
        for it in its:
            try:
                passage(it["source"])
            except ValueError as exc:
                raise GoldError(f"{it['id']}: {exc}") from None
        docs.append((rec["text"], (rec, its)))
    for sdoc, (rec, its) in nlp.pipe(docs, as_tuples=True, batch_size=16):
        date = parse_date(rec.get("date"))
        voice = publisher_voice(rec["id"])
        preds = ex.extract(sdoc, date, voice=voice, headline=rec.get("title"))
        mentions = find_mentions(sdoc, date, voice, headline=rec.get("title"))
        for it in its:
            lo, hi = it["source"]["start"], it["source"]["end"]
            inside = _one_per_fact([p for p in preds if p.start < hi and p.end > lo])
            _score_real(report, it, inside)
            seen: dict[str, Actor] = {}
            for t in sdoc:
                if lo <= t.idx < hi and t.i in mentions.token_actor:
                    a = mentions.token_actor[t.i]
                    seen.setdefault(a.id, a)
            _score_actors(report, it, list(seen.values()))
    return report


def _one_per_fact(preds: list[Relation]) -> list[Relation]:
    """One relation per (subject, relation, object, negation) in a passage, as the guide annotates."""
    best: dict[tuple, Relation] = {}
    for p in preds:
        a, b = p.subject.id, p.object.id
        k = (*sorted((a, b)), p.relation, p.negated) if is_symmetric(p.relation) else (a, b, p.relation, p.negated)
        if k not in best or p.confidence > best[k].confidence:
            best[k] = p
    return list(best.values())


def _score_actors(report: RealReport, item: dict, pred: list[Actor]) -> None:
    gold: dict[str, GoldActor] = item["_actors"]
    matched_pred = set()
    for g in gold.values():
        hit = next((a for a in pred if g.matches(a)), None)
        if hit is None:
            report.actors.fn += 1
            continue
        report.actors.tp += 1
        matched_pred.add(hit.id)
        if g.type == "Person" and g.country:
            if hit.country == g.country:
                report.person_country.tp += 1
            elif hit.country:
                report.person_country.fp += 1
            else:
                report.person_country.fn += 1
    report.actors.fp += sum(
        1 for a in pred if a.id not in matched_pred and not any(g.matches(a) for g in gold.values())
    )


def _score_real(report: RealReport, item: dict, preds: list[Relation]) -> None:
    actors: dict[str, GoldActor] = item["_actors"]
    gold = item.get("relations", [])
    report.relations += len(gold)
    used: set[int] = set()
    pred_ok = [False] * len(preds)
    missed = []
    for g in gold:
        s, o = actors[g["subject"]], actors[g["object"]]
        neg = bool(g.get("negated", False))
        hit = None
        for i, p in enumerate(preds):
            if i in used or p.relation != g["relation"] or p.negated != neg:
                continue
            if (s.matches(p.subject) and o.matches(p.object)) or (
                is_symmetric(p.relation) and s.matches(p.object) and o.matches(p.subject)
            ):
                hit = i
                break
        cons = g.get("constructions") or ["untagged"]
        event = relations()[g["relation"]].quad is not None
        if hit is None:
            report.events.fn += event
            report.exact.fn += 1
            report.per_relation[g["relation"]].fn += 1
            for c in cons:
                report.per_construction[c].fn += 1
            missed.append([g["subject"], g["relation"], g["object"], neg])
        else:
            used.add(hit)
            pred_ok[hit] = True
            # hedging is judged on the relations both found (it does not decide a match)
            report.hedged.add({0} if g.get("hedged") else set(), {0} if preds[hit].hedged else set())
            report.events.tp += event
            report.exact.tp += 1
            report.per_relation[g["relation"]].tp += 1
            for c in cons:
                report.per_construction[c].tp += 1
    extra = []
    for i, p in enumerate(preds):
        report.per_rule[p.rule].add({0} if pred_ok[i] else set(), {0})
        report.calibration.pairs.append((p.confidence, pred_ok[i]))
        report.judged.append((relation_features(p), pred_ok[i]))
        if relations()[p.relation].quad is not None:
            report.event_preds.append((p.confidence, pred_ok[i]))
        if not pred_ok[i]:
            report.events.fp += relations()[p.relation].quad is not None
            report.exact.fp += 1
            report.per_relation[p.relation].fp += 1
            extra.append([p.subject.label, p.relation, p.object.label, p.negated, p.rule, p.trigger])
    # dyad-quad: the two sides' countries (or the organisation) and the QuadClass, as event data counts
    gold_dyad, pred_dyad = set(), set()
    for g in gold:
        quad = relations()[g["relation"]].quad
        s, o = actors[g["subject"]].dyad(), actors[g["object"]].dyad()
        if quad and not g.get("negated") and s and o and s != o:
            gold_dyad.add((*sorted((s, o)), quad) if is_symmetric(g["relation"]) else (s, o, quad))
    for p in preds:
        quad = relations()[p.relation].quad
        s, o = _pred_dyad(p.subject), _pred_dyad(p.object)
        if quad and not p.negated and s != o:
            pred_dyad.add((*sorted((s, o)), quad) if is_symmetric(p.relation) else (s, o, quad))
    report.dyad.add(gold_dyad, pred_dyad)
    if missed or extra:
        report.errors.append({"id": item["id"], "source": item["source"], "missed": missed, "extra": extra})


def _annotated_actor(g: GoldActor) -> Actor:
    """A second annotator's actor as the scorer sees a prediction: the same fields, no parsing."""
    gz = gazetteer()
    if g.type == "Country" and g.country and gz.country(g.country) is not None:
        return gz.country(g.country)
    if g.type == "Person":
        return Actor(f"annotated/person/{_fold(g.name)}", g.name, "Person", g.country)
    if g.type == "Sector":
        return Actor(f"annotated/sector/{g.country}/{g.sector}", g.name, "SectorActor", g.country, sector=g.sector)
    hit = gz.lookup(g.name)
    if hit is not None:
        return hit
    return Actor(f"annotated/{g.type.lower()}/{_fold(g.name)}", g.name, "Organization", g.country)


def agreement(first: list[dict], second: list[dict]) -> RealReport:
    """Score a second, independent annotation of the same passages against the first, with the
    scorer ``kg eval`` uses on kg: the agreement of two people is the ceiling of any score."""
    by_id = {it["id"]: it for it in first}
    report = RealReport()
    for it in second:
        ref = by_id.get(it["id"])
        if ref is None:
            raise GoldError(f"{it['id']}: not in the first annotation")
        report.items += 1
        acts = {name: _annotated_actor(g) for name, g in it["_actors"].items()}
        preds = [
            Relation(
                acts[r["subject"]],
                r["relation"],
                acts[r["object"]],
                bool(r.get("negated")),
                bool(r.get("hedged")),
                1.0,
                "",
                0,
                0,
                None,
                r.get("trigger", ""),
                "annotator",
            )
            for r in it.get("relations", [])
        ]
        _score_real(report, ref, preds)
        _score_actors(report, ref, list({a.id: a for a in acts.values()}.values()))
    return report
