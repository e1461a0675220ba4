"""Joint action: coordinated actors who do something "jointly" or "together" cooperate with each
other ("The United States and Germany jointly offered a reward", "was jointly offered by the US and
Germany"), whatever the verb; what they do is the verb's own business (its own family)."""

from __future__ import annotations

from collections.abc import Iterator

from kg.english import children_of, logical_subjects
from kg.lexicon import Trigger
from kg.ontology import relations
from kg.rules.context import Frame, Sentence
from kg.rules.frames import ATTENDING_VERBS, compatriots
from kg.rules.modality import status
from kg.rules.registry import family
from kg.rules.relation import Relation, emit
from kg.slots import dedupe

JOINT_ADVERBS = {"jointly", "together"}
JOINT = Trigger("verb", "jointly", "-", "cooperatesWith", ("subj",), ("recip",), origin="kg")


@family("joint", priority=1)
def joint(ctx: Sentence, _token: None = None) -> Iterator[Relation]:
    pos = ctx.mentions.tree.pos
    for verb in ctx.tokens:
        if pos[verb.i] not in ("VERB", "AUX") or not any(
            c.dep_ == "advmod" and c.lower_ in JOINT_ADVERBS for c in children_of(verb)
        ):
            continue
        if any(relations()[t.relation].quad in (1, 3) for t in ctx.lex.verbs.get(verb.lemma_.lower(), ())):
            continue  # condemning or praising together is two statements, not material cooperation
        subjects = logical_subjects(verb)
        if len(subjects) < 2 or not any(t.dep_ == "conj" for t in subjects):
            continue  # one coordinated subject, not two the parser hung on one verb
        actors = dedupe(a for t in subjects for a in ctx.mentions.actors(t, conj=False))
        if len(actors) < 2:
            continue
        if verb.lemma_.lower() in ATTENDING_VERBS and compatriots(actors):
            continue  # "President Mwangi and Vice President Otieno will attend together": colleagues along
        frame = Frame(JOINT, actors, actors, "reciprocal", True, f"{verb.text} jointly")
        negated, hedged = status(frame, verb, ctx)
        yield from emit(frame, verb, ctx, negated, hedged)
