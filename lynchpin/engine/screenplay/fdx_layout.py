"""Page layout stored in an FDX file: ``ElementSettings``, ``PageLayout``, ``MoresAndContinueds``.

Units as Final Draft stores them: indents in inches from the left paper edge (``LeftIndent``,
``RightIndent``, ``FirstIndent`` relative to ``LeftIndent``), ``SpaceBefore`` and the page
margins in points (12 pt = one line), the page size in inches. `lines_per_page` is the body
height in 12-pt lines, ``(height * 72 - top - bottom) // 12`` (54 on US letter with 1-inch
margins). Missing or unreadable values fall back to Final Draft's defaults (those of
`model.PageSetup`) and add a warning; nothing here raises.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from xml.etree.ElementTree import Element as XmlElement

from lynchpin.engine.screenplay.fdx_kinds import known_kind, type_key
from lynchpin.engine.screenplay.fdx_text import is_marked, style_parts
from lynchpin.engine.screenplay.model import ElementKind, Layout, PageSetup, ParagraphStyle

POINTS_PER_LINE = 12.0
POINTS_PER_INCH = 72.0
_ALIGN = {"center": "center", "centered": "center", "right": "right"}


@dataclass(frozen=True, slots=True)
class TypeSettings:
    """One ``<ElementSettings Type=...>``: its style (None without ParagraphSpec) and flags."""

    style: ParagraphStyle | None
    all_caps: bool
    paginate_as: str


def number(text: str | None, default: float) -> float:
    """A finite float from an attribute value, else `default`."""
    try:
        value = float(text) if text is not None else default
    except ValueError:
        return default
    return value if math.isfinite(value) else default


class SettingsTable:
    """``ElementSettings`` by Type name: exact (spaces collapsed) first, then ignoring case.

    Final Draft files can hold both ``End of Act`` and ``End Of Act``; the content's own
    spelling picks the matching one. The first of a name wins.
    """

    def __init__(self, root: XmlElement) -> None:
        self.exact: dict[str, TypeSettings] = {}
        self.folded: dict[str, TypeSettings] = {}
        for node in root.findall("ElementSettings"):
            name = " ".join(node.get("Type", "").split())
            if name and name not in self.exact:
                self.exact[name] = _type_settings(node)
                self.folded.setdefault(type_key(name), self.exact[name])

    def get(self, paragraph_type: str) -> TypeSettings | None:
        """The settings of `paragraph_type`, or None when the file has none for it."""
        name = " ".join(paragraph_type.split())
        return self.exact.get(name) or self.folded.get(type_key(name))

    def paginate_as(self) -> dict[str, str]:
        """PaginateAs names by `type_key`."""
        return {key: settings.paginate_as for key, settings in self.folded.items()}


def _type_settings(node: XmlElement) -> TypeSettings:
    font = node.find("FontSpec")
    all_caps = font is not None and "allcaps" in style_parts(font.get("Style", ""))
    behaviour = node.find("Behavior")
    paginate_as = behaviour.get("PaginateAs", "") if behaviour is not None else ""
    spec = node.find("ParagraphSpec")
    style = None if spec is None else _paragraph_style(spec, all_caps)
    return TypeSettings(style, all_caps, paginate_as)


def _paragraph_style(spec: XmlElement, all_caps: bool) -> ParagraphStyle:
    space_before = number(spec.get("SpaceBefore"), 0.0)
    return ParagraphStyle(
        left=number(spec.get("LeftIndent"), 1.5),
        right=number(spec.get("RightIndent"), 7.5),
        space_before=max(0, min(100, round(space_before / POINTS_PER_LINE))),
        spacing=max(0.5, min(10.0, number(spec.get("Spacing"), 1.0))),
        all_caps=all_caps,
        align=_ALIGN.get(spec.get("Alignment", "").strip().lower(), "left"),
        starts_new_page=is_marked(spec, "StartsNewPage"),
        first_indent=number(spec.get("FirstIndent"), 0.0),
    )


def build_layout(
    root: XmlElement,
    settings: SettingsTable,
    used_types: list[str],
    warnings: list[str],
) -> Layout:
    """The script's Layout: page setup plus one style per printed kind.

    When several types map to one kind (``End of Act`` / ``End Of Act``), the one the
    content uses first wins, then file order. Dialogue with ``Spacing >= 2`` marks the
    layout multi-cam.
    """
    styles: dict[ElementKind, ParagraphStyle] = {}
    for name in [*used_types, *settings.exact]:
        found, kind = known_kind(name)
        type_settings = settings.get(name)
        if not found or kind is None or type_settings is None or type_settings.style is None:
            continue
        styles.setdefault(kind, type_settings.style)
    ordered = tuple((kind, styles[kind]) for kind in ElementKind if kind in styles)
    dialogue = styles.get(ElementKind.DIALOGUE)
    multicam = dialogue is not None and dialogue.spacing >= 2
    return Layout(page=_page_setup(root, warnings), styles=ordered, multicam=multicam)


def _page_setup(root: XmlElement, warnings: list[str]) -> PageSetup:
    default = PageSetup()
    page = root.find("PageLayout")
    more, continued, auto_contd = _dialogue_breaks(root, default)
    if page is None:
        return PageSetup(more=more, continued=continued, auto_contd=auto_contd)
    size = page.find("PageSize")
    width = number(size.get("Width") if size is not None else None, default.width)
    height = number(size.get("Height") if size is not None else None, default.height)
    top = number(page.get("TopMargin"), default.top_margin)
    bottom = number(page.get("BottomMargin"), default.bottom_margin)
    lines = math.floor((height * POINTS_PER_INCH - top - bottom) / POINTS_PER_LINE)
    if not (
        1 <= width <= 100 and 1 <= height <= 100 and top >= 0 and bottom >= 0 and 1 <= lines <= 1000
    ):
        warnings.append("PageLayout has an impossible page size or margins; using US letter")
        width, height, top, bottom = default.width, default.height, 72.0, 72.0
        lines = default.lines_per_page
    return PageSetup(
        width=width,
        height=height,
        top_margin=top,
        bottom_margin=bottom,
        header_margin=number(page.get("HeaderMargin"), default.header_margin),
        footer_margin=number(page.get("FooterMargin"), default.footer_margin),
        lines_per_page=lines,
        break_at_sentences=_yes(page.get("BreakDialogueAndActionAtSentences"), True),
        more=more,
        continued=continued,
        auto_contd=auto_contd,
    )


def _dialogue_breaks(root: XmlElement, default: PageSetup) -> tuple[str, str, bool]:
    """(more, continued, auto_contd) from MoresAndContinueds/DialogueBreaks.

    A marker switched off (``BottomOfPage="No"`` / ``TopOfNext="No"``) becomes ``""``.
    """
    breaks = root.find("MoresAndContinueds/DialogueBreaks")
    if breaks is None:
        return default.more, default.continued, default.auto_contd
    more = breaks.get("DialogueBottom", default.more)
    continued = breaks.get("DialogueTop", default.continued)
    if not _yes(breaks.get("BottomOfPage"), True):
        more = ""
    if not _yes(breaks.get("TopOfNext"), True):
        continued = ""
    auto = _yes(breaks.get("AutomaticCharacterContinueds"), default.auto_contd)
    return more, continued, auto


def _yes(value: str | None, default: bool) -> bool:
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"yes", "true", "1"}
