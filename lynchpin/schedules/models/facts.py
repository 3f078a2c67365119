"""Production facts: what the scheduling engine needs to know besides the script.

- `ScheduleFacts` (one per production): calendar (start, 5/6-day week, days off, travel days,
  extra work days; public holidays come from the production's country and region), the
  number of candidate shoot days, day capacity, rest rules and call times, company-move
  defaults, daily burn, overtime, the default cast rate, prep and wrap weeks (for the budget
  feed), and the scene rules (precedences, same-day groups, pins, weather cover sets).
- `PerformerFacts`: a cast member or costed element (animal, vehicle, other) with a planning
  rate, board number, availability windows and blackouts, hold and drop/pick-up rules.
  A cast member's deal memo (people app), when there is one, prices them instead.
- `LocationFacts`: a location's daily cost and availability (permit dates).
- `MoveFacts`: the time and cost of moving the company between two locations.

Money is Decimal in the production's currency (4 decimal places kept, never a float); hours
are Decimal; dates inside JSON lists are ISO strings checked by `models.values`. The field
names follow the production file's keys (docs/formats/production.md) so that a file imports
one to one. Every row is versioned: a stale edit is a Conflict (409).
"""

from __future__ import annotations

from datetime import time
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from lynchpin.core.models import ProductionScopedModel, VersionedModel
from lynchpin.schedules.models.values import (
    check_dates,
    check_groups,
    check_pins,
    check_windows,
    normalise,
)

__all__ = ["MAX_SHOOT_DAYS", "LocationFacts", "MoveFacts", "PerformerFacts", "ScheduleFacts"]

#: The most candidate shoot days the optimiser is offered (as in production files).
MAX_SHOOT_DAYS = 400
_NOT_NEGATIVE = MinValueValidator(Decimal(0))


def _money(**kwargs: Any) -> models.DecimalField[Any, Any]:
    return models.DecimalField(max_digits=14, decimal_places=4, validators=[_NOT_NEGATIVE],
                               **kwargs)


def _hours(default: int) -> models.DecimalField[Any, Any]:
    return models.DecimalField(
        max_digits=4, decimal_places=2, default=Decimal(default),
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal(24))],
    )


def _json_errors(instance: models.Model, checks: dict[str, Any]) -> dict[str, str]:
    """Run `checks` (field -> function) over JSON fields, storing cleaned values; errors by
    field."""
    errors: dict[str, str] = {}
    for name, check in checks.items():
        try:
            setattr(instance, name, check(getattr(instance, name)))
        except ValueError as error:
            errors[name] = str(error)
    return errors


