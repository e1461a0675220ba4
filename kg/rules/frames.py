"""Frame filling, shared by the families: a trigger's source and target slots, in the order the
lexicon gives, each resolved by a resolver of :mod:`kg.slots`.

Slots are filled in two passes: first arguments that name an actor, then arguments that carry one
as a modifier; a target given only as the event's place (``prep:in``) is tried last.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kg import slots
from kg.actors import sector_actor
from kg.english import (
    ACT_NOUNS,
    MEDIATION_WORDS,
    MESSAGE_NOUNS,
    PERSON_OBJECT_VERBS,
    TERM_NOUNS,
    TERRITORY_NOUNS,
    TERRITORY_VERBS,
    acted_together,
    appointed,
    asked_about,
    blamed_for,
    campaign_event,
    children_of,
    contest_won,
    discussion_of,
    hyphen_start,
    logical_objects,
    logical_subjects,
    prep_objects,
    reciprocal_object,
    reported_reaction,
    standing_beside,
    told_to,
)
from kg.mentions import MEMBER_HEADS
from kg.ontology import is_symmetric, relations
from kg.rules.context import Frame
from kg.rules.relation import JOINING_VERBS, own_organ
from kg.slots import LOCATION_SLOTS, SlotContext

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.actors import Actor
    from kg.lexicon import Trigger
    from kg.mentions import Mentions
    from kg.rules.context import Sentence


def other_sense(trig: Trigger, head: Token, obj_noun: Token | None, ctx: Sentence | None = None) -> bool:
    """Whether the words at ``head`` mean something other than the trigger's relation, whoever
    the actors: a campaign rally ("held campaign rallies": supporters gathered, no one
    protested), standing beside officials in a caption, a designation to a post, a reaction
    reported in the active ("alarmed the Gulf states")."""
    if trig.relation == "protestsAgainst":
        return campaign_event(obj_noun if obj_noun is not None else head)
    if trig.relation == "supports" and standing_beside(head):
        return True
    if trig.relation == "sanctions" and trig.kind == "verb" and (appointed(head) or _to_office(head, ctx)):
        return True
    if trig.relation == "requests" and trig.kind == "verb" and asked_about(head):
        return True
    if trig.kind == "verb" and trig.relation == "attacks" and ctx is not None and _words_attacked(head, ctx):
        return True  # "attacked the proclamation": words, not force (light attack @WORDS)
    if trig.kind == "verb" and trig.lemma == "responsible" and not blamed_for(head):
        return True
    if trig.relation == "meets" and trig.kind == "verb" and trig.lemma == "welcome" and _welcomed_thing(head):
        return True  # "welcomed Indonesia's G20 presidency", "we welcome it": approval, no visitor
    if (
        trig.relation == "meets"
        and trig.kind == "verb"
        and trig.lemma in ("speak", "talk")
        and head.dep_ == "acl"
        and head.head.lemma_.lower() in MESSAGE_NOUNS
    ):
        return True  # "issued statements speaking of an incursion": a text that mentions, no conversation
    if trig.kind == "verb" and trig.lemma == "execute" and ctx is not None and _thing_executed(head, ctx):
        return True  # "executed a planned shutdown", "executed the order": carried out, no one killed
    if trig.kind == "verb" and trig.lemma == "breach" and _barrier_forced(head):
        return True  # "breached the compound's defences": a barrier forced, no rule broken
    if trig.kind == "verb" and trig.lemma == "tell" and not told_to(head):
        return True
    if trig.kind == "verb" and trig.lemma in VISIT_VERBS and ctx is not None and not _visitor(head, ctx):
        return True  # "Syrian refugees travelled to Greece": a journey, not a visit
    if trig.relation == "concedesTo" and _rescued(head, obj_noun):
        return True  # "soldiers freed 20 hostages held by Boko Haram": a rescue, not a concession
    if trig.kind == "verb" and trig.lemma == "leave" and ctx is not None and not _pulled_out(head, ctx):
        return True  # "Blinken left Kyiv": a journey, not a withdrawal
    if (
        trig.relation == "mobilizesAgainst"
        and trig.lemma == "deploy"
        and ctx is not None
        and _stationed_in(head, obj_noun, ctx)
    ):
        return True  # "the US deployed troops to Poland": a host, not a target
    if trig.kind == "verb" and trig.relation == "attacks" and ctx is not None and _aimed_by_measure(head, ctx):
        return True  # "OFAC's action targets close associates of Putin": a sanction's aim, not force
    if trig.kind == "verb" and trig.lemma == "ask" and trig.relation == "requests" and _asks_nothing(head):
        return True  # "I'd like to ask Lyndsie Whitehead", "asked Japan whether ...": a question, no request
    if trig.kind == "verb" and trig.lemma == "call" and trig.relation == "requests" and _calls_on_alone(head):
        return True  # "The ambassador called on the minister": a visit; "I'll call on Angel": the floor
    if trig.kind == "verb" and trig.lemma == "call" and trig.relation == "meets" and _on_slot(head):
        # "called on the foreign minister" is a visit; not when asking ("called on Iran to release")
        # nor when a moderator gives the floor ("Let me call on Angel Bryant")
        return not _calls_on_alone(head) or _gives_the_floor(head)
    if trig.kind == "verb" and trig.lemma == "warn" and ctx is not None and _warned_of_danger(head, ctx):
        return True  # "warning the Ukrainian Government of all that is coming": telling, not threatening
    if trig.kind == "noun" and trig.relation == "agreesWith" and _under_negotiation(head):
        return True  # "began negotiating a new Defense Cooperation Agreement": nothing agreed yet
    return trig.kind == "verb" and reported_reaction(head)


# what is done to an agreement not yet made
NEGOTIATING_VERBS = {"negotiate", "draft", "discuss", "seek", "pursue", "propose", "explore", "consider"}
NEGOTIATION_NOUNS = {"negotiation", "talk", "work", "progress"}


def _under_negotiation(noun: Token) -> bool:
    """ "negotiating a new agreement", "talks on a peace deal", "work toward an accord": an
    agreement still being made."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in NEGOTIATING_VERBS:
        return True
    prep = noun.head if noun.dep_ == "pobj" else None
    return (
        prep is not None
        and prep.lower_ in ("on", "toward", "towards", "for", "over")
        and prep.head.lemma_.lower() in NEGOTIATION_NOUNS | NEGOTIATING_VERBS
    )


