"""Editing a scene's breakdown: decide on a suggestion, add an element, edit one.

Only the current draft's breakdown changes. Each edit names the version of the scene element
it was read at (a stale one is a Conflict, 409), raises the draft's version (cached sheets
go stale) and writes one audit entry. Adding or editing an element accepts it: a person
vouches for it, so it is carried to the next draft.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction

from lynchpin.core.access import membership_for
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Invalid, NotFound
from lynchpin.engine.breakdown.categories import category_by_id
from lynchpin.scripts.models import BreakdownElement, Scene, SceneElement, normalise_name
from lynchpin.scripts.services.common import require_category, require_editable, touch

__all__ = ["scene_element_add", "scene_element_decide", "scene_element_edit"]

#: At most this many occurrences of a hand-added name are highlighted in a scene.
MAX_SPANS = 50


def _scene_element(production_id: int, scene_element_id: int) -> SceneElement:
    row = (
        SceneElement.objects.select_related("scene__script_version", "element")
        .filter(pk=scene_element_id, production_id=production_id)
        .first()
    )
    if row is None:
        raise NotFound("Breakdown element not found.")
    return row


def _category(value: Any) -> int:
    """A known category id, else Invalid naming the field."""
    try:
        return category_by_id(int(value)).id
    except (KeyError, TypeError, ValueError):
        message = "Choose a breakdown category."
        raise Invalid(message, fields={"category": [message]}) from None


def _name(value: str) -> str:
    name = normalise_name(value or "")
    if not name or len(name) > 200:
        message = "Name the element (at most 200 characters)."
        raise Invalid(message, fields={"name": [message]})
    return name


def _label(row: SceneElement) -> str:
    return f"{row.element.name} ({row.element.info.name}) in scene {row.scene.number}"


@transaction.atomic
def scene_element_decide(
    *, actor: Any, production_id: int, scene_element_id: int, status: str, expected_version: int
) -> SceneElement:
    """Accept, reject (or return to suggested) one element of a scene.

    Requires EDIT_BREAKDOWN (a department head: their department's category only). Raises
    Invalid for an unknown status, Conflict for a stale version or a draft that is not
    current, NotFound for an element of another production.
    """
    membership = membership_for(actor=actor, production_id=production_id)
    row = _scene_element(production_id, scene_element_id)
    require_category(membership, row.element.category)
    if status not in SceneElement.Status.values:
        message = "Choose accepted, rejected or suggested."
        raise Invalid(message, fields={"status": [message]})
    require_editable(row.scene.script_version)
    before = row.status
    row.status = status
    row.compare_and_set(expected_version=expected_version, fields=("status",))
    touch(row.scene.script_version)
    audit_record(
        actor=actor, action="scene_element.decide", target=row, production_id=production_id,
        changes={"status": [before, status]}, label=_label(row),
    )
    return row


def find_spans(paragraphs: list[dict[str, str]], name: str) -> list[dict[str, Any]]:
    """Where `name` occurs as whole words (any case) in a scene's paragraphs, as stored spans."""
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)",
                         re.IGNORECASE)
    spans: list[dict[str, Any]] = []
    for index, paragraph in enumerate(paragraphs):
        for match in pattern.finditer(paragraph.get("text", "")):
            spans.append({"element": index, "start": match.start(), "end": match.end(),
                          "text": match.group()})
            if len(spans) >= MAX_SPANS:
                return spans
    return spans


@transaction.atomic
def scene_element_add(
    *, actor: Any, production_id: int, scene_id: int, category: int, name: str
) -> SceneElement:
    """Add an element to a scene's breakdown (accepted, origin manual); adding one that was
    rejected accepts it again. Its occurrences in the scene text are highlighted.

    Requires EDIT_BREAKDOWN (a department head: their department's category only). Raises
    Invalid for a bad category or name, an omitted scene or an element already there;
    Conflict when the draft is not current; NotFound for a scene of another production.
    """
    membership = membership_for(actor=actor, production_id=production_id)
    scene = (
        Scene.objects.select_related("script_version")
        .filter(pk=scene_id, production_id=production_id)
        .first()
    )
    if scene is None:
        raise NotFound("Scene not found.")
    category, name = _category(category), _name(name)
    require_category(membership, category)
    require_editable(scene.script_version)
    if scene.omitted:
        raise Invalid(f"Scene {scene.number} is omitted from this draft.")
    element, _ = BreakdownElement.objects.get_or_create(
        production_id=production_id, category=category, name=name
    )
    row = SceneElement.objects.filter(scene=scene, element=element).first()
    if row is not None and row.status != SceneElement.Status.REJECTED:
        message = f"{name} is already on the breakdown of scene {scene.number}."
        raise Invalid(message, fields={"name": [message]})
    if row is not None:
        row.status = SceneElement.Status.ACCEPTED
        row.compare_and_set(expected_version=row.version, fields=("status",))
    else:
        row = SceneElement.objects.create(
            production_id=production_id, scene=scene, element=element,
            status=SceneElement.Status.ACCEPTED, origin=SceneElement.Origin.MANUAL,
            spans=find_spans(scene.elements, name),
        )
    touch(scene.script_version)
    audit_record(
        actor=actor, action="scene_element.add", target=row, production_id=production_id,
        changes={"category": [None, category], "name": [None, name]}, label=_label(row),
    )
    return row


@transaction.atomic
def scene_element_edit(
    *,
    actor: Any,
    production_id: int,
    scene_element_id: int,
    category: int,
    name: str,
    expected_version: int,
) -> SceneElement:
    """Change the category and/or name of a scene's element (and accept it).

    Requires EDIT_BREAKDOWN (a department head: their department's category, before and
    after). Raises Invalid for a bad category or name or one the scene already has,
    Conflict for a stale version or a draft that is not current.
    """
    membership = membership_for(actor=actor, production_id=production_id)
    row = _scene_element(production_id, scene_element_id)
    category, name = _category(category), _name(name)
    require_category(membership, row.element.category)
    require_category(membership, category)
    require_editable(row.scene.script_version)
    before = {"category": row.element.category, "name": row.element.name}
    element, _ = BreakdownElement.objects.get_or_create(
        production_id=production_id, category=category, name=name
    )
    clash = SceneElement.objects.filter(scene_id=row.scene_id, element=element).exclude(pk=row.pk)
    if clash.exists():
        message = f"Scene {row.scene.number} already has {name}."
        raise Invalid(message, fields={"name": [message]})
    row.element, row.status = element, SceneElement.Status.ACCEPTED
    row.compare_and_set(expected_version=expected_version, fields=("element", "status"))
    touch(row.scene.script_version)
    audit_record(
        actor=actor, action="scene_element.edit", target=row, production_id=production_id,
        changes={key: [before[key], value] for key, value in
                 (("category", category), ("name", name)) if before[key] != value},
        label=_label(row),
    )
    return row
