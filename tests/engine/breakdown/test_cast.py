"""Cast detection helpers: ages after names, introductions, cue spans."""

from __future__ import annotations

import pytest

from lynchpin.engine.breakdown.cast import age_after, find_introductions, text_span

from .script_builder import action, heading, script, speech


@pytest.mark.parametrize(
    ("after", "expected"),
    [(" (60s) knits", (True, 60)), (" (8)", (True, 8)), (", 40, walks", (True, 40)),
     (" (mid-30s)", (True, 30)), (" (late teens)", (True, 15)), (" (eight)", (True, 8)),
     (", a nurse", (True, None)), (" (elegant, 70)", (True, None)), (" (V.O.)", (False, None)),
     (", 1987.", (False, None)), (" walks", (False, None)), (", the city", (False, None))],
)
def test_age_after(after: str, expected: tuple[bool, int | None]) -> None:
    assert age_after("NAME" + after, 4) == expected


def test_introductions_find_known_and_new_names() -> None:
    s = script(
        [heading("INT. A - DAY"),
         action("DR. JONES (50s) greets TOM'S mother. WORKER #2 (20s) waves. A MAN (40) nods.")],
        [heading("INT. B - DAY"), *speech("TOM", "Hi.")],
    )
    found = {(i.name, i.known, i.age) for i in find_introductions(s)}
    assert ("TOM", True, None) in found
    assert ("DR. JONES", False, 50) in found
    assert ("WORKER #2", False, 20) in found
    assert ("MAN", False, 40) in found


def test_text_span_falls_back_to_stripped_text() -> None:
    assert text_span(3, "  TOM  (O.S.)", "TOM").text == "TOM"
    span = text_span(3, "  something  ", "absent")
    assert (span.start, span.end, span.text) == (2, 11, "something")


def test_surname_after_a_known_name_belongs_to_it_with_its_age() -> None:
    s = script(
        [heading("INT. A - DAY"), action("WILL BLOOM, AGE 3, listens. WILL, now 28, sits.")],
        [heading("INT. B - DAY"), *speech("WILL", "Dad.")],
    )
    found = [(i.name, i.known, i.age) for i in find_introductions(s)]
    assert found == [("WILL", True, 3), ("WILL", True, 28)]


def test_a_long_capitalised_sentence_is_not_a_name() -> None:
    s = script([heading("INT. A - DAY"), action("THE WHOLE ROOM GOES QUIET AND STILL (8) now.")])
    assert find_introductions(s) == ()


def test_full_name_at_introduction_maps_to_the_speaking_first_name() -> None:
    s = script(
        [heading("INT. A - DAY"), action("MAEVE CORRIGAN (52), a ship's cook, stirs a pot.")],
        [heading("INT. B - DAY"), *speech("MAEVE", "Soup.")],
    )
    found = [(i.name, i.known, i.age, i.group) for i in find_introductions(s)]
    assert found == [("MAEVE", True, 52, False)]


def test_title_and_surname_cue_takes_the_full_name_introduction() -> None:
    s = script(
        [heading("INT. A - DAY"),
         action("SGT TOMAS REYES (40s) yawns. Later, ADA REYES (30) waves.")],
        [heading("INT. B - DAY"), *speech("SGT REYES", "Quiet night.")],
    )
    found = [(i.name, i.known) for i in find_introductions(s)]
    # SGT and REYES both appear in the run, in order: the speaking sergeant; the second
    # run has no title but only one titled REYES speaks, so it maps too.
    assert found == [("SGT REYES", True), ("SGT REYES", True)]


def test_surname_is_not_mapped_when_two_titled_speakers_share_it() -> None:
    s = script(
        [heading("INT. A - DAY"), action("OLIVE BRANT (70) knits.")],
        [heading("INT. B - DAY"), *speech("MR. BRANT", "Tea?"), *speech("MRS. BRANT", "No.")],
    )
    assert [(i.name, i.known) for i in find_introductions(s)] == [("OLIVE BRANT", False)]


def test_plural_caps_after_a_quantity_word_is_a_background_group() -> None:
    s = script(
        [heading("EXT. PIER - DAY"),
         action("Two BIRDWATCHERS, a couple in anoraks, set up a scope. "
                "A group of SURFERS, a noisy bunch, pass. JAMES (40), a fisherman, waves.")],
        [heading("EXT. PIER - NIGHT"), action("The BIRDWATCHERS pack up.")],
    )
    found = {(i.name, i.group, i.known) for i in find_introductions(s)}
    assert ("BIRDWATCHERS", True, False) in found
    assert ("SURFERS", True, False) in found
    assert ("JAMES", False, False) in found  # a name ending in S is still a person
    later = [i for i in find_introductions(s) if i.element == 3]
    assert [(i.name, i.group) for i in later] == [("BIRDWATCHERS", True)]


def test_caps_group_ending_in_a_background_term_is_left_to_the_lexicon() -> None:
    s = script([heading("EXT. DOCK - DAY"), action("Three DOCK WORKERS, a rough lot, smoke.")])
    assert find_introductions(s) == ()
