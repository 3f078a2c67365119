"""Values of the labour engine: deals, timecards, pay lines.

Units and invariants:
- Times are `datetime` values in the location's local time (all of one timecard naive, or all
  aware); a wrap after midnight is simply a later datetime.
- Hours are `Decimal` hours (``Decimal("10.5")``); worked time is measured in whole minutes
  and rounded to the agreement's increment (tenths of an hour, a quarter, a minute) once.
- Money is `Money` at full precision; pay lines keep the exact amount and rounding to the
  currency's minor unit happens once, on a total (`DayPay.total`, `WeekPay.total`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from lynchpin.engine.errors import Violation
from lynchpin.engine.money import Money, total

__all__ = [
    "Basis",
    "DayKind",
    "DayPay",
    "Deal",
    "Meal",
    "MealKind",
    "PayKind",
    "PayLine",
    "Timecard",
    "WeekPay",
]


class Basis(StrEnum):
    """How a deal's rate is stated.

    ``daily``: a day rate for `guaranteed_hours` ("$500/10"; "$400" with no hours is $400/8
    under California law); ``hourly``: an hourly rate; ``weekly``: a week's rate for
    `guaranteed_hours` a week; ``flat``: a day rate with no overtime at all.
    """

    DAILY = "daily"
    HOURLY = "hourly"
    WEEKLY = "weekly"
    FLAT = "flat"


@dataclass(frozen=True, slots=True)
class Deal:
    """A deal memo: what one person is paid, under which agreement.

    `rate` is per day (daily, flat), per hour (hourly) or per week (weekly); `guaranteed_hours`
    is per day for daily deals and per week for weekly deals, None for hourly and flat.
    `kit_rental` and `allowances` are paid per day worked (allowances by name, e.g. ``car``).
    `overtime_exempt` pays no overtime premiums (meal penalties and forced calls still apply).
    `performer_class` picks the agreement's rules for performers (``day`` or ``weekly``) and is
    empty for crew.
    """

    person: str
    position: str
    agreement: str
    rate: Money
    basis: Basis
    guaranteed_hours: Decimal | None = None
    department: str = ""
    kit_rental: Money | None = None
    allowances: tuple[tuple[str, Money], ...] = ()
    overtime_exempt: bool = False
    performer_class: str = ""


class MealKind(StrEnum):
    """A meal break: a deductible meal (unpaid, stops the work clock) or a non-deductible
    breakfast (paid, taken within the agreement's window after call, resets the meal clock)."""

    MEAL = "meal"
    NDB = "ndb"


@dataclass(frozen=True, slots=True)
class Meal:
    """One meal break from `out` (work stops) to `back` (work resumes)."""

    out: datetime
    back: datetime
    kind: MealKind = MealKind.MEAL


@dataclass(frozen=True, slots=True)
class Timecard:
    """One person's day: call, meals in order, wrap, and travel before and after.

    `wrap` is when the person's work ends on set; `travel_after` (hours) runs from wrap to the
    end of duty, from which the rest period (turnaround) is counted. `travel_before` is paid
    time before call. `holiday` marks a holiday worked; `worked` False records a day off.
    Invariants (checked by `worktime.check_timecard`, which raises InputError naming the
    field): call < every meal out < its back < next meal out < wrap.
    """

    person: str
    day: date
    call: datetime
    wrap: datetime
    meals: tuple[Meal, ...] = ()
    travel_before: Decimal = Decimal(0)
    travel_after: Decimal = Decimal(0)
    holiday: bool = False


class DayKind(StrEnum):
    """Which band table of an agreement applies to a day."""

    REGULAR = "regular"
    SIXTH = "sixth"
    SEVENTH = "seventh"
    HOLIDAY = "holiday"


class PayKind(StrEnum):
    """What a pay line pays for."""

    STRAIGHT = "straight"          # hours at 1x
    OVERTIME = "overtime"          # hours at a premium below the golden threshold
    GOLDEN = "golden"              # hours past the golden-hour threshold
    WEEKLY_OVERTIME = "weekly_overtime"  # straight hours promoted past the weekly limit
    GUARANTEE = "guarantee"        # top-up to the guaranteed (minimum call) hours
    MEAL_PENALTY = "meal_penalty"
    FORCED_CALL = "forced_call"    # rest period (turnaround) invaded
    TRAVEL = "travel"
    FLAT = "flat"                  # flat-deal day rate
    KIT = "kit"
    ALLOWANCE = "allowance"


@dataclass(frozen=True, slots=True)
class PayLine:
    """One line of a person's pay for a day.

    `hours` are the clock hours the line covers (0 for amounts such as penalties);
    `multiplier` applies to the straight hourly `rate`; `amount` is exact (not yet rounded).
    `rule` is the agreement rule's id and `clause` its citation.
    """

    person: str
    day: date
    kind: PayKind
    hours: Decimal
    multiplier: Decimal
    rate: Money
    amount: Money
    rule: str
    clause: str


@dataclass(frozen=True, slots=True)
class DayPay:
    """Everything one person is owed for one day, and what went wrong on it."""

    person: str
    day: date
    kind: DayKind
    worked_hours: Decimal
    lines: tuple[PayLine, ...]
    violations: tuple[Violation, ...] = ()

    @property
    def currency(self) -> str:
        return self.lines[0].amount.currency if self.lines else "USD"

    @property
    def total(self) -> Money:
        """The day's pay: exact line amounts summed, rounded once (half-up to the cent)."""
        return total(tuple(line.amount for line in self.lines), self.currency).rounded()

    def amount_of(self, kind: PayKind) -> Money:
        """Exact total of the lines of one kind."""
        return total(tuple(ln.amount for ln in self.lines if ln.kind is kind), self.currency)


@dataclass(frozen=True, slots=True)
class WeekPay:
    """One person's work week: the days (with weekly rules applied) and week-level problems."""

    person: str
    week_start: date
    days: tuple[DayPay, ...]
    violations: tuple[Violation, ...] = field(default=())

    @property
    def lines(self) -> tuple[PayLine, ...]:
        return tuple(line for day in self.days for line in day.lines)

    @property
    def total(self) -> Money:
        """The week's gross: every exact line summed, rounded once."""
        currency = self.days[0].currency if self.days else "USD"
        return total(tuple(line.amount for line in self.lines), currency).rounded()
