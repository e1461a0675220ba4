"""Convert the CAMEO verb dictionary (PETRARCH2 / Open Event Data, MIT) to kg's trigger format.

    python scripts/convert_cameo.py [--src FILE] [--agents FILE] [--out DIR] [--expand block|origin]
                                    [--left-out FILE]

Reads the PETRARCH2 verb dictionary (``CAMEO.2.0.txt``: synonym sets, verb synonym blocks and
about 4,700 patterns such as ``- * SANCTIONS (ON) [163]``) and writes ``DIR/triggers.tsv``
(``--expand block``, the default) or ``DIR/triggers_origin.tsv`` (``--expand origin``) in the column
format of ``ontology/lexicon/triggers.tsv`` (kind, lemma, noun, relation, source, target) plus a
trailing ``cameo`` column with the code the entry came from. What it does:

* verb lines: a verb's own code, or its block's code, is what the verb means on its own; it becomes
  a bare ``verb`` entry (``subj`` -> ``obj``, plus ``prep:with|recip`` for symmetric relations)
  unless the lemma is in ``ontology/lexicon/cameo/generic_verbs.txt``; ``+ASK_FOR`` -> ``prep:for``;
* ``- * (AGAINST) [113]``: the verb with a preposition -> ``verb`` entry, target ``prep:against|obj``
  (``prep:against`` only for a synonym that inherits the pattern from its block);
* ``- * SANCTIONS (ON) [163]``: the verb with its object noun -> ``light`` entry, the noun as a
  lower-case singular lemma, target ``prep:on`` plus the relation's non-preposition slots; without
  a preposition the relation's usual target slots (``DEFAULT_LIGHT_TARGETS``); an agent noun
  (Phoenix.agents.txt, CAMEO's &MILITARY, &LEADER, ...) is itself the target (``objmod|obj``) for
  relations like attacks or criticizes;
* ``[:071]`` (the event runs from the target to the subject: "received a loan") and purchases
  ("bought drones") -> converse entries, source ``prep:from|objmod`` (or the pattern's
  preposition), target ``subj``; ``[a:b]`` is read as ``a``;
* ``--expand block``: a pattern applies to every one-word verb of its synonym block, as PETRARCH
  applies it; ``--expand origin``: only to the verb its comment names (the verb it was written
  for), and a block's code only to the block's own verb and to verbs with their own code;
  synonym sets (``&WEAPON``) expand to their one-word members in both;
* CAMEO codes map to kg relations in ``relation_for`` (the table in the README); codes without a
  kg relation (01 statements, 03 intents, 055/056, null codes) are left out;
* everything kg's slots cannot express is left out and counted by reason (``--left-out`` lists it);
* entries that ``ontology/lexicon/triggers.tsv`` already has (same kind, lemma, noun or a noun
  class holding it, and relation) are dropped; where it gives the same (kind, lemma, noun)
  another relation, the CAMEO entry survives only on a preposition of its own the lexicon
  does not use ("fight alongside"), else it is dropped as a contradiction;
* when one (kind, lemma, noun) gets several relations, the most specific one wins: a pattern
  written for that very verb (the dictionary's comment names it, or its own verb line) over one
  inherited from a synonym, an exact noun over a noun whose modifier was dropped, then the most
  frequent, then the first in the file. A losing relation keeps only its own prepositions.

Standard library only; the output is deterministic (sorted).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC = Path("/work/shared/reference/event-dictionaries/CAMEO.2.0.txt")
DEFAULT_OUT = ROOT / "ontology" / "lexicon" / "cameo"

# words that, after the verb and outside parentheses, are prepositions: the pattern is a legacy
# linear (TABARI) pattern kg's slots cannot hold, e.g. "- * CALL ON + TO RESIGN"
PREPOSITIONS = {
    "ABOUT",
    "ACROSS",
    "AFTER",
    "AGAINST",
    "ALONG",
    "ALONGSIDE",
    "AMONG",
    "AS",
    "AT",
    "BEFORE",
    "BEHIND",
    "BETWEEN",
    "BEYOND",
    "BY",
    "DURING",
    "FOR",
    "FROM",
    "IN",
    "INSIDE",
    "INTO",
    "NEAR",
    "OF",
    "ON",
    "ONTO",
    "OVER",
    "REGARDING",
    "SINCE",
    "THAT",
    "THROUGH",
    "TO",
    "TOWARD",
    "TOWARDS",
    "UNDER",
    "UNTIL",
    "UPON",
    "WITH",
    "WITHIN",
    "WITHOUT",
}
# adverbial particles of phrasal verbs ("SET * OFF &WEAPON", "+BEEF_UP"): kg matches a verb by its
# lemma alone and cannot require the particle
PARTICLES = {
    "AHEAD",
    "APART",
    "ASIDE",
    "AROUND",
    "AWAY",
    "BACK",
    "CLOSE",
    "CLOSER",
    "DOWN",
    "FORTH",
    "FORWARD",
    "FURTHER",
    "OFF",
    "OUT",
    "TOGETHER",
    "UP",
}
# post-verb words that are not object nouns (CAMEO writes complements such as "SET * FREE",
# "LOOK * UNCERTAIN", "BURN * THEMSELVES" the same way); words in -LY and participles in -ED are
# caught by rule (see is_noun)
NOT_NOUNS = {
    "ABLAZE",
    "AFIRE",
    "AGAINST",
    "ARM-IN-ARM",
    "DANGEROUS",
    "DEEP",
    "DEFIANT",
    "DIPLOMATIC",
    "FINANCIAL",
    "FREE",
    "GUILTY",
    "HERSELF",
    "HIMSELF",
    "HUMANITARIAN",
    "IF",
    "ILLEGITIMATE",
    "ITSELF",
    "RESPONSIBLE",
    "SKEPTICAL",
    "THEMSELVES",
    "UNCERTAIN",
    "UNJUST",
    "UNJUSTIFIED",
    "UNTRUE",
    "WILLING",
    "READY",
    "POSSIBLE",
    "IMPOSSIBLE",
    "NECESSARY",
    "CLEAR",
    "OPEN",
    "SURE",
    "HAPPY",
    "CONFIDENT",
    "ABLE",
}
LY_NOUNS = {"ALLY", "RALLY", "ASSEMBLY", "SUPPLY", "MONOPOLY", "FAMILY"}
# modifiers that turn a pattern into its negation ("GET {NO AID}")
NEGATORS = {"NO", "NOT", "NEVER", "NON", "WITHOUT", "NOR"}
# verbs with which 06/07 codes state a supply of goods (kg's @GOODS, CAMEO's &WEAPON, &AIRCRAFT,
# &WMD), not aid or cooperation; BUY_VERBS state it from the receiving end (converse entries)
SUPPLY_VERBS = {
    "deliver",
    "supply",
    "sell",
    "ship",
    "export",
    "send",
    "provide",
    "furnish",
    "transfer",
    "donate",
    "give",
}
BUY_VERBS = {"buy", "purchase", "import", "acquire", "procure", "obtain"}
GOODS_SYNSETS = ("&WEAPON", "&AIRCRAFT", "&WMD")
# CAMEO synonym sets of people: their members, like the agent nouns of Phoenix.agents.txt, name
# the actor acted upon ("crushed the Ukrainian brigade"), so such a light entry targets objmod first
PEOPLE_SYNSETS = (
    "&MILITARY",
    "&LEADER",
    "&PEOPLE",
    "&PKO",
    "&NEGOTIATOR",
    "&REFUGEE",
    "&SUSPECT",
    "&HOSTAGE",
    "&OPPOSITION",
)
# verbs with which an 03x code (intent to cooperate) is nevertheless a concluded agreement
AGREEMENT_VERBS = {"sign", "ink", "seal", "conclude", "clinch", "finalize", "finalise", "ratify", "initial"}
# converse entries ([:x]): who acts when the pattern gives no preposition
CONVERSE_SOURCE = ("prep:from", "prep:by", "objmod")
# target slots of a light entry whose pattern names no preposition, per relation; with a named
# preposition, the preposition comes first and only the non-preposition slots here are kept
DEFAULT_LIGHT_TARGETS = {
    "meets": ("prep:with", "prep:to", "recip"),
    "supports": ("prep:for", "prep:to", "objmod"),
    "agreesWith": ("prep:with", "recip"),
    "requests": ("prep:from", "prep:to", "dative"),
    "concedesTo": ("prep:to", "prep:for", "objmod"),
    "cooperatesWith": ("prep:with", "prep:to", "recip"),
    "supplies": ("dative", "prep:to"),
    "aids": ("dative", "prep:to", "prep:for"),
    "withdrawsFrom": ("prep:from",),
    "investigates": ("prep:into", "prep:of", "objmod"),
    "demands": ("prep:from", "prep:of"),
    "criticizes": ("prep:of", "prep:against", "objmod"),
    "accuses": ("prep:against", "objmod"),
    "rejects": ("objmod", "prep:from", "prep:by"),
    "threatens": ("prep:against", "prep:to", "objmod"),
    "protestsAgainst": ("prep:against", "objmod"),
    "mobilizesAgainst": ("prep:against", "prep:near", "prep:along", "prep:on"),
    "sanctions": ("prep:on", "prep:against", "objmod"),
    "coerces": ("objmod", "prep:of", "prep:on"),
    "attacks": ("prep:on", "prep:against", "prep:at", "objmod"),
}
RELATION_ORDER = list(DEFAULT_LIGHT_TARGETS)


def relation_for(
    code: str, lemma: str, noun: str, goods: frozenset[str], deals: frozenset[str] = frozenset()
) -> str | None:
    """The kg relation of a CAMEO event code (without ':'), for a verb lemma and its object noun."""
    if not re.fullmatch(r"\d{3,4}", code):
        return None
    root, three = code[:2], code[:3]
    if root == "02":
        return "requests"
    if root == "03":
        # intents to cooperate are hedged future events; only a signed or concluded deal counts
        return "agreesWith" if lemma in AGREEMENT_VERBS and noun in deals else None
    if root == "04":
        return "meets"
    if root == "05":
        if three == "057":
            return "agreesWith"
        if three in ("055", "056"):  # apologise, forgive: neither support nor agreement
            return None
        return "supports"
    if root in ("06", "07"):
        if lemma in SUPPLY_VERBS | BUY_VERBS and (noun == "-" or noun in goods):
            return "supplies"
        return "cooperatesWith" if root == "06" else "aids"
    if root == "08":
        return "withdrawsFrom" if three == "087" else "concedesTo"
    if root == "09":
        return "investigates"
    if root == "10":
        return "demands"
    if root == "11":
        return "accuses" if three == "112" else "criticizes"
    return {
        "12": "rejects",
        "13": "threatens",
        "14": "protestsAgainst",
        "15": "mobilizesAgainst",
        "16": "sanctions",
        "17": "coerces",
        "18": "attacks",
        "19": "attacks",
        "20": "attacks",
    }.get(root)


# ---------------------------------------------------------------------------------- word forms

IRREGULAR_PLURALS = {
    "knives": "knife",
    "lives": "life",
    "men": "man",
    "women": "woman",
    "people": "people",
    "kroner": "krone",
    "analyses": "analysis",
    "crises": "crisis",
    "children": "child",
    "servicemen": "serviceman",
    "infantrymen": "infantryman",
    "militia": "militia",
    "critics": "critic",
    "tactics": "tactic",
    "data": "datum",
    "feet": "foot",
    "teargas": "teargas",
    "gas": "gas",
    "bias": "bias",
}
# verb lines written in an inflected form (BURNT, FORGIVEN, SHOT): spaCy, hence kg, sees the base
IRREGULAR_VERBS = {
    "burnt": "burn",
    "saw": "see",
    "forgave": "forgive",
    "forgiven": "forgive",
    "killed": "kill",
    "shot": "shoot",
}


def singular(word: str) -> str:
    """Lower-case singular of an upper-case CAMEO noun (regular English plurals)."""
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if w.endswith("men") and w[:-3] + "man" != w and len(w) > 5:
        return w[:-3] + "man"
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "ous", "news", "ics")) or "-" in w[-3:]:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


def regular_forms(base: str) -> set[str]:
    """The forms PETRARCH generates for a regular verb (upper case)."""
    forms = {base}
    forms.add(
        base + "ES"
        if base.endswith(("S", "X", "Z", "SH", "CH"))
        else base[:-1] + "IES"
        if base.endswith("Y")
        else base + "S"
    )
    forms.add(base + "D" if base.endswith("E") else base + "ED")
    forms.add(base[:-1] + "ING" if base.endswith("E") and len(base) > 2 and base[-2] not in "AEIOU" else base + "ING")
    if base.endswith("Y"):
        forms.add(base[:-1] + "IED")
    return forms


# ---------------------------------------------------------------------------------- parsing


@dataclass
class VerbLine:
    line: int
    text: str
    word: str  # the verb as written, e.g. ASK, +ASK_FOR, RE_+ARREST
    forms: list[str]
    code: str | None  # own code, None if it inherits the block's


@dataclass
class Pattern:
    line: int
    text: str
    pre: str
    post: str
    code: str
    comment: str  # the verb the pattern was written for, if the comment names one


@dataclass
class Block:
    name: str
    code: str
    line: int
    verbs: list[VerbLine] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    seen: set = field(default_factory=set)


@dataclass
class Dictionary:
    synsets: dict[str, list[str]]
    blocks: list[Block]
    transformations: int
    duplicates: int


def _code_of(text: str) -> tuple[str, str | None]:
    m = re.search(r"\[([^\]]*)\]", text)
    if not m:
        return text, None
    return (text[: m.start()] + text[m.end() :]), m.group(1).strip()


def parse(src: Path) -> Dictionary:
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    transformations = 0
    duplicates = 0  # a pattern repeated in its block (same words, same code)
    in_patterns = False
    current_syn: str | None = None
    for n, raw in enumerate(src.read_text("utf-8", errors="replace").splitlines(), 1):
        line = raw.rstrip()
        if line.startswith("####### VERB PATTERNS"):
            in_patterns, current_syn = True, None
            continue
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("<!"):
            continue
        if not in_patterns:
            if line.startswith("&"):
                current_syn = line.split()[0]
                synsets[current_syn.rstrip("_")] = []
            elif line.startswith("+") and current_syn:
                synsets[current_syn.rstrip("_")].append(line[1:].split("#")[0].strip())
            continue
        if line.startswith("~"):
            transformations += 1
            continue
        if line.startswith("---"):
            body, code = _code_of(line.strip("- "))
            blocks.append(Block(body.strip().split()[0] if body.strip() else "?", code or "---", n))
            continue
        if not blocks:
            continue
        block = blocks[-1]
        if line.startswith("-"):
            body, comment = (line[1:].split("#", 1) + [""])[:2]
            body, code = _code_of(body)
            pre, _, post = body.partition("*")
            words = re.findall(r"\+?[A-Z][A-Z_+\-']*", comment.upper())
            key = (" ".join(pre.split()), " ".join(post.split()), code)
            if key in block.seen:
                duplicates += 1
                continue
            block.seen.add(key)
            block.patterns.append(
                Pattern(n, line.strip(), pre.strip(), post.strip(), code or "---", words[0] if words else "")
            )
            continue
        body = re.split(r"#|;", line, maxsplit=1)[0]
        body, code = _code_of(body)
        forms: list[str] = []
        m = re.search(r"\{([^}]*)\}", body)
        if m:
            forms = m.group(1).split()
            body = body[: m.start()] + body[m.end() :]
        word = body.split()[0] if body.split() else ""
        if word:
            block.verbs.append(VerbLine(n, line.strip(), word, forms, code))
    return Dictionary(synsets, blocks, transformations, duplicates)


# ---------------------------------------------------------------------------------- verbs


@dataclass(frozen=True)
class Verb:
    lemma: str
    own_code: str | None
    kind: str  # simple | particle | prep | noun
    extra: str  # particle, preposition or noun of a multi-word verb
    line: int


def block_verbs(block: Block, left: LeftOut) -> list[Verb]:
    """The verbs of a synonym block, as kg lemmas; inflected duplicates and pre-compounds dropped."""
    inflected: set[str] = set()
    for v in block.verbs:
        if "_" in v.word or "+" in v.word:
            continue
        inflected |= {f for f in v.forms if f != v.word}
        inflected |= regular_forms(v.word) - {v.word}
    out: list[Verb] = []
    seen: set[tuple[str, str, str]] = set()
    for v in block.verbs:
        word = v.word
        if "+" not in word and "_" not in word:
            if word in inflected:
                left.add("verb line: an inflected form of another verb of the block", v.text, v.line)
                continue
            lemma = IRREGULAR_VERBS.get(word.lower(), word.lower())
            if lemma.startswith("re-"):
                lemma = lemma[3:]  # spaCy splits "re-arrest"; kg sees the verb "arrest"
            verb = Verb(lemma, v.code, "simple", "", v.line)
        else:
            parts = word.split("_")
            if not parts[0].startswith("+"):
                left.add("verb line: pre-compound verb (RE_+ARREST, WIRE_+TAP)", v.text, v.line)
                continue
            head, rest = parts[0][1:], [p for p in parts[1:] if p]
            if len(rest) != 1:
                left.add("verb line: multi-word verb of three or more words", v.text, v.line)
                continue
            extra = rest[0]
            if extra in ("AND", "OR", "BUT", "THEN", "NOR"):
                left.add("verb line: two verbs joined by a conjunction (+KILLED_AND)", v.text, v.line)
                continue
            head = IRREGULAR_VERBS.get(head.lower(), head.lower()).upper()
            if extra in PARTICLES:
                verb = Verb(head.lower(), v.code, "particle", extra.lower(), v.line)
            elif extra in PREPOSITIONS:
                verb = Verb(head.lower(), v.code, "prep", extra.lower(), v.line)
            elif not is_noun(extra):
                left.add("verb line: multi-word verb with an adjective or adverb (+SEEM_CONFIDENT)", v.text, v.line)
                continue
            else:
                verb = Verb(head.lower(), v.code, "noun", singular(extra), v.line)
        key = (verb.lemma, verb.kind, verb.extra)
        if key in seen:
            continue
        seen.add(key)
        out.append(verb)
    return out


# ---------------------------------------------------------------------------------- patterns

TOKEN = re.compile(r"\(|\)|\{|\}|[^\s(){}]+")


@dataclass
class Shape:
    """What a pattern's post-verb part says, once kg can hold it."""

    nouns: list[str]  # one head noun (word or &SYNSET); empty for verb(+prep) patterns
    modifiers: list[str]
    prep: str | None


