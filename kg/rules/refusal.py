"""Refusal of a request: "the government asked Judge Miller to delay his ruling, but he declined",
"Iran urged Iraq to close the border; Iraq refused": the one asked rejects the one who asked
(CAMEO 12, reject). Only a bare refusal counts: "declined to comment" refuses something else."""

from __future__ import annotations

from collections.abc import Iterator

from kg.english import DOBJ, children_of, logical_subjects
from kg.lexicon import Trigger
from kg.rules.context import Frame, Sentence
from kg.rules.modality import status
from kg.rules.registry import family
from kg.rules.relation import Relation, emit
from kg.slots import dedupe

REQUEST_VERBS = {"ask", "urge", "request", "invite", "call", "press", "encourage"}
REFUSAL_VERBS = {"decline", "refuse"}
REFUSAL = Trigger("verb", "decline", "-", "rejects", ("subj",), ("obj",), origin="kg")


@family("refusal", priority=2)
def refusal(ctx: Sentence, _token: None = None) -> Iterator[Relation]:
    m = ctx.mentions
    for verb in ctx.tokens:
        if verb.dep_ != "conj" or verb.lemma_.lower() not in REFUSAL_VERBS:
            continue
        if any(c.dep_ in (*DOBJ, "xcomp", "ccomp", "prep") for c in children_of(verb)):
            continue  # "declined to comment", "refused the offer": what is refused is named
        request = verb.head
        if request.lemma_.lower() not in REQUEST_VERBS:
            continue
        asked_tokens = [c for c in children_of(request) if c.dep_ in DOBJ] or [
            q for p in children_of(request) if p.dep_ == "prep" and p.lower_ in ("on", "upon") for q in children_of(p)
        ]
        asked = dedupe(a for t in asked_tokens for a in m.actors(t))
        askers = dedupe(a for t in logical_subjects(request) for a in m.actors(t))
        refusers = dedupe(a for t in logical_subjects(verb) for a in m.actors(t))
        if not asked or not askers:
            continue
        if refusers and not any(r.id == a.id for r in refusers for a in asked):
            continue  # someone else refused
        frame = Frame(REFUSAL, asked, askers, "active", False, f"{request.text} ... {verb.text}")
        negated, hedged = status(frame, verb, ctx)
        yield from emit(frame, verb, ctx, negated, hedged)
