"""A priced budget as one JSON object (``lynchpin budget show --json``; docs/budgeting-cli.md).

Amounts are strings of plain digits, printed once (half-up to the currency's minor unit,
the engine's `printed`); percentages, rates and cut-offs are strings too, rounded to
`CELL_PLACES` places. Keys: title, version, currency, levels, categories, accounts, fringes,
subtotal, charges, grand_total, incentives, net_total, violations. Everything in budget order.
"""

from __future__ import annotations

import json
from decimal import Decimal

from lynchpin.documents.budget_table import input_cell, money_cell, plain
from lynchpin.engine.budgeting.model import FringeKind, Level
from lynchpin.engine.budgeting.totals import Pricing


def _money(pricing: Pricing, amount: Decimal) -> str:
    return plain(money_cell(pricing, amount))


def _fringes(pricing: Pricing) -> list[dict[str, object]]:
    return [{"id": f.id, "name": f.name, "kind": f.kind.value, "rate": plain(input_cell(f.rate)),
             "per": f.per.value if f.kind is FringeKind.FLAT else None,
             "cutoff": None if f.cutoff is None else plain(input_cell(f.cutoff)),
             "total": _money(pricing, pricing.fringe_totals[f.id])}
            for f in pricing.budget.fringes]


def _charges(pricing: Pricing, incentives: bool) -> list[dict[str, object]]:
    items = pricing.incentives if incentives else pricing.charges
    return [{"id": c.id, "name": c.name, "base": _money(pricing, c.base),
             "amount": _money(pricing, c.amount)} for c in items]


def budget_summary(pricing: Pricing) -> dict[str, object]:
    """The JSON-ready summary: top sheet, accounts, fringes, charges, totals, violations."""
    budget = pricing.budget
    return {
        "title": budget.title, "version": budget.version, "currency": budget.currency,
        "levels": [{"level": level.value, "total": _money(pricing, pricing.levels[level])}
                   for level in Level],
        "categories": [{"code": c.code, "name": c.name, "level": c.level.value,
                        "total": _money(pricing, pricing.categories[c.code])}
                       for c in budget.categories],
        "accounts": [{"code": a.code, "name": a.name, "category": c.code,
                      "total": _money(pricing, pricing.accounts[a.code])}
                     for c, a in budget.accounts()],
        "fringes": _fringes(pricing),
        "subtotal": _money(pricing, pricing.subtotal),
        "charges": _charges(pricing, incentives=False),
        "grand_total": _money(pricing, pricing.grand_total),
        "incentives": _charges(pricing, incentives=True),
        "net_total": _money(pricing, pricing.net_total),
        "violations": [{"rule": v.rule, "severity": v.severity.value, "message": v.message,
                        "reference": v.reference} for v in pricing.violations],
    }


def render_budget_json(pricing: Pricing) -> str:
    """`budget_summary` as indented JSON text ending with a newline."""
    return json.dumps(budget_summary(pricing), indent=2, ensure_ascii=False) + "\n"
