"""Extraction: spaCy ``Doc`` in, :class:`Relation` candidates out.

Actor mentions are found first (see :mod:`kg.mentions`); then each sentence goes through the
families of rules registered in :mod:`kg.rules` (titles, adjectival, verbal, nominal): every
token goes to the first family that claims it, whose frames become relations when both of their
arguments resolve to actors. Negation and hedging come from the trigger's own modifiers and from
the verbs that govern it ("refused to condemn", "plans to supply"), in :mod:`kg.rules.modality`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Doc

import kg.rules  # noqa: F401  (registers the families)
from kg.actors import Actor, Gazetteer
from kg.lexicon import Lexicon, lexicon
from kg.mentions import find_mentions
from kg.ontology import relations
from kg.rules.context import Sentence
from kg.rules.modality import conditional_threat, refused, status
from kg.rules.registry import FAMILIES
from kg.rules.relation import Relation, calibrated_confidence, emit, relation_features

__all__ = ["Extractor", "Relation", "calibrated_confidence", "relation_features"]


class Extractor:
    """Applies the rules to parsed documents; it holds no per-doc state. Its lexicon and gazetteer are
    its own objects (by default the process's), so one process can hold several extractors."""

    def __init__(self, lex: Lexicon | None = None, gz: Gazetteer | None = None):
        self.lex = lex or lexicon()
        self.gz = gz  # None: the process's gazetteer (with the user's actor file, if one is installed)

    def extract(
        self, doc: Doc, doc_date: dt.date | None = None, voice: Actor | None = None, headline: str | None = None
    ) -> list[Relation]:
        """All relations in a parsed document, deduplicated, in text order. ``voice`` is the actor
        the document speaks for, if its publisher says (:func:`kg.actors.publisher_voice`);
        ``headline`` the document's title (it may name "the Secretary")."""
        mentions = find_mentions(doc, doc_date, voice, self.gz, headline)
        out: dict[tuple, Relation] = {}
        for sent in mentions.sents:
            for rel in self._sentence(Sentence(sent, mentions, self.lex, doc_date)):
                out.setdefault(rel.key(), rel)
        return sorted(out.values(), key=lambda r: (r.start, r.subject.id, r.relation, r.object.id))

    def _sentence(self, ctx: Sentence) -> Iterator[Relation]:
        for fam in FAMILIES.sentence_families():
            yield from fam.find(ctx, None)
        for token in ctx.tokens:
            if token.i in ctx.suppressed:
                continue
            fam = FAMILIES.family_for(ctx, token)
            if fam is None:
                continue
            for frame in fam.find(ctx, token):
                negated, hedged = status(frame, token, ctx)
                yield from emit(frame, token, ctx, negated, hedged)
                if not negated and conditional_threat(frame, token):
                    threat = dataclasses.replace(frame.trigger, relation="threatens")
                    yield from emit(dataclasses.replace(frame, trigger=threat), token, ctx, False, False)
                elif negated and relations()[frame.trigger.relation].quad in (1, 2) and refused(token):
                    refusal = dataclasses.replace(frame.trigger, relation="rejects")
                    yield from emit(dataclasses.replace(frame, trigger=refusal), token, ctx, False, hedged)
