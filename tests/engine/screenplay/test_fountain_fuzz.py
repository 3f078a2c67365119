"""Fountain robustness: any text parses or raises InputError; pathological input completes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.fountain import decode_text, parse_fountain
from lynchpin.engine.screenplay.model import ElementKind, Script

_SYNTAX = st.sampled_from(
    ["\n", "\n\n", "  \n", "INT. ", "EXT. ", ".", "@", "^", "~", "!", "> ", " <", "(", ")",
     "[[", "]]", "/*", "*/", "*", "**", "_", "\\", "#", "=", "===", "BOB", "bob", "TO:",
     "Title:", "\t", " ", "#1A#", "(MORE)", "(CONT'D)", "\u00a0", "\r", "\r\n"]
)


def _check(script: Script) -> None:
    """Invariants every parse must keep."""
    starts = [s.start for s in script.scenes]
    assert starts == [
        k for k, e in enumerate(script.elements) if e.kind is ElementKind.SCENE_HEADING
    ]
    for scene in script.scenes:
        assert scene.start < scene.end <= len(script.elements)
    for element in script.elements:
        assert element.line >= 1
        assert "\r" not in element.text and "\u00a0" not in element.text
        if element.kind is ElementKind.CHARACTER:
            assert element.speaker


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_parses(text: str) -> None:
    _check(parse_fountain(text))


@settings(max_examples=150, deadline=None)
@given(st.lists(_SYNTAX, max_size=60).map("".join))
def test_syntax_soup_parses(text: str) -> None:
    _check(parse_fountain(text))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        text = decode_text(data, source="fuzz")
    except InputError as error:
        assert error.source == "fuzz"
        return
    _check(parse_fountain(text))


@pytest.mark.parametrize(
    "unit", ["[[", "/*", "(", "^", "*", "#", "=", "_", "*a ", "[[\n", "/*\n", "BOB^\nhi\n\n",
             "INT. X #1#\n\n", "\\*", "A\n  \n", "@", "> <", "~", "]]", "*/"]
)
def test_large_pathological_input_completes(unit: str) -> None:
    text = unit * (200_000 // len(unit))
    script = parse_fountain(text)
    _check(script)
    assert sum(len(e.text) for e in script.elements) <= len(text)
