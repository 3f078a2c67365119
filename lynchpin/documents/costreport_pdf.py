"""The cost report as PDF (WeasyPrint): landscape A4, one table, header repeated per page.

Title, period, currency, the ETC basis and the sign convention on top; one row per category
(bold) and account (indented by depth) with the money columns rounded once per cell; the grand
total last. Negative variances (over budget) print in red. HTML and CSS come from
``templates/costreport-report.html`` and ``templates/costreport.css``; every text is
HTML-escaped and WeasyPrint fetches nothing.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from lynchpin.documents.costreport_cells import COLUMNS, cells
from lynchpin.documents.html_pdf import print_pdf, template
from lynchpin.engine.ledger.costreport import CostLine, CostReport

__all__ = ["costreport_html", "render_costreport_pdf"]


def _amount(value: Decimal) -> str:
    return f"{value:,}"


def _row(line: CostLine, css_class: str) -> str:
    values = cells(line.figures)
    money = "".join(
        f'<td class="money{" over" if key == "variance" and value < 0 else ""}">'
        f"{_amount(value)}</td>"
        for (key, _), value in zip(COLUMNS, values, strict=True))
    indent = f' style="padding-left: {1.5 + 4 * line.depth}mm"' if line.depth > 0 else ""
    return (f'<tr class="{css_class}"><td>{escape(line.code)}</td>'
            f"<td{indent}>{escape(line.name)}</td>{money}</tr>")


def costreport_html(report: CostReport, *, title: str = "") -> str:
    """The report as an HTML document (what the PDF is made from)."""
    rows = [_row(line, "account" if line.is_leaf else "category") for line in report.lines]
    rows.append(_row(report.total, "total"))
    return template("costreport-report.html").substitute(
        title=escape(title or "Cost report"),
        start=report.period.start.isoformat(),
        end=report.period.end.isoformat(),
        currency=escape(report.currency),
        etc_basis=escape(report.etc_basis),
        sign_convention=escape(report.sign_convention),
        headings="".join(f"<th>{escape(name)}</th>" for _, name in COLUMNS),
        rows="\n".join(rows),
    )


def render_costreport_pdf(report: CostReport, *, title: str = "") -> bytes:
    """The report as the bytes of a PDF."""
    return print_pdf(costreport_html(report, title=title), template("costreport.css").template)
