"""Script versions, their scenes and characters, and the production's breakdown elements.

- `ScriptVersion`: one uploaded draft (file, revision colour, what the importer found). At
  most one per production is ``ready`` (the current draft) and at most one is
  ``pending_review`` (a revised draft waiting to be applied). A versioned aggregate: every
  breakdown edit in one of its scenes raises its `version`.
- `Scene`: a scene of one draft, in `order`, with its production `number`, its length in
  eighths, the page it starts on and its printed paragraphs (`elements`, for display).
  An omitted scene (cut from this draft, kept as a numbered placeholder) has no
  `script_index`.
- `Character`: a speaking character of one draft.
- `BreakdownElement`: a thing the production needs (a cast member, a prop, a horse),
  unique per (production, category, name); categories are Universal Schedule Standard ids.
- `SceneElement`: a breakdown element in one scene: suggested by the engine, or accepted,
  rejected, added or edited by a person (versioned: a stale decision is a Conflict).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.text import get_valid_filename

from lynchpin.core.models import ProductionScopedModel, VersionedModel
from lynchpin.engine.breakdown.categories import Category, category_by_id
from lynchpin.engine.units import format_eighths

__all__ = [
    "BreakdownElement",
    "Character",
    "RevisionColour",
    "Scene",
    "SceneElement",
    "ScriptVersion",
    "normalise_name",
]

#: Lowest and highest Universal Schedule Standard category id (Cast Members .. Other).
FIRST_CATEGORY, LAST_CATEGORY = 100, 124


class RevisionColour(models.TextChoices):
    """Revision colours in the industry's standard order: each new set of revised pages is
    printed on the next colour (white for the first draft)."""

    WHITE = "white", "White"
    BLUE = "blue", "Blue"
    PINK = "pink", "Pink"
    YELLOW = "yellow", "Yellow"
    GREEN = "green", "Green"
    GOLDENROD = "goldenrod", "Goldenrod"
    BUFF = "buff", "Buff"
    SALMON = "salmon", "Salmon"
    CHERRY = "cherry", "Cherry"

    @classmethod
    def after(cls, colour: str) -> RevisionColour:
        """The colour that follows `colour` (after cherry the cycle starts again)."""
        order = list(cls)
        try:
            return order[(order.index(cls(colour)) + 1) % len(order)]
        except ValueError:
            return cls.WHITE


def normalise_name(name: str) -> str:
    """An element name as stored: upper case, inner whitespace collapsed, trimmed."""
    return " ".join(name.split()).upper()


def _source_path(instance: ScriptVersion, filename: str) -> str:
    """Where an uploaded screenplay is stored under MEDIA_ROOT (a fresh name per upload)."""
    safe = get_valid_filename(filename)[-80:] or "script"
    return f"scripts/{instance.production_id}/{uuid.uuid4().hex}-{safe}"


class ScriptVersion(ProductionScopedModel, VersionedModel):
    """One uploaded draft of the production's screenplay and what the importer found.

    `pages` and `eighths` are the paginated length (US letter); `confidence` (0..1) is the
    importer's own estimate (1.0 for Fountain and FDX); `warnings` lists what it had to
    guess. A revised draft keeps the draft it was compared with (`base`, at `base_version`)
    and the comparison (`revision`, JSON) until it is applied.
    """

    class Status(models.TextChoices):
        IMPORTING = "importing", "Importing"
        READY = "ready", "Current"
        FAILED = "failed", "Failed"
        PENDING_REVIEW = "pending_review", "Waiting for review"
        SUPERSEDED = "superseded", "Superseded"

    class Format(models.TextChoices):
        FOUNTAIN = "fountain", "Fountain"
        FDX = "fdx", "Final Draft"
        PDF = "pdf", "PDF"

    label = models.CharField(max_length=80, blank=True, help_text="e.g. Shooting script")
    colour = models.CharField(
        max_length=12, choices=RevisionColour.choices, default=RevisionColour.WHITE
    )
    source = models.FileField(upload_to=_source_path, max_length=255)
    file_name = models.CharField(max_length=255, help_text="The name the file was uploaded as")
    format = models.CharField(max_length=10, choices=Format.choices, blank=True)
    title = models.CharField(max_length=200, blank=True)
    pages = models.PositiveIntegerField(default=0)
    eighths = models.PositiveIntegerField(default=0)
    confidence = models.FloatField(default=1.0)
    warnings = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.IMPORTING)
    error = models.TextField(blank=True, help_text="Why the import failed")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    base = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    base_version = models.PositiveIntegerField(null=True, blank=True)
    revision = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    applied = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created", "-id")
        constraints = (
            models.UniqueConstraint(
                fields=("production",), condition=Q(status="ready"), name="script_one_current"
            ),
            models.UniqueConstraint(
                fields=("production",),
                condition=Q(status="pending_review"),
                name="script_one_pending_review",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="script_confidence_0_1",
            ),
            models.CheckConstraint(
                condition=Q(colour__in=RevisionColour.values), name="script_colour_known"
            ),
        )

    def __str__(self) -> str:
        colour = self.get_colour_display()
        return f"{self.label} ({colour})" if self.label else f"{colour} draft"

    def clean(self) -> None:
        """Field-keyed checks: a known colour, confidence within 0..1."""
        errors: dict[str, str] = {}
        if self.colour not in RevisionColour.values:
            errors["colour"] = "Choose a revision colour."
        if not 0 <= self.confidence <= 1:
            errors["confidence"] = "Confidence is a fraction between 0 and 1."
        if errors:
            raise ValidationError(errors)

    @property
    def length(self) -> str:
        """The length as pages and eighths, e.g. ``"23 1/8"``."""
        return format_eighths(self.eighths)

    @property
    def editable(self) -> bool:
        """True for the current draft: only its breakdown may be edited."""
        return self.status == self.Status.READY


class Scene(ProductionScopedModel):
    """A scene of one draft, in `order` (0-based, omitted placeholders included).

    `number` is the production number (locked across revisions: a kept scene keeps its
    number, an inserted one gets an A-number); `script_number` is the number printed in
    this draft's file, if any. `script_index` is the scene's index in the parsed draft
    (None for an omitted placeholder) and `first_element` the index of its heading among
    the draft's elements (the old draft's, for an omitted placeholder); stored spans are
    relative to the scene, and adding `first_element` gives the engine's element index. `elements`
    are the printed paragraphs ``[{"type": "Action", "text": "..."}]``, heading first.
    """

    script_version = models.ForeignKey(
        ScriptVersion, on_delete=models.CASCADE, related_name="scenes"
    )
    order = models.PositiveIntegerField()
    number = models.CharField(max_length=32)
    script_number = models.CharField(max_length=32, blank=True)
    script_index = models.PositiveIntegerField(null=True, blank=True)
    first_element = models.PositiveIntegerField(default=0)
    heading = models.TextField()
    int_ext = models.CharField(max_length=8, blank=True)
    set_name = models.TextField(blank=True)
    time_of_day = models.CharField(max_length=60, blank=True)
    eighths = models.PositiveIntegerField(default=0)
    page = models.PositiveIntegerField(default=0)
    omitted = models.BooleanField(default=False)
    elements = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ("script_version", "order")
        constraints = (
            models.UniqueConstraint(fields=("script_version", "order"), name="scene_unique_order"),
            models.UniqueConstraint(
                fields=("script_version", "number"), name="scene_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(omitted=True, script_index__isnull=True)
                | Q(omitted=False, script_index__isnull=False),
                name="scene_omitted_has_no_index",
            ),
        )

    def __str__(self) -> str:
        return f"{self.number} {self.heading}"

    def clean(self) -> None:
        """Field-keyed checks: a number, and the draft's production."""
        errors: dict[str, str] = {}
        if not self.number.strip():
            errors["number"] = "A scene needs a number."
        version = self.script_version if self.script_version_id else None
        if version is not None and version.production_id != self.production_id:
            errors["script_version"] = "The draft belongs to another production."
        if errors:
            raise ValidationError(errors)

    @property
    def length(self) -> str:
        """The length as pages and eighths, e.g. ``"1 3/8"``."""
        return format_eighths(self.eighths)


