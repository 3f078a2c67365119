"""Type stub of the compiled talent search (talent_compiled.pyx)."""

from collections.abc import Callable, Sequence

GOAL: int
STOPPED: int
EXHAUSTED: int

class CompiledSearch:
    def __init__(
        self,
        masks: Sequence[int],
        durations: Sequence[int],
        costs: Sequence[int],
        supersets: Sequence[Sequence[int]],
        triples: Sequence[tuple[int, int]],
    ) -> None: ...
    def run(
        self,
        upper: int,
        dive: Callable[[tuple[int, ...], int, int], int],
        expired: Callable[[], bool],
        max_states: int,
        check_every: int,
        dive_every: int,
    ) -> tuple[int, int, tuple[int, ...]]: ...

def memo_slot(left: int, scenes: int) -> int: ...
def memo_bits() -> int: ...
