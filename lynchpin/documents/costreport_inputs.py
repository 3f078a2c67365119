"""Cost report inputs from a budget: the account tree and the budget of each account.

The ledger's cost report does not depend on the budgeting model; this adapter gives it what it
needs from a `Budget`: an `AccountTree` with the budget's categories at the top (code and
name, in budget order) and their accounts below, and `account_totals(budget)` (each account's
total with its fringes as posted). Contractual charges (contingency, bond...) are top-sheet
figures, not accounts: they are not on the cost report. Raises InputError when a category and
an account share a code.
"""

from __future__ import annotations

from lynchpin.engine.budgeting.model import Budget
from lynchpin.engine.budgeting.totals import account_totals
from lynchpin.engine.ledger.accounts import AccountNode, AccountTree
from lynchpin.engine.money import Money

__all__ = ["budget_accounts", "budget_chart"]


def budget_chart(budget: Budget) -> AccountTree:
    """Categories (top level) -> accounts, in budget order, with their names."""
    nodes: list[AccountNode] = []
    for category in budget.categories:
        nodes.append(AccountNode(category.code, category.name, None))
        nodes.extend(AccountNode(account.code, account.name, category.code)
                     for account in category.accounts)
    return AccountTree(tuple(nodes))


def budget_accounts(budget: Budget) -> dict[str, Money]:
    """Account code -> budget (fringes as posted, unrounded), from the budgeting engine."""
    return account_totals(budget)
