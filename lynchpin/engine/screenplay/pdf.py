"""Best-effort import of a printed screenplay (PDF) into a `Script`.

The PDF's text is read with its positions (pdfplumber), the page header/footer zones are
dropped, the document's indents and 12-pt line grid are measured, and every body line is
classified by where it starts (action 1.5 in, dialogue ~2.5 in, parenthetical ~3.0 in,
cue ~3.5 in, transitions on the right, centred text). Paragraphs then become elements and
scenes; speeches split across pages are merged back. See docs/formats/pdf.md.

`Script.confidence` (0..1) says how well the document fitted that model:

    confidence = structure * (0.45 * on_indent + 0.35 * on_grid + 0.20 * headers)

with `on_indent` the share of body lines starting on a calibrated indent (or centred, or a
right-hand transition), `on_grid` the share on the 12-pt grid, `headers` the share of pages
after the first body page carrying a "N." page-number header, and `structure` 1.0 when
both scene headings and character cues were found, 0.5 with only one of them, 0.1 with
neither (weights in `pdf_rules.json`).

Raises InputError (naming the source) for anything that is not a readable PDF with text:
not a PDF, damaged or truncated, password protected, over 1000 pages, no text layer.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lynchpin.engine.screenplay.model import (
    ElementKind,
    Layout,
    PageSetup,
    ParagraphStyle,
    Script,
    SourceFormat,
)
from lynchpin.engine.screenplay.pdf_assemble import assemble, heading_prefix_pattern
from lynchpin.engine.screenplay.pdf_classify import (
    LineKind,
    Paragraph,
    is_recognised,
    page_paragraphs,
)
from lynchpin.engine.screenplay.pdf_extract import RULES, extract_text
from lynchpin.engine.screenplay.pdf_layout import (
    POINTS_PER_INCH,
    BodyPage,
    Calibration,
    calibrate,
    split_pages,
)
from lynchpin.engine.screenplay.pdf_titlepage import is_title_page, read_title_page


def parse_pdf(data: bytes, *, source: str = "") -> Script:
    """Reconstruct a screenplay from PDF bytes (best effort; see the module docstring).

    Returns a Script with source_format PDF, `confidence` in 0..1 and a first warning that
    says the script was reconstructed from a PDF and how sure the reader is.
    Raises InputError naming `source` when the PDF cannot be read (never another type).
    """
    document = extract_text(data, source=source)
    pages = split_pages(document)
    prefix = heading_prefix_pattern()
    has_title = len(pages) > 1 and is_title_page(pages[0], prefix)
    body = pages[1:] if has_title else pages
    cal = calibrate(body, document.char_width)
    paragraphs = [(page.width, page_paragraphs(page, cal)) for page in body]
    elements, scenes, dropped = assemble(paragraphs, prefix)
    cues = sum(1 for e in elements if e.kind is ElementKind.CHARACTER)
    score = _score(body, cal, len(scenes), cues)
    title_page = read_title_page(pages[0], cal) if has_title else ()
    return Script(
        source_format=SourceFormat.PDF,
        elements=elements,
        scenes=scenes,
        title_page=title_page,
        layout=_layout(cal, pages[-1]),
        confidence=score.confidence,
        warnings=_warnings(score, cal, dropped, paragraphs),
        source_name=source,
    )


@dataclass(frozen=True, slots=True)
class _Score:
    """The parts of the confidence measure, each a share in 0..1."""

    on_indent: float
    on_grid: float
    headers: float
    structure: float

    @property
    def confidence(self) -> float:
        weights = RULES["confidence_weights"]
        fit = (
            float(weights["indent"]) * self.on_indent
            + float(weights["grid"]) * self.on_grid
            + float(weights["header"]) * self.headers
        )
        return round(max(0.0, min(1.0, self.structure * fit)), 3)


def _score(body: tuple[BodyPage, ...], cal: Calibration, scenes: int, cues: int) -> _Score:
    lines = [(page.width, line) for page in body for line in page.lines]
    total = max(1, len(lines))
    on_indent = sum(1 for width, line in lines if is_recognised(line, cal, width)) / total
    on_grid = sum(1 for _, line in lines if cal.on_grid(line.top)) / total
    printed = [page for page in body if page.lines]
    numbered = sum(1 for page in printed[1:] if page.has_page_number)
    headers = numbered / (len(printed) - 1) if len(printed) > 1 else 1.0
    factors = RULES["structure_factor"]
    if scenes and cues:
        structure = float(factors["headings_and_cues"])
    elif scenes or cues:
        structure = float(factors["one_of_them"])
    else:
        structure = float(factors["neither"])
    return _Score(on_indent, on_grid, headers, structure)


def _warnings(
    score: _Score,
    cal: Calibration,
    dropped: Counter[str],
    paragraphs: list[tuple[float, list[Paragraph]]],
) -> tuple[str, ...]:
    warnings = [
        "read from a PDF: elements reconstructed from text positions; "
        f"confidence {score.confidence:.2f} ({score.on_indent:.0%} of body lines on a "
        f"recognised indent, {score.on_grid:.0%} on the 12-pt line grid, "
        f"{score.headers:.0%} of pages with a page-number header)"
    ]
    missing = sorted({"action", "dialogue", "parenthetical", "character"} - cal.measured)
    if missing:
        warnings.append(
            "indents not found in the document, Final Draft defaults used for: "
            + ", ".join(missing)
        )
    if score.structure < 1.0:
        warnings.append("no scene headings or no character cues found: is this a screenplay?")
    markers = ", ".join(f"{count} {name}" for name, count in sorted(dropped.items()))
    if markers:
        warnings.append(f"page-split markers dropped and speeches merged: {markers}")
    duals = sum(1 for _, paras in paragraphs for p in paras if p.kind is LineKind.DUAL)
    if duals:
        warnings.append(f"{duals} dual-dialogue block(s) reconstructed from side-by-side columns")
    return tuple(warnings)


def _layout(cal: Calibration, page: BodyPage) -> Layout:
    """Page size and the measured left indents (inches); right edges are FD defaults."""

    def style(left: float, right: float) -> ParagraphStyle:
        return ParagraphStyle(left=round(left / POINTS_PER_INCH, 2), right=right)

    styles = (
        (ElementKind.SCENE_HEADING, style(cal.action, 7.5)),
        (ElementKind.ACTION, style(cal.action, 7.5)),
        (ElementKind.DIALOGUE, style(cal.dialogue, 6.0)),
        (ElementKind.PARENTHETICAL, style(cal.parenthetical, 5.5)),
        (ElementKind.CHARACTER, style(cal.character, 7.25)),
    )
    setup = PageSetup(
        width=round(page.width / POINTS_PER_INCH, 2),
        height=round(page.height / POINTS_PER_INCH, 2),
        top_margin=round(cal.body_top, 1),
    )
    return Layout(page=setup, styles=styles)


__all__ = ["parse_pdf"]