def analyse(post: str) -> tuple[Shape | None, str]:
    """The pattern's shape, or None and the reason it is left out."""
    toks = TOKEN.findall(post)
    if any(t in ("$",) for t in toks):
        return None, "source marker $ (the source is not the subject)"
    if "%" in toks:
        return None, "compound-actor marker %"
    if "^" in toks:
        return None, "skip marker ^ (an unspecified phrase in the pattern)"
    # split into elements: ("np", [words]) | ("prep", [words]) | ("word", w) | ("+",)
    elems: list[tuple] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == "(":
            j = toks.index(")", i) if ")" in toks[i:] else len(toks)
            inner = [x for x in toks[i + 1 : j] if x not in ("{", "}")]
            elems.append(("prep", inner))
            i = j + 1
        elif t == "{":
            j = toks.index("}", i) if "}" in toks[i:] else len(toks)
            elems.append(("np", toks[i + 1 : j]))
            i = j + 1
        elif t in (")", "}"):
            i += 1
        elif t == "+":
            elems.append(("+",))
            i += 1
        else:
            elems.append(("word", t))
            i += 1
    # a "+" right after the verb or after a bare preposition group only marks the target there
    plain = [e for e in elems if e[0] != "+"]
    for e in elems:
        if e[0] == "prep" and "+" in e[1]:
            e[1].remove("+")
    words = [w for e in plain for w in ([e[1]] if e[0] == "word" else e[1])]
    if any(w in NEGATORS for w in words):
        return None, "negated pattern (NO, NOT, NEVER, ...)"
    if any(e[0] == "word" and e[1] in PARTICLES for e in plain):
        return None, "phrasal-verb particle (OFF, UP, OUT, ...) kg cannot require"
    if len(plain) == 1 and plain[0][0] == "word" and plain[0][1] in PREPOSITIONS and plain[0][1] != "THAT":
        # "- * INTO [190]", "- * FROM + [0874]": a lone preposition written without parentheses
        return Shape([], [], plain[0][1].lower()), ""
    if any(e[0] == "word" and e[1] in PREPOSITIONS for e in plain):
        return None, "legacy linear pattern (bare preposition or clause words)"
    preps = [e for e in plain if e[0] == "prep"]
    nouns = [e for e in plain if e[0] in ("word", "np")]
    if len(preps) > 1:
        return None, "two or more prepositional phrases"
    if len(nouns) > 1:
        return None, "two or more post-verb nouns (multi-word phrase)"
    prep = None
    if preps:
        inner = preps[0][1]
        if not inner or inner[0] not in PREPOSITIONS:
            return None, "prepositional phrase without a known preposition"
        if len(inner) > 1:
            return None, "fixed noun inside the prepositional phrase ('* (FOR HELP)')"
        prep = inner[0].lower()
    for k, e in enumerate(elems):
        # "+" alone ("* +") or after a preposition group ("* (FROM) +") marks the target there;
        # next to an object noun ("* {JOINT CALL} +", "* + MISSION") kg has no slot for it
        if e[0] == "+" and nouns and not (k > 0 and elems[k - 1][0] == "prep"):
            return None, "target marker + next to the object noun"
    if not nouns:
        return Shape([], [], prep), ""
    kind, val = nouns[0]
    np_words = [val] if kind == "word" else list(val)
    if not np_words:
        return None, "empty noun phrase"
    head, mods = np_words[-1], np_words[:-1]
    if not re.fullmatch(r"&?[A-Z][A-Z'\-]*", head):
        return None, "noun is not a plain word"
    if not is_noun(head):
        return None, "object is not a noun (adjective, adverb, participle, pronoun)"
    return Shape([head], mods, prep), ""


