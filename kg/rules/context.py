"""The sentence context every rule reads, and the frame a rule finds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kg.actors import Actor
    from kg.lexicon import Lexicon, Trigger
    from kg.mentions import Mentions


@dataclass
class Sentence:
    """One sentence as the rules see it: its span, the document's mentions, the lexicon, the
    document's date, and the tokens a rule has taken out of play ("threatened to cut ties with":
    what was threatened is no event of its own)."""

    span: Span
    mentions: Mentions
    lex: Lexicon
    doc_date: dt.date | None
    suppressed: set[int] = field(default_factory=set)
    tokens: list[Token] = field(init=False)  # the span's tokens, made once (spaCy makes a new object per access)

    def __post_init__(self) -> None:
        self.tokens = self.mentions.tokens[self.span.start : self.span.end]


@dataclass(frozen=True)
class Frame:
    """The arguments a rule found, before the relation is built."""

    trigger: Trigger
    sources: list[Actor]
    targets: list[Actor]
    rule: str
    reciprocal: bool
    words: str
