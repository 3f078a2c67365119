"""The ``lynchpin`` console script: ``breakdown`` and ``script diff`` on screenplay files.

Commands work on files, without a database. Exit codes: 0 success, 2 unusable input or
usage error (one line on stderr, ``lynchpin: error: <file>[:<line>]: <message>``), 1 an
internal error (a bug; see `lynchpin.cli.errors`). Full reference: docs/cli.md.
"""

from __future__ import annotations

import io
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console, RenderableType

from lynchpin import __version__
from lynchpin.cli.budget import budget_app
from lynchpin.cli.costreport import costreport, price_budget
from lynchpin.cli.errors import reported
from lynchpin.cli.files import write_output
from lynchpin.cli.payroll import payroll_app
from lynchpin.cli.pipeline import PaperName, load_script, report_for
from lynchpin.cli.schedule import schedule_app
from lynchpin.cli.tables import breakdown_view, revision_view
from lynchpin.cli.web import demo, serve, worker
from lynchpin.engine.breakdown.report import BreakdownReport

app = typer.Typer(
    name="lynchpin",
    help="Lynchpin: the production office in one program (screenplay to wrap).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
script_app = typer.Typer(help="Work with screenplay files.", no_args_is_help=True)
app.add_typer(script_app, name="script")
app.add_typer(schedule_app, name="schedule")
app.add_typer(budget_app, name="budget")
app.add_typer(payroll_app, name="payroll")
app.command("costreport")(costreport)
app.command("price-budget")(price_budget)
app.command("serve")(serve)
app.command("worker")(worker)
app.command("demo")(demo)

#: Width used when output is not a terminal (files, pipes), so long headings stay on one line.
PLAIN_WIDTH = 160


class OutputFormat(StrEnum):
    """Breakdown output formats (``--format``)."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"
    PDF = "pdf"


#: Formats whose output is binary: never written to the terminal.
BINARY_FORMATS = frozenset({OutputFormat.XLSX, OutputFormat.PDF})


def _print_version(value: bool) -> None:
    if value:
        print(f"lynchpin {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Lynchpin: the production office in one program (screenplay to wrap)."""


@app.command()
@reported
def breakdown(
    file: Annotated[
        Path, typer.Argument(
            help="Screenplay file: .fountain, .fdx or .pdf.", metavar="FILE", show_default=False
        )
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.TABLE,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Output file. json/csv: default stdout; xlsx/pdf: default "
            "<FILE stem>-breakdown.<ext> in the current folder.",
            show_default=False,
        ),
    ] = None,
    paper: Annotated[
        PaperName, typer.Option("--paper", help="Paper the script is paginated on.")
    ] = PaperName.LETTER,
) -> None:
    """Break a screenplay down: scenes, lengths in eighths, cast and elements per category."""
    report = report_for(load_script(file), paper)
    if output_format is OutputFormat.TABLE and out is None:
        _console().print(breakdown_view(report))
        return
    data = _render(report, output_format, paper)
    if out is None and output_format not in BINARY_FORMATS:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    target = out if out is not None else default_output(file, output_format)
    write_output(target, data, protect=file)
    print(f"lynchpin: wrote {target} ({len(report.scenes)} scenes)", file=sys.stderr)


def default_output(script: Path, output_format: OutputFormat) -> Path:
    """Where xlsx/pdf go without --out: ``<stem>-breakdown.<ext>`` in the current folder.

    The ``-breakdown`` suffix keeps ``script.pdf`` from being overwritten by its breakdown.
    """
    return Path.cwd() / f"{script.stem}-breakdown.{output_format.value}"


def _render(report: BreakdownReport, output_format: OutputFormat, paper: PaperName) -> bytes:
    """The report in `output_format`, as bytes (UTF-8 for text formats)."""
    if output_format is OutputFormat.JSON:
        from lynchpin.documents.breakdown_json import render_json

        return render_json(report).encode("utf-8")
    if output_format is OutputFormat.CSV:
        from lynchpin.documents.breakdown_csv import render_csv

        return render_csv(report).encode("utf-8")
    if output_format is OutputFormat.XLSX:
        from lynchpin.documents.breakdown_xlsx import render_xlsx

        return render_xlsx(report)
    if output_format is OutputFormat.PDF:
        from lynchpin.documents.breakdown_pdf import render_pdf

        return render_pdf(report, page_size="A4" if paper is PaperName.A4 else "letter")
    return _plain_text(breakdown_view(report)).encode("utf-8")


@script_app.command("diff")
@reported
def diff(
    old: Annotated[
        Path, typer.Argument(help="The earlier draft.", metavar="OLD", show_default=False)
    ],
    new: Annotated[
        Path, typer.Argument(help="The later draft.", metavar="NEW", show_default=False)
    ],
    changes_only: Annotated[
        bool, typer.Option("--changes-only", help="Leave unchanged scenes out of the table.")
    ] = False,
) -> None:
    """Compare two drafts: scenes added, omitted, changed, renumbered; counts at the end."""
    from lynchpin.engine.screenplay.revisions import compare_scripts

    report = compare_scripts(load_script(old), load_script(new))
    _console().print(revision_view(report, changes_only=changes_only))


def _console() -> Console:
    """A console on stdout: terminal width on a terminal, `PLAIN_WIDTH` elsewhere."""
    width = None if sys.stdout.isatty() else PLAIN_WIDTH
    return Console(file=sys.stdout, width=width, highlight=False)


def _plain_text(view: RenderableType) -> str:
    """`view` rendered as plain text (no colour codes), for ``--format table --out FILE``."""
    buffer = io.StringIO()
    Console(file=buffer, width=PLAIN_WIDTH, no_color=True, color_system=None).print(view)
    return buffer.getvalue()
