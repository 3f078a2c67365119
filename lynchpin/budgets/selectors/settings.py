"""Reads of a version's settings (charges, incentives, groups, people, exchange rates, units),
each item with the token an editor sends back to change it. VIEW_MONEY only."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lynchpin.budgets.adapters import (
    SETTING_KEYS,
    item_token,
    money,
    priced_budget,
    setting_items,
)
from lynchpin.budgets.selectors.versions import money_member, version_in

__all__ = ["SettingItem", "budget_settings"]


@dataclass(frozen=True, slots=True)
class SettingItem:
    """One stored item (its fields as stored, ``id`` included), its token, and for charges
    and incentives the printed base and amount of the version's pricing (else None)."""

    fields: dict[str, Any]
    token: str
    base: Decimal | None = None
    amount: Decimal | None = None

    @property
    def id(self) -> str:
        """The item's id (a code, a person's id, a currency)."""
        return str(self.fields["id"])


def budget_settings(*, actor: Any, production_id: int,
                    budget_id: int) -> dict[str, list[SettingItem]]:
    """Every setting key (`adapters.SETTING_KEYS`, in that order) -> its items in order."""
    membership = money_member(actor, production_id)
    version = version_in(production_id, budget_id)
    pricing = priced_budget(version, title=membership.production.title).pricing
    amounts = {("charges", c.id): c for c in pricing.charges}
    amounts |= {("incentives", i.id): i for i in pricing.incentives}
    result: dict[str, list[SettingItem]] = {}
    for key in SETTING_KEYS:
        result[key] = []
        for item in setting_items(version.extras, key):
            priced = amounts.get((key, item["id"]))
            result[key].append(SettingItem(
                item, item_token(item),
                None if priced is None else money(pricing, priced.base),
                None if priced is None else money(pricing, priced.amount)))
    return result
