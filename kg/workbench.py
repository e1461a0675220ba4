"""The workbench's read model: a built store in, the data of ``kg serve``'s pages out.

Takes a store folder and gives a :class:`Workbench` whose current :class:`Snapshot` holds an
in-memory copy of the store (pyoxigraph, for the SPARQL endpoint and :func:`kg.network.project`)
and every statement as a small :class:`Statement`, indexed by actor, so that a page is a pass over
Python lists: search that knows aliases, actor and pair pages, the relation browser, the timeline
and the map. The store on disk is only ever opened read-only, and only while no build holds its
lock; a build in progress leaves the pages on the last snapshot (they say so), and the snapshot is
reloaded when the store changed.

Review (mark a statement wrong, merge or split actors) writes directives to the user's curation
file (:mod:`kg.curation`) and re-applies it to the in-memory copy (:func:`kg.pipeline.relink_open`),
so pages and queries show it at once; the built store is never rewritten. The next ``kg build``
or ``kg relink`` applies the same file to the store.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import os
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError
from kg.filters import FilterError, NetworkFilter
from kg.ontology import ACTOR_TYPES, KG, KGR, ORG_SUBTYPES, QUAD_NAMES, relations

PAGE_SIZE = 50
SEARCH_LIMIT = 25
RELOAD_CHECK_SECONDS = 2.0  # how often a request may look at the store folder for a finished build

STATEMENTS_QUERY = """
SELECT ?st ?s ?rel ?o ?neg ?hedged ?conf ?date ?eventdate ?published ?sentence ?doc ?title ?source ?ident
       ?docdate ?place ?placecountry ?trigger ?rule ?start WHERE {
  { SELECT ?st ?s WHERE { ?st kg:subject ?s } }
  { SELECT ?st ?rel WHERE { ?st kg:relation ?rel } }
  { SELECT ?st ?o WHERE { ?st kg:object ?o } }
  { SELECT ?st ?neg WHERE { ?st kg:negated ?neg } }
  { SELECT ?st ?hedged WHERE { ?st kg:hedged ?hedged } }
  { SELECT ?st ?sentence WHERE { ?st kg:sentence ?sentence } }
  { SELECT ?st ?doc WHERE { ?st prov:wasDerivedFrom ?doc } }
  OPTIONAL { SELECT ?st ?conf WHERE { ?st kg:confidence ?conf } }
  OPTIONAL { SELECT ?st ?date WHERE { ?st kg:date ?date } }
  OPTIONAL { SELECT ?st ?eventdate WHERE { ?st kg:eventDate ?eventdate } }
  OPTIONAL { SELECT ?st ?published WHERE { ?st kg:publicationDate ?published } }
  OPTIONAL { SELECT ?st ?place WHERE { ?st kg:place ?place } }
  OPTIONAL { SELECT ?st ?placecountry WHERE { ?st kg:placeCountry ?placecountry } }
  OPTIONAL { SELECT ?st ?trigger WHERE { ?st kg:trigger ?trigger } }
  OPTIONAL { SELECT ?st ?rule WHERE { ?st kg:rule ?rule } }
  OPTIONAL { SELECT ?st ?start WHERE { ?st kg:start ?start } }
  OPTIONAL { SELECT ?doc ?title WHERE { ?doc dcterms:title ?title } }
  OPTIONAL { SELECT ?doc ?source WHERE { ?doc dcterms:source ?source } }
  OPTIONAL { SELECT ?doc ?ident WHERE { ?doc dcterms:identifier ?ident } }
  OPTIONAL { SELECT ?doc ?docdate WHERE { ?doc dcterms:date ?docdate } }
}
"""

ACTORS_QUERY = """
SELECT ?a ?p ?v WHERE {
  GRAPH kgr:graph\\/actors {
    ?a ?p ?v .
    VALUES ?p { rdf:type rdfs:label skos:altLabel kg:isoCode kg:country kg:sector kg:partOf kg:role }
  }
}
"""

_BASE_TYPES = ACTOR_TYPES
_ORG_KINDS = ORG_SUBTYPES
_SECTOR_PREFIX = str(KG) + "sector-"
_COUNTRY_PREFIX = str(KGR["country/"])


class NotFound(KGError, LookupError):
    """A page for something the store does not hold; ``suggestions`` are close matches."""

    def __init__(self, message: str, suggestions: Iterable = ()):
        super().__init__(message)
        self.suggestions = list(suggestions)


@dataclass
class ActorInfo:
    iri: str
    label: str
    type: str = "Organization"
    kind: str | None = None
    iso: str | None = None  # a country's own code
    country: str | None = None  # the ISO code of the actor's country
    sector: str | None = None
    part_of: str | None = None
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    statements: int = 0

    @property
    def code(self) -> str | None:
        """The state the actor belongs to (its own code for a country)."""
        return self.iso or self.country


@dataclass
class Statement:
    iri: str
    subject: str
    relation: str
    object: str
    negated: bool
    hedged: bool
    confidence: float | None
    date: str | None  # the effective day (kg:date, else the document's date)
    event_date: str | None
    published: str | None
    sentence: str
    doc: str
    title: str | None
    source: str | None  # the document's URL or path
    ident: str | None  # the document's key in the input
    place: str | None
    place_country: str | None
    trigger: str | None
    rule: str | None
    start: int | None
    quad: int | None
    event: str | None = None

    @property
    def month(self) -> str | None:
        return self.date[:7] if self.date else None


def _v(term) -> str | None:
    return None if term is None else str(term.value)


@dataclass
class Snapshot:
    """What the pages read: the store as loaded (and curated) at ``loaded``."""

    source: object  # a kg.store.KGStore over an in-memory pyoxigraph store, or a Future of one
    statements: list[Statement]
    actors: dict[str, ActorInfo]
    loaded: dt.datetime
    seconds: float
    fingerprint: tuple = ()
    by_iri: dict[str, Statement] = field(default_factory=dict)
    by_actor: dict[str, list[Statement]] = field(default_factory=dict)
    state_of: dict[str, str] = field(default_factory=dict)  # state organ -> its country (level=state)

    @property
    def store(self):
        """The in-memory copy of the store (waited for while it is still being made)."""
        return self.source.result() if isinstance(self.source, Future) else self.source

    def broken(self) -> bool:
        """Whether making the in-memory copy failed (the folder changed while it was read)."""
        return isinstance(self.source, Future) and self.source.done() and self.source.exception() is not None

    def index(self) -> None:
        from kg.network import STATE_SECTORS

        self.by_iri = {s.iri: s for s in self.statements}
        self.by_actor = defaultdict(list)
        for s in self.statements:
            self.by_actor[s.subject].append(s)
            self.by_actor[s.object].append(s)
        for a in self.actors.values():
            a.statements = len(self.by_actor.get(a.iri, ()))
        self.state_of = {
            a.iri: a.part_of or _COUNTRY_PREFIX + a.country
            for a in self.actors.values()
            if a.sector in STATE_SECTORS and (a.part_of or a.country)
        }

    def actor(self, iri: str) -> ActorInfo:
        info = self.actors.get(iri)
        if info is None:
            info = ActorInfo(iri=iri, label=iri.rsplit("/", 1)[-1])
            self.actors[iri] = info
        return info


def read_snapshot(store, fingerprint: tuple = ()) -> Snapshot:
    """Every statement and actor of ``store`` (a :class:`kg.store.KGStore`), indexed for the pages."""
    from kg.events import statement_events
    from kg.query import run_query

    t0 = time.perf_counter()
    info = relations()
    actors: dict[str, ActorInfo] = {}
    types: dict[str, set[str]] = defaultdict(set)
    for a, p, v in run_query(store, ACTORS_QUERY, timeout=None).rows:
        iri, pred, value = str(a.value), str(p.value), v.value
        actor = actors.setdefault(iri, ActorInfo(iri=iri, label=iri.rsplit("/", 1)[-1]))
        name = pred.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if name == "type":
            types[iri].add(str(value).rsplit("#", 1)[-1])
        elif name == "label":
            actor.label = value
        elif name == "altLabel":
            actor.aliases.append(value)
        elif name == "isoCode":
            actor.iso = value
        elif name == "country":
            actor.country = str(value).rsplit("/", 1)[-1]
        elif name == "sector":
            actor.sector = str(value)[len(_SECTOR_PREFIX) :] if str(value).startswith(_SECTOR_PREFIX) else None
        elif name == "partOf":
            actor.part_of = str(value)
        elif name == "role":
            actor.roles.append(value)
    for iri, ts in types.items():
        actor = actors[iri]
        base = next((t for t in _BASE_TYPES if t in ts), None)
        kind = next((t for t in _ORG_KINDS if t in ts), None)
        actor.type = base or ("Organization" if kind else "Organization")
        actor.kind = kind
        actor.aliases = sorted(set(actor.aliases) - {actor.label})
        actor.roles = sorted(set(actor.roles))
    try:
        event_of = statement_events(store)
    except Exception:  # an events graph that cannot be read leaves the pages without event counts
        event_of = {}
    statements = []
    for row in run_query(store, STATEMENTS_QUERY, timeout=None).rows:
        (st, s, rel, o, neg, hedged, conf, date, eventdate, published, sentence, doc, title, source, ident) = row[:15]
        docdate, place, placecountry, trigger, rule, start = row[15:]
        name = str(rel.value).rsplit("#", 1)[-1]
        ri = info.get(name)
        day = _v(date) or (_v(docdate) or "")[:10] or None
        statements.append(
            Statement(
                iri=str(st.value),
                subject=str(s.value),
                relation=name,
                object=str(o.value),
                negated=neg.value == "true",
                hedged=hedged.value == "true",
                confidence=float(conf.value) if conf is not None else None,
                date=day,
                event_date=_v(eventdate),
                published=_v(published) or ((_v(docdate) or "")[:10] or None),
                sentence=" ".join(sentence.value.split()),
                doc=str(doc.value),
                title=" ".join(title.value.split()) if title is not None else None,
                source=_v(source),
                ident=_v(ident),
                place=_v(place),
                place_country=(_v(placecountry) or "").rsplit("/", 1)[-1] or None,
                trigger=_v(trigger),
                rule=_v(rule),
                start=int(start.value) if start is not None else None,
                quad=ri.quad if ri else None,
                event=event_of.get(str(st.value)),
            )
        )
    statements.sort(key=lambda s: (s.date or "", s.doc, s.start or 0, s.iri), reverse=True)
    snap = Snapshot(
        source=store,
        statements=statements,
        actors=actors,
        loaded=dt.datetime.now().astimezone(),
        seconds=0.0,
        fingerprint=fingerprint,
    )
    for s in statements:  # an actor named only by statements (an older store) still gets a page
        snap.actor(s.subject)
        snap.actor(s.object)
    snap.index()
    snap.seconds = round(time.perf_counter() - t0, 3)
    return snap


def memory_copy(path: str | Path):
    """The store at ``path`` copied into memory (a :class:`kg.store.KGStore`); the folder is only read."""
    from kg.backend import open_store
    from kg.errors import StoreError
    from kg.store import memory_store

    disk = open_store(path, create=False, read_only=True)
    try:
        if disk.folder is None:
            raise StoreError("kg serve works on a kg store folder, not a SPARQL endpoint")
        return memory_store(disk.quads(), Path(path))
    finally:
        disk.close()


def fingerprint(path: str | Path) -> tuple:
    """What changes when a build or relink writes the store folder (file names, sizes, times)."""
    out = []
    root = Path(path)
    for folder in (root, root / "oxigraph"):
        try:
            with os.scandir(folder) as it:
                for entry in it:
                    if entry.is_file() and not entry.name.startswith(("LOG", "kg.lock")):
                        st = entry.stat()
                        out.append((entry.name, st.st_size, st.st_mtime_ns))
        except OSError:
            pass
    return tuple(sorted(out))


def build_in_progress(path: str | Path) -> bool:
    """Whether a kg build (or relink) holds the store's write lock: read from /proc/locks, so that
    looking never takes the lock a build is about to take."""
    lock = Path(path) / "kg.lock"
    try:
        ino = lock.stat().st_ino
        text = Path("/proc/locks").read_text()
    except OSError:
        return False
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 6 and parts[1] == "FLOCK" and parts[5].rsplit(":", 1)[-1] == str(ino):
            return True
    return False


# ---------------------------------------------------------------------------- statement filters
@dataclass(frozen=True)
class StatementFilter:
    """The relation browser's selection: a :class:`NetworkFilter` plus statement-level choices."""

    net: NetworkFilter = NetworkFilter()
    actor: str | None = None  # an actor IRI (resolved from a name by the page)
    other: str | None = None  # with ``actor``: only statements between the two
    hedged: str = "any"  # any | yes | no
    negated: str = "exclude"  # exclude | include | only
    country: str | None = None  # ISO code: statements with an actor of that state or placed there

    @classmethod
    def parse(cls, params: dict, actor: str | None = None, other: str | None = None) -> StatementFilter:
        """From a page's query parameters (lists of strings); raises :class:`FilterError`."""

        def one(name: str, default: str = "") -> str:
            v = params.get(name) or [default]
            return (v[-1] if isinstance(v, list) else v) or default

        negated = one("negated", "exclude")
        if negated not in ("exclude", "include", "only"):
            raise FilterError(f"negated must be exclude, include or only, got {negated!r}")
        hedged = one("hedged", "any")
        if hedged not in ("any", "yes", "no"):
            raise FilterError(f"hedged must be any, yes or no, got {hedged!r}")
        country = one("country").strip().upper() or None
        if country is not None and not (len(country) == 3 and country.isalpha()):
            raise FilterError(f"country must be an ISO 3166-1 alpha-3 code, got {one('country')!r}")
        net = NetworkFilter.parse(
            relation=params.get("relation") or [],
            quad=params.get("quad") or [],
            since=one("since") or None,
            until=one("until") or None,
            min_confidence=one("min_confidence", "0") or 0,
            level=one("level", "actor"),
            count=one("count", "mentions"),
            include_negated=negated != "exclude",
        )
        return cls(net=net, actor=actor, other=other, hedged=hedged, negated=negated, country=country)

    def select(self, snap: Snapshot) -> list[Statement]:
        """The statements of ``snap`` this filter keeps, newest first."""
        f = self.net
        rels = set(f.relations)
        quads = set(f.quads)
        since = f.since.isoformat() if f.since else None
        until = f.until.isoformat() if f.until else None
        state = f.level == "state"
        pool: Iterable[Statement] = snap.statements
        if self.actor:
            pool = self._touching(snap, self.actor, state)
        out = []
        for s in pool:
            if self.negated == "exclude" and s.negated or self.negated == "only" and not s.negated:
                continue
            if self.hedged == "yes" and not s.hedged or self.hedged == "no" and s.hedged:
                continue
            if rels and s.relation not in rels or quads and s.quad not in quads:
                continue
            if f.min_confidence and (s.confidence is None or s.confidence < f.min_confidence):
                continue
            if since and (not s.date or s.date < since) or until and (not s.date or s.date > until):
                continue
            subj, obj = ends(snap, s, state)
            if subj == obj:
                continue
            if self.actor and self.other and {subj, obj} != {self.actor, self.other}:
                continue
            if self.country and not self._in_country(snap, s, subj, obj):
                continue
            out.append(s)
        return out

    def _touching(self, snap: Snapshot, actor: str, state: bool) -> list[Statement]:
        if not state:
            return snap.by_actor.get(actor, [])
        members = [actor] + [a for a, c in snap.state_of.items() if c == actor]
        seen: dict[str, Statement] = {}
        for m in members:
            for s in snap.by_actor.get(m, []):
                seen[s.iri] = s
        return sorted(seen.values(), key=lambda s: (s.date or "", s.doc, s.start or 0, s.iri), reverse=True)

    def _in_country(self, snap: Snapshot, s: Statement, subj: str, obj: str) -> bool:
        return s.place_country == self.country or any(snap.actor(a).code == self.country for a in (subj, obj))

    def query_items(self) -> list[tuple[str, str]]:
        """The filter as query-string pairs (for links that keep it)."""
        f = self.net
        items = [("relation", r) for r in f.relations] + [("quad", str(q)) for q in f.quads]
        for name, value in (
            ("since", f.since.isoformat() if f.since else ""),
            ("until", f.until.isoformat() if f.until else ""),
            ("min_confidence", f"{f.min_confidence:g}" if f.min_confidence else ""),
            ("level", f.level if f.level != "actor" else ""),
            ("count", f.count if f.count != "mentions" else ""),
            ("hedged", self.hedged if self.hedged != "any" else ""),
            ("negated", self.negated if self.negated != "exclude" else ""),
            ("country", self.country or ""),
        ):
            if value:
                items.append((name, value))
        return items