def _stationed_in(verb: Token, obj_noun: Token | None, ctx: Sentence) -> bool:
    """ "deployed troops to Poland": forces sent to a state itself are stationed there; only forces
    sent against, near or along someone, or to a border ("to its border with Syria"), face them."""
    holders = [verb, *([obj_noun] if obj_noun is not None else [])]
    preps = [p for h in holders for p in children_of(h) if p.dep_ == "prep"]
    if any(p.lower_ in ("against", "near", "along", "on", "around") for p in preps):
        return False
    places = [q for p in preps if p.lower_ == "to" for q in children_of(p) if q.dep_ == "pobj"]
    m = ctx.mentions
    return bool(places) and all(
        q.pos_ == "PROPN" and q.i in m.token_actor and m.token_actor[q.i].type == "Country" for q in places
    )


# what a sanctions release says "targets" someone, besides the SANCTION nouns
MEASURE_NOUNS = {"action", "designation", "step", "order", "package", "rule", "law", "legislation"}


def _aimed_by_measure(verb: Token, ctx: Sentence) -> bool:
    """ "The action targets ...", "these sanctions target ...": a measure, not an armed actor, aims
    at someone."""
    measures = MEASURE_NOUNS | ctx.lex.noun_classes.get("SANCTION", frozenset())
    return any(t.lemma_.lower() in measures and t.pos_ == "NOUN" for t in logical_subjects(verb))


def _asks_something(verb: Token, asked: list[Token]) -> bool:
    """Whether an asking verb says what the ones asked (``asked``) are to do or give: "to V" (on the
    verb or, as the parser may hang it, on the one asked), a "that" clause, or "for"."""
    for c in children_of(verb):
        if c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in children_of(c))):
            return True
        if c.dep_ == "ccomp" and not any(a.dep_ == "mark" and a.lower_ in ("whether", "if") for a in children_of(c)):
            return True
    return any(
        (p.dep_ == "prep" and p.lower_ == "for")
        or (p.dep_ in ("acl", "relcl", "xcomp") and any(a.lower_ == "to" for a in children_of(p)))
        for h in (verb, *asked)
        for p in children_of(h)
    )


def _asks_nothing(verb: Token) -> bool:
    """ "ask X" with nothing X is asked to do or give: a question put to someone, or a moderator
    giving the floor ("I'd like to ask Lyndsie Whitehead", "asked Japan whether ...")."""
    asked = [c for c in children_of(verb) if c.dep_ == "dobj"]
    return bool(asked) and not _asks_something(verb, asked)


