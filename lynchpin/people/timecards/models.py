"""Timecard rows: a person's work week, its days, its ledger postings, payroll accounts.

- `TimecardWeek`: one engagement's work week (it starts on the first day of the work week of
  the deal's agreement). It is the versioned aggregate people edit, submit, approve and send
  back: status ``draft -> submitted -> approved``, and back to ``draft`` when sent back or
  when an approved week is edited. Every accepted change raises `version` by one.
- `Timecard`: one day of a week (one row per engagement and day): call, meals (out, back,
  kind meal or ndb), wrap, travel before and after (hours), holiday flag. A day without a
  row was not worked. Times are aware datetimes stored in UTC and read in the production's
  time zone. Pay is never stored here: the engine prices the week on every read.
- `TimecardPosting`: what approving a week posted to the ledger (key, account, amount and a
  snapshot of the priced lines at that version), and the reversal when the week changed.
- `PayrollAccount`: the budget account payroll of a department is posted to (department ""
  is the default for every department without its own row).

Foreign keys to people and users are by name, so `lynchpin.people.models` can import this
module without a cycle.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from lynchpin.core.models import ProductionScopedModel, TimestampedModel, VersionedModel

__all__ = ["MEAL_KINDS", "PayrollAccount", "Timecard", "TimecardPosting", "TimecardWeek"]

#: Kinds of meal break (the labour engine's MealKind values).
MEAL_KINDS = ("meal", "ndb")
#: Most meal breaks a day may record (a breakfast and two meals, or three meals).
MAX_MEALS = 3


class TimecardWeek(ProductionScopedModel, VersionedModel):
    """One engagement's work week: the aggregate that is edited, submitted and approved.

    Invariants: one row per (engagement, week_start); an approved week has `approved_at`.
    `note` holds why the week was last sent back (shown to the person).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        APPROVED = "approved", "Approved"

    engagement = models.ForeignKey(
        "people.Engagement", on_delete=models.PROTECT, related_name="timecard_weeks"
    )
    week_start = models.DateField(help_text="First day of the agreement's work week")
    status = models.CharField(max_length=9, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    note = models.TextField(blank=True, help_text="Why the week was last sent back")

    class Meta:
        ordering = ("engagement_id", "week_start")
        constraints = (
            models.UniqueConstraint(
                fields=("engagement", "week_start"), name="people_timecard_week_unique",
                violation_error_message="This person already has a timecard for this week.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=("draft", "submitted", "approved")),
                name="people_timecard_week_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(approved_at__isnull=False),
                name="people_timecard_week_approved_when",
            ),
        )
        indexes = (
            models.Index(fields=("production", "week_start"), name="people_tcweek_week"),
            models.Index(fields=("production", "status"), name="people_tcweek_status"),
        )

    def __str__(self) -> str:
        return f"Timecard of engagement {self.engagement_id}, week of {self.week_start}"


def _parse_moment(value: Any) -> datetime | None:
    """An ISO 8601 datetime with a time zone, else None."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def clean_meals(value: Any) -> list[dict[str, str]]:
    """Meals as stored: a list of at most MAX_MEALS ``{"out", "back", "kind"}`` with aware
    ISO 8601 times, back after out, kind ``meal`` or ``ndb``.

    Raises ValidationError (on ``meals``) naming the first bad meal (counting from 1).
    """
    if not isinstance(value, list) or len(value) > MAX_MEALS:
        raise ValidationError({"meals": f"Give at most {MAX_MEALS} meal breaks."})
    cleaned = []
    for number, meal in enumerate(value, start=1):
        out = _parse_moment(meal.get("out")) if isinstance(meal, dict) else None
        back = _parse_moment(meal.get("back")) if isinstance(meal, dict) else None
        kind = meal.get("kind", "meal") if isinstance(meal, dict) else None
        if out is None or back is None or kind not in MEAL_KINDS or back <= out:
            raise ValidationError(
                {"meals": f"Meal {number}: give out and back times (back after out) and a "
                          "kind, meal or ndb."})
        cleaned.append({"out": out.isoformat(), "back": back.isoformat(), "kind": kind})
    return cleaned


class Timecard(models.Model):
    """One worked day of a `TimecardWeek`: call, meals, wrap, travel, holiday flag.

    Invariants: one row per (week, day); call < wrap; travel 0 to 24 hours. The finer
    rules (the call falls on the day, meals in order between call and wrap, at most 24 h)
    are the labour engine's `worktime.check_timecard`, which the services run.
    """

    week = models.ForeignKey(TimecardWeek, on_delete=models.CASCADE, related_name="days")
    day = models.DateField()
    call = models.DateTimeField()
    wrap = models.DateTimeField()
    meals = models.JSONField(default=list, blank=True)
    travel_before = models.DecimalField(max_digits=4, decimal_places=2, default=Decimal(0))
    travel_after = models.DecimalField(max_digits=4, decimal_places=2, default=Decimal(0))
    holiday = models.BooleanField(default=False, help_text="A holiday worked")

    class Meta:
        ordering = ("week_id", "day")
        constraints = (
            models.UniqueConstraint(fields=("week", "day"), name="people_timecard_one_a_day"),
            models.CheckConstraint(condition=Q(wrap__gt=F("call")),
                                   name="people_timecard_wrap_after_call"),
            models.CheckConstraint(
                condition=Q(travel_before__gte=0, travel_before__lte=24,
                            travel_after__gte=0, travel_after__lte=24),
                name="people_timecard_travel_hours",
            ),
        )

    def __str__(self) -> str:
        return f"Timecard {self.day}"

    def clean(self) -> None:
        """Wrap after call, travel 0-24 h, meals well formed (`clean_meals`)."""
        errors: dict[str, str] = {}
        if self.call and self.wrap and self.wrap <= self.call:
            errors["wrap"] = "Wrap must be after call."
        for name in ("travel_before", "travel_after"):
            hours = getattr(self, name)
            if hours is not None and not Decimal(0) <= hours <= 24:
                errors[name] = "Give travel of 0 to 24 hours."
        try:
            self.meals = clean_meals(self.meals)
        except ValidationError as exc:
            errors.update({name: " ".join(msgs) for name, msgs in exc.message_dict.items()})
        if errors:
            raise ValidationError(errors)


class TimecardPosting(TimestampedModel):
    """A payroll entry posted for one approved version of a week.

    `key` is the ledger entry's idempotency key (person-week and version); `lines` the
    priced pay lines at that version (amounts as exact decimal strings), kept so anyone can
    see what was posted even after the deal or the agreement changes. `reversal_key` is set
    when the week changed after approval and the entry was reversed (never edited).
    """

    week = models.ForeignKey(TimecardWeek, on_delete=models.PROTECT, related_name="postings")
    version = models.PositiveIntegerField(help_text="The week's version that was approved")
    key = models.CharField(max_length=120, unique=True)
    account = models.CharField(max_length=40)
    amount = models.DecimalField(max_digits=18, decimal_places=4)
    currency = models.CharField(max_length=3)
    lines = models.JSONField(default=list)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reversal_key = models.CharField(max_length=120, blank=True)
    reversed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("week_id", "version")
        constraints = (
            models.UniqueConstraint(fields=("week", "version"),
                                    name="people_tcposting_week_version"),
            models.CheckConstraint(condition=Q(reversal_key="") | Q(reversed_at__isnull=False),
                                   name="people_tcposting_reversed_when"),
        )

    def __str__(self) -> str:
        return f"Payroll posting {self.key}"


class PayrollAccount(ProductionScopedModel):
    """The budget account a department's payroll is posted to; department "" is the
    default for departments without a row of their own."""

    department = models.CharField(max_length=80, blank=True)
    account = models.CharField(max_length=40)

    class Meta:
        ordering = ("department",)
        constraints = (
            models.UniqueConstraint(fields=("production", "department"),
                                    name="people_payroll_account_unique"),
            models.CheckConstraint(condition=~Q(account=""),
                                   name="people_payroll_account_required"),
        )

    def __str__(self) -> str:
        return f"{self.department or 'default'} -> {self.account}"
