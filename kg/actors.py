"""Actors: the canonical nodes that relations connect, and the gazetteer that names them.

Takes surface forms ("Moscow", "the Kremlin", "Russian", "Iranian President Ebrahim Raisi") and
gives :class:`Actor` values with a stable IRI. Country data comes from pycountry, completed by
``ontology/actors/countries.tsv`` (common names, demonyms, capitals, seats of power);
organisations, armed groups and collectives come from ``ontology/actors/organizations.tsv``;
titles (which make a person lead or belong to an actor) from ``ontology/actors/titles.tsv``.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import quote

import pycountry

from kg.ontology import ACTOR_TYPES, KGR, ORG_SUBTYPES, ontology_dir, read_tsv  # noqa: F401  (re-exported)
from kg.persons import INVISIBLE


@dataclass(frozen=True)
class Actor:
    """A resolved actor. ``type`` is one of ACTOR_TYPES; ``kind`` refines Organization."""

    id: str
    label: str
    type: str
    country: str | None = None
    kind: str | None = None
    role: str | None = None
    sector: str | None = None  # a CAMEO sector code (ontology/actors/sectors.tsv) for sector actors

    def as_json(self) -> dict:
        out = {"id": self.id, "label": self.label, "type": self.type, "country": self.country}
        if self.sector:
            out["sector"] = self.sector
        return out


@dataclass(frozen=True)
class Sector:
    code: str
    label: str
    state: bool  # an organ of the state (GOV MIL COP SPY JUD LEG)
    description: str


def slug(name: str) -> str:
    """A lower-case ASCII slug for an IRI path segment; non-Latin names are percent-encoded.

    >>> slug("Ebrahim Raisi")
    'ebrahim-raisi'
    >>> slug("Recep Tayyip Erdoğan")
    'recep-tayyip-erdogan'
    >>> slug("Владимир Путин")
    '%D0%B2%D0%BB%D0%B0%D0%B4%D0%B8%D0%BC%D0%B8%D1%80-%D0%BF%D1%83%D1%82%D0%B8%D0%BD'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if len(text) >= max(1, len(name.strip()) // 2):
        return text
    clean = re.sub(r"\s+", "-", unicodedata.normalize("NFC", name).strip().lower())
    encoded = quote(clean, safe="-")
    if encoded.strip(".") == "":  # "", ".", "..": not a usable path segment
        return "unnamed-" + hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return encoded


def country_actor(code: str, label: str) -> Actor:
    return Actor(id=str(KGR[f"country/{code}"]), label=label, type="Country", country=code)


def person_actor(name: str, country: str | None = None, role: str | None = None) -> Actor:
    """A person's node: one per real person, whatever the spelling (:func:`kg.persons.person_key`).

    >>> person_actor("Antony J. Blinken").id == person_actor("Anthony Blinken").id
    True
    >>> person_actor("Wendy R. Sherman").label
    'Wendy Sherman'
    """
    from kg.persons import display_name, iri_key

    label = display_name(name) or name
    key = iri_key(label)
    segment = slug(key) if key and key.isascii() else slug(label)
    return Actor(id=str(KGR[f"person/{segment}"]), label=label, type="Person", country=country, role=role)


def org_actor(key: str, label: str, kind: str | None, country: str | None) -> Actor:
    if kind == "Group":
        return Actor(id=str(KGR[f"group/{key}"]), label=label, type="Group", country=None)
    return Actor(id=str(KGR[f"org/{key}"]), label=label, type="Organization", country=country or None, kind=kind)


def sector_actor(country: Actor, sector: Sector) -> Actor:
    """The unnamed actor of one sector of a country: "Israeli troops" -> Israel: military.

    >>> sector_actor(gazetteer().country("ISR"), gazetteer().sectors["MIL"]).label
    'Israel: military'
    """
    return Actor(
        id=str(KGR[f"sector/{country.country}/{sector.code}"]),
        label=f"{country.label}: {sector.label}",
        type="SectorActor",
        country=country.country,
        sector=sector.code,
    )


def unplaced_sector_actor(sector: Sector) -> Actor:
    """A sector's actor of no known state ("rebels", "refugees"), coded, as event data codes it,
    by its sector alone.

    >>> unplaced_sector_actor(gazetteer().sectors["REB"]).label
    'rebels'
    """
    return Actor(id=str(KGR[f"sector/{sector.code}"]), label=sector.label, type="SectorActor", sector=sector.code)


@dataclass(frozen=True)
class Title:
    words: tuple[str, ...]
    role: str  # "leads" or "memberOf"
    scope: str  # "state", "org" or "any"
    country: str | None = None  # a title that names its country by itself ("Secretary of State": USA)

    @property
    def text(self) -> str:
        return " ".join(self.words)


_LEADING = re.compile(r"^(the|The|THE)\s+")
_TRAILING = re.compile(r"(['’]s|['’])$")


# a caption's label glued to the name before it when the page lost the space ("Bill HammonsImage:")
_GLUED_CAPTION = re.compile(r"(?<=[a-z])(?:Image|Photo|File)$")


def normalise_surface(text: str) -> str:
    """Strip a leading article, a possessive ending, stray punctuation and invisible marks (a
    left-to-right mark after "Spokesperson Ned Price:") from a mention."""
    text = " ".join(INVISIBLE.sub("", text).split())
    text = _LEADING.sub("", text)
    text = _TRAILING.sub("", text).strip(" ,.;:\"'“”‘’()[]")
    return _GLUED_CAPTION.sub("", text)


@dataclass(eq=False)  # one object is one gazetteer: hashable by identity, so caches can key on it
class Gazetteer:
    """Every known surface form of every named actor, plus titles and state nouns."""

    by_surface: dict[str, Actor] = field(default_factory=dict)
    by_id: dict[str, Actor] = field(default_factory=dict)
    countries: dict[str, Actor] = field(default_factory=dict)
    titles: dict[tuple[str, ...], Title] = field(default_factory=dict)
    state_nouns: dict[str, str] = field(default_factory=dict)  # agent noun -> sector code
    peoples: set[str] = field(default_factory=set)  # peoples of several states ("Kurds"): placed by the text
    sectors: dict[str, Sector] = field(default_factory=dict)

    def sector_of(self, noun: str) -> Sector | None:
        """The sector an agent noun names ("troops" -> MIL), or None."""
        code = self.state_nouns.get(noun)
        return self.sectors.get(code) if code else None

    def add(self, surface: str, actor: Actor, override: bool = False) -> None:
        surface = " ".join(surface.split())
        if not surface:
            return
        self.by_id.setdefault(actor.id, actor)
        for form in {surface, surface.replace("’", "'"), surface.replace("'", "’")}:
            if override or form not in self.by_surface:
                self.by_surface[form] = actor

    def lookup(self, text: str) -> Actor | None:
        """The actor a surface form names, or None. Case matters except for all-caps text."""
        raw = _LEADING.sub("", " ".join(text.split()))
        hit = self.by_surface.get(raw)  # "U.S.", "U.N.": the final period is part of the name
        if hit is not None:
            return hit
        form = normalise_surface(text)
        if not form:
            return None
        hit = self.by_surface.get(form)
        if hit is None and form.isupper() and len(form) > 4:
            hit = self.by_surface.get(form.title())
        if hit is None and form[:1].islower():
            hit = self.by_surface.get(form[:1].upper() + form[1:])
        return hit

    def surfaces(self):
        return self.by_surface.keys()

    def country(self, code: str | None) -> Actor | None:
        return self.countries.get(code) if code else None

    def match_title(self, words: list[str]) -> tuple[Title, int] | None:
        """The longest title at the end of ``words`` (lower-case), with its length."""
        for n in range(min(4, len(words)), 0, -1):
            key = tuple(words[-n:])
            if key in self.titles:
                return self.titles[key], n
        return None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load the gazetteer once per process from pycountry and ontology/actors/*.tsv."""
    gz = Gazetteer()
    folder = ontology_dir() / "actors"
    curated: dict[str, tuple[str, list[str]]] = {}
    for row in read_tsv(folder / "countries.tsv"):
        if row[0] == "code":
            continue
        code, label = row[0], row[1]
        aliases = [a.strip() for a in (row[2] if len(row) > 2 else "").split("|") if a.strip()]
        curated[code] = (label, aliases)
    for code, (label, _) in curated.items():
        gz.countries[code] = country_actor(code, label)
    for country in pycountry.countries:
        code = country.alpha_3
        if code not in gz.countries:
            label = getattr(country, "common_name", None) or country.name
            gz.countries[code] = country_actor(code, label)
    # Curated forms first: they are what journalists write and they win any clash.
    for code, (label, aliases) in curated.items():
        actor = gz.countries[code]
        gz.add(label, actor, override=True)
        for alias in aliases:
            gz.add(alias, actor, override=True)
    for country in pycountry.countries:
        actor = gz.countries[country.alpha_3]
        for name in (getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)):
            if name and "," not in name:
                gz.add(name, actor)
    for row in read_tsv(folder / "organizations.tsv"):
        if row[0] == "key":
            continue
        key, label, kind = row[0], row[1], row[2]
        country = row[3] if len(row) > 3 and row[3] else None
        aliases = [a.strip() for a in (row[4] if len(row) > 4 else "").split("|") if a.strip()]
        actor = org_actor(key, label, kind, country)
        gz.add(label, actor, override=True)
        for alias in aliases:
            gz.add(alias, actor)
    _phoenix_organisations(gz, folder / "phoenix" / "organizations.tsv")
    persons = folder / "persons.tsv"
    for row in read_tsv(persons) if persons.exists() else []:
        if row[0] == "name":
            continue
        country = row[1] if len(row) > 1 and row[1] not in ("", "-") else None
        actor = person_actor(row[0], country=country)
        gz.add(row[0], actor, override=False)
        for alias in (row[2] if len(row) > 2 else "").split("|"):
            if alias.strip():
                gz.add(alias.strip(), actor, override=False)
    for row in read_tsv(folder / "titles.tsv"):
        if row[0] == "title" or len(row) < 2:
            continue
        words = tuple(row[0].lower().replace("-", " - ").split())
        gz.titles[words] = Title(
            words, row[1], row[2] if len(row) > 2 else "any", row[3] if len(row) > 3 and row[3] else None
        )
        if "-" in words:  # "secretary-general" is one token to spaCy only sometimes
            gz.titles[tuple(row[0].lower().split())] = gz.titles[words]
            gz.titles[tuple(w for w in words if w != "-")] = gz.titles[words]
    for row in read_tsv(folder / "sectors.tsv"):
        gz.sectors[row[0]] = Sector(row[0], row[1], row[2] == "yes", row[3] if len(row) > 3 else "")
    for _n, row in enumerate(read_tsv(folder / "state_nouns.tsv"), 1):
        code = row[1] if len(row) > 1 else ""
        if code not in gz.sectors:
            raise ValueError(f"state_nouns.tsv: unknown sector {code!r} for {row[0]!r} (known: {' '.join(gz.sectors)})")
        gz.state_nouns[row[0].lower()] = code
    for row in read_tsv(folder / "ethnic_groups.tsv"):
        # "Uyghurs", "Rohingya": a people of one state is that state's ethnic group
        if row[0] != "name" and len(row) > 1 and row[1] == "-":
            # "Kurds", "Tamils": a people of several states is the ethnic group of the state the
            # text places it in (kg.mentions), no actor where it places it nowhere
            gz.peoples.update(f.strip() for f in [row[0], *(row[2].split("|") if len(row) > 2 else [])] if f.strip())
            continue
        if row[0] == "name" or len(row) < 2 or row[1] not in gz.countries:
            continue
        actor = sector_actor(gz.countries[row[1]], gz.sectors["ETH"])
        for form in [row[0], *(row[2].split("|") if len(row) > 2 else [])]:
            if form.strip():
                gz.add(form.strip(), actor)
    if os.environ.get("KG_PHOENIX_AGENTS") == "1":
        _phoenix_agents(gz, folder / "phoenix" / "agents.tsv")
    return gz


@lru_cache(maxsize=1)
def _publishers() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in read_tsv(ontology_dir() / "actors" / "publishers.tsv") if len(row) > 1}


def publisher_voice(url: str | None) -> Actor | None:
    """The actor a document speaks for, from its URL's host (``ontology/actors/publishers.tsv``).

    >>> publisher_voice("https://www.state.gov/?page_id=310686").label
    'United States'
    >>> publisher_voice("https://en.wikinews.org/wiki/X") is None
    True
    """
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    for suffix, name in _publishers().items():
        if host == suffix or host.endswith("." + suffix):
            return gazetteer().lookup(name)
    return None


PHOENIX_KINDS = ("InternationalOrganization", "ArmedGroup")  # businesses and NGOs are left out (README)
_DATE_LIKE = re.compile(
    r"^\d|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


def _phoenix_organisations(gz: Gazetteer, path) -> None:
    """International organisations and armed groups of the Phoenix dictionaries, after the
    curated ones (which win every clash). Forms that look like dates, are shorter than three
    letters or are a single lower-case-looking word are left out: they match ordinary text."""
    if not path.exists():
        return
    for row in read_tsv(path):
        if len(row) < 3 or row[2] not in PHOENIX_KINDS:
            continue
        name, kind = row[0], row[2]
        country = row[3] if len(row) > 3 and row[3] else None
        forms = [name, *(a for a in (row[4] if len(row) > 4 else "").split("|") if a)]
        # acronyms collide across the world's organisations ("AUC": the African Union Commission or
        # Colombia's paramilitaries): only full names, of two words or more
        forms = [f for f in forms if len(f) >= 3 and not _DATE_LIKE.search(f) and len(f.split()) > 1]
        if not forms:
            continue
        actor = org_actor(slug(name), name, kind, country)
        if gz.lookup(name) is not None:
            continue
        for f in forms:
            gz.add(f, actor)


# Phoenix agent sectors folded into kg's sectors (religions into REL, people into CVL); codes kg
# has no sector for are left out.
AGENT_SECTORS = {
    "CHR": "REL",
    "MUS": "REL",
    "JEW": "REL",
    "HIN": "REL",
    "BUD": "REL",
    "PPL": "CVL",
    "RAD": "REB",
    "ENV": "NGO",
}
NOT_AGENTS = {
    "village",
    "settlement",
    "neighborhood",
    "neighbourhood",
    "airliner",
    "jetliner",
    "kingdom",
    "polity",
    "governance",
    "state-owned",
    "naturalized",
}


def _phoenix_agents(gz: Gazetteer, path) -> None:
    """Single-word agent nouns of the Phoenix dictionary ("insurgent", "lawmaker", "smuggler")
    with their sector, after kg's curated state_nouns.tsv (which wins). Not loaded by default:
    measured on the real-text dev set, the 500 extra nouns found more actors but no more right
    relations, and cost precision ("delegates", "elites", "businesses" as parties to events);
    ``KG_PHOENIX_AGENTS=1`` turns them on for experiments."""
    if not path.exists():
        return
    for row in read_tsv(path):
        if len(row) < 3 or " " in row[0] or row[0] in NOT_AGENTS:
            continue
        code = AGENT_SECTORS.get(row[2], row[2])
        if code in gz.sectors:
            for noun in (row[0], row[1] if len(row) > 1 else ""):
                if noun:
                    gz.state_nouns.setdefault(noun.lower(), code)


def resolve_name(name: str, gz: Gazetteer | None = None) -> Actor:
    """Resolve a free-text actor name as a user or a gold file writes it.

    Known countries, organisations and groups resolve through the gazetteer (so "Moscow",
    "the Kremlin" and "Russia" are one actor); anything else is taken as a person's name.

    >>> resolve_name("the Kremlin").label
    'Russia'
    >>> resolve_name("Ebrahim Raisi").id
    'https://w3id.org/kg/id/person/ebrahim-raisi'
    """
    gz = gz if gz is not None else gazetteer()  # ``gz``: another gazetteer than kg's own
    hit = gz.lookup(name)
    if hit is not None:
        return hit
    for code, actor in gz.countries.items():
        if name.strip().upper() == code:
            return actor
    return person_actor(normalise_surface(name) or name.strip())
