"""Base models and the shared tables: users, the audit log, background-task runs.

- `User`: Django's user, as our own model so fields can be added later without a migration
  of every foreign key.
- `ProductionScopedModel`: abstract base of everything that belongs to a production
  (foreign key `production`, `created`, `updated`).
- `VersionedModel`: abstract mixin for editable aggregates; `compare_and_set` writes only when
  the row still has the version the editor read (optimistic concurrency, DESIGN.md section 5).
- `AuditEntry`: who changed what and when; written by `lynchpin.core.audit.audit_record`.
- `TaskRun`: progress of one piece of background work, polled by pages.

Foreign keys to ``productions.Production`` are by name: core imports no app.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F
from django.utils import timezone

from lynchpin.core.errors import Conflict, NotFound

__all__ = [
    "AuditEntry",
    "ProductionScopedModel",
    "ProductionScopedQuerySet",
    "TaskRun",
    "TimestampedModel",
    "User",
    "VersionedModel",
]


class User(AbstractUser):
    """A person who can log in. Access to productions comes from their memberships."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"


class TimestampedModel(models.Model):
    """Abstract: `created` and `updated` (aware UTC datetimes)."""

    created = models.DateTimeField(default=timezone.now, editable=False)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ProductionScopedQuerySet(models.QuerySet[Any]):
    """Queries of production-owned rows; selectors start from `in_production`."""

    def in_production(self, production_id: int) -> ProductionScopedQuerySet:
        """Rows of one production."""
        return self.filter(production_id=production_id)


class ProductionScopedModel(TimestampedModel):
    """Abstract base of every row that belongs to one production (deleted with it)."""

    production = models.ForeignKey(
        "productions.Production",
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_set",
        related_query_name="%(app_label)s_%(class)s",
    )

    objects = ProductionScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class VersionedModel(models.Model):
    """Abstract mixin: a `version` number raised by one on every accepted edit.

    An editor reads the row with its version, and the save says which version it expects;
    if someone saved in between, `compare_and_set` raises Conflict instead of overwriting.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def compare_and_set(self, *, expected_version: int, fields: Sequence[str] = ()) -> None:
        """Save `fields` of this instance and raise `version` by one, in ONE statement
        ``UPDATE ... SET ..., version = version + 1 WHERE pk = ... AND version = expected``.

        With no `fields` it only bumps the version (an edit of a child row claims its parent
        aggregate). `updated` is refreshed when the model has it. On success `self.version`
        is the new version. Raises Conflict when the stored version differs, NotFound when
        the row is gone, ValueError for a field that is not a concrete, editable column.
        """
        values = self._cas_values(fields)
        count = (
            type(self)
            ._default_manager.filter(pk=self.pk, version=expected_version)
            .update(version=F("version") + 1, **values)
        )
        if count == 1:
            self.version = expected_version + 1
            return
        name = self._meta.verbose_name
        if not type(self)._default_manager.filter(pk=self.pk).exists():
            raise NotFound(f"This {name} no longer exists.")
        raise Conflict(
            f"This {name} was changed by someone else since you opened it; reload it to see "
            "their changes, then make yours again."
        )

    def _cas_values(self, fields: Sequence[str]) -> dict[str, Any]:
        """Column values to write for `fields`, plus `updated` when the model has it."""
        concrete = {f.name: f for f in self._meta.concrete_fields}
        values: dict[str, Any] = {}
        for name in fields:
            model_field = concrete.get(name)
            if model_field is None or name in {"version", "id"} or model_field.primary_key:
                raise ValueError(f"{type(self).__name__}.{name} cannot be set by compare_and_set")
            values[name] = getattr(self, name)
        if "updated" in concrete:
            # QuerySet.update() bypasses auto_now, so the timestamp is set here.
            self.updated = values["updated"] = timezone.now()
        return values


class AuditEntry(models.Model):
    """One write by one person: action, target, and the changed fields as [old, new] pairs.

    `production` is empty for account-level actions (API tokens). `actor_label` keeps the
    username after the user is deleted. Entries are never edited or deleted by the application.
    """

    production = models.ForeignKey(
        "productions.Production",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_label = models.CharField(max_length=150)
    action = models.CharField(max_length=80, help_text="e.g. production.update")
    target_type = models.CharField(max_length=100, help_text="app_label.model")
    target_id = models.CharField(max_length=64, blank=True)
    target_label = models.CharField(max_length=200, blank=True)
    changes = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ("-at", "-id")
        indexes = (models.Index(fields=("production", "-at"), name="core_audit_production_at"),)
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_label}"


class TaskRun(models.Model):
    """Progress of one background job of a production, shown on the page that started it.

    `progress` is a percentage 0..100; `result` is the job's JSON-able outcome; `message` is
    the latest human-readable step, or the error when `status` is failed.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    production = models.ForeignKey(
        "productions.Production", on_delete=models.CASCADE, related_name="task_runs"
    )
    kind = models.CharField(max_length=80, help_text="e.g. scripts.import")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.TextField(blank=True)
    result = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    task_id = models.CharField(max_length=64, blank=True, help_text="django-tasks result id")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now, editable=False)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created", "-id")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="core_taskrun_progress_max_100"
            ),
        )

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} {self.status} {self.progress}%"

    @property
    def finished(self) -> bool:
        """True once the run succeeded or failed (a page stops polling)."""
        return self.status in {self.Status.SUCCEEDED, self.Status.FAILED}
