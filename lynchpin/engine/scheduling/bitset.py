"""Sets of small integers (scene or actor indexes) kept as Python int bit masks."""

from __future__ import annotations


def set_bits(mask: int) -> list[int]:
    """Indexes of the set bits of `mask`, lowest first (``0b1010`` -> ``[1, 3]``)."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out
