"""Input and output schemas of the accounting API (lynchpin.accounting.api).

Amounts are decimal strings in and out (send ``"1250.00"``, never a binary float); dates are
ISO. Every posting body carries its idempotency `key`: sending the same body again changes
nothing, the same key with another body is refused (400, ``ledger.duplicate_key``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, P, PathEx, Schema

__all__ = [
    "MAX_ID",
    "ActualIn",
    "BankImportOut",
    "BankLineOut",
    "BankLinesIn",
    "BudgetedIn",
    "ChartOut",
    "ChartsIn",
    "ChartsOut",
    "CostLineOut",
    "CostReportIn",
    "CostReportOut",
    "EntryDetailOut",
    "EntryOut",
    "EnvelopeIn",
    "FloatIn",
    "FloatOut",
    "HotCostIn",
    "HotCostOut",
    "InvoiceIn",
    "JournalIn",
    "LedgerFiltersIn",
    "PathId",
    "PayrollIn",
    "PeriodIn",
    "PeriodOut",
    "PoDateIn",
    "PoFilterIn",
    "PoIn",
    "PoOut",
    "ReverseIn",
    "RowId",
]

_KEY = Field(..., min_length=1, max_length=120, description="Idempotency key")

#: The largest row id the databases hold (64-bit); larger ids are refused with 400 naming the
#: parameter before any query (SQLite cannot even bind them).
MAX_ID = 2**63 - 1
RowId = Annotated[int, Field(ge=1, le=MAX_ID)]
PathId = PathEx[int, P(ge=1, le=MAX_ID)]


class EntryOut(Schema):
    """A posted ledger entry (amount: the entry's principal amount, see the docs)."""

    id: int
    kind: str
    key: str
    date: dt.date
    period_id: int | None
    posted_at: dt.datetime
    posted_by: str
    reference: str
    memo: str
    account: str
    vendor: str
    vendor_id: int | None
    amount: Decimal
    currency: str
    reverses_id: int | None
    warnings: list[dict[str, str]]

    @staticmethod
    def resolve_posted_by(obj: Any) -> str:
        return str(obj.posted_by_label)

    @staticmethod
    def resolve_vendor(obj: Any) -> str:
        return str(obj.vendor_name)


class EntryDetailOut(EntryOut):
    """An entry with its engine fields (`payload`) and the postings it made."""

    payload: dict[str, Any]
    postings: list[dict[str, str]]
    reversed_by_id: int | None

    @staticmethod
    def resolve_reversed_by_id(obj: Any) -> int | None:
        reversal = obj.reversal
        return int(reversal.pk) if reversal is not None else None


class LedgerFiltersIn(Schema):
    """Filters of the ledger list (query parameters)."""

    kind: str | None = None
    account: str | None = None
    period_id: RowId | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    search: str | None = None


class _Coded(Schema):
    key: str = _KEY
    date: dt.date
    account: str
    amount: Decimal
    vendor: str = ""
    vendor_id: RowId | None = None
    reference: str = ""
    memo: str = ""
    set_code: str = ""
    episode: str = ""


class InvoiceIn(_Coded):
    """A vendor invoice; `po_id` relieves that approved PO; `credit` for a credit note."""

    po_id: RowId | None = None
    credit: bool = False


class PayrollIn(_Coded):
    """A payroll cost."""


class FloatIn(Schema):
    """A petty cash float advanced to `custodian`."""

    key: str = _KEY
    date: dt.date
    custodian: str
    amount: Decimal
    reference: str = ""
    memo: str = ""


class ReceiptIn(Schema):
    """One petty cash receipt."""

    account: str
    amount: Decimal
    vendor: str = ""
    description: str = ""
    set_code: str = ""
    episode: str = ""


class EnvelopeIn(Schema):
    """Receipts returned against the float `float_id` (a ledger entry id)."""

    key: str = _KEY
    date: dt.date
    float_id: RowId
    receipts: list[ReceiptIn] = Field(..., min_length=1)
    reference: str = ""
    memo: str = ""


class JournalLineIn(Schema):
    """One line of a journal entry (any sign)."""

    account: str
    amount: Decimal
    set_code: str = ""
    episode: str = ""


class JournalIn(Schema):
    """A journal entry (reclass, accrual, credit)."""

    key: str = _KEY
    date: dt.date
    lines: list[JournalLineIn] = Field(..., min_length=1)
    reference: str = ""
    memo: str = ""


class ReverseIn(Schema):
    """A reversal dated `date` (in an open period)."""

    key: str = _KEY
    date: dt.date
    memo: str = ""


class FloatOut(Schema):
    """A petty cash float with what has come back in receipts."""

    entry_id: int
    date: dt.date
    custodian: str
    amount: Decimal
    spent: Decimal
    remaining: Decimal
    reversed: bool


class PoIn(Schema):
    """A purchase order request (`vendor_id`: a vendor of the people app, else `vendor`)."""

    key: str = _KEY
    account: str
    amount: Decimal
    vendor: str = ""
    vendor_id: RowId | None = None
    description: str = ""
    set_code: str = ""
    episode: str = ""


class PoFilterIn(Schema):
    """Filter of the purchase order list: the workflow state."""

    state: str | None = None


class BankLinesIn(Schema):
    """Filter of the bank lines: one import."""

    batch_id: RowId | None = None


class CostReportIn(Schema):
    """Cost report filters: accounting period id, category code, episode, budget version id."""

    period: RowId | None = None
    category: str | None = None
    episode: str | None = None
    budget: RowId | None = None


class ChartsIn(Schema):
    """Charts against budget version `budget` (default: the current one)."""

    budget: RowId | None = None


class PoDateIn(Schema):
    """The date of an approval or close (default: today in the production's time zone)."""

    date: dt.date | None = None


class PoOut(Schema):
    """A purchase order: workflow `state` and ledger `status` with its balances."""

    id: int
    number: int
    key: str
    state: str
    status: str
    account: str
    amount: Decimal
    currency: str
    vendor: str
    vendor_id: int | None
    description: str
    set_code: str
    episode: str
    requested_by: str
    approved_by: str | None
    approved_at: dt.datetime | None
    open_balance: Decimal | None
    invoiced: Decimal | None
    entry_id: int | None
    close_entry_id: int | None


class PeriodIn(Schema):
    """The next accounting period (`start_date` only for the first)."""

    end_date: dt.date
    start_date: dt.date | None = None


class PeriodOut(Schema):
    """An accounting period."""

    id: int
    start_date: dt.date
    end_date: dt.date
    closed: bool
    closed_at: dt.datetime | None


class BankImportOut(Schema):
    """One statement import."""

    id: int
    file_name: str
    lines_read: int
    lines_added: int
    created: dt.datetime


class BankLineOut(Schema):
    """An imported statement line (negative amount = money out)."""

    id: int
    batch_id: int
    line: int
    date: dt.date
    description: str
    reference: str
    amount: Decimal
    currency: str
    external_id: str


class CostLineOut(Schema):
    """A cost report row; amounts are decimal strings rounded to the currency."""

    code: str
    name: str
    depth: int
    parent: str | None
    is_leaf: bool
    budget: str
    this_period: str
    actual_to_date: str
    committed: str
    total_cost: str
    etc: str
    efc: str
    variance: str


class CostReportOut(Schema):
    """The cost report (same shape as ``lynchpin costreport --json``)."""

    format: str
    version: int
    title: str
    currency: str
    period: dict[str, dt.date]
    sign_convention: str
    etc_basis: str
    columns: list[str]
    lines: list[CostLineOut]
    total: CostLineOut


class BudgetedIn(Schema):
    """One person's budgeted day."""

    person: str
    account: str = ""
    hours: Decimal
    straight: Decimal
    overtime: Decimal | None = None


class ActualIn(Schema):
    """One person's day from the timecard."""

    person: str
    account: str = ""
    hours: Decimal
    straight: Decimal
    overtime_hours: Decimal = Decimal(0)
    overtime: Decimal | None = None
    meal_penalties: int = 0
    meal_penalty_amount: Decimal | None = None


class HotCostIn(Schema):
    """The figures of one shoot day."""

    day: dt.date
    budgeted: list[BudgetedIn]
    actual: list[ActualIn]


class HotCostReasonOut(Schema):
    """Part of the difference: `cost` > 0 added cost."""

    kind: str
    person: str
    cost: Decimal
    detail: str


class HotCostOut(Schema):
    """A day's hot cost (variance = budgeted - actual: positive is under budget)."""

    day: dt.date
    currency: str
    budgeted: Decimal
    actual: Decimal
    variance: Decimal
    sign_convention: str
    reasons: list[HotCostReasonOut]


class SeriesOut(Schema):
    """One series: a value (decimal string) per label, null where there is none."""

    label: str
    values: list[Decimal | None]


class ChartOut(Schema):
    """Labels and series of one chart."""

    labels: list[str]
    series: list[SeriesOut]
    note: str


class ChartsOut(Schema):
    """Budget burn against plan, EFC over time, spend by category."""

    currency: str
    burn: ChartOut
    efc: ChartOut
    spend: ChartOut
