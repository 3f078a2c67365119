"""Page lengths in eighths of a page, the production office's unit of script length.

Invariants: a page is 8 eighths; lengths are non-negative integers; a scene that occupies
any space at all counts at least 1/8 (``lines_to_eighths`` enforces it).
"""

from __future__ import annotations

EIGHTHS_PER_PAGE = 8


def lines_to_eighths(lines: int, lines_per_page: int) -> int:
    """Eighths of a page taken by `lines` body lines: ``max(1, ceil(lines * 8 / lines_per_page))``.

    This is Final Draft's rounding (always up, never below 1/8). Raises ValueError for
    negative lines or a non-positive page height.
    """
    if lines < 0 or lines_per_page <= 0:
        raise ValueError(f"bad line count {lines} on a {lines_per_page}-line page")
    return max(1, -(-lines * EIGHTHS_PER_PAGE // lines_per_page))


def format_eighths(eighths: int) -> str:
    """Show a length the way strip boards do.

    ``11`` -> ``"1 3/8"``, ``8`` -> ``"1"``, ``3`` -> ``"3/8"``, ``0`` -> ``"0"``.
    """
    if eighths < 0:
        raise ValueError(f"negative length {eighths}")
    pages, rest = divmod(eighths, EIGHTHS_PER_PAGE)
    if rest == 0:
        return str(pages)
    if pages == 0:
        return f"{rest}/8"
    return f"{pages} {rest}/8"


def parse_eighths(text: str) -> int:
    """Read ``"1 3/8"``, ``"3/8"``, ``"2"`` (Final Draft's ``SceneProperties Length``) as eighths.

    Raises ValueError on anything else, naming the text.
    """
    parts = text.split()
    try:
        if len(parts) == 1 and "/" not in parts[0]:
            whole, frac = int(parts[0]), "0/8"
        elif len(parts) == 1:
            whole, frac = 0, parts[0]
        elif len(parts) == 2:
            whole, frac = int(parts[0]), parts[1]
        else:
            raise ValueError(text)
        num, den = (int(p) for p in frac.split("/"))
    except ValueError:
        raise ValueError(f"not a page length in eighths: {text!r}") from None
    if den <= 0 or whole < 0 or num < 0:
        raise ValueError(f"not a page length in eighths: {text!r}")
    return whole * EIGHTHS_PER_PAGE + (num * EIGHTHS_PER_PAGE) // den
