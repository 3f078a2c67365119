"""Colour helpers for documents: readable text on a coloured background."""

from __future__ import annotations


def text_colour_on(background: str) -> str:
    """``"#000000"`` or ``"#ffffff"``, whichever reads better on `background` (``#rrggbb``).

    Uses the WCAG relative-luminance formula; an unreadable colour string gives black.
    """
    hex_digits = background.strip().lstrip("#")
    if len(hex_digits) != 6:
        return "#000000"
    try:
        channels = [int(hex_digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    except ValueError:
        return "#000000"
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    # Contrast with black beats contrast with white above this luminance (WCAG maths).
    return "#000000" if luminance > 0.179 else "#ffffff"


def css_colour(value: str, default: str = "#dddddd") -> str:
    """`value` when it is a ``#rrggbb`` colour, else `default` (never raw text into CSS)."""
    digits = value.strip().lstrip("#")
    if len(digits) == 6 and all(c in "0123456789abcdefABCDEF" for c in digits):
        return "#" + digits.lower()
    return default
