"""``lynchpin costreport`` and ``lynchpin price-budget``: the cost report, and a budget priced
from a schedule (docs/costreport.md).

``costreport BUDGET LEDGER`` reads a budget (TOML or exported .xlsx) and a ledger file
(docs/formats/ledger.md), posts the ledger over the budget's accounts and prints the cost
report (terminal table, JSON, XLSX or PDF). ``price-budget BUDGET --schedule ... --production
... --script ...`` sets the budget's schedule globals from a schedule and lists the lines whose
totals changed. Exit codes as in `lynchpin.cli.errors`: 2 and one line on stderr for unusable
input (a refused posting included). Engine and document modules are imported inside the
commands so ``lynchpin --help`` stays fast.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lynchpin.cli.budget import read_budget_file
from lynchpin.cli.costreport_view import (
    changes_view,
    console,
    costreport_view,
    print_warnings,
)
from lynchpin.cli.errors import fail, reported
from lynchpin.cli.files import write_output
from lynchpin.cli.schedule_steps import read_text_file
from lynchpin.engine.errors import DomainError, InputError

if TYPE_CHECKING:
    from lynchpin.engine.budgeting.model import Budget
    from lynchpin.engine.ledger.book import Ledger
    from lynchpin.engine.ledger.costreport import CostReport
    from lynchpin.engine.ledger.etc import EtcPolicy


class ReportFormat(StrEnum):
    """Cost report output formats (``--format``)."""

    TABLE = "table"
    JSON = "json"
    XLSX = "xlsx"
    PDF = "pdf"


class EtcMethod(StrEnum):
    """How the estimate to complete is made (``--etc``)."""

    UNSPENT = "unspent"
    PROJECTION = "projection"


def read_ledger_file(path: Path, budget: Budget) -> Ledger:
    """The ledger in `path`, posted over the accounts of `budget` (InputError otherwise)."""
    from lynchpin.engine.ledger.ledger_file import read_ledger

    codes = [account.code for _, account in budget.accounts()]
    return read_ledger(read_text_file(path), source=str(path), accounts=codes)


def default_period(ledger: Ledger, end: date | None, start: date | None,
                   source: str) -> tuple[date, date]:
    """(start, end): end defaults to the last entry's date, start to six days before end."""
    if end is None:
        dates = [record.entry.date for record in ledger.records]
        if not dates:
            raise InputError("the ledger has no entries: give --period-end", source=source)
        end = max(dates)
    first = start if start is not None else end - timedelta(days=6)
    if first > end:
        raise InputError(f"--period-start {first} is after --period-end {end}", source=source)
    return first, end


def projection_policy(budget: Budget, *, planned: int | None, shot: int | None,
                      work_planned: int | None, work_shot: int | None,
                      shoot_accounts: list[str]) -> EtcPolicy:
    """A schedule projection: each shoot account's daily budget is its budget / planned days."""
    from lynchpin.documents.costreport_inputs import budget_accounts
    from lynchpin.engine.ledger.etc import ScheduleProjection, ShootProgress

    given = {"--planned": planned, "--shot": shot, "--work-planned": work_planned,
             "--work-shot": work_shot}
    missing = [name for name, value in given.items() if value is None]
    if missing or not shoot_accounts:
        needed = [*missing, *([] if shoot_accounts else ["--shoot-account"])]
        raise InputError(f"--etc projection needs {', '.join(needed)}", source="costreport")
    assert planned is not None and shot is not None  # checked just above
    assert work_planned is not None and work_shot is not None
    totals = budget_accounts(budget)
    unknown = [code for code in shoot_accounts if code not in totals]
    if unknown:
        raise InputError(f"--shoot-account {unknown[0]} is not an account of the budget",
                         source="costreport")
    daily = {code: totals[code] * (Decimal(1) / Decimal(planned)) for code in shoot_accounts}
    progress = ShootProgress(planned_days=planned, days_shot=shot, work_planned=work_planned,
                             work_shot=work_shot)
    return ScheduleProjection(progress, daily)


def build_report(budget: Budget, ledger: Ledger, period: tuple[date, date],
                 policy: EtcPolicy | None) -> CostReport:
    """The cost report of `ledger` against `budget` (categories -> accounts)."""
    from lynchpin.documents.costreport_inputs import budget_accounts, budget_chart
    from lynchpin.engine.ledger.costreport import cost_report

    return cost_report(budget_accounts(budget), budget_chart(budget), ledger, period=period,
                       etc=policy)


def _render(report: CostReport, output_format: ReportFormat, title: str) -> bytes:
    if output_format is ReportFormat.XLSX:
        from lynchpin.documents.costreport_xlsx import render_costreport_xlsx

        return render_costreport_xlsx(report, title=title)
    if output_format is ReportFormat.PDF:
        from lynchpin.documents.costreport_pdf import render_costreport_pdf

        return render_costreport_pdf(report, title=title)
    if output_format is ReportFormat.JSON:
        from lynchpin.documents.costreport_json import render_costreport_json

        return render_costreport_json(report, title=title).encode("utf-8")
    from lynchpin.cli.costreport_view import plain_text

    return plain_text(costreport_view(report, title)).encode("utf-8")


