"""Schemas of the scripts API (`lynchpin.scripts.api`): what each operation reads and
answers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ninja import Schema

__all__ = [
    "CarriedOut",
    "CharacterOut",
    "DecisionIn",
    "ElementEditIn",
    "ElementIn",
    "ParagraphOut",
    "RevisionOut",
    "SceneChangeOut",
    "SceneDetailOut",
    "SceneElementOut",
    "SceneOut",
    "ScriptVersionOut",
    "SheetsTaskOut",
    "SpanOut",
]


class ScriptVersionOut(Schema):
    """A draft. `status`: importing, ready (current), failed, pending_review, superseded.
    `eighths` is the length in eighths of a page, `length` the same as "23 1/8"."""

    id: int
    label: str
    colour: str
    file_name: str
    format: str
    title: str
    pages: int
    eighths: int
    length: str
    confidence: float
    warnings: list[str]
    status: str
    error: str
    created: datetime
    applied: datetime | None
    base_id: int | None
    version: int


class SceneOut(Schema):
    """A scene of a draft. `omitted`: cut from this draft, kept as a numbered placeholder."""

    id: int
    order: int
    number: str
    script_number: str
    heading: str
    int_ext: str
    set_name: str
    time_of_day: str
    eighths: int
    length: str
    page: int
    omitted: bool
    suggested: int
    accepted: int


class CharacterOut(Schema):
    """A speaking character of a draft: scenes they speak in, dialogue blocks."""

    id: int
    name: str
    scene_count: int
    dialogue_blocks: int


class SpanOut(Schema):
    """Text that suggested an element: paragraph index in the scene, character offsets."""

    element: int
    start: int
    end: int
    text: str


class SceneElementOut(Schema):
    """A breakdown element of a scene; send `version` back to decide or edit it."""

    id: int
    category: int
    category_name: str
    name: str
    status: str
    origin: str
    spans: list[SpanOut]
    version: int

    @staticmethod
    def resolve_category(obj: Any) -> int:
        return int(obj.element.category)

    @staticmethod
    def resolve_category_name(obj: Any) -> str:
        return str(obj.element.info.name)

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.element.name)


class ParagraphOut(Schema):
    """A printed paragraph of the scene (paragraph 0 is the heading)."""

    type: str
    text: str


class SceneDetailOut(Schema):
    """A scene with its text and breakdown elements."""

    scene: SceneOut
    script_version_id: int
    paragraphs: list[ParagraphOut]
    elements: list[SceneElementOut]


class CarriedOut(Schema):
    """A breakdown decision the revision carried over (`found`: the new text still shows it)."""

    number: str
    category: int
    category_name: str
    name: str
    status: str
    found: bool


class SceneChangeOut(Schema):
    """One scene's fate in a revision, with the production numbers before and after."""

    status: str
    old_production_number: str
    new_production_number: str
    old_heading: str
    new_heading: str
    summary: str


class RevisionOut(Schema):
    """A revised draft's report against the draft that was current."""

    script_version_id: int
    base_id: int | None
    added: list[SceneChangeOut]
    omitted: list[SceneChangeOut]
    changed: list[SceneChangeOut]
    unchanged: int
    carried: list[CarriedOut]
    characters_added: list[str]
    characters_removed: list[str]
    warnings: list[str]


class DecisionIn(Schema):
    """accepted, rejected or suggested, and the element's `version` as read."""

    status: str
    version: int


class ElementIn(Schema):
    """A breakdown element: category (Universal Schedule Standard id 100..124) and name."""

    category: int
    name: str


class ElementEditIn(ElementIn):
    """A new category and name, and the element's `version` as read."""

    version: int


class SheetsTaskOut(Schema):
    """A whole-draft breakdown sheets request. `ready`: the PDF of the draft's current
    breakdown is stored (download it); else follow `task_run_id` until `finished`.
    `message` reads "Rendered n of N scenes" while it runs."""

    task_run_id: int | None
    status: str
    progress: int
    message: str
    finished: bool
    ready: bool
    result: dict[str, Any]
