"""Pages of people: contacts, crew by department, cast with characters, vendors, a person's
card, the forms to add and edit them, and the deal memo form (money roles).

Each view parses the request, calls selectors or one service, and renders; errors propagate
to lynchpin.web.middleware, except form errors, which are shown on the form (400, or 409 for
a stale edit). Deal terms reach a template only inside rows a VIEW_MONEY selector returned.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from lynchpin.core.access import can, require
from lynchpin.core.errors import Conflict, Invalid, NotFound
from lynchpin.core.roles import Capability
from lynchpin.people import selectors, services
from lynchpin.people.forms import (
    ContactEditForm,
    ContactForm,
    DealMemoForm,
    EndForm,
    EngagementEditForm,
    EngagementForm,
    VendorEditForm,
    VendorForm,
    allowances_text,
)
from lynchpin.productions.models import Membership
from lynchpin.web.decorators import production_page
from lynchpin.web.forms import add_error

#: Rows per page of the lists.
PAGE_SIZE = 100


def _ctx(membership: Membership, **extra: Any) -> dict[str, Any]:
    return {
        "membership": membership,
        "production": membership.production,
        "can_edit": can(membership, Capability.EDIT_PEOPLE),
        "sees_money": can(membership, Capability.VIEW_MONEY),
        **extra,
    }


def _page(request: HttpRequest, rows: Any) -> Page:  # type: ignore[type-arg]
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


def _query(**params: str | None) -> str:
    """Filter parameters for page links: ``"q=ferry&"`` (empty when none is set)."""
    given = {name: value for name, value in params.items() if value}
    return f"{urlencode(given)}&" if given else ""


@production_page
def contacts(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Every contact of the production, searchable by name, company or email."""
    search = request.GET.get("q", "")
    rows = selectors.contact_list(
        actor=request.user, production_id=membership.production_id, search=search
    )
    context = _ctx(membership, page=_page(request, rows), q=search, query=_query(q=search))
    return render(request, "people/contacts.html", context)


