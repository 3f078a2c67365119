"""API of people: contacts, vendors, crew and cast engagements, deal memos.

Mounted at /api/v1/productions/ (lynchpin.api.routers); every path starts with
``{production_id}/people/``. Each operation parses its input, calls the people selectors or
one service, and returns a schema; errors are raised, never returned (one JSON shape). Deal
memos need VIEW_MONEY (403 otherwise); setting one also EDIT_PEOPLE. Amounts are JSON
strings ("500.0000"), never floats. Vendor and engagement writes answer with the row re-read
through the selector, so the reply holds exactly what the caller may read.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from lynchpin.api.pagination import LimitOffset
from lynchpin.api.schemas import ERRORS
from lynchpin.people import selectors, services

router = Router(tags=["people"])

_P = "{production_id}/people"


class ContactIn(Schema):
    """A contact's details; `user_id` links a member's account (their own card)."""

    name: str
    email: str = ""
    phone: str = ""
    company: str = ""
    address: str = ""
    notes: str = ""
    user_id: int | None = None


class ContactEdit(ContactIn):
    """A contact's details and the `version` they were read at."""

    version: int


class ContactOut(Schema):
    """A contact; send `version` back when updating."""

    id: int
    name: str
    email: str
    phone: str
    company: str
    address: str
    notes: str
    user_id: int | None
    version: int


class EngagementOut(Schema):
    """A crew or cast engagement (no deal terms). `has_deal` only for money roles."""

    id: int
    contact_id: int
    contact_name: str
    kind: str
    department: str
    position: str
    unit_id: int | None
    unit_name: str | None
    start_date: date | None
    end_date: date | None
    character: str
    cast_number: str
    version: int
    has_deal: bool | None = None


class PersonOut(ContactOut):
    """A contact card: the contact and their engagements (deal memos have their own path)."""

    engagements: list[EngagementOut]


class VendorIn(Schema):
    """A vendor's details; `tax_id` only from roles with VIEW_MONEY (else 403)."""

    name: str
    contact_id: int | None = None
    email: str = ""
    phone: str = ""
    services: str = ""
    tax_id: str | None = None


class VendorEdit(VendorIn):
    """A vendor's details and the `version` they were read at (no `tax_id`: keep it)."""

    version: int


class VendorOut(Schema):
    """A vendor; `tax_id` is null for roles without VIEW_MONEY."""

    id: int
    name: str
    contact_id: int | None
    contact_name: str | None
    email: str
    phone: str
    services: str
    tax_id: str | None = None
    version: int


class EngagementIn(Schema):
    """Engage a contact as crew or cast; cast name their character and cast number."""

    contact_id: int
    kind: str = Field(..., pattern="^(crew|cast)$")
    position: str
    department: str = ""
    unit_id: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    character: str = ""
    cast_number: str = ""


class EngagementEdit(Schema):
    """An engagement's changeable fields and the `version` they were read at."""

    position: str
    department: str = ""
    unit_id: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    character: str = ""
    cast_number: str = ""
    version: int


class EngagementEndIn(Schema):
    """The engagement's last day and the `version` it was read at."""

    end_date: date
    version: int


class DealMemoIn(Schema):
    """Deal terms (amounts as strings, up to 4 decimals); `version` null creates the memo."""

    rate: Decimal = Field(..., ge=0, max_digits=12, decimal_places=4)
    basis: str
    agreement: str
    currency: str = ""
    guaranteed_hours: Decimal | None = Field(None, gt=0, max_digits=6, decimal_places=2)
    kit_rental: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=4)
    allowances: dict[str, str] = Field(default_factory=dict)
    overtime_exempt: bool = False
    performer_class: str = ""
    notes: str = ""
    version: int | None = None


class DealMemoOut(Schema):
    """An engagement's deal memo (money roles only)."""

    id: int
    engagement_id: int
    rate: Decimal
    currency: str
    basis: str
    guaranteed_hours: Decimal | None
    agreement: str
    kit_rental: Decimal | None
    allowances: dict[str, str]
    overtime_exempt: bool
    performer_class: str
    notes: str
    version: int


# Contacts ---------------------------------------------------------------------------------


@router.get(f"{_P}/contacts", response={200: list[ContactOut], **ERRORS}, summary="Contacts")
@paginate(LimitOffset)
def list_contacts(request: HttpRequest, production_id: int, q: str = "") -> Any:
    return selectors.contact_list(actor=request.auth, production_id=production_id, search=q)


@router.post(f"{_P}/contacts", response={201: ContactOut, **ERRORS}, summary="Add a contact")
def create_contact(request: HttpRequest, production_id: int, payload: ContactIn) -> Any:
    contact = services.contact_create(
        actor=request.auth, production_id=production_id, **payload.dict()
    )
    return Status(201, contact)


@router.get(f"{_P}/contacts/{{contact_id}}", response={200: PersonOut, **ERRORS},
            summary="A contact card with engagements")
def get_contact(request: HttpRequest, production_id: int, contact_id: int) -> Any:
    card = selectors.person_get(
        actor=request.auth, production_id=production_id, contact_id=contact_id
    )
    return {**card.contact, "engagements": list(card.engagements)}


@router.put(f"{_P}/contacts/{{contact_id}}", response={200: ContactOut, **ERRORS},
            summary="Update a contact")
def update_contact(
    request: HttpRequest, production_id: int, contact_id: int, payload: ContactEdit
) -> Any:
    data = payload.dict()
    return services.contact_update(
        actor=request.auth, production_id=production_id, contact_id=contact_id,
        expected_version=data.pop("version"), **data,
    )


