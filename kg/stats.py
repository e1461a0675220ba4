"""Counts over a store: documents, statements, actors per type, relations per type."""

from __future__ import annotations

from kg.query import run_query


def store_stats(store) -> dict:
    def one(q: str) -> int:
        rows = run_query(store, q).rows
        return int(rows[0][0].value) if rows and rows[0][0] is not None else 0

    actors = {}
    for row in run_query(
        store,
        """
        SELECT ?t (COUNT(DISTINCT ?a) AS ?n) WHERE {
          { ?st kg:subject ?a } UNION { ?st kg:object ?a }
          ?a a ?t . VALUES ?t { kg:Country kg:Person kg:Organization kg:Group }
        } GROUP BY ?t ORDER BY ?t""",
    ).rows:
        actors[row[0].value.rsplit("#", 1)[-1]] = int(row[1].value)
    rels = {}
    for row in run_query(
        store,
        """
        SELECT ?r (COUNT(?st) AS ?n) WHERE { ?st a kg:Statement ; kg:relation ?r } GROUP BY ?r ORDER BY DESC(?n) ?r""",
    ).rows:
        rels[row[0].value.rsplit("#", 1)[-1]] = int(row[1].value)
    return {
        "documents": one("SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }"),
        "statements": one("SELECT (COUNT(?s) AS ?n) WHERE { ?s a kg:Statement }"),
        "negated": one("SELECT (COUNT(?s) AS ?n) WHERE { ?s a kg:Statement ; kg:negated true }"),
        "hedged": one("SELECT (COUNT(?s) AS ?n) WHERE { ?s a kg:Statement ; kg:hedged true }"),
        "actors": actors,
        "relations": rels,
    }
