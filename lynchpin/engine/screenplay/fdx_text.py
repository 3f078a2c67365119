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


def _is_hidden_run(run: XmlElement) -> bool:
    if is_marked(run, "Hidden", "HiddenText"):
        return True
    return any(part.startswith("hidden") for part in style_parts(run.get("Style", "")))


def paragraph_runs(paragraph: XmlElement, *, all_caps: bool) -> RunText:
    """Join the visible runs of `paragraph`; see the module docstring for the rules."""
    parts: list[str] = []
    revisions: list[str] = []
    tags: list[str] = []
    for run in paragraph.findall("Text"):
        if _is_hidden_run(run):
            continue
        text = run.text or ""
        if all_caps or "allcaps" in style_parts(run.get("Style", "")):
            text = text.upper()
        parts.append(text)
        revision = run.get("RevisionID", "").strip()
        if revision and revision != "0":
            revisions.append(revision)
        tags.extend(run.get("TagNumber", "").replace(",", " ").split())
    return RunText(clean_text("".join(parts)), tuple(revisions), tuple(tags))


def clean_text(text: str) -> str:
    """Normalise line endings and NBSP; drop blank lines at either end and trailing spaces.

    Leading spaces on the first line are kept (Final Draft prints them).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = text.rstrip().split("\n")
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    return "\n".join(line.rstrip() for line in lines[first:])
