"""Fountain title page: ``Key: value`` lines at the top of the file.

The title page starts at the first non-empty line when that line is a key line and ends at
the first truly empty line (a whitespace-only line does not end it) or at the first line
that is neither a key line nor an indented continuation; that line starts the body.
Values may continue on indented lines; they are joined with ``"\\n"`` and have emphasis
stripped. Keys written in capitals count only when they are known keys, so a script that
opens with ``FADE IN:`` has no title page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lynchpin.engine.screenplay.fountain_rules import rules
from lynchpin.engine.screenplay.fountain_text import strip_emphasis

_MAX_KEY_LENGTH = 40


@dataclass(frozen=True, slots=True)
class TitlePage:
    """Title page keys in file order, the multicam flag, and where the body starts."""

    pairs: tuple[tuple[str, str], ...]
    multicam: bool
    body_start: int


def split_title_page(lines: Sequence[str]) -> TitlePage:
    """Read the title page at the top of `lines` (texts of the source lines kept after notes
    and boneyard were removed); `body_start` indexes the first body line."""
    first = 0
    while first < len(lines) and lines[first] == "":
        first += 1
    if first == len(lines) or _key_line(lines[first]) is None:
        return TitlePage((), False, 0)
    keys: list[str] = []
    values: list[list[str]] = []
    k = first
    while k < len(lines) and lines[k] != "":
        text = lines[k]
        parsed = _key_line(text)
        if parsed is not None:
            keys.append(parsed[0])
            values.append([parsed[1]] if parsed[1] else [])
        elif text[:1] in (" ", "\t"):
            if text.strip():
                values[-1].append(strip_emphasis(text.strip()))
        else:
            break
        k += 1
    pairs = tuple((key, "\n".join(v)) for key, v in zip(keys, values, strict=True))
    if not any(value for _, value in pairs):
        return TitlePage((), False, 0)
    return TitlePage(pairs, _multicam(pairs), k)


def _key_line(text: str) -> tuple[str, str] | None:
    """(key, value) when `text` is a title-page key line, else None."""
    if not text or text[0] in " \t":
        return None
    key, colon, value = text.partition(":")
    key = key.strip()
    if not colon or not key or len(key) > _MAX_KEY_LENGTH:
        return None
    if not all(ch.isalnum() or ch in " -_." for ch in key):
        return None
    if key.lower() not in rules().title_page_keys and key.upper() == key:
        return None
    return key, strip_emphasis(value.strip())


def _multicam(pairs: tuple[tuple[str, str], ...]) -> bool:
    """True when a ``fmt:`` key lists ``multicam`` (jumpcut's layout switch)."""
    return any(
        key.lower() == "fmt" and "multicam" in value.lower().split()
        for key, value in pairs
    )