def _on_slot(verb: Token) -> bool:
    return any(p.dep_ == "prep" and p.lower_ in ("on", "upon") for p in children_of(verb))


def _gives_the_floor(verb: Token) -> bool:
    """ "I want to first call on ...", "Let me call on ...": a speaker handing over the floor."""
    subjects = logical_subjects(verb)
    return any(s.lower_ in ("i", "me") for s in subjects) or any(
        c.lower_ == "let" for c in (verb.head, *children_of(verb.head)) if c.i < verb.i
    )


def _calls_on_alone(verb: Token) -> bool:
    """ "call on X" with nothing X is asked to do or give: a visit ("the ambassador called on the
    minister"), or a moderator giving someone the floor."""
    asked = [
        q
        for p in children_of(verb)
        if p.dep_ == "prep" and p.lower_ in ("on", "upon")
        for q in children_of(p)
        if q.dep_ == "pobj"
    ]
    return bool(asked) and not _asks_something(verb, asked)


def _to_office(verb: Token, ctx: Sentence | None) -> bool:
    """ "designated Ambassador Jean Manes as Chargé d'Affaires", "named her as Special Envoy": an
    office after "as" (a title of the gazetteer), not "as a terrorist organization"."""
    if ctx is None:
        return False
    holders = [verb, *(c for c in children_of(verb) if c.dep_ == "dobj")]  # the parser may hang "as" on the one named
    for office in (o for h in holders for o in prep_objects(h, "as")):
        text = re.sub(r"([’'])\s+", r"\1", verb.doc[office.left_edge.i : office.i + 1].text.lower())
        words = [w for w in text.split() if w not in ("a", "an", "the")]
        if ctx.mentions.gz.match_title(words):
            return True
    return False


def _warned_of_danger(verb: Token, ctx: Sentence) -> bool:
    """ "warned X of/about ..." something other than the warner's own response ("of severe
    consequences"): the one warned is told of a danger, not threatened."""
    revenge = ctx.lex.noun_classes.get("REVENGE", frozenset())
    warned = [verb, *(o for o in children_of(verb) if o.dep_ == "dobj")]  # the parser may hang "of" on the one warned
    about = [
        q
        for w in warned
        for p in children_of(w)
        if p.dep_ == "prep" and p.lower_ in ("of", "about")
        for q in children_of(p)
        if q.dep_ in ("pobj", "pcomp")
    ]
    if about:
        return not any(q.lemma_.lower() in revenge for q in about)
    # "warned Ukraine that a full-scale invasion is imminent": told of another's act; but "warned
    # Iran that it would face consequences" and "warned that we will respond" announce the warner's
    clauses = [c for c in children_of(verb) if c.dep_ == "ccomp"]
    if not clauses:
        return False
    m = ctx.mentions
    warners = [a for t in logical_subjects(verb) for a in m.actors(t)]
    own = {a.id for a in warners} | {a.country for a in warners if a.country}  # a leader's state is his
    for clause in clauses:
        if any(t.lemma_.lower() in revenge for t in clause.subtree):
            return False
        for subj in logical_subjects(clause):
            # "we will respond", "our targets will keep expanding", "the United States would act"
            if subj.lower_ in ("we", "i") or any(
                c.dep_ == "poss" and c.lower_ in ("our", "my") for c in children_of(subj)
            ):
                return False
            if any(a.id in own or a.country in own for a in m.actors(subj) or m.carried_actors(subj)):
                return False
    return True


# verbs of going that make a visit when a state's or body's representative goes
VISIT_VERBS = {"travel", "arrive"}
# verbs of hosting an event: its coordinated hosts organise it together
HOSTING_VERBS = {"host", "co-host", "cohost"}


def _visitor(verb: Token, ctx: Sentence) -> bool:
    """Whether who goes somewhere makes a visit: a person, a state, an organisation or a state's
    officials, not refugees, troops or crowds."""
    m = ctx.mentions
    who = [
        a
        for t in logical_subjects(verb)
        # "its diplomats" travel for their state; "U.S. vaccines" arriving visit no one
        for a in (m.actors(t) or (m.carried_actors(t) if m.gz.sector_of(t.lemma_.lower()) else []))
    ]
    return any(
        (a.type != "SectorActor" or getattr(a, "sector", None) == "GOV")
        # a person with no office the text or the person dictionary gives travels privately
        and (a.type != "Person" or a.country is not None or _titled_person(a, m))
        for a in who
    )


