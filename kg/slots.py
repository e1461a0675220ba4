"""Slots: the registered ways a trigger's source and target are found in the parse.

A trigger row in the lexicon names its source and target as slots (``subj``, ``obj``,
``prep:against``, ``poss`` ...); each slot is a resolver registered here with :func:`resolver`,
and the lexicon is checked against this registry when it loads (:func:`known`), so a misspelt
slot is an error naming its file and line, never a rule that silently never fires. A slot
written with a final ``!`` ("obj!") takes actors the argument names outright, never actors it
only carries as a modifier ("advanced its goals").

A resolver takes a :class:`SlotContext` (the trigger's token, the object noun of a light verb,
the sentence's mentions, whether modifiers may carry the actor) and returns actors. The tree
walking it relies on is English (:mod:`kg.english`); another language brings its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.english import (
    COMMITMENT_NOUNS,
    DATIVE,
    DISCUSSION_VERBS,
    EFFORT_NOUNS,
    JOINT_WORK_NOUNS,
    PARTICLE_PREPS,
    PREP,
    PROVOKING_VERBS,
    ROLE_NOUNS,
    SUBJ,
    children_of,
    clause_subjects,
    conditions,
    conjuncts,
    for_infinitives,
    is_passive,
    logical_objects,
    logical_subjects,
    negated_modifier,
    obligation,
    prep_objects,
    sent_of,
    with_clause,
    with_conjuncts,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.actors import Actor
    from kg.mentions import Mentions

# markers a target list may hold besides resolvers: "recip" (the sources act on each other)
MARKERS = {"recip"}
# a target given only as the place of the event, tried after every other slot
LOCATION_SLOTS = {"prep:in"}
_PREP_SLOT = re.compile(r"^prep:[a-z]+$")


@dataclass(frozen=True)
class SlotContext:
    """What a resolver sees: the trigger, a light verb's object noun, the sentence's actors."""

    head: Token
    obj_noun: Token | None
    mentions: Mentions
    support_verbs: frozenset[str] = frozenset()  # "ordered the expulsion of": verbs that state a noun event
    loose: bool = False  # modifiers may carry the actor ("condemned Israel's decision")
    implied_preps: dict[str, frozenset[str]] = field(default_factory=dict)  # Lexicon.implied_preps

    def arg(self, t: Token) -> list[Actor]:
        return self.mentions.actors(t) or (self.mentions.carried_actors(t) if self.loose else [])


Resolver = Callable[[SlotContext], list["Actor"]]
RESOLVERS: dict[str, Resolver] = {}


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    """Register a slot resolver under ``name`` (a lexicon's slot word)."""

    def register(fn: Resolver) -> Resolver:
        if name in RESOLVERS:
            raise ValueError(f"slot {name!r} is registered twice")
        RESOLVERS[name] = fn
        return fn

    return register


def known(slot: str) -> bool:
    """Whether a lexicon may name ``slot``: a registered resolver, ``prep:WORD`` or a marker."""
    bare = slot.rstrip("!")
    return bare in RESOLVERS or bare in MARKERS or bool(_PREP_SLOT.match(bare))


def names() -> list[str]:
    return sorted([*RESOLVERS, *MARKERS, "prep:WORD"])


def resolve(slot: str, ctx: SlotContext) -> list[Actor]:
    """The actors ``slot`` finds around ``ctx.head`` ([] when none)."""
    if slot.startswith("prep:"):
        return _prep(slot[5:], ctx)
    fn = RESOLVERS.get(slot)
    return fn(ctx) if fn is not None else []


def dedupe(actors: Iterable[Actor]) -> list[Actor]:
    seen = set()
    out = []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


@resolver("subj")
def _subj(ctx: SlotContext) -> list[Actor]:
    # a place does not act ("Kharkiv said"): only a state or a body in it does
    # ("affirmed their commitment to supporting Ukraine": a possessive pronoun is whose it is)
    return dedupe(
        a
        for t in logical_subjects(ctx.head)
        if t.i not in ctx.mentions.places
        for a in (
            (ctx.mentions.possessor(t) or ctx.arg(t))
            if t.dep_ == "poss" and t.pos_ == "PRON" and t.head.lemma_.lower() in COMMITMENT_NOUNS
            else ctx.arg(t)
        )
    )


@resolver("obj")
def _obj(ctx: SlotContext) -> list[Actor]:
    return dedupe(a for t in logical_objects(ctx.head) for a in ctx.arg(t))


@resolver("ccomp")
def _ccomp(ctx: SlotContext) -> list[Actor]:
    # "demanded that the Philippines withdraw": the subject of the complement clause
    found = []
    for c in children_of(ctx.head):
        if c.dep_ in ("ccomp", "xcomp") and not (
            ctx.head.lemma_.lower() in DIRECTIVE_VERBS and _states_a_fact(c)
        ):  # the tagger sometimes calls the verb a noun
            found += [a for t in logical_subjects(c) for a in ctx.arg(t)]
    return dedupe(found)


RELATIONSHIP_NOUNS = {"relationship", "relation", "tie"}


def _relationship_partner(noun: Token, m: Mentions) -> list[Actor]:
    """The other party of "our relationship with China", "ties with Iran": whoever the relationship
    is with, not whose it is."""
    if noun.lemma_.lower() not in RELATIONSHIP_NOUNS:
        return []
    return _relationship_partner_of(noun, m)


def _relationship_partner_of(noun: Token, m: Mentions) -> list[Actor]:
    return [
        a
        for p in children_of(noun)
        if p.dep_ == "prep" and p.lower_ == "with"
        for q in children_of(p)
        for a in m.actors(q)
    ]


# verbs whose clause says what is to be done: with a clause that states a fact they claim it
DIRECTIVE_VERBS = {"demand", "insist"}


def _states_a_fact(clause: Token) -> bool:
    """ "insist that there was a deal", "insisted that Iran had complied": a complement in the past,
    or one that says something exists, claims a fact; only a clause of what is to be done demands."""
    if clause.dep_ != "ccomp":
        return False
    return (
        clause.tag_ == "VBD"
        or any(a.dep_ in ("aux", "auxpass") and a.tag_ == "VBD" for a in children_of(clause))
        or any(c.dep_ == "expl" for c in children_of(clause))
    )


@resolver("obliged")
def _obliged(ctx: SlotContext) -> list[Actor]:
    """ "said Iran must release ...", "stressed that Russia should withdraw": the one a reported
    clause says must act (the speaker demands it of them)."""
    found = []
    for c in children_of(ctx.head):
        if c.dep_ != "ccomp":
            continue
        if obligation(c):
            found += [a for t in logical_subjects(c) for a in ctx.mentions.actors(t)]
    for noun in children_of(ctx.head):
        # "stressed the need for China to release ...": the one a stated need is of
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in NEED_NOUNS:
            continue
        for c in children_of(noun):
            if c.lemma_.lower() in STATE_VERBS:
                continue  # "the need for Israelis and Palestinians to be able to enjoy security": no act
            if c.dep_ in ("advcl", "acl", "relcl") and any(
                a.lower_ == "for" for a in children_of(c) if a.dep_ == "mark"
            ):
                found += [a for t in children_of(c) if t.dep_ in ("nsubj", "nsubjpass") for a in ctx.mentions.actors(t)]
            elif c.dep_ == "prep" and c.lower_ == "for":
                for t in children_of(c):
                    if t.dep_ == "pobj" and any(
                        x.dep_ in ("acl", "relcl")
                        and x.lemma_.lower() not in STATE_VERBS
                        and any(a.lower_ == "to" for a in children_of(x))
                        for x in children_of(t)
                    ):
                        found += ctx.mentions.actors(t)
    return dedupe(found)


@resolver("for_clause")
def _for_clause(ctx: SlotContext) -> list[Actor]:
    """ "called for Russia to withdraw", "reiterated our call for Israel and Hamas to agree": the
    subject of an infinitive after "for" (:func:`kg.english.for_infinitives`)."""
    subjects = [
        t
        for _, found in for_infinitives(ctx.head)
        for t in found
        # (not "called Special Secretary for Maritime Affairs Ravi Kumar to discuss": a title's "for")
        if not _inside_title(t.doc[t.left_edge.i - 1], ctx.mentions)
    ]
    return dedupe(a for t in with_conjuncts(subjects) for a in ctx.arg(t))


NEED_NOUNS = {"need", "necessity", "imperative"}
STATE_VERBS = {"be", "have", "enjoy", "live", "feel", "remain", "exist"}


@resolver("dative")
def _dative(ctx: SlotContext) -> list[Actor]:
    found = []
    for c in children_of(ctx.head):
        if c.dep_ in DATIVE:
            # "sent Ukraine tanks" (a noun) or "sent tanks to Ukraine" parsed as dative "to"
            targets = [p for p in children_of(c) if p.dep_ == "pobj"] if c.pos_ == "ADP" else [c]
            found += [a for t in targets for a in ctx.arg(t)]
    return dedupe(found)


def _prep(word: str, ctx: SlotContext) -> list[Actor]:
    """``prep:WORD``: the object of a preposition on the trigger, on its object noun, or inside
    an adverbial particle ("pulled out of")."""
    head, obj_noun, m = ctx.head, ctx.obj_noun, ctx.mentions
    holders = [head] + ([obj_noun] if obj_noun is not None else []) + _kind_of(head)
    if (
        word == "with"
        and obj_noun is not None
        and head.lemma_.lower() in DISCUSSION_VERBS
        and obj_noun.lemma_.lower() in JOINT_WORK_NOUNS | RELATIONSHIP_NOUNS
        and not any(a.type == "Person" for a in _relationship_partner_of(obj_noun, m))
    ):
        # "discussed our cooperation with Poland": the partner of the cooperation, not of the talk
        # (but "discussed cooperation with Foreign Minister Rau" talked with him)
        holders = [head]
    if head.pos_ in ("NOUN", "PROPN") and word != "of":
        # "war of aggression against Ukraine", "war of choice against": the target hangs off
        # the noun's own "of" complement (but "condemnation of Russia's invasion of Ukraine"
        # condemns Russia: an "of" inside the "of" object is that object's business)
        holders += [
            q
            for p in children_of(head)
            if p.dep_ == "prep" and p.lower_ == "of"
            for q in children_of(p)
            if q.dep_ == "pobj" and q.pos_ == "NOUN"
        ]
    if head.pos_ in ("NOUN", "PROPN") and word not in ("of", "by"):
        # "the attack by Russian forces on Ukraine": the parser hangs the act's complement on its
        # by-agent (but "attacks by the rebels in Colombia" places the rebels)
        holders += [
            q
            for p in children_of(head)
            if p.dep_ == "prep" and p.lower_ == "by"
            for q in children_of(p)
            if q.dep_ == "pobj" and q.i in m.token_actor and not (word == "in" and _placed_by_in(q, m))
        ]
    if obj_noun is not None:
        if obj_noun.dep_ == "pobj" and obj_noun.head.lower_ == "of":
            holders.append(obj_noun.head.head)  # "a barrage of rockets at Israel"
        # "$345 million in military assistance for Taiwan": preps of the object's own phrase
        for p in children_of(obj_noun):
            if p.dep_ == "prep" and p.lower_ in ("in", "of"):
                holders += [c for c in children_of(p) if c.dep_ == "pobj"]
    for h in list(holders):
        if h.pos_ == "NOUN" and not any(c.dep_ == "prep" for c in children_of(h)):
            # "arrests, prosecutions, and sentencings of journalists": the last conjunct's
            # complement is every conjunct's
            holders += [c for c in conjuncts(h) if c.pos_ == "NOUN"]
    found = []
    if with_clause(head) == word:
        # "spoke with Le Drian and Baerbock to coordinate ...": the clause's own "subjects" are
        # whom the speaker coordinates with
        found += [a for t in with_conjuncts(clause_subjects(head)) for a in m.actors(t, conj=False)]
    if word == "with" and not found and _purpose_of_meeting(head):
        # "met with Kuleba to coordinate support": whom one met to do it with, one does it with
        meeting = head.head
        partners = [c for c in children_of(meeting) if c.dep_ == "dobj"] + prep_objects(meeting, "with")
        found += [a for t in with_conjuncts(partners) for a in m.actors(t, conj=False)]
    for holder in holders:
        kids = children_of(holder)
        preps = [c for c in kids if c.dep_ in PREP or (c.dep_ in DATIVE and c.pos_ == "ADP")]
        if word == "by" and holder.pos_ == "ADJ":
            # "is deeply concerned by ...": the parser calls an adjective's "by" its agent
            preps += [c for c in kids if c.dep_ == "agent"]
        # "pulled out of Niger", "moved away from": a preposition inside an adverbial particle
        # (not "according to", "because of", "ahead of")
        preps += [cc for c in preps if c.lower_ in PARTICLE_PREPS for cc in children_of(c) if cc.dep_ in PREP]
        # "grateful to Ann and to Sweden": a preposition coordinated with one on the holder
        preps += [cc for c in preps for cc in children_of(c) if cc.dep_ == "conj" and cc.pos_ == "ADP"]
        for prep in preps:
            if (prep.lower_ == word or (word == "for" and _on_behalf(prep))) and not _inside_title(prep, m):
                for pobj in children_of(prep):
                    if pobj.lower_ in ("it", "this", "that") and holder.lemma_.lower() in ("speak", "talk"):
                        continue  # "leave it to them to speak to it": a topic, never a party
                    if pobj.dep_ == "pcomp" and pobj.pos_ in ("VERB", "AUX"):
                        # "stand by what you heard from me": a clause, whose actors are not the target
                        found += m.actors(pobj)
                    elif pobj.dep_ == "pobj" and (partner := _relationship_partner(pobj, m)):
                        found += partner  # "consequences for our relationship with China": China
                    elif pobj.dep_ in ("pobj", "pcomp"):
                        # "fired at Ukrainian positions", "toward its waters"
                        found += ctx.arg(pobj) or _located(pobj, word, m)
        for clause in kids:
            if with_clause(clause) == word:  # "spoke with A, B and C to coordinate ..."
                found += [a for t in with_conjuncts(clause_subjects(clause)) for a in m.actors(t, conj=False)]
        for prt in kids:
            # "pulled out of", "cut off ties with": particle + preposition
            if prt.dep_ == "prt":
                for sub in children_of(prt):
                    if sub.dep_ in PREP and sub.lower_ == word:
                        for pobj in children_of(sub):
                            found += ctx.arg(pobj)
    if not found and obj_noun is None and head.pos_ == "NOUN" and head.dep_ == "dobj" and word != "of":
        # "will bring total U.S. assistance to Ukraine to $8 billion": the parser hangs the noun's
        # complement on its verb
        verb = head.head
        for prep in children_of(verb):
            if (
                (prep.dep_ in PREP or (prep.dep_ in DATIVE and prep.pos_ == "ADP"))
                and prep.lower_ == word
                and prep.i > head.i
            ):
                found += [a for pobj in children_of(prep) if pobj.dep_ == "pobj" for a in ctx.arg(pobj)]
                break
    return dedupe(found)


# "its support in defense of Ukraine", "assistance in support of Kyiv": whom a thing is for
ON_BEHALF_NOUNS = {"defense", "defence", "support"}


def _on_behalf(prep: Token) -> bool:
    """ "in defense of X", "in support of X": a phrase that says for whom, as "for X" does (its
    "of" object carries X)."""
    return prep.lower_ == "in" and any(
        c.dep_ == "pobj" and c.lemma_.lower() in ON_BEHALF_NOUNS and not any(d.dep_ == "det" for d in children_of(c))
        for c in children_of(prep)
    )


def _inside_title(prep: Token, m) -> bool:
    """ "called PRC Special Representative on Korean Affairs Liu Xiaoming": a preposition inside a
    person's title, whatever the parser hangs it on, is part of the name, not an argument: it or
    its object stands for the person named right after."""
    doc = prep.doc
    if (a := m.token_actor.get(prep.i)) is not None and a.type == "Person":
        return True
    if prep.head.i not in m.token_actor:
        return False  # ("met with President Déby": the verb's own preposition)
    for q in children_of(prep):
        if q.dep_ != "pobj" or q.ent_type_ == "PERSON" or q.i + 1 >= len(doc):
            continue
        a, after = m.token_actor.get(q.i), m.token_actor.get(q.i + 1)
        if a is not None and a.type == "Person" and after is not None and after.id == a.id:
            return True
    return False


def _located(thing: Token, word: str, m) -> list[Actor]:
    """ "a drone attack on an oil facility in Saudi Arabia": a thing that is no actor, aimed at
    where it stands, stands for its place."""
    if not m.force or word not in ("on", "against", "at") or thing.pos_ != "NOUN":
        return []  # (force only)
    if any(p.dep_ == "prep" and p.lower_ == "of" for p in children_of(thing)):
        return []  # "sanctions on a network of producers in China" are on the producers
    if m.carried_actors(thing):
        return []  # "rockets at a U.S. base in Syria": the base's owner, not where it stands
    return _in_phrase(thing, m)


def _placed_by_in(agent: Token, m) -> bool:
    """Whether an agent's "in" phrase names its own country ("the rebels in Colombia")."""
    own = m.token_actor[agent.i].country
    return any(a.country == own for a in _in_phrase(agent, m))


def _in_phrase(tok: Token, m) -> list[Actor]:
    """The actors of a token's own "in" phrase ("a refinery in Saudi Arabia")."""
    return [
        a
        for p in children_of(tok)
        if p.dep_ == "prep" and p.lower_ == "in"
        for q in children_of(p)
        if q.dep_ == "pobj"
        for a in m.actors(q)
    ]


@resolver("objmod")
def _objmod(ctx: SlotContext) -> list[Actor]:
    """The actor that modifies the object noun: "imposed sanctions on Russian banks" -> the banks'
    state; "a wave of Russian missiles"."""
    m = ctx.mentions
    nouns = [ctx.obj_noun] if ctx.obj_noun is not None else list(logical_objects(ctx.head))
    found = []
    for noun in nouns:
        if noun is None:
            continue
        for noun_tok in [noun, *conjuncts(noun)]:
            # an object that is an actor itself ("Syrian rebels", "Chad: police") is the target,
            # not the state that modifies it
            own = [a for a in m.actors(noun_tok, conj=False) if a.type == "SectorActor"]
            found += own or ([] if m.only_placed(noun_tok) else m.act_agents(noun_tok))
            if not found:  # "$1 billion in new Chinese loans"
                found += [
                    a
                    for p in children_of(noun_tok)
                    if p.dep_ == "prep" and p.lower_ == "in"
                    for q in children_of(p)
                    if q.dep_ == "pobj"
                    for a in m.modifier_actors(q)
                ]
    if not found and ctx.head.pos_ == "VERB" and not is_passive(ctx.head):
        # "welcomes the pledge by Saudi Arabia": the parser hangs the object's by-agent on the verb
        found += [
            a
            for noun in nouns
            if noun is not None
            for p in children_of(ctx.head)
            if p.dep_ in ("prep", "agent") and p.lower_ == "by" and p.i > noun.i
            for q in children_of(p)
            if q.dep_ == "pobj"
            for a in m.actors(q)
        ]
    return dedupe(found)


@resolver("author")
def _author(ctx: SlotContext) -> list[Actor]:
    """Who said or decided the object noun: its possessor, demonym or by-agent, never its "of"
    phrase ("attacked Biden's record", "attacked the proclamation of the Golan Heights")."""
    return dedupe(ctx.mentions.authors(ctx.obj_noun)) if ctx.obj_noun is not None else []


# verbs whose subject undergoes the event it is "in" ("dozens died in the attack"): a victim, no agent
SUFFERING_VERBS = {"die", "perish", "suffer", "succumb", "drown", "starve"}
# verbs that punish someone for an act: the act named after "for" is the punished one's
PUNISHING_VERBS = {"sentence", "convict", "jail", "imprison", "punish", "fine", "execute", "hang", "indict", "charge"}


# nouns of war that a state's name in front of names the war's theatre ("the Iraq War")
THEATRE_NOUNS = {"war", "invasion", "conflict"}


@resolver("theatre")
def _theatre(ctx: SlotContext) -> list[Actor]:
    """The state a war is named after, by its name as a compound ("the Iraq War", "the Ukraine
    war"), not a demonym ("the Russian war" is Russia's): where it is fought."""
    head, m = ctx.head, ctx.mentions
    if head.lemma_.lower() not in THEATRE_NOUNS:
        return []
    return dedupe(
        a
        for c in children_of(head)
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ != "NORP"
        for a in m.actors(c, conj=False)
        if a.type == "Country" and c.lower_[:3] == a.label.lower()[:3]
    )


# verbs of meeting someone: a purpose clause of one ("met X to coordinate ...") is done with X
MEETING_VERBS = {"meet", "speak", "talk", "confer", "call"}


def _purpose_of_meeting(verb: Token) -> bool:
    return (
        verb.dep_ in ("advcl", "xcomp")
        and verb.head.i != verb.i
        and verb.head.lemma_.lower() in MEETING_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb))
    )


