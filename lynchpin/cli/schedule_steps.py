"""The engine steps behind ``lynchpin schedule plan`` / ``replan``, apart from the commands.

script + production file -> strips -> `ScheduleProblem`; solving with a live progress bar and
a clean stop on Ctrl-C; writing every export to the output folder. Engine and document
modules are imported when first needed, so ``lynchpin --help`` stays fast.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from lynchpin.cli.files import read_input_text, write_output
from lynchpin.cli.pipeline import load_script
from lynchpin.engine.errors import InputError, Violation

if TYPE_CHECKING:
    from lynchpin.documents.schedule_json import SolveFacts
    from lynchpin.engine.scheduling.costing import CostBreakdown
    from lynchpin.engine.scheduling.model import Schedule, ScheduleProblem
    from lynchpin.engine.scheduling.production import Production
    from lynchpin.engine.scheduling.solver import Progress as SolveProgress

#: The largest production, disruption or schedule file read (they are small text files).
MAX_TEXT_BYTES = 2 * 1024 * 1024

#: Files `write_outputs` writes, in order.
OUTPUT_FILES = (
    "schedule.json", "stripboard.pdf", "oneliner.pdf", "shooting-schedule.pdf",
    "dood.xlsx", "dood.pdf", "schedule.ics",
)


@dataclass(frozen=True, slots=True)
class Plan:
    """A production file read and joined with its script's strips."""

    production: Production
    problem: ScheduleProblem
    warnings: tuple[Violation, ...]


def read_text_file(path: Path) -> str:
    """The UTF-8 text of a small input file (production, schedule, disruption, ledger)."""
    return read_input_text(path, limit=MAX_TEXT_BYTES)


def load_plan(script_path: Path, production_path: Path) -> Plan:
    """Read the script and the production file and build the scheduling problem."""
    from lynchpin.engine.breakdown.tagging import break_down
    from lynchpin.engine.scheduling.production import read_production
    from lynchpin.engine.scheduling.production_problem import (
        build_problem,
        cast_ids,
        production_warnings,
    )
    from lynchpin.engine.scheduling.strips import strips_from_script
    from lynchpin.engine.screenplay.paginate import paginate

    production = read_production(read_text_file(production_path), source=str(production_path))
    script = load_script(script_path)
    strips = strips_from_script(
        script, paginate(script), break_down(script),
        minutes_per_eighth=production.minutes_per_eighth, cast_ids=cast_ids(production),
    )
    if not strips:
        raise InputError("the script has no scenes to schedule", source=str(script_path))
    problem = build_problem(production, strips)
    return Plan(production, problem, production_warnings(production, strips))


@contextmanager
def stop_on_interrupt() -> Iterator[Callable[[], bool]]:
    """While active, Ctrl-C (SIGINT) sets a flag instead of raising; yields `should_stop`.

    A second Ctrl-C raises KeyboardInterrupt as usual. The previous handler is restored.
    """
    stopped = [False]

    def handle(signum: int, frame: FrameType | None) -> None:
        if stopped[0]:
            raise KeyboardInterrupt
        stopped[0] = True

    try:
        previous = signal.signal(signal.SIGINT, handle)
    except ValueError:  # not the main thread (e.g. some test runners): no handler
        yield lambda: False
        return
    try:
        yield lambda: stopped[0]
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def progress_bar(time_limit: float, label: str) -> Iterator[Callable[[SolveProgress], None]]:
    """A rich progress bar on stderr (solver time against `time_limit`), showing the best
    cost, the bound and the gap; yields the callback to give the solver."""
    console = Console(file=sys.stderr)
    columns = (
        TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
        TextColumn("{task.fields[status]}"),
    )
    with Progress(*columns, console=console, transient=True,
                  disable=not console.is_terminal) as bar:
        task = bar.add_task(label, total=max(time_limit, 0.001), status="searching...")

        def report(update: SolveProgress) -> None:
            status = (
                f"best {update.objective}  bound {update.bound}  gap {update.gap:.1%}"
            )
            bar.update(task, completed=min(update.wall_time, time_limit), status=status)

        yield report
        bar.update(task, completed=time_limit)


def write_outputs(
    out: Path, plan: Plan, schedule: Schedule, cost: CostBreakdown, facts: SolveFacts,
    *, protect: Path,
) -> tuple[Path, ...]:
    """Render and write every file of `OUTPUT_FILES` into `out` (created if missing)."""
    from lynchpin.documents.schedule_dood import render_dood_pdf, render_dood_xlsx
    from lynchpin.documents.schedule_ics import render_ics
    from lynchpin.documents.schedule_json import render_schedule_json
    from lynchpin.documents.schedule_oneliner import render_oneliner
    from lynchpin.documents.schedule_shooting import render_shooting_schedule
    from lynchpin.documents.schedule_stripboard import render_stripboard
    from lynchpin.documents.schedule_view import schedule_view
    from lynchpin.engine.scheduling.dood import day_out_of_days

    title = plan.production.title
    view = schedule_view(plan.problem, schedule, title=title)
    dood = day_out_of_days(plan.problem, schedule)
    renders: dict[str, Callable[[], bytes]] = {
        "schedule.json": lambda: render_schedule_json(
            plan.problem, schedule, cost, facts, title=title).encode("utf-8"),
        "stripboard.pdf": lambda: render_stripboard(view),
        "oneliner.pdf": lambda: render_oneliner(view),
        "shooting-schedule.pdf": lambda: render_shooting_schedule(view),
        "dood.xlsx": lambda: render_dood_xlsx(dood, title=title),
        "dood.pdf": lambda: render_dood_pdf(dood, title=title),
        "schedule.ics": lambda: render_ics(view, stamp=datetime.now(UTC)),
    }
    if out.exists() and not out.is_dir():
        raise InputError("is a file; --out names a folder", source=str(out))
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in OUTPUT_FILES:
        write_output(out / name, renders[name](), protect=protect)
        written.append(out / name)
    return tuple(written)
