"""Per-document calibration of a printed screenplay: page zones, line grid and indents.

Final Draft, afterwriting and other programs print the same elements at slightly different
left edges (dialogue at 2.25 or 2.5 in, cues at 3.38 or 3.5 in...), so the reader measures
them: it clusters the left edges of all body lines and picks the action, dialogue,
parenthetical and character indents from the clusters, falling back to Final Draft's
defaults (`pdf_rules.json`) when a cluster is missing. All positions are PDF points.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lynchpin.engine.screenplay.pdf_extract import RULES, DocumentText, PageText, Run, TextLine

POINTS_PER_INCH = 72.0

_PAGE_NUMBER = re.compile(RULES["page_number_pattern"])
_SCENE_NUMBER = re.compile(RULES["scene_number_pattern"])


@dataclass(frozen=True, slots=True)
class BodyLine:
    """A body line with its scene numbers (from either margin) taken off."""

    top: float
    runs: tuple[Run, ...]
    scene_number: str = ""

    @property
    def x0(self) -> float:
        """Left edge of the first run, points."""
        return self.runs[0].x0

    @property
    def x1(self) -> float:
        """Right edge of the last run, points."""
        return self.runs[-1].x1

    @property
    def text(self) -> str:
        """The runs' text joined by single spaces."""
        return " ".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class BodyPage:
    """A page split into zones: body lines, whether a page-number header was seen, dropped."""

    number: int
    width: float
    height: float
    lines: tuple[BodyLine, ...]
    has_page_number: bool
    dropped_lines: int


@dataclass(frozen=True, slots=True)
class Calibration:
    """Measured layout: grid origin/pitch, indents (points) and whether each was measured."""

    body_top: float
    pitch: float
    char_width: float
    action: float
    dialogue: float
    parenthetical: float
    character: float
    measured: frozenset[str]

    @property
    def transition_min(self) -> float:
        """Lines starting right of this (points) are transitions."""
        return self.character + float(RULES["transition_offset_in"]) * POINTS_PER_INCH

    def line_index(self, top: float) -> int:
        """0-based line on the 12-pt body grid (negative above the first body line)."""
        return round((top - self.body_top) / self.pitch)

    def on_grid(self, top: float) -> bool:
        """True when `top` sits on the grid within `grid_tolerance_lines`."""
        offset = (top - self.body_top) / self.pitch
        return abs(offset - round(offset)) <= float(RULES["grid_tolerance_lines"])


def split_pages(doc: DocumentText) -> tuple[BodyPage, ...]:
    """Drop header and footer zones of every page and strip margin scene numbers."""
    return tuple(_split_page(page) for page in doc.pages)


def _split_page(page: PageText) -> BodyPage:
    header_limit = float(RULES["header_zone_pt"])
    footer_limit = page.height - float(RULES["footer_zone_pt"])
    body: list[BodyLine] = []
    numbered = False
    dropped = 0
    for line in page.lines:
        if line.top < header_limit or line.top > footer_limit:
            numbered = numbered or (
                line.top < header_limit and bool(_PAGE_NUMBER.match(line.runs[-1].text))
            )
            dropped += 1
            continue
        body.append(_strip_scene_numbers(line))
    return BodyPage(page.number, page.width, page.height, tuple(body), numbered, dropped)


def _strip_scene_numbers(line: TextLine) -> BodyLine:
    """Take scene numbers printed in the left and/or right margin off a line."""
    runs = list(line.runs)
    number = ""
    if len(runs) >= 2 and _SCENE_NUMBER.match(runs[0].text) and runs[0].x1 < runs[1].x0:
        number = runs.pop(0).text.rstrip(".")
    if len(runs) >= 2 and _SCENE_NUMBER.match(runs[-1].text):
        right = runs.pop().text.rstrip(".")
        number = number or right
    return BodyLine(line.top, tuple(runs), number)


def calibrate(pages: tuple[BodyPage, ...], char_width: float) -> Calibration:
    """Measure the grid origin and the element indents of the document."""
    lines = [line for page in pages for line in page.lines]
    clusters = _clusters(lines)
    defaults = {k: float(v) * POINTS_PER_INCH for k, v in RULES["default_indents_in"].items()}
    total = max(1, len(lines))
    frequent = [c for c in clusters if c[1] >= float(RULES["min_cluster_share"]) * total]
    action = frequent[0][0] if frequent else defaults["action"]
    found = {"action"} if frequent else set()
    shift = action - defaults["action"]
    dialogue = _pick(frequent, action, "dialogue_offset_in", paren=False)
    character = _pick(frequent, action, "character_offset_in", paren=False)
    measured_dialogue = dialogue if dialogue is not None else defaults["dialogue"] + shift
    parenthetical = _pick(clusters, measured_dialogue, "parenthetical_offset_in", paren=True)
    for name, value in (("dialogue", dialogue), ("character", character)):
        if value is not None:
            found.add(name)
    if parenthetical is not None:
        found.add("parenthetical")
    return Calibration(
        body_top=_body_top(pages),
        pitch=float(RULES["line_pitch_pt"]),
        char_width=char_width,
        action=action,
        dialogue=measured_dialogue,
        parenthetical=parenthetical if parenthetical is not None
        else defaults["parenthetical"] + shift,
        character=character if character is not None else defaults["character"] + shift,
        measured=frozenset(found),
    )


# A cluster of left edges: (position, line count, lines starting with "(").
_Cluster = tuple[float, int, int]


def _clusters(lines: list[BodyLine]) -> list[_Cluster]:
    """Group left edges lying within `indent_tolerance_pt` of each other, left to right."""
    counts = Counter(round(line.x0, 1) for line in lines)
    parens = Counter(round(line.x0, 1) for line in lines if line.text.startswith("("))
    tolerance = float(RULES["indent_tolerance_pt"])
    clusters: list[list[float]] = []
    for x in sorted(counts):
        if clusters and x - clusters[-1][-1] <= tolerance:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    result: list[_Cluster] = []
    for members in clusters:
        peak = max(members, key=lambda x: counts[x])
        result.append((peak, sum(counts[x] for x in members), sum(parens[x] for x in members)))
    return result


def _pick(clusters: list[_Cluster], origin: float, offsets: str, *, paren: bool) -> float | None:
    """The most frequent cluster within the rule's inch range right of `origin`.

    `paren` selects clusters where most lines open with "(" (parentheticals) or, when
    False, clusters where most do not (dialogue, cues).
    """
    low, high = (origin + float(v) * POINTS_PER_INCH for v in RULES[offsets])
    candidates = [
        c for c in clusters if low <= c[0] <= high and (c[2] * 2 >= c[1]) == paren
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[1])[0]


def _body_top(pages: tuple[BodyPage, ...]) -> float:
    """Top of body line 0: the most common top of the first body line across pages.

    Final Draft prints a continued cue half a line above line 0 on some pages, so the
    mode, not the minimum, is used.
    """
    firsts = Counter(round(page.lines[0].top, 1) for page in pages if page.lines)
    if not firsts:
        return float(RULES["header_zone_pt"]) + float(RULES["line_pitch_pt"]) * 1.5
    return firsts.most_common(1)[0][0]
