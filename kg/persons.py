"""People: one canonical node per real person, across spellings and documents.

Takes a person's name as written ("Anthony Blinken", "Wendy R. Sherman", "Lloyd J. Austin III",
"Sergei Lavrov", "Zelenskyy") and gives the key of its node: given-name variants and
nicknames fold together (``ontology/actors/given_names.tsv``), middle initials and generational
numerals drop, transliterated endings fold (-iy/-yy/-y, -ey/-ei), so "Antony J. Blinken" and
"Tony Blinken" are one node, and "Joe Biden" and "Hunter Biden" are not: a surname alone never
merges two people. The Phoenix / PETRARCH2 person dictionary (``ontology/actors/phoenix``) gives
canonical names, spellings and dated roles, so a person's country is the one of their role at the
document's date.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from kg.ontology import ontology_dir, read_tsv

SUFFIXES = {"ii", "iii", "iv", "v"}  # dropped: "Lloyd J. Austin III" is Lloyd Austin
KEPT_SUFFIXES = {"jr", "sr"}  # kept: Ferdinand Marcos Jr. is not his father
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "he",
    "h.e",
    "fm",
    "pm",
    "hon",
    "holiness",
    "his",
    "her",
    "excellency",
}
# words that are honorifics only before a whole name: "H.E. Hissein Brahim Taha", but "He Jing" is
# a name
PRONOUN_HONORIFICS = {"he", "his", "her"}


def _honorific(word: str, n_words: int) -> bool:
    word = word.rstrip(".")
    return word in HONORIFICS and (word not in PRONOUN_HONORIFICS or n_words > 2)


INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\ufeff]")  # zero-width and direction marks
PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "del", "van", "von", "der", "la", "le", "du", "abu", "di"}


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


@lru_cache(maxsize=1)
def _given_variants() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in read_tsv(ontology_dir() / "actors" / "given_names.tsv"):
        names = [_fold(n.strip()) for n in row[0].split("|") if n.strip()]
        for n in names:
            table.setdefault(n, names[0])
            table.setdefault(_fold_surname(n), names[0])  # "oleksii" folds like "oleksiy"
    return table


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Folded given name -> "F" or "M" (``ontology/actors/given_name_genders.tsv``)."""
    return {
        _fold(row[0].strip()): row[1].strip() for row in read_tsv(ontology_dir() / "actors" / "given_name_genders.tsv")
    }


def _fold_surname(word: str) -> str:
    """Transliteration variants of one surname: Zelensky / Zelenskyy / Zelenskiy, Lavrov."""
    return re.sub(r"(iy|yy|ii|y)$", "y", word)


def name_words(name: str) -> list[str]:
    """The folded words of a name without honorifics, initials and generational numerals.

    >>> name_words("Lloyd J. Austin III")
    ['lloyd', 'austin']
    >>> name_words("FM Jean-Yves Le Drian")
    ['jean', 'yves', 'le', 'drian']
    """
    words = [w for w in re.split(r"[\s\-]+", re.sub(r"[^\w\s\-']", " ", _fold(name))) if w]
    while words and _honorific(words[0], len(words)):
        words.pop(0)
    out = [w for w in words if not (len(w) == 1 and len(words) > 2)]  # middle initials
    while len(out) > 1 and out[-1] in SUFFIXES:
        out.pop()
    return out


@lru_cache(maxsize=16384)  # (a directory look-up keys every spelling that shares the last word)
def person_key(name: str, merge_given: bool = True) -> str:
    """The key of a person's node: folded given name (variants merged) and surname.

    >>> person_key("Antony J. Blinken") == person_key("Tony Blinken") == person_key("Anthony Blinken")
    True
    >>> person_key("Sergei Lavrov") == person_key("Sergey Lavrov")
    True
    >>> person_key("Volodymyr Zelenskyy") == person_key("Volodymyr Zelensky")
    True
    >>> person_key("Joe Biden") == person_key("Hunter Biden")
    False
    """
    words = name_words(name)
    if not words:
        return ""
    variants = _given_variants()
    if merge_given and len(words) >= 2 and words[0] not in PARTICLES:
        given = _fold_surname(words[0])  # Oleksii / Oleksiy, Yurii / Yuriy
        words = [variants.get(words[0], variants.get(given, given)), *words[1:]]
    tail = [w for w in words[1:] if w not in KEPT_SUFFIXES]
    if tail:
        tail[-1] = _fold_surname(tail[-1])
    words = [words[0], *tail, *[w for w in words[1:] if w in KEPT_SUFFIXES]]
    if len(words) == 1:
        words = [_fold_surname(words[0])]
    return "-".join(words)


