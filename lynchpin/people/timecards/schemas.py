"""Input and output schemas of the timecard API (lynchpin.people.timecards.api).

Times are ISO 8601 (without an offset: the production's local time); amounts and hours are
decimal strings, never floats.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from ninja import Field, Schema

__all__ = [
    "AccountOut", "AccountsIn", "ActionIn", "CostOut", "DayIn", "DayOut", "DayQuery",
    "LineOut", "MealIn", "MealOut", "PlannedCallIn", "PlannedDayIn", "PlannedDayOut",
    "PlannedMealIn", "PostedOut", "PostingOut", "SendBackIn", "TotalOut", "UncheckedOut",
    "ViolationOut", "WarningOut", "WeekIn", "WeekOut", "WeekQuery", "WeekRowOut",
]


def _hours() -> Any:
    """Hours of travel: 0 to 24, at most two decimals (default 0)."""
    return Field(Decimal(0), ge=0, le=24, max_digits=4, decimal_places=2)


class MealIn(Schema):
    """A meal break: out (work stops) and back; kind ``meal`` or ``ndb`` (breakfast)."""

    out: datetime
    back: datetime
    kind: Literal["meal", "ndb"] = "meal"


class DayIn(Schema):
    """A worked day: call, meals in order, wrap; travel before call and after wrap (hours)."""

    day: date
    call: datetime
    wrap: datetime
    meals: list[MealIn] = Field(default_factory=list, max_length=3)
    travel_before: Decimal = _hours()
    travel_after: Decimal = _hours()
    holiday: bool = False


class WeekIn(Schema):
    """The week's worked days (a day left out was not worked) and the `version` read
    (null for a week not saved yet)."""

    version: int | None = None
    days: list[DayIn] = Field(..., max_length=7)


class ActionIn(Schema):
    """The `version` of the week the action is taken on."""

    version: int


class SendBackIn(ActionIn):
    """Why the week goes back to the person."""

    note: str = Field("", max_length=500)


class MealOut(Schema):
    """A stored meal break."""

    out: datetime
    back: datetime
    kind: str


class LineOut(Schema):
    """A pay line: `rate` is per hour at the multiplier (null for amounts such as meal
    penalties); `amount` rounded to the cent."""

    kind: str
    hours: Decimal | None
    multiplier: Decimal
    rate: Decimal | None
    amount: Decimal
    currency: str
    rule: str
    clause: str


class ViolationOut(Schema):
    """A rule the day broke or will break, with its cost in the message."""

    rule: str
    severity: str
    message: str
    reference: str


class DayOut(Schema):
    """One of the week's seven days; `worked` false (and no times) for a day off."""

    day: date
    worked: bool
    call: datetime | None = None
    wrap: datetime | None = None
    meals: list[MealOut] = Field(default_factory=list)
    travel_before: Decimal | None = None
    travel_after: Decimal | None = None
    holiday: bool = False
    kind: str | None = None
    worked_hours: Decimal | None = None
    total: Decimal | None = None
    lines: list[LineOut] = Field(default_factory=list)
    violations: list[ViolationOut] = Field(default_factory=list)


class WeekOut(Schema):
    """A person's work week with its pay as the labour engine computes it now."""

    engagement_id: int
    person: str
    position: str
    department: str
    week_start: date
    status: str
    version: int | None
    note: str
    has_deal: bool
    pricing_error: str
    total: Decimal | None
    currency: str | None
    worked_hours: Decimal
    days: list[DayOut]
    can_edit: bool
    can_submit: bool
    can_approve: bool
    can_send_back: bool


class WeekRowOut(Schema):
    """A person's week in the list (no pay)."""

    engagement_id: int
    person: str
    kind: str
    department: str
    position: str
    week_start: date | None
    status: str
    days: int
    version: int | None


class PostingOut(Schema):
    """A payroll entry posted for an approved week."""

    key: str
    version: int
    account: str
    amount: Decimal
    currency: str


class PostedOut(Schema):
    """The week's posting at its approved version (null when the week pays nothing)."""

    posting: PostingOut | None


class PlannedMealIn(Schema):
    """A planned meal break."""

    out: datetime
    back: datetime


class PlannedCallIn(Schema):
    """One person's planned call: call, meals, expected wrap, travel after wrap (hours)."""

    engagement_id: int
    call: datetime
    wrap: datetime
    meals: list[PlannedMealIn] = Field(default_factory=list, max_length=3)
    travel_after: Decimal = _hours()


class PlannedDayIn(Schema):
    """The day and everyone's planned call."""

    day: date
    calls: list[PlannedCallIn] = Field(..., max_length=1000)


class WarningOut(Schema):
    """A planned-day warning (amounts taken out for roles without VIEW_MONEY)."""

    engagement_id: int
    person: str
    rule: str
    severity: str
    message: str


class CostOut(Schema):
    """One person's projected pay for the day (money roles)."""

    engagement_id: int
    amount: Decimal
    currency: str


class TotalOut(Schema):
    """The day's projected labour cost in one currency (money roles)."""

    amount: Decimal
    currency: str


class UncheckedOut(Schema):
    """A person who could not be checked, and why."""

    engagement_id: int
    person: str
    reason: str


class PlannedDayOut(Schema):
    """Warnings (amounts taken out for roles without VIEW_MONEY); `costs` and `totals`
    (projected pay per person and for the day) only for VIEW_MONEY, else empty."""

    day: date
    shows_money: bool
    warnings: list[WarningOut]
    costs: list[CostOut]
    totals: list[TotalOut]
    unchecked: list[UncheckedOut]


class AccountOut(Schema):
    """The budget account a department's payroll is posted to ("" = default)."""

    department: str
    account: str


class AccountsIn(Schema):
    """Department -> budget account code ("" is the default; an empty code removes)."""

    accounts: dict[str, str] = Field(..., max_length=500)


class WeekQuery(Schema):
    """The week holding `week` (default today); only weeks in `status` (none, draft,
    submitted, approved) when given."""

    week: date | None = None
    status: str = Field("", max_length=20)


class DayQuery(Schema):
    """The day to plan (default tomorrow)."""

    day: date | None = None
