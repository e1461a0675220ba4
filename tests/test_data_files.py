"""The data files under ontology/ hold each fact once: no row written twice, no word listed twice
in a list cell, no key given twice where the loader keeps one value per key."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kg.ontology import ontology_dir

ONTOLOGY = ontology_dir()
# Hand-kept tables and the tables scripts generate (phoenix/, places/): rows and list cells.
TABLES = sorted(
    [
        *ONTOLOGY.glob("*.tsv"),
        *ONTOLOGY.glob("cameo/*.tsv"),
        *ONTOLOGY.glob("lexicon/**/*.tsv"),
        *ONTOLOGY.glob("actors/**/*.tsv"),
    ],
    key=lambda p: str(p),
)
# Tables read into a dict by their key columns (0-based): a second row for a key would be lost.
KEYS = {
    "relations.tsv": (0,),
    "lexicon/modality.tsv": (0, 1),
    "lexicon/noun_classes.tsv": (0,),
    "actors/countries.tsv": (0,),
    "actors/organizations.tsv": (0,),
    "actors/sectors.tsv": (0,),
    "actors/state_nouns.tsv": (0,),
    "actors/publishers.tsv": (0,),
    "actors/persons.tsv": (0,),
}


def data_rows(path: Path) -> list[tuple[int, list[str]]]:
    """(line number, cells) of the rows of a TSV file, without comments and blank lines."""
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            out.append((n, line.rstrip("\r").split("\t")))
    return out


def repeated_rows(path: Path) -> list[str]:
    seen: dict[tuple, int] = {}
    out = []
    for n, cells in data_rows(path):
        key = tuple(c.strip() for c in cells)
        if key in seen:
            out.append(f"{path.name}:{n} repeats line {seen[key]}")
        seen.setdefault(key, n)
    return out


def repeated_list_items(path: Path) -> list[str]:
    out = []
    for n, cells in data_rows(path):
        for cell in cells:
            if "|" in cell:
                twice = sorted(w for w, k in Counter(w.strip() for w in cell.split("|")).items() if k > 1)
                if twice:
                    out.append(f"{path.name}:{n} lists {', '.join(twice)} twice")
    return out


def test_the_checks_find_a_repeated_row_a_repeated_word_and_nothing_in_a_clean_file(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("#kind\twhere\tlemmas\nnegate\tgovernor\trule out|deny|rule out\nx\ty\tz\nx\ty\tz\n", "utf-8")
    assert repeated_rows(bad) == ["bad.tsv:4 repeats line 3"]
    assert repeated_list_items(bad) == ["bad.tsv:2 lists rule out twice"]
    good = tmp_path / "good.tsv"
    good.write_text("negate\tgovernor\trule out|deny\n", "utf-8")
    assert repeated_rows(good) == repeated_list_items(good) == []


def test_the_data_tables_are_found():
    names = {str(p.relative_to(ONTOLOGY)) for p in TABLES}
    assert {"relations.tsv", "lexicon/triggers.tsv", "lexicon/modality.tsv", "actors/countries.tsv"} <= names
    assert set(KEYS) <= names


@pytest.mark.parametrize("path", TABLES, ids=lambda p: str(p.relative_to(ONTOLOGY)))
def test_no_row_is_written_twice(path):
    assert repeated_rows(path) == []


@pytest.mark.parametrize("path", TABLES, ids=lambda p: str(p.relative_to(ONTOLOGY)))
def test_no_list_cell_names_a_word_twice(path):
    assert repeated_list_items(path) == []


@pytest.mark.parametrize("name", sorted(KEYS))
def test_keyed_tables_give_each_key_once(name):
    columns = KEYS[name]
    rows = data_rows(ONTOLOGY / name)
    keys = Counter(tuple(cells[c].strip() if c < len(cells) else "" for c in columns) for _, cells in rows)
    assert [k for k, n in keys.items() if n > 1] == []
