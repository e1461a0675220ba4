"""Users' own actor curation: a TSV file of fixes applied to the relations before they are stored.

Analysts fix actors without editing the package. The file has one directive per line, columns
separated by TABs; ``#`` starts a comment line::

    # kg actor curation
    # the text "the junta" names Myanmar
    alias	the junta	MMR
    # one node: the first is the second
    merge	Hassan Sheikh	Hassan Sheikh Mohamud
    # an actor's country (ISO 3166-1 alpha-3), type and CAMEO sector (ontology/actors/sectors.tsv)
    country	Royal Navy	GBR
    type	Wagner outfit	ArmedGroup
    sector	Wagner outfit	MIL
    # drop every statement with this actor
    block	the West

An *actor* in a directive is an IRI (``https://w3id.org/kg/id/person/...``), an ISO 3166-1
alpha-3 code (``RUS``) or a name. A name kg knows (``the Kremlin``, ``NATO``, a well-known person's
spelling) is that actor; any other name also matches the actors kg made from that name in the
texts ("Wagner outfit" found as an organisation), and, when it is the target of an alias or a merge,
is a new person of that name unless a ``type`` line gives it another type.

Everything here is a pure function over :class:`kg.actors.Actor` and :class:`kg.extract.Relation`
values (``dataclasses.replace``): :func:`load` reads and checks the file, :meth:`Curation.apply`
maps extracted relations to curated ones, :meth:`Curation.installed` lets the parser read the
aliases. The store stays the only writer (:mod:`kg.pipeline` ``build`` and ``relink``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.actors import (
    ACTOR_TYPES,
    ORG_SUBTYPES,
    Actor,
    country_actor,
    gazetteer,
    normalise_surface,
    org_actor,
    person_actor,
    sector_actor,
    slug,
)
from kg.errors import KGError
from kg.ontology import KGR

if TYPE_CHECKING:
    from kg.extract import Relation

CURATION_FILE = "actors.tsv"  # the copy kept in the store folder
STATE_FILE = "actors.state.json"  # what the stored documents reflect (read_state)

# directive -> (number of values, usage)
DIRECTIVES = {
    "alias": (2, "alias<TAB>surface form<TAB>actor"),
    "merge": (2, "merge<TAB>actor<TAB>into actor"),
    "country": (2, "country<TAB>actor<TAB>ISO 3166-1 alpha-3 code"),
    "type": (2, "type<TAB>actor<TAB>type"),
    "sector": (2, "sector<TAB>actor<TAB>sector code"),
    "block": (1, "block<TAB>actor or surface form"),
    "wrong": (1, "wrong<TAB>statement IRI (as extracted)"),
    "split": (3, "split<TAB>actor<TAB>document IRI<TAB>the actor it is in that document"),
}
TYPES = ACTOR_TYPES + ORG_SUBTYPES  # an organisation kind is an Organization of that kind
_BASE = str(KGR)
_NAMESPACE_TYPE = {"person": "Person", "org": "Organization", "group": "Group"}


class CurationError(KGError, ValueError):
    """A user actor file kg cannot use; the message names the file and line."""


# ---------------------------------------------------------------------------- references
def _norm(text: str) -> str:
    """The form names are compared in: no article or possessive, one space, straight quotes, no case."""
    return " ".join(normalise_surface(text).replace("’", "'").split()).casefold()


@lru_cache(maxsize=1)
def _iso_codes() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


@dataclass(frozen=True)
class Ref:
    """An actor as a directive names it: an IRI, an ISO code or a name."""

    text: str  # as written
    line: int
    iri: str | None = None  # the actor's IRI when the reference is an IRI, a code or a name kg knows
    name: str | None = None  # the compared form of a name kg does not know

    @property
    def key(self) -> str:
        return self.iri or f"name:{self.name}"

    def candidate_ids(self) -> frozenset[str]:
        """IRIs kg gives to actors it makes from this name in a text."""
        if self.iri:
            return frozenset([self.iri])
        return _name_ids(self.text)

    def matches(self, actor: Actor) -> bool:
        if self.iri:
            return actor.id == self.iri
        if actor.id in self.candidate_ids():
            return True
        # an actor kg made from this name (not one of its own gazetteer actors)
        return actor.id not in gazetteer().by_id and _norm(actor.label) == self.name


@lru_cache(maxsize=4096)
def _name_ids(text: str) -> frozenset[str]:
    name = normalise_surface(text) or text.strip()
    return frozenset([person_actor(name).id, str(KGR[f"org/{slug(name)}"]), str(KGR[f"group/{slug(name)}"])])


def _iri_problem(iri: str) -> str | None:
    """Why ``iri`` is not an actor IRI kg could have made, or None."""
    if not iri.startswith(_BASE):
        return f"{iri!r} is not a kg actor IRI (they start with {_BASE})"
    parts = iri[len(_BASE) :].split("/")
    codes = _iso_codes()
    if parts[0] == "country" and len(parts) == 2:
        return (
            None if parts[1] in codes else f"{iri!r} names no country: {parts[1]!r} is not an ISO 3166-1 alpha-3 code"
        )
    if parts[0] == "sector" and len(parts) == 3:
        if parts[1] not in codes:
            return f"{iri!r} names no country: {parts[1]!r} is not an ISO 3166-1 alpha-3 code"
        return None if parts[2] in gazetteer().sectors else f"{iri!r}: unknown sector {parts[2]!r}"
    if parts[0] in _NAMESPACE_TYPE and len(parts) == 2 and parts[1]:
        return None
    return f"{iri!r} is not a kg actor IRI (country/ISO3, sector/ISO3/CODE, person/..., org/... or group/...)"


def actor_for_iri(iri: str) -> Actor:
    """The actor an IRI names: kg's own description when it has one, else one made from the IRI."""
    gz = gazetteer()
    known = gz.by_id.get(iri)
    if known is not None:
        return known
    parts = iri[len(_BASE) :].split("/")
    if parts[0] == "country":
        return gz.country(parts[1]) or country_actor(parts[1], _iso_codes().get(parts[1], parts[1]))
    if parts[0] == "sector":
        country = gz.country(parts[1]) or country_actor(parts[1], parts[1])
        return sector_actor(country, gz.sectors[parts[2]])
    from urllib.parse import unquote

    words = unquote(parts[1]).replace("-", " ")
    label = " ".join(w[:1].upper() + w[1:] for w in words.split())
    return Actor(id=iri, label=label, type=_NAMESPACE_TYPE[parts[0]])


