"""Validation: the store checked against the SHACL shapes in ``ontology/shapes.ttl``.

Takes a :class:`kg.store.KGStore` (or any rdflib graph) and gives a :class:`ValidationReport`
listing every violation as (focus node, path, message).

How the data graph is made: the union of all named graphs (the actors graph plus one graph
per document), each distinct triple once, read out of Oxigraph as N-Triples, with the ontology ``ontology/kg.ttl``
added to it. Adding the ontology is what pySHACL's ``ont_graph`` does, but pySHACL clones the
data graph node by node to do it, which made validating ``data/`` 10 to 20 times slower
(7.5 s instead of 0.3-0.8 s when measured); a plain graph union gives the same triples. With the
ontology present, ``sh:class`` and ``sh:targetClass`` follow ``rdfs:subClassOf`` as SHACL
prescribes, so e.g. a ``kg:ArmedGroup`` counts as a ``kg:Organization``.

Inference is ``"none"`` by default: the shapes name every target class and the store writes
base classes explicitly, so RDFS entailment adds nothing the shapes need, and it roughly
doubles the time (it doubles the triple count). ``inference="rdfs"`` is available for data written
by other tools, which may rely on ``rdfs:domain``/``rdfs:range`` for typing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kg.ontology import PREFIXES, ontology_dir

INFERENCE = ("none", "rdfs")


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node, which property path, what is wrong."""

    focus: str
    path: str
    message: str
    severity: str = "Violation"
    value: str = ""


@dataclass
class ValidationReport:
    """The outcome of validating a store: ``conforms`` and the sorted list of violations."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes, parsed once per process from ``ontology/shapes.ttl``."""
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology, parsed once per process from ``ontology/kg.ttl``."""
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


def union_graph(store) -> Graph:
    """All triples of all named graphs of ``store`` merged into one in-memory rdflib graph."""
    import pyoxigraph as ox

    from kg.export import union_triples

    # Oxigraph serialises and rdflib parses N-Triples far faster than term-by-term conversion.
    data = ox.serialize(union_triples(store), format=ox.RdfFormat.N_TRIPLES)
    g = Graph()
    if data:
        g.parse(data=data.decode("utf-8"), format="nt")
    return g


def short(term, graph: Graph | None = None) -> str:
    """A readable name for an RDF term: a prefixed name where kg knows the prefix.

    >>> short(URIRef("https://w3id.org/kg/ontology#subject"))
    'kg:subject'
    >>> short(URIRef("https://w3id.org/kg/id/country/RUS"))
    'kgr:country/RUS'
    >>> short(Literal("1.5"))
    '"1.5"'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = str(term)
        # The longest namespace first: kgr (…/kg/id/) must not be taken for a shorter match.
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
            if text.startswith(str(ns)) and len(text) > len(str(ns)):
                return f"{prefix}:{text[len(str(ns)) :]}"
        return f"<{text}>"
    if isinstance(term, Literal):
        return f'"{term}"'
    if graph is not None:  # a blank node: a complex path such as sh:inversePath
        inv = graph.value(term, SH.inversePath)
        if inv is not None:
            return "^" + short(inv)
    return str(term)


def _violations(results: Graph) -> list[Violation]:
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        sev = results.value(r, SH.resultSeverity)
        out.append(
            Violation(
                focus=short(results.value(r, SH.focusNode)),
                path=short(results.value(r, SH.resultPath), results),
                message=str(results.value(r, SH.resultMessage) or results.value(r, SH.sourceConstraintComponent) or ""),
                severity=str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation",
                value=short(results.value(r, SH.value)),
            )
        )
    return sorted(out, key=lambda v: (v.focus, v.path, v.message, v.value))


def validate_graph(data: Graph, inference: str = "none") -> ValidationReport:
    """Validate an rdflib graph (changed in place: the ontology is added to it) against the shapes.

    >>> from rdflib import Namespace
    >>> KG = Namespace("https://w3id.org/kg/ontology#")
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://w3id.org/kg/id/country/RUS"), RDF.type, KG.Country))
    >>> report = validate_graph(g)
    >>> report.conforms, [(v.focus, v.path) for v in report.violations]
    (False, [('kgr:country/RUS', 'kg:isoCode'), ('kgr:country/RUS', 'rdfs:label')])
    """
    import pyshacl

    if inference not in INFERENCE:
        raise ValueError(f"unknown inference {inference!r}: use none or rdfs")
    t0 = time.perf_counter()
    triples = len(data)
    data += ontology_graph()
    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=shapes_graph(),
        inference=inference,
        inplace=True,
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
    )
    return ValidationReport(
        conforms=bool(conforms),
        violations=_violations(results),
        triples=triples,
        seconds=round(time.perf_counter() - t0, 3),
    )


def validate_store(store, inference: str = "none") -> ValidationReport:
    """Validate the union of all graphs of ``store`` against ``ontology/shapes.ttl``.

    ``seconds`` covers reading the store as well as validating.
    """
    t0 = time.perf_counter()
    report = validate_graph(union_graph(store), inference=inference)
    report.seconds = round(time.perf_counter() - t0, 3)
    return report
