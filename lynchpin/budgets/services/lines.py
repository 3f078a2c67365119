"""Writes of detail lines: add, update (the in-place edit), delete.

Each needs EDIT_BUDGET and an unlocked version, runs in one transaction, records one audit
entry and returns the totals it changed. An update names the line's `expected_version`: a
stale one is a Conflict (409), never a silent overwrite. An update re-prices incrementally
(engine `reprice_line`: the line, its person's fringe range and the roll-ups); adding or
deleting a line re-prices the whole budget.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F, Max

from lynchpin.budgets.adapters import (
    PricedBudget,
    PricedLine,
    TotalsChange,
    checked_cell,
    line_from_row,
    priced_budget,
    priced_line,
    remember,
    totals_change,
    with_line,
)
from lynchpin.budgets.models import BudgetAccount, BudgetLine, BudgetVersion, valid_id
from lynchpin.budgets.services.common import computed, member, touch, version_for_update
from lynchpin.core.audit import audit_record, changes_between, snapshot
from lynchpin.core.errors import Invalid, NotFound
from lynchpin.core.roles import Capability
from lynchpin.core.validation import clean_or_invalid

__all__ = ["LINE_FIELDS", "LineResult", "budget_line_add", "budget_line_delete",
           "budget_line_update"]

#: Fields of a line that people edit (what `**fields` may name).
LINE_FIELDS = ("description", "amount", "unit", "x", "rate", "currency", "fringes", "groups",
               "locations", "sets", "notes", "person", "individual", "line_code")
_CELLS = frozenset({"amount", "x", "rate"})
_LISTS = frozenset({"fringes", "groups", "locations", "sets"})
_TEXTS = frozenset({"description", "unit", "notes", "person", "line_code"})


@dataclass(frozen=True)
class LineResult:
    """A line after a write, priced, and the totals the write changed."""

    line: PricedLine
    totals: TotalsChange


def _ids(value: Any) -> list[str]:
    """A list of ids from a list or from text separated by spaces or commas."""
    items: Iterable[Any] = value.replace(",", " ").split() if isinstance(value, str) else value
    return [str(item).strip() for item in items if str(item).strip()]


def _one_field(line: BudgetLine, name: str, value: Any) -> None:
    if name in _CELLS:
        setattr(line, name, checked_cell(str(value), field=name))
    elif name in _LISTS:
        setattr(line, name, _ids(value))
    elif name in _TEXTS:
        setattr(line, name, str(value).strip())
    elif name == "currency":
        line.currency = str(value).strip().upper()
        if line.currency and not (len(line.currency) == 3 and line.currency.isalpha()):
            raise Invalid("currency: use a three-letter ISO 4217 code, or leave it empty.",
                          fields={"currency": ["Use a code such as USD, or leave it empty."]})
    else:  # individual
        line.individual = bool(value)


def _apply(line: BudgetLine, fields: Mapping[str, Any], fringe_codes: set[str]) -> None:
    """Set `fields` on `line`; raises Invalid listing every bad field at once."""
    errors: dict[str, list[str]] = {}
    for name, value in fields.items():
        if name not in LINE_FIELDS:
            errors[name] = [f"Unknown field; lines have {', '.join(LINE_FIELDS)}."]
            continue
        try:
            _one_field(line, name, value)
        except Invalid as error:
            errors.update({key: list(msgs) for key, msgs in error.fields.items()})
    unknown = [code for code in line.fringes if code not in fringe_codes]
    if unknown:
        errors["fringes"] = [f"No fringe {code!r} in this budget; add it on the fringes page."
                             for code in unknown]
    if errors:
        raise Invalid("; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in errors.items()),
                      fields=errors)


def _fringe_codes(version: BudgetVersion) -> set[str]:
    return set(version.fringes.values_list("code", flat=True))


def _line_in(production_id: int, line_id: int, budget_id: int | None) -> BudgetLine:
    if not valid_id(line_id) or not (budget_id is None or valid_id(budget_id)):
        raise NotFound("Budget line not found.")
    lines = BudgetLine.objects.select_related("account").filter(
        pk=line_id, budget__production_id=production_id)
    line = (lines if budget_id is None else lines.filter(budget_id=budget_id)).first()
    if line is None:
        raise NotFound("Budget line not found.")
    return line


def _stored(expected_version: int) -> int:
    """`expected_version`, or 0 (never stored: a Conflict) when no row can have it."""
    return expected_version if valid_id(expected_version) else 0


def _label(version: BudgetVersion, line: BudgetLine) -> str:
    return f"{version.name}: {line.account.code} {line.description}"


def _result(row: BudgetLine, before: PricedBudget, after: PricedBudget) -> LineResult:
    totals = totals_change(before.pricing, after.pricing, always=(row.account.code,))
    return LineResult(priced_line(after, row), totals)


@transaction.atomic
def budget_line_update(
    *, actor: Any, production_id: int, line_id: int, expected_version: int,
    budget_id: int | None = None, **fields: Any
) -> LineResult:
    """Change `fields` (any of LINE_FIELDS) of a line read at `expected_version`.

    Number cells take a number or a formula (checked; unknown globals are reported by
    pricing, not refused). `budget_id`, when given, must be the line's version (an API path
    names both). Requires EDIT_BUDGET. Raises NotFound, Conflict (stale version,
    locked budget) or Invalid naming every bad field. Returns the re-priced line and the
    totals that changed.
    """
    membership = member(actor, production_id, Capability.EDIT_BUDGET)
    line = _line_in(production_id, line_id, budget_id)
    version = version_for_update(production_id, line.budget_id)
    priced = priced_budget(version, title=membership.production.title)  # before the edit
    before = snapshot(line, LINE_FIELDS)
    _apply(line, fields, _fringe_codes(version))
    clean_or_invalid(line)
    changed = [name for name in LINE_FIELDS if before[name] != getattr(line, name)]
    line.compare_and_set(expected_version=_stored(expected_version), fields=changed)
    revision = touch(version)
    if line.pk in priced.loaded.line_places:
        after = computed(lambda: with_line(priced, line.pk, line_from_row(line),
                                           revision=revision))
        remember(after)
    else:  # the rows moved under the cache: price from the rows again
        after = computed(lambda: priced_budget(version, title=membership.production.title))
    audit_record(actor=actor, action="budget_line.update", target=line,
                 production_id=production_id, label=_label(version, line),
                 changes=changes_between(before, snapshot(line, LINE_FIELDS)))
    return _result(line, priced, after)


def _account_in(production_id: int, account_id: int, budget_id: int | None) -> BudgetAccount:
    if not valid_id(account_id) or not (budget_id is None or valid_id(budget_id)):
        raise NotFound("Budget account not found.")
    accounts = BudgetAccount.objects.filter(pk=account_id, budget__production_id=production_id)
    account = (accounts if budget_id is None else accounts.filter(budget_id=budget_id)).first()
    if account is None:
        raise NotFound("Budget account not found.")
    return account


def _place(account: BudgetAccount, after_line_id: int | None) -> int:
    """The order of a new line: after `after_line_id` (later lines move down) or last."""
    if after_line_id is None:
        last = account.lines.aggregate(last=Max("order"))["last"]
        return 0 if last is None else last + 1
    after = account.lines.filter(pk=after_line_id).first() if valid_id(after_line_id) else None
    if after is None:
        raise Invalid("That line is not in this account.", fields={"after_line_id": ["Unknown."]})
    account.lines.filter(order__gt=after.order).update(order=F("order") + 1)
    return after.order + 1


@transaction.atomic
def budget_line_add(
    *, actor: Any, production_id: int, account_id: int, description: str,
    after_line_id: int | None = None, budget_id: int | None = None, **fields: Any
) -> LineResult:
    """Add a line to an account, last or after line `after_line_id`.

    Other fields as for `budget_line_update` (defaults: 1 Allow x 1 at 0). Requires
    EDIT_BUDGET and an unlocked version. Raises NotFound, Conflict (locked) or Invalid.
    """
    membership = member(actor, production_id, Capability.EDIT_BUDGET)
    account = _account_in(production_id, account_id, budget_id)
    version = version_for_update(production_id, account.budget_id)
    title = membership.production.title
    priced = priced_budget(version, title=title)
    line = BudgetLine(budget=version, account=account)
    _apply(line, {"description": description, **fields}, _fringe_codes(version))
    line.order = 0
    clean_or_invalid(line)
    line.order = _place(account, after_line_id)
    line.save()
    touch(version)
    after = computed(lambda: priced_budget(version, title=title))
    audit_record(actor=actor, action="budget_line.add", target=line, production_id=production_id,
                 label=_label(version, line),
                 changes=changes_between({}, snapshot(line, LINE_FIELDS)))
    return _result(line, priced, after)


@transaction.atomic
def budget_line_delete(
    *, actor: Any, production_id: int, line_id: int, expected_version: int,
    budget_id: int | None = None
) -> TotalsChange:
    """Delete a line read at `expected_version`; returns the totals that changed.

    Requires EDIT_BUDGET and an unlocked version. Raises NotFound or Conflict (stale
    version, locked budget).
    """
    membership = member(actor, production_id, Capability.EDIT_BUDGET)
    line = _line_in(production_id, line_id, budget_id)
    version = version_for_update(production_id, line.budget_id)
    title = membership.production.title
    priced = priced_budget(version, title=title)
    line.compare_and_set(expected_version=_stored(expected_version))  # refuses a stale one
    audit_record(actor=actor, action="budget_line.delete", target=line,
                 production_id=production_id, label=_label(version, line),
                 changes={name: [value, None]
                          for name, value in snapshot(line, LINE_FIELDS).items()})
    code = line.account.code
    line.delete()
    touch(version)
    after = priced_budget(version, title=title)
    return totals_change(priced.pricing, after.pricing, always=(code,))
