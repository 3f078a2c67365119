"""Limits and result of the exact talent searches (shared by the one- and two-ended search)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SearchLimits:
    """When to stop: `deadline` on the injected `clock` (None: never), and a state budget."""

    clock: Callable[[], float] | None = None
    deadline: float | None = None
    max_states: int = 4_000_000

    def expired(self) -> bool:
        """True once the clock has passed the deadline."""
        return (
            self.clock is not None and self.deadline is not None and (self.clock() >= self.deadline)
        )


@dataclass(frozen=True, slots=True)
class Found:
    """Search result on the reduced instance: group order, holding-cost bound, proof flag."""

    order: tuple[int, ...]
    holding: int
    lower_bound: int
    optimal: bool


def never() -> bool:
    """A `should_stop` that never stops."""
    return False
