"""break_down: speaking cast, CAPS introductions, lexicon suggestions, Tagger tags."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.breakdown.model import Breakdown, BreakdownItem, Origin, Status
from lynchpin.engine.breakdown.tagging import break_down
from lynchpin.engine.screenplay.model import Element, ElementKind, Script, TagRef

from .script_builder import action, heading, script, speech


def _items(breakdown: Breakdown, scene: int = 0) -> dict[tuple[int, str], BreakdownItem]:
    return {(i.category, i.name): i for i in breakdown.scenes[scene].items}


def _spans_slice_back(s: Script, breakdown: Breakdown) -> None:
    for sheet in breakdown.scenes:
        for item in sheet.items:
            assert item.spans, item
            for span in item.spans:
                assert s.elements[span.element].text[span.start : span.end] == span.text


def test_one_sheet_per_scene_in_order() -> None:
    s = script([heading("INT. A - DAY")], [heading("EXT. B - NIGHT")])
    sheets = break_down(s).scenes
    assert [(x.scene, x.number) for x in sheets] == [(0, "1"), (1, "2")]


def test_speaking_cast_spans_the_cue_name() -> None:
    s = script([heading("INT. KITCHEN - DAY"), *speech("MARGARET (V.O.)", "Tea?"),
                *speech("TOM", "Yes.")])
    items = _items(break_down(s))
    margaret = items[(100, "MARGARET")]
    assert (margaret.status, margaret.origin) == (Status.ACCEPTED, Origin.SPEAKING)
    assert [(sp.element, sp.text) for sp in margaret.spans] == [(1, "MARGARET")]
    assert (100, "TOM") in items


def test_caps_introduction_of_a_known_speaker_is_accepted() -> None:
    s = script(
        [heading("INT. HALL - DAY"), action("TOM waits by the door.")],
        [heading("INT. KITCHEN - DAY"), *speech("TOM", "Hello.")],
    )
    tom = _items(break_down(s))[(100, "TOM")]
    assert (tom.status, tom.origin) == (Status.ACCEPTED, Origin.INTRODUCED)
    assert tom.spans[0].text == "TOM"


def test_caps_name_with_age_is_a_suggested_character_also_later() -> None:
    s = script(
        [heading("INT. HALL - DAY"),
         action("MARGARET (60s) knits. NURSE KELLY, a stern woman, enters.")],
        [heading("INT. KITCHEN - DAY"), action("MARGARET pours tea.")],
    )
    b = break_down(s)
    first, second = _items(b, 0), _items(b, 1)
    assert first[(100, "MARGARET")].status is Status.SUGGESTED
    assert first[(100, "MARGARET")].origin is Origin.INTRODUCED
    assert (100, "NURSE KELLY") in first
    assert second[(100, "MARGARET")].spans[0].text == "MARGARET"


def test_caps_words_that_are_not_cast() -> None:
    s = script([
        heading("EXT. STREET - NIGHT"),
        action("BANG! CRASH! The FBI agent runs. CONTINUOUS. CLOSE ON the door (O.S.). "
               "A REVOLVER, a relic. SUPER: (1987)"),
        action("JOHN (V.O.) hums. THE END."),
    ])
    items = _items(break_down(s))
    assert not [name for (cat, name) in items if cat == 100]
    assert (112, "BANG") in items and (112, "CRASH") in items


def test_lexicon_suggestions_with_plurals_and_all_spans() -> None:
    s = script([heading("INT. DEN - NIGHT"),
                action("Two revolvers on the table. A dog sleeps."),
                action("The revolver again. Horses outside. Smoke drifts in.")])
    items = _items(break_down(s))
    revolver = items[(104, "REVOLVER")]
    assert (revolver.status, revolver.origin) == (Status.SUGGESTED, Origin.LEXICON)
    assert [(sp.element, sp.text) for sp in revolver.spans] == [(1, "revolvers"), (2, "revolver")]
    assert {(108, "DOG"), (108, "HORSE"), (105, "SMOKE")} <= set(items)
    _spans_slice_back(s, break_down(s))


def test_no_matches_inside_other_words() -> None:
    text = "She deals the cards and straightens her scarf."
    s = script([heading("INT. DEN - DAY"), action(text)])
    items = _items(break_down(s))
    assert (103, "CAR") not in items
    assert (107, "SCAR") not in items
    assert (106, "SCARF") in items


def test_dialogue_is_not_scanned_for_props_but_lyrics_are_music() -> None:
    lyric = Element(ElementKind.LYRIC, "Oh my darling", speaker="TOM")
    s = script([heading("INT. BAR - NIGHT"), *speech("TOM", "Where is my revolver?"), lyric])
    items = _items(break_down(s))
    assert (104, "REVOLVER") not in items
    song = items[(111, "SONG (TOM)")]
    assert song.spans[0].text == "Oh my darling"


def test_background_actors_from_lexicon() -> None:
    s = script([heading("EXT. STATION - DAY"),
                action("Commuters rush past. Two police officers chat with passers-by.")])
    items = _items(break_down(s))
    assert {(101, "COMMUTERS"), (101, "POLICE OFFICERS"), (101, "PASSERS-BY")} <= set(items)
    assert items[(101, "COMMUTERS")].status is Status.SUGGESTED


def test_night_exterior_in_rain_gets_rain_effect_from_heading_and_action() -> None:
    s = script([heading("EXT. HARBOUR - NIGHT - RAIN"), action("It is raining hard.")])
    rain = _items(break_down(s))[(105, "RAIN")]
    assert [sp.text for sp in rain.spans] == ["RAIN", "raining"]


def test_tagger_tags_become_accepted_items() -> None:
    tags = (TagRef("Props", "silver locket"), TagRef("VFX", "Ghost"),
            TagRef("Script Day", "2"), TagRef("Puppeteers", "Bob"))
    s = script([heading("INT. ATTIC - DAY"), action("She opens the Silver Locket.", *tags)])
    items = _items(break_down(s))
    locket = items[(104, "SILVER LOCKET")]
    assert (locket.status, locket.origin) == (Status.ACCEPTED, Origin.TAGGED)
    assert locket.spans[0].text == "Silver Locket"
    assert (119, "GHOST") in items
    assert (124, "BOB") in items
    assert not [k for k in items if k[1] == "2"]


def test_tag_wins_over_a_lexicon_suggestion_and_keeps_all_spans() -> None:
    s = script([heading("INT. DEN - DAY"), action("A revolver.", TagRef("Props", "Revolver"))])
    item = _items(break_down(s))[(104, "REVOLVER")]
    assert (item.status, item.origin) == (Status.ACCEPTED, Origin.TAGGED)
    assert [sp.text for sp in item.spans] == ["revolver"]


def test_items_sorted_and_deterministic() -> None:
    s = script([heading("EXT. FARM - DAY"),
                action("A horse, a tractor, a shotgun, a dog and MARY (30s)."),
                *speech("ZED", "Hi.")])
    first, second = break_down(s), break_down(s)
    assert first == second
    keys = [(i.category, i.name) for i in first.scenes[0].items]
    assert keys == sorted(keys)


def test_omitted_scene_is_marked() -> None:
    s = script([heading("OMITTED")], [heading("INT. A - DAY")])
    assert [x.omitted for x in break_down(s).scenes] == [True, False]


_ACTION_TEXT = st.text(
    alphabet=st.sampled_from(list("abcdefgh RAINCOPS rain car scar()'-.,!\n#0123456789ÉéßZ")),
    max_size=200,
)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(_ACTION_TEXT, min_size=1, max_size=4),
       words=st.lists(st.sampled_from(["revolver", "Rain", "BANG", "MARGARET (8)", "passers-by",
                                       "fire escape", "TOM'S", "cars", "a", "Wedding\ndress"]),
                      max_size=6))
def test_any_action_text_gives_spans_that_slice_back(texts: list[str], words: list[str]) -> None:
    text = " ".join([*texts, *words])
    s = script([heading("EXT. ANYWHERE - NIGHT"), action(text), *speech("TOM", text), action(text)])
    _spans_slice_back(s, break_down(s))


def test_background_group_and_mapped_full_name_in_the_breakdown() -> None:
    s = script(
        [heading("INT. WAITING ROOM - NIGHT"),
         action("Two ANGLERS, a damp pair, doze. PC ANDY MARSH (30s) reads."),
         *speech("PC MARSH", "Evening.")],
    )
    b = break_down(s)
    items = _items(b)
    anglers = items[(101, "ANGLERS")]
    assert (anglers.status, anglers.origin) == (Status.SUGGESTED, Origin.INTRODUCED)
    assert (100, "ANGLERS") not in items
    assert (100, "PC MARSH") in items
    assert not any(cat == 100 and name in {"ANDY MARSH", "MARSH"} for cat, name in items)
    _spans_slice_back(s, b)


def test_quoted_sign_and_vehicle_cab_suggest_nothing() -> None:
    s = script(
        [heading("EXT. LAY-BY - DAY"),
         action('A sign: "NO DOGS - CAR PARK CLOSED". Ravi sits in the truck\'s cab.')],
    )
    items = _items(break_down(s))
    assert set(items) == {(103, "TRUCK")}  # the truck is there; no taxi, dog or car
