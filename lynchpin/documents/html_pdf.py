"""HTML templates and WeasyPrint printing shared by every PDF renderer.

Templates live in ``lynchpin/documents/templates`` and use `string.Template` placeholders.
`fill` HTML-escapes every value unless it is `Markup` (HTML a renderer built from escaped
parts). `print_pdf` prints with a URL fetcher that fetches nothing, so a document can never
reach a file or the network whatever its text says.
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources
from string import Template

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

#: CSS page sizes the renderers accept.
PAGE_SIZES = ("letter", "A4")


class Markup(str):
    """HTML built from escaped parts: placed into templates as is."""


@cache
def template(name: str) -> Template:
    """A template from ``lynchpin/documents/templates`` (read once)."""
    path = resources.files("lynchpin.documents").joinpath("templates", name)
    return Template(path.read_text("utf-8"))


def fill(name: str, /, **values: object) -> str:
    """Template `name` filled with `values`, each HTML-escaped unless it is `Markup`."""
    return template(name).substitute(
        {key: v if isinstance(v, Markup) else escape(str(v)) for key, v in values.items()}
    )


def check_page_size(page_size: str) -> None:
    """Raise ValueError unless `page_size` is one of `PAGE_SIZES`."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")


def print_pdf(html: str, css: str) -> bytes:
    """`html` styled by `css`, printed to PDF bytes; nothing outside the document is fetched."""
    fetcher = URLFetcher(allowed_protocols=())
    document = HTML(string=html, url_fetcher=fetcher)
    pdf = document.write_pdf(stylesheets=[CSS(string=css, url_fetcher=fetcher)])
    assert isinstance(pdf, bytes)  # write_pdf returns bytes when given no target
    return pdf