# joint work two sides do together: discussing it is discussing their own
TWO_SIDED_WORK_NOUNS = {"coordination", "cooperation", "collaboration", "partnership"}
# nouns that count people: "millions of Ukrainians" are Ukrainians
HEADCOUNT_NOUNS = {"million", "thousand", "hundred", "dozen", "number", "group", "crowd", "majority"}


def _kind_of(noun: Token) -> list[Token]:
    """The noun an event noun is the compound of, when that noun only says what kind of thing the
    event is ("Egypt's mediation efforts between ...", "Russia's bombing campaign on Ukrainian cities"):
    its modifiers and complements are the event's."""
    if noun.dep_ == "compound" and noun.head.i != noun.i and noun.head.lemma_.lower() in EFFORT_NOUNS | ROLE_NOUNS:
        return [noun.head]
    return []


@resolver("poss")
def _poss(ctx: SlotContext) -> list[Actor]:
    # the agent of a noun event is its possessor or demonym, not its "of" phrase
    # ("the expulsion of Argentine diplomats" is done to Argentina)
    head, m = ctx.head, ctx.mentions
    found = list(m.modifier_actors(head, owners_too=False))
    if not found:
        found = [
            a for k in _kind_of(head) for a in m.modifier_actors(k, owners_too=False)
        ]  # "Egypt's mediation efforts"
    theatre = _theatre(ctx)
    if theatre:
        found = [a for a in found if all(a.id != b.id for b in theatre)]  # "the Iraq War": fought in Iraq
    if not found:
        # "the US-led invasion of Iraq", "a Saudi-led bombing campaign": the leader acts (the
        # leader of a group is not the group, but the leader of an event does it)
        found += m.leaders(head)
    owned = bool(found)
    for prep in children_of(head):
        if prep.dep_ in PREP and prep.lower_ == "from" and owned:
            continue  # "hide its war against Ukraine from its own people": the owner wages it
        if prep.dep_ in PREP and prep.lower_ in ("by", "from"):
            if owned and any(t.dep_ == "conj" and head.i < t.i < prep.i for t in head.subtree):
                # "Russia's build-up on Ukraine's borders and joint efforts by NATO Allies": the
                # by-agent of the noun coordinated after it, which the parser hung on this one
                continue
            for pobj in children_of(prep):
                found += m.actors(pobj)
    if not found:
        found += m.misplaced_agents(head)  # "the detention of Armenian soldiers by Azerbaijani forces"
    first = head
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ == "NOUN":
        first = first.head  # "led arrests, prosecutions and sentencings of": each conjunct
    if found and first.dep_ == "dobj" and first.head.lemma_.lower() in ctx.support_verbs:
        # "The Secretary expressed the United States' support for Ukraine": the state's support,
        # stated by its own official, is the official's act too
        states = {a.country for a in found if a.type == "Country"}
        found += [
            a
            for t in logical_subjects(first.head)
            for a in m.actors(t)
            if a.type == "Person" and a.country in states and len(states) == len(found)
        ]
    if not found and first.dep_ in ("dobj", "attr") and first.head.lemma_.lower() in ctx.support_verbs:
        # "ordered the expulsion of", "launched an investigation into": the verb's subject acts
        # ("the Biden administration approved the sale of": the one it is named after)
        found += [a for t in logical_subjects(first.head) for a in (m.actors(t) or m.carried_actors(t))]
    if (
        not found
        and first.dep_ == "dobj"
        and first.head.lemma_.lower() in DISCUSSION_VERBS
        and head.lemma_.lower() in TWO_SIDED_WORK_NOUNS
    ):
        # "Sherman and Lovegrove discussed continued close coordination": the joint work of those
        # who discuss it (their states', as what two ministers discuss doing is)
        found += [a for t in logical_subjects(first.head) for a in m.actors(t)]
    qualified = first.head.head if first.dep_ == "pobj" and first.head.lower_ == "in" else None
    if qualified is not None and qualified.dep_ in ("oprd", "acomp") and qualified.pos_ == "ADJ":
        qualified = qualified.head  # "are standing strong in opposition to Putin": the standing
    if (
        not found
        and qualified is not None
        and qualified.pos_ in ("VERB", "AUX")
        and qualified.lemma_.lower() not in SUFFERING_VERBS
    ):
        # "rallied in support of Trump", "marched in solidarity with", "resigned in protest against":
        # who does what the phrase qualifies (not who "died in the attack": its victims)
        found += [
            a
            for t in logical_subjects(qualified)
            # ("millions of Ukrainians": a number of people carries them)
            for a in m.actors(t) or (m.carried_actors(t) if t.lemma_.lower() in HEADCOUNT_NOUNS else [])
        ]
    if (
        not found
        and qualified is not None
        and qualified.dep_ in ("nsubj", "nsubjpass")
        and first.head.dep_ == "prep"
        and any(t.text == "," for t in qualified.doc[qualified.i : first.head.i])
    ):
        # "the Bureau of Educational and Cultural Affairs, in collaboration with the Institute,
        # compiles ...": a phrase set off after a subject qualifies what the subject does
        found += m.actors(qualified)
    if (
        not found
        and first.dep_ == "pobj"
        and first.head.lower_ == "for"
        and first.head.head.lemma_.lower() in PUNISHING_VERBS
    ):
        # "sentenced Ahmed Khan to life in prison for the murder of Sara Malik": the one punished
        # for an act did it
        punisher = first.head.head
        found += [a for t in logical_objects(punisher) for a in m.actors(t) if a.type in ("Person", "Organization")]
    claim = first.head.head if first.dep_ == "pobj" and first.head.lower_ == "for" else None
    if (
        not found
        and claim is not None
        and claim.lemma_.lower() == "responsibility"
        and claim.dep_ in ("dobj", "nsubjpass")
    ):
        # "the Taliban claimed responsibility for the attack on ...": the claimant did it
        found += [a for t in logical_subjects(claim.head) for a in m.actors(t)]
    return dedupe(found)


