"""English: the dependency labels and word lists kg's rules read, and how an English
dependency tree (spaCy's ClearNLP-style labels) states a verb's arguments.

Everything language-specific about finding who did what to whom lives here: the labels, the
closed word lists ("which", "that"; "threaten"; particles such as "out" in "pulled out of"), and
the tree walks (:func:`logical_subjects` through coordination, control, relative clauses and
purpose clauses; :func:`logical_objects`; :func:`prep_objects`), and the parts of speech that
decide which family of rules a token goes to (:func:`is_verb` ...). The rules (:mod:`kg.rules`)
and the slot resolvers (:mod:`kg.slots`) call these; another language brings a module of the
same shape. Not yet complete: some rules still read a few dependency labels and prepositions
inline (the modality walk, the verbal family's object, the adjectival sources, the frames'
"with"), to be moved here before a second language.

The walks read a document's :class:`Tree` (its tokens, heads and children, made once: spaCy
makes a new Token object on every read); rules and resolvers read children through
:func:`children_of` too.
"""

from __future__ import annotations

import bisect
import functools
import re
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import numpy
from spacy.parts_of_speech import NAMES as UNIVERSAL_POS

from kg.dates import MONTHS as DATE_MONTHS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Dependency labels (spaCy's English ClearNLP-style scheme).
SUBJ = {"nsubj", "csubj"}
HELP_VERBS = {"help", "assist", "enable"}
# what someone issues and what then speaks for them ("issued a statement accusing India")
MESSAGE_NOUNS = {
    "statement",
    "message",
    "letter",
    "tweet",
    "post",
    "communique",
    "communiqué",
    "note",
    "video",
    "speech",
    "address",
    "declaration",
    "report",
    "press release",
    "op-ed",
    "editorial",
}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
DOBJ = {"dobj"}
DATIVE = {"dative", "iobj"}
PREP = {"prep"}
AGENT = "agent"
CONJ = "conj"
MODIFIERS = {"amod", "compound", "poss", "nmod", "npadvmod"}
GOVERNOR_LINKS = {
    "xcomp",
    "ccomp",
    "pcomp",
    "acl",
    "advcl",
    "relcl",
    "prep",
    "dobj",
    "pobj",
    "attr",
    "oprd",
    "conj",
    "csubj",
}
PARTICLE_PREPS = {"out", "away", "off", "back", "up", "down", "apart", "along"}
THREAT_GOVERNORS = {"threaten", "vow"}
REL_PRONOUNS = {"which", "who", "that", "whom", "whose"}
# nouns of an act done to someone: their "of"/"on" phrase names the victim, never the actor
# ("condemned violations of Ukraine's sovereignty", "the killing of Iranian protesters")
# "stands with leaders from Israel" in a caption is where someone stands; "stands with Ukraine",
# "with the Cuban people" is support
POSTURE_COMPANIONS = {"leader", "representative", "official", "delegate", "minister", "counterpart", "head"}


# ---------------------------------------------------------------------- the tree, read once
class Tree:
    """A parsed document's tokens with each one's head and children, its text and its entities,
    made once: spaCy makes a new Token object on every ``.head``, ``.children``, ``doc[i]`` (and
    for every token of ``doc.text``), and the walks below read the same few tokens many times.
    The document must not change after (kg reads it once parsed)."""

    __slots__ = (
        "doc",
        "tokens",
        "heads",
        "_children",
        "_starts",
        "texts",
        "pos",
        "text",
        "ents",
        "sents",
        "sent_starts",
        "memo",
        "__weakref__",
    )

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        n = len(self.tokens)
        heads = doc.to_array("HEAD").astype("int64") + numpy.arange(n)
        self.heads: list[Token] = [self.tokens[h] for h in heads.tolist()]
        # every token's children in one list, by head and in text order (as spaCy gives them): token
        # i's are _children[_starts[i] : _starts[i + 1]] (a few lists per document, not one per
        # token, for the garbage collector to walk)
        children = numpy.flatnonzero(heads != numpy.arange(n))
        children = children[numpy.argsort(heads[children], kind="stable")]
        self._children: list[Token] = [self.tokens[i] for i in children.tolist()]
        self._starts: list[int] = [0, *numpy.cumsum(numpy.bincount(heads[children], minlength=n)).tolist()]
        # each token's text and part of speech, which the passes over every token read (a Token's
        # attribute is a lookup in the string store on every read)
        self.texts: list[str] = [t.text for t in self.tokens]
        self.pos: list[str] = [UNIVERSAL_POS[p] for p in doc.to_array("POS").tolist()]
        self.text: str = "".join([w + t.whitespace_ for w, t in zip(self.texts, self.tokens)])  # doc.text
        self.ents: tuple[Span, ...] = doc.ents
        self.memo: dict[tuple, object] = {}  # the answers of the walks read again (see remembered)
        self.sents: list[Span] | None = None  # its sentences and where they start, once asked (see sent_of)
        self.sent_starts: list[int] = []


_trees: weakref.WeakValueDictionary[int, Tree] = weakref.WeakValueDictionary()  # by id(doc), while held
_last_tree: Tree | None = None  # the tree asked for last (kept: a caller may hold no Mentions)


def tree(doc: Doc) -> Tree:
    """The document's :class:`Tree`: the last one asked for, or one someone holds
    (:class:`kg.mentions.Mentions` keeps its document's), else a new one."""
    global _last_tree
    t = _last_tree
    if t is None or t.doc is not doc:
        t = _trees.get(id(doc))
        if t is None or t.doc is not doc:  # (an id is never stale while its tree lives: it holds the doc)
            t = _trees[id(doc)] = Tree(doc)
        _last_tree = t
    return t


def sent_of(tok: Token) -> Span:
    """``tok.sent``, found among its document's sentences (spaCy's scans the document on every read)."""
    t = tree(tok.doc)
    if t.sents is None:
        t.sents = list(tok.doc.sents)
        t.sent_starts = [s.start for s in t.sents]
    return t.sents[bisect.bisect_right(t.sent_starts, tok.i) - 1]


def children_of(tok: Token) -> list[Token]:
    """``tok.children``, read from its document's tree."""
    t, i = _last_tree, tok.i
    if t is None or t.doc is not tok.doc:  # (the common case inline: rules read children everywhere)
        t = tree(tok.doc)
    return t._children[t._starts[i] : t._starts[i + 1]]


def head_of(tok: Token) -> Token:
    """``tok.head``, read from its document's tree."""
    return tree(tok.doc).heads[tok.i]


Answer = TypeVar("Answer")
_UNANSWERED = object()  # (a walk may answer None)


def remembered(walk: Callable[..., Answer]) -> Callable[..., Answer]:
    """A walk that answers each token once: it reads nothing but the tree, so its answer is kept
    in the tree's memo (a list answer is copied out, for the caller to change)."""

    @functools.wraps(walk)
    def read(tok: Token, *args) -> Answer:
        memo = tree(tok.doc).memo
        key = (walk, tok.i, *args)
        found = memo.get(key, _UNANSWERED)
        if found is _UNANSWERED:
            found = memo[key] = walk(tok, *args)
        return list(found) if isinstance(found, list) else found

    return read


def span_text(span: Span) -> str:
    """``span.text``, cut from its document's text."""
    return tree(span.doc).text[span.start_char : span.end_char]


CAPTION_POSITIONS = {"left", "right", "center", "centre", "l", "r", "c", "front", "back"}


def standing_beside(head: Token) -> bool:
    """ "President Trump stands with leaders from Israel": beside people named by their office;
    "X (center) stands with Russian (left) and Japanese (right) representatives": a photo caption."""
    if head.lemma_.lower() != "stand":
        return False
    sent = sent_of(head)
    if any(
        t.lower_ in CAPTION_POSITIONS
        and t.i > sent.start
        and t.nbor(-1).text == "("
        and t.i + 1 < sent.end
        and t.nbor(1).text == ")"
        for t in sent
    ):
        return True
    return any(q.lemma_.lower() in POSTURE_COMPANIONS for q in prep_objects(head, "with"))


# verbs of a reaction felt: a stance when the one who feels it is the subject of a passive ("the
# United States is deeply concerned by Iran's escalation"), a reporter's description otherwise
# ("Iran's support for Hamas has long alarmed the Gulf states")
EXPERIENCER_VERBS = {"concern", "trouble", "alarm", "disturb", "dismay", "appall"}


def reported_reaction(head: Token) -> bool:
    return head.lemma_.lower() in EXPERIENCER_VERBS and head.pos_ in ("VERB", "AUX") and not is_passive(head)


BLAMED_ACTS = {  # and ACT_NOUNS
    "death", "crash", "explosion", "blast", "fire", "hack", "hacking", "cyberattack", "strike",
    "airstrike", "downing", "poisoning", "interference", "violence", "atrocity", "crime", "massacre",
}  # fmt: skip


def blamed_for(head: Token) -> bool:
    """ "responsible for the attack": blame for an act, not a duty ("responsible for security")."""
    return any(
        (q.lemma_.lower() in BLAMED_ACTS or q.lemma_.lower() in ACT_NOUNS)
        for p in children_of(head)
        if p.dep_ == "prep" and p.lower_ == "for"
        for q in children_of(p)
        if q.dep_ in ("pobj", "pcomp")
    )


OBLIGATION_AUX = {"must", "should"}  # "said Iran must release": the clause is a demand


def told_to(head: Token) -> bool:
    """ "told Putin to release Navalny", "told reporters that Iran must ...": a directive, not
    "told reporters" (a statement)."""
    return any(
        c.dep_ == "xcomp"
        or (c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in OBLIGATION_AUX for a in children_of(c)))
        for c in children_of(head)
    )