class Character(ProductionScopedModel):
    """A speaking character of one draft: in how many scenes they speak, and how often."""

    script_version = models.ForeignKey(
        ScriptVersion, on_delete=models.CASCADE, related_name="characters"
    )
    name = models.CharField(max_length=200)
    scene_count = models.PositiveIntegerField(default=0)
    dialogue_blocks = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("script_version", "-scene_count", "name")
        constraints = (
            models.UniqueConstraint(
                fields=("script_version", "name"), name="character_unique_name"
            ),
        )

    def __str__(self) -> str:
        return self.name


class BreakdownElement(ProductionScopedModel):
    """A thing the production needs, in one breakdown category (USS id 100..124).

    `name` is stored normalised (`normalise_name`): ``"dog bowl"`` and ``"DOG  BOWL"`` are
    one element.
    """

    category = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ("category", "name")
        constraints = (
            models.UniqueConstraint(
                fields=("production", "category", "name"), name="element_unique_name"
            ),
            models.CheckConstraint(
                condition=Q(category__gte=FIRST_CATEGORY) & Q(category__lte=LAST_CATEGORY),
                name="element_category_uss",
            ),
        )

    def __str__(self) -> str:
        return f"{self.name} ({self.info.name})"

    def clean(self) -> None:
        """Field-keyed checks: a known category and a non-empty name (stored normalised)."""
        errors: dict[str, str] = {}
        self.name = normalise_name(self.name or "")
        if not self.name:
            errors["name"] = "Name the element."
        if not isinstance(self.category, int) or not (
            FIRST_CATEGORY <= self.category <= LAST_CATEGORY
        ):
            errors["category"] = "Choose a breakdown category."
        if errors:
            raise ValidationError(errors)

    @property
    def info(self) -> Category:
        """The category's name and colour (engine data); a placeholder for an unknown id."""
        try:
            return category_by_id(self.category)
        except KeyError:
            return Category(self.category, f"Category {self.category}", "#DDDDDD")