def _titled_person(person: Actor, m: Mentions) -> bool:
    """Whether the text gives the person an office: a title recorded with its state, or a title
    word the mentions fold into the person ("Assistant Secretary Monica Medina")."""
    if any(p.id == person.id for _, p, _ in m.titled):
        return True
    words = [m.doc[i] for i, a in m.token_actor.items() if a.id == person.id]
    return any((t.lower_,) in m.gz.titles or (t.ent_type_ != "PERSON" and t.is_title) for t in words)


# cities that host international organisations' seats, where a trip is mostly to those bodies
SEAT_CITIES = {"brussels", "geneva", "vienna", "hague", "strasbourg", "new york"}


def _seat_visited(verb: Token, ctx: Sentence) -> list[Actor]:
    """The international organisations a sentence names, when its trip goes to a seat city."""
    m = ctx.mentions
    places = [q for p in children_of(verb) if p.dep_ == "prep" and p.lower_ in ("to", "in") for q in children_of(p)]
    words = {" ".join(t.lower_ for t in q.subtree if t.pos_ == "PROPN") for q in places} | {q.lower_ for q in places}
    if not any(w in SEAT_CITIES or w.endswith(" hague") for w in words):
        return []
    found: list[Actor] = []
    seat = {t.i for q in places for t in q.subtree}  # ("Brussels" itself names the EU)
    for t in ctx.tokens:
        a = m.token_actor.get(t.i) if t.i not in seat else None
        if a is not None and a.type == "Organization" and a.country is None and all(a.id != b.id for b in found):
            found.append(a)
    return found


# what captors do to those they hold
CAPTOR_VERBS = {"hold", "detain", "capture", "kidnap", "abduct", "seize", "take", "imprison", "jail"}


def _rescued(head: Token, obj_noun: Token | None) -> bool:
    """ "freed hostages held by Boko Haram": the ones freed were held by someone named, so whoever
    frees them takes them from their captors."""
    nouns = [obj_noun] if obj_noun is not None else [c for c in children_of(head) if c.dep_ == "dobj"]
    if any(q.lemma_.lower() in RULE_NOUNS for q in prep_objects(head, "from")):
        return True  # "to free the Ukrainian people from its regime": freed from a rule, not let go from custody
    return any(
        c.dep_ == "acl" and c.lemma_.lower() in CAPTOR_VERBS and any(a.dep_ == "agent" for a in children_of(c))
        for n in nouns
        for c in children_of(n)
    )


# what a people is said to be freed from when no one is let go ("free Ukrainians from the regime")
RULE_NOUNS = {"regime", "government", "rule", "oppression", "tyranny", "dictatorship", "yoke", "grip", "junta"}


def _pulled_out(verb: Token, ctx: Sentence) -> bool:
    """ "US troops left Syria", "Britain left the EU": leaving is a withdrawal when forces leave, or
    when what is left is an organisation."""
    troops = ctx.lex.noun_classes.get("TROOPS", frozenset())
    m = ctx.mentions
    for c in children_of(verb):
        if c.dep_ == "nsubj" and c.lemma_.lower() in troops:
            return True
        if c.dep_ == "dobj" and any(a.type == "Organization" for a in m.actors(c)):
            return True
    return False


def _words_attacked(verb: Token, ctx: Sentence) -> bool:
    """ "attacked the proclamation", "attacked Biden's record": what is attacked is words (noun
    class WORDS)."""
    words = ctx.lex.noun_classes.get("WORDS", frozenset())
    return verb.lemma_.lower() == "attack" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in words for c in children_of(verb)
    )


def fill(trig: Trigger, head: Token, obj_noun: Token | None, ctx: Sentence, rule: str) -> Frame | None:
    """The frame of ``trig`` at ``head`` (``obj_noun``: a light verb's object), or None when a slot
    finds no actor."""
    frame = _fill(trig, head, obj_noun, ctx, rule)
    if (
        frame is not None
        and frame.trigger.relation in ("meets", "cooperatesWith")
        and (head.lemma_.lower() in ATTENDING_VERBS or (trig.kind == "verb" and trig.lemma in ACCOMPANY_VERBS))
        and compatriots(frame.sources + frame.targets)
    ):
        # "He will be joined by Assistant Secretary Medina", "President Mwangi and Vice President
        # Otieno will attend the summit": colleagues of one state along, no event between them
        return None
    return frame


