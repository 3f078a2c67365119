"""Money: an exact Decimal amount with a currency, immutable.

Invariants: `amount` is a `Decimal` at full precision (never a float); arithmetic between two
`Money` values needs the same currency (else `CurrencyMismatch`); multiplying by a quantity
(int or Decimal) keeps full precision. Rounding happens once, at a documented boundary, with
`Money.rounded()` (half-up to the currency's minor unit by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from lynchpin.engine.errors import DomainError

#: Minor units per currency where it is not 2 (ISO 4217).
_MINOR_UNITS = {"JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "HUF": 2, "KWD": 3, "BHD": 3, "TND": 3}


class CurrencyMismatch(DomainError):
    """Two amounts in different currencies were combined."""


def _decimal(value: Decimal | int | str) -> Decimal:
    if isinstance(value, float):  # a float has already lost the exact value
        raise TypeError("money amounts must be Decimal, int or str, never float")
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError(f"not an amount: {value!r}") from None


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of one currency (ISO 4217 code, upper case)."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", _decimal(self.amount))
        if len(self.currency) != 3 or not self.currency.isalpha():
            raise ValueError(f"not a currency code: {self.currency!r}")
        object.__setattr__(self, "currency", self.currency.upper())

    @classmethod
    def zero(cls, currency: str) -> Money:
        """Nothing, in `currency`."""
        return cls(Decimal(0), currency)

    @classmethod
    def parse(cls, text: str) -> Money:
        """Read ``"1234.50 USD"`` or ``"USD 1234.50"``; raises ValueError naming the text."""
        parts = text.replace(",", "").split()
        if len(parts) == 2:
            first, second = parts
            amount, currency = (second, first) if first.isalpha() else (first, second)
            try:
                return cls(_decimal(amount), currency)
            except ValueError:
                pass
        raise ValueError(f"not an amount of money (expected e.g. '1200.00 USD'): {text!r}")

    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatch(f"cannot combine {self.currency} and {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __mul__(self, quantity: Decimal | int) -> Money:
        return Money(self.amount * _decimal(quantity), self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.amount <= other.amount

    def __bool__(self) -> bool:
        return bool(self.amount)

    @property
    def minor_units(self) -> int:
        """Digits after the decimal point in this currency (2 for USD, 0 for JPY)."""
        return _MINOR_UNITS.get(self.currency, 2)

    def rounded(self, places: int | None = None) -> Money:
        """Rounded half-up to `places` digits (default: the currency's minor unit)."""
        digits = self.minor_units if places is None else places
        with localcontext() as context:  # quantize needs room for every digit it keeps
            context.prec = max(context.prec, self.amount.adjusted() + digits + 2)
            amount = self.amount.quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
        return Money(amount, self.currency)

    def in_minor_units(self) -> int:
        """The amount as an integer of minor units (cents), rounded half-up: for solvers."""
        return int(self.rounded().amount.scaleb(self.minor_units))

    def __str__(self) -> str:
        return f"{self.rounded().amount:,} {self.currency}"


def total(amounts: list[Money] | tuple[Money, ...], currency: str) -> Money:
    """Sum of `amounts` (all in `currency`); zero for none."""
    result = Money.zero(currency)
    for amount in amounts:
        result = result + amount
    return result
