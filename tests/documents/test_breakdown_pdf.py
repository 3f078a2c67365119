"""PDF renderer: cover + one sheet per scene, escaped text, strip colours."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from lynchpin.documents import breakdown_html, render_pdf
from lynchpin.engine.breakdown.report import BreakdownReport
from tests.documents.conftest import make_report


def _pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [page.extract_text() or "" for page in document.pages]


def test_cover_then_one_page_per_scene(report: BreakdownReport) -> None:
    pdf = render_pdf(report)
    assert pdf.startswith(b"%PDF")
    pages = _pages(pdf)
    assert len(pages) == 1 + len(report.scenes)
    assert "The Night Ferry" in pages[0]
    assert "2 6/8" in pages[0]  # total length in eighths
    assert "INT. FERRY BAR - NIGHT" in pages[1]
    assert "1 3/8" in pages[1]
    assert "BRASS KEY" in pages[1]
    assert "2A" in pages[2] and "DECKHAND" in pages[2]


def test_a4_pages_are_a4(report: BreakdownReport) -> None:
    with pdfplumber.open(io.BytesIO(render_pdf(report, page_size="A4"))) as document:
        assert round(document.pages[0].width) == 595  # 210 mm in points
    with pytest.raises(ValueError, match="page size"):
        render_pdf(report, page_size="legal")


def test_script_text_is_escaped_in_the_html() -> None:
    html = breakdown_html(make_report(heading='INT. <script>& "BAR" - NIGHT'))
    assert "<script>" not in html
    assert "INT. &lt;script&gt;&amp; &quot;BAR&quot; - NIGHT" in html


def test_escaped_heading_prints_as_written() -> None:
    pages = _pages(render_pdf(make_report(heading="INT. <script>& BAR - NIGHT")))
    assert "<script>&" in pages[1]


def test_strip_colours_by_int_ext_and_day_night(report: BreakdownReport) -> None:
    html = breakdown_html(report)
    sheets = html.split('<section class="sheet">')[1:]
    assert "background: #90caf9" in sheets[0]  # INT/NIGHT blue
    assert "background: #fff59d" in sheets[1]  # EXT/DAY yellow
    assert "background: #fff59d" in sheets[2]  # CONTINUOUS carries DAY


def test_pdf_import_note_on_cover() -> None:
    pages = _pages(render_pdf(make_report(fmt="pdf")))
    assert "confidence 80%" in pages[0]
    assert "scene number unreadable" in pages[0]
    assert "confidence" not in _pages(render_pdf(make_report()))[0]


def test_category_colour_cannot_inject_css() -> None:
    from dataclasses import replace

    from lynchpin.engine.breakdown.report import CategoryColumn

    report = make_report()
    bad = replace(report, categories=(CategoryColumn(100, "Cast Members", "red;}</style>"),))
    html = breakdown_html(bad)
    assert "red;}" not in html
    assert "</style>" not in html