@resolver("said_of")
def _said_of(ctx: SlotContext) -> list[Actor]:
    """The one an agent noun is said of: "Navalny is a critic of Putin", "Navalny, a critic of
    Putin, ...", "X became an ally of Y"."""
    head, m = ctx.head, ctx.mentions
    if head.dep_ == "attr" and head.head.lemma_.lower() in ("be", "become", "remain"):
        return dedupe(a for t in logical_subjects(head.head) for a in m.actors(t))
    if head.dep_ == "appos":
        return dedupe(m.actors(head.head))
    own = m.token_actor.get(head.i)
    if own is not None and own.type == "SectorActor":
        return [own]  # "supporters of Imran Khan protested in Lahore": the group the noun names
    regarding = _regarding_verb(head)
    if regarding is not None:
        # "views Tunisia as a partner of choice", "considers Japan a key partner": the one regarded
        return dedupe(a for t in logical_objects(regarding) for a in m.actors(t))
    return []


# verbs that say what their object is to the subject: "views Tunisia as a partner"
REGARDING_VERBS = {"view", "see", "regard", "consider", "count"}


def _regarding_verb(head: Token) -> Token | None:
    """The verb that calls its object ``head`` ("views X as a partner", "considers X a partner")."""
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.lemma_.lower() in REGARDING_VERBS:
        return head.head.head
    if head.dep_ in ("oprd", "attr") and head.head.lemma_.lower() in REGARDING_VERBS:
        return head.head
    return None


