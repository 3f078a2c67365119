"""The Fountain parser's fast paths give exactly what the plain rules give.

Each optimised helper is checked against a direct, slow statement of its rule on generated
input: notes/boneyard removal (only touched lines rebuilt), the heading-prefix regex, the
ASCII shortcut of the cue test, the first-character structural test, the streamed speech
reader, the byte count of control characters and the scene-heading time separator.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.screenplay import fountain_lines as fl
from lynchpin.engine.screenplay import model
from lynchpin.engine.screenplay.fountain_rules import rules
from lynchpin.engine.screenplay.fountain_speech import SpeechReader, _append_speech_lines
from lynchpin.engine.screenplay.fountain_text import (
    _cut_line,
    _looks_binary,
    removed_spans,
    strip_markup,
)
from lynchpin.engine.screenplay.model import DualSide, Element

MARKUP_TEXT = st.text(alphabet="ab /*[]\n\t", max_size=80)
LINE_TEXT = st.text(alphabet="INTEXSiestx./ -=#><@^()abcDÉé:~!ı1", max_size=20)


def _strip_line_by_line(text: str) -> list[tuple[int, str]]:
    """The rule stated per line: cut every span, drop a touched line left blank."""
    spans, _ = removed_spans(text)
    lines: list[tuple[int, str]] = []
    offset, first = 0, 0
    for number, raw in enumerate(text.split("\n"), start=1):
        while first < len(spans) and spans[first][1] <= offset:
            first += 1
        kept, touched = _cut_line(raw, offset, spans, first)
        if not (touched and not kept.strip()):
            lines.append((number, kept))
        offset += len(raw) + 1
    return lines


@settings(max_examples=300, deadline=None)
@given(MARKUP_TEXT)
def test_strip_markup_equals_the_line_by_line_rule(text: str) -> None:
    assert list(strip_markup(text).lines) == _strip_line_by_line(text)


def test_strip_markup_examples() -> None:
    text = "A [[n]] B\n[[x]]\n/* y\n\nz */ C\nD"
    assert list(strip_markup(text).lines) == [(1, "A  B"), (5, " C"), (6, "D")]


def _prefix_by_loop(s: str) -> bool:
    upper = s[:12].upper()
    for prefix in rules().heading_prefixes:
        if upper.startswith(prefix) and upper[len(prefix) : len(prefix) + 1] in (".", " "):
            return bool(s[len(prefix) + 1 :].strip(" ."))
    return False


def _cue_by_rule(s: str) -> bool:
    if s.startswith("@") or not s or s[0] in "!.>~=#([" or s.endswith(":"):
        return fl.is_cue(s)  # these branches are unchanged
    if _prefix_by_loop(s):
        return False
    depth, kept = 0, []
    for ch in s.removesuffix("^"):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(ch)
    cased = [ch for ch in kept if ch.lower() != ch.upper()]
    return bool(cased) and not any(ch.islower() for ch in cased)


@settings(max_examples=400, deadline=None)
@given(LINE_TEXT)
def test_line_tests_equal_their_plain_rules(s: str) -> None:
    assert fl.has_heading_prefix(s) is _prefix_by_loop(s)
    assert fl.is_cue(s) is _cue_by_rule(s)
    plain = fl.is_page_break(s) or fl.is_synopsis(s) or fl.is_section(s) or fl.is_centered(s)
    assert fl.is_structural(s) is plain


def test_prefix_examples() -> None:
    assert fl.has_heading_prefix("INT./EXT. CAR - DAY")
    assert fl.has_heading_prefix("int house")
    assert not fl.has_heading_prefix("INT.")
    assert not fl.has_heading_prefix("INTERIOR")


SPEECH_LINE = st.text(alphabet="ab (~) ", max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(SPEECH_LINE, max_size=8), st.sampled_from([None, DualSide.RIGHT]))
def test_streamed_speech_lines_equal_parts_then_elements(
    texts: list[str], side: DualSide | None
) -> None:
    lines = [fl.Line(k + 2, text, text.strip()) for k, text in enumerate(texts)]
    reader = SpeechReader(legacy=False)
    parts, _ = reader._parts(lines)
    expected = [reader._element(part, "BOB", side) for part in parts]
    streamed: list[Element] = []
    _append_speech_lines([fl.Line(1, "BOB", "BOB"), *lines], 1, "BOB", side, streamed)
    assert streamed == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n\r\t\x01\x0b\x0c\x1f\x7fé\u00a0\ufeff", max_size=60))
def test_control_bytes_count_like_the_text_scan(text: str) -> None:
    assert _looks_binary(text, text.encode("utf-8")) is _looks_binary(text)


_SEPARATOR_AS_WRITTEN = re.compile(r"\s+[-–—]+\s*|\s*[-–—]+\s+|,\s*")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \t-–—,A.\u2003", max_size=14))
def test_heading_time_separator_splits_as_written(text: str) -> None:
    assert model._TIME_SEPARATOR.split(text) == _SEPARATOR_AS_WRITTEN.split(text)