# ---------------------------------------------------------------------------- the curation
@dataclass(frozen=True)
class Directive:
    kind: str
    values: tuple[str, ...]
    line: int


@dataclass
class Curation:
    """A checked user actor file. :data:`EMPTY` changes nothing."""

    path: Path | None = None
    directives: list[Directive] = field(default_factory=list)
    aliases: dict[str, tuple[str, Ref]] = field(default_factory=dict)  # compared surface -> (surface, actor)
    merges: list[tuple[Ref, Ref]] = field(default_factory=list)
    countries: list[tuple[Ref, str]] = field(default_factory=list)
    types: list[tuple[Ref, str]] = field(default_factory=list)
    sectors: list[tuple[Ref, str]] = field(default_factory=list)
    blocks: list[Ref] = field(default_factory=list)
    wrong: set[str] = field(default_factory=set)  # statement IRIs as extracted, dropped
    splits: list[tuple[Ref, str, Ref]] = field(default_factory=list)  # (actor, document IRI, actor there)
    _cache: dict = field(default_factory=dict, repr=False)

    def __bool__(self) -> bool:
        return bool(self.directives)

    @property
    def digest(self) -> str:
        """What the curation does, as a digest: comments and blank lines do not count."""
        if not self.directives:
            return ""
        text = "\n".join("\t".join((d.kind, *d.values)) for d in self.directives)
        return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()

    # ------------------------------------------------------------ actors
    def target(self, ref: Ref) -> Actor:
        """The actor an alias or a merge leads to."""
        if ref.iri:
            return actor_for_iri(ref.iri)
        name = normalise_surface(ref.text) or ref.text.strip()
        typed = next((t for r, t in self.types if r.key == ref.key), None)
        if typed is None or typed == "Person":
            return person_actor(name)
        if typed in ORG_SUBTYPES or typed == "Organization":
            return org_actor(slug(name), name, None if typed == "Organization" else typed, None)
        if typed == "Group":
            return org_actor(slug(name), name, "Group", None)
        # Country and SectorActor need a country (and a sector): checked at load
        return self._fixed(person_actor(name), typed)

    def actor(self, actor: Actor) -> Actor | None:
        """The curated form of an extracted actor, or None when the curation blocks it."""
        try:
            return self._cache[actor]
        except KeyError:
            pass
        out: Actor | None = actor
        if any(b.matches(actor) for b in self.blocks):
            out = None
        else:
            for _ in range(len(self.merges) + 2):  # merge chains end: cycles are refused at load
                nxt = self._mapped(out)
                if nxt is None:
                    break
                out = nxt
            out = self._fixed(out)
            if any(b.matches(out) for b in self.blocks):
                out = None
        self._cache[actor] = out
        return out

    def _mapped(self, actor: Actor) -> Actor | None:
        if actor.id not in gazetteer().by_id:  # an actor kg made from a name: an alias of that name
            hit = self.aliases.get(_norm(actor.label))
            if hit is not None and not hit[1].matches(actor):
                return self.target(hit[1])
        for src, dst in self.merges:
            if src.matches(actor) and not dst.matches(actor):
                return self.target(dst)
        return None

    def _fixed(self, actor: Actor, typed: str | None = None) -> Actor:
        gz = gazetteer()
        new_type = typed or next((t for r, t in self.types if r.matches(actor)), None)
        code = next((c for r, c in self.countries if r.matches(actor)), None)
        sector = next((s for r, s in self.sectors if r.matches(actor)), None)
        if new_type is None and code is None and sector is None:
            return actor
        kind = actor.kind
        type_ = actor.type
        if new_type is not None:
            type_, kind = ("Organization", new_type) if new_type in ORG_SUBTYPES else (new_type, None)
        country = code or actor.country
        sector = sector or actor.sector
        if type_ == "Country":
            return gz.country(country) or country_actor(country, _iso_codes().get(country, country))
        if type_ == "SectorActor":
            if not country or not sector:
                return actor  # refused at load for the actors a file names; kept as it is otherwise
            return sector_actor(gz.country(country) or country_actor(country, country), gz.sectors[sector])
        label = actor.label
        if type_ == actor.type and actor.type != "SectorActor":
            iri = actor.id
        elif type_ == "Person":
            iri = person_actor(label).id
        else:
            iri = str(KGR[f"{'group' if type_ == 'Group' else 'org'}/{slug(label)}"])
        return dataclasses.replace(
            actor,
            id=iri,
            label=label,
            type=type_,
            kind=kind if type_ == "Organization" else None,
            country=country,
            sector=sector if sector else None,
            role=actor.role if type_ == "Person" else None,
        )

    # ------------------------------------------------------------ relations
    def apply(self, rels: Iterable[Relation], doc: str | None = None) -> list[Relation]:
        """The curated relations: actors mapped and fixed, blocked ones dropped, duplicates merged.

        A relation whose two sides become one actor (a merge) is dropped, as extraction never
        relates an actor to itself. Order is kept; the relations themselves are not changed.
        ``doc`` is the IRI of the document the relations come from: ``wrong`` and ``split`` lines
        name statements and documents, and apply only when it is given.
        """
        rels = list(rels)
        if not self.directives:
            return rels
        wrong = self.wrong if doc else set()
        splits = [(ref, there) for ref, d, there in self.splits if d == doc] if doc else []
        doc_id = doc.rsplit("/", 1)[-1] if doc else ""
        out: dict[tuple, Relation] = {}
        for rel in rels:
            if wrong:
                from kg.model import statement_iri

                if statement_iri(doc_id, rel) in wrong:
                    continue
            subj, obj = rel.subject, rel.object
            for ref, there in splits:  # in this document the name is another actor
                subj = self.target(there) if ref.matches(subj) else subj
                obj = self.target(there) if ref.matches(obj) else obj
            s, o = self.actor(subj), self.actor(obj)
            if s is None or o is None or s.id == o.id:
                continue
            if s is not rel.subject or o is not rel.object:
                rel = dataclasses.replace(rel, subject=s, object=o)
            out.setdefault(rel.key(), rel)
        return list(out.values())

    # ------------------------------------------------------------ aliases while parsing
    def alias_actors(self) -> list[tuple[str, Actor]]:
        """(surface form, curated actor) for every alias line."""
        if "aliases" not in self._cache:
            out = []
            for surface, ref in self.aliases.values():
                actor = self.actor(self.target(ref))
                if actor is not None:
                    out.append((surface, actor))
            self._cache["aliases"] = out
        return self._cache["aliases"]

    def aliases_in(self, text: str) -> set[str]:
        """The alias lines whose surface form occurs in ``text``, as "surface<TAB>IRI" (what a
        document records, so that a build re-reads it when this set changes)."""
        return {
            f"{surface}\t{actor.id}"
            for surface, actor in self.alias_actors()
            if any(form in text for form in _forms(surface))
        }

    @contextmanager
    def installed(self) -> Iterator[None]:
        """Let the parser read the alias lines: the gazetteer learns each surface form while the
        block runs (child processes forked inside it too), and forgets them afterwards."""
        pairs = self.alias_actors()
        if not pairs:
            yield
            return
        gz = gazetteer()
        saved_surface: dict[str, Actor | None] = {}
        known_ids = set(gz.by_id)
        for surface, _actor in pairs:
            for form in _forms(surface):
                for variant in {form, form.replace("’", "'"), form.replace("'", "’")}:
                    saved_surface.setdefault(variant, gz.by_surface.get(variant))
        for surface, actor in pairs:
            for form in _forms(surface):
                gz.add(form, actor, override=True)
        for iri in set(gz.by_id) - known_ids:
            del gz.by_id[iri]  # kg's own actors stay what they were: only the names are new
        _forget_derived()
        try:
            yield
        finally:
            for form, actor in saved_surface.items():
                if actor is None:
                    gz.by_surface.pop(form, None)
                else:
                    gz.by_surface[form] = actor
            _forget_derived()


