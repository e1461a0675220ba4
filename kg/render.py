"""Printing query results: rich tables for people; CSV, TSV, SPARQL JSON and Turtle for tools."""

from __future__ import annotations

import csv
import io
import json
import sys

import pyoxigraph as ox
from rich.table import Table

from kg.query import QueryResult, term_value


def _json_term(term) -> dict | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    d = {"type": "literal", "value": term.value}
    if term.language:
        d["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        d["datatype"] = term.datatype.value
    return d


def sparql_json(result: QueryResult) -> dict:
    if result.kind == "ask":
        return {"head": {}, "boolean": result.boolean}
    return {
        "head": {"vars": result.variables},
        "results": {"bindings": [
            {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
        ]},
    }


def turtle(triples) -> str:
    buf = io.BytesIO()
    ox.serialize(triples, buf, format=ox.RdfFormat.TURTLE,
                 prefixes={"kg": "https://w3id.org/kg/ontology#", "kgr": "https://w3id.org/kg/id/",
                           "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
                           "prov": "http://www.w3.org/ns/prov#", "dcterms": "http://purl.org/dc/terms/"})
    return buf.getvalue().decode("utf-8")


def print_result(result: QueryResult, fmt: str, console) -> None:
    if result.kind == "update":
        console.print("update applied")
        return
    if result.kind == "graph":
        sys.stdout.write(turtle(result.triples or []))
        return
    if fmt == "json" or (result.kind == "ask" and fmt == "json"):
        sys.stdout.write(json.dumps(sparql_json(result), ensure_ascii=False) + "\n")
        return
    if result.kind == "ask":
        sys.stdout.write(("true" if result.boolean else "false") + "\n")
        return
    if fmt in ("csv", "tsv"):
        w = csv.writer(sys.stdout, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(result.variables)
        for row in result.rows:
            w.writerow([term_value(t) for t in row])
        return
    if fmt == "ttl":
        # A SELECT has no triples: show it as a table like 'table' would.
        fmt = "table"
    t = Table(*result.variables)
    for row in result.rows:
        t.add_row(*[_short(term_value(x)) for x in row])
    console.print(t)
    console.print(f"{len(result.rows)} rows", style="dim")


def _short(value: str) -> str:
    for prefix, short in (("https://w3id.org/kg/ontology#", "kg:"), ("https://w3id.org/kg/id/", "kgr:")):
        if value.startswith(prefix):
            return short + value[len(prefix):]
    return value
