"""Worked time of one timecard: the checks a card must pass, meal deductions, one rounding step.

Worked time = wrap - call - deductible meals. A deductible meal is a `MealKind.MEAL` break of
at least the agreement's `meals.minimum_minutes`; a shorter "meal" is worked time (and is no
meal for the meal-penalty clock either). A non-deductible breakfast (NDB) is paid worked time.
Travel is not worked time here: it is paid on its own lines (see `daypay`).

Worked minutes are rounded UP to the agreement's `time_increment_minutes` once (6 = tenths of
an hour); nothing else in a day's pay is rounded before the day's total.

Clock arithmetic is done on `timedelta` offsets from call, in UTC when the card's times are
aware, so a night across a daylight-saving change counts the hours actually worked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.agreement import Agreement, MealRule
from lynchpin.engine.labour.model import Meal, MealKind, Timecard

__all__ = [
    "WorkedTime",
    "check_timecard",
    "clock_at",
    "hours_delta",
    "offset",
    "round_minutes",
    "span",
    "worked_time",
]

_MINUTE = timedelta(minutes=1)
_LONGEST_DAY = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class WorkedTime:
    """A day's worked time.

    `minutes` is rounded up to the agreement's increment, `raw_minutes` is the exact worked
    time rounded up to a whole minute; `meal_breaks` are the deductible meals in order and
    `ndb` the non-deductible breakfast that resets the meal clock (None when there is none,
    or when the card's NDB falls outside the agreement's window or is too long).
    """

    minutes: int
    raw_minutes: int
    meal_breaks: tuple[Meal, ...]
    ndb: Meal | None

    @property
    def hours(self) -> Decimal:
        """Rounded worked time in decimal hours (exact for tenths and quarters)."""
        return Decimal(self.minutes) / 60


def round_minutes(minutes: int, increment: int) -> int:
    """`minutes` rounded UP to a multiple of `increment` (both whole minutes).

    Raises ValueError for a negative `minutes` or an `increment` below 1.
    """
    if increment < 1:
        raise ValueError(f"time increment must be at least 1 minute, not {increment}")
    if minutes < 0:
        raise ValueError(f"worked minutes cannot be negative: {minutes}")
    return -(-minutes // increment) * increment


def hours_delta(hours: Decimal) -> timedelta:
    """`hours` (decimal hours) as a timedelta, exact to the microsecond."""
    return timedelta(microseconds=int(hours * 3_600_000_000))


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment


def offset(card: Timecard, moment: datetime) -> timedelta:
    """Time elapsed from the card's call to `moment` (negative before call), DST-correct."""
    return _utc(moment) - _utc(card.call)


def span(card: Timecard, meal: Meal) -> timedelta:
    """How long `meal` lasted, DST-correct."""
    return offset(card, meal.back) - offset(card, meal.out)


def clock_at(card: Timecard, elapsed: timedelta) -> datetime:
    """The wall-clock time `elapsed` after the card's call, in the call's time zone."""
    if card.call.tzinfo is None:
        return card.call + elapsed
    return (_utc(card.call) + elapsed).astimezone(card.call.tzinfo)


def _error(card: Timecard, field: str, message: str) -> InputError:
    return InputError(f"{card.day.isoformat()}: {message}", source=card.person,
                      field=f"{card.day.isoformat()}.{field}")


