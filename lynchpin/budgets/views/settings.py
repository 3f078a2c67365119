"""The page of a version's settings: contractual charges, incentives, groups, people,
exchange rates and units, one table each with an edit form per row and an add row.

A save posts the section (``key``), the item's ``id``, the ``token`` it was read with
(empty: add) and the section's fields; a refused save shows the page again with the message
(400, or 409 when someone else changed or added the item) and, for an add, what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from lynchpin.budgets import selectors, services
from lynchpin.budgets.views.common import context, page
from lynchpin.core.errors import Conflict, Invalid
from lynchpin.productions.models import Membership
from lynchpin.web.decorators import production_page

__all__ = ["setting_delete", "settings_page"]


@dataclass(frozen=True, slots=True)
class Column:
    """An editable field of a section: stored name, heading, input (text, number, codes: a
    list typed with commas, choice, check)."""

    name: str
    label: str
    input: str = "text"
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """How one setting is shown: title, help, id heading, columns, whether it has amounts."""

    key: str
    title: str
    help: str
    id_label: str
    columns: tuple[Column, ...]
    priced: bool = False


SECTIONS = (
    Section("charges", "Contractual charges",
            "Contingency, insurance, overhead, a completion bond: a percent of the accounts' "
            "total (fringes included) or a flat amount, on the top sheet. Excluded accounts "
            "and categories are left out of the base; charges never compound.",
            "Code", (Column("name", "Name"), Column("kind", "Kind", "choice",
                                                      ("percent", "flat")),
                     Column("rate", "Rate (percent or amount)", "number"),
                     Column("excluded_accounts", "Excluded accounts", "codes"),
                     Column("excluded_categories", "Excluded categories", "codes")),
            priced=True),
    Section("incentives", "Incentives",
            "A tax incentive returns a percent of the qualifying accounts and categories, at "
            "most its cap; it lowers the net total, never the grand total.",
            "Code", (Column("name", "Name"), Column("percent", "Percent", "number"),
                     Column("accounts", "Accounts", "codes"),
                     Column("categories", "Categories", "codes"),
                     Column("cap", "Cap", "number")),
            priced=True),
    Section("groups", "Groups",
            "Lines carry groups (an optional scene, a second unit); an excluded group counts "
            "zero in every total, to see the budget without it.",
            "Id", (Column("name", "Name"), Column("excluded", "Excluded", "check"))),
    Section("people", "People",
            "A person's lines share one fringe range, so a fringe's cut-off counts all their "
            "pay; wages already paid this year (year to date) use up the cut-off first.",
            "Id", (Column("name", "Name"), Column("ytd_wages", "Year-to-date wages",
                                                    "number"))),
    Section("exchange_rates", "Exchange rates",
            "Lines priced in another currency are converted at these rates: the value of one "
            "unit of that currency in the budget's currency.",
            "Currency", (Column("rate", "Rate", "number"),)),
    Section("units", "Units",
            "The hours in a unit turn a line's quantity into hours for flat fringes per hour, "
            "day or week. Without an entry here Movie Magic's defaults apply: Hour 1, Day 12, "
            "Week 60, Month 240 hours; Allow, Flat and Each have no hours (leave Hours empty "
            "for such a unit).",
            "Unit", (Column("hours", "Hours", "number"),)),
)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(code) for code in value)
    return str(value)


def _fields(request: HttpRequest, section: Section) -> dict[str, Any]:
    return {column.name: (column.name in request.POST if column.input == "check"
                          else request.POST.get(column.name, ""))
            for column in section.columns}


def _rows(section: Section, items: list[selectors.SettingItem]) -> list[dict[str, Any]]:
    return [{"id": item.id, "token": item.token, "base": item.base, "amount": item.amount,
             "cells": [(column, item.fields.get(column.name) if column.input == "check"
                        else _shown(item.fields.get(column.name)))
                       for column in section.columns]}
            for item in items]


@dataclass(frozen=True, slots=True)
class Refused:
    """A save the service refused: its section (None: no such section), the message, the
    status of the page, and what was typed into the add row (empty for a row's edit)."""

    key: str | None
    message: str
    status: int
    typed: dict[str, Any]


def _save(request: HttpRequest, pid: int, budget_id: int) -> Refused | None:
    """Save the posted item; None when saved, else why not."""
    section = next((s for s in SECTIONS if s.key == request.POST.get("key")), None)
    if section is None:
        return Refused(None, "Unknown setting; reload the page.", 400, {})
    item_id, token = request.POST.get("id", ""), request.POST.get("token") or None
    fields = _fields(request, section)
    try:
        services.budget_setting_set(actor=request.user, production_id=pid,
                                    budget_id=budget_id, key=section.key, item_id=item_id,
                                    fields=fields, expected=token)
    except (Invalid, Conflict) as error:
        return Refused(section.key, error.message, error.status,
                       {} if token else {"id": item_id, **fields})
    messages.success(request, f"{section.title}: {item_id.strip()} saved.")
    return None


def _part(section: Section, items: list[selectors.SettingItem],
          refused: Refused | None) -> dict[str, Any]:
    """What the template shows of one section: its rows, its refusal, its add row's values."""
    mine = refused if refused is not None and refused.key == section.key else None
    typed = mine.typed if mine is not None else {}
    return {"section": section, "rows": _rows(section, items), "refused": mine,
            "add_id": typed.get("id", ""),
            "add": [(column, typed.get(column.name, False if column.input == "check" else ""))
                    for column in section.columns]}


@production_page
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest, membership: Membership, budget_id: int) -> HttpResponse:
    """Every section with its items; add or change one item (POST)."""
    pid = membership.production_id
    refused = None
    if request.method == "POST":
        refused = _save(request, pid, budget_id)
        if refused is None:
            return redirect("budgets:settings", production_id=pid, budget_id=budget_id)
    items = selectors.budget_settings(actor=request.user, production_id=pid,
                                      budget_id=budget_id)
    version = selectors.budget_get(actor=request.user, production_id=pid, budget_id=budget_id)
    sections = [_part(section, items[section.key], refused) for section in SECTIONS]
    unplaced = refused if refused is not None and refused.key is None else None
    return page(request, "settings.html",
                context(membership, version, sections=sections, refused=unplaced),
                refused.status if refused is not None else 200)


@production_page
@require_POST
def setting_delete(request: HttpRequest, membership: Membership, budget_id: int,
                   key: str) -> HttpResponse:
    """Delete one item no line uses (else the error page names the lines)."""
    pid = membership.production_id
    item_id = request.POST.get("id", "")
    services.budget_setting_delete(actor=request.user, production_id=pid, budget_id=budget_id,
                                   key=key, item_id=item_id,
                                   expected=request.POST.get("token", ""))
    messages.success(request, f"{item_id} deleted.")
    return redirect("budgets:settings", production_id=pid, budget_id=budget_id)
