"""API authentication: session (with CSRF for writes) or a personal token; else 401."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from lynchpin.api.models import ApiToken
from lynchpin.api.services import api_token_create, api_token_revoke
from lynchpin.core.roles import Role
from tests.django_support import Team

pytestmark = pytest.mark.django_db

LIST = "/api/v1/productions/"


def _body(production_title: str, version: int = 1) -> dict[str, object]:
    return {"title": production_title, "kind": "feature", "currency": "USD", "version": version}


def test_anonymous_requests_get_401_in_the_error_shape(db) -> None:
    response = Client().get(LIST)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_session_authentication(team: Team, client_as) -> None:
    response = client_as(team.user(Role.CAST)).get(LIST)
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["The Night Ferry"]


def test_session_writes_need_the_csrf_token(team: Team) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(team.producer)
    url = f"{LIST}{team.production.pk}"
    refused = client.put(url, _body("Renamed"), content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "forbidden"
    client.get("/accounts/login/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.put(
        url, _body("Renamed"), content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert accepted.status_code == 200, accepted.content


def test_token_authentication_needs_no_csrf_and_records_use(team: Team) -> None:
    token, key = api_token_create(actor=team.producer, name="laptop")
    client = Client(enforce_csrf_checks=True, headers={"Authorization": f"Bearer {key}"})
    response = client.put(
        f"{LIST}{team.production.pk}", _body("Renamed"), content_type="application/json"
    )
    assert response.status_code == 200
    assert ApiToken.objects.get(pk=token.pk).last_used is not None
    assert token.key_digest != key and key.startswith("lp_")


@pytest.mark.parametrize("header", ["Bearer lp_wrong", "Bearer nope", "Basic abc", "Bearer "])
def test_bad_tokens_are_401(db, header: str) -> None:
    response = Client(headers={"Authorization": header}).get(LIST)
    assert response.status_code == 401


def test_revoked_tokens_and_inactive_users_are_refused(team: Team) -> None:
    token, key = api_token_create(actor=team.producer, name="laptop")
    client = Client(headers={"Authorization": f"Bearer {key}"})
    assert client.get(LIST).status_code == 200
    team.producer.is_active = False
    team.producer.save()
    assert client.get(LIST).status_code == 401
    team.producer.is_active = True
    team.producer.save()
    api_token_revoke(actor=team.producer, token_id=token.pk)
    assert client.get(LIST).status_code == 401


def test_last_used_is_written_at_most_once_a_minute(team: Team) -> None:
    token, key = api_token_create(actor=team.producer, name="laptop")
    recent = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used=recent)
    Client(headers={"Authorization": f"Bearer {key}"}).get(LIST)
    assert ApiToken.objects.get(pk=token.pk).last_used == recent


def test_a_user_cannot_revoke_someone_elses_token(team: Team) -> None:
    from lynchpin.core.errors import NotFound

    token, _ = api_token_create(actor=team.producer, name="laptop")
    with pytest.raises(NotFound):
        api_token_revoke(actor=team.outsider, token_id=token.pk)
