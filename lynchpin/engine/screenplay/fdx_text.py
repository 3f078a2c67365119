"""The printed text of one FDX ``<Paragraph>``: its ``<Text>`` runs joined.

Only the paragraph's own ``<Text>`` children count: text inside ``<ScriptNote>``,
``<SceneProperties>`` and ``<DualDialogue>`` children is never part of it. A run is skipped
when it is hidden (its ``Style`` has a ``Hidden...`` part, or it carries ``Hidden``/
``HiddenText`` = Yes/True/1). A run is upper-cased when its ``Style`` has ``AllCaps`` or the
paragraph type's style is all caps. Line endings become ``"\\n"`` and NBSP a plain space.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element as XmlElement

_TRUE = frozenset({"yes", "true", "1"})


@dataclass(frozen=True, slots=True)
class RunText:
    """A paragraph's joined text, the revision ids and Tagger numbers found on its runs."""

    text: str
    revision_ids: tuple[str, ...] = ()
    tag_numbers: tuple[str, ...] = ()


def is_marked(element: XmlElement, *names: str) -> bool:
    """True when any attribute in `names` is Yes/True/1 on `element`."""
    return any(element.get(name, "").strip().lower() in _TRUE for name in names)


def style_parts(style: str) -> frozenset[str]:
    """``"Bold+Underline+AllCaps"`` -> ``{"bold", "underline", "allcaps"}``."""
    return frozenset(part.strip().lower() for part in style.split("+") if part.strip())


class RunReader:
    """Joins paragraph runs, caching what each distinct ``Style`` value means.

    One reader serves one document (a file uses a handful of styles on thousands of runs).
    `read` returns ``(text, revision_ids, tag_numbers)`` as plain tuples: it runs once per
    paragraph, so it avoids building a value object.
    """

    def __init__(self) -> None:
        self._styles: dict[str, tuple[bool, bool]] = {}  # Style -> (hidden, all caps)

    def _style(self, style: str) -> tuple[bool, bool]:
        found = self._styles.get(style)
        if found is None:
            parts = style_parts(style)
            found = (any(part.startswith("hidden") for part in parts), "allcaps" in parts)
            self._styles[style] = found
        return found

    def read(
        self, runs: list[XmlElement], *, all_caps: bool
    ) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """Text, revision ids and Tagger numbers of the visible `runs` (``<Text>`` nodes)."""
        parts: list[str] = []
        revisions: list[str] = []
        tags: list[str] = []
        for run in runs:
            if not run.attrib:  # the common case: a plain run
                text = run.text or ""
                parts.append(text.upper() if all_caps else text)
                continue
            hidden, caps = self._style(run.get("Style", ""))
            if hidden or is_marked(run, "Hidden", "HiddenText"):
                continue
            text = run.text or ""
            parts.append(text.upper() if all_caps or caps else text)
            revision = run.get("RevisionID", "").strip()
            if revision and revision != "0":
                revisions.append(revision)
            tags.extend(run.get("TagNumber", "").replace(",", " ").split())
        joined = parts[0] if len(parts) == 1 else "".join(parts)
        return clean_text(joined), tuple(revisions), tuple(tags)


def paragraph_runs(paragraph: XmlElement, *, all_caps: bool) -> RunText:
    """Join the visible runs of `paragraph`; see the module docstring for the rules."""
    text, revisions, tags = RunReader().read(paragraph.findall("Text"), all_caps=all_caps)
    return RunText(text, revisions, tags)


def clean_text(text: str) -> str:
    """Normalise line endings and NBSP; drop blank lines at either end and trailing spaces.

    Leading spaces on the first line are kept (Final Draft prints them).
    """
    if "\n" not in text and "\r" not in text and "\u00a0" not in text:
        return text.rstrip()  # one line: the general rule below reduces to this
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = text.rstrip().split("\n")
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    return "\n".join(line.rstrip() for line in lines[first:])
