"""Reads of contacts, vendors, engagements and deal memos, always scoped to the actor.

Every selector checks membership (NotFound for outsiders) and a capability (Forbidden):
VIEW_PEOPLE for the lists, VIEW_MONEY for deal terms. Lists and single rows are returned as
plain values (``dict`` rows of ``QuerySet.values``), not model instances, so that nothing a
page or the API renders can reach a field the selector left out (an Engagement instance
would lead to its deal memo). Deal terms and a vendor's tax id are included ONLY for roles
with VIEW_MONEY; the exception is the actor's own contact card, which any member linked to
a contact may read (without deal terms).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Length
from django.urls import reverse
from django.utils import timezone

from lynchpin.core.access import can, membership_for, require
from lynchpin.core.dashboard import AttentionItem, KeyFigure, Level
from lynchpin.core.errors import NotFound
from lynchpin.core.roles import Capability
from lynchpin.people.models import Contact, DealMemo, Engagement, Vendor

__all__ = [
    "CONTACT_FIELDS",
    "DEAL_FIELDS",
    "ENGAGEMENT_FIELDS",
    "VENDOR_FIELDS",
    "Person",
    "cast_list",
    "contact_get",
    "contact_list",
    "crew_list",
    "deal_memo_get",
    "deal_memo_list",
    "department_list",
    "engagement_get",
    "engagement_list",
    "people_attention",
    "people_figures",
    "person_get",
    "vendor_get",
    "vendor_list",
]

#: Keys of a contact row.
CONTACT_FIELDS = ("id", "name", "email", "phone", "company", "address", "notes", "user_id",
                  "version")
#: Keys of a vendor row (plus ``tax_id`` for VIEW_MONEY roles).
VENDOR_FIELDS = ("id", "name", "contact_id", "contact_name", "email", "phone", "services",
                 "version")
#: Keys of an engagement row (no money: deal terms are never part of it).
ENGAGEMENT_FIELDS = ("id", "contact_id", "contact_name", "contact_email", "contact_phone",
                     "kind", "department", "position", "unit_id", "unit_name", "start_date",
                     "end_date", "character", "cast_number", "version")
#: Keys of a deal memo row (VIEW_MONEY only).
DEAL_FIELDS = ("id", "engagement_id", "rate", "currency", "basis", "guaranteed_hours",
               "agreement", "kit_rental", "allowances", "overtime_exempt", "performer_class",
               "notes", "version")

_ENGAGEMENT_JOINS = {
    "contact_name": F("contact__name"),
    "contact_email": F("contact__email"),
    "contact_phone": F("contact__phone"),
    "unit_name": F("unit__name"),
}


def _text(value: str) -> str:
    """A filter value from a URL, without NUL characters (PostgreSQL refuses them in a query;
    no stored text contains one)."""
    return value.replace("\x00", "").strip()


def _people_member(actor: Any, production_id: int) -> Any:
    membership = membership_for(actor=actor, production_id=production_id)
    require(membership, Capability.VIEW_PEOPLE)
    return membership


def contact_list(
    *, actor: Any, production_id: int, search: str = ""
) -> QuerySet[Any, dict[str, Any]]:
    """Contact rows (CONTACT_FIELDS) by name; `search` matches name, company or email.

    Requires VIEW_PEOPLE.
    """
    _people_member(actor, production_id)
    rows = Contact.objects.in_production(production_id)
    term = _text(search)
    if term:
        rows = rows.filter(
            Q(name__icontains=term) | Q(company__icontains=term) | Q(email__icontains=term)
        )
    return rows.order_by("name", "id").values(*CONTACT_FIELDS)


def contact_get(*, actor: Any, production_id: int, contact_id: int) -> dict[str, Any]:
    """One contact row (CONTACT_FIELDS). Requires VIEW_PEOPLE; NotFound when not here."""
    _people_member(actor, production_id)
    return _contact_row(production_id, contact_id)


def _contact_row(production_id: int, contact_id: int) -> dict[str, Any]:
    row = (
        Contact.objects.in_production(production_id)
        .filter(pk=contact_id)
        .values(*CONTACT_FIELDS)
        .first()
    )
    if row is None:
        raise NotFound("Contact not found.")
    return row


def _vendor_fields(membership: Any) -> tuple[str, ...]:
    money = can(membership, Capability.VIEW_MONEY)
    return (*VENDOR_FIELDS, "tax_id") if money else VENDOR_FIELDS


def vendor_list(*, actor: Any, production_id: int) -> QuerySet[Any, dict[str, Any]]:
    """Vendor rows by name: VENDOR_FIELDS, plus ``tax_id`` for VIEW_MONEY roles.

    Requires VIEW_PEOPLE.
    """
    membership = _people_member(actor, production_id)
    fields = [name for name in _vendor_fields(membership) if name != "contact_name"]
    return (
        Vendor.objects.in_production(production_id)
        .order_by("name", "id")
        .values(*fields, contact_name=F("contact__name"))
    )


def vendor_get(*, actor: Any, production_id: int, vendor_id: int) -> dict[str, Any]:
    """One vendor row as `vendor_list` gives it. NotFound when not of this production."""
    row = vendor_list(actor=actor, production_id=production_id).filter(pk=vendor_id).first()
    if row is None:
        raise NotFound("Vendor not found.")
    return row


def _engagement_rows(production_id: int) -> QuerySet[Any, dict[str, Any]]:
    plain = [name for name in ENGAGEMENT_FIELDS if name not in _ENGAGEMENT_JOINS]
    return Engagement.objects.in_production(production_id).values(*plain, **_ENGAGEMENT_JOINS)


def engagement_list(
    *,
    actor: Any,
    production_id: int,
    kind: str | None = None,
    department: str | None = None,
    contact_id: int | None = None,
) -> QuerySet[Any, dict[str, Any]]:
    """Engagement rows (ENGAGEMENT_FIELDS) by department, position and name, optionally of
    one kind, department or contact. Roles with VIEW_MONEY also get ``has_deal`` (whether
    a deal memo exists; never its terms). Requires VIEW_PEOPLE."""
    membership = _people_member(actor, production_id)
    rows = _engagement_rows(production_id)
    if can(membership, Capability.VIEW_MONEY):
        rows = rows.annotate(
            has_deal=Exists(DealMemo.objects.filter(engagement_id=OuterRef("pk")))
        )
    if kind:
        rows = rows.filter(kind=kind)
    if department is not None:
        rows = rows.filter(department=_text(department))
    if contact_id is not None:
        rows = rows.filter(contact__pk=contact_id)
    return rows.order_by("department", "position", "contact__name", "id")


def crew_list(
    *, actor: Any, production_id: int, department: str | None = None
) -> QuerySet[Any, dict[str, Any]]:
    """Crew engagement rows grouped by department (ordered by department, position, name),
    or of one `department`. Requires VIEW_PEOPLE."""
    return engagement_list(
        actor=actor, production_id=production_id, kind=Engagement.Kind.CREW,
        department=department,
    )


def cast_list(*, actor: Any, production_id: int) -> QuerySet[Any, dict[str, Any]]:
    """Cast engagement rows with their characters, by cast number ("2" before "10"; cast
    without a number last), then character. Requires VIEW_PEOPLE."""
    rows = engagement_list(actor=actor, production_id=production_id, kind=Engagement.Kind.CAST)
    unnumbered = Case(
        When(cast_number="", then=Value(1)), default=Value(0), output_field=IntegerField()
    )
    return rows.order_by(unnumbered, Length("cast_number"), "cast_number", "character", "id")


def department_list(*, actor: Any, production_id: int) -> list[str]:
    """The distinct departments of the production's crew, sorted. Requires VIEW_PEOPLE."""
    rows = crew_list(actor=actor, production_id=production_id)
    return sorted({row["department"] for row in rows.values("department")})


