"""The kg vocabulary as Python objects: namespaces, relations and their event-data mappings.

Takes the Turtle and TSV files under ``ontology/`` and gives code the names it may use
(``KG.supplies``, ``relation_info("attacks").quad``) so no module pastes an IRI string.
"""

from __future__ import annotations

import csv
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/kg/ontology#")
KGR = Namespace("https://w3id.org/kg/id/")
ACTORS_GRAPH = KGR["graph/actors"]

PREFIXES: dict[str, Namespace] = {
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


def relation_info(name: str) -> RelationInfo:
    return relations()[name]


def is_symmetric(name: str) -> bool:
    info = relations().get(name)
    return bool(info and info.symmetric)