@production_page
def crew(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Crew grouped by department; ``?department=`` shows one."""
    pid = membership.production_id
    department = request.GET.get("department") or None
    rows = selectors.crew_list(actor=request.user, production_id=pid, department=department)
    departments = selectors.department_list(actor=request.user, production_id=pid)
    context = _ctx(membership, page=_page(request, rows), department=department,
                   departments=departments, query=_query(department=department))
    return render(request, "people/crew.html", context)


@production_page
def cast(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Cast by cast number with the characters they play."""
    rows = selectors.cast_list(actor=request.user, production_id=membership.production_id)
    return render(request, "people/cast.html", _ctx(membership, page=_page(request, rows)))


@production_page
def vendors(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The production's vendors (tax ids for money roles only: the selector decides)."""
    rows = selectors.vendor_list(actor=request.user, production_id=membership.production_id)
    return render(request, "people/vendors.html", _ctx(membership, page=_page(request, rows)))


@production_page
def person(request: HttpRequest, membership: Membership, contact_id: int) -> HttpResponse:
    """A contact card with engagements; deal memos for money roles."""
    card = selectors.person_get(
        actor=request.user, production_id=membership.production_id, contact_id=contact_id
    )
    context = _ctx(
        membership, person=card, today=timezone.localdate(),
        sets_deals=can(membership, Capability.VIEW_MONEY)
        and can(membership, Capability.EDIT_PEOPLE),
    )
    return render(request, "people/person.html", context)


def _form_page(
    request: HttpRequest,
    membership: Membership,
    form: BaseForm,
    save: Callable[[dict[str, Any]], str],
    **context: Any,
) -> HttpResponse:
    """Render `form`; on a valid POST call `save(cleaned_data)` -> URL to go to next.

    Invalid input is shown on the form (400); a stale version too (409).
    """
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                url = save(form.cleaned_data)
            except (Invalid, Conflict) as exc:
                add_error(form, exc)
                status = exc.status
            else:
                messages.success(request, "Saved.")
                return redirect(url)
    context = _ctx(membership, form=form, **context)
    return render(request, "people/form.html", context, status=status)


def _person_url(production_id: int, contact_id: int) -> str:
    return reverse("people:person", kwargs={"production_id": production_id,
                                            "contact_id": contact_id})


def _data(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


@production_page
@require_http_methods(["GET", "POST"])
def contact_new(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Add a contact (EDIT_PEOPLE)."""
    require(membership, Capability.EDIT_PEOPLE)
    pid = membership.production_id
    form = ContactForm(_data(request), production_id=pid)

    def save(data: dict[str, Any]) -> str:
        contact = services.contact_create(actor=request.user, production_id=pid, **data)
        return _person_url(pid, contact.pk)

    return _form_page(request, membership, form, save, title="New contact")


@production_page
@require_http_methods(["GET", "POST"])
def contact_edit(request: HttpRequest, membership: Membership, contact_id: int) -> HttpResponse:
    """Edit a contact (EDIT_PEOPLE); a stale form is refused with 409 and kept."""
    require(membership, Capability.EDIT_PEOPLE)
    pid = membership.production_id
    row = selectors.contact_get(actor=request.user, production_id=pid, contact_id=contact_id)
    form = ContactEditForm(_data(request), initial=row, production_id=pid)

    def save(data: dict[str, Any]) -> str:
        services.contact_update(
            actor=request.user, production_id=pid, contact_id=contact_id,
            expected_version=data.pop("version"), **data,
        )
        return _person_url(pid, contact_id)

    return _form_page(request, membership, form, save, title=f"Edit {row['name']}",
                      back=_person_url(pid, contact_id))


@production_page
@require_http_methods(["GET", "POST"])
def vendor_new(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Add a vendor (EDIT_PEOPLE; the tax id field for money roles)."""
    require(membership, Capability.EDIT_PEOPLE)
    pid = membership.production_id
    form = VendorForm(_data(request), production_id=pid,
                      show_tax_id=can(membership, Capability.VIEW_MONEY))

    def save(data: dict[str, Any]) -> str:
        services.vendor_create(actor=request.user, production_id=pid, **data)
        return reverse("people:vendors", kwargs={"production_id": pid})

    return _form_page(request, membership, form, save, title="New vendor")


@production_page
@require_http_methods(["GET", "POST"])
def vendor_edit(request: HttpRequest, membership: Membership, vendor_id: int) -> HttpResponse:
    """Edit a vendor (EDIT_PEOPLE); roles without VIEW_MONEY never see the tax id."""
    require(membership, Capability.EDIT_PEOPLE)
    pid = membership.production_id
    row = selectors.vendor_get(actor=request.user, production_id=pid, vendor_id=vendor_id)
    form = VendorEditForm(_data(request), initial=row, production_id=pid,
                          show_tax_id="tax_id" in row)

    def save(data: dict[str, Any]) -> str:
        services.vendor_update(
            actor=request.user, production_id=pid, vendor_id=vendor_id,
            expected_version=data.pop("version"), **data,
        )
        return reverse("people:vendors", kwargs={"production_id": pid})

    back = reverse("people:vendors", kwargs={"production_id": pid})
    return _form_page(request, membership, form, save, title=f"Edit {row['name']}", back=back)


@production_page
@require_http_methods(["GET", "POST"])
def engagement_new(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Engage a contact as crew or cast; ``?contact=<id>&kind=cast`` preselect (EDIT_PEOPLE)."""
    require(membership, Capability.EDIT_PEOPLE)
    pid = membership.production_id
    initial = {"contact_id": request.GET.get("contact"), "kind": request.GET.get("kind", "crew")}
    form = EngagementForm(_data(request), initial=initial, production_id=pid)

    def save(data: dict[str, Any]) -> str:
        engagement = services.engagement_create(actor=request.user, production_id=pid, **data)
        return _person_url(pid, engagement.contact_id)

    return _form_page(request, membership, form, save, title="New engagement")


@production_page
@require_http_methods(["GET", "POST"])
def engagement_edit(
    request: HttpRequest, membership: Membership, engagement_id: int
) -> HttpResponse:
    """Edit an engagement's position, department, unit, dates, character (EDIT_PEOPLE)."""
    require(membership, Capability.EDIT_PEOPLE)
    pid = membership.production_id
    row = selectors.engagement_get(
        actor=request.user, production_id=pid, engagement_id=engagement_id
    )
    form = EngagementEditForm(_data(request), initial=row, production_id=pid)

    def save(data: dict[str, Any]) -> str:
        services.engagement_update(
            actor=request.user, production_id=pid, engagement_id=engagement_id,
            expected_version=data.pop("version"), **data,
        )
        return _person_url(pid, row["contact_id"])

    title = f"{row['contact_name']}: {row['position']}"
    return _form_page(request, membership, form, save, title=title,
                      back=_person_url(pid, row["contact_id"]))


@production_page
@require_POST
def engagement_end(
    request: HttpRequest, membership: Membership, engagement_id: int
) -> HttpResponse:
    """End an engagement on the date given (EDIT_PEOPLE); errors become an error page."""
    pid = membership.production_id
    form = EndForm(request.POST)
    if not form.is_valid():
        raise Invalid("Give the last day of the engagement.", fields=form.errors)
    engagement = services.engagement_end(
        actor=request.user, production_id=pid, engagement_id=engagement_id,
        expected_version=form.cleaned_data["version"], end_date=form.cleaned_data["end_date"],
    )
    messages.success(request, f"Engagement ends on {engagement.end_date:%d %b %Y}.")
    return redirect(_person_url(pid, engagement.contact_id))


def _deal_initial(request: HttpRequest, pid: int, engagement_id: int) -> dict[str, Any]:
    """The stored memo's values for the form, or an empty form's defaults."""
    try:
        memo = selectors.deal_memo_get(actor=request.user, production_id=pid,
                                       engagement_id=engagement_id)
    except NotFound:
        return {"basis": "daily"}
    initial = {name: getattr(memo, name) for name in services.DEAL_EDITABLE}
    initial["allowances"] = allowances_text(memo.allowances)
    initial["version"] = memo.version
    return initial


@production_page
@require_http_methods(["GET", "POST"])
def deal_memo(request: HttpRequest, membership: Membership, engagement_id: int) -> HttpResponse:
    """Set an engagement's deal memo (VIEW_MONEY and EDIT_PEOPLE: producer, PM)."""
    require(membership, Capability.EDIT_PEOPLE)
    require(membership, Capability.VIEW_MONEY)
    pid = membership.production_id
    row = selectors.engagement_get(
        actor=request.user, production_id=pid, engagement_id=engagement_id
    )
    form = DealMemoForm(_data(request), initial=_deal_initial(request, pid, engagement_id))

    def save(data: dict[str, Any]) -> str:
        services.deal_memo_set(
            actor=request.user, production_id=pid, engagement_id=engagement_id,
            expected_version=data.pop("version"), **data,
        )
        return _person_url(pid, row["contact_id"])

    title = f"Deal memo: {row['contact_name']}, {row['position']}"
    return _form_page(request, membership, form, save, title=title,
                      back=_person_url(pid, row["contact_id"]))
