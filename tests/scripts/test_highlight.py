"""highlight(): paragraphs cut at span boundaries, every mark on exactly its span's text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lynchpin.scripts.highlight import Mark, highlight

PROP = Mark(104, "Props", "#8E24AA", "DOG BOWL", "suggested")
ANIMAL = Mark(108, "Animals", "#F8BBD0", "DOG", "accepted")


def test_a_span_is_marked_and_the_rest_is_plain() -> None:
    paragraphs = [{"type": "Scene Heading", "text": "INT. KITCHEN - DAY"},
                  {"type": "Action", "text": "A full dog bowl by the door."}]
    spans = [{"element": 1, "start": 7, "end": 15, "text": "dog bowl"}]
    result = highlight(paragraphs, [(PROP, spans)])
    assert [p.css for p in result] == ["scene-heading", "action"]
    action = result[1].segments
    assert [(s.text, s.marks) for s in action] == [
        ("A full ", ()), ("dog bowl", (PROP,)), (" by the door.", ())
    ]
    assert action[1].label == "Props: DOG BOWL (suggested)"


def test_overlapping_spans_name_every_element() -> None:
    paragraphs = [{"type": "Action", "text": "the dog bowl"}]
    items = [(PROP, [{"element": 0, "start": 4, "end": 12, "text": "dog bowl"}]),
             (ANIMAL, [{"element": 0, "start": 4, "end": 7, "text": "dog"}])]
    segments = highlight(paragraphs, items)[0].segments
    assert [(s.text, len(s.marks)) for s in segments] == [("the ", 0), ("dog", 2), (" bowl", 1)]
    assert segments[1].label == "Props: DOG BOWL (suggested); Animals: DOG (accepted)"


def test_spans_that_no_longer_fit_are_ignored() -> None:
    paragraphs = [{"type": "Action", "text": "short"}, {"type": "Page Break", "text": ""}]
    items = [(PROP, [{"element": 0, "start": 2, "end": 40, "text": "x"},
                     {"element": 0, "start": 0, "end": 5, "text": "other"},
                     {"element": 7, "start": 0, "end": 1, "text": "s"}])]
    result = highlight(paragraphs, items)
    assert len(result) == 1  # the empty (unprinted) paragraph is left out
    assert [(s.text, s.marks) for s in result[0].segments] == [("short", ())]


@given(
    text=st.text(min_size=1, max_size=60),
    cuts=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6),
)
def test_segments_rebuild_the_text_and_marks_cover_their_spans(
    text: str, cuts: list[tuple[int, int]]
) -> None:
    spans = [
        {"element": 0, "start": min(a, b), "end": max(a, b), "text": text[min(a, b):max(a, b)]}
        for a, b in cuts
        if min(a, b) < max(a, b) <= len(text)
    ]
    segments = highlight([{"type": "Action", "text": text}], [(PROP, spans)])[0].segments
    assert "".join(s.text for s in segments) == text
    position = 0
    for segment in segments:
        end = position + len(segment.text)
        inside = any(s["start"] <= position and end <= s["end"] for s in spans)
        assert bool(segment.marks) == inside
        position = end
