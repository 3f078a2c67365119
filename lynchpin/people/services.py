"""Writes of contacts, vendors, engagements and deal memos.

Every service takes keyword-only arguments with the acting user first, checks membership and
capability (EDIT_PEOPLE; deal memos also VIEW_MONEY), validates the row (`Invalid` naming the
fields), runs in one transaction and records one audit entry. Edits carry the version the
editor read: a stale one is a Conflict (409), never a silent overwrite. Rules spanning rows
live here: a contact's member account belongs to the production, a cast number is held by
one cast member at a time, a vendor's tax id is read and written by money roles only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import models, transaction

from lynchpin.core.access import can, membership_for, require
from lynchpin.core.audit import audit_record, changes_between, snapshot
from lynchpin.core.errors import Conflict, Forbidden, Invalid, NotFound
from lynchpin.core.roles import Capability
from lynchpin.core.validation import clean_or_invalid
from lynchpin.engine.labour.agreements import agreement_ids, load_agreement
from lynchpin.people.models import Contact, DealMemo, Engagement, Vendor
from lynchpin.productions.models import Membership, Unit

__all__ = [
    "CONTACT_EDITABLE",
    "DEAL_EDITABLE",
    "ENGAGEMENT_EDITABLE",
    "VENDOR_EDITABLE",
    "contact_create",
    "contact_update",
    "deal_memo_set",
    "engagement_create",
    "engagement_end",
    "engagement_update",
    "vendor_create",
    "vendor_update",
]

CONTACT_EDITABLE = ("name", "email", "phone", "company", "address", "notes", "user")
VENDOR_EDITABLE = ("name", "contact", "email", "phone", "services", "tax_id")
ENGAGEMENT_EDITABLE = ("department", "position", "unit", "start_date", "end_date",
                       "character", "cast_number")
DEAL_EDITABLE = ("rate", "currency", "basis", "guaranteed_hours", "agreement", "kit_rental",
                 "allowances", "overtime_exempt", "performer_class", "notes")


def _editor(actor: Any, production_id: int) -> Any:
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.EDIT_PEOPLE)
    return membership


def _row(model: type[models.Model], production_id: int, pk: int, label: str) -> Any:
    """The row `pk` of `model` in the production, locked for the edit; NotFound otherwise."""
    found = model._default_manager.select_for_update().filter(
        pk=pk, production_id=production_id
    ).first()
    if found is None:
        raise NotFound(f"{label} not found.")
    return found


def _create(obj: Any, *, actor: Any, action: str, fields: Sequence[str]) -> Any:
    """Validate and insert `obj`; audit every field as [None, value]."""
    clean_or_invalid(obj)
    obj.save()
    audit_record(
        actor=actor, action=action, target=obj, production_id=_production_of(obj),
        changes=changes_between({}, snapshot(obj, tuple(fields))),
    )
    return obj


def _update(
    obj: Any, before: Mapping[str, Any], *, actor: Any, action: str, expected_version: int,
    fields: Sequence[str],
) -> Any:
    """Validate `obj`, write `fields` if the row is still at `expected_version` (else
    Conflict) and audit what changed."""
    clean_or_invalid(obj)
    obj.compare_and_set(expected_version=expected_version, fields=tuple(fields))
    audit_record(
        actor=actor, action=action, target=obj, production_id=_production_of(obj),
        changes=changes_between(before, snapshot(obj, tuple(fields))),
    )
    return obj


def _production_of(obj: Any) -> int:
    if isinstance(obj, DealMemo):
        return int(obj.engagement.production_id)
    return int(obj.production_id)


def _check_member(production_id: int, user_id: int | None) -> None:
    # user__pk, not user_id: an id beyond the 64-bit range is then "not a member", not an
    # overflow error in the database driver.
    if user_id is not None and not Membership.objects.filter(
        production_id=production_id, user__pk=user_id
    ).exists():
        raise Invalid("Link the contact to a member of this production.",
                      fields={"user": ["Not a member of this production."]})


def _check_in_production(model: type[models.Model], production_id: int, pk: int | None,
                         field: str) -> None:
    if pk is not None and not model._default_manager.filter(
        pk=pk, production_id=production_id
    ).exists():
        raise Invalid(f"Choose a {field} of this production.",
                      fields={field: [f"Not a {field} of this production."]})


@transaction.atomic
def contact_create(
    *, actor: Any, production_id: int, name: str, email: str = "", phone: str = "",
    company: str = "", address: str = "", notes: str = "", user_id: int | None = None,
) -> Contact:
    """Add a contact; `user_id` links a member's account (one contact per member).

    Requires EDIT_PEOPLE. Raises Invalid naming the bad fields.
    """
    _editor(actor, production_id)
    _check_member(production_id, user_id)
    contact = Contact(
        production_id=production_id, name=name, email=email.strip(), phone=phone.strip(),
        company=company.strip(), address=address.strip(), notes=notes, user_id=user_id,
    )
    return _create(contact, actor=actor, action="contact.create", fields=CONTACT_EDITABLE)


@transaction.atomic
def contact_update(
    *, actor: Any, production_id: int, contact_id: int, expected_version: int, name: str,
    email: str, phone: str, company: str, address: str, notes: str, user_id: int | None,
) -> Contact:
    """Replace a contact's details if nobody changed them since `expected_version`.

    Requires EDIT_PEOPLE. Raises NotFound, Conflict (stale version), Invalid.
    """
    _editor(actor, production_id)
    contact = _row(Contact, production_id, contact_id, "Contact")
    _check_member(production_id, user_id)
    before = snapshot(contact, CONTACT_EDITABLE)
    contact.name, contact.email, contact.phone = name, email.strip(), phone.strip()
    contact.company, contact.address, contact.notes = company.strip(), address.strip(), notes
    contact.user_id = user_id
    return _update(contact, before, actor=actor, action="contact.update",
                   expected_version=expected_version, fields=CONTACT_EDITABLE)


def _check_tax_id(membership: Any, tax_id: str | None) -> None:
    if tax_id is not None and not can(membership, Capability.VIEW_MONEY):
        raise Forbidden("Only roles that see money may read or change a vendor's tax id.")


@transaction.atomic
def vendor_create(
    *, actor: Any, production_id: int, name: str, contact_id: int | None = None,
    email: str = "", phone: str = "", services: str = "", tax_id: str | None = None,
) -> Vendor:
    """Add a vendor. Requires EDIT_PEOPLE; `tax_id` also VIEW_MONEY (Forbidden otherwise).

    Raises Invalid naming the bad fields (a name already used, a contact not of this
    production).
    """
    _check_tax_id(_editor(actor, production_id), tax_id)
    _check_in_production(Contact, production_id, contact_id, "contact")
    vendor = Vendor(
        production_id=production_id, name=name, contact_id=contact_id, email=email.strip(),
        phone=phone.strip(), services=services.strip(), tax_id=(tax_id or "").strip(),
    )
    return _create(vendor, actor=actor, action="vendor.create", fields=VENDOR_EDITABLE)


@transaction.atomic
def vendor_update(
    *, actor: Any, production_id: int, vendor_id: int, expected_version: int, name: str,
    contact_id: int | None, email: str, phone: str, services: str, tax_id: str | None = None,
) -> Vendor:
    """Replace a vendor's details if nobody changed them since `expected_version`.

    `tax_id` None keeps the stored one (roles without VIEW_MONEY never send it; sending it
    without VIEW_MONEY is Forbidden). Requires EDIT_PEOPLE. Raises NotFound, Conflict,
    Invalid.
    """
    _check_tax_id(_editor(actor, production_id), tax_id)
    vendor = _row(Vendor, production_id, vendor_id, "Vendor")
    _check_in_production(Contact, production_id, contact_id, "contact")
    before = snapshot(vendor, VENDOR_EDITABLE)
    vendor.name, vendor.contact_id = name, contact_id
    vendor.email, vendor.phone, vendor.services = email.strip(), phone.strip(), services.strip()
    if tax_id is not None:
        vendor.tax_id = tax_id.strip()
    return _update(vendor, before, actor=actor, action="vendor.update",
                   expected_version=expected_version, fields=VENDOR_EDITABLE)


def _overlaps(a: Engagement, b: Engagement) -> bool:
    """True when the two engagements' date ranges meet (an open end runs for ever)."""
    return (a.end_date is None or b.start_date is None or b.start_date <= a.end_date) and (
        b.end_date is None or a.start_date is None or a.start_date <= b.end_date
    )


