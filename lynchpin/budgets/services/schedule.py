"""Re-pricing a budget from the schedule: preview every change, then apply exactly that.

The feed is the engine's value (`ScheduleFeed`, or the ``{key: Decimal}`` mapping
`feed_values` makes of it), so the schedules app can pass what its engine produces:
``budget_reprice_preview(actor=..., production_id=..., budget_id=..., feed=feed)``.
Only globals marked schedule-fed follow the feed, each through its feed key. The preview
lists the globals and every line that would change (old -> new) and the budget's revision;
applying with ``expected_revision=preview_revision`` refuses (Conflict) when anything in the
budget changed in between, so what is applied is what was previewed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models import F

from lynchpin.budgets.adapters import (
    Feed,
    PricedBudget,
    SchedulePreview,
    feed_mapping,
    priced_budget,
    remember,
    schedule_preview,
    shared,
)
from lynchpin.budgets.models import BudgetGlobal, BudgetVersion, valid_id
from lynchpin.budgets.services.common import computed, member, touch, version_for_update
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Conflict, NotFound
from lynchpin.core.roles import Capability

__all__ = ["RepriceResult", "RepriceSummary", "budget_reprice_from_schedule",
           "budget_reprice_preview", "budget_reprice_summary"]


@dataclass(frozen=True)
class RepriceSummary:
    """What a preview comes to: the grand total of version `version` at `revision` now and
    re-priced from the feed (full precision, the budget's currency), and how many lines
    change."""

    version: BudgetVersion
    old_grand_total: Decimal
    new_grand_total: Decimal
    lines: int
    revision: UUID


@dataclass(frozen=True)
class RepriceResult:
    """A preview (or what was applied) and the revision of the budget it was computed on
    (after applying: the new revision)."""

    version: BudgetVersion
    preview: SchedulePreview
    revision: UUID

    def summary(self) -> RepriceSummary:
        """The preview's grand totals and count of changed lines."""
        preview = self.preview
        return RepriceSummary(self.version, preview.old_grand_total, preview.new_grand_total,
                              len(preview.lines), self.revision)


def _links(version: BudgetVersion) -> dict[str, str]:
    rows = version.globals.filter(schedule_fed=True).values_list("name", "feed_key")
    return dict(rows)


def _version(production_id: int, budget_id: int | None) -> BudgetVersion:
    """Version `budget_id` of the production (None: the current one, the newest)."""
    versions = BudgetVersion.objects.filter(production_id=production_id)
    if budget_id is None:
        version = versions.order_by("-created", "-id").first()
    else:
        version = versions.filter(pk=budget_id).first() if valid_id(budget_id) else None
    if version is None:
        raise NotFound("Budget not found.")
    return version


def budget_reprice_preview(
    *, actor: Any, production_id: int, budget_id: int | None, feed: Feed
) -> RepriceResult:
    """What applying `feed` to version `budget_id` (None: the current one, the newest)
    would change; nothing is saved. Requires VIEW_MONEY; raises NotFound (no such version,
    or no budget at all), or Invalid naming a feed value that is not a finite Decimal."""
    membership = member(actor, production_id, Capability.VIEW_MONEY)
    version = _version(production_id, budget_id)
    priced = priced_budget(version, title=membership.production.title)
    preview = computed(lambda: schedule_preview(priced, _links(version), feed))
    return RepriceResult(version, preview, version.revision)


def budget_reprice_summary(*, actor: Any, production_id: int, feed: Feed) -> RepriceSummary:
    """`budget_reprice_preview` of the current version, summed up (what a stripboard and a
    strip move show). The sums are kept in the cache all processes share, under the
    version's revision and the feed's values (the globals a feed sets are part of the
    budget, so they change with the revision): a schedule state priced by one web process
    is not priced again by the others. Same rights and errors as the preview."""
    membership = member(actor, production_id, Capability.VIEW_MONEY)
    version = _version(production_id, None)
    values = feed_mapping(feed)
    printed = repr(sorted((key, str(value)) for key, value in values.items()))
    key = (f"budgets.reprice.{version.pk}.{version.revision}."
           f"{hashlib.sha256(printed.encode()).hexdigest()}")

    def sums() -> tuple[Decimal, Decimal, int]:
        priced = priced_budget(version, title=membership.production.title)
        preview = computed(lambda: schedule_preview(priced, _links(version), values))
        return preview.old_grand_total, preview.new_grand_total, len(preview.lines)

    old, new, lines = shared(key, sums)
    return RepriceSummary(version, old, new, lines, version.revision)


@transaction.atomic
def budget_reprice_from_schedule(
    *, actor: Any, production_id: int, budget_id: int, feed: Feed,
    expected_revision: UUID | str | None = None,
) -> RepriceResult:
    """Set every schedule-fed global to its feed value and re-price; returns the changes
    made (the same list the preview showed). Requires EDIT_BUDGET and an unlocked version;
    raises NotFound, Conflict (locked; or changed since the preview of
    `expected_revision`) or Invalid (bad feed value)."""
    membership = member(actor, production_id, Capability.EDIT_BUDGET)
    version = version_for_update(production_id, budget_id)
    if expected_revision is not None and str(version.revision) != str(expected_revision):
        raise Conflict("The budget changed since this preview was made; preview again to see "
                       "what re-pricing would change now.")
    priced = priced_budget(version, title=membership.production.title)
    preview = computed(lambda: schedule_preview(priced, _links(version), feed))
    for change in preview.globals:
        BudgetGlobal.objects.filter(budget=version, name=change.name).update(
            value=str(change.new), version=F("version") + 1)
    revision = touch(version) if preview.globals else version.revision
    if preview.globals:
        loaded = replace(priced.loaded, budget=preview.budget)
        remember(PricedBudget(version.pk, revision, loaded, preview.pricing))
    audit_record(
        actor=actor, action="budget.reprice_from_schedule", target=version,
        production_id=production_id,
        changes={**{c.name: [c.old, str(c.new)] for c in preview.globals},
                 "lines_changed": [None, len(preview.lines)]})
    return RepriceResult(version, preview, revision)
