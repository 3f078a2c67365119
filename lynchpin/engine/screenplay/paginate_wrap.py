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
    if "\n" not in text:
        return 1 if len(text) <= first_width else count_hard_line(text, width, first_width)
    total = 0
    limit = first_width
    for hard in text.split("\n"):
        total += count_hard_line(hard, width, limit)
        limit = width
    return total


def count_hard_line(text: str, width: int, limit: int) -> int:
    """``count_lines`` of one hard line (`text` holds no ``"\\n"``), the first `limit` wide.

    At least 1. The same breaks as `_line_end`, inlined: this loop is most of the cost of
    measuring a script. Without hyphens, and with no line starting at a space (a break skips the
    spaces after it, so only the first line can), a line ends after the last space at or
    before its edge (and the spaces following it, which can only extend past the edge),
    or is cut at the edge.
    """
    n = len(text)
    if n <= limit:
        return 1
    if "-" in text or text[0] == " ":
        return _count_hard_general(text, width, limit)
    rfind = text.rfind
    start = lines = 0
    while n - start > limit:  # `_plain_line_end`, inlined
        edge = start + limit
        space = rfind(" ", start, edge + 1)  # text[start] is never a space here
        if space < 0:
            start = edge  # a word wider than the line: cut it
        else:
            start = space + 1
            if space == edge:  # the spaces after the edge stay on this line (overhang)
                while start < n and text[start] == " ":
                    start += 1
        lines += 1
        limit = width
    return lines + (start < n)


def _count_hard_general(text: str, width: int, limit: int) -> int:
    """`_count_hard` for any text: lines whose span holds a hyphen go through `_line_end`."""
    n = len(text)
    start = lines = 0
    while n - start > limit:
        edge = start + limit
        if text.find("-", start, edge + 1) >= 0:
            start = _line_end(text, start, limit)
        else:
            if text[edge] == " ":
                start = edge + 1
            else:
                space = text.rfind(" ", start + 1, edge)
                leads = space > start and (text[start] != " " or bool(text[start:space].strip()))
                start = space + 1 if leads else edge  # no space to break at: cut the word
            while start < n and text[start] == " ":
                start += 1
        lines += 1
        limit = width
    return max(1, lines + (start < n))


def _wrap_line(text: str, width: int, first_limit: int, out: list[str]) -> None:
    limit = first_limit
    start, n = 0, len(text)
    line_end = _plain_line_end if "-" not in text and text[:1] != " " else _line_end
    while n - start > limit:
        cut = line_end(text, start, limit)
        out.append(text[start:cut])
        start, limit = cut, width
    if start < n or not out:
        out.append(text[start:])


def _plain_line_end(text: str, start: int, limit: int) -> int:
    """`_line_end` for a text without hyphens whose line does not start at a space.

    Such a line ends after the last space at or before its edge (and the spaces following
    it, which can only extend past the edge), or is cut at the edge. `count_hard_line`
    inlines the same steps.
    """
    edge = start + limit
    space = text.rfind(" ", start, edge + 1)
    if space < 0:
        return edge  # a word wider than the line: cut it
    n, start = len(text), space + 1
    if space == edge:
        while start < n and text[start] == " ":
            start += 1
    return start


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
