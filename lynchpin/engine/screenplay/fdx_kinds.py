"""Final Draft paragraph types -> `ElementKind`, from the data file fdx_vocabulary.json.

Type names are compared case-insensitively with whitespace collapsed (``End Of Act`` and
``End of Act`` are one type). A type the data file maps to null is dropped (not printed:
notes). A type missing from the file takes the kind its ``ElementSettings`` say it paginates
as (a custom element that paginates as a Scene Heading becomes a SHOT, never a scene), else
GENERAL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from lynchpin.engine.screenplay.model import ElementKind


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The data file, parsed: paragraph types, default all-caps kinds, revision colours."""

    paragraph_types: dict[str, ElementKind | None]
    paginate_as_scene_heading: ElementKind
    default_all_caps: frozenset[ElementKind]
    revision_colours: tuple[str, ...]


def type_key(paragraph_type: str) -> str:
    """The comparison key of a paragraph type name: lower case, single spaces."""
    return " ".join(paragraph_type.split()).lower()


def _load() -> Vocabulary:
    text = resources.files(__package__).joinpath("fdx_vocabulary.json").read_text("utf-8")
    raw: dict[str, Any] = json.loads(text)
    types = {
        type_key(name): (None if kind is None else ElementKind(kind))
        for name, kind in raw["paragraph_types"].items()
    }
    return Vocabulary(
        paragraph_types=types,
        paginate_as_scene_heading=ElementKind(raw["paginate_as_scene_heading"]),
        default_all_caps=frozenset(ElementKind(k) for k in raw["default_all_caps"]),
        revision_colours=tuple(raw["revision_colours"]),
    )


VOCABULARY = _load()


def known_kind(paragraph_type: str) -> tuple[bool, ElementKind | None]:
    """(found, kind) for a paragraph type name; kind None means "drop this paragraph"."""
    key = type_key(paragraph_type)
    if key in VOCABULARY.paragraph_types:
        return True, VOCABULARY.paragraph_types[key]
    return False, None


def kind_of(paragraph_type: str, paginate_as: dict[str, str]) -> ElementKind | None:
    """The kind for `paragraph_type`; `paginate_as` maps type keys to PaginateAs names.

    Returns None when the paragraph is to be dropped.
    """
    found, kind = known_kind(paragraph_type)
    if found:
        return kind
    fallback = paginate_as.get(type_key(paragraph_type), "")
    found, kind = known_kind(fallback)
    if not found or kind is None:
        return ElementKind.GENERAL
    if kind is ElementKind.SCENE_HEADING:
        return VOCABULARY.paginate_as_scene_heading
    return kind
