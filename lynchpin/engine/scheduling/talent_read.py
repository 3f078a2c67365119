"""Tokenizer and parser for the canonical talent-scheduling text format (see `talent`).

Linear time: one pass over whitespace-separated tokens, each remembered with its 1-based line so
errors can name it. Line breaks are cosmetic in the format, so only token counts matter.
"""

from __future__ import annotations

from collections.abc import Iterator

from lynchpin.engine.errors import InputError

Parsed = tuple[str, tuple[int, ...], tuple[int, ...], tuple[frozenset[int], ...]]


class _Tokens:
    """The tokens of a text with their line numbers, read front to back."""

    def __init__(self, text: str, source: str) -> None:
        self._items = list(_tokens_with_lines(text))
        self._next = 0
        self.source = source

    def word(self, what: str) -> tuple[str, int]:
        """The next token and its line; InputError naming `what` when the text ends early."""
        if self._next >= len(self._items):
            line = self._items[-1][1] if self._items else None
            raise InputError(f"file ends early: expected {what}", source=self.source, line=line)
        token, line = self._items[self._next]
        self._next += 1
        return token, line

    def integer(self, what: str, *, minimum: int, maximum: int | None = None) -> int:
        """The next token as an integer in [minimum, maximum]; InputError naming it otherwise."""
        token, line = self.word(what)
        if not _is_decimal(token):
            raise InputError(f"{what}: {token!r} is not an integer", source=self.source, line=line)
        value = int(token)
        if value < minimum:
            raise InputError(
                f"{what}: {value} is below the minimum {minimum}", source=self.source, line=line
            )
        if maximum is not None and value > maximum:
            raise InputError(
                f"{what}: {value} is above the maximum {maximum}", source=self.source, line=line
            )
        return value

    def finish(self) -> None:
        """InputError if tokens are left over (the counts n and m were too small)."""
        if self._next < len(self._items):
            token, line = self._items[self._next]
            raise InputError(
                f"unexpected extra token {token!r} after the scene durations "
                "(check the scene and actor counts)",
                source=self.source,
                line=line,
            )


def parse_talent(text: str, *, source: str = "") -> Parsed:
    """(name, durations, costs, cast per scene) from the text; InputError on bad input."""
    tokens = _Tokens(text, source)
    if not text.strip():
        raise InputError("empty file: expected a talent-scheduling instance", source=source)
    name, _ = tokens.word("the instance name")
    scenes = tokens.integer("number of scenes", minimum=1)
    actors = tokens.integer("number of actors", minimum=0)
    if scenes > 10_000 or actors > 10_000:
        raise InputError(f"too large: {scenes} scenes x {actors} actors", source=source)
    cast: list[set[int]] = [set() for _ in range(scenes)]
    costs: list[int] = []
    for actor in range(actors):
        for scene in range(scenes):
            flag = tokens.integer(
                f"actor {actor + 1}, scene {scene + 1} flag (0/1)", minimum=0, maximum=1
            )
            if flag == 1:
                cast[scene].add(actor)
        costs.append(tokens.integer(f"actor {actor + 1} daily cost", minimum=0))
    durations = tuple(
        tokens.integer(f"scene {scene + 1} duration", minimum=1) for scene in range(scenes)
    )
    tokens.finish()
    return name, durations, tuple(costs), tuple(frozenset(c) for c in cast)


def _tokens_with_lines(text: str) -> Iterator[tuple[str, int]]:
    """Every whitespace-separated token with its 1-based line number."""
    for number, line in enumerate(text.splitlines(), start=1):
        for token in line.split():
            yield token, number


def _is_decimal(token: str) -> bool:
    """True for an optionally signed run of ASCII digits (no underscores, no unicode digits)."""
    digits = token[1:] if token[:1] in "+-" else token
    return digits.isascii() and digits.isdigit()
