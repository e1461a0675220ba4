"""Actor mentions in a parsed document: which tokens name which actor.

Takes a spaCy ``Doc`` and gives a :class:`Mentions` map from tokens to actors, built in document
order so that later mentions reuse earlier ones:

* gazetteer names and named entities ("Moscow", "the Kremlin", "NATO", "Iranian")
* persons, with the title that gives their role and country ("Iranian President Ebrahim Raisi")
  and their later mentions ("Raisi", "the Iranian president", "he")
* unnamed agents of a state ("Egyptian troops", "Ghana's finance minister") -> the country
* pronouns and plural descriptions ("it", "the two governments")
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.actors import (
    Actor,
    Gazetteer,
    Sector,
    Title,
    gazetteer,
    normalise_surface,
    org_actor,
    person_actor,
    sector_actor,
    slug,
    unplaced_sector_actor,
)
from kg.english import (
    ACT_NOUNS,
    DEMAND_GOVERNORS,
    DETENTION_VERBS,
    KIN_NOUNS,
    MEDIA_NOUNS,
    MONTHS,
    OTHER_PARTY_NOUNS,
    SUFFERING_NOUNS,
    TERM_NOUNS,
    Tree,
    children_of,
    dated_last_conjunct,
    dated_name,
    ends_inner_list,
    is_passive,
    logical_subjects,
    negated_modifier,
    obligation,
    prep_objects,
    sent_of,
    span_text,
    subject_of_next_clause,
    tree,
)
from kg.persons import begins_name, capitalised, directory, given_name, given_name_genders, name_words, same_persons
from kg.places import load_places

ENTITY_LABELS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
THING_PRONOUNS = {"it"}
PLURAL_PRONOUNS = {"they", "them"}  # only a plural-named actor: "the Houthis ... they", "Russian forces ... they"
# nouns singular in form that English treats as plural: "it" never stands for them
PLURAL_COLLECTIVES = {"police", "people", "personnel", "clergy"}
PRONOUN_GENDER = {"she": "F", "her": "F", "herself": "F", "he": "M", "him": "M", "his": "M", "himself": "M"}
# words before a name that tell a person's gender
TITLE_GENDER = {
    **dict.fromkeys(("ms", "mrs", "miss", "madam", "madame", "queen", "princess", "lady", "dame", "duchess"), "F"),
    **dict.fromkeys(("baroness", "empress", "congresswoman", "chairwoman", "spokeswoman", "businesswoman"), "F"),
    **dict.fromkeys(("mr", "king", "prince", "sir", "lord", "duke", "emperor", "sultan", "sheikh", "emir"), "M"),
    **dict.fromkeys(("baron", "congressman", "chairman", "spokesman", "businessman"), "M"),
}
POSS_PRONOUNS = {"his": "person", "her": "person", "its": "thing", "their": "plural"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "sheikh", "gen.", "lt."}
# words the recogniser glues to the front of a name: "First Lady", "Professor", a question's "Will"
NAME_LEAD_WORDS = {"first", "lady", "professor", "prof.", "will", "would", "afterwards", "meanwhile", "then", "also"}
# what a writer puts before a name that the recogniser takes into it ("Businessman Don Blankenship",
# "Prime Minister-elect Anthony Albanese" read as "Elect Anthony Albanese")
OCCUPATION_WORDS = {
    "businessman", "businesswoman", "activist", "rapper", "singer", "actor", "actress", "author",
    "comedian", "billionaire", "entrepreneur", "candidate", "nominee", "incumbent", "challenger",
    "veteran", "journalist", "reporter", "columnist", "broadcaster", "economist", "historian",
    "lawyer", "attorney", "physician", "scientist", "philanthropist", "pastor", "rabbi", "imam",
}  # fmt: skip
# what follows a name that the recogniser takes into it ("Andrew Holness Friday")
NAME_TAIL_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "january", "february", "march", "april", "june", "july", "august",
    "september", "october", "november", "december",
    "image", "photo", "file",  # a caption's credit after the name ("Tom Tancredo Image: US Congress")
}  # fmt: skip
# verbs a headline capitalises after a name ("Narendra Modi Announced Lockdown")
HEADLINE_VERBS = {
    "announced",
    "announces",
    "said",
    "says",
    "told",
    "tells",
    "warned",
    "warns",
    "urged",
    "urges",
    "visited",
    "visits",
    "met",
    "meets",
    "signed",
    "signs",
    "called",
    "calls",
    "vowed",
    "vows",
    "accused",
    "accuses",
    "denied",
    "denies",
    "slammed",
    "slams",
    "resigned",
    "resigns",
    "wins",
    "won",
}
# nouns a release's headline puts after a name ("Secretary Antony J. Blinken Remarks to Mission
# Algeria", "Deputy Secretary Sherman Travel to ..."): never the end of a person's name
HEADLINE_NOUNS = {
    "remarks",
    "statement",
    "travel",
    "trip",
    "call",
    "meeting",
    "visit",
    "interview",
    "briefing",
    "testimony",
    "message",
    "speech",
    "letter",
    "conversation",
    "participation",
    "availability",
    "keynote",
    "readout",
    "video",
}
# the last word of an office the recogniser glues to the holder's name ("Minister of Regional
# Cooperation Esawi Frej", "Head of the Presidential Administration Andriy Yermak")
OFFICE_TAIL_WORDS = {
    "cooperation",
    "administration",
    "affairs",
    "security",
    "development",
    "defense",
    "defence",
    "relations",
    "policy",
    "services",
    "operations",
    "trade",
    "finance",
    "health",
    "justice",
    "energy",
    "interior",
    "economy",
    "education",
    "environment",
    "rights",
    "intelligence",
    "integration",
    "communications",
    "planning",
    "investment",
    "industry",
    "agriculture",
    "transport",
    "tourism",
    "culture",
    "information",
    "technology",
    "infrastructure",
    "resources",
    "diaspora",
    "hemisphere",  # "Senior Director for the Western Hemisphere Juan Gonzalez"
    "strategy",  # "Special Advisor for Africa Strategy Judd Devermont"
    "management",
    "diplomacy",
    "engagement",
}
# a first word that makes a PERSON entity something else: a storm, a fort, a mountain
NOT_PERSON_FIRST = {
    "typhoon",
    "hurricane",
    "cyclone",
    "storm",
    "tropical",
    "fort",
    "mount",
    "lake",
    "camp",
    "operation",
    "uss",  # ships: "U.S.S. Grayback", "USS Cole", "HMS Defender"
    "u.s.s.",
    "hms",
    "h.m.s.",
}
DEFINITE_ANAPHORS = {
    "country",
    "nation",
    "kingdom",
    "republic",
    "island",
    "group",
    "movement",
    "militia",
    "organisation",
    "organization",
    "alliance",
    "bloc",
}
PERSON_PLURAL_HEADS = {
    "leader",
    "man",
    "woman",
    "president",
    "minister",
    "official",
    "counterpart",
    "envoy",
    "diplomat",
}
# "the ministers", "the leaders" with nothing else that says whose: the two persons just named
PAIR_PERSON_HEADS = {"leader", "president", "minister", "counterpart"}
# a chamber's presiding officer leads the chamber, though the same title of a state is a member
PRESIDING_TITLES = {"speaker"}
STATE_PLURAL_HEADS = {"country", "government", "nation", "state", "neighbour", "neighbor", "capital"}
# "all parties", "all sides", "all participants": everyone who just met
ALL_PARTIES_HEADS = {"party", "side", "participant"}
# nouns for actors that "like" or "such as" exemplify ("countries like Japan"); other things are
# compared, not exemplified ("the decriminalization of drugs like Portugal")
EXAMPLED_HEADS = STATE_PLURAL_HEADS | {"group", "organisation", "organization", "ally", "partner", "power", "economy"}
# heads whose compound or adjective names the sector: "civil society representatives"
VIOLENCE_NOUNS = {"genocide", "war", "massacre", "atrocity", "killing", "bombing", "occupation", "conflict", "crisis"}
MEMBER_HEADS = {
    "representative",
    "leader",
    "member",
    "group",
    "organization",
    "organisation",
    "actor",
    "professional",
    "defender",
    "figure",
}
PLURAL_HEADS = PERSON_PLURAL_HEADS | {
    "country",
    "government",
    "side",
    "nation",
    "state",
    "neighbour",
    "neighbor",
    "capital",
    "leader",
    "power",
    "party",
    "rival",
    "adversary",
    "ally",
}
WHOLE_PEOPLE = {"people", "citizen", "nation", "population", "public"}
# titles that name no office of their own: their holders, unnamed and plural, are a government's people
GENERIC_OFFICES = {"official", "senior official"}
STATE_ORGANS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
LOCATIVE_PREPS = {"in", "at", "near", "across", "inside", "outside", "around"}
ABROAD_SECTORS = {"MIL", "SPY"}  # they act abroad: where the event is does not say whose they are
TRAVELLING_NOUNS = {"delegation", "partner"}  # "In Panama, the delegation will meet ...": it came from elsewhere
# groups that are actors even when the text gives no state ("rebels", "refugees"); a state's organ is not
UNPLACED_SECTORS = frozenset({"OPP", "REB", "REF", "MED", "BUS", "HRI", "NGO", "REL", "CRM", "ETH", "UAF"})
PAST_OFFICE = {"former", "ex", "late", "then", "erstwhile", "elect", "designate", "would-be"}
EVENT_WORDS = {
    "summit",
    "ministerial",
    "conference",
    "forum",
    "dialogue",
    "initiative",
    "meeting",
    "talk",
    "game",
    "olympics",
    "cup",
    "festival",
    "program",
    "programme",
    "plan",
    "agreement",
    "accord",
    "treaty",
    "act",
    "law",
    "resolution",
    "declaration",
    "process",
    "format",
    "partnership",
    "strategy",
    "week",
    "day",
}
# documents and processes named after the city where they were made ("the Paris Agreement", "the
# Minsk agreements", "the Oslo Accords", "the Kyoto Protocol", "the Astana process")
VENUE_NAMED = {"agreement", "accord", "treaty", "protocol", "convention", "process", "format", "communique", "charter"}
BACKING_PARTICIPLES = {"back", "support", "sponsor", "fund", "arm", "lead", "align", "ally", "finance"}
ACTOR_WORD_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
# "the Nigeria-based group": where a group is, not who it is (a sector's people there are that
# state's: "a London-based rights group")
LOCATING_PARTICIPLES = {"based", "headquartered", "located", "registered", "stationed"}


@lru_cache(maxsize=4)
def _matcher(vocab_id: int, vocab, gz: Gazetteer) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr="ORTH")
    from spacy.lang.en import English

    tokenizer = English(vocab=vocab).tokenizer
    patterns = [tokenizer(s) for s in gz.surfaces() if s]
    matcher.add("ACTOR", patterns)
    return matcher


@dataclass
class Mentions:
    """Token index -> actor for one document, plus the persons' titles."""

    doc: Doc
    gz: Gazetteer
    token_actor: dict[int, Actor] = field(default_factory=dict)
    token_group: dict[int, list[Actor]] = field(default_factory=dict)
    titles: list[tuple[int, Actor, str, Actor]] = field(default_factory=list)  # (token, person, role, holder)
    persons: dict[str, Actor] = field(default_factory=dict)  # surname / full name -> person
    order: list[tuple[int, Actor, bool]] = field(default_factory=list)  # (token, actor, is_subject)
    _pron_cache: dict[int, list[Actor]] = field(default_factory=dict)
    _genders: dict[str, str | None] = field(default_factory=dict)
    _title_ends: set[str] | None = None  # see title_ends
    war_targets: dict[str, set[str]] | None = None  # owner country -> states its wars are said to be on
    # token index -> who utters it: the one a quotation is attributed to, or a transcript turn's speaker
    utterers: dict[int, Actor] = field(default_factory=dict)
    ready: bool = False  # pronouns resolve only once every named mention is known
    date: dt.date | None = None  # the document's date
    titled: list[tuple[int, Actor, Title]] = field(default_factory=list)  # (token, person, title) in text order
    context: Actor | None = None  # the country a document is about, when one clearly dominates
    voice: Actor | None = None  # the actor the document speaks for (its publisher)
    headline: str | None = None  # the document's title ("Deputy Secretary Sherman's Call with ...")
    places: set[int] = field(default_factory=set)  # tokens of places that stand for their state only as targets
    force: bool = True  # set by the extractor: the relation being filled is force or coercion
    personal: set[int] = field(default_factory=set)  # tokens like "Egypt's foreign minister": a person, known by office
    tree: Tree = field(init=False)  # the document's tokens, heads and children, made once for every pass
    tokens: list[Token] = field(init=False)  # (the tree's tokens)
    sents: list[Span] = field(init=False)  # its sentences, found once

    def __post_init__(self) -> None:
        self.tree = tree(self.doc)
        self.tokens = self.tree.tokens
        self.sents = list(self.doc.sents)

    # -------------------------------------------------------------- queries used by the rules
    def actors(self, tok: Token, conj: bool = True) -> list[Actor]:
        """Actors a token stands for (with its coordinated tokens): [] when it names none."""
        if tok.dep_ in ("conj", "pobj", "dobj") and (titled := self._holder_of_next_title(tok)) is not None:
            # "Hayashi and Republic of Korea Foreign Minister Chung", "spoke with Republic of Korea
            # (ROK) Foreign Minister Chung": the state is the holder in the title of whom is named
            return [] if tok.dep_ == "conj" else [titled]
        out = list(self._own(tok))
        if (all(a.type == "SectorActor" for a in out) if out else tok.lemma_.lower() in EXAMPLED_HEADS) and (
            named := self._examples(tok)
        ):
            out = named  # "terrorist groups such as Hamas and Hezbollah": the ones the text names
        elif self.tree.pos[tok.i] == "NOUN" and (named := self._examples(tok, included_only=True)):
            out = named  # "11 Russian officials, including Ivanov and Peskov": those named
        if conj:
            for c in children_of(tok) + self._name_conjuncts(tok, out):
                if c.dep_ == "conj" and not subject_of_next_clause(c) and not ends_inner_list(tok, c):
                    out += self.actors(c)
                    if (named := dated_name(c)) is not None:
                        out += self._own(named)  # "Togo, and Benin March 3-9"
                elif c.dep_ == "appos" and out and out[0].type in ("Person", "Country"):
                    # "designated Chen Dong, Yang Jianping, Qiu Hong and ...": a list the parser
                    # took for an apposition names more actors of the same kind
                    more = self.actors(c)
                    if more and more[0].type == out[0].type and more[0].id != out[0].id:
                        out += more
            if out and out[0].type == "Person":
                for c in children_of(tok):
                    if (
                        c.dep_ in ("nmod", "compound")
                        and c.i < tok.i
                        and (other := self.token_actor.get(c.i)) is not None
                        and other.type == "Person"
                        and other.id != out[0].id
                        and any(d.dep_ == "cc" for d in children_of(c))
                    ):
                        out.append(other)  # "with President Tebboune and Foreign Minister Lamamra" as one name
            if (
                out
                and out[0].type == "Country"
                and not any(c.dep_ == "conj" for c in children_of(tok))
                and (dated := dated_last_conjunct(tok)) is not None
            ):
                out += self._own(dated)  # "India, Bangladesh, and Kuwait August 2-10"
        return _dedupe_actors(out)

    def _holder_of_next_title(self, tok: Token) -> Actor | None:
        """The person whose title, right after a state the parser split from it, names that state as
        its holder ("Republic of Korea Foreign Minister Chung", "Republic of Korea (ROK) Foreign
        Minister Chung")."""
        state = self.token_actor.get(tok.i)
        if state is None or state.type != "Country":
            return None
        doc = tok.doc
        k = tok.i
        while k + 1 < len(doc) and self.token_actor.get(k + 1) is state:
            k += 1  # the state's own words ("Republic of Korea")
        k = max(k, tok.right_edge.i) + 1
        if k < len(doc) and doc[k].text == ")":
            k += 1  # the parser put the acronym in parentheses inside the state's phrase
        elif k < len(doc) and doc[k].text == "(":
            close = next((j for j in range(k + 1, min(k + 5, len(doc))) if doc[j].text == ")"), None)
            k = close + 1 if close is not None else k
        for j in range(k, min(k + 5, tok.sent.end)):
            other = self.token_actor.get(j)
            if other is not None and other is not state:
                return other if other.type == "Person" and other.country in (None, state.country) else None
            if not (doc[j].pos_ == "PROPN" and doc[j].is_title):
                return None
        return None

    def _name_conjuncts(self, tok: Token, named: list[Actor]) -> list[Token]:
        """Conjuncts the parser hangs on the last word of a name of several words: "the Republic of
        Korea and Japan" coordinates Japan with "Korea", inside the name of the first."""
        if len(named) != 1 or tok.i not in self.token_actor:
            return []
        own = self.token_actor[tok.i]
        found, todo = [], [tok]
        while todo:
            for c in children_of(todo.pop()):
                if c.dep_ in ("prep", "pobj", "compound") and self.token_actor.get(c.i, own) is own:
                    if c.dep_ == "prep" or c.i in self.token_actor:
                        todo.append(c)
                elif c.dep_ == "conj" and c.head.i != tok.i and c.i in self.token_actor:
                    if self.token_actor[c.i] is not own:
                        found.append(c)
        return found

    def _paired(self, noun: Token) -> bool:
        """Whether a noun's modifier names two sides joined by a hyphen ("the Israeli-Palestinian
        conflict", "U.S.-China relations"): what it names is between them, no one's own."""
        for c in children_of(noun):
            a = self.token_actor.get(c.i)
            if a is None or c.dep_ not in ("amod", "compound", "nmod") or c.i < 2 or c.doc[c.i - 1].text != "-":
                continue
            other = self.token_actor.get(c.i - 2)
            if other is not None and other.id != a.id:
                return True
        return False

    def _examples(self, tok: Token, included_only: bool = False) -> list[Actor]:
        """The named actors a plural noun is exemplified by: "groups like Hamas", "countries such as
        China and Russia" (not persons: "leaders like Mandela" say what kind, not who acts), or
        that it includes: "11 individuals, including Hani As'ad and Jami Muhammad"."""
        if tok.tag_ not in ("NNS", "NNPS"):
            return []
        found = []
        for p in children_of(tok):
            if p.dep_ != "prep":
                continue
            included = p.lower_ == "including"
            if included_only and not included:
                continue
            if not (
                included or p.lower_ == "like" or (p.lower_ == "as" and any(c.lower_ == "such" for c in children_of(p)))
            ):
                continue
            found += [
                a for q in children_of(p) if q.dep_ == "pobj" for a in self.actors(q) if included or a.type != "Person"
            ]
        return found

    def _own(self, tok: Token) -> list[Actor]:
        if tok.i in self.token_group:
            return self.token_group[tok.i]
        if tok.i in self.token_actor:
            a = self.token_actor[tok.i]
            if tok.i in self.places and not self.force and a.country:
                return [self.gz.country(a.country) or a]  # a place outside force and coercion is its state
            return [a]
        low, pron = tok.lower_, self.tree.pos[tok.i] == "PRON"
        if pron:
            # "We, the G7 Foreign Ministers of Canada, France ...": the apposition says who
            for c in children_of(tok):
                if c.dep_ == "appos" and (named := self.actors(c)):
                    return named
        if pron and (low in PERSON_PRONOUNS or low in THING_PRONOUNS or low in PLURAL_PRONOUNS):
            if _expletive(tok):
                # "It is our task to support ...", "It was my pleasure to welcome ...": whose task
                owner = [
                    c for a in children_of(tok.head) if a.dep_ == "attr" for c in children_of(a) if c.dep_ == "poss"
                ]
                return [x for c in owner for x in self.actors(c)]
            return self._pronoun(tok)
        if (
            tok.lemma_.lower() in DEFINITE_ANAPHORS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(tok))
            and not any(
                c.dep_ in ("amod", "compound", "poss", "prep", "nummod") and c.lower_ not in LOCATING_PARTICIPLES
                for c in children_of(tok)
            )
            # "the countries that have stood up to the Kremlin": a relative clause says which
            and not (tok.tag_ == "NNS" and any(c.dep_ in ("relcl", "acl") for c in children_of(tok)))
        ):
            # "the country", "the group", "the Nigeria-based group": the actor last named in that role
            return self._pronoun(tok)
        # "the M23, the Rwanda-backed rebel group": an apposition names its head ("two financiers
        # operating in Guinea: Ali Saade and Ibrahim Taher": every name of it)
        for c in children_of(tok):
            if c.dep_ == "appos" and c.i in self.token_actor:
                return self.actors(c)
        return []

    def carried_actors(self, tok: Token) -> list[Actor]:
        """Actors an argument carries without naming one: "Israel's decision", "a wave of Russian
        missiles", "Thousands of Jordanians", "its border with Ukraine"."""
        out = []
        for t in [tok, *[c for c in children_of(tok) if c.dep_ == "conj"]]:
            found = []
            if t.lemma_.lower() in ("border", "frontier", "boundary"):
                # "massed troops on its border with Ukraine": the neighbour, not the border's owner
                for p in children_of(t):
                    if p.dep_ == "prep" and p.lower_ == "with":
                        found = [a for q in children_of(p) if q.dep_ == "pobj" for a in self.actors(q)]
                if found:
                    out += found
                    continue
            if t.pos_ == "PROPN" and _named_medium(t.doc[t.i : t.i + 1]):
                continue  # "Greek daily Kathimerini said": a newspaper, not Greece
            if t.lemma_.lower() in PAIR_TIE_NOUNS and self._paired(t):
                # "our commitment to the U.S.-Romania Strategic Partnership": a tie between two is
                # neither side's, nor what is done to either (the pair's own rule says they cooperate)
                continue
            if t.dep_ == "conj" and not self.force and _places_noun(t) and not _places_noun(t.head):
                # "condemn the atrocities in Bucha and a number of other Ukrainian towns": towns the
                # parser coordinates with an act are their state's only when force is used on them
                continue
            found = [] if self.only_placed(t) else self.act_agents(t)
            sector = self.gz.sector_of(t.lemma_.lower())
            if not found and sector is not None and not sector.state:
                # "Crowds in Niamey", "protesters in Tehran", "dozens of people in Gaza"
                holders = [t] + [
                    q
                    for p in children_of(t)
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for q in children_of(p)
                    if q.dep_ == "pobj"
                ]
                for h in holders:
                    for p in children_of(h):
                        if p.dep_ == "prep" and p.lower_ == "in":
                            found += [a for q in children_of(p) if q.dep_ == "pobj" for a in self.actors(q)]
            if not found and t.lemma_.lower() in ("border", "frontier", "boundary"):
                for p in children_of(t):
                    if p.dep_ == "prep" and p.lower_ == "with":
                        found = [a for q in children_of(p) if q.dep_ == "pobj" for a in self.actors(q)]
            if not found and not self.actors(t):
                # "concerned by recent developments ..., including the detention of Armenian soldiers
                # by Azerbaijani forces": a thing that carries no actor, by the example it includes
                found = [
                    a
                    for p in children_of(t)
                    if p.dep_ == "prep" and p.lower_ == "including"
                    for q in children_of(p)
                    if q.dep_ == "pobj" and not self.actors(q)
                    for a in self.act_agents(q)
                ]
            out += found
        return out

    def act_agents(self, noun: Token) -> list[Actor]:
        """The actors a noun carries (``modifier_actors``), but of an act done to someone ("the
        killing of Iranian protesters", "violations of Ukraine's sovereignty") only its author:
        a possessor or demonym ("Russia's violation", "Russian attacks") or a by-agent."""
        led = self.leaders(noun)
        if led:
            return led  # "Saudi-led coalition airstrikes killed ...": the leader's strikes
        if noun.lemma_.lower() not in ACT_NOUNS | SUFFERING_NOUNS:
            return self.modifier_actors(noun)
        return self.authors(noun)

    def authors(self, noun: Token) -> list[Actor]:
        """Who did or said what a noun names: its possessor or demonym, or its by-agent, never its
        "of" phrase ("Russia's violation", "attacks by M23", "the proclamation of the Golan Heights")."""
        found = self.modifier_actors(noun, owners_too=False)
        for p in children_of(noun):
            found += [a for q in _agent_objects(p) for a in self.actors(q)]
        return found or self.misplaced_agents(noun)

    def misplaced_agents(self, noun: Token) -> list[Actor]:
        """ "the detention of several Armenian soldiers by Azerbaijani forces": the by-agent of an
        act, which the parser hangs on the act's "of" object; "condemn the arrests by Sudan's
        military", "this harassment on the part of the authorities": on the active verb the act is
        the object of (an active verb has no by-agent of its own)."""
        found = [
            a
            for p in children_of(noun)
            if p.dep_ == "prep" and p.lower_ == "of"
            for q in children_of(p)
            if q.dep_ == "pobj"
            for b in children_of(q)
            for r in _agent_objects(b)
            for a in self.actors(r)
        ]
        verb = noun.head
        if not found and noun.dep_ == "dobj" and verb.pos_ == "VERB" and not is_passive(verb):
            found = [a for p in children_of(verb) if p.i > noun.i for r in _agent_objects(p) for a in self.actors(r)]
        return found

    def leaders(self, noun: Token) -> list[Actor]:
        """Who an "X-led" noun is led by: "the Saudi-led coalition", "the US-led invasion"."""
        return [
            a
            for c in children_of(noun)
            if c.dep_ == "amod" and c.lower_ == "led"
            for x in children_of(c)
            if x.dep_ in ("npadvmod", "compound", "nmod", "advmod") and x.i < c.i
            for a in self.actors(x)
        ]

    def only_placed(self, noun: Token) -> bool:
        """Whether the actors modifying ``noun`` are only cities that say where something happened
        ("backs Gaza genocide"): not whom a statement, a meeting or aid is about. Force used on a
        place is used on its people ("shelled Kharkiv suburbs"), so then they count."""
        named = [c for c in children_of(noun) if c.i in self.token_actor and c.dep_ in ACTOR_WORD_DEPS]
        if self.force or not named or any(c.dep_ == "poss" for c in named):
            return False
        # "backs the Gaza genocide", "the Ukraine war": a state named before violence is where it happens
        return all(c.i in self.places for c in named) or noun.lemma_.lower() in VIOLENCE_NOUNS

    def modifier_actors(self, noun: Token, depth: int = 0, owners_too: bool = True) -> list[Actor]:
        """Actors that modify a noun: "Russian fuel", "Ukraine's ports", "its boats"; failing
        those, a prepositional owner: "assets of Russian banks", "positions held by the Arakan Army"."""
        direct: list[Actor] = []
        owners: list[Actor] = []
        origins: list[Actor] = []
        lemma = noun.lemma_.lower()
        if lemma in KIN_NOUNS:
            return []  # "Joe Biden's son" is someone else
        # "Indonesia's G20 presidency": the holder, not the body presided over
        held = lemma in TERM_NOUNS and any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in children_of(noun)
        )
        # "North Macedonia's EU accession", "Sweden's NATO bid": the body joined is no owner
        # (or "NATO membership for Finland": whom it is for)
        joiners = [a for q in prep_objects(noun, "for") for a in self.actors(q)] if lemma in JOINING_NOUNS else []
        joining = lemma in JOINING_NOUNS and (bool(joiners) or any(c.dep_ == "poss" for c in children_of(noun)))
        for c in children_of(noun):
            if held and c.dep_ in ("compound", "nmod", "amod"):
                continue
            if (
                joining
                and c.dep_ in ("compound", "nmod")
                and getattr(self.token_actor.get(c.i), "type", "") == "Organization"
            ):
                continue
            if c.dep_ == "poss" and lemma in OTHER_PARTY_NOUNS:
                continue  # "aggression against its neighbour": not against itself
            # a demonym the parser took for a determiner is a modifier ("supports Togolese/det civil society")
            if c.dep_ in ACTOR_WORD_DEPS or (
                c.dep_ == "det" and c.pos_ in ("ADJ", "PROPN") and c.i in self.token_actor
            ):
                if negated_modifier(c):
                    continue  # "anti-government protesters" are not the government's
                if _names_by_participle(c):
                    continue  # "UN-designated terrorist groups" are not the UN's
                if c.dep_ == "poss" and c.lower_ in POSS_PRONOUNS:
                    direct += self._possessive(c)
                elif c.dep_ == "poss" and c.lemma_.lower() in DEFINITE_ANAPHORS and c.i not in self.token_actor:
                    direct += self.actors(c)  # "the country's president": the country last named
                elif c.i in self.token_actor or (c.dep_ == "poss" and c.i in self.token_group):
                    # a pair as owner: "their two countries’ support" (not "a two-state solution")
                    direct += self.actors(c)
                elif (
                    depth < 1
                    and c.dep_ in ("compound", "amod", "nmod")
                    and c.lemma_.lower() not in BACKING_PARTICIPLES
                    and (c.lower_ not in LOCATING_PARTICIPLES or _sector_of(noun, self.gz) is not None)
                ):
                    # ("Russia-backed separatists" are not Russia: that is the adjectival rule's business)
                    # "missile strikes", "a Greek-flagged tanker", "a U.S.-drafted resolution"
                    direct += self.modifier_actors(c, depth + 1)
                    if (
                        c.tag_ == "VBN"
                        and c.lower_ not in NAMING_PARTICIPLES
                        and c.i >= 2
                        and c.doc[c.i - 1].text == "-"
                        and (c.i - 2) in self.token_actor
                    ):
                        direct += self.actors(c.doc[c.i - 2])
            elif c.dep_ == "prep" and c.lower_ in ("of", "from", "by") and depth < 1:
                for p in children_of(c):
                    if p.dep_ == "pobj" and not _gerund_subject(noun, p):
                        found = self.actors(p) or (
                            [] if self._paired(p) else self.modifier_actors(p, depth + 1)
                        )  # "a resolution of the Israeli-Palestinian conflict" is neither side's
                        # a territory ("from Afghan soil") is where it comes from; agents ("retook the
                        # city from Russian forces") are whose it was
                        territory = (
                            c.lower_ == "from" and p.i not in self.token_actor and _sector_of(p, self.gz) is None
                        )
                        (origins if territory else owners).extend(found)
            elif c.dep_ == "acl" and c.tag_ == "VBN" and depth < 1:
                for agent in children_of(c):
                    if agent.dep_ == "agent":
                        owners += [a for p in children_of(agent) if p.dep_ == "pobj" for a in self.actors(p)]
        direct += joiners
        # "the security of the United States from Afghan soil": the territory a thing comes from
        # names its owner only when nothing else does
        return direct or ((owners or origins) if owners_too else [])

    def title_ends(self) -> set[str]:
        """The last words of the gazetteer's titles ("minister", "envoy"), gathered once per document
        (every organisation's name is checked against them)."""
        if self._title_ends is None:
            self._title_ends = {t[-1] for t in self.gz.titles}
        return self._title_ends

    def titles_in(self, sent: Span):
        for i, person, role, holder in self.titles:
            if sent.start <= i < sent.end:
                yield person, role, holder

    # -------------------------------------------------------------- coreference
    def _pronoun(self, tok: Token) -> list[Actor]:
        if not self.ready:
            return []
        if tok.i in self._pron_cache:
            return self._pron_cache[tok.i]
        self._pron_cache[tok.i] = []  # a pronoun met again while resolving itself names no one
        want_person = tok.lower_ in PERSON_PRONOUNS or POSS_PRONOUNS.get(tok.lower_) == "person"
        want_plural = tok.lower_ in PLURAL_PRONOUNS or POSS_PRONOUNS.get(tok.lower_) == "plural"
        want_gender = PRONOUN_GENDER.get(tok.lower_)
        lemma = tok.lemma_.lower()
        want_type = {
            "group": "Organization",
            "movement": "Organization",
            "militia": "Organization",
            "organisation": "Organization",
            "organization": "Organization",
            "alliance": "Organization",
            "bloc": "Organization",
        }.get(lemma, "Country" if lemma in DEFINITE_ANAPHORS else None)
        clause_subjects: set[str] = set()
        subject_actors: list[list[Actor]] = []
        subject_at = -1  # where the clause's subject stands, before the pronoun
        if not want_person:
            verb = tok.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:  # Tokens are new objects per access
                verb = verb.head
            while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(verb)):
                verb = verb.head  # "X and Y discussed ... and affirmed their commitment": the first verb's subjects
            for c in children_of(verb):
                if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i and c.i < tok.i:
                    if c.pos_ != "PRON":  # (a pronoun subject is itself resolved by nearness)
                        subject_at = max(subject_at, c.i)
                    if want_plural and any(x.dep_ == "conj" for x in children_of(c)):
                        # "Biden and Harris sent their condolences": the coordinated subjects
                        subject_actors.append(self.actors(c))
                    else:
                        subject_actors += [[a] for a in self._own(c) if not want_plural or _plural_mention(c, a)]
            clause_subjects = {a.id for group in subject_actors for a in group}
            if tok.dep_ in ("nsubj", "nsubjpass"):
                # "Iran said it would ...": a subject pronoun in a reported clause is the speaker,
                # but not in a demanded one ("Turkey demanded that it crack down": the addressee)
                clause_subjects = set()
                if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in DEMAND_GOVERNORS:
                    clause_subjects = {a.id for t in logical_subjects(verb.head) for a in self._own(t)}
        if tok.lower_ == "it" and tok.dep_ == "dobj" and _parallel_thing(self, tok):
            return []  # "X opposed the plan and Y endorsed it", "seized the tanker and released it"
        if tok.lower_ == "it" and tok.dep_ == "nsubj" and _time_it(tok):
            return []  # "I guess it was late last month", "it is time to act": no one
        if tok.lower_ == "it" and tok.dep_ == "nsubj" and _situation_it(tok):
            return []  # "it depends entirely on Russia": how things turn out, no one
        if tok.lower_ == "it" and tok.dep_ in ("nsubj", "nsubjpass") and _reported_thing(self, tok):
            return []  # "said the name had to be easy and it must not cite a person": the name
        if tok.dep_ == "poss" and want_type != "Person" and (answerable := _answerable(self, tok)):
            # "impose costs on Russia for its aggression", "sanctioned Iran over its drone sales":
            # whose act a reason names is the one it is held against
            self._pron_cache[tok.i] = answerable
            return answerable
        if tok.dep_ == "poss" and not want_person and (helped := _helped_in_own(self, tok)):
            # "Washington has supported the SDF in its fight against ISIS": the one helped in it
            self._pron_cache[tok.i] = helped
            return helped
        if tok.dep_ == "poss" and not want_person and (owner := _elaborated_owner(self, tok)):
            # "the challenges posed by Iran, including its support for proxies": Iran's
            self._pron_cache[tok.i] = owner
            return owner
        if tok.dep_ == "poss" and _own_course(tok):
            # "the Houthis continue their campaign", "Russia's ability to fund its war", "urged Iran
            # to halt its enrichment": who carries on a course of action carries on their own
            subjects = logical_subjects(tok.head.head)
            named = [t for t in subjects if t.pos_ != "PRON"]
            doers = _dedupe_actors(a for t in named for a in self._own(t))
            # (through another pronoun only when it is the same one: "until it ceases its war,
            # withdraws its forces": "its" is what that "it" is)
            same = [t for t in subjects if t.lower_ == {"its": "it", "their": "they"}.get(tok.lower_) and t.i < tok.i]
            if not named and same:
                doers = _dedupe_actors(a for t in same for a in self._pronoun(t))
            if len(doers) == 1 or (want_plural and doers):
                self._pron_cache[tok.i] = doers
                return doers
            if named and not doers and not any(t.i in self.token_group for t in named):
                # "calls on the Lukashenka regime to end its crackdown": the regime's; "calls on the
                # junta to ...": the junta's, even when it is no actor kg knows (never the caller's)
                carried = _dedupe_actors(a for t in named for a in self.carried_actors(t))
                self._pron_cache[tok.i] = carried if len(carried) == 1 else []
                return self._pron_cache[tok.i]
        if want_plural and tok.dep_ == "poss":
            they = _governing_subject(tok)
            if (
                they is not None
                and they.tag_ in ("NNS", "NNPS")
                and they.i < tok.i
                and they.i not in self.token_actor
                and they.i not in self.token_group
                and not any(c.dep_ in ("conj", "poss", "compound", "amod") for c in children_of(they))
            ):
                # "The Ministers agreed to coordinate their assistance": the clause's own plural
                # subject, even when kg cannot tell who they are (never a group named before)
                return []
            if they is not None and they.lower_ in PLURAL_PRONOUNS and they.i < tok.i:
                # "They discussed aid to the people of Ukraine and reaffirmed their commitment":
                # "their" is the clause's "they", however deep the parser hangs the clause
                group = self.actors(they)
                if group:
                    self._pron_cache[tok.i] = group
                    return group
        if tok.dep_ == "poss" and want_person and (ahead := self._fronted_for_subject(tok, want_gender)):
            # "In his meetings with President Cortizo, Secretary Blinken will discuss ...": a
            # possessive in a phrase put before its clause's subject is that subject's
            self._pron_cache[tok.i] = ahead
            return ahead
        best, best_i, best_subject = None, -1, False
        sent_start = sent_of(tok).start
        if want_plural and _generic_states_before(self, tok, sent_start):
            return []  # "invest in low and middle-income countries so that we can help them": those
        floor = max(0, sent_start - 80)
        for i, actor, is_subj in reversed(self.order):
            if i >= tok.i or i < floor:
                continue
            if self.doc[i].lower_ in FIRST_SINGULAR | FIRST_PLURAL:
                continue  # a third-person pronoun is not the speaker ("We call on X to cease its ...")
            personal = actor.type == "Person" or i in self.personal
            if want_person != personal:
                continue
            if want_gender and actor.type == "Person" and self.gender(actor) not in (None, want_gender):
                continue  # "Tsikhanouskaya ... Lukashenko ... She asked voters": not him
            if want_person and _met_by_same_pronoun(self.doc[i], tok):
                continue  # "she met with President Moon, she met with Minister Chung": not Moon
            if want_plural and not _plural_mention(self.doc[i], actor):
                continue
            if not want_plural and actor.type == "SectorActor" and self.doc[i].tag_ in ("NNS", "NNPS"):
                continue  # "its" is not "jihadists" or "protesters"
            if not want_plural and not want_person and self.doc[i].tag_ == "NNS":
                continue  # "Chinese officials confirmed it has infected 200 people": "it" is not "officials"
            if tok.lower_ == "it" and i in self.places and actor.type == "SectorActor":
                continue  # "debated in Puebla ... endorsed it": a city named in passing is no antecedent
            if is_subj and i > 0 and self.doc[i - 1].lower_ in LOCATIVE_PREPS:
                # "in Vienna, the envoys have been focused on ...": a place the parser took for the subject
                is_subj = False
            if not want_plural and self.doc[i].lemma_.lower() in PLURAL_COLLECTIVES:
                continue  # "expressed opposition to Defund the Police while La Riva endorsed it": not the police
            if want_type and (actor.type != want_type or actor.kind == "MediaOrganization"):
                continue  # ("told Reuters the group had accepted": a news outlet is no group)
            if actor.id in clause_subjects:
                continue
            if tok.dep_ == "poss" and len(subject_actors) == 1 and i < subject_at and not _reports(self.doc[i], tok):
                # "Russia finds itself isolated as a result of its war", after Iran in the same
                # sentence: with no actor between them, a possessive is its clause's subject's
                # (not after a speaker's: "Seoul said Pyongyang fired toward its waters")
                best = None
                break
            if not is_subj and (not want_person or (tok.dep_ in ("nsubj", "nsubjpass") and i < sent_start)):
                # a subject pronoun continues an earlier sentence's subject ("The Under Secretary will
                # meet the Chilean minister. On Monday, he will ...")
                if best is None:
                    best, best_i = actor, i
                continue
            if best is not None and best_i >= sent_start > i:
                break  # "The US sanctioned Russia over its invasion": the sentence's own actor first
            best, best_i, best_subject = actor, i, True
            break
        if best is not None and best_i < sent_start and tok.lower_ == "it" and _thing_subject_before(self, tok):
            best = None  # "The virus appeared in Wuhan, China. Officials confirmed it has infected ...": the virus
        result = [best] if best is not None else []
        if (best is None or best_i < sent_start) and tok.dep_ == "poss" and len(subject_actors) == 1:
            # "The US maintains its support for ...": with no other actor before it in the sentence,
            # a possessive is its clause's subject
            result = subject_actors[0]
        if want_plural and tok.dep_ == "nsubj" and (best is None or best_i < _previous_sentence_start(tok)):
            # "X met Y. They discussed ...": with no plural-named actor in this sentence or the one
            # before, the ones who just met (not "the Houthis" of three sentences back)
            result = _participants(self, tok) or result
        elif want_plural and tok.dep_ == "nsubj" and best is not None and best_i < sent_start and not best_subject:
            # "The US and the EU condemned the shelling by Russian forces. They welcomed ...": the
            # coordinated subjects before a plural named in passing
            pair = _participants(self, tok)
            result = pair if len(pair) >= 2 else result
        if self.ready:
            self._pron_cache[tok.i] = result
        return result

    def _fronted_for_subject(self, tok: Token, want_gender: str | None) -> list[Actor]:
        """The person subject of the clause whose fronted phrase (before the subject, at the
        sentence's start) holds ``tok``."""
        phrase = tok.head
        while phrase.dep_ == "pobj" or (phrase.dep_ == "prep" and phrase.head.pos_ not in ("VERB", "AUX")):
            phrase = phrase.head
        verb = phrase.head
        if phrase.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX") or phrase.i != sent_of(tok).start:
            return []
        subjects = [c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i]
        found = [a for c in subjects if (a := self.token_actor.get(c.i)) is not None and a.type == "Person"]
        if len(found) != 1 or (want_gender and self.gender(found[0]) not in (None, want_gender)):
            return []
        return found

    def gender(self, person: Actor) -> str | None:
        """ "F" or "M" as the document calls the person ("Ms. Tsikhanouskaya", "Queen Rania") or as
        their given name tells (``ontology/actors/given_name_genders.tsv``); None when neither does."""
        if person.id in self._genders:
            return self._genders[person.id]
        found = None
        for i, actor in self.token_actor.items():
            if (
                actor.id == person.id
                and i > 0
                and (i - 1 not in self.token_actor or self.token_actor[i - 1].id != person.id)
            ):
                found = TITLE_GENDER.get(self.doc[i - 1].lower_.rstrip("."))
                if found:
                    break
        if found is None:
            words = name_words(person.label)
            found = given_name_genders().get(words[0]) if len(words) > 1 else None
        self._genders[person.id] = found
        return found

    def _possessive(self, tok: Token) -> list[Actor]:
        return self._pronoun(tok)

    def possessor(self, tok: Token) -> list[Actor]:
        """Whose a possessive pronoun says a thing is ("its", "their")."""
        return self._pronoun(tok) if tok.lower_ in POSS_PRONOUNS else []


