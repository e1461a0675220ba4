"""One network filter for the CLI, the library and ``kg serve``: values checked once, the same way.

Takes what a user typed (relation names, QuadClass digits, ``YYYY-MM-DD`` dates, counts, a
confidence, a level), as strings from the command line or a page's query string, and gives a
:class:`NetworkFilter` whose :meth:`~NetworkFilter.project` is :func:`kg.network.project` with
those values. A bad value raises :class:`FilterError` with one readable sentence naming the
option (``--quad must be 1, 2, 3 or 4, got '7'``); the CLI prints it, the server shows it.

>>> f = NetworkFilter.parse(relation=["supplies"], quad=["2"], since="2024-01-01")
>>> f.relations, f.quads, f.since.isoformat()
(('supplies',), (2,), '2024-01-01')
>>> f.caption()
'relations supplies; QuadClass 2; 2024-01-01 to …'
>>> try:
...     NetworkFilter.parse(quad=["7"])
... except FilterError as exc:
...     print(exc)
--quad must be 1, 2, 3 or 4, got '7'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.errors import KGError


class FilterError(KGError, ValueError):
    """A filter value the user must fix; the message is one sentence naming the option."""


def parse_day(value: str | None, option: str = "--since") -> dt.date | None:
    """``YYYY-MM-DD`` as a date (None stays None); anything else is a :class:`FilterError`.

    >>> parse_day("2024-02-29"), parse_day(None)
    (datetime.date(2024, 2, 29), None)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.date):
        return value
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value).strip()):
        raise FilterError(f"{option} needs a date as YYYY-MM-DD, got {value!r}")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise FilterError(f"{option} {value!r} is not a valid date") from None


@dataclass(frozen=True)
class NetworkFilter:
    """Which statements make the actor network: :func:`kg.network.project`'s arguments, checked."""

    relations: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    min_count: int = 1
    include_negated: bool = False
    min_confidence: float = 0.0
    level: str = "actor"
    count: str = "mentions"

    @classmethod
    def parse(
        cls,
        relation: Iterable[str] | None = None,
        quad: Iterable[str | int] | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        min_count: int | str = 1,
        include_negated: bool = False,
        min_confidence: float | str = 0.0,
        level: str = "actor",
        count: str = "mentions",
    ) -> NetworkFilter:
        """Check the values as a user gave them; raise :class:`FilterError` on the first bad one."""
        from kg.network import COUNTS, LEVELS
        from kg.ontology import relations as known_relations

        if level not in LEVELS:
            raise FilterError(f"--level must be {' or '.join(LEVELS)}, got {level!r}")
        if count not in COUNTS:
            raise FilterError(f"--count must be {' or '.join(COUNTS)}, got {count!r}")
        known = known_relations()
        rels = [r for r in relation or [] if r not in (None, "")]
        for r in rels:
            if r not in known:
                raise FilterError(f"unknown relation {r!r}: use one of {', '.join(known)}")
        quads = [str(q) for q in quad or [] if str(q).strip()]
        for q in quads:
            if q.strip() not in ("1", "2", "3", "4"):
                raise FilterError(f"--quad must be 1, 2, 3 or 4, got {q!r}")
        day_from, day_to = parse_day(since, "--since"), parse_day(until, "--until")
        if day_from and day_to and day_from > day_to:
            raise FilterError(f"--since {since} is after --until {until}")
        try:
            min_count = int(min_count)
        except (TypeError, ValueError):
            raise FilterError(f"--min-count must be a whole number, got {min_count!r}") from None
        if min_count < 1:
            raise FilterError("--min-count must be 1 or more")
        try:
            min_confidence = float(min_confidence)
        except (TypeError, ValueError):
            raise FilterError(f"--min-confidence must be a number between 0 and 1, got {min_confidence!r}") from None
        if not 0.0 <= min_confidence <= 1.0:
            raise FilterError(f"--min-confidence must be between 0 and 1, got {min_confidence}")
        return cls(
            relations=tuple(dict.fromkeys(rels)),
            quads=tuple(sorted({int(q) for q in quads})),
            since=day_from,
            until=day_to,
            min_count=min_count,
            include_negated=bool(include_negated),
            min_confidence=min_confidence,
            level=level,
            count=count,
        )

    def replace(self, **changes) -> NetworkFilter:
        return dataclasses.replace(self, **changes)

    def project(self, store):
        """The filtered actor network of ``store`` (:func:`kg.network.project`)."""
        from kg.network import project

        return project(
            store,
            relations_=list(self.relations) or None,
            quads=list(self.quads) or None,
            since=self.since,
            until=self.until,
            min_count=self.min_count,
            include_negated=self.include_negated,
            min_confidence=self.min_confidence,
            level=self.level,
            count=self.count,
        )

    def caption(self) -> str:
        """The filters in words, for a page's caption ('' when nothing is filtered)."""
        parts = []
        if self.relations:
            parts.append("relations " + ", ".join(self.relations))
        if self.quads:
            parts.append("QuadClass " + ", ".join(map(str, self.quads)))
        if self.since or self.until:
            parts.append(f"{self.since or '…'} to {self.until or '…'}")
        if self.min_count > 1:
            parts.append(f"at least {self.min_count} statements")
        if self.min_confidence:
            parts.append(f"confidence at least {self.min_confidence:g}")
        if self.include_negated:
            parts.append("negated included")
        if self.level == "state":
            parts.append("state level (organs of a state counted as the state)")
        if self.count == "events":
            parts.append("counting events")
        return "; ".join(parts)