@lru_cache(maxsize=8192)
def iri_key(name: str) -> str:
    """The IRI segment of a person's node: their key (:func:`person_key`), spelt with the given name
    the person dictionary knows them by, so that merging given-name variants (Volodymyr and
    Vladimir) never renames a known person. A function of the key alone: every spelling of one
    person gets the same segment.

    >>> iri_key("Vladimir Putin") == iri_key("Volodymyr Putin") == "vladimir-putin"
    True
    """
    key = person_key(name)
    known = directory().find(name)
    if known is None:
        return key
    own = person_key(known.name, merge_given=False)
    return own if own.split("-")[-1:] == key.split("-")[-1:] else key


def display_name(name: str) -> str:
    """A person's label: the name as written, without honorifics, middle initials or numerals,
    title-cased when written in capitals ("SECRETARY BLINKEN" transcripts), without a transcript's
    editorial brackets ("[Prime Minister Narendra] Modi") or invisible marks and a speaker's colon.

    >>> display_name("Narendra] Modi")
    'Narendra Modi'
    >>> display_name("BRIAN P. MCKEON")
    'Brian McKeon'
    """
    words = re.sub(r"[\[\]{}<>]", " ", INVISIBLE.sub("", name)).rstrip(":").split()
    while words and _honorific(_fold(words[0]), len(words)):
        words.pop(0)
    if len(words) > 2:
        words = [words[0], *[w for w in words[1:-1] if not re.fullmatch(r"[A-Z]\.?", w)], words[-1]]
    while len(words) > 1 and words[-1].lower().rstrip(".") in SUFFIXES:
        words.pop()
    text = " ".join(words)
    return capitalised(text) if text.isupper() else text


def capitalised(name: str) -> str:
    """A name written in capitals, as a name is spelt.

    >>> capitalised("BRIAN MCKEON")
    'Brian McKeon'
    """
    return re.sub(r"\bMc([a-z])", lambda g: "Mc" + g[1].upper(), name.title())


@dataclass(frozen=True)
class Role:
    code: str  # a CAMEO actor code: "RUSGOV", "IGOUNO", "USAELI"
    start: dt.date | None
    end: dt.date | None

    @property
    def country(self) -> str | None:
        head = self.code[:3]
        return head if pycountry.countries.get(alpha_3=head) is not None else None


@dataclass(frozen=True)
class KnownPerson:
    name: str
    roles: tuple[Role, ...]

    def country_at(self, day: dt.date | None) -> str | None:
        """The country of the person's role at ``day`` (elite roles last), else of any role."""
        dated = [
            r
            for r in self.roles
            if r.country and (day is None or ((r.start is None or r.start <= day) and (r.end is None or day <= r.end)))
        ]
        for pool in (dated, [r for r in self.roles if r.country]):
            pool = sorted(pool, key=lambda r: (r.code.endswith("ELI"), -(r.start or dt.date.min).toordinal()))
            if pool:
                return pool[0].country
        return None


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


@dataclass
class PersonDirectory:
    """Known persons indexed by the last word of each spelling; keys are computed on lookup only
    (computing 50,000 keys at start-up would cost a third of a second)."""

    by_last: dict[str, list[tuple[str, str, str]]]  # folded last word -> (spelling, name, roles)

    def find(self, name: str) -> KnownPerson | None:
        key = person_key(name)
        if "-" not in key:
            return None  # a surname alone names nobody across documents
        last = _fold_surname(key.rsplit("-", 1)[-1])
        found = {pname: roles for spelling, pname, roles in self.by_last.get(last, ()) if person_key(spelling) == key}
        if len(found) != 1:
            return None  # unknown, or two people share the name
        ((pname, roles),) = found.items()
        return _known(pname, roles)


