"""Reads of budget versions: list, one, the current one, priced, compared; dashboard items.

Budgets are confidential: every selector needs VIEW_MONEY (Forbidden for other roles,
NotFound for outsiders and for another production's versions). The dashboard sources return
nothing to roles without VIEW_MONEY.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from lynchpin.budgets.adapters import PricedBudget, money, priced_budget
from lynchpin.budgets.models import BudgetVersion, valid_id
from lynchpin.core.access import can, membership_for, require
from lynchpin.core.dashboard import AttentionItem, KeyFigure, Level
from lynchpin.core.errors import Invalid, NotFound
from lynchpin.core.roles import Capability
from lynchpin.engine.budgeting.compare import MAX_VERSIONS, Comparison, compare_versions
from lynchpin.engine.errors import Severity

__all__ = [
    "budget_attention",
    "budget_compare",
    "budget_current",
    "budget_figures",
    "budget_get",
    "budget_list",
    "budget_priced",
    "money_member",
]


def money_member(actor: Any, production_id: int) -> Any:
    """The actor's membership, checked for VIEW_MONEY (NotFound, Forbidden)."""
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.VIEW_MONEY)
    return membership


def budget_list(*, actor: Any, production_id: int) -> QuerySet[BudgetVersion]:
    """The production's budget versions, oldest first (the original leads)."""
    money_member(actor, production_id)
    return (BudgetVersion.objects.filter(production_id=production_id)
            .select_related("based_on", "created_by", "locked_by").order_by("created", "id"))


def version_in(production_id: int, budget_id: int) -> BudgetVersion:
    version = None if not valid_id(budget_id) else (
        BudgetVersion.objects.select_related("based_on")
        .filter(pk=budget_id, production_id=production_id).first())
    if version is None:
        raise NotFound("Budget not found.")
    return version


def budget_get(*, actor: Any, production_id: int, budget_id: int) -> BudgetVersion:
    """One version of the production's budget."""
    money_member(actor, production_id)
    return version_in(production_id, budget_id)


def _newest(production_id: int) -> BudgetVersion | None:
    return (BudgetVersion.objects.filter(production_id=production_id)
            .order_by("-created", "-id").first())


def budget_current(*, actor: Any, production_id: int) -> BudgetVersion | None:
    """The current version: the newest one (revisions are made after the original), or
    None when the production has no budget yet."""
    money_member(actor, production_id)
    return _newest(production_id)


def budget_priced(
    *, actor: Any, production_id: int, budget_id: int | None = None
) -> PricedBudget:
    """Version `budget_id` (default: the current one) as an engine budget with its pricing:
    what the cost report, exports and other apps read (`.budget`, `.pricing`). Raises
    NotFound when there is no such version."""
    membership = money_member(actor, production_id)
    version = _newest(production_id) if budget_id is None else version_in(production_id,
                                                                          budget_id)
    if version is None:
        raise NotFound("This production has no budget yet.")
    return priced_budget(version, title=membership.production.title)


def budget_compare(
    *, actor: Any, production_id: int, budget_ids: Sequence[int]
) -> Comparison:
    """Two to four versions by account (the first is the base): each total and each later
    version's variance (positive: costs more). Raises Invalid for another count or for
    versions in different currencies, NotFound for a version of another production."""
    membership = money_member(actor, production_id)
    ids = list(dict.fromkeys(budget_ids))
    if not 2 <= len(ids) <= MAX_VERSIONS:
        raise Invalid(f"Choose 2 to {MAX_VERSIONS} different versions to compare.",
                      fields={"budget_ids": [f"Choose 2 to {MAX_VERSIONS} versions."]})
    title = membership.production.title
    budgets = [priced_budget(version_in(production_id, pk), title=title).budget for pk in ids]
    if len({budget.currency for budget in budgets}) != 1:
        raise Invalid("Versions in different currencies cannot be compared.",
                      fields={"budget_ids": ["Choose versions in one currency."]})
    return compare_versions(*budgets)


def budget_figures(*, actor: Any, membership: Any) -> list[KeyFigure]:
    """Dashboard figure: the current budget's grand total (money roles only)."""
    if not can(membership, Capability.VIEW_MONEY):
        return []
    version = _newest(membership.production_id)
    if version is None:
        return []
    priced = priced_budget(version, title=membership.production.title)
    total = money(priced.pricing, priced.pricing.grand_total)
    url = reverse("budgets:topsheet", kwargs={"production_id": membership.production_id,
                                              "budget_id": version.pk})
    return [KeyFigure("Budget", f"{total:,} {version.currency}", url=url, note=version.name)]


def budget_attention(*, actor: Any, membership: Any) -> list[AttentionItem]:
    """Dashboard item: problems in the current budget (money roles only)."""
    if not can(membership, Capability.VIEW_MONEY):
        return []
    version = _newest(membership.production_id)
    if version is None:
        return []
    violations = priced_budget(version, title=membership.production.title).pricing.violations
    errors = sum(1 for v in violations if v.severity is Severity.ERROR)
    if not violations:
        return []
    url = reverse("budgets:topsheet", kwargs={"production_id": membership.production_id,
                                              "budget_id": version.pk})
    noun = "problem" if len(violations) == 1 else "problems"
    level = Level.ERROR if errors else Level.WARNING
    message = f"{len(violations)} {noun} in budget \u201c{version.name}\u201d."
    return [AttentionItem(message, level, url, len(violations))]
