"""Events: statements that report the same event grouped into one ``kg:Event``.

The same invasion stated in 94 press releases is 94 ``kg:Statement`` nodes; this module groups
them into one ``kg:Event`` whose ``kg:evidence`` are those statements, so analytics, views and
exports can count events as well as mentions (:func:`kg.network.project` with ``count="events"``).

Takes the statements of a :class:`kg.store.KGStore` (or :class:`kg.remote.RemoteStore`) and gives
:class:`Event` objects, written to the named graph ``kgr:graph/events`` (:data:`EVENTS_GRAPH`).

The grouping rule
-----------------

1. Only statements that assert something form events: **negated statements never do** (they stay
   statements, evidence of no event). Hedged statements do; an event is ``kg:hedged`` only when
   *all* its statements are hedged, so a hedged-only group stays hedged.
2. Statements can only report the same event when they have the same subject, relation and
   object. For a symmetric relation (:func:`kg.ontology.is_symmetric`: meets, agreesWith,
   cooperatesWith) the two actors may come in either order; the event names them in IRI order.
3. Within one (subject, relation, object), **statements whose sentence states the event's date**
   (``kg:eventDate``: a day, a month or a year) are grouped by that stated period. Periods nest
   (2022 ⊃ 2022-02 ⊃ 2022-02-24); a coarser date joins the event of the finer dates it contains
   when they all belong to one event, else it is an event of its own:

   * each stated day is one event ("on 24 February 2022");
   * a stated month joins the event of its days if exactly one event has days in that month,
     else (no such day, or several) it is the event "in that month";
   * a stated year likewise joins the one event that has months or days in it, else it is the
     event "in that year".

   So "in February 2022" and "on 24 February 2022" are one event, while "in 2014" and "in 2022"
   are two, and a month that holds two different stated days stays apart from both rather than
   being guessed into one. The event's ``kg:eventDate`` is the period it is anchored on, and
   ``kg:date`` .. ``kg:endDate`` that period's first and last day (the interval it lies in).
4. **Statements without a stated date** report an ongoing or undated event as of the day they
   were published ("Russia's attacks on Ukraine" in this week's release). Per (subject, relation,
   object) they are sorted by publication date (``kg:publicationDate``, else the document's
   ``dcterms:date``, else ``kg:date``) and chained: a report published at most
   :data:`WINDOW_DAYS` days after the previous one continues the same event; a longer silence
   starts a new one (single-linkage clustering in one dimension: the result does not depend on
   the order statements are read in). ``kg:date`` .. ``kg:endDate`` are the first and last report.
   Statements with no date at all form one undated event per (subject, relation, object).
   Undated reports are not merged into stated-date events: which of several stated events an
   undated report refers to is exactly what the text does not say.

Why seven days: event data sets deduplicate reports of one dyad and event type per day (ICEWS's
and Phoenix's "one-a-day" filter), which suits wires that report the same day. Press releases and
weekly statements restate an event they do not date days after it happened, and repeat an ongoing
one every few days; a week is the shortest window that spans one weekly news cycle, so the
reports of one episode chain into one event, while a silence of more than a week separates
episodes.

Identity and storage
--------------------

An event's IRI (``kgr:event/<hash>``) is a hash of its subject, relation, object and anchor (the
stated period, or the first report's date for undated reports), so rebuilding a store from the
same documents gives the same IRIs; an event whose first report is removed, or a month-dated
event that a new stated day refines, gets a new one. The events graph is derived data: it is
recomputed from the statements after every build (and every removal), and written in one
transaction (one SPARQL Update: ``DELETE DATA`` of the quads that went, ``INSERT DATA`` of those
that came), so a crash leaves the old events graph or the new one, never half of one. On a remote
endpoint one request drops and rewrites the graph; an events graph too big for one request is
written to a staging graph in batches and then moved over the events graph in one request
(``MOVE``). Remote stores have no cross-client lock: run one build at a time, as for documents.

An event carries ``kg:subject``, ``kg:relation``, ``kg:object``, ``kg:hedged``, ``kg:date``,
``kg:endDate``, ``kg:mentions`` (its number of statements), ``kg:eventDate`` (stated events only)
and ``kg:evidence`` (each statement). It never carries ``kg:negated``, ``kg:quad``,
``kg:sentence`` or ``prov:wasDerivedFrom``: queries written for statements that use any of these
never match an event (the saved queries and :func:`kg.network.project` do).
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import RDF, XSD

from kg.backend import Store
from kg.errors import StoreError
from kg.ontology import EVENTS_GRAPH as _EVENTS_GRAPH
from kg.ontology import KG, KGR, is_symmetric

EVENTS_GRAPH = str(_EVENTS_GRAPH)
STAGING_GRAPH = EVENTS_GRAPH + "-staging"  # remote stores only: the next events graph, batch by batch
# Undated reports of one (subject, relation, object) published at most this many days apart are
# one event (see the module docstring: a weekly news cycle).
WINDOW_DAYS = 7

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Each statement property in its own subquery, as in kg.network: Oxigraph hash-joins whole
# columns. Only asserted (non-negated) statements; events have no kg:negated, so never match.
STATEMENTS_QUERY = """
SELECT ?st ?s ?rel ?o ?hedged ?eventdate ?published ?date ?docdate WHERE {
  { SELECT ?st WHERE { ?st a kg:Statement ; kg:negated false } }
  { SELECT ?st ?s WHERE { ?st kg:subject ?s } }
  { SELECT ?st ?rel WHERE { ?st kg:relation ?rel } }
  { SELECT ?st ?o WHERE { ?st kg:object ?o } }
  OPTIONAL { SELECT ?st ?hedged WHERE { ?st kg:hedged ?hedged } }
  OPTIONAL { SELECT ?st ?eventdate WHERE { ?st kg:eventDate ?eventdate } }
  OPTIONAL { SELECT ?st ?published WHERE { ?st kg:publicationDate ?published } }
  OPTIONAL { SELECT ?st ?date WHERE { ?st kg:date ?date } }
  OPTIONAL { SELECT ?st ?docdate WHERE { ?st prov:wasDerivedFrom ?doc . ?doc dcterms:date ?docdate } }
}
"""
EVIDENCE_QUERY = "SELECT ?st ?ev WHERE { GRAPH <%s> { ?ev kg:evidence ?st } }" % EVENTS_GRAPH


@dataclass(frozen=True)
class Mention:
    """One asserted (non-negated) statement, as the grouping sees it."""

    statement: str  # statement IRI
    subject: str  # actor IRIs
    relation: str  # relation name, e.g. "attacks"
    object: str
    hedged: bool = False
    stated: str | None = None  # kg:eventDate as written: YYYY, YYYY-MM or YYYY-MM-DD
    reported: dt.date | None = None  # publication date


@dataclass
class Event:
    """A group of statements that report the same event."""

    iri: str
    subject: str
    relation: str
    object: str
    statements: list[str] = field(default_factory=list)  # statement IRIs, sorted
    hedged: bool = False  # every statement is hedged
    start: dt.date | None = None  # kg:date
    end: dt.date | None = None  # kg:endDate
    stated: str | None = None  # kg:eventDate: the stated period the event is anchored on

    @property
    def mentions(self) -> int:
        return len(self.statements)


@dataclass
class EventsSummary:
    """What :func:`refresh` wrote: events, the statements they group, and the time it took."""

    events: int
    statements: int  # statements that are evidence of an event (every asserted statement)
    changed: int  # quads of the events graph removed or added
    seconds: float


# ---------------------------------------------------------------------------- periods
def period(text: str | None) -> str | None:
    """A stated date as a period (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), None if it is not one.

    >>> period("2022-02"), period("2022-02-30"), period("2022-02-24T00:00:00"), period(None)
    ('2022-02', None, None, None)
    """
    m = _PERIOD.match(text or "")
    if not m:
        return None
    try:
        _bounds(text)
    except ValueError:
        return None
    return text


def _bounds(p: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a period.

    >>> _bounds("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    parts = [int(x) for x in p.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        y, m = parts
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def anchors(periods: Iterable[str]) -> dict[str, str]:
    """Each stated period mapped to the period of the event it belongs to (rule 3 of the module).

    >>> sorted(anchors(["2022-02-24", "2022-02", "2022"]).items())
    [('2022', '2022-02-24'), ('2022-02', '2022-02-24'), ('2022-02-24', '2022-02-24')]
    >>> sorted(anchors(["2022-02-24", "2022-02-25", "2022-02"]).items())
    [('2022-02', '2022-02'), ('2022-02-24', '2022-02-24'), ('2022-02-25', '2022-02-25')]
    >>> anchors(["2014", "2022"])
    {'2014': '2014', '2022': '2022'}
    """
    out: dict[str, str] = {}
    inside: dict[str, set[str]] = defaultdict(set)  # month or year -> events of the finer periods in it
    for p in sorted(set(periods), key=lambda p: (-len(p), p)):  # days, then months, then years
        found = inside.get(p, set())
        out[p] = next(iter(found)) if len(found) == 1 else p
        for cut in (7, 4):  # the month and the year that contain p
            if len(p) > cut:
                inside[p[:cut]].add(out[p])
    return out


# ---------------------------------------------------------------------------- grouping
def event_iri(subject: str, relation: str, obj: str, anchor: str) -> str:
    """The IRI of the event of (subject, relation, object) anchored on ``anchor``."""
    key = "\x1f".join([subject, relation, obj, anchor])
    return str(KGR["event/" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]])


def dyad(m: Mention) -> tuple[str, str, str]:
    """(subject, relation, object), the actors in IRI order for a symmetric relation."""
    s, o = m.subject, m.object
    if is_symmetric(m.relation) and o < s:
        s, o = o, s
    return s, m.relation, o


def group(mentions: Iterable[Mention], window: int = WINDOW_DAYS) -> list[Event]:
    """The events the mentions report, by the rule of the module docstring; sorted by IRI.

    >>> ms = [Mention("st1", "RUS", "attacks", "UKR", stated="2022-02-24"),
    ...       Mention("st2", "RUS", "attacks", "UKR", stated="2022-02"),
    ...       Mention("st3", "RUS", "attacks", "UKR", stated="2014")]
    >>> sorted((e.stated, e.statements) for e in group(ms))
    [('2014', ['st3']), ('2022-02-24', ['st1', 'st2'])]
    """
    by_dyad: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_dyad[dyad(m)].append(m)
    events: list[Event] = []
    for (s, rel, o), ms in by_dyad.items():
        groups: dict[str, list[Mention]] = defaultdict(list)  # anchor -> mentions
        kinds: dict[str, str] = {}
        stated = [m for m in ms if period(m.stated)]
        anchor_of = anchors(m.stated for m in stated)
        for m in stated:
            a = anchor_of[m.stated]
            groups["stated:" + a].append(m)
            kinds["stated:" + a] = a
        undated = sorted(
            (m for m in ms if not period(m.stated)),
            key=lambda m: (m.reported is None, m.reported or dt.date.min, m.statement),
        )
        current: str | None = None
        last: dt.date | None = None
        for m in undated:
            if m.reported is None:
                current = "reported:"
            elif current is None or last is None or (m.reported - last).days > window:
                current = "reported:" + m.reported.isoformat()
            groups[current].append(m)
            last = m.reported
        for key, members in groups.items():
            ids = sorted({m.statement for m in members})
            anchor = kinds.get(key)
            ev = Event(
                iri=event_iri(s, rel, o, key),
                subject=s,
                relation=rel,
                object=o,
                statements=ids,
                hedged=all(m.hedged for m in members),
                stated=anchor,
            )
            if anchor is not None:
                ev.start, ev.end = _bounds(anchor)
            else:
                days = [m.reported for m in members if m.reported is not None]
                ev.start, ev.end = (min(days), max(days)) if days else (None, None)
            events.append(ev)
    events.sort(key=lambda e: e.iri)
    return events


# ---------------------------------------------------------------------------- reading
def _date(term) -> dt.date | None:
    if term is None:
        return None
    try:
        return dt.date.fromisoformat(str(term.value)[:10])
    except ValueError:
        return None


def read_mentions(store) -> list[Mention]:
    """The asserted statements of ``store`` with what the grouping needs."""
    from kg.query import run_query

    out: dict[str, Mention] = {}
    for st, s, rel, o, hedged, eventdate, published, date, docdate in run_query(
        store, STATEMENTS_QUERY, timeout=None
    ).rows:
        iri = str(st.value)
        if iri in out:  # a property written twice repeats the row: one mention per statement
            continue
        name = str(rel.value)
        name = name[len(str(KG)) :] if name.startswith(str(KG)) else name
        out[iri] = Mention(
            statement=iri,
            subject=str(s.value),
            relation=name,
            object=str(o.value),
            hedged=hedged is not None and hedged.value in ("true", "1"),
            stated=str(eventdate.value) if eventdate is not None else None,
            reported=_date(published) or _date(docdate) or _date(date),
        )
    return list(out.values())


def compute(store) -> list[Event]:
    """The events of the statements in ``store``, computed (not read from the events graph)."""
    return group(read_mentions(store))


def has_events_graph(store) -> bool:
    """Whether ``store`` holds an events graph (a store built before kg:Event has none)."""
    from kg.query import run_query

    return bool(run_query(store, "ASK { GRAPH <%s> { ?e a kg:Event } }" % EVENTS_GRAPH, timeout=None).boolean)


def statement_events(store) -> dict[str, str]:
    """Statement IRI -> event IRI, from the events graph.

    A store without an events graph (built before events existed, or opened read-only) gets the
    events computed on the fly: the same IRIs the next build writes.
    """
    from kg.query import run_query

    if not has_events_graph(store):
        return {st: ev.iri for ev in compute(store) for st in ev.statements}
    return {str(st.value): str(ev.value) for st, ev in run_query(store, EVIDENCE_QUERY, timeout=None).rows}


# ---------------------------------------------------------------------------- writing
def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


_TYPE = _n(str(RDF.type))
_EVENT = _n(str(KG.Event))
_P = {
    name: _n(str(KG[name]))
    for name in ("subject", "relation", "object", "hedged", "mentions", "date", "endDate", "eventDate", "evidence")
}
_BOOL = {
    True: ox.Literal("true", datatype=_n(str(XSD.boolean))),
    False: ox.Literal("false", datatype=_n(str(XSD.boolean))),
}
_DATATYPE = {10: _n(str(XSD.date)), 7: _n(str(XSD.gYearMonth)), 4: _n(str(XSD.gYear))}


def event_quads(events: Iterable[Event], graph: str = EVENTS_GRAPH) -> list[ox.Quad]:
    """The quads that describe ``events`` in ``graph``."""
    g = _n(graph)
    out: list[ox.Quad] = []
    add = out.append
    relation_nodes: dict[str, ox.NamedNode] = {}
    for ev in events:
        e = _n(ev.iri)
        rel = relation_nodes.get(ev.relation) or relation_nodes.setdefault(ev.relation, _n(str(KG[ev.relation])))
        add(ox.Quad(e, _TYPE, _EVENT, g))
        add(ox.Quad(e, _P["subject"], _n(ev.subject), g))
        add(ox.Quad(e, _P["relation"], rel, g))
        add(ox.Quad(e, _P["object"], _n(ev.object), g))
        add(ox.Quad(e, _P["hedged"], _BOOL[ev.hedged], g))
        add(ox.Quad(e, _P["mentions"], ox.Literal(str(ev.mentions), datatype=_n(str(XSD.integer))), g))
        if ev.start:
            add(ox.Quad(e, _P["date"], ox.Literal(ev.start.isoformat(), datatype=_DATATYPE[10]), g))
        if ev.end:
            add(ox.Quad(e, _P["endDate"], ox.Literal(ev.end.isoformat(), datatype=_DATATYPE[10]), g))
        if ev.stated:
            add(ox.Quad(e, _P["eventDate"], ox.Literal(ev.stated, datatype=_DATATYPE[len(ev.stated)]), g))
        for st in ev.statements:
            add(ox.Quad(e, _P["evidence"], _n(st), g))
    return out


def write(store: Store, events: Iterable[Event]) -> int:
    """Make the events graph of ``store`` hold exactly ``events``, atomically; returns the quads
    changed (:meth:`kg.backend.Store.replace_graph`: the embedded store writes only the quads that
    changed, in one transaction, so a build that changes a few documents changes a few events; a
    remote store replaces the graph in one request, or through a staging graph for a large one).
    """
    if store.read_only:
        raise StoreError(f"store {store.path} is open read-only: cannot write its events")
    return store.replace_graph(EVENTS_GRAPH, event_quads(events))


def refresh(store) -> EventsSummary:
    """Recompute the events of ``store`` from its statements and replace its events graph.

    What :func:`kg.pipeline.build` runs at the end of every build; anything else that adds or
    removes statements should call it too.
    """
    t0 = time.perf_counter()
    events = compute(store)
    changed = write(store, events)
    return EventsSummary(
        events=len(events),
        statements=sum(e.mentions for e in events),
        changed=changed,
        seconds=round(time.perf_counter() - t0, 3),
    )
