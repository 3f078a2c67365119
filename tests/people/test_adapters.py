"""DealMemo rows <-> engine Deals: the payroll sample's deals survive the round trip."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lynchpin.engine.labour.model import Basis, Deal
from lynchpin.engine.labour.payroll_file import read_payroll
from lynchpin.engine.money import Money
from lynchpin.people import services
from lynchpin.people.adapters import deal_from_memo, memo_values_from_deal
from tests.conftest import REPO
from tests.django_support import Team
from tests.people.conftest import People

pytestmark = pytest.mark.django_db

PAYROLL = REPO / "lynchpin" / "samples" / "the-night-ferry.payroll.toml"


def _store(team: Team, deal: Deal) -> object:
    """A contact, engagement and memo for `deal` (cast: the person is the character cue)."""
    ids = {"actor": team.producer, "production_id": team.production.pk}
    cast = bool(deal.performer_class)
    contact = services.contact_create(**ids, name=f"Actor of {deal.person}" if cast
                                      else deal.person)
    engagement = services.engagement_create(
        **ids, contact_id=contact.pk, kind="cast" if cast else "crew", position=deal.position,
        department=deal.department, character=deal.person if cast else "",
    )
    return services.deal_memo_set(**ids, engagement_id=engagement.pk, expected_version=None,
                                  **memo_values_from_deal(deal))


def test_every_sample_deal_round_trips(team: Team) -> None:
    payroll = read_payroll(PAYROLL.read_text(encoding="utf-8"), source=PAYROLL.name)
    assert len(payroll.deals) > 10
    for deal in payroll.deals.values():
        memo = _store(team, deal)
        memo.refresh_from_db()  # amounts as the database returns them
        assert deal_from_memo(memo) == deal


def test_a_stored_memo_becomes_the_engine_deal(people: People) -> None:
    memo = people.memos["tomasz"]
    memo.refresh_from_db()
    assert deal_from_memo(memo) == Deal(
        person="Tomasz Nowak", position="1st Assistant Camera", agreement="iatse-crew",
        rate=Money(Decimal("613.25"), "USD"), basis=Basis.DAILY,
        guaranteed_hours=Decimal(10), department="Camera",
        kit_rental=Money(Decimal("57.75"), "USD"),
    )
    cast = people.memos["ailsa"]
    cast.refresh_from_db()
    deal = deal_from_memo(cast)
    assert (deal.person, deal.performer_class) == ("ROSIE", "day")
    assert deal.allowances == (("car", Money(Decimal("43.21"), "USD")),)