# verbs whose "it" subject stands for a clause that follows ("it seems that", "it was announced that")
EXTRAPOSING_VERBS = {"be", "seem", "appear", "happen", "remain", "become", "announce", "report", "say", "believe"}


def _expletive(tok: Token) -> bool:
    """ "It was my pleasure to welcome X", "it is vital that we support Ukraine", "It was announced
    that ...": an "it" that stands for the clause after it, not for an actor named before."""
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    if verb.lemma_.lower() not in EXTRAPOSING_VERBS:
        return False
    clause = ("ccomp", "xcomp", "csubj")
    predicates = [c for c in children_of(verb) if c.dep_ in ("attr", "acomp") and c.i > tok.i]
    if verb.lemma_.lower() == "be" and not predicates:
        return False  # "it is to support our partners": "it" is the job named before
    heads = [verb, *predicates]
    return any(
        c.dep_ in clause
        or (c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c)))
        for h in heads
        for c in children_of(h)
        if c.i > tok.i
    )


def _governing_subject(tok: Token) -> Token | None:
    """The subject of the nearest verb above ``tok`` that has one, climbing through coordinated,
    complement and adnominal clauses ("They discussed efforts to provide ... and reaffirmed ...")."""
    verb = tok.head
    for _ in range(12):
        if verb.pos_ in ("VERB", "AUX"):
            subj = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
            if verb.dep_ not in ("conj", "xcomp", "acl", "advcl"):
                return None
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _generic_states_before(m: Mentions, tok: Token, sent_start: int) -> bool:
    """Whether a plural noun for states that names none ("low and middle-income countries") stands
    between the sentence's start and a plural pronoun, nearer than any actor: the pronoun's
    antecedent."""
    generic = [
        t.i
        for t in m.doc[sent_start : tok.i]
        if t.tag_ == "NNS"
        and t.lemma_.lower() in STATE_PLURAL_HEADS
        and t.i not in m.token_actor
        and t.i not in m.token_group
        and not m.actors(t)
    ]
    if not generic:
        return False
    nearest = max(
        (
            i
            for i, _a, _s in m.order
            if sent_start <= i < tok.i and m.doc[i].lower_ not in FIRST_SINGULAR | FIRST_PLURAL
        ),
        default=-1,
    )
    return generic[-1] > nearest


def _agent_objects(prep: Token) -> list[Token]:
    """The objects of an agent phrase: "by X", "on the part of X"."""
    if prep.dep_ != "prep":
        return []
    objects = [q for q in children_of(prep) if q.dep_ == "pobj"]
    if prep.lower_ == "by":
        return objects
    if prep.lower_ == "on" and len(objects) == 1 and objects[0].lower_ == "part":
        return [
            r
            for b in children_of(objects[0])
            if b.dep_ == "prep" and b.lower_ == "of"
            for r in children_of(b)
            if r.dep_ == "pobj"
        ]
    return []


def _gerund_subject(noun: Token, pobj: Token) -> bool:
    """ "the principle of Iran never acquiring a nuclear weapon": the "of" object is the subject of
    a gerund the parser hung on the noun, whose act it names, not the noun's owner."""
    return any(c.dep_ == "acl" and c.tag_ == "VBG" and pobj.i < c.i <= pobj.right_edge.i + 2 for c in children_of(noun))


def _plural_mention(tok: Token, actor: Actor) -> bool:
    """ "Russian forces", "the Houthis", "Hamas" (armed and political groups are "they" in news)."""
    if tok.tag_ in ("NNS", "NNPS"):
        return True
    return actor.type == "Group" or actor.kind in ("ArmedGroup", "PoliticalGroup")


