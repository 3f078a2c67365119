"""``lynchpin schedule plan`` and ``lynchpin schedule replan``: a script plus a production file
in, a costed schedule and its exports out (docs/cli.md, docs/scheduling/exports.md).

``plan`` solves the schedule with a live progress bar (Ctrl-C stops the search cleanly and
keeps the best schedule found), checks it for conflicts, prints a summary (days, cost by
component, lower bound and gap, conflicts, the most expensive holds) and writes
schedule.json, stripboard.pdf, oneliner.pdf, shooting-schedule.pdf, dood.xlsx, dood.pdf and
schedule.ics into ``--out`` (default ``./schedule``). ``replan`` reads the current
schedule.json and a disruption file (docs/formats/production.md#disruption-files), re-plans
keeping shot strips, prints the changes and writes the same files.

Errors: one line on stderr and exit 2 (bad input, no feasible schedule).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lynchpin.cli.errors import fail, reported
from lynchpin.cli.schedule_steps import (
    Plan,
    load_plan,
    progress_bar,
    read_text_file,
    stop_on_interrupt,
    write_outputs,
)
from lynchpin.cli.schedule_summary import print_changes, print_summary
from lynchpin.engine.errors import DomainError, InputError

if TYPE_CHECKING:
    from lynchpin.engine.money import Money
    from lynchpin.engine.scheduling.model import Schedule
    from lynchpin.engine.scheduling.replan import Disruption, ReplanResult
    from lynchpin.engine.scheduling.solver import SolveResult

ScriptArg = Annotated[
    Path, typer.Argument(help="Screenplay: .fountain, .fdx or .pdf.", metavar="SCRIPT",
                         show_default=False)
]
ProductionOpt = Annotated[
    Path, typer.Option("--production", "-p", help="Production file (TOML, see "
                       "docs/formats/production.md).", show_default=False)
]
TimeLimitOpt = Annotated[
    float, typer.Option("--time-limit", "-t", min=0.1, max=3600.0,
                        help="Seconds the optimiser may search.")
]
OutOpt = Annotated[
    Path, typer.Option("--out", "-o", help="Folder for the schedule and its exports.")
]


@reported
def plan(
    script: ScriptArg,
    production: ProductionOpt,
    time_limit: TimeLimitOpt = 10.0,
    out: OutOpt = Path("schedule"),
) -> None:
    """Schedule SCRIPT with a production file: cheapest feasible schedule, DOOD, exports."""
    from lynchpin.documents.schedule_json import SolveFacts

    loaded = load_plan(script, production)
    result = _solve(loaded, time_limit)
    print_summary(loaded, result)
    facts = SolveFacts(result.lower_bound, result.optimal, result.status)
    written = write_outputs(out, loaded, result.schedule, result.cost, facts, protect=script)
    typer.echo(f"lynchpin: wrote {len(written)} files to {out}/", err=True)


def _solve(loaded: Plan, time_limit: float) -> SolveResult:
    from lynchpin.engine.scheduling.solver import solve_schedule

    with stop_on_interrupt() as should_stop, progress_bar(time_limit, "Scheduling") as report:
        try:
            return solve_schedule(loaded.problem, time_limit=time_limit, progress=report,
                                  should_stop=should_stop)
        except InputError:
            raise
        except DomainError as error:  # infeasible rules, nothing found in time
            raise fail(f"{loaded.production.source}: {error}") from None


@reported
def replan(
    script: ScriptArg,
    production: ProductionOpt,
    schedule: Annotated[
        Path, typer.Option("--schedule", "-s", help="The current schedule.json.",
                           show_default=False)
    ],
    disruption: Annotated[
        Path, typer.Option("--disruption", "-d", help="What went wrong (TOML, see "
                           "docs/formats/production.md).", show_default=False)
    ],
    shot: Annotated[
        str, typer.Option("--shot", help="Scenes already shot, comma-separated (e.g. 1,2,3).")
    ] = "",
    time_limit: TimeLimitOpt = 10.0,
    out: OutOpt = Path("schedule"),
) -> None:
    """Re-plan after a disruption: keep what is shot, change as few strips as possible."""
    from lynchpin.documents.schedule_json import SolveFacts, read_schedule_json
    from lynchpin.engine.scheduling.production_disruption import read_disruption

    loaded = load_plan(script, production)
    current = read_schedule_json(read_text_file(schedule), source=str(schedule))
    request = read_disruption(read_text_file(disruption), source=str(disruption),
                              currency=loaded.problem.currency)
    shot_ids = _shot_strips(loaded, shot)
    scenes: dict[str, tuple[str, ...]] = {}
    for strip in loaded.problem.strips:
        scenes[strip.scene] = (*scenes.get(strip.scene, ()), strip.id)
    result = _replan(loaded, current, request.disruption(scenes), shot_ids,
                     request.change_penalty, time_limit, source=str(disruption))
    print_changes(loaded, result)
    facts = SolveFacts(None, False, "REPLANNED")
    written = write_outputs(out, loaded, result.schedule, result.cost, facts, protect=script)
    typer.echo(f"lynchpin: wrote {len(written)} files to {out}/", err=True)


def _replan(
    loaded: Plan, current: Schedule, change: Disruption, shot: frozenset[str], penalty: Money,
    time_limit: float, *, source: str,
) -> ReplanResult:
    """Run the re-plan; its input errors name the disruption file."""
    from lynchpin.engine.scheduling.replan import replan as replan_schedule

    try:
        with stop_on_interrupt():
            return replan_schedule(loaded.problem, current, change, shot=shot,
                                   change_penalty=penalty, time_limit=time_limit)
    except InputError as error:
        if error.source:
            raise
        raise InputError(error.message, source=source, field=error.field) from None
    except DomainError as error:
        raise fail(f"{source}: {error}") from None


def _shot_strips(loaded: Plan, shot: str) -> frozenset[str]:
    """Strip ids of the scenes listed in ``--shot`` (all parts of a split scene)."""
    wanted = {part.strip() for part in shot.split(",") if part.strip()}
    ids = {s.id for s in loaded.problem.strips if s.scene in wanted or s.id in wanted}
    known = {s.scene for s in loaded.problem.strips} | {s.id for s in loaded.problem.strips}
    unknown = sorted(wanted - known)
    if unknown:
        raise InputError(f"--shot: the script has no scene {unknown[0]!r}")
    return frozenset(ids)