def _output(report: CostReport, output_format: ReportFormat, out: Path | None,
            title: str, protect: Path) -> None:
    if out is None:
        if output_format in (ReportFormat.XLSX, ReportFormat.PDF):
            raise InputError(f"--format {output_format.value} needs --out FILE",
                             source="costreport")
        if output_format is ReportFormat.TABLE:
            console().print(costreport_view(report, title))
            return
        sys.stdout.write(_render(report, output_format, title).decode("utf-8"))
        return
    write_output(out, _render(report, output_format, title), protect=protect)
    print(f"lynchpin: wrote {out} ({len(report.lines)} rows)", file=sys.stderr)


@reported
def costreport(
    budget_file: Annotated[Path, typer.Argument(
        help="Budget: TOML or an .xlsx exported by Lynchpin.", metavar="BUDGET",
        show_default=False)],
    ledger_file: Annotated[Path, typer.Argument(
        help="Ledger file (TOML, docs/formats/ledger.md).", metavar="LEDGER",
        show_default=False)],
    period_end: Annotated[str | None, typer.Option(
        "--period-end", help="Last day of the period (YYYY-MM-DD); default: the last entry's "
        "date.", show_default=False)] = None,
    period_start: Annotated[str | None, typer.Option(
        "--period-start", help="First day of the period; default: six days before the end.",
        show_default=False)] = None,
    etc: Annotated[EtcMethod, typer.Option(
        "--etc", help="Estimate to complete: the unspent budget, or a projection of the "
        "remaining shoot at the pace so far.")] = EtcMethod.UNSPENT,
    planned: Annotated[int | None, typer.Option(
        "--planned", min=1, help="Projection: shoot days planned.", show_default=False)] = None,
    shot: Annotated[int | None, typer.Option(
        "--shot", min=0, help="Projection: shoot days shot so far.", show_default=False)] = None,
    work_planned: Annotated[int | None, typer.Option(
        "--work-planned", min=1, help="Projection: eighths (or setups) planned.",
        show_default=False)] = None,
    work_shot: Annotated[int | None, typer.Option(
        "--work-shot", min=0, help="Projection: eighths (or setups) shot so far.",
        show_default=False)] = None,
    shoot_account: Annotated[list[str] | None, typer.Option(
        "--shoot-account", help="Projection: an account priced per shoot day (repeat the "
        "option); its daily budget is its budget / --planned.", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    output_format: Annotated[ReportFormat, typer.Option(
        "--format", "-f", help="Output format.")] = ReportFormat.TABLE,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Output file (required for xlsx and pdf).", show_default=False)
    ] = None,
) -> None:
    """Cost report: budget, this period, actual, committed, ETC, EFC and variance per account."""
    budget = read_budget_file(budget_file)
    ledger = read_ledger_file(ledger_file, budget)
    print_warnings(budget, ledger)
    period = default_period(ledger, _date(period_end, "--period-end"),
                            _date(period_start, "--period-start"), str(ledger_file))
    policy = None
    if etc is EtcMethod.PROJECTION:
        policy = projection_policy(budget, planned=planned, shot=shot,
                                   work_planned=work_planned, work_shot=work_shot,
                                   shoot_accounts=shoot_account or [])
    try:
        report = build_report(budget, ledger, period, policy)
    except InputError:
        raise
    except DomainError as error:
        raise fail(f"{ledger_file}: {error}") from None
    chosen = ReportFormat.JSON if as_json else output_format
    _output(report, chosen, out, budget.title, protect=ledger_file)


def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option}: not a date (YYYY-MM-DD): {text!r}",
                         source="costreport") from None


@reported
def price_budget(
    budget_file: Annotated[Path, typer.Argument(
        help="Budget: TOML or an .xlsx exported by Lynchpin.", metavar="BUDGET",
        show_default=False)],
    schedule: Annotated[Path, typer.Option(
        "--schedule", "-s", help="schedule.json written by `lynchpin schedule plan`.",
        show_default=False)],
    production: Annotated[Path, typer.Option(
        "--production", "-p", help="Production file the schedule was planned from.",
        show_default=False)],
    script: Annotated[Path, typer.Option(
        "--script", help="Screenplay the schedule was planned from.", show_default=False)],
    prep_weeks: Annotated[str | None, typer.Option(
        "--prep-weeks", help="Prep weeks; default: the budget's PREP_WEEKS.",
        show_default=False)] = None,
    wrap_weeks: Annotated[str | None, typer.Option(
        "--wrap-weeks", help="Wrap weeks; default: the budget's WRAP_WEEKS.",
        show_default=False)] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Write the priced budget (TOML) here; without it, only list the "
        "changes.", show_default=False)] = None,
) -> None:
    """Price a budget from a schedule: set its schedule globals and list the changed lines."""
    from lynchpin.cli.costreport_price import price_from_schedule
    from lynchpin.engine.budgeting.budget_write import write_budget

    budget = read_budget_file(budget_file)
    result = price_from_schedule(budget, schedule, production, script,
                                 prep_weeks=prep_weeks, wrap_weeks=wrap_weeks)
    console().print(changes_view(result))
    if out is not None:
        write_output(out, write_budget(result.budget).encode("utf-8"), protect=budget_file)
        print(f"lynchpin: wrote {out} ({len(result.changes)} lines changed)", file=sys.stderr)
