"""The relation a frame states: :class:`Relation`, its calibrated confidence, and the pairs a
frame yields (a state organ and its own state are one actor; a population taken in is not met)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.dates import first_day, stated_date
from kg.english import DOBJ, PLACE_PREPS, TERRITORY_VERBS, THREAT_GOVERNORS, children_of, span_text
from kg.ontology import is_symmetric, ontology_dir, read_tsv, relations

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.actors import Actor
    from kg.mentions import Mentions
    from kg.rules.context import Frame, Sentence

STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
POPULATION_VERBS = {"host", "receive", "welcome", "accept", "take"}
POPULATION_SECTORS = {"REF", "CVL"}

BASE_CONFIDENCE = {
    "active": 0.9,
    "passive": 0.85,
    "converse": 0.85,
    "light": 0.85,
    "reciprocal": 0.8,
    "nominal": 0.7,
    "adjectival": 0.75,
    "title": 0.9,
    "implied": 0.6,
}


def confidence_features(
    rule: str, rel: str, s: Actor, o: Actor, trigger: str, hedged: bool, negated: bool, voiced: bool = False
) -> list[str]:
    """What a relation's confidence is learned from (``scripts/calibrate.py``): its rule, whether it
    is an event or a role (leads, memberOf), the relation, the kinds of its actors, its status, the
    lower-case words of its trigger ("imposed sanctions"), and whether its document speaks for a
    publisher (an official release states its facts more formulaically than a news story)."""
    kind = "role" if relations()[rel].quad is None else "event"
    types = {s.type, o.type}
    who = "sector" if "SectorActor" in types else ("person" if "Person" in types else "named")
    feats = [
        f"kind={kind}",
        f"rule={rule}/{kind}",
        f"bucket={rule}/{kind}/{who}",
        f"relation={rel}",
        f"rule_relation={rule}/{rel}",
        f"actors={s.type}>{o.type}",
    ]
    if hedged:
        feats.append("hedged")
    if negated:
        feats.append("negated")
    if s.country and s.country == o.country:
        feats.append("same_country")
    if voiced:
        feats.append("voiced")
    # the trigger's own words, not the names it may carry ("arrested Kyi")
    feats += [f"word={w}" for w in sorted(set(trigger.split())) if w.isalpha() and w.islower()]
    return feats


def relation_features(r: Relation) -> list[str]:
    """:func:`confidence_features` of an extracted relation."""
    return confidence_features(r.rule, r.relation, r.subject, r.object, r.trigger, r.hedged, r.negated, r.voiced)


@lru_cache(maxsize=1)
def _confidence_model() -> dict[str, float] | None:
    path = ontology_dir() / "lexicon" / "confidence.tsv"
    if not path.exists():
        return None
    return {row[0]: float(row[1]) for row in read_tsv(path) if len(row) > 1}


def calibrated_confidence(
    rule: str,
    rel: str,
    s: Actor,
    o: Actor,
    trigger: str,
    hedged: bool = False,
    negated: bool = False,
    voiced: bool = False,
) -> float | None:
    """How likely a relation is to be right on real text: the logistic model of
    ``ontology/lexicon/confidence.tsv`` (weights written by ``scripts/calibrate.py``) over
    :func:`confidence_features`; None without a model."""
    weights = _confidence_model()
    if weights is None:
        return None
    x = weights.get("bias", 0.0) + sum(
        weights.get(f, 0.0) for f in confidence_features(rule, rel, s, o, trigger, hedged, negated, voiced)
    )
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, x))))


@dataclass(frozen=True)
class Relation:
    """One extracted relation with its evidence."""

    subject: Actor
    relation: str
    object: Actor
    negated: bool
    hedged: bool
    confidence: float
    sentence: str
    start: int
    end: int
    date: str | None  # the day the statement is dated by: the stated event date, else the publication date
    trigger: str
    rule: str
    event_date: str | None = None  # the event's date as the sentence states it (day, YYYY-MM or YYYY), if it does
    published: str | None = None  # the document's publication date
    place: str | None = None  # where the sentence says the event happened (a city, region or territory)
    place_country: str | None = None  # that place's state (ISO alpha-3)
    voiced: bool = field(default=False, compare=False, repr=False)  # its document speaks for a publisher

    def key(self) -> tuple:
        return (self.subject.id, self.relation, self.object.id, self.negated, self.start)

    def as_json(self, doc: str) -> dict:
        return {
            "doc": doc,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "subject": self.subject.as_json(),
            "relation": self.relation,
            "object": self.object.as_json(),
            "negated": self.negated,
            "hedged": self.hedged,
            "confidence": self.confidence,
            "date": self.date,
            "event_date": self.event_date,
            "published": self.published,
            "place": {"name": self.place, "country": self.place_country} if self.place else None,
            "trigger": self.trigger,
            "rule": self.rule,
        }


def emit(frame: Frame, token: Token, ctx: Sentence, negated: bool, hedged: bool) -> Iterator[Relation]:
    """The relations of a frame: one per source and target pair that are distinct actors."""
    rel = frame.trigger.relation
    governor = token.head.lemma_.lower() if token.dep_ == "xcomp" else ""
    if governor in THREAT_GOVERNORS and (governor == "threaten" or relations()[rel].quad in (3, 4)):
        # "threatened to cut ties with Mali", "vowed to retaliate against Israel": the threat is
        # what happened ("vowed to deepen ties" is a promise: the cooperation, as intended)
        rel, hedged = "threatens", False
    pairs = []
    if frame.reciprocal:
        for a in frame.sources:
            for b in frame.sources:
                if a.id != b.id:
                    if is_symmetric(rel) and (b.id, a.id) in {(x.id, y.id) for x, y in pairs}:
                        continue
                    pairs.append((a, b))
    else:
        pairs = [(s, t) for s in frame.sources for t in frame.targets if s.id != t.id]
    pairs = [(s, t) for s, t in pairs if not own_organ(s, t) and not own_organ(t, s)]
    # "the government and people of Ukraine": the state stands for its people beside it
    states = {(s.id, t.country) for s, t in pairs if t.type == "Country"}
    pairs = [(s, t) for s, t in pairs if not (t.sector == "CVL" and (s.id, t.country) in states)]
    if relations()[rel].quad in (1, 2):
        # "help Ukraine defend its country", "the United States worked with American companies": a
        # state's cooperation with its own people is domestic, not a relation between actors
        # (a people's own backing for its leader is a relation: "thousands rallied in support of Trump")
        pairs = [
            (s, t)
            for s, t in pairs
            if not _own_people(s, t, rel) and not (_own_people(t, s, rel) and t.type != "Person")
        ]
    if rel == "meets":
        # "Blinken will travel to Los Angeles": a person going to their own state meets no one
        pairs = [
            (s, t) for s, t in pairs if not (s.type == "Person" and t.type == "Country" and s.country == t.country)
        ]
    if frame.trigger.lemma in POPULATION_VERBS and rel != "aids":
        # "hosted Ukrainian refugees", "received migrants": a population taken in is not a meeting
        # (it is aid, which the lexicon states: light host @REFUGEE)
        pairs = [(s, t) for s, t in pairs if t.sector not in POPULATION_SECTORS]
    for s, t in pairs:
        yield state(
            s,
            _refined(rel, frame.trigger, s, t, token, ctx.mentions),
            t,
            ctx,
            token,
            frame.rule,
            [frame.words],
            negated,
            hedged,
        )


def _refined(rel: str, trigger, s: Actor, t: Actor, head: Token, m: Mentions) -> str:
    """The relation a trigger states between ``s`` and ``t`` once the two are known: words or
    force, repression or war, ground taken, a riot, a membership joined."""
    rel = _in_words(rel, trigger, s, t)
    rel = _repression(rel, trigger, t)
    rel = _ground(rel, trigger, t, head, m)
    rel = _riot(rel, s, t)
    return _joined(rel, trigger.lemma, s, t)


JOINING_VERBS = {"join", "rejoin"}


def _joined(rel: str, lemma: str, s: Actor, t: Actor) -> str:
    """Joining an organisation makes a member of it ("joined the Prohibition Party", "Finland
    joined NATO"), and so does a person joining a state organ or an organised group ("joined
    parliament in 1987", "joined the army", "joined the rebels"); joining a state or a person in
    doing something is cooperation."""
    if rel != "cooperatesWith" or lemma not in JOINING_VERBS:
        return rel
    if t.type == "Organization":
        return "memberOf"
    if s.type == "Person" and t.type == "SectorActor" and t.sector in STATE_SECTORS | {"OPP", "REB"}:
        return "memberOf"
    return rel


PROTESTER_SECTORS = {"CVL", "OPP", "LAB", "EDU"}
# people, not armed forces: force used on them is repression
UNARMED_SECTORS = PROTESTER_SECTORS | {"MED", "HRI", "REF", "REL", "ETH", "NGO"}


def _repression(rel: str, trigger, t: Actor) -> str:
    """Force used on people ("police used force against protesters") is repression (CAMEO 17),
    not an armed attack; force used on a state or an armed group stays an attack (CAMEO 19)."""
    if rel == "attacks" and trigger.kind == "light" and trigger.lemma == "use":
        if t.type == "SectorActor" and t.sector in UNARMED_SECTORS:
            return "coerces"
    return rel


def _in_words(rel: str, trigger, s: Actor, t: Actor) -> str:
    """One person attacking another ("Harris attacked Biden during the debates") attacks with
    words: criticism (CAMEO 11), not force."""
    if rel == "attacks" and trigger.kind == "verb" and trigger.lemma == "attack" and s.type == t.type == "Person":
        return "criticizes"
    return rel


def _ground(rel: str, trigger, t: Actor, head: Token, m: Mentions) -> str:
    """Capturing or seizing a state's ground is an attack, on the state or on whom it is taken
    from ("the Taliban seized Kunduz", "captured Mekelle from the TPLF"); capturing people or
    ships stays coercion."""
    if rel != "coerces" or trigger.kind != "verb" or trigger.lemma not in TERRITORY_VERBS:
        return rel
    ground = any(
        c.dep_ in DOBJ and (c.i in m.places or any(a.type == "Country" for a in m.actors(c))) for c in children_of(head)
    )
    return "attacks" if ground else rel


def _riot(rel: str, s: Actor, t: Actor) -> str:
    """Civilians or the opposition using force on their own state ("protesters tried to storm
    parliament", "clashed with police") protest violently (CAMEO 145), they do not wage war."""
    if (
        rel == "attacks"
        and s.type == "SectorActor"
        and s.sector in PROTESTER_SECTORS
        and s.country is not None
        and t.country == s.country
        and (t.type == "Country" or t.sector in STATE_SECTORS)
    ):
        return "protestsAgainst"
    return rel


def state(
    s: Actor,
    rel: str,
    o: Actor,
    ctx: Sentence,
    token: Token | None,
    rule: str,
    words: list[str],
    negated: bool,
    hedged: bool,
) -> Relation:
    """One relation with its evidence; dated and placed by ``token`` (None: by the document only)."""
    doc_date = ctx.doc_date
    trigger = " ".join(w for w in words if w) or rel
    voiced = ctx.mentions.voice is not None
    conf = calibrated_confidence(rule, rel, s, o, trigger, hedged, negated, voiced)
    if conf is None:
        conf = BASE_CONFIDENCE.get(rule, 0.75) - (0.1 if hedged else 0.0)
    stated = stated_date(token, doc_date) if token is not None else None
    date = first_day(stated).isoformat() if stated else (doc_date.isoformat() if doc_date else None)
    text = span_text(ctx.span).rstrip()  # trailing blank lines are not part of the evidence
    start = ctx.span.start_char
    return Relation(
        subject=s,
        relation=rel,
        object=o,
        negated=negated,
        hedged=hedged,
        confidence=round(max(0.05, min(1.0, conf)), 2),
        sentence=text,
        start=start,
        end=start + len(text),
        date=date,
        trigger=trigger,
        rule=rule,
        voiced=voiced,
        event_date=stated,
        published=doc_date.isoformat() if doc_date else None,
        **(_place_of(token, ctx.mentions) if token is not None else {}),
    )


def _place_of(trigger: Token, m: Mentions) -> dict:
    """Where the sentence says the event happened: a place named after "in", "at", "near" ... on the
    trigger, on its object, or on the verb that states a noun event ("attacked positions in Idlib")."""
    holders = [trigger, *[c for c in children_of(trigger) if c.dep_ in DOBJ]]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.i != trigger.i:
        holders.append(trigger.head)
    for h in holders:
        for p in children_of(h):
            if p.dep_ != "prep" or p.lower_ not in PLACE_PREPS:
                continue
            for q in children_of(p):
                if q.dep_ == "pobj" and q.i in m.places:
                    ent = next((e for e in m.tree.ents if e.start <= q.i < e.end), None)
                    name = ent.text if ent is not None else q.text
                    return {"place": name.removeprefix("the ").strip(), "place_country": m.token_actor[q.i].country}
    return {}


def _own_people(a: Actor, b: Actor, rel: str) -> bool:
    """A state and its own non-state sector ("Ukraine" and "Ukraine: civilians") or its own
    official ("Kuleba ... continuing to support Ukraine's sovereignty"); an official's support or aid
    for their own state's people (meeting them or urging them is a relation all the same)."""
    if a.type == "Country" and b.type == "Person":
        return a.country is not None and a.country == b.country
    return (
        (a.type == "Country" or (a.type == "Person" and rel in ("supports", "aids")))
        and b.type == "SectorActor"
        and a.country is not None
        and a.country == b.country
        and b.sector not in STATE_SECTORS
    )


def own_organ(a: Actor, b: Actor) -> bool:
    """A state organ ("Mali: military") and its own state are one actor for an event."""
    return a.type == "SectorActor" and b.type == "Country" and a.country == b.country and a.sector in STATE_SECTORS
