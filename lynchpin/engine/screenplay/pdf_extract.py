"""Text positions out of a PDF: pages of lines, each line a tuple of horizontal runs.

This is the only module that touches pdfplumber/pdfminer. Everything the library raises is
turned into `InputError` naming the source; the rest of the PDF reader works on the plain
values defined here. Units are PDF points (1/72 in) measured from the top-left paper corner.

Raises InputError for: data that is not a PDF, a damaged or truncated PDF, a PDF that needs a
password, more than `max_pages` pages, and a PDF without any text (a scanned image).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any

import pdfplumber

from lynchpin.engine.errors import InputError

#: Reader rules (margins, tolerances, markers); see docs/formats/pdf.md.
RULES: dict[str, Any] = json.loads(
    (Path(__file__).with_name("pdf_rules.json")).read_text(encoding="utf-8")
)

#: Courier 12 pt advances 7.2 pt a character; used when a page has no usable words.
DEFAULT_CHAR_WIDTH = 7.2

_EOF_WINDOW = 2048


@dataclass(frozen=True, slots=True)
class Run:
    """Words printed next to each other on one line: left/right edge in points and text."""

    x0: float
    x1: float
    text: str


@dataclass(frozen=True, slots=True)
class TextLine:
    """One printed line: its top in points and its runs, left to right (at least one)."""

    top: float
    runs: tuple[Run, ...]

    @property
    def x0(self) -> float:
        """Left edge of the first run, points."""
        return self.runs[0].x0

    @property
    def x1(self) -> float:
        """Right edge of the last run, points."""
        return self.runs[-1].x1

    @property
    def text(self) -> str:
        """The runs' text joined by single spaces."""
        return " ".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class PageText:
    """A page: 1-based physical number, size in points, lines top to bottom."""

    number: int
    width: float
    height: float
    lines: tuple[TextLine, ...]


@dataclass(frozen=True, slots=True)
class DocumentText:
    """Every page of a PDF plus the typical character advance (points) of its text."""

    pages: tuple[PageText, ...]
    char_width: float


# A raw word as pdfplumber reports it: (x0, x1, top, text).
_Word = tuple[float, float, float, str]


def extract_text(data: bytes, *, source: str) -> DocumentText:
    """Read every page's words and group them into lines and runs.

    Raises InputError (see the module docstring); never another exception type.
    """
    _check_envelope(data, source=source)
    raw = _read_words(data, source=source)
    if not any(words for _, _, words in raw):
        raise InputError(
            "no text layer: scanned PDFs are not supported; OCR it first", source=source
        )
    char_width = _char_width(raw)
    pages = tuple(
        PageText(number, width, height, _group_lines(words, char_width))
        for number, (width, height, words) in enumerate(raw, start=1)
    )
    return DocumentText(pages, char_width)


def _check_envelope(data: bytes, *, source: str) -> None:
    """Cheap checks before the parser runs: PDF signature and end-of-file marker."""
    if not data.startswith(b"%PDF-"):
        raise InputError("not a PDF file (no %PDF- signature)", source=source)
    # A PDF must end with %%EOF; without it the file was cut short, and pdfminer's
    # recovery would silently return part of the script.
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise InputError("damaged or truncated PDF: no %%EOF marker at the end", source=source)


def _read_words(data: bytes, *, source: str) -> list[tuple[float, float, list[_Word]]]:
    """(width, height, words) per page, straight from pdfplumber.

    pdfminer raises a wide range of exception types on malformed input (syntax errors,
    KeyError, TypeError, RecursionError...), so everything from the library is caught here
    and reported as one InputError; no code of ours runs inside the try block.
    """
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            page_count = len(pdf.pages)
            if page_count > RULES["max_pages"]:
                raise InputError(
                    f"PDF has {page_count} pages; the limit is {RULES['max_pages']}",
                    source=source,
                )
            return [_page_words(page) for page in pdf.pages]
    except InputError:
        raise
    except Exception as exc:  # pdfminer's error types are not a closed set
        if _is_encryption_error(exc):
            raise InputError(
                "encrypted PDF: remove the password protection and try again", source=source
            ) from exc
        raise InputError(f"damaged PDF: {type(exc).__name__}: {exc}"[:300], source=source) from exc


#: pdfminer's password/encryption errors, matched by name: the engine depends on pdfplumber
#: only, not on the pdfminer release underneath it.
_ENCRYPTION_ERRORS = frozenset({"PDFPasswordIncorrect", "PDFEncryptionError"})


def _is_encryption_error(exc: BaseException) -> bool:
    """True when the error, or one pdfplumber wrapped in it, is a password/encryption error."""
    cause: BaseException | None = exc
    for _ in range(5):
        if cause is None:
            return False
        if type(cause).__name__ in _ENCRYPTION_ERRORS:
            return True
        inner = cause.args[0] if cause.args else None
        cause = inner if isinstance(inner, BaseException) else cause.__cause__
    return False


def _page_words(page: Any) -> tuple[float, float, list[_Word]]:
    """Upright words of one page; overlapping duplicate glyphs (fake bold) removed."""
    words = page.dedupe_chars().extract_words(keep_blank_chars=False, use_text_flow=False)
    return (
        float(page.width),
        float(page.height),
        [
            (float(w["x0"]), float(w["x1"]), float(w["top"]), str(w["text"]))
            for w in words
            if w.get("upright", True) and str(w["text"]).strip()
        ],
    )


def _char_width(raw: list[tuple[float, float, list[_Word]]]) -> float:
    """Median advance per character over words of 3+ characters (Courier 12 pt: 7.0-7.2)."""
    widths = [
        (x1 - x0) / len(text)
        for _, _, words in raw
        for x0, x1, _top, text in words
        if len(text) >= 3 and x1 > x0
    ]
    return median(widths) if widths else DEFAULT_CHAR_WIDTH


def _group_lines(words: list[_Word], char_width: float) -> tuple[TextLine, ...]:
    """Words with (nearly) the same top form a line; large gaps split it into runs."""
    tolerance = float(RULES["line_merge_tolerance_pt"])
    lines: list[list[_Word]] = []
    for word in sorted(words, key=lambda w: (w[2], w[0])):
        if lines and word[2] - lines[-1][0][2] <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return tuple(
        TextLine(line[0][2], _runs(sorted(line, key=lambda w: w[0]), char_width))
        for line in lines
    )


def _runs(words: list[_Word], char_width: float) -> tuple[Run, ...]:
    """Split a line where the gap exceeds `run_gap_chars` characters (margins, dual columns).

    Inside a run the number of spaces between words follows the gap (monospaced text keeps
    double spaces after full stops and in headings).
    """
    split_gap = float(RULES["run_gap_chars"]) * char_width
    runs: list[Run] = []
    x0, x1, _, text = words[0]
    for wx0, wx1, _top, wtext in words[1:]:
        gap = wx0 - x1
        if gap > split_gap:
            runs.append(Run(x0, x1, text))
            x0, text = wx0, wtext
        else:
            text += " " * max(1, round(gap / char_width)) + wtext
        x1 = max(x1, wx1)
    runs.append(Run(x0, x1, text))
    return tuple(runs)