def _check_cast_number(engagement: Engagement) -> None:
    """One cast member holds a cast number at a time (a recast takes it over after the
    previous engagement ended)."""
    number = (engagement.cast_number or "").strip()
    if engagement.kind != Engagement.Kind.CAST or not number:
        return
    others = Engagement.objects.filter(
        production_id=engagement.production_id, kind=Engagement.Kind.CAST, cast_number=number
    ).exclude(pk=engagement.pk).select_related("contact")
    for other in others:
        if _overlaps(engagement, other):
            message = f"Cast number {number} is held by {other.contact.name} ({other.character})."
            raise Invalid(message, fields={"cast_number": [message]})


@transaction.atomic
def engagement_create(
    *, actor: Any, production_id: int, contact_id: int, kind: str, position: str,
    department: str = "", unit_id: int | None = None, start_date: date | None = None,
    end_date: date | None = None, character: str = "", cast_number: str = "",
) -> Engagement:
    """Engage a contact as crew or cast. Requires EDIT_PEOPLE.

    Raises Invalid naming the bad fields: a contact or unit not of this production, dates
    out of order, a cast without a character, a cast number already held.
    """
    _editor(actor, production_id)
    if kind not in Engagement.Kind.values:
        raise Invalid(f"Unknown kind {kind!r}.", fields={"kind": ["Choose crew or cast."]})
    _check_in_production(Contact, production_id, contact_id, "contact")
    _check_in_production(Unit, production_id, unit_id, "unit")
    engagement = Engagement(
        production_id=production_id, contact_id=contact_id, kind=kind, position=position,
        department=department, unit_id=unit_id, start_date=start_date, end_date=end_date,
        character=character, cast_number=cast_number,
    )
    clean_or_invalid(engagement)
    _check_cast_number(engagement)
    return _create(engagement, actor=actor, action="engagement.create",
                   fields=("contact", "kind", *ENGAGEMENT_EDITABLE))


