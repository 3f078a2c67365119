"""Script-wide FDX data: revision sets, the Tagger's tag table and the title page.

- ``<Revisions><Revision ID Name Color PageColor/>`` -> `Revision` values. The colour is
  the revision colour named in `Name` (``"Blue Rev. (mm/dd/yyyy)"`` -> ``"Blue"``) when it
  names one, else the page colour, else the mark colour, as ``#RRGGBB`` (Final Draft writes
  16 bits per channel, ``#FFFF7E7E7979``; the high byte of each is kept).
- ``<TagData>``: ``TagCategories/TagCategory(Id, Name)``, ``TagDefinitions/TagDefinition
  (CatId, Id, Label)`` and ``Tags/Tag(Number)`` holding a ``<DefId>`` -> a map from tag
  number to `TagRef(category name, label)`. Dangling references are skipped.
- ``<TitlePage>``: its paragraphs, read as Title / Credit / Author / Source / Contact /
  Draft date (see `read_title_page`).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element as XmlElement

from lynchpin.engine.screenplay.fdx_kinds import VOCABULARY
from lynchpin.engine.screenplay.fdx_text import paragraph_runs
from lynchpin.engine.screenplay.model import Revision, TagRef

_HEX16 = re.compile(r"#([0-9A-Fa-f]{12})")
_HEX8 = re.compile(r"#([0-9A-Fa-f]{6})")
_CREDIT = re.compile(
    r"^(?:written|screenplay|teleplay|story|created)?\s*(?:and\s+)?by$", re.IGNORECASE
)


def read_revisions(root: XmlElement) -> tuple[Revision, ...]:
    """The revision sets listed in ``<Revisions>``, in file order (ids as strings)."""
    revisions: list[Revision] = []
    for node in root.findall("Revisions/Revision"):
        revision_id = node.get("ID", "").strip()
        if revision_id:
            name = node.get("Name", "").strip()
            revisions.append(Revision(revision_id, name, _revision_colour(node, name)))
    return tuple(revisions)


def _revision_colour(node: XmlElement, name: str) -> str:
    words = {word.lower() for word in re.findall(r"[A-Za-z]+", name)}
    for colour in VOCABULARY.revision_colours:
        if colour.lower() in words:
            return colour
    page = rgb_hex(node.get("PageColor", ""))
    if page and page != "#FFFFFF":
        return page
    return rgb_hex(node.get("Color", ""))


def rgb_hex(value: str) -> str:
    """Final Draft colour ``#RRRRGGGGBBBB`` (or ``#RRGGBB``) -> ``#RRGGBB``; else ``""``."""
    value = value.strip()
    wide = _HEX16.fullmatch(value)
    if wide:
        digits = wide.group(1).upper()
        return "#" + digits[0:2] + digits[4:6] + digits[8:10]
    narrow = _HEX8.fullmatch(value)
    return "#" + narrow.group(1).upper() if narrow else ""


def read_tags(root: XmlElement) -> dict[str, TagRef]:
    """Tagger tags by tag number (the ``TagNumber`` written on ``<Text>`` runs)."""
    data = root.find("TagData")
    if data is None:
        return {}
    categories = {
        node.get("Id", "").strip().lower(): node.get("Name", "").strip()
        for node in data.findall("TagCategories/TagCategory")
    }
    definitions: dict[str, TagRef] = {}
    for node in data.findall("TagDefinitions/TagDefinition"):
        category = categories.get(node.get("CatId", "").strip().lower())
        if category is not None:
            ref = TagRef(category, node.get("Label", "").strip())
            definitions[node.get("Id", "").strip().lower()] = ref
    tags: dict[str, TagRef] = {}
    for node in data.findall("Tags/Tag"):
        found = definitions.get(_definition_id(node))
        number = node.get("Number", "").strip()
        if found is not None and number:
            tags[number] = found
    return tags


def _definition_id(tag: XmlElement) -> str:
    """A Tag's definition id: its ``<DefId>`` child (or a ``DefId`` attribute)."""
    child = tag.find("DefId")
    text = child.text if child is not None and child.text else tag.get("DefId", "")
    return text.strip().lower()


def read_title_page(root: XmlElement) -> tuple[tuple[str, str], ...]:
    """Title-page keys in Fountain's vocabulary, from ``<TitlePage>``'s paragraphs.

    Centred lines before a ``by``/``Written by`` line (the Credit) are the Title, the centred
    line after the Credit is the Author and later centred lines the Source; left-aligned
    lines are the Contact and right-aligned ones the Draft date. Empty lines are ignored.
    """
    lines = _title_lines(root)
    keys: list[tuple[str, str]] = []
    after_credit = False
    for align, text in lines:
        key = _title_key(align, text, after_credit, keys)
        after_credit = key == "Credit"
        if keys and keys[-1][0] == key and key in {"Title", "Contact", "Source", "Draft date"}:
            keys[-1] = (key, keys[-1][1] + "\n" + text)
        else:
            keys.append((key, text))
    return tuple(keys)


def _title_key(align: str, text: str, after_credit: bool, keys: list[tuple[str, str]]) -> str:
    seen = {key for key, _ in keys}
    if align in {"left", "full"}:
        return "Contact"
    if align == "right":
        return "Draft date"
    if _CREDIT.match(text.strip()):
        return "Credit"
    if after_credit:
        return "Author"
    return "Source" if "Credit" in seen else "Title"


def _title_lines(root: XmlElement) -> list[tuple[str, str]]:
    content = root.find("TitlePage/Content")
    if content is None:
        return []
    lines: list[tuple[str, str]] = []
    for paragraph in content.findall("Paragraph"):
        text = paragraph_runs(paragraph, all_caps=False).text.strip()
        if text:
            lines.append((paragraph.get("Alignment", "Left").strip().lower(), text))
    return lines
