"""Word wrap and character widths used by pagination."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.screenplay.model import ElementKind, Layout
from lynchpin.engine.screenplay.paginate_style import Paper, chars_that_fit, resolve_geometry
from lynchpin.engine.screenplay.paginate_wrap import count_lines, ends_sentence, sentence_ends, wrap


def test_final_draft_widths_in_characters() -> None:
    geometry = resolve_geometry(Layout(), Paper.LETTER)
    assert geometry.of(ElementKind.ACTION).width == 61
    assert geometry.of(ElementKind.SCENE_HEADING).width == 61
    assert geometry.of(ElementKind.DIALOGUE).width == 35
    assert geometry.of(ElementKind.CHARACTER).width == 38
    assert geometry.of(ElementKind.TRANSITION).width == 16
    paren = geometry.of(ElementKind.PARENTHETICAL)
    assert (paren.first_width, paren.width) == (26, 25)  # the "(" hangs one cell left
    assert geometry.dual_width == 29
    assert geometry.lines_per_page == 54


def test_a4_is_taller_and_action_narrower() -> None:
    geometry = resolve_geometry(Layout(), Paper.A4)
    assert geometry.lines_per_page == 58
    assert geometry.of(ElementKind.ACTION).width == 59
    assert geometry.of(ElementKind.DIALOGUE).width == 35


def test_fit_is_strictly_less_than_the_span() -> None:
    assert chars_that_fit(3.5, 7.0) == 35  # 36 * 7.0 pt = 252 pt is not < 252 pt
    assert chars_that_fit(6.0, 7.0) == 61


def test_greedy_wrap_keeps_trailing_spaces_on_the_line() -> None:
    text = "There are some fish that cannot be caught.  It's not that they're faster."
    assert wrap(text, 35) == [
        "There are some fish that cannot be ",
        "caught.  It's not that they're ",
        "faster.",
    ]


def test_wrap_breaks_after_hyphens_and_lets_them_overhang() -> None:
    assert wrap("Did I want to deprive my soon-to-be-mother of joy", 35) == [
        "Did I want to deprive my soon-to-be-",
        "mother of joy",
    ]
    # "his father" is exactly 10 wide; the "--" overhangs the right indent
    assert wrap("his father-- and more", 10) == ["his father-- ", "and more"]
    assert wrap("his fathers-- and", 10) == ["his ", "fathers-- ", "and"]


def test_wrap_cuts_words_wider_than_a_line_and_keeps_hard_breaks() -> None:
    assert wrap("x" * 12, 5) == ["xxxxx", "xxxxx", "xx"]
    assert wrap("a\n\nb", 5) == ["a", "", "b"]
    assert wrap("", 5) == [""]


def test_first_line_width_applies_once() -> None:
    assert wrap("(aa bb cc)", 3, first_width=4) == ["(aa ", "bb ", "cc)"]


def test_sentence_ends() -> None:
    text = 'He left. "Go!" she said? Fine'
    assert [text[:k] for k in sentence_ends(text)] == [
        "He left.",
        'He left. "Go!"',
        'He left. "Go!" she said?',
    ]
    assert ends_sentence("It tastes awful.  ")
    assert not ends_sentence("Because that girl,")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab -.\n", max_size=300), st.integers(1, 70))
def test_wrap_loses_no_text_and_respects_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")
    for line in lines:
        assert len(line.rstrip(" -")) <= width


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab -.\n", max_size=200), st.integers(1, 40), st.integers(1, 40))
def test_count_lines_counts_what_wrap_builds(text: str, width: int, first: int) -> None:
    assert count_lines(text, width, first) == len(wrap(text, width, first))
