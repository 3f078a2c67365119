"""Fountain line tests: what a single (stripped, emphasis-free) line can be.

Each test looks at one line only; the paragraph rules (blank line before and after a heading,
a cue followed by text) live in fountain_body.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lynchpin.engine.screenplay.fountain_rules import rules
from lynchpin.engine.screenplay.fountain_text import strip_emphasis
from lynchpin.engine.screenplay.model import character_name


class Line(NamedTuple):
    """A body line: source number, text with emphasis removed, that text stripped.

    `soft_blank` marks a "two spaces" line (blank inside dialogue); `structural` caches
    `is_structural(stripped)`, which the paragraph reader asks about every line twice.
    A NamedTuple (immutable, cheaper to build than a frozen dataclass): one is made per line.
    """

    number: int
    plain: str
    stripped: str
    soft_blank: bool = False
    structural: bool = False


def prepare(number: int, text: str) -> Line:
    """Source line `number` (text `text`) with emphasis stripped; notes whether it is a "two
    spaces" line (blank inside dialogue) and whether it is structural."""
    plain = strip_emphasis(text) if ("*" in text or "_" in text) else text
    stripped = plain.strip()
    if stripped:
        first = stripped[0]
        structural = first in "=#" or (first == ">" and is_centered(stripped))
        return _new_line(Line, (number, plain, stripped, False, structural))
    return Line(number, plain, stripped, len(text) >= 2 and not text.strip(" \t"), False)


_new_line = tuple.__new__  # NamedTuple's own __new__ is a Python function; skip it when hot


def is_page_break(s: str) -> bool:
    """``===`` (three or more ``=`` and nothing else)."""
    return len(s) >= 3 and not s.strip("=")


def is_synopsis(s: str) -> bool:
    """``= text`` (but not a page break)."""
    return s.startswith("=") and not is_page_break(s)


def is_section(s: str) -> bool:
    """``# Act``, ``## Sequence``..."""
    return s.startswith("#")


def is_centered(s: str) -> bool:
    """``> text <``."""
    return len(s) >= 2 and s.startswith(">") and s.endswith("<")


def is_structural(s: str) -> bool:
    """Lines that stand alone whatever surrounds them: sections, synopses, breaks, centred.

    Same as ``is_page_break or is_synopsis or is_section or is_centered``, decided on the
    first character (every page break and synopsis starts with ``=``).
    """
    first = s[:1]
    if first == "=" or first == "#":
        return True
    return first == ">" and is_centered(s)


def _heading_prefix() -> re.Pattern[str]:
    """INT, EXT... (longest first, as `rules` orders them) then ``.`` or a space."""
    alternatives = "|".join(re.escape(prefix) for prefix in rules().heading_prefixes)
    return re.compile(f"(?:{alternatives})[. ]")


# Built once at import (rules() reads the package's JSON file): these are read for nearly
# every paragraph, where even a cached function call costs more than the test itself.
_HEADING_PREFIX = _heading_prefix()
_TRANSITION_SUFFIX = rules().transition_suffix


def has_heading_prefix(s: str) -> bool:
    """INT, EXT, EST, INT./EXT, INT/EXT, I/E... followed by ``.`` or a space, then text.

    The prefix is matched on the upper-cased first 12 characters (alternatives tried in
    order, as a loop over the prefixes would); the text after it must not be only dots.
    """
    match = _HEADING_PREFIX.match(s[:12].upper())
    return match is not None and bool(s[match.end() :].strip(" ."))


def heading_text(s: str) -> str | None:
    """The heading text (``.`` of a forced heading removed) when `s` can be a heading."""
    if s.startswith(".") and len(s) > 1 and s[1] != "." and not s[1].isspace():
        return s[1:].strip()
    if has_heading_prefix(s):
        return s
    return None


def split_scene_number(heading: str) -> tuple[str, str]:
    """``"INT. HOUSE - DAY #12A#"`` -> ``("INT. HOUSE - DAY", "12A")``; no number -> ``""``."""
    text = heading.rstrip()
    if not text.endswith("#"):
        return text, ""
    opening = text.rfind("#", 0, len(text) - 1)
    number = text[opening + 1 : -1] if opening >= 0 else ""
    if not number or not all(ch.isalnum() or ch in ".-" for ch in number):
        return text, ""
    return text[:opening].rstrip(), number


def transition_text(s: str) -> str | None:
    """Transition text: forced ``> TEXT`` or an upper-case line ending in ``TO:``."""
    if s.startswith(">") and not is_centered(s):
        return s[1:].strip() or None
    if s.endswith(_TRANSITION_SUFFIX) and s.upper() == s and s.lower() != s:
        return s
    return None


_NOT_CUE_START = frozenset("!.>~=#([")


def is_cue(s: str) -> bool:
    """A character cue: ``@Name`` or a name whose letters outside brackets are capitals.

    Extensions in brackets may be any case; a trailing ``^`` (dual dialogue) is allowed.
    Lines that are forced other elements, end in ``:`` or start like a heading are not cues.
    """
    if s.startswith("@"):
        return bool(character_name(s))
    if not s or s[0] in _NOT_CUE_START or s.endswith(":") or has_heading_prefix(s):
        return False
    name = s.removesuffix("^")
    outside = _outside_brackets(name) if "(" in name else name
    if outside.isascii():
        # ASCII: "no lower-case letter and at least one letter", in C.
        return outside.upper() == outside and outside.lower() != outside
    cased = [ch for ch in outside if ch.lower() != ch.upper()]
    return bool(cased) and not any(ch.islower() for ch in cased)


def _outside_brackets(s: str) -> str:
    depth = 0
    kept: list[str] = []
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(ch)
    return "".join(kept)


def cue_text(s: str) -> tuple[str, bool]:
    """The cue as printed (no ``@``, no ``^``) and whether it carried the dual-dialogue ``^``."""
    dual = s.endswith("^")
    text = s.removesuffix("^").rstrip().removeprefix("@").strip()
    return text, dual


def reflow(pieces: list[str]) -> str:
    """Join hard-wrapped line pieces with spaces; a word broken after a hyphen is rejoined.

    ``["snow-", "covered peaks"]`` -> ``"snow-covered peaks"``, but a spaced dash
    (``"country --"``) keeps its space.
    """
    out: list[str] = []
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        last = out[-1] if out else ""
        if last.endswith("-") and not last.endswith("--") and last[-2:-1].isalpha():
            out.append(piece)
        else:
            out.extend((" ", piece) if out else (piece,))
    return "".join(out)