def possessors(noun: Token) -> list[Token]:
    """A noun's owners: its possessives, and a plural name the parser hangs on it as a modifier
    when the possessive is a bare apostrophe ("the United States’ commitment")."""
    doc = noun.doc
    owners = [
        c
        for c in children_of(noun)
        if (c.dep_ == "poss" and c.lower_ not in REL_PRONOUNS)
        or (c.dep_ in ("nmod", "compound") and c.i + 1 < noun.i and doc[c.i + 1].text in ("’", "'"))
    ]
    if not owners:
        # the apostrophe hung on the noun, its name elsewhere: "reaffirmed the United States’ commitment"
        for c in children_of(noun):
            if c.text in ("’", "'") and c.i > 0 and c.i < noun.i and doc[c.i - 1].pos_ == "PROPN":
                owners.append(doc[c.i - 1])
    return owners


def owners_named(noun: Token) -> list[Token]:
    """A noun's possessors, else the proper adjectives and names that modify it ("an Iranian plan",
    "a Hamas plot"): who the plan or the bid is of."""
    return possessors(noun) or [
        c
        for c in children_of(noun)
        if c.dep_ in ("amod", "compound")
        and c.i < noun.i
        and c.text[:1].isupper()
        and (c.pos_ == "PROPN" or c.tag_ == "JJ")
        and not c.is_sent_start
    ]


def asked_about(head: Token) -> bool:
    """ "A reporter asked Putin about Ukraine": a question, not a request (which asks someone to
    do something or for something)."""
    return (
        head.lemma_.lower() == "ask"
        and any(c.dep_ == "prep" and c.lower_ in ("about", "whether", "if") for c in children_of(head))
        and not any(c.dep_ in ("xcomp", "ccomp") for c in children_of(head))
    )


# verbs whose named object is a person set free ("Iran released Siamak Namazi"), not a product
# or a body ("Red Hat released Rocky Linux")
PERSON_OBJECT_VERBS = {"release", "free"}


def appointed(head: Token) -> bool:
    """ "designated Ambassador Chacon to serve as Chargé d'Affaires": someone given a post (an
    infinitive says what they are to do), not someone designated for sanctions."""
    return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in children_of(head))


# What makes a rally or a march a politician's own event, not a protest ("campaign rallies")
CAMPAIGN_MODIFIERS = {"campaign", "election", "electoral", "re-election", "reelection", "victory", "fundraising"}


def campaign_event(noun: Token | None) -> bool:
    """ "held campaign rallies", "an election rally": a gathering of supporters, not a protest."""
    return noun is not None and any(
        c.dep_ in ("compound", "amod") and c.lower_ in CAMPAIGN_MODIFIERS for c in children_of(noun)
    )


