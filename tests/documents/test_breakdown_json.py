"""JSON renderer: the documented shape, exactly."""

from __future__ import annotations

import json

from lynchpin.documents import render_json
from lynchpin.engine.breakdown.report import BreakdownReport

TOP_KEYS = {"title", "format", "pages", "eighths", "scenes", "characters"}
SCENE_KEYS = {
    "number", "heading", "int_ext", "set", "time_of_day", "eighths", "page",
    "characters", "speaking", "elements",
}


def test_json_has_the_required_keys_and_values(report: BreakdownReport) -> None:
    data = json.loads(render_json(report))
    assert set(data) >= TOP_KEYS
    assert (data["title"], data["format"], data["pages"], data["eighths"]) == (
        "The Night Ferry", "fountain", 3, 22,
    )
    assert [set(scene) for scene in data["scenes"]] == [SCENE_KEYS] * 3
    first = data["scenes"][0]
    assert first["number"] == "1"
    assert first["eighths"] == 11
    assert first["elements"] == {
        "Cast Members": ["JONAS", "MARA"], "Props": ["BRASS KEY", "LANTERN"],
    }
    assert data["scenes"][1]["speaking"] == ["MARA"]
    assert data["scenes"][1]["characters"] == ["MARA", "DECKHAND"]
    assert data["characters"][0] == {"name": "MARA", "scenes": ["1", "2A"], "dialogue_blocks": 4}
    assert {frozenset(c) for c in data["characters"]} == {
        frozenset({"name", "scenes", "dialogue_blocks"})
    }


def test_json_keeps_non_ascii_text_readable(report: BreakdownReport) -> None:
    from dataclasses import replace

    text = render_json(replace(report, title="Łódź – nocą"))
    assert '"title": "Łódź – nocą"' in text
    assert text.endswith("\n")