@resolver("regarder")
def _regarder(ctx: SlotContext) -> list[Actor]:
    """Who regards someone as the agent noun: "the United States views Tunisia as a partner"."""
    verb = _regarding_verb(ctx.head)
    return dedupe(a for t in logical_subjects(verb) for a in ctx.mentions.actors(t)) if verb is not None else []


# verbs that state a warning: the consequences they announce are the speaker's threat
WARNING_VERBS = {
    "say",
    "warn",
    "reaffirm",
    "affirm",
    "reiterate",
    "stress",
    "emphasize",
    "emphasise",
    "underscore",
    "make",
    "note",
    "tell",
    "state",
    "signal",
}


@resolver("speaker")
def _speaker(ctx: SlotContext) -> list[Actor]:
    """The one who states the clause the trigger is in: "reaffirmed that further aggression would
    result in severe consequences for Russia" (the reaffirming subject warns Russia)."""
    t = ctx.head
    ahead = False  # consequences that will or would follow, not ones a war "is having"
    for _ in range(6):
        if t.head.i == t.i:
            return []
        child, t = t, t.head
        ahead |= any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in children_of(t))
        if t.pos_ in ("VERB", "AUX") and child.dep_ in ("ccomp", "dobj") and t.lemma_.lower() in WARNING_VERBS:
            return dedupe(a for s in logical_subjects(t) for a in ctx.mentions.actors(s)) if ahead else []
    return []


