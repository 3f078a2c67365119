"""Pagination against Final Draft's own figures on the shared corpus (skipped when absent).

Targets (issue acceptance criteria): body pages within 1 % of Final Draft's print; per-scene
eighths within 1/8 of Final Draft's stored SceneProperties Length for >= 95 % of scenes and
never off by more than 2/8. See docs/pagination.md for the measured table.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lynchpin.engine.screenplay.model import Script
from lynchpin.engine.screenplay.paginate import paginate
from lynchpin.engine.screenplay.read import read_script
from lynchpin.engine.units import lines_to_eighths

pytestmark = pytest.mark.corpus


def _read(corpus: Path, name: str) -> Script:
    return read_script((corpus / name).read_bytes(), name=name)


def _final_draft_pages(entry: dict[str, Any]) -> int:
    fd = entry["final_draft"]
    if "numbered_body_pages" in fd:
        return int(fd["numbered_body_pages"])
    return int(fd["pdf_pages"]) - 1  # the title page is not counted


@pytest.mark.parametrize(
    "name",
    [
        "big-fish.fountain",
        "big-fish.fdx",
        "vikings.fountain",
        "vikings.fdx",
        "gumshoe.fdx",
        "gumshoe.fountain",
        "brick-and-steel.fountain",
        "brick-and-steel.fdx",
        "extranormal.fdx",
    ],
)
def test_page_count_within_one_percent_of_final_draft(
    corpus: Path, corpus_reference: dict[str, dict[str, Any]], name: str
) -> None:
    expected = _final_draft_pages(corpus_reference[name])
    pages = paginate(_read(corpus, name)).pages
    tolerance = int(expected * 0.01)  # 1 % of a short script is less than a page: exact
    if name == "gumshoe.fountain":
        tolerance = 1  # its Fountain text lacks 11 empty paragraphs the FDX prints (see docs)
    assert abs(pages - expected) <= tolerance


def _stored_diffs(corpus: Path, name: str) -> list[int]:
    script = _read(corpus, name)
    result = paginate(script)
    return [
        ours.eighths - scene.stored_length
        for scene, ours in zip(script.scenes, result.scenes, strict=True)
        if scene.stored_length is not None
    ]


@pytest.mark.parametrize(
    ("name", "scenes"),
    [("farmland.fdx", 29), ("national-stupidity.fdx", 26), ("extranormal.fdx", 3)],
)
def test_scene_eighths_agree_with_final_draft_stored_lengths(
    corpus: Path, name: str, scenes: int
) -> None:
    diffs = _stored_diffs(corpus, name)
    assert len(diffs) == scenes
    assert sum(abs(d) <= 1 for d in diffs) >= 0.95 * scenes
    assert max(abs(d) for d in diffs) <= 2


def test_blank_page_bottoms_inside_scenes_are_what_national_stupidity_needed(
    corpus: Path,
) -> None:
    """Counting the blank bottom of pages a scene continues past (the old rule) puts 3 of
    national-stupidity's 26 scenes 2/8 over Final Draft's stored length; without it every
    scene is within 1/8, and farmland's total drops from 169 to FD's 164 +- 1."""
    script = _read(corpus, "national-stupidity.fdx")
    result = paginate(script)
    old_rule = [
        lines_to_eighths(ours.lines, result.lines_per_page) - scene.stored_length
        for scene, ours in zip(script.scenes, result.scenes, strict=True)
        if scene.stored_length is not None
    ]
    assert sum(d == 2 for d in old_rule) == 3
    assert max(_stored_diffs(corpus, "national-stupidity.fdx")) <= 1
    farmland = paginate(_read(corpus, "farmland.fdx"))
    assert abs(farmland.total_eighths - 164) <= 1


def test_extranormal_totals_match_final_draft(
    corpus: Path, corpus_reference: dict[str, dict[str, Any]]
) -> None:
    result = paginate(_read(corpus, "extranormal.fdx"))
    fd = corpus_reference["extranormal.fdx"]["final_draft"]
    assert result.total_eighths == fd["scene_properties_total_eighths"]
    positions = json.loads(
        (corpus / "reference" / "extranormal.scene-positions.json").read_text("utf-8")
    )["scenes"]
    assert [s.page for s in result.scenes] == [row[1] - 1 for row in positions]


def test_big_fish_scene_starts_match_the_final_draft_print(corpus: Path) -> None:
    """Scene start pages vs the Final Draft 11 print, aligned by heading text."""
    ref = json.loads(
        (corpus / "reference" / "big-fish.finaldraft11.scene-positions.json").read_text("utf-8")
    )["scenes"]
    script = _read(corpus, "big-fish.fountain")
    result = paginate(script)
    wanted = [(" ".join(r[0].upper().split()), r[1] - 1, r[4]) for r in ref]
    matched = page_ok = span_ok = 0
    cursor = 0
    for scene, ours in zip(script.scenes, result.scenes, strict=True):
        text = " ".join(scene.heading.text.upper().split())
        for k in range(cursor, min(cursor + 4, len(wanted))):
            if wanted[k][0] == text:
                matched += 1
                page_ok += ours.page == wanted[k][1]
                span_ok += abs(ours.lines * 8 / result.lines_per_page - wanted[k][2]) <= 1
                cursor = k + 1
                break
    assert matched >= 185
    assert page_ok >= 0.95 * matched
    assert span_ok >= 0.97 * matched
