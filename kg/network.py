"""The network stage: the store projected to a networkx graph of actors, and analytics on it.

Takes a :class:`kg.store.KGStore` and gives a ``networkx.MultiDiGraph``: one node per actor
(``label``, ``type``, ``country``, and for sector actors such as "Israel: military" their CAMEO
``sector`` code) and one edge per (source, target, relation) with ``count`` (statements),
``weight`` (= count), ``sign`` (+1 cooperation, -1 conflict, 0 leads/memberOf), ``quad``,
``first``/``last`` effective dates (``kg:date``), ``hedged_only`` and up to five ``evidence`` items
(sentence, document title, effective date, the event date as the text states it, publication
date, document IRI).

The analytics take that graph first and give plain data (lists of dicts of strings and
numbers), so a notebook can turn them into a DataFrame and the CLI can print them:
:func:`rank_actors`, :func:`neighbors`, :func:`shortest_path`, :func:`communities`,
:func:`ego`, :func:`balance`, :func:`rivals` and :func:`allies`. :func:`make_graph` builds a
small graph of the same shape by hand (for examples and tests)::

    from kg.network import project, rank_actors
    g = project(store, quads=[3, 4], since="2024-06-01")
    rank_actors(g, by="pagerank", top=10)
    states = project(store, level="state")  # "Israel: military" counted as Israel, as GDELT dyads are
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from kg.errors import KGError
from kg.ontology import KG, KGR, ORG_SUBTYPES, relations
from kg.persons import same_persons

MAX_EVIDENCE = 5

# Each statement property is read in its own subquery: Oxigraph then hash-joins whole columns
# instead of looking up every statement's properties one by one (twice as fast on 1M triples).
PROJECTION_QUERY = """
SELECT ?st ?s ?rel ?o ?neg ?hedged ?date ?eventdate ?published ?sentence ?doc ?title ?docdate ?conf WHERE {
  { SELECT ?st ?s WHERE { ?st kg:subject ?s } }
  { SELECT ?st ?rel WHERE { ?st kg:relation ?rel } }
  { SELECT ?st ?o WHERE { ?st kg:object ?o } }
  { SELECT ?st ?neg WHERE { ?st kg:negated ?neg } }
  { SELECT ?st ?hedged WHERE { ?st kg:hedged ?hedged } }
  { SELECT ?st ?sentence WHERE { ?st kg:sentence ?sentence } }
  { SELECT ?st ?doc WHERE { ?st prov:wasDerivedFrom ?doc } }
  OPTIONAL { SELECT ?st ?date WHERE { ?st kg:date ?date } }
  OPTIONAL { SELECT ?st ?eventdate WHERE { ?st kg:eventDate ?eventdate } }
  OPTIONAL { SELECT ?st ?published WHERE { ?st kg:publicationDate ?published } }
  OPTIONAL { SELECT ?st ?conf WHERE { ?st kg:confidence ?conf } }
  OPTIONAL { SELECT ?doc ?title WHERE { ?doc dcterms:title ?title } }
  OPTIONAL { SELECT ?doc ?docdate WHERE { ?doc dcterms:date ?docdate } }
}
"""

ACTORS_QUERY = """
SELECT ?a ?label ?type ?code ?country ?sector ?whole WHERE {
  GRAPH kgr:graph\\/actors {
    ?a rdfs:label ?label ; a ?type .
    OPTIONAL { ?a kg:isoCode ?code }
    OPTIONAL { ?a kg:country ?c . ?c kg:isoCode ?country }
    OPTIONAL { ?a kg:sector ?sector }
    OPTIONAL { ?a kg:partOf ?whole }
  }
}
"""
# The sector concepts (kg:sector-MIL, skos:notation "MIL") live in the ontology, not in the store:
# the code is read from the concept's IRI.
SECTOR_PREFIX = str(KG) + "sector-"
TYPE_RANK = {"Country": 0, "Person": 1, "Organization": 2, "Group": 3, "SectorActor": 4}
LEVELS = ("actor", "state")
COUNTS = ("mentions", "events")  # what an edge's count is: statements, or distinct kg:Events (kg.events)
# Organs of the state (state = yes in ontology/actors/sectors.tsv; a test keeps the two in step).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def quad_sign(quad: int | None) -> int:
    return 0 if quad is None else (1 if quad <= 2 else -1)


def _as_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def project(
    store,
    relations_: Iterable[str] | None = None,
    quads: Iterable[int] | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    min_count: int = 1,
    include_negated: bool = False,
    min_confidence: float = 0.0,
    level: str = "actor",
    count: str = "mentions",
) -> nx.MultiDiGraph:
    """The actor network in ``store``, filtered by relation, QuadClass, date window and count.

    ``level="actor"`` (the default) keeps every node the text names, sector actors included
    ("Israel: military"): the graph shows what the text says. ``level="state"`` rolls the organs
    of a state (military, police, intelligence, judiciary, legislature: the sectors marked state in
    ``ontology/actors/sectors.tsv``) up to the country they are ``kg:partOf``, so counts compare
    with country-level event data (GDELT or ICEWS dyads), and keeps non-state sectors (rebels,
    opposition, civilians, refugees) apart. A country node then lists the sector codes rolled into
    it in ``rolled_up``; a statement between a state and one of its own organs disappears.

    ``count="mentions"`` (the default) makes an edge's ``count`` and ``weight`` its number of
    statements; ``count="events"`` the number of distinct ``kg:Event`` they are evidence of
    (:mod:`kg.events`: the same invasion in 94 releases counts once), with the statements kept in
    ``mentions``; a negated statement belongs to no event and counts one. ``min_count`` applies
    to the chosen count, and ``g.graph["count"]`` says which it is.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}: use {' or '.join(LEVELS)}")
    # --- count=events (kg.events) ---
    if count not in COUNTS:
        raise ValueError(f"unknown count {count!r}: use {' or '.join(COUNTS)}")
    event_of: dict[str, str] | None = None
    if count == "events":
        from kg.events import statement_events

        event_of = statement_events(store)
    # --- end count=events ---
    from kg.query import run_query

    info = relations()
    wanted_rel = set(relations_) if relations_ else None
    wanted_quad = {int(q) for q in quads} if quads else None
    since = _as_date(since) if isinstance(since, str) else since
    until = _as_date(until) if isinstance(until, str) else until
    g = nx.MultiDiGraph()
    res = run_query(store, ACTORS_QUERY, timeout=600)
    rollup: dict[str, tuple[str, str]] = {}
    for iri, label, typ, code, country, sector_iri, whole in res.rows:
        t = typ.value.rsplit("#", 1)[-1]
        node = str(iri.value)
        base = t if t in TYPE_RANK else ("Organization" if t in ORG_SUBTYPES else None)
        if base is None:
            continue
        sector = str(sector_iri.value) if sector_iri is not None else None
        sector = sector[len(SECTOR_PREFIX) :] if sector and sector.startswith(SECTOR_PREFIX) else None
        prev = g.nodes[node] if node in g else None
        if (
            prev is None
            or TYPE_RANK.get(base, 9) < TYPE_RANK.get(prev.get("type"), 9)
            or (base == prev.get("type") and t != base)
        ):
            g.add_node(
                node,
                label=label.value,
                type=base,
                kind=t if t != base else (prev or {}).get("kind"),
                country=(code.value if code is not None else (country.value if country is not None else None)),
                sector=sector or (prev or {}).get("sector"),
            )
        elif sector and not prev.get("sector"):
            prev["sector"] = sector
        if level == "state" and sector in STATE_SECTORS and (whole is not None or country is not None):
            state = str(whole.value) if whole is not None else str(KGR[f"country/{country.value}"])
            rollup[node] = (state, sector)
    for node in rollup:
        g.remove_node(node)
    # a bare surname ("Deputy Secretary Sherman") is the one person of that surname and country
    # named in full elsewhere in the store (kg.persons.same_persons); the statements keep their node
    same = same_persons((n, d["label"], d.get("country")) for n, d in g.nodes(data=True) if d.get("type") == "Person")
    for short, full in same.items():
        if short not in g or full not in g:
            continue
        g.nodes[full].setdefault("merged", []).append(g.nodes[short]["label"])
        if not g.nodes[full].get("country") and g.nodes[short].get("country"):
            g.nodes[full]["country"] = g.nodes[short]["country"]  # "Prime Minister Bennett" of Israel
        g.remove_node(short)
    res = run_query(store, PROJECTION_QUERY, timeout=600)
    for st, s, rel, o, neg, hedged, date, eventdate, published, sentence, doc, title, docdate, conf in res.rows:
        name = rel.value.rsplit("#", 1)[-1]
        negated = neg.value == "true"
        if negated and not include_negated:
            continue
        if min_confidence and (conf is None or float(conf.value) < min_confidence):
            continue  # calibrated confidence (the share of such relations found right on real text)
        if wanted_rel and name not in wanted_rel:
            continue
        quad = info[name].quad if name in info else None
        if wanted_quad and quad not in wanted_quad:
            continue
        when = _as_date(date.value if date is not None else (docdate.value if docdate is not None else None))
        if since and (when is None or when < since):
            continue
        if until and (when is None or when > until):
            continue
        u, v = str(s.value), str(o.value)
        u, v = same.get(u, u), same.get(v, v)
        ends = []
        for end in (u, v):
            if end in rollup:
                state, sector = rollup[end]
                ends.append(state)
                if state not in g:
                    g.add_node(
                        state,
                        label=state.rsplit("/", 1)[-1],
                        type="Country",
                        kind=None,
                        country=state.rsplit("/", 1)[-1],
                        sector=None,
                    )
                rolled = g.nodes[state].setdefault("rolled_up", [])
                if sector not in rolled:
                    rolled.append(sector)
                    rolled.sort()
            else:
                ends.append(end)
        u, v = ends
        if u == v:
            continue
        for node in (u, v):
            if node not in g:
                g.add_node(
                    node, label=node.rsplit("/", 1)[-1], type="Organization", kind=None, country=None, sector=None
                )
        key = name + (":negated" if negated else "")
        if g.has_edge(u, v, key):
            e = g.edges[u, v, key]
        else:
            g.add_edge(
                u,
                v,
                key=key,
                relation=name,
                quad=quad,
                sign=quad_sign(quad),
                negated=negated,
                count=0,
                weight=0,
                hedged_only=True,
                first=None,
                last=None,
                evidence=[],
                _seen=set(),
            )
            e = g.edges[u, v, key]
        e["count"] += 1
        e["weight"] = e["count"]
        if event_of is not None:  # count=events: the edge's distinct events (a statement without one counts alone)
            e.setdefault("_events", set()).add(event_of.get(str(st.value), str(st.value)))
        e["hedged_only"] = e["hedged_only"] and hedged.value == "true"
        iso = when.isoformat() if when else None
        if iso:
            e["first"] = min(filter(None, [e["first"], iso]))
            e["last"] = max(filter(None, [e["last"], iso]))
        ev_key = (sentence.value, str(doc.value))
        if ev_key not in e["_seen"] and len(e["evidence"]) < MAX_EVIDENCE:
            e["_seen"].add(ev_key)
            pub = (
                published.value if published is not None else (str(docdate.value)[:10] if docdate is not None else None)
            )
            e["evidence"].append(
                {
                    "sentence": sentence.value,
                    "title": title.value if title is not None else None,
                    "date": iso,
                    "event_date": eventdate.value if eventdate is not None else None,
                    "published": pub,
                    "document": str(doc.value),
                    "statement": str(st.value),
                    "hedged": hedged.value == "true",
                }
            )
    for _, _, data in g.edges(data=True):
        data.pop("_seen", None)
        data["evidence"].sort(key=lambda ev: (ev["date"] or "", ev["sentence"]))
    # --- count=events (kg.events) ---
    if event_of is not None:
        for _, _, data in g.edges(data=True):
            data["mentions"] = data["count"]
            data["count"] = data["weight"] = len(data.pop("_events", ()))
    g.graph["count"] = count
    # --- end count=events ---
    if min_count > 1:
        g.remove_edges_from([(u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d["count"] < min_count])
    g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
    return g


# ---------------------------------------------------------------------------- analytics
class UnknownActor(KGError, ValueError):
    """An actor name that names no node of the graph; the message is one readable line."""


class NoPath(KGError, ValueError):
    """Two actors that no chain of statements links."""


RANK_BY = ("degree", "pagerank", "betweenness")
BETWEENNESS_EXACT = 300


def make_graph(edges: Iterable[tuple], actors: dict[str, dict] | None = None) -> nx.MultiDiGraph:
    """A graph shaped like :func:`project`'s, from ``(source, target, relation[, count])`` tuples.

    ``actors`` maps node ids to attributes (``label``, ``type``, ``country``, ``sector``); a node without
    them is labelled with its id. Each edge gets one evidence item ("<source> <relation> <target>.").

    >>> g = make_graph([("a", "b", "supplies", 2), ("b", "c", "attacks")])
    >>> g.edges["a", "b", "supplies"]["count"], g.edges["b", "c", "attacks"]["sign"]
    (2, -1)
    """
    info = relations()
    g = nx.MultiDiGraph()
    for node, attrs in (actors or {}).items():
        g.add_node(node, **{"label": node, "type": None, "kind": None, "country": None, "sector": None, **attrs})
    for edge in edges:
        u, v, rel = edge[:3]
        count = int(edge[3]) if len(edge) > 3 else 1
        for node in (u, v):
            if node not in g:
                g.add_node(node, label=node, type=None, kind=None, country=None, sector=None)
        quad = info[rel].quad if rel in info else None
        sentence = f"{g.nodes[u]['label']} {rel} {g.nodes[v]['label']}."
        g.add_edge(
            u,
            v,
            key=rel,
            relation=rel,
            quad=quad,
            sign=quad_sign(quad),
            negated=False,
            count=count,
            weight=count,
            hedged_only=False,
            first=None,
            last=None,
            evidence=[
                {
                    "sentence": sentence,
                    "title": None,
                    "date": None,
                    "document": None,
                    "statement": None,
                    "hedged": False,
                }
            ],
        )
    return g


def _label(g: nx.MultiDiGraph, node: str) -> str:
    return str(g.nodes[node].get("label") or node)


def find_actor(g: nx.MultiDiGraph, name: str) -> str:
    """The node id of the actor ``name`` (a name, alias, label, ISO code or IRI) in ``g``.

    Names go through :func:`kg.actors.resolve_name`, so "Moscow" and "the Kremlin" find Russia.

    >>> g = make_graph([("https://w3id.org/kg/id/country/RUS", "x", "meets")])
    >>> find_actor(g, "the Kremlin")
    'https://w3id.org/kg/id/country/RUS'
    """
    from kg.actors import resolve_name

    text = (name or "").strip()
    if not text:
        raise UnknownActor("give an actor name")
    if text in g:
        return text
    actor = resolve_name(text)
    if actor.id in g:
        return actor.id
    folded = text.casefold()
    for node, d in g.nodes(data=True):
        if str(d.get("label") or "").casefold() == folded:
            return node
    for node, d in g.nodes(data=True):
        if d.get("type") == "Country" and str(d.get("country") or "").casefold() == folded:
            return node
    raise UnknownActor(f"unknown actor {text!r}: no statement in the network names it (see kg actors)")


def undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """The undirected weighted projection: one edge per actor pair, ``weight`` = statements both ways.

    >>> u = undirected(make_graph([("a", "b", "meets", 2), ("b", "a", "attacks", 3)]))
    >>> u.edges["a", "b"]["weight"]
    5
    """
    u = nx.Graph()
    u.add_nodes_from(g.nodes(data=True))
    for a, b, d in g.edges(data=True):
        if a == b:
            continue
        if u.has_edge(a, b):
            u.edges[a, b]["weight"] += d.get("count", 1)
        else:
            u.add_edge(a, b, weight=d.get("count", 1))
    return u


def collapsed(g: nx.MultiDiGraph) -> nx.DiGraph:
    """The directed projection: one edge per ordered pair, ``weight`` = statements that way."""
    d = nx.DiGraph()
    d.add_nodes_from(g.nodes(data=True))
    for a, b, data in g.edges(data=True):
        if d.has_edge(a, b):
            d.edges[a, b]["weight"] += data.get("count", 1)
        else:
            d.add_edge(a, b, weight=data.get("count", 1))
    return d


CENTRALITY_HELP = (
    "degree: distinct partners, statements in either direction; pagerank: PageRank on the undirected graph "
    "weighted by statements (acting and being acted upon both count); betweenness: share of shortest paths "
    "through the actor"
)


def degrees(g: nx.MultiDiGraph) -> dict[str, int]:
    """Degree as kg means it everywhere (``kg actors``, the view, the library): the number of
    distinct partners an actor has statements with, in either direction, whatever the number of
    statements or relations (those are ``statements``).

    >>> degrees(make_graph([("a", "b", "meets"), ("a", "b", "attacks"), ("b", "a", "accuses"), ("c", "a", "aids")]))
    {'a': 2, 'b': 1, 'c': 1}
    """
    u = undirected(g)
    return {n: u.degree(n) for n in g}


def pagerank(
    g: nx.MultiDiGraph,
    weight: str = "count",
    directed: bool = False,
    alpha: float = 0.85,
    tol: float = 1e-10,
    max_iter: int = 500,
) -> dict[str, float]:
    """Weighted PageRank (parallel edges summed), without scipy: the one PageRank of kg
    (``kg actors --by pagerank``, ``kg view --top`` and node sizes, :func:`rank_actors`).

    By default edges count both ways (``directed=False``), weighted by statements: acting on
    others and being acted upon both make an actor central, so an actor named in a few
    statements as a target does not outrank the actors at the centre of the news, as directed
    PageRank's sinks do. ``networkx.pagerank`` needs scipy, which kg does not depend on; this is
    the same power iteration (dangling actors spread their rank evenly).

    >>> pr = pagerank(make_graph([("a", "b", "meets"), ("c", "b", "meets")]))
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    ('b', 1.0)
    >>> pr = pagerank(nx.MultiDiGraph([("hub", x) for x in "pqr"]), directed=False)
    >>> max(pr, key=pr.get)
    'hub'
    """
    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    out_w: dict = defaultdict(float)
    links: dict = defaultdict(lambda: defaultdict(float))
    for u, v, d in g.edges(data=True):
        w = float(d.get(weight, 1) or 1)
        links[u][v] += w
        out_w[u] += w
        if not directed:
            links[v][u] += w
            out_w[v] += w
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in nodes if out_w[u] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u, targets in links.items():
            share = alpha * rank[u] / out_w[u]
            for v, w in targets.items():
                new[v] += share * w
        err = sum(abs(new[u] - rank[u]) for u in nodes)
        rank = new
        if err < n * tol:
            break
    return rank


def rank_actors(g: nx.MultiDiGraph, by: str = "degree", top: int | None = None) -> list[dict]:
    """Actors ranked by ``degree`` (distinct partners, :func:`degrees`), ``pagerank``
    (:func:`pagerank`) or ``betweenness``.

    Each row: rank, actor (IRI), label, type, country, sector, degree, statements (both directions),
    pagerank (undirected, weighted by statements) and betweenness (normalised, on the undirected graph;
    estimated from 300 sampled actors on larger graphs). Ties go by label.

    >>> g = make_graph([("hub", "a", "meets"), ("hub", "b", "meets"), ("b", "c", "meets")])
    >>> [(r["label"], r["degree"]) for r in rank_actors(g, by="degree", top=2)]
    [('b', 2), ('hub', 2)]
    >>> [r["label"] for r in rank_actors(g, by="betweenness", top=2)]
    ['b', 'hub']
    """
    if by not in RANK_BY:
        raise ValueError(f"unknown ranking {by!r}: use {', '.join(RANK_BY)}")
    u = undirected(g)
    pr = pagerank(g)
    degree = degrees(g)
    # Exact betweenness is O(actors x edges): beyond BETWEENNESS_EXACT actors it is estimated from
    # that many source actors, picked with a fixed seed so the ranking is repeatable.
    k = None if u.number_of_nodes() <= BETWEENNESS_EXACT else BETWEENNESS_EXACT
    bc = nx.betweenness_centrality(u, k=k, normalized=True, seed=42)
    statements: dict = defaultdict(int)
    for a, b, d in g.edges(data=True):
        statements[a] += d.get("count", 1)
        if b != a:
            statements[b] += d.get("count", 1)
    rows = []
    for node, d in g.nodes(data=True):
        rows.append(
            {
                "actor": node,
                "label": _label(g, node),
                "type": d.get("type"),
                "country": d.get("country"),
                "sector": d.get("sector"),
                "degree": degree.get(node, 0),
                "statements": statements[node],
                "pagerank": round(pr.get(node, 0.0), 6),
                "betweenness": round(bc.get(node, 0.0), 6),
            }
        )
    rows.sort(key=lambda r: (-r[by], -r["statements"], r["label"].casefold(), r["actor"]))
    rows = rows[:top] if top else rows
    return [{"rank": i, **r} for i, r in enumerate(rows, 1)]


def _first_evidence(d: dict) -> dict:
    ev = d.get("evidence") or []
    return ev[0] if ev else {}


def neighbors(g: nx.MultiDiGraph, actor: str) -> list[dict]:
    """Every edge from or to ``actor``: partner, direction (out/in), relation, counts and evidence.

    Sorted by statement count (most first), then partner label and relation.

    >>> g = make_graph([("a", "b", "supplies", 2), ("c", "a", "accuses")])
    >>> [(r["partner_label"], r["direction"], r["relation"], r["count"]) for r in neighbors(g, "a")]
    [('b', 'out', 'supplies', 2), ('c', 'in', 'accuses', 1)]
    """
    node = find_actor(g, actor)
    rows = []
    for direction, edges in (
        ("out", g.out_edges(node, keys=True, data=True)),
        ("in", g.in_edges(node, keys=True, data=True)),
    ):
        for a, b, _key, d in edges:
            partner = b if direction == "out" else a
            ev = _first_evidence(d)
            rows.append(
                {
                    "partner": partner,
                    "partner_label": _label(g, partner),
                    "direction": direction,
                    "relation": d.get("relation"),
                    "negated": bool(d.get("negated")),
                    "count": d.get("count", 1),
                    "sign": d.get("sign", 0),
                    "hedged_only": bool(d.get("hedged_only")),
                    "first": d.get("first"),
                    "last": d.get("last"),
                    "sentence": ev.get("sentence"),
                    "title": ev.get("title"),
                    "document": ev.get("document"),
                }
            )
    rows.sort(key=lambda r: (-r["count"], r["partner_label"].casefold(), r["direction"] != "out", r["relation"] or ""))
    return rows


def _best_edge(g: nx.MultiDiGraph, a: str, b: str) -> dict | None:
    """The edge a -> b with the most statements (then by relation name), or None."""
    if not g.has_edge(a, b):
        return None
    return min(g[a][b].values(), key=lambda d: (-d.get("count", 1), str(d.get("relation"))))


def shortest_path(g: nx.MultiDiGraph, source: str, target: str) -> list[dict]:
    """The shortest chain of statements from ``source`` to ``target``, one row per hop.

    The path follows edge directions when it can; if no directed path exists it is searched
    in the undirected graph, and a hop taken against an edge has direction ``<-``. Each hop
    carries the relation with the most statements between the two actors and its first
    evidence sentence, document title, document IRI and date. Raises :class:`NoPath`.

    >>> g = make_graph([("a", "b", "supplies"), ("b", "c", "attacks"), ("d", "c", "meets")])
    >>> [(h["source_label"], h["direction"], h["relation"], h["target_label"]) for h in shortest_path(g, "a", "c")]
    [('a', '->', 'supplies', 'b'), ('b', '->', 'attacks', 'c')]
    >>> [(h["source_label"], h["direction"], h["target_label"]) for h in shortest_path(g, "a", "d")][-1]
    ('c', '<-', 'd')
    """
    a, b = find_actor(g, source), find_actor(g, target)
    if a == b:
        raise NoPath(f"{_label(g, a)} and {_label(g, b)} are the same actor")
    try:
        nodes = nx.shortest_path(collapsed(g), a, b)
    except nx.NetworkXNoPath:
        try:
            nodes = nx.shortest_path(undirected(g), a, b)
        except nx.NetworkXNoPath:
            raise NoPath(f"no chain of statements links {_label(g, a)} and {_label(g, b)}") from None
    hops = []
    for step, (u, v) in enumerate(zip(nodes, nodes[1:]), 1):
        forward, backward = _best_edge(g, u, v), _best_edge(g, v, u)
        if forward is not None and (backward is None or forward.get("count", 1) >= backward.get("count", 1)):
            d, direction = forward, "->"
        else:
            d, direction = backward, "<-"
        ev = _first_evidence(d)
        hops.append(
            {
                "step": step,
                "source": u,
                "source_label": _label(g, u),
                "direction": direction,
                "relation": d.get("relation"),
                "target": v,
                "target_label": _label(g, v),
                "count": d.get("count", 1),
                "sentence": ev.get("sentence"),
                "title": ev.get("title"),
                "document": ev.get("document"),
                "date": ev.get("date"),
            }
        )
    return hops


def communities(g: nx.MultiDiGraph, seed: int = 42, resolution: float = 1.0) -> list[dict]:
    """Louvain communities of the undirected weighted projection (fixed ``seed``: same input, same answer).

    One row per community, largest first: community number, size, member labels and IRIs
    (sorted by label).

    >>> g = make_graph([("a", "b", "meets", 3), ("b", "c", "meets", 3), ("a", "c", "meets", 3),
    ...                 ("x", "y", "meets", 3), ("y", "z", "meets", 3), ("x", "z", "meets", 3), ("c", "x", "meets")])
    >>> [c["labels"] for c in communities(g)]
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    u = undirected(g)
    if u.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(u, weight="weight", resolution=resolution, seed=seed)
    groups = [sorted(c, key=lambda n: (_label(g, n).casefold(), n)) for c in found]
    groups.sort(key=lambda c: (-len(c), _label(g, c[0]).casefold()))
    return [
        {"community": i, "size": len(c), "labels": [_label(g, n) for n in c], "actors": list(c)}
        for i, c in enumerate(groups, 1)
    ]


def ego_graph(g: nx.MultiDiGraph, actor: str, depth: int = 1) -> nx.MultiDiGraph:
    """The part of ``g`` within ``depth`` hops of ``actor`` (either direction), with all edges among those actors."""
    node = find_actor(g, actor)
    if depth < 0:
        raise ValueError("depth must be 0 or more")
    near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), node, cutoff=depth)
    return nx.MultiDiGraph(g.subgraph(near))


def ego(g: nx.MultiDiGraph, actor: str, depth: int = 1) -> list[dict]:
    """The actors within ``depth`` hops of ``actor``: distance, type, country, sector, links inside the ego network.

    Sorted by distance, then by statements with the ego network, then label.

    >>> g = make_graph([("a", "b", "meets"), ("b", "c", "meets"), ("c", "d", "meets")])
    >>> [(r["label"], r["distance"]) for r in ego(g, "a", depth=2)]
    [('a', 0), ('b', 1), ('c', 2)]
    """
    node = find_actor(g, actor)
    sub = ego_graph(g, node, depth)
    dist = nx.single_source_shortest_path_length(sub.to_undirected(as_view=True), node)
    statements: dict = defaultdict(int)
    for a, b, d in sub.edges(data=True):
        statements[a] += d.get("count", 1)
        if a != b:
            statements[b] += d.get("count", 1)
    u = undirected(sub)
    rows = [
        {
            "actor": n,
            "label": _label(g, n),
            "type": sub.nodes[n].get("type"),
            "country": sub.nodes[n].get("country"),
            "sector": sub.nodes[n].get("sector"),
            "distance": dist[n],
            "partners": u.degree(n),
            "statements": statements[n],
        }
        for n in sub
    ]
    rows.sort(key=lambda r: (r["distance"], -r["statements"], r["label"].casefold(), r["actor"]))
    return rows


def balance(g: nx.MultiDiGraph, actor: str) -> list[dict]:
    """Per partner of ``actor`` (type, country, sector): cooperation and conflict statements (both directions) and their balance.

    Cooperation is QuadClass 1-2 (``sign`` +1), conflict QuadClass 3-4 (``sign`` -1); leads and
    memberOf count for neither. Sorted by balance (most friendly first), then label.

    >>> g = make_graph([("a", "b", "supplies", 2), ("b", "a", "accuses"), ("c", "a", "attacks", 2)])
    >>> [(r["label"], r["cooperation"], r["conflict"], r["balance"]) for r in balance(g, "a")]
    [('b', 2, 1, 1), ('c', 0, 2, -2)]
    """
    node = find_actor(g, actor)
    coop: dict = defaultdict(int)
    conf: dict = defaultdict(int)
    edges = list(g.out_edges(node, data=True)) + [(a, b, d) for a, b, d in g.in_edges(node, data=True) if a != b]
    for a, b, d in edges:
        partner = b if a == node else a
        if partner == node or d.get("negated"):
            continue
        if d.get("sign", 0) > 0:
            coop[partner] += d.get("count", 1)
        elif d.get("sign", 0) < 0:
            conf[partner] += d.get("count", 1)
    rows = [
        {
            "partner": p,
            "label": _label(g, p),
            "type": g.nodes[p].get("type"),
            "country": g.nodes[p].get("country"),
            "sector": g.nodes[p].get("sector"),
            "cooperation": coop[p],
            "conflict": conf[p],
            "balance": coop[p] - conf[p],
        }
        for p in set(coop) | set(conf)
    ]
    rows.sort(key=lambda r: (-r["balance"], -r["cooperation"], r["label"].casefold(), r["partner"]))
    return rows


def rivals(g: nx.MultiDiGraph, actor: str, top: int | None = None) -> list[dict]:
    """Partners with a negative balance (more conflict than cooperation), most hostile first.

    >>> g = make_graph([("a", "b", "supplies", 2), ("c", "a", "attacks", 2), ("a", "d", "accuses")])
    >>> [(r["label"], r["balance"]) for r in rivals(g, "a")]
    [('c', -2), ('d', -1)]
    """
    rows = [r for r in balance(g, actor) if r["balance"] < 0]
    rows.sort(key=lambda r: (r["balance"], -r["conflict"], r["label"].casefold(), r["partner"]))
    return rows[:top] if top else rows


def allies(g: nx.MultiDiGraph, actor: str, top: int | None = None) -> list[dict]:
    """Partners with a positive balance (more cooperation than conflict), most friendly first.

    >>> g = make_graph([("a", "b", "supplies", 2), ("c", "a", "attacks", 2)])
    >>> [(r["label"], r["balance"]) for r in allies(g, "a")]
    [('b', 2)]
    """
    rows = [r for r in balance(g, actor) if r["balance"] > 0]
    return rows[:top] if top else rows
