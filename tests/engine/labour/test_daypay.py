"""A day's pay: the issue's oracles, line order and rules, errors, and pay properties."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.agreement import Agreement, NotInForce, Rounding
from lynchpin.engine.labour.agreements import load_agreement
from lynchpin.engine.labour.daypay import price_day
from lynchpin.engine.labour.model import (
    Basis,
    DayKind,
    DayPay,
    Deal,
    Meal,
    MealKind,
    PayKind,
    Timecard,
)
from lynchpin.engine.money import Money

from .builders import CA_IDS, DAY, D, california, californias, card, deal, iatse, sag, table, usd

TIME = (PayKind.STRAIGHT, PayKind.OVERTIME, PayKind.GOLDEN, PayKind.GUARANTEE)


def _pay_hours(pay: DayPay) -> Decimal:
    return sum((line.hours * line.multiplier for line in pay.lines if line.kind in TIME), D(0))


def _kinds(pay: DayPay) -> list[PayKind]:
    return [line.kind for line in pay.lines]


@pytest.mark.parametrize("ca", californias(), ids=CA_IDS)
def test_750_over_10_worked_12_hours_is_14_pay_hours(ca: Agreement) -> None:
    # Issue 5 oracle: "$750/10" worked 12 h is 14 pay hours, $954.55 at full precision.
    pay = price_day(deal("750", "10", agreement=ca), card("07:00", "20:00", ("11:30", "12:00"),
                                                          ("16:30", "17:00")), ca)
    assert pay.worked_hours == D(12)
    assert _pay_hours(pay) == D(14)
    assert pay.total == usd("954.55")
    assert pay.violations == ()


@pytest.mark.parametrize("ca", californias(), ids=CA_IDS)
def test_230_over_12_worked_19_hours_is_exactly_460(ca: Agreement) -> None:
    # Issue 5 oracle: "$230/12" worked 19 h under Labor Code 510 alone is 28 pay hours =
    # exactly $460.00 (meals here are on time, so Labor Code 512 adds nothing).
    timecard = card("06:00", "26:30", ("10:00", "10:30"), ("14:30", "15:00"), ("19:30", "20:00"))
    pay = price_day(deal("230", "12", agreement=ca), timecard, ca)
    assert pay.worked_hours == D(19)
    assert _pay_hours(pay) == D(28)
    assert pay.total == usd("460.00")
    assert [(ln.hours, ln.multiplier) for ln in pay.lines] == [
        (D(8), D(1)), (D(4), D("1.5")), (D(7), D(2))]


@pytest.mark.parametrize("ca", californias(), ids=CA_IDS)
def test_400_day_rate_with_no_hours_worked_10_hours_for_5_days(ca: Agreement) -> None:
    # Issue 5 oracle: a $400 day rate with no hours stated, worked 10 h x 5 days in
    # California, is $2,000 + $750 overtime (regular rate 400/8).
    week = [price_day(deal("400", agreement=ca), card("08:00", "18:30", ("12:00", "12:30"),
                                                      day=DAY + timedelta(days=n)), ca)
            for n in range(5)]
    assert sum((p.amount_of(PayKind.STRAIGHT).amount for p in week), D(0)) == D(2000)
    assert sum((p.amount_of(PayKind.OVERTIME).amount for p in week), D(0)) == D(750)


@pytest.mark.parametrize("ca", californias(), ids=CA_IDS)
def test_30_an_hour_for_12_hours_is_420(ca: Agreement) -> None:
    # Issue 5 oracle: $30/h for 12 h is $420 (8 x 30 + 4 x 45).
    pay = price_day(deal("30", basis=Basis.HOURLY, agreement=ca),
                    card("07:00", "20:00", ("11:30", "12:00"), ("16:30", "17:00")), ca)
    assert pay.total == usd("420.00")


@pytest.mark.parametrize("ca", californias(), ids=CA_IDS)
def test_500_over_10_worked_6_hours_is_the_guarantee_exactly(ca: Agreement) -> None:
    # "$500/10" is 11 pay hours at 500/11: 6 h worked is topped up by 2 h at 1x and 2 h at 1.5x.
    pay = price_day(deal("500", "10", agreement=ca), card("09:00", "15:30", ("12:00", "12:30")),
                    ca)
    assert pay.total == usd("500.00")
    guarantee = [(ln.hours, ln.multiplier, ln.rule) for ln in pay.lines
                 if ln.kind is PayKind.GUARANTEE]
    assert guarantee == [(D(2), D(1), "deal.guarantee"), (D(2), D("1.5"), "deal.guarantee")]


@pytest.mark.parametrize("ca", californias(), ids=CA_IDS)
def test_rate_first_prices_hours_at_rounded_premium_rates(ca: Agreement) -> None:
    # "$800/10" worked 12 h: rate-first 8 x 72.73 + 4 x 109.10; exact 14 x 800/11.
    timecard = card("07:00", "20:00", ("11:30", "12:00"), ("16:30", "17:00"))
    the_deal = deal("800", "10", agreement=ca)
    exact = price_day(the_deal, timecard, replace(ca, rate_rounding=Rounding.EXACT))
    first = price_day(the_deal, timecard, replace(ca, rate_rounding=Rounding.RATE_FIRST))
    assert exact.total == usd("1018.18")
    assert first.total == usd("1018.24")


def test_iatse_style_15_hour_day_has_a_golden_line() -> None:
    # Issue 5: an IATSE-style agreement pays golden hours past 14 h at 2x.
    agreement = iatse()
    pay = price_day(deal("560", "12", agreement=agreement),
                    card("06:00", "22:00", ("12:00", "12:30"), ("18:00", "18:30")), agreement)
    assert pay.worked_hours == D(15)
    golden = [line for line in pay.lines if line.kind is PayKind.GOLDEN]
    assert [(line.hours, line.multiplier) for line in golden] == [(D(1), D(2))]
    assert golden[0].rule == "ia.band.14x2" and golden[0].clause.startswith("ia clause")
    assert [v.rule for v in pay.violations] == ["labour.golden_hours"]
    assert "1.00 h in golden time past 14 h" in pay.violations[0].message


def test_shipped_iatse_and_sag_files_give_the_issue_oracles() -> None:
    # Issue 5 oracles on the shipped files: golden hours past 14 h at 2x (IATSE-style crew);
    # a day performer's meal 7 h after call costs $25 + $25 (SAG-AFTRA-style).
    crew = load_agreement("iatse-crew")
    pay = price_day(deal("560", "12", agreement=crew),
                    card("06:00", "22:00", ("12:00", "12:30"), ("18:00", "18:30")), crew)
    assert [(ln.hours, ln.multiplier, ln.rule) for ln in pay.lines if ln.kind is PayKind.GOLDEN
            ] == [(D(1), D(2), "iatse.golden")]
    cast = load_agreement("sag-aftra")
    pay = price_day(deal("1000", "8", agreement=cast, performer_class="day"),
                    card("06:00", "15:00", ("13:00", "14:00")), cast)
    assert [ln.amount for ln in pay.lines if ln.kind is PayKind.MEAL_PENALTY] == [usd(25)] * 2


def test_sixth_day_uses_the_sixth_day_bands() -> None:
    agreement = iatse()
    timecard = card("06:00", "16:30", ("12:00", "12:30"))
    pay = price_day(deal("40", basis=Basis.HOURLY, agreement=agreement), timecard, agreement,
                    kind=DayKind.SIXTH)
    assert pay.kind is DayKind.SIXTH
    assert [(ln.kind, ln.hours, ln.multiplier) for ln in pay.lines] == [
        (PayKind.OVERTIME, D(10), D("1.5"))]


def test_sag_day_performer_late_meal_is_in_the_day() -> None:
    # Issue 5 oracle: SAG-AFTRA-style day performer, meal 7 h after call: $25 + $25.
    agreement = sag()
    pay = price_day(deal("1000", "8", agreement=agreement, performer_class="day"),
                    card("06:00", "15:00", ("13:00", "14:00")), agreement)
    assert [ln.amount for ln in pay.lines if ln.kind is PayKind.MEAL_PENALTY] == [usd(25)] * 2
    assert pay.total == usd("1050.00")
    assert [v.rule for v in pay.violations] == ["labour.meal_penalty"]


def test_lines_come_in_a_stable_order() -> None:
    agreement = iatse()
    the_deal = deal("560", "12", agreement=agreement, kit_rental=usd(50),
                    allowances=(("car", usd(20)), ("phone", usd(5))))
    timecard = card("06:00", "22:00", ("12:00", "12:30"), travel_before=D(1),
                    travel_after=D("0.5"))
    assert _kinds(price_day(the_deal, timecard, agreement)) == [
        PayKind.STRAIGHT, PayKind.OVERTIME, PayKind.GOLDEN, PayKind.TRAVEL, PayKind.TRAVEL,
        *[PayKind.MEAL_PENALTY] * 7, PayKind.KIT, PayKind.ALLOWANCE, PayKind.ALLOWANCE]
    short = price_day(the_deal, card("06:00", "12:00"), agreement)
    assert _kinds(short) == [PayKind.STRAIGHT, PayKind.GUARANTEE, PayKind.GUARANTEE,
                             PayKind.KIT, PayKind.ALLOWANCE, PayKind.ALLOWANCE]


def test_travel_is_paid_at_straight_time_outside_the_bands() -> None:
    pay = price_day(deal("30", basis=Basis.HOURLY),
                    card("09:00", "17:30", ("13:00", "13:30"), travel_before=D("1.5")),
                    california())
    travel = [ln for ln in pay.lines if ln.kind is PayKind.TRAVEL]
    assert [(ln.hours, ln.multiplier, ln.amount) for ln in travel] == [(D("1.5"), D(1), usd(45))]
    assert pay.amount_of(PayKind.OVERTIME) == usd(0)  # 8 h worked + 1.5 h travel: no overtime


def test_hourly_deal_gets_the_minimum_call() -> None:
    agreement = iatse()
    pay = price_day(deal("40", basis=Basis.HOURLY, agreement=agreement), card("09:00", "12:00"),
                    agreement)
    assert pay.total == usd("320.00")
    assert {ln.rule for ln in pay.lines if ln.kind is PayKind.GUARANTEE} == {
        "labour.minimum_call"}
    assert pay.lines[-1].clause == "ia minimum call: 8 hours"


def test_flat_deal_pays_its_rate_and_still_owes_meal_penalties() -> None:
    agreement = sag()
    pay = price_day(deal("700", basis=Basis.FLAT, agreement=agreement),
                    card("06:00", "18:00", ("13:00", "13:30")), agreement)
    assert _kinds(pay)[0] is PayKind.FLAT
    assert pay.lines[0].amount == usd(700)
    assert pay.amount_of(PayKind.MEAL_PENALTY) == usd(50)  # 13:00 is one hour late


@pytest.mark.parametrize(("basis", "rate", "hours", "expected"), [
    (Basis.DAILY, "500", "10", "500.00"),
    (Basis.WEEKLY, "3000", "50", "600.00"),
    (Basis.HOURLY, "40", None, "500.00"),  # 12.5 h at 40, no premium
])
def test_overtime_exempt_deals_pay_no_premiums(basis: Basis, rate: str, hours: str | None,
                                               expected: str) -> None:
    pay = price_day(deal(rate, hours, basis=basis, overtime_exempt=True),
                    card("07:00", "20:30", ("11:30", "12:00"), ("16:30", "17:00")), california())
    assert _kinds(pay) == [PayKind.FLAT]
    assert pay.total == usd(expected)


def test_no_rate_table_in_force_is_refused() -> None:
    agreement = iatse(rate_tables=(table(["7.50"], effective=date(2028, 1, 1)),))
    with pytest.raises(NotInForce, match="2028-01-01"):
        price_day(deal("500", "10", agreement=agreement), card("09:00", "18:00"), agreement)


def test_deal_in_another_currency_is_refused() -> None:
    the_deal = replace(deal("500", "10"), rate=Money(D(500), "EUR"))
    with pytest.raises(InputError, match="not in USD") as excinfo:
        price_day(the_deal, card("09:00", "18:00"), california())
    assert excinfo.value.field == "rate"


def test_card_of_another_person_and_bad_card_are_refused() -> None:
    with pytest.raises(InputError, match="deal of 'bob'"):
        price_day(deal("500", "10", person="bob"), card("09:00", "18:00"), california())
    with pytest.raises(InputError) as excinfo:
        price_day(deal("500", "10"), card("09:00", "18:00", ("13:00", "12:00")), california())
    assert excinfo.value.field == "2027-03-01.meals[0].back"


# --- properties ---------------------------------------------------------------------------

_AGREEMENTS = (california(), california(rate_rounding=Rounding.RATE_FIRST), iatse(), sag(),
               *(load_agreement(name) for name in ("ca-nonunion", "iatse-crew", "sag-aftra")))
_DEALS = (("500", "10", Basis.DAILY), ("400", None, Basis.DAILY), ("37.5", None, Basis.HOURLY),
          ("2500", "50", Basis.WEEKLY), ("700", None, Basis.FLAT), ("230", "12", Basis.DAILY))
_MINUTES = st.integers(min_value=1, max_value=7 * 60)
Day = tuple[Agreement, Deal, list[tuple[int, int, MealKind]], int]


@st.composite
def days(draw: st.DrawFn) -> Day:
    """An agreement, a deal, meals as (gap before, length, kind) and the minutes after the
    last meal; the whole day stays within 21 h, leaving room for the wrap to move 3 h later."""
    agreement = draw(st.sampled_from(_AGREEMENTS))
    rate, hours, basis = draw(st.sampled_from(_DEALS))
    the_deal = deal(rate, hours, basis=basis, agreement=agreement)
    meals = draw(st.lists(st.tuples(_MINUTES, st.integers(1, 60),
                                    st.sampled_from((MealKind.MEAL, MealKind.MEAL, MealKind.NDB))),
                          max_size=2))
    if sum(kind is MealKind.NDB for _, _, kind in meals) > 1:
        meals = [(gap, length, MealKind.MEAL) for gap, length, _ in meals]
    used = sum(gap + length for gap, length, _ in meals)
    return agreement, the_deal, meals, min(draw(st.integers(1, 16 * 60)), 21 * 60 - used)


def _card_for(meals: list[tuple[int, int, MealKind]], tail: int) -> Timecard:
    clock = card("06:00", "07:00").call
    breaks = []
    for gap, length, kind in meals:
        out = clock + timedelta(minutes=gap)
        clock = out + timedelta(minutes=length)
        breaks.append(Meal(out, clock, kind))
    return replace(card("06:00", "07:00"), meals=tuple(breaks),
                   wrap=clock + timedelta(minutes=tail))


@settings(max_examples=300, deadline=None)
@given(days(), st.integers(0, 3 * 60))
def test_pay_never_decreases_when_the_wrap_moves_later(day: Day, later: int) -> None:
    agreement, the_deal, meals, tail = day
    earlier = _card_for(meals, tail)
    moved = replace(earlier, wrap=earlier.wrap + timedelta(minutes=later))
    before = price_day(the_deal, earlier, agreement)
    after = price_day(the_deal, moved, agreement)
    assert after.worked_hours >= before.worked_hours
    assert after.total.amount >= before.total.amount


@settings(max_examples=300, deadline=None)
@given(days())
def test_every_minute_worked_is_paid_exactly_once(day: Day) -> None:
    agreement, the_deal, meals, tail = day
    agreement = replace(agreement, time_increment_minutes=1)
    the_deal = replace(the_deal, agreement=agreement.id)
    timecard = _card_for(meals, tail)
    pay = price_day(the_deal, timecard, agreement)
    deducted = sum((m.back - m.out for m in timecard.meals
                    if m.kind is MealKind.MEAL and m.back - m.out >= timedelta(minutes=30)),
                   timedelta(0))
    worked = timecard.wrap - timecard.call - deducted
    assert pay.worked_hours == D(worked // timedelta(minutes=1)) / 60
    bands = sum((ln.hours for ln in pay.lines if ln.kind in TIME[:3]), D(0))
    if the_deal.basis is Basis.FLAT:
        assert bands == 0 and _kinds(pay)[0] is PayKind.FLAT
    else:
        assert bands == pay.worked_hours