@transaction.atomic
def engagement_update(
    *, actor: Any, production_id: int, engagement_id: int, expected_version: int,
    position: str, department: str, unit_id: int | None, start_date: date | None,
    end_date: date | None, character: str = "", cast_number: str = "",
) -> Engagement:
    """Change an engagement's position, department, unit, dates and (cast) character and
    number, if nobody changed it since `expected_version`. The contact and kind stay.

    Requires EDIT_PEOPLE. Raises NotFound, Conflict, Invalid (as `engagement_create`).
    """
    _editor(actor, production_id)
    engagement = _row(Engagement, production_id, engagement_id, "Engagement")
    _check_in_production(Unit, production_id, unit_id, "unit")
    before = snapshot(engagement, ENGAGEMENT_EDITABLE)
    engagement.position, engagement.department, engagement.unit_id = position, department, unit_id
    engagement.start_date, engagement.end_date = start_date, end_date
    engagement.character, engagement.cast_number = character, cast_number
    clean_or_invalid(engagement)
    _check_cast_number(engagement)
    return _update(engagement, before, actor=actor, action="engagement.update",
                   expected_version=expected_version, fields=ENGAGEMENT_EDITABLE)


@transaction.atomic
def engagement_end(
    *, actor: Any, production_id: int, engagement_id: int, expected_version: int,
    end_date: date,
) -> Engagement:
    """End an engagement on `end_date` (its last day; it may lie in the future).

    Requires EDIT_PEOPLE. Raises NotFound, Conflict, Invalid (an end before the start).
    """
    _editor(actor, production_id)
    engagement = _row(Engagement, production_id, engagement_id, "Engagement")
    before = snapshot(engagement, ("end_date",))
    engagement.end_date = end_date
    return _update(engagement, before, actor=actor, action="engagement.end",
                   expected_version=expected_version, fields=("end_date",))


def _deal_currency(currency: str, agreement: str) -> str:
    """The currency given, else the agreement's (validation reports an unknown agreement)."""
    if currency.strip():
        return currency.strip().upper()
    return load_agreement(agreement).currency if agreement in agreement_ids() else ""


@transaction.atomic
def deal_memo_set(
    *, actor: Any, production_id: int, engagement_id: int, expected_version: int | None,
    rate: Decimal, basis: str, agreement: str, currency: str = "",
    guaranteed_hours: Decimal | None = None, kit_rental: Decimal | None = None,
    allowances: Mapping[str, str] | None = None, overtime_exempt: bool = False,
    performer_class: str = "", notes: str = "",
) -> DealMemo:
    """Create (`expected_version` None) or replace (the version read) an engagement's deal
    memo. An empty `currency` means the agreement's currency.

    Requires VIEW_MONEY and EDIT_PEOPLE (producer, production manager). Raises NotFound for
    an engagement not of this production, Conflict when a memo was created or changed
    meanwhile, Invalid naming the bad fields (unknown agreement, currency other than the
    agreement's, guaranteed hours that do not fit the basis, a bad allowance).
    """
    membership = _editor(actor, production_id)
    require(membership, Capability.VIEW_MONEY)
    engagement = _row(Engagement, production_id, engagement_id, "Engagement")
    memo = DealMemo.objects.filter(engagement=engagement).first()
    if (memo is None) != (expected_version is None):
        raise Conflict("The deal memo was created or removed by someone else since you "
                       "opened it; reload it, then make your changes again.")
    memo = memo or DealMemo(engagement=engagement)
    memo.engagement = engagement
    before = snapshot(memo, DEAL_EDITABLE) if memo.pk else {}
    memo.rate, memo.basis, memo.agreement = rate, basis, agreement.strip()
    memo.currency = _deal_currency(currency, memo.agreement)
    memo.guaranteed_hours, memo.kit_rental = guaranteed_hours, kit_rental
    memo.allowances = dict(allowances or {})
    memo.overtime_exempt, memo.performer_class, memo.notes = overtime_exempt, performer_class, notes
    if expected_version is None:
        return _create(memo, actor=actor, action="deal_memo.create", fields=DEAL_EDITABLE)
    return _update(memo, before, actor=actor, action="deal_memo.update",
                   expected_version=expected_version, fields=DEAL_EDITABLE)
