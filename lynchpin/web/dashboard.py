"""What the production dashboard shows: key figures and "needs attention" items from apps.

Each app lists a selector here by dotted path; it is called with ``actor=`` and
``membership=`` and returns `KeyFigure`s or `AttentionItem`s (lynchpin.core.dashboard),
already filtered by what the member may see. Sources are imported by name, so the shell does
not import the apps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.module_loading import import_string

from lynchpin.core.dashboard import AttentionItem, KeyFigure, Level

__all__ = ["ATTENTION_SOURCES", "FIGURE_SOURCES", "Dashboard", "dashboard_for"]

FIGURE_SOURCES: tuple[str, ...] = (
    "lynchpin.productions.selectors.production_figures",
    "lynchpin.people.selectors.people_figures",
    "lynchpin.people.timecards.selectors.timecard_figures",
    "lynchpin.scripts.selectors.scripts_figures",
    "lynchpin.accounting.selectors.accounting_figures",
    "lynchpin.budgets.selectors.budget_figures",
    "lynchpin.schedules.selectors.schedules_figures",
)

ATTENTION_SOURCES: tuple[str, ...] = (
    "lynchpin.productions.selectors.production_attention",
    "lynchpin.people.selectors.people_attention",
    "lynchpin.people.timecards.selectors.timecard_attention",
    "lynchpin.scripts.selectors.scripts_attention",
    "lynchpin.accounting.selectors.accounting_attention",
    "lynchpin.budgets.selectors.budget_attention",
    "lynchpin.schedules.selectors.schedules_attention",
)

_LEVEL_ORDER = {Level.ERROR: 0, Level.WARNING: 1, Level.INFO: 2}


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Everything the dashboard page shows besides the production itself."""

    figures: tuple[KeyFigure, ...]
    attention: tuple[AttentionItem, ...]


def dashboard_for(*, actor: Any, membership: Any) -> Dashboard:
    """Collect figures (in source order) and attention items (most urgent first)."""
    figures: list[KeyFigure] = []
    for path in FIGURE_SOURCES:
        figures.extend(import_string(path)(actor=actor, membership=membership))
    attention: list[AttentionItem] = []
    for path in ATTENTION_SOURCES:
        attention.extend(import_string(path)(actor=actor, membership=membership))
    attention.sort(key=lambda item: _LEVEL_ORDER[item.level])
    return Dashboard(tuple(figures), tuple(attention))
