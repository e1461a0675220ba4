"""Adjectival: a participle modifier, "the Rwanda-backed M23": its modifier acts on its noun."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.english import children_of, is_participle_modifier
from kg.rules.context import Frame, Sentence
from kg.rules.registry import family

if TYPE_CHECKING:
    from spacy.tokens import Token

SOURCE_LINKS = ("npadvmod", "compound", "nmod", "amod", "advmod")


def _applies(ctx: Sentence, token: Token) -> bool:
    return is_participle_modifier(token) and token.lemma_.lower() in ctx.lex.adjs


@family("adjectival", priority=10, applies=_applies)
def adjectival(ctx: Sentence, adj: Token) -> list[Frame]:
    m = ctx.mentions
    for trig in ctx.lex.adjs[adj.lemma_.lower()]:
        sources = []
        for child in children_of(adj):
            if child.dep_ in SOURCE_LINKS:
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
            return [Frame(trig, sources, targets, "adjectival", False, adj.text)]
    return []
