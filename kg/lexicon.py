"""The trigger lexicon and modality words, loaded from ``ontology/lexicon/*.tsv``.

Takes the data files and gives lookup tables keyed by lemma, so extraction rules stay free of
word lists: adding a trigger is adding a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kg.ontology import ontology_dir, read_tsv, relations


@dataclass(frozen=True)
class Trigger:
    """One way of stating a relation: a verb, a verb with its object noun, a noun or a participle."""

    kind: str  # verb | light | noun | adj
    lemma: str
    noun: str  # light entries: noun lemma or @CLASS; else "-"
    relation: str
    source: tuple[str, ...]
    target: tuple[str, ...]

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

    def noun_matches(self, spec: str, lemma: str) -> bool:
        if spec.startswith("@"):
            return lemma in self.noun_classes.get(spec[1:], ())
        return lemma == spec

    def light_for(self, verb: str, noun: str) -> list[Trigger]:
        return [t for t in self.light.get(verb, ()) if self.noun_matches(t.noun, noun)]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    folder = ontology_dir() / "lexicon"
    lex = Lexicon()
    for row in read_tsv(folder / "noun_classes.tsv"):
        lex.noun_classes[row[0]] = frozenset(w.strip() for w in row[1].split("|") if w.strip())
    known = relations()
    tables = {"verb": lex.verbs, "light": lex.light, "noun": lex.nouns, "adj": lex.adjs}
    for row in read_tsv(folder / "triggers.tsv"):
        kind, lemma, noun, relation, source, target = row[:6]
        if kind not in tables:
            raise ValueError(f"triggers.tsv: unknown kind {kind!r}")
        if relation not in known:
            raise ValueError(f"triggers.tsv: unknown relation {relation!r} for {lemma!r}")
        trig = Trigger(kind, lemma.lower(), noun.lower() if not noun.startswith("@") else noun, relation,
                       tuple(source.split("|")), tuple(target.split("|")))
        tables[kind].setdefault(trig.lemma, []).append(trig)
    for row in read_tsv(folder / "wildcard_blocked.tsv"):
        lex.blocked_wildcard = lex.blocked_wildcard | {w.strip() for w in row[0].split("|") if w.strip()}
    for row in read_tsv(folder / "support_verbs.tsv"):
        lex.support_verbs = lex.support_verbs | {w.strip() for w in row[0].split("|") if w.strip()}
    for row in read_tsv(folder / "modality.tsv"):
        kind, where, words = row[0], row[1], row[2]
        table = lex.negate if kind == "negate" else lex.hedge
        table[where] = frozenset(table.get(where, frozenset()) | {w.strip() for w in words.split("|") if w.strip()})
    return lex