def _fill(trig: Trigger, head: Token, obj_noun: Token | None, ctx: Sentence, rule: str) -> Frame | None:
    if trig.kind == "verb" and trig.relation == "coerces" and trig.lemma in PRESSING_VERBS and _to_act(head):
        trig = replace(trig, relation="demands")  # "would pressure the U.S. government to provide ...": a demand
    m = ctx.mentions
    if other_sense(trig, head, obj_noun, ctx):
        return None
    # a place is its state's population only when force or coercion is used on it ("shelled
    # Kharkiv"); "travelled to Brussels" meets Belgium, "occupied Crimea" attacks Ukraine
    territorial = trig.lemma in (
        TERRITORY_VERBS if trig.kind == "verb" else TERRITORY_NOUNS if trig.kind == "noun" else ()
    )
    m.force = relations()[trig.relation].quad == 4 and not territorial
    recip = reciprocal_object(head, obj_noun)
    if "between" in trig.target:
        pair = slot("between", head, obj_noun, ctx)
        if len(pair) >= 2:
            if trig.lemma in MEDIATION_WORDS:
                # "Egypt mediated between Israel and Hamas", "Egypt's mediation between ...": the
                # mediator (the verb's subject or the noun's possessor) meets each side; a mediation
                # with no mediator named is no meeting of the sides
                mediators, _ = slot_actors_how([n for n in trig.source if n != "between"], head, obj_noun, ctx)
                return Frame(trig, mediators, pair, "active", False, words(head, obj_noun)) if mediators else None
            return Frame(trig, pair, pair, "nominal", True, words(head, obj_noun))  # "clashes between A and B"
        if all(t == "between" for t in trig.target):
            return None  # a mediation with no two sides named ("a ceasefire brokered by Qatar and Egypt")
    sources, loose_sources = slot_actors_how(trig.source, head, obj_noun, ctx)
    if loose_sources and trig.kind == "verb" and trig.relation in ("demands", "requests") and not _said(head, ctx):
        return None  # "Russia's disregard for the law demands a response": a thing calls for it, no one asks
    talk = discussion_of(head) if sources and trig.relation != "meets" else None
    if talk is not None:
        # "Blinken and Kuleba discussed efforts to assist Ukraine": the ministers talk over what
        # their states do; the event is the states' (not "discussed Putin's war": its own author)
        speakers = {a.id for t in logical_subjects(talk) for a in ctx.mentions.actors(t)}
        sources = _states_of(sources, speakers, ctx)
    if not sources and rule == "passive" and trig.relation in STATE_ACTS and trig.lemma not in ABDUCTION_VERBS:
        # "The PKK is banned in Turkey", "was jailed in Iran": with no agent, the state where
        # a ban or a detention happens is its author
        sources = _state_where(head, ctx) or _reporting_organ(head, ctx)
    of_agent = False
    if not sources and trig.kind == "noun" and "prep:of" in trig.target:
        # "the support of Croatia for Ukraine": a noun whose "of" phrase would name its target
        # names its agent there when another of its phrases names the target
        others = [t for t in trig.target if t.startswith("prep:") and t != "prep:of"]
        if others and slot_actors_how(others, head, obj_noun, ctx)[0]:
            sources, of_agent = slot("prep:of", head, obj_noun, ctx), True
    if not sources:
        return None
    if recip and len(sources) >= 2:
        return Frame(trig, sources, sources, "reciprocal", True, words(head, obj_noun))
    target_slots = [t for t in trig.target if t != "implied" and not (of_agent and t == "prep:of")]
    if obj_noun is not None and obj_noun.lemma_.lower() in ACT_NOUNS and trig.relation in AUTHOR_TARGETED:
        # "condemned the killing of protesters", "investigated the bombing of Gaza": the act's
        # victims are not whom the condemnation is about; its author is (objmod: "Russia's")
        target_slots = [t for t in target_slots if t not in ("prep:of", "prep:on", "prep:against")]
    targets, loose_targets = slot_actors_how(
        target_slots, head, obj_noun, ctx, tuple(sources[:1]) if len(sources) == 1 else ()
    )
    if trig.kind == "verb" and trig.lemma in VISIT_VERBS and targets:
        # "will travel to Brussels for the U.S.-EU Dialogue", "travel to Geneva for the Human Rights
        # Council": a trip to an organisation's seat visits the organisation, not its host state
        targets = _seat_visited(head, ctx) or targets
    if trig.kind == "verb" and trig.lemma in PERSON_OBJECT_VERBS:
        # what is released is people: a person, a group of them, or a nation's ("freed six Americans")
        targets = [
            sector_actor(a, m.gz.sectors["CVL"]) if a.type == "Country" else a
            for a in targets
            if a.type in ("Person", "SectorActor", "Country")
        ]
    if not targets and "implied" in trig.target:
        # "Russia's unprovoked war", in a sentence that names one other state: that state
        targets = slot("implied", head, obj_noun, ctx)
        if targets:
            rule = "implied"
    if (
        not targets
        and len(sources) >= 2
        and not loose_sources
        and "subj" in trig.source
        and (is_symmetric(trig.relation) or "recip" in trig.target)
        and _coordinated(head)
        and acted_together(head)
        and not _partner_named(head, obj_noun)
        and not (rule != "light" and trig.relation != "meets" and _thing_joined(head, ctx))
    ):
        # "Russia and China held talks": a symmetric relation among coordinated subjects.
        if trig.relation == "meets" and compatriots(sources) and _pronoun_subject(head):
            # "The Secretary and the Deputy met the Prince ... They also discussed energy": a
            # delegation that "they" names talked with whom it met, not among themselves
            return None
        if trig.kind == "verb" and trig.lemma in HOSTING_VERBS:
            # "Kenya and Portugal co-hosted the conference": hosts of one event organise it
            # together; they are not each other's guests
            trig = replace(trig, relation="cooperatesWith")
        sides = _persons_for_states(sources)
        if len(sides) < 2:
            return None
        return Frame(trig, sides, sides, "reciprocal", True, words(head, obj_noun))
    if not targets and rule == "nominal" and _pair_noun(trig, head):
        # "the U.S.-Croatia Strategic Dialogue", "the Israel-Hamas conflict", "Russian and Chinese
        # cooperation": a two-sided event noun whose modifiers name both sides
        sides = _persons_for_states(_sides(head, ctx) if len(sources) < 2 else sources)
        if 2 <= len(sides) <= 3:  # a dyad or a trilateral; a longer list is rarely the sides
            return Frame(trig, sides, sides, "reciprocal", True, words(head, obj_noun))
    if not targets:
        return None
    if "between" in trig.target and not sources:
        return None
    if len(sources) > 1 and any(a.id == b.id for a in sources for b in targets):
        if loose_targets:
            # "support funded by the United States and Australia": coordinated agents are not
            # each other's targets through a modifier
            targets = [a for a in targets if all(a.id != b.id for b in sources)]
        else:
            # "Blinken and Kuleba discussed efforts to assist Ukraine": a named target is not
            # also its own helper
            sources = [a for a in sources if all(a.id != b.id for b in targets)]
    if not targets or not sources:
        return None
    if trig.lemma in CONTEST_VERBS and (any(a.type == "Person" for a in sources + targets) or contest_won(head)):
        return None  # "Biden defeated Trump", "Pakistan beat India in the final": a vote or a match
    return Frame(trig, sources, targets, rule, False, words(head, obj_noun))