def find_mentions(
    doc: Doc,
    doc_date: dt.date | None = None,
    voice: Actor | None = None,
    gz: Gazetteer | None = None,
    headline: str | None = None,
) -> Mentions:
    """Resolve every actor mention in ``doc`` (``doc_date`` dates the persons' roles; ``voice`` is
    the actor the document speaks for, from its publisher; ``gz`` the gazetteer, by default the
    process's own; ``headline`` the document's title, which may say who "the Secretary" is)."""
    gz = gz if gz is not None else gazetteer()
    m = Mentions(doc=doc, gz=gz, date=doc_date, voice=voice, headline=headline)
    matcher = _matcher(id(doc.vocab), doc.vocab, gz)
    listed = [doc[s:e] for _, s, e in matcher(doc)]
    spans = listed + [
        _whole_name(e, gz) if e.label_ == "PERSON" else _whole_body(e) if e.label_ == "ORG" else e
        for e in _joined_persons(m.tree.ents, gz)
        if e.label_ in ENTITY_LABELS
    ]
    spans = filter_spans(spans)
    spans = filter_spans(spans + _listed_persons(m, spans))
    unresolved = []
    for span in sorted(spans, key=lambda s: s.start):
        actor = _resolve_span(span, m)
        if actor is None:
            unresolved.append(span)
            continue
        for i in range(span.start, span.end):
            m.token_actor[i] = actor
    for span in unresolved:
        if any(t.lower_ in MONTHS or t.text == "-" for t in span):
            # "Benin March 3-9" taken whole by the recogniser: the state before the date; "the
            # Sino-British Joint Declaration": hyphen-joined states taken as one name are each side
            for inner in listed:
                if span.start <= inner.start and inner.end <= span.end:
                    actor = _resolve_span(inner, m)
                    if actor is not None and actor.type == "Country":
                        for i in range(inner.start, inner.end):
                            m.token_actor[i] = actor
            continue
        # "the G7 Foreign Ministers of Canada": an office "of" a state the recogniser took whole
        heads = {span.root.lemma_.lower(), span.root.lower_, span.root.lower_.removesuffix("s")}
        if not heads & (_office_words() | set(gz.state_nouns)):
            continue
        for inner in listed:
            if span.start < inner.start and inner.end <= span.end and doc[inner.start - 1].lower_ == "of":
                actor = _resolve_span(inner, m)
                if actor is not None and actor.type == "Country":
                    for i in range(inner.start, inner.end):
                        m.token_actor[i] = actor
    _venues(doc, m)
    pos, texts = m.tree.pos, m.tree.texts
    for i, t in enumerate(m.tokens):
        if i in m.token_actor or pos[i] != "PROPN" or not t.is_title:
            continue
        if texts[i] in m.persons:
            # a surname met earlier, where the recogniser saw no entity ("Burhan accused ...")
            m.token_actor[i] = m.persons[texts[i]]
        elif not t.ent_type_:
            _unrecognised_place(t, m)
    unheld = _titled_phrases(doc, m)
    unheld += _titled_persons(doc, m)
    _described_nationality(m)
    m.context = _context_country(doc, m)
    _predicative_titles(doc, m)
    _unnamed_agents(doc, m)
    _placed_peoples(m)
    _led_groups(doc, m)
    _stated_state_over_default(m)
    _first_person(doc, m)
    merged = _one_node_per_person(m)
    _story_nationals(m)
    unheld = [(ent, merged.get(person.id, person), title) for ent, person, title in unheld]
    _context_titles(unheld, m)  # (after the voice: a speaker is never inferred from the story's country)
    for i, actor in sorted(m.token_actor.items()):
        if i + 1 >= len(doc) or m.token_actor.get(i + 1) is not actor:
            m.order.append((i, actor, m.tokens[i].dep_ in ("nsubj", "nsubjpass")))
    m.ready = True
    _possessed_agents(doc, m)
    return m


def _placed_peoples(m: Mentions) -> None:
    """ "Syrian Kurds", "the Kurds in Syria", "the Kurds" in a story about Syria: a people of several
    states (``ethnic_groups.tsv``, no state of its own) is the ethnic group of the one state the
    text places it in; placed nowhere, it is no actor."""
    if not m.gz.peoples:
        return
    for tok in m.tokens:
        if tok.i in m.token_actor or tok.text not in m.gz.peoples:
            continue
        named = [m.gz.lookup(c.text) for c in children_of(tok) if c.dep_ in ("amod", "compound") and c.i < tok.i]
        states = [a for a in [*named, *m.modifier_actors(tok)] if a is not None and a.type == "Country"]
        states = states or _located_in(tok, m)  # "Syrian Kurds", "the Kurds in Syria"
        if not states:
            states = _sentence_state(tok, m)
        if not states and m.context is not None and not _names_other_state(tok, m, m.context):
            states = [m.context]
        codes = {a.country for a in states if a.country}
        if len(codes) == 1 and (state := m.gz.country(codes.pop())) is not None:
            m.token_actor[tok.i] = sector_actor(state, m.gz.sectors["ETH"])


def _venues(doc: Doc, m: Mentions) -> None:
    """ "joined the Paris Agreement", "the Minsk agreements", "the Doha accord": a city that names a
    document or a process is where it was made, not a party to it (a state's own name or adjective,
    "the Iran agreement", still is; so are the sides of "the U.S.-Taliban agreement")."""
    for i, actor in list(m.token_actor.items()):
        if not actor.country or actor.type not in ("Country", "SectorActor"):
            continue
        t = doc[i]
        if t.dep_ != "compound" or t.head.lemma_.lower() not in VENUE_NAMED:
            continue
        if any(doc[k].text in ("-", "–", "/") for k in (t.i - 1, t.i + 1) if 0 <= k < len(doc)):
            continue  # one side of a pair
        if any(c.dep_ == "conj" for c in children_of(t)) or t.dep_ == "conj":
            continue
        state = m.gz.country(actor.country)
        label = state.label if state is not None else actor.label
        if t.text.isupper() or t.text[:3].lower() == label[:3].lower():
            continue  # "U.S.", "Iran", "Iranian"
        del m.token_actor[t.i]


LED_HEADS = {"coalition", "alliance", "bloc", "mission", "intervention", "campaign", "operation"}


def _led_groups(doc: Doc, m: Mentions) -> None:
    """ "the Saudi-led coalition", "a Russian-led alliance": a coalition named by its leader acts
    as its leader (as event data codes it)."""
    # only a noun with "led" among its modifiers has leaders: visit the words "led" hangs on, in
    # text order (a token's lower_ is its text lower-cased), not every token's lemma
    heads = sorted({m.tree.heads[i].i for i, text in enumerate(m.tree.texts) if text.lower() == "led"})
    for tok in (m.tokens[i] for i in heads):
        if tok.i in m.token_actor or tok.lemma_.lower() not in LED_HEADS:
            continue
        leaders = m.leaders(tok)
        if leaders and leaders[0].type in ("Country", "Organization"):
            m.token_actor[tok.i] = leaders[0]


# a surname that begins with an elided particle: "d'Estaing", "D'Alema", "l'Aquila" is a place
ELIDED_PARTICLE = re.compile(r"^[dD]['’]\w")


def _listed_persons(m: Mentions, spans: list[Span]) -> list[Span]:
    """Names in a list of persons that the recogniser left out ("Tan Tieniu, He Jing, and Yin
    Zonghua": "He" read as the pronoun): a proper-noun conjunct of a person's name, with its
    proper-noun compounds, is a person too."""
    persons = {i for s in spans if s.label_ == "PERSON" for i in range(s.start, s.end)}
    if len(persons) < 2:
        return []
    covered = {i for s in spans for i in range(s.start, s.end)}
    doc, out = m.doc, []
    for t in m.tokens:
        if t.dep_ not in ("conj", "appos") or m.tree.pos[t.i] != "PROPN" or t.i in covered or t.head.i not in persons:
            continue
        start = t.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == t.i:
            if doc[start - 1].pos_ != "PROPN" or doc[start - 1].i in covered:
                break
            start -= 1
        # (the list goes on past it to another person: "He Jing, and Yin Zonghua"; no title's words)
        if (
            start < t.i
            and any(c.dep_ == "conj" and c.i in persons for c in children_of(t))
            and not any((w.lower_,) in m.gz.titles for w in doc[start : t.i + 1])
        ):
            out.append(Span(doc, start, t.i + 1, label="PERSON"))
    return out


def _joined_persons(ents, gz: Gazetteer) -> list[Span]:
    """The recogniser's entities, with a PERSON entity that runs straight into the next one made
    one name ("Hassan Sheikh" + "Mohamud": the recogniser cuts at a word it takes for a title),
    unless either is a person kg knows ("Putin Zelensky" in a caption is two people)."""
    out: list[Span] = []
    for e in ents:
        last = out[-1] if out else None
        if (
            last is not None
            and e.label_ == "PERSON"
            and last.label_ == "PERSON"
            and e.start == last.end
            and not any((hit := gz.lookup(span_text(x))) is not None and hit.type == "Person" for x in (last, e))
        ):
            out[-1] = Span(e.doc, last.start, e.end, label=e.label_)
        else:
            out.append(e)
    return out


def _whole_name(ent: Span, gz: Gazetteer) -> Span:
    """A PERSON entity grown leftwards over given names the recogniser left out ("Antony" in
    "Secretary of State Antony J. Blinken"): capitalised compounds of the name that are not titles."""
    end = ent.end
    last = ent.doc[end - 1]
    if (
        len(ent) >= 2
        and end < len(ent.doc)
        and ent.doc[end].lower_ in ("'s", "’s")
        and getattr(gz.lookup(last.text), "type", None) == "Country"
    ):
        # "discussed with Secretary General Delattre France's plans": the state's, not a surname
        ent = Span(ent.doc, ent.start, end - 1, label=ent.label_)
        end -= 1
    while end < len(ent.doc) and ELIDED_PARTICLE.match(ent.doc[end].text) and ent.doc[end].pos_ == "PROPN":
        end += 1  # "Valéry Giscard d'Estaing": the recogniser stops before the elided particle
    if end != ent.end:
        ent = Span(ent.doc, ent.start, end, label=ent.label_)
    start = ent.start
    inside = set(range(ent.start, ent.end))
    if len([t for t in ent if t.is_alpha and len(t) > 2]) >= 2:
        # a given name and a surname: the word before is the office's ("... Reconciliation Zalmay Khalilzad")
        return ent
    while start > 0:
        t = ent.doc[start - 1]
        if (
            t.pos_ == "PROPN"
            and t.dep_ == "compound"
            and t.head.i in inside
            and t.is_title
            and not t.is_sent_start  # capitalised as the sentence's first word ("Podcaster Spike Cohen")
            and not t.ent_type_
            and (t.lower_,) not in gz.titles
            and t.lower_ not in HONORIFICS
            and gz.lookup(t.text) is None
            # the last word of a two-word state ("Special Envoy for North Korea Sung Kim")
            and (start < 2 or gz.lookup(f"{ent.doc[start - 2].text} {t.text}") is None)
        ):
            start -= 1
            inside.add(start)
            continue
        break
    if start == ent.start:
        return ent
    return Span(ent.doc, start, ent.end, label=ent.label_)


def _whole_body(ent: Span) -> Span:
    """An ORG entity grown leftwards over the capitalised words of its own name the recogniser left
    out ("House Oversight and" in "the House Oversight and Reform Committee"): words of the head
    noun's phrase, joined by "and" or "of", that no other entity holds."""
    root = ent.root
    if root.lemma_.lower() not in _org_heads():
        return ent
    inside = {t.i for t in root.subtree}
    start = ent.start
    while start > 0:
        t = ent.doc[start - 1]
        # (a word the recogniser gave another ORG entity is still this name's: it split "the African
        # Union Peace" from "Security Council")
        if t.i in inside and t.ent_type_ in ("", "ORG") and (t.is_title or t.lower_ in ("and", "of", "&")):
            start -= 1
            continue
        break
    while start < ent.start and ent.doc[start].lower_ in ("and", "of", "&"):
        start += 1
    if start == ent.start:
        return ent
    return Span(ent.doc, start, ent.end, label=ent.label_)


# a state's joining a body: "Ukraine's EU membership"
JOINING_NOUNS = {"membership", "accession", "candidacy", "bid"}
# ties between two sides, which a hyphen names ("the U.S.-Japan Alliance")
PAIR_TIE_NOUNS = {"partnership", "alliance", "relationship", "relation", "tie", "cooperation", "friendship"}


def _named_medium(span: Span) -> bool:
    """A name right after a news outlet's noun ("Greek daily Kathimerini"): a newspaper."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in MEDIA_NOUNS


def _other_body(tok: Token, hit: Actor, m: Mentions) -> bool:
    """A state body named by one common word ("Congress") with a name before it that is not its
    state's is another body: "State Congress President" in Goa, "Pradesh Congress"."""
    if hit.kind != "GovernmentBody" or not hit.country or tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    if before.dep_ != "compound" or before.tag_ not in ("NN", "NNP") or not before.is_title:
        return False
    if before.ent_type_ == "NORP":
        return False  # "the Republican Congress": a party's, still the body
    named = m.gz.lookup(before.text)
    state = named.country if named is not None else load_places().state_of(normalise_surface(before.text), set())
    return state != hit.country  # "Texas Congress member" is still the US Congress


def _resolve_span(span: Span, m: Mentions) -> Actor | None:
    gz = m.gz
    text = span_text(span)
    if len(span) == 1 and text in m.persons:
        # "Kanye West ... West said", "Sudesh Amman ... Amman": a surname met earlier beats the
        # gazetteer, except after an office title: "Hunter Biden ... President Biden" is the
        # well-known office-holder
        known = gz.lookup(text)
        titled = span.start > 0 and (span.doc[span.start - 1].lower_,) in gz.titles
        if titled and known is not None and known.type == "Person" and not _same_title(span, m.persons[text]):
            return known
        return m.persons[text]
    hit = gz.lookup(text)
    label = span.label_ if span.label_ in ENTITY_LABELS else ""
    if hit is not None and len(span) == 1 and _other_body(span[0], hit, m):
        return None
    if hit is not None:
        if hit.type == "Person" and len(span) > 1 and span[-1].is_title and not _named_in_full(m, span[-1].text):
            m.persons[span[-1].text] = hit  # "Joe Biden ... Biden": a known person's surname
        return hit
    if (label in ("GPE", "LOC", "FAC", "ORG") or (label == "PERSON" and len(span) == 1)) and not (
        label == "ORG" and _coordinated_with_person(span)
    ):
        # a city, province or disputed territory (the small model often calls "Kharkiv" a person)
        # stands for its state's population when it is acted upon ("missiles struck Kharkiv":
        # Ukraine: civilians); it never acts (see Mentions.places)
        context = {a.country for a in m.token_actor.values() if a.type == "Country" and a.country}
        code = load_places().state_of(normalise_surface(text), context) if len(span) <= 5 else None
        if code and label == "PERSON" and not _place_not_person(text, span):
            code = None  # "Sherman" is a town in Texas, but after "Deputy Secretary" a person
        country = m.gz.country(code)
        if country is not None:
            m.places.update(range(span.start, span.end))
            return sector_actor(country, m.gz.sectors["CVL"])
    placed = _placed_in_state(span, m) if label in ("PERSON", "ORG") else None
    if label in ("PERSON", "ORG") and (_named_as_place(span) or placed is not None):
        # "the town of Ain Issa": whatever the recogniser says, a place (its state's people if
        # the places gazetteer knows it, else no actor); "travel to Monte Carlo, Monaco": Monaco's
        code = load_places().state_of(normalise_surface(text), set()) or (placed.country if placed else None)
        country = m.gz.country(code) if code else None
        if country is None:
            return None
        m.places.update(range(span.start, span.end))
        return sector_actor(country, m.gz.sectors["CVL"])
    if label == "PERSON" and len(span) > 1 and span[-1].lower_ in BODY_HEAD_WORDS:
        return _organisation(span, m)  # "the Haqqani Network", "the Luhansk People's Republics": a body
    if label == "PERSON":
        return _person(span, m)
    if label == "ORG":
        return _organisation(span, m)
    if label == "NORP":
        # "Palestinians", "Afghan": try the singular / base form
        for form in (text.rstrip("s"), text[:-1] if text.endswith("es") else None):
            if form and (hit := gz.lookup(form)) is not None and hit.type == "Country":
                return hit
    return None


# last words of a name that make it a body whatever the recogniser says
BODY_HEAD_WORDS = {
    "network", "group", "front", "party", "army", "movement", "brigade", "brigades", "council",
    "committee", "republic", "republics", "coalition", "alliance", "union", "organization",
    "organisation", "militia", "foundation", "institute", "ministry", "agency",
}  # fmt: skip
PLACE_HEADS = {"town", "city", "village", "province", "region", "district", "county", "port", "governorate"}


def _places_noun(tok: Token) -> bool:
    """ "Ukrainian towns", "a number of other Ukrainian towns": a noun for places, or a quantity of them."""
    lemma = tok.lemma_.lower()
    if lemma in PLACE_HEADS:
        return True
    return lemma in QUANTITY_HEADS and any(
        q.lemma_.lower() in PLACE_HEADS
        for p in children_of(tok)
        if p.dep_ == "prep" and p.lower_ == "of"
        for q in children_of(p)
        if q.dep_ == "pobj"
    )


QUANTITY_HEADS = {"number", "dozen", "hundred", "thousand", "handful", "couple", "series", "host", "range"}


