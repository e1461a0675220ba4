"""Saved queries (``ontology/queries/*.rq``) and safe parameter binding.

A saved query starts with a header of ``#`` comment lines::

    # title: Suppliers of an actor
    # description: Who supplies ACTOR, with statement counts.
    # param: actor (actor) The actor supplied

Parameters become SPARQL variables (``?actor``) bound as RDF terms, never pasted into the text.
An ``(actor)`` parameter accepts any name or alias ("Moscow", "Kremlin", "Russia").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.ontology import ontology_dir

_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$", re.I)
_PARAM = re.compile(r"^(\w+)\s*(?:\((\w+)\))?\s*(.*)$")


@dataclass
class SavedQuery:
    name: str
    title: str
    description: str
    params: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (kind, help)
    text: str = ""


def saved_queries() -> dict[str, SavedQuery]:
    out = {}
    folder = ontology_dir() / "queries"
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text("utf-8")
        sq = SavedQuery(name=path.stem, title=path.stem, description="", text=text)
        for line in text.splitlines():
            m = _HEADER.match(line.strip())
            if not m:
                if line.strip() and not line.strip().startswith("#"):
                    break
                continue
            key, value = m.group(1).lower(), m.group(2).strip()
            if key == "title":
                sq.title = value
            elif key == "description":
                sq.description = (sq.description + " " + value).strip()
            else:
                pm = _PARAM.match(value)
                if pm:
                    sq.params[pm.group(1)] = (pm.group(2) or "text", pm.group(3))
        out[sq.name] = sq
    return out


def load_saved(name: str) -> SavedQuery:
    from kg.query import QueryError

    queries = saved_queries()
    if name not in queries:
        known = ", ".join(sorted(queries)) or "none"
        raise QueryError(f"no saved query named {name!r} (known: {known})")
    return queries[name]


def bind_params(values: dict[str, str], sq: SavedQuery | None) -> dict:
    """Typed RDF terms for parameter values: actors resolved to IRIs, numbers and dates typed."""
    from kg.actors import resolve_name
    from kg.query import QueryError
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    out = {}
    spec = sq.params if sq else {}
    if sq is not None:
        missing = [p for p in spec if p not in values]
        if missing:
            raise QueryError(f"saved query {sq.name!r} needs --param " + ", ".join(f"{m}=..." for m in missing))
        unknown = [p for p in values if p not in spec]
        if unknown:
            raise QueryError(f"saved query {sq.name!r} has no parameter {unknown[0]!r}")
    for k, v in values.items():
        kind = spec.get(k, ("text", ""))[0]
        if kind == "actor":
            out[k] = URIRef(resolve_name(v).id)
        elif kind == "int":
            try:
                out[k] = Literal(int(v), datatype=XSD.integer)
            except ValueError:
                raise QueryError(f"parameter {k} must be a whole number, got {v!r}") from None
        elif kind == "date":
            from kg.dates import parse_date

            d = parse_date(v)
            if d is None:
                raise QueryError(f"parameter {k} must be a date (YYYY-MM-DD), got {v!r}")
            out[k] = Literal(d.isoformat(), datatype=XSD.date)
        elif kind == "relation":
            from kg.ontology import KG, relations

            if v not in relations():
                raise QueryError(f"parameter {k}: unknown relation {v!r}")
            out[k] = URIRef(str(KG[v]))
        else:
            out[k] = Literal(v)
    return out