class ScheduleFacts(ProductionScopedModel, VersionedModel):
    """The production's scheduling facts (at most one row per production).

    `start_date` empty means the production's first day of photography. `max_eighths`
    empty means no page cap. Scene rules name scene numbers of the current script.
    """

    start_date = models.DateField(null=True, blank=True)
    week_days = models.PositiveSmallIntegerField(default=5, help_text="5 (Mon-Fri) or 6")
    shoot_days = models.PositiveSmallIntegerField(
        default=20, validators=[MinValueValidator(1), MaxValueValidator(MAX_SHOOT_DAYS)],
        help_text="Candidate shoot days offered to the optimiser",
    )
    days_off = models.JSONField(default=list, blank=True)
    travel_days = models.JSONField(default=list, blank=True)
    extra_work_days = models.JSONField(default=list, blank=True)
    standard_hours = _hours(10)
    max_hours = _hours(12)
    max_eighths = models.PositiveIntegerField(null=True, blank=True)
    minutes_per_eighth = models.PositiveSmallIntegerField(
        default=15, validators=[MinValueValidator(1), MaxValueValidator(240)])
    crew_rest_hours = models.PositiveSmallIntegerField(default=10,
                                                       validators=[MaxValueValidator(24)])
    cast_rest_hours = models.PositiveSmallIntegerField(default=12,
                                                       validators=[MaxValueValidator(24)])
    day_call = models.TimeField(default=time(7, 0))
    night_call = models.TimeField(default=time(17, 0))
    default_move_minutes = models.PositiveSmallIntegerField(
        default=60, validators=[MaxValueValidator(24 * 60)])
    default_move_cost = _money(null=True, blank=True)
    crew_daily_cost = _money(default=Decimal(0))
    overtime_hourly_cost = _money(default=Decimal(0))
    default_cast_rate = _money(default=Decimal(0))
    prep_weeks = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal(0),
                                     validators=[_NOT_NEGATIVE])
    wrap_weeks = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal(0),
                                     validators=[_NOT_NEGATIVE])
    precedences = models.JSONField(default=list, blank=True)
    same_day = models.JSONField(default=list, blank=True)
    pinned = models.JSONField(default=list, blank=True)
    cover_sets = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name_plural = "schedule facts"
        constraints = (
            models.UniqueConstraint(fields=("production",), name="schedules_facts_one"),
            models.CheckConstraint(condition=Q(week_days__in=(5, 6)),
                                   name="schedules_facts_week_5_or_6"),
            models.CheckConstraint(condition=Q(max_hours__gte=models.F("standard_hours")),
                                   name="schedules_facts_max_at_least_standard"),
        )

    def __str__(self) -> str:
        return f"Schedule facts of {self.production}"

    def clean(self) -> None:
        """Field-keyed checks: 5 or 6 days a week, max day >= standard day, the lists."""
        errors = _json_errors(self, {
            "days_off": check_dates, "travel_days": check_dates,
            "extra_work_days": check_dates, "precedences": lambda v: check_groups(v, size=2),
            "same_day": check_groups, "pinned": check_pins,
            "cover_sets": lambda v: check_groups(v, size=2),
        })
        if self.week_days not in (5, 6):
            errors["week_days"] = "A work week has 5 or 6 days."
        if (self.max_hours is not None and self.standard_hours is not None
                and self.max_hours < self.standard_hours):
            errors["max_hours"] = "The longest day cannot be shorter than the standard day."
        if self.max_eighths == 0:
            errors["max_eighths"] = "Leave empty for no page cap, or give at least 1/8."
        if errors:
            raise ValidationError(errors)


class PerformerFacts(ProductionScopedModel, VersionedModel):
    """A cast member (by the script's character name) or a costed element.

    `daily_rate` is a planning rate: a cast member's deal memo wins over it, and without
    either the facts' default cast rate applies. `matches` are breakdown element names an
    element stands for (``DOG`` for the collie MOSS; empty: its own name); `scenes` limits
    the match to those scene numbers. `available` windows are ``[first, last]`` pairs (empty:
    always available), `blackouts` single dates.
    """

    class Kind(models.TextChoices):
        CAST = "cast", "Cast"
        ANIMAL = "animal", "Animal"
        VEHICLE = "vehicle", "Vehicle"
        OTHER = "other", "Other element"

    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.CAST)
    number = models.PositiveSmallIntegerField(default=0, help_text="Board / DOOD number")
    daily_rate = _money(null=True, blank=True)
    matches = models.JSONField(default=list, blank=True)
    scenes = models.JSONField(default=list, blank=True)
    holds_allowed = models.BooleanField(default=True)
    drop_pickup_allowed = models.BooleanField(default=False)
    drop_min_gap_days = models.PositiveSmallIntegerField(default=10)
    minor = models.BooleanField(default=False)
    max_hours = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True,
                                    validators=[MinValueValidator(Decimal("0.25")),
                                                MaxValueValidator(Decimal(24))])
    travel_days = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(30)])
    start_date = models.DateField(null=True, blank=True, help_text="Earliest start")
    finish_date = models.DateField(null=True, blank=True, help_text="Latest finish")
    available = models.JSONField(default=list, blank=True)
    blackouts = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ("kind", "number", "name")
        verbose_name_plural = "performer facts"
        constraints = (
            models.UniqueConstraint(fields=("production", "kind", "name"),
                                    name="schedules_performer_unique"),
            models.CheckConstraint(condition=Q(kind__in=("cast", "animal", "vehicle", "other")),
                                   name="schedules_performer_kind_known"),
            models.CheckConstraint(condition=~Q(name=""), name="schedules_performer_named"),
        )

    def __str__(self) -> str:
        return f"{self.number}. {self.name}" if self.number else self.name

    @property
    def engine_id(self) -> str:
        """The performer id the engine uses: the name for cast, ``"<kind>:<NAME>"`` else."""
        return self.name if self.kind == self.Kind.CAST else f"{self.kind}:{self.name}"

    def clean(self) -> None:
        """Field-keyed checks: a name, windows and dates, start before finish."""
        self.name = normalise(self.name or "")
        errors = _json_errors(self, {
            "available": check_windows, "blackouts": check_dates,
            "matches": _names, "scenes": _names,
        })
        if not self.name:
            errors["name"] = "Name the performer as the script does, e.g. NELL."
        if self.start_date and self.finish_date and self.finish_date < self.start_date:
            errors["finish_date"] = "The latest finish is before the earliest start."
        if self.kind == self.Kind.CAST and self.matches:
            errors["matches"] = "Cast are matched by their name; matches are for elements."
        if errors:
            raise ValidationError(errors)


