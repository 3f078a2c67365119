"""Lexicon loading and the token-trie matcher."""

from __future__ import annotations

import pytest

from lynchpin.engine.breakdown.categories import load_categories
from lynchpin.engine.breakdown.lexicon import (
    Term,
    compile_terms,
    expand_terms,
    lexicon_matcher,
    load_lexicons,
    parse_lexicon,
    plural,
)
from lynchpin.engine.errors import InputError


def _matcher(**elements: list[str]):  # type: ignore[no-untyped-def]
    terms: list[Term] = []
    for name, phrases in elements.items():
        terms.extend(expand_terms("k", name.replace("_", " "), phrases, plurals=True))
    return compile_terms(terms)


def test_every_lexicon_loads_with_a_known_category() -> None:
    ids = {c.id for c in load_categories()}
    lexicons = load_lexicons()
    assert {lx.id for lx in lexicons} >= {
        "props", "weapons", "vehicles", "animals", "special_effects", "stunts", "wardrobe",
        "makeup", "background", "music", "sound", "visual_effects",
    }
    assert all(lx.category in ids and lx.terms for lx in lexicons)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("car", "cars"), ("bus", "buses"), ("box", "boxes"), ("torch", "torches"),
     ("puppy", "puppies"), ("day", "days")],
)
def test_plural(word: str, expected: str) -> None:
    assert plural(word) == expected


def test_whole_words_only() -> None:
    m = _matcher(SCAR=["scar"], CAR=["car"])
    assert m.find("a red scarf and the cards, scary carpet") == []
    assert [x.name for x in m.find("A scar. Two cars.")] == ["SCAR", "CAR"]


def test_offsets_slice_back_and_case_is_ignored() -> None:
    text = "The REVOLVER and a Revolver."
    found = _matcher(REVOLVER=["revolver"]).find(text)
    assert [text[x.start : x.end] for x in found] == ["REVOLVER", "Revolver"]


def test_longest_phrase_wins_and_allows_hyphen_or_newline() -> None:
    m = _matcher(DRESS=["dress"], WEDDING_DRESS=["wedding dress"], PASSERS_BY=["passers-by"])
    found = m.find("Her wedding\ndress. Passers by. A dress.")
    assert [x.name for x in found] == ["WEDDING DRESS", "PASSERS BY", "DRESS"]


def test_phrase_does_not_cross_sentence_punctuation() -> None:
    assert _matcher(WEDDING_DRESS=["wedding dress"]).find("A wedding. Dress up.") == []


def test_ignore_phrase_hides_shorter_term() -> None:
    terms = [
        *expand_terms("sfx", "FIRE", ["fire"], plurals=False),
        *expand_terms("sfx", None, ["fire escape"], plurals=False),
    ]
    m = compile_terms(terms)
    assert [x.name for x in m.find("On the fire escape. Fire!")] == ["FIRE"]


def test_caps_only_terms() -> None:
    m = compile_terms(expand_terms("s", "CRASH", ["crash"], plurals=False, caps_only=True))
    assert m.find("a crash course") == []
    assert [x.name for x in m.find("CRASH! Glass everywhere.")] == ["CRASH"]


def test_different_lexicons_overlap_independently() -> None:
    m = compile_terms(
        [*expand_terms("veh", "CAR", ["car"], plurals=True),
         *expand_terms("stunt", "CAR CRASH", ["car crash"], plurals=False)]
    )
    assert sorted(x.name for x in m.find("A car crash.")) == ["CAR", "CAR CRASH"]


def test_bad_lexicon_raises_input_error_naming_the_field() -> None:
    with pytest.raises(InputError) as error:
        parse_lexicon("x", {"source": "s", "category": 5, "elements": {}}, source="x.json")
    assert "x.json" in str(error.value) and "category" in str(error.value)
    with pytest.raises(InputError):
        parse_lexicon("x", {"category": 104, "elements": {}}, source="x.json")
    with pytest.raises(InputError):
        parse_lexicon("x", {"source": "s", "category": 104, "elements": {"A": 3}})


def test_matcher_is_linear_on_pathological_text() -> None:
    text = "fire " * 20000 + "escape"
    found = lexicon_matcher().find(text)
    assert len([m for m in found if m.name == "FIRE"]) == 19999


def test_no_match_starts_after_an_apostrophe() -> None:
    m = _matcher(OX=["ox"], DOG=["dog"])
    assert [x.name for x in m.find("Oxup'ox and the dog's bowl")] == ["DOG"]
