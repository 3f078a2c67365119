"""Schedule versions and their stripboard: shoot days, strips, banners; proposals; feeds.

- `ScheduleVersion`: one scenario of the shooting schedule of one script draft. A versioned
  aggregate: every change of its board (a strip moved, a day added) raises its `version`, so
  a stale move is a Conflict (409). A locked version refuses every change.
- `ShootDay`: day `number` (1, 2, ...) on `date` of a version.
- `Strip`: one scene of the draft on the board: on a day at `position` (0-based shooting
  order), or in the boneyard (`day` empty). What the strip shows (eighths, set, cast) is read
  from the scene and its breakdown when the board is built, so breakdown edits show at once.
- `Banner`: a banner strip (e.g. "END OF WEEK 1") before a shoot day.
- `ScheduleProposal`: the result of an optimiser run or a re-plan, waiting to be applied as
  a new version or discarded; `days` holds the proposed board (strip ids by day).
- `CalendarFeed`: a secret iCalendar link of a member (their own calls, or the production's
  shoot days); only the SHA-256 digest of its token is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q

from lynchpin.core.models import ProductionScopedModel, TimestampedModel, VersionedModel

__all__ = ["Banner", "CalendarFeed", "ScheduleProposal", "ScheduleVersion", "ShootDay", "Strip"]


class ScheduleVersion(ProductionScopedModel, VersionedModel):
    """A schedule scenario of one script draft (`script_version`), named uniquely per
    production. `origin` says how it was made; `based_on` is the version it was copied,
    optimised or re-planned from; `note` says why (e.g. the disruption)."""

    class Origin(models.TextChoices):
        BONEYARD = "boneyard", "All strips in the boneyard"
        GREEDY = "greedy", "First plan"
        COPY = "copy", "Copy"
        OPTIMISED = "optimised", "Optimised"
        REPLANNED = "replanned", "Re-planned"

    name = models.CharField(max_length=120)
    script_version = models.ForeignKey(
        "scripts.ScriptVersion", on_delete=models.PROTECT, related_name="schedules"
    )
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.GREEDY)
    note = models.TextField(blank=True)
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    locked = models.BooleanField(default=False)
    locked_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ("-created", "-id")
        constraints = (
            models.UniqueConstraint(fields=("production", "name"),
                                    name="schedules_version_unique_name"),
            models.CheckConstraint(condition=~Q(name=""), name="schedules_version_named"),
        )

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Field-keyed checks: a name, and a draft of the same production."""
        self.name = " ".join((self.name or "").split())
        errors: dict[str, str] = {}
        if not self.name:
            errors["name"] = "Name the schedule, e.g. Shooting schedule or Plan B."
        if self.script_version_id and self.script_version.production_id != self.production_id:
            errors["script_version"] = "The draft belongs to another production."
        if errors:
            raise ValidationError(errors)


class ShootDay(models.Model):
    """Shoot day `number` of a schedule version on `date`, for `unit` (main unless a second
    unit shoots it)."""

    schedule = models.ForeignKey(ScheduleVersion, on_delete=models.CASCADE, related_name="days")
    number = models.PositiveSmallIntegerField()
    date = models.DateField()
    unit = models.CharField(max_length=40, default="main")

    class Meta:
        ordering = ("schedule", "number")
        constraints = (
            models.UniqueConstraint(fields=("schedule", "number"), name="schedules_day_number"),
            models.UniqueConstraint(fields=("schedule", "date", "unit"),
                                    name="schedules_day_date_unit"),
            models.CheckConstraint(condition=Q(number__gte=1), name="schedules_day_from_1"),
        )

    def __str__(self) -> str:
        return f"Day {self.number} ({self.date.isoformat()})"


