"""Roll-ups: line -> account -> category -> level (top sheet) -> charges -> grand/net total.

`price_budget(budget)` computes everything once at full Decimal precision and returns a
`Pricing`; nothing is rounded, every total is the sum of unrounded parts. Round only when a
cell is printed, with `printed(money)` (half-up to the currency's minor unit): a printed
column may therefore differ from the sum of its printed cells by a cent, which is what Movie
Magic does too.

Fringes are added to accounts as posted (`FringePosting`): the line's own account (ACCOUNT),
its category's `fringe_account` (CATEGORY, e.g. 1901 for above the line, 4901 for production)
or one account (BUDGET, e.g. 7901). A posting target missing from the chart is a violation
and the fringe stays in the line's account. Grand total = levels + charges; net total = grand
total - incentives. Problems never raise: they are listed in `Pricing.violations`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from lynchpin.engine.budgeting.charges import ChargeAmount, charge_amounts, incentive_amounts
from lynchpin.engine.budgeting.fringes import (
    FringeContext,
    LineFringes,
    apply_fringes,
    fringe_context,
)
from lynchpin.engine.budgeting.globals import resolve_globals
from lynchpin.engine.budgeting.lines import LineAmount, LineContext, price_line
from lynchpin.engine.budgeting.model import (
    Account,
    Budget,
    Category,
    FlatPer,
    Level,
    PostingMode,
)
from lynchpin.engine.budgeting.units import hours_per, unit_table
from lynchpin.engine.errors import Severity, Violation
from lynchpin.engine.money import Money

_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class LinePrice:
    """A priced line in budget order; `ref` is ``accounts.CODE.lines[N]`` (N from 1)."""

    ref: str
    category: str
    account: str
    amount: LineAmount
    fringes: LineFringes
    post_to: str

    def fringe_total(self) -> Decimal:
        """Sum of this line's fringes."""
        return self.fringes.total


@dataclass(frozen=True, slots=True)
class Structure:
    """What incremental re-pricing needs: contexts and indexes over the budget's lines."""

    line_ctx: LineContext
    fringe_ctx: FringeContext
    account_category: Mapping[str, str]
    category_level: Mapping[str, Level]
    account_start: Mapping[str, int]
    person_lines: Mapping[str, tuple[int, ...]]
    global_violations: tuple[Violation, ...]
    posting_violations: tuple[Violation, ...]


@dataclass(frozen=True)
class Pricing:
    """Every total of a budget at full precision (Decimal in the budget currency)."""

    budget: Budget
    lines: tuple[LinePrice, ...]
    accounts: Mapping[str, Decimal]
    categories: Mapping[str, Decimal]
    levels: Mapping[Level, Decimal]
    charges: tuple[ChargeAmount, ...]
    incentives: tuple[ChargeAmount, ...]
    structure: Structure

    @cached_property
    def fringe_totals(self) -> Mapping[str, Decimal]:
        """Total of each fringe (by id, in the budget's fringe order) over all lines."""
        totals = {fringe.id: _ZERO for fringe in self.budget.fringes}
        for line in self.lines:
            for fringe_id, amount in line.fringes.amounts:
                totals[fringe_id] += amount
        return totals

    @property
    def subtotal(self) -> Decimal:
        """Total of all levels, before charges."""
        return sum(self.levels.values(), _ZERO)

    @property
    def grand_total(self) -> Decimal:
        """Subtotal plus contractual charges."""
        return self.subtotal + sum((c.amount for c in self.charges), _ZERO)

    @property
    def net_total(self) -> Decimal:
        """Grand total less incentives."""
        return self.grand_total - sum((i.amount for i in self.incentives), _ZERO)

    @property
    def violations(self) -> tuple[Violation, ...]:
        """Every problem: globals, postings, then lines in budget order."""
        own = tuple(v for line in self.lines for v in line.amount.violations)
        fringe = tuple(v for line in self.lines for v in line.fringes.violations)
        return self.structure.global_violations + self.structure.posting_violations + own + fringe

    def money(self, amount: Decimal) -> Money:
        """`amount` as Money in the budget currency (unrounded)."""
        return Money(amount, self.budget.currency)


def printed(money: Money) -> Money:
    """THE rounding step: the value of a printed cell, half-up to the currency's minor unit."""
    return money.rounded()


def _contexts(budget: Budget) -> tuple[LineContext, FringeContext, tuple[Violation, ...]]:
    resolved = resolve_globals(budget.globals)
    units = unit_table(budget)
    excluded = frozenset(group.id for group in budget.groups if group.excluded)
    rates = {code.upper(): rate for code, rate in budget.exchange_rates.items()}
    line_ctx = LineContext(budget.currency.upper(), resolved.values, resolved.failed, units,
                           rates, excluded)
    periods = {per: hours_per(per, units) for per in FlatPer}
    fringe_ctx = fringe_context(budget.fringes, {p.id: p.ytd_wages for p in budget.people},
                                periods)
    return line_ctx, fringe_ctx, resolved.violations


