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


# --- precision rules: context words, compounds, quotes -------------------------------------


def _suggested(text: str) -> set[tuple[str, str]]:
    """(lexicon id, element) pairs the packaged lexicons suggest for one action line."""
    return {(m.key, m.name) for m in lexicon_matcher().find(text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The bride's hen party totters past in sashes.", ("animals", "CHICKEN")),
        ("Marta ducks under the barrier and runs.", ("animals", "DUCK")),
        ("He ducks behind the counter.", ("animals", "DUCK")),
        ("She bears the weight of the crate alone.", ("animals", "BEAR")),
        ("The flies buzz; he flies into a rage.", ("animals", "INSECTS")),
        ("The clerk doesn't bat an eye.", ("animals", "BIRD")),
        ("Priya cranes her neck to see the stage.", ("special_equipment", "CRANE")),
        ("A dog-eared paperback lies open.", ("animals", "DOG")),
        ("Don't hog the blanket, Sam.", ("animals", "PIG")),
        ("The lorry rams into the gate.", ("animals", "SHEEP")),
        ("The queue snakes around the block.", ("animals", "SNAKE")),
        ("Tariq climbs into the van's cab and starts the engine.", ("vehicles", "TAXI")),
        ("The truck cab is empty.", ("vehicles", "TAXI")),
        ("The shop sign hangs from a single nail.", ("stunts", "HANGING")),
        ("She hangs up the phone.", ("stunts", "HANGING")),
        ("The room falls silent. Night falls.", ("stunts", "FALL")),
        ("Exhausted, Jo falls asleep on the sofa.", ("stunts", "FALL")),
        ("A shadow falls over the desk.", ("stunts", "FALL")),
        ("Ben jumps at the chance to leave.", ("stunts", "JUMP")),
        ("The kettle clicks off and Ana jumps.", ("stunts", "JUMP")),
        ("She is fighting tears.", ("stunts", "FIGHT")),
        ("A crackly dance-band record plays.", ("music", "BAND")),
        ("He fastens a rubber band round the notes.", ("music", "BAND")),
        ('A flyer on the wall: "MISSING CAT - REWARD".', ("animals", "CAT")),
        ("She looks up in alarm.", ("sound", "ALARM")),
        ("Tracer rounds and machine gun fire light the sky.", ("special_effects", "FIRE")),
        ("Three fire engines block the street.", ("special_effects", "FIRE")),
        ("He zooms a model airplane round the room.", ("vehicles", "AIRPLANE")),
        ("It rumbles like a train in the distance.", ("vehicles", "TRAIN")),
        ("She unscrews the cap and drinks.", ("wardrobe", "HAT")),
        ("A hat rack by the door.", ("wardrobe", "HAT")),
        ("He buttons the cuffs of his shirt.", ("props", "HANDCUFFS")),
        ("The word FOUND in huge letters.", ("props", "LETTER")),
        ("She storms out of the office.", ("special_effects", "STORM")),
        ("A chicken pox rash on his arm.", ("animals", "CHICKEN")),
        ("Kit wears a horse costume.", ("animals", "HORSE")),
    ],
)
def test_false_positives_are_not_suggested(text: str, absent: tuple[str, str]) -> None:
    assert absent not in _suggested(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Two ducks paddle across the pond.", ("animals", "DUCK")),
        ("A grizzly bear rears up.", ("animals", "BEAR")),
        ("A flock of hens scratches in the yard.", ("animals", "CHICKEN")),
        ("She hails a cab outside the station.", ("vehicles", "TAXI")),
        ("A taxi pulls up.", ("vehicles", "TAXI")),
        ("Lena hangs from the ledge by her fingertips.", ("stunts", "HANGING")),
        ("He jumps from the bridge into the river.", ("stunts", "JUMP")),
        ("She falls off the roof.", ("stunts", "FALL")),
        ("He loses his footing and falls backward down the stairs.", ("stunts", "FALL")),
        ("The van crashes into a wall.", ("stunts", "CRASH")),
        ("A brass band marches past.", ("music", "BAND")),
        ("Rain-lashed windows rattle.", ("special_effects", "RAIN")),
        ("A rifle-toting guard looks in.", ("weapons", "RIFLE")),
        ("He kneels and cuffs him.", ("props", "HANDCUFFS")),
        ("She fires a flare gun into the sky.", ("weapons", "FLARE GUN")),
        ("A fire crackles in the grate.", ("special_effects", "FIRE")),
    ],
)
def test_true_positives_survive_the_rules(text: str, present: tuple[str, str]) -> None:
    assert present in _suggested(text)


def test_context_rules_in_data_apply_to_an_element() -> None:
    lexicon = parse_lexicon(
        "animals",
        {"source": "test", "category": 108, "not_after": ["she"],
         "elements": {"DUCK": {"terms": ["duck"], "not_before": ["under"]},
                      "HOG": {"terms": ["hog"], "inherit": False},
                      "LEAP": {"terms": ["leaps"], "plural": False,
                               "only_before": ["wall"], "within": 3}}},
    )
    m = compile_terms(lexicon.terms)
    assert [x.name for x in m.find("A duck. She ducks under. The ducks swim.")] == ["DUCK", "DUCK"]
    assert [x.name for x in m.find("She hog. She ducks.")] == ["HOG"]
    assert [x.name for x in m.find("He leaps over the wall. He leaps. Then a wall.")] == ["LEAP"]


def test_not_after_sees_possessives_and_skips_one_determiner() -> None:
    lexicon = parse_lexicon(
        "v", {"source": "t", "category": 103,
              "elements": {"TAXI": {"terms": ["cab"], "not_after": ["van's", "like"]}}},
    )
    m = compile_terms(lexicon.terms)
    assert m.find("the van\u2019s cab; like a cab") == []
    assert [x.name for x in m.find("the cab")] == ["TAXI"]


def test_compound_and_quote_rules_are_opt_in_and_keep_offsets() -> None:
    terms = list(expand_terms("m", "BAND", ["band"], plurals=False))
    text = 'a dance-band tune, "BAND NIGHT", a band'
    assert len(compile_terms(terms).find(text)) == 3
    strict = compile_terms(terms, whole_compounds=True, skip_quoted=True).find(text)
    assert [(text[x.start : x.end], x.start) for x in strict] == [("band", text.rindex("band"))]


def test_unpaired_quote_hides_nothing() -> None:
    m = compile_terms(expand_terms("a", "DOG", ["dog"], plurals=True), skip_quoted=True)
    assert [x.name for x in m.find('He says "stay. The dog waits.')] == ["DOG"]


@pytest.mark.parametrize(
    "spec",
    [{"terms": ["x"], "not_before": ["two words"]}, {"terms": ["x"], "not_after": "word"},
     {"terms": ["x"], "only_before": ["y"], "within": 0}],
)
def test_bad_context_rules_raise_input_error(spec: dict[str, object]) -> None:
    with pytest.raises(InputError):
        parse_lexicon("x", {"source": "s", "category": 104, "elements": {"X": spec}})


def test_context_matching_stays_linear() -> None:
    text = "she ducks under the duck " * 5000
    found = lexicon_matcher().find(text)
    assert len([m for m in found if m.name == "DUCK"]) == 5000
