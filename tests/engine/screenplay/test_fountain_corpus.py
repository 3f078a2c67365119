"""Fountain parser against the shared corpus: scenes, speaking characters, dialogue blocks and
the five busiest speakers must equal what the peer parsers agree on (reference.json).

The agreed value is the mode of the peers' figures. Where the peers tie or clearly err, the
file was read and an explicit expectation is written below with the reasoning.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from lynchpin.engine.screenplay.fountain import decode_text, parse_fountain
from lynchpin.engine.screenplay.model import ElementKind, Script

FOUNTAIN_FILES = [
    "a-shoulder-to-cry-on.fountain", "big-fish.fountain", "brick-and-steel.fountain",
    "charade.fountain", "farmland.fountain", "gumshoe.fountain", "gut-factor.fountain",
    "heads-or-tails.fountain", "listen-to-your-heart.fountain", "mistrzostwa.fountain",
    "my-living-memory.fountain", "na-kazda-droge.fountain", "printing-trouble.fountain",
    "sunflower.fountain", "the-last-birthday-card.fountain", "torn.fountain",
    "utf8-bom.fountain", "vikings.fountain",
]

#: Explicit per-file expectations where the peers tie or clearly err.
DECIDED: dict[tuple[str, str], int] = {
    # Peers tie 14 (screenplain, jouvence) / 15 (afterwriting, fountain-js); screenplay-tools
    # says 16 (it is one above the others on most files). Line 8 `EXT. BOULEVARD - DAY` has
    # blank(ish) lines before and after it: the title page above it ends with whitespace-only
    # lines and `FADE IN:`, which is not a title-page key, so the body starts there and the
    # heading is a real scene (15 headings in the file, all of them scenes).
    ("torn.fountain", "scenes"): 15,
    # Peers tie 29 (screenplain, screenplay-tools) / 28 (jouvence, fountain-js); afterwriting
    # 26. The file has 27 INT/EXT headings and 2 forced ones (`.LATER`,
    # `.BACK OUTSIDE WITH MARY AND HENRY`); Final Draft's own export of the same draft
    # (farmland.fdx) has 29 scenes.
    ("farmland.fountain", "scenes"): 29,
    # The peers take `A ROCKY MOUNTAIN LOCUST LANDS ON HIS WIFE’S GRAVE MARKER.` (an action
    # sentence in capitals) followed by the centred line `>Production note: ...<` as a
    # character cue plus dialogue. A centred line is never dialogue, so that line is action:
    # one speaking character and one dialogue block fewer than the peers' 11 / 121.
    ("farmland.fountain", "chars"): 10,
    ("farmland.fountain", "blocks"): 120,
}


def _parse(corpus: Path, name: str) -> Script:
    path = corpus / name
    return parse_fountain(decode_text(path.read_bytes(), source=name), source=name)


def _agreed(entry: dict[str, Any], key: str) -> int:
    decided = DECIDED.get((entry["file"], key))
    if decided is not None:
        return decided
    values = [p[key] for p in entry["peers"].values() if p.get(key) is not None]
    ranked = Counter(values).most_common()
    assert len(ranked) == 1 or ranked[0][1] > ranked[1][1], f"peers tie on {key}: decide"
    return int(ranked[0][0])


def _blocks(script: Script) -> Counter[str]:
    return Counter(e.speaker for e in script.elements if e.kind is ElementKind.CHARACTER)


@pytest.mark.parametrize("name", FOUNTAIN_FILES)
def test_counts_match_peers(
    name: str, corpus: Path, corpus_reference: dict[str, dict[str, Any]]
) -> None:
    entry = corpus_reference[name]
    script = _parse(corpus, name)
    blocks = _blocks(script)
    measured = {"scenes": len(script.scenes), "chars": len(blocks), "blocks": blocks.total()}
    expected = {key: _agreed(entry, key) for key in measured}
    assert measured == expected


@pytest.mark.parametrize("name", FOUNTAIN_FILES)
def test_top5_speakers_match_peers(
    name: str, corpus: Path, corpus_reference: dict[str, dict[str, Any]]
) -> None:
    top5 = [(str(n), int(c)) for n, c in corpus_reference[name]["top5_dialogue_blocks"]["top5"]]
    blocks = _blocks(_parse(corpus, name))
    assert [(n, blocks[n]) for n, _ in top5] == top5
    assert sorted(blocks.values(), reverse=True)[:5] == [c for _, c in top5]


def test_every_corpus_fountain_file_is_covered(corpus: Path) -> None:
    assert sorted(p.name for p in corpus.glob("*.fountain")) == sorted(FOUNTAIN_FILES)


def test_corpus_scene_headings_parse(corpus: Path) -> None:
    script = _parse(corpus, "big-fish.fountain")
    assert len(script.title_page) >= 5 and script.title == "Big Fish"
    assert all(scene.heading.set_name for scene in script.scenes)
    assert sum(1 for e in script.elements if e.kind is ElementKind.PAGE_BREAK) >= 1


def test_charade_is_read_as_hard_wrapped(corpus: Path) -> None:
    script = _parse(corpus, "charade.fountain")
    assert any("hard-wrapped" in w for w in script.warnings)
    action = next(e for e in script.elements if e.kind is ElementKind.ACTION and e.line > 20)
    assert "\n" not in action.text and "  " not in action.text
    dialogue = [e for e in script.elements if e.kind is ElementKind.DIALOGUE]
    assert all("\n" not in e.text for e in dialogue)