def _unrecognised_place(tok: Token, m: Mentions) -> None:
    """ "shelled the city of Kharkiv": a place named as one where the recogniser saw no entity is
    its state's people, as a recognised place is (see Mentions.places)."""
    if tok.dep_ == "compound":
        return  # the name's last word decides
    words = [c for c in children_of(tok) if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    span = tok.doc[(words[0].i if words else tok.i) : tok.i + 1]
    if not _named_as_place(span):
        return
    code = load_places().state_of(normalise_surface(span.text), set())
    country = m.gz.country(code) if code else None
    if country is None:
        return
    for t in span:
        m.places.add(t.i)
        m.token_actor[t.i] = sector_actor(country, m.gz.sectors["CVL"])


def _named_as_place(span: Span) -> bool:
    """ "the town of Ain Issa", "the city of Kharkiv", "the Tsuen Wan district": a name given as a
    place's."""
    root = span.root
    if root.dep_ == "compound" and root.head.i == span.end and root.head.lemma_.lower() in PLACE_HEADS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_HEADS


def _placed_in_state(span: Span, m: Mentions) -> Actor | None:
    """ "travel to Monte Carlo, Monaco", "in Goma, Congo": a name after a preposition of place and
    before a comma and a state's name is a place in that state, whatever the recogniser says."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in LOCATIVE_PREPS | {"to"}:
        return None
    after = span.end + 1
    if after >= len(doc) or doc[span.end].text != "," or doc[after].ent_type_ != "GPE":
        return None
    end = after
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    if end + 1 < len(doc) and doc[end + 1].tag_ == "POS":
        return None  # "to John Smith, France's envoy"
    state = m.gz.lookup(doc[after : end + 1].text)
    return state if state is not None and state.type == "Country" else None


def _coordinated_with_person(span: Span) -> bool:
    """ "Senators Alvarez and Mendez": one word coordinated with a person's name is a name too,
    whatever the recogniser calls it."""
    root = span.root
    if len(span) != 1:
        return False
    return (root.dep_ == "conj" and root.head.ent_type_ == "PERSON") or any(
        c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in children_of(root)
    )


def _place_not_person(text: str, span: Span) -> bool:
    """A one-word PERSON entity that is surely a place: a region or territory, or a city of half a
    million people or more, not right after a title."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and (before.lower_,) in gazetteer().titles:
        return False
    if _coordinated_with_person(span):
        return False  # "Senators Alvarez and Mendez": coordinated with a person, a person
    for p in load_places().candidates(normalise_surface(text)):
        if p.kind != "city" or (p.population or 0) >= 500_000:
            return True
    return False


def _trim_name_tail(tokens: list[Token]) -> list[Token]:
    """A name without what the recogniser took in after it: a headline's verb ("Narendra Modi
    Announced"), a day or a month ("Andrew Holness Friday"), a caption's "Image". (A country
    stays: "Michael Jordan".)"""
    tokens = list(tokens)
    while (
        len(tokens) > 1 and tokens[-2].lower_ not in NAME_PARTICLES  # "Qaboos bin Said": a name after a particle
    ) and (
        tokens[-1].tag_ in ("VBD", "VBN", "VBZ")
        or tokens[-1].lower_ in HEADLINE_VERBS
        or tokens[-1].lower_ in NAME_TAIL_WORDS
        or tokens[-1].lower_ in HEADLINE_NOUNS
    ):
        tokens.pop()
    return tokens


def _strip_name(span: Span, gz: Gazetteer) -> tuple[str, list[str]]:
    """The name inside a PERSON span, without leading titles or honorifics (returned apart)."""
    tokens = list(span)
    lead: list[str] = []
    office = _office_words()
    while (
        len(tokens) > 1
        and (
            tokens[0].lower_ in HONORIFICS
            or tokens[0].lower_ in NAME_LEAD_WORDS
            or (tokens[0].lower_,) in gz.titles
            or (tokens[0].lower_.endswith("s") and (tokens[0].lower_[:-1],) in gz.titles)  # "Senators Harris"
            or (tokens[0].lemma_.lower(),) in gz.titles
            or tokens[0].lower_ in ("holiness", "excellency")
            or tokens[0].lower_ in OCCUPATION_WORDS
            or tokens[0].lower_ in PAST_OFFICE
            or tokens[0].lower_ in office
            or (tokens[0].lower_.endswith("s") and tokens[0].lower_[:-1] in office)  # "Representatives Engel"
            or (tokens[0].is_upper and len(tokens[0]) <= 4)
            or (tokens[0].lower_ in OFFICE_TAIL_WORDS and len(tokens) > 2)
        )
    ):
        lead.append(tokens.pop(0).text)  # "NSA Lovegrove", "FM Le Drian", "Acting Permanent ..."
    if any(t.lower_ in office for t in tokens) and not _compass_surname(tokens, office):
        return "", lead  # "Diplomatic Advisor", "Economic Commission": an office, not a name
    tokens = _trim_name_tail(tokens)
    name = normalise_surface("".join(t.text_with_ws for t in tokens))
    return name, lead


COMPASS_WORDS = {"west", "east", "north", "south"}


def _compass_surname(tokens: list[Token], office: frozenset[str]) -> bool:
    """ "Kanye West", "Oliver North": a given name and a compass word are a name, though "West" is
    an office word in "the Assistant Secretary for West Africa"."""
    return (
        len(tokens) == 2
        and tokens[1].lower_ in COMPASS_WORDS
        and tokens[0].lower_ not in office
        and tokens[0].is_title
        and tokens[0].ent_type_ == "PERSON"
    )


def _named_in_full(m: Mentions, surname: str) -> bool:
    """Whether the bare ``surname`` already stands for someone the text named in full (a lone
    "Secretary Granholm" met first gives way to "Jennifer Granholm")."""
    known = m.persons.get(surname)
    return known is not None and len(known.label.split()) > 1


def _relative_of_namesake(first: Token, last: Token, surname: str) -> bool:
    """ "Biden's son Hunter Biden", "the son of Joe Biden, Hunter Biden": a name (its first and
    last tokens) given as the relative of someone of the same surname."""
    doc = last.doc
    kin = last.head if last.dep_ in ("appos", "compound", "npadvmod") else None
    if kin is None or kin.lemma_.lower() not in KIN_NOUNS:
        kin = doc[first.i - 1] if first.i > 0 else None
    if kin is None or kin.lemma_.lower() not in KIN_NOUNS:
        return False
    near = [c for c in children_of(kin) if c.dep_ == "poss"] + [
        q for p in children_of(kin) if p.dep_ == "prep" and p.lower_ == "of" for q in children_of(p)
    ]
    return any(surname in {x.text for x in t.subtree} for t in near)


def _given_names_agree(one: list[str], other: list[str]) -> bool:
    """Whether two people of one surname can be one person: the given names of one are among the
    other's ("Volodymyr Zelenskyy" and "Zelenskyy"), not "Justin" against "Elizabeth Kennedy"."""
    return set(one) <= set(other) or set(other) <= set(one)


def _same_title(span: Span, earlier: Actor) -> bool:
    """ "Acting Assistant Secretary Elizabeth Kennedy Trudeau ... Acting Assistant Secretary
    Trudeau": a surname after the office title the text gave a person it named in full is that
    person, however well known a namesake is."""
    doc = span.doc
    at = doc.text.rfind(earlier.label, 0, doc[span.start].idx)
    if at < 0:
        return False
    words = {w.strip(",.").lower() for w in doc.text[max(0, at - 80) : at].split()[-8:]}
    return doc[span.start - 1].lower_ in words


def _person(span: Span, m: Mentions) -> Actor | None:
    if span[0].lower_ in NOT_PERSON_FIRST:
        return None  # "Typhoon Haiyan", "Fort Lee"
    if _named_medium(span):
        return None  # "Greek daily Kathimerini": a newspaper
    name, _lead = _strip_name(span, m.gz)
    if not name or any(ch.isdigit() for ch in name) or len(name) > 60:
        return None
    words = name.split()
    if _bare_suffix(name):
        return None
    if any(w.lower() in NAME_SUFFIXES for w in words[:-1]):
        return None  # "Martin Luther King Jr. Day": a thing named after a person
    if words[-1].lower() in NOT_NAME_WORDS or name.endswith("-"):
        return None  # "the Ambassador Bridge", "His Majesty", a name cut at its hyphen ("THOMAS-")
    if len(words) == 1:
        known = m.persons.get(words[0])
        if known is not None:
            return known
        root = span.root
        titled = any(c.dep_ in ("compound", "amod") and c.i < span.start for c in children_of(root)) or (
            span.start > 0 and (span.doc[span.start - 1].lower_,) in m.gz.titles
        )
        if not titled:
            shared = _shared_surname(span)
            if shared is None:
                return None  # a lone name ("Chuck") is nobody we can tell apart: not an actor
            known = m.persons.get(shared)
            if known is None:
                known = m.persons[shared] = new_person(shared, m)
            return known
    if len(words) > 1 and (
        span[0].pos_ in ("ADV", "ADP", "SCONJ", "CCONJ", "DET")
        or (span[0].is_sent_start and span[0].tag_ in ("VBG", "VBN"))
    ):
        return _person(span[1:], m)  # "Afterwards Trump", "Near Bakhmut", "Born Robert Burns in ..."
    known = m.persons.get(name)
    if known is not None:
        return known
    actor = new_person(name, m)
    m.persons[name] = actor
    if not _named_in_full(m, words[-1]) and not _relative_of_namesake(span[0], span[-1], words[-1]):
        # a bare surname is the person of that surname the text named in full first: news names the
        # one it is about first and gives a namesake met later in full ("Joe Biden ... Hunter
        # Biden ... Biden said"); nor is it a relative introduced as one ("Biden's son Hunter Biden")
        m.persons[words[-1]] = actor
    particle = next((k for k in range(1, len(words) - 1) if words[k].lower() in NAME_PARTICLES), None)
    if particle is not None:
        m.persons.setdefault(" ".join(words[particle:]), actor)  # "Rocky De La Fuente" ... "De La Fuente"
    for k in range(1, len(words) - 1):
        m.persons.setdefault(" ".join(words[k:]), actor)  # "Ali Bongo Ondimba" ... "President Bongo Ondimba"
    surname = words[-1]
    for article in ("al-", "el-", "Al-", "El-"):
        if surname.startswith(article) and len(surname) > len(article) + 1:
            m.persons.setdefault(surname[len(article) :], actor)  # "al-Burhan" ... "Burhan"
    return actor


def _bare_suffix(name: str) -> bool:
    """ "Surangel Whipps, Jr., President of Palau": the suffix cut off a name is no one."""
    return name.lower().rstrip(".") in NAME_SUFFIXES


def _shared_surname(span: Span) -> str | None:
    """ "David and Louise Turpin", "Bill and Hillary Clinton": a given name coordinated with a full
    name shares its surname ("David Turpin"); a surname alone ("Biden and Kamala Harris") does not."""
    doc, tok = span.doc, span.root
    if span.end + 2 >= len(doc) or doc[span.end].lower_ not in ("and", "&"):
        return None
    partner = next((c for c in children_of(tok) if c.dep_ == "conj"), None)
    if partner is None or partner.ent_type_ != "PERSON":
        return None
    full = next((e for e in tree(doc).ents if e.start <= partner.i < e.end), None)
    if full is None or full.start != span.end + 1 or len(full) != 2:
        return None
    if not (given_name(tok.text) and given_name(full[0].text)):
        return None
    return f"{tok.text} {full[-1].text}"


def new_person(name: str, m: Mentions) -> Actor:
    """A person met for the first time in a document, with the country of their known role at the
    document's date (the Phoenix person dictionary), if any."""
    known = directory().find(name) if len(name.split()) > 1 else None
    if known is not None:
        return person_actor(name, country=known.country_at(m.date))
    return person_actor(name)


LEADERS_GOVERNMENTS = {"administration", "government", "regime", "cabinet"}


def _organisation(span: Span, m: Mentions) -> Actor | None:
    gz = m.gz
    tokens = [t for t in span if t.lower_ not in ("the",)]
    if len(tokens) >= 2 and span.root.lemma_.lower() in LEADERS_GOVERNMENTS and span.root.i == tokens[-1].i:
        # "the Biden Administration", "the Maduro Government": the leader's government acts as
        # the leader does ("the Trump administration sanctioned ...")
        name = " ".join(t.text for t in tokens[:-1])
        leader = m.persons.get(name) or gz.lookup(name)
        if leader is not None and leader.type == "Person":
            return leader
    # "the Iranian Foreign Ministry", "Russia's Defence Ministry": a state body is its state.
    countries = [gz.lookup(t.text) for t in tokens]
    countries = [c for c in countries if c is not None and c.type == "Country"]
    head = span.root.lemma_.lower()
    if countries and (head in gz.state_nouns or head in ("ministry", "office", "department", "agency", "council")):
        return countries[0]
    if (
        not countries
        and m.voice is not None
        and m.voice.type == "Country"
        and head in ("ministry", "department")
        and any(t.lower_ == "of" for t in tokens)
    ):
        return m.voice  # "the Department of Commerce" in a release: the publisher's own ministry
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if countries and after is not None and ((after.lower_,) in gz.titles or after.lemma_.lower() in gz.state_nouns):
        # "Indian External Affairs Minister", "British Defence Secretary": the entity is part of a title
        return countries[0]
    if len(tokens) >= 3 and (tokens[0].lower_,) in gz.titles and all(t.pos_ == "PROPN" for t in tokens[1:]):
        # "Spokesperson Ned Price" labelled ORG: a titled name is a person
        return _person(span.doc[tokens[1].i : span.end], m)
    while (
        len(tokens) > 1
        and tokens[0].lower_ not in NAME_PARTICLES  # "al-Nusra Front", "de Gaulle Foundation"
        and (tokens[0].pos_ in ("ADP", "VERB", "SCONJ", "ADV") or tokens[0].is_lower)
    ):
        # "Regarding Ashodaya Samithi", "national Constitution Party": the recogniser took in a word
        # before the name
        tokens = tokens[1:]
    dash = next((i for i, t in enumerate(tokens) if t.text in ("–", "—") and i > 0), None)
    if dash and all(t.is_upper or t.text in ("–", "—") for t in tokens[dash:]):
        # "the Organization of Islamic Cooperation – OIC": the acronym set off by a dash
        known = gz.lookup(" ".join(t.text for t in tokens[:dash]))
        if known is not None:
            return known
        tokens = tokens[:dash]
        span = span.doc[tokens[0].i : tokens[-1].i + 1]
    opened = next((i for i, t in enumerate(tokens) if t.text == "("), None)
    if opened and not any(t.text == ")" for t in tokens[opened:]):
        tokens = tokens[:opened]  # "Office of Foreign Assets Control (OFAC": the recogniser cut the acronym
        span = span.doc[tokens[0].i : tokens[-1].i + 1]
    owned = max((i for i, t in enumerate(tokens) if t.text in ("'s", "’s")), default=None)
    if owned is not None and len(tokens) - owned > 2 and not any(gz.lookup(t.text) for t in tokens[:owned]):
        # (a state as owner stays in the name: "Iran's Central Bank")
        tokens = tokens[owned + 1 :]  # "the Treasury's Office of Foreign Assets Control": the office is the actor
        span = span.doc[tokens[0].i : tokens[-1].i + 1]
    name = normalise_surface(span.doc[tokens[0].i : span.end].text)
    if not name or any(ch.isdigit() for ch in name) or not any(ch.isupper() for ch in name) or len(name) > 80:
        return None
    last = tokens[-1].lemma_.lower().rstrip(".")
    if span.root.i < tokens[-1].i and any(t.lower_ in ORG_NAME_PREPS for t in tokens) and head in _org_heads():
        # the head noun comes before the name's phrase ("the Central Bank of Yemen", "the International
        # Institute for Justice", "the Committee on Foreign Relations", "the Coalition to Defeat ISIS")
        last = head
    if last in EVENT_WORDS or (last,) in gz.titles or last in VOICE_TITLES or last in m.title_ends():
        return None  # "the NATO Summit", "State Councilor": an event or an office, not an actor
    if len(tokens) == 1 or last not in _org_heads():
        # "Defense", "ACA", "Special Representatives and Special Envoys": a name the gazetteer does not
        # know is an organisation only with an organisational head noun ("Foreign Service Institute")
        return None
    country = countries[0].country if countries else None
    return org_actor(slug(name), name, None, country)


ORG_NAME_PREPS = {"of", "for", "on", "to"}


def _holder_of(tokens: list[Token], m: Mentions, unknown_orgs: bool = False) -> Actor | None:
    # "Special Envoy for Iran Robert Malley", "Ambassador to Kenya X": after "for"/"to" comes the
    # portfolio, not the state the person serves
    portfolio = min((t.i for t in tokens if t.lower_ in ("for", "to")), default=None)
    if portfolio is not None:
        tokens = [t for t in tokens if t.i < portfolio]
    for t in tokens:
        a = _state_of_place(m.token_actor.get(t.i), t, m)
        # an organisation the gazetteer does not know ("Civil Aviation" in "Civil Aviation Minister")
        # is more likely part of the title than the body the person serves
        if (
            a is not None
            and a.type not in ("Person", "SectorActor")
            and not (a.type == "Organization" and a.kind is None and not unknown_orgs)
        ):
            return a
    return None


def _left_modifiers(span: Span) -> list[Token]:
    """Tokens left of a name that modify it: "Iranian President" in "Iranian President Ebrahim Raisi"."""
    doc = span.doc
    inside = set(range(span.start, span.end))
    out: list[Token] = []
    i = span.start - 1
    while i >= 0:
        t = doc[i]
        if t.dep_ == "case":
            out.insert(0, t)  # "Taiwan's President Lai": the possessive marker belongs to "Taiwan"
            i -= 1
            continue
        if t.dep_ in ("compound", "amod", "nmod", "poss", "case", "punct", "npadvmod", "det") and (
            t.head.i in inside or t.head.i in {o.i for o in out} or t.head.i > i and t.head.i <= span.end
        ):
            if t.dep_ == "punct" and t.text not in ("-",):
                break
            if t.dep_ == "det":
                break
            out.insert(0, t)
            i -= 1
            continue
        if t.dep_ in ("pobj", "prep") and span.root.is_ancestor(t):
            out.insert(0, t)  # "Secretary of State Antony Blinken": a title with its own "of" phrase
            i -= 1
            continue
        break
    return out


def _title_from(words: list[str], m: Mentions, head: bool = False) -> Title | None:
    """The title the words end on, dropping words at the end until one does; with ``head``, the
    last word must end it ("EU candidate status" holds no office: a status is no one)."""
    words = [w.lower() for w in words if w not in ("'s", "’s", "-")]
    ends = m.title_ends()
    while words:
        # (words that end on no title's last word match none: most nouns are no office)
        hit = m.gz.match_title(words) if words[-1] in ends else None
        if hit:
            return hit[0]
        if head:
            return None
        words = words[:-1]
    return None


RESIDENT_NOUNS = {"resident", "citizen", "national", "native", "inhabitant", "villager", "local"}


def _give_state(m: Mentions, person: Actor, country: str, role: str | None = None) -> Actor:
    """The person with a state (and ``role``, else their own), put wherever the document's mentions
    hold them."""
    new = person_actor(person.label, country=country, role=role or person.role)
    _replace_person(m, person.id, new)
    return new


def _story_nationals(m: Mentions) -> None:
    """In a news story about one country (no publisher's voice; `_context_country`), a person the
    story names with no state and no office is of that country, as event coders code an unknown
    person by the story's country (on the real dev set: persons' countries right 931 -> 1,164,
    wrong 3 -> 27). A publisher's release names foreigners without their state too often for it."""
    if m.voice is not None or m.context is None:
        return
    titled = {p.id for _i, p, _r, _h in m.titles}
    for i in sorted(m.token_actor):
        person = m.token_actor[i]  # (as it is now: a person given a state is replaced everywhere)
        if person.type == "Person" and not person.country and not person.role and person.id not in titled:
            _give_state(m, person, m.context.country)


def _described_nationality(m: Mentions) -> None:
    """A person the text describes by a nationality, with no office: "Chinese ophthalmologist Li
    Wenliang", "Shireen Abu Akleh, a Palestinian journalist": the state the description names (not
    a backer's, "Russian-backed separatist", which hangs on the participle)."""
    for i in sorted(m.token_actor):
        person = m.token_actor[i]  # (as it is now: a person given a state is replaced everywhere)
        if person.type != "Person" or person.country:
            continue
        tok = m.tokens[i]
        if (above := m.token_actor.get(tok.head.i)) is not None and above.id == person.id and tok.head.i != tok.i:
            continue  # not the name's last word
        descriptions = [
            c
            for c in children_of(tok)
            if c.dep_ in ("compound", "appos")
            and c.pos_ == "NOUN"
            and (c.i not in m.token_actor or m.token_actor[c.i].id == person.id)  # (a title's words are the person's)
        ]
        # "Chinese ophthalmologist", "GRU officers", "IRGC-QF official": a state, or a body of one
        states = {
            a.country
            for d in descriptions
            for c in children_of(d)
            if c.dep_ in ("amod", "compound", "poss", "nmod")
            and not negated_modifier(c)
            and (a := m.token_actor.get(c.i)) is not None
            and a.country
            and (a.type == "Country" or (a.type in ("Organization", "ArmedGroup") and a.kind is not None))
        }
        # "Mohammed Ali, a resident of Gaza", "a citizen of France": the place or state one is of
        states |= {
            a.country
            for d in descriptions
            if d.lemma_.lower() in RESIDENT_NOUNS
            for q in prep_objects(d, "of")
            if (a := m.token_actor.get(q.i)) is not None and a.country and (a.type == "Country" or q.i in m.places)
        }
        if len(states) == 1:
            _give_state(m, person, states.pop())


def _record_title(m: Mentions, tok_i: int, person: Actor, title: Title, holder: Actor) -> Actor:
    if person.type != "Person" or person.id == holder.id or holder.type in ("Person", "SectorActor"):
        return person  # "the President of the United States" resolved to the state is no title
    role = title.role
    if title.text.split()[-1] in PRESIDING_TITLES and holder.type == "Organization":
        role = "leads"  # "House Speaker Nancy Pelosi": the speaker of a chamber heads it
    country = holder.country if holder.type in ("Country", "Organization") else None
    updated = person
    if person.country is None and country:
        updated = _give_state(m, person, country, role=title.text)
    m.titles.append((tok_i, updated, role, holder))
    m.titled.append((tok_i, updated, title))
    return updated


def _one_node_per_person(m: Mentions) -> dict[str, Actor]:
    """A person named in part is the one person of the document named more fully: by the store's
    own rule (:func:`kg.persons.same_persons`: "Pedro Pierluisi" is "Pedro Pierluisi Urrutia",
    "FOREIGN MINISTER RAU" in a transcript "Zbigniew Rau", a surname met before the full name),
    and within one document also by a lone first word that begins one name only ("Retno Marsudi
    ... Foreign Minister Retno", "Hunter Biden ... Hunter") unless the text gives them different
    states and offices. Returns the persons merged away, by id, and whom they now are."""
    people: dict[str, Actor] = {}
    for a in m.token_actor.values():
        if a.type == "Person":
            people.setdefault(a.id, a)
    if len(people) < 2:
        return {}
    same = same_persons((pid, a.label, a.country) for pid, a in people.items())
    for pid, part in people.items():
        if pid in same or " " in part.label:
            continue
        begun = [q for q, whole in people.items() if begins_name(part.label, whole.label)]
        if len(begun) != 1:
            continue
        whole = people[begun[0]]
        if part.country and whole.country and part.country != whole.country and part.role != whole.role:
            continue  # "Special Representative Kim" of the US is not "Kim Jong Un" (one office is one person)
        same[pid] = same.get(begun[0], begun[0])
    merged = {pid: people[whole] for pid, whole in same.items()}
    for pid, whole in merged.items():
        _merge_person(m, pid, whole)
    return merged


def _merge_person(m: Mentions, pid: str, new: Actor) -> None:
    """Put ``new`` wherever the document's mentions, groups and titles hold the person ``pid``."""
    _replace_person(m, pid, new)
    for i, group in m.token_group.items():
        if any(a.id == pid for a in group):
            m.token_group[i] = _dedupe_actors(new if a.id == pid else a for a in group)
    m.titles[:] = [(i, new if p.id == pid else p, role, h) for i, p, role, h in m.titles]
    m.titled[:] = [(i, new if p.id == pid else p, title) for i, p, title in m.titled]


def _replace_person(m: Mentions, pid: str, new: Actor) -> None:
    """Put ``new`` (the same person, now with a state) wherever the document's mentions hold ``pid``."""
    for key, val in list(m.persons.items()):
        if val.id == pid:
            m.persons[key] = new
    for i, a in list(m.token_actor.items()):
        if a.id == pid:
            m.token_actor[i] = new


def _titled_phrases(doc: Doc, m: Mentions) -> list[tuple[Span, Actor, Title]]:
    """Persons behind title phrases (see ``_title_phrases``): the whole phrase stands for the
    person, except the actors it names as the office's holder. Returns those whose office names
    no state, as ``_titled_persons`` does."""
    gz = m.gz
    unheld: list[tuple[Span, Actor, Title]] = []
    for name, phrase in _title_phrases(doc, gz, m.tokens, m.sents):
        said = {t.lower_ for t in phrase} | {c.lower_ for t in phrase for c in children_of(t) if c.dep_ == "amod"}
        first = min(t.i for t in phrase) if len(phrase) else 0
        if first > 0:
            said.add(doc[first - 1].lower_)  # "former US Vice President Joe Biden"
        if PAST_OFFICE & said:
            continue
        name = _trim_name_tail(name)
        while len(name) > 2 and (
            name[0].lower_ in OFFICE_TAIL_WORDS
            or ((a := m.token_actor.get(name[0].i)) is not None and a.type == "Country")
        ):
            # "Minister of Regional Cooperation Esawi Frej": the office's last word; "Special Envoy
            # for North Korea Sung Kim": the portfolio's state
            name = name[1:]
        if name and name[0].lower_ in NAME_SUFFIXES:
            continue  # "Martin Luther King Jr. Day": "King" is no title here
        if any(ch.isdigit() for t in name for ch in t.text) or (name and name[-1].text.endswith("-")):
            continue  # "Global COVID-19 Summit", a speaker's label cut at a hyphen ("AMBASSADOR THOMAS-")
        text = "".join(t.text_with_ws for t in name).strip()
        if not any(ch.isalpha() for ch in text):
            continue  # a hyphen the parser calls a proper noun ("High Representative/Vice-President")
        if text.isupper():
            text = capitalised(text)
        words = [
            w
            for w in text.replace("-", " ").split()
            if w.lower().rstrip(".") not in {s.rstrip(".") for s in NAME_SUFFIXES}
        ]
        if not words:
            continue
        known = m.token_actor.get(name[-1].i)
        if known is not None and known.type == "Person" and known.label == text and len(words) > 1:
            person = known
        elif (
            len(words) == 1
            and (listed := gz.lookup(text)) is not None
            and listed.type == "Person"
            and not (
                (named := m.persons.get(words[0])) is not None
                and named.id != listed.id
                and _same_title(doc[name[0].i : name[-1].i + 1], named)
            )
        ):
            person = listed  # after an office title, the well-known office-holder ("President Biden")
        elif len(words) == 1:
            full = m.persons.get(words[0])
            person = (
                full
                if full is not None and len(full.label.split()) > 1
                else (known if known is not None and known.type == "Person" else None)
            )
            person = person or m.persons.get(words[0]) or gz.lookup(text)
            if person is None or person.type != "Person":
                person = new_person(text, m) if name[0].i == phrase[-1].i + 1 else None
        else:
            listed = gz.lookup(text)  # a well-known person under another spelling ("Abbas Araqchi")
            person = (
                m.persons.get(text)
                or (listed if listed is not None and listed.type == "Person" else None)
                or (
                    known
                    if known is not None
                    and known.type == "Person"
                    and known.label.split()[-1] == words[-1]
                    and _given_names_agree(known.label.split()[:-1], words[:-1])
                    else None
                )
                or new_person(text, m)
            )
        if person is None:
            continue
        m.persons[text] = person
        if not _relative_of_namesake(name[0], name[-1], words[-1]):
            m.persons[words[-1]] = person  # (as in _person)
        title = _phrase_title(phrase, gz)
        holder = _phrase_holder(phrase, m)
        title = _national_secretary_general(title, holder)
        if title is not None and holder is None and title.country:
            holder = gz.country(title.country)
        if title is not None and holder is None and not _names_other_body(phrase, m):
            holder = _voice_holder(m, title, person)
        if title is not None and holder is None and not _names_other_body(phrase, m):
            holder = _own_state(m, title, person)
        if (
            title is not None
            and holder is not None
            and not (title.scope == "org" and holder.type == "Country" and title.role == "leads")
        ):
            person = _record_title(m, name[-1].i, person, title, holder)
        elif title is not None and holder is None and title.scope != "org" and not person.country:
            unheld.append((doc[name[0].i : name[-1].i + 1], person, title))
        for t in [*phrase, *name]:
            a = m.token_actor.get(t.i)
            if a is None or a.type == "Person" or (a.type == "Organization" and a.kind is None):
                m.token_actor[t.i] = person
    return unheld


SECRETARY_GENERAL = {"secretary general", "secretary-general"}


def _national_secretary_general(title: Title | None, holder: Actor | None) -> Title | None:
    """ "Italian Secretary General Ettore Sequi", "the French Foreign Ministry's Secretary General":
    a state's secretary general is an official of that state (the title heads an organisation only
    when an organisation holds it)."""
    if title is None or holder is None or holder.type != "Country" or title.text not in SECRETARY_GENERAL:
        return title
    return replace(title, role="memberOf", scope="state")


def _titled_persons(doc: Doc, m: Mentions) -> list[tuple[Span, Actor, Title]]:
    """Attach titles to persons: "Chinese Defence Minister Dong Jun", "Wang Yi, China's foreign
    minister", "the president of Iran, Ebrahim Raisi". Returns the titled persons whose office
    names no state ("President Tebboune"), for ``_context_titles``."""
    seen_spans = set()
    unheld: list[tuple[Span, Actor, Title]] = []
    titled = {i for i, *_ in m.titles}
    for ent in m.tree.ents:
        if ent.label_ != "PERSON" or any(t.i in titled for t in ent):
            continue
        person = m.token_actor.get(ent.root.i)
        if person is None or person.type != "Person":
            continue
        seen_spans.add(ent.start)
        left = _left_modifiers(ent)
        _, lead = _strip_name(ent, m.gz)
        title = _title_from([t.text for t in left if t.i not in m.token_actor] + lead, m)
        holder = _holder_of(left, m) or (_phrase_holder(list(left), m) if title is not None else None)
        if holder is None and title is not None and title.scope == "org":
            # "Green Party candidate Howie Hawkins": before an organisation's office, a body the
            # gazetteer does not know is the one served
            holder = _holder_of(left, m, unknown_orgs=True)
        past = False
        if title is None or holder is None:
            # apposition either way round: "Wang Yi, China's foreign minister" / "the minister, Wang Yi"
            root = ent.root
            partners = [c for c in children_of(root) if c.dep_ == "appos"]
            if root.dep_ == "appos":
                partners.append(root.head)
            for p in partners:
                if p.i in m.token_actor and m.token_actor[p.i].type == "Person":
                    continue
                words = [
                    c.text
                    for c in children_of(p)
                    if c.dep_ in ("compound", "amod") and c.i < p.i and c.i not in m.token_actor
                ]
                t2 = _title_from(words + [p.text], m) if p.pos_ in ("NOUN", "PROPN") else None
                h2 = m.modifier_actors(p) if t2 else []
                h2 = [h for h in h2 if h.type != "Person"]
                if t2 and h2:
                    title, holder = t2, h2[0]
                    past = any(
                        c.lower_ in PAST_OFFICE for c in children_of(p) if c.i < p.i
                    )  # "X, former president of Y"
                    break
                if t2 and title is None and holder is not None:
                    title = t2
        if title is not None and holder is None and title.country:
            holder = m.gz.country(title.country)  # "Secretary of State Antony Blinken"
        if title is not None and holder is None:
            holder = _voice_holder(m, title, person)
        if title is not None and holder is None:
            # "President Vladimir Putin of Russia"
            holder = next(
                (
                    a
                    for p in children_of(ent.root)
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for q in children_of(p)
                    if q.dep_ == "pobj"
                    for a in m.actors(q)
                    if a.type != "Person"
                ),
                None,
            )
        if title is not None and holder is None:
            holder = _own_state(m, title, person)
        said = {t.lower_ for w in left for t in w.subtree} | {w.lower() for w in lead}  # "then-prime-minister X"
        if title is None or past or said & PAST_OFFICE:
            continue  # "former President Barack Obama", "President-elect": not the office-holder now
        if holder is None:
            if title.scope != "org" and not person.country:
                unheld.append((ent, person, title))
            continue
        title = _national_secretary_general(title, holder)
        if title.scope == "org" and holder.type == "Country":
            continue  # an organisation's office ("nominee", "chief executive") is never a state's
        updated = _record_title(m, ent.root.i, person, title, holder)
        for t in ent:
            m.token_actor[t.i] = updated
    return unheld


# offices of a state's executive, held in the country a story is about when the text names none
STATE_OFFICES = {"president", "minister", "king", "queen", "emir", "sultan", "chancellor", "premier", "monarch"}
# an office of a body, not of the state ("Senate President", "Assembly President")
BODY_WORDS = {"senate", "parliament", "assembly", "court", "party", "council", "committee", "house", "congress"}


def _context_titles(unheld: list[tuple[Span, Actor, Title]], m: Mentions) -> None:
    """ "President Tebboune", "Foreign Minister Lamamra" in a story about one country, in a
    sentence that names no other state: the office is that country's."""
    if m.context is None:
        return
    for ent, person, title in unheld:
        if (
            _title_head(title) not in STATE_OFFICES
            or any(
                t.lower_ in BODY_WORDS or t.ent_type_ in ("ORG", "FAC")  # "Senate President", "PG&E vice president"
                for t in ent.doc[max(0, ent.start - 5) : ent.start]
            )
            or any(p.id == person.id for _i, p, _role, _h in m.titles)
            or _names_other_state(ent.root, m, m.context)
        ):
            continue
        updated = _record_title(m, ent.root.i, person, title, m.context)
        for t in ent:
            m.token_actor[t.i] = updated


COPULAS = {"be", "become", "remain"}
APPOINTING = {"elect", "appoint", "name", "nominate", "choose", "select", "install", "swear", "confirm", "reelect"}


def _predicative_titles(doc: Doc, m: Mentions) -> None:
    """Offices stated of a named person by a clause: "X is the prime minister of Y", "X became
    leader of Y", "X was elected chancellor of Y", "Y appointed X as foreign minister", "X serves
    as ambassador to Y". The office's holder is its "of"/"to" object or modifier ("Germany's
    chancellor", "the German chancellor"), else the office's own country, else the person's state."""
    pos = m.tree.pos
    for tok in m.tokens:
        if pos[tok.i] not in ("NOUN", "PROPN") or tok.i in m.token_actor:
            continue
        person = _office_subject(tok, m)
        if person is None:
            continue
        left = [c for c in children_of(tok) if c.i < tok.i]
        if any(c.lower_ in PAST_OFFICE for c in left) or _past_office(tok):
            continue  # "X is a former minister", "X was president until 2019", "previously served as"
        words = [c.text for c in left if c.dep_ in ("compound", "amod") and c.i not in m.token_actor]
        title = _title_from(words + [tok.text], m)
        if title is None:
            continue
        objects = [
            q
            for c in children_of(tok)
            if c.dep_ == "prep" and c.lower_ == "of"  # an ambassador "to", an envoy "for" serves another
            for q in children_of(c)
            if q.dep_ == "pobj"
        ]
        holders = [a for q in objects for a in m.actors(q) if a.type in ("Country", "Organization")]
        if objects and not holders:
            longer = _title_from(words + [tok.text, "of", *(t.text for t in objects[0].subtree)], m)
            if longer is None or len(longer.words) <= len(title.words):
                continue  # "the leader of the opposition": an office of something that is no actor
            title = longer
        holders = holders or [
            a for a in m.modifier_actors(tok, owners_too=False) if a.type in ("Country", "Organization")
        ]
        holder = holders[0] if holders else (m.gz.country(title.country) if title.country else None)
        if holder is None:
            # "Kenya appointed X as foreign minister": the state that appoints
            verb = _as_verb(tok.head) if tok.head.lower_ == "as" else tok.head
            holder = next(
                (
                    a
                    for c in children_of(verb)
                    if c.dep_ == "nsubj" and verb.lemma_.lower() in APPOINTING
                    for a in m.actors(c)
                    if a.type in ("Country", "Organization")
                ),
                None,
            )
        if holder is None and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in children_of(tok)):
            # (not "elected X as their leader": the possessor, whoever it is, holds the office)
            holder = _own_state(m, title, person)
        if holder is None or (title.scope == "org" and holder.type == "Country" and title.role == "leads"):
            continue
        _record_title(m, tok.i, person, title, holder)