@lru_cache(maxsize=4096)
def _known(name: str, roles: str) -> KnownPerson:
    out = []
    for spec in roles.split("|"):
        if "@" in spec:
            code, span = spec.split("@", 1)
            a, _, b = span.partition("..")
            out.append(Role(code, _date(a), _date(b)))
    return KnownPerson(name, tuple(out))


@lru_cache(maxsize=1)
def directory() -> PersonDirectory:
    """The Phoenix person dictionary (``ontology/actors/phoenix/persons.tsv.gz``)."""
    path = ontology_dir() / "actors" / "phoenix" / "persons.tsv.gz"
    by_last: dict[str, list[tuple[str, str, str]]] = {}
    if not path.exists():
        return PersonDirectory({})
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            name, roles = cells[0], cells[2] if len(cells) > 2 else ""
            for spelling in [name, *(cells[1].split("|") if len(cells) > 1 and cells[1] else [])]:
                last = (
                    _fold_surname(_fold(spelling).replace("-", " ").split()[-1].strip(".,")) if spelling.strip() else ""
                )
                by_last.setdefault(last, []).append((spelling, name, roles))
    return PersonDirectory(by_last)


@lru_cache(maxsize=1)
def _name_positions() -> tuple[dict[str, int], dict[str, int]]:
    """How often each folded word begins and ends a known person's name (computed once, on the
    first need: only a rare construction asks)."""
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for entries in directory().by_last.values():
        for spelling, _name, _roles in entries:
            words = _fold(spelling).replace("-", " ").split()
            if len(words) > 1:
                first[words[0]] = first.get(words[0], 0) + 1
                last[words[-1]] = last.get(words[-1], 0) + 1
    return first, last


def given_name(word: str) -> bool:
    """Whether a word is a given name in the person dictionary: it begins names far more often than
    it ends them ("David", "Louise"; not "Biden", "Harris")."""
    first, last = _name_positions()
    key = _fold(word)
    return first.get(key, 0) >= 3 and first.get(key, 0) >= 3 * last.get(key, 0)


# states whose people's names put the family name first (China, Taiwan, Japan, the two Koreas,
# Vietnam, Cambodia, Hungary, Mongolia)
FAMILY_NAME_FIRST = {"CHN", "TWN", "JPN", "KOR", "PRK", "VNM", "KHM", "HUN", "MNG"}


def begins_name(part: str, full: str) -> bool:
    """Whether ``part`` is one word that begins the longer name ``full``: a given name used alone
    ("Foreign Minister Retno" of Retno Marsudi) or a family name written first ("Chung" of Chung
    Eui-yong). Within one document that names no one else so, it is that person; across a store
    it is a guess (:func:`same_persons` makes it only where family names come first).

    >>> begins_name("Retno", "Retno Marsudi"), begins_name("Marsudi", "Retno Marsudi")
    (True, False)
    """
    own, words = name_words(part), name_words(full)
    return len(own) == 1 and len(words) > 1 and words[0] == own[0]


