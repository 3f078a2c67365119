"""parse_fdx over every .fdx in the shared corpus, against Final Draft's own figures.

reference.json's "fdx-xml" peer counts the paragraphs as Final Draft stored them; speaking
characters are normalised as reference.json "normalisation" says (model.character_name).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lynchpin.engine.screenplay.fdx import parse_fdx
from lynchpin.engine.screenplay.model import DualSide, ElementKind, Script, SourceFormat

pytestmark = pytest.mark.corpus

FDX_FILES = [
    "big-fish.fdx",
    "brick-and-steel.fdx",
    "extranormal.fdx",
    "farmland.fdx",
    "gumshoe.fdx",
    "national-stupidity.fdx",
    "the-last-birthday-card.fdx",
    "vikings.fdx",
]

#: (file, SceneProperties count, their total eighths) from reference.json final_draft.
STORED_LENGTHS = [
    ("farmland.fdx", 29, 164),
    ("national-stupidity.fdx", 26, 197),
    ("extranormal.fdx", 3, 15),
]

_cache: dict[str, Script] = {}


def parsed(corpus: Path, name: str) -> Script:
    if name not in _cache:
        _cache[name] = parse_fdx((corpus / name).read_bytes(), source=name)
    return _cache[name]


def test_the_list_covers_every_corpus_fdx(corpus: Path) -> None:
    assert sorted(p.name for p in corpus.glob("*.fdx")) == sorted(FDX_FILES)


@pytest.mark.parametrize("name", FDX_FILES)
def test_counts_match_final_draft(
    corpus: Path, corpus_reference: dict[str, dict[str, Any]], name: str
) -> None:
    script = parsed(corpus, name)
    expected = corpus_reference[name]["peers"]["fdx-xml"]
    assert script.source_format is SourceFormat.FDX
    assert len(script.scenes) == expected["scenes"]
    assert len(script.characters) == expected["chars"]
    assert sum(c.dialogue_blocks for c in script.characters) == expected["blocks"]


@pytest.mark.parametrize("name", FDX_FILES)
def test_top_five_speakers(
    corpus: Path, corpus_reference: dict[str, dict[str, Any]], name: str
) -> None:
    blocks = {c.name: c.dialogue_blocks for c in parsed(corpus, name).characters}
    top5 = corpus_reference[name]["top5_dialogue_blocks"]["top5"]
    assert {speaker: blocks.get(speaker) for speaker, _ in top5} == dict(top5)
    assert sorted(blocks.values(), reverse=True)[: len(top5)] == [n for _, n in top5]


@pytest.mark.parametrize(("name", "count", "eighths"), STORED_LENGTHS)
def test_scene_properties_lengths_are_read(
    corpus: Path, corpus_reference: dict[str, dict[str, Any]], name: str, count: int, eighths: int
) -> None:
    final_draft = corpus_reference[name]["final_draft"]
    assert (
        final_draft["scene_properties_count"],
        final_draft["scene_properties_total_eighths"],
    ) == (count, eighths)
    stored = [s for s in parsed(corpus, name).scenes if s.stored_length is not None]
    assert len(stored) == count
    assert sum(s.stored_length or 0 for s in stored) == eighths
    assert stored[-1].stored_page == final_draft["scene_properties_last_page"]


@pytest.mark.parametrize("name", FDX_FILES)
def test_invariants_hold(corpus: Path, name: str) -> None:
    script = parsed(corpus, name)
    previous_end = 0
    for scene in script.scenes:
        assert previous_end <= scene.start < scene.end <= len(script.elements)
        assert script.elements[scene.start].kind is ElementKind.SCENE_HEADING
        previous_end = scene.end
    lines = [e.line for e in script.elements]
    assert all(line >= 1 for line in lines) and lines == sorted(lines)
    assert all("\u00a0" not in e.text for e in script.elements)
    assert all(e.text for e in script.elements if e.kind is ElementKind.CHARACTER)


def test_layout_read_from_final_draft_settings(corpus: Path) -> None:
    script = parsed(corpus, "extranormal.fdx")
    page = script.layout.page
    assert (page.lines_per_page, page.more, page.continued, page.auto_contd) == (
        54,
        "(MORE)",
        "(CONT'D)",
        True,
    )
    dialogue = script.layout.style(ElementKind.DIALOGUE)
    assert dialogue is not None and (dialogue.left, dialogue.right) == (2.25, 6.0)
    assert not script.layout.multicam
    assert [r.id for r in script.revisions] == ["1", "2", "3", "4"]
    assert [k for k, _ in script.layout.styles][:2] == [
        ElementKind.SCENE_HEADING,
        ElementKind.ACTION,
    ]


def test_dual_dialogue_in_corpus(corpus: Path) -> None:
    for name in ("brick-and-steel.fdx", "farmland.fdx", "vikings.fdx"):
        sides = [e.dual for e in parsed(corpus, name).elements if e.dual is not None]
        assert sides[0] is DualSide.LEFT and sides[-1] is DualSide.RIGHT
        assert sides.count(DualSide.LEFT) >= 2 and sides.count(DualSide.RIGHT) >= 2


def test_all_caps_text_is_upper_cased(corpus: Path) -> None:
    headings = [s.heading.text for s in parsed(corpus, "farmland.fdx").scenes]
    assert all(h == h.upper() for h in headings)
    elements = parsed(corpus, "farmland.fdx").elements
    cues = [e.text for e in elements if e.kind is ElementKind.CHARACTER]
    assert all(cue == cue.upper() for cue in cues)