# Vendors ----------------------------------------------------------------------------------


@router.get(f"{_P}/vendors", response={200: list[VendorOut], **ERRORS}, summary="Vendors")
@paginate(LimitOffset)
def list_vendors(request: HttpRequest, production_id: int) -> Any:
    return selectors.vendor_list(actor=request.auth, production_id=production_id)


@router.post(f"{_P}/vendors", response={201: VendorOut, **ERRORS}, summary="Add a vendor")
def create_vendor(request: HttpRequest, production_id: int, payload: VendorIn) -> Any:
    vendor = services.vendor_create(
        actor=request.auth, production_id=production_id, **payload.dict()
    )
    return Status(201, selectors.vendor_get(
        actor=request.auth, production_id=production_id, vendor_id=vendor.pk
    ))


@router.get(f"{_P}/vendors/{{vendor_id}}", response={200: VendorOut, **ERRORS},
            summary="A vendor")
def get_vendor(request: HttpRequest, production_id: int, vendor_id: int) -> Any:
    return selectors.vendor_get(actor=request.auth, production_id=production_id,
                                vendor_id=vendor_id)


@router.put(f"{_P}/vendors/{{vendor_id}}", response={200: VendorOut, **ERRORS},
            summary="Update a vendor")
def update_vendor(
    request: HttpRequest, production_id: int, vendor_id: int, payload: VendorEdit
) -> Any:
    data = payload.dict()
    services.vendor_update(
        actor=request.auth, production_id=production_id, vendor_id=vendor_id,
        expected_version=data.pop("version"), **data,
    )
    return selectors.vendor_get(actor=request.auth, production_id=production_id,
                                vendor_id=vendor_id)


# Engagements ------------------------------------------------------------------------------


@router.get(f"{_P}/crew", response={200: list[EngagementOut], **ERRORS},
            summary="Crew by department")
@paginate(LimitOffset)
def list_crew(request: HttpRequest, production_id: int, department: str | None = None) -> Any:
    return selectors.crew_list(
        actor=request.auth, production_id=production_id, department=department
    )


@router.get(f"{_P}/cast", response={200: list[EngagementOut], **ERRORS},
            summary="Cast with their characters")
@paginate(LimitOffset)
def list_cast(request: HttpRequest, production_id: int) -> Any:
    return selectors.cast_list(actor=request.auth, production_id=production_id)


@router.post(f"{_P}/engagements", response={201: EngagementOut, **ERRORS},
             summary="Engage a contact as crew or cast")
def create_engagement(request: HttpRequest, production_id: int, payload: EngagementIn) -> Any:
    engagement = services.engagement_create(
        actor=request.auth, production_id=production_id, **payload.dict()
    )
    return Status(201, selectors.engagement_get(
        actor=request.auth, production_id=production_id, engagement_id=engagement.pk
    ))


@router.get(f"{_P}/engagements/{{engagement_id}}", response={200: EngagementOut, **ERRORS},
            summary="An engagement")
def get_engagement(request: HttpRequest, production_id: int, engagement_id: int) -> Any:
    return selectors.engagement_get(
        actor=request.auth, production_id=production_id, engagement_id=engagement_id
    )


@router.put(f"{_P}/engagements/{{engagement_id}}", response={200: EngagementOut, **ERRORS},
            summary="Update an engagement")
def update_engagement(
    request: HttpRequest, production_id: int, engagement_id: int, payload: EngagementEdit
) -> Any:
    data = payload.dict()
    services.engagement_update(
        actor=request.auth, production_id=production_id, engagement_id=engagement_id,
        expected_version=data.pop("version"), **data,
    )
    return selectors.engagement_get(
        actor=request.auth, production_id=production_id, engagement_id=engagement_id
    )


@router.post(f"{_P}/engagements/{{engagement_id}}/end",
             response={200: EngagementOut, **ERRORS}, summary="End an engagement")
def end_engagement(
    request: HttpRequest, production_id: int, engagement_id: int, payload: EngagementEndIn
) -> Any:
    services.engagement_end(
        actor=request.auth, production_id=production_id, engagement_id=engagement_id,
        expected_version=payload.version, end_date=payload.end_date,
    )
    return selectors.engagement_get(
        actor=request.auth, production_id=production_id, engagement_id=engagement_id
    )


# Deal memos (VIEW_MONEY) ------------------------------------------------------------------


@router.get(f"{_P}/deal-memos", response={200: list[DealMemoOut], **ERRORS},
            summary="Deal memos (money roles)")
@paginate(LimitOffset)
def list_deal_memos(request: HttpRequest, production_id: int) -> Any:
    return selectors.deal_memo_list(actor=request.auth, production_id=production_id)


@router.get(f"{_P}/engagements/{{engagement_id}}/deal-memo",
            response={200: DealMemoOut, **ERRORS}, summary="An engagement's deal memo")
def get_deal_memo(request: HttpRequest, production_id: int, engagement_id: int) -> Any:
    return selectors.deal_memo_get(
        actor=request.auth, production_id=production_id, engagement_id=engagement_id
    )


@router.put(f"{_P}/engagements/{{engagement_id}}/deal-memo",
            response={200: DealMemoOut, **ERRORS}, summary="Set an engagement's deal memo")
def set_deal_memo(
    request: HttpRequest, production_id: int, engagement_id: int, payload: DealMemoIn
) -> Any:
    data = payload.dict()
    return services.deal_memo_set(
        actor=request.auth, production_id=production_id, engagement_id=engagement_id,
        expected_version=data.pop("version"), **data,
    )
