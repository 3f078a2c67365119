"""Fountain bytes -> text: encodings, line ends, NBSP, and the errors for what is not text."""

from __future__ import annotations

import codecs

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.fountain import decode_text, parse_fountain


@pytest.mark.parametrize(
    "data",
    [
        b"INT. A\nB\n",
        b"INT. A\r\nB\r\n",
        b"INT. A\rB\r",
        codecs.BOM_UTF8 + b"INT. A\r\nB\r\n",
        codecs.BOM_UTF16_LE + "INT. A\r\nB\r\n".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "INT. A\nB\n".encode("utf-16-be"),
    ],
)
def test_encodings_and_line_ends_normalise(data: bytes) -> None:
    assert decode_text(data) == "INT. A\nB\n"


def test_utf8_text_and_nbsp() -> None:
    assert decode_text("WNĘTRZE\u00a0DOM – noc’s\n".encode()) == "WNĘTRZE DOM – noc’s\n"


def test_invalid_utf8_names_line_of_first_bad_byte() -> None:
    with pytest.raises(InputError) as info:
        decode_text(b"Title: X\r\n\r\nCaf\xe9 scene\n", source="latin1.fountain")
    assert info.value.line == 3
    assert info.value.source == "latin1.fountain"
    assert "not UTF-8 text" in str(info.value)


def test_nul_bytes_are_not_a_screenplay() -> None:
    with pytest.raises(InputError, match="not a screenplay"):
        decode_text(b"INT. A\x00\x00\x01\x02", source="x.bin")


def test_control_character_garbage_is_not_a_screenplay() -> None:
    with pytest.raises(InputError, match="not a screenplay"):
        decode_text(bytes(range(1, 9)) * 50)


def test_empty_file_is_an_error() -> None:
    with pytest.raises(InputError, match="empty"):
        decode_text(b"  \r\n\n")


def test_bom_file_first_line_is_a_heading() -> None:
    text = decode_text(codecs.BOM_UTF8 + b"EXT. SOMEWHERE - DAY\r\n\r\nGUY\r\nHi.\r\n")
    script = parse_fountain(text)
    assert len(script.scenes) == 1
    assert script.elements[0].text == "EXT. SOMEWHERE - DAY"


def test_parse_fountain_normalises_cr_itself() -> None:
    script = parse_fountain("BOB\r\nHi.\r\n\r\nINT. A\r\n")
    assert [e.line for e in script.elements] == [1, 2, 4]


def test_invalid_utf16_is_an_input_error() -> None:
    data = codecs.BOM_UTF16_LE + "A\nB\n".encode("utf-16-le") + b"\x00\xdc"  # lone surrogate
    with pytest.raises(InputError, match="UTF-16") as info:
        decode_text(data, source="u16.fountain")
    assert info.value.line == 3
