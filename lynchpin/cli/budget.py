"""``lynchpin budget ...``: show, compare and export budgets (docs/budgeting-cli.md).

A budget FILE is a TOML budget (docs/formats/budget.md) or an .xlsx workbook exported by
Lynchpin (recognised by its ``.xlsx`` suffix). Commands work on local files: budgets are
confidential, and role checks (producer, production manager, accountant) come with the web
app. Exit codes as in `lynchpin.cli.errors`: 2 and one line on stderr for unusable input.
Engine and document modules are imported inside commands so ``lynchpin --help`` stays fast.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from lynchpin.cli.errors import reported
from lynchpin.cli.files import read_input_bytes, write_output
from lynchpin.cli.pipeline import PaperName
from lynchpin.engine.errors import DomainError, InputError

if TYPE_CHECKING:
    from lynchpin.engine.budgeting.model import Budget
    from lynchpin.engine.budgeting.totals import Pricing

budget_app = typer.Typer(help="Budgets: show, compare and export.", no_args_is_help=True)

#: Largest budget file read (a 5,000-line TOML budget is about 1 MB).
MAX_BUDGET_BYTES = 20 * 1024 * 1024
#: Width used when output is not a terminal, as for the other commands.
PLAIN_WIDTH = 160

_FILE_HELP = "Budget: a TOML budget file or an .xlsx workbook exported by Lynchpin."


class ExportFormat(StrEnum):
    """Formats of ``budget export`` (``--format``)."""

    XLSX = "xlsx"
    CSV = "csv"
    PDF = "pdf"


def read_budget_file(path: Path) -> Budget:
    """The budget in `path` (.xlsx: exported workbook; anything else: TOML).

    Raises InputError naming `path` for a missing, special, huge, undecodable or invalid file.
    """
    data = read_input_bytes(path, limit=MAX_BUDGET_BYTES)
    name = str(path)
    if path.suffix.lower() == ".xlsx":
        from lynchpin.documents.budget_xlsx_read import read_budget_xlsx

        return read_budget_xlsx(data, source=name)
    from lynchpin.engine.budgeting.budget_file import read_budget

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text (byte {error.start}); a TOML budget is UTF-8",
                         source=name) from None
    return read_budget(text, source=name)


def _priced(path: Path) -> Pricing:
    from lynchpin.engine.budgeting.totals import price_budget

    return price_budget(read_budget_file(path))


def _console() -> Console:
    width = None if sys.stdout.isatty() else PLAIN_WIDTH
    return Console(file=sys.stdout, width=width, highlight=False)


@budget_app.command("show")
@reported
def show(
    file: Annotated[Path, typer.Argument(help=_FILE_HELP, metavar="FILE", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Print the top sheet, accounts, fringes and grand total of a budget."""
    pricing = _priced(file)
    if as_json:
        from lynchpin.documents.budget_json import render_budget_json

        sys.stdout.write(render_budget_json(pricing))
        sys.stdout.flush()
        return
    from lynchpin.cli.budget_views import budget_view

    _console().print(budget_view(pricing))


@budget_app.command("compare")
@reported
def compare(
    files: Annotated[list[Path], typer.Argument(
        help="Two to four budget versions; the first is the base.", metavar="A B [C D]",
        show_default=False)],
) -> None:
    """Compare two to four budget versions by account, with each one's variance to the first."""
    from lynchpin.cli.budget_views import comparison_view
    from lynchpin.engine.budgeting.compare import MAX_VERSIONS, compare_versions

    if not 2 <= len(files) <= MAX_VERSIONS:
        raise InputError(f"give 2 to {MAX_VERSIONS} budget files, not {len(files)}",
                         source="budget compare")
    budgets = [read_budget_file(path) for path in files]
    try:
        comparison = compare_versions(*budgets)
    except InputError:
        raise
    except DomainError as error:  # e.g. versions in different currencies: unusable input
        raise InputError(str(error), source=", ".join(map(str, files))) from None
    _console().print(comparison_view(comparison, version_labels(files, budgets)))


def version_labels(files: list[Path], budgets: list[Budget]) -> list[str]:
    """Column labels: each budget's version, or its file name when versions are missing or
    repeated."""
    versions = [budget.version for budget in budgets]
    if all(versions) and len(set(versions)) == len(versions):
        return versions
    names = [path.name for path in files]
    return names if len(set(names)) == len(names) else [str(path) for path in files]


@budget_app.command("export")
@reported
def export(
    file: Annotated[Path, typer.Argument(help=_FILE_HELP, metavar="FILE", show_default=False)],
    output_format: Annotated[ExportFormat, typer.Option(
        "--format", "-f", help="xlsx (re-importable), csv (detail lines) or pdf.",
        show_default=False)],
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Output file. csv: default stdout; xlsx/pdf: default "
        "<FILE stem>-budget.<ext> in the current folder.", show_default=False)] = None,
    paper: Annotated[PaperName, typer.Option("--paper", help="PDF paper size.")] = (
        PaperName.LETTER),
) -> None:
    """Write a budget as an XLSX workbook, a CSV of detail lines, or a PDF top sheet + detail."""
    pricing = _priced(file)
    data = _render(pricing, output_format, paper)
    if out is None and output_format is ExportFormat.CSV:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    target = out if out is not None else Path.cwd() / f"{file.stem}-budget.{output_format}"
    write_output(target, data, protect=file)
    print(f"lynchpin: wrote {target} ({len(pricing.lines)} lines)", file=sys.stderr)


def _render(pricing: Pricing, output_format: ExportFormat, paper: PaperName) -> bytes:
    if output_format is ExportFormat.XLSX:
        from lynchpin.documents.budget_xlsx import render_budget_xlsx

        return render_budget_xlsx(pricing)
    if output_format is ExportFormat.CSV:
        from lynchpin.documents.budget_csv import render_budget_csv

        return render_budget_csv(pricing).encode("utf-8")
    from lynchpin.documents.budget_pdf import render_budget_pdf

    return render_budget_pdf(pricing, page_size="A4" if paper is PaperName.A4 else "letter")
