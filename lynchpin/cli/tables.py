"""Terminal renderings (rich) of a breakdown report and a revision report."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lynchpin.documents.strips import day_night
from lynchpin.engine.breakdown.report import BreakdownReport, SceneReport
from lynchpin.engine.units import format_eighths

if TYPE_CHECKING:
    from lynchpin.engine.screenplay.revisions import RevisionReport, SceneChange

CAST = "Cast Members"
_MAX_WARNINGS = 5
_STATUS_STYLES = {
    "added": "bold green",
    "omitted": "bold red",
    "changed": "yellow",
    "renumbered": "cyan",
    "unchanged": "dim",
}


def breakdown_view(report: BreakdownReport) -> RenderableType:
    """Confidence note (PDF imports), the scene table with totals, and a summary line."""
    table = Table(
        title=report.title or report.source or None,
        show_footer=True,
        header_style="bold",
        expand=False,
    )
    scenes = len(report.scenes)
    plural = "" if scenes == 1 else "s"
    table.add_column("Scene", footer="Total", no_wrap=True)
    table.add_column(
        "Heading", footer=f"{scenes} scene{plural}, {report.pages} pages", overflow="fold"
    )
    table.add_column("I/E", no_wrap=True)
    table.add_column("D/N", no_wrap=True)
    table.add_column("Pages", justify="right", footer=format_eighths(report.eighths), no_wrap=True)
    table.add_column("Cast", overflow="fold")
    table.add_column("Elements", overflow="fold")
    for scene, dn in zip(report.scenes, day_night(report.scenes), strict=True):
        table.add_row(
            scene.number,
            scene.heading,
            scene.int_ext,
            dn,
            format_eighths(scene.eighths),
            ", ".join(scene.characters),
            element_counts(scene),
        )
    parts: list[RenderableType] = []
    note = confidence_note(report)
    if note is not None:
        parts.append(note)
    parts.extend([table, Text(summary_line(report))])
    return Group(*parts)


def element_counts(scene: SceneReport) -> str:
    """``"Props 2, Vehicles 1"``: elements per category, cast left out (it has its column)."""
    return ", ".join(f"{name} {len(names)}" for name, names in scene.elements if name != CAST)


def summary_line(report: BreakdownReport) -> str:
    """One line of totals: scenes, pages, eighths, cast, speaking cast."""
    speaking = sum(1 for character in report.characters if character.dialogue_blocks > 0)
    return (
        f"{len(report.scenes)} scenes, {report.pages} pages, "
        f"{format_eighths(report.eighths)} pages in eighths ({report.eighths}/8), "
        f"{len(report.characters)} cast ({speaking} speaking)"
    )


def confidence_note(report: BreakdownReport) -> Panel | None:
    """A visible warning panel for PDF imports (confidence and the importer's warnings)."""
    if report.format != "pdf" and not report.warnings:
        return None
    lines = []
    if report.format == "pdf":
        lines.append(
            f"Imported from a PDF: confidence {report.confidence:.0%}. "
            "Check scene numbers, headings and lengths against the script."
        )
    lines.extend(f"- {warning}" for warning in report.warnings[:_MAX_WARNINGS])
    if len(report.warnings) > _MAX_WARNINGS:
        lines.append(f"... and {len(report.warnings) - _MAX_WARNINGS} more warnings")
    return Panel(Text("\n".join(lines)), title="Note", border_style="yellow", expand=False)


def revision_view(report: RevisionReport, *, changes_only: bool = False) -> RenderableType:
    """The scene-by-scene revision table and the counts line(s)."""
    table = Table(header_style="bold")
    table.add_column("Status", no_wrap=True)
    table.add_column("Old -> New", no_wrap=True)
    table.add_column("Heading", overflow="fold")
    table.add_column("Summary", overflow="fold")
    for change in report.changes:
        status = str(change.status)
        if changes_only and status == "unchanged":
            continue
        table.add_row(
            Text(status, style=_STATUS_STYLES.get(status, "")),
            _numbers(change),
            change.new_heading or change.old_heading,
            change.summary,
        )
    return Group(table, Text("\n".join(revision_counts(report))))


def _numbers(change: SceneChange) -> str:
    old = change.old_number if change.old_index is not None else "-"
    new = change.new_number if change.new_index is not None else "-"
    return f"{old} -> {new}"


def revision_counts(report: RevisionReport) -> list[str]:
    """Count lines: scenes per status, characters added/removed, numbering warnings."""
    counts = Counter(str(change.status) for change in report.changes)
    order = ("added", "omitted", "changed", "renumbered", "unchanged")
    lines = [
        f"{report.old_scene_count} scenes -> {report.new_scene_count} scenes: "
        + ", ".join(f"{counts.get(status, 0)} {status}" for status in order)
    ]
    if report.characters_added:
        lines.append("Speaking characters added: " + ", ".join(report.characters_added))
    if report.characters_removed:
        lines.append("Speaking characters removed: " + ", ".join(report.characters_removed))
    lines.extend(f"Warning: {warning}" for warning in report.warnings)
    return lines
