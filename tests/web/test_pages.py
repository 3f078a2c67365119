"""Pages: login required, outsiders 404, roles without the capability 403, every member 200."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from lynchpin.core.roles import Capability, Role
from tests.django_support import Team, roles_with, roles_without

pytestmark = pytest.mark.django_db

Client = Any


def _url(name: str, team: Team) -> str:
    return reverse(name, kwargs={"production_id": team.production.pk})


#: Production pages and the capability each needs (None: any member).
PAGES = [
    ("productions:dashboard", None),
    ("productions:members", Capability.VIEW_PEOPLE),
    ("productions:audit", Capability.VIEW_AUDIT),
    ("productions:settings", Capability.EDIT_PRODUCTION),
]


@pytest.mark.parametrize(("name", "capability"), PAGES)
def test_anonymous_visitors_are_sent_to_login(
    team: Team, client_as: Callable[[Any], Client], name: str, capability: str | None
) -> None:
    response = client_as(None).get(_url(name, team))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "capability"), PAGES)
def test_outsiders_get_404(
    team: Team, client_as: Callable[[Any], Client], name: str, capability: str | None
) -> None:
    response = client_as(team.outsider).get(_url(name, team))
    assert response.status_code == 404
    assert "The Night Ferry" not in response.content.decode()


@pytest.mark.parametrize(
    ("name", "role", "status"),
    [
        (name, role.value, 200 if cap is None or role in roles_with(cap) else 403)
        for name, cap in PAGES
        for role in Role
    ],
)
def test_each_role_gets_exactly_its_pages(
    team: Team, client_as: Callable[[Any], Client], name: str, role: str, status: int
) -> None:
    response = client_as(team.user(role)).get(_url(name, team))
    assert response.status_code == status


def test_audit_page_lists_entries_for_producer(team: Team, client_as) -> None:
    page = client_as(team.producer).get(_url("productions:audit", team)).content.decode()
    assert "production.create" in page
    assert "<title>Audit log · The Night Ferry · Lynchpin</title>" in page


@pytest.mark.parametrize("role", roles_without(Capability.VIEW_AUDIT))
def test_nav_hides_sections_the_role_cannot_open(team: Team, client_as, role: str) -> None:
    page = client_as(team.user(role)).get(_url("productions:dashboard", team)).content.decode()
    assert _url("productions:audit", team) not in page
    assert 'aria-current="page">Dashboard' in page


def test_nav_shows_all_sections_to_the_producer(team: Team, client_as) -> None:
    page = client_as(team.producer).get(_url("productions:dashboard", team)).content.decode()
    for name in ("productions:dashboard", "productions:members", "productions:audit"):
        assert _url(name, team) in page
    assert 'href="#main"' in page  # skip link


def test_production_list_shows_only_own_productions(team: Team, client_as) -> None:
    page = client_as(team.user(Role.CREW)).get(reverse("productions:list")).content.decode()
    assert "The Night Ferry" in page
    assert "Not The Night Ferry" not in page


def test_creating_a_production_opens_its_dashboard(client_as, team: Team) -> None:
    response = client_as(team.outsider).post(
        reverse("productions:new"),
        {"title": "Harbour Lights", "kind": "series", "currency": "GBP", "country": "GB",
         "region": "", "time_zone": "Europe/London", "start_date": "2025-05-05"},
    )
    assert response.status_code == 302
    dashboard = client_as(team.outsider).get(response["Location"])
    assert "Harbour Lights" in dashboard.content.decode()


def test_creating_with_bad_fields_shows_them(client_as, team: Team) -> None:
    response = client_as(team.outsider).post(
        reverse("productions:new"),
        {"title": "X", "kind": "feature", "currency": "US", "time_zone": "Mars/Base"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "three-letter ISO 4217 code" in page
    assert "IANA time zone name" in page


def test_settings_form_refuses_a_stale_version_with_409(team: Team, client_as) -> None:
    url = _url("productions:settings", team)
    form = {"title": "Renamed", "kind": "feature", "currency": "USD", "country": "",
            "region": "", "time_zone": "UTC", "start_date": "", "version": "1"}
    first = client_as(team.producer).post(url, form)
    assert first.status_code == 302
    second = client_as(team.user(Role.PRODUCTION_MANAGER)).post(url, {**form, "title": "Other"})
    assert second.status_code == 409
    assert "changed by someone else" in second.content.decode()


def test_error_pages_render_application_errors(team: Team, client_as) -> None:
    response = client_as(team.user(Role.CREW)).get(_url("productions:members", team))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Not allowed" in page and "(Crew) may not do this" in page


def test_healthz_answers_without_login(client_as) -> None:
    response = client_as(None).get(reverse("healthz"))
    assert (response.status_code, response.content) == (200, b"ok")