# the span of an office, which the parser gives an "as" phrase: "elected to a second term as president"
TERM_OF_OFFICE_NOUNS = {"term", "mandate", "stint", "tenure"}


def _as_verb(as_prep: Token) -> Token:
    """The verb an "as <office>" phrase says of: its head, past a term of office ("was elected to
    his first of two terms as President of France", "sworn in for a third term as prime minister")."""
    verb = as_prep.head
    for _ in range(3):
        term = verb.lemma_.lower() in TERM_OF_OFFICE_NOUNS
        if verb.dep_ == "pobj" and verb.head.dep_ == "prep" and (term or verb.pos_ in ("NUM", "ADJ")):
            verb = verb.head.head  # (past "first" in "his first of two terms")
        elif (term and verb.dep_ == "dobj") or (verb.dep_ in ("advmod", "npadvmod") and verb.pos_ in ("ADJ", "ADV")):
            verb = verb.head  # "won a fourth term as prime minister", "elected (first) of two terms as"
        else:
            break
    return verb


def _past_office(tok: Token) -> bool:
    """An office the clause says was held once: "was mayor", "served as ambassador", "previously"."""
    verb = _as_verb(tok.head) if tok.head.lower_ == "as" else tok.head
    if verb.lemma_.lower() in APPOINTING | {"become"} or any(
        c.dep_ == "dobj" and c.lemma_.lower() in TERM_OF_OFFICE_NOUNS for c in children_of(verb)
    ):
        # "was elected chancellor", "became leader", "won a fourth term as": held from then on
        return False
    if verb.tag_ in ("VBD",) and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in children_of(verb)):
        return True
    return any(c.lower_ in ("previously", "formerly", "once", "until") for c in verb.subtree if c.i < tok.i)


def _office_subject(tok: Token, m: Mentions) -> Actor | None:
    """The named person a title noun is said of by its clause, or None."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "as":  # "serves as", "appointed X as", "was sworn in as"
        verb = _as_verb(head)
        person_deps = (
            ("dobj",)
            if any(c.dep_ == "dobj" and c.lemma_.lower() not in TERM_OF_OFFICE_NOUNS for c in children_of(verb))
            else ("nsubj", "nsubjpass")
        )
    elif tok.dep_ in ("attr", "oprd") and head.lemma_.lower() in COPULAS | APPOINTING:
        verb = head
        person_deps = ("nsubj", "nsubjpass", "dobj")
    elif tok.dep_ in ("dobj", "xcomp", "ccomp") and head.lemma_.lower() in APPOINTING and head.tag_ == "VBN":
        verb = head  # "was elected chancellor" parsed with the office as object
        person_deps = ("nsubjpass",)
    else:
        return None
    for c in children_of(verb):
        if c.dep_ in person_deps and c.i != tok.i:
            a = m.token_actor.get(c.i)
            if a is not None and a.type == "Person":
                return a
    return None


def _unnamed_agents(doc: Doc, m: Mentions) -> None:
    """Nouns that stand for an actor without naming it: "Egyptian troops", "the Indian navy",
    "Ghana's finance minister", "the Turkish president" (a known person, else the state),
    "his Saudi counterpart", "the two governments"."""
    gz = m.gz
    # a word inside a name headed by another word names no one ("the International Women of
    # Courage Award" are no women; "the Afghan National Army" is an army)
    pos = m.tree.pos
    in_name = {i for e in m.tree.ents for i in range(e.start, e.end) if i != e.root.i and pos[i] == "PROPN"}
    # a passive's patient waits for its by-agent, read later ("protesters were detained by
    # Belarusian police": the police place the protesters)
    waiting: list[Token] = []
    waited: set[int] = set()

    def in_order():
        yield from m.tokens
        yield from waiting

    for tok in in_order():
        if tok.i in m.token_actor or tok.i in in_name:
            continue
        if (
            tok.lower_ == "all"
            and tok.dep_ in ("pobj", "dobj")
            and all(c.lower_ in ("on", "upon") for c in children_of(tok))  # "calls on all", parsed either way
        ):
            # "our Israeli and Palestinian counterparts ... call on all to maintain calm": everyone
            # the sentence just named together
            named = _last_group_in_sentence(m, tok)
            if named:
                m.token_group[tok.i] = named
            continue
        if _bare_pair_word(tok):
            # "The two agreed to ...", "Both condemned ...": the two who just met
            pair = _participants(m, tok)
            if pair:
                m.token_group[tok.i] = pair
            continue
        if pos[tok.i] not in ("NOUN", "PROPN"):
            continue
        named = _named_body_before(m, tok) or _campaign(m, tok)
        if named is not None:
            m.token_actor[tok.i] = named  # "the International Court of Justice ... the Court's order"
            continue
        lemma = tok.lemma_.lower()
        if (
            lemma in ALL_PARTIES_HEADS
            and tok.tag_ == "NNS"
            and tok.dep_ in ("nsubj", "nsubjpass")
            and any(c.dep_ in ("det", "predet") and c.lower_ == "all" for c in children_of(tok))
            and not any(c.dep_ in ("prep", "relcl", "acl") for c in children_of(tok))
        ):
            # "Blinken spoke with Le Drian, Baerbock and Truss. All parties expressed support for
            # Ukraine": everyone who just met
            party = _participants(m, tok, everyone=True)
            if len(party) >= 2:
                m.token_group[tok.i] = party
                continue
        if lemma in PLURAL_HEADS and (
            any(
                (c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
                for c in children_of(tok)
            )
            or (lemma in PAIR_PERSON_HEADS and _bare_definite_plural(tok))
        ):
            # "the two countries", "both sides", "the ministers" (after a meeting of two)
            if lemma in PERSON_PLURAL_HEADS or lemma in STATE_PLURAL_HEADS:
                want = lemma in PERSON_PLURAL_HEADS
                pair = _recent_pair(m, tok, want_person=want, states_only=lemma in STATE_PLURAL_HEADS)
                if (
                    any(c.dep_ == "poss" and c.lower_ in FIRST_PLURAL for c in children_of(tok))
                    and m.voice is not None
                    and all(a.id != m.voice.id for a in pair)
                ):
                    pair = []  # "our two countries" said by a state's voice are that state and one other
            else:
                # "both sides", "the two parties": who just acted together, or the two a "between"
                # named ("fighting between Armenia and Azerbaijan ... We call on both sides")
                pair = _participants(m, tok) or _between_pair(m, tok)
            if pair:
                m.token_group[tok.i] = pair
            continue
        words = [
            c.text
            for c in children_of(tok)
            if c.i < tok.i
            and c.i not in m.token_actor
            # "the deputy secretary": a rank the parser reads as an adjective is part of the title
            and (c.dep_ == "compound" or (c.dep_ == "amod" and c.lower_ in RANK_WORDS))
        ]
        title = _title_from(words + [tok.text], m, head=True)
        kinds = [c.text for c in children_of(tok) if c.dep_ == "amod" and c.i < tok.i and c.i not in m.token_actor]
        if kinds and title is not None and (kinded := _title_from(kinds + words + [tok.text], m, head=True)):
            title = kinded  # "the prime minister": the parser reads "prime" as an adjective
        plural = tok.tag_ in ("NNS", "NNPS")
        if title is None and plural and tok.lemma_ != tok.text:
            title = _title_from(words + [tok.lemma_], m, head=True)  # "the leaders of France and Germany"
        if title is None and pos[tok.i] == "PROPN" and tok.text.endswith("s") and len(tok.text) > 3:
            # "the G7 Foreign Ministers of Canada, France ...": a capitalised plural office
            title = _title_from(words + [tok.text[:-1]], m)
            plural = plural or title is not None
        sector = _sector_of(tok, gz)
        if title is not None and plural and title.text in GENERIC_OFFICES and pos[tok.i] == "NOUN":
            # "will meet with senior officials": a state's people in office, placed as its government is
            title, sector = None, gz.sectors["GOV"]
        # "an opposition leader", "a business leader", "the Belarusian opposition leader": one of a
        # sector's people, no office's holder (the sector decides below: "the military leader" holds one)
        if sector is None and lemma in MEMBER_HEADS:
            # "civil society representatives", "business leaders": the modifier names the sector
            sector = next(
                (
                    inner
                    for c in children_of(tok)
                    if c.dep_ in ("compound", "amod") and c.i < tok.i and (inner := _sector_of(c, gz)) is not None
                ),
                None,
            )
        if title is not None and lemma in MEMBER_HEADS and sector is not None and sector.code not in STATE_ORGANS:
            title = None  # "business leaders", "religious leaders" are a sector's people, not office-holders
        if not (sector or title):
            continue
        if tok.i not in waited and _awaits_agent(tok, m):
            waited.add(tok.i)
            waiting.append(tok)
            continue
        if title is None and _describes(tok):
            continue  # "branded the YPG a terrorist group", "named the PKK as terrorists": what an actor is called
        if title is None and _stance_noun(tok):
            continue  # "expressed opposition to the plan": the stance, not the opposition parties
        if (
            title is None
            and tok.dep_ in ("compound", "amod")
            and tok.head.i > tok.i
            and tok.head.lemma_.lower() in MEMBER_HEADS
        ):
            continue  # "Tunisian civil society leaders": the head noun is the actor, this names its sector
        if sector is not None and title is None:
            # "opposition supporters", "rebel fighters", "army officers": the modifier names the sector
            for c in children_of(tok):
                if (
                    c.dep_ in ("compound", "amod")
                    and c.i < tok.i
                    and not negated_modifier(c)  # "non-state armed groups" are no state's
                    and (inner := _sector_of(c, gz)) is not None
                    and gz.sector_of(f"{c.lower_} {tok.lower_}") is None  # "state media" is media
                ):
                    sector = inner
        if sector is not None and title is None and tok.dep_ == "conj":
            # "Togolese security forces, community groups, women and youth": the conjuncts share the country
            first = tok.head
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            shared = m.token_actor.get(first.i)
            if shared is not None and shared.type == "Person" and shared.country and sector.code in STATE_ORGANS:
                # "the President Mahamat Déby and other senior officials": the officials of his state
                shared = gz.country(shared.country)
            if shared is not None and shared.type in ("SectorActor", "Country") and shared.country:
                if not m.modifier_actors(tok):
                    country = gz.country(shared.country) if shared.type != "Country" else shared
                    if country is not None:
                        m.token_actor[tok.i] = _agent(country, sector)
                        continue
        if sector is not None and title is None and (group := _armed_group_before(m, tok, sector)) is not None:
            m.token_actor[tok.i] = group  # "The Houthis attacked ... the rebels are backed by Iran"
            continue
        if sector is not None and title is None and (same := _same_noun_before(m, tok)) is not None:
            m.token_actor[tok.i] = same  # "A U.S. delegation visited Paraguay ... The delegation met with"
            continue
        holders = [h for h in m.modifier_actors(tok) if h.type != "Person"]
        if not holders and sector is not None and title is None:
            # "security forces in Chad", "protesters in Tehran", "police dispersed protesters in Minsk"
            # (not "consular officials in Russia", "the embassy in Kyiv": posted there by another state)
            holders = _located_in(tok, m) if not _posted_abroad(tok) else []
            if (
                not holders
                and sector.code not in ABROAD_SECTORS
                and lemma not in TRAVELLING_NOUNS
                and not _posted_abroad(tok)
            ):
                holders = _located_in(_clause_verb(tok), m)
            if not holders and sector.code not in ABROAD_SECTORS | {"GOV"}:
                # "Police in Kenya arrested opposition supporters": a domestic group acted on by a
                # state's organ belongs to that state
                holders = _clause_state(tok, m, civilians=sector.code == "CVL")
            if not holders and sector.code not in ABROAD_SECTORS | {"GOV"}:
                # "Riot police dispersed demonstrators in Belgrade": a domestic group in a sentence
                # that places its events in one state, and names no other, is of that state
                holders = _sentence_state(tok, m)
            if not holders and sector.code in STATE_ORGANS and tok.dep_ in ("dobj", "pobj"):
                # "Rebels ambushed a convoy in Mali, killing 12 soldiers", "Sudanese protesters
                # marched against the military": the organs a country's own people act on are its
                holders = _insurgents_state(tok, m)
            if (
                not holders
                and sector.code not in ABROAD_SECTORS | {"GOV"}
                and m.context is not None
                and not _names_other_state(tok, m, m.context)
                and not _proxies(tok)  # "Iran's support for proxy militant groups": they fight abroad
            ):
                holders = [m.context]  # "police", "protesters", "prosecutors" in a story about one country
            if (
                not holders
                and lemma == "administration"
                and m.voice is not None
                and m.voice.type == "Country"
                and _bare_definite_singular(tok)
            ):
                holders = [m.voice]  # "The Administration welcomes ..." in a government's release
            if (
                not holders
                and sector.code == "GOV"
                and m.context is not None
                and _bare_definite_singular(tok)
                and not _names_other_state(tok, m, m.context)
            ):
                holders = [m.context]  # "the government", "the authorities" of the one country a story is about
        if holders and sector is not None and title is None:
            # "President Putin's forces in Bucha": a named owner's state, not the place they are in
            owner = next((a for c in children_of(tok) if c.dep_ == "poss" and (a := m.token_actor.get(c.i))), None)
            state = (
                gz.country(owner.country) if owner is not None and owner.type == "Person" and owner.country else None
            )
            if state is not None and all(h.country != state.country for h in holders):
                holders = [state]
        appos_person = next(
            (
                m.token_actor[c.i]
                for c in children_of(tok)
                if c.dep_ == "appos" and c.i in m.token_actor and m.token_actor[c.i].type == "Person"
            ),
            None,
        )
        if appos_person is None:
            appos_person = next(
                (
                    m.token_actor[c.i]
                    for c in children_of(tok)
                    if c.dep_ in ("compound", "nmod", "npadvmod")
                    and c.i > tok.i
                    and c.i in m.token_actor
                    and m.token_actor[c.i].type == "Person"
                ),
                None,
            )
        if (
            appos_person is None
            and title is None
            and tok.dep_ == "appos"
            and tok.head.i in m.token_actor
            and m.token_actor[tok.head.i].type == "Person"
        ):
            # "Danny Fenster, a journalist detained in Burma": the apposition is the person
            appos_person = m.token_actor[tok.head.i]
        if appos_person is None and title is not None and tok.pos_ == "PROPN":
            # "Head of the Presidential Office Andriy Yermak": the parser hangs the name, glued to
            # the office's body, under "of"; the title stands for the person
            appos_person = next(
                (
                    m.token_actor[q.i]
                    for p in children_of(tok)
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for q in children_of(p)
                    if q.dep_ == "pobj" and q.i in m.token_actor and m.token_actor[q.i].type == "Person"
                ),
                None,
            )
        if appos_person is not None:
            # "IAEA chief Rafael Grossi" parsed with the title as head: the title stands for the person
            m.token_actor[tok.i] = appos_person
            continue
        if sector is not None and title is None and (named := _named_group(tok, m)) is not None:
            # "the Houthis, an Iranian-backed militia", "the PMF, a militia", "the terrorist group
            # Boko Haram": the group named
            m.token_actor[tok.i] = named
            continue
        if (
            not holders
            and sector is not None
            and title is None
            and sector.code in UNPLACED_SECTORS
            # "the M23 rebel offensive" is M23's; "civil society leaders" are civil society
            and (tok.dep_ not in ("compound", "amod") or tok.head.lemma_.lower() in MEMBER_HEADS | _office_words())
            and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in children_of(tok))  # "the FDLR militia"
        ):
            # "rebels", "refugees", "civil society": a group whose state the text does not give
            m.token_actor[tok.i] = unplaced_sector_actor(sector)
            continue
        if not holders:
            if (
                title is not None
                and tok.tag_ in ("NN", "NNP")
                and any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(tok))
            ):
                # "the Secretary", "the Prime Minister": the person last named with that title,
                # or the one the headline names with it ("Secretary Blinken's Travel to ...")
                match = _titled_before(m, title, tok.i)
                if match is None:
                    match = _titled_in_headline(m, title, tok.i)
                if match is not None:
                    m.token_actor[tok.i] = match
                    # "The Secretary thanked ...": the sentence names the office again
                    earlier = next(
                        ((role, h) for i, p, role, h in reversed(m.titles) if p.id == match.id and i < tok.i), None
                    )
                    if earlier is not None:
                        m.titles.append((tok.i, match, *earlier))
            continue
        if len(holders) >= 2 and tok.tag_ in ("NNS", "NNPS") and not title:
            # "the foreign ministers of Iran and Saudi Arabia", "Russian and Ukrainian troops"
            m.token_group[tok.i] = _dedupe_actors(_agent(h, sector) for h in holders)
            continue
        if len(holders) >= 2 and title is not None and plural:
            m.token_group[tok.i] = holders
            continue
        holder = holders[0]
        if title is not None and _name_by_apposition(m, tok, title, holder):
            continue
        if lemma == "counterpart" and plural:
            # "the Secretary and his Ukrainian counterparts": that state's office-holders named before
            named = _dedupe_actors(p for i, p, _role, h in m.titles if h.id == holder.id and i < tok.i)
            if named:
                m.token_group[tok.i] = named
            else:
                m.token_actor[tok.i] = holder
            continue
        if lemma == "counterpart":
            m.token_actor[tok.i] = _counterpart(m, tok, holder) or holder
            continue
        if title is not None:
            match = _known_person(m, holder, title, tok.i)
            if match is not None:
                m.token_actor[tok.i] = match
                continue
        if title is not None and sector is not None and sector.code in STATE_ORGANS - {"GOV"}:
            # "a Russian judge sentenced ...", "a Ukrainian lawmaker said": an unnamed office-holder of a
            # state organ other than its government is that organ, as "Russian judges" are
            m.token_actor[tok.i] = _agent(holder, sector)
        else:
            m.token_actor[tok.i] = holder if title is not None or _whole_people(tok) else _agent(holder, sector)
        if title is not None and tok.tag_ in ("NN", "NNP"):
            m.personal.add(tok.i)


# sector nouns that also name a stance or an act ("opposition to the plan", "resistance to reform")
STANCE_SECTOR_NOUNS = {"opposition", "resistance"}
STANCE_VERBS = {"express", "voice", "signal", "register", "reiterate", "state", "declare", "show", "announce"}


def _stance_noun(tok: Token) -> bool:
    """ "Carroll expressed opposition to the tax", "strong opposition to the plan": the noun names
    someone's stance (it takes "to" or "against", or is what a stance verb states), not a group."""
    if tok.lemma_.lower() not in STANCE_SECTOR_NOUNS or tok.pos_ != "NOUN":
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("to", "against") for c in children_of(tok)):
        return True
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in STANCE_VERBS