class SceneElement(ProductionScopedModel, VersionedModel):
    """A breakdown element in one scene, with a person's decision on it.

    `origin` says why it is there (engine `Origin` values: speaking, introduced, lexicon,
    tagged, manual, carried). `spans` point at the text that suggested it:
    ``[{"element": k, "start": s, "end": e, "text": t}]`` where `k` counts the scene's
    paragraphs from its heading (0) and `s`/`e` are character offsets in that paragraph.
    """

    class Status(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    class Origin(models.TextChoices):
        SPEAKING = "speaking", "Speaks in the scene"
        INTRODUCED = "introduced", "Introduced in the action"
        LEXICON = "lexicon", "Found in the text"
        TAGGED = "tagged", "Tagged in Final Draft"
        MANUAL = "manual", "Added by a person"
        CARRIED = "carried", "Carried from an earlier draft"

    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="scene_elements")
    element = models.ForeignKey(
        BreakdownElement, on_delete=models.PROTECT, related_name="scene_elements"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUGGESTED)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.LEXICON)
    spans = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ("scene", "element__category", "element__name")
        constraints = (
            models.UniqueConstraint(fields=("scene", "element"), name="scene_element_unique"),
            models.CheckConstraint(
                condition=Q(status__in=("suggested", "accepted", "rejected")),
                name="scene_element_status_known",
            ),
        )

    def __str__(self) -> str:
        return f"{self.element} in scene {self.scene.number}"

    def clean(self) -> None:
        """Field-keyed checks: scene and element of the row's production."""
        errors: dict[str, Any] = {}
        if self.scene_id and self.scene.production_id != self.production_id:
            errors["scene"] = "The scene belongs to another production."
        if self.element_id and self.element.production_id != self.production_id:
            errors["element"] = "The element belongs to another production."
        if errors:
            raise ValidationError(errors)