def _post_target(budget: Budget, category: Category, account: Account,
                 known: Mapping[str, str]) -> tuple[str, Violation | None]:
    mode = budget.fringe_posting.mode
    if mode is PostingMode.ACCOUNT:
        return account.code, None
    target = budget.fringe_posting.account if mode is PostingMode.BUDGET else (
        category.fringe_account or "")
    if target in known:
        return target, None
    message = (f"fringes of account {account.code} post to account {target or '(none)'}, "
               f"which is not in the budget; they stay in {account.code}")
    return account.code, Violation("budget.fringe.posting", Severity.WARNING, message,
                                   f"accounts.{account.code}")


def _structure_indexes(budget: Budget) -> tuple[dict[str, str], dict[str, Level],
                                                 dict[str, int], dict[str, tuple[int, ...]]]:
    account_category: dict[str, str] = {}
    account_start: dict[str, int] = {}
    persons: dict[str, list[int]] = {}
    index = 0
    for category, account in budget.accounts():
        account_category[account.code] = category.code
        account_start[account.code] = index
        for line in account.lines:
            if line.person and not line.individual:
                persons.setdefault(line.person, []).append(index)
            index += 1
    levels = {category.code: category.level for category in budget.categories}
    people = {person: tuple(indices) for person, indices in persons.items()}
    return account_category, levels, account_start, people


def _price_lines(budget: Budget, line_ctx: LineContext, account_category: Mapping[str, str]
                 ) -> tuple[list[tuple[int, str, Account, LineAmount]], list[str],
                            list[Violation]]:
    items: list[tuple[int, str, Account, LineAmount]] = []
    targets: list[str] = []
    posting: list[Violation] = []
    for category, account in budget.accounts():
        target, problem = _post_target(budget, category, account, account_category)
        if problem is not None and any(line.fringes for line in account.lines):
            posting.append(problem)
        for number, line in enumerate(account.lines, start=1):
            ref = f"accounts.{account.code}.lines[{number}]"
            items.append((len(items), ref, account, price_line(line, ref, line_ctx)))
            targets.append(target)
    return items, targets, posting


def price_budget(budget: Budget) -> Pricing:
    """Price every line, fringe and roll-up of `budget` (never raises for budget content)."""
    line_ctx, fringe_ctx, global_violations = _contexts(budget)
    account_category, levels, starts, people = _structure_indexes(budget)
    items, targets, posting = _price_lines(budget, line_ctx, account_category)
    all_lines = [line for _, account in budget.accounts() for line in account.lines]
    fringed = apply_fringes(
        ((i, ref, all_lines[i], priced) for i, ref, _, priced in items), fringe_ctx)
    lines = tuple(
        LinePrice(ref, account_category[account.code], account.code, priced, fringed[i],
                  targets[i])
        for i, ref, account, priced in items)
    structure = Structure(line_ctx, fringe_ctx, account_category, levels, starts, people,
                          global_violations, tuple(posting))
    return roll_up(budget, lines, structure)


def roll_up(budget: Budget, lines: tuple[LinePrice, ...], structure: Structure) -> Pricing:
    """Accounts, categories, levels, charges and incentives from priced lines."""
    accounts = dict.fromkeys(structure.account_category, _ZERO)
    for line in lines:
        accounts[line.account] += line.amount.total
        if line.fringes.amounts:
            accounts[line.post_to] += line.fringes.total
    return finish(budget, lines, accounts, structure)


def finish(budget: Budget, lines: tuple[LinePrice, ...], accounts: dict[str, Decimal],
           structure: Structure) -> Pricing:
    """Categories, levels, charges and incentives from account totals."""
    categories = {category.code: _ZERO for category in budget.categories}
    for code, amount in accounts.items():
        categories[structure.account_category[code]] += amount
    levels = dict.fromkeys(Level, _ZERO)
    for code, amount in categories.items():
        levels[structure.category_level[code]] += amount
    charges = charge_amounts(budget.charges, accounts, structure.account_category)
    incentives = incentive_amounts(budget.incentives, accounts, structure.account_category)
    return Pricing(budget, lines, accounts, categories, levels, charges, incentives, structure)


def account_totals(budget: Budget) -> dict[str, Money]:
    """Account code -> total including fringes as posted, unrounded, in budget order."""
    pricing = price_budget(budget)
    return {code: pricing.money(amount) for code, amount in pricing.accounts.items()}


def budget_total(budget: Budget) -> Money:
    """The grand total: all accounts plus contractual charges (incentives not deducted)."""
    pricing = price_budget(budget)
    return pricing.money(pricing.grand_total)
