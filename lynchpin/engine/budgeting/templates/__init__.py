"""Chart-of-accounts templates (data: the *.json files in this package, each citing a "source").

`load_template(name)` gives an empty `Budget` (no detail lines) with the template's levels,
categories, accounts, fringe posting and, where the template names one, its fringe table.
Names: ``feature``, ``episodic``, ``commercial-aicp``, ``short`` (see `template_names()`).
Raises DomainError for an unknown name.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from lynchpin.engine.budgeting.model import (
    Account,
    Budget,
    Category,
    Fringe,
    FringeKind,
    FringePosting,
    Level,
    PostingMode,
)
from lynchpin.engine.errors import DomainError

_FOLDER = Path(__file__).parent


def template_names() -> tuple[str, ...]:
    """Names of the bundled chart-of-accounts templates."""
    return tuple(sorted(path.stem for path in _FOLDER.glob("*.json")
                        if "categories" in _read(path.stem)))


def _read(name: str) -> dict[str, Any]:
    path = _FOLDER / f"{name}.json"
    if not name.replace("-", "").isalnum() or not path.is_file():
        raise DomainError(f"no budget template or fringe table named {name!r}")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def load_fringe_table(name: str) -> tuple[Fringe, ...]:
    """Fringes of a bundled fringe table (e.g. ``us-payroll-2024``)."""
    return tuple(
        Fringe(item["id"], item["name"], FringeKind(item["kind"]), Decimal(item["rate"]),
               cutoff=Decimal(item["cutoff"]) if "cutoff" in item else None)
        for item in _read(name)["fringes"])


def _category(item: dict[str, Any]) -> Category:
    accounts = tuple(Account(code, name) for code, name in item["accounts"])
    return Category(item["code"], item["name"], Level(item["level"]), accounts,
                    item.get("fringe_account"))


def load_template(name: str, *, currency: str = "USD", title: str = "") -> Budget:
    """An empty budget laid out as template `name`."""
    data = _read(name)
    if "categories" not in data:
        raise DomainError(f"{name!r} is a fringe table, not a budget template")
    posting = data.get("fringe_posting", {})
    fringes = load_fringe_table(data["fringe_table"]) if "fringe_table" in data else ()
    return Budget(
        title=title or data["title"], currency=currency,
        categories=tuple(_category(item) for item in data["categories"]),
        fringes=fringes,
        fringe_posting=FringePosting(PostingMode(posting.get("mode", "account")),
                                     posting.get("account", "")))
