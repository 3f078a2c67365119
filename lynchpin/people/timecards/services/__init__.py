"""Writes of timecards: weeks (`weeks`: save, submit, approve, send back, post), their
payroll postings (`ledger`: the one place that calls the accounting app) and the payroll
accounts (`accounts`)."""

from lynchpin.people.timecards.services.accounts import payroll_accounts_set
from lynchpin.people.timecards.services.ledger import (
    payroll_account_for,
    post_week,
    posting_key,
    reverse_week,
)
from lynchpin.people.timecards.services.weeks import (
    timecard_week_approve,
    timecard_week_post,
    timecard_week_save,
    timecard_week_send_back,
    timecard_week_submit,
)

__all__ = [
    "payroll_account_for",
    "payroll_accounts_set",
    "post_week",
    "posting_key",
    "reverse_week",
    "timecard_week_approve",
    "timecard_week_post",
    "timecard_week_save",
    "timecard_week_send_back",
    "timecard_week_submit",
]
