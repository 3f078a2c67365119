"""Scene numbers across drafts: which numbers a draft carries, and locked A-numbering.

Scene numbers are strings (``"12"``, ``"12A"``, ``"A1"``). A draft counts as *numbered* only
when every scene carries a number and no number repeats; any other draft is treated as
unnumbered and its scenes are numbered ``"1".."n"`` by position (the convention of an
unlocked draft, and of the breakdown report).

Locked numbering (the production convention once a shooting script is issued): a scene that
existed before keeps its old number whatever its position; a scene inserted after scene 12
becomes 12A, then 12B; after 12A comes 12B; a scene inserted before the first scene becomes
A1, then B1; numbers of omitted scenes are never reused. The numbering is an order-preserving
choice where one exists (between 12A and 12B the next free number is 12AA); where none does
(between 12 and an existing 12A) the first free candidate is used, so numbers stay unique.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import islice, product
from string import ascii_uppercase

from lynchpin.engine.screenplay.model import Script

_NUMBER = re.compile(r"([A-Z]*)([0-9]+)([A-Z]*)")

#: Candidates tried while looking for a number that also keeps number order (one letter,
#: then two letters); past that, uniqueness wins over order.
_ORDERED_TRIES = 26 + 26 * 26


def draft_numbers(script: Script) -> tuple[tuple[str, ...], bool]:
    """The scene numbers of `script` in scene order, and whether the draft is numbered.

    A numbered draft (every scene numbered, all numbers distinct) keeps its own numbers;
    otherwise the numbers are the 1-based positions ``"1".."n"``.
    """
    numbers = tuple(scene.number.strip().upper() for scene in script.scenes)
    numbered = bool(numbers) and all(numbers) and len(set(numbers)) == len(numbers)
    if numbered:
        return numbers, True
    return tuple(str(k + 1) for k in range(len(numbers))), False


def number_key(number: str) -> tuple[int, int, str, str] | None:
    """A sort key for ``[prefix letters] digits [suffix letters]`` numbers, else None.

    Order: A1 < B1 < 1 < 1A < 1AA < 1B < 2. Case is ignored. Numbers of any other shape
    (``"12-1"``, ``"I"``) have no key and are never compared.
    """
    match = _NUMBER.fullmatch(number.strip().upper())
    if match is None:
        return None
    prefix, digits, suffix = match.groups()
    return int(digits), 0 if prefix else 1, prefix, suffix


def fill_numbers(locked: Sequence[str | None], taken: set[str]) -> tuple[str, ...]:
    """Give every None in `locked` (an inserted scene) a new, unused number.

    `locked` holds the new draft's scenes in order: the kept (old) number of a scene that
    existed before, None for an inserted one. `taken` holds every old number, omitted ones
    included; it is not modified. The result has no repeated number when the kept numbers
    are distinct.
    """
    used = set(taken) | {n for n in locked if n is not None}
    following = _next_kept(locked)
    result: list[str] = []
    previous: str | None = None
    for k, number in enumerate(locked):
        if number is None:
            if previous is None:
                number = _before_first(following[k], used)
            else:
                number = _after(result[-1], following[k], used)
            used.add(number)
        else:
            previous = number
        result.append(number)
    return tuple(result)


def _next_kept(locked: Sequence[str | None]) -> list[str | None]:
    """For each position, the next kept number at or after it (None when there is none)."""
    following: list[str | None] = [None] * len(locked)
    upcoming: str | None = None
    for k in range(len(locked) - 1, -1, -1):
        if locked[k] is not None:
            upcoming = locked[k]
        following[k] = upcoming
    return following


def _before_first(upcoming: str | None, used: set[str]) -> str:
    """A number for a scene inserted before every kept scene: A1, B1, ... before scene 1.

    With no kept scene at all the scene continues after the highest old number (1 for an
    empty old draft), so omitted numbers are still not reused.
    """
    if upcoming is None:
        highest = max((key[0] for key in map(number_key, used) if key is not None), default=0)
        return next(str(n) for n in _count_from(highest + 1) if str(n) not in used)
    return next(p + upcoming for p in _letter_strings() if p + upcoming not in used)


def _after(previous: str, upcoming: str | None, used: set[str]) -> str:
    """The first free candidate after `previous`, preferring one that sorts before `upcoming`."""
    limit = number_key(upcoming) if upcoming is not None else None
    for candidate in islice(_candidates(previous), _ORDERED_TRIES):
        key = number_key(candidate)
        in_order = limit is None or key is None or key < limit
        if candidate not in used and in_order:
            return candidate
    return next(c for c in _candidates(previous) if c not in used)


def _candidates(previous: str) -> Iterator[str]:
    """Numbers after `previous` in preference order: 12 -> 12A, 12B...; 12A -> 12B...12Z, 12AA...

    Endless, so a free candidate always exists.
    """
    upper = previous.strip().upper()
    match = _NUMBER.fullmatch(upper)
    if match is not None and match.group(3):
        last = upper[-1]
        for letter in ascii_uppercase[ascii_uppercase.index(last) + 1 :]:
            yield upper[:-1] + letter
    for letters in _letter_strings():
        yield upper + letters


def _letter_strings() -> Iterator[str]:
    """A, B, ... Z, AA, AB, ... ZZ, AAA, ... (endless)."""
    for size in _count_from(1):
        for letters in product(ascii_uppercase, repeat=size):
            yield "".join(letters)


def _count_from(start: int) -> Iterator[int]:
    """start, start + 1, ... (endless)."""
    value = start
    while True:
        yield value
        value += 1