FUTURE_AUX = {"will", "would", "'ll", "shall", "could"}


@resolver("utterer")
def _utterer(ctx: SlotContext) -> list[Actor]:
    """Who says the words the trigger is in: the one a quotation is attributed to ('Sanders wrote,
    "Congratulations to ..."'), or the speaker of a transcript's turn ("SECRETARY BLINKEN: Thanks,
    Martha"); no one in a text's own voice."""
    who = ctx.mentions.utterers.get(ctx.head.i)
    return [who] if who is not None and who.type == "Person" else []


@resolver("vocative")
def _vocative(ctx: SlotContext) -> list[Actor]:
    """Whom a greeting addresses by name: "Thank you so much, Dean", "Ned, thanks very much",
    "Thank you Bill de Blasio for ...": a person's name set beside the greeting, not its object."""
    head, m = ctx.head, ctx.mentions
    found = []
    for c in children_of(head):
        if c.dep_ in ("npadvmod", "dep", "appos", "dobj", "intj") and c.lower_ != "you":
            found += [a for a in m.actors(c, conj=False) if a.type == "Person"]
    return dedupe(found)


@resolver("provoker")
def _provoker(ctx: SlotContext) -> list[Actor]:
    """ "kicked off drills, prompting a warning from Pyongyang", "The decision drew condemnation
    from Moscow": the one whose act drew the reaction the trigger names (the clause's subject, or
    the owner of the act that is the subject)."""
    noun, m = ctx.head, ctx.mentions
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in PROVOKING_VERBS:
        return []
    return dedupe(a for s in logical_subjects(noun.head) for a in (m.actors(s) or m.modifier_actors(s)))


