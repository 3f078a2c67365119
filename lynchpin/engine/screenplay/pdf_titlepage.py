"""Detect and read a printed title page (the first page of a PDF screenplay).

Page 1 is a title page when at least 40 % of its lines are centred on the paper and none of
them is a scene heading. Its blocks (lines less than two grid lines apart) become Fountain
style keys: the first centred block is the Title (later centred blocks one blank line
below it continue it), a "written by" style block is the Credit and the block after it the
Author (or, with no credit, the first block after the title), "based on..." is the Source,
other centred blocks are Notes; lines off centre are the Draft date when they look like a
date, else Contact.
"""

from __future__ import annotations

import re

from lynchpin.engine.screenplay.pdf_extract import RULES
from lynchpin.engine.screenplay.pdf_layout import BodyLine, BodyPage, Calibration

_CREDIT = re.compile(RULES["credit_pattern"], re.IGNORECASE)
_DATE = re.compile(RULES["date_pattern"], re.IGNORECASE)
_TITLE_SHARE = 0.4


def is_title_page(page: BodyPage, heading_prefix: re.Pattern[str]) -> bool:
    """True when `page` looks like a title page (see the module docstring)."""
    if not page.lines or any(heading_prefix.match(line.text.strip()) for line in page.lines):
        return False
    centred = sum(1 for line in page.lines if _is_centred(line, page.width))
    return centred >= max(1.0, _TITLE_SHARE * len(page.lines))


def read_title_page(page: BodyPage, cal: Calibration) -> tuple[tuple[str, str], ...]:
    """Title page keys in print order; a key seen twice has its values joined by newline."""
    keys: dict[str, list[str]] = {}
    state = _State()
    for block, gap in _blocks(page, cal):
        if all(_is_centred(line, page.width) for line in block):
            text = "\n".join(line.text.strip() for line in block)
            keys.setdefault(state.centred_key(text, gap), []).append(text)
            continue
        for line in block:
            key = "Draft date" if _DATE.search(line.text.strip()) else "Contact"
            keys.setdefault(key, []).append(line.text.strip())
    return tuple((key, "\n".join(values)) for key, values in keys.items())


class _State:
    """What the centred blocks seen so far were, to name the next one."""

    def __init__(self) -> None:
        self.last = ""

    def centred_key(self, text: str, gap: int | None) -> str:
        key = self._key(text, gap)
        self.last = key
        return key

    def _key(self, text: str, gap: int | None) -> str:
        flat = " ".join(text.split())
        if not self.last:
            return "Title"
        if _CREDIT.match(flat):
            return "Credit"
        if flat.lower().startswith(str(RULES["source_prefix"])):
            return "Source"
        if self.last == "Title" and gap is not None and gap <= 2:
            return "Title"
        if self.last in ("Credit", "Title"):
            return "Author"
        return "Notes"


def _blocks(page: BodyPage, cal: Calibration) -> list[tuple[list[BodyLine], int | None]]:
    """Lines grouped where they sit on consecutive grid lines, with the gap before each."""
    blocks: list[tuple[list[BodyLine], int | None]] = []
    previous: int | None = None
    for line in page.lines:
        index = cal.line_index(line.top)
        gap = None if previous is None else index - previous
        side_changed = bool(blocks) and (
            _is_centred(blocks[-1][0][-1], page.width) != _is_centred(line, page.width)
        )
        if blocks and gap == 1 and not side_changed:
            blocks[-1][0].append(line)
        else:
            blocks.append(([line], gap))
        previous = index
    return blocks


def _is_centred(line: BodyLine, page_width: float) -> bool:
    centre = (line.x0 + line.x1) / 2
    return abs(centre - page_width / 2) <= float(RULES["centre_tolerance_pt"])
