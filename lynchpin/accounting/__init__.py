"""Accounting: the production ledger (purchase orders, invoices, payroll, petty cash,
journal entries, reversals), accounting periods, bank and card lines, cost reports, hot cost
and spending charts. The ledger rules are the engine's (`lynchpin.engine.ledger`); this app
stores what was posted and shows it. docs/web/accounting.md is the user guide.
"""