@resolver("condition")
def _condition(ctx: SlotContext) -> list[Actor]:
    """ "threatened to enrich uranium if Western powers censured it", "will retaliate unless Lithuania
    reverses its decision": the one whose act a threat's condition names, the subject of an "if" or
    "unless" clause on the trigger or on the act it threatens (never the threatener itself)."""
    head = ctx.head
    own = {a.id for s in logical_subjects(head) for a in ctx.mentions.actors(s)}
    found = []
    for h in [head, *(c for c in children_of(head) if c.dep_ in ("xcomp", "ccomp"))]:
        for c in conditions(h):
            found += [a for s in logical_subjects(c) for a in ctx.mentions.actors(s) if a.id not in own]
    return dedupe(found)


# verbs that report what someone holds true: their subject makes the clause's claim their own
CLAIM_VERBS = {"say", "claim", "allege", "insist", "state", "tell", "write", "tweet", "believe", "conclude", "declare"}


@resolver("sayer")
def _sayer(ctx: SlotContext) -> list[Actor]:
    """The one whose claim the clause is: "Pompeo said Iran was responsible for the attack",
    "Iran was responsible for the attack, Pompeo said". A clause no one is said to claim has none."""
    clause = ctx.head
    while clause.dep_ in ("acomp", "attr", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in CLAIM_VERBS:
        return dedupe(a for s in logical_subjects(clause.head) for a in ctx.mentions.actors(s))
    for c in children_of(clause):
        if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in CLAIM_VERBS and c.i > ctx.head.i:
            return dedupe(a for s in logical_subjects(c) for a in ctx.mentions.actors(s))
    return []


# what names the legal authority a measure is taken under ("pursuant to E.O. 14024", "under
# Section 7031(c)", "under the Global Magnitsky Act")
AUTHORITY_WORDS = {"e.o.", "eo", "executive", "order", "section", "act", "authority", "authorities", "statute"}


@resolver("authority")
def _authority(ctx: SlotContext) -> list[Actor]:
    """The publisher, for a measure its own document states in the passive under a legal
    authority with no agent: "Maria Zakharova is being designated pursuant to E.O. 14024" in a
    State Department release is the United States' designation. Any other agentless passive
    names no one."""
    head, voice = ctx.head, ctx.mentions.voice
    if voice is None or voice.type != "Country":
        return []
    kids = list(children_of(head))
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in kids) or any(c.dep_ == "agent" for c in kids):
        return []
    for c in kids:
        if c.lower_ == "pursuant":
            return [voice]
        if c.dep_ in PREP and c.lower_ == "under":
            if any(t.lower_ in AUTHORITY_WORDS for t in c.subtree):
                return [voice]
    return []


