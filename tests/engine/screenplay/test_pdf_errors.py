"""The PDF reader refuses bad input with InputError only, naming the source."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.pdf import parse_pdf
from tests.engine.screenplay.test_pdf_support import (
    encrypted_pdf,
    image_only_pdf,
    many_pages_pdf,
    screenplay_pdf,
)

SMALL_SCRIPT = screenplay_pdf(
    [[(1.5, 0, "INT. ROOM - DAY"), (1.5, 2, "A lamp."), (3.5, 4, "MAY"), (2.5, 5, "Hi.")]]
)


def test_not_a_pdf() -> None:
    with pytest.raises(InputError, match="not a PDF") as caught:
        parse_pdf(b"INT. ROOM - DAY\n", source="script.pdf")
    assert caught.value.source == "script.pdf"


def test_encrypted_pdf() -> None:
    with pytest.raises(InputError, match="encrypted PDF") as caught:
        parse_pdf(encrypted_pdf(), source="locked.pdf")
    assert str(caught.value).startswith("locked.pdf: ")


def test_scanned_pdf_without_text_layer() -> None:
    with pytest.raises(InputError, match="no text layer: scanned PDFs are not supported"):
        parse_pdf(image_only_pdf(), source="scan.pdf")


def test_too_many_pages() -> None:
    with pytest.raises(InputError, match="1001 pages; the limit is 1000"):
        parse_pdf(many_pages_pdf(1001), source="huge.pdf")


def test_small_script_reads() -> None:
    script = parse_pdf(SMALL_SCRIPT, source="small.pdf")
    assert [e.text for e in script.elements] == ["INT. ROOM - DAY", "A lamp.", "MAY", "Hi."]


@pytest.mark.corpus
@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_corpus_pdf(corpus: Path, fraction: float) -> None:
    data = (corpus / "extranormal.finaldraft11.pdf").read_bytes()
    with pytest.raises(InputError, match="truncated") as caught:
        parse_pdf(data[: int(len(data) * fraction)], source="cut.pdf")
    assert caught.value.source == "cut.pdf"


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000))
def test_garbage_after_signature(tail: bytes) -> None:
    with pytest.raises(InputError):
        parse_pdf(b"%PDF-" + tail, source="junk.pdf")


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000))
def test_garbage_with_end_marker_reaches_the_parser(body: bytes) -> None:
    with pytest.raises(InputError):
        parse_pdf(b"%PDF-1.4\n" + body + b"\n%%EOF\n", source="junk.pdf")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SMALL_SCRIPT) - 8), st.integers(0, 255)),
                min_size=1, max_size=8))
def test_damaged_real_pdf_gives_script_or_input_error(edits: list[tuple[int, int]]) -> None:
    data = bytearray(SMALL_SCRIPT)
    for offset, value in edits:
        data[offset] = value
    try:
        script = parse_pdf(bytes(data), source="damaged.pdf")
    except InputError as error:
        assert error.source == "damaged.pdf"
    else:
        assert 0.0 <= script.confidence <= 1.0
