"""Reads of scenes: a draft's scene list and one scene's page (text with highlighted
breakdown elements, elements grouped by category). All need VIEW_SCRIPT."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from lynchpin.core.access import membership_for, require
from lynchpin.core.errors import NotFound
from lynchpin.core.roles import Capability
from lynchpin.engine.breakdown.categories import Category, load_categories
from lynchpin.scripts.highlight import Mark, Paragraph, highlight
from lynchpin.scripts.models import Scene, SceneElement, ScriptVersion
from lynchpin.scripts.rights import editable_categories

__all__ = [
    "CategoryGroup",
    "SceneDetail",
    "scene_get",
    "scene_list",
]


def scene_list(
    *, actor: Any, production_id: int, script_version_id: int | None = None
) -> QuerySet[Scene]:
    """The scenes of a draft (the current one by default; none before the first import), in
    order, omitted placeholders included, each with `suggested` and `accepted` counts.

    Requires VIEW_SCRIPT. Raises NotFound for another production's draft.
    """
    require(membership_for(actor=actor, production_id=production_id), Capability.VIEW_SCRIPT)
    versions = ScriptVersion.objects.filter(production_id=production_id)
    if script_version_id is None:
        version = versions.filter(status=ScriptVersion.Status.READY).first()
        if version is None:
            return Scene.objects.none()
    else:
        version = versions.filter(pk=script_version_id).first()
        if version is None:
            raise NotFound("Script draft not found.")
    return (
        Scene.objects.filter(script_version=version)
        .annotate(
            suggested=Count("scene_elements", filter=Q(scene_elements__status="suggested")),
            accepted=Count("scene_elements", filter=Q(scene_elements__status="accepted")),
        )
        .defer("elements")
        .order_by("order")
    )


@dataclass(frozen=True)
class CategoryGroup:
    """A category's elements in one scene (accepted and suggested first, rejected last)."""

    category: Category
    items: list[SceneElement]


@dataclass(frozen=True)
class SceneDetail:
    """Everything the scene page shows.

    `editable` says whether this member may change this scene's breakdown at all (current
    draft, not omitted, EDIT_BREAKDOWN); `categories` are the ones they may use.
    """

    scene: Scene
    version: ScriptVersion
    paragraphs: list[Paragraph]
    groups: list[CategoryGroup]
    previous: Scene | None
    next: Scene | None
    editable: bool
    categories: tuple[Category, ...]

    @property
    def editable_ids(self) -> frozenset[int]:
        """Ids of the categories this member may change here (empty when not `editable`)."""
        return frozenset(c.id for c in self.categories) if self.editable else frozenset()

    @property
    def suggested(self) -> int:
        """How many elements of the scene wait for a decision."""
        return int(self.scene.suggested)


_STATUS_ORDER = {"accepted": 0, "suggested": 1, "rejected": 2}


def _groups(items: list[SceneElement]) -> list[CategoryGroup]:
    by_id = {c.id: c for c in load_categories()}
    grouped: dict[int, list[SceneElement]] = {}
    for item in items:
        grouped.setdefault(item.element.category, []).append(item)
    return [
        CategoryGroup(
            by_id.get(cat, item_list[0].element.info),
            sorted(item_list, key=lambda i: (_STATUS_ORDER.get(i.status, 3), i.element.name)),
        )
        for cat, item_list in sorted(grouped.items())
    ]


def _marks(items: list[SceneElement]) -> list[tuple[Mark, list[dict[str, Any]]]]:
    """Highlights: accepted first, then suggested; rejected elements are not marked."""
    shown = sorted(
        (i for i in items if i.status != SceneElement.Status.REJECTED),
        key=lambda i: (_STATUS_ORDER.get(i.status, 3), i.element.category, i.element.name),
    )
    return [
        (Mark(i.element.category, i.element.info.name, i.element.info.colour, i.element.name,
              i.status), list(i.spans))
        for i in shown
    ]


def scene_get(*, actor: Any, production_id: int, scene_id: int) -> SceneDetail:
    """One scene with its text, highlights, elements by category and neighbours; the scene
    carries `suggested` and `accepted` counts like scene_list's rows.

    Requires VIEW_SCRIPT. Raises NotFound for a scene of another production.
    """
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.VIEW_SCRIPT)
    scene = (
        Scene.objects.select_related("script_version")
        .filter(pk=scene_id, production_id=production_id)
        .first()
    )
    if scene is None:
        raise NotFound("Scene not found.")
    items = list(
        SceneElement.objects.filter(scene=scene)
        .select_related("element")
        .order_by("element__category", "element__name")
    )
    # The same counts as scene_list's annotations, so a scene reads alike in both.
    scene.suggested = sum(1 for i in items if i.status == SceneElement.Status.SUGGESTED)
    scene.accepted = sum(1 for i in items if i.status == SceneElement.Status.ACCEPTED)
    siblings = Scene.objects.filter(script_version_id=scene.script_version_id).only(
        "id", "number", "order"
    )
    allowed = editable_categories(membership)
    version = scene.script_version
    return SceneDetail(
        scene=scene,
        version=version,
        paragraphs=highlight(scene.elements, _marks(items)),
        groups=_groups(items),
        previous=siblings.filter(order__lt=scene.order).order_by("-order").first(),
        next=siblings.filter(order__gt=scene.order).order_by("order").first(),
        editable=bool(allowed) and version.editable and not scene.omitted,
        categories=tuple(c for c in load_categories() if c.id in allowed),
    )