def _describes(tok: Token) -> bool:
    """A noun that says what an actor is rather than naming one: a predicate ("are terrorists"), a
    second object ("branded the YPG a terrorist group") or an "as" phrase ("named the PKK as
    terrorists")."""
    if tok.dep_ in ("attr", "oprd"):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "as":
        return True
    # a second object with its own determiner ("the YPG a terrorist group"; "two people smugglers"
    # split in two by the parser is one object)
    return (
        tok.dep_ == "dobj"
        and (any(c.dep_ == "det" for c in children_of(tok)) or tok.head.lemma_.lower() in NAMING_VERBS)
        and any(c.dep_ in ("dobj", "dative") and c.i < tok.i for c in children_of(tok.head))
    )


# verbs that give their object a name ("labelled the YPG terrorists", "branded the YPG a terrorist group")
NAMING_VERBS = {"brand", "label", "call", "name", "designate", "dub", "term", "declare", "deem", "consider"}


def _campaign(m: Mentions, tok: Token) -> Actor | None:
    """ "The Biden campaign criticized Trump": a candidate's campaign, an organisation of its own
    (it speaks for the candidate, but is not the candidate)."""
    if tok.lemma_.lower() != "campaign" or tok.tag_ != "NN":
        return None
    names = [c for c in children_of(tok) if c.dep_ == "compound" and c.i < tok.i]
    persons = {m.token_actor[c.i].id: m.token_actor[c.i] for c in names if c.i in m.token_actor}
    if len(persons) != 1 or not all(c.i in m.token_actor for c in names):
        return None
    (person,) = persons.values()
    if person.type != "Person":
        return None
    surname = person.label.split()[-1]
    return org_actor(slug(f"{person.label} campaign"), f"{surname} campaign", None, person.country)


# organisation heads that, written in lower case, name a state's own organ rather than a body named before
STATE_ORGAN_HEADS = {
    "government", "army", "navy", "police", "forces", "force", "regime", "junta", "administration", "cabinet",
    "command", "guard", "corps", "unit", "office", "mission", "directorate", "secretariat",
}  # fmt: skip


def _named_body_before(m: Mentions, tok: Token) -> Actor | None:
    """ "the Court", "the Commission", "the party", "the university" (with nothing else): the
    organisation last named whose name holds that word."""
    if tok.i == 0 or m.tokens[tok.i - 1].lower_ != "the":
        return None
    if not m.tree.texts[tok.i][:1].isupper() and tok.lower_ in STATE_ORGAN_HEADS:
        return None  # "the government", "the army": the state's own, whatever body was named last
    if tok.lower_ not in _org_heads() or any(
        c.dep_ in ("compound", "amod", "prep", "nummod") for c in children_of(tok)
    ):
        return None
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text[:1].isupper() and tok.doc[tok.i + 1].pos_ == "PROPN":
        return None  # part of a longer name the recogniser missed
    for i in range(tok.i - 1, -1, -1):
        a = m.token_actor.get(i)
        if a is not None and a.type == "Organization" and tok.lower_ in a.label.lower().split():
            return a
    return None


# agent nouns that also name a stance: "the opposition" is a party, "opposition to" a position
STANCE_AGENT_NOUNS = {"opposition", "resistance"}


def _stance(tok: Token) -> bool:
    """ "opposition to the plan", "voiced its opposition to" (the parser hangs "to" on the verb):
    a stance, not the opposition party."""
    return tok.lemma_.lower() in STANCE_AGENT_NOUNS and (
        any(c.dep_ == "prep" and c.lower_ == "to" for c in children_of(tok))
        or (
            tok.dep_ == "dobj"
            and any(c.dep_ == "prep" and c.lower_ == "to" and c.i > tok.i for c in children_of(tok.head))
        )
    )


def _met_by_same_pronoun(cand: Token, pron: Token) -> bool:
    """Whether ``cand`` is the object of a verb whose subject is the same pronoun as ``pron`` ("she
    met with President Moon, she met with ..."): whom "she" acted on is not "she"."""
    t = cand
    for _ in range(6):
        if t.dep_ not in ("compound", "flat", "pobj", "prep", "dobj", "appos", "dative") or t.head.i == t.i:
            break
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "nsubj" and c.lower_ == pron.lower_ and c.i != cand.i for c in children_of(t))
    return False


def _sector_of(tok: Token, gz) -> Sector | None:
    """The sector an agent noun names, two-word nouns first ("civil society", "law enforcement");
    none for a stance ("opposition to the plan", "resistance to" is no party)."""
    lemma = tok.lemma_.lower()
    if lemma in STANCE_AGENT_NOUNS and _stance(tok):
        return None
    for c in children_of(tok):
        if c.i == tok.i - 1 and c.dep_ in ("compound", "amod"):
            two = gz.sector_of(f"{c.lower_} {lemma}") or gz.sector_of(f"{c.lower_} {tok.lower_}")
            if two is not None:
                return two
    return gz.sector_of(lemma) or gz.sector_of(tok.lower_)


def _possessed_agents(doc: Doc, m: Mentions) -> None:
    """ "its forces", "their police": agent nouns whose country is a possessive pronoun, once
    pronouns can be resolved."""
    pos = m.tree.pos
    for tok in m.tokens:
        if tok.i in m.token_actor or pos[tok.i] != "NOUN":
            continue
        sector = m.gz.sector_of(tok.lemma_.lower()) if not _stance(tok) else None
        if sector is None and (tok.lemma_.lower(),) in m.gz.titles:
            sector = m.gz.sectors["GOV"]  # "the country's president", "the nation's leaders": its government
        if sector is None:
            continue
        for c in children_of(tok):
            if c.dep_ == "poss" and c.lower_ in POSS_PRONOUNS and sector.code != "GOV":
                holders = [h for h in m._possessive(c) if h.type == "Country"]
                if holders:
                    m.token_actor[tok.i] = _agent(holders[0], sector)
            elif c.dep_ == "poss" and c.lemma_.lower() in ("country", "nation") and c.i not in m.token_actor:
                # "Kenya held elections ... the country's leaders", "the nation's security forces":
                # the country last named
                holders = [h for h in m.actors(c) if h.type == "Country"]
                # (not the publisher, who says "our country", nor the clause's own subject: "Japan
                # urged the country's leaders" speaks of another; the other one last named)
                own = {m.voice.id} if m.voice is not None else set()
                own |= {a.id for t in logical_subjects(_clause_verb(tok)) for a in m.actors(t)}
                if any(h.id in own for h in holders):
                    floor = sent_of(c).start - 80
                    holders = next(
                        (
                            [a]
                            for i, a, _ in reversed(m.order)
                            if floor <= i < c.i and a.type == "Country" and a.id not in own
                        ),
                        [],
                    )
                if len(holders) == 1:
                    m.token_actor[tok.i] = _agent(holders[0], sector)


def _agent(holder: Actor, sector: Sector | None) -> Actor:
    """The actor an agent noun of ``holder`` stands for: the state itself for its government
    ("the Russian government", "Belarusian authorities"), else the state's sector actor ("Israeli
    troops" -> Israel: military, "Syrian rebels" -> Syria: rebels); an organisation's agents are
    the organisation ("NATO troops")."""
    if (
        holder.type == "SectorActor"
        and getattr(holder, "sector", None) == "ETH"
        and sector is not None
        and sector.code != "ETH"
        and holder.country
    ):
        holder = gazetteer().country(holder.country) or holder  # "Rohingya refugees": Myanmar's refugees
    if sector is None or sector.code == "GOV" or holder.type != "Country":
        return holder
    return sector_actor(holder, sector)


def _whole_people(tok: Token) -> bool:
    """ "the people of Madagascar", "the Ukrainian people": a people as a whole is its state."""
    return tok.lemma_.lower() in WHOLE_PEOPLE and any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(tok))


def _located_in(tok: Token, m: Mentions) -> list[Actor]:
    """Countries an agent noun is placed in: "security forces in Chad", "protesters in Tehran"."""
    found = []
    for p in children_of(tok):
        if p.dep_ == "prep" and p.lower_ in ("in", "inside", "across", "from"):
            for q in children_of(p):
                if q.dep_ == "pobj" and not m.actors(q):
                    # "rebels in the north of Mali"
                    q = next(
                        (
                            r
                            for pp in children_of(q)
                            if pp.dep_ == "prep" and pp.lower_ == "of"
                            for r in children_of(pp)
                            if r.dep_ == "pobj"
                        ),
                        q,
                    )
                if q.dep_ == "pobj":
                    for a in m.actors(q):
                        if a.type == "Country":
                            found.append(a)
                        elif q.i in m.places and a.country:
                            found.append(m.gz.country(a.country))  # "the junta ... in Mandalay"
    return found


def _context_country(doc: Doc, m: Mentions) -> Actor | None:
    """The country a document is about: named at least three times and in at least half of the
    country mentions (each name counted once per mention, a person's country counting too). A
    publisher's own state is the speaker, not the subject: it counts only when no other is named
    (a release on Togo names the United States more often than Togo)."""
    counts: dict[str, int] = {}
    prev = None
    for t in m.tokens:
        a = m.token_actor.get(t.i)
        if a is not None and a is not prev and a.country:
            counts[a.country] = counts.get(a.country, 0) + 1
        prev = a
    own = m.voice.country if m.voice is not None and m.voice.type == "Country" else None
    if own in counts and len(counts) > 1:
        del counts[own]
    if not counts:
        return None
    code, n = max(counts.items(), key=lambda kv: kv[1])
    return m.gz.country(code) if n >= 3 and n * 2 >= sum(counts.values()) else None


def _names_other_state(tok: Token, m: Mentions, context: Actor) -> bool:
    """Whether the sentence names a state other than the story's own, and not the story's own
    ("the borders of Azerbaijan ... the Armenian-backed separatists" in a story about the United
    States): its unnamed groups are then not the story's."""
    named = [a for t in sent_of(tok) if (a := m.token_actor.get(t.i)) is not None and a.country]
    if any(a.country == context.country for a in named):
        return False
    return any(
        (a := m.token_actor.get(t.i)) is not None
        and a.type == "Country"
        and a.country != context.country
        and m.token_actor.get(t.head.i) is not a  # the name's own head word
        and t.dep_ not in ("nsubj", "nsubjpass", "poss")  # who acts or speaks may be anyone's
        for t in sent_of(tok)
    )


def _sentence_state(tok: Token, m: Mentions) -> list[Actor]:
    """The one state a sentence's places are in, when it names no actor of another state."""
    states, others = set(), set()
    for t in sent_of(tok):
        a = m.token_actor.get(t.i)
        if a is None or not a.country:
            continue
        located = t.i in m.places or (t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS)
        (states if located else others).add(a.country)
    if len(states) != 1 or others - states:
        return []
    country = m.gz.country(next(iter(states)))
    return [country] if country is not None else []


def _clause_state(tok: Token, m: Mentions, civilians: bool = False) -> list[Actor]:
    """The state whose organ (or, for ``civilians``, whose office-holder) is the subject of the
    clause a group is the object of."""
    verb = _clause_verb(tok)
    if verb.i == tok.i:
        return []
    # the doers: a passive's by-agent too ("protesters were detained by Belarusian police")
    for c in logical_subjects(verb):
        if c.i != tok.i:
            a = m.token_actor.get(c.i)
            if a is not None and a.type == "SectorActor" and a.sector in STATE_ORGANS - ABROAD_SECTORS and a.country:
                return [m.gz.country(a.country)]
            if a is not None and a.type == "Country" and verb.lemma_.lower() in DETENTION_VERBS:
                return [a]  # "Venezuela's government arrested an opposition leader": its own
            if civilians and a is not None and a.type == "Person":
                # "Prime Minister Hubert Minnis urged residents to evacuate": a leader's own people (not
                # an envoy's: "the Deputy Secretary will hold a discussion with women leaders" abroad)
                held = {
                    h.id: h for i, p, role, h in m.titles if p.id == a.id and h.type == "Country" and role == "leads"
                }
                if len(held) == 1:
                    return list(held.values())
    return []


# non-state armed groups that fight their own state's forces
# a state's own people who rise against its organs: rebels, the opposition, protesting civilians
INSURGENT_SECTORS = {"REB", "OPP", "CVL"}


def _insurgents_state(tok: Token, m: Mentions) -> list[Actor]:
    """The state of the insurgents, opposition or civilians who act on ``tok`` (the clause's logical
    subject), if they are placed: "Sudanese protesters marched against the military"."""
    verb = _clause_verb(tok)
    if verb.i == tok.i:
        return []
    doers = [m.token_actor.get(s.i) for s in logical_subjects(verb)]
    states = {a.country for a in doers if a is not None and a.type == "SectorActor" and a.sector in INSURGENT_SECTORS}
    country = m.gz.country(states.pop()) if len(states) == 1 and None not in states else None
    return [country] if country is not None else []


def _helped_in_own(m: Mentions, tok: Token) -> list[Actor]:
    """ "supported the SDF in its fight", "helped Ukraine in its defence": a possessive in an "in"
    phrase on a verb with a named object is that object's."""
    noun = tok.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return []
    objects = [c for c in children_of(prep.head) if c.dep_ == "dobj" and c.i < prep.i and c.pos_ != "PRON"]
    found = _dedupe_actors(a for c in objects for a in m.actors(c))
    return found if len(found) == 1 else []


def _elaborated_owner(m: Mentions, tok: Token) -> list[Actor]:
    """ "the challenges posed by Iran, including its destabilizing actions, its support for proxies":
    a possessive in an "including" list that spells out a noun is that noun's owner or author, when
    it has exactly one."""
    noun = tok.head
    while noun.dep_ in ("conj", "appos") and noun.head.i != noun.i:
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("including", "like") or prep.head.pos_ != "NOUN":
        return []
    owners = _dedupe_actors(a for a in m.modifier_actors(prep.head) if a.type != "Person")
    return owners if len(owners) == 1 else []


# what "it" stands for in "it was late last month", "it is time to": a time, no actor
TIME_WORDS = {
    "time", "day", "week", "month", "year", "morning", "afternoon", "evening", "night", "hour",
    "yesterday", "today", "tonight", "weekend", "moment", "decade", "ago", "early", "late",
}  # fmt: skip


# verbs whose "it" subject is how things stand ("it depends on Russia", "it remains to be seen")
SITUATION_VERBS = {"depend", "hinge", "rest"}


# a state's people and premises abroad: where they are is not whose they are
POSTED_NOUNS = {"diplomat", "ambassador", "envoy", "embassy", "consulate", "consul", "attache", "attaché"}
POSTED_MODIFIERS = {"consular", "diplomatic", "embassy", "consulate"}


def _posted_abroad(tok: Token) -> bool:
    return tok.lemma_.lower() in POSTED_NOUNS or any(
        c.dep_ in ("amod", "compound") and c.lower_ in POSTED_MODIFIERS for c in children_of(tok)
    )


def _situation_it(tok: Token) -> bool:
    """ "it depends entirely on Russia": how things turn out (not "it depends on Russia for gas")."""
    verb = tok.head
    return verb.lemma_.lower() in SITUATION_VERBS and not any(
        c.dep_ == "prep" and c.lower_ == "for" for c in children_of(verb)
    )


def _time_it(tok: Token) -> bool:
    """ "I guess it was late last month", "it is time to act", "it has been two years since":
    the subject "it" of a copula that says when is no one."""
    verb = tok.head
    if verb.lemma_.lower() != "be":
        return False
    return any(
        c.dep_ in ("npadvmod", "attr", "advmod", "acomp")
        and c.lemma_.lower() in TIME_WORDS
        or c.dep_ in ("npadvmod", "attr")
        and any(g.lemma_.lower() in TIME_WORDS for g in children_of(c))
        for c in children_of(verb)
    )


def _reported_thing(m: Mentions, tok: Token) -> bool:
    """ "said the name had to be easy to say and it must not cite a person": the subject "it" of a
    reported obligation, after an obligation of the same report whose subject is a thing, is that
    thing (but "said the deal was dead and it would resume enrichment" is the speaker)."""
    verb = tok.head
    if verb.dep_ not in ("ccomp", "conj") or verb.head.i == verb.i or not obligation(verb):
        return False
    for clause in children_of(verb.head):
        if clause.dep_ in ("ccomp", "conj") and clause.i < tok.i and clause.i != verb.i and obligation(clause):
            subjects = [c for c in children_of(clause) if c.dep_ in ("nsubj", "nsubjpass")]
            if len(subjects) == 1 and subjects[0].pos_ == "NOUN" and subjects[0].i not in m.token_actor:
                return True
    return False


def _parallel_thing(m: Mentions, tok: Token) -> bool:
    """ "Alvarez opposed the reform, and Ruiz endorsed it", "Iran seized the tanker and later
    released it": an object "it" in a clause coordinated with one whose object is a thing, not an
    actor, is that thing."""
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    governors = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # "we will stand up and defend it"
    for clause in (c for g in governors for c in children_of(g)):
        # "if that order is challenged, we will defend it": the thing the clause before is about
        if clause.dep_ == "advcl" and clause.i < tok.i:
            subjects = [c for c in children_of(clause) if c.dep_ in ("nsubj", "nsubjpass")]
            if len(subjects) == 1 and subjects[0].tag_ == "NN" and subjects[0].i not in m.token_actor:
                return True
    sibling = verb.head if verb.dep_ in ("conj", "advcl") and verb.head.i < verb.i else None
    if sibling is None or sibling.pos_ not in ("VERB", "AUX"):
        return False
    objects = [c for c in children_of(sibling) if c.dep_ == "dobj"]
    return len(objects) == 1 and objects[0].pos_ == "NOUN" and objects[0].i not in m.token_actor


def _awaits_agent(tok: Token, m: Mentions) -> bool:
    """A noun in a passive clause whose by-agent comes later and is not read yet."""
    verb = _clause_verb(tok)
    return (
        verb.i != tok.i
        and is_passive(verb)
        and any(
            p.i > tok.i and p.i not in m.token_actor
            for c in children_of(verb)
            if c.dep_ == "agent"
            for p in children_of(c)
            if p.dep_ == "pobj"
        )
    )


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause a noun belongs to (the noun itself when there is none)."""
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    return t


def _dedupe_actors(actors) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


def _name_by_apposition(m: Mentions, tok: Token, title: Title, holder: Actor) -> bool:
    """ "Macron, the French president, ..." / "the French president, Macron,": a proper noun in
    apposition with a title is a person, even when the entity recogniser missed or mislabelled it."""
    partners = [c for c in children_of(tok) if c.dep_ == "appos"]
    if tok.dep_ == "appos":
        partners.append(tok.head)
    for p in partners:
        if p.pos_ != "PROPN" or p.ent_type_ in ("GPE", "NORP", "LOC", "FAC"):
            continue
        known = m.token_actor.get(p.i)
        if known is not None and (known.type != "Organization" or known.kind is not None):
            continue  # a known organisation or country is not renamed into a person
        tokens = sorted(
            [p, *[c for c in children_of(p) if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < p.i]],
            key=lambda t: t.i,
        )
        name = normalise_surface("".join(t.text_with_ws for t in tokens))
        if not name or any(ch.isdigit() for ch in name) or not any(ch.isalpha() for ch in name):
            continue  # a hyphen the parser calls a proper noun ("High Representative/Vice-President")
        if all(w.lower() in _office_words() | NOT_NAME_WORDS for w in name.split()):
            continue  # "Boris Johnson, former Foreign Secretary": an office, not a name; "His Majesty"
        if len(tokens) == 1 and p.is_upper and p.ent_type_ == "ORG":
            continue  # "VPOTUS (Vice President of ...)": an acronym the recogniser calls a body
        if len(tokens) >= 2 and all(t.ent_type_ == "ORG" for t in tokens):
            # "Speaking to Agence France-Presse, the president of the Tunisian League ...": a body
            # named in several words, with the parser's apposition to the next phrase's office
            continue
        if _bare_suffix(name) or name.split()[-1].lower() in NOT_NAME_WORDS:
            continue  # "... the Rohingya Humanitarian Crisis in Bangladesh, U.S. Ambassador ...": a thing
        person = m.persons.get(name) or m.persons.get(name.split()[-1]) or new_person(name, m)
        m.persons.setdefault(name, person)
        m.persons.setdefault(name.split()[-1], person)
        person = _record_title(m, p.i, person, title, holder)
        for t in tokens:
            m.token_actor[t.i] = person
        m.token_actor[tok.i] = person
        return True
    return False


def _title_head(title: Title) -> str:
    """The head word of a title: "secretary" in "secretary of state", "minister" in "prime minister"."""
    words = list(title.words)
    for stop in ("of", "for"):
        if stop in words:
            words = words[: words.index(stop)]
    if len(words) >= 2 and words[-1] == "general":
        # "secretary general", "attorney general", "prosecutor general": one office, not a general
        return " ".join(words[-2:])
    return words[-1] if words else ""


VOICE_TITLES = {
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "envoy",
    "counselor",
    "counsellor",
    "coordinator",
    "administrator",
    "adviser",
    "advisor",
    "representative",
    "official",
}


def _own_state(m: Mentions, title: Title, person: Actor) -> Actor | None:
    """A state office named by its title alone ("President Putin", "Prime Minister Garibashvili")
    is held in the state the person is known to serve: from the person dictionary's role at the
    document's date, or from an earlier title in the document."""
    if title.scope == "org" or not person.country:
        return None
    known = next((p for p in m.persons.values() if p.id == person.id and p.country), person)
    return m.gz.country(known.country)


