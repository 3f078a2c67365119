"""Safe, fast XML reading for Final Draft files, plus the line of every ``<Paragraph>``.

Two expat passes, both in C:

1. a guard pass with a bare ``pyexpat`` parser whose DTD, entity-declaration and
   external-entity handlers raise defusedxml's exceptions (as defusedxml's own parser does).
   It stops at the root element's start tag: a DTD can only appear before the root, and
   without a DTD a document can declare no entity, so no entity-expansion bomb and no
   external reference can follow. The guard therefore reads only the prolog.
2. the tree is built by the C-accelerated ``xml.etree.ElementTree.XMLParser`` with its C
   TreeBuilder: no Python call per node, linear in the input.

`XmlDocument.line_of` gives the 1-based line on which a ``<Paragraph`` start tag begins. The
lines come from one scan of the bytes for ``<Paragraph`` start tags (line ends: LF, CRLF or
lone CR, as expat counts them), matched in order to the tree's Paragraph elements. When the
two counts differ (a ``<Paragraph`` inside a comment or CDATA section, or a document not in
an ASCII-compatible encoding such as UTF-16), the document is parsed once more with a
TreeBuilder that asks expat for the line of each Paragraph, so the lines stay exact.

Raises InputError (naming the source and, where expat knows it, the line) for malformed XML,
for forbidden DTD/entity constructs, and for any other failure of the XML layer.
"""

from __future__ import annotations

import itertools
import pyexpat
from dataclasses import dataclass, field
from typing import Any, NoReturn
from xml.etree.ElementTree import Element as XmlElement
from xml.etree.ElementTree import ParseError, TreeBuilder, XMLParser

import defusedxml.ElementTree as safe_etree
from defusedxml import (
    DefusedXmlException,
    DTDForbidden,
    EntitiesForbidden,
    ExternalReferenceForbidden,
)

from lynchpin.engine.errors import InputError

_PARAGRAPH_TAG = b"<Paragraph"
#: Bytes that may follow ``<Paragraph`` in a Paragraph start tag (not ``<ParagraphSpec``).
_AFTER_TAG = frozenset(b" \t\r\n/>")


@dataclass(frozen=True)
class XmlDocument:
    """A parsed document: its root and the start line of each Paragraph (by element id)."""

    root: XmlElement
    paragraph_lines: dict[int, int] = field(default_factory=dict)

    def line_of(self, element: XmlElement) -> int:
        """1-based line where `element` starts, or 0 when it was not recorded."""
        return self.paragraph_lines.get(id(element), 0)


class _RootReached(Exception):
    """Raised by the guard pass at the root start tag: the prolog is clean."""


def _refuse_dtd(*_: object) -> NoReturn:
    raise DTDForbidden(None, None, None)


def _refuse_entity(*_: object) -> NoReturn:
    raise EntitiesForbidden(None, None, None, None, None, None)


def _refuse_external(*_: object) -> NoReturn:
    raise ExternalReferenceForbidden(None, None, None, None)


def _root_reached(*_: object) -> NoReturn:
    raise _RootReached


def _guard_prolog(data: bytes, source: str) -> None:
    """Refuse DTDs, entity declarations and external references before the root element.

    Malformed XML is left to the tree pass, which reports it with its line.
    """
    parser = pyexpat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_external
    parser.StartElementHandler = _root_reached
    try:
        parser.Parse(data, True)
    except _RootReached:
        return
    except DefusedXmlException:
        raise InputError(
            "XML with a DTD, entity declarations or external references is refused "
            "(Final Draft files never contain them)",
            source=source,
            line=int(parser.CurrentLineNumber) or None,
        ) from None
    except (pyexpat.ExpatError, ValueError, LookupError, UnicodeError, TypeError):
        return


def read_xml(data: bytes, *, source: str) -> XmlDocument:
    """Parse `data` as XML safely; see the module docstring for what is refused.

    Raises InputError naming `source` (and the line when known).
    """
    _guard_prolog(data, source)
    root = _parse_tree(data, XMLParser(), source)
    paragraphs = list(root.iter("Paragraph"))
    lines = paragraph_start_lines(data)
    if len(lines) == len(paragraphs):
        return XmlDocument(root, dict(zip(map(id, paragraphs), lines, strict=True)))
    builder = _LineRecordingBuilder()
    parser = safe_etree.DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.expat = parser.parser
    return XmlDocument(_parse_tree(data, parser, source), builder.lines)


def paragraph_start_lines(data: bytes) -> list[int]:
    """1-based line of each ``<Paragraph`` start tag found in the raw bytes, in order."""
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    chunks = data.split(_PARAGRAPH_TAG)
    line_at_chunk = list(itertools.accumulate((c.count(b"\n") for c in chunks), initial=1))
    return [
        line_at_chunk[k]
        for k in range(1, len(chunks))
        if chunks[k][:1] and chunks[k][0] in _AFTER_TAG
    ]


class _LineRecordingBuilder(TreeBuilder):
    """A TreeBuilder that notes expat's current line when a Paragraph starts (slow path)."""

    def __init__(self) -> None:
        super().__init__()
        self.expat: Any = None
        self.lines: dict[int, int] = {}

    def start(self, tag: str, attrs: dict[str, str], /) -> XmlElement:
        element = super().start(tag, attrs)
        if tag == "Paragraph" and self.expat is not None:
            self.lines[id(element)] = int(self.expat.CurrentLineNumber)
        return element


def _parse_tree(data: bytes, parser: Any, source: str) -> XmlElement:
    """Feed `data` to `parser`; map every failure to InputError."""
    try:
        parser.feed(data)
        root = parser.close()
    except ParseError as exc:
        line = _error_line(exc)
        reason = str(exc).split(":")[0].strip() or "malformed XML"
        raise InputError(f"not well-formed XML ({reason})", source=source, line=line) from None
    except DefusedXmlException:
        raise InputError(
            "XML with a DTD, entity declarations or external references is refused "
            "(Final Draft files never contain them)",
            source=source,
            line=_expat_line(parser),
        ) from None
    except (ValueError, LookupError, UnicodeError, TypeError) as exc:
        raise InputError(f"unreadable XML ({exc.__class__.__name__})", source=source) from None
    if not isinstance(root, XmlElement):
        raise InputError("no XML root element", source=source)
    return root


def _error_line(exc: ParseError) -> int | None:
    position = getattr(exc, "position", None)
    if isinstance(position, tuple) and position and isinstance(position[0], int):
        return max(1, position[0])
    return None


def _expat_line(parser: Any) -> int | None:
    try:
        return int(parser.parser.CurrentLineNumber)
    except (AttributeError, TypeError, ValueError):
        return None
