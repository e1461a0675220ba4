"""Places: which state a city, province or disputed territory belongs to.

Takes ``ontology/actors/places/places.tsv`` (built by ``scripts/build_places.py`` from GeoNames
cities, ISO 3166-2 subdivisions and two hand-kept files) and answers "which state is Kharkiv in?"
so that "an attack on Kharkiv" can target Ukraine. Standard library only (kg.ontology is
imported only to find the packaged file): the build's data packages are not needed at run time.

A name that places in several states share is not mapped blindly. The TSV keeps one row per
state, and :meth:`Places.state_of` decides at query time:

1. one candidate state: that state;
2. context (ISO alpha-3 codes of the countries the document mentions) that contains exactly
   one candidate state: that state;
3. the biggest candidate city has at least 100,000 people and at least ten times the
   population of every other candidate state's biggest place: its state (a region or
   territory row has no population, so a candidate state with only those rows blocks this);
4. otherwise ``None``: ambiguous.

>>> places = load_places()
>>> places.state_of("Kharkiv"), places.kind_of("Kharkiv")
('UKR', 'city')
>>> places.state_of("the Donbas"), places.kind_of("the Donbas")
('UKR', 'territory')
>>> places.state_of("Hyderabad") is None  # India 7.0M, Pakistan 1.9M: not ten times
True
>>> places.state_of("Hyderabad", context={"PAK", "AFG"})
'PAK'
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

KINDS = ("city", "region", "territory")
# kind_of: when the resolved state has rows of several kinds, the first kind in this order wins
# (hand-kept territory rows are deliberate; a city row is commoner in news than its province).
KIND_ORDER = {"territory": 0, "city": 1, "region": 2}
DOMINANCE_RATIO = 10
DOMINANCE_MIN_POPULATION = 100_000

# Letters that NFKD does not take apart, and apostrophe-like marks written in transliterations.
_FOLD_TABLE = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
        "ŉ": "n",
        "ə": "a",
        "Ə": "A",
        "ǝ": "a",
        "’": "'",
        "‘": "'",
        "ʻ": "'",
        "ʼ": "'",
        "ʿ": "'",
        "ʾ": "'",
        "`": "'",
        "´": "'",
        "‐": "-",
        "‑": "-",
        "–": "-",
        "—": "-",
    }
)


def fold(name: str) -> str:
    """The ASCII form of a name: accents dropped, apostrophe-like marks made plain.

    Apostrophes at the very start or end (transliterated ayn and hamza) are dropped too.
    Case is kept.

    >>> fold("Kyïv"), fold("Khān Yūnis"), fold("‘Akkār"), fold("Karbalā’"), fold("Łódź")
    ('Kyiv', 'Khan Yunis', 'Akkar', 'Karbala', 'Lodz')
    """
    if name.isascii():
        return name.strip("'")
    text = unicodedata.normalize("NFKD", name.translate(_FOLD_TABLE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_FOLD_TABLE).strip("'")


@dataclass(frozen=True)
class Place:
    """One row of places.tsv: a written name, its state, its kind, its population (cities)."""

    name: str
    country: str
    kind: str
    population: int | None


class Places:
    """The place gazetteer: written names to candidate (state, kind, population) rows.

    Rows are kept as the TSV's text and parsed for the names asked about, so loading is one
    pass of ``str.partition`` over the file.
    """

    def __init__(self, rows: dict[str, str]):
        self._rows = rows  # name -> "country\tkind\tpopulation" lines, joined by "\n"

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self._lookup(name))

    def names(self):
        """Every name the gazetteer has, as written and in plain letters."""
        return self._rows.keys()

    @staticmethod
    def _parse(text: str) -> list[tuple[str, str, int | None]]:
        out = []
        for row in text.split("\n"):
            country, kind, pop = row.split("\t")
            out.append((country, kind, int(pop) if pop else None))
        return out

    def _lookup(self, name: str) -> list[tuple[str, str, int | None]]:
        """Rows for a written name: exact form first, then its ASCII fold; "the " for regions."""
        name = " ".join(name.split())
        text = self._rows.get(name)
        if text is None and not name.isascii():
            text = self._rows.get(fold(name))
        if text is not None:
            return self._parse(text)
        if name[:4] in ("the ", "The "):
            return [r for r in self._lookup(name[4:]) if r[1] != "city"]
        return []

    def candidates(self, name: str) -> list[Place]:
        """Every row that the written name matches, one per state and kind.

        >>> [(p.country, p.kind, p.population) for p in load_places().candidates("Rafah")]
        [('EGY', 'city', 44215), ('PSE', 'city', 126305), ('PSE', 'region', None)]
        """
        return [Place(name, c, k, p) for c, k, p in self._lookup(name)]

    def _resolve(self, rows: list[tuple[str, str, int | None]], context) -> str | None:
        sizes: dict[str, int | None] = {}
        for country, _kind, pop in rows:
            if country not in sizes:
                sizes[country] = pop
            elif pop is not None and (sizes[country] is None or pop > sizes[country]):
                sizes[country] = pop
        if len(sizes) == 1:
            return next(iter(sizes))
        if context:
            hits = [c for c in sizes if c in context]
            if len(hits) == 1:
                return hits[0]
        ranked = sorted(sizes.items(), key=lambda item: -1 if item[1] is None else item[1], reverse=True)
        (top, top_pop), rest = ranked[0], ranked[1:]
        if top_pop is None or top_pop < DOMINANCE_MIN_POPULATION:
            return None
        if all(pop is not None and pop * DOMINANCE_RATIO <= top_pop for _, pop in rest):
            return top
        return None

    def state_of(self, name: str, context: set[str] | frozenset[str] | None = None) -> str | None:
        """The ISO alpha-3 code of the state the place is in; ``None`` if unknown or ambiguous.

        ``context`` holds the ISO alpha-3 codes of countries the document mentions; it breaks a
        tie when exactly one candidate state is among them. Case matters: names are written as
        in news, with a capital.

        >>> places = load_places()
        >>> places.state_of("Mandalay"), places.state_of("Mariupol"), places.state_of("Mykolaïv")
        ('MMR', 'UKR', 'UKR')
        >>> places.state_of("Rafah") is None  # Gaza's 126k, Egypt's 44k: not ten times
        True
        >>> places.state_of("Rafah", context={"PSE", "ISR"}), places.state_of("Rafah", context={"EGY"})
        ('PSE', 'EGY')
        >>> places.state_of("Odessa") is None  # Ukraine 1.0M, Texas 114k: 8.8 times
        True
        >>> places.state_of("Alexandria")  # Egypt's 5.3M dwarfs Virginia's 159k
        'EGY'
        >>> places.state_of("Crimea"), places.state_of("Golan Heights")
        ('UKR', 'SYR')
        >>> places.state_of("mariupol") is None  # case-sensitive
        True
        >>> places.state_of("Gondor") is None
        True
        """
        rows = self._lookup(name)
        if not rows:
            return None
        return self._resolve(rows, context)

    def kind_of(self, name: str, context: set[str] | frozenset[str] | None = None) -> str | None:
        """``city``, ``region`` or ``territory``; ``None`` if unknown or ambiguous.

        The kind is taken among the rows of the resolved state (territory before city before
        region when it has several); for an unresolved name, the kind all its rows share.

        >>> places = load_places()
        >>> places.kind_of("Mosul"), places.kind_of("Tigray"), places.kind_of("Crimea")
        ('city', 'region', 'territory')
        >>> places.kind_of("Punjab"), places.state_of("Punjab")  # India's and Pakistan's
        ('region', None)
        """
        rows = self._lookup(name)
        if not rows:
            return None
        state = self._resolve(rows, context)
        kinds = {k for c, k, _ in rows if state is None or c == state}
        if state is None and len(kinds) > 1:
            return None
        return min(kinds, key=KIND_ORDER.__getitem__)


def default_path() -> Path:
    """Where the packaged places.tsv is: ``<ontology>/actors/places/places.tsv``."""
    from kg.ontology import ontology_dir  # imported here: kg.ontology brings in rdflib

    return ontology_dir() / "actors" / "places" / "places.tsv"


def read_places(path: str | Path) -> Places:
    """Parse a places.tsv file (``name country kind population``; ``#`` lines are comments)."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    rows: dict[str, str] = {}
    get = rows.get
    for line in text.split("\n"):
        if not line or line[0] == "#":
            continue
        name, _, rest = line.partition("\t")
        prev = get(name)
        rows[name] = rest if prev is None else prev + "\n" + rest
    header = rows.pop("name", None)
    if header is not None and not header.startswith("country\tkind"):
        rows["name"] = header  # a place called "name", not the header row
    return Places(rows)


_LOADED: dict[Path | None, Places] = {}


def load_places(path: str | Path | None = None) -> Places:
    """The place gazetteer, read once per process and path (default: the packaged places.tsv)."""
    key = Path(path) if path is not None else None
    places = _LOADED.get(key)
    if places is None:
        places = _LOADED[key] = read_places(key if key is not None else default_path())
    return places