def _voice_holder(m: Mentions, title: Title, person: Actor) -> Actor | None:
    """A publisher's own officials go by a bare office title ("Assistant Secretary X",
    "Spokesperson Ned Price"): the office is the publisher's, unless the person is known elsewhere."""
    if m.voice is None or _title_head(title) not in VOICE_TITLES:
        return None
    if title.scope == "org" and m.voice.type == "Country":
        return None  # "HIGH REPRESENTATIVE BORRELL:" in a State Department transcript: an office of a body
    known = next((p for p in m.persons.values() if p.id == person.id and p.country), person)
    if known.country and known.country != m.voice.country:
        return None
    if any(p.id == person.id and h.id != m.voice.id for _i, p, _role, h in m.titles):
        return None  # "UK National Security Adviser Sir Stephen Lovegrove ... NSA Lovegrove"
    return m.voice


def _titled_in_headline(m: Mentions, title: Title, at: int) -> Actor | None:
    """The person a document's headline names with ``title`` ("Deputy Secretary Sherman's Meeting
    with ..." for "the Deputy Secretary"), recorded with the publisher's office when it is one."""
    if not m.headline or len(m.headline) > 300:
        return None
    words = re.findall(r"[\w.'’-]+", m.headline)
    n = len(title.words)
    for i in range(len(words) - n):
        if tuple(w.lower() for w in words[i : i + n]) != title.words:
            continue
        if i > 0 and (words[i - 1].lower(),) + title.words in m.gz.titles:
            continue  # "Deputy Secretary Sherman" is not "the Secretary"
        run = _headline_name(words[i + n :])
        if not run:
            return None
        name = run[0]
        person = _known_name(m, run)
        if person is None:
            plain = [w for w in run if not _initial(w)]
            person = m.gz.lookup(name) or new_person(" ".join(plain) if len(run) > len(plain) else name, m)
        if person.type != "Person":
            return None  # the word after the title names a state or a body, not a person
        m.persons.setdefault(name, person)
        holder = _voice_holder(m, title, person) or (m.gz.country(title.country) if title.country else None)
        if holder is not None:
            person = _record_title(m, at, person, title, holder)
        m.titled.append((at, person, title))
        return person
    return None


HEADLINE_STOPS = {"on", "at", "with", "and", "to", "for", "in", "of", "the", "before", "after", "during", "via"}


def _initial(word: str) -> bool:
    return len(word) <= 2 and word.endswith(".") and word[:1].isupper()


def _headline_name(words: list[str]) -> list[str]:
    """The name right after a headline's title: up to three capitalised words and initials,
    ending at a possessive, a preposition or a verb ("Antony J. Blinken On NBC ...", "Sherman's
    Call with ...", "Blinken Visits ...")."""
    run: list[str] = []
    for w in words[:4]:
        bare = re.sub(r"['’]s$", "", w)
        if (
            not bare[:1].isupper()
            or bare.lower() in HEADLINE_STOPS | HEADLINE_VERBS | HEADLINE_NOUNS
            or bare.lower() in _office_words()
            or bare.lower().endswith(("tion", "sion"))  # "the Hong Kong Chief Executive Selection": an event
        ):
            break
        run.append(bare)
        if bare != w or len([x for x in run if not _initial(x)]) == 3:
            break  # "Sherman's Call": the possessive ends the name
    while run and _initial(run[-1]):
        run.pop()
    return run


def _known_name(m: Mentions, run: list[str]) -> Actor | None:
    """The person a headline's name is, if the document or the gazetteer knows it: the whole name
    ("Antony J. Blinken"), without initials, its last word ("Blinken"), its first ("Sherman")."""
    plain = [w for w in run if not _initial(w)]
    for form in dict.fromkeys([" ".join(run), " ".join(plain), plain[-1], plain[0]]):
        hit = m.persons.get(form) or m.gz.lookup(form)
        if hit is not None and hit.type == "Person":
            return hit
    return None


# words before a title's head that make it another office: "the deputy secretary" is not "the Secretary"
RANK_WORDS = {"deputy", "under", "assistant", "vice", "associate"}


def _rank(title: Title) -> frozenset[str]:
    head = _title_head(title)
    words = list(title.words)
    return frozenset(w for w in words[: words.index(head)] if w in RANK_WORDS) if head in words else frozenset()


def _named_group(tok: Token, m: Mentions) -> Actor | None:
    """The organisation a group noun is apposed to, either way round: "the Houthis, an
    Iranian-backed militia", "the terrorist group Boko Haram"."""
    named = [tok.head] if tok.dep_ == "appos" else []
    named += [c for c in children_of(tok) if c.dep_ == "appos" and c.i > tok.i]
    return next(
        (a for t in named if (a := m.token_actor.get(t.i)) is not None and a.type in ("Organization", "ArmedGroup")),
        None,
    )


def _office_kind(title: Title) -> frozenset[str]:
    """The words before a title's head that say which office of that kind it is: "prime" in "prime
    minister", "foreign" in "foreign minister" (not its rank: "deputy")."""
    head = _title_head(title)
    words = [w.lower() for w in title.words]
    return frozenset(w for w in words[: words.index(head)] if w not in RANK_WORDS) if head in words else frozenset()


def _titled_before(m: Mentions, title: Title, before: int) -> Actor | None:
    """The person most recently named with a title ending in the same word and of the same rank
    ("Secretary of State Antony J. Blinken ... the Secretary"; "Deputy Secretary of State Wendy
    Sherman ... the deputy secretary", even when the Secretary was named in between)."""
    head = _title_head(title)
    # a government's release means its own head of state by "the President", not the president
    # of an international body it named ("met Commission President von der Leyen ... the President
    # has requested funds from Congress")
    bodies = (
        {i for i, _p, _role, h in m.titles if h.type == "Organization"}
        if head in STATE_OFFICES and m.voice is not None and m.voice.type == "Country"
        else set()
    )
    if head in STATE_OFFICES and m.voice is not None and m.voice.type == "Country":
        # nor another state's, once the release has named its own ("President Biden ... President
        # Putin's war ... the President's visit to Saudi Arabia"); before that, the president it met
        voiced = {i for i, _p, _role, h in m.titles if h.id == m.voice.id}
        if any(i < before and i in voiced and _title_head(t) == head for i, _p, t in m.titled):
            bodies |= {i for i, _p, _role, h in m.titles if h.type == "Country" and h.id != m.voice.id}
    # "the prime minister" is not the foreign minister named last: an office the title names by
    # its kind must be in the antecedent's title ("Minister of Foreign Affairs" is a foreign minister)
    kind = _office_kind(title)
    same = [
        (person, _rank(t))
        for i, person, t in reversed(m.titled)
        if i < before and _title_head(t) == head and i not in bodies and kind <= {w.lower() for w in t.words}
    ]
    rank = _rank(title)
    # the same rank first; failing that, an antecedent whose rank the parser may have cut off
    # ("Assistant" ending the line before "Secretary of State ... Sison"), never a higher rank's
    return next((p for p, r in same if r == rank), None) or next((p for p, r in same if r < rank), None)


def _known_person(m: Mentions, holder: Actor, title: Title | None, before: int) -> Actor | None:
    for _i, person, role, h in reversed(m.titles):
        if h.id == holder.id and (title is None or title.role == role):
            return person
    code = holder.country
    for person in m.persons.values():
        if code and person.country == code and title is None:
            return person
    return None


# offices that are each other's counterparts across states, by the words of their titles
PORTFOLIOS = {
    "foreign": {"foreign", "secretary of state"},
    "defense": {"defense", "defence", "war"},
    "finance": {"finance", "treasury", "exchequer"},
    "trade": {"trade", "commerce"},
    "interior": {"interior", "home"},
    "energy": {"energy"},
    "justice": {"justice", "attorney"},
    "head": {"president", "prime minister", "chancellor", "premier", "king", "emir"},
}


def _portfolio(title: Title) -> str | None:
    text = f" {title.text} "
    if title.text in ("secretary of state", "secretary"):
        return "foreign"
    return next((p for p, words in PORTFOLIOS.items() if any(f" {w} " in text for w in words)), None)


def _counterpart(m: Mentions, tok: Token, holder: Actor) -> Actor | None:
    """ "his Russian counterpart": the person of that state last named with the office of the one
    whose counterpart it is ("Secretary Blinken ... his Russian counterpart" is the foreign
    minister, not the security council secretary); any of its office-holders when the owner's
    office is not known."""
    poss = next((c for c in children_of(tok) if c.dep_ == "poss"), None)
    office = None
    if poss is not None and (owner := m.token_actor.get(poss.i)) is not None:
        office = next((t for _i, p, t in reversed(m.titled) if p.id == owner.id), None)
    elif poss is not None and poss.lower_ in ("his", "her"):
        # (pronouns are resolved later): the office of the person last named before it in the sentence
        owner = next(
            (
                a
                for i in range(tok.i - 1, sent_of(tok).start - 1, -1)
                if (a := m.token_actor.get(i)) and a.type == "Person"
            ),
            None,
        )
        if owner is not None:
            office = next((t for _i, p, t in reversed(m.titled) if p.id == owner.id), None)
    portfolio = _portfolio(office) if office is not None else None
    if portfolio is None:
        return next((p for i, p, _role, h in reversed(m.titles) if h.id == holder.id and i < tok.i), None)
    held = {p.id for i, p, _role, h in m.titles if h.id == holder.id and i < tok.i}
    return next(
        (p for i, p, t in reversed(m.titled) if i < tok.i and p.id in held and _portfolio(t) == portfolio),
        None,
    )


# words for groups that fight for a sponsor abroad: never placed in the story's country
PROXY_WORDS = {"proxy", "proxies", "surrogate", "surrogates"}


def _proxies(tok: Token) -> bool:
    """ "proxy militant groups", "terrorist proxies": a sponsor's proxies are not of its state."""
    return tok.lemma_.lower() in PROXY_WORDS or any(c.lower_ in PROXY_WORDS for c in children_of(tok))


# sector nouns for armed groups that "the" makes anaphoric: "the rebels", "the insurgents"
ARMED_ANAPHORS = {"rebel", "insurgent", "militant", "fighter", "militiaman"}


def _armed_group_before(m: Mentions, tok: Token, sector) -> Actor | None:
    """ "The Houthis attacked Saudi Arabia ... the rebels are backed by Iran": "the rebels" are the
    one armed group named in the last three sentences, if only one is."""
    if sector.code != "REB" or tok.lemma_.lower() not in ARMED_ANAPHORS or not _bare_definite_plural(tok):
        return None
    start = sent_of(tok).start
    for _ in range(2):
        if start > 0:
            start = sent_of(m.doc[start - 1]).start
    groups = {a.id: a for i, a in m.token_actor.items() if start <= i < tok.i and a.kind == "ArmedGroup"}
    return next(iter(groups.values())) if len(groups) == 1 else None


def _same_noun_before(m: Mentions, tok: Token) -> Actor | None:
    """ "A U.S. interagency delegation visited Paraguay ... The delegation met with": a sector noun
    with only "the" before it is the one of the same word placed in the last three sentences."""
    if tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(tok)):
        return None
    if any(c.dep_ not in ("det", "punct") for c in children_of(tok) if c.i < tok.i):
        return None
    start = sent_of(tok).start
    for _ in range(2):
        if start > 0:
            start = sent_of(m.doc[start - 1]).start
    lemma = tok.lemma_.lower()
    for t in reversed(m.doc[start : tok.i]):
        if t.lemma_.lower() == lemma and t.tag_ == "NN" and (a := m.token_actor.get(t.i)) is not None:
            return a if a.type in ("Country", "SectorActor") else None
    return None


def _last_group_in_sentence(m: Mentions, tok: Token) -> list[Actor]:
    """The last two or more actors named together (coordinated) in ``tok``'s sentence before it."""
    for t in reversed(m.doc[sent_of(tok).start : tok.i]):
        group = m.token_group.get(t.i)
        if group is None and t.i in m.token_actor and any(c.dep_ == "conj" for c in children_of(t)):
            group = m.actors(t)
        if group is not None and len(group) >= 2:
            return group
    return []


def _bare_definite_plural(tok: Token) -> bool:
    """ "the ministers", "the leaders": a plural with "the" and nothing else that says whose."""
    return (
        tok.tag_ in ("NNS", "NNPS")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(tok))
        and not any(c.dep_ in ("amod", "compound", "poss", "prep", "nummod", "acl", "relcl") for c in children_of(tok))
    )


def _bare_definite_singular(tok: Token) -> bool:
    """ "the government", "the regime": a state noun with only "the" before it."""
    return (
        tok.lemma_.lower() in ("government", "regime", "administration", "authority")
        and all(c.dep_ in ("det", "punct", "prep", "acl", "relcl") for c in children_of(tok))
        and any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(tok))
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(tok))
    )


def _bare_pair_word(tok: Token) -> bool:
    """ "the two" or "both" standing alone as a subject."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ in ("prep", "appos") for c in children_of(tok)):
        return False
    if tok.lower_ == "two" and tok.pos_ == "NUM":
        return any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(tok))
    return tok.lower_ == "both"


MEETING_VERBS = {"meet", "speak", "talk", "call", "host", "receive", "welcome", "visit", "thank", "join"}


# verbs that carry on, start or end a course of action: the action is the subject's own
COURSE_VERBS = {
    "continue", "launch", "wage", "intensify", "escalate", "resume", "pursue", "conduct", "mount",
    "stage", "begin", "start", "expand", "step", "ramp", "press", "end", "halt", "stop", "suspend",
    "fund", "finance", "defend", "protect", "withdraw", "pull", "deploy", "strengthen", "modernize",
    "modernise", "abandon", "cease", "renew", "terminate", "prolong", "sustain",
}  # fmt: skip


def _reports(speaker: Token, tok: Token) -> bool:
    """Whether ``speaker`` is the subject of a clause that reports the one ``tok`` is in ("Seoul
    said ..."; not a demand: "Armenia demanded that Azerbaijan end its ...")."""
    for _ in range(4):  # "Azerbaijan's defence ministry said ...": the subject the name is part of
        if speaker.dep_ not in ("poss", "compound", "amod", "nmod", "appos") or speaker.head.i == speaker.i:
            break
        speaker = speaker.head
    return (
        speaker.dep_ in ("nsubj", "nsubjpass")
        and speaker.head.lemma_.lower() not in DEMAND_GOVERNORS
        and any(a.i == speaker.head.i for a in tok.ancestors)
    )


def _own_course(tok: Token) -> bool:
    """ "continue their campaign", "stepped up its attacks": a possessive on a course verb's object
    (or on one coordinated with it: "end its war and its occupation")."""
    noun = tok.head
    if noun.dep_ == "conj" and noun.head.dep_ == "dobj":
        noun = noun.head
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in COURSE_VERBS


def _thing_subject_before(m: Mentions, tok: Token) -> bool:
    """Whether the sentence before ``tok``'s opens on a singular thing, no actor: "The virus first
    appeared in Wuhan, China." An "it" subject after it continues that subject."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or sent_of(tok).start == 0:
        return False
    before = sent_of(tok.doc[sent_of(tok).start - 1])
    subj = next((c for c in children_of(before.root) if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subj is not None
        and subj.tag_ in ("NN", "NNP")
        and not any(t.i in m.token_actor or t.i in m.token_group or t.dep_ == "poss" for t in subj.subtree)
    )


def _previous_sentence_start(tok: Token) -> int:
    start = sent_of(tok).start
    return sent_of(tok.doc[start - 1]).start if start > 0 else start


def _participants(m: Mentions, tok: Token, everyone: bool = False) -> list[Actor]:
    """Who "they", "the two" or "both sides" are when no plural was named: the coordinated
    subjects of the last sentence that has any ("X and Y discussed ... They also ..."), or the
    subject and the one met ("X spoke with Y ... They discussed ..."); the same kind both. With
    ``everyone`` ("all parties"), the subject and every one met."""
    sent = sent_of(tok)
    spans = [m.doc[sent.start : tok.i]]
    while len(spans) < 3 and spans[-1].start > 0:
        # the last two sentences ("X met Y. X and the Secretary emphasized ... They discussed")
        spans.append(sent_of(m.doc[spans[-1].start - 1]))
    for span in spans:
        earlier = [t for t in span if t.lower_ == "they" and t.dep_ == "nsubj" and t.i < tok.i]
        if earlier and len(chained := m.actors(earlier[-1])) >= 2:
            # "They discussed measures to hold Russia and Belarus accountable. They also discussed
            # ...": the same two as before, not the pair the last sentence names
            return chained
        subjects: list[tuple[Token, Actor]] = []
        for t in span:
            a = m.token_actor.get(t.i)
            if (
                a is not None
                and a.type in ("Country", "Person", "Organization")
                and _subject_like(t)
                and not (t.pos_ == "PRON" and t.lower_ in FIRST_SINGULAR | FIRST_PLURAL)  # "I believe ... they"
            ):
                if all(a.id != b.id for _, b in subjects):
                    subjects.append((t, a))
        if subjects and not any(_of_main_clause(t) for t, _a in subjects):
            # "The group discussed measures to hold Russia and Belarus accountable. They ...": the
            # only subjects are a complement's, and who "they" are is not said
            return []
        if not subjects:
            continue
        # the main clause's subjects, not one inside its purpose ("spoke with ... about efforts to
        # hold President Putin to account. Both ...")
        subjects = [(t, a) for t, a in subjects if _of_main_clause(t)]
        if len(subjects) == 1:
            t, a = subjects[0]
            verb = t
            while verb.dep_ not in ("nsubj", "nsubjpass") and verb.head.i != verb.i:
                verb = verb.head
            verb = verb.head
            if verb.lemma_.lower() not in MEETING_VERBS:
                continue
            met = [
                b
                for o in verb.subtree
                # whom the meeting verb itself names, not someone in its purpose ("spoke with X to
                # discuss holding Putin to account")
                if o.dep_ in ("dobj", "pobj") and getattr(_clause_verb_of(o), "i", None) == verb.i
                for b in (m.actors(o) if everyone else [m.token_actor.get(o.i)])
                if b is not None and b.id != a.id
            ]
            person = a.type == "Person" or t.i in m.personal
            met = [b for b in met if (b.type == "Person") == person]
            if met:
                return [a, *_dedupe_actors(met)] if everyone else [a, met[0]]
            continue
        people = [a for t, a in subjects if a.type == "Person" or t.i in m.personal]
        if len(people) in (0, len(subjects)):
            return [a for _, a in subjects]
        return []
    return []


def _clause_verb_of(tok: Token) -> Token | None:
    """The nearest verb above a token."""
    head = tok.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _recent_pair(m: Mentions, tok: Token, want_person: bool, states_only: bool = False) -> list[Actor]:
    """The two actors "the two countries" / "both leaders" refer to: the nearest sentences first,
    and within a sentence subjects (and their conjuncts) before other mentions."""
    ranked = []
    sentence_of = {}
    for i in range(tok.i - 1, max(-1, tok.i - 200), -1):
        a = m.token_actor.get(i)
        if a is None or a.type not in ("Country", "Person", "Organization"):
            continue
        if states_only and a.type != "Country":
            continue
        if want_person != (a.type == "Person" or i in m.personal):
            continue
        sent_start = sent_of(m.doc[i]).start
        distance = sentence_of.setdefault(sent_start, len(sentence_of))
        # for states the subjects come first ("X and Y held talks ... the two countries"); for persons
        # the nearest ("a deal between X and Y ... the two leaders")
        # a person named in passing, as the owner of a stance ("noted President Erdogan's engagement"),
        # is one of the two only when no one else is near
        passing = want_person and _named_in_passing(m.doc[i])
        ranked.append((passing, distance, not want_person and not _subject_like(m.doc[i]), tok.i - i, a))
    found: list[Actor] = []
    for *_, a in sorted(ranked, key=lambda r: r[:4]):
        if all(a.id != f.id for f in found):
            found.append(a)
        if len(found) == 2:
            return found
    if states_only:
        # "X met Italian Foreign Minister Y. They affirmed their two countries' support": the
        # states of the two who just met
        states = _dedupe_actors(s for p in _recent_pair(m, tok, want_person=True) if (s := _holder_country(p, m)))
        if len(states) == 2:
            return states
    return []


ENCOUNTER_NOUNS = {"meeting", "call", "talk", "visit", "conversation", "discussion", "summit", "trip", "meet"}


def _named_in_passing(tok: Token) -> bool:
    """A name that owns a noun other than an encounter: "President Erdogan's engagement" (not
    "Biden's meeting with Xi")."""
    t = tok
    while t.dep_ in ("compound", "flat") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "poss" and t.head.lemma_.lower() not in ENCOUNTER_NOUNS


def _between_pair(m: Mentions, tok: Token) -> list[Actor]:
    """The two actors the nearest "between X and Y" before ``tok`` names, in its sentence or the
    one before."""
    sent = sent_of(tok)
    start = sent_of(m.doc[sent.start - 1]).start if sent.start > 0 else sent.start
    for t in reversed(m.doc[start : tok.i]):
        if t.lower_ != "between":
            continue
        sides = _dedupe_actors(a for q in children_of(t) if q.dep_ == "pobj" for a in m.actors(q))
        if len(sides) == 2:
            return sides
    return []


def _of_main_clause(tok: Token) -> bool:
    """Whether the clause a subject-like word stands in is the sentence's own (or coordinated with
    it), not a complement ("measures to hold Russia and Belarus accountable")."""
    t = tok
    while t.dep_ not in ("nsubj", "nsubjpass") and t.head.i != t.i:
        t = t.head
    verb = t.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _subject_like(tok: Token) -> bool:
    """A subject, a word inside a subject's name, or a conjunct of a subject ("X and Y met")."""
    t = tok
    for _ in range(4):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ not in ("conj", "compound", "flat", "amod", "poss") or t.head.i == t.i:
            return False
        t = t.head
    return False


