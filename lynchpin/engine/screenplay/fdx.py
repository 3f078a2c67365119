"""Final Draft ``.fdx`` import: bytes in, `Script` out.

Reads FDX ``Version`` 1 to 6 (Final Draft 8 to 13), with or without an XML declaration,
with a BOM, pretty-printed or all on one line. The document is parsed with defusedxml (DTDs,
entity declarations and external references refused; see `fdx_xml`), in time linear in its
size. What is read, and from where:

- ``Content/Paragraph`` (and the paragraphs of ``<DualDialogue>``, whether it sits in
  ``Content`` or inside a wrapper paragraph) -> `Element`s; the paragraph type -> kind via
  `fdx_kinds` (notes dropped, outline elements kept as unprinted SECTION/SYNOPSIS).
  Text runs are joined; hidden runs and ``<ScriptNote>`` text are skipped; AllCaps (run
  style or the type's ElementSettings font) upper-cases. Empty Character paragraphs are
  dropped. `Element.line` is the line where the ``<Paragraph>`` starts.
- Scene headings -> `Scene`s: ``Number`` -> number, ``SceneProperties`` Length / Page /
  Summary -> stored_length (eighths) / stored_page / synopsis (see `fdx_build`).
- ``RevisionID`` on runs -> `Element.revision` (highest revision id on the paragraph);
  ``<Revisions>`` -> `Script.revisions`; ``TagNumber`` on runs -> `Element.tags` through
  ``<TagData>`` (see `fdx_meta`).
- ``ElementSettings`` / ``PageLayout`` / ``MoresAndContinueds`` -> `Script.layout`
  (see `fdx_layout`); ``TitlePage`` -> `Script.title_page`.

Raises InputError (naming the source, and the line for malformed XML) for anything that is
not a readable Final Draft document; never another exception type.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element as XmlElement

from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.fdx_build import RawParagraph, SceneProperties, assemble
from lynchpin.engine.screenplay.fdx_kinds import VOCABULARY, kind_of, type_key
from lynchpin.engine.screenplay.fdx_layout import SettingsTable, TypeSettings, build_layout
from lynchpin.engine.screenplay.fdx_meta import read_revisions, read_tags, read_title_page
from lynchpin.engine.screenplay.fdx_text import is_marked, paragraph_runs
from lynchpin.engine.screenplay.fdx_xml import XmlDocument, read_xml
from lynchpin.engine.screenplay.model import ElementKind, Script, SourceFormat, TagRef
from lynchpin.engine.units import parse_eighths

#: FDX Version attribute values this importer was written against (FD 8 to FD 13).
KNOWN_VERSIONS = frozenset({"1", "2", "3", "4", "5", "6"})

#: Kinds whose text is a single label: surrounding whitespace and padding newlines go.
_LABEL_KINDS = frozenset(
    {ElementKind.CHARACTER, ElementKind.SCENE_HEADING, ElementKind.TRANSITION, ElementKind.SHOT}
)


def parse_fdx(data: bytes, *, source: str = "") -> Script:
    """Parse Final Draft FDX bytes into a `Script` (source_format FDX, source_name `source`).

    Raises InputError for malformed XML (naming the line), refused XML constructs (DTDs,
    entities), a root other than ``<FinalDraft>`` or a document without ``<Content>``.
    """
    document = read_xml(data, source=source)
    root = document.root
    if root.tag != "FinalDraft":
        raise InputError(
            f"not a Final Draft document: the root element is <{root.tag}>, not <FinalDraft>",
            source=source,
        )
    content = root.find("Content")
    if content is None:
        raise InputError("Final Draft document has no <Content>", source=source, field="Content")
    warnings: list[str] = []
    version = root.get("Version", "").strip()
    if version not in KNOWN_VERSIONS:
        warnings.append(f"FDX Version {version or '(none)'} is not one of 1-6; read as Version 6")
    reader = _ContentReader(document, SettingsTable(root), read_tags(root), warnings)
    paragraphs = reader.read(content)
    elements, scenes = assemble(paragraphs)
    return Script(
        source_format=SourceFormat.FDX,
        elements=elements,
        scenes=scenes,
        title_page=read_title_page(root),
        layout=build_layout(root, reader.settings, reader.used_types, warnings),
        revisions=read_revisions(root),
        warnings=tuple(warnings),
        source_name=source,
    )


class _ContentReader:
    """Walks ``<Content>`` once, in document order, collecting `RawParagraph`s."""

    def __init__(
        self,
        document: XmlDocument,
        settings: SettingsTable,
        tags: dict[str, TagRef],
        warnings: list[str],
    ) -> None:
        self.document = document
        self.settings = settings
        self.paginate_as = settings.paginate_as()
        self.tags = tags
        self.warnings = warnings
        self.used_types: list[str] = []
        self._used: set[str] = set()
        self.paragraphs: list[RawParagraph] = []
        self.dual_groups = 0
        self._unknown_types: set[str] = set()

    def read(self, content: XmlElement) -> list[RawParagraph]:
        """The kept paragraphs of `content`, in order."""
        for child in content:
            if child.tag == "Paragraph":
                self._paragraph(child, dual_group=0)
            elif child.tag == "DualDialogue":
                self._dual(child)
        return self.paragraphs

    def _dual(self, wrapper: XmlElement) -> None:
        self.dual_groups += 1
        group = self.dual_groups
        for child in wrapper.findall("Paragraph"):
            self._paragraph(child, dual_group=group)

    def _paragraph(self, paragraph: XmlElement, *, dual_group: int) -> None:
        if is_marked(paragraph, "Hidden", "HiddenText"):
            return
        duals = paragraph.findall("DualDialogue") if dual_group == 0 else []
        paragraph_type = paragraph.get("Type", "")
        kind = self._kind(paragraph_type, quiet=bool(duals))
        if kind is not None:
            self._emit(paragraph, paragraph_type, kind, dual_group, keep_empty=not duals)
        for wrapper in duals:
            self._dual(wrapper)

    def _kind(self, paragraph_type: str, *, quiet: bool) -> ElementKind | None:
        name = " ".join(paragraph_type.split())
        if name not in self._used:
            self._used.add(name)
            self.used_types.append(name)
        key = type_key(name)
        kind = kind_of(paragraph_type, self.paginate_as)
        known = key in VOCABULARY.paragraph_types
        if not known and not quiet and key not in self._unknown_types:
            self._unknown_types.add(key)
            self.warnings.append(
                f"paragraph type {paragraph_type!r} is not a standard Final Draft element; "
                f"read as {kind.value if kind else 'not printed'}"
            )
        return kind

    def _emit(
        self,
        paragraph: XmlElement,
        paragraph_type: str,
        kind: ElementKind,
        dual_group: int,
        *,
        keep_empty: bool,
    ) -> None:
        settings = self.settings.get(paragraph_type)
        all_caps = settings.all_caps if settings else kind in VOCABULARY.default_all_caps
        runs = paragraph_runs(paragraph, all_caps=all_caps)
        text = runs.text
        if kind in _LABEL_KINDS:
            text = " ".join(text.split()) if kind is ElementKind.CHARACTER else text.strip()
        if not text and (kind is ElementKind.CHARACTER or not keep_empty):
            return
        line = self.document.line_of(paragraph)
        heading = kind is ElementKind.SCENE_HEADING
        self.paragraphs.append(
            RawParagraph(
                kind=kind,
                text=text,
                line=line,
                revision=_latest_revision(runs.revision_ids),
                tags=self._tag_refs(runs.tag_numbers),
                starts_new_page=self._starts_new_page(paragraph, settings),
                dual_group=dual_group,
                number=paragraph.get("Number", "").strip() if heading else "",
                properties=self._scene_properties(paragraph, line) if heading else None,
            )
        )

    def _starts_new_page(self, paragraph: XmlElement, settings: TypeSettings | None) -> bool:
        if paragraph.get("StartsNewPage") is not None:
            return is_marked(paragraph, "StartsNewPage")
        return bool(settings and settings.style and settings.style.starts_new_page)

    def _tag_refs(self, numbers: tuple[str, ...]) -> tuple[TagRef, ...]:
        refs: list[TagRef] = []
        for number in numbers:
            ref = self.tags.get(number)
            if ref is not None and ref not in refs:
                refs.append(ref)
        return tuple(refs)

    def _scene_properties(self, paragraph: XmlElement, line: int) -> SceneProperties | None:
        node = paragraph.find("SceneProperties")
        if node is None:
            return None
        length_text = node.get("Length", "").strip()
        length = None
        if length_text:
            try:
                length = parse_eighths(length_text)
            except ValueError:
                self.warnings.append(f"line {line}: unreadable scene length {length_text!r}")
        summary = (
            paragraph_runs(summary_paragraph, all_caps=False).text
            for summary_paragraph in node.findall("Summary/Paragraph")
        )
        synopsis = "\n".join(text for text in summary if text)
        return SceneProperties(length, node.get("Page", "").strip(), synopsis)


def _latest_revision(revision_ids: tuple[str, ...]) -> str:
    """The highest revision id among a paragraph's runs (numeric order), else ``""``."""
    best, best_rank = "", -1
    for revision_id in revision_ids:
        try:
            rank = int(revision_id)
        except ValueError:
            rank = 0
        if rank > best_rank:
            best, best_rank = revision_id, rank
    return best