class Strip(models.Model):
    """A scene of the schedule's draft on the board: on `day` at `position`, or in the
    boneyard (`day` empty; `position` orders the boneyard too)."""

    schedule = models.ForeignKey(ScheduleVersion, on_delete=models.CASCADE,
                                 related_name="strips")
    scene = models.ForeignKey("scripts.Scene", on_delete=models.CASCADE, related_name="+")
    day = models.ForeignKey(ShootDay, on_delete=models.SET_NULL, null=True, blank=True,
                            related_name="strips")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("schedule", "position", "id")
        constraints = (
            models.UniqueConstraint(fields=("schedule", "scene"), name="schedules_strip_scene"),
        )
        indexes = (models.Index(fields=("schedule", "day", "position"),
                                name="schedules_strip_order"),)

    def __str__(self) -> str:
        return f"Strip {self.scene_id} of {self.schedule_id}"


class Banner(models.Model):
    """A banner strip shown before `day` (e.g. "END OF WEEK 1", "TRAVEL DAY")."""

    schedule = models.ForeignKey(ScheduleVersion, on_delete=models.CASCADE,
                                 related_name="banners")
    day = models.ForeignKey(ShootDay, on_delete=models.CASCADE, related_name="banners")
    text = models.CharField(max_length=120)

    class Meta:
        ordering = ("day", "id")
        constraints = (
            models.CheckConstraint(condition=~Q(text=""), name="schedules_banner_text"),
        )

    def __str__(self) -> str:
        return self.text


class ScheduleProposal(ProductionScopedModel, VersionedModel):
    """An optimiser run or a re-plan of `schedule`, and what it proposes.

    `days` is ``[{"number", "date", "strips": [strip id, ...]}]`` and `boneyard` a list of
    strip ids (strip id = scene number). `outcome` holds what every reader may see (solver
    status, optimality, gap, the changed strips of a re-plan, why performers are held);
    `costs` the money (cost components of the proposal and of the board it was made from,
    the bound, the explanation's amounts): shown only to roles with VIEW_MONEY. `request` is
    what was asked (time limit, disruption, shot scenes). Applying makes a new version
    (`applied_version`).
    """

    class Kind(models.TextChoices):
        OPTIMISE = "optimise", "Optimiser run"
        REPLAN = "replan", "Re-plan"

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        READY = "ready", "Ready to review"
        FAILED = "failed", "Failed"
        APPLIED = "applied", "Applied"
        DISCARDED = "discarded", "Discarded"

    schedule = models.ForeignKey(ScheduleVersion, on_delete=models.CASCADE,
                                 related_name="proposals")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    status = models.CharField(max_length=9, choices=Status.choices, default=Status.RUNNING)
    run = models.ForeignKey("core.TaskRun", on_delete=models.SET_NULL, null=True, blank=True,
                            related_name="+")
    request = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    base_version = models.PositiveIntegerField(default=1)
    days = models.JSONField(default=list, blank=True, encoder=DjangoJSONEncoder)
    boneyard = models.JSONField(default=list, blank=True)
    outcome = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    costs = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    stop_requested = models.BooleanField(default=False)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    applied_version = models.ForeignKey(
        ScheduleVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ("-created", "-id")
        constraints = (
            models.CheckConstraint(condition=Q(kind__in=("optimise", "replan")),
                                   name="schedules_proposal_kind_known"),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.schedule}"


class CalendarFeed(TimestampedModel):
    """A member's secret calendar link: `scope` person (their own calls) or production
    (every shoot day). One of each per member and production; a new link replaces the old."""

    class Scope(models.TextChoices):
        PERSON = "person", "My calls"
        PRODUCTION = "production", "Every shoot day"

    production = models.ForeignKey("productions.Production", on_delete=models.CASCADE,
                                   related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    scope = models.CharField(max_length=10, choices=Scope.choices)
    token_digest = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ("production", "user", "scope")
        constraints = (
            models.UniqueConstraint(fields=("production", "user", "scope"),
                                    name="schedules_feed_one_per_scope"),
        )

    def __str__(self) -> str:
        return f"{self.get_scope_display()} feed of {self.user} on {self.production}"