# What a side wins at the polls or on the pitch ("defeated India in a cricket match", "beat
# Argentina in the final", "defeated the incumbent in the election")
CONTEST_NOUNS = {
    "match",
    "game",
    "final",
    "semifinal",
    "semi-final",
    "quarterfinal",
    "quarter-final",
    "tournament",
    "championship",
    "cup",
    "league",
    "round",
    "series",
    "race",
    "contest",
    "competition",
    "election",
    "vote",
    "poll",
    "primary",
    "runoff",
    "run-off",
    "ballot",
    "referendum",
    "leg",
    "fixture",
    "test",
}


def _score(tok: Token) -> bool:
    """ "2-1", or "2", "-", "1" as the tokenizer splits it."""
    if re.fullmatch(r"\d+\s*[-–]\s*\d+", tok.text):
        return True
    doc = tok.doc
    return (
        tok.like_num
        and tok.i + 2 < len(doc)
        and doc[tok.i + 1].text in ("-", "–")
        and doc[tok.i + 2].like_num
        and not doc[tok.i + 1].whitespace_
    )


def contest_won(verb: Token) -> bool:
    """ "Pakistan defeated India in a cricket match", "Brazil beat Argentina 2-1": a win in a game
    or a vote (in, at or by a contest, or a score), not a battle."""
    for c in children_of(verb):
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "during"):
            if any(q.dep_ == "pobj" and q.lemma_.lower() in CONTEST_NOUNS for q in children_of(c)):
                return True
        if c.dep_ in ("npadvmod", "dobj", "advmod", "nummod") and _score(c):
            return True  # a score: "beat Argentina 2-1"
    return False


# Verbs whose that-clause says what someone else must do: its subject pronoun is not the speaker
# ("Turkey demanded that it crack down on ...")
DEMAND_GOVERNORS = {"demand", "urge", "ask", "request", "require"}

# A person's relatives and associates are other people: "an investigation of Joe Biden's son" is
# not of Biden, "Putin's daughter" is not Putin.
KIN_NOUNS = {
    "son", "daughter", "wife", "husband", "spouse", "widow", "widower", "brother", "sister", "father",
    "mother", "parent", "child", "children", "grandson", "granddaughter", "nephew", "niece", "cousin",
    "uncle", "aunt", "relative", "family", "lawyer", "attorney", "friend", "girlfriend", "boyfriend",
}  # fmt: skip
# what a state does to its own people through its police and courts: "the Venezuelan government
# arrested an opposition leader" is Venezuela's opposition
DETENTION_VERBS = {"arrest", "detain", "jail", "imprison", "sentence", "prosecute", "convict", "torture", "execute"}

# nouns for the other side of a relation: "its neighbour", "Russia's allies", "his counterpart" are
# someone else than their possessor (but "Ukrainian partners" are Ukraine's people)
OTHER_PARTY_NOUNS = {
    "neighbour", "neighbor", "ally", "partner", "counterpart", "rival", "adversary", "enemy", "foe", "opponent",
}  # fmt: skip

ACT_NOUNS = {
    "violation",
    "breach",
    "killing",
    "murder",
    "assassination",
    "arrest",
    "detention",
    "imprisonment",
    "abduction",
    "kidnapping",
    "torture",
    "abuse",
    "persecution",
    "execution",
    "harassment",
    "crackdown",
    "repression",
    "mistreatment",
    "deportation",
    "disappearance",
    "shooting",
    "beating",
    "attack",
    "assault",
    "bombing",
    "shelling",
    "invasion",
    "occupation",
    "annexation",
    "blockade",
    "release",
    "extradition",
    "seizure",
    "destruction",
    "targeting",
    "intimidation",
    # a court's or a jailer's acts ("expressed concern over the conviction of Paul Rusesabagina")
    "conviction",
    "sentencing",
    "jailing",
    "incarceration",
    "internment",
    "trial",
    "treatment",
    "eviction",
    "demolition",
    # acts done to a body or a person ("endorsed an audit of the Federal Reserve", "called for the
    # nationalization of the banks", "welcomed the expulsion of Russian diplomats")
    "audit",
    "nationalization",
    "nationalisation",
    "expropriation",
    "privatization",
    "privatisation",
    "investigation",
    "prosecution",
    "impeachment",
    "removal",
    "dissolution",
    "abolition",
    "ouster",
    "expulsion",
    "ban",
}
# what people suffer, not what someone does: a condemnation of it is not aimed at the sufferers
# ("condemned the deaths of Ukrainian civilians", "deplored the loss of innocent Afghan lives"), and
# recognising the human cost of a war is no recognition of the one who wages it
SUFFERING_NOUNS = {
    "loss",
    "death",
    "displacement",
    "suffering",
    "plight",
    "injury",
    "casualty",
    "hardship",
    "cost",
    "toll",
}
# nouns for a news outlet: the name they precede is a newspaper or a broadcaster, not a person
# ("Greek daily Kathimerini said ...", "the tabloid Bild")
MEDIA_NOUNS = {"daily", "newspaper", "tabloid", "broadcaster", "magazine", "weekly", "outlet", "paper", "channel"}
# verbs that take ground: a place they act on is its state's territory, not its people ("occupied
# Crimea", "the Taliban seized Kunduz": the state is attacked)
TERRITORY_VERBS = {
    "capture",
    "seize",
    "occupy",
    "retake",
    "recapture",
    "annex",
    "invade",
    "overrun",
    "besiege",
    "encircle",
    "liberate",
    "conquer",
}
# the same acts named by a noun ("its occupation of Crimea", "the capture of Bakhmut"; a siege
# starves a city's people: "the siege of Mariupol" is on them)
TERRITORY_NOUNS = {
    "capture",
    "seizure",
    "occupation",
    "recapture",
    "annexation",
    "invasion",
    "liberation",
    "conquest",
    "takeover",
}
# verbs whose object is a topic two parties talked over, and the links from an event word up to them
# verbs by which a subject makes a text its own: its participles speak for the subject ("issued a
# statement condemning")
ISSUING_VERBS = {
    "issue",
    "release",
    "publish",
    "post",
    "send",
    "deliver",
    "make",
    "put",
    "give",
    "sign",
    "adopt",
    "pass",
    "write",
    "tweet",
    "file",
    "submit",
    "introduce",
    "table",
    "draft",
    "sponsor",
    "circulate",
    "launch",
    "hold",
    "air",
    "broadcast",
}
# nouns of a joint undertaking: an infinitive on one is done by whoever works on it ("consulted on
# efforts to urge Russia", "discussed ways to support Ukraine")
EFFORT_NOUNS = {"effort", "way", "plan", "initiative", "step", "measure", "strategy", "approach", "work", "option"}
# a third party's work between two sides: the mediator meets each side, the sides need not meet
MEDIATION_WORDS = {"mediate", "mediation", "broker", "mediator"}
# what an event noun is the kind of, as its compound: the possessor of the whole does the event
# ("Egypt's mediation role", "Russia's bombing campaign")
ROLE_NOUNS = {"role", "mission", "campaign"}
# what a speaker says matters ("stressed the importance of supporting Ukraine", "the need to hold
# Russia accountable"): its act is the speaker's own, talked about (hedged by modality.tsv)
STANCE_NOUNS = {"importance", "need", "necessity", "imperative", "significance", "priority"}
# verbs and adjectives of commitment to a thing to do: "committed to cooperation with Japan"
COMMITTING_WORDS = {"commit", "committed", "pledge", "dedicate", "dedicated"}
# what someone is committed to doing is theirs to do ("affirmed their commitment to supporting
# Ukraine", "Japan's determination to help"); a commitment made is not hedged, a readiness is
COMMITMENT_NOUNS = {"commitment", "determination", "resolve", "pledge", "readiness", "willingness", "intention"}
# verbs of going somewhere: what one goes "for" is one's own ("arrived in Tehran for talks with ...")
TRAVEL_VERBS = {"arrive", "travel", "go", "come", "fly", "head", "return", "gather", "convene", "land"}
# nouns of joint work whose "in"/"on" gerund is the workers' act: "close coordination in supporting
# Ukraine", "cooperation on countering terrorism"
JOINT_WORK_NOUNS = {"coordination", "cooperation", "collaboration", "partnership", "work", "effort", "leadership"}
DISCUSSION_VERBS = {"discuss", "review", "explore", "exchange", "consider", "examine"}
TOPIC_LINKS = {"dobj", "acl", "xcomp", "pcomp", "prep", "pobj", "conj", "amod", "compound"}
THANK_VERBS = {"thank"}
# "join the people of X in celebrating / in solemn remembrance": sharing an observance with
# someone is support for them, not work with them
SHARED_OBSERVANCES = {
    "celebrate", "celebration", "mourn", "mourning", "commemorate", "commemoration", "honor", "honour",
    "remember", "remembrance", "observe", "observance", "grief", "grieve", "wish", "mark", "recognize",
    "recognise", "pray", "prayer", "condolence", "solidarity",
}  # fmt: skip
# a verb that appeals to whom its preposition names: its direct object is no one phoned or met
APPEAL_VERBS = {"call": ("on", "upon")}
GRATEFUL_ADJS = {"grateful", "thankful"}
PLACE_PREPS = {"in", "at", "near", "outside", "around", "across"}


