"""Writes of the accounting app: every service takes keyword-only arguments with the acting
user first, needs POST_LEDGER, runs in one transaction and writes the audit log.

- `posting`: the one path into the ledger (lock, rebuild, engine `post`, store, audit)
- `purchase_orders`: po_request, po_approve, po_close
- `entries`: invoice_post, payroll_post, petty_cash_float_post, petty_cash_post,
  journal_post, entry_reverse
- `periods`: period_create, period_close
- `bank`: bank_csv_import
"""

from lynchpin.accounting.services.bank import bank_csv_import
from lynchpin.accounting.services.entries import (
    entry_reverse,
    invoice_post,
    journal_post,
    payroll_post,
    petty_cash_float_post,
    petty_cash_post,
)
from lynchpin.accounting.services.periods import period_close, period_create
from lynchpin.accounting.services.purchase_orders import po_approve, po_close, po_request

__all__ = [
    "bank_csv_import",
    "entry_reverse",
    "invoice_post",
    "journal_post",
    "payroll_post",
    "period_close",
    "period_create",
    "petty_cash_float_post",
    "petty_cash_post",
    "po_approve",
    "po_close",
    "po_request",
]