def ends(snap: Snapshot, s: Statement, state: bool = False) -> tuple[str, str]:
    """The statement's two actors, state organs rolled up to their state at ``state`` level."""
    if not state:
        return s.subject, s.object
    return snap.state_of.get(s.subject, s.subject), snap.state_of.get(s.object, s.object)


# ---------------------------------------------------------------------------- page data
def search(snap: Snapshot, text: str, limit: int = SEARCH_LIMIT) -> list[ActorInfo]:
    """Actors for what a user typed: aliases resolve as in the CLI ("PRC", "Beijing" find China),
    then labels, alternative labels and ISO codes, exact before prefix before substring."""
    from kg.actors import resolve_name

    q = " ".join((text or "").split())
    if not q:
        return []
    folded = q.casefold()
    scored: dict[str, tuple] = {}

    def put(iri: str, rank: int) -> None:
        a = snap.actors.get(iri)
        if a is None or not a.statements:
            return
        key = (rank, -a.statements, a.label)
        if iri not in scored or key < scored[iri]:
            scored[iri] = key

    try:
        put(resolve_name(q).id, 0)
    except Exception:  # the gazetteer is a convenience here: labels still match without it
        pass
    for a in snap.actors.values():
        names = [a.label, *a.aliases] + ([a.iso] if a.iso else [])
        best = None
        for n in names:
            n = n.casefold()
            rank = 1 if n == folded else 2 if n.startswith(folded) else 3 if folded in n else None
            if rank is not None and (best is None or rank < best):
                best = rank
        if best is not None:
            put(a.iri, best)
    return [snap.actors[i] for i in sorted(scored, key=scored.get)[:limit]]


