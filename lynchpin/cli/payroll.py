"""``lynchpin payroll ...``: price timecards, and warn about planned days (docs/labour/cli.md).

FILE is a payroll file (TOML, docs/formats/payroll.md): deal memos, timecards and planned
calls. ``payroll timecard FILE`` prints each person's pay lines per day with the rule and
clause behind each, day, week and grand totals, and every violation; ``payroll plan FILE``
prints the warnings for the planned calls (meal penalties, golden hours, short turnarounds,
each with its projected cost) and the projected labour cost of each planned day. Both take
``--json`` and ``--out``. Exit codes as in `lynchpin.cli.errors`: 2 and one line on stderr
for unusable input. Engine and document modules are imported inside the commands so
``lynchpin --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lynchpin.cli.errors import fail, reported
from lynchpin.cli.files import read_input_text, write_output
from lynchpin.engine.errors import DomainError, InputError

if TYPE_CHECKING:
    from rich.console import RenderableType

    from lynchpin.documents.payroll_json import PlannedCost
    from lynchpin.engine.errors import Violation
    from lynchpin.engine.labour.model import WeekPay
    from lynchpin.engine.labour.payroll_file import PayrollFile

payroll_app = typer.Typer(
    help="Payroll: price timecards under deal memos and agreements; warn about planned days.",
    no_args_is_help=True)

#: Largest payroll file read (a season of 6,000 timecards is about 1.5 MB).
MAX_PAYROLL_BYTES = 20 * 1024 * 1024

_FILE_HELP = "Payroll file (TOML, docs/formats/payroll.md): deals, timecards, planned calls."
_JSON_HELP = "Print JSON (amounts as decimal strings) instead of tables."
_OUT_HELP = "Write the output (tables as plain text, or JSON) to this file instead."

FileArgument = Annotated[Path, typer.Argument(help=_FILE_HELP, metavar="FILE",
                                               show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help=_JSON_HELP)]
OutOption = Annotated[Path | None, typer.Option("--out", "-o", help=_OUT_HELP,
                                                show_default=False)]


def read_payroll_file(path: Path) -> PayrollFile:
    """The payroll file at `path`, read and checked; InputError naming `path` otherwise."""
    from lynchpin.engine.labour.payroll_file import read_payroll

    return read_payroll(read_input_text(path, limit=MAX_PAYROLL_BYTES), source=str(path))


def price_file(payroll: PayrollFile, source: Path) -> tuple[WeekPay, ...]:
    """Every timecard of `payroll` priced: each person's weeks in order, people in the order
    of their deals in the file (crew, cast, second unit, as the file groups them)."""
    from lynchpin.engine.labour.payroll import price_timecards

    if not payroll.timecards:
        raise InputError("no [[timecard]] tables to price", source=str(source))
    try:
        weeks = price_timecards(payroll.deals, payroll.timecards, payroll.agreements,
                                holidays=payroll.holidays)
    except InputError:
        raise
    except DomainError as error:
        raise fail(f"{source}: {error}") from None
    order = {person: number for number, person in enumerate(payroll.deals)}
    return tuple(sorted(weeks, key=lambda week: (order[week.person], week.week_start)))


def plan_file(payroll: PayrollFile,
              source: Path) -> tuple[tuple[PlannedCost, ...], tuple[Violation, ...]]:
    """Projected cost of each planned call and the warnings of each planned day, in date
    order; the rest before a planned call runs from the person's previous timecard or
    planned call."""
    from lynchpin.documents.payroll_json import PlannedCost
    from lynchpin.engine.labour.payroll_file import planned_days
    from lynchpin.engine.labour.planning import price_planned_day

    if not payroll.planned:
        raise InputError("no [[planned]] calls to check", source=str(source))
    costs: list[PlannedCost] = []
    warnings: list[Violation] = []
    try:
        for planned in planned_days(payroll):
            pays = price_planned_day(planned.calls, payroll.deals, payroll.agreements,
                                     previous_end_of_duty=planned.previous_end_of_duty,
                                     previous_week_days=planned.previous_week_days)
            for call, pay in zip(planned.calls, pays, strict=True):
                costs.append(PlannedCost(call.person, call.day, call.call, call.expected_wrap,
                                         pay.total))
                warnings.extend(pay.violations)
    except InputError:
        raise
    except DomainError as error:
        raise fail(f"{source}: {error}") from None
    return tuple(costs), tuple(warnings)


def _emit(view: RenderableType | None, text: str, out: Path | None, protect: Path,
          summary: str) -> None:
    """Print `view` (or `text` when there is no view) or write the output to `out`."""
    from lynchpin.cli.payroll_view import console, plain_text

    if out is None:
        if view is None:
            sys.stdout.write(text)
        else:
            console().print(view)
        return
    data = text if view is None else plain_text(view)
    write_output(out, data.encode("utf-8"), protect=protect)
    print(f"lynchpin: wrote {out} ({summary})", file=sys.stderr)


@payroll_app.command("timecard")
@reported
def timecard(file: FileArgument, as_json: JsonOption = False, out: OutOption = None) -> None:
    """Price timecards: pay lines per person per day (rule and clause), totals, violations."""
    payroll = read_payroll_file(file)
    weeks = price_file(payroll, file)
    summary = f"{len(payroll.timecards)} timecards, {len(payroll.deals)} deals"
    if as_json:
        from lynchpin.documents.payroll_json import render_payroll_json

        text = render_payroll_json(weeks, deals=payroll.deals, production=payroll.production)
        _emit(None, text, out, file, summary)
        return
    from lynchpin.cli.payroll_view import timecard_view

    _emit(timecard_view(weeks, payroll), "", out, file, summary)


@payroll_app.command("plan")
@reported
def plan(file: FileArgument, as_json: JsonOption = False, out: OutOption = None) -> None:
    """Planned calls: warnings (meal penalties, golden hours, short rest) and projected cost."""
    payroll = read_payroll_file(file)
    costs, warnings = plan_file(payroll, file)
    summary = f"{len(costs)} planned calls, {len(warnings)} warnings"
    if as_json:
        from lynchpin.documents.payroll_json import render_planning_json

        _emit(None, render_planning_json(costs, warnings, production=payroll.production),
              out, file, summary)
        return
    from lynchpin.cli.payroll_view import plan_view

    _emit(plan_view(costs, warnings, payroll), "", out, file, summary)
