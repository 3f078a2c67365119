"""Safe XML reading for Final Draft files: defusedxml plus the line of every <Paragraph>.

`read_xml` parses with defusedxml's parser (the one ``defusedxml.ElementTree.fromstring``
uses) with DTDs, entity declarations and external references all refused, so entity-expansion
bombs and external-entity tricks stop at their declaration: parsing is linear in the input.
The tree builder records the 1-based line on which each ``<Paragraph>`` start tag begins
(expat reports it for free while building the tree).

Raises InputError (naming the source and, where expat knows it, the line) for malformed XML,
for forbidden DTD/entity constructs, and for any other failure of the XML layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element as XmlElement
from xml.etree.ElementTree import ParseError, TreeBuilder

import defusedxml.ElementTree as safe_etree
from defusedxml import DefusedXmlException

from lynchpin.engine.errors import InputError


@dataclass(frozen=True)
class XmlDocument:
    """A parsed document: its root and the start line of each Paragraph (by element id)."""

    root: XmlElement
    paragraph_lines: dict[int, int] = field(default_factory=dict)

    def line_of(self, element: XmlElement) -> int:
        """1-based line where `element` starts, or 0 when it was not recorded."""
        return self.paragraph_lines.get(id(element), 0)


class _LineRecordingBuilder(TreeBuilder):
    """A TreeBuilder that notes expat's current line when a Paragraph starts."""

    def __init__(self) -> None:
        super().__init__()
        self.expat: Any = None
        self.lines: dict[int, int] = {}

    def start(self, tag: str, attrs: dict[str, str], /) -> XmlElement:
        element = super().start(tag, attrs)
        if tag == "Paragraph" and self.expat is not None:
            self.lines[id(element)] = int(self.expat.CurrentLineNumber)
        return element


def read_xml(data: bytes, *, source: str) -> XmlDocument:
    """Parse `data` as XML safely; see the module docstring for what is refused.

    Raises InputError naming `source` (and the line when known).
    """
    builder = _LineRecordingBuilder()
    parser = safe_etree.DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.expat = parser.parser
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
    return XmlDocument(root, builder.lines)


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
