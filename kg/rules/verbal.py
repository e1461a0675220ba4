"""Verbal: a trigger verb (or predicative adjective, "is grateful to") with its logical subject and
object, active, passive or converse ("import", "obtain a loan from"); a light verb with its object
noun ("imposed sanctions on", "held talks with"); any verb unknown to the lexicon carrying its
object noun's event ("stepped up its attacks on"), except the blocked ones."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from kg.english import (
    APPEAL_VERBS,
    CUSTODY_NOUNS,
    DOBJ,
    LEAVING_VERBS,
    ORDERING_VERBS,
    PASS_SUBJ,
    PERMISSION_VERBS,
    PHRASAL_SYNONYMS,
    REL_PRONOUNS,
    SHARED_OBSERVANCES,
    SUBJ,
    children_of,
    is_passive,
    is_predicative_adj,
    is_verb,
    logical_subjects,
    prep_objects,
    prep_objects_or_clauses,
)
from kg.rules.context import Frame, Sentence
from kg.rules.frames import fill
from kg.rules.registry import family

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.lexicon import Lexicon, Trigger
    from kg.mentions import Mentions

OWN_POSSESSIVES = ("its", "their", "his", "her", "our", "my")


def _applies(ctx: Sentence, token: Token) -> bool:
    return is_verb(token) or (is_predicative_adj(token) and token.lemma_.lower() in ctx.lex.verbs)


@family("verbal", priority=20, applies=_applies)
def verbal(ctx: Sentence, verb: Token) -> list[Frame]:
    lex, m = ctx.lex, ctx.mentions
    lemma = phrasal_lemma(verb, lex)
    if lemma == "hold" and _held_captive(verb, m):
        lemma = "detain"  # "Whelan is being held in Russia", "hostages held by Hamas"
    candidates: list[tuple[Trigger, str]] = []
    obj_noun = object_noun(verb, lex)
    if (
        obj_noun is not None
        and not owned_thing(obj_noun, lex)
        and has_own_agent(obj_noun, m, modifiers=lemma in STATING_VERBS and not _owner_targeted(lemma, obj_noun, lex))
    ):
        # "noted recent attacks by M23", "expand Bahrain's ties with Israel": the noun's agent acts,
        # not the verb's subject (a thing's owner or a proposal's author is no agent: "target
        # Russia's defense institutions", "blocked Sweden's bid")
        obj_noun = None
    if (
        obj_noun is not None
        and lemma in PERMISSION_VERBS
        and any(c.dep_ in ("compound", "amod", "poss") and m.actors(c) for c in children_of(obj_noun))
    ):
        obj_noun = None  # "would not allow Turkish military operations": Turkey's, not the allower's
    if obj_noun is None and lemma not in lex.verbs:
        return []  # no object noun to carry an event, and no entry of its own
    if obj_noun is not None:
        nouns = [obj_noun.lemma_.lower()] + [c.lemma_.lower() for c in children_of(obj_noun) if c.dep_ == "compound"]
        # a noun of two words: "martial law", "state of emergency"
        nouns += [
            f"{c.lower_} {obj_noun.lemma_.lower()}"
            for c in children_of(obj_noun)
            if c.dep_ in ("amod", "compound") and c.i == obj_noun.i - 1
        ] + [f"{obj_noun.lemma_.lower()} of {q.lemma_.lower()}" for q in prep_objects(obj_noun, "of")]
        # "provide Ukraine with Patriot systems": the goods come after "with"
        nouns += [q.lemma_.lower() for q in prep_objects(verb, "with")]
    children = children_of(verb)  # (read by every test below)
    # "called Putin a war criminal", "named the PKK as terrorists": what the object is called
    named = [c for c in children if c.dep_ == "oprd"] + list(prep_objects(verb, "as"))
    if obj_noun is not None:
        # "branded the YPG a terrorist group": the parser makes the name a second object
        named += [c for c in children if c.dep_ == "dobj" and c.i > obj_noun.i]
    # "called Zelenskyy and his government a regime": or an indefinite apposition to the object
    named_appos = [
        a
        for o in children
        if o.dep_ == "dobj"
        for x in (o, *o.conjuncts)
        for a in children_of(x)
        if a.dep_ == "appos"
        and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in children_of(a))
        and verb.doc[a.left_edge.i - 1].text != ","  # ("called Putin, a former KGB officer,": a phone call)
    ]
    named += named_appos
    nouns_named = [
        q.lemma_.lower()
        for c in named
        for q in (c, *(x for x in children_of(c) if x.dep_ in ("amod", "compound", "oprd")))
    ]
    if nouns_named and obj_noun is not None:
        for noun_lemma in nouns_named:
            candidates += [
                (trig, "light")
                for trig in lex.light_for(lemma, noun_lemma)
                # "described it as despicable": what is scorned with "it" is a deed, not an actor
                if not (trig.noun == "@SCORN" and obj_noun.pos_ == "PRON")
            ]
    if obj_noun is not None:
        for noun_lemma in nouns:
            found = lex.light_for(lemma, noun_lemma)
            # "came under fire" (an idiom) before "came under @ATTACK"
            found.sort(key=lambda t: t.noun.startswith("@"))
            candidates += [(trig, "light") for trig in found]
    # "called PRC Special Representative on Korean Affairs Liu Xiaoming": the parser's second object
    # is the name after a title, not what the title-holder is called, and the object is that title
    split_names = {c.i for c in children if c.dep_ == "oprd" and any(a.type == "Person" for a in m.actors(c))}
    if split_names:
        obj_noun = None
    named_as = (
        any(
            c.dep_ == "oprd"
            and (c.pos_ in ("NOUN", "PROPN") or (c.pos_ == "ADJ" and lemma == "call"))
            and c.i not in split_names
            for c in children
        )
        or bool(named_appos and lemma == "call")
    ) or (
        obj_noun is not None and any((q.lemma_.lower(),) in m.gz.titles for q in prep_objects(verb, "as"))
    )  # ("designated Perez as defence minister" appoints him; "travel to Kenya as head of" is a capacity)
    appeal = lemma in APPEAL_VERBS and any(
        q.ent_type_ not in ("DATE", "TIME") for p in APPEAL_VERBS[lemma] for q in prep_objects(verb, p)
    )
    for trig in lex.verbs.get(lemma, ()) if not named_as else ():
        # (with an object predicate, "called Germany a partner" or "called D'Souza humble" names, it
        # does not phone)
        if appeal and trig.target and trig.target[0].startswith("obj"):
            continue  # "call on the House, the High State Council, and ... to": a list the parser split
        candidates.append((trig, "converse" if trig.converse else ("passive" if is_passive(verb) else "active")))
    if (
        obj_noun is not None
        and obj_noun.dep_ in ("dobj", "pobj")
        and verb.is_ancestor(obj_noun)
        and not candidates
        and lemma not in lex.blocked_wildcard
    ):
        # "rolled over a loan to Pakistan", "stepped up its attacks on Ukraine": the noun carries the event
        nouns = [obj_noun.lemma_.lower()] + [c.lemma_.lower() for c in children_of(obj_noun) if c.dep_ == "compound"]
        for noun_lemma in nouns:
            for trig in lex.light_for("*", noun_lemma):
                candidates.append((trig, "light"))
    if lemma == "join" and any(q.lemma_.lower() in SHARED_OBSERVANCES for q in prep_objects_or_clauses(verb, "in")):
        # "join the people of Bosnia in solemn remembrance", "join Buddhists in their celebration"
        candidates = [
            (dataclasses.replace(t, relation="supports") if t.relation == "cooperatesWith" else t, r)
            for t, r in candidates
        ]
    sanction_nouns = lex.noun_classes.get("SANCTION", frozenset())
    if candidates and any(t.lemma_.lower() in sanction_nouns for t in logical_subjects(verb)):
        # "Russia has been hit by Western sanctions": what hits is a sanction, not an attack
        candidates = [
            (dataclasses.replace(t, relation="sanctions") if t.relation == "attacks" else t, r) for t, r in candidates
        ]
    frames: list[Frame] = []
    for trig, rule in candidates:
        if frames and (trig.lemma != frames[0].trigger.lemma or "light" in (trig.kind, frames[0].trigger.kind)):
            continue  # another reading of the same verb, never a light verb's second guess
        frame = fill(trig, verb, obj_noun, ctx, rule)
        if frame is None:
            continue
        taken = {a.id for f in frames for a in f.targets}
        if frames and (
            frame.trigger.relation in {f.trigger.relation for f in frames} or taken & {a.id for a in frame.targets}
        ):
            continue
        # "fought alongside Mali's army against jihadists": one verb, two relations to two others
        frames.append(frame)
        if rule == "light" and obj_noun is not None and "between" not in trig.target:
            # "refused to hold talks with": the talks are the light verb's (but the deal a mediator
            # brokered between two sides is theirs too)
            ctx.suppressed.add(obj_noun.i)
        # "killed a commander in an air strike in Somalia": the strike is the killing's means, the
        # same event, not a second one on the place (but "in a raid on Jenin" names its own target)
        ctx.suppressed.update(
            q.i
            for p in children
            if p.dep_ == "prep" and p.lower_ in ("in", "with", "by")
            for q in children_of(p)
            if q.dep_ == "pobj"
            and any(t.relation == frame.trigger.relation for t in lex.nouns.get(q.lemma_.lower(), ()))
            and not any(c.dep_ == "prep" and c.lower_ in ("on", "against", "at") for c in children_of(q))
        )
    return frames


def _held_captive(verb: Token, m: Mentions) -> bool:
    """ "Paul Whelan is being held in Russia", "the hostages held by Hamas": a person or a group
    held (in the passive) is a captive; talks, meetings and elections held are things."""
    if not is_passive(verb):
        return False
    held = [a for c in children_of(verb) if c.dep_ in PASS_SUBJ for a in m.actors(c)]
    if verb.dep_ == "acl" and verb.head.i != verb.i:
        held += m.actors(verb.head)
    return bool(held) and all(a.type in ("Person", "SectorActor") for a in held)


def phrasal_lemma(verb: Token, lex: Lexicon) -> str:
    """The verb's lemma with its particle when the lexicon has the phrasal verb ("call out" the
    Taliban criticises, "call" them meets), else the bare lemma."""
    lemma = verb.lemma_.lower()
    for c in children_of(verb):
        if c.dep_ == "prt" and f"{lemma} {c.lower_}" in lex.verbs:
            return f"{lemma} {c.lower_}"
        if c.dep_ == "prt" and (same := PHRASAL_SYNONYMS.get(f"{lemma} {c.lower_}")):
            return same  # "kicked off military drills" began them; it kicked no one
    if lemma in ("place", "put") and any(q.lemma_.lower() in CUSTODY_NOUNS for q in prep_objects(verb, "under")):
        return "detain"  # "placed the dissident under house arrest"
    if lemma in ORDERING_VERBS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in LEAVING_VERBS and not any(d.dep_ == "neg" for d in children_of(c))
        for c in children_of(verb)
    ):
        return "expel"  # "ordered the French ambassador to leave the country" expels him
    return lemma


def object_noun(verb: Token, lex: Lexicon) -> Token | None:
    """The noun a light verb carries; past a quantity ("a new round of sanctions", "a wave of
    strikes"), the noun after "of"."""
    noun = _object_head(verb)
    if noun is not None and noun.lemma_.lower() in lex.noun_classes.get("QUANTITY", ()):
        return next(iter(prep_objects(noun, "of")), noun)
    return noun


def _object_head(verb: Token) -> Token | None:
    # a relative clause on a common noun: "the sanctions that the EU imposed", "the aid Japan sent"
    relative = verb.dep_ == "relcl" and verb.head.pos_ == "NOUN"
    children = children_of(verb)
    for c in children:
        if c.dep_ in DOBJ:
            # "the sanctions that the EU imposed on Russia": the relative pronoun stands for its noun
            return verb.head if relative and c.lower_ in REL_PRONOUNS else c
    if is_passive(verb):
        for c in children:
            if c.dep_ in PASS_SUBJ:
                return verb.head if relative and c.lower_ in REL_PRONOUNS else c
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    if relative and any(c.dep_ in SUBJ and c.lower_ not in REL_PRONOUNS for c in children):
        # "the assistance we are providing to Ukraine": a clause with its own subject and no
        # object says something of its noun as its object
        return verb.head
    # "carried out strikes on": the object may hang off the particle
    for c in children:
        if c.dep_ == "prt":
            for cc in children_of(c):
                if cc.dep_ in DOBJ:
                    return cc
    # "came under Russian bombardment"
    return next(iter(prep_objects(verb, "under")), None)


OWNED_CLASSES = ("ECONOMY", "PROPOSAL", "CLAIM", "APPEAL", "WORDS", "MEMBERSHIP")


def owned_thing(noun: Token, lex: Lexicon) -> bool:
    """A noun for something owned or authored, not an act (noun classes ECONOMY, PROPOSAL, CLAIM, APPEAL, WORDS,
    MEMBERSHIP)."""
    lemma = noun.lemma_.lower()
    return any(lemma in lex.noun_classes.get(c, ()) for c in OWNED_CLASSES)


# verbs that state a noun event rather than do it: "reaffirmed U.S. support for Moldova" is the
# state's support ("reimposed UN sanctions on Iran" is the subject's act)
STATING_VERBS = {
    "reaffirm", "affirm", "reiterate", "underscore", "emphasize", "emphasise", "stress", "express",
    "voice", "highlight", "note", "welcome", "praise", "commend", "discuss",
}  # fmt: skip


def _owner_targeted(lemma: str, noun: Token, lex: Lexicon) -> bool:
    """Whether the verb's light entry for the noun aims at the noun's owner ("blocked EU
    sanctions": light block @SANCTION rejects the EU, objmod)."""
    return any(slot in ("objmod", "author") for t in lex.light_for(lemma, noun.lemma_.lower()) for slot in t.target)


def has_own_agent(noun: Token, m: Mentions, modifiers: bool = True) -> bool:
    """A noun event with its own named agent: "attacks by M23", "Russia's invasion" (and, with
    ``modifiers``, "U.S. support for Ukraine")."""
    for c in children_of(noun):
        if c.dep_ == "prep" and c.lower_ == "by" and any(m.actors(q) for q in children_of(c) if q.dep_ == "pobj"):
            return True
        if c.dep_ == "poss" and c.lower_ not in OWN_POSSESSIVES and m.actors(c):
            return True
    if not modifiers:
        return False
    # "reaffirmed U.S. support for Ukraine": a state's name or demonym before a noun whose
    # target is named after it is the noun's agent
    return any(c.dep_ in ("compound", "amod") and c.i < noun.i and m.actors(c) for c in children_of(noun)) and any(
        c.dep_ == "prep" and c.lower_ in ("for", "to", "on", "against") and any(m.actors(q) for q in children_of(c))
        for c in children_of(noun)
    )