def find(snap: Snapshot, text: str) -> str:
    """The IRI of the actor ``text`` names (IRI, name, alias or code); :class:`NotFound` with close
    matches otherwise."""
    text = (text or "").strip()
    if text in snap.actors and snap.actors[text].statements:
        return text
    hits = search(snap, text, limit=1)
    if hits and (text.casefold() in _names(hits[0]) or _resolves(text, hits[0].iri)):
        return hits[0].iri
    raise NotFound(f"no actor named {text!r} in this store", close_matches(snap, text))


def _names(a: ActorInfo) -> set[str]:
    return {n.casefold() for n in [a.label, *a.aliases, a.iso or "", a.iri]}


def _resolves(text: str, iri: str) -> bool:
    from kg.actors import resolve_name

    try:
        return resolve_name(text).id == iri
    except Exception:
        return False


def close_matches(snap: Snapshot, text: str, n: int = 6) -> list[ActorInfo]:
    """Actors whose name is close to ``text`` (difflib), then those that contain it."""
    by_name: dict[str, str] = {}
    for a in snap.actors.values():
        if a.statements:
            for name in (a.label, *a.aliases):
                by_name.setdefault(name.casefold(), a.iri)
    found = [by_name[m] for m in difflib.get_close_matches((text or "").casefold(), list(by_name), n=n, cutoff=0.6)]
    found += [a.iri for a in search(snap, text, limit=n)]
    return [snap.actors[i] for i in dict.fromkeys(found)][:n]


