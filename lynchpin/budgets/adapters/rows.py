"""Rows of a budget version <-> the engine's `Budget`: the one place both worlds meet.

`load_budget(version, title=...)` reads the version's rows in budget order (categories by
`order`, their accounts by `order`, each account's lines by `order`) into a `LoadedBudget`:
the engine value plus the row ids of its categories, accounts and lines, so that priced
results can be shown next to the row they belong to. `save_budget(version, budget)` writes
an engine budget's chart, lines, fringes, globals and extras into an empty version.
`load_budget(save_budget(b))` gives back `b` (the title comes from the caller).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import TextField
from django.db.models.functions import Cast

from lynchpin.budgets.adapters.cells import cell_from_text, cell_text
from lynchpin.budgets.adapters.extras import extras_from_json, extras_to_json
from lynchpin.budgets.models import (
    BudgetAccount,
    BudgetCategory,
    BudgetFringe,
    BudgetGlobal,
    BudgetLine,
    BudgetVersion,
)
from lynchpin.core.errors import Invalid
from lynchpin.engine.budgeting.model import (
    Account,
    Budget,
    Category,
    DetailLine,
    FlatPer,
    Fringe,
    FringeKind,
    FringePosting,
    Global,
    Level,
    PostingMode,
)

__all__ = [
    "LoadedBudget",
    "fringe_from_row",
    "global_from_row",
    "line_fields",
    "line_from_row",
    "load_budget",
    "save_budget",
]

#: Columns of BudgetLine read for pricing, in the order `_line` unpacks them.
_LINE_COLUMNS = ("id", "account_id", "description", "amount", "unit", "x", "rate", "currency",
                 "fringes", "groups", "locations", "sets", "notes", "person", "individual",
                 "line_code")
#: The list columns, read as JSON text and decoded by `_ids` (see `_lines_by_account`).
_LIST_COLUMNS = ("fringes", "groups", "locations", "sets")
#: Rows written per INSERT when saving a budget.
_BATCH = 500


@dataclass(frozen=True)
class LoadedBudget:
    """An engine budget and the row ids behind it.

    `line_ids[i]` is the row of the i-th line in budget order (the order of
    `Pricing.lines`); `line_places[row id]` is (account code, index within the account).
    """

    budget: Budget
    line_ids: tuple[int, ...]
    line_places: Mapping[int, tuple[str, int]]
    account_ids: Mapping[str, int]
    category_ids: Mapping[str, int]


def _line(row: tuple[Any, ...]) -> DetailLine:
    (_, _, description, amount, unit, x, rate, currency, fringes, groups, locations, sets,
     notes, person, individual, code) = row
    return DetailLine(
        description=description, amount=cell_from_text(amount), unit=unit,
        multiplier=cell_from_text(x), rate=cell_from_text(rate), currency=currency or None,
        fringes=tuple(fringes), groups=tuple(groups), locations=tuple(locations),
        sets=tuple(sets), notes=notes, person=person or None, individual=individual, id=code)


def line_from_row(line: BudgetLine) -> DetailLine:
    """The engine line of one BudgetLine instance."""
    return _line(tuple(getattr(line, name) for name in _LINE_COLUMNS))


def fringe_from_row(row: BudgetFringe) -> Fringe:
    """The engine fringe of one BudgetFringe."""
    return Fringe(row.code, row.name, FringeKind(row.kind), row.rate, FlatPer(row.per),
                  row.cutoff, row.uses_ytd)


def global_from_row(row: BudgetGlobal) -> Global:
    """The engine global of one BudgetGlobal."""
    return Global(row.name, cell_from_text(row.value), row.description)


def _ids(text: str | None, seen: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """A JSON list of ids, decoded once per distinct text (fringe lists repeat a lot)."""
    if not text or text == "[]":
        return ()
    ids = seen.get(text)
    if ids is None:
        ids = seen[text] = tuple(str(item) for item in json.loads(text))
    return ids


def _lines_by_account(version: BudgetVersion) -> dict[int, list[tuple[int, DetailLine]]]:
    """Every line of the version by account row id, in order. The list columns are read as
    text and decoded here: Django's JSON decoding of 20,000 small lists is most of the time
    of loading a 5,000-line budget, and the same few fringe lists repeat."""
    grouped: dict[int, list[tuple[int, DetailLine]]] = defaultdict(list)
    texts = {f"{name}_text": Cast(name, output_field=TextField()) for name in _LIST_COLUMNS}
    columns = tuple(f"{name}_text" if name in _LIST_COLUMNS else name for name in _LINE_COLUMNS)
    rows = (BudgetLine.objects.filter(budget=version).annotate(**texts)
            .order_by("order", "id").values_list(*columns))
    seen: dict[str, tuple[str, ...]] = {}
    for row in rows:
        decoded = (*row[:8], *(_ids(text, seen) for text in row[8:12]), *row[12:])
        grouped[row[1]].append((row[0], _line(decoded)))
    return grouped


def load_budget(version: BudgetVersion, *, title: str) -> LoadedBudget:
    """The version's rows as an engine budget named `title` (see the module docstring)."""
    categories = list(BudgetCategory.objects.filter(budget=version).order_by("order", "id"))
    accounts = list(BudgetAccount.objects.filter(budget=version).order_by("order", "id"))
    lines = _lines_by_account(version)
    accounts_of: dict[int, list[BudgetAccount]] = defaultdict(list)
    for account in accounts:
        accounts_of[account.category_id].append(account)
    by_category: dict[int, list[Account]] = defaultdict(list)
    line_ids: list[int] = []
    places: dict[int, tuple[str, int]] = {}
    for category in categories:  # budget order: category, then account, then line
        for account in accounts_of[category.pk]:
            rows = lines.get(account.pk, [])
            for index, (row_id, _) in enumerate(rows):
                line_ids.append(row_id)
                places[row_id] = (account.code, index)
            by_category[category.pk].append(
                Account(account.code, account.title, tuple(line for _, line in rows)))
    budget = Budget(
        title=title, currency=version.currency, version=version.name,
        categories=tuple(Category(c.code, c.title, Level(c.level), tuple(by_category[c.pk]),
                                  c.fringe_account or None) for c in categories),
        fringes=tuple(fringe_from_row(f) for f in version.fringes.order_by("order", "id")),
        globals=tuple(global_from_row(g) for g in version.globals.order_by("order", "id")),
        fringe_posting=FringePosting(PostingMode(version.fringe_posting),
                                     version.fringe_posting_account),
        **extras_from_json(version.extras))
    return LoadedBudget(budget, tuple(line_ids), places,
                        {a.code: a.pk for a in accounts}, {c.code: c.pk for c in categories})


