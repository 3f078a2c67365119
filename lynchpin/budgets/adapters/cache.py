"""Priced budgets, kept in memory between requests so the top sheet and line edits are fast.

`priced_budget(version, title=...)` returns the version's engine budget with its `Pricing`.
Loading 5,000 lines and pricing them takes a noticeable fraction of a second; one line's
edit re-prices in well under a millisecond with the engine's `reprice_line`. So each process
keeps the last priced state of a few recently used versions, keyed by the version's
`revision`: a UUID that every write to the budget's content replaces (in the same
transaction as the write). A cached entry is used only when its revision is the one just
read from the database, so an entry can be out of date but never be used out of date; with
several web processes each keeps its own. Entries made inside a transaction that is rolled
back carry a revision that never became visible, so they are never used either.

A priced state also keeps a few values derived from it alone (`PricedBudget.derived`): the
preview of a schedule feed, asked for by every stripboard view and strip move, is computed
once per feed and state. Small results that every process may reuse (the totals of such a
preview) go to the cache the processes share (`shared`), under a key naming the revision.
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, TypeVar
from uuid import UUID

from django.core.cache import caches

from lynchpin.budgets.adapters.rows import LoadedBudget, load_budget
from lynchpin.budgets.models import BudgetVersion
from lynchpin.engine.budgeting.model import Budget, DetailLine
from lynchpin.engine.budgeting.reprice import reprice_line
from lynchpin.engine.budgeting.totals import LinePrice, Pricing, price_budget

__all__ = ["CACHE_SIZE", "PricedBudget", "forget_all", "priced_budget", "remember", "shared",
           "with_line"]

#: Versions kept per process (a 5,000-line budget and its pricing take a few megabytes).
CACHE_SIZE = 8
#: Derived values kept per priced state (a feed's preview holds a re-priced budget).
DERIVED_SIZE = 4

T = TypeVar("T")

_cache: OrderedDict[int, PricedBudget] = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True)
class PricedBudget:
    """A version's engine budget, the row ids behind it and its pricing, at one revision."""

    version_id: int
    revision: UUID
    loaded: LoadedBudget
    pricing: Pricing

    @property
    def budget(self) -> Budget:
        """The engine budget."""
        return self.loaded.budget

    @cached_property
    def positions(self) -> Mapping[int, int]:
        """Line row id -> its position in budget order (index into `pricing.lines`)."""
        return {row_id: n for n, row_id in enumerate(self.loaded.line_ids)}

    def line_price(self, line_id: int) -> LinePrice:
        """The priced line of row `line_id` (KeyError when the row is not in this budget)."""
        return self.pricing.lines[self.positions[line_id]]

    @cached_property
    def _derived(self) -> OrderedDict[Hashable, Any]:
        return OrderedDict()

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, kept with this state under `key` (the last DERIVED_SIZE keys). Only
        for values that depend on nothing but this state and what `key` holds."""
        memo = self._derived
        with _lock:
            if key in memo:
                memo.move_to_end(key)
                return memo[key]  # type: ignore[no-any-return]
        value = compute()
        with _lock:
            memo[key] = value
            while len(memo) > DERIVED_SIZE:
                memo.popitem(last=False)
        return value


def _cached(version: BudgetVersion, title: str) -> PricedBudget | None:
    with _lock:
        hit = _cache.get(version.pk)
        if hit is None or hit.revision != version.revision or hit.budget.title != title:
            return None
        _cache.move_to_end(version.pk)
        return hit


def remember(priced: PricedBudget) -> None:
    """Keep `priced` as its version's latest state (dropping the least recently used)."""
    with _lock:
        _cache[priced.version_id] = priced
        _cache.move_to_end(priced.version_id)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)


def shared(key: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept under `key` in the cache all processes share (Django's "shared"
    cache). `key` must name every input of the value (a version's revision, not its id
    alone), so that an entry can only ever be unused, never out of date; the value must
    pickle. A value that cannot be stored is simply computed again next time."""
    store = caches["shared"]
    found = store.get(key)
    if found is None:
        found = compute()
        with contextlib.suppress(OSError):  # a full disk costs speed, not the answer
            store.set(key, found)
    return found  # type: ignore[no-any-return]


def forget_all() -> None:
    """Empty the cache (tests, benchmarks)."""
    with _lock:
        _cache.clear()


def priced_budget(version: BudgetVersion, *, title: str) -> PricedBudget:
    """The priced budget of `version` at its current `revision` (from the cache when it is
    there, else loaded from the rows and priced); `title` is printed on reports."""
    hit = _cached(version, title)
    if hit is not None:
        return hit
    loaded = load_budget(version, title=title)
    priced = PricedBudget(version.pk, version.revision, loaded, price_budget(loaded.budget))
    remember(priced)
    return priced


def with_line(priced: PricedBudget, line_id: int, line: DetailLine, *,
              revision: UUID) -> PricedBudget:
    """`priced` with row `line_id` replaced by `line`, re-priced incrementally (the fast
    path: only the line, its fringe ranges and the roll-ups), at `revision`."""
    code, index = priced.loaded.line_places[line_id]
    budget, pricing = reprice_line(priced.pricing, code, index, line)
    loaded = replace(priced.loaded, budget=budget)
    result = PricedBudget(priced.version_id, revision, loaded, pricing)
    if "positions" in priced.__dict__:  # same rows in the same order: reuse the index
        result.__dict__["positions"] = priced.__dict__["positions"]
    return result
