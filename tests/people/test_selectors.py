"""People selectors: scoped to the actor, and money left out for roles without VIEW_MONEY."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lynchpin.core.errors import Forbidden, NotFound
from lynchpin.core.roles import Capability, Role
from lynchpin.people import selectors, services
from lynchpin.productions.models import Membership
from tests.django_support import roles_with, roles_without
from tests.people.conftest import TAX_ID, People

pytestmark = pytest.mark.django_db

MONEY_ROLES = roles_with(Capability.VIEW_MONEY)
PEOPLE_ROLES = roles_with(Capability.VIEW_PEOPLE)


def test_contacts_are_listed_by_name_and_searchable(people: People) -> None:
    actor = people.team.user(Role.COORDINATOR)
    rows = selectors.contact_list(actor=actor, production_id=people.pid)
    assert [row["name"] for row in rows] == [
        "Ailsa Brodie", "Euan MacLeod", "Isla Fraser", "Morven Blair", "Tomasz Nowak"]
    found = selectors.contact_list(actor=actor, production_id=people.pid, search="talent")
    assert [row["name"] for row in found] == ["Ailsa Brodie"]
    # A NUL in a URL's search term is dropped (PostgreSQL refuses it in a query).
    assert selectors.contact_list(actor=actor, production_id=people.pid, search="\x00").count() == 5


def test_lists_keep_outsiders_out_and_need_view_people(people: People) -> None:
    with pytest.raises(NotFound):
        selectors.contact_list(actor=people.team.outsider, production_id=people.pid)
    for role in roles_without(Capability.VIEW_PEOPLE):
        with pytest.raises(Forbidden):
            selectors.crew_list(actor=people.team.user(role), production_id=people.pid)


def test_another_productions_rows_are_not_found(people: People) -> None:
    outsider, other = people.team.outsider, people.team.other_production.pk
    with pytest.raises(NotFound):
        selectors.contact_get(actor=outsider, production_id=other,
                              contact_id=people.contacts["isla"].pk)
    with pytest.raises(NotFound):
        selectors.engagement_get(actor=outsider, production_id=other,
                                 engagement_id=people.engagements["isla"].pk)
    with pytest.raises(NotFound):
        selectors.deal_memo_get(actor=outsider, production_id=other,
                                engagement_id=people.engagements["isla"].pk)
    assert not selectors.contact_list(actor=outsider, production_id=other).exists()


@pytest.mark.parametrize("role", PEOPLE_ROLES)
def test_vendor_tax_id_only_for_money_roles(people: People, role: str) -> None:
    row = selectors.vendor_get(actor=people.team.user(role), production_id=people.pid,
                               vendor_id=people.vendor.pk)
    assert row["contact_name"] == "Tomasz Nowak"
    if role in MONEY_ROLES:
        assert row["tax_id"] == TAX_ID
    else:
        assert "tax_id" not in row
        assert TAX_ID not in repr(row)


def test_crew_by_department_then_position(people: People) -> None:
    actor = people.team.user(Role.DEPARTMENT_HEAD)
    rows = list(selectors.crew_list(actor=actor, production_id=people.pid))
    assert [(r["department"], r["position"]) for r in rows] == [
        ("Camera", "1st Assistant Camera"), ("Camera", "Camera Operator"), ("Electric", "Gaffer")]
    camera = selectors.crew_list(actor=actor, production_id=people.pid, department="Camera")
    assert {r["contact_name"] for r in camera} == {"Isla Fraser", "Tomasz Nowak"}
    assert selectors.department_list(actor=actor, production_id=people.pid) == [
        "Camera", "Electric"]


@pytest.mark.parametrize("role", PEOPLE_ROLES)
def test_engagement_rows_hold_no_deal_terms(people: People, role: str) -> None:
    rows = list(selectors.crew_list(actor=people.team.user(role), production_id=people.pid))
    for row in rows:
        assert not {"rate", "deal", "deal_memo", "kit_rental"} & set(row)
        assert ("has_deal" in row) == (role in MONEY_ROLES)


def test_cast_by_number_with_characters(people: People) -> None:
    producer, pid = people.team.producer, people.pid
    for name, character, number in (("Lex Dunn", "OWEN", "10"), ("Kat Bell", "EXTRA", "")):
        contact = services.contact_create(actor=producer, production_id=pid, name=name)
        services.engagement_create(actor=producer, production_id=pid, contact_id=contact.pk,
                                   kind="cast", position="Performer", character=character,
                                   cast_number=number)
    rows = selectors.cast_list(actor=people.team.user(Role.COORDINATOR), production_id=pid)
    assert [(r["cast_number"], r["character"]) for r in rows] == [
        ("1", "NELL"), ("2", "ROSIE"), ("10", "OWEN"), ("", "EXTRA")]


@pytest.mark.parametrize("role", PEOPLE_ROLES)
def test_person_card_has_deals_only_for_money_roles(people: People, role: str) -> None:
    card = selectors.person_get(actor=people.team.user(role), production_id=people.pid,
                                contact_id=people.contacts["tomasz"].pk)
    assert card.contact["name"] == "Tomasz Nowak"
    (engagement,) = card.engagements
    assert card.shows_deals == (role in MONEY_ROLES)
    if role in MONEY_ROLES:
        assert engagement["deal"]["rate"] == Decimal("613.25")
        assert engagement["deal"]["kit_rental"] == Decimal("57.75")
    else:
        assert "deal" not in engagement
        assert "613" not in repr(card)


@pytest.mark.parametrize("role", [Role.CREW, Role.CAST])
def test_crew_and_cast_read_only_their_own_card(people: People, role: Role) -> None:
    actor = people.team.user(role)
    own = "isla" if role is Role.CREW else "morven"
    card = selectors.person_get(actor=actor, production_id=people.pid,
                                contact_id=people.contacts[own].pk)
    assert not card.shows_deals and "deal" not in card.engagements[0]
    with pytest.raises(Forbidden):
        selectors.person_get(actor=actor, production_id=people.pid,
                             contact_id=people.contacts["tomasz"].pk)


@pytest.mark.parametrize("role", roles_without(Capability.VIEW_MONEY))
def test_deal_memos_are_forbidden_without_money_rights(people: People, role: str) -> None:
    with pytest.raises(Forbidden):
        selectors.deal_memo_get(actor=people.team.user(role), production_id=people.pid,
                                engagement_id=people.engagements["isla"].pk)
    with pytest.raises(Forbidden):
        selectors.deal_memo_list(actor=people.team.user(role), production_id=people.pid)


def test_money_roles_read_deal_memos(people: People) -> None:
    accountant = people.team.user(Role.ACCOUNTANT)
    memo = selectors.deal_memo_get(actor=accountant, production_id=people.pid,
                                   engagement_id=people.engagements["morven"].pk)
    assert (memo.rate, memo.basis, memo.performer_class) == (Decimal("9342.5"), "weekly",
                                                              "weekly")
    assert selectors.deal_memo_list(actor=accountant, production_id=people.pid).count() == 5
    contact = services.contact_create(actor=people.team.producer, production_id=people.pid,
                                      name="No Deal Yet")
    engagement = services.engagement_create(actor=people.team.producer, kind="crew",
                                            production_id=people.pid, contact_id=contact.pk,
                                            position="Runner")
    with pytest.raises(NotFound):
        selectors.deal_memo_get(actor=accountant, production_id=people.pid,
                                engagement_id=engagement.pk)


def _membership(people: People, role: str) -> Membership:
    return Membership.objects.select_related("production").get(
        production_id=people.pid, user=people.team.user(role))


def test_dashboard_figures_by_role(people: People) -> None:
    coordinator = people.team.user(Role.COORDINATOR)
    figures = selectors.people_figures(actor=coordinator,
                                       membership=_membership(people, Role.COORDINATOR))
    assert [(f.label, f.value) for f in figures] == [("Crew", "3"), ("Cast", "2")]
    crew = people.team.user(Role.CREW)
    own = selectors.people_figures(actor=crew, membership=_membership(people, Role.CREW))
    assert [(f.label, f.value) for f in own] == [("Your contact card", "Isla Fraser")]


def test_missing_deal_memos_need_the_attention_of_deal_setters(people: People) -> None:
    producer = people.team.producer
    contact = services.contact_create(actor=producer, production_id=people.pid, name="New Grip")
    services.engagement_create(actor=producer, production_id=people.pid, kind="crew",
                               contact_id=contact.pk, position="Grip")
    items = selectors.people_attention(actor=producer,
                                       membership=_membership(people, Role.PRODUCER))
    assert [(i.message, i.count) for i in items] == [("1 engagement has no deal memo.", 1)]
    for role in (Role.ACCOUNTANT, Role.COORDINATOR, Role.CREW):
        assert selectors.people_attention(actor=people.team.user(role),
                                          membership=_membership(people, role)) == []
