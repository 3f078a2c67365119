"""What ``lynchpin schedule plan``/``replan`` print: a summary of the schedule and its cost.

Printed to stdout (plain when not a terminal): warnings from the production file, one line
per shoot day (date, scenes, pages), cost by component, the proven lower bound and the gap
(from `explain`), conflicts found by `check_schedule`, and the performers whose hold days
cost most with the rules that hold them. A re-plan prints each strip whose date changed.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from lynchpin.engine.units import format_eighths

if TYPE_CHECKING:
    from lynchpin.cli.schedule_steps import Plan
    from lynchpin.engine.scheduling.costing import CostBreakdown
    from lynchpin.engine.scheduling.explain import Explanation
    from lynchpin.engine.scheduling.model import Schedule
    from lynchpin.engine.scheduling.replan import ReplanResult
    from lynchpin.engine.scheduling.solver import SolveResult

#: Width used when stdout is not a terminal.
PLAIN_WIDTH = 120
#: Reasons shown per held performer (the rest are counted).
REASONS_SHOWN = 4


def console() -> Console:
    """A console on stdout: terminal width on a terminal, `PLAIN_WIDTH` elsewhere."""
    width = None if sys.stdout.isatty() else PLAIN_WIDTH
    return Console(file=sys.stdout, width=width, highlight=False)


def print_summary(plan: Plan, result: SolveResult) -> None:
    """The plan's summary: warnings, days, cost by component (from `explain`), bound and
    gap, conflicts, and why the most expensive holds happen."""
    from lynchpin.engine.scheduling.explain import explain

    explanation = explain(plan.problem, result)
    out = console()
    _warnings(out, plan)
    out.print(_days_table(plan, result.schedule))
    out.print(_components_table(explanation))
    proven = "proven optimal" if explanation.optimal else f"gap {explanation.gap:.1%}"
    out.print(f"Best cost {explanation.total}; lower bound {explanation.lower_bound} "
              f"({proven}; solver status {result.status}).", markup=False)
    _conflicts(out, plan, result.schedule)
    _holds(out, explanation)


def print_changes(plan: Plan, result: ReplanResult) -> None:
    """A re-plan's summary: each strip whose date changed, then the new days and cost."""
    strips = {strip.id: strip for strip in plan.problem.strips}
    out = console()
    _warnings(out, plan)
    out.print(f"{len(result.diff)} strip change(s); change penalties {result.penalty}:",
              markup=False)
    for change in result.diff:
        scene = strips[change.strip].scene if change.strip in strips else change.strip
        out.print(f"  sc {scene}: {_date(change.old_day)} -> {_date(change.new_day)}",
                  markup=False)
    out.print(_days_table(plan, result.schedule))
    out.print(_cost_table(result.cost))
    _conflicts(out, plan, result.schedule)


def _date(day: date | None) -> str:
    return "boneyard" if day is None else f"{day:%a %d %b %Y}"


def _warnings(out: Console, plan: Plan) -> None:
    for warning in plan.warnings:
        out.print(f"warning: {warning.message}", markup=False)


def _days_table(plan: Plan, schedule: Schedule) -> Table:
    strips = {strip.id: strip for strip in plan.problem.strips}
    table = Table(title=f"{len(schedule.days)} shoot days", title_justify="left")
    for name in ("Day", "Date", "Scenes", "Pages", "Locations"):
        table.add_column(name)
    for day in schedule.days:
        found = [strips[s] for s in day.strips if s in strips]
        places = ", ".join(dict.fromkeys(s.location for s in found))
        table.add_row(str(day.number), f"{day.date:%a %d %b %Y}",
                      " ".join(s.scene for s in found),
                      format_eighths(sum(s.eighths for s in found)), places)
    if schedule.boneyard:
        table.add_row("-", "boneyard", " ".join(schedule.boneyard), "", "")
    return table


def _cost_table(cost: CostBreakdown) -> Table:
    table = Table(title="Cost by component", title_justify="left")
    table.add_column("Component")
    table.add_column("Cost", justify="right")
    rows = (
        (f"Crew ({cost.crew_days} days)", cost.crew),
        ("Cast and elements: work", cost.cast_work),
        ("Cast and elements: holds", cost.cast_hold),
        ("Locations", cost.location_total),
        ("Company moves", cost.move_total),
        (f"Overtime ({cost.overtime_minutes} min)", cost.overtime),
        ("Total", cost.total),
    )
    for name, amount in rows:
        table.add_row(name, str(amount))
    return table


def _conflicts(out: Console, plan: Plan, schedule: Schedule) -> None:
    from lynchpin.engine.scheduling.conflicts import check_schedule

    problems = check_schedule(plan.problem, schedule)
    out.print(f"Conflicts: {len(problems) or 'none'}")
    for violation in problems:
        where = f" [{violation.reference}]" if violation.reference else ""
        out.print(f"  {violation.severity}: {violation.message}{where}", markup=False)


def _components_table(explanation: Explanation) -> Table:
    table = Table(title="Cost by component", title_justify="left")
    table.add_column("Component")
    table.add_column("Cost", justify="right")
    table.add_column("Made up of")
    for line in explanation.components:
        table.add_row(line.label, str(line.amount), line.detail)
    table.add_row("Total", str(explanation.total), "")
    return table


def _holds(out: Console, explanation: Explanation) -> None:
    if not explanation.held:
        out.print("No performer is held.")
        return
    out.print("Most expensive holds:")
    for held in explanation.held:
        out.print(f"  {held.summary}: {held.hold_cost}", markup=False)
        for reason in held.reasons[:REASONS_SHOWN]:
            out.print(f"    - {reason}", markup=False)
        if len(held.reasons) > REASONS_SHOWN:
            out.print(f"    ... and {len(held.reasons) - REASONS_SHOWN} more")
