"""Re-pricing one changed line without recomputing the whole budget.

`reprice_line` replaces the line at (account code, index from 0) and recomputes only that
line, the fringe range(s) of its old and new person, and the roll-ups by difference (exact:
Decimal sums of the same terms). Globals, units, fringes and the chart are unchanged; for any
other edit (adding or removing lines, changing globals) call `price_budget` again.
Raises `DomainError` when the account or line does not exist.
"""

from __future__ import annotations

from dataclasses import replace

from lynchpin.engine.budgeting.fringes import apply_fringes
from lynchpin.engine.budgeting.lines import price_line
from lynchpin.engine.budgeting.model import Account, Budget, Category, DetailLine
from lynchpin.engine.budgeting.totals import Pricing, Structure, finish
from lynchpin.engine.errors import DomainError


def _replace_line(budget: Budget, code: str, index: int, line: DetailLine) -> Budget:
    categories: list[Category] = []
    for category in budget.categories:
        accounts: list[Account] = []
        for account in category.accounts:
            if account.code == code:
                lines = (*account.lines[:index], line, *account.lines[index + 1:])
                account = replace(account, lines=lines)
            accounts.append(account)
        categories.append(replace(category, accounts=tuple(accounts)))
    return replace(budget, categories=tuple(categories))


def _people(structure: Structure, position: int, old: DetailLine,
            new: DetailLine) -> dict[str, tuple[int, ...]]:
    people = dict(structure.person_lines)
    if old.person and not old.individual:
        people[old.person] = tuple(i for i in people[old.person] if i != position)
    if new.person and not new.individual:
        people[new.person] = tuple(sorted({*people.get(new.person, ()), position}))
    return {person: lines for person, lines in people.items() if lines}


def _affected(structure: Structure, people: dict[str, tuple[int, ...]], position: int,
              old: DetailLine, new: DetailLine) -> list[int]:
    indices = {position}
    for line in (old, new):
        if line.person and not line.individual:
            indices.update(structure.person_lines.get(line.person, ()))
            indices.update(people.get(line.person, ()))
    return sorted(indices)


def _locate(budget: Budget, pricing: Pricing, code: str, index: int) -> tuple[int, DetailLine]:
    start = pricing.structure.account_start.get(code)
    account = next((acc for _, acc in budget.accounts() if acc.code == code), None)
    if start is None or account is None or not 0 <= index < len(account.lines):
        raise DomainError(f"no line {index} in account {code!r}")
    return start + index, account.lines[index]


def reprice_line(pricing: Pricing, code: str, index: int,
                 line: DetailLine) -> tuple[Budget, Pricing]:
    """The budget with line `index` (from 0) of account `code` replaced, and its pricing."""
    budget = pricing.budget
    position, old = _locate(budget, pricing, code, index)
    structure = pricing.structure
    people = _people(structure, position, old, line)
    structure = replace(structure, person_lines=people)
    new_budget = _replace_line(budget, code, index, line)
    lines = list(pricing.lines)
    previous = lines[position]
    lines[position] = replace(previous, amount=price_line(line, previous.ref, structure.line_ctx))
    affected = _affected(pricing.structure, people, position, old, line)
    source = {i: (line if i == position else _line_at(budget, pricing, i)) for i in affected}
    fringed = apply_fringes(((i, lines[i].ref, source[i], lines[i].amount) for i in affected),
                            structure.fringe_ctx)
    accounts = dict(pricing.accounts)
    for i in affected:
        old_line = pricing.lines[i]
        accounts[old_line.account] -= old_line.amount.total
        accounts[old_line.post_to] -= old_line.fringes.total
        lines[i] = replace(lines[i], fringes=fringed[i])
        accounts[lines[i].account] += lines[i].amount.total
        accounts[lines[i].post_to] += lines[i].fringes.total
    result = finish(new_budget, tuple(lines), accounts, structure)
    return new_budget, result


def _line_at(budget: Budget, pricing: Pricing, position: int) -> DetailLine:
    code = pricing.lines[position].account
    start = pricing.structure.account_start[code]
    for _, account in budget.accounts():
        if account.code == code:
            return account.lines[position - start]
    raise DomainError(f"account {code!r} vanished")  # unreachable: structure built from budget