@resolver("between")
def _between(ctx: SlotContext) -> list[Actor]:
    # on the trigger, or on a light verb's noun ("brokered a ceasefire between Israel and Hamas")
    holders = [ctx.head] + ([ctx.obj_noun] if ctx.obj_noun is not None else [])
    holders += _kind_of(ctx.head)  # "Egypt's mediation efforts between Israel and Hamas"
    if ctx.head.pos_ == "NOUN":
        # "the agreement to establish diplomatic relations between Israel and Morocco": on what the
        # agreement is to set up
        holders += [
            o
            for c in children_of(ctx.head)
            if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))
            for o in children_of(c)
            if o.dep_ == "dobj"
        ]
    for prep in (c for h in holders for c in children_of(h)):
        if prep.dep_ in PREP and prep.lower_ in ("between", "among"):
            return dedupe(a for p in children_of(prep) if p.dep_ == "pobj" for a in ctx.mentions.actors(p))
    return []


@resolver("head")
def _head(ctx: SlotContext) -> list[Actor]:
    return ctx.mentions.actors(ctx.head.head)


def _protest_state(ctx: SlotContext) -> Actor | None:
    """The one state a protest noun takes place in: "in <place>" on the noun, or on the verb it is
    the subject or object of ("protests erupted in Tehran", "joined protests in Iraq", "have been
    taking place in the Serbian capital Belgrade")."""
    head, m = ctx.head, ctx.mentions
    holders = [head]
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.i != head.i:
        holders.append(head.head)
    states = []
    for h in holders:
        for p in children_of(h):
            if p.dep_ != "prep" or p.lower_ != "in":
                continue
            for q in children_of(p):
                if q.dep_ != "pobj":
                    continue
                for t in q.subtree:
                    a = m.token_actor.get(t.i)
                    if a is not None and a.country and (a.type == "Country" or t.i in m.places):
                        states.append(a.country)
    states = list(dict.fromkeys(states))
    return m.gz.country(states[0]) if len(states) == 1 else None


@resolver("crowd")
def _crowd(ctx: SlotContext) -> list[Actor]:
    """Who protests, when the protest noun names no one: the people of the one state it takes
    place in ("anti-government protests in Belgrade" -> Serbia: civilians)."""
    from kg.actors import sector_actor

    against = [q for p in children_of(ctx.head) if p.lower_ == "against" for q in children_of(p) if q.dep_ == "pobj"]
    if any(not ctx.mentions.actors(q) for q in against):
        return []  # "protests against the war in Ukraine erupted in Moscow": against a thing, not whose
    state = _protest_state(ctx)
    return [sector_actor(state, ctx.mentions.gz.sectors["CVL"])] if state is not None else []


# modifiers that say a protest is against the state where it takes place
AGAINST_THE_STATE = {"government", "regime", "junta", "authorities"}


