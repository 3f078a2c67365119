"""An agreement's rules as values: overtime bands, meals, rest, weekly rules, dated rate tables.

Agreements are data (`agreements/*.toml`, read by `agreements.load_agreement`); every rule
carries an `id` and the `clause` (or statute, or source) it comes from, and pay lines repeat
both so a person can check each line against the text.

Invariants: bands of a day kind start at 0 hours and rise strictly; rate tables are sorted by
effective date and the table in force on a day is the latest one effective on or before it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from lynchpin.engine.errors import DomainError
from lynchpin.engine.labour.model import DayKind, PayKind
from lynchpin.engine.money import Money

__all__ = [
    "Agreement",
    "Band",
    "DayCounting",
    "ForcedCall",
    "ForcedCallKind",
    "MealBasis",
    "MealPenaltyKind",
    "MealRule",
    "NotInForce",
    "RateTable",
    "RestRule",
    "Rounding",
    "ScaleRate",
    "WorkRules",
]


class NotInForce(DomainError):
    """No rate table of the agreement is in force on the day asked for."""


@dataclass(frozen=True, slots=True)
class Band:
    """Hours past `after_hours` worked on a day are paid at `multiplier` x the straight rate."""

    after_hours: Decimal
    multiplier: Decimal
    kind: PayKind
    rule: str
    clause: str


class DayCounting(StrEnum):
    """How sixth and seventh days are counted within the work week.

    ``worked``: the sixth (seventh) day worked in the work week (IATSE-style);
    ``consecutive``: the seventh consecutive day worked in the work week (California LC 510).
    """

    WORKED = "worked"
    CONSECUTIVE = "consecutive"


@dataclass(frozen=True, slots=True)
class WorkRules:
    """Hours rules for one class of worker (crew, or a performer class such as ``day``).

    `bands` maps each day kind the agreement distinguishes to its bands (REGULAR always
    present; a missing kind falls back to REGULAR). `weekly_overtime_after` is None when the
    agreement has no weekly overtime; `minimum_call_hours` is paid even if less is worked.
    `minimum_call_rule` and `weekly_overtime_rule` are the rule ids the GUARANTEE and
    WEEKLY_OVERTIME pay lines cite (empty when the agreement was not read from a file).
    """

    bands: Mapping[DayKind, tuple[Band, ...]]
    minimum_call_hours: Decimal
    minimum_call_clause: str
    weekly_overtime_after: Decimal | None = None
    weekly_overtime_multiplier: Decimal = Decimal("1.5")
    weekly_overtime_clause: str = ""
    minimum_call_rule: str = ""
    weekly_overtime_rule: str = ""

    def bands_for(self, kind: DayKind) -> tuple[Band, ...]:
        """The bands of `kind`, or the regular day's when the agreement has none for it."""
        return self.bands.get(kind, self.bands[DayKind.REGULAR])


class MealBasis(StrEnum):
    """When a meal falls due.

    ``elapsed``: `first_due_hours` after call (or after a non-deductible breakfast ends), then
    `next_due_hours` after the previous meal ends (union agreements);
    ``worked``: before the end of the `first_due_hours`-th hour worked, then every
    `next_due_hours` worked hours after that (California Labor Code 512: 5th and 10th hours).
    """

    ELAPSED = "elapsed"
    WORKED = "worked"


class MealPenaltyKind(StrEnum):
    """How a late meal is paid: escalating amounts per period late, or one hour's pay a day
    at the regular rate (California Labor Code 226.7)."""

    ESCALATING = "escalating"
    PREMIUM_HOUR = "premium_hour"


@dataclass(frozen=True, slots=True)
class MealRule:
    """Meal periods: when they fall due, how long they are, what a late one costs.

    A break shorter than `minimum_minutes` is not a meal (the time counts as worked).
    A non-deductible breakfast must start within `ndb_window_hours` of call and last at most
    `ndb_max_minutes`. Penalty amounts come from the rate table in force (escalating kind).
    """

    basis: MealBasis
    first_due_hours: Decimal
    next_due_hours: Decimal
    minimum_minutes: int
    penalty_kind: MealPenaltyKind
    penalty_period_minutes: int
    rule: str
    clause: str
    ndb_window_hours: Decimal = Decimal(2)
    ndb_max_minutes: int = 15


