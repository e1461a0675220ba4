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
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
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


def event_date(trigger: Token, doc_date: dt.date | None) -> str | None:
    """The date of the event a trigger states, as YYYY-MM-DD, else the document date."""
    for child in trigger.children:
        cands = []
        if child.ent_type_ == "DATE" and child.dep_ in ("npadvmod", "tmod", "obl"):
            cands.append(child)
        if child.dep_ == "prep" and child.lower_ in ("on", "in"):
            cands += [p for p in child.children if p.dep_ == "pobj" and p.ent_type_ == "DATE"]
        for tok in cands:
            ent = next((e for e in trigger.doc.ents if e.start <= tok.i < e.end), None)
            if ent is None:
                continue
            found = resolve_expression(ent.text, doc_date)
            if found is not None:
                return found.isoformat()
    return doc_date.isoformat() if doc_date else None
