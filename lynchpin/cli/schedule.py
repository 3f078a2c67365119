"""``lynchpin schedule ...``: shooting schedules from the command line.

``schedule talent FILE`` solves a classic talent-scheduling instance (the format of
docs/scheduling/talent.md) exactly and prints the order, its cost and what is proven about it.
Exit codes as in `lynchpin.cli.errors`: 2 for unusable input (one line on stderr).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from lynchpin.cli.errors import reported
from lynchpin.cli.files import read_input_text
from lynchpin.engine.scheduling.talent import (
    TalentInstance,
    TalentSolution,
    read_talent,
    solve_talent,
)

schedule_app = typer.Typer(help="Shooting schedules.", no_args_is_help=True)

#: Talent instances are a few kilobytes; refuse anything absurd before reading it.
MAX_TALENT_BYTES = 5 * 1024 * 1024


@schedule_app.command("talent")
@reported
def talent(
    file: Annotated[
        Path,
        typer.Argument(
            help="Talent-scheduling instance (name, n, m, m actor rows, n durations).",
            metavar="FILE",
            show_default=False,
        ),
    ],
    time_limit: Annotated[
        float | None,
        typer.Option(
            "--time-limit",
            min=0.0,
            help="Stop after S seconds with the best order found.",
            metavar="S",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Order the scenes of a talent-scheduling instance to minimise what the actors are paid."""
    instance = read_talent(read_input_text(file, limit=MAX_TALENT_BYTES), source=str(file))
    started = time.monotonic()
    solution = solve_talent(instance, time_limit=time_limit, clock=time.monotonic)
    seconds = time.monotonic() - started
    if as_json:
        print(json.dumps(talent_json(instance, solution, seconds)))
        return
    _print_summary(instance, solution, seconds)


def talent_json(
    instance: TalentInstance, solution: TalentSolution, seconds: float
) -> dict[str, object]:
    """The ``--json`` object: costs in the instance's units, `order` with 1-based scenes."""
    return {
        "instance": instance.name,
        "cost": solution.cost,
        "holding_cost": solution.holding_cost,
        "optimal": solution.optimal,
        "lower_bound": solution.lower_bound,
        "order": [scene + 1 for scene in solution.order],
        "seconds": round(seconds, 3),
    }


def _print_summary(instance: TalentInstance, solution: TalentSolution, seconds: float) -> None:
    """A short readable report: sizes, costs, proof status and the order."""
    table = Table(title=f"Talent schedule: {instance.name}", show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("scenes x actors", f"{instance.scene_count} x {instance.actor_count}")
    table.add_row("total cost", str(solution.cost))
    table.add_row("holding cost", f"{solution.holding_cost} (fixed {instance.fixed_cost})")
    status = "proven optimal"
    if not solution.optimal:
        status = f"not proven (lower bound {solution.lower_bound})"
    table.add_row("status", status)
    table.add_row("order", " ".join(str(scene + 1) for scene in solution.order))
    table.add_row("time", f"{seconds:.2f} s")
    Console(file=sys.stdout, highlight=False).print(table)


# ``schedule plan`` / ``schedule replan`` (script + production file -> schedule and exports).
from lynchpin.cli.schedule_plan import plan, replan  # noqa: E402

schedule_app.command("plan")(plan)
schedule_app.command("replan")(replan)