def line_fields(line: DetailLine) -> dict[str, Any]:
    """BudgetLine field values of an engine line (all but budget, account and order)."""
    return {
        "description": line.description, "amount": cell_text(line.amount), "unit": line.unit,
        "x": cell_text(line.multiplier), "rate": cell_text(line.rate),
        "currency": line.currency or "", "fringes": list(line.fringes),
        "groups": list(line.groups), "locations": list(line.locations), "sets": list(line.sets),
        "notes": line.notes, "person": line.person or "", "individual": line.individual,
        "line_code": line.id,
    }


def _save_chart(version: BudgetVersion, budget: Budget) -> None:
    categories = BudgetCategory.objects.bulk_create(
        BudgetCategory(budget=version, code=c.code, title=c.name, level=c.level.value,
                       fringe_account=c.fringe_account or "", order=n)
        for n, c in enumerate(budget.categories))
    category_ids = {row.code: row for row in categories}
    account_rows = [BudgetAccount(budget=version, category=category_ids[c.code], code=a.code,
                                  title=a.name, order=n)
                    for n, (c, a) in enumerate(budget.accounts())]
    saved = {row.code: row for row in BudgetAccount.objects.bulk_create(account_rows)}
    BudgetLine.objects.bulk_create(
        (BudgetLine(budget=version, account=saved[account.code], order=n, **line_fields(line))
         for _, account in budget.accounts() for n, line in enumerate(account.lines)),
        batch_size=_BATCH)


def _check_fringes(budget: Budget) -> None:
    """Refuse fringe numbers the columns cannot hold exactly (15 digits, 6 decimals)."""
    for fringe in budget.fringes:
        for name, value in (("rate", fringe.rate), ("cutoff", fringe.cutoff)):
            if value is None:
                continue
            exponent = value.as_tuple().exponent
            places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            if places > 6 or abs(value) >= Decimal("1e9"):
                message = f"fringe {fringe.id}: {name} {value} has more than 6 decimal places " \
                          "or is a billion or more"
                raise Invalid(message, fields={"fringes": [message]})


def save_budget(
    version: BudgetVersion, budget: Budget, *, feed_keys: Mapping[str, str] | None = None
) -> None:
    """Write `budget`'s chart, lines, fringes, globals and extras into the empty `version`.

    `feed_keys` maps a global's name to the schedule value it follows (those globals are
    saved as schedule-fed). The version's currency, name and title are the caller's.
    Raises Invalid for a fringe rate or cut-off the columns cannot hold exactly.
    """
    links = dict(feed_keys or {})
    _check_fringes(budget)
    _save_chart(version, budget)
    BudgetFringe.objects.bulk_create(
        BudgetFringe(budget=version, code=f.id, name=f.name, kind=f.kind.value, rate=f.rate,
                     per=f.per.value, cutoff=f.cutoff, uses_ytd=f.uses_ytd, order=n)
        for n, f in enumerate(budget.fringes))
    BudgetGlobal.objects.bulk_create(
        BudgetGlobal(budget=version, name=g.name, value=cell_text(g.value),
                     description=g.description, schedule_fed=g.name in links,
                     feed_key=links.get(g.name, ""), order=n)
        for n, g in enumerate(budget.globals))
    version.fringe_posting = budget.fringe_posting.mode.value
    version.fringe_posting_account = budget.fringe_posting.account
    version.extras = extras_to_json(budget)
    version.save(update_fields=["fringe_posting", "fringe_posting_account", "extras", "updated"])
