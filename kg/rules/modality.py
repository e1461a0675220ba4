"""Modality and status: whether a frame's event is denied, hedged, or only asked or threatened.

Negation and hedging come from the trigger's own modifiers and from the chain of words that
govern it ("refused to condemn", "plans to supply"); the words are the lexicon's
(``modality.tsv``). A threat or a request takes what was threatened or asked for out of play.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.english import (
    EFFORT_NOUNS,
    GOVERNOR_LINKS,
    PHRASAL_SYNONYMS,
    children_of,
    conditions,
    for_infinitives,
    presupposed_acts,
    sent_of,
    span_text,
    stopped_act,
)
from kg.ontology import relations

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.lexicon import Lexicon
    from kg.rules.context import Frame, Sentence

REQUESTS = ("threatens", "requests", "demands")


def status(frame: Frame, token: Token, ctx: Sentence) -> tuple[bool, bool]:
    """(negated, hedged) of a frame found at ``token``; a threat or a request suppresses the
    tokens of its complement in ``ctx``."""
    lex = ctx.lex
    # a noun event ("Russia's invasion") is not denied by the verb that mentions it
    # ("declined to condemn Russia's invasion"), though it may be hedged by it ("called for talks")
    negated, hedged = modality(token, lex, negating_governors=frame.rule not in ("nominal", "implied"))
    owned_force = (
        frame.rule == "nominal"
        and relations()[frame.trigger.relation].quad == 4
        and any(c.dep_ == "poss" for c in children_of(token))
        # ("Russia may launch its invasion": a light verb's plans are the event's)
        and not (token.dep_ == "dobj" and token.head.lemma_.lower() in lex.support_verbs)
    )
    # an act asked to stop is going on, whatever its relation ("urged Iran to halt its support for")
    ongoing = frame.rule == "nominal" and stopped_act(token)
    if (
        frame.rule == "implied"
        or owned_force
        or ongoing
        or (frame.rule == "nominal" and frame.trigger.relation == "threatens")
    ):
        # "in the face of Russia's invasion": a state's war is stated as a fact, whatever
        # the sentence around it plans; only its own words ("alleged") hedge it; so is any use of
        # force someone is said to own ("will reinforce support in the face of Russia's invasion").
        # Consequences that "would" follow are the threat itself, made now
        hedged = any(
            c.lower_ in lex.hedge.get("adverb", ()) or (c.dep_ == "amod" and c.lower_ in lex.hedge.get("adjective", ()))
            for c in children_of(token)
        ) or (owned_force and conditional_or_asked(token, lex))  # "Russia's war on terror is a sham"
    if frame.rule == "nominal" and cancelled(token):
        negated = True  # "the debate between Trump and Biden has been cancelled": it did not take place
    if frame.trigger.lemma == "*" and token.lemma_.lower() in lex.hedge.get("governor", ()):
        hedged = True  # "is considering sanctions against": the verb itself hedges
    if frame.trigger.relation == "threatens" and promised_on_condition(token):
        hedged = False  # "will retaliate unless Lithuania reverses its decision": the threat is made now
    if frame.trigger.relation in REQUESTS:
        # "threatened to cut ties with X", "urged X to accept": the threat or the request
        # is the event; what was threatened or asked for has not happened. An act it asks to
        # stop has ("urged Russia to end its war against Ukraine": the war goes on).
        asked = [c for c in children_of(token) if c.dep_ == "xcomp"]
        asked += [c for c, _ in for_infinitives(token)]  # "called for Israel and Hamas to agree"
        for child in asked:
            going_on = presupposed_acts(child)
            ctx.suppressed.update(t.i for t in child.subtree if t.i not in going_on)
    return negated, hedged


# prepositions of an adjunct (time, circumstance): what they hold is not governed by the verb
ADJUNCT_PREPS = {"during", "after", "before", "since", "following", "amid", "amidst", "despite"}


def modality(trigger: Token, lex: Lexicon, negating_governors: bool = True) -> tuple[bool, bool]:
    """(negated, hedged) from the trigger's own words and the words that govern it."""
    neg_adv = lex.negate.get("adverb", frozenset())
    neg_gov = lex.negate.get("governor", frozenset())
    neg_det = lex.negate.get("det", frozenset())
    hedge_aux = lex.hedge.get("aux", frozenset())
    hedge_adv = lex.hedge.get("adverb", frozenset())
    hedge_adj = lex.hedge.get("adjective", frozenset())
    hedge_gov = lex.hedge.get("governor", frozenset())
    hedge_topic = lex.hedge.get("topic", frozenset())
    negated = hedged = False

    def own_marks(tok: Token) -> tuple[bool, bool]:
        n = h = False
        for c in children_of(tok):
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "neg") and low in neg_adv):
                n = True
            elif (
                c.dep_ == "advmod"
                and low in ("longer", "more")
                and any(d.lower_ in ("no", "not") for d in children_of(c))
            ):
                n = True  # "will no longer send", "no more"
            elif (
                c.dep_ in ("aux", "auxpass")
                and low in hedge_aux
                and not (low in ("could", "can") and any(d.dep_ == "neg" for d in children_of(tok)))
            ):
                h = True  # ("could not agree" did not agree: a fact)
            elif c.dep_ in ("advmod", "amod") and low in hedge_adv:
                h = True
            elif c.dep_ == "amod" and low in hedge_adj:  # "a further invasion", not "further attacked"
                h = True
            elif c.dep_ == "aux" and low == "going":
                h = True
            elif c.dep_ in ("nsubj", "nsubjpass") and any(
                d.dep_ in ("preconj", "det") and d.lower_ == "neither" for d in children_of(c)
            ):
                n = True  # "Neither Iran nor the US has agreed to ..."
        return n, h

    n, h = own_marks(trigger)
    negated |= n
    hedged |= h
    if performative(trigger):
        return negated, False  # "I would like to congratulate ...": said, so done
    hedged |= conditional_or_asked(trigger, lex)
    # the object the trigger acts on, not a second one the parser took from an aside ("donated
    # vaccines to Thailand - free of charge, no strings attached")
    first_object = next((c for c in children_of(trigger) if c.dep_ in ("dobj", "nsubjpass")), None)
    if first_object is not None and any(d.dep_ == "det" and d.lower_ in neg_det for d in children_of(first_object)):
        negated = True
    if trigger.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ in neg_det for d in children_of(trigger)):
        negated = True
    # Walk up through the verbs and nouns that govern the trigger.
    tok = trigger
    steps = 0
    acted = False  # the walk passed a verb: what governs it governs an act, not a noun event
    noun_between = False  # ... or a noun: "discussed efforts to assist" talks of efforts under way
    past_noun = not negating_governors  # "avoided commenting on speculation about Iran providing ...": a noun shields
    while tok.dep_ in GOVERNOR_LINKS and tok.head.i != tok.i and steps < 6:
        link = tok.dep_
        word = tok.lower_
        if (
            link == "pobj"
            and tok.head.lower_ in ADJUNCT_PREPS
            and tok.head.dep_ == "prep"
            and tok.head.head.pos_ in ("VERB", "AUX")
        ):
            break  # "during talks with Kenya, Uganda agreed to ...": an adjunct is outside the verb's plans
        if tok.i != trigger.i and tok.pos_ in ("NOUN", "PROPN"):
            past_noun = True
        acted = acted or (tok.i != trigger.i and tok.pos_ == "VERB")
        noun_between = noun_between or (tok.i != trigger.i and tok.pos_ in ("NOUN", "PROPN"))
        own_clause = link == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(tok))
        effort = link == "dobj" and tok.lemma_.lower() in EFFORT_NOUNS  # "efforts to normalize ties"
        if link == "advcl" and any(c.dep_ == "mark" for c in children_of(tok)):
            # "refused to answer if Turkey is asking ...": a subordinate clause is its own event,
            # which no governor above it denies (it may still hedge it)
            past_noun = True
        tok = tok.head
        steps += 1
        if tok.lemma_.lower() == "responsibility":
            # "claimed responsibility for the attack": a claim of one's own act asserts it; one
            # not made, or denied, leaves it open
            n, h = own_marks(tok.head)
            hedged |= n or h or tok.head.lemma_.lower() in neg_gov
            break
        if own_clause:
            continue  # "Brazil is not a member, but it is part of a pact": a clause of its own
        if link == "conj":
            # A coordinated verb shares its first conjunct's auxiliaries ("did not meet or call").
            n, h = own_marks(tok)
            negated |= n
            hedged |= h
            continue
        lemma = tok.lemma_.lower()
        particle = next((c.lower_ for c in children_of(tok) if c.dep_ == "prt"), None)
        # "look forward to": a governor of two words, the second an adverb
        phrase = next(
            (
                f"{lemma} {c.lower_}"
                for c in children_of(tok)
                if c.dep_ in ("prt", "advmod") and f"{lemma} {c.lower_}" in hedge_gov
            ),
            None,
        )
        if not past_noun and (lemma in neg_gov or (particle and f"{lemma} {particle}" in neg_gov)):
            negated = True
        if lemma in hedge_topic and (acted or trigger.pos_ == "VERB") and not noun_between:
            hedged = True  # "discussed strengthening collaboration": a plan, not a fact
        if (lemma in hedge_gov or phrase or (link == "xcomp" and tok.lower_ in hedge_gov)) and not (
            lemma in CAUSAL_HEADS and word == "to"
        ):
            # a governor listed as a word form over an infinitive ("is going to travel"); "due to the
            # attack", "owing to" are a cause, not "is due to visit"
            hedged = True
            if any(d.dep_ == "det" and d.lower_ in neg_det for d in children_of(tok)):
                negated = True  # "has no plans to supply"
        n, h = own_marks(tok)
        light = link == "dobj" and tok.i == trigger.head.i and lemma in lex.support_verbs
        if n and ((not past_noun and link in ("xcomp", "ccomp", "pcomp", "prep")) or light):
            negated = True  # ("did not launch an invasion": the verb that states a noun event)
        if n and effort and lemma in BACKING_VERBS:
            negated = True  # "we do not support efforts to normalize relations with X": nor will we
        if h and (light or link in ("xcomp", "ccomp", "acl", "pcomp") or (link == "prep" and word in ("in", "at"))):
            hedged = True  # "In meetings with X, the Secretary will discuss ...": the meetings are ahead
        if link in ("ccomp",) and lemma in ("say", "tell", "state", "announce", "confirm", "add", "note"):
            break
    if negated and any(c.lower_ in ("until", "till") for c in children_of(trigger)):
        negated = False  # "did not endorse her until July": endorsed, in July
    return negated, hedged


