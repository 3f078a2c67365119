"""Hourly rates of deals, pay hours, the rounding policy and the deal checks."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.agreement import Agreement, Rounding
from lynchpin.engine.labour.model import Basis, DayKind
from lynchpin.engine.labour.rates import (
    band_hours,
    day_guarantee,
    pay_hours,
    premium_rate,
    straight_rate,
)
from lynchpin.engine.money import Money

from .builders import CA_IDS, D, california, californias, deal, iatse, usd

CA_BANDS = california().rules_for("").bands_for(DayKind.REGULAR)


@pytest.mark.parametrize("ca", californias(), ids=CA_IDS)
def test_500_over_10_is_11_pay_hours_at_45_45(ca: Agreement) -> None:
    # Issue 5 oracle: California daily-rate convention, "$500/10" = 11 pay hours, 500/11.
    assert pay_hours(D(10), ca.rules_for("").bands_for(DayKind.REGULAR)) == D(11)
    rate = straight_rate(deal("500", "10", agreement=ca), ca)
    assert rate.amount == D(500) / D(11)
    assert rate.rounded() == usd("45.45")


@pytest.mark.parametrize(("rounding", "expected"), [
    (Rounding.EXACT, ("72.73", "109.09", "145.45", "218.18")),
    (Rounding.RATE_FIRST, ("72.73", "109.10", "145.46", "218.19")),
])
@pytest.mark.parametrize("ca", californias(), ids=CA_IDS)
def test_800_over_10_rates_under_each_rounding_policy(rounding: Rounding, ca: Agreement,
                                                      expected: tuple[str, ...]) -> None:
    # Issue 5 oracle: "$800/10" gives $72.73, $109.09, $145.45, $218.19 for 1x, 1.5x, 2x, 3x
    # when the rate is rounded first, $218.18 exact. The published 1.5x and 2x are the exact
    # figures; rate-first gives 72.73 x 1.5 = 109.095 -> 109.10 (see docs/labour/pay.md).
    agreement = replace(ca, rate_rounding=rounding)
    rates = [premium_rate(deal("800", "10", agreement=ca), agreement, D(m))
             for m in ("1", "1.5", "2", "3")]
    assert [rate.rounded() for rate in rates] == [usd(amount) for amount in expected]


def test_exact_rates_keep_full_precision_and_rate_first_rates_are_cents() -> None:
    exact = premium_rate(deal("800", "10"), california(), D(3))
    assert exact.amount == D(800) / D(11) * 3
    first = premium_rate(deal("800", "10"), california(rate_rounding=Rounding.RATE_FIRST), D(3))
    assert first == usd("218.19")


@pytest.mark.parametrize("ca", californias(), ids=CA_IDS)
def test_day_rate_with_no_hours_is_the_day_rate_over_8(ca: Agreement) -> None:
    # Issue 5 oracle: a $400 day rate with no hours stated, regular rate 400/8 (California).
    assert straight_rate(deal("400", agreement=ca), ca) == usd(50)
    assert day_guarantee(deal("400", agreement=ca), ca) == (D(8), True)


def test_weekly_rate_is_five_equal_days() -> None:
    # "$2500/50": five days of 10 h, 11 pay hours each, 55 pay hours a week.
    weekly = deal("2500", "50", basis=Basis.WEEKLY)
    assert straight_rate(weekly, california()).amount == D(2500) / D(55)
    assert day_guarantee(weekly, california()) == (D(10), True)
    assert straight_rate(deal("2000", basis=Basis.WEEKLY), california()) == usd(50)


def test_hourly_and_flat_rates() -> None:
    assert straight_rate(deal("30", basis=Basis.HOURLY), california()) == usd(30)
    assert straight_rate(deal("600", basis=Basis.FLAT), california()) == usd(75)
    assert day_guarantee(deal("600", basis=Basis.FLAT), california()) == (D(0), True)


def test_minimum_call_is_the_floor_of_every_guarantee() -> None:
    agreement = iatse()
    assert day_guarantee(deal("40", basis=Basis.HOURLY, agreement=agreement), agreement) == (
        D(8), False)
    assert day_guarantee(deal("400", "6", agreement=agreement), agreement) == (D(8), False)
    assert day_guarantee(deal("400", "12", agreement=agreement), agreement) == (D(12), True)


@pytest.mark.parametrize(("changes", "field"), [
    ({"rate": Money(D(500), "EUR")}, "rate"),
    ({"agreement": "other"}, "agreement"),
    ({"guaranteed_hours": D(0)}, "guaranteed_hours"),
    ({"rate": usd(-1)}, "rate"),
    ({"kit_rental": Money(D(50), "GBP")}, "kit_rental"),
    ({"allowances": (("car", Money(D(10), "GBP")),)}, "allowances.car"),
])
def test_bad_deals_are_refused_naming_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as excinfo:
        straight_rate(replace(deal("500", "10"), **changes), california())  # type: ignore[arg-type]
    assert excinfo.value.field == field and excinfo.value.source == "ann"


def test_band_hours_split_a_span_between_bands() -> None:
    pieces = band_hours(CA_BANDS, D(6), D(13))
    assert [(band.multiplier, hours) for band, hours in pieces] == [
        (D(1), D(2)), (D("1.5"), D(4)), (D(2), D(1))]


_HOURS = st.decimals(min_value=0, max_value=24, places=4)


@settings(max_examples=200, deadline=None)
@given(_HOURS, _HOURS)
def test_pay_hours_cover_every_hour_once_and_grow_with_hours(a: Decimal, b: Decimal) -> None:
    low, high = min(a, b), max(a, b)
    assert sum(hours for _, hours in band_hours(CA_BANDS, low, high)) == high - low
    assert pay_hours(low, CA_BANDS) <= pay_hours(high, CA_BANDS)
    assert pay_hours(high, CA_BANDS) >= high  # no band pays less than straight time
