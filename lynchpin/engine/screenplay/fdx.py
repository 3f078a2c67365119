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

from dataclasses import dataclass
from xml.etree.ElementTree import Element as XmlElement

from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.fdx_build import ElementAssembler, SceneProperties
from lynchpin.engine.screenplay.fdx_kinds import VOCABULARY, kind_of, type_key
from lynchpin.engine.screenplay.fdx_layout import SettingsTable, TypeSettings, build_layout
from lynchpin.engine.screenplay.fdx_meta import read_revisions, read_tags, read_title_page
from lynchpin.engine.screenplay.fdx_text import RunReader, clean_text, is_marked, paragraph_runs
from lynchpin.engine.screenplay.fdx_xml import XmlDocument, read_xml
from lynchpin.engine.screenplay.model import ElementKind, Script, SourceFormat, TagRef
from lynchpin.engine.units import parse_eighths

# Hot paths compare kinds per element: module constants skip the Enum class lookup.
_CHARACTER = ElementKind.CHARACTER
_SCENE_HEADING = ElementKind.SCENE_HEADING
_SHOT = ElementKind.SHOT
_TRANSITION = ElementKind.TRANSITION

#: FDX Version attribute values this importer was written against (FD 8 to FD 13).
KNOWN_VERSIONS = frozenset({"1", "2", "3", "4", "5", "6"})

#: Paragraph attributes that hide it (value Yes/True/1).
_HIDDEN = ("Hidden", "HiddenText")

#: Kinds whose text is a single label: surrounding whitespace and padding newlines go.
_LABEL_KINDS = frozenset({_CHARACTER, _SCENE_HEADING, _TRANSITION, _SHOT})


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
    reader.read(content)
    return Script(
        source_format=SourceFormat.FDX,
        elements=tuple(reader.assembler.elements),
        scenes=reader.assembler.scenes(),
        title_page=read_title_page(root),
        layout=build_layout(root, reader.settings, reader.used_types, warnings),
        revisions=read_revisions(root),
        warnings=tuple(warnings),
        source_name=source,
    )


@dataclass(frozen=True, slots=True)
class _TypeInfo:
    """What a paragraph ``Type`` value means, worked out once per distinct value."""

    kind: ElementKind | None
    key: str
    known: bool
    settings: TypeSettings | None
    all_caps: bool
    starts_new_page: bool


class _ContentReader:
    """Walks ``<Content>`` once, in document order, feeding an `ElementAssembler`."""

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
        self.assembler = ElementAssembler()
        self.runs = RunReader()
        self.dual_groups = 0
        self._unknown_types: set[str] = set()
        self._types: dict[str, _TypeInfo] = {}
        self._lines = document.paragraph_lines

    def read(self, content: XmlElement) -> None:
        """Add the kept paragraphs of `content`, in order."""
        for child in content:
            if child.tag == "Paragraph":
                self._paragraph(child, dual_group=0)
            elif child.tag == "DualDialogue":
                self._dual(child)

    def _dual(self, wrapper: XmlElement) -> None:
        self.dual_groups += 1
        group = self.dual_groups
        for child in wrapper.findall("Paragraph"):
            self._paragraph(child, dual_group=group)

    def _paragraph(self, paragraph: XmlElement, *, dual_group: int) -> None:
        # Runs once per paragraph: kept flat (no helper calls on the common path).
        attributes = paragraph.attrib
        if ("Hidden" in attributes or "HiddenText" in attributes) and is_marked(
            paragraph, *_HIDDEN
        ):
            return
        # findall on a plain tag loops over the children in C; most paragraphs hold only
        # Text runs, so the DualDialogue search runs only when other children are there.
        runs = paragraph.findall("Text")
        duals: list[XmlElement] = []
        if dual_group == 0 and len(runs) < len(paragraph):
            duals = paragraph.findall("DualDialogue")
        paragraph_type = attributes.get("Type", "")
        info = self._types.get(paragraph_type)
        if info is None or not info.known:  # first sight, or a type that may need a warning
            info = self._type(paragraph_type, quiet=bool(duals))
        if info.kind is not None:
            self._emit(paragraph, runs, info, dual_group, not duals)
        for wrapper in duals:
            self._dual(wrapper)

    def _type(self, paragraph_type: str, *, quiet: bool) -> _TypeInfo:
        info = self._types.get(paragraph_type)
        if info is None:
            info = self._types[paragraph_type] = self._type_info(paragraph_type)
        if not info.known and not quiet and info.key not in self._unknown_types:
            self._unknown_types.add(info.key)
            kind = info.kind
            self.warnings.append(
                f"paragraph type {paragraph_type!r} is not a standard Final Draft element; "
                f"read as {kind.value if kind else 'not printed'}"
            )
        return info

    def _type_info(self, paragraph_type: str) -> _TypeInfo:
        name = " ".join(paragraph_type.split())
        if name not in self._used:
            self._used.add(name)
            self.used_types.append(name)
        key = type_key(name)
        kind = kind_of(paragraph_type, self.paginate_as)
        settings = self.settings.get(paragraph_type)
        all_caps = settings.all_caps if settings else kind in VOCABULARY.default_all_caps
        new_page = bool(settings and settings.style and settings.style.starts_new_page)
        known = key in VOCABULARY.paragraph_types
        return _TypeInfo(kind, key, known, settings, all_caps, new_page)

    def _emit(
        self,
        paragraph: XmlElement,
        runs: list[XmlElement],
        info: _TypeInfo,
        dual_group: int,
        keep_empty: bool,
    ) -> None:
        kind = info.kind
        assert kind is not None
        if len(runs) == 1 and not runs[0].attrib:  # the common case: one plain run
            text = runs[0].text or ""
            text = clean_text(text.upper() if info.all_caps else text)
            revision = ""
            tags: tuple[TagRef, ...] = ()
        else:
            text, revision_ids, tag_numbers = self.runs.read(runs, all_caps=info.all_caps)
            revision = _latest_revision(revision_ids)
            tags = self._tag_refs(tag_numbers)
        if kind in _LABEL_KINDS:
            text = " ".join(text.split()) if kind is _CHARACTER else text.strip()
        if not text and (kind is _CHARACTER or not keep_empty):
            return
        line = self._lines.get(id(paragraph), 0)
        new_page = paragraph.get("StartsNewPage")
        starts_new_page = (
            info.starts_new_page if new_page is None else is_marked(paragraph, "StartsNewPage")
        )
        if kind is not _SCENE_HEADING:
            self.assembler.add(kind, text, line, revision, tags, starts_new_page, dual_group)
            return
        number = paragraph.get("Number", "").strip()
        properties = self._scene_properties(paragraph, line)
        self.assembler.add(
            kind, text, line, revision, tags, starts_new_page, dual_group, number, properties
        )

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