def is_noun(word: str) -> bool:
    """False for the adjectives, adverbs and participles CAMEO writes where a noun would go."""
    if word.startswith("&"):
        return True
    if word in NOT_NOUNS or (word.endswith("LY") and len(word) > 4 and word not in LY_NOUNS):
        return False
    return not (word.endswith("ED") and len(word) > 4 and not word.endswith("EED"))


def noun_lemmas(head: str, synsets: dict[str, list[str]], stats: Counter) -> list[str]:
    """Singular lower-case lemmas of a head noun or of a synonym set's one-word members."""
    if head.startswith("&"):
        members = synsets.get(head)
        if members is None:
            return []
        out = []
        for m in members:
            m = m.rstrip("_")
            if "_" in m or " " in m:
                stats["synset members skipped: multi-word"] += 1
                continue
            if not re.fullmatch(r"[A-Z][A-Z'\-]*", m):
                stats["synset members skipped: not a plain word (F-16, M16, ...)"] += 1
                continue
            out.append(singular(m))
        return list(dict.fromkeys(out))
    return [singular(head)]


# ---------------------------------------------------------------------------------- candidates


@dataclass
class Candidate:
    kind: str
    lemma: str
    noun: str
    relation: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    code: str
    line: int
    origin: bool  # written for this very verb (comment or its own verb line)
    exact: bool  # noun as written, no modifier dropped
    explicit: tuple[str, ...] = ()  # the slot the pattern itself names ("* (AGAINST)" -> prep:against)


