"""Hard-wrapped legacy text (space-indented, wrapped by hand, (MORE)/(CONT'D) typed in)."""

from __future__ import annotations

from pathlib import Path

from lynchpin.engine.screenplay.fountain import decode_text, parse_fountain
from lynchpin.engine.screenplay.fountain_lines import reflow
from lynchpin.engine.screenplay.model import ElementKind, Script

K = ElementKind
FIXTURE = Path(__file__).parent / "fixtures" / "fountain" / "hard_wrapped.fountain"


def _script() -> Script:
    return parse_fountain(decode_text(FIXTURE.read_bytes()), source=FIXTURE.name)


def test_detected_and_reported() -> None:
    script = _script()
    assert any("hard-wrapped" in w for w in script.warnings)
    assert script.title_page == (
        ("Title", "THE LANTERN KEEPER"), ("Author", "Lynchpin test fixture")
    )


def test_action_is_reflowed_not_dialogue() -> None:
    script = _script()
    action = [e for e in script.elements if e.kind is K.ACTION]
    assert action[0].text == "A hand-written hard-wrapped sample"
    assert action[1].text == (
        "Wind drives rain across the stones. A lamp swings on its hook, throwing a thin "
        "circle of light over the wet steps where MARTA waits, collar up."
    )
    assert "DELETED" in [a.text for a in action]


def test_wrapped_parenthetical_and_dialogue_reflowed() -> None:
    script = _script()
    first = script.elements[script.scenes[0].start + 2 : script.scenes[0].start + 5]
    assert [(e.kind, e.text) for e in first] == [
        (K.CHARACTER, "MARTA"),
        (K.PARENTHETICAL, "(to herself, counting the bells)"),
        (
            K.DIALOGUE,
            "Eleven. Twelve. He said midnight and he is never late. Never once in twenty years.",
        ),
    ]


def test_more_and_page_split_contd_do_not_count_as_blocks() -> None:
    script = _script()
    assert not any("(MORE)" in e.text for e in script.elements)
    blocks = {c.name: c.dialogue_blocks for c in script.characters}
    # MARTA: one speech split by a typed page break (merged) + one real (CONT'D) after TOMAS.
    assert blocks == {"MARTA": 2, "TOMAS": 2}
    assert len(script.scenes) == 2


def test_ordinary_fountain_is_not_reflowed() -> None:
    script = parse_fountain("Title: X\n\nINT. A\n\nLine one.\nLine two.\n\n  BOB\n  Hi.\n")
    assert script.warnings == ()
    assert script.elements[1].text == "Line one.\nLine two."
    assert script.elements[2].kind is K.CHARACTER


def test_reflow_rejoins_hyphenated_words_but_keeps_spaced_dashes() -> None:
    assert reflow(["the snow-", "covered peaks --", "a dog's barking.", ""]) == (
        "the snow-covered peaks -- a dog's barking."
    )
