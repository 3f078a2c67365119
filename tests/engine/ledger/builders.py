"""Small builders shared by the ledger tests: money, dates, a chart and its account tree."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lynchpin.engine.ledger.accounts import AccountTree
from lynchpin.engine.ledger.book import Ledger
from lynchpin.engine.ledger.entries import Invoice, PayrollPosting, PurchaseOrder
from lynchpin.engine.ledger.ledger import open_ledger
from lynchpin.engine.money import Money

ACCOUNTS = {"2000": None, "2100": "2000", "2200": "2000", "3000": None, "3100": "3000"}
NAMES = {
    "2000": "Production",
    "2100": "Camera",
    "2200": "Grip",
    "3000": "Post",
    "3100": "Editorial",
}


def usd(amount: str | int) -> Money:
    return Money(Decimal(amount), "USD")


def day(n: int) -> date:
    """The n-th of March 2026."""
    return date(2026, 3, n)


def tree() -> AccountTree:
    return AccountTree.from_parents(ACCOUNTS, NAMES)


def empty() -> Ledger:
    return open_ledger(currency="USD", accounts=["2100", "2200", "3100"])


def po(
    key: str, amount: str | int, *, account: str = "2100", on: int = 2, vendor: str = "Camera House"
) -> PurchaseOrder:
    return PurchaseOrder(
        key=key,
        date=day(on),
        account=account,
        amount=usd(amount),
        vendor=vendor,
        reference=f"PO {key}",
    )


def invoice(
    key: str,
    amount: str | int,
    *,
    po_key: str = "",
    account: str = "2100",
    on: int = 5,
    vendor: str = "Camera House",
) -> Invoice:
    return Invoice(
        key=key,
        date=day(on),
        account=account,
        amount=usd(amount),
        vendor=vendor,
        po_key=po_key,
        reference=f"INV {key}",
    )


def payroll(key: str, amount: str | int, *, account: str = "2200", on: int = 6) -> PayrollPosting:
    return PayrollPosting(
        key=key,
        date=day(on),
        account=account,
        amount=usd(amount),
        vendor="Payroll Co",
        reference="week 1",
    )