def page_of(items: list, page: int, size: int = PAGE_SIZE) -> tuple[list, int, int]:
    """(the items of page ``page`` (1-based, clamped), the page, the number of pages)."""
    pages = max(1, (len(items) + size - 1) // size)
    page = min(max(1, page), pages)
    return items[(page - 1) * size : page * size], page, pages


def partners(snap: Snapshot, iri: str, statements: list[Statement], state: bool = False) -> list[dict]:
    """The actors ``iri`` has statements with, most statements first, with cooperation and conflict counts."""
    rows: dict[str, dict] = {}
    for s in statements:
        subj, obj = ends(snap, s, state)
        other = obj if subj == iri else subj
        if other == iri:
            continue
        r = rows.setdefault(other, {"actor": snap.actor(other), "count": 0, "coop": 0, "conflict": 0, "last": None})
        r["count"] += 1
        if s.quad in (1, 2) and not s.negated:
            r["coop"] += 1
        elif s.quad in (3, 4) and not s.negated:
            r["conflict"] += 1
        if s.date and (r["last"] is None or s.date > r["last"]):
            r["last"] = s.date
    return sorted(rows.values(), key=lambda r: (-r["count"], r["actor"].label))


def roles(snap: Snapshot, iri: str) -> list[dict]:
    """The actor's roles: ``kg:role`` titles and its leads / member-of statements with their dates."""
    out = []
    by: dict[tuple, list[str]] = defaultdict(list)
    for s in snap.by_actor.get(iri, []):
        if s.relation in ("leads", "memberOf") and s.subject == iri and not s.negated:
            by[(s.relation, s.object)].append(s.date or "")
    for (rel, other), dates in sorted(by.items(), key=lambda kv: -len(kv[1])):
        known = sorted(d for d in dates if d)
        out.append(
            {
                "relation": rel,
                "label": relations()[rel].label if rel in relations() else rel,
                "actor": snap.actor(other),
                "first": known[0] if known else None,
                "last": known[-1] if known else None,
                "count": len(dates),
            }
        )
    return out


def timeline(statements: Iterable[Statement], count: str = "mentions") -> dict:
    """Statements (or distinct events) per month and QuadClass: ``{"months": [...], "rows": [...], "max": n}``.

    >>> s = Statement("s", "a", "attacks", "b", False, False, 0.9, "2024-03-02", None, None, "x", "d",
    ...               None, None, None, None, None, None, None, None, 4)
    >>> timeline([s])["rows"][0]["by_quad"]
    {1: 0, 2: 0, 3: 0, 4: 1, 0: 0}
    """
    cells: dict[str, dict[int, set | int]] = defaultdict(lambda: defaultdict(set))
    undated = 0
    for s in statements:
        if not s.month:
            undated += 1
            continue
        key = s.event if count == "events" and s.event else s.iri
        cells[s.month][s.quad or 0].add(key)
    months = sorted(cells)
    if months:  # every month between the first and the last, empty ones included
        y, m = int(months[0][:4]), int(months[0][5:7])
        full = []
        while f"{y:04d}-{m:02d}" <= months[-1]:
            full.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        months = full
    rows = []
    for month in months:
        by_quad = (
            {q: len(cells[month].get(q, ())) for q in (1, 2, 3, 4, 0)}
            if month in cells
            else dict.fromkeys((1, 2, 3, 4, 0), 0)
        )
        last = calendar.monthrange(int(month[:4]), int(month[5:7]))[1]
        rows.append(
            {
                "month": month,
                "by_quad": by_quad,
                "total": sum(by_quad.values()),
                "first": f"{month}-01",
                "last": f"{month}-{last:02d}",
            }
        )
    return {
        "months": months,
        "rows": rows,
        "max": max((r["total"] for r in rows), default=0),
        "undated": undated,
        "count": count,
    }


def by_state(snap: Snapshot, statements: Iterable[Statement]) -> dict[str, dict]:
    """Per ISO code: actors of that state named, statements they are in, events placed there."""
    out: dict[str, dict] = defaultdict(lambda: {"actors": set(), "statements": 0, "places": Counter()})
    for s in statements:
        codes = set()
        for a in (s.subject, s.object):
            code = snap.actor(a).code
            if code:
                out[code]["actors"].add(a)
                codes.add(code)
        for code in codes:
            out[code]["statements"] += 1
        if s.place_country:
            out[s.place_country]["places"][s.place or s.place_country] += 1
    return {
        code: {
            "actors": len(v["actors"]),
            "statements": v["statements"],
            "places": sum(v["places"].values()),
            "place_names": v["places"].most_common(5),
        }
        for code, v in out.items()
    }


def quad_name(quad: int | None) -> str:
    return QUAD_NAMES.get(quad, "no QuadClass")


# ---------------------------------------------------------------------------- the workbench
class Workbench:
    """A store folder served: the current :class:`Snapshot`, reloaded after a build, and review."""

    def __init__(self, store_path: str | Path, actors: str | Path | None = None):
        from kg import curation

        self.path = Path(store_path)
        self.curation_path = Path(actors) if actors is not None else curation.stored_path(self.path)
        self._lock = threading.RLock()
        self._reloading = threading.Lock()
        self._checked = 0.0
        self.snapshot: Snapshot = self._load()
        _settle()

    # ------------------------------------------------------------ loading
    def _load(self) -> Snapshot:
        from kg import curation
        from kg.backend import open_store
        from kg.errors import StoreError

        stamp = fingerprint(self.path)
        cur = self._curation()
        if cur.digest != curation.read_state(self.path)["applied"]:  # the file changed since the last build
            from kg.pipeline import relink_open  # imports the parser: only when there is work for it

            store = memory_copy(self.path)
            relink_open(store, cur)
            return read_snapshot(store, fingerprint=stamp)
        # The pages need only the snapshot's lists: read them from the folder, and make the
        # in-memory copy (for /sparql and review) in the background, so that the app starts sooner.
        disk = open_store(self.path, create=False, read_only=True)
        try:
            if disk.folder is None:
                raise StoreError("kg serve works on a kg store folder, not a SPARQL endpoint")
            snap = read_snapshot(disk, fingerprint=stamp)
        except BaseException:
            disk.close()
            raise
        future: Future = Future()

        def work() -> None:
            try:
                future.set_result(_copy(disk))
            except BaseException as exc:
                future.set_exception(exc)
            finally:
                disk.close()

        threading.Thread(target=work, name="kg-serve-copy", daemon=True).start()
        snap.source = future
        return snap

    def _curation(self):
        from kg import curation

        return curation.load(self.curation_path) if self.curation_path.exists() else curation.EMPTY

    def building(self) -> bool:
        return build_in_progress(self.path)

    def current(self) -> Snapshot:
        """The snapshot to read. When a build finished writing the store since it was loaded, a new
        one is loaded in the background: this page and the next ones answer from the last one until
        it is ready."""
        now = time.monotonic()
        if now - self._checked < RELOAD_CHECK_SECONDS:
            return self.snapshot
        self._checked = now
        if self.building() or (fingerprint(self.path) == self.snapshot.fingerprint and not self.snapshot.broken()):
            return self.snapshot
        if self._reloading.acquire(blocking=False):
            threading.Thread(target=self._reload, name="kg-serve-reload", daemon=True).start()
        return self.snapshot

    def _reload(self) -> None:
        """Load a new snapshot and swap it in (started holding ``_reloading``, which it releases)."""
        try:
            with self._lock:  # not while a review swaps in its own
                self.snapshot = self._load()
                _settle()
        except Exception:  # a store caught mid-write: keep the last snapshot, try again later
            pass
        finally:
            self._reloading.release()

    # ------------------------------------------------------------ review
    def add_directives(self, lines: list[str], comment: str | None = None) -> None:
        """Append directive lines to the curation file, check the whole file, re-apply it.

        A file the new lines would make invalid is left as it was (:class:`kg.curation.CurationError`).
        """
        from kg import curation
        from kg.pipeline import relink_open

        with self._lock:
            old = self.curation_path.read_bytes() if self.curation_path.exists() else b""
            text = old.decode("utf-8")
            if text and not text.endswith("\n"):
                text += "\n"
            if comment:
                text += "# " + " ".join(comment.split()) + "\n"
            text += "".join(line + "\n" for line in lines)
            cur = curation.parse(text.encode("utf-8"), self.curation_path)  # raises before anything is written
            curation.write_atomic(self.curation_path, text.encode("utf-8"))
            store = _copy(self.snapshot.store)  # the pages read the old copy until the new one is ready
            relink_open(store, cur)
            self.snapshot = read_snapshot(store, fingerprint=fingerprint(self.path))
            _settle()

    def raw_statement(self, iri: str) -> str:
        """The IRI a statement had as extracted (what a ``wrong`` line names), found through its
        document's extraction record under the current curation."""
        from kg.model import statement_iri

        snap = self.snapshot
        st = snap.by_iri.get(iri)
        if st is None:
            raise NotFound(f"no statement {iri!r} in this store")
        doc_id = st.doc.rsplit("/", 1)[-1]
        raw = snap.store.extraction(st.doc) or []
        cur = self._curation()
        for rel in raw:
            for cur_rel in cur.apply([rel], doc=st.doc):
                if statement_iri(doc_id, cur_rel) == iri:
                    return statement_iri(doc_id, rel)
        return iri


def _settle() -> None:
    """Take the snapshot's objects out of the garbage collector's scans: a full collection of
    them costs a page tens of milliseconds, and they live until the next snapshot."""
    import gc

    gc.unfreeze()
    gc.freeze()


def _copy(store):
    from kg.store import memory_store

    return memory_store(store.quads(), store.path)


def network(
    snap: Snapshot, statements: Iterable[Statement], level: str = "actor", count: str = "mentions", min_count: int = 1
):
    """The actor network of ``statements``, shaped as :func:`kg.network.project`'s graph (what
    :func:`kg.view.render` draws), built from the snapshot without a query."""
    import networkx as nx

    from kg.network import MAX_EVIDENCE, quad_sign

    state = level == "state"
    g = nx.MultiDiGraph()
    events: dict[tuple, set] = defaultdict(set)
    for s in statements:
        u, v = ends(snap, s, state)
        if u == v:
            continue
        for node in (u, v):
            if node not in g:
                a = snap.actor(node)
                g.add_node(
                    node, label=a.label, type=a.type, kind=a.kind, country=a.code, sector=a.sector, aliases=a.aliases
                )
        for end, orig in ((u, s.subject), (v, s.object)):
            if end != orig:
                rolled = g.nodes[end].setdefault("rolled_up", [])
                sector = snap.actor(orig).sector
                if sector and sector not in rolled:
                    rolled.append(sector)
                    rolled.sort()
        key = s.relation + (":negated" if s.negated else "")
        if not g.has_edge(u, v, key):
            g.add_edge(
                u,
                v,
                key=key,
                relation=s.relation,
                quad=s.quad,
                sign=quad_sign(s.quad),
                negated=s.negated,
                count=0,
                weight=0,
                hedged_only=True,
                first=None,
                last=None,
                evidence=[],
            )
        e = g.edges[u, v, key]
        e["count"] += 1
        events[(u, v, key)].add(s.event or s.iri)
        e["hedged_only"] = e["hedged_only"] and s.hedged
        if s.date:
            e["first"] = min(filter(None, [e["first"], s.date]))
            e["last"] = max(filter(None, [e["last"], s.date]))
        if len(e["evidence"]) < MAX_EVIDENCE:
            e["evidence"].append(
                {
                    "sentence": s.sentence,
                    "title": s.title,
                    "date": s.date,
                    "event_date": s.event_date,
                    "published": s.published,
                    "document": s.doc,
                    "statement": s.iri,
                    "hedged": s.hedged,
                }
            )
    for u, v, k, d in g.edges(keys=True, data=True):
        if count == "events":
            d["mentions"] = d["count"]
            d["count"] = len(events[(u, v, k)])
        d["weight"] = d["count"]
    if min_count > 1:
        g.remove_edges_from([(u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d["count"] < min_count])
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    g.graph["count"] = count
    return g
