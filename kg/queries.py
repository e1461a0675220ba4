"""Saved queries (``ontology/queries/*.rq``) and safe parameter binding.

A saved query is a ``.rq`` file whose name (without ``.rq``) is the query's name. It starts with
a header of ``#`` comment lines, read until the first line that is not a comment::

    # title: Suppliers of an actor
    # description: Who supplies ACTOR, with statement counts.
    # description: (more description lines are joined with a space)
    # param: actor (actor) The actor supplied
    # param: top (int=20) How many rows to show

``title`` is one line for ``kg queries``; ``description`` says what the rows mean; each
``param`` line is ``NAME (KIND[=DEFAULT]) help``. NAME is a SPARQL variable of the query
(``?actor``); KIND is one of

* ``actor``: a name or alias ("Moscow", "Kremlin" and "Russia" are one actor, see
  :func:`kg.actors.resolve_name`) or an actor IRI, bound as the actor's IRI;
* ``relation``: a relation name (``supplies``), bound as ``kg:supplies``;
* ``int``, ``date`` (YYYY-MM-DD), ``iri``, ``text`` (a plain string literal, the default).

A parameter with a default may be left out. Values are bound as RDF terms through Oxigraph's
substitutions, never pasted into the query text, so quotes and braces in a value are just text.
The same header works in any ``.rq`` file given to ``kg query``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.ontology import ontology_dir

if TYPE_CHECKING:
    from kg.actors import Gazetteer

_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$", re.I)
_PARAM = re.compile(r"^(\w+)\s*(?:\(\s*(\w+)\s*(?:=\s*([^)]*?))?\s*\))?\s*(.*)$")
PARAM_KINDS = ("actor", "relation", "int", "date", "iri", "text")


@dataclass
class Param:
    """One declared parameter of a query."""

    name: str
    kind: str = "text"
    default: str | None = None
    help: str = ""

    def usage(self) -> str:
        """How ``kg queries`` shows it: ``actor`` or ``top=20``."""
        return self.name if self.default is None else f"{self.name}={self.default}"


@dataclass
class SavedQuery:
    """A query with its header: name, title, description, parameters and SPARQL text."""

    name: str
    title: str
    description: str = ""
    params: dict[str, Param] = field(default_factory=dict)
    text: str = ""


def parse_header(name: str, text: str) -> SavedQuery:
    """Read the header comment of a query text.

    >>> q = parse_header("x", "# title: T\\n# param: actor (actor) who\\n# param: n (int=5) rows\\nSELECT ...")
    >>> q.title, [(p.name, p.kind, p.default) for p in q.params.values()]
    ('T', [('actor', 'actor', None), ('n', 'int', '5')])
    """
    from kg.query import QueryError

    sq = SavedQuery(name=name, title=name, text=text)
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        m = _HEADER.match(stripped)
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "title":
            sq.title = value
        elif key == "description":
            sq.description = (sq.description + " " + value).strip()
        else:
            pm = _PARAM.match(value)
            kind = (pm.group(2) or "text").lower() if pm else ""
            if not pm or kind not in PARAM_KINDS:
                raise QueryError(
                    f"query {name}: bad param line {value!r} (use NAME (KIND[=DEFAULT]) help; "
                    f"KIND is one of {', '.join(PARAM_KINDS)})"
                )
            sq.params[pm.group(1)] = Param(pm.group(1), kind, pm.group(3), pm.group(4).strip())
    return sq


def saved_queries() -> dict[str, SavedQuery]:
    """Every saved query under ``ontology/queries/``, by name."""
    folder = ontology_dir() / "queries"
    return {p.stem: parse_header(p.stem, p.read_text("utf-8")) for p in sorted(folder.glob("*.rq"))}


def load_saved(name: str) -> SavedQuery:
    """The saved query ``name``; a :class:`kg.query.QueryError` naming the known ones if absent."""
    from kg.query import QueryError

    queries = saved_queries()
    if name not in queries:
        known = ", ".join(sorted(queries)) or "none"
        raise QueryError(f"no saved query named {name!r} (known: {known})")
    return queries[name]


def bind_params(values: dict[str, str], sq: SavedQuery | None = None, gazetteer: Gazetteer | None = None) -> dict:
    """Typed RDF terms for parameter values: actors resolved to IRIs (by ``gazetteer``, default
    kg's own), numbers and dates typed.

    Declared parameters without a value take their default; a missing required parameter or
    an undeclared one (when ``sq`` declares any) is a :class:`kg.query.QueryError`.

    >>> sq = parse_header("s", "# param: actor (actor) who\\nSELECT ?actor {}")
    >>> bind_params({"actor": "the Kremlin"}, sq)["actor"].value
    'https://w3id.org/kg/id/country/RUS'
    """
    from kg.query import QueryError

    spec = sq.params if sq else {}
    label = f"query {sq.name!r}" if sq else "the query"
    if spec:
        unknown = [p for p in values if p not in spec]
        if unknown:
            raise QueryError(f"{label} has no parameter {unknown[0]!r} (it has: {', '.join(spec)})")
        values = {**{p.name: p.default for p in spec.values() if p.default is not None}, **values}
        missing = [p for p in spec if p not in values]
        if missing:
            raise QueryError(f"{label} needs " + ", ".join(f"--param {m}=..." for m in missing))
    out = {}
    for k, v in values.items():
        kind = spec[k].kind if k in spec else "text"
        out[k] = _term(k, kind, v, gazetteer)
    return out


def _term(name: str, kind: str, value: str, gz: Gazetteer | None = None):
    import pyoxigraph as ox
    from rdflib.namespace import XSD

    from kg.query import QueryError

    xsd = str(XSD)
    if kind == "actor":
        from kg.actors import resolve_name

        text = value.strip()
        if not text:
            raise QueryError(f"parameter {name} is empty: give an actor name")
        if text.startswith("<") and text.endswith(">"):
            text = text[1:-1]
        if text.startswith(("https://", "http://")):
            return _iri(name, text)
        return ox.NamedNode(resolve_name(text, gz).id)
    if kind == "relation":
        from kg.ontology import KG, relations

        if value not in relations():
            raise QueryError(f"parameter {name}: unknown relation {value!r} (known: {', '.join(relations())})")
        return ox.NamedNode(str(KG[value]))
    if kind == "int":
        try:
            return ox.Literal(str(int(value)), datatype=ox.NamedNode(xsd + "integer"))
        except ValueError:
            raise QueryError(f"parameter {name} must be a whole number, got {value!r}") from None
    if kind == "date":
        import datetime as dt

        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise QueryError(f"parameter {name} must be a date (YYYY-MM-DD), got {value!r}") from None
        return ox.Literal(day.isoformat(), datatype=ox.NamedNode(xsd + "date"))
    if kind == "iri":
        return _iri(name, value.strip().removeprefix("<").removesuffix(">"))
    return ox.Literal(value)


def _iri(name: str, text: str):
    import pyoxigraph as ox

    from kg.query import QueryError

    try:
        return ox.NamedNode(text)
    except ValueError:
        raise QueryError(f"parameter {name} is not a valid IRI: {text!r}") from None
