"""People fixtures: a crewed and cast production with deal memos, made through the services.

Rates are unusual numbers (5187, 613.25, 71.1234 ...) so that a crawl can look for them in
every format without tripping over ids, dates or phone numbers (which use other digits).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from lynchpin.core.roles import Role
from lynchpin.people import services
from tests.django_support import Team

#: Every deal amount of the fixture (rates, kit rentals, allowances).
AMOUNTS = (
    Decimal("5187"), Decimal("613.25"), Decimal("57.75"), Decimal("71.1234"),
    Decimal("9342.5"), Decimal("1187.6"), Decimal("43.21"),
)
#: The vendor's tax id (money roles only).
TAX_ID = "GB-TAX-ZQ-7788"


@dataclass(frozen=True)
class People:
    """The fixture's rows by short name."""

    team: Team
    contacts: dict[str, Any]
    engagements: dict[str, Any]
    memos: dict[str, Any]
    vendor: Any

    @property
    def pid(self) -> int:
        return int(self.team.production.pk)


def money_strings(amount: Decimal) -> set[str]:
    """`amount` as people or programs might write it: "5187", "5187.0", "5187.00",
    "5187.0000", "5,187.00" ... (each plain and with thousands separators)."""
    forms = {format(amount.normalize(), "f")}
    for places in (1, 2, 4):
        forms.add(format(amount.quantize(Decimal(1).scaleb(-places)), "f"))
    with_commas = {f"{Decimal(text):,}" for text in forms}
    return forms | with_commas


def all_money_strings() -> set[str]:
    """Every fixture amount in every format."""
    return set().union(*(money_strings(amount) for amount in AMOUNTS))


def _engage(producer: Any, pid: int, contact: Any, **fields: Any) -> Any:
    return services.engagement_create(actor=producer, production_id=pid, contact_id=contact.pk,
                                      **fields)


def make_people(team: Team) -> People:
    """Three crew and two cast with deal memos, a vendor, on the team's production."""
    producer, pid = team.producer, team.production.pk
    ids = {"actor": producer, "production_id": pid}
    contact = services.contact_create
    contacts = {
        "isla": contact(**ids, name="Isla Fraser", phone="0700 900 900",
                        user_id=team.user(Role.CREW).pk),
        "tomasz": contact(**ids, name="Tomasz Nowak", email="tomasz@example.com"),
        "euan": contact(**ids, name="Euan MacLeod", company="Sparks Ltd"),
        "morven": contact(**ids, name="Morven Blair", user_id=team.user(Role.CAST).pk),
        "ailsa": contact(**ids, name="Ailsa Brodie", company="Brodie Talent"),
    }
    engagements = {
        "isla": _engage(producer, pid, contacts["isla"], kind="crew", department="Camera",
                        position="Camera Operator"),
        "tomasz": _engage(producer, pid, contacts["tomasz"], kind="crew", department="Camera",
                          position="1st Assistant Camera"),
        "euan": _engage(producer, pid, contacts["euan"], kind="crew", department="Electric",
                        position="Gaffer"),
        "morven": _engage(producer, pid, contacts["morven"], kind="cast", department="Cast",
                          position="Performer", character="NELL", cast_number="1"),
        "ailsa": _engage(producer, pid, contacts["ailsa"], kind="cast", department="Cast",
                         position="Performer", character="ROSIE", cast_number="2"),
    }
    deal = services.deal_memo_set
    memos = {
        "isla": deal(**ids, engagement_id=engagements["isla"].pk, expected_version=None,
                     rate=Decimal("5187"), basis="daily", agreement="iatse-crew",
                     guaranteed_hours=Decimal(12)),
        "tomasz": deal(**ids, engagement_id=engagements["tomasz"].pk, expected_version=None,
                       rate=Decimal("613.25"), basis="daily", agreement="iatse-crew",
                       guaranteed_hours=Decimal(10), kit_rental=Decimal("57.75")),
        "euan": deal(**ids, engagement_id=engagements["euan"].pk, expected_version=None,
                     rate=Decimal("71.1234"), basis="hourly", agreement="ca-nonunion"),
        "morven": deal(**ids, engagement_id=engagements["morven"].pk, expected_version=None,
                       rate=Decimal("9342.5"), basis="weekly", agreement="sag-aftra",
                       guaranteed_hours=Decimal(44), performer_class="weekly"),
        "ailsa": deal(**ids, engagement_id=engagements["ailsa"].pk, expected_version=None,
                      rate=Decimal("1187.6"), basis="daily", agreement="sag-aftra",
                      guaranteed_hours=Decimal(8), performer_class="day",
                      allowances={"car": "43.21"}),
    }
    vendor = services.vendor_create(**ids, name="Glasgow Camera Hire", services="Camera kit",
                                    contact_id=contacts["tomasz"].pk, tax_id=TAX_ID)
    return People(team, contacts, engagements, memos, vendor)


@pytest.fixture
def people(team: Team) -> Iterator[People]:
    """The team's production with crew, cast, deal memos and a vendor."""
    yield make_people(team)