EMPTY = Curation()


def _forms(surface: str) -> list[str]:
    forms = [" ".join(surface.split())]
    bare = normalise_surface(surface)
    if bare and bare not in forms:
        forms.append(bare)
    return forms


def _forget_derived() -> None:
    """Drop what was computed from the gazetteer's surface forms: the parser's phrase matcher and
    the store's alternative-label index."""
    mentions = sys.modules.get("kg.mentions")
    matcher = getattr(mentions, "_matcher", None)
    if matcher is not None and hasattr(matcher, "cache_clear"):
        matcher.cache_clear()
    model = sys.modules.get("kg.model")
    if model is not None:
        model.forget_aliases()


# ---------------------------------------------------------------------------- loading
def load(path: str | Path) -> Curation:
    """Read and check a user actor file; a problem is a :class:`CurationError` naming file and line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CurationError(f"{path}: no such actor file") from None
    except IsADirectoryError:
        raise CurationError(f"{path}: is a folder, not an actor file") from None
    except OSError as exc:
        raise CurationError(f"{path}: cannot read the actor file ({exc.strerror or exc})") from None
    return parse(data, path)


def parse(data: bytes | str, path: str | Path = "<actors>") -> Curation:
    path = Path(path)
    if isinstance(data, bytes):
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        lines = data.split(b"\n")
        text_lines = []
        for n, raw in enumerate(lines, 1):
            try:
                text_lines.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                raise CurationError(f"{path}:{n}: not UTF-8 text; save the actor file as UTF-8") from None
    else:
        text_lines = data.split("\n")
    cur = Curation(path=path)
    for n, line in enumerate(text_lines, 1):
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        while len(cells) > 1 and cells[-1] == "":
            cells.pop()  # trailing TABs
        kind = cells[0]
        if kind not in DIRECTIVES:
            hint = " (columns are separated by TABs)" if " " in kind and kind.split()[0] in DIRECTIVES else ""
            raise CurationError(f"{path}:{n}: unknown directive {kind!r}{hint}; use one of: {', '.join(DIRECTIVES)}")
        want, usage = DIRECTIVES[kind]
        values = cells[1:]
        if len(values) != want:
            raise CurationError(
                f"{path}:{n}: {kind!r} takes {want} value{'s' if want > 1 else ''} ({usage}), "
                f"found {len(values)}; columns are separated by TABs"
            )
        if any(not v for v in values):
            raise CurationError(f"{path}:{n}: empty value in {kind!r} line ({usage})")
        cur.directives.append(Directive(kind, tuple(values), n))
    _check(cur, path)
    return cur


def _ref(text: str, line: int, path: Path) -> Ref:
    text = " ".join(text.split())
    if text.startswith(("http://", "https://")):
        problem = _iri_problem(text)
        if problem:
            raise CurationError(f"{path}:{line}: {problem}")
        return Ref(text, line, iri=text)
    if len(text) == 3 and text.isalpha() and text.isupper() and text in _iso_codes():
        return Ref(text, line, iri=str(KGR[f"country/{text}"]))
    hit = gazetteer().lookup(text)
    if hit is not None:
        return Ref(text, line, iri=hit.id)
    name = _norm(text)
    if not name:
        raise CurationError(f"{path}:{line}: {text!r} is not a name")
    return Ref(text, line, name=name)


def _country_code(value: str, line: int, path: Path, what: str) -> str:
    codes = _iso_codes()
    if value in codes:
        return value
    if value.upper() in codes and len(value) == 3:
        return value.upper()
    hit = gazetteer().lookup(value)
    if hit is not None and hit.type == "Country" and hit.country:
        return hit.country
    raise CurationError(
        f"{path}:{line}: unknown country {value!r} for {what}; use an ISO 3166-1 alpha-3 code: "
        + " ".join(sorted(codes))
    )


def _check(cur: Curation, path: Path) -> None:
    gz = gazetteer()
    sectors = gz.sectors
    fixes: dict[str, dict[str, tuple[str, int]]] = {"country": {}, "type": {}, "sector": {}}
    merge_src: dict[str, tuple[Ref, Ref]] = {}
    for d in cur.directives:
        if d.kind == "alias":
            surface, target = d.values
            ref = _ref(target, d.line, path)
            key = _norm(surface)
            if not key:
                raise CurationError(f"{path}:{d.line}: {surface!r} is not a surface form")
            prev = cur.aliases.get(key)
            if prev is not None and prev[1].key != ref.key:
                raise CurationError(
                    f"{path}:{d.line}: {surface!r} is already an alias of {prev[1].text!r} (line {prev[1].line})"
                )
            cur.aliases[key] = (" ".join(surface.split()), ref)
        elif d.kind == "merge":
            src, dst = _ref(d.values[0], d.line, path), _ref(d.values[1], d.line, path)
            if src.key == dst.key:
                raise CurationError(
                    f"{path}:{d.line}: {d.values[0]!r} and {d.values[1]!r} are the same actor: nothing to merge"
                )
            prev = merge_src.get(src.key)
            if prev is not None and prev[1].key != dst.key:
                raise CurationError(
                    f"{path}:{d.line}: {d.values[0]!r} is already merged into {prev[1].text!r} (line {prev[0].line})"
                )
            merge_src[src.key] = (src, dst)
            cur.merges.append((src, dst))
        elif d.kind == "block":
            cur.blocks.append(_ref(d.values[0], d.line, path))
        elif d.kind == "wrong":
            iri = d.values[0]
            if not iri.startswith(str(KGR["statement/"])):
                raise CurationError(
                    f"{path}:{d.line}: {iri!r} is not a statement IRI (they start with {KGR['statement/']})"
                )
            cur.wrong.add(iri)
        elif d.kind == "split":
            ref, there = _ref(d.values[0], d.line, path), _ref(d.values[2], d.line, path)
            doc = d.values[1]
            if not doc.startswith(str(KGR["doc/"])):
                raise CurationError(f"{path}:{d.line}: {doc!r} is not a document IRI (they start with {KGR['doc/']})")
            if ref.key == there.key:
                raise CurationError(
                    f"{path}:{d.line}: {d.values[0]!r} and {d.values[2]!r} are the same actor: nothing to split"
                )
            cur.splits.append((ref, doc, there))
        else:
            ref = _ref(d.values[0], d.line, path)
            value = d.values[1]
            is_country = bool(ref.iri and ref.iri.startswith(str(KGR["country/"])))
            if d.kind == "country":
                value = _country_code(value, d.line, path, repr(d.values[0]))
                if is_country:
                    raise CurationError(
                        f"{path}:{d.line}: {d.values[0]!r} is a country; a country line sets the country "
                        "of a person, organisation, group or sector actor"
                    )
                cur.countries.append((ref, value))
            elif d.kind == "type":
                if value not in TYPES:
                    match = next((t for t in TYPES if t.lower() == value.lower()), None)
                    if match is None:
                        raise CurationError(f"{path}:{d.line}: unknown type {value!r}; use one of: {', '.join(TYPES)}")
                    value = match
                if is_country:
                    raise CurationError(
                        f"{path}:{d.line}: {d.values[0]!r} is a country; countries keep their type "
                        "(merge it into another actor instead)"
                    )
                cur.types.append((ref, value))
            else:  # sector
                code = value.upper()
                if code not in sectors:
                    listed = ", ".join(f"{c} ({s.label})" for c, s in sectors.items())
                    raise CurationError(
                        f"{path}:{d.line}: unknown sector {value!r} for {d.values[0]!r}; use one of: {listed}"
                    )
                if is_country:
                    raise CurationError(
                        f"{path}:{d.line}: {d.values[0]!r} is a country; a sector of a country is an "
                        f"actor of its own: use its IRI ({_BASE}sector/ISO3/CODE) or a name such as 'Israeli troops'"
                    )
                value = code
                cur.sectors.append((ref, value))
            prev = fixes[d.kind].get(ref.key)
            if prev is not None and prev[0] != value:
                raise CurationError(
                    f"{path}:{d.line}: {d.kind} of {d.values[0]!r} is already {prev[0]!r} (line {prev[1]})"
                )
            fixes[d.kind][ref.key] = (value, d.line)
    # fixes name the node that stays: a merged actor has become its target
    for kind, by_key in fixes.items():
        for key, (_value, line) in by_key.items():
            if key in merge_src:
                src, dst = merge_src[key]
                raise CurationError(
                    f"{path}:{line}: {src.text!r} is merged into {dst.text!r} (line {src.line}); "
                    f"give the {kind} of {dst.text!r} instead"
                )
    # a type that makes a node a country or a sector actor needs its country (and sector)
    for ref, typed in cur.types:
        if typed not in ("Country", "SectorActor"):
            continue
        known = gz.by_id.get(ref.iri) if ref.iri else None
        has_country = ref.key in fixes["country"] or (known is not None and known.country)
        if not has_country:
            raise CurationError(
                f"{path}:{ref.line}: type {typed} for {ref.text!r} needs its country: "
                f"add country<TAB>{ref.text}<TAB>ISO3"
            )
        if typed == "SectorActor" and ref.key not in fixes["sector"] and not (known is not None and known.sector):
            raise CurationError(
                f"{path}:{ref.line}: type SectorActor for {ref.text!r} needs its sector: "
                f"add sector<TAB>{ref.text}<TAB>CODE"
            )
    # merge chains must end
    nxt = {src.key: dst.key for src, dst in cur.merges}
    for src, _ in cur.merges:
        seen = [src.key]
        key = nxt.get(src.key)
        while key is not None:
            if key in seen:
                raise CurationError(f"{path}:{src.line}: merge cycle: {src.text!r} is merged back into itself")
            seen.append(key)
            key = nxt.get(key)


# ---------------------------------------------------------------------------- kept with the store
def stored_path(store_path: str | Path) -> Path:
    return Path(store_path) / CURATION_FILE


def keep(cur: Curation, source: str | Path, store_path: str | Path) -> None:
    """Copy the user's actor file into the store folder (written beside it and renamed)."""
    target = stored_path(store_path)
    data = Path(source).read_bytes()
    if target.exists() and target.read_bytes() == data:
        return
    write_atomic(target, data)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a file beside it renamed over it, so that a reader (a
    build, ``kg serve``) never sees half an actor file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def alias_pairs(cur: Curation) -> set[str]:
    """Every alias line as "surface<TAB>IRI" (the form documents record, see :meth:`Curation.aliases_in`)."""
    return {f"{surface}\t{actor.id}" for surface, actor in cur.alias_actors()}


def read_state(store_path: str | Path) -> dict:
    """What the store reflects: ``applied``, the digest of the curation every stored document was
    last written with ("" for none); ``aliases_read``, the alias lines the parser knew when every
    stored document was last checked for them (see :func:`kg.pipeline.build`)."""
    import json

    try:
        data = json.loads((Path(store_path) / STATE_FILE).read_text("utf-8"))
        return {"applied": str(data.get("applied", "")), "aliases_read": set(data.get("aliases_read", []))}
    except (OSError, ValueError, AttributeError, TypeError):
        return {"applied": "", "aliases_read": set()}


def write_state(store_path: str | Path, applied: str, aliases_read: Iterable[str]) -> None:
    import json

    target = Path(store_path) / STATE_FILE
    aliases_read = sorted(aliases_read)
    if not applied and not aliases_read:
        target.unlink(missing_ok=True)
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{STATE_FILE}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"applied": applied, "aliases_read": aliases_read}, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def for_store(store_path: str | Path, actors: str | Path | None = None) -> Curation:
    """The curation a store uses: ``actors`` when given, else the copy kept in the store folder."""
    if actors is not None:
        return load(actors)
    kept = stored_path(store_path)
    return load(kept) if kept.exists() else EMPTY