# ---------------------------------------------------------------------- what a token is
def pos_of(tok: Token) -> str:
    """``tok.pos_``, read from its document's tree (every rule family asks it of every token)."""
    t = _last_tree
    if t is None or t.doc is not tok.doc:
        t = tree(tok.doc)
    return t.pos[tok.i]


def negated_modifier(tok: Token) -> bool:
    """ "state" in "non-state", "governmental" in "non-governmental", "government" in
    "anti-government": a modifier that says what its noun is not, or is against."""
    tokens = tree(tok.doc).tokens  # (read on every modifier of every noun: no new Token objects)
    return tok.lower_.startswith(("non-", "anti-")) or (
        tok.i >= 2 and tokens[tok.i - 1].text == "-" and tokens[tok.i - 2].lower_ in ("non", "anti")
    )


def is_verb(tok: Token) -> bool:
    return pos_of(tok) in ("VERB", "AUX") or tok.tag_.startswith("VB") or (tok.tag_ == "NNS" and _verb_shaped(tok))


def _verb_shaped(tok: Token) -> bool:
    """ "The United States thanks X", "Japan welcomes Y": a verb in -s the tagger took for a plural
    noun, which the parser still gives a subject and an object."""
    deps = {c.dep_ for c in children_of(tok)}
    return "nsubj" in deps and "dobj" in deps


def is_noun(tok: Token) -> bool:
    return pos_of(tok) in ("NOUN", "PROPN")


def hyphen_start(tok: Token) -> int:
    """Where the word ``tok`` ends stands, when the tokenizer split it at a hyphen ("build-up": the
    index of "build" for "up"); ``tok.i`` otherwise."""
    t = tree(tok.doc)
    if (
        tok.i >= 2
        and t.texts[tok.i - 1] == "-"
        and not t.tokens[tok.i - 1].whitespace_
        and not t.tokens[tok.i - 2].whitespace_
        and t.heads[tok.i - 2].i == tok.i
    ):
        return tok.i - 2
    return tok.i


def noun_lemma(tok: Token) -> str:
    """A noun's lemma, whole when the tokenizer split it at a hyphen: "build-up" is one noun."""
    start = hyphen_start(tok)
    return tok.lemma_.lower() if start == tok.i else f"{tok.doc[start].lower_}-{tok.lemma_.lower()}"


def is_predicative_adj(tok: Token) -> bool:
    """ "Kyiv is grateful to Warsaw", "is critical of Beijing"."""
    return pos_of(tok) == "ADJ" and tok.dep_ == "acomp"


def is_participle_modifier(tok: Token) -> bool:
    """ "backed" in "the Rwanda-backed M23"."""
    return tok.dep_ == "amod" and tok.tag_ == "VBN"


# ---------------------------------------------------------------------- argument helpers
def prep_objects(head: Token, *words: str, coordinated: bool = False) -> list[Token]:
    """Objects of the prepositions ``words`` that depend on ``head``: prep_objects(noun, "of");
    with ``coordinated``, also of the prepositions coordinated with them ("to Ann and to Sweden")."""
    preps = [p for p in children_of(head) if p.dep_ == "prep" and p.lower_ in words]
    if coordinated:
        preps += [c for p in preps for c in children_of(p) if c.dep_ == "conj" and c.lower_ in words]
    return [q for p in preps for q in children_of(p) if q.dep_ == "pobj"]