def same_persons(persons) -> dict[str, str]:
    """Person nodes that are one person named more fully elsewhere in the store.

    ``persons`` yields ``(iri, label, country)``. A node maps to the one node of the same surname
    whose name contains every word of its own and more ("Sherman" -> "Wendy Sherman", "Bongo
    Ondimba" -> "Ali Bongo Ondimba"), or to the one node whose name begins with its two or more
    words and goes on with more than a "Jr." ("Wanda Vázquez" -> "Wanda Vázquez Garced"), when
    their countries agree or one of them has none ("Prime Minister Bennett" of Israel is the
    "Naftali Bennett" named without a title). When two
    fuller names qualify ("Biden": "Joe Biden", "Hunter Biden"), or none does, it stays apart:
    given names are never guessed.

    >>> same_persons([("a", "Sherman", "USA"), ("b", "Wendy Sherman", "USA"), ("c", "Biden", "USA"),
    ...               ("d", "Joe Biden", "USA"), ("e", "Hunter Biden", "USA"), ("f", "Bongo Ondimba", None),
    ...               ("g", "Ali Bongo Ondimba", "GAB"), ("h", "Wang", "CHN"), ("i", "Sam Wang", "USA"),
    ...               ("j", "Wanda Vázquez", None), ("k", "Wanda Vázquez Garced", "USA"),
    ...               ("l", "John Kennedy", "USA"), ("m", "John Kennedy Jr.", "USA")])
    {'a': 'b', 'f': 'g', 'j': 'k'}
    >>> same_persons([("s", "Solano", None), ("r", "Rodolfo Solano", None), ("q", "Rodolfo Solano Quirós", "CRI")])
    {'s': 'q', 'r': 'q'}

    Where the family name comes first, a bare name is the one full name it begins, in that state:

    >>> same_persons([("h", "Hayashi", "JPN"), ("y", "Hayashi Yoshimasa", "JPN"), ("c", "Chung", "KOR"),
    ...               ("e", "Chung Eui-yong", "KOR"), ("t", "Chung Tae-ho", "KOR"), ("w", "Wendy", "USA"),
    ...               ("s", "Wendy Sherman", "USA")])
    {'h': 'y'}
    """
    nodes = []
    for iri, label, country in persons:
        words = [_fold_surname(w) for w in name_words(label)]
        if words:
            nodes.append((iri, words, country))
    by_surname: dict[str, list[tuple[str, list[str], str | None]]] = {}
    for node in nodes:
        by_surname.setdefault(node[1][-1], []).append(node)
    out = {}
    by_start: dict[tuple[str, str], list[tuple[str, list[str], str | None]]] = {}
    for node in nodes:
        if len(node[1]) >= 3:
            by_start.setdefault((node[1][0], node[1][1]), []).append(node)
    by_first: dict[str, list[tuple[str, list[str], str | None]]] = {}
    for node in nodes:
        if 2 <= len(node[1]) <= 3:
            by_first.setdefault(node[1][0], []).append(node)
    for iri, words, country in nodes:
        cands = {
            other
            for other, owords, ocountry in by_surname.get(words[-1], ())
            if len(owords) > len(words)
            and set(words) <= set(owords)
            and (country is None or ocountry is None or ocountry == country)  # "Wang" (China) is not "Sam Wang" (US)
        }
        if not cands and len(words) >= 2:
            # a name cut short of its last family name: "Wanda Vázquez" is "Wanda Vázquez Garced",
            # "Valéry Giscard" "Valéry Giscard d'Estaing"; not "John Kennedy" -> "John Kennedy Jr."
            cands = {
                other
                for other, owords, ocountry in by_start.get((words[0], words[1]), ())
                if len(owords) > len(words)
                and owords[: len(words)] == words
                and not set(owords[len(words) :]) <= KEPT_SUFFIXES
                and (country is None or ocountry is None or ocountry == country)
            }
        if not cands and len(words) == 1 and (country is None or country in FAMILY_NAME_FIRST):
            # where the family name comes first, a bare name is the first word of the full one:
            # "Foreign Minister Hayashi" is "Hayashi Yoshimasa", "Chung" is "Chung Eui-yong"
            cands = {
                other
                for other, owords, ocountry in by_first.get(words[0], ())
                if ocountry in FAMILY_NAME_FIRST and (country is None or ocountry == country)
            }
        if len(cands) == 1:
            out[iri] = cands.pop()
    # a chain ("Solano" -> "Rodolfo Solano" -> "Rodolfo Solano Quirós") ends at its fullest name
    for iri in list(out):
        seen = {iri}
        target = out[iri]
        while target in out and target not in seen:
            seen.add(target)
            target = out[target]
        out[iri] = target
    return {k: v for k, v in out.items() if k != v}