def _names(value: Any) -> list[str]:
    """A list of names or scene numbers, normalised, distinct, in order."""
    if value in (None, ""):
        return []
    if not isinstance(value, list | tuple):
        raise ValueError("expected a list")
    names = [normalise(str(item)) for item in value]
    if any(not name for name in names):
        raise ValueError("an entry is empty")
    return list(dict.fromkeys(names))


class LocationFacts(ProductionScopedModel, VersionedModel):
    """A location (the part of a set name before " - ", upper case) with its daily cost and
    availability windows (permit dates) and blackout dates."""

    name = models.CharField(max_length=200)
    daily_cost = _money(default=Decimal(0))
    available = models.JSONField(default=list, blank=True)
    blackouts = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ("name",)
        verbose_name_plural = "location facts"
        constraints = (
            models.UniqueConstraint(fields=("production", "name"),
                                    name="schedules_location_unique"),
            models.CheckConstraint(condition=~Q(name=""), name="schedules_location_named"),
        )

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Field-keyed checks: a name, the windows and blackout dates."""
        self.name = normalise(self.name or "")
        errors = _json_errors(self, {"available": check_windows, "blackouts": check_dates})
        if not self.name:
            errors["name"] = "Name the location as the set names begin, e.g. HARROWBY PIER."
        if errors:
            raise ValidationError(errors)


class MoveFacts(ProductionScopedModel, VersionedModel):
    """Moving the company between locations `a` and `b` (either way; stored with a < b):
    `minutes` inside a shoot day, `cost` between shoot days."""

    a = models.CharField(max_length=200)
    b = models.CharField(max_length=200)
    minutes = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(24 * 60)])
    cost = _money(default=Decimal(0))

    class Meta:
        ordering = ("a", "b")
        verbose_name_plural = "move facts"
        constraints = (
            models.UniqueConstraint(fields=("production", "a", "b"), name="schedules_move_unique"),
            models.CheckConstraint(condition=Q(a__lt=models.F("b")),
                                   name="schedules_move_ordered_pair"),
        )

    def __str__(self) -> str:
        return f"{self.a} <-> {self.b}"

    def clean(self) -> None:
        """Field-keyed checks: two different, named locations (stored in order)."""
        self.a, self.b = normalise(self.a or ""), normalise(self.b or "")
        errors: dict[str, str] = {}
        if not self.a:
            errors["a"] = "Name the first location."
        if not self.b:
            errors["b"] = "Name the second location."
        if self.a and self.a == self.b:
            errors["b"] = "A move needs two different locations."
        if errors:
            raise ValidationError(errors)
        if self.b < self.a:
            self.a, self.b = self.b, self.a
