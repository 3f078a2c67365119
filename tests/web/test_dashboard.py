"""The dashboard collects figures and attention items from the registered sources."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lynchpin.core.dashboard import AttentionItem, Level
from lynchpin.web import dashboard
from tests.django_support import Team

pytestmark = pytest.mark.django_db


def urgent_source(*, actor, membership) -> list[AttentionItem]:
    """A test source: one error-level item."""
    return [AttentionItem("Permit expires tomorrow.", Level.ERROR)]


def test_sources_are_collected_most_urgent_first(team: Team, monkeypatch) -> None:
    monkeypatch.setattr(
        dashboard, "ATTENTION_SOURCES",
        (*dashboard.ATTENTION_SOURCES, "tests.web.test_dashboard.urgent_source"),
    )
    membership = team.production.memberships.get(user=team.producer)
    board = dashboard.dashboard_for(actor=team.producer, membership=membership)
    assert [item.level for item in board.attention] == [Level.ERROR, Level.INFO]
    assert [figure.label for figure in board.figures][:2] == ["Start of photography", "Members"]


def test_dashboard_page_shows_the_items(team: Team, client_as) -> None:
    url = reverse("productions:dashboard", kwargs={"production_id": team.production.pk})
    page = client_as(team.producer).get(url).content.decode()
    assert "Set the first day of photography." in page
    assert "Start of photography" in page