@resolver("regime")
def _regime(ctx: SlotContext) -> list[Actor]:
    """Whom an "anti-government" protest is against: the state it takes place in."""
    doc = ctx.head.doc
    against = any(
        c.dep_ in ("amod", "compound")
        and c.lower_.removeprefix("anti-") in AGAINST_THE_STATE
        and negated_modifier(c)
        and (c.lower_.startswith("anti-") or doc[c.i - 2].lower_ == "anti")  # (not "non-government")
        for c in children_of(ctx.head)
    )
    state = _protest_state(ctx) if against else None
    return [state] if state is not None else []


@resolver("implied")
def _implied(ctx: SlotContext) -> list[Actor]:
    """ "Russia's unprovoked war", in a sentence that names one other state: that state. Never the
    owner's own state, the publisher's, or a subject ("..., Poland said")."""
    head, m = ctx.head, ctx.mentions
    owners = _war_owners(head, m)
    if not owners:
        return []
    left_out = {a.country for a in owners} | ({m.voice.country} if m.voice is not None else set())
    states = _other_states(head, left_out, m)
    # the states the document says that owner's war is on ("Russia's war against Ukraine" earlier)
    owner_states = {a.country for a in owners if a.country}
    found = _war_targets(m, ctx.implied_preps)
    targets = set().union(*(found.get(c, set()) for c in owner_states)) if owner_states else set()
    targets -= left_out
    if len(states) > 1 and len(targets) == 1:
        # "North Macedonia's support for Ukraine's sovereignty in the face of Russia's aggression":
        # of the states the sentence names, the one the document says the war is on
        aimed = [a for a in states if a.country in targets]
        if len(aimed) == 1:
            return aimed
    if states and (len(states) > 1 or not targets or states[0].country in targets):
        return states if len(states) == 1 else []
    # "Putin's war of choice", in a sentence that names no other state, or only one the war is not
    # said to be on ("appreciate Israel's condemnation of the Kremlin's aggression"): the war's own
    if len(targets) == 1:
        hit = m.gz.country(targets.pop())
        return [hit] if hit is not None else []
    return []


def _war_owners(head: Token, m) -> list[Actor]:
    """Whose war a war noun is: its possessor ("Russia's war"), its demonym or name ("further
    Russian aggression", "the Kremlin's"), its by-agent ("renewed aggression by Russia")."""
    found = [a for c in children_of(head) if c.dep_ in ("poss", "amod", "compound") for a in m.actors(c)]
    found += [a for q in prep_objects(head, "by") for a in m.actors(q)]
    return dedupe(a for a in found if a.country)


def _other_states(head: Token, left_out: set, m) -> list[Actor]:
    """The states a war noun's sentence names besides ``left_out``, and besides its main subject,
    who speaks or acts (every word of "the United States", not only "States")."""
    subjects = {a.id for t in children_of(sent_of(head).root) if t.dep_ in SUBJ for a in m.actors(t)}
    return dedupe(
        a
        for t in sent_of(head)
        if (a := m.token_actor.get(t.i)) is not None
        and a.type == "Country"
        and a.country not in left_out
        and t.dep_ not in SUBJ
        and a.id not in subjects
    )


# verbs that start a war on their object ("Russia invaded Ukraine")
WAR_VERBS = {"invade"}


def _war_targets(m: Mentions, implied_preps: dict[str, frozenset[str]]) -> dict[str, set[str]]:
    """Owner country -> the states a document names as the targets of that owner's war, invasion or
    aggression ("Russia's war against Ukraine", "Putin's invasion of Ukraine", "Russia invaded
    Ukraine"): the lexicon's nouns with an implied target, with a target they name, and the verbs of
    WAR_VERBS with an object; computed once per document."""
    if m.war_targets is None:
        found: dict[str, set[str]] = {}
        guessed: dict[str, set[str]] = {}
        pos = m.tree.pos
        for t in m.tokens:
            if pos[t.i] not in ("VERB", "NOUN"):
                continue
            lemma = t.lemma_.lower()
            if pos[t.i] == "VERB" and lemma in WAR_VERBS and not is_passive(t):
                # "Russia invaded Ukraine in February": the war is on Ukraine
                owners = {a.country for s in logical_subjects(t) for a in m.actors(s)}
                aimed = [o for o in children_of(t) if o.dep_ == "dobj"]
            elif pos[t.i] == "NOUN" and (preps := implied_preps.get(lemma)):
                owners = {a.country for a in _war_owners(t, m)}
                aimed = [
                    q
                    for p in children_of(t)
                    if p.dep_ == "prep" and p.lower_ in preps
                    for q in children_of(p)
                    if q.dep_ == "pobj"
                ]
            else:
                continue
            owners.discard(None)
            targets = {a.country for q in aimed for a in m.actors(q) if a.type == "Country" and a.country}
            if not targets and owners and pos[t.i] == "NOUN":
                # "support to Ukraine in the face of Russia's invasion": the one other state its
                # sentence names, when the document names none outright
                left_out = owners | ({m.voice.country} if m.voice is not None else set())
                others = _other_states(t, left_out, m)
                for o in owners if len(others) == 1 else ():
                    guessed.setdefault(o, set()).add(others[0].country)
                continue
            for o in owners:
                found.setdefault(o, set()).update(targets - {o})
        for o, states in guessed.items():
            if not found.get(o) and len(states) == 1:
                found[o] = states
        m.war_targets = found
    return m.war_targets
