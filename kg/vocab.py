"""The vocabulary as a table, read from the Turtle: what ``kg ontology`` prints.

Takes ``ontology/kg.ttl`` (parsed with rdflib) and gives one :class:`Term` per ``kg:`` term with
its label, definition and, for event relations, its PLOVER type, CAMEO root codes and QuadClass.
``docs/vocabulary.md`` is :func:`markdown` committed, and a test keeps the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.ontology import KG, ontology_dir

# Groups in display order: (key, heading).
GROUPS = (
    ("class", "Classes"),
    ("relation", "Relations (actor to actor)"),
    ("property", "Statement, document and actor properties"),
    ("annotation", "Mapping annotation properties"),
    ("concept", "QuadClass concepts"),
)


@dataclass(frozen=True)
class Term:
    """One term of the kg vocabulary as the Turtle describes it."""

    name: str  # local name, e.g. "supplies"
    group: str  # one of the GROUPS keys
    label: str
    definition: str
    plover: str | None = None
    cameo: tuple[str, ...] = ()
    quad: int | None = None
    quad_label: str | None = None
    symmetric: bool = False

    @property
    def iri(self) -> URIRef:
        return KG[self.name]

    @property
    def curie(self) -> str:
        return f"kg:{self.name}"

    @property
    def quad_text(self) -> str:
        """QuadClass as "number label", e.g. "2 material cooperation"; "" when it has none."""
        return f"{self.quad} {self.quad_label}" if self.quad is not None else ""


def load_graph(path: Path | None = None) -> Graph:
    """``ontology/kg.ttl`` (or ``path``) parsed with rdflib."""
    return Graph().parse(path or ontology_dir() / "kg.ttl", format="turtle")


def _local(iri) -> str | None:
    text = str(iri)
    return (
        text[len(str(KG)) :]
        if isinstance(iri, URIRef) and text.startswith(str(KG)) and len(text) > len(str(KG))
        else None
    )


def _group(g: Graph, iri: URIRef) -> str:
    types = set(g.objects(iri, RDF.type))
    if OWL.Class in types:
        return "class"
    if SKOS.Concept in types or SKOS.ConceptScheme in types:
        return "concept"
    if OWL.AnnotationProperty in types:
        return "annotation"
    if iri == KG.relatedTo or (iri, RDFS.subPropertyOf, KG.relatedTo) in g:
        return "relation"
    return "property"


def terms_from_graph(g: Graph) -> list[Term]:
    """Every ``kg:`` term described in ``g``, grouped as in :data:`GROUPS` and in a stable order.

    Relations are ordered by QuadClass, then CAMEO code (the order of the CAMEO codebook), with
    the structural relations last; QuadClass concepts by number; every other group alphabetically.
    """
    out: list[Term] = []
    for iri in set(g.subjects()):
        name = _local(iri)
        if name is None:
            continue
        quad_iri = g.value(iri, KG.quadClass)
        quad = None
        quad_label = None
        if quad_iri is not None:
            notation = g.value(quad_iri, SKOS.notation)
            quad = int(str(notation)) if notation is not None else None
            quad_label = str(g.value(quad_iri, SKOS.prefLabel) or g.value(quad_iri, RDFS.label) or "")
        notation = g.value(iri, SKOS.notation)
        if quad_iri is None and notation is not None and str(notation).isdigit():
            # A QuadClass concept itself: its own number and name.
            quad = int(str(notation))
            quad_label = str(g.value(iri, SKOS.prefLabel) or g.value(iri, RDFS.label) or "")
        plover = g.value(iri, KG.ploverType)
        out.append(
            Term(
                name=name,
                group=_group(g, iri),
                label=str(g.value(iri, RDFS.label) or ""),
                definition=" ".join(str(g.value(iri, RDFS.comment) or g.value(iri, SKOS.definition) or "").split()),
                plover=str(plover) if plover is not None else None,
                cameo=tuple(sorted(str(c) for c in g.objects(iri, KG.cameoRoot))),
                quad=quad,
                quad_label=quad_label,
                symmetric=(iri, RDF.type, OWL.SymmetricProperty) in g,
            )
        )
    order = {key: i for i, (key, _) in enumerate(GROUPS)}

    def key(t: Term):
        if t.group == "relation":
            # kg:relatedTo first, event relations in CAMEO order, structural relations last.
            rank = -1 if t.name == "relatedTo" else (t.quad if t.quad is not None else 9)
            return (order[t.group], rank, t.cameo[:1], t.name.lower())
        if t.group == "concept":  # the scheme, then QuadClass 1 to 4
            return (order[t.group], t.quad or 0, (), t.name.lower())
        return (order[t.group], 0, (), t.name.lower())

    return sorted(out, key=key)


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    """The vocabulary of ``ontology/kg.ttl``, read once per process."""
    return tuple(terms_from_graph(load_graph()))


COLUMNS = ("term", "label", "definition", "PLOVER", "CAMEO", "QuadClass")


def row(t: Term) -> tuple[str, str, str, str, str, str]:
    """The table row of a term, in :data:`COLUMNS` order."""
    return (t.curie, t.label, t.definition, t.plover or "", ", ".join(t.cameo), t.quad_text)


def _md_cell(text: str) -> str:
    # A pipe would end the cell and a newline the row.
    return " ".join(text.split()).replace("|", "\\|")


def markdown(items: tuple[Term, ...] | list[Term] | None = None) -> str:
    """The vocabulary as a Markdown document (what ``docs/vocabulary.md`` holds).

    >>> text = markdown()
    >>> text.splitlines()[0]
    '# kg vocabulary'
    >>> any(line.startswith("| `kg:supplies` | supplies |") for line in text.splitlines())
    True
    """
    items = terms() if items is None else items
    lines = [
        "# kg vocabulary",
        "",
        "<!-- Generated from ontology/kg.ttl by `kg ontology --markdown > docs/vocabulary.md`; do not edit by hand. -->",
        "",
        f"Every term of the kg ontology (namespace `kg:` = `{KG}`) with its label and",
        "definition. Event relations carry their PLOVER event type, CAMEO root code(s) and CAMEO/GDELT QuadClass",
        "(1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict);",
        "the structural relations `kg:leads` and `kg:memberOf` have none. Symmetric relations are marked (symmetric).",
    ]
    for key, heading in GROUPS:
        group = [t for t in items if t.group == key]
        if not group:
            continue
        lines += ["", f"## {heading}", "", "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        for t in group:
            cells = list(row(t))
            cells[0] = f"`{cells[0]}`"
            if t.symmetric:
                cells[1] += " (symmetric)"
            lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def rich_table(items: tuple[Term, ...] | list[Term] | None = None):
    """The vocabulary as a ``rich`` table, one section per group (in :data:`GROUPS` order)."""
    from rich.table import Table
    from rich.text import Text

    items = terms() if items is None else items
    table = Table(title="kg vocabulary (ontology/kg.ttl)", show_lines=False)
    for name in COLUMNS:
        # The definition takes whatever width is left; codes and names are never wrapped.
        table.add_column(name, ratio=1 if name == "definition" else None, no_wrap=name != "definition", overflow="fold")
    for key, _ in GROUPS:
        group = [t for t in items if t.group == key]
        if not group:
            continue
        for t in group:
            cells = list(row(t))
            if t.symmetric:
                cells[1] += " (symmetric)"
            table.add_row(*(Text(c) for c in cells))  # Text: brackets in definitions are not markup
        table.add_section()
    return table