def with_clause(verb: Token) -> str | None:
    """The preposition that opens a clause the parser made of "with A and B to coordinate", or None."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb)):
        return None
    return next((c.lower_ for c in children_of(verb) if c.dep_ == "mark" and c.lower_ in ("with", "alongside")), None)


def clause_subjects(verb: Token) -> list[Token]:
    return [c for c in children_of(verb) if c.dep_ in SUBJ]


# verbs that ask for an act to stop, and so take it as going on ("end its war", "halt its attacks")
CESSATION_VERBS = {"end", "stop", "halt", "cease", "suspend"}


def stopped_act(noun: Token) -> bool:
    """ "its war" in "end its war", "its occupation" in "halt its attacks and occupation": an
    owned act that someone is asked or vows to stop, and so is going on."""
    for t in (noun, *([noun.head] if noun.dep_ == "conj" else [])):
        if (
            t.dep_ == "dobj"
            and t.head.lemma_.lower() in CESSATION_VERBS
            and any(c.dep_ == "poss" for c in children_of(t))
        ):
            return True
    return False


def presupposed_acts(clause: Token) -> set[int]:
    """Token indices of the acts a clause asks to stop ("to end its war and occupation")."""
    return {t.i for t in clause.subtree if stopped_act(t)}


@remembered
def is_passive(verb: Token) -> bool:
    return (
        any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in children_of(verb))
        or (verb.dep_ == "acl" and verb.tag_ == "VBN")
        or _copular_passive(verb)
    )


def _copular_passive(verb: Token) -> bool:
    """ "The United States is deeply concerned by Iran's escalation": a participle the parser hung
    on the copula as its complement, with a by-agent, is a passive."""
    return verb.dep_ == "acomp" and verb.tag_ == "VBN" and any(c.dep_ == AGENT for c in children_of(verb))


def conjuncts(tok: Token) -> list[Token]:
    out = []
    stack = [
        c for c in children_of(tok) if c.dep_ == CONJ and not subject_of_next_clause(c) and not ends_inner_list(tok, c)
    ]
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack.extend(
            cc
            for cc in children_of(c)
            if cc.dep_ == CONJ and not subject_of_next_clause(cc) and not ends_inner_list(c, cc)
        )
    last = out[-1] if out else tok
    if last.pos_ == "PROPN" and (dated := dated_last_conjunct(last)) is not None:
        out.append(dated)
    return out


def dated_last_conjunct(last: Token) -> Token | None:
    """ "travel to India, Bangladesh, and Kuwait August 2-10": the parser makes the list's last
    name a compound of the date after it; it is the list's last conjunct."""
    cc = next((c for c in children_of(last) if c.dep_ == "cc" and c.lower_ in ("and", "or")), None)
    if cc is None or any(c.dep_ == CONJ for c in children_of(last)) or cc.i + 1 >= len(last.doc):
        return None
    nxt = last.doc[cc.i + 1]
    if nxt.dep_ == "compound" and nxt.pos_ == "PROPN" and _a_date(nxt.head):
        return nxt
    return None


# month names in full ("Kuwait August 2-10"), from kg.dates's table (which also holds abbreviations)
MONTHS = frozenset(k for k in DATE_MONTHS if len(k) > 3 or k == "may")


def _a_date(tok: Token) -> bool:
    return tok.ent_type_ == "DATE" or tok.lower_ in MONTHS


def dated_name(tok: Token) -> Token | None:
    """ "..., Togo, and Benin March 3-9": the name the parser hung on a date as its compound."""
    if not _a_date(tok):
        return None
    return next((c for c in children_of(tok) if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i), None)


def ends_inner_list(head: Token, conj: Token) -> bool:
    """A place the parser coordinates with a noun when it ends the list of places inside that
    noun's own phrase: "individuals located in Iran, Hong Kong, and the UAE" (the UAE is a third
    place, not a third party designated)."""
    if conj.ent_type_ not in ("GPE", "LOC", "ORG") or head.ent_type_:
        return False  # ("the State of Israel and the Kingdom of Morocco": a name's own "of")
    return any(
        c.dep_ in ("acl", "prep")
        and head.i < c.i < conj.i
        and any(q.dep_ == "pobj" and q.ent_type_ in ("GPE", "LOC") for q in c.subtree)
        for c in children_of(head)
    )


