"""One entry point for every screenplay format: bytes in, `Script` out.

The format comes from the content, not only the name: ``%PDF-`` is a PDF, an XML document
whose root is ``<FinalDraft>`` is FDX, other text is Fountain. Anything else raises
`InputError` naming the source; nothing here reads files (the caller does, and enforces
`MAX_SCRIPT_BYTES` before reading everything).
"""

from __future__ import annotations

import re

from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.fdx import parse_fdx
from lynchpin.engine.screenplay.fountain import decode_text, parse_fountain
from lynchpin.engine.screenplay.model import Script
from lynchpin.engine.screenplay.pdf import parse_pdf

#: Largest screenplay file accepted, in bytes (a 200-page FDX is about 1 MB).
MAX_SCRIPT_BYTES = 20 * 1024 * 1024

_XML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<", re.DOTALL)


def read_script(data: bytes, *, name: str = "") -> Script:
    """Parse screenplay bytes of any supported format.

    Raises InputError (naming `name`) when the data is too large, empty, binary garbage,
    in an unknown encoding, malformed XML or a PDF with no screenplay text.
    """
    if len(data) > MAX_SCRIPT_BYTES:
        raise InputError(
            f"file is {len(data) / 1_048_576:.1f} MB; the limit is "
            f"{MAX_SCRIPT_BYTES // 1_048_576} MB",
            source=name,
        )
    if data.startswith(b"%PDF-"):
        return parse_pdf(data, source=name)
    head = data.lstrip(b"\xef\xbb\xbf")
    if _XML_START.match(head[:4096]) and b"<FinalDraft" in head[:65536]:
        return parse_fdx(data, source=name)
    if _XML_START.match(head[:4096]) and head.lstrip().startswith(b"<?xml"):
        raise InputError(
            "XML file is not a Final Draft document (no <FinalDraft> root)", source=name
        )
    return parse_fountain(decode_text(data, source=name), source=name)
