"""Titles: "Iranian President Ebrahim Raisi" -> Raisi leads Iran (found with the mentions)."""

from __future__ import annotations

from collections.abc import Iterator

from kg.rules.context import Sentence
from kg.rules.registry import family
from kg.rules.relation import Relation, state


@family("titles", priority=0)
def titles(ctx: Sentence, _token: None = None) -> Iterator[Relation]:
    for person, role, holder in ctx.mentions.titles_in(ctx.span):
        yield state(person, role, holder, ctx, None, "title", [], negated=False, hedged=False)
