"""paginate's fast counting path agrees with the detailed path that builds every row.

`paginate` measures blocks without wrapping them into rows and builds a block's rows only
when it meets a page end; `layout_pages` builds them all. Both must place every block at the
same line, on hand-made scripts and on the whole corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.screenplay.model import DualSide, Element, ElementKind, Layout, Script
from lynchpin.engine.screenplay.paginate_blocks import BlockTable
from lynchpin.engine.screenplay.paginate_flow import lay_out
from lynchpin.engine.screenplay.paginate_measure import build_table
from lynchpin.engine.screenplay.paginate_split import may_split, split_block
from lynchpin.engine.screenplay.paginate_style import Paper, resolve_geometry
from lynchpin.engine.screenplay.read import read_script

K = ElementKind
_WORDS = st.sampled_from(["Run.", "Stop!", "the", "long-winded", "way", "home", "Why?", "\n"])
_TEXT = st.lists(_WORDS, min_size=0, max_size=40).map(" ".join)
_KINDS = st.sampled_from(
    [K.SCENE_HEADING, K.ACTION, K.DIALOGUE, K.PARENTHETICAL, K.TRANSITION, K.SHOT, K.SYNOPSIS]
)


@st.composite
def _elements(draw: st.DrawFn) -> list[Element]:
    out: list[Element] = []
    for _ in range(draw(st.integers(0, 40))):
        if draw(st.booleans()):
            name = draw(st.sampled_from(["ANN", "BOB"]))
            dual = draw(st.sampled_from([None, None, None, DualSide.LEFT, DualSide.RIGHT]))
            out.append(Element(K.CHARACTER, name, speaker=name, dual=dual))
        kind = draw(_KINDS)
        out.append(Element(kind, draw(_TEXT), starts_new_page=draw(st.integers(0, 20)) == 0))
        if draw(st.integers(0, 15)) == 0:
            out.append(Element(K.PAGE_BREAK, ""))
    return out


def _table(elements: list[Element], layout: Layout, paper: Paper) -> BlockTable:
    return build_table(elements, resolve_geometry(layout, paper))


def _assert_paths_agree(table: BlockTable) -> None:
    for j in range(len(table)):
        assert table.heights[j] == table.block(j).height, j
    fast = lay_out(table, record=False)
    detailed = lay_out(table, record=True)
    assert fast.starts == detailed.starts
    assert fast.used == detailed.used
    assert fast.end == detailed.end


@settings(max_examples=80, deadline=None)
@given(_elements(), st.booleans())
def test_fast_and_detailed_paths_agree(elements: list[Element], multicam: bool) -> None:
    _assert_paths_agree(_table(elements, Layout(multicam=multicam), Paper.LETTER))


@settings(max_examples=80, deadline=None)
@given(_elements(), st.integers(-2, 60))
def test_blocks_that_may_not_split_never_split(elements: list[Element], avail: int) -> None:
    table = _table(elements, Layout(), Paper.LETTER)
    for j in range(len(table)):
        if not may_split(table.kinds[j], table.heights[j], table.geometry):
            assert split_block(table.block(j), avail, table.geometry) is None


@pytest.mark.corpus
@pytest.mark.parametrize("paper", list(Paper))
def test_fast_and_detailed_paths_agree_on_the_corpus(corpus: Path, paper: Paper) -> None:
    names = sorted(p.name for p in corpus.iterdir() if p.suffix in {".fdx", ".fountain"})
    assert len(names) >= 20
    for name in names:
        script: Script = read_script((corpus / name).read_bytes(), name=name)
        _assert_paths_agree(_table(list(script.elements), script.layout, paper))


def test_the_shortest_splittable_blocks_may_split() -> None:
    line = "Talk and talk and talk some more."  # fills a 35-character dialogue line
    four = Element(K.DIALOGUE, " ".join([line] * 4))
    table = _table([Element(K.CHARACTER, "ANN"), four, Element(K.ACTION, "x")], Layout(), Paper.A4)
    assert table.heights[0] == 5  # cue + 4 lines: 2 lines each side
    assert may_split(table.kinds[0], 5, table.geometry)
    assert split_block(table.block(0), 3, table.geometry) is not None
    assert not may_split(table.kinds[0], 4, table.geometry)
    action = "  ".join(["Edward walks slowly across the long, empty, silent room."] * 4)
    table = _table([Element(K.ACTION, action)], Layout(), Paper.LETTER)
    assert table.heights[0] == 4
    assert may_split(table.kinds[0], 4, table.geometry)
    assert split_block(table.block(0), 2, table.geometry) is not None
    assert not may_split(table.kinds[0], 3, table.geometry)


def test_fast_placement_follows_forced_page_breaks() -> None:
    """A forced break below text moves the cursor to the next page for later blocks too."""
    elements = [
        Element(K.SCENE_HEADING, "INT. HOUSE - DAY"),
        Element(K.ACTION, "One."),
        Element(K.ACTION, "Two.", starts_new_page=True),
        Element(K.ACTION, "Three."),
        Element(K.PAGE_BREAK, ""),
        Element(K.SCENE_HEADING, "EXT. ROAD - NIGHT"),
    ]
    table = _table(elements, Layout(), Paper.LETTER)
    for record in (False, True):
        flow = lay_out(table, record=record)
        assert flow.starts == [(0, 0), (0, 2), (1, 0), (1, 2), (2, 0)]
        assert flow.used == [3, 3, 1]
