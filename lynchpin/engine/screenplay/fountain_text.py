"""Fountain text layer: bytes -> text, notes and boneyard removal, emphasis stripping.

Everything here is linear in the input: scans move forward only and remember where the
closing markers are, so pathological input (thousands of unclosed ``[[`` or ``/*``) never
rescans the text.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass

from lynchpin.engine.errors import InputError

#: Share of control characters (other than tab, newline, carriage return, form feed) above
#: which decoded text is treated as binary data rather than a screenplay.
_MAX_CONTROL_SHARE = 0.01
#: Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")

#: Every byte value but those of the `_CONTROL` characters (see `_looks_binary`).
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not _CONTROL.match(chr(b)))

#: One source line after notes and boneyard were removed: (1-based number, text). A plain
#: tuple rather than a dataclass: one is made per source line, so it must be cheap.
SourceLine = tuple[int, str]


def decode_text(data: bytes, *, source: str = "") -> str:
    """Decode screenplay bytes to text with ``"\\n"`` line ends and NBSP as a plain space.

    Accepts UTF-8 with or without a BOM and UTF-16 with a BOM. Raises InputError naming
    `source`: "not a screenplay" for NUL bytes or binary data, "not UTF-8 text" (with the line
    of the first bad byte) for other undecodable bytes, "empty" for a blank file.
    """
    utf8: bytes | None = None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_utf16(data, source)
    else:
        if b"\x00" in data:
            raise InputError("not a screenplay (binary data: NUL bytes)", source=source)
        text = _decode_utf8(data, source)
        utf8 = data
    text = normalise_newlines(text.removeprefix("\ufeff"))
    if _looks_binary(text, utf8):
        raise InputError("not a screenplay (binary data: control characters)", source=source)
    if not text.strip():
        raise InputError("the file is empty", source=source)
    return text


def _decode_utf8(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = _line_of_offset(data, error.start)
        raise InputError(
            f"not UTF-8 text (invalid byte 0x{data[error.start]:02x}); "
            "save the file as UTF-8 and try again",
            source=source,
            line=line,
        ) from None


def _decode_utf16(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as error:
        head = data[: error.start].decode("utf-16", "replace")
        line = head.count("\n") + head.count("\r") - head.count("\r\n") + 1
        raise InputError(
            "not UTF-16 text (invalid code unit); save the file as UTF-8 and try again",
            source=source,
            line=line,
        ) from None


def _line_of_offset(data: bytes, offset: int) -> int:
    """1-based line number of byte `offset`, counting LF, CRLF and lone CR line ends."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _looks_binary(text: str, utf8: bytes | None = None) -> bool:
    """Whether `text` holds too many control characters (see `_MAX_CONTROL_SHARE`).

    `utf8`, when given, is the UTF-8 encoding `text` was decoded from. Its control bytes are
    counted instead of scanning the text: the count is the same (UTF-8 encodes each control
    character as itself, and no multi-byte sequence holds a byte below 0x80; BOM and line
    ends are not control characters), and deleting every other byte is one fast C pass
    where the regex scan costs several times more.
    """
    if "\x00" in text:
        return True
    if utf8 is not None:
        controls = len(utf8.translate(None, _NOT_CONTROL_BYTES))
    elif _CONTROL.search(text) is None:  # the common case: one C-level scan, no list
        return False
    else:
        controls = len(_CONTROL.findall(text))
    return controls > max(2, len(text) * _MAX_CONTROL_SHARE)


def normalise_newlines(text: str) -> str:
    """LF, CRLF and CR line ends -> ``"\\n"``; NBSP -> space."""
    if "\r" not in text and "\u00a0" not in text:  # already normal: skip the copies
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


@dataclass(frozen=True, slots=True)
class Stripped:
    """Source lines with notes and boneyard removed, plus what the scan had to warn about.

    Kept as two parallel sequences, `numbers` (1-based source line numbers, increasing) and
    `texts`, rather than a pair per line: a script has thousands of lines and the parser
    reads them once, so it zips the two instead of building a tuple for every line.
    """

    numbers: Sequence[int]
    texts: list[str]
    warnings: tuple[str, ...]

    @property
    def lines(self) -> tuple[SourceLine, ...]:
        """The kept lines as (number, text) pairs."""
        return tuple(zip(self.numbers, self.texts, strict=True))


class _CloseFinder:
    """Finds the next `marker` at or after a position, never rescanning text already passed."""

    def __init__(self, text: str, marker: str) -> None:
        self._text = text
        self._marker = marker
        self._found = -2  # -2: not searched yet; -1: no marker after the last search start

    def at_or_after(self, position: int) -> int:
        if self._found == -1 or self._found >= position:
            return self._found
        self._found = self._text.find(self._marker, position)
        return self._found


