"""Pagination on hand-built scripts: spacing, keep-together, splits, markers, scene lengths."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.screenplay.model import (
    DualSide,
    Element,
    ElementKind,
    Layout,
    PageSetup,
    Scene,
    Script,
    SourceFormat,
    parse_heading,
)
from lynchpin.engine.screenplay.paginate import Paper, layout_pages, paginate
from lynchpin.engine.units import lines_to_eighths

K = ElementKind
# 57 characters: with the two spaces after it, one sentence fills an action line (61 wide)
SENTENCE = "Edward walks slowly across the long, empty, silent room."


def script(*elements: Element, layout: Layout | None = None) -> Script:
    """A Script with scenes indexed from its scene headings."""
    starts = [k for k, e in enumerate(elements) if e.kind is K.SCENE_HEADING]
    scenes = tuple(
        Scene(i, parse_heading(elements[s].text), s, [*starts, len(elements)][i + 1], str(i + 1))
        for i, s in enumerate(starts)
    )
    return Script(SourceFormat.FOUNTAIN, tuple(elements), scenes, layout=layout or Layout())


def heading(text: str = "INT. HOUSE - DAY") -> Element:
    return Element(K.SCENE_HEADING, text)


def action(lines: int = 1) -> Element:
    """An action paragraph that wraps to exactly `lines` lines, one sentence a line."""
    return Element(K.ACTION, "  ".join([SENTENCE] * lines))


def speech(name: str, text: str, *, dual: DualSide | None = None) -> tuple[Element, Element]:
    return (
        Element(K.CHARACTER, name, speaker=name, dual=dual),
        Element(K.DIALOGUE, text, speaker=name, dual=dual),
    )


def printed(s: Script, page: int = 1) -> list[tuple[int, str]]:
    return [(line.line, line.text) for line in layout_pages(s)[page - 1]]


def test_space_before_is_not_additive_and_dropped_at_the_page_top() -> None:
    s = script(heading(), action(), action(), *speech("ANN", "Hi."))
    assert [n for n, _ in printed(s)] == [0, 2, 4, 6, 7]


def test_scene_length_counts_to_the_next_heading() -> None:
    s = script(heading(), action(2), heading("EXT. YARD - DAY"), action())
    result = paginate(s)
    assert result.pages == 1
    assert [(sc.page, sc.lines) for sc in result.scenes] == [(1, 6), (1, 3)]
    assert [sc.eighths for sc in result.scenes] == [1, 1]
    assert result.total_eighths == 2
    assert result.lines_per_page == 54 and result.paper is Paper.LETTER


def test_eighths_follow_final_draft_rounding() -> None:
    s = script(heading(), *[action(3) for _ in range(10)])  # 1 + 10 * (1 + 3) = 41 lines
    (scene,) = paginate(s).scenes
    assert scene.lines == 41
    assert scene.eighths == lines_to_eighths(41, 54) == 7


def test_heading_never_ends_a_page() -> None:
    # 13 four-line blocks end at line 51; the heading would print at 53 with no room after it.
    s = script(heading(), *[action(3) for _ in range(13)], heading("EXT. YARD - DAY"), action())
    result = paginate(s)
    assert result.scenes[1].page == 2
    assert printed(s, 2)[0] == (0, "EXT. YARD - DAY")
    # the first scene ends there, so it keeps the unusable bottom of page 1
    assert result.scenes[0].lines == result.scenes[0].length_lines == 54


def test_blank_bottom_of_a_page_a_scene_continues_past_is_not_counted() -> None:
    # heading on line 0 and 13 three-line actions down to line 52; a 3-line action cannot
    # split, so it moves to page 2 and leaves line 53 blank; two 1-line actions follow
    # (page 2 lines 0-2, 4, 6).
    s = script(heading(), *[action(3) for _ in range(13)], action(3), action(), action())
    scene = paginate(s).scenes[0]
    assert scene.lines == 54 + 7  # its span on paper
    assert scene.length_lines == 53 + 7  # what Final Draft measures
    assert scene.eighths == lines_to_eighths(60, 54) == 9  # 61 lines would give 10


def test_heading_moves_with_short_action_but_not_with_a_splittable_one() -> None:
    filler = [action(3) for _ in range(11)]  # lines 0..42, next heading at 45
    short = script(heading(), *filler, heading("EXT. YARD - DAY"), action(9))
    assert paginate(short).scenes[1].page == 1  # the long action splits at a sentence end
    pages = layout_pages(short)
    assert pages[0][-1].line == 53 and pages[1][0].line == 0


def test_action_splits_at_a_sentence_with_two_lines_each_side() -> None:
    s = script(heading(), *[action(3) for _ in range(12)], action(6))  # 4 lines left
    pages = layout_pages(s)
    assert [line.line for line in pages[0] if line.line > 48] == [50, 51, 52, 53]
    assert [line.line for line in pages[1]] == [0, 1]
    filler = [heading(), *[action(3) for _ in range(12)], action(1)]  # lines 52-53 left
    pages = layout_pages(script(*filler, action(4)))
    assert [line.line for line in pages[1]] == [0, 1]  # 4 lines split 2 + 2
    pages = layout_pages(script(*filler, action(3)))
    assert [line.line for line in pages[1]] == [0, 1, 2]  # 3 lines are too short to split


def test_dialogue_split_prints_more_and_a_free_contd_cue() -> None:
    long_speech = " ".join(["Talk and talk and talk some more."] * 12)  # 12 lines of dialogue
    s = script(heading(), *[action(3) for _ in range(11)], *speech("ANN", long_speech))
    pages = layout_pages(s)
    more = [line for line in pages[0] if line.free]
    assert [m.text for m in more] == ["(MORE)"]
    assert more[0].line == 54  # below the last body line: costs nothing
    first = pages[1][0]
    assert (first.line, first.text, first.free) == (-1, "ANN (CONT'D)", True)
    assert pages[1][1].line == 0  # the cue costs no line either (Final Draft prints it above)


def test_automatic_contd_when_the_speaker_resumes_in_a_scene() -> None:
    s = script(heading(), *speech("ANN", "Hi."), action(), *speech("ANN", "Again."))
    cues = [t for _, t in printed(s) if t.startswith("ANN")]
    assert cues == ["ANN", "ANN (CONT'D)"]
    off = Layout(page=PageSetup(auto_contd=False))
    s2 = script(heading(), *speech("ANN", "Hi."), action(), *speech("ANN", "Again."), layout=off)
    assert [t for _, t in printed(s2) if t.startswith("ANN")] == ["ANN", "ANN"]


def test_page_breaks_force_a_new_page_and_unprinted_kinds_take_no_space() -> None:
    s = script(
        heading(),
        Element(K.SYNOPSIS, "Not printed."),
        action(),
        Element(K.PAGE_BREAK, ""),
        action(),
        Element(K.ACTION, "Forced.", starts_new_page=True),
    )
    result = paginate(s)
    assert result.pages == 3
    assert printed(s) == [(0, "INT. HOUSE - DAY"), (2, printed(s)[1][1])]
    assert result.scenes[0].lines == 2 * 54 + 1
    assert result.scenes[0].length_lines == 3 + 1 + 1  # blank page bottoms are not counted


def test_transition_never_opens_a_page() -> None:
    filler = [action(3) for _ in range(13)]  # ends at line 51
    s = script(
        heading(), *filler[:-1], action(2), *speech("ANN", "Bye."), Element(K.TRANSITION, "CUT TO:")
    )
    pages = layout_pages(s)
    assert pages[1][0].text == "ANN"  # the speech travelled with the transition
    assert pages[1][-1].text == "CUT TO:"


def test_dual_dialogue_takes_the_taller_column() -> None:
    left = speech("ANN", "One two three four five six seven eight nine ten.", dual=DualSide.LEFT)
    right = speech("BOB", "Yes.", dual=DualSide.RIGHT)
    s = script(heading(), *left, *right, action())
    lines = [n for n, _ in printed(s)]
    assert lines == [0, 2, 3, 4, 6]  # cue row, 2 dialogue rows, then action after a blank


def test_multicam_double_spaces_dialogue() -> None:
    text = "Talk and talk and talk some more and more."  # 2 lines at 35 characters
    single = script(heading(), *speech("ANN", text), action())
    double = script(heading(), *speech("ANN", text), action(), layout=Layout(multicam=True))
    assert paginate(single).scenes[0].lines == 7
    assert paginate(double).scenes[0].lines == 9


def test_a4_fits_more_lines_on_a_page() -> None:
    s = script(heading(), *[action(10) for _ in range(30)])  # 331 lines
    letter, a4 = paginate(s), paginate(s, paper=Paper.A4)
    assert a4.lines_per_page == 58 and a4.paper is Paper.A4
    assert (letter.pages, a4.pages) == (7, 6)


def test_empty_script() -> None:
    result = paginate(script())
    assert (result.pages, result.scenes, result.total_eighths) == (0, (), 0)


_ELEMENTS = st.one_of(
    st.builds(lambda n: heading(f"INT. ROOM {n} - DAY"), st.integers(0, 9)),
    st.builds(action, st.integers(1, 30)),
    st.builds(lambda w: speech("ANN", " ".join(["Say it again."] * w)), st.integers(1, 60)),
    st.just(Element(K.TRANSITION, "CUT TO:")),
    st.just(Element(K.PAGE_BREAK, "")),
)


def _flatten(items: list[Element | tuple[Element, Element]]) -> list[Element]:
    out: list[Element] = []
    for item in items:
        out.extend((item,) if isinstance(item, Element) else item)
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(_ELEMENTS, max_size=60))
def test_layout_invariants(items: list[Element | tuple[Element, Element]]) -> None:
    s = script(*_flatten(items))
    result = paginate(s)
    assert len(result.scenes) == len(s.scenes)
    per_page = result.lines_per_page
    assert sum(sc.lines for sc in result.scenes) <= result.pages * per_page
    assert all(0 <= sc.length_lines <= sc.lines for sc in result.scenes)
    assert all(sc.eighths == lines_to_eighths(sc.length_lines, per_page) for sc in result.scenes)
    assert [sc.page for sc in result.scenes] == sorted(sc.page for sc in result.scenes)
    for page in layout_pages(s):
        assert all(0 <= line.line < per_page or line.free for line in page)
