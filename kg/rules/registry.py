"""The registry of construction families, in the order they claim a token.

A token family registers a predicate (:func:`family` with ``applies``); a token goes to the first
family by priority whose predicate holds, and no other, as an if-chain would. A sentence family
(no predicate) reads its sentence once, before the tokens.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.rules.context import Sentence

_NAME = re.compile(r"^[a-z][a-z_]*$")


@dataclass(frozen=True)
class Family:
    """One family of constructions. A token family's ``find(ctx, token)`` gives frames; a sentence
    family's ``find(ctx, None)`` gives relations stated outright."""

    name: str
    priority: int
    find: Callable[[Sentence, Token | None], Iterable]
    applies: Callable[[Sentence, Token], bool] | None = None


class Registry:
    """Families by name, kept in priority order."""

    def __init__(self) -> None:
        self.by_name: dict[str, Family] = {}
        self._tokens: list[Family] = []
        self._sentences: list[Family] = []

    def family(
        self, name: str, priority: int, applies: Callable[[Sentence, Token], bool] | None = None
    ) -> Callable[[Callable], Callable]:
        """Register the decorated function as the family ``name``."""
        if not _NAME.match(name):
            raise ValueError(f"family name {name!r} is not a lower-case word")
        if name in self.by_name:
            raise ValueError(f"family {name!r} is registered twice")
        if any(f.priority == priority for f in self.by_name.values()):
            raise ValueError(f"family {name!r}: priority {priority} is taken")

        def register(fn: Callable) -> Callable:
            fam = Family(name, priority, fn, applies)
            self.by_name[name] = fam
            group = self._sentences if applies is None else self._tokens
            group.append(fam)
            group.sort(key=lambda f: f.priority)
            return fn

        return register

    def sentence_families(self) -> list[Family]:
        return list(self._sentences)

    def token_families(self) -> list[Family]:
        return list(self._tokens)

    def family_for(self, ctx: Sentence, token: Token) -> Family | None:
        """The first token family, by priority, that claims ``token``."""
        for fam in self._tokens:
            if fam.applies(ctx, token):
                return fam
        return None


FAMILIES = Registry()
family = FAMILIES.family
