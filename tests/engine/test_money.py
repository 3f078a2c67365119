"""Money: exact Decimal arithmetic in one currency, rounding once at the boundary."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lynchpin.engine.money import CurrencyMismatch, Money, total

amounts = st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False)


def test_arithmetic_keeps_full_precision() -> None:
    rate = Money(Decimal("400.00"), "usd")
    assert rate.currency == "USD"
    assert rate * 5 == Money(Decimal("2000.00"), "USD")
    assert (Money(Decimal("0.6"), "USD") * Decimal("0.006")).amount == Decimal("0.0036")


def test_currencies_do_not_mix() -> None:
    with pytest.raises(CurrencyMismatch, match="USD and EUR"):
        Money(Decimal(1), "USD") + Money(Decimal(1), "EUR")


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError, match="never float"):
        Money(0.1, "USD")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [("1200.50 USD", "1200.50", "USD"), ("EUR 3,000", "3000", "EUR"), ("5 jpy", "5", "JPY")],
)
def test_parse(text: str, amount: str, currency: str) -> None:
    assert Money.parse(text) == Money(Decimal(amount), currency)


@pytest.mark.parametrize("text", ["", "12", "USD", "1.2.3 USD", "12 DOLLARS"])
def test_parse_names_bad_text(text: str) -> None:
    with pytest.raises(ValueError, match="not an amount"):
        Money.parse(text)


def test_rounding_is_half_up_to_minor_units() -> None:
    assert Money(Decimal("2.345"), "USD").rounded().amount == Decimal("2.35")
    assert Money(Decimal("2.5"), "JPY").rounded().amount == Decimal("3")
    assert Money(Decimal("12.345"), "USD").in_minor_units() == 1235
    assert str(Money(Decimal("1234567.891"), "USD")) == "1,234,567.89 USD"


@given(st.lists(amounts, max_size=20))
def test_total_is_exact(values: list[Decimal]) -> None:
    assert total([Money(v, "USD") for v in values], "USD").amount == sum(values, Decimal(0))


def test_rounding_works_for_amounts_beyond_the_default_precision() -> None:
    huge = Money(Decimal("100000000000014290855858826.3"), "USD")
    assert huge.rounded().amount == Decimal("100000000000014290855858826.30")
    assert Money(Decimal("1E+40"), "JPY").in_minor_units() == 10**40