def engagement_get(*, actor: Any, production_id: int, engagement_id: int) -> dict[str, Any]:
    """One engagement row (ENGAGEMENT_FIELDS). Requires VIEW_PEOPLE; NotFound otherwise."""
    _people_member(actor, production_id)
    row = _engagement_rows(production_id).filter(pk=engagement_id).first()
    if row is None:
        raise NotFound("Engagement not found.")
    return row


@dataclass(frozen=True, slots=True)
class Person:
    """A contact card: the contact row, its engagements (each with a ``deal`` row, or None
    when it has no memo, ONLY when `shows_deals`), and whether deal terms are included."""

    contact: Mapping[str, Any]
    engagements: tuple[Mapping[str, Any], ...]
    shows_deals: bool


def person_get(*, actor: Any, production_id: int, contact_id: int) -> Person:
    """A contact with their engagements; deal memos attached for VIEW_MONEY roles only.

    Requires VIEW_PEOPLE, except for the member linked to this contact (their own card,
    never with deal terms). Raises NotFound for a contact of another production, Forbidden
    for another person's card without VIEW_PEOPLE.
    """
    membership = membership_for(actor=actor, production_id=production_id)
    contact = _contact_row(production_id, contact_id)
    if not can(membership, Capability.VIEW_PEOPLE) and contact["user_id"] != actor.pk:
        require(membership, Capability.VIEW_PEOPLE)
    rows = list(
        _engagement_rows(production_id)
        .filter(contact_id=contact_id)
        .order_by(F("start_date").desc(nulls_first=True), "id")
    )
    shows_deals = can(membership, Capability.VIEW_MONEY)
    if shows_deals:
        deals = {
            deal["engagement_id"]: deal
            for deal in DealMemo.objects.filter(engagement__in=[r["id"] for r in rows]).values(
                *DEAL_FIELDS
            )
        }
        for row in rows:
            row["deal"] = deals.get(row["id"])
    return Person(contact, tuple(rows), shows_deals)


