"""People models: one-row rules in clean() and in the database's constraints."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from hypothesis import given
from hypothesis import strategies as st

from lynchpin.people.models import DealMemo, Engagement, clean_allowances
from tests.people.conftest import People


def test_allowances_are_kept_as_exact_strings() -> None:
    assert clean_allowances({" car ": "35.00", "phone": 10}) == {"car": "35.00", "phone": "10"}


@pytest.mark.parametrize(
    "value",
    [{"car": 35.5}, {"car": "-1"}, {"car": "1.23456"}, {"car": "lots"}, {"": "1"},
     {"x" * 41: "1"}, ["car", "35"], {"car": True}, {"car": "100000000"}, {"car": "Infinity"}],
)
def test_bad_allowances_are_refused(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_allowances(value)
    assert "allowances" in caught.value.message_dict


@given(st.decimals(min_value=0, max_value=Decimal("99999999.9999"), places=4, allow_nan=False))
def test_allowance_amounts_survive_cleaning_exactly(amount: Decimal) -> None:
    cleaned = clean_allowances({"per diem": str(amount)})
    assert Decimal(cleaned["per diem"]) == amount


@pytest.mark.django_db
def test_the_database_refuses_a_negative_rate(people: People) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        DealMemo.objects.filter(pk=people.memos["isla"].pk).update(rate=Decimal("-1"))


@pytest.mark.django_db
def test_the_database_refuses_hours_on_an_hourly_deal(people: People) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        DealMemo.objects.filter(pk=people.memos["euan"].pk).update(guaranteed_hours=8)


@pytest.mark.django_db
def test_the_database_refuses_a_second_memo_for_an_engagement(people: People) -> None:
    memo = people.memos["isla"]
    with pytest.raises(IntegrityError), transaction.atomic():
        DealMemo.objects.create(engagement=memo.engagement, rate=1, currency="USD",
                                basis="flat", agreement="iatse-crew")


@pytest.mark.django_db
def test_the_database_refuses_a_character_for_crew(people: People) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Engagement.objects.filter(pk=people.engagements["euan"].pk).update(character="NELL")


@pytest.mark.django_db
def test_names_people_read(people: People) -> None:
    assert str(people.engagements["morven"]) == "Morven Blair as NELL"
    assert str(people.engagements["euan"]) == "Euan MacLeod, Gaffer"
    assert str(people.memos["euan"]) == "Deal memo of Euan MacLeod, Gaffer"
