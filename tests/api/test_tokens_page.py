"""The API tokens page: create (key shown once), list by prefix, revoke."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from lynchpin.api.models import ApiToken
from tests.django_support import make_user

pytestmark = pytest.mark.django_db


def test_a_new_key_is_shown_once_and_works(client) -> None:
    client.force_login(make_user("ann"))
    response = client.post(reverse("api_tokens"), {"name": "laptop"})
    assert response.status_code == 201
    assert response["Cache-Control"] == "no-store"
    key = re.search(r'<code id="new-key">(lp_[\w-]+)</code>', response.content.decode()).group(1)
    again = client.get(reverse("api_tokens")).content.decode()
    assert key not in again and key[:10] in again
    api = client.__class__(headers={"Authorization": f"Bearer {key}"})
    assert api.get("/api/v1/productions/").status_code == 200


def test_duplicate_names_are_refused_on_the_form(client) -> None:
    client.force_login(make_user("ann"))
    client.post(reverse("api_tokens"), {"name": "laptop"})
    response = client.post(reverse("api_tokens"), {"name": "laptop"})
    assert response.status_code == 400
    assert "already have a token named" in response.content.decode()
    assert ApiToken.objects.count() == 1


def test_revoke_only_own_tokens(client) -> None:
    ann, bob = make_user("ann"), make_user("bob")
    client.force_login(ann)
    client.post(reverse("api_tokens"), {"name": "laptop"})
    token = ApiToken.objects.get()
    client.force_login(bob)
    url = reverse("api_token_revoke", kwargs={"token_id": token.pk})
    assert client.post(url).status_code == 404
    client.force_login(ann)
    assert client.post(url).status_code == 302
    assert not ApiToken.objects.exists()
