"""People pages: login required, outsiders 404, roles without the capability 403, members
200; the forms save through the services, show errors (400) and stale edits (409)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from lynchpin.core.roles import Capability, Role, role_can
from lynchpin.people.models import Contact, DealMemo, Engagement, Vendor
from tests.people.conftest import TAX_ID, People

pytestmark = pytest.mark.django_db

Client = Any
VIEW, EDIT, MONEY = Capability.VIEW_PEOPLE, Capability.EDIT_PEOPLE, Capability.VIEW_MONEY

#: (view name, object whose id the URL takes, capabilities needed).
PAGES: list[tuple[str, str | None, tuple[Capability, ...]]] = [
    ("contacts", None, (VIEW,)),
    ("crew", None, (VIEW,)),
    ("cast", None, (VIEW,)),
    ("vendors", None, (VIEW,)),
    ("person", "contact", (VIEW,)),
    ("contact_new", None, (EDIT,)),
    ("contact_edit", "contact", (EDIT,)),
    ("vendor_new", None, (EDIT,)),
    ("vendor_edit", "vendor", (EDIT,)),
    ("engagement_new", None, (EDIT,)),
    ("engagement_edit", "engagement", (EDIT,)),
    ("deal_memo", "engagement", (EDIT, MONEY)),
]


def page_url(people: People, name: str, target: str | None) -> str:
    kwargs: dict[str, int] = {"production_id": people.pid}
    if target == "contact":
        kwargs["contact_id"] = people.contacts["tomasz"].pk
    elif target == "vendor":
        kwargs["vendor_id"] = people.vendor.pk
    elif target == "engagement":
        kwargs["engagement_id"] = people.engagements["tomasz"].pk
    return reverse(f"people:{name}", kwargs=kwargs)


@pytest.mark.parametrize(("name", "target", "needs"), PAGES)
def test_anonymous_visitors_are_sent_to_login(
    people: People, client_as: Callable[[Any], Client], name: str, target: str | None,
    needs: tuple[Capability, ...],
) -> None:
    response = client_as(None).get(page_url(people, name, target))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "target", "needs"), PAGES)
def test_outsiders_get_404(
    people: People, client_as: Callable[[Any], Client], name: str, target: str | None,
    needs: tuple[Capability, ...],
) -> None:
    response = client_as(people.team.outsider).get(page_url(people, name, target))
    assert response.status_code == 404
    assert "Tomasz" not in response.content.decode()


@pytest.mark.parametrize(("name", "target", "needs"), PAGES)
def test_each_role_gets_exactly_its_pages(
    people: People, client_as: Callable[[Any], Client], name: str, target: str | None,
    needs: tuple[Capability, ...],
) -> None:
    url = page_url(people, name, target)
    statuses = {role.value: client_as(people.team.user(role)).get(url).status_code
                for role in Role}
    assert statuses == {
        role.value: 200 if all(role_can(role, c) for c in needs) else 403 for role in Role
    }


def test_lists_show_their_people(people: People, client_as: Callable[[Any], Client]) -> None:
    client = client_as(people.team.user(Role.COORDINATOR))
    crew = client.get(page_url(people, "crew", None)).content.decode()
    assert crew.index("Camera") < crew.index("Electric") and "Isla Fraser" in crew
    camera_only = client.get(page_url(people, "crew", None), {"department": "Camera"})
    assert "Euan MacLeod" not in camera_only.content.decode()
    cast = client.get(page_url(people, "cast", None)).content.decode()
    assert cast.index("NELL") < cast.index("ROSIE") and "Morven Blair" in cast
    contacts = client.get(page_url(people, "contacts", None), {"q": "sparks"}).content.decode()
    assert "Euan MacLeod" in contacts and "Isla Fraser" not in contacts


def test_navigation_shows_people_to_view_people_roles(
    people: People, client_as: Callable[[Any], Client]
) -> None:
    dashboard = reverse("productions:dashboard", kwargs={"production_id": people.pid})
    people_link = f'href="{page_url(people, "contacts", None)}"'
    coordinator = client_as(people.team.user(Role.COORDINATOR))
    assert people_link in coordinator.get(dashboard).content.decode()
    crew_page = client_as(people.team.user(Role.CREW)).get(dashboard).content.decode()
    assert people_link not in crew_page
    own_card = reverse("people:person", kwargs={"production_id": people.pid,
                                                "contact_id": people.contacts["isla"].pk})
    assert own_card in crew_page  # "Your contact card" on the dashboard


def test_crew_open_their_own_card_only(people: People, client_as: Callable[[Any], Client]) -> None:
    client = client_as(people.team.user(Role.CREW))
    own = reverse("people:person", kwargs={"production_id": people.pid,
                                           "contact_id": people.contacts["isla"].pk})
    page = client.get(own)
    assert page.status_code == 200 and "This is you" in page.content.decode()
    assert client.get(page_url(people, "person", "contact")).status_code == 403


def test_add_a_contact_then_engage_them(people: People, client_as: Callable[[Any], Client]) -> None:
    client = client_as(people.team.user(Role.COORDINATOR))
    response = client.post(page_url(people, "contact_new", None),
                           {"name": "Nina Sound", "email": "nina@example.com", "user_id": ""})
    contact = Contact.objects.get(name="Nina Sound")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:person", kwargs={
        "production_id": people.pid, "contact_id": contact.pk})
    response = client.post(page_url(people, "engagement_new", None), {
        "contact_id": contact.pk, "kind": "crew", "department": "Sound",
        "position": "Sound Recordist", "unit_id": "", "start_date": "2027-03-01"})
    assert response.status_code == 302
    assert Engagement.objects.get(contact=contact).department == "Sound"


def test_form_errors_are_shown_on_the_form(
    people: People, client_as: Callable[[Any], Client]
) -> None:
    client = client_as(people.team.producer)
    response = client.post(page_url(people, "engagement_new", None), {
        "contact_id": people.contacts["euan"].pk, "kind": "cast", "position": "Performer"})
    assert response.status_code == 400
    assert "Name the character this cast member plays." in response.content.decode()


def test_a_stale_edit_is_409_and_keeps_the_form(
    people: People, client_as: Callable[[Any], Client]
) -> None:
    client = client_as(people.team.producer)
    url = page_url(people, "contact_edit", "contact")
    data = {"name": "Tomasz N.", "email": "", "user_id": "", "version": 1}
    assert client.post(url, data).status_code == 302
    stale = client.post(url, {**data, "name": "Tomasz Nowak-Stale"})
    assert stale.status_code == 409
    page = stale.content.decode()
    assert "changed by someone else" in page and "Tomasz Nowak-Stale" in page
    assert Contact.objects.get(pk=people.contacts["tomasz"].pk).name == "Tomasz N."


def test_set_and_edit_a_deal_memo(people: People, client_as: Callable[[Any], Client]) -> None:
    client = client_as(people.team.user(Role.PRODUCTION_MANAGER))
    url = page_url(people, "deal_memo", "engagement")
    form = client.get(url).content.decode()
    assert 'value="613.2500"' in form
    response = client.post(url, {
        "rate": "640", "basis": "daily", "guaranteed_hours": "10", "agreement": "iatse-crew",
        "currency": "", "kit_rental": "", "allowances": "car = 35\nphone = 5.50",
        "performer_class": "", "notes": "", "version": 1})
    assert response.status_code == 302
    memo = DealMemo.objects.get(engagement=people.engagements["tomasz"])
    assert (memo.rate, memo.kit_rental, memo.version) == (640, None, 2)
    assert memo.allowances == {"car": "35", "phone": "5.50"}
    person = client.get(response["Location"]).content.decode()
    assert "640.00 USD daily for 10 h" in person and "Allowance phone: 5.50 USD" in person


def test_bad_allowance_lines_are_named(people: People, client_as: Callable[[Any], Client]) -> None:
    response = client_as(people.team.producer).post(page_url(people, "deal_memo", "engagement"), {
        "rate": "640", "basis": "daily", "agreement": "iatse-crew", "allowances": "car 35",
        "version": 1})
    assert response.status_code == 400
    assert "Line 1: write name = amount" in response.content.decode()


def test_coordinator_edits_a_vendor_without_its_tax_id(
    people: People, client_as: Callable[[Any], Client]
) -> None:
    client = client_as(people.team.user(Role.COORDINATOR))
    url = page_url(people, "vendor_edit", "vendor")
    form = client.get(url).content.decode()
    assert 'name="tax_id"' not in form and TAX_ID not in form
    response = client.post(url, {"name": "GCH", "contact_id": "", "version": 1})
    assert response.status_code == 302
    vendor = Vendor.objects.get(pk=people.vendor.pk)
    assert (vendor.name, vendor.tax_id) == ("GCH", TAX_ID)
    money_view = client_as(people.team.user(Role.ACCOUNTANT)).get(page_url(people, "vendors", None))
    assert TAX_ID in money_view.content.decode()


def test_end_an_engagement(people: People, client_as: Callable[[Any], Client]) -> None:
    engagement = people.engagements["euan"]
    url = reverse("people:engagement_end", kwargs={"production_id": people.pid,
                                                   "engagement_id": engagement.pk})
    client = client_as(people.team.user(Role.COORDINATOR))
    assert client.post(url, {"end_date": "2027-04-30", "version": 1}).status_code == 302
    assert str(Engagement.objects.get(pk=engagement.pk).end_date) == "2027-04-30"
    assert client.post(url, {"end_date": "2027-05-30", "version": 1}).status_code == 409
    assert client.post(url, {"end_date": "", "version": 2}).status_code == 400
    crew = client_as(people.team.user(Role.DEPARTMENT_HEAD))
    assert crew.post(url, {"end_date": "2027-05-30", "version": 2}).status_code == 403