# verbs of backing an effort: not backing efforts to do something is not doing it
BACKING_VERBS = {"support", "back", "endorse", "favor", "favour", "encourage", "join"}

# words that make a preposition of cause with "to" ("due to the attack", "owing to")
CAUSAL_HEADS = {"due", "owing"}

PERFORMATIVE_GOVERNORS = {"like", "wish", "want"}
FIRST_PERSON = {"i", "we"}


def performative(trigger: Token) -> bool:
    """ "I would like to congratulate", "we wish to thank": a speaker saying they would like to
    congratulate or thank does it in saying so."""
    gov = trigger.head
    return (
        trigger.dep_ == "xcomp"
        and gov.lemma_.lower() in PERFORMATIVE_GOVERNORS
        and any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in children_of(gov))
        and trigger.lemma_.lower() in SPEECH_ACTS
    )


SPEECH_ACTS = {"congratulate", "thank", "welcome", "commend", "praise", "condemn", "express", "extend", "offer"}


def conditional_or_asked(trigger: Token, lex: Lexicon) -> bool:
    """Statuses that are not facts: a condition ("if it were to invade", "unless Iran stops"),
    a question ("Will Russia attack?"), a claim dismissed ("its war on terror is a sham")."""
    marks = lex.hedge.get("mark", frozenset())
    dismissed = lex.hedge.get("dismissed", frozenset())
    if span_text(sent_of(trigger)).rstrip().endswith("?"):
        return True
    tok = trigger
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in children_of(tok)):
            return True
        if tok.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ in ("attr", "acomp") and c.lemma_.lower() in dismissed for c in children_of(tok.head)
        ):
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


