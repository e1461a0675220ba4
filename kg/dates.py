"""Event dates: the date a sentence gives for its event, resolved against the document's date.

"on Thursday" in a document dated Friday 2024-03-08 is 2024-03-07; "on March 3" is that day of the
document's year (the year before if that would put it well after the document); "yesterday" is
the day before. With no date in the clause, the document's date.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
_DAY_MONTH = re.compile(r"^(?:on\s+)?(\d{1,2})\s+([A-Za-z]+)\.?(?:,?\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^(?:on\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(text: str | None) -> dt.date | None:
    """A calendar date from ISO text or common news forms; None when there is none.

    >>> parse_date("2024-03-05")
    datetime.date(2024, 3, 5)
    >>> parse_date("March 5, 2024")
    datetime.date(2024, 3, 5)
    >>> parse_date("yesterday") is None
    True
    """
    if not text:
        return None
    text = text.strip()
    m = _ISO.match(text[:10])
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return resolve_expression(text, None)


def resolve_expression(text: str, anchor: dt.date | None) -> dt.date | None:
    """Resolve a date expression, relative ones against ``anchor`` (the document date)."""
    low = " ".join(text.lower().replace(",", " , ").split()).replace(" , ", ", ")
    low = re.sub(r"^(on|last|this|early|late)\s+", "", low)
    if anchor is not None:
        if low in ("yesterday",):
            return anchor - dt.timedelta(days=1)
        if low in ("today", "tonight", "this morning", "this evening"):
            return anchor
        day = low.split()[0] if low else ""
        if day in WEEKDAYS and len(low.split()) <= 2:
            delta = (anchor.weekday() - WEEKDAYS[day]) % 7
            return anchor - dt.timedelta(days=delta)
    for pattern, order in ((_MONTH_DAY, "md"), (_DAY_MONTH, "dm")):
        m = pattern.match(low)
        if not m:
            continue
        month_word, day_word = (m[1], m[2]) if order == "md" else (m[2], m[1])
        month = MONTHS.get(month_word)
        if not month:
            continue
        year = int(m[3]) if m[3] else (anchor.year if anchor else None)
        if year is None:
            return None
        try:
            found = dt.date(year, month, int(day_word))
        except ValueError:
            return None
        if not m[3] and anchor and found - anchor > dt.timedelta(days=31):
            found = found.replace(year=year - 1)
        return found
    return None


_YEAR = re.compile(r"^(?:in |during |since |by )?(?:the year )?((?:19|20)\d\d)$")
_MONTH_YEAR = re.compile(r"^(?:in |during |since |by )?([a-z]+)\.?,? ?((?:19|20)\d\d)?$")
_AGO = re.compile(r"^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (day|week|month|year)s? ago$")
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def resolve_period(text: str, anchor: dt.date | None) -> str | None:
    """A date expression as ISO text at the precision the text gives: a day (2024-03-07), a month
    (2014-03) or a year (2014), relative ones against ``anchor`` (the publication date).

    >>> resolve_period("in 2014", dt.date(2022, 3, 1))
    '2014'
    >>> resolve_period("three years ago", dt.date(2022, 3, 1))
    '2019'
    >>> resolve_period("last month", dt.date(2022, 3, 1))
    '2022-02'
    >>> resolve_period("in March", dt.date(2022, 2, 1))
    '2021-03'
    >>> resolve_period("on Monday", dt.date(2024, 3, 8))
    '2024-03-04'
    """
    low = " ".join(text.lower().replace(",", " ").split())
    day = resolve_expression(text, anchor)
    if day is not None:
        return day.isoformat()
    m = _YEAR.match(low)
    if m:
        return m[1]
    m = _AGO.match(low)
    if m and anchor is not None:
        n = _NUMBERS.get(m[1]) or int(m[1]) if m[1].isdigit() or m[1] in _NUMBERS else 1
        unit = m[2]
        if unit == "year":
            return str(anchor.year - n)
        if unit == "month":
            y, mo = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
            return f"{y:04d}-{mo + 1:02d}"
        return (anchor - dt.timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
    if anchor is not None:
        if low == "last year":
            return str(anchor.year - 1)
        if low in ("this year", "earlier this year"):
            return str(anchor.year)
        if low == "last month":
            y, mo = divmod(anchor.year * 12 + anchor.month - 2, 12)
            return f"{y:04d}-{mo + 1:02d}"
        if low in ("this month", "earlier this month"):
            return f"{anchor.year:04d}-{anchor.month:02d}"
    m = _MONTH_YEAR.match(low)
    if m and m[1] in MONTHS:
        month = MONTHS[m[1]]
        if m[2]:
            return f"{m[2]}-{month:02d}"
        if anchor is not None:
            year = anchor.year if month <= anchor.month else anchor.year - 1
            return f"{year:04d}-{month:02d}"
    return None


def first_day(period: str) -> dt.date:
    """The first day of an ISO day, month or year."""
    parts = [int(p) for p in period.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def stated_date(trigger: Token, doc_date: dt.date | None) -> str | None:
    """The date the sentence gives for a trigger's event ("on Monday", "in 2014", "three years
    ago"), at the precision it gives; None when the clause states none. A noun trigger also
    takes the date of the verb that states it ("Russia's annexation of Crimea in 2014")."""
    holders = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.i != trigger.i:
        holders.append(trigger.head)
    for holder in holders:
        for child in holder.children:
            cands = []
            if child.ent_type_ == "DATE" and child.dep_ in ("npadvmod", "tmod", "obl", "advmod", "nummod"):
                cands.append(child)
            if child.dep_ == "prep" and child.lower_ in ("on", "in", "during"):  # not "since": an ongoing state
                cands += [p for p in child.children if p.dep_ == "pobj" and p.ent_type_ == "DATE"]
            for tok in cands:
                ent = next((e for e in trigger.doc.ents if e.start <= tok.i < e.end), None)
                if ent is None:
                    continue
                found = resolve_period(ent.text, doc_date)
                if found is not None:
                    return found
    return None


def event_date(trigger: Token, doc_date: dt.date | None) -> str | None:
    """The day a statement is dated by: the stated event date (its first day when the text gives
    only a month or a year), else the document date."""
    stated = stated_date(trigger, doc_date)
    if stated is not None:
        return first_day(stated).isoformat()
    return doc_date.isoformat() if doc_date else None
