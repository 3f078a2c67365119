"""Work weeks: week start, day kinds, weekly overtime, forced calls, and monotone pay."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError, Severity
from lynchpin.engine.labour.agreements import load_agreement
from lynchpin.engine.labour.model import Basis, DayKind, Deal, PayKind, Timecard
from lynchpin.engine.labour.rest import DAILY_RULE, WEEKEND_RULE, end_of_duty, rest_breaks
from lynchpin.engine.labour.week import WEEKLY_OVERTIME_RULE, day_kinds, price_week, week_start
from lynchpin.engine.money import Money

from .week_builders import california, card, deal, iatse, sag, usd

D = Decimal
MON = date(2025, 3, 3)  # a Monday


def _day(n: int) -> date:
    return MON + timedelta(days=n)


def _week(hours: list[int], start: str = "08:00") -> list[Timecard]:
    """Consecutive days from Monday, each `hours` worked from `start`, with a half-hour meal
    four hours after call on days over five hours (so no meal penalty is owed)."""
    call = int(start[:2]) * 60 + int(start[3:])
    cards = []
    for n, worked in enumerate(hours):
        meals = ((_clock(call + 240), _clock(call + 270)),) if worked > 5 else ()
        wrap = call + worked * 60 + (30 if meals else 0)
        cards.append(card(_day(n), start, _clock(wrap), meals=meals))
    return cards


def _hours(pay_days: object, kind: PayKind) -> Decimal:
    return sum((line.hours for day in pay_days for line in day.lines  # type: ignore[attr-defined]
                if line.kind is kind), D(0))


def test_week_start_follows_the_agreement() -> None:
    assert week_start(date(2025, 3, 6), california()) == MON
    assert week_start(MON, california()) == MON
    sunday_weeks = california(workweek_start=6)
    assert week_start(date(2025, 3, 6), sunday_weeks) == date(2025, 3, 2)
    assert week_start(date(2025, 3, 2), sunday_weeks) == date(2025, 3, 2)
    assert week_start(date(2025, 3, 1), sunday_weeks) == date(2025, 2, 23)


def test_california_day_rate_oracle_has_no_weekly_overtime() -> None:
    # Source: issue 5 ("a $400 day rate with no hours stated, worked 10 h x 5 days in
    # California, is $2,000 + $750 overtime (regular rate 400/8)"). 8 straight hours a day
    # make exactly 40 in the week, so Labor Code 510's weekly overtime adds nothing.
    week = price_week(deal(rate="400"), _week([10] * 5), california())
    assert week.total == usd("2750.00")
    assert _hours(week.days, PayKind.STRAIGHT) == D(40)
    assert _hours(week.days, PayKind.OVERTIME) == D(10)
    assert sum((day.amount_of(PayKind.OVERTIME) for day in week.days), usd(0)) == usd(750)
    assert not [ln for ln in week.lines if ln.kind is PayKind.WEEKLY_OVERTIME]
    assert [day.kind for day in week.days] == [DayKind.REGULAR] * 5


def test_sixth_day_of_eight_hours_is_weekly_overtime_not_seventh_day_pay() -> None:
    # Labor Code 510(a): 1.5x past 40 h in the workweek; the seventh-day rule needs a seventh
    # consecutive day, so day 6 is paid on the regular bands: 40 straight + 8 weekly OT.
    hourly = deal(rate="30", basis=Basis.HOURLY)
    week = price_week(hourly, _week([8] * 6), california())
    assert _hours(week.days, PayKind.STRAIGHT) == D(40)
    assert _hours(week.days, PayKind.WEEKLY_OVERTIME) == D(8)
    saturday = week.days[5]
    assert saturday.kind is DayKind.SIXTH  # counted, but California has no sixth-day bands
    (weekly,) = saturday.lines
    assert (weekly.kind, weekly.multiplier, weekly.amount) == (PayKind.WEEKLY_OVERTIME, D("1.5"),
                                                              usd(360))
    assert (weekly.rule, weekly.clause) == (WEEKLY_OVERTIME_RULE, "Cal. Labor Code 510(a)")
    assert week.total == usd("1560.00")  # 40 x 30 + 8 x 45


def test_seventh_consecutive_day_is_premium_and_never_counts_twice() -> None:
    hourly = deal(rate="30", basis=Basis.HOURLY)
    week = price_week(hourly, _week([8] * 6 + [10]), california())
    sunday = week.days[6]
    assert sunday.kind is DayKind.SEVENTH
    assert {line.kind for line in sunday.lines} == {PayKind.OVERTIME}
    assert sunday.total == usd("480.00")  # 8 x 45 + 2 x 60: no weekly overtime on top
    assert week.total == usd("2040.00")


def test_weekly_overtime_splits_the_day_that_crosses_the_limit() -> None:
    hourly = deal(rate="20", basis=Basis.HOURLY)
    week = price_week(hourly, _week([6, 8, 8, 8, 8, 10]), california())
    saturday = week.days[5]
    by_kind = {line.kind: line for line in saturday.lines}
    assert by_kind[PayKind.STRAIGHT].hours == D(2)
    assert by_kind[PayKind.STRAIGHT].amount == usd(40)
    assert by_kind[PayKind.WEEKLY_OVERTIME].hours == D(6)
    assert by_kind[PayKind.OVERTIME].hours == D(2)  # daily overtime stays as it was
    # 38 + 2 straight, 6 weekly OT, 2 daily OT: 40 x 20 + 8 x 30
    assert week.total == usd("1040.00")


def test_no_weekly_limit_leaves_days_alone() -> None:
    crew = deal(rate="40", basis=Basis.HOURLY, agreement="test-iatse")
    week = price_week(crew, _week([8] * 5 + [8], start="07:00"), iatse())
    assert not [line for line in week.lines if line.kind is PayKind.WEEKLY_OVERTIME]


def test_day_kinds_worked_versus_consecutive_counting() -> None:
    # Wednesday off: the Sunday is the sixth day worked, but ends a run of only four.
    days = [_day(n) for n in (0, 1, 3, 4, 5, 6)]
    cards = [card(day, "08:00", "16:00") for day in days]
    worked = day_kinds(cards, iatse())
    assert worked[_day(6)] is DayKind.SIXTH
    assert [worked[day] for day in days[:-1]] == [DayKind.REGULAR] * 5
    consecutive = day_kinds(cards, california())
    assert set(consecutive.values()) == {DayKind.REGULAR}
    full = [card(_day(n), "08:00", "16:00") for n in range(7)]
    assert day_kinds(full, iatse())[_day(5)] is DayKind.SIXTH
    assert day_kinds(full, iatse())[_day(6)] is DayKind.SEVENTH
    assert day_kinds(full, california())[_day(6)] is DayKind.SEVENTH


def test_counting_restarts_each_work_week() -> None:
    cards = [card(_day(n), "08:00", "16:00") for n in range(3, 10)]  # Thursday..Wednesday
    assert set(day_kinds(cards, iatse()).values()) == {DayKind.REGULAR}


def test_holiday_kind_from_the_card_or_the_calendar() -> None:
    cards = [card(_day(0), "08:00", "16:00", holiday=True), card(_day(1), "08:00", "16:00")]
    assert day_kinds(cards, iatse()) == {_day(0): DayKind.HOLIDAY, _day(1): DayKind.REGULAR}
    kinds = day_kinds(cards, iatse(), frozenset({_day(1)}))
    assert kinds[_day(1)] is DayKind.HOLIDAY
    # California has holiday bands for no one: a seventh consecutive day on a holiday keeps
    # its seventh-day pay; a regular day on a holiday is labelled a holiday.
    full = [card(_day(n), "08:00", "16:00", holiday=n in (2, 6)) for n in range(7)]
    ca = day_kinds(full, california())
    assert (ca[_day(2)], ca[_day(6)]) == (DayKind.HOLIDAY, DayKind.SEVENTH)
    assert day_kinds(full, iatse())[_day(6)] is DayKind.HOLIDAY


def test_holiday_is_priced_on_holiday_bands() -> None:
    crew = deal(rate="40", basis=Basis.HOURLY, agreement="test-iatse")
    week = price_week(crew, [card(_day(0), "07:00", "17:30", meals=(("12:00", "12:30"),))],
                      iatse(),
                      holidays=frozenset({_day(0)}))
    (day,) = week.days
    assert day.kind is DayKind.HOLIDAY
    assert day.total == usd("800.00")  # 10 h at 2x


def test_iatse_broken_rest_is_a_forced_call_on_the_next_day() -> None:
    # 10 h rest broken by 2 h: the invaded hours at straight time x 1 (brief, issue 5).
    crew = deal(rate="40", basis=Basis.HOURLY, agreement="test-iatse")
    cards = [card(_day(0), "07:00", "23:00", meals=(("13:00", "13:30"), ("19:00", "19:30"))),
             card(_day(1), "07:00", "15:30", meals=(("12:00", "12:30"),))]
    week = price_week(crew, cards, iatse())
    monday, tuesday = week.days
    assert not [line for line in monday.lines if line.kind is PayKind.FORCED_CALL]
    (forced,) = [line for line in tuesday.lines if line.kind is PayKind.FORCED_CALL]
    assert (forced.hours, forced.multiplier, forced.amount) == (D(2), D(1), usd(80))
    assert forced.rule == "labour.rest.forced_call"
    (violation,) = [v for v in tuesday.violations if v.rule == DAILY_RULE]
    assert violation.severity is Severity.WARNING
    assert "Ana" in violation.message and "80.00 USD" in violation.message
    assert "earliest penalty-free call Tue 2025-03-04 09:00" in violation.message
    assert tuesday.total == usd("400.00")  # 8 h minimum call + the forced call


@pytest.mark.parametrize(("rate", "owed"), [("1000", "900"), ("700", "700"), ("900", "900")])
def test_sag_forced_call_is_the_lesser_of_day_rate_and_cap(rate: str, owed: str) -> None:
    # Issue 5: "forced call = the lesser of the day rate and $900".
    performer = deal(rate=rate, hours="8", agreement="test-sag", performer_class="day")
    cards = [card(_day(0), "08:00", "22:00", meals=(("13:00", "14:00"), ("19:00", "19:30"))),
             card(_day(1), "08:00", "16:00")]
    week = price_week(performer, cards, sag())
    tuesday = week.days[1]
    (forced,) = [line for line in tuesday.lines if line.kind is PayKind.FORCED_CALL]
    assert forced.amount == usd(owed)
    assert tuesday.amount_of(PayKind.FORCED_CALL) == usd(owed)
    assert [v.rule for v in tuesday.violations if v.rule.startswith("labour.rest")] == [
        DAILY_RULE]


def test_previous_week_end_brings_a_weekend_rest_into_the_first_day() -> None:
    crew = deal(rate="40", basis=Basis.HOURLY, agreement="test-iatse")
    friday_end = card(_day(-3), "07:00", "22:00").wrap
    monday = [card(_day(0), "03:00", "11:00")]  # 53 h after Friday 22:00
    week = price_week(crew, monday, iatse(), previous_end_of_duty=friday_end,
                      previous_week_days=5)
    (violation,) = [v for v in week.days[0].violations if v.rule.startswith("labour.rest")]
    assert violation.rule == WEEKEND_RULE
    assert "54 h weekend rest by 1 h" in violation.message
    (forced,) = [ln for ln in week.days[0].lines if ln.kind is PayKind.FORCED_CALL]
    assert (forced.hours, forced.amount) == (D(1), usd(40))
    # Without the previous week's length only the daily rest is checked: nothing broken.
    daily = price_week(crew, monday, iatse(), previous_end_of_duty=friday_end)
    assert not [v for v in daily.days[0].violations if v.rule.startswith("labour.rest")]
    assert daily.total == week.total - usd(40)


def test_week_inputs_are_checked() -> None:
    crew = deal(rate="40", basis=Basis.HOURLY, agreement="test-iatse")
    with pytest.raises(InputError, match="at least one timecard"):
        price_week(crew, [], iatse())
    with pytest.raises(InputError, match="work week starting 2025-03-03"):
        price_week(crew, [*_week([8]), card(_day(7), "08:00", "16:00")], iatse())
    with pytest.raises(InputError, match="second timecard"):
        price_week(crew, _week([8]) + _week([9]), iatse())
    with pytest.raises(InputError, match="must all be 'Ana'"):
        price_week(crew, [*_week([8]), card(_day(1), "08:00", "16:00", person="Bo")], iatse())


# --- the same rules from the bundled agreement files ----------------------------------------

def test_bundled_california_day_rate_oracle() -> None:
    # Source: issue 5 ($400 day rate, no hours stated, 10 h x 5 days = $2,000 + $750).
    week = price_week(deal(rate="400", agreement="ca-nonunion"), _week([10] * 5),
                      load_agreement("ca-nonunion"))
    assert week.total == usd("2750.00")
    assert not [line for line in week.lines if line.kind is PayKind.WEEKLY_OVERTIME]
    hourly = deal(rate="30", basis=Basis.HOURLY, agreement="ca-nonunion")
    # The bundled work week starts on Sunday: Monday..Saturday is six days of one week.
    six = price_week(hourly, _week([8] * 6), load_agreement("ca-nonunion"))
    assert _hours(six.days, PayKind.WEEKLY_OVERTIME) == D(8)
    assert six.total == usd("1560.00")


def test_bundled_iatse_rest_invasion() -> None:
    crew = deal(rate="40", basis=Basis.HOURLY, agreement="iatse-crew")
    cards = [card(_day(0), "07:00", "23:00", meals=(("13:00", "13:30"), ("19:00", "19:30"))),
             card(_day(1), "07:00", "15:30", meals=(("12:00", "12:30"),))]
    week = price_week(crew, cards, load_agreement("iatse-crew"))
    (forced,) = [line for line in week.lines if line.kind is PayKind.FORCED_CALL]
    assert (forced.day, forced.hours, forced.amount) == (_day(1), D(2), usd(80))


@pytest.mark.parametrize(("rate", "owed"), [("1000", "900"), ("700", "700")])
def test_bundled_sag_forced_call(rate: str, owed: str) -> None:
    performer = deal(rate=rate, hours="8", agreement="sag-aftra", performer_class="day")
    cards = [card(_day(0), "08:00", "22:00", meals=(("13:00", "14:00"), ("19:00", "19:30"))),
             card(_day(1), "08:00", "16:30", meals=(("13:00", "13:30"),))]
    week = price_week(performer, cards, load_agreement("sag-aftra"))
    assert week.days[1].amount_of(PayKind.FORCED_CALL) == usd(owed)


def test_bundled_uk_weekend_rest_oracle() -> None:
    # Source: issue 5 (unit wrap Friday 19:00, end of duty 20:00, 11 h + 48 h rest -> the
    # earliest penalty-free call is Monday 07:00): a 06:45 call invades it by a quarter hour.
    uk = load_agreement("uk-crew")
    crew = Deal(person="Ana", position="grip", agreement="uk-crew",
                rate=Money(D("300"), "GBP"), basis=Basis.DAILY, guaranteed_hours=D(10))
    friday = card(_day(4), "07:00", "19:00", travel_after="1", meals=(("12:00", "13:00"),))
    for call, invaded in (("07:00", D(0)), ("06:45", D("0.25"))):
        monday = card(_day(7), call, "17:00", meals=(("12:00", "13:00"),))
        (rest,) = rest_breaks([friday, monday], uk)
        assert (rest.rule, rest.owed_hours, rest.invaded_hours) == (WEEKEND_RULE, D(59), invaded)
    week = price_week(crew, [monday], uk, previous_end_of_duty=end_of_duty(friday),
                      previous_week_days=5)
    (forced,) = [line for line in week.lines if line.kind is PayKind.FORCED_CALL]
    assert (forced.hours, forced.multiplier, forced.amount) == (D("0.25"), D("1.5"),
                                                                Money(D("11.25"), "GBP"))


# --- Hypothesis: pay never decreases when a wrap moves later -------------------------------

AGREEMENTS = {"test-ca": california(), "test-iatse": iatse(), "test-sag": sag(),
              "iatse-crew": load_agreement("iatse-crew"),
              "ca-nonunion": load_agreement("ca-nonunion")}
DEALS = (
    deal(rate="30", basis=Basis.HOURLY),
    deal(rate="500", hours="10"),
    deal(rate="40", basis=Basis.HOURLY, agreement="test-iatse"),
    deal(rate="600", hours="12", agreement="test-iatse"),
    deal(rate="1100", hours="8", agreement="test-sag", performer_class="day"),
    deal(rate="800", hours="10", agreement="iatse-crew"),
    deal(rate="27.50", basis=Basis.HOURLY, agreement="ca-nonunion"),
)


@st.composite
def weeks(draw: st.DrawFn, first: date) -> list[Timecard]:
    """1 to 7 days from `first` (a work week's first day), with or without a meal."""
    count = draw(st.integers(min_value=1, max_value=7))
    cards = []
    for n in range(count):
        call = draw(st.integers(min_value=5 * 60, max_value=10 * 60))
        length = draw(st.integers(min_value=4 * 60, max_value=14 * 60))
        meals: tuple[tuple[str, str], ...] = ()
        if length > 7 * 60 and draw(st.booleans()):
            out = call + draw(st.integers(min_value=3 * 60, max_value=min(7 * 60, length - 61)))
            meals = ((_clock(out), _clock(out + draw(st.sampled_from((20, 30, 60))))),)
        day = first + timedelta(days=n)
        cards.append(card(day, _clock(call), _clock(call + length), meals=meals))
    return cards


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@given(st.sampled_from(DEALS), st.data())
def test_week_total_never_decreases_when_a_wrap_moves_later(
        chosen: Deal, data: st.DataObject) -> None:
    agreement = AGREEMENTS[chosen.agreement]
    cards = data.draw(weeks(week_start(MON, agreement)))
    index = data.draw(st.integers(min_value=0, max_value=len(cards) - 1))
    later = data.draw(st.integers(min_value=1, max_value=180))
    moved = list(cards)
    moved[index] = replace(cards[index], wrap=cards[index].wrap + timedelta(minutes=later))
    assert price_week(chosen, cards, agreement).total <= price_week(chosen, moved,
                                                                    agreement).total
