"""Breakdown sheets as PDF laid out one scene at a time, for progress on long drafts.

`render_pdf_in_parts` gives the same PDF as `breakdown_pdf.render_pdf` (letter) but calls
back after each sheet, so a background task can report "n of N scenes". WeasyPrint lays out
each part (the cover, then one sheet per scene) on its own and the pages are joined; every
part is told its first page number, the title and the page total for its footer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lynchpin.documents.breakdown_pdf import breakdown_html
from lynchpin.documents.html_pdf import template
from lynchpin.engine.breakdown.report import BreakdownReport

__all__ = ["render_pdf_in_parts"]

#: Every sheet starts with this tag (templates/breakdown-sheet.html); all script text is
#: HTML-escaped before it is placed, so the tag cannot come from a script.
_SHEET_START = re.compile(r'(?=<section class="sheet">)')


def render_pdf_in_parts(report: BreakdownReport, step: Callable[[int], None]) -> bytes:
    """The same PDF as lynchpin.documents.breakdown_pdf.render_pdf (letter), laid out one
    scene at a time: ``step(n)`` is called after the n-th sheet.

    The document's HTML is built once (so the cover's totals and the day/night of scenes
    that continue the previous one are those of the whole draft) and cut before every sheet;
    WeasyPrint lays out each part on its own and the pages are written as one PDF. Each part
    is told its first page number, the document title and the page total for its footer.
    The total first assumes one page a part; when a long cover or sheet ran onto a second
    page the parts are laid out again with the true total (rare: very many elements).
    """
    parts = _cut(breakdown_html(report))
    title = report.title or "Untitled"  # what the cover's h1 shows (the footer's doc-title)
    documents = _lay_out(parts, title, len(parts), step)
    total = sum(len(document.pages) for document in documents)
    if total != len(parts):
        documents = _lay_out(parts, title, total, None)
    pages = [page for document in documents for page in document.pages]
    pdf = documents[0].copy(pages).write_pdf()
    assert isinstance(pdf, bytes)  # write_pdf returns bytes when given no target
    return pdf


def _cut(html: str) -> list[str]:
    """The document as complete HTML documents: the cover, then one per sheet."""
    head, *sheets = _SHEET_START.split(html)
    last = sheets[-1] if sheets else head
    body_end = last.rindex("</body>")
    tail = last[body_end:]
    if sheets:
        sheets[-1] = last[:body_end]
    else:
        head = head[:body_end]
    opening = head[: head.index("<body>") + len("<body>")]
    return [head + tail, *(opening + sheet + tail for sheet in sheets)]


def _lay_out(
    parts: list[str], title: str, total: int, step: Callable[[int], None] | None
) -> list[Any]:
    """WeasyPrint documents of `parts`, numbered on from each other, footers saying
    ``of <total>``; ``step(n)`` after the n-th sheet."""
    # Imported on first use: WeasyPrint is heavy, and most requests print nothing.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=())
    base = CSS(string=template("breakdown.css").substitute(page_size="letter"), url_fetcher=fetcher)
    documents: list[Any] = []
    first_page = 1
    for number, html in enumerate(parts):
        footer = CSS(string=_footer_css(title, first_page, total), url_fetcher=fetcher)
        document = HTML(string=html, url_fetcher=fetcher).render(stylesheets=[base, footer])
        documents.append(document)
        first_page += len(document.pages)
        if number and step is not None:
            step(number)
    return documents


def _footer_css(title: str, first_page: int, total: int) -> str:
    """CSS giving a part the whole document's footer: title, page numbers, page total."""
    quoted = title.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return "\n".join((
        f'html {{ string-set: doc-title "{quoted}"; }}',
        f"@page :first {{ counter-reset: page {first_page}; }}",
        f'@page {{ @bottom-right {{ content: "Page " counter(page) " of {total}"; }} }}',
    ))
