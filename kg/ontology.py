"""The kg vocabulary as Python objects: namespaces, relations and their event-data mappings.

Takes the Turtle and TSV files under ``ontology/`` and gives code the names it may use
(``KG.supplies``, ``relations()["attacks"].quad``) so no module pastes an IRI string.

``KG`` is closed (an rdflib ``DefinedNamespace`` with ``_fail``): ``KG.suplies`` raises
``AttributeError`` instead of minting an IRI nobody defined. Its terms are those of
``ontology/kg.ttl``, and a test keeps the two equal. ``PREFIXES`` is the one prefix table: SPARQL
queries, Turtle/TriG output, JSON-LD contexts and SHACL messages all use it.
"""

from __future__ import annotations

import csv
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace


class KG(DefinedNamespace):
    """The kg ontology (``ontology/kg.ttl``): every term it defines, and no other."""

    _NS = Namespace("https://w3id.org/kg/ontology#")
    _fail = True
    # The CAMEO sector concepts (skos:Concept in kg:SectorScheme): names that are not identifiers.
    _extras = [
        f"sector-{code}"
        for code in (
            "AGR BUS COP CRM CVL EDU ELI ETH GOV HLH HRI JUD LAB LEG MED MIL NGO OPP REB REF REL SPY UAF".split()
        )
    ]

    # classes
    Actor: URIRef
    ArmedGroup: URIRef
    Country: URIRef
    Document: URIRef
    Event: URIRef
    GovernmentBody: URIRef
    Group: URIRef
    InternationalOrganization: URIRef
    MediaOrganization: URIRef
    Organization: URIRef
    Person: URIRef
    PoliticalGroup: URIRef
    SectorActor: URIRef
    Statement: URIRef
    # SKOS concepts and schemes
    MaterialConflict: URIRef
    MaterialCooperation: URIRef
    QuadClassScheme: URIRef
    SectorScheme: URIRef
    VerbalConflict: URIRef
    VerbalCooperation: URIRef
    # relations (actor to actor; sub-properties of relatedTo)
    accuses: URIRef
    agreesWith: URIRef
    aids: URIRef
    attacks: URIRef
    coerces: URIRef
    concedesTo: URIRef
    cooperatesWith: URIRef
    criticizes: URIRef
    demands: URIRef
    investigates: URIRef
    leads: URIRef
    meets: URIRef
    memberOf: URIRef
    mobilizesAgainst: URIRef
    protestsAgainst: URIRef
    rejects: URIRef
    relatedTo: URIRef
    requests: URIRef
    sanctions: URIRef
    supplies: URIRef
    supports: URIRef
    threatens: URIRef
    withdrawsFrom: URIRef
    # mapping annotations
    cameoRoot: URIRef
    ploverType: URIRef
    quadClass: URIRef
    # statement, event, document and actor properties
    confidence: URIRef
    contentHash: URIRef
    country: URIRef
    date: URIRef
    end: URIRef
    endDate: URIRef
    eventDate: URIRef
    evidence: URIRef
    extraction: URIRef
    hedged: URIRef
    isoCode: URIRef
    mentions: URIRef
    negated: URIRef
    object: URIRef
    partOf: URIRef
    place: URIRef
    placeCountry: URIRef
    publicationDate: URIRef
    quad: URIRef
    readWithAlias: URIRef
    relation: URIRef
    role: URIRef
    rule: URIRef
    sector: URIRef
    sentence: URIRef
    sentenceCount: URIRef
    start: URIRef
    subject: URIRef
    trigger: URIRef
    wordCount: URIRef


KGR = Namespace("https://w3id.org/kg/id/")  # resources: open, since actors, documents and statements are minted
ACTORS_GRAPH = KGR["graph/actors"]
EVENTS_GRAPH = KGR["graph/events"]

# The one prefix table (prefix -> namespace), in the order Turtle output declares them.
PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "kg": KG,
    "kgr": KGR,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "xsd": XSD,
}


def prefix_iris(*leave_out: str) -> dict[str, str]:
    """:data:`PREFIXES` as plain strings (what pyoxigraph and JSON-LD contexts take), without ``leave_out``.

    >>> prefix_iris("kgr", "owl")["kg"]
    'https://w3id.org/kg/ontology#'
    """
    return {k: str(v) for k, v in PREFIXES.items() if k not in leave_out}


# Actor classes: the types an Actor has, and the kinds of organisation (each also a kg:Organization).
ACTOR_TYPES = ("Country", "Person", "Organization", "Group", "SectorActor")
ORG_SUBTYPES = ("InternationalOrganization", "ArmedGroup", "PoliticalGroup", "GovernmentBody", "MediaOrganization")

QUAD_CONCEPTS = {
    1: KG.VerbalCooperation,
    2: KG.MaterialCooperation,
    3: KG.VerbalConflict,
    4: KG.MaterialConflict,
}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def ontology_dir() -> Path:
    """Where the ontology data files live: the checkout's ``ontology/`` or the installed copy."""
    env = os.environ.get("KG_ONTOLOGY_DIR")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "ontology", here / "_ontology", Path(sys.prefix) / "share" / "kg" / "ontology"):
        if (candidate / "kg.ttl").exists() or (candidate / "lexicon").exists():
            return candidate
    return here.parent / "ontology"


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a TAB-separated data file, skipping comments, blank lines and the header row."""
    rows: list[list[str]] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for line in fh:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@dataclass(frozen=True)
class RelationInfo:
    """One relation of the vocabulary with its event-data mappings."""

    name: str
    label: str
    plover: str | None
    cameo: tuple[str, ...]
    quad: int | None
    symmetric: bool
    description: str

    @property
    def iri(self):
        return KG[self.name]


@lru_cache(maxsize=1)
def relations() -> dict[str, RelationInfo]:
    """The relation vocabulary, read from ``ontology/relations.tsv``."""
    out: dict[str, RelationInfo] = {}
    with open(ontology_dir() / "relations.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            name = row["relation"].strip()
            out[name] = RelationInfo(
                name=name,
                label=(row.get("label") or name).strip(),
                plover=(row.get("plover") or "").strip() or None,
                cameo=tuple(c for c in (row.get("cameo") or "").strip().split("|") if c),
                quad=int(row["quad"]) if (row.get("quad") or "").strip() else None,
                symmetric=(row.get("symmetric") or "").strip().lower() in {"true", "yes", "1"},
                description=(row.get("description") or "").strip(),
            )
    return out


def is_symmetric(name: str) -> bool:
    info = relations().get(name)
    return bool(info and info.symmetric)
