"""People of a production: contacts, vendors, crew and cast engagements, and deal memos.

- `Contact`: a person the production deals with, optionally linked to that person's member
  account (so crew and cast can read their own contact card).
- `Vendor`: a company that supplies the production (rentals, catering, transport).
- `Engagement`: a contact hired as crew or cast, with department, position, unit and dates;
  cast engagements name the script character (by name: the link to the script's characters
  is textual) and the cast number used on call sheets and the day-out-of-days.
- `DealMemo`: the terms of one engagement: rate, basis, agreement (the labour engine's ids),
  kit rental, allowances. Confidential: only roles with VIEW_MONEY read it (selectors).
- Timecards (`TimecardWeek`, `Timecard`, `TimecardPosting`, `PayrollAccount`) live in
  `lynchpin.people.timecards.models` and are imported here so Django registers them.

All four are versioned aggregates: edits go through `compare_and_set`, so a stale edit is a
Conflict. Money is `Decimal` (12 digits, 4 places) with an ISO 4217 currency, never float.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q

from lynchpin.core.models import ProductionScopedModel, TimestampedModel, VersionedModel
from lynchpin.engine.labour.agreements import agreement_ids, load_agreement
from lynchpin.people.timecards.models import (  # registered here: they are people models
    PayrollAccount,
    Timecard,
    TimecardPosting,
    TimecardWeek,
)

__all__ = [
    "Contact",
    "DealMemo",
    "Engagement",
    "PayrollAccount",
    "Timecard",
    "TimecardPosting",
    "TimecardWeek",
    "Vendor",
]

#: Longest day (hours) a daily guarantee may state, and longest week for a weekly one.
MAX_DAY_HOURS = Decimal(24)
MAX_WEEK_HOURS = Decimal(168)

#: Largest allowance amount (as for rates: 12 digits, 4 of them decimals).
MAX_AMOUNT = Decimal(10) ** 8

_NOT_NEGATIVE = MinValueValidator(Decimal(0), "Amounts cannot be negative.")


def _nul_errors(instance: models.Model) -> dict[str, str]:
    """Field errors for text containing NUL characters, which PostgreSQL cannot store (the
    save would fail with a server error instead of naming the field)."""
    return {
        field.name: "Remove the NUL character (\\x00)."
        for field in instance._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and "\x00" in str(getattr(instance, field.attname) or "")
    }


def _required(value: str, field: str, errors: dict[str, str], label: str) -> str:
    """`value` stripped; records "<label> is required." under `field` when it is empty."""
    value = (value or "").strip()
    if not value:
        errors[field] = f"{label} is required."
    return value


class Contact(ProductionScopedModel, VersionedModel):
    """A person on the production's contact list (crew, cast, agents, suppliers' staff).

    `user` links the contact to the member account of the same person (at most one contact
    per member): that member may read this contact card even without VIEW_PEOPLE.
    """

    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    company = models.CharField(max_length=200, blank=True, help_text="Employer or agency")
    address = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member account of this person, if they have one",
    )

    class Meta:
        ordering = ("name", "id")
        constraints = (
            models.CheckConstraint(condition=~Q(name=""), name="people_contact_name_required"),
            models.UniqueConstraint(
                fields=("production", "user"),
                condition=Q(user__isnull=False),
                name="people_contact_one_per_member",
                violation_error_message="This member already has a contact card.",
            ),
        )

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """The name is required (surrounding spaces are dropped)."""
        errors = _nul_errors(self)
        self.name = _required(self.name, "name", errors, "Name")
        if errors:
            raise ValidationError(errors)


class Vendor(ProductionScopedModel, VersionedModel):
    """A supplier of the production. `tax_id` (EIN, VAT number) is for the accountant: only
    roles with VIEW_MONEY see or change it. `contact` is the production's person there."""

    name = models.CharField(max_length=200)
    contact = models.ForeignKey(
        Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="vendors"
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    tax_id = models.CharField(max_length=40, blank=True, help_text="EIN, VAT or company number")
    services = models.TextField(blank=True, help_text="What they supply, e.g. camera rental")

    class Meta:
        ordering = ("name", "id")
        constraints = (
            models.CheckConstraint(condition=~Q(name=""), name="people_vendor_name_required"),
            models.UniqueConstraint(
                fields=("production", "name"),
                name="people_vendor_unique_name",
                violation_error_message="A vendor of this name already exists.",
            ),
        )

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Name required; the contact belongs to the same production."""
        errors = _nul_errors(self)
        self.name = _required(self.name, "name", errors, "Name")
        if self.contact_id is not None and self.contact.production_id != self.production_id:
            errors["contact"] = "Choose a contact of this production."
        if errors:
            raise ValidationError(errors)


class Engagement(ProductionScopedModel, VersionedModel):
    """A contact hired on the production as crew or cast, from `start_date` to `end_date`
    (either may be unknown; an ended engagement has an end date in the past).

    For cast, `character` is the character's name as the script writes it (e.g. ``NELL``)
    and `cast_number` the number on the call sheet (``"1"``); crew have neither.
    """

    class Kind(models.TextChoices):
        CREW = "crew", "Crew"
        CAST = "cast", "Cast"

    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="engagements")
    kind = models.CharField(max_length=4, choices=Kind.choices, default=Kind.CREW)
    department = models.CharField(max_length=80, blank=True, help_text="e.g. Camera")
    position = models.CharField(max_length=120, help_text="e.g. 1st Assistant Camera")
    unit = models.ForeignKey(
        "productions.Unit", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    character = models.CharField(max_length=120, blank=True, help_text="As the script names it")
    cast_number = models.CharField(max_length=8, blank=True, help_text='e.g. "1"')

    class Meta:
        ordering = ("department", "position", "contact__name", "id")
        constraints = (
            models.CheckConstraint(
                condition=Q(kind__in=("crew", "cast")), name="people_engagement_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="people_engagement_end_after_start",
                violation_error_message="The end date is before the start date.",
            ),
            models.CheckConstraint(
                condition=Q(kind="cast") | (Q(character="") & Q(cast_number="")),
                name="people_engagement_crew_has_no_character",
                violation_error_message="Only cast have a character and a cast number.",
            ),
        )

    def __str__(self) -> str:
        contact = self.contact.name if self.contact_id else "?"
        if self.kind == self.Kind.CAST and self.character:
            return f"{contact} as {self.character}"
        return f"{contact}, {self.position}"

    def clean(self) -> None:
        """Field-keyed checks: position, dates in order, cast fields, same-production links."""
        errors = _nul_errors(self)
        self.position = _required(self.position, "position", errors, "Position")
        self.department = (self.department or "").strip()
        self.character = (self.character or "").strip()
        self.cast_number = (self.cast_number or "").strip()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date is before the start date."
        if self.kind == self.Kind.CAST:
            if not self.character:
                errors["character"] = "Name the character this cast member plays."
            if self.cast_number and not self.cast_number.isalnum():
                errors["cast_number"] = 'Use letters and digits only, e.g. "1" or "12A".'
        else:
            if self.character:
                errors["character"] = "Only cast play a character."
            if self.cast_number:
                errors["cast_number"] = "Only cast have a cast number."
        if self.contact_id is not None and self.contact.production_id != self.production_id:
            errors["contact"] = "Choose a contact of this production."
        if self.unit_id is not None and self.unit.production_id != self.production_id:
            errors["unit"] = "Choose a unit of this production."
        if errors:
            raise ValidationError(errors)


def _amount_text(value: Any) -> str | None:
    """`value` as a plain non-negative decimal string of at most 4 places, else None."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None  # floats are refused: they have already lost the exact amount
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    if not amount.is_finite() or not 0 <= amount < MAX_AMOUNT:
        return None
    if int(amount.as_tuple().exponent) < -4:
        return None
    return format(amount, "f")


def clean_allowances(value: Any) -> dict[str, str]:
    """Allowances as ``{name: amount string}`` with names stripped and amounts exact.

    Raises ValidationError (on ``allowances``) for anything but a mapping of non-empty names
    (at most 40 characters) to amounts from 0 to below 10**8 with at most 4 decimals, given
    as strings or integers.
    """
    if not isinstance(value, dict):
        raise ValidationError({"allowances": "Give allowances as name -> amount."})
    cleaned: dict[str, str] = {}
    for name, amount in value.items():
        key = str(name).strip()
        text = _amount_text(amount)
        if not key or len(key) > 40 or "\x00" in key:
            raise ValidationError({"allowances": "Allowance names are 1 to 40 characters."})
        if text is None:
            raise ValidationError(
                {"allowances": f"Allowance {key!r}: give a non-negative amount such as 35.00."}
            )
        cleaned[key] = text
    return cleaned


class DealMemo(TimestampedModel, VersionedModel):
    """The terms of one engagement (one memo per engagement: the one-to-one field is unique).

    `rate` is per day (daily, flat), per hour (hourly) or per week (weekly) in `currency`,
    which is the agreement's currency. `guaranteed_hours` is per day for daily deals
    (optional: "$500/10"), per week for weekly deals (required) and empty otherwise.
    `agreement` is a labour engine agreement id; `performer_class` (cast only) one of its
    performer classes. `kit_rental` and `allowances` (``{name: "35.00"}``) are per day worked.
    """

    class Basis(models.TextChoices):
        DAILY = "daily", "Daily"
        HOURLY = "hourly", "Hourly"
        WEEKLY = "weekly", "Weekly"
        FLAT = "flat", "Flat day (no overtime)"

    engagement = models.OneToOneField(
        Engagement, on_delete=models.CASCADE, related_name="deal_memo"
    )
    rate = models.DecimalField(max_digits=12, decimal_places=4, validators=[_NOT_NEGATIVE])
    currency = models.CharField(max_length=3, help_text="ISO 4217; the agreement's currency")
    basis = models.CharField(max_length=6, choices=Basis.choices, default=Basis.DAILY)
    guaranteed_hours = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    agreement = models.CharField(max_length=64, help_text="Labour agreement, e.g. iatse-crew")
    kit_rental = models.DecimalField(
        max_digits=12, decimal_places=4, null=True, blank=True, validators=[_NOT_NEGATIVE]
    )
    allowances = models.JSONField(default=dict, blank=True)
    overtime_exempt = models.BooleanField(default=False)
    performer_class = models.CharField(max_length=20, blank=True, help_text="Cast: day, weekly")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ("engagement_id",)
        constraints = (
            models.CheckConstraint(condition=Q(rate__gte=0), name="people_deal_rate_not_negative"),
            models.CheckConstraint(
                condition=Q(kit_rental__isnull=True) | Q(kit_rental__gte=0),
                name="people_deal_kit_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$"), name="people_deal_currency_iso"
            ),
            models.CheckConstraint(
                condition=Q(basis__in=("daily", "hourly", "weekly", "flat")),
                name="people_deal_basis_known",
            ),
            models.CheckConstraint(
                condition=(Q(basis__in=("daily", "weekly")) | Q(guaranteed_hours__isnull=True))
                & (~Q(basis="weekly") | Q(guaranteed_hours__gt=0)),
                name="people_deal_guarantee_fits_basis",
            ),
        )

    def __str__(self) -> str:
        return f"Deal memo of {self.engagement}"

    def clean(self) -> None:
        """Field-keyed checks against the labour engine: agreement, currency, guaranteed
        hours for the basis, performer class (cast only), allowances."""
        errors: dict[str, Any] = _nul_errors(self)
        self.currency = (self.currency or "").strip().upper()
        self.performer_class = (self.performer_class or "").strip()
        errors.update(self._agreement_errors())
        errors.update(self._guarantee_errors())
        try:
            self.allowances = clean_allowances(self.allowances)
        except ValidationError as exc:
            errors.update(exc.message_dict)
        if errors:
            raise ValidationError(errors)

    def _agreement_errors(self) -> dict[str, str]:
        if self.agreement not in agreement_ids():
            known = ", ".join(agreement_ids())
            return {"agreement": f"Choose a known agreement ({known})."}
        agreement = load_agreement(self.agreement)
        errors: dict[str, str] = {}
        if self.currency != agreement.currency:
            errors["currency"] = f"{agreement.name} pays in {agreement.currency}."
        classes = sorted(name for name in agreement.rules if name)
        is_cast = self.engagement_id is not None and self.engagement.kind == Engagement.Kind.CAST
        if self.performer_class and not is_cast:
            errors["performer_class"] = "Only cast have a performer class."
        elif self.performer_class and self.performer_class not in classes:
            errors["performer_class"] = (
                f"{agreement.name} has performer classes: {', '.join(classes) or 'none'}."
            )
        return errors

    def _guarantee_errors(self) -> dict[str, str]:
        hours = self.guaranteed_hours
        if self.basis == self.Basis.WEEKLY:
            if hours is None:
                return {"guaranteed_hours": "A weekly deal states its guaranteed hours a week."}
            limit = MAX_WEEK_HOURS
        elif self.basis == self.Basis.DAILY:
            if hours is None:
                return {}
            limit = MAX_DAY_HOURS
        elif hours is not None:
            return {"guaranteed_hours": "Only daily and weekly deals guarantee hours."}
        else:
            return {}
        if not Decimal(0) < hours <= limit:
            return {"guaranteed_hours": f"Give between 0 and {limit} hours."}
        return {}