THREAT_RELATIONS = {"attacks", "sanctions", "coerces"}


def conditional_threat(frame: Frame, trigger: Token) -> bool:
    """ "We will strike Israel if it attacks", "will impose sanctions unless Iran stops": force or a
    penalty promised on a condition is a threat (CAMEO 13), besides the future act it names."""
    return frame.trigger.relation in THREAT_RELATIONS and promised_on_condition(trigger)


def promised_on_condition(trigger: Token) -> bool:
    """ "will strike if", "would respond unless": a future act on an "if" or "unless" condition."""
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in children_of(trigger))
    return future and bool(conditions(trigger))


REFUSALS = {"refuse", "decline"}


def refused(trigger: Token) -> bool:
    """ "Russia refused to withdraw from Ukraine", "declined to meet the envoy": the refusal is a
    rejection (CAMEO 12) of the one the refused act concerns, besides the act not done."""
    return trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in REFUSALS


# verbs that call an event off: it does not take place
CANCELLING_VERBS = {"cancel", "scrap", "abort", "scuttle"}


def cancelled(noun: Token) -> bool:
    """ "the talks were cancelled", "cancelled the summit", "called off the meeting": an event noun
    called off, as a fact (not "threatened to cancel the talks", a threat)."""
    verb = noun.head
    if noun.dep_ not in ("nsubjpass", "dobj") or verb.i == noun.i:
        return False
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in children_of(verb) if c.dep_ == "prt"), None)
    lemma = PHRASAL_SYNONYMS.get(f"{lemma} {particle}", lemma)  # "called off" the talks: cancelled them
    return lemma in CANCELLING_VERBS and verb.dep_ not in ("xcomp", "advcl", "acl", "relcl")