class ForcedCallKind(StrEnum):
    """What a rest period cut short costs.

    ``none``: nothing (the law sets no rest period); ``day_rate_capped``: the lesser of the
    day's pay at the deal rate and the table's cap (SAG-AFTRA-style forced call);
    ``invaded_hours``: the hours of rest invaded, paid at `multiplier` x straight on top.
    """

    NONE = "none"
    DAY_RATE_CAPPED = "day_rate_capped"
    INVADED_HOURS = "invaded_hours"


@dataclass(frozen=True, slots=True)
class ForcedCall:
    kind: ForcedCallKind
    multiplier: Decimal
    rule: str
    clause: str


@dataclass(frozen=True, slots=True)
class RestRule:
    """Rest between end of duty and next call, daily and over the weekend.

    `weekend_hours` is the rest owed after the last day of a work week of `weekend_after_days`
    days (a mapping: 5 -> 54, 6 -> 32 in the IATSE style). When `weekend_adds_daily` is true
    the weekend rest follows the daily rest (UK style: 11 h + 48 h = 59 h).
    """

    daily_hours: Decimal
    daily_clause: str
    weekend_hours: Mapping[int, Decimal]
    weekend_adds_daily: bool
    weekend_clause: str
    forced_call: ForcedCall


@dataclass(frozen=True, slots=True)
class ScaleRate:
    """A minimum (scale) rate for a position under one rate table."""

    position: str
    rate: Money
    basis: str
    guaranteed_hours: Decimal | None


@dataclass(frozen=True, slots=True)
class RateTable:
    """Amounts that change by contract year, effective from `effective` (inclusive)."""

    effective: date
    meal_penalties: tuple[Money, ...]
    forced_call_cap: Money | None
    scale: tuple[ScaleRate, ...]
    source: str

    def meal_penalty(self, period: int) -> Money:
        """The penalty for the `period`-th late period (1-based); the last amount repeats."""
        return self.meal_penalties[min(period, len(self.meal_penalties)) - 1]


class Rounding(StrEnum):
    """How hourly rates are derived from a day or week rate (one documented step).

    ``exact``: the straight rate keeps full precision and each premium rate is the exact rate
    times the multiplier; ``rate_first``: the straight rate is rounded to the cent first and
    premium rates are multiples of the rounded rate (how many payroll rate books print them).
    """

    EXACT = "exact"
    RATE_FIRST = "rate_first"


@dataclass(frozen=True, slots=True)
class Agreement:
    """One agreement (or jurisdiction's law) as data, with its dated rate tables.

    `time_increment_minutes` is the unit worked time is rounded up to (6 = tenths of an hour).
    `rules` maps a worker class (``""`` for crew, ``"day"``/``"weekly"`` for performers) to its
    hours rules. `workweek_start` is a weekday number (0 = Monday ... 6 = Sunday). `notes`
    records which source the file follows where sources conflict, and why.
    """

    id: str
    name: str
    jurisdiction: str
    currency: str
    sources: tuple[str, ...]
    time_increment_minutes: int
    rate_rounding: Rounding
    workweek_start: int
    day_counting: DayCounting
    rules: Mapping[str, WorkRules]
    meals: MealRule
    rest: RestRule
    rate_tables: tuple[RateTable, ...]
    notes: str = ""

    def rules_for(self, worker_class: str) -> WorkRules:
        """Hours rules for `worker_class`, falling back to the crew rules (``""``)."""
        return self.rules.get(worker_class, self.rules[""])

    def table_on(self, day: date) -> RateTable:
        """The rate table in force on `day`; raises NotInForce before the first one."""
        in_force = [table for table in self.rate_tables if table.effective <= day]
        if not in_force:
            first = self.rate_tables[0].effective if self.rate_tables else None
            raise NotInForce(f"agreement {self.id!r} has no rate table in force on {day}"
                             + (f" (the first is effective {first})" if first else ""))
        return max(in_force, key=lambda table: table.effective)