def _hm(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def _check_zones(card: Timecard) -> None:
    """All times naive or all aware: mixing them cannot be compared (or paid) correctly."""
    times = [("wrap", card.wrap)]
    for index, meal in enumerate(card.meals):
        times += [(f"meals[{index}].out", meal.out), (f"meals[{index}].back", meal.back)]
    aware = card.call.tzinfo is not None
    for field, moment in times:
        if (moment.tzinfo is not None) != aware:
            raise _error(card, field, "mixes times with and without a time zone (call is "
                         + ("aware)" if aware else "naive)"))


def _check_span(card: Timecard) -> None:
    if card.call.date() != card.day:
        raise _error(card, "call", f"call {card.call:%Y-%m-%d %H:%M} is not on the card's day")
    if card.wrap <= card.call:
        raise _error(card, "wrap", f"wrap {_hm(card.wrap)} is not after call {_hm(card.call)}")
    if offset(card, card.wrap) > _LONGEST_DAY:
        raise _error(card, "wrap", "the day is longer than 24 hours from call to wrap")
    for name in ("travel_before", "travel_after"):
        hours: Decimal = getattr(card, name)
        if not hours.is_finite() or hours < 0 or hours > 24:
            raise _error(card, name, f"travel must be 0 to 24 hours, not {hours}")


def _check_meal(card: Timecard, index: int, previous: Meal | None) -> None:
    meal = card.meals[index]
    where = f"meals[{index}]"
    if meal.out <= card.call:
        raise _error(card, f"{where}.out", f"meal out {_hm(meal.out)} is not after call")
    if previous is not None and meal.out < previous.out:
        raise _error(card, f"{where}.out", f"meals out of order: {_hm(meal.out)} is before "
                     f"the previous meal's out {_hm(previous.out)}")
    if previous is not None and meal.out <= previous.back:
        raise _error(card, f"{where}.out", f"meal out {_hm(meal.out)} overlaps the previous "
                     f"meal (back at {_hm(previous.back)})")
    if meal.out >= card.wrap:
        raise _error(card, f"{where}.out", f"meal out {_hm(meal.out)} is not before wrap")
    if meal.back <= meal.out:
        raise _error(card, f"{where}.back", f"back {_hm(meal.back)} is not after out "
                     f"{_hm(meal.out)}")
    if meal.back >= card.wrap:
        raise _error(card, f"{where}.back", f"back {_hm(meal.back)} is not before wrap "
                     f"{_hm(card.wrap)}")


def check_timecard(card: Timecard) -> None:
    """Check the card's invariants: call < meal out < back < next meal out < wrap.

    Also: call falls on the card's day, the day is at most 24 h from call to wrap, travel is
    0 to 24 hours, times are all naive or all aware, at most one non-deductible breakfast.
    Raises InputError with ``source`` = the person and ``field`` like
    ``"2027-03-01.meals[1].out"`` (meals numbered from 0, in the card's order).
    """
    _check_zones(card)
    _check_span(card)
    previous: Meal | None = None
    for index, meal in enumerate(card.meals):
        _check_meal(card, index, previous)
        previous = meal
    ndbs = [index for index, meal in enumerate(card.meals) if meal.kind == MealKind.NDB]
    if len(ndbs) > 1:
        raise _error(card, f"meals[{ndbs[1]}].kind", "more than one non-deductible breakfast")


def _qualifying_ndb(card: Timecard, rule: MealRule, deductible: tuple[Meal, ...]) -> Meal | None:
    """The NDB that resets the meal clock: within the window after call, short enough, and
    before any deductible meal (a later "breakfast" is only paid work)."""
    for meal in card.meals:
        if meal.kind != MealKind.NDB:
            continue
        early = offset(card, meal.out) <= hours_delta(rule.ndb_window_hours)
        short = span(card, meal) <= timedelta(minutes=rule.ndb_max_minutes)
        first = not deductible or meal.out < deductible[0].out
        return meal if early and short and first else None
    return None


def worked_time(card: Timecard, agreement: Agreement) -> WorkedTime:
    """Worked time of `card` under `agreement` (see the module docstring for the rules).

    Raises InputError (from `check_timecard`) for an invalid card.
    """
    check_timecard(card)
    minimum = timedelta(minutes=agreement.meals.minimum_minutes)
    deductible = tuple(meal for meal in card.meals
                       if meal.kind == MealKind.MEAL and span(card, meal) >= minimum)
    worked = offset(card, card.wrap)
    for meal in deductible:
        worked -= span(card, meal)
    raw = -(-worked // _MINUTE)  # a started minute is a minute worked
    return WorkedTime(round_minutes(raw, agreement.time_increment_minutes), raw, deductible,
                      _qualifying_ndb(card, agreement.meals, deductible))
