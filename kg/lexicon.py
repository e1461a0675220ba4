"""The trigger lexicon and modality words, loaded from ``ontology/lexicon/*.tsv``.

Takes the data files and gives lookup tables keyed by lemma, so extraction rules stay free of
word lists: adding a trigger is adding a line. Two trigger files are read: the curated
``triggers.tsv`` first, then ``cameo/triggers.tsv``, converted from the CAMEO verb dictionary by
``scripts/convert_cameo.py`` and filtered on the real-text dev set (its README). A curated entry
wins over a converted one for the same verb and noun, because it comes first.

Every row is checked at load against the known kinds, relations, noun classes and the slot
resolvers registered in :mod:`kg.slots`; a bad row is an error naming the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from kg.errors import KGError
from kg.ontology import ontology_dir, relations
from kg.slots import known as known_slot
from kg.slots import names as slot_names

KINDS = ("verb", "light", "noun", "adj")


class LexiconError(KGError, ValueError):
    """A malformed lexicon row; the message names the file and the line."""


@dataclass(frozen=True)
class Trigger:
    """One way of stating a relation: a verb, a verb with its object noun, a noun or a participle."""

    kind: str  # verb | light | noun | adj
    lemma: str
    noun: str  # light entries: noun lemma or @CLASS; else "-"
    relation: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    origin: str = "kg"  # "kg" (curated) or "cameo:<code>" (converted from the CAMEO dictionary)

    @property
    def converse(self) -> bool:
        return "subj" in self.target


@dataclass
class Lexicon:
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    light: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    adjs: dict[str, list[Trigger]] = field(default_factory=dict)
    noun_classes: dict[str, frozenset[str]] = field(default_factory=dict)
    negate: dict[str, frozenset[str]] = field(default_factory=dict)
    hedge: dict[str, frozenset[str]] = field(default_factory=dict)
    blocked_wildcard: frozenset[str] = frozenset()
    support_verbs: frozenset[str] = frozenset()

    @cached_property
    def implied_preps(self) -> dict[str, frozenset[str]]:
        """Event nouns whose target may be implied ("Russia's unprovoked war") -> the prepositions
        that name their target when the text does ("war against", "invasion of")."""
        return {
            noun: frozenset(
                t[5:] for trig in trigs if "implied" in trig.target for t in trig.target if t.startswith("prep:")
            )
            for noun, trigs in self.nouns.items()
            if any("implied" in trig.target for trig in trigs)
        }

    def noun_matches(self, spec: str, lemma: str) -> bool:
        if spec.startswith("@"):
            return lemma in self.noun_classes.get(spec[1:], ())
        return lemma == spec

    def light_for(self, verb: str, noun: str) -> list[Trigger]:
        return [t for t in self.light.get(verb, ()) if self.noun_matches(t.noun, noun)]


def _rows(path: Path):
    """(line number, cells) of a TAB-separated data file, without comments and blank lines."""
    with open(path, encoding="utf-8", newline="") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield n, [cell.strip() for cell in line.split("\t")]


def _check_slots(spec: str, where: str) -> tuple[str, ...]:
    slots = tuple(s for s in spec.split("|") if s)
    if not slots:
        raise LexiconError(f"{where}: empty slot list")
    for s in slots:
        if not known_slot(s):
            raise LexiconError(f"{where}: unknown slot {s!r} (known: {', '.join(slot_names())})")
    return slots


def load_triggers(lex: Lexicon, path: Path, origin_column: bool = False) -> int:
    """Add the triggers of one file to ``lex``; returns how many were read."""
    known = relations()
    tables = {"verb": lex.verbs, "light": lex.light, "noun": lex.nouns, "adj": lex.adjs}
    count = 0
    for n, row in _rows(path):
        where = f"{path.name}:{n}"
        if len(row) < 6:
            raise LexiconError(
                f"{where}: a trigger needs 6 columns (kind lemma noun relation source target), got {len(row)}"
            )
        kind, lemma, noun, relation, source, target = row[:6]
        if kind not in tables:
            raise LexiconError(f"{where}: unknown kind {kind!r} (known: {', '.join(KINDS)})")
        if relation not in known:
            raise LexiconError(f"{where}: unknown relation {relation!r} for {lemma!r}")
        if noun.startswith("@") and noun[1:] not in lex.noun_classes:
            raise LexiconError(f"{where}: unknown noun class {noun!r} (see noun_classes.tsv)")
        origin = f"cameo:{row[6]}" if origin_column and len(row) > 6 else "kg"
        if origin != "kg" and kind == "light" and noun in lex.nouns:
            continue  # a curated noun trigger ("expulsion") already says what the noun's event is
        targets = _check_slots(target, where)
        if origin != "kg" and kind == "verb":
            # a dictionary's bare verb pattern takes an object that names an actor: "advanced its
            # goals" is no attack on the state "its" stands for
            targets = tuple("obj!" if s == "obj" else s for s in targets)
        trig = Trigger(
            kind,
            lemma.lower(),
            noun.lower() if not noun.startswith("@") else noun,
            relation,
            _check_slots(source, where),
            targets,
            origin,
        )
        tables[kind].setdefault(trig.lemma, []).append(trig)
        count += 1
    return count


def load_lexicon(folder: Path | None = None, cameo: bool = True) -> Lexicon:
    folder = folder or ontology_dir() / "lexicon"
    lex = Lexicon()
    for _n, row in _rows(folder / "noun_classes.tsv"):
        lex.noun_classes[row[0]] = frozenset(w.strip() for w in row[1].split("|") if w.strip())
    load_triggers(lex, folder / "triggers.tsv")
    converted = folder / "cameo" / "triggers.tsv"
    if cameo and converted.exists():
        load_triggers(lex, converted, origin_column=True)
    for _, row in _rows(folder / "wildcard_blocked.tsv"):
        lex.blocked_wildcard = lex.blocked_wildcard | {w.strip() for w in row[0].split("|") if w.strip()}
    for _, row in _rows(folder / "support_verbs.tsv"):
        lex.support_verbs = lex.support_verbs | {w.strip() for w in row[0].split("|") if w.strip()}
    for n, row in _rows(folder / "modality.tsv"):
        if len(row) < 3 or row[0] not in ("negate", "hedge"):
            raise LexiconError(f"modality.tsv:{n}: a row is 'negate|hedge <TAB> where <TAB> words'")
        kind, where, words = row[0], row[1], row[2]
        table = lex.negate if kind == "negate" else lex.hedge
        table[where] = frozenset(table.get(where, frozenset()) | {w.strip() for w in words.split("|") if w.strip()})
    return lex


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return load_lexicon()
