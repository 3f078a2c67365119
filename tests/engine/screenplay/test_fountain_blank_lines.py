"""Fountain: extra blank lines become empty Action elements; headings print in capitals.

fountain.io "Line Breaks": Fountain takes every carriage return as intent, and the writer's
single and double-space decisions are preserved. Final Draft's own export of the same
script (gumshoe.fdx) carries an empty Action paragraph where the .fountain has two blank
lines in a row, so each blank line beyond the one separator is an empty ACTION (text "").
"""

from __future__ import annotations

from pathlib import Path

from lynchpin.engine.screenplay.fountain import decode_text, parse_fountain
from lynchpin.engine.screenplay.model import ElementKind as K


def _kinds(text: str) -> list[tuple[K, str, int]]:
    return [(e.kind, e.text, e.line) for e in parse_fountain(text).elements]


def test_one_blank_line_separates_without_an_empty_element() -> None:
    assert _kinds("A.\n\nB.\n") == [(K.ACTION, "A.", 1), (K.ACTION, "B.", 3)]


def test_each_extra_blank_line_is_an_empty_action_on_its_own_line() -> None:
    assert _kinds("A.\n\n\nB.\n\n\n\nC.") == [
        (K.ACTION, "A.", 1),
        (K.ACTION, "", 3),
        (K.ACTION, "B.", 4),
        (K.ACTION, "", 6),
        (K.ACTION, "", 7),
        (K.ACTION, "C.", 8),
    ]


def test_extra_blank_before_heading_and_after_speech() -> None:
    text = "BOB\nHi.\n\n\nINT. HOUSE - DAY\n\nA."
    assert [k for k, _, _ in _kinds(text)] == [
        K.CHARACTER, K.DIALOGUE, K.ACTION, K.SCENE_HEADING, K.ACTION,
    ]
    script = parse_fountain(text)
    assert len(script.scenes) == 1 and script.scenes[0].start == 3


def test_whitespace_only_lines_count_as_blank_lines() -> None:
    assert _kinds("A.\n  \n\t\nB.") == [(K.ACTION, "A.", 1), (K.ACTION, "", 3), (K.ACTION, "B.", 4)]


def test_no_empty_action_for_blank_lines_at_the_start_or_end() -> None:
    assert _kinds("\n\n\nA.\n\n\n\n") == [(K.ACTION, "A.", 4)]


def test_no_empty_action_after_the_title_page() -> None:
    script = parse_fountain("Title: X\nAuthor: Y\n\n\n\nA.\n")
    assert [(e.kind, e.text) for e in script.elements] == [(K.ACTION, "A.")]


def test_blank_lines_inside_boneyard_or_around_a_note_are_not_kept() -> None:
    assert _kinds("A.\n/*\n\n\nB.\n*/\n\nC.") == [(K.ACTION, "A.", 1), (K.ACTION, "C.", 8)]
    assert _kinds("A.\n\n[[note]]\n\nB.") == [(K.ACTION, "A.", 1), (K.ACTION, "B.", 5)]


def test_two_space_line_in_dialogue_is_not_a_blank_line() -> None:
    kinds = [k for k, _, _ in _kinds("BOB\nOne.\n  \nTwo.\n\nA.")]
    assert kinds == [K.CHARACTER, K.DIALOGUE, K.ACTION]


def test_hard_wrapped_legacy_text_keeps_no_empty_actions() -> None:
    lines = [f"    line {k} of a typed script" for k in range(12)]
    text = "\n".join(lines[:6]) + "\n\n\n\n" + "\n".join(lines[6:])
    script = parse_fountain(text)
    assert script.warnings and all(e.text for e in script.elements)


def test_scene_heading_text_is_upper_case() -> None:
    script = parse_fountain("Int. Mike's house - day #3#\n\nA.\n\n.flashback\n\nB.")
    headings = [e.text for e in script.elements if e.kind is K.SCENE_HEADING]
    assert headings == ["INT. MIKE'S HOUSE - DAY", "FLASHBACK"]
    assert script.scenes[0].number == "3"


def test_gumshoe_extra_blank_lines_match_final_draft(corpus: Path) -> None:
    data = (corpus / "gumshoe.fountain").read_bytes()
    script = parse_fountain(decode_text(data, source="gumshoe.fountain"))
    empty = [e.line for e in script.elements if e.kind is K.ACTION and not e.text]
    # Each is the second blank line just above the paragraph Final Draft spaces further.
    assert [line + 1 for line in empty] == [
        353, 513, 518, 633, 663, 815, 880, 939, 1121, 1142, 1192,
    ]
    headings = [e.text for e in script.elements if e.kind is K.SCENE_HEADING]
    assert all(h == h.upper() for h in headings)
