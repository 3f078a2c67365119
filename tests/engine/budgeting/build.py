"""Small builders for budgeting tests."""

from __future__ import annotations

from decimal import Decimal

from lynchpin.engine.budgeting.model import (
    Account,
    Budget,
    Category,
    DetailLine,
    FlatPer,
    Fringe,
    FringeKind,
    Level,
)

D = Decimal

PH = Fringe("PH", "Pension & health", FringeKind.FLAT, D("1.00"), FlatPer.HOUR)
FUTA = Fringe("FUTA", "Federal unemployment", FringeKind.PERCENT, D("0.6"), cutoff=D(7000))
SS = Fringe("SS", "Social Security", FringeKind.PERCENT, D("6.2"), cutoff=D(168600))
VAC = Fringe("VAC", "Vacation", FringeKind.PERCENT, D("4"))


def one_account(*lines: DetailLine, **fields: object) -> Budget:
    """A USD budget with one production category 2000 and one account 2001."""
    category = Category("2000", "Production Staff", Level.PRODUCTION,
                        (Account("2001", "Staff", tuple(lines)),))
    defaults: dict[str, object] = {"fringes": (PH, FUTA, SS, VAC)}
    defaults.update(fields)
    return Budget("Test", "USD", categories=(category,), **defaults)  # type: ignore[arg-type]


def wage(description: str, rate: str, *fringes: str, person: str | None = "ann",
         individual: bool = False, amount: str = "1", unit: str = "Allow") -> DetailLine:
    """A line of `amount` `unit` at `rate`."""
    return DetailLine(description, D(amount), unit, rate=D(rate), fringes=fringes,
                      person=person, individual=individual)