def deal_memo_get(*, actor: Any, production_id: int, engagement_id: int) -> DealMemo:
    """The deal memo of an engagement. Requires VIEW_MONEY; NotFound when the engagement is
    not of this production or has no memo yet."""
    require(membership_for(actor=actor, production_id=production_id), Capability.VIEW_MONEY)
    memo = (
        DealMemo.objects.select_related("engagement__contact")
        # engagement__pk, not engagement_id: Django answers "no rows" for an id beyond the
        # 64-bit range only on the primary key's own lookup (a bare foreign key overflows).
        .filter(engagement__pk=engagement_id, engagement__production_id=production_id)
        .first()
    )
    if memo is None:
        raise NotFound("No deal memo for this engagement.")
    return memo


def deal_memo_list(*, actor: Any, production_id: int) -> QuerySet[DealMemo]:
    """Every deal memo of the production, by engagement. Requires VIEW_MONEY."""
    require(membership_for(actor=actor, production_id=production_id), Capability.VIEW_MONEY)
    return (
        DealMemo.objects.filter(engagement__production_id=production_id)
        .select_related("engagement__contact")
        .order_by("engagement_id")
    )


def _current(production_id: int, today: date) -> QuerySet[Engagement]:
    return Engagement.objects.in_production(production_id).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )


def people_figures(*, actor: Any, membership: Any) -> list[KeyFigure]:
    """Dashboard figures: crew and cast engaged now (VIEW_PEOPLE), and a link to the
    member's own contact card when they have one."""
    pid = membership.production_id
    figures = []
    if can(membership, Capability.VIEW_PEOPLE):
        current = _current(pid, timezone.localdate())
        for kind, label, view in (("crew", "Crew", "people:crew"), ("cast", "Cast", "people:cast")):
            url = reverse(view, kwargs={"production_id": pid})
            figures.append(KeyFigure(label, str(current.filter(kind=kind).count()), url=url))
    own = Contact.objects.in_production(pid).filter(user_id=actor.pk).first()
    if own is not None:
        url = reverse("people:person", kwargs={"production_id": pid, "contact_id": own.pk})
        figures.append(KeyFigure("Your contact card", own.name, url=url))
    return figures


def people_attention(*, actor: Any, membership: Any) -> list[AttentionItem]:
    """Dashboard item for roles that set deals (VIEW_MONEY and EDIT_PEOPLE): current
    engagements without a deal memo."""
    if not (can(membership, Capability.VIEW_MONEY) and can(membership, Capability.EDIT_PEOPLE)):
        return []
    pid = membership.production_id
    missing = _current(pid, timezone.localdate()).filter(deal_memo__isnull=True).count()
    if not missing:
        return []
    noun = "engagement has" if missing == 1 else "engagements have"
    url = reverse("people:crew", kwargs={"production_id": pid})
    return [AttentionItem(f"{missing} {noun} no deal memo.", Level.WARNING, url, missing)]
