"""The registry of construction families: which families it holds, in which order they claim a
token, and that a bad registration is refused."""

from __future__ import annotations

import pytest

from kg.lexicon import lexicon
from kg.mentions import find_mentions
from kg.rules.context import Sentence
from kg.rules.registry import FAMILIES, Registry, family


def test_the_registry_holds_the_families_in_the_order_of_the_if_chain():
    assert [f.name for f in FAMILIES.sentence_families()] == ["titles", "joint", "refusal"]
    assert [f.name for f in FAMILIES.token_families()] == ["adjectival", "verbal", "nominal"]


@pytest.mark.parametrize("name", ["Verbal", "", "two words", "verbal-2", "1st"])
def test_a_family_with_a_bad_name_is_refused(name):
    with pytest.raises(ValueError, match="is not a lower-case word"):
        family(name, priority=99, applies=lambda ctx, tok: True)
    assert name not in FAMILIES.by_name


def test_a_family_registered_twice_or_at_a_taken_priority_is_refused():
    with pytest.raises(ValueError, match="'verbal' is registered twice"):
        family("verbal", priority=99, applies=lambda ctx, tok: True)
    with pytest.raises(ValueError, match="priority 20 is taken"):
        family("verbal_again", priority=20, applies=lambda ctx, tok: True)
    assert [f.name for f in FAMILIES.token_families()] == ["adjectival", "verbal", "nominal"]


def test_a_token_goes_to_the_first_family_by_priority_that_claims_it():
    reg = Registry()
    reg.family("late", priority=5, applies=lambda ctx, tok: True)(lambda ctx, tok: ["late"])
    reg.family("early", priority=1, applies=lambda ctx, tok: tok == "x")(lambda ctx, tok: ["early"])
    reg.family("whole", priority=0)(lambda ctx, tok: [])
    assert reg.family_for(None, "x").name == "early"
    assert reg.family_for(None, "y").name == "late"
    assert [f.name for f in reg.sentence_families()] == ["whole"]


@pytest.mark.parametrize(
    "text,word,name",
    [
        ("The Rwanda-backed M23 seized Goma.", "backed", "adjectival"),
        ("The Rwanda-backed M23 seized Goma.", "seized", "verbal"),
        ("Kyiv is grateful to Warsaw.", "grateful", "verbal"),
        ("Turkey's backing for Azerbaijan grew.", "backing", "nominal"),
        ("Turkey's backing for Azerbaijan grew.", "Azerbaijan", None),
    ],
)
def test_the_family_a_token_goes_to(nlp, text, word, name):
    doc = nlp(text)
    sent = next(iter(doc.sents))
    ctx = Sentence(sent, find_mentions(doc), lexicon(), None)
    token = next(t for t in sent if t.text == word)
    fam = FAMILIES.family_for(ctx, token)
    assert (fam.name if fam is not None else None) == name
