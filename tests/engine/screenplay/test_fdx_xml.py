"""FDX XML layer: Paragraph start lines from the byte scan, the fallback, and refusals.

`read_xml` builds the tree with the C parser and takes Paragraph lines from one scan of the
bytes; when that scan cannot be matched to the tree it re-parses asking expat for each line.
Both must give expat's line of the ``<Paragraph`` start tag.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.fdx import parse_fdx
from lynchpin.engine.screenplay.fdx_text import clean_text
from lynchpin.engine.screenplay.fdx_xml import read_xml


def _doc(body: str, newline: str = "\n") -> bytes:
    text = f'<?xml version="1.0"?>\n<FinalDraft Version="5">\n<Content>\n{body}</Content>\n'
    text += "<ElementSettings Type=\"Action\"><ParagraphSpec/></ElementSettings>\n</FinalDraft>\n"
    return text.replace("\n", newline).encode("utf-8")


def _lines(data: bytes) -> list[int]:
    document = read_xml(data, source="t.fdx")
    return [document.line_of(p) for p in document.root.iter("Paragraph")]


BODY = (
    '<Paragraph Type="Action"><Text>A</Text></Paragraph>\n\n'
    '<Paragraph\n Type="Action"><Text>B\nC</Text></Paragraph><Paragraph Type="Action"/>\n'
)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_paragraph_lines_for_every_line_ending(newline: str) -> None:
    assert _lines(_doc(BODY, newline)) == [4, 6, 8]


def test_paragraph_spec_is_not_a_paragraph() -> None:
    assert _lines(_doc(BODY)) == [4, 6, 8]  # ElementSettings' <ParagraphSpec/> not counted


def test_paragraph_in_a_comment_or_cdata_falls_back_to_exact_lines() -> None:
    body = "<!-- <Paragraph Type=\"Action\"> -->\n" + BODY
    body += '<Paragraph Type="Action"><Text><![CDATA[<Paragraph >]]></Text></Paragraph>\n'
    assert _lines(_doc(body)) == [5, 7, 9, 10]


def test_utf16_document_gets_exact_lines() -> None:
    text = _doc(BODY).decode("utf-8").replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
    assert _lines(text.encode("utf-16")) == [4, 6, 8]


def test_element_lines_reach_the_script() -> None:
    script = parse_fdx(_doc(BODY))
    assert [(e.text, e.line) for e in script.elements] == [("A", 4), ("B\nC", 6), ("", 8)]


@pytest.mark.parametrize(
    "prolog",
    [
        "<!DOCTYPE FinalDraft>",
        '<!DOCTYPE FinalDraft [<!ENTITY a "x">]>',
        '<!DOCTYPE FinalDraft SYSTEM "http://example.invalid/x.dtd">',
    ],
)
def test_any_dtd_is_refused(prolog: str) -> None:
    data = _doc(BODY).replace(b"<FinalDraft ", prolog.encode() + b"\n<FinalDraft ", 1)
    with pytest.raises(InputError, match="DTD") as error:
        parse_fdx(data, source="evil.fdx")
    assert error.value.source == "evil.fdx"


def test_undeclared_entity_is_malformed_xml_with_a_line() -> None:
    with pytest.raises(InputError, match="not well-formed") as error:
        parse_fdx(_doc('<Paragraph Type="Action"><Text>&lol;</Text></Paragraph>\n'))
    assert error.value.line == 4


PARAGRAPH = st.sampled_from(
    [
        '<Paragraph Type="Action"><Text>x</Text></Paragraph>',
        '<Paragraph\tType="Dialogue"/>',
        "<Paragraph>\n</Paragraph>",
        "<!-- <Paragraph> -->",
        "<ParagraphSpec/>",
        "\n",
        "\r\n",
        "\r",
        " ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(PARAGRAPH, max_size=12))
def test_scanned_lines_equal_expat_lines(parts: list[str]) -> None:
    body = "".join(parts)
    data = f"<FinalDraft><Content>{body}</Content></FinalDraft>".encode()
    fast = _lines(data)
    slow_data = b"<!-- <Paragraph -->" + data  # forces the exact (expat) path
    assert fast == _lines(slow_data)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \t\u00a0\r\x0b", max_size=12))
def test_one_line_clean_text_shortcut_equals_the_general_rule(text: str) -> None:
    general = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = general.rstrip().split("\n")
    while lines and not lines[0].strip():
        lines = lines[1:]
    assert clean_text(text) == "\n".join(line.rstrip() for line in lines)
