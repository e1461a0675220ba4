"""Extraction: spaCy ``Doc`` in, :class:`Relation` candidates out.

Each linguistic construction is one small rule over the dependency parse:

* ``verb``      a trigger verb with its logical subject and object (active, passive, converse,
                prepositional targets, coordination, control verbs, relative clauses, reported speech)
* ``light``     a light verb with its object noun: "imposed sanctions on", "held talks with"
* ``nominal``   a trigger noun: "Turkey's backing for Azerbaijan", "talks between Ethiopia and Sudan"
* ``adjectival`` a participle modifier: "the Rwanda-backed M23"
* ``title``     a person's title: "Iranian President Ebrahim Raisi" -> Raisi leads Iran

Actor mentions are found first (see :mod:`kg.mentions`); a rule yields a relation only when both
of its arguments resolve to actors. Negation and hedging come from the trigger's own modifiers and
from the verbs that govern it ("refused to condemn", "plans to supply").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg import slots
from kg.actors import Actor, Gazetteer
from kg.dates import first_day, stated_date
from kg.english import (
    DOBJ,
    GOVERNOR_LINKS,
    GRATEFUL_ADJS,
    PASS_SUBJ,
    PLACE_PREPS,
    THANK_VERBS,
    THREAT_GOVERNORS,
    is_passive,
    logical_objects,
    logical_subjects,
    prep_objects,
    reciprocal_object,
)
from kg.lexicon import Lexicon, Trigger, lexicon
from kg.mentions import Mentions, find_mentions
from kg.ontology import is_symmetric, ontology_dir, read_tsv, relations
from kg.slots import LOCATION_SLOTS, SlotContext

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


def calibration_key(r: Relation | tuple) -> str:
    """The bucket a relation's confidence is calibrated in: its rule, whether it is an event or a
    role (leads, memberOf), and whether an unnamed (sector) actor or a person takes part."""
    rule, rel, s, o = (r.rule, r.relation, r.subject, r.object) if isinstance(r, Relation) else r
    kind = "role" if relations()[rel].quad is None else "event"
    types = {s.type, o.type}
    who = "sector" if "SectorActor" in types else ("person" if "Person" in types else "named")
    return f"{rule}/{kind}/{who}"


@lru_cache(maxsize=1)
def _calibration() -> dict[str, float]:
    path = ontology_dir() / "lexicon" / "calibration.tsv"
    if not path.exists():
        return {}
    return {row[0]: float(row[1]) for row in read_tsv(path) if len(row) > 1}


def calibrated_confidence(rule: str, rel: str, s: Actor, o: Actor) -> float | None:
    """The share of relations of this bucket that were right on the real-text dev set
    (``ontology/lexicon/calibration.tsv``, written by ``scripts/calibrate.py``); None if unmeasured."""
    table = _calibration()
    key = calibration_key((rule, rel, s, o))
    return table.get(key, table.get(key.rsplit("/", 1)[0]))


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


@dataclass(frozen=True)
class _Frame:
    """The arguments a rule found, before the relation is built."""

    trigger: Trigger
    sources: list[Actor]
    targets: list[Actor]
    rule: str
    reciprocal: bool
    words: str


class Extractor:
    """Applies the rules to parsed documents; it holds no per-doc state. Its lexicon and gazetteer are
    its own objects (by default the process's), so one process can hold several extractors."""

    def __init__(self, lex: Lexicon | None = None, gz: Gazetteer | None = None):
        self.lex = lex or lexicon()
        self.gz = gz  # None: the process's gazetteer (with the user's actor file, if one is installed)

    # ------------------------------------------------------------------ entry point
    def extract(self, doc: Doc, doc_date: dt.date | None = None, voice: Actor | None = None) -> list[Relation]:
        """All relations in a parsed document, deduplicated, in text order. ``voice`` is the actor
        the document speaks for, if its publisher says (:func:`kg.actors.publisher_voice`)."""
        mentions = find_mentions(doc, doc_date, voice, self.gz)
        out: dict[tuple, Relation] = {}
        for sent in doc.sents:
            for rel in self._sentence(sent, mentions, doc_date):
                out.setdefault(rel.key(), rel)
        return sorted(out.values(), key=lambda r: (r.start, r.subject.id, r.relation, r.object.id))

    def _sentence(self, sent: Span, m: Mentions, doc_date: dt.date | None) -> Iterator[Relation]:
        for person, role, holder in m.titles_in(sent):
            yield self._relation(person, role, holder, sent, None, doc_date, "title", [], negated=False, hedged=False)
        suppressed: set[int] = set()
        for token in sent:
            if token.i in suppressed:
                continue
            frames = []
            lemma = token.lemma_.lower()
            if token.dep_ == "amod" and lemma in self.lex.adjs and token.tag_ == "VBN":
                frames = self._adj_frames(token, lemma, m)
            elif token.pos_ in ("VERB", "AUX") or (token.tag_.startswith("VB")):
                frames = self._verb_frames(token, lemma, m)
            elif token.pos_ == "ADJ" and token.dep_ == "acomp" and lemma in self.lex.verbs:
                # a predicative adjective: "Kyiv is grateful to Warsaw", "is critical of Beijing"
                frames = self._verb_frames(token, lemma, m)
            elif token.pos_ in ("NOUN", "PROPN") and lemma in self.lex.nouns:
                frames = self._noun_frames(token, lemma, m)
            for frame in frames:
                # a noun event ("Russia's invasion") is not denied by the verb that mentions it
                # ("declined to condemn Russia's invasion"), though it may be hedged by it ("called for talks")
                negated, hedged = self._modality(token, negating_governors=frame.rule not in ("nominal", "implied"))
                if frame.rule == "implied":
                    # "in the face of Russia's invasion": a state's war is stated as a fact, whatever
                    # the sentence around it plans; only its own words ("alleged") hedge it
                    hedged = any(c.lower_ in self.lex.hedge.get("adverb", ()) for c in token.children)
                if frame.trigger.lemma == "*" and lemma in self.lex.hedge.get("governor", ()):
                    hedged = True  # "is considering sanctions against": the verb itself hedges
                if frame.trigger.relation in ("threatens", "requests", "demands"):
                    # "threatened to cut ties with X", "urged X to accept": the threat or the request
                    # is the event; what was threatened or asked for has not happened.
                    for child in token.children:
                        if child.dep_ == "xcomp":
                            suppressed.update(t.i for t in child.subtree)
                yield from self._emit(frame, token, sent, doc_date, negated, hedged, m)

    # ------------------------------------------------------------------ rules
    def _verb_frames(self, verb: Token, lemma: str, m: Mentions) -> list[_Frame]:
        candidates: list[tuple[Trigger, str]] = []
        obj_noun = self._object_noun(verb)
        if obj_noun is not None and _has_own_agent(obj_noun, m):
            obj_noun = None  # "noted recent attacks by M23": the noun's agent acts, not the verb's subject
        if obj_noun is not None:
            nouns = [obj_noun.lemma_.lower()] + [c.lemma_.lower() for c in obj_noun.children if c.dep_ == "compound"]
            # "provide Ukraine with Patriot systems": the goods come after "with"
            nouns += [q.lemma_.lower() for q in prep_objects(verb, "with")]
            for noun_lemma in nouns:
                found = self.lex.light_for(lemma, noun_lemma)
                # "came under fire" (an idiom) before "came under @ATTACK"
                found.sort(key=lambda t: t.noun.startswith("@"))
                candidates += [(trig, "light") for trig in found]
        for trig in self.lex.verbs.get(lemma, ()):
            candidates.append((trig, "converse" if trig.converse else ("passive" if is_passive(verb) else "active")))
        if (
            obj_noun is not None
            and obj_noun.dep_ in ("dobj", "pobj")
            and verb.is_ancestor(obj_noun)
            and not candidates
            and lemma not in self.lex.blocked_wildcard
        ):
            # "rolled over a loan to Pakistan", "stepped up its attacks on Ukraine": the noun carries the event
            nouns = [obj_noun.lemma_.lower()] + [c.lemma_.lower() for c in obj_noun.children if c.dep_ == "compound"]
            for noun_lemma in nouns:
                for trig in self.lex.light_for("*", noun_lemma):
                    candidates.append((trig, "light"))
        sanction_nouns = self.lex.noun_classes.get("SANCTION", frozenset())
        if any(t.lemma_.lower() in sanction_nouns for t in logical_subjects(verb)):
            # "Russia has been hit by Western sanctions": what hits is a sanction, not an attack
            candidates = [
                (dataclasses.replace(t, relation="sanctions") if t.relation == "attacks" else t, r)
                for t, r in candidates
            ]
        for trig, rule in candidates:
            frame = self._fill(trig, verb, obj_noun, m, rule)
            if frame is not None:
                return [frame]
        return []

    def _noun_frames(self, noun: Token, lemma: str, m: Mentions) -> list[_Frame]:
        givers, takers = _thanked_for(noun, m)
        if givers and takers:
            # "Ukraine is grateful to the United States for its military support": the one thanked gave it
            for trig in self.lex.nouns[lemma]:
                if relations()[trig.relation].quad in (1, 2):
                    return [_Frame(trig, givers, takers, "nominal", False, _words(noun, None))]
        for trig in self.lex.nouns[lemma]:
            frame = self._fill(trig, noun, None, m, "nominal")
            if frame is not None:
                return [frame]
        return []

    def _adj_frames(self, adj: Token, lemma: str, m: Mentions) -> list[_Frame]:
        """ "the Rwanda-backed M23": the participle's modifier acts on the noun it modifies."""
        for trig in self.lex.adjs[lemma]:
            sources = []
            for child in adj.children:
                if child.dep_ in ("npadvmod", "compound", "nmod", "amod", "advmod"):
                    sources += m.actors(child)
            if not sources:
                # spaCy often attaches "Iran" in "Iran-backed" to the noun, left of the hyphen.
                left = adj.doc[adj.i - 2] if adj.i >= 2 and adj.doc[adj.i - 1].text == "-" else None
                if left is not None:
                    sources += m.actors(left)
            targets = m.actors(adj.head)
            if not targets and adj.head.dep_ == "appos":
                targets = m.actors(adj.head.head)
            if sources and targets:
                return [_Frame(trig, sources, targets, "adjectival", False, adj.text)]
        return []

    def _fill(self, trig: Trigger, head: Token, obj_noun: Token | None, m: Mentions, rule: str) -> _Frame | None:
        # a place is its state's population only when force or coercion is used on it ("shelled
        # Kharkiv"); "travelled to Brussels" meets Belgium
        m.force = relations()[trig.relation].quad == 4
        recip = reciprocal_object(head, obj_noun)
        if "between" in trig.target:
            pair = self._slot("between", head, obj_noun, m)
            if len(pair) >= 2:
                mediators = self._slot("subj", head, obj_noun, m) if "subj" in trig.source else []
                if mediators:
                    # "Egypt mediated between Israel and Hamas": the mediator meets each side
                    return _Frame(trig, mediators, pair, "active", False, _words(head, obj_noun))
                return _Frame(trig, pair, pair, "nominal", True, _words(head, obj_noun))
        sources, loose_sources = self._slot_actors_how(trig.source, head, obj_noun, m)
        if not sources:
            return None
        if recip and len(sources) >= 2:
            return _Frame(trig, sources, sources, "reciprocal", True, _words(head, obj_noun))
        targets, _ = self._slot_actors_how([t for t in trig.target if t != "implied"], head, obj_noun, m)
        if not targets and "implied" in trig.target:
            # "Russia's unprovoked war", in a sentence that names one other state: that state
            targets = self._slot("implied", head, obj_noun, m)
            if targets:
                rule = "implied"
        if (
            not targets
            and len(sources) >= 2
            and not loose_sources
            and "subj" in trig.source
            and (is_symmetric(trig.relation) or "recip" in trig.target)
        ):
            # "Russia and China held talks": a symmetric relation among coordinated subjects.
            return _Frame(trig, sources, sources, "reciprocal", True, _words(head, obj_noun))
        if not targets:
            return None
        if "between" in trig.target and not sources:
            return None
        return _Frame(trig, sources, targets, rule, False, _words(head, obj_noun))

    def _slot_actors_how(self, slots, head: Token, obj_noun: Token | None, m: Mentions) -> tuple[list[Actor], bool]:
        """Actors of the first slot that has some, and whether they were only carried by a modifier.

        First the arguments that name an actor outright, then those that only carry one as a
        modifier ("condemned Israel's decision", "a wave of Russian missiles"). A slot written
        with a final "!" in the lexicon ("obj!") takes named actors only.
        """
        located = [s for s in slots if s in LOCATION_SLOTS]
        for loose in (False, True):
            for slot in slots:
                if (loose and slot.endswith("!")) or slot in located:
                    continue
                actors = self._slot(slot.rstrip("!"), head, obj_noun, m, loose)
                if actors:
                    return actors, loose
        for slot in located:  # "attacked Hamas positions in Rafah": where it happened comes last
            actors = self._slot(slot, head, obj_noun, m)
            if actors:
                return actors, False
        return [], False

    def _slot(self, slot: str, head: Token, obj_noun: Token | None, m: Mentions, loose: bool = False) -> list[Actor]:
        ctx = SlotContext(head, obj_noun, m, self.lex.support_verbs, loose)
        return slots.resolve(slot, ctx)

    # ------------------------------------------------------------------ modality
    def _modality(self, trigger: Token, negating_governors: bool = True) -> tuple[bool, bool]:
        neg_adv = self.lex.negate.get("adverb", frozenset())
        neg_gov = self.lex.negate.get("governor", frozenset())
        neg_det = self.lex.negate.get("det", frozenset())
        hedge_aux = self.lex.hedge.get("aux", frozenset())
        hedge_adv = self.lex.hedge.get("adverb", frozenset())
        hedge_gov = self.lex.hedge.get("governor", frozenset())
        negated = hedged = False

        def own_marks(tok: Token) -> tuple[bool, bool]:
            n = h = False
            for c in tok.children:
                low = c.lower_
                if c.dep_ == "neg" or (c.dep_ in ("advmod", "neg") and low in neg_adv):
                    n = True
                elif c.dep_ in ("aux", "auxpass") and low in hedge_aux:
                    h = True
                elif c.dep_ in ("advmod", "amod") and low in hedge_adv:
                    h = True
                elif c.dep_ == "aux" and low == "going":
                    h = True
            return n, h

        n, h = own_marks(trigger)
        negated |= n
        hedged |= h
        hedged |= self._conditional_or_asked(trigger)
        for subj in trigger.children:
            if subj.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ in ("preconj", "det") and c.lower_ == "neither" for c in subj.children
            ):
                negated = True
        for c in trigger.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                if any(d.dep_ == "det" and d.lower_ in neg_det for d in c.children):
                    negated = True
        if trigger.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ in neg_det for d in trigger.children):
            negated = True
        # Walk up through the verbs and nouns that govern the trigger.
        tok = trigger
        steps = 0
        past_noun = (
            not negating_governors
        )  # "avoided commenting on speculation about Iran providing ...": a noun shields
        while tok.dep_ in GOVERNOR_LINKS and tok.head.i != tok.i and steps < 6:
            link = tok.dep_
            if tok.i != trigger.i and tok.pos_ in ("NOUN", "PROPN"):
                past_noun = True
            tok = tok.head
            steps += 1
            if link == "conj":
                # A coordinated verb shares its first conjunct's auxiliaries ("did not meet or call").
                n, h = own_marks(tok)
                negated |= n
                hedged |= h
                continue
            lemma = tok.lemma_.lower()
            particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
            if not past_noun and (lemma in neg_gov or (particle and f"{lemma} {particle}" in neg_gov)):
                negated = True
            if lemma in hedge_gov:
                hedged = True
                if any(d.dep_ == "det" and d.lower_ in neg_det for d in tok.children):
                    negated = True  # "has no plans to supply"
            n, h = own_marks(tok)
            if n and not past_noun and link in ("xcomp", "ccomp", "pcomp", "prep"):
                negated = True
            if h and link in ("xcomp", "ccomp", "acl", "pcomp"):
                hedged = True
            if link in ("ccomp",) and lemma in ("say", "tell", "state", "announce", "confirm", "add", "note"):
                break
        return negated, hedged

    def _conditional_or_asked(self, trigger: Token) -> bool:
        """Statuses that are not facts: a condition ("if it were to invade", "unless Iran stops"),
        a question ("Will Russia attack?"), a claim dismissed ("its war on terror is a sham")."""
        marks = self.lex.hedge.get("mark", frozenset())
        dismissed = self.lex.hedge.get("dismissed", frozenset())
        if trigger.sent.text.rstrip().endswith("?"):
            return True
        tok = trigger
        for _ in range(8):
            if any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children):
                return True
            if tok.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ in ("attr", "acomp") and c.lemma_.lower() in dismissed for c in tok.head.children
            ):
                return True
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return False

    # ------------------------------------------------------------------ output
    def _emit(
        self, frame: _Frame, token: Token, sent: Span, doc_date, negated: bool, hedged: bool, m: Mentions
    ) -> Iterator[Relation]:
        rel = frame.trigger.relation
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in THREAT_GOVERNORS and rel != "threatens":
            # "threatened to cut ties with Mali": the threat is what happened
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
        pairs = [(s, t) for s, t in pairs if not _own_organ(s, t) and not _own_organ(t, s)]
        if rel == "meets":
            # "Blinken will travel to Los Angeles": a person going to their own state meets no one
            pairs = [
                (s, t) for s, t in pairs if not (s.type == "Person" and t.type == "Country" and s.country == t.country)
            ]
        if frame.trigger.lemma in POPULATION_VERBS:
            # "hosted Ukrainian refugees", "received migrants": a population taken in is not a meeting
            pairs = [(s, t) for s, t in pairs if t.sector not in POPULATION_SECTORS]
        for s, t in pairs:
            yield self._relation(s, rel, t, sent, token, doc_date, frame.rule, [frame.words], negated, hedged, m)

    def _relation(
        self,
        s: Actor,
        rel: str,
        o: Actor,
        sent: Span,
        token: Token | None,
        doc_date,
        rule: str,
        words: list[str],
        negated: bool,
        hedged: bool,
        m: Mentions | None = None,
    ) -> Relation:
        conf = calibrated_confidence(rule, rel, s, o)
        if conf is None:
            conf = BASE_CONFIDENCE.get(rule, 0.75) - (0.1 if hedged else 0.0)
        stated = stated_date(token, doc_date) if token is not None else None
        date = first_day(stated).isoformat() if stated else (doc_date.isoformat() if doc_date else None)
        text = sent.text.rstrip()  # trailing blank lines are not part of the evidence
        start = sent.start_char
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
            trigger=" ".join(w for w in words if w) or rel,
            rule=rule,
            event_date=stated,
            published=doc_date.isoformat() if doc_date else None,
            **(_place_of(token, m) if token is not None and m is not None else {}),
        )

    def _object_noun(self, verb: Token) -> Token | None:
        noun = self._object_head(verb)
        if noun is not None and noun.lemma_.lower() in self.lex.noun_classes.get("QUANTITY", ()):
            # "a new round of sanctions", "a wave of strikes": the event is the noun after "of"
            return next(iter(prep_objects(noun, "of")), noun)
        return noun

    @staticmethod
    def _object_head(verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in DOBJ:
                return c
        if is_passive(verb):
            for c in verb.children:
                if c.dep_ in PASS_SUBJ:
                    return c
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return verb.head
        # "carried out strikes on": the object may hang off the particle
        for c in verb.children:
            if c.dep_ == "prt":
                for cc in c.children:
                    if cc.dep_ in DOBJ:
                        return cc
        # "came under Russian bombardment"
        return next(iter(prep_objects(verb, "under")), None)


def _thanked_for(noun: Token, m: Mentions) -> tuple[list[Actor], list[Actor]]:
    """ "thanked Japan for its assistance", "grateful to the United States for its support": who gave
    the thing thanked for, and who received it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return [], []
    gov = prep.head
    # "is grateful to Romania for its support": the parser hangs "for" on the copula
    gov = next((c for c in gov.children if c.dep_ == "acomp" and c.lower_ in GRATEFUL_ADJS), gov)
    lemma = gov.lemma_.lower()
    if lemma in THANK_VERBS:
        givers = [a for t in logical_objects(gov) for a in m.actors(t)]
    elif lemma in GRATEFUL_ADJS or gov.lower_ in GRATEFUL_ADJS:
        givers = [
            a
            for p in gov.children
            if p.dep_ == "prep" and p.lower_ == "to"
            for t in p.children
            if t.dep_ == "pobj"
            for a in m.actors(t)
        ]
    else:
        return [], []
    takers = [a for t in logical_subjects(gov) for a in m.actors(t)]
    return slots.dedupe(givers), slots.dedupe(takers)


def _words(head: Token, obj_noun: Token | None) -> str:
    if obj_noun is not None and obj_noun.i != head.i:
        a, b = sorted([head, obj_noun], key=lambda t: t.i)
        return f"{a.text} {b.text}" if b.i - a.i <= 4 else head.text
    return head.text


def _place_of(trigger: Token, m: Mentions) -> dict:
    """Where the sentence says the event happened: a place named after "in", "at", "near" ... on the
    trigger, on its object, or on the verb that states a noun event ("attacked positions in Idlib")."""
    holders = [trigger, *[c for c in trigger.children if c.dep_ in DOBJ]]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.i != trigger.i:
        holders.append(trigger.head)
    for h in holders:
        for p in h.children:
            if p.dep_ != "prep" or p.lower_ not in PLACE_PREPS:
                continue
            for q in p.children:
                if q.dep_ == "pobj" and q.i in m.places:
                    ent = next((e for e in q.doc.ents if e.start <= q.i < e.end), None)
                    name = ent.text if ent is not None else q.text
                    return {"place": name.removeprefix("the ").strip(), "place_country": m.token_actor[q.i].country}
    return {}


def _has_own_agent(noun: Token, m: Mentions) -> bool:
    """A noun event with its own named agent: "attacks by M23", "Russia's invasion"."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by" and any(m.actors(q) for q in c.children if q.dep_ == "pobj"):
            return True
        if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her", "our", "my") and m.actors(c):
            return True
    return False


def _own_organ(a: Actor, b: Actor) -> bool:
    """A state organ ("Mali: military") and its own state are one actor for an event."""
    return a.type == "SectorActor" and b.type == "Country" and a.country == b.country and a.sector in STATE_SECTORS
