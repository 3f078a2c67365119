"""Whether the talent solver uses its compiled inner loops (`talent_compiled`, built by setup.py).

The compiled search, local search and three-actor optima repeat the pure-Python ones operation
for operation, so the results are identical (see docs/decisions/0004-compiled-talent-search.md);
they are used when the extension was built, `USE_COMPILED` is true (tests switch it off to check
the fallback) and the reduced instance fits them (`fits`). Otherwise the pure-Python code runs.
"""

from __future__ import annotations

from types import ModuleType

from lynchpin.engine.scheduling.talent_bound import TalentCore

try:
    from lynchpin.engine.scheduling import talent_compiled as _compiled
except ImportError:  # pragma: no cover - depends on the build
    _compiled = None  # type: ignore[assignment]

#: Use the compiled code when it is built and the instance fits it (tests switch it off).
USE_COMPILED = True
#: Doubles hold integers exactly below this; the compiled bound needs the sum of squared daily
#: costs below it (as exact as Python's floats).
EXACT_DOUBLE = 2**53
#: The compiled heap keeps holding costs in 32-bit halves of its keys: every holding cost (at
#: most all days times all daily costs) must stay below this.
MAX_HOLDING = 2**31


def built() -> bool:
    """True when the compiled extension could be imported."""
    return _compiled is not None


def compiled_for(core: TalentCore) -> ModuleType | None:
    """The compiled module when it should serve `core`, else None (use the Python code)."""
    if not USE_COMPILED or _compiled is None or not fits(core):
        return None
    return _compiled


def fits(core: TalentCore) -> bool:
    """True when the compiled code handles `core` exactly: uint64 sets, exact doubles, 32 bits.

    Fewer than 64 scenes and at most 56 actors (bitmasks), squared daily costs summing below
    2**53, and all days times all daily costs (a bound on any holding cost) below 2**31.
    """
    squares = sum(c * c for c in core.costs)
    worst = sum(core.durations) * sum(core.costs)
    return core.n < 64 and core.m <= 56 and squares < EXACT_DOUBLE and worst < MAX_HOLDING
