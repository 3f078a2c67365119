"""A production, its units and episodes, its members (with roles) and invitations to join.

A person sees a production only through a Membership; the role of the membership decides what
they may do (lynchpin.core.roles). Production is a versioned aggregate: edits of its settings
use `compare_and_set`, so a stale edit is refused with a Conflict.
"""

from __future__ import annotations

import zoneinfo
from functools import cache

import holidays
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from lynchpin.core.models import ProductionScopedModel, TimestampedModel, VersionedModel
from lynchpin.core.roles import Role

__all__ = ["Episode", "Invitation", "Membership", "Production", "Unit"]


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


class Production(TimestampedModel, VersionedModel):
    """A film, series, commercial or corporate video and its office settings.

    `currency` (ISO 4217) prices every money value of the production. `country` and
    `region` (ISO 3166 country and subdivision codes, as the `holidays` package knows them)
    select public holidays for the calendar; `time_zone` (IANA name) is the office's zone.
    """

    class Kind(models.TextChoices):
        FEATURE = "feature", "Feature film"
        SERIES = "series", "Series"
        COMMERCIAL = "commercial", "Commercial"
        CORPORATE = "corporate", "Corporate video"

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.FEATURE)
    currency = models.CharField(max_length=3, default="USD", help_text="ISO 4217, e.g. USD")
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166, e.g. GB")
    region = models.CharField(max_length=10, blank=True, help_text="Subdivision, e.g. SCT")
    time_zone = models.CharField(max_length=64, default="UTC", help_text="e.g. Europe/London")
    start_date = models.DateField(
        null=True, blank=True, help_text="First day of principal photography"
    )

    class Meta:
        ordering = ("title", "id")
        constraints = (
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$"), name="production_currency_iso"
            ),
            models.CheckConstraint(
                condition=Q(region="") | ~Q(country=""), name="production_region_needs_country"
            ),
        )

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """Field-keyed checks: currency shape, known time zone, country and region."""
        errors: dict[str, str] = {}
        self.currency = (self.currency or "").strip().upper()
        self.country = (self.country or "").strip().upper()
        self.region = (self.region or "").strip().upper()
        if len(self.currency) != 3 or not self.currency.isalpha():
            errors["currency"] = "Use a three-letter ISO 4217 code such as USD, EUR or GBP."
        if self.time_zone not in _time_zones():
            errors["time_zone"] = "Use an IANA time zone name such as Europe/London."
        errors.update(_calendar_errors(self.country, self.region))
        if errors:
            raise ValidationError(errors)


def _calendar_errors(country: str, region: str) -> dict[str, str]:
    """Errors for a country/region pair the public-holiday calendar does not know."""
    if not country:
        return {"region": "Choose a country before a region."} if region else {}
    supported = holidays.list_supported_countries()
    if country not in supported:
        return {"country": f"Unknown country code {country!r}; use an ISO 3166 code such as GB."}
    if region and region not in supported[country]:
        return {"region": f"Unknown region {region!r} of {country}."}
    return {}


class Unit(ProductionScopedModel):
    """A shooting unit (main unit, second unit, splinter unit); each production has one main."""

    name = models.CharField(max_length=80)
    is_main = models.BooleanField(default=False)

    class Meta:
        ordering = ("-is_main", "name")
        constraints = (
            models.UniqueConstraint(fields=("production", "name"), name="unit_unique_name"),
            models.UniqueConstraint(
                fields=("production",), condition=Q(is_main=True), name="unit_one_main"
            ),
        )

    def __str__(self) -> str:
        return self.name


class Episode(ProductionScopedModel):
    """An episode of a series, numbered from 1 within the production."""

    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ("number",)
        constraints = (
            models.UniqueConstraint(fields=("production", "number"), name="episode_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="episode_number_positive"),
        )

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.title else f"Episode {self.number}"


class Membership(ProductionScopedModel):
    """A user's place on a production: one role (and optionally a department) per production."""

    production = models.ForeignKey(
        Production, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=24, choices=Role.choices)
    department = models.CharField(max_length=80, blank=True, help_text="e.g. Camera")

    class Meta:
        ordering = ("production", "user__username")
        constraints = (
            models.UniqueConstraint(fields=("production", "user"), name="membership_unique_user"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_known"),
        )

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}) on {self.production}"


class Invitation(ProductionScopedModel):
    """An emailed offer to join a production with a role; valid until `expires_at`, once.

    Only the SHA-256 digest of the token is stored (lynchpin.core.tokens); the link in the
    email carries the token itself.
    """

    production = models.ForeignKey(
        Production, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=24, choices=Role.choices)
    department = models.CharField(max_length=80, blank=True)
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ("-created",)
        constraints = (
            models.CheckConstraint(condition=Q(role__in=Role.values), name="invitation_role_known"),
        )

    def __str__(self) -> str:
        return f"{self.email} as {self.get_role_display()} on {self.production}"

    @property
    def is_pending(self) -> bool:
        """Neither accepted nor expired."""
        return self.accepted_at is None and self.expires_at > timezone.now()