def subject_of_next_clause(tok: Token) -> bool:
    """A noun conjunct that is really the subject of the next clause, which the parser left without
    one: "had defeated ISIS and Turkey would be moving into Syria" (Turkey is no second object)."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.pos_ not in ("NOUN", "PROPN") or nxt is None or nxt.tag_ not in ("MD", "VBZ", "VBD", "VBP"):
        return False
    if nxt.dep_ not in ("aux", "auxpass"):
        return False
    verb = nxt.head
    return (
        verb.dep_ == "conj" and verb.i > tok.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(verb))
    )


# "placed the dissident under house arrest": what one is placed under that detains
CUSTODY_NOUNS = {"arrest", "detention", "custody"}
# phrasal verbs that mean another verb, not their own ("kick off" a drill is no kick)
# a term in an office, which a state or a person holds: welcomed, it is no visitor; the body it
# presides over ("Indonesia's G20 presidency") is not its holder
TERM_NOUNS = {"presidency", "chairmanship", "chairpersonship", "chairship", "premiership", "tenure", "term"}
PHRASAL_SYNONYMS = {"kick off": "begin", "call off": "cancel"}
# "ordered X to leave", "gave X 72 hours to leave": an expulsion
ORDERING_VERBS = {"order", "tell", "instruct", "give", "force"}
LEAVING_VERBS = {"leave", "depart", "quit", "exit"}
# a permission leaves the act to its owner: "would not allow Turkish military operations"
PERMISSION_VERBS = {"allow", "permit", "tolerate", "authorize", "authorise"}
# verbs of drawing a reaction: "prompting a warning from", "drew condemnation from"
PROVOKING_VERBS = {"draw", "prompt", "provoke", "trigger", "spark", "attract", "elicit", "earn"}


def conditions(tok: Token) -> list[Token]:
    """The "if" and "unless" clauses on ``tok``: "will strike if Israel attacks"."""
    return [
        c
        for c in children_of(tok)
        if c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("if", "unless") for k in children_of(c))
    ]


def obligation(clause: Token) -> bool:
    """ "must release", "should withdraw", "has to leave": a clause of what has to be done."""
    return any(a.dep_ == "aux" and a.lower_ in OBLIGATION_AUX for a in children_of(clause)) or (
        clause.lemma_.lower() in ("have", "need")
        and any(x.dep_ == "xcomp" and any(a.lower_ == "to" for a in children_of(x)) for x in children_of(clause))
    )


def for_infinitives(head: Token) -> list[tuple[Token, list[Token]]]:
    """The infinitive clauses after "for" that ``head`` asks for, each with its subjects: "called for
    Russia to withdraw", "reiterated our call for Israel and Hamas to agree" (on the verb a noun is
    the object of, where the parser hangs the clause). The parser makes it a clause marked "for", a
    "for" phrase followed by the clause, or an empty "for" before a clause with its own subject."""
    holders = [head]
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj":
        holders.append(head.head)
    clauses = [c for h in holders for c in children_of(h) if c.i > head.i and _infinitive(c)]
    found = []
    for c in clauses:
        if any(a.dep_ == "mark" and a.lower_ == "for" for a in children_of(c)):
            found.append((c, [t for t in children_of(c) if t.dep_ in ("nsubj", "nsubjpass")]))
    for p in (p for h in holders for p in children_of(h) if p.dep_ == "prep" and p.lower_ == "for" and p.i > head.i):
        pobjs = [q for q in children_of(p) if q.dep_ == "pobj"]
        for c in clauses:
            if pobjs and c.left_edge.i == pobjs[0].right_edge.i + 1:
                found.append((c, pobjs[:1]))
            elif not pobjs:
                subjects = [t for t in children_of(c) if t.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i == p.i + 1]
                if subjects:
                    found.append((c, subjects))
    return found


def _infinitive(clause: Token) -> bool:
    return clause.dep_ in ("advcl", "acl", "ccomp", "xcomp") and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in children_of(clause)
    )


def with_conjuncts(tokens) -> list[Token]:
    out = []
    for t in tokens:
        out.append(t)
        out.extend(conjuncts(t))
    return out


def _gone_for(verb: Token) -> bool:
    """A verb of going somewhere, or being somewhere ("is in Ankara for talks")."""
    lemma = verb.lemma_.lower()
    if lemma in TRAVEL_VERBS:
        return True
    return lemma == "be" and any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in children_of(verb))


# verbs that ask someone to act: their infinitive is the one asked's act, however it is parsed
ASKING_VERBS = {"urge", "ask", "encourage", "press", "call", "invite", "request", "implore", "appeal", "push"}


def _asked(verb: Token) -> list[Token]:
    """Who an asking verb asks: its object, or the "on" of "call on", the "to" of "appeal to"."""
    objs = [c for c in children_of(verb) if c.dep_ in DOBJ]
    if objs:
        return objs
    return [
        p
        for prep in children_of(verb)
        if prep.dep_ == "prep" and prep.lower_ in ("on", "upon", "to")
        for p in children_of(prep)
        if p.dep_ == "pobj"
    ]


def _antecedent(relcl: Token) -> Token:
    """What a relative clause says something of: the noun it hangs on, except a place in a
    plural's "in" phrase that the verb does not agree with ("front companies in China, the UAE, and
    Iran that support Triliance": the companies)."""
    ante = relcl.head
    first = ante
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    prep = first.head if first.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("in", "from", "across") or ante.tag_ != "NNP" or relcl.tag_ != "VBP":
        return ante
    noun = prep.head
    if noun.pos_ in ("VERB", "AUX"):
        # the parser hangs the place on the verb: the verb's object just before it
        noun = next((c for c in children_of(noun) if c.dep_ == "dobj" and c.i < prep.i), noun)
    return noun if noun.pos_ == "NOUN" and noun.tag_ == "NNS" else ante


def _continues_a_list(verb: Token) -> bool:
    """ "calls on the authorities to end the crackdown on civil society, the media, students and
    other citizens, release all political prisoners, engage in a dialogue ...": the parser makes
    the rest of the list the subject of a bare "release" and hangs the real clause before it as its
    ccomp or advcl, or the bare verb on the verb whose infinitive it continues. A bare verb form with no
    auxiliary, after a clause with its own subject or an infinitive, is the tail of that list of
    demands: what the parser calls its subject is not."""
    if verb.tag_ not in ("VB", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in children_of(verb)):
        return False
    subj = next((c for c in children_of(verb) if c.dep_ in SUBJ), None)
    if subj is None:
        return False
    if verb.dep_ == "ROOT":
        return any(
            c.dep_ in ("ccomp", "advcl")
            and c.i < subj.i
            and any(s.dep_ in SUBJ for s in children_of(c))
            # (a plural verb has subjects of its own unless what comes before asks for the list)
            and (verb.tag_ == "VB" or c.lemma_.lower() in ASKING_VERBS)
            for c in children_of(verb)
        )
    if verb.tag_ != "VB":
        return False
    # or as a conjunct of the verb that governs the infinitive it continues ("calls on X to end
    # ..., the media, students and other citizens, release ...")
    return verb.dep_ == "conj" and any(
        x.dep_ == "xcomp" and x.i < subj.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(x))
        for x in children_of(verb.head)
    )


@remembered
def prep_objects_or_clauses(verb: Token, word: str) -> list[Token]:
    """The objects of a preposition on ``verb``: nouns ("in solemn remembrance") and gerunds ("in
    celebrating")."""
    return [
        q
        for p in children_of(verb)
        if p.dep_ == "prep" and p.lower_ == word
        for q in children_of(p)
        if q.dep_ in ("pobj", "pcomp")
    ]