class LeftOut:
    def __init__(self) -> None:
        self.reasons: Counter = Counter()
        self.examples: dict[str, list[str]] = defaultdict(list)
        self.rows: list[tuple[int, str, str]] = []

    def add(self, reason: str, text: str, line: int) -> None:
        self.reasons[reason] += 1
        if len(self.examples[reason]) < 3:
            self.examples[reason].append(re.sub(r"\s+", " ", text))
        self.rows.append((line, reason, re.sub(r"\s+", " ", text)))


def split_code(code: str) -> tuple[str, bool, str]:
    """(code used, converse?, how it was read) for '163', '042:043', ':071'."""
    if ":" not in code:
        return code, False, "plain"
    a, b = (c.strip() for c in code.split(":", 1))
    if not a:
        return b, True, "converse"
    return a, False, "pair"


# relations whose target an agent noun object names ("condemned the Iranian militia", "expelled
# Russian diplomats"), and meets when the subject hosts (043: "received the Iranian envoy"); with
# other relations the agent is the subject's own ("deployed troops", "sent an envoy to")
AGENT_TARGET_RELATIONS = {
    "attacks",
    "coerces",
    "criticizes",
    "accuses",
    "sanctions",
    "supports",
    "threatens",
    "investigates",
    "rejects",
    "concedesTo",
    "protestsAgainst",
}


