"""One performer's engagement: which days are paid work, paid holds, and dropped gaps.

The single drop/pick-up rule of Lynchpin, used by `costing.schedule_cost` (money), by
`dood.day_out_of_days` (codes) and mirrored by the optimiser's model (`solver_model`):

- the engagement runs from the first to the last work date; a shoot date strictly between two
  consecutive work dates is a **hold** when the performer allows holds (`holds_allowed`;
  a day player is paid for work days only). Dates nobody shoots on are never holds;
- a gap between consecutive work dates may be **dropped** (unpaid) instead when the performer
  allows holds and drop/pick-up and more than `drop_min_gap_days` calendar days lie strictly
  between them (SAG-AFTRA: more than 10), and only when it saves money: the hold days saved
  exceed `travel_days` (travelling back in for the pick-up is paid at the same daily rate);
- at most `max_drops()` gaps per performer (``dood_codes.json``; SAG-AFTRA: one), chosen
  where they save most (ties: the earliest);
- `travel_days` paid travel days precede the start and each pick-up.

Units: dates and day counts. Pure; never raises.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from lynchpin.engine.scheduling.dood_codes import max_drops
from lynchpin.engine.scheduling.model import Performer

__all__ = ["Engagement", "paid_spans"]


@dataclass(frozen=True, slots=True)
class Engagement:
    """One performer's paid and unpaid days on a schedule.

    `work`: work dates, sorted. `drops`: indexes k into `work` where the performer is dropped
    after `work[k]` and picked up at `work[k + 1]`. `hold_days`: paid shoot days without work
    inside the engagement; `dropped_days`: shoot days inside dropped gaps (unpaid).
    `travel_days`: paid travel days (before the start and each pick-up; 0 without work).
    """

    work: tuple[date, ...]
    drops: frozenset[int]
    hold_days: int
    dropped_days: int
    travel_days: int

    @property
    def work_days(self) -> int:
        """Dates worked."""
        return len(self.work)

    @property
    def paid_days(self) -> int:
        """Work, hold and travel days."""
        return len(self.work) + self.hold_days + self.travel_days

    def segments(self) -> tuple[tuple[date, ...], ...]:
        """The work dates split at each drop: one segment per engagement period."""
        result: list[tuple[date, ...]] = []
        begin = 0
        for k in sorted(self.drops):
            result.append(self.work[begin:k + 1])
            begin = k + 1
        if self.work:
            result.append(self.work[begin:])
        return tuple(result)


def _droppable(performer: Performer, before: date, after: date, holds: int) -> int:
    """Hold days saved net of travel by dropping the gap before..after (<= 0: no drop)."""
    if (after - before).days - 1 <= performer.drop_min_gap_days:
        return 0
    return holds - performer.travel_days


def paid_spans(
    performer: Performer, work_dates: Collection[date], shoot_dates: Collection[date]
) -> Engagement:
    """The engagement of `performer` working on `work_dates` in a shoot on `shoot_dates`
    (every date any unit shoots; duplicates ignored), by the rules of this module."""
    work = tuple(sorted(set(work_dates)))
    shoots: Sequence[date] = sorted(set(shoot_dates))
    gaps = [
        bisect_left(shoots, after) - bisect_right(shoots, before)
        for before, after in pairwise(work)
    ]
    drops: frozenset[int] = frozenset()
    if performer.holds_allowed and performer.drop_pickup_allowed:
        savings = [(-saving, k) for k, holds in enumerate(gaps)
                   if (saving := _droppable(performer, work[k], work[k + 1], holds)) > 0]
        drops = frozenset(k for _, k in sorted(savings)[:max_drops()])
    held = sum(h for k, h in enumerate(gaps) if k not in drops) if performer.holds_allowed else 0
    dropped = sum(gaps[k] for k in drops)
    travel = performer.travel_days * (1 + len(drops)) if work else 0
    return Engagement(work, drops, held, dropped, travel)