def logical_subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The tokens that act: nsubj, a passive's by-agent, or the subject a verb inherits from the
    verb it depends on (coordination, control, "accused X of ...ing", relative clauses)."""
    if depth > 4:
        return []
    if with_clause(verb) and verb.head.i != verb.i:
        # "spoke with A and B to coordinate": the speaker coordinates, with A and B
        return logical_subjects(verb.head, depth + 1)
    if _continues_a_list(verb):
        return []
    passive = is_passive(verb)
    found = []
    for c in children_of(verb):
        if passive and c.dep_ == AGENT:
            found += [p for p in children_of(c) if p.dep_ == "pobj"]
        elif not passive and c.dep_ in SUBJ:
            found.append(c)
    if not found:
        # "Egypt is mediating": the parser sometimes hangs the subject on the auxiliary
        found = [s for a in children_of(verb) if a.dep_ in ("aux", "auxpass") for s in children_of(a) if s.dep_ in SUBJ]
    if found:
        resolved = []
        for t in found:
            if t.lower_ in REL_PRONOUNS and verb.dep_ == "relcl":
                resolved.append(_antecedent(verb))
            else:
                resolved.append(t)
        return with_conjuncts(resolved)
    if passive:
        return []
    head = verb.head
    if head.i == verb.i:  # spaCy makes a new Token object per access: compare positions
        return []
    if verb.dep_ == "acomp":  # "Kyiv is grateful to": the copula's subject
        return logical_subjects(head, depth + 1)
    owner_noun = _owned_act_noun(verb)
    if owner_noun is not None and (owners := [c for c in children_of(owner_noun) if c.dep_ == "poss"]):
        # "affirmed their commitment to supporting Ukraine", "Japan's determination to help"
        return with_conjuncts(owners)
    if (
        verb.dep_ == "pcomp"
        and head.lower_ in ("of", "to")
        and head.head.lemma_.lower() in STANCE_NOUNS | COMMITMENT_NOUNS
    ):
        # "stressed the importance of working with Japan": the one who stresses it
        noun = head.head
        if owners := possessors(noun):
            return with_conjuncts(owners)  # "reaffirmed the United States’ commitment to working with"
        if noun.dep_ in ("dobj", "attr"):
            return logical_subjects(noun.head, depth + 1)
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
            return logical_subjects(noun.head.head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and head.lemma_.lower() in EFFORT_NOUNS | STANCE_NOUNS | COMMITMENT_NOUNS:
        # "discussed ways to support Ukraine", "consulted on efforts to urge Russia", "agreed on
        # steps to punish Iran": whoever works on the effort does what it is to do (the parser
        # takes some of these infinitives for relative clauses)
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb)) and not owners_named(head):
            if head.dep_ in ("dobj", "attr"):
                return logical_subjects(head.head, depth + 1)
            if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX"):
                return logical_subjects(head.head.head, depth + 1)
    if verb.dep_ == "relcl":
        return []
    if verb.dep_ == "pobj" and head.lower_ == "to" and verb.pos_ == "NOUN":
        gov = head.head.head if head.head.lower_ == "forward" else head.head
        forward = head.head.lower_ == "forward" or any(c.lower_ == "forward" for c in children_of(gov))
        if gov.lemma_.lower() in COMMITTING_WORDS or (gov.lemma_.lower() == "look" and forward):
            # "committed to trilateral cooperation with Japan", "look forward to talks with": who
            # commits to the work does it
            return logical_subjects(gov, depth + 1)
    if verb.dep_ == "pobj" and head.lower_ == "for" and _gone_for(head.head):
        # "A Saudi delegation arrived in Tehran for talks with Iranian officials", "Lavrov is in
        # Ankara for talks": who went there talks
        return logical_subjects(head.head, depth + 1)
    if verb.dep_ == "xcomp" and is_passive(head):
        # Raising: "India is expected to sign", "Iran was reported to have shipped"
        raised = [c for c in children_of(head) if c.dep_ in PASS_SUBJ]
        if raised:
            return with_conjuncts(raised)
    if verb.dep_ == "xcomp":
        # Object control ("urged Japan to impose ...") else subject control ("promised to deliver").
        objs = [c for c in children_of(head) if c.dep_ in DOBJ]
        if objs and head.lemma_.lower() not in ("promise", "threaten", "vow", "pledge", "offer", "use", "employ"):
            return with_conjuncts(objs)
        if head.lemma_.lower() == "call" and (asked := _asked(head)):
            return with_conjuncts(asked)  # "called on Iran to release"
        return logical_subjects(head, depth + 1)
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VBD"
        and head.dep_ == "ccomp"
        and head.tag_ == "VB"
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in children_of(head))
        and head.head.tag_ == "VBD"
    ):
        # "Hawkins predicted Trump would lose ... and asked voters to vote": a past-tense verb
        # cannot share the complement's modal; it continues the reporting verb
        return logical_subjects(head.head, depth + 1)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and {verb.tag_, head.tag_} != {"VBZ", "VBP"}:
        # ("Our intelligence shows that Russia is using ... and abuse thousands": a plural verb
        # shares no subject with a singular one; the parser took the wrong head)
        return logical_subjects(head, depth + 1)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return logical_subjects(head, depth + 1)
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb)):
        if head.lemma_.lower() in ASKING_VERBS and (asked := _asked(head)):
            # "We call on Iran to immediately release ...", parsed as a purpose clause: Iran is to act
            return with_conjuncts(asked)
        # a purpose clause: "students began a sit-in to protest the verdict", "travelled to Kyiv to meet"
        return logical_subjects(head, depth + 1)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod") and head.head.i != head.i:
        # "ready to partner with", "willing to cooperate": the adjective's subject
        return logical_subjects(head.head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        gov = head.head
        objs = [c for c in children_of(gov) if c.dep_ in DOBJ]
        joint_work = head.lower_ in ("in", "on") and objs and all(o.lemma_.lower() in JOINT_WORK_NOUNS for o in objs)
        if objs and not joint_work:
            return with_conjuncts(objs)  # "helped Ukraine in defending itself"
        if gov.pos_ == "VERB" and is_passive(gov) and (raised := [c for c in children_of(gov) if c.dep_ in PASS_SUBJ]):
            return with_conjuncts(raised)  # "Iran was accused by the US of supplying drones": Iran supplies
        if gov.pos_ in ("VERB", "AUX") or (gov.pos_ == "ADJ" and gov.dep_ == "acomp"):
            # "remains committed to supporting Sudan": the adjective's subject acts
            return logical_subjects(gov, depth + 1)
        if gov.pos_ == "NOUN" and (
            head.lower_ == "to" or (head.lower_ in ("in", "on") and gov.lemma_.lower() in JOINT_WORK_NOUNS)
        ):
            # "the United States' commitment to working with the Holy See": the noun's owner acts
            owners = possessors(gov)
            if owners:
                return with_conjuncts(owners)
            if gov.dep_ in ("dobj", "attr") and gov.head.i != gov.i:
                # "They discussed their commitment to urging Russia": who discussed it
                return logical_subjects(gov.head, depth + 1)
    if verb.dep_ == "acl":
        # "Sweden's bid to join NATO", "an Iranian plot to kill": the owner of the noun does the joining
        owners = owners_named(head)
        if not owners:
            # "joint efforts by NATO Allies, EU partners and G7 members to urge Russia": the by-agent
            owners = [
                p
                for c in children_of(head)
                if c.dep_ == "prep" and c.lower_ == "by"
                for p in children_of(c)
                if p.dep_ == "pobj"
            ]
        if owners:
            return with_conjuncts(owners)
    if (
        verb.dep_ == "acl"
        and head.dep_ in ("dobj", "attr")
        and (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb))
            or verb.tag_ != "VBG"
            or head.head.lemma_.lower() in ISSUING_VERBS
        )
    ):
        # "Iran has the potential to supply Moscow", "issued a statement condemning Iran"; not
        # "vetoed a resolution condemning Syria": what a participle says of a noun, the noun does
        return logical_subjects(head.head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "pobj":
        # "posted a message on Twitter blaming Iran": the parser hangs the participle on the
        # message's place; the message's author blames
        message = head.head.head
        if message.lemma_.lower() in MESSAGE_NOUNS and message.dep_ in ("dobj", "attr") and message.head.i != message.i:
            return logical_subjects(message.head, depth + 1)
    if (
        verb.pos_ in ("NOUN", "PROPN")
        and verb.dep_ == "pobj"
        and head.lower_ in ("in", "during", "at")
        and head.head.pos_ in ("VERB", "AUX")
    ):
        # "remains in close contact with", "in meetings with X, she will ...": the verb's subject
        return logical_subjects(head.head, depth + 1)
    return []


def _owned_act_noun(verb: Token) -> Token | None:
    """The commitment noun a verb is the content of ("commitment to supporting", "determination to
    help"), or None."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "to" and head.head.lemma_.lower() in COMMITMENT_NOUNS:
        return head.head
    if (
        verb.dep_ in ("acl", "relcl")
        and head.lemma_.lower() in COMMITMENT_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb))
    ):
        return head
    return None


