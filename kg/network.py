"""The network stage: the store projected to a networkx graph of actors, and analytics on it.

Takes a :class:`kg.store.KGStore` and gives a ``networkx.MultiDiGraph``: one node per actor
(``label``, ``type``, ``country``) and one edge per (source, target, relation) with ``count``
(statements), ``weight`` (= count), ``sign`` (+1 cooperation, -1 conflict, 0 leads/memberOf),
``quad``, ``first``/``last`` dates, ``hedged_only`` and up to five ``evidence`` items
(sentence, document title, date, document IRI).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import networkx as nx

from kg.ontology import relations

MAX_EVIDENCE = 5

PROJECTION_QUERY = """
SELECT ?st ?s ?rel ?o ?neg ?hedged ?date ?sentence ?doc ?title ?docdate ?conf WHERE {
  ?st a kg:Statement ; kg:subject ?s ; kg:relation ?rel ; kg:object ?o ;
      kg:negated ?neg ; kg:hedged ?hedged ; kg:sentence ?sentence ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?st kg:date ?date }
  OPTIONAL { ?st kg:confidence ?conf }
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:date ?docdate }
}
"""

ACTORS_QUERY = """
SELECT ?a ?label ?type ?code ?country WHERE {
  GRAPH kgr:graph\\/actors {
    ?a rdfs:label ?label ; a ?type .
    OPTIONAL { ?a kg:isoCode ?code }
    OPTIONAL { ?a kg:country ?c . ?c kg:isoCode ?country }
  }
}
"""
TYPE_RANK = {"Country": 0, "Person": 1, "Organization": 2, "Group": 3}


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
) -> nx.MultiDiGraph:
    """The actor network in ``store``, filtered by relation, QuadClass, date window and count."""
    from kg.query import run_query

    info = relations()
    wanted_rel = set(relations_) if relations_ else None
    wanted_quad = {int(q) for q in quads} if quads else None
    since = _as_date(since) if isinstance(since, str) else since
    until = _as_date(until) if isinstance(until, str) else until
    g = nx.MultiDiGraph()
    res = run_query(store, ACTORS_QUERY, timeout=600)
    for iri, label, typ, code, country in res.rows:
        t = typ.value.rsplit("#", 1)[-1]
        node = str(iri.value)
        base = t if t in TYPE_RANK else ("Organization" if t in ("InternationalOrganization", "ArmedGroup", "PoliticalGroup", "GovernmentBody") else None)
        if base is None:
            continue
        prev = g.nodes[node] if node in g else None
        if prev is None or TYPE_RANK.get(base, 9) < TYPE_RANK.get(prev.get("type"), 9) or (
            base == prev.get("type") and t != base
        ):
            g.add_node(
                node,
                label=label.value,
                type=base,
                kind=t if t != base else (prev or {}).get("kind"),
                country=(code.value if code is not None else (country.value if country is not None else None)),
            )
    res = run_query(store, PROJECTION_QUERY, timeout=600)
    for st, s, rel, o, neg, hedged, date, sentence, doc, title, docdate, conf in res.rows:
        name = rel.value.rsplit("#", 1)[-1]
        negated = neg.value == "true"
        if negated and not include_negated:
            continue
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
        for node in (u, v):
            if node not in g:
                g.add_node(node, label=node.rsplit("/", 1)[-1], type="Organization", kind=None, country=None)
        key = name + (":negated" if negated else "")
        if g.has_edge(u, v, key):
            e = g.edges[u, v, key]
        else:
            g.add_edge(u, v, key=key, relation=name, quad=quad, sign=quad_sign(quad), negated=negated, count=0,
                       weight=0, hedged_only=True, first=None, last=None, evidence=[], _seen=set())
            e = g.edges[u, v, key]
        e["count"] += 1
        e["weight"] = e["count"]
        e["hedged_only"] = e["hedged_only"] and hedged.value == "true"
        iso = when.isoformat() if when else None
        if iso:
            e["first"] = min(filter(None, [e["first"], iso]))
            e["last"] = max(filter(None, [e["last"], iso]))
        ev_key = (sentence.value, str(doc.value))
        if ev_key not in e["_seen"] and len(e["evidence"]) < MAX_EVIDENCE:
            e["_seen"].add(ev_key)
            e["evidence"].append(
                {"sentence": sentence.value, "title": title.value if title is not None else None, "date": iso,
                 "document": str(doc.value), "statement": str(st.value), "hedged": hedged.value == "true"}
            )
    for _, _, data in g.edges(data=True):
        data.pop("_seen", None)
        data["evidence"].sort(key=lambda ev: (ev["date"] or "", ev["sentence"]))
    if min_count > 1:
        g.remove_edges_from([(u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d["count"] < min_count])
    g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
    return g
