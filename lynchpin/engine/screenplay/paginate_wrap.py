"""Greedy word wrap and sentence ends, the way Final Draft breaks lines.

Private helper of `paginate`. Lines break at spaces and after hyphens inside words; a line
holds as many pieces as fit, where trailing spaces and hyphens do not count towards the width
(Final Draft lets them overhang the right indent); double spaces after a full stop count.
A word longer than a whole line is cut at the width. ``"\\n"`` is a hard line break; an empty
text is one empty line. Linear in the length of the text.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?]+[\"'’”)\]*_]*(?=\s)")
_ENDS_SENTENCE = re.compile(r"[.!?]+[\"'’”)\]*_]*\s*$")


def wrap(text: str, width: int, first_width: int | None = None) -> list[str]:
    """Wrap `text` into lines of at most `width` characters (`first_width` for the first line).

    Widths are in characters (>= 1). Returns at least one line.
    """
    lines: list[str] = []
    limit = first_width if first_width is not None else width
    for hard in text.split("\n"):
        start = len(lines)
        _wrap_line(hard, width, limit, lines)
        if len(lines) == start:
            lines.append("")
        limit = width
    return lines


def count_lines(text: str, width: int, first_width: int) -> int:
    """``len(wrap(text, width, first_width))`` without building the lines (the fast path).

    Most paragraphs (cues, headings, short dialogue) fit one line and return at once.
    """
    if len(text) <= first_width and "\n" not in text:
        return 1
    total = 0
    limit = first_width
    for hard in text.split("\n"):
        start, n, lines = 0, len(hard), 0
        while n - start > limit:
            start, limit = _line_end(hard, start, limit), width
            lines += 1
        total += max(1, lines + (start < n))
        limit = width
    return total


def _wrap_line(text: str, width: int, first_limit: int, out: list[str]) -> None:
    limit = first_limit
    start, n = 0, len(text)
    while n - start > limit:
        cut = _line_end(text, start, limit)
        out.append(text[start:cut])
        start, limit = cut, width
    if start < n or not out:
        out.append(text[start:])


def _line_end(text: str, start: int, limit: int) -> int:
    """Where the line beginning at `start` ends (the next line's start), `limit` wide.

    Jumps to the limit and looks back for the last space or in-word hyphen, so the cost is
    the line's length, not the paragraph's.
    """
    n = len(text)
    edge = start + limit
    after = edge
    while after < n and text[after] == "-":  # hyphens may overhang the edge
        after += 1
    if after >= n:
        return n
    if text[after] == " ":
        after += 1
        while after < n and text[after] == " ":
            after += 1
        return after
    if after > edge:
        return after  # break after an overhanging hyphen run inside a word
    space = text.rfind(" ", start + 1, edge)
    hyphen = text.rfind("-", start, edge - 1)
    while hyphen >= start and text[hyphen + 1] in " -":
        hyphen = text.rfind("-", start, hyphen)
    # a line must not break at its own leading spaces (text[start] is rarely a space)
    leads = space > start and (text[start] != " " or bool(text[start:space].strip()))
    if leads and space >= hyphen + 1:
        space += 1
        while space < n and text[space] == " ":
            space += 1
        return space
    if hyphen >= start:
        return hyphen + 1
    return edge  # a word wider than the line: cut it


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end (``.``, ``!``, ``?`` and closing quotes/brackets)
    that is followed by whitespace or a line break, in order. A hard line break alone is
    not a break point (Final Draft keeps lyric lines together up to a sentence end)."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def split_text(text: str, offset: int) -> tuple[str, str]:
    """`text` cut at `offset`: the top keeps its words, the bottom starts at its next word."""
    return text[:offset].rstrip(), text[offset:].lstrip()


def ends_sentence(text: str) -> bool:
    """Whether `text` ends with a sentence end (closing quotes and spaces allowed)."""
    return _ENDS_SENTENCE.search(text[-20:]) is not None