def discussion_of(head: Token) -> Token | None:
    """The discussing verb an event word is the topic of ("they discussed efforts to assist
    Ukraine", "explored ways to deepen cooperation"), or None: the talk is about the states' acts."""
    t = head
    for _ in range(6):
        if t.dep_ not in TOPIC_LINKS or t.head.i == t.i:
            return None
        child, t = t, t.head
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in DISCUSSION_VERBS:
            # (a gerund is the topic too: "discussed strengthening collaboration")
            return t if child.dep_ in ("dobj", "prep") or (child.dep_ == "xcomp" and child.tag_ == "VBG") else None
    return None


def logical_objects(verb: Token) -> list[Token]:
    """Direct objects, or the surface subject of a passive, or the noun a participle modifies."""
    found = []
    if is_passive(verb):
        found = [c for c in children_of(verb) if c.dep_ in PASS_SUBJ]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            found.append(verb.head)
        if _copular_passive(verb):
            found += [c for c in children_of(verb.head) if c.dep_ in SUBJ]
        found = [verb.head if (t.lower_ in REL_PRONOUNS and verb.dep_ == "relcl") else t for t in found]
    else:
        found = [c for c in children_of(verb) if c.dep_ in DOBJ]
        if not found:
            for c in children_of(verb):
                if c.dep_ == "prt":
                    found += [cc for cc in children_of(c) if cc.dep_ in DOBJ]
        if verb.dep_ == "relcl" and not found:
            # "the drones that Iran supplied": the relative pronoun is the object.
            if any(c.dep_ in SUBJ and c.lower_ not in REL_PRONOUNS for c in children_of(verb)):
                found = [verb.head]
        if not found and verb.lemma_.lower() in HELP_VERBS:
            # "help Ukraine defend itself": the one helped is the subject of the bare infinitive
            found = [
                s for c in children_of(verb) if c.dep_ in ("ccomp", "xcomp") for s in children_of(c) if s.dep_ in SUBJ
            ]
        if not found and not any(c.dep_ in ("prep", "xcomp", "ccomp", "dative") for c in children_of(verb)):
            # "Russia threatened and then attacked Ukraine": a verb with no complement of its
            # own shares its conjunct's object
            later = [c for c in children_of(verb) if c.dep_ == CONJ and c.pos_ == "VERB" and not is_passive(c)]
            found = [o for c in later[:1] for o in children_of(c) if o.dep_ in DOBJ]
        if not found and verb.dep_ == "xcomp":
            # "We stand with, and continue to support, the government and people of Ukraine": the
            # object shared across the commas, which the parser leaves hanging on the governing verb
            found = [
                c for c in children_of(verb.head) if c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN") and c.i > verb.i
            ]
    return with_conjuncts(found)


# Verbs whose coordinated subjects each did the thing on their own ("A, B and C worked in various
# capacities to carry out ...") unless the sentence says they did it together ("worked closely").
# verbs whose coordinated subjects act side by side, not with each other, unless told so: "worked
# together" is joint, "X and Y welcomed the celebration" or "received awards" is no meeting
SOLO_VERBS = {"work", "welcome", "receive", "visit", "call", "thank"}
TOGETHER_MANNER = {"together", "jointly", "closely", "collectively", "hand-in-hand"}


def acted_together(head: Token) -> bool:
    """Whether coordinated subjects of ``head`` acted with each other: the verb means it ("Russia
    and China cooperated"), or the sentence says so ("worked together")."""
    return head.lemma_.lower() not in SOLO_VERBS or any(
        c.dep_ == "advmod" and c.lower_ in TOGETHER_MANNER for c in children_of(head)
    )


def reciprocal_object(head: Token, obj_noun: Token | None) -> bool:
    """ "each other" / "one another" as the object or prepositional object of the trigger."""
    cands = list(children_of(head))
    if obj_noun is not None:
        cands += list(children_of(obj_noun))
    for c in list(cands):
        if c.dep_ == "prep":
            cands += list(children_of(c))
    for c in cands:
        low = c.lower_
        if low not in RECIPROCAL_PAIRS:
            continue
        first = RECIPROCAL_PAIRS[low]  # "each" other, "one" another: as its child or the word before
        if any(d.lower_ == first for d in children_of(c)) or (c.i > 0 and c.doc[c.i - 1].lower_ == first):
            return True
    return False


RECIPROCAL_PAIRS = {"other": "each", "another": "one"}
