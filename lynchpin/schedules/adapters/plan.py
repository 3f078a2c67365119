"""Everything the engine needs about one schedule version, read once: the `Plan`.

`plan_of(version)` reads the facts, the people app's cast deals, the draft's strips and the
board, and builds the engine `ScheduleProblem` with `build_problem` (as ``lynchpin schedule
plan`` does from a production file) and the engine `Schedule`. `problem_for(...)` does the
same without a board (creating a version). Rules naming scenes the draft does not have are
left out with a warning instead of failing (a revised draft may have cut them).

Candidate days: the facts' number of shoot days, or more when the board already runs past
them (so that a board day is never "not a work day" only for being late). Raises InputError
(field ``start_date``) when neither the facts nor the production give a first shoot day.

The board is read on every call. The facts and cast deals are read again only when the
production's planning fingerprint (`adapters.fingerprint`: one query) or the draft's version
changed: each process keeps the problems it built last under them, so a move or a board drawn
again reuses the problem. The engine problem is also kept per `Production` and strips value
(a facts edit that changes nothing the engine reads builds no new problem).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from lynchpin.core.kept import Kept
from lynchpin.engine.errors import InputError, Severity, Violation
from lynchpin.engine.scheduling.model import Schedule, ScheduleProblem, Strip
from lynchpin.engine.scheduling.production import Production
from lynchpin.engine.scheduling.production_problem import build_problem, production_warnings
from lynchpin.schedules.adapters.board import Board, board_of
from lynchpin.schedules.adapters.cast import CastDeal, cast_deals
from lynchpin.schedules.adapters.facts import FactRows, production_of
from lynchpin.schedules.adapters.fingerprint import planning_fingerprint
from lynchpin.schedules.adapters.strips import DraftStrips, draft_strips
from lynchpin.schedules.models import (
    MAX_SHOOT_DAYS,
    LocationFacts,
    MoveFacts,
    PerformerFacts,
    ScheduleFacts,
    ScheduleVersion,
)
from lynchpin.scripts.models import ScriptVersion

__all__ = ["Plan", "Problem", "fact_rows", "plan_of", "problem_for"]

#: Engine problems kept per process (each holds a draft's strips and the facts).
PROBLEMS_KEPT = 8


@dataclass(frozen=True)
class Problem:
    """The engine problem of a draft with the facts, and what went into it."""

    production: Production
    problem: ScheduleProblem
    draft: DraftStrips
    deals: dict[str, CastDeal]
    warnings: tuple[Violation, ...]
    facts: ScheduleFacts


@dataclass(frozen=True)
class Plan:
    """A version's `Problem`, its board rows and the engine `Schedule` of them."""

    version: ScheduleVersion
    built: Problem
    board: Board
    schedule: Schedule

    @property
    def problem(self) -> ScheduleProblem:
        """The engine problem."""
        return self.built.problem


def fact_rows(production_id: int) -> FactRows:
    """The stored facts of a production (an unsaved default row when there are none)."""
    facts = ScheduleFacts.objects.filter(production_id=production_id).first()
    if facts is None:
        facts = ScheduleFacts(production_id=production_id)
    return FactRows(
        facts,
        tuple(PerformerFacts.objects.in_production(production_id)),
        tuple(LocationFacts.objects.in_production(production_id)),
        tuple(MoveFacts.objects.in_production(production_id)),
    )


def _known_rules(production: Production, scenes: set[str]) -> tuple[Production,
                                                                      tuple[Violation, ...]]:
    """`production` without the rules naming scenes outside `scenes`, and a warning each."""
    rules = production.rules
    warnings: list[Violation] = []

    def keep(kind: str, names: tuple[str, ...]) -> bool:
        missing = [name for name in names if name not in scenes]
        if missing:
            warnings.append(Violation(
                "facts.rule_unknown_scene", Severity.WARNING,
                f"{kind} rule {' / '.join(names)} left out: the draft has no scene "
                f"{', '.join(missing)}", " ".join(names)))
        return not missing

    kept = replace(
        rules,
        precedences=tuple(p for p in rules.precedences if keep("precedence", p)),
        same_day=tuple(g for g in rules.same_day if keep("same-day", g)),
        pinned=tuple(p for p in rules.pinned if keep("pin", (p[0],))),
        cover_sets=tuple(p for p in rules.cover_sets if keep("cover set", p)),
    )
    return replace(production, rules=kept), tuple(warnings)


def problem_for(script_version: ScriptVersion, *, title: str, currency: str,
                start_fallback: date | None, country: str, region: str,
                last_board_date: date | None = None) -> Problem:
    """The engine problem of `script_version` with the production's facts (kept per process
    under the planning fingerprint, the draft's version and the arguments)."""
    production_id = int(script_version.production_id)
    key = (production_id, planning_fingerprint(production_id), int(script_version.pk),
           script_version.created.isoformat(), int(script_version.version), title, currency,
           start_fallback, country, region, last_board_date)
    return _kept.get_or_make(key, lambda: _problem_for(
        script_version, production_id, title=title, currency=currency,
        start_fallback=start_fallback, country=country, region=region,
        last_board_date=last_board_date))


def _problem_for(script_version: ScriptVersion, production_id: int, *, title: str,
                 currency: str, start_fallback: date | None, country: str, region: str,
                 last_board_date: date | None) -> Problem:
    """`problem_for` read and built from the rows."""
    rows = fact_rows(production_id)
    facts = rows.facts
    start = facts.start_date or start_fallback
    if start is None:
        raise InputError("set the first shoot day in the production facts (or the "
                         "production's first day of photography)", field="start_date")
    deals, deal_warnings = cast_deals(production_id, currency,
                                      standard_hours=facts.standard_hours,
                                      week_days=int(facts.week_days))
    draft = draft_strips(script_version, int(facts.minutes_per_eighth))
    count = int(facts.shoot_days)
    while True:
        file = production_of(rows, deals, title=title, currency=currency, start=start,
                             country=country, region=region, shoot_days=count)
        file, rule_warnings = _known_rules(file, {s.scene for s in draft.strips})
        problem, file_warnings = _built(file, draft.strips)
        late = last_board_date is not None and problem.days and \
            problem.days[-1].date < last_board_date
        if not late or count >= MAX_SHOOT_DAYS:
            break
        count = min(MAX_SHOOT_DAYS, count * 2)
    warnings = deal_warnings + rule_warnings + file_warnings
    return Problem(file, problem, draft, deals, warnings, facts)


_kept: Kept[tuple[Any, ...], Problem] = Kept(PROBLEMS_KEPT)




@lru_cache(maxsize=PROBLEMS_KEPT)
def _built(file: Production, strips: tuple[Strip, ...]) -> tuple[ScheduleProblem,
                                                                  tuple[Violation, ...]]:
    """The engine problem of `file` and `strips`, and the file's warnings about them."""
    return build_problem(file, strips), production_warnings(file, strips)


def plan_of(version: ScheduleVersion) -> Plan:
    """The `Plan` of `version` (its production and draft loaded)."""
    production = version.production
    board = board_of(version)
    last = max((day.date for day in board.days), default=None)
    built = problem_for(version.script_version, title=production.title,
                        currency=production.currency, start_fallback=production.start_date,
                        country=production.country, region=production.region,
                        last_board_date=last)
    return Plan(version, built, board, board.schedule(built.draft))
