"""What an app contributes to a production's dashboard: attention items and key figures.

Apps write small selectors returning these values (e.g. "12 breakdown suggestions to review")
and list them in lynchpin.web.dashboard; the dashboard page shows them to the member. Each
source is called as ``source(actor=..., membership=...)`` and must itself respect the
member's capabilities (return nothing the role may not see).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["AttentionItem", "KeyFigure", "Level"]


class Level(StrEnum):
    """How urgent an attention item is (ordering and colour on the dashboard)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """Something a member should act on; `url` leads to where it is dealt with."""

    message: str
    level: Level = Level.WARNING
    url: str = ""
    count: int | None = None


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """One headline number of the production (`value` already formatted for display)."""

    label: str
    value: str
    url: str = ""
    note: str = ""