# ------------------------------------------------------------------------- title phrases
# Releases and wires name officials behind long title phrases that the entity recogniser cuts
# badly ("Assistant Secretary of State for African Affairs Molly Phee", "Kazakhstan Deputy Prime
# Minister and Minister of Foreign Affairs Mukhtar Tileuberdi", "SECRETARY BLINKEN:"). A title
# phrase is a run of capitalised words and connectors holding a title; the name is the run's
# last capitalised words that are neither office words nor known actors.
PHRASE_CONNECTORS = {"of", "for", "and", "the", "to", ",", "-", "'s", "’s", "&"}
NAME_PARTICLES = {"al", "al-", "el", "bin", "ibn", "de", "da", "del", "van", "von", "der", "la", "le", "du", "abu"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
SUFFIX_STEMS = {s.rstrip(".") for s in NAME_SUFFIXES}  # "jr", "sr" ... with or without the period


@lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    from kg.ontology import ontology_dir

    words = set()
    for line in (ontology_dir() / "actors" / "office_words.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.add(line.strip().lower())
    gz = gazetteer()
    for title in gz.titles:
        # not a name's particle ("de facto leader" makes no office of "De" in "Rocky De La Fuente")
        words.update(w for w in title if w not in PHRASE_CONNECTORS and w not in NAME_PARTICLES)
    return frozenset(words)


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    from kg.ontology import ontology_dir

    text = (ontology_dir() / "actors" / "org_heads.txt").read_text("utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _capitalised(t: Token) -> bool:
    parsed, i = tree(t.doc), t.i  # (asked of every token by the title pass: texts and tags read once)
    return (
        parsed.texts[i][:1].isupper() and parsed.pos[i] in ("PROPN", "NOUN", "ADJ", "X") or (t.is_upper and len(t) > 1)
    )


def _hyphen_piece(t: Token) -> bool:
    """The lower-case part of a hyphenated name: "te" in "Ching-te"."""
    parsed, i = tree(t.doc), t.i
    return (
        i >= 2
        and parsed.texts[i - 1] == "-"
        and not parsed.tokens[i - 1].whitespace_
        and parsed.texts[i - 2][:1].isupper()
        and t.is_alpha
    )


def _names_non_person(text: str, gz: Gazetteer) -> bool:
    """A word the gazetteer knows as a country or a body ("Kazakhstan", "UK"): not part of a name."""
    hit = gz.lookup(text)
    return hit is not None and hit.type != "Person"


# capitalised words after a title that are no name: "His Majesty", "Official Number One", "the
# Ambassador Bridge"
NOT_NAME_WORDS = {
    "majesty",
    "highness",
    "excellency",
    "holiness",
    "number",
    "bridge",
    "street",
    "avenue",
    "road",
    "square",
    "airport",
    "hall",
    "building",
    "center",
    "centre",
    "station",
    "room",
    "palace",
    "park",
    # things named like persons in releases ("the Official Residence", "the Strategic Dialogue",
    # "the Rohingya Humanitarian Crisis", "the Sultan Murad Division", "Official Intervention Statements")
    "residence",
    "dialogue",
    "crisis",
    "division",
    "statements",
}


def _name_tail(run: list[Token], gz: Gazetteer) -> list[Token]:
    """The name at the end of a title phrase: up to three words, initials, particles, a suffix."""
    office = _office_words()
    name: list[Token] = []
    words = 0
    for t in reversed(run):
        low = t.lower_
        if not name and low.rstrip(".") in SUFFIX_STEMS:
            name.insert(0, t)
            continue
        if t.text == "-" and name:
            name.insert(0, t)  # "Thomas-Greenfield"
            continue
        if low in NAME_PARTICLES and name:
            name.insert(0, t)
            continue
        if _hyphen_piece(t) and words < 3:
            name.insert(0, t)  # "Lai Ching-te"
            continue
        if _initial(t.text) and name:
            name.insert(0, t)
            continue
        if (
            not _capitalised(t)
            or low in office
            or t.lemma_.lower() in office
            or low in PHRASE_CONNECTORS
            or low in HONORIFICS
            or low in NOT_NAME_WORDS
            or _names_non_person(t.text, gz)
            or words >= 3
            or (t.is_upper and len(t) <= 4)
        ):
            break
        name.insert(0, t)
        words += 1
    while name and (name[0].text == "-" or name[0].lower_ in NAME_PARTICLES):
        name.pop(0)
    while len(name) > 2 and (
        any(c.dep_ in ("compound", "amod") and c.i < name[0].i for c in children_of(name[0]))
        or (name[0].ent_type_ != "PERSON" and name[1].ent_iob_ == "B" and name[-1].ent_type_ == "PERSON")
    ):
        # "Special Envoy for the Northern Triangle Ricardo Zuniga": a word with a modifier of its own
        # ends the office's remit (a first name takes none), as does a word before a person the
        # recogniser found ("... for Afghanistan Reconciliation Zalmay Khalilzad")
        name.pop(0)
    return name


TITLE_MODIFIERS = {"deputy", "under", "assistant", "acting", "senior", "vice", "principal", "special", "chief"}


def _bare_title(words: list[str], gz: Gazetteer) -> bool:
    """Whether ``words`` are an office and nothing else ("deputy secretary", "foreign minister")."""
    hit = gz.match_title(words)
    return hit is not None and all(w in TITLE_MODIFIERS for w in words[: len(words) - hit[1]])


def _joins_persons(cc: Token) -> bool:
    """ "Foreign Minister Jean-Yves Le Drian and German Foreign Minister Annalena Baerbock": an "and"
    that coordinates a name with a person's name (which the recogniser did find) ends the first
    name, whatever the recogniser made of it."""
    first = cc.head
    return (
        cc.dep_ == "cc"
        and first.is_title
        # (the first is a name the recogniser saw part of, not an office's "EU Funds")
        and any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in children_of(first))
        and any(c.dep_ == "conj" and c.i > cc.i and c.ent_type_ == "PERSON" for c in children_of(first))
    )


def _title_phrases(doc: Doc, gz: Gazetteer, tokens: list[Token], sents: list[Span]):
    """(name tokens, phrase tokens before the name) for every titled name in ``doc`` (``tokens``
    and ``sents`` its tokens and sentences)."""
    office = _office_words()
    heads = {t[-1] for t in gz.titles}
    firsts = {t[0] for t in gz.titles}
    inner_words = PHRASE_CONNECTORS | NAME_PARTICLES
    for sent in sents:
        run: list[Token] = []
        for t in [*tokens[sent.start : sent.end], None]:
            if (
                t is not None
                and run
                and t.lower_ == "and"
                and _bare_title([x.lower_ for x in run if x.lower_ != "the"], gz)
                and t.i + 1 < len(doc)
                and tokens[t.i + 1].lower_ in firsts
                and _capitalised(tokens[t.i + 1])
            ):
                run = []  # "The Deputy Secretary and Secretary General Delattre": two people, not one office
                continue
            name_ends = (
                t is not None
                and run
                and _capitalised(run[-1])
                and run[-1].lower_ not in office
                and run[-1].lemma_.lower() not in office
                and (t.text == "," or (t.lower_ == "and" and (run[-1].ent_type_ == "PERSON" or _joins_persons(t))))
            )
            if (
                not name_ends
                and t is not None
                and (
                    _capitalised(t)
                    or (run and t.lower_ in inner_words)
                    or (run and _initial(t.text))
                    or _hyphen_piece(t)
                )
            ):
                run.append(t)
                continue
            while run and run[-1].lower_ in PHRASE_CONNECTORS:
                run.pop()
            if len(run) >= 2:
                name = _name_tail(run, gz)
                phrase = run[: len(run) - len(name)] if name else []
                while phrase and phrase[-1].lower_ in HONORIFICS:
                    phrase.pop()  # "UK National Security Adviser Sir Stephen Lovegrove"
                tos = [
                    k
                    for k, p in enumerate(phrase)
                    if p.lower_ == "to"
                    # ("Secretary for Educational and Cultural Affairs" is one office)
                    or (p.lower_ == "for" and k + 1 < len(phrase) and phrase[-1].lower_ in PERSON_OFFICE_HEADS)
                ]
                if tos and tos[-1] + 1 < len(phrase):
                    # "Diplomatic Advisor to Prime Minister Mechichi", "Chief of Staff for Commission
                    # President von der Leyen": the office is the named one's, the rest another's
                    phrase = phrase[tos[-1] + 1 :]
                words = [p.lower_ for p in phrase if p.lower_ not in PHRASE_CONNECTORS]
                single = len([t for t in name if t.is_alpha and len(t) > 2]) == 1
                if single and not (gz.match_title([p.lower_ for p in phrase[-4:]]) and name[-1].pos_ == "PROPN"):
                    pass  # one word names a person only right after a whole title ("Deputy Secretary Sherman")
                elif name and phrase and any(w in heads for w in words) and phrase[-1].lower_ in office | heads:
                    yield name, phrase
                elif (
                    name and phrase and any(w in heads for w in words) and _office_of_holder(phrase, office | heads, gz)
                ):
                    yield name, phrase  # "President of France Emmanuel Macron"
                elif name and phrase and _office_for_remit(phrase, office | heads):
                    yield name, phrase  # "Special Envoy for the Northern Triangle Ricardo Zuniga"
            run = []


# the last word of an office held by one person ("... for European Commission President X")
PERSON_OFFICE_HEADS = {
    "president",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "minister",
    "secretary",
    "chief",
    "governor",
    "mayor",
    "commissioner",
    "ambassador",
    "envoy",
}


def _office_for_remit(phrase: list[Token], office: set[str]) -> bool:
    """Whether a title phrase is "<office> for <its remit>" ("Special Envoy for the Northern
    Triangle"): an office word right before the first "for"."""
    k = next((k for k, t in enumerate(phrase) if t.lower_ == "for"), None)
    return k is not None and 0 < k < len(phrase) - 1 and phrase[k - 1].lower_ in office


def _office_of_holder(phrase: list[Token], office: set[str], gz: Gazetteer) -> bool:
    """Whether a title phrase ends "<office> of <a known state or body>" ("President of France",
    "Minister of Foreign Affairs of Japan")."""
    ofs = [k for k, t in enumerate(phrase) if t.lower_ == "of"]
    if not ofs or ofs[-1] == 0 or ofs[-1] == len(phrase) - 1:
        return False
    k = ofs[-1]
    if phrase[k - 1].lower_ not in office and phrase[k - 1].lemma_.lower() not in office:
        return False
    holder = " ".join(t.text for t in phrase[k + 1 :] if t.lower_ != "the")
    hit = gz.lookup(holder)
    return hit is not None and hit.type != "Person"


def _phrase_title(phrase: list[Token], gz: Gazetteer) -> Title | None:
    """The title a phrase holds: the longest title that ends on one of its words."""
    words = [t.lower_ for t in phrase if t.text not in (",", "'s", "’s")]
    best = None
    for end in range(len(words), 0, -1):
        hit = gz.match_title(words[:end])
        if hit and (best is None or hit[1] > best[1]):
            best = hit
        if words[end - 1] == "for":
            best = None  # "Secretary of State for African Affairs": the title ends before "for"
    return best[0] if best else None


def _phrase_holder(phrase: list[Token], m: Mentions) -> Actor | None:
    """The actor a title phrase names as the office's state or body: before the title
    ("Kazakhstan Deputy Prime Minister", "UK National Security Adviser") or after "of"
    ("President of the Transitional Military Council"); never after "for" or "to"."""
    if _in_remit(phrase, m):
        return None
    cut = len(phrase)
    for i, t in enumerate(phrase):
        if t.lower_ in ("for", "to"):
            cut = i
            break
    for t in phrase[:cut]:
        a = m.token_actor.get(t.i)
        if (a is None or (a.type == "Organization" and a.kind is None)) and t.pos_ == "PROPN":
            a = m.gz.lookup(t.text)  # "UK" inside an entity the recogniser took for an organisation
            a = a if a is not None and a.type != "Person" and not _other_body(t, a, m) else None
        a = _state_of_place(a, t, m)
        if (
            a is not None
            and a.type in ("Country", "Organization", "Group")
            and not (a.type == "Organization" and a.kind is None)
        ):
            return a
    return None


# "UN-designated", "U.S.-sanctioned": an actor before one of these only names or lists the noun's
# people ("leaders of UN-designated terrorist groups" are no UN office-holders)
NAMING_PARTICIPLES = {"designated", "listed", "sanctioned", "recognized", "recognised", "proscribed", "banned"}


def _names_by_participle(tok: Token) -> bool:
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in NAMING_PARTICIPLES


GRATEFUL_WORDS = {"grateful", "thankful", "indebted"}


def _answerable(m: Mentions, tok: Token) -> list[Actor]:
    """The one a reason phrase ("for its aggression", "over its support for") is held against: the
    object of the verb it qualifies, or what that verb puts something "on" ("costs on Russia")."""
    noun = tok.head
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "for its partnership and its support of Ukraine"
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("for", "over"):
        return []
    prep = noun.head
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP" and prep.head.i != prep.i:
        prep = prep.head  # "thank Albania for our partnership and for its commitment"
    gov = prep.head
    grateful = next((c for c in gov.children if c.dep_ == "acomp" and c.lemma_.lower() in GRATEFUL_WORDS), None)
    gov = grateful if grateful is not None else gov  # "I am grateful to X ..., but also for its ..."
    if gov.pos_ == "ADJ" and gov.lemma_.lower() in GRATEFUL_WORDS:
        # "grateful to Ann and to Sweden for its leadership": the state thanked
        thanked = prep_objects(gov, "to", coordinated=True)
        found = _dedupe_actors(
            a
            for q in thanked
            for x in (q, *q.conjuncts)
            if (a := m.token_actor.get(x.i)) is not None and a.type in ("Country", "Organization")
        )
        return found if len(found) == 1 else []
    if gov.pos_ not in ("VERB", "AUX"):
        return []
    held = [c for c in children_of(gov) if c.dep_ == "dobj"]
    held += [
        q
        for h in [gov, *held]
        for p in children_of(h)
        if p.dep_ == "prep" and p.lower_ in ("on", "against")
        for q in children_of(p)
        if q.dep_ == "pobj"
    ]
    found = _dedupe_actors(
        a for h in held if (a := m.token_actor.get(h.i)) is not None and a.type in ("Country", "Organization")
    )
    return found if len(found) == 1 else []


def _in_remit(phrase: list[Token], m: Mentions) -> bool:
    """A title phrase right after the "for" of an office ("Special Representative for Afghanistan
    Reconciliation Ambassador Zalmay Khalilzad", the parser's cut): the words before its title are
    the first office's remit, so a state among them is what the office deals with, not whose it is."""
    if not phrase or phrase[0].i < 2:
        return False
    doc = phrase[0].doc
    before, office = doc[phrase[0].i - 1], doc[phrase[0].i - 2]
    words = [c.text for c in children_of(office) if c.dep_ in ("compound", "amod") and c.i < office.i]
    return before.lower_ == "for" and office.text[:1].isupper() and _title_from([*words, office.text], m) is not None


def _names_other_body(phrase: list[Token], m: Mentions) -> bool:
    """A title phrase that names a body the gazetteer does not know ("Economic Commission for Latin
    America ... Executive Secretary") or a nationality two states share: the office is not the
    publisher's."""
    return any(
        ((a := m.token_actor.get(t.i)) is not None and a.type == "Organization" and a.kind is None)
        # "Korean Special Representative Noh": a nationality two states share is still not the publisher's
        or (a is None and t.lower_ in SHARED_NATIONALITIES)
        for t in phrase
    )


# nationalities two states share, which the gazetteer leaves to no state
SHARED_NATIONALITIES = {"korean", "congolese", "guinean"}


def _state_of_place(a: Actor | None, t: Token, m: Mentions) -> Actor | None:
    """A place inside a title ("Massachusetts Governor") stands for its state, not its people."""
    if a is not None and t.i in m.places and a.country:
        return m.gz.country(a.country)
    return a


# ------------------------------------------------------------------------- the document's voice
# Releases, statements and transcripts speak in the first person: "We call on Russia ...", "On
# behalf of the United States, I congratulate ...", "SECRETARY BLINKEN: We have been clear ...".
# Outside quotation marks, "I" is the speaker and "we"/"our"/"us" the speaker's state (or body).
FIRST_SINGULAR = {"i", "me", "my"}
FIRST_PLURAL = {"we", "us", "our", "ours"}
_SPEAKER = re.compile(r"^\s*([A-Z][A-Z.'’ -]{1,40}):\s")
OPEN_QUOTES, CLOSE_QUOTES, BOTH_QUOTES = "“‘«", "”’»", '"'


def _quoted(texts: list[str]) -> set[int]:
    """Tokens inside quotation marks (a quotation never runs past a paragraph), from the
    document's token texts."""
    inside, out = False, set()
    for i, text in enumerate(texts):
        if "\n" in text:
            inside = False
            continue
        if text in OPEN_QUOTES or (text in BOTH_QUOTES and not inside):
            inside = True
            continue
        if text in CLOSE_QUOTES or (text in BOTH_QUOTES and inside):
            inside = False
            continue
        if inside:
            out.add(i)
    return out


MISTERS = ("mr", "ms", "mrs", "dr")


def _speaker_person(label: str, m: Mentions) -> Actor | None:
    words = [
        w
        for w in label.replace(".", " ").split()
        if w.lower() not in HONORIFICS and w.lower().rstrip(".") not in MISTERS and (w.lower(),) not in m.gz.titles
    ]
    if not words:
        return None
    surname = words[-1].title()
    person = m.persons.get(surname) or m.persons.get(" ".join(w.title() for w in words))
    if person is None:
        hit = m.gz.lookup(" ".join(w.title() for w in words)) or m.gz.lookup(surname)
        person = hit if hit is not None and hit.type == "Person" else None
    return person


def _holder_country(person: Actor | None, m: Mentions) -> Actor | None:
    if person is None:
        return None
    for _, p, _, holder in m.titles:
        if p.id == person.id and holder.type in ("Country", "Organization"):
            return m.gz.country(holder.country) if holder.type == "Organization" and holder.country else holder
    return m.gz.country(person.country)


SAY_VERBS = {"say", "tell", "write", "tweet", "add", "state", "declare", "announce", "warn", "insist", "post"}


def _quoter(sent: Span, quoted: set[int], m: Mentions) -> Actor | None:
    """The one a sentence quotes: the named subject of its reporting verb outside the quotation
    ('"...," Zelensky said', 'Trump wrote: "..."'), a person, state or organisation."""
    for t in sent:
        if t.i in quoted or t.lemma_.lower() not in SAY_VERBS or t.pos_ not in ("VERB", "AUX"):
            continue
        for c in children_of(t):
            if c.dep_ == "nsubj" and c.i not in quoted:
                a = m.token_actor.get(c.i)
                if a is not None and a.type in ("Person", "Country", "Organization"):
                    return a
    return None


def _quoter_body(quoter: Actor, m: Mentions) -> Actor | None:
    """Whom a quoted "we" stands for: a person's office's body as it is (the Houthis for their
    spokesman, a state for its minister), else the person's state; a body for itself."""
    if quoter.type != "Person":
        return quoter
    for _, p, _, holder in m.titles:
        if p.id == quoter.id and holder.type in ("Country", "Organization"):
            return holder
    return m.gz.country(quoter.country) if quoter.country else None


def _stated_state_over_default(m: Mentions) -> None:
    """An office's default state gives way to the state the document states for the same person:
    a transcript's "FOREIGN SECRETARY EBRARD:" (a title kg reads as British when no state is
    given) is the "Marcelo Ebrard, Mexican Foreign Secretary" of the header."""
    title_at = {(i, p.id): t for i, p, t in m.titled}
    stated: dict[str, str] = {}
    defaulted: dict[str, set[str]] = {}
    for i, p, _role, h in m.titles:
        t = title_at.get((i, p.id))
        if h.type != "Country" or t is None:
            continue
        if t.country and h.country == t.country:
            defaulted.setdefault(p.id, set()).add(h.country)
        else:
            stated.setdefault(p.id, h.country)
    for pid, country in stated.items():
        if not defaulted.get(pid, set()) - {country}:
            continue  # no default, or one the stated state agrees with
        keep = []
        for entry in m.titles:
            i, p, _role, h = entry
            t = title_at.get((i, p.id))
            if (
                p.id == pid
                and h.type == "Country"
                and t is not None
                and t.country
                and h.country == t.country
                and h.country != country
            ):
                continue  # the default, contradicted by the stated state
            keep.append(entry)
        m.titles[:] = keep
        old = next(p for _, p, _, _ in m.titles if p.id == pid)
        if old.country == country:
            continue
        new = person_actor(old.label, country=country, role=old.role)
        _replace_person(m, pid, new)
        m.titles[:] = [(i, new if p.id == pid else p, r, h) for i, p, r, h in m.titles]
        m.titled[:] = [(i, new if p.id == pid else p, t) for i, p, t in m.titled]


def _signed(m: Mentions) -> bool:
    """Whether a document's first line signs it with a person and an office: "Antony J. Blinken,
    Secretary of State", "Ned Price, Department Spokesperson"."""
    text = m.tree.text
    end = text.find("\n")
    if not 0 < end <= 120 or not m.tokens:
        return False
    who = m.token_actor.get(m.tokens[0].i)
    comma = text.find(",", 0, end)
    office = text[comma + 1 : end].split() if comma > 0 else []
    return (
        who is not None
        and who.type == "Person"
        and bool(office)
        and all(w[:1].isupper() or w in ("of", "for", "and", "the") for w in office)
        and any(w.lower().rstrip(",") in _office_words() or w.lower() in SPOKES_WORDS for w in office)
    )


# the offices a statement's signer holds besides those of titles.tsv ("Department Spokesperson")
SPOKES_WORDS = {"spokesperson", "spokesman", "spokeswoman", "secretary", "ambassador", "envoy", "coordinator"}


def _first_person(doc: Doc, m: Mentions) -> None:
    """Resolve first-person pronouns outside quotations to the document's voice."""
    quoted = _quoted(m.tree.texts)
    # the default voice: the first official the document names with an office of the publisher's
    # state (never a foreign leader named before: "I want to thank President Tebboune"); in a
    # document no state publishes, the first official of any state
    officials = sorted(((i, p, h) for i, p, _, h in m.titles if h.type == "Country"), key=lambda x: x[0])
    if m.voice is not None:
        officials = [(i, p, h) for i, p, h in officials if h.country == m.voice.country]
    # a statement signed on its first line speaks for its state: its "I" is the state (as the
    # annotators read it), never an official the statement names later
    default_person = None if _signed(m) else next((p for _, p, _ in officials), None)
    default_state = m.voice or _holder_country(default_person, m)
    person, state = default_person, default_state
    text, pos = m.tree.text, m.tree.pos  # (Doc.text joins every token)
    # a token's lower_ is its text lower-cased: a document without the word needs no search for it
    says_behalf = "behalf" in text.lower()
    turn = False  # inside a transcript's turn, whose speaker is named by its label
    for sent in m.sents:
        words = m.tokens[sent.start : sent.end]
        line_start = text.rfind("\n", 0, sent.start_char) + 1
        if line_start == sent.start_char or sent.start == 0:
            label = _SPEAKER.match(text[line_start : line_start + 60])
            if label:  # a transcript turn: "SECRETARY BLINKEN:", "QUESTION:"
                turn = True
                person = _speaker_person(label.group(1), m)
                state = _holder_country(person, m) if person is not None else None
                if person is not None and state is None and label.group(1).split()[0].lower().rstrip(".") in MISTERS:
                    # "MR PRICE:" in a publisher's own transcript, his office not given: its voice
                    # (not "PRIME MINISTER GAVRILITA:", a guest whose state the text did not give)
                    state = m.voice
                if person is None and label.group(1).strip() in ("MODERATOR", "QUESTION", "Q"):
                    state = None
        behalf = None
        if says_behalf:
            behalf = next(
                (
                    a
                    for t in words
                    if t.lower_ == "behalf"
                    for p in children_of(t)
                    if p.lower_ == "of"
                    for q in children_of(p)
                    if q.dep_ == "pobj"
                    for a in m.actors(q)
                    if a.type == "Country"
                ),
                None,
            )
        quoter = _quoter(sent, quoted, m) if not quoted.isdisjoint(range(sent.start, sent.end)) else None
        if quoter is not None or (turn and person is not None):
            for t in words:
                who = quoter if t.i in quoted else (person if turn else None)
                if who is not None:
                    m.utterers[t.i] = who
        for t in words:
            if pos[t.i] != "PRON" or t.i in m.token_actor:
                continue
            low = t.lower_
            if t.i in quoted:
                # '"We will respond," the Iranian foreign minister said': the one quoted speaks
                if quoter is None:
                    continue
                if low in FIRST_SINGULAR:
                    who = quoter
                elif low in FIRST_PLURAL:
                    who = _quoter_body(quoter, m)
                else:
                    continue
            elif low in FIRST_SINGULAR:
                who = behalf or person or state
            elif low in FIRST_PLURAL:
                who = behalf or state
            else:
                continue
            if who is not None:
                m.token_actor[t.i] = who
