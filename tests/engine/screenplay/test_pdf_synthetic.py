"""The PDF reader on small synthetic prints: each layout feature in isolation.

The PDFs are printed with WeasyPrint in a monospaced font at Final Draft's default indents,
so the expected elements are known exactly.
"""

from __future__ import annotations

import pytest

from lynchpin.engine.screenplay.model import DualSide, ElementKind, IntExt, Script, SourceFormat
from lynchpin.engine.screenplay.pdf import parse_pdf
from tests.engine.screenplay.test_pdf_support import PrintedLine, prose_pdf, screenplay_pdf

CHAR_IN = 7.224 / 72  # DejaVu Sans Mono 12 pt advance, inches


def centred(text: str, index: int) -> PrintedLine:
    return (4.25 - len(text) * CHAR_IN / 2, index, text)


def right_aligned(text: str, index: int, edge: float = 7.5) -> PrintedLine:
    return (edge - len(text) * CHAR_IN, index, text)


TITLE: list[PrintedLine] = [
    centred("THE NIGHT FERRY", 18),
    centred("written by", 21),
    centred("Jo Writer", 23),
    (1.0, 48, "jo@example.org"),
    right_aligned("12/03/2025", 50),
]

PAGE_ONE: list[PrintedLine] = [
    (1.5, 0, "FADE IN:"),
    (0.75, 2, "1"), (1.5, 2, "EXT. HARBOUR - NIGHT"), (7.3, 2, "1"),
    (1.5, 4, "Fog rolls over the water."),
    (2.5, 6, "ANNA"), (5.5, 6, "BEN"),
    (1.5, 7, "Is that it?"), (5.0, 7, "(quietly)"),
    (4.625, 8, "There she is."),
    (1.5, 10, "They wait."),
    (3.5, 12, "CAPTAIN"),
    (2.9, 13, "(into the radio, loud"),
    (3.0, 14, "and clear)"),
    (2.5, 15, "All hands on deck. The ferry"),
    (2.5, 16, "leaves at midnight sharp."),
    (3.5, 17, "(MORE)"),
    right_aligned("(CONTINUED)", 19),
]

PAGE_TWO: list[PrintedLine] = [
    (1.5, 0, "CONTINUED:"),
    (3.5, 2, "CAPTAIN (CONT'D)"),
    (2.5, 3, "No exceptions."),
    right_aligned("CUT TO:", 5, 7.1),
    (0.75, 7, "2"), (1.5, 7, "INT. CABIN - NIGHT"), (7.3, 7, "2"),
    (1.5, 9, "Quiet."),
    (3.5, 11, "ANNA"),
    (2.5, 12, "Ben?"),
    centred("THE END", 14),
]


@pytest.fixture(scope="module")
def script() -> Script:
    return parse_pdf(screenplay_pdf([TITLE, PAGE_ONE, PAGE_TWO], numbered_from=3), source="ferry")


def kinds_and_texts(script: Script) -> list[tuple[ElementKind, str]]:
    return [(e.kind, e.text) for e in script.elements]


def test_source_and_confidence(script: Script) -> None:
    assert script.source_format is SourceFormat.PDF
    assert script.source_name == "ferry"
    assert script.confidence > 0.8
    assert script.warnings[0].startswith("read from a PDF: elements reconstructed")
    assert f"confidence {script.confidence:.2f}" in script.warnings[0]


def test_title_page_keys(script: Script) -> None:
    assert dict(script.title_page) == {
        "Title": "THE NIGHT FERRY",
        "Credit": "written by",
        "Author": "Jo Writer",
        "Contact": "jo@example.org",
        "Draft date": "12/03/2025",
    }
    assert script.title == "THE NIGHT FERRY"


def test_scene_headings_numbers_and_lines(script: Script) -> None:
    assert [s.number for s in script.scenes] == ["1", "2"]
    assert [s.heading.text for s in script.scenes] == ["EXT. HARBOUR - NIGHT", "INT. CABIN - NIGHT"]
    assert script.scenes[0].heading.int_ext is IntExt.EXT
    assert script.scenes[1].heading.set_name == "CABIN"
    # page*1000 + grid line; the title page is physical page 1
    assert [script.elements[s.start].line for s in script.scenes] == [2002, 3007]
    assert script.elements[0].kind is ElementKind.ACTION  # FADE IN: at the action indent


def test_dual_dialogue_sides(script: Script) -> None:
    dual = [(e.kind, e.text, e.dual) for e in script.elements if e.dual is not None]
    assert dual == [
        (ElementKind.CHARACTER, "ANNA", DualSide.LEFT),
        (ElementKind.DIALOGUE, "Is that it?", DualSide.LEFT),
        (ElementKind.CHARACTER, "BEN", DualSide.RIGHT),
        (ElementKind.PARENTHETICAL, "(quietly)", DualSide.RIGHT),
        (ElementKind.DIALOGUE, "There she is.", DualSide.RIGHT),
    ]


def test_speech_split_across_pages_is_merged(script: Script) -> None:
    captain = [e for e in script.elements if e.speaker == "CAPTAIN"]
    assert [(e.kind, e.text) for e in captain] == [
        (ElementKind.CHARACTER, "CAPTAIN"),
        (ElementKind.PARENTHETICAL, "(into the radio, loud and clear)"),
        (ElementKind.DIALOGUE,
         "All hands on deck. The ferry leaves at midnight sharp. No exceptions."),
    ]
    assert {c.name: c.dialogue_blocks for c in script.characters} == {
        "ANNA": 2, "BEN": 1, "CAPTAIN": 1,
    }


def test_markers_dropped_and_reported(script: Script) -> None:
    texts = " ".join(e.text for e in script.elements)
    assert "MORE" not in texts
    assert "CONTINUED" not in texts
    assert "CONT'D" not in texts
    assert any("markers dropped" in w for w in script.warnings)


def test_transition_and_centred(script: Script) -> None:
    pairs = kinds_and_texts(script)
    assert (ElementKind.TRANSITION, "CUT TO:") in pairs
    assert pairs[-1] == (ElementKind.CENTERED, "THE END")


def test_scene_slices_cover_elements(script: Script) -> None:
    first, second = script.scenes
    assert first.end == second.start
    assert second.end == len(script.elements)
    assert script.scene_elements(second)[0].kind is ElementKind.SCENE_HEADING


def test_layout_records_measured_indents(script: Script) -> None:
    style = script.layout.style(ElementKind.CHARACTER)
    assert style is not None and style.left == pytest.approx(3.5, abs=0.02)
    dialogue = script.layout.style(ElementKind.DIALOGUE)
    assert dialogue is not None and dialogue.left == pytest.approx(2.5, abs=0.02)


def test_no_title_page_when_page_one_is_body() -> None:
    script = parse_pdf(screenplay_pdf([PAGE_ONE, PAGE_TWO]), source="no-title")
    assert script.title_page == ()
    assert script.elements[0].line == 1000


def test_prose_document_gets_low_confidence() -> None:
    script = parse_pdf(prose_pdf(), source="minutes.pdf")
    assert script.confidence < 0.3
    assert script.scenes == ()
    assert any("is this a screenplay?" in w for w in script.warnings)