def _welcomed_thing(verb: Token) -> bool:
    """ "welcomed Indonesia's upcoming G20 presidency", "in principle we welcome it": what is
    welcomed is a thing (a term of office, a pronoun for a step or an offer), not a visitor."""
    objects = [c for c in children_of(verb) if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(
        c.lemma_.lower() in TERM_NOUNS or c.lower_ in ("it", "this", "that", "these", "those") for c in objects
    )


def _thing_executed(verb: Token, ctx: Sentence) -> bool:
    """ "executed a shutdown", "executed the plan": the object is a thing carried out, not a
    person or a group put to death (its own word names no actor)."""
    m = ctx.mentions
    objects = [c for c in children_of(verb) if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objects) and all(c.i not in m.token_actor and c.i not in m.token_group for c in objects)


# what is breached by force, not by breaking a rule or an agreement
BARRIER_NOUNS = {
    "defence",
    "defense",
    "defences",
    "defenses",
    "wall",
    "fence",
    "perimeter",
    "barrier",
    "gate",
    "cordon",
}


def _barrier_forced(verb: Token) -> bool:
    """ "breached the compound's defences", "breach the wall": force against a barrier."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in BARRIER_NOUNS for c in children_of(verb))


# verbs of pressing someone: with what they are to do ("pressure Iran to halt ..."), a demand
PRESSING_VERBS = {"pressure", "pressurize", "pressurise"}


def _to_act(verb: Token) -> bool:
    """Whether a verb names what its object is to do: an infinitive complement ("to provide")."""
    return any(
        c.dep_ in ("xcomp", "advcl", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))
        for c in children_of(verb)
    )


# verbs of going along with someone: between people of one state, company on a trip, no event
ACCOMPANY_VERBS = {"join", "accompany"}
ATTENDING_VERBS = {"attend", "participate"}


def _pronoun_subject(head: Token) -> bool:
    """Whether the verb's subject is a personal pronoun ("they discussed", "we agreed")."""
    return any(t.pos_ == "PRON" for t in logical_subjects(head))


def compatriots(actors: list[Actor]) -> bool:
    """Whether the actors are all persons of one known state."""
    states = {a.country for a in actors}
    return all(a.type == "Person" for a in actors) and len(states) == 1 and None not in states


# verbs of winning that are force only between armed sides, never when a person is one of them
CONTEST_VERBS = {"defeat", "beat", "rout"}


# relations aimed at the author of an act ("condemned Russia's invasion"), not at its victims
AUTHOR_TARGETED = {"criticizes", "accuses", "investigates", "rejects", "demands"}


def _states_of(actors: list[Actor], speakers: set[str], ctx: Sentence) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if a.type == "Person" and a.country and a.id in speakers:
            a = ctx.mentions.gz.country(a.country) or a
        if all(a.id != b.id for b in out):
            out.append(a)
    return out


def _pair_noun(trig: Trigger, head: Token) -> bool:
    """A two-sided event noun ("dialogue", "partnership", "conflict") with no owner of its own: its
    modifiers are the sides, not one party ("Russia's war")."""
    two_sided = is_symmetric(trig.relation) or "between" in trig.target
    return two_sided and not any(c.dep_ == "poss" for c in children_of(head))


def _persons_for_states(sides: list[Actor]) -> list[Actor]:
    """The sides of a two-sided event without a state whose own person is also a side ("Russian
    President Putin and Zelenskyy met": Putin met Zelenskyy, not Russia too)."""
    held = {a.country for a in sides if a.type == "Person" and a.country}
    return [a for a in sides if not (a.type == "Country" and a.country in held)]


def _sides(head: Token, ctx: Sentence) -> list[Actor]:
    """The actors the modifiers left of a noun name, hyphen-joined ones included ("US-Qatar")."""
    found: list[Actor] = []
    for c in children_of(head):
        if c.i < head.i and c.dep_ in ("compound", "amod", "nmod", "npadvmod"):
            if any(t.tag_ == "VBN" for t in c.subtree):
                return []  # "the Sudanese-led, AU-facilitated dialogue": a leader and helpers, not sides
            for t in c.subtree:
                a = ctx.mentions.token_actor.get(t.i)
                if a is not None and a.type != "Person" and all(a.id != b.id for b in found):
                    found.append(a)
    return found


def _partner_named(head: Token, obj_noun: Token | None) -> bool:
    """ "X and Y are working with you": a partner is named ("with ...") though it is no actor, so
    the subjects did not act with each other."""
    return any(
        c.dep_ == "prep" and c.lower_ == "with" and any(q.dep_ == "pobj" for q in children_of(c))
        for t in (head, obj_noun)
        if t is not None
        for c in children_of(t)
    )


STATE_ACTS = {"sanctions", "coerces"}
# seizures that bandits, militias and criminals make as often as states: "was abducted in Syria"
# does not say that Syria abducted
ABDUCTION_VERBS = {"abduct", "kidnap", "hijack", "snatch"}


def _state_where(head: Token, ctx: Sentence) -> list[Actor]:
    m = ctx.mentions
    found = []
    for p in children_of(head):
        if p.dep_ == "prep" and p.lower_ == "in":
            for q in children_of(p):
                a = m.token_actor.get(q.i) if q.dep_ == "pobj" else None
                country = m.gz.country(a.country) if a is not None and a.country else None
                if country is not None and (a.type == "Country" or q.i in m.places):
                    found.append(country)
    return found[:1]


# state organs that report their own arrests and raids ("Police said 71 people were arrested")
REPORTING_ORGANS = {"COP", "MIL", "SPY"}
REPORTING_VERBS = {"say", "tell", "announce", "confirm", "report", "state", "add"}


def _reporting_organ(head: Token, ctx: Sentence) -> list[Actor]:
    """ "Police said 71 people were arrested", "Twenty protesters were detained, police said": an
    agentless arrest or ban that a state's police, army or security service reports is theirs."""
    m = ctx.mentions
    clause = head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_VERBS:
        reporter = clause.head
    else:
        reporter = next(
            (
                c
                for c in children_of(clause)
                if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in REPORTING_VERBS
            ),
            None,
        )
    if reporter is None:
        return []
    organs = [
        a
        for c in children_of(reporter)
        if c.dep_ == "nsubj"
        for a in m.actors(c)
        if a.type == "SectorActor" and a.sector in REPORTING_ORGANS
    ]
    return organs[:1]


def _thing_joined(head: Token, ctx: Sentence) -> bool:
    """ "Australia, Bahrain and the UK joined the coalition": the subjects each did something to
    a thing that is no actor (a verb's own object, not a light verb's event noun), not to each
    other."""
    objects = logical_objects(head)
    if not objects and head.lemma_.lower() in JOINING_VERBS:
        return True  # "to allow Sweden and Finland to join": something unnamed (an alliance), not each other
    return any(
        t.pos_ in ("NOUN", "PROPN") and not ctx.mentions.actors(t) and t.lemma_.lower() not in ("force", "hand")
        for t in objects
    )  # "joined forces", "joined hands": each other


def _said(verb: Token, ctx: Sentence) -> bool:
    """Whether a verb's subject is words someone said ("Iran's statement demanded ..."), which
    speak for their owner, or people who speak for it ("Its members called on Rwanda ...")."""
    said = ctx.lex.noun_classes.get("WORDS", frozenset()) | ctx.lex.noun_classes.get("APPEAL", frozenset())
    gz = ctx.mentions.gz
    return any(
        (lemma := t.lemma_.lower()) in said or lemma in MEMBER_HEADS or gz.sector_of(lemma) or (lemma,) in gz.titles
        for t in logical_subjects(verb)
    )


def _coordinated(head: Token) -> bool:
    """Whether several subjects are one coordinated subject ("Russia and China held talks"), not
    two the parser hung on one verb ("House Speaker Nancy Pelosi spoke" read as two subjects)."""
    subjects = logical_subjects(head)
    return len(subjects) < 2 or any(t.dep_ == "conj" for t in subjects)


def slot_actors_how(
    names, head: Token, obj_noun: Token | None, ctx: Sentence, besides: tuple[Actor, ...] = ()
) -> tuple[list[Actor], bool]:
    """Actors of the first slot that has some, and whether they were only carried by a modifier.

    First the arguments that name an actor outright, then those that only carry one as a
    modifier ("condemned Israel's decision", "a wave of Russian missiles"). A slot written
    with a final "!" in the lexicon ("obj!") takes named actors only. A slot that finds only
    ``besides`` (the source) or its own state organs gives way to the next: "the US expresses
    its concern with Kyrgyzstan's law" is not about the US, "Israel withdrew its forces from
    Lebanon" does nothing to Israel's army.
    """

    def own(actors: list[Actor]) -> bool:
        return bool(besides) and all(any(a.id == b.id or own_organ(a, b) for b in besides) for a in actors)

    located = [s for s in names if s in LOCATION_SLOTS]
    for loose in (False, True):
        for name in names:
            if (loose and name.endswith("!")) or name in located:
                continue
            actors = slot(name.rstrip("!"), head, obj_noun, ctx, loose)
            if actors and not own(actors):
                return actors, loose
    for name in located:  # "attacked Hamas positions in Rafah": where it happened comes last
        # (force near a place is used on it too: "struck targets near Damascus")
        for place in (name, *(VICINITY_SLOTS if ctx.mentions.force else ())):
            actors = slot(place, head, obj_noun, ctx)
            if actors and not own(actors):
                return actors, False
    return [], False


VICINITY_SLOTS = ("prep:near", "prep:around", "prep:outside")


def slot(name: str, head: Token, obj_noun: Token | None, ctx: Sentence, loose: bool = False) -> list[Actor]:
    """The actors the resolver of slot ``name`` finds."""
    return slots.resolve(
        name, SlotContext(head, obj_noun, ctx.mentions, ctx.lex.support_verbs, loose, ctx.lex.implied_preps)
    )


def words(head: Token, obj_noun: Token | None) -> str:
    """The trigger's words as evidence: the head, with its object noun when it is close."""
    if obj_noun is not None and obj_noun.i != head.i:
        a, b = sorted([head, obj_noun], key=lambda t: t.i)
        return f"{a.text} {b.text}" if b.i - a.i <= 4 else head.text
    return head.doc[hyphen_start(head) : head.i + 1].text  # "build-up", split by the tokenizer