def targets_for(
    kind: str,
    relation: str,
    prep: str | None,
    symmetric: set[str],
    agent: bool = False,
    origin: bool = True,
    code: str = "",
) -> tuple[str, ...]:
    if kind == "verb":
        if prep:
            # "* (AGAINST)": the object of the preposition, else the direct object ("attacked X for");
            # a synonym that only inherits the pattern inherits the preposition, not a transitive use
            return (f"prep:{prep}", "obj") if origin else (f"prep:{prep}",)
        # a bare verb of a symmetric relation ("cooperate") takes its partner with "with"
        return ("obj", "prep:with", "recip") if relation in symmetric else ("obj",)
    defaults = DEFAULT_LIGHT_TARGETS[relation]
    if agent and (relation in AGENT_TARGET_RELATIONS or (relation == "meets" and code.startswith("043"))):
        lead = ["objmod", "obj"] + ([f"prep:{prep}"] if prep else [])
        return tuple(dict.fromkeys(lead + [s for s in defaults if not (prep and s.startswith("prep:"))]))
    if prep:
        return tuple(dict.fromkeys([f"prep:{prep}"] + [s for s in defaults if not s.startswith("prep:")]))
    return defaults


def converse_slots(prep: str | None, relation: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if prep:
        return (f"prep:{prep}", "objmod"), ("subj",)
    if relation in ("supplies", "aids", "supports", "meets", "agreesWith", "cooperatesWith"):
        return ("prep:from", "objmod"), ("subj",)  # "received a loan from", "won backing from"
    return CONVERSE_SOURCE, ("subj",)


def make_candidates(
    d: Dictionary,
    goods: frozenset[str],
    deal_nouns: frozenset[str],
    symmetric: set[str],
    generic: set[str],
    agents: frozenset[str],
    left: LeftOut,
    stats: Counter,
    expand: str = "block",
) -> list[Candidate]:
    out: list[Candidate] = []
    goods = goods | {n for syn in GOODS_SYNSETS for n in noun_lemmas(syn, d.synsets, Counter())}
    # members written with a final "_" are mass nouns ("OPPOSITION_", "RESISTANCE_"), not people
    agents = agents | {
        singular(m) for syn in PEOPLE_SYNSETS for m in d.synsets.get(syn, []) if re.fullmatch(r"[A-Z][A-Z'\-]*", m)
    }
    deals = frozenset(deal_nouns) | frozenset(noun_lemmas("&TREATY", d.synsets, Counter()))
    # every written or generated form of every verb -> its lemma, to read the comment's verb
    # ("# STEPPED_UP" -> step, "# KILLED_AND" -> kill)
    forms: dict[str, str] = {}
    for b in d.blocks:
        for v in b.verbs:
            head = v.word.split("_")[0].lstrip("+") if v.word.startswith("+") else v.word
            if not re.fullmatch(r"[A-Z][A-Z\-]*", head):
                continue
            base = IRREGULAR_VERBS.get(head.lower(), head.lower())
            for f in [head] + [x.split("_")[0].lstrip("+") for x in v.forms] + sorted(regular_forms(head)):
                forms.setdefault(f, base)

    def comment_verb(comment: str) -> str:
        word = comment.upper().lstrip("+").split("_")[0]
        return forms.get(word, "")

    def emit(kind, lemma, noun, code, prep, line, origin, exact):
        used, converse, how = split_code(code)
        relation = relation_for(used, lemma, noun, goods, deals)
        if relation is None:
            stats["expanded entries without a kg relation"] += 1
            return
        if kind == "verb" and lemma in generic:
            stats["expanded entries skipped: generic bare verb"] += 1
            return
        if relation == "supplies" and lemma in BUY_VERBS:
            converse, how = True, "converse (a purchase)"
        if converse:
            source, target = converse_slots(prep, relation)
        else:
            source, target = ("subj",), targets_for(kind, relation, prep, symmetric, noun in agents, origin, used)
        stats[f"code read as {how}"] += 1
        explicit = (f"prep:{prep}",) if prep else ()
        out.append(Candidate(kind, lemma, noun, relation, source, target, code, line, origin, exact, explicit))

    for block in d.blocks:
        verbs = block_verbs(block, left)
        # verb lines: what the verb means on its own. The block's code is written for the verb
        # the block is named after ("--- INCREASE [060] ---"); its synonyms inherit it.
        heads = {v.lemma for v in verbs if v.lemma == block.name.split("_")[0].lower()} or (
            {verbs[0].lemma} if verbs else set()
        )
        for v in verbs:
            code = v.own_code or block.code
            if code in ("---", ""):
                continue
            origin = v.own_code is not None or v.lemma in heads
            if expand == "origin" and not origin:
                stats["verb lines inheriting the block code, not expanded"] += 1
                continue
            stats["verb lines with a code"] += 1
            if v.kind in ("simple", "particle"):
                emit("verb", v.lemma, "-", code, None, v.line, origin, True)
            elif v.kind == "prep":
                emit("verb", v.lemma, "-", code, v.extra, v.line, origin, True)
            else:
                emit("light", v.lemma, v.extra, code, None, v.line, origin, True)
        for p in block.patterns:
            stats["patterns read"] += 1
            if p.code in ("---", ""):
                left.add("null code [---] (no event)", p.text, p.line)
                continue
            used, _, _ = split_code(p.code)
            if not re.fullmatch(r"\d{3,4}", used):
                left.add("malformed code", p.text, p.line)
                continue
            # 03 (only with a deal noun) and 06/07 (supplies or not) depend on the words; the rest not
            if used[:2] not in ("03", "06", "07") and relation_for(used, "-", "-", goods) is None:
                left.add(f"code without a kg relation ({_family(used)})", p.text, p.line)
                continue
            if p.pre:
                left.add("words before the verb (subject constraint or pre-verb phrase)", p.text, p.line)
                continue
            shape, reason = analyse(p.post)
            if shape is None:
                left.add(reason, p.text, p.line)
                continue
            if shape.nouns:
                lemmas = noun_lemmas(shape.nouns[0], d.synsets, stats)
                if not lemmas:
                    left.add("undefined synonym set", p.text, p.line)
                    continue
            else:
                lemmas = ["-"]
            produced = len(out)
            # multi-word verbs carry their own particle, preposition or noun: patterns go to one-word verbs
            apply = [v for v in verbs if v.kind == "simple"]
            written_for = comment_verb(p.comment)
            if expand == "origin":
                # only the verb the pattern was written for, which its comment names ("# RUSH")
                named = [v for v in apply if v.lemma == written_for]
                if named:
                    apply = named
                elif written_for:
                    apply = [Verb(written_for, None, "simple", "", p.line)]
                else:
                    stats["patterns without a verb in their comment, applied to the whole block"] += 1
            for v in apply:
                origin = written_for == v.lemma
                for noun in lemmas:
                    kind = "verb" if noun == "-" else "light"
                    emit(kind, v.lemma, noun, p.code, shape.prep, p.line, origin, not shape.modifiers)
            if len(out) == produced:
                if used.startswith("03"):
                    left.add("code without a kg relation (03 intent to cooperate)", p.text, p.line)
                else:
                    left.add("nothing left after expansion (generic verbs only, or no verb)", p.text, p.line)
                continue
            stats["patterns converted"] += 1
            if shape.modifiers:
                stats["patterns converted with noun modifiers dropped"] += 1
            if shape.nouns and shape.nouns[0].startswith("&"):
                stats["patterns converted through a synonym set"] += 1
    return out


def _family(code: str) -> str:
    if code.startswith("01"):
        return "01 public statement"
    if code[:3] in ("055", "056"):
        return "055/056 apologise, forgive"
    return f"{code[:2]} no mapping"


# ---------------------------------------------------------------------------------- kg data


def read_rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def read_relations(path: Path) -> tuple[set[str], set[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))
    names = {r["relation"].strip() for r in rows}
    sym = {r["relation"].strip() for r in rows if (r.get("symmetric") or "").strip().lower() in {"true", "yes", "1"}}
    return names, sym


def read_agents(path: Path) -> frozenset[str]:
    """One-word agent nouns of the PETRARCH agents dictionary (POLICE, TROOP, REBEL, ...), as lemmas."""
    if not path.exists():
        return frozenset()
    out = set()
    for line in path.read_text("utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith(("#", "!", "<")) or "[" not in line:
            continue
        word = line.split("[", 1)[0].replace("{}", "").strip().rstrip("_")
        if re.fullmatch(r"[A-Z][A-Z\-]*", word):
            out.add(singular(word))
    return frozenset(out)


def read_generic(path: Path) -> set[str]:
    out = set()
    for line in path.read_text("utf-8").splitlines():
        w = line.split("#", 1)[0].strip().lower()
        if w:
            out.add(w)
    return out


# ---------------------------------------------------------------------------------- merging


@dataclass
class Entry:
    kind: str
    lemma: str
    noun: str
    relation: str
    source: list[str]
    target: list[str]
    codes: Counter
    lines: list[int]
    origin: int
    exact: int
    explicit: set[str]

    def rank(self) -> tuple:
        return (self.origin > 0, self.exact > 0, len(self.lines), -min(self.lines))

    @property
    def code(self) -> str:
        best = max(self.codes.items(), key=lambda kv: (kv[1], -len(kv[0]), kv[0]))
        return best[0]


def _order(slots: Counter, first: dict[str, int]) -> list[str]:
    tail = {"recip": 1}
    return sorted(slots, key=lambda s: (tail.get(s, 0), -slots[s], first[s]))


def merge(cands: list[Candidate]) -> dict[tuple, Entry]:
    grouped: dict[tuple, list[Candidate]] = defaultdict(list)
    for c in cands:
        converse = c.target == ("subj",)
        grouped[(c.kind, c.lemma, c.noun, c.relation, converse)].append(c)
    out: dict[tuple, Entry] = {}
    for key, cs in grouped.items():
        src, tgt, fs, ft = Counter(), Counter(), {}, {}
        for i, c in enumerate(cs):
            for s in c.source:
                src[s] += 1
                fs.setdefault(s, i)
            for t in c.target:
                tgt[t] += 1
                ft.setdefault(t, i)
        # slots shared by more of the merged patterns first, "recip" last
        out[key] = Entry(
            key[0],
            key[1],
            key[2],
            key[3],
            _order(src, fs),
            _order(tgt, ft),
            Counter(c.code for c in cs),
            sorted({c.line for c in cs}),
            sum(c.origin for c in cs),
            sum(c.exact for c in cs),
            {s for c in cs for s in c.explicit},
        )
    return out


def resolve(entries: dict[tuple, Entry], stats: Counter, examples: dict[str, list[str]]) -> list[Entry]:
    by_key: dict[tuple, list[Entry]] = defaultdict(list)
    for e in entries.values():
        by_key[(e.kind, e.lemma, e.noun)].append(e)
    kept: list[Entry] = []
    for key, es in sorted(by_key.items()):
        if len({e.relation for e in es}) == 1:
            kept += es
            continue
        stats["conflicts: (kind, lemma, noun) with several relations"] += 1
        es.sort(key=Entry.rank, reverse=True)
        winner = es[0]
        taken = set(winner.target) | set(winner.source)
        group = [winner]
        for e in es[1:]:
            if e.relation == winner.relation:
                group.append(e)  # the converse of the same relation
                continue
            # a losing relation survives only on a preposition its own patterns name ("fire at")
            own = [t for t in e.target if t in e.explicit and t not in taken]
            if own and e.target != ["subj"]:
                e.target = own
                taken |= set(own)
                group.append(e)
                stats["conflicts: losing relation kept on its own preposition"] += 1
            else:
                stats["conflicts: losing relation dropped"] += 1
        if len(examples["conflict"]) < 8:
            examples["conflict"].append(
                f"{key[0]} {key[1]} {key[2]}: "
                + ", ".join(f"{e.relation}({len(e.lines)})" for e in es)
                + f" -> {winner.relation}"
            )
        kept += group
    return kept


def against_existing(
    entries: list[Entry],
    existing: list[list[str]],
    classes: dict[str, set[str]],
    stats: Counter,
    examples: dict[str, list[str]],
) -> list[Entry]:
    def covers(spec: str, noun: str) -> bool:
        return noun in classes.get(spec[1:], set()) if spec.startswith("@") else spec == noun

    index: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for row in existing:
        index[(row[0], row[1].lower())].append(row)
    out = []
    for e in entries:
        rows = [
            r
            for r in index.get((e.kind, e.lemma), [])
            if covers(r[2] if r[2].startswith("@") else r[2].lower(), e.noun)
        ]
        if any(r[3] == e.relation for r in rows):
            stats["duplicates of ontology/lexicon/triggers.tsv"] += 1
            if len(examples["duplicate"]) < 6:
                examples["duplicate"].append(f"{e.kind} {e.lemma} {e.noun} {e.relation}")
            continue
        # the curated lexicon already gives this (kind, lemma, noun) another relation: keep only the
        # prepositions the CAMEO patterns name that the lexicon does not use ("fight alongside")
        clash = [r for r in rows if r[3] != e.relation]
        if clash:
            used = {s for r in clash for s in (r[4] + "|" + r[5]).replace("!", "").split("|")}
            own = [t for t in e.target if t in e.explicit and t not in used]
            if own and e.target != ["subj"]:
                e.target = own
                stats["share a key with ontology/lexicon/triggers.tsv, kept on own preposition"] += 1
                out.append(e)
                continue
            stats["contradict ontology/lexicon/triggers.tsv (same kind, lemma, noun; other relation)"] += 1
            if len(examples["contradiction"]) < 6:
                examples["contradiction"].append(
                    f"{e.kind} {e.lemma} {e.noun}: cameo {e.relation} [{e.code}] vs lexicon {clash[0][3]}"
                )
            continue
        out.append(e)
    return out


# ---------------------------------------------------------------------------------- output

HEADER = """\
# kg trigger lexicon converted from the CAMEO verb dictionary (PETRARCH2 / Open Event Data, MIT;
# Computational Event Data System / Parus Analytics): see README.md and LICENSE-cameo.txt.
# Generated by `{command}`; do not edit by hand, change the script.
# Columns as in ontology/lexicon/triggers.tsv (kind, lemma, noun, relation, source, target), plus
#   cameo     the CAMEO code of the pattern or verb line the entry came from (the most frequent
#             one when several agree); "a:b" = a from subject to target, b back; ":b" = converse
#             (the event runs from the source slots to the subject).
# Entries already in ontology/lexicon/triggers.tsv are left out.
#kind	lemma	noun	relation	source	target	cameo
"""


OUTPUT = {"block": "triggers.tsv", "origin": "triggers_origin.tsv"}
COMMANDS = {"block": "python scripts/convert_cameo.py", "origin": "python scripts/convert_cameo.py --expand origin"}
EXPANSION_NOTE = {
    "block": "# Each pattern is applied to every verb of its CAMEO synonym block (--expand block).",
    "origin": "# Each pattern is applied only to the verb its comment names, and a block's code only to the\n"
    "# block's own verb and to verbs with their own code (--expand origin).",
}


def write(entries: list[Entry], path: Path, expand: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rel_rank = {r: i for i, r in enumerate(RELATION_ORDER)}
    kind_rank = {"verb": 0, "light": 1, "noun": 2, "adj": 3}
    entries = sorted(
        entries, key=lambda e: (rel_rank.get(e.relation, 99), kind_rank[e.kind], e.lemma, e.noun, e.target == ["subj"])
    )
    head = HEADER.rstrip("\n").replace("{command}", COMMANDS[expand]).split("\n")
    lines = head[:-1] + [EXPANSION_NOTE[expand], head[-1]]
    current = None
    for e in entries:
        if e.relation != current:
            current = e.relation
            lines.append(f"# --- {current}")
        lines.append("\t".join([e.kind, e.lemma, e.noun, e.relation, "|".join(e.source), "|".join(e.target), e.code]))
    path.write_text("\n".join(lines) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="the CAMEO verb dictionary (CAMEO.2.0.txt)")
    ap.add_argument(
        "--agents",
        type=Path,
        default=None,
        help="the PETRARCH agents dictionary (default: Phoenix.agents.txt next to --src)",
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for triggers.tsv")
    ap.add_argument(
        "--expand",
        choices=("block", "origin"),
        default="block",
        help="apply a pattern to every verb of its synonym block (default) or only to the verb "
        "its comment names (the verb it was written for), when there is one",
    )
    ap.add_argument(
        "--left-out",
        type=Path,
        default=None,
        help="also write every left-out pattern or verb line with its reason to this TSV file",
    )
    args = ap.parse_args(argv)

    lexdir = ROOT / "ontology" / "lexicon"
    known, symmetric = read_relations(ROOT / "ontology" / "relations.tsv")
    classes = {r[0]: {w.strip() for w in r[1].split("|") if w.strip()} for r in read_rows(lexdir / "noun_classes.tsv")}
    goods = frozenset(classes.get("GOODS", set()))
    existing = read_rows(lexdir / "triggers.tsv")
    generic = read_generic(DEFAULT_OUT / "generic_verbs.txt")
    assert set(DEFAULT_LIGHT_TARGETS) <= known, set(DEFAULT_LIGHT_TARGETS) - known

    agents = read_agents(args.agents or args.src.parent / "Phoenix.agents.txt")
    d = parse(args.src)
    left, stats, examples = LeftOut(), Counter(), defaultdict(list)
    cands = make_candidates(
        d, goods, frozenset(classes.get("DEAL", set())), symmetric, generic, agents, left, stats, args.expand
    )
    merged = merge(cands)
    resolved = resolve(merged, stats, examples)
    final = against_existing(resolved, existing, classes, stats, examples)
    target = args.out / OUTPUT[args.expand]
    write(final, target, args.expand)

    p = lambda *a: print(*a)  # noqa: E731
    p(f"source: {args.src}")
    p(
        f"synonym sets: {len(d.synsets)}   verb blocks: {len(d.blocks)}   "
        f"verb lines: {sum(len(b.verbs) for b in d.blocks)}   transformations (not converted): {d.transformations}"
    )
    p(f"patterns read: {stats['patterns read'] + d.duplicates} ({d.duplicates} repeated in their block, counted once)")
    p(
        f"patterns converted: {stats['patterns converted']} "
        f"(through a synonym set: {stats['patterns converted through a synonym set']}, "
        f"noun modifiers dropped: {stats['patterns converted with noun modifiers dropped']})"
    )
    p(f"verb lines with a code: {stats['verb lines with a code']}")
    if args.expand == "origin":
        p(
            f"patterns without a verb in their comment, applied to the whole block: "
            f"{stats['patterns without a verb in their comment, applied to the whole block']}; "
            f"verb lines inheriting the block code, not expanded: "
            f"{stats['verb lines inheriting the block code, not expanded']}"
        )
    p(
        f"candidate entries (pattern x block verb x noun): {len(cands)}; "
        f"no kg relation: {stats['expanded entries without a kg relation']}; "
        f"generic bare verbs skipped: {stats['expanded entries skipped: generic bare verb']}"
    )
    p(f"agent nouns (Phoenix.agents.txt one-word entries): {len(agents)}")
    p(
        f"codes: plain {stats['code read as plain']}, pair a:b (a used) {stats['code read as pair']}, "
        f"converse :b {stats['code read as converse']}, purchases read as converse supplies "
        f"{stats['code read as converse (a purchase)']}"
    )
    syn_stats = Counter()
    for name in d.synsets:
        noun_lemmas(name, d.synsets, syn_stats)
    members = sum(len(v) for v in d.synsets.values())
    p(
        f"synonym-set members: {members}; skipped as multi-word: {syn_stats['synset members skipped: multi-word']}, "
        f"as not a plain word (F-16, M16, ...): {syn_stats['synset members skipped: not a plain word (F-16, M16, ...)']}"
    )
    p(f"merged entries: {len(merged)}")
    for k in (
        "conflicts: (kind, lemma, noun) with several relations",
        "conflicts: losing relation dropped",
        "conflicts: losing relation kept on its own preposition",
    ):
        p(f"{k}: {stats[k]}")
    for ex in examples["conflict"]:
        p(f"    {ex}")
    for k, ek in (
        ("duplicates of ontology/lexicon/triggers.tsv", "duplicate"),
        ("contradict ontology/lexicon/triggers.tsv (same kind, lemma, noun; other relation)", "contradiction"),
    ):
        p(f"{k}: {stats[k]}")
        for ex in examples[ek]:
            p(f"    {ex}")
    p(
        f"share a key with ontology/lexicon/triggers.tsv, kept on own preposition: "
        f"{stats['share a key with ontology/lexicon/triggers.tsv, kept on own preposition']}"
    )
    p(f"written: {len(final)} entries -> {target}")
    per_rel = Counter(e.relation for e in final)
    per_kind = Counter((e.relation, e.kind) for e in final)
    for r in RELATION_ORDER:
        if per_rel[r]:
            p(f"    {r:17s} {per_rel[r]:5d}  (verb {per_kind[(r, 'verb')]}, light {per_kind[(r, 'light')]})")
    n_verb = sum(n for r, n in left.reasons.items() if r.startswith("verb line"))
    p(f"left out: {sum(left.reasons.values()) - n_verb} patterns, {n_verb} verb lines")
    for reason, n in sorted(left.reasons.items(), key=lambda kv: (kv[0].startswith("verb line"), -kv[1], kv[0])):
        p(f"    {n:5d}  {reason}")
        for ex in left.examples[reason]:
            p(f"             e.g. {ex}")
    if args.left_out:
        with open(args.left_out, "w", encoding="utf-8") as fh:
            fh.write("#line\treason\ttext\n")
            for row in sorted(left.rows):
                fh.write("\t".join(map(str, row)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
