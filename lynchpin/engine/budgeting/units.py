"""Units of detail lines and their hour equivalences (Day 12 h, Week 60 h, Month 240 h).

Defaults are data (`units.json`, with its source); a budget's own `units` replace defaults of
the same name, so hours are editable per budget. Units are matched case-insensitively.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path

from lynchpin.engine.budgeting.model import Budget, FlatPer, Unit

_DATA = Path(__file__).with_name("units.json")


@cache
def default_units() -> tuple[Unit, ...]:
    """The default units, in data-file order."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return tuple(
        Unit(item["name"], None if item["hours"] is None else Decimal(item["hours"]))
        for item in data["units"]
    )


def unit_table(budget: Budget) -> Mapping[str, Unit]:
    """Units by lower-case name: the defaults overridden by the budget's own units."""
    table = {unit.name.lower(): unit for unit in default_units()}
    table.update({unit.name.lower(): unit for unit in budget.units})
    return table


def hours_per(per: FlatPer, table: Mapping[str, Unit]) -> Decimal | None:
    """Hours in one `per` period (hour 1, day and week through the table); None for UNIT."""
    if per is FlatPer.HOUR:
        return Decimal(1)
    if per is FlatPer.UNIT:
        return None
    unit = table.get(per.value)
    return unit.hours if unit is not None else None
