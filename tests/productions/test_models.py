"""One-row rules of productions: currency, time zone, holiday country and region."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from lynchpin.productions.models import Episode, Production, Unit
from tests.django_support import make_production

# full_clean checks Meta.constraints with a query, so every test needs the database.
pytestmark = pytest.mark.django_db


def _errors(**fields: str) -> dict[str, list[str]]:
    production = Production(title="T", **fields)
    with pytest.raises(ValidationError) as raised:
        production.full_clean()
    return raised.value.message_dict


def test_clean_normalises_codes() -> None:
    production = Production(title="T", currency="gbp", country="gb", region="sct")
    production.full_clean()
    assert (production.currency, production.country, production.region) == ("GBP", "GB", "SCT")


def test_clean_names_each_bad_field() -> None:
    errors = _errors(currency="pounds", time_zone="Mars/Olympus", country="XX")
    assert set(errors) >= {"currency", "time_zone", "country"}


def test_region_needs_a_known_country() -> None:
    assert "region" in _errors(region="SCT")
    assert "region" in _errors(country="GB", region="ZZZ")


def test_database_refuses_a_malformed_currency() -> None:
    production = make_production()
    with pytest.raises(IntegrityError), transaction.atomic():
        Production.objects.filter(pk=production.pk).update(currency="usd")


def test_one_main_unit_and_unique_episode_numbers() -> None:
    production = make_production(kind=Production.Kind.SERIES)
    assert Unit.objects.get(production=production).is_main
    assert list(Unit.objects.in_production(production.pk)) == [Unit.objects.get()]
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(production=production, name="Second main", is_main=True)
    Episode.objects.create(production=production, number=1, title="Pilot")
    with pytest.raises(IntegrityError), transaction.atomic():
        Episode.objects.create(production=production, number=1)
