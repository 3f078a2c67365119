"""Login, logout (POST only), password change and reset by email."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.django_support import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_login_then_land_on_productions(client) -> None:
    make_user("ann")
    response = client.post(reverse("login"), {"username": "ann", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("productions:list")


def test_wrong_password_stays_on_login(client) -> None:
    make_user("ann")
    response = client.post(reverse("login"), {"username": "ann", "password": "nope"})
    assert response.status_code == 200
    assert "<title>Log in · Lynchpin</title>" in response.content.decode()


def test_logout_needs_post(client) -> None:
    client.force_login(make_user("ann"))
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("productions:list")).status_code == 302  # logged out


def test_password_reset_by_email(client) -> None:
    make_user("ann")
    client.post(reverse("password_reset"), {"email": "ann@example.com"})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Reset your Lynchpin password"
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mail.outbox[0].body)
    assert link
    form = client.get(link.group(1), follow=True)
    assert "Choose a new password" in form.content.decode()


def test_password_change_page_requires_login(client) -> None:
    assert client.get(reverse("password_change")).status_code == 302
    client.force_login(make_user("ann"))
    assert client.get(reverse("password_change")).status_code == 200
