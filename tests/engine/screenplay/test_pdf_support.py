"""Builders for synthetic PDFs used by the PDF reader's tests (no tests in here).

`screenplay_pdf` prints lines at given inch offsets on the 12-pt grid with WeasyPrint (test
code only; the engine never imports it). `raw_pdf` writes a minimal PDF by hand, for files
WeasyPrint cannot make (encrypted, a thousand empty pages).
"""

from __future__ import annotations

import html

import weasyprint

#: (left edge in inches, 0-based grid line from the 1-in top margin, text)
PrintedLine = tuple[float, int, str]

_STYLE = """
@page { size: letter; margin: 0 }
body { margin: 0; font-family: "DejaVu Sans Mono", monospace; font-size: 12pt;
       line-height: 12pt }
section { position: relative; width: 8.5in; height: 11in; page-break-after: always }
section:last-child { page-break-after: auto }
div { position: absolute; white-space: pre }
"""


def _div(left_in: float, top_pt: float, text: str) -> str:
    return f'<div style="left:{left_in}in;top:{top_pt}pt">{html.escape(text)}</div>'


def screenplay_pdf(pages: list[list[PrintedLine]], *, numbered_from: int = 2) -> bytes:
    """A US-letter PDF with one section per page; pages from `numbered_from` get "N." headers.

    `numbered_from` counts printed pages (1-based); the header sits at 0.5 in, right-aligned
    near 7.5 in, as Final Draft prints it.
    """
    sections = []
    for number, lines in enumerate(pages, start=1):
        body = [_div(x, 72 + 12 * index, text) for x, index, text in lines]
        if number >= numbered_from:
            label = f"{number - numbered_from + 2}."
            body.append(_div(7.5 - 0.1 * len(label), 36, label))
        sections.append(f"<section>{''.join(body)}</section>")
    document = f"<html><head><style>{_STYLE}</style></head><body>{''.join(sections)}</body></html>"
    return bytes(weasyprint.HTML(string=document).write_pdf())


def prose_pdf(paragraphs: int = 12) -> bytes:
    """An ordinary document: justified serif paragraphs, not a screenplay."""
    text = (
        "The committee met on Tuesday to review the annual budget and agreed that "
        "the remaining funds would be allocated to the library renovation project. "
    ) * 4
    body = "".join(f"<p>{text}</p>" for _ in range(paragraphs))
    style = "@page { size: A4; margin: 2cm } body { font-family: serif; font-size: 11pt }"
    return bytes(weasyprint.HTML(string=f"<style>{style}</style>{body}").write_pdf())


def image_only_pdf() -> bytes:
    """A page with a filled box and no text at all, like a scanned page."""
    document = '<div style="width:5in;height:7in;background:#888"></div>'
    return bytes(weasyprint.HTML(string=document).write_pdf())


def raw_pdf(objects: list[bytes], *, trailer: bytes = b"") -> bytes:
    """A PDF from numbered object bodies (object 1 is the catalog), with a correct xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\n" % (len(objects) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def many_pages_pdf(count: int) -> bytes:
    """`count` empty pages sharing one page tree."""
    first_page = 3
    kids = b" ".join(b"%d 0 R" % (first_page + k) for k in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * count
    return raw_pdf(objects)


def encrypted_pdf() -> bytes:
    """A one-page PDF protected by a user password (standard security handler, R2)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <%s> /U <%s> >>" % (b"ab" * 32, b"cd" * 32),
    ]
    trailer = b"/Encrypt 4 0 R /ID [<%s> <%s>]" % (b"01" * 16, b"01" * 16)
    return raw_pdf(objects, trailer=trailer)
