"""Nominal: a trigger noun with a possessive or demonym source ("Turkey's backing for
Azerbaijan"), "talks between Ethiopia and Sudan"; a thing thanked for was given by the one thanked."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg import slots
from kg.english import GRATEFUL_ADJS, THANK_VERBS, children_of, is_noun, logical_objects, logical_subjects, noun_lemma
from kg.ontology import relations
from kg.rules.context import Frame, Sentence
from kg.rules.frames import fill, words
from kg.rules.registry import family

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.actors import Actor
    from kg.mentions import Mentions


def _applies(ctx: Sentence, token: Token) -> bool:
    return is_noun(token) and _key(ctx, token) is not None


def _key(ctx: Sentence, token: Token) -> str | None:
    """The lexicon's noun for ``token``: "build-up" as written or joined ("crack-down" is
    "crackdown"), else the lemma."""
    whole = noun_lemma(token)
    # "military operations": a noun the lexicon lists with the adjective that makes it an event
    kinds = [f"{c.lower_} {whole}" for c in children_of(token) if c.dep_ == "amod" and c.i < token.i]
    for key in (*kinds, whole, whole.replace("-", ""), token.lemma_.lower()):
        if key in ctx.lex.nouns:
            return key
    return None


@family("nominal", priority=30, applies=_applies)
def nominal(ctx: Sentence, noun: Token) -> list[Frame]:
    triggers = ctx.lex.nouns[_key(ctx, noun)]
    givers, takers = thanked_for(noun, ctx.mentions)
    if (
        givers
        and takers
        and not any(c.dep_ in ("prep", "acl", "relcl") for c in children_of(noun))
        and not _sent_on(noun)
    ):
        # (a thing thanked for that says whom it went to, or what it is to do, is not the
        # thanker's: "thanked Greece for its support of Ukraine", "for its commitment to provide")
        # "Ukraine is grateful to the United States for its military support": the one thanked gave it
        for trig in triggers:
            if relations()[trig.relation].quad in (1, 2):
                return [Frame(trig, givers, takers, "nominal", False, words(noun, None))]
    for trig in triggers:
        frame = fill(trig, noun, None, ctx, "nominal")
        if frame is not None:
            victims = _named_victims(noun, ctx) if relations()[trig.relation].quad == 4 else []
            if victims:
                frame = replace(frame, targets=victims)
            return [frame]
    return []


def _named_victims(noun: Token, ctx: Sentence) -> list[Actor]:
    """ "Soleimani was killed by a US airstrike in Iraq", "a Hamas commander was killed in an
    Israeli airstrike in Gaza": a person or group the force fell on is named, and is whom the
    attack was on; the place it was in is only where."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("by", "in"):
        return []
    verb = noun.head.head
    if verb.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in children_of(verb)):
        return []
    victims = [a for c in children_of(verb) if c.dep_ == "nsubjpass" for a in ctx.mentions.actors(c)]
    if not any(a.type in ("Person", "Organization", "ArmedGroup") for a in victims):
        return []
    return slots.dedupe(victims)


def _sent_on(noun: Token) -> bool:
    """ "thanked X for Kazakhstan's assistance, both at the government level and by individuals, to
    the people of Ukraine": the parser hangs whom the thing went to on the verb of thanks."""
    gov = noun.head.head
    return any(c.dep_ in ("prep", "dative") and c.lower_ == "to" and c.i > noun.i for c in children_of(gov))


def thanked_for(noun: Token, m: Mentions) -> tuple[list[Actor], list[Actor]]:
    """ "thanked Japan for its assistance", "grateful to the United States for its support": who gave
    the thing thanked for, and who received it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return [], []
    gov = prep.head
    # "is grateful to Romania for its support": the parser hangs "for" on the copula
    gov = next((c for c in children_of(gov) if c.dep_ == "acomp" and c.lower_ in GRATEFUL_ADJS), gov)
    lemma = gov.lemma_.lower()
    if lemma in THANK_VERBS:
        givers = [a for t in logical_objects(gov) for a in m.actors(t)]
    elif lemma in GRATEFUL_ADJS or gov.lower_ in GRATEFUL_ADJS:
        givers = [
            a
            for p in children_of(gov)
            if p.dep_ == "prep" and p.lower_ == "to"
            for t in children_of(p)
            if t.dep_ == "pobj"
            for a in m.actors(t)
        ]
    else:
        return [], []
    takers = [a for t in logical_subjects(gov) for a in m.actors(t)]
    return slots.dedupe(givers), slots.dedupe(takers)