def removed_spans(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Character spans ``[start, end)`` of notes ``[[ ]]`` and boneyard ``/* */``.

    An unterminated boneyard runs to the end of the text (with a warning); an unterminated
    note is kept as text (with a warning), since a lone ``[[`` is more often a typo.
    """
    spans: list[tuple[int, int]] = []
    warnings: list[str] = []
    openers = {"[[": _CloseFinder(text, "[["), "/*": _CloseFinder(text, "/*")}
    closers = {"[[": _CloseFinder(text, "]]"), "/*": _CloseFinder(text, "*/")}
    position = 0
    while True:
        found = [(at, m) for m, f in openers.items() if (at := f.at_or_after(position)) >= 0]
        if not found:
            break
        start, marker = min(found)
        close = closers[marker].at_or_after(start + 2)
        if close >= 0:
            spans.append((start, close + 2))
            position = close + 2
        elif marker == "/*":
            spans.append((start, len(text)))
            warnings.append(f"line {text.count(chr(10), 0, start) + 1}: unterminated boneyard "
                            "'/*': everything after it was ignored")
            break
        else:
            warnings.append(f"line {text.count(chr(10), 0, start) + 1}: unterminated note "
                            "'[[' kept as text")
            del openers["[["]
            position = start + 2
    return spans, warnings


def strip_markup(text: str) -> Stripped:
    """Split `text` into lines with notes and boneyard removed.

    A line that held removed material and has nothing but whitespace left is dropped
    altogether (so a note on its own line neither separates nor joins paragraphs); other
    lines keep their 1-based source numbers (so a dropped line shows as a gap in them).
    Only the lines a removed span touches are rebuilt; the rest come from one split.
    """
    spans, warnings = removed_spans(text)
    raw = text.split("\n")
    texts = raw.copy()  # `raw` stays as split: _cut_line reads the original lines
    dropped: set[int] = set()
    index, cursor, done = 0, 0, -1  # line index of `cursor`; last line index rebuilt
    for k, (start, stop) in enumerate(spans):
        index += text.count("\n", cursor, start)
        cursor = start
        last = index + text.count("\n", start, stop - 1)
        offset = text.rfind("\n", 0, start) + 1
        for line_index in range(index, last + 1):
            if line_index > done:
                kept, _ = _cut_line(raw[line_index], offset, spans, k)
                texts[line_index] = kept
                if not kept.strip():
                    dropped.add(line_index)
                done = line_index
            offset += len(raw[line_index]) + 1
    numbers: Sequence[int] = range(1, len(texts) + 1)
    if dropped:
        numbers = [k + 1 for k in range(len(texts)) if k not in dropped]
        texts = [line for k, line in enumerate(texts) if k not in dropped]
    return Stripped(numbers, texts, tuple(warnings))


def _cut_line(
    raw: str, offset: int, spans: list[tuple[int, int]], first: int
) -> tuple[str, bool]:
    """The part of one line outside the removed spans, and whether anything was removed."""
    end = offset + len(raw)
    pieces: list[str] = []
    cursor = offset
    touched = False
    k = first
    while k < len(spans) and spans[k][0] < end + 1:
        start, stop = spans[k]
        if stop > offset and start <= end:
            touched = True
            if start > cursor:
                pieces.append(raw[cursor - offset : start - offset])
            cursor = max(cursor, stop)
        if stop > end:
            break
        k += 1
    if not touched:
        return raw, False
    if cursor < end:
        pieces.append(raw[cursor - offset :])
    return "".join(pieces), True


_MARKERS = "*_"


def strip_emphasis(line: str) -> str:
    """Remove paired ``*``, ``**``, ``***`` and ``_`` emphasis markers from one line.

    A marker run opens when followed by a non-space and closes when preceded by one; a
    closing run pairs with the nearest open run of the same character. Unpaired markers
    stay as literal text; ``\\*`` and ``\\_`` are literal asterisk and underscore.
    """
    if "*" not in line and "_" not in line:
        return line
    out: list[str] = []
    stacks: dict[str, list[int]] = {"*": [], "_": []}
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch == "\\" and i + 1 < n and line[i + 1] in _MARKERS:
            out.append(line[i + 1])
            i += 2
            continue
        if ch not in _MARKERS:
            out.append(ch)
            i += 1
            continue
        j = i
        while j < n and line[j] == ch:
            j += 1
        _place_marker(out, stacks[ch], line[i:j], before=line[i - 1 : i], after=line[j : j + 1])
        i = j
    return "".join(out)


def _place_marker(out: list[str], stack: list[int], run: str, *, before: str, after: str) -> None:
    can_close = bool(before) and not before.isspace()
    can_open = bool(after) and not after.isspace()
    if can_close and stack:
        out[stack.pop()] = ""
        return
    if can_open:
        stack.append(len(out))
    out.append(run)
