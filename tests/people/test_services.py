"""People services: capability checks, validation, versions (409), audit entries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from lynchpin.core.errors import Conflict, Forbidden, Invalid, NotFound
from lynchpin.core.models import AuditEntry
from lynchpin.core.roles import Capability, Role
from lynchpin.people import services
from lynchpin.people.models import Contact, DealMemo, Engagement, Vendor
from lynchpin.productions.models import Unit
from tests.django_support import Team, make_user, roles_with, roles_without
from tests.people.conftest import TAX_ID, People

pytestmark = pytest.mark.django_db


def _contact_fields(**changes: object) -> dict[str, object]:
    fields: dict[str, object] = {"name": "Nina Sound", "email": "", "phone": "", "company": "",
                                 "address": "", "notes": "", "user_id": None}
    return {**fields, **changes}


@pytest.mark.parametrize("role", roles_with(Capability.EDIT_PEOPLE))
def test_editors_add_a_contact_with_an_audit_entry(team: Team, role: str) -> None:
    contact = services.contact_create(actor=team.user(role), production_id=team.production.pk,
                                      name="  Nina Sound ", email=" nina@example.com ")
    assert (contact.name, contact.email, contact.version) == ("Nina Sound", "nina@example.com", 1)
    entry = AuditEntry.objects.get(action="contact.create")
    assert entry.actor_label == team.user(role).username
    assert entry.changes["name"] == [None, "Nina Sound"]


@pytest.mark.parametrize("role", roles_without(Capability.EDIT_PEOPLE))
def test_other_roles_may_not_add_contacts(team: Team, role: str) -> None:
    with pytest.raises(Forbidden):
        services.contact_create(actor=team.user(role), production_id=team.production.pk,
                                name="Nina")
    assert not Contact.objects.exists()


def test_outsiders_get_not_found(team: Team) -> None:
    with pytest.raises(NotFound):
        services.contact_create(actor=team.outsider, production_id=team.production.pk,
                                name="Nina")


def test_contact_name_is_required(team: Team) -> None:
    with pytest.raises(Invalid) as caught:
        services.contact_create(actor=team.producer, production_id=team.production.pk,
                                name="   ")
    assert "name" in caught.value.fields


def test_update_checks_the_version_and_audits_the_change(people: People) -> None:
    producer, contact = people.team.producer, people.contacts["tomasz"]
    updated = services.contact_update(
        actor=producer, production_id=people.pid, contact_id=contact.pk, expected_version=1,
        **_contact_fields(name="Tomasz Nowak", phone="0788 111"),
    )
    assert updated.version == 2
    entry = AuditEntry.objects.filter(action="contact.update").get()
    assert entry.changes == {"phone": ["", "0788 111"], "email": ["tomasz@example.com", ""]}
    with pytest.raises(Conflict):
        services.contact_update(
            actor=producer, production_id=people.pid, contact_id=contact.pk,
            expected_version=1, **_contact_fields(name="Stale"),
        )
    assert Contact.objects.get(pk=contact.pk).name == "Tomasz Nowak"


def test_a_contact_of_another_production_is_not_found(people: People) -> None:
    with pytest.raises(NotFound):
        services.contact_update(
            actor=people.team.outsider, production_id=people.team.other_production.pk,
            contact_id=people.contacts["isla"].pk, expected_version=1, **_contact_fields(),
        )


def test_a_contact_links_only_a_member_once(people: People) -> None:
    producer, pid = people.team.producer, people.pid
    stranger = make_user("stranger")
    with pytest.raises(Invalid) as caught:
        services.contact_create(actor=producer, production_id=pid, name="X", user_id=stranger.pk)
    assert "user" in caught.value.fields
    crew_user = people.team.user(Role.CREW)  # already linked to Isla Fraser
    with pytest.raises(Invalid) as caught:
        services.contact_create(actor=producer, production_id=pid, name="Y", user_id=crew_user.pk)
    assert "This member already has a contact card." in caught.value.message


def test_vendor_tax_id_is_for_money_roles(people: People) -> None:
    coordinator, pid = people.team.user(Role.COORDINATOR), people.pid
    with pytest.raises(Forbidden):
        services.vendor_create(actor=coordinator, production_id=pid, name="Catering Co",
                               tax_id="123")
    vendor = people.vendor
    services.vendor_update(actor=coordinator, production_id=pid, vendor_id=vendor.pk,
                           expected_version=1, name="Glasgow Camera Hire Ltd", contact_id=None,
                           email="", phone="", services="Cameras")
    stored = Vendor.objects.get(pk=vendor.pk)
    assert (stored.name, stored.tax_id, stored.version) == ("Glasgow Camera Hire Ltd", TAX_ID, 2)


def test_vendor_names_are_unique_and_contacts_local(people: People) -> None:
    producer, pid = people.team.producer, people.pid
    with pytest.raises(Invalid, match="already exists"):
        services.vendor_create(actor=producer, production_id=pid, name="Glasgow Camera Hire")
    other = services.contact_create(actor=people.team.outsider,
                                    production_id=people.team.other_production.pk, name="Z")
    with pytest.raises(Invalid) as caught:
        services.vendor_create(actor=producer, production_id=pid, name="New", contact_id=other.pk)
    assert "contact" in caught.value.fields


def test_cast_need_a_character_and_crew_have_none(people: People) -> None:
    producer, pid, contact = people.team.producer, people.pid, people.contacts["tomasz"]
    with pytest.raises(Invalid) as caught:
        services.engagement_create(actor=producer, production_id=pid, contact_id=contact.pk,
                                   kind="cast", position="Performer")
    assert "character" in caught.value.fields
    with pytest.raises(Invalid) as caught:
        services.engagement_create(actor=producer, production_id=pid, contact_id=contact.pk,
                                   kind="crew", position="Grip", character="NELL",
                                   cast_number="9")
    assert {"character", "cast_number"} <= set(caught.value.fields)


def test_a_cast_number_is_held_by_one_cast_member_at_a_time(people: People) -> None:
    producer, pid = people.team.producer, people.pid
    recast = services.contact_create(actor=producer, production_id=pid, name="Kirsty Lang")
    fields = {"actor": producer, "production_id": pid, "contact_id": recast.pk, "kind": "cast",
              "position": "Performer", "character": "NELL", "cast_number": "1"}
    with pytest.raises(Invalid, match="held by Morven Blair"):
        services.engagement_create(**fields, start_date=date(2027, 4, 1))
    services.engagement_end(actor=producer, production_id=pid, expected_version=1,
                            engagement_id=people.engagements["morven"].pk,
                            end_date=date(2027, 3, 31))
    taken_over = services.engagement_create(**fields, start_date=date(2027, 4, 1))
    assert taken_over.cast_number == "1"


def test_ending_before_the_start_is_invalid(people: People) -> None:
    producer, pid = people.team.producer, people.pid
    engagement = people.engagements["euan"]
    services.engagement_update(
        actor=producer, production_id=pid, engagement_id=engagement.pk, expected_version=1,
        position="Gaffer", department="Electric", unit_id=None,
        start_date=date(2027, 3, 1), end_date=None,
    )
    with pytest.raises(Invalid) as caught:
        services.engagement_end(actor=producer, production_id=pid, engagement_id=engagement.pk,
                                expected_version=2, end_date=date(2027, 2, 1))
    assert "end_date" in caught.value.fields
    ended = services.engagement_end(actor=producer, production_id=pid, expected_version=2,
                                    engagement_id=engagement.pk, end_date=date(2027, 3, 20))
    assert (ended.end_date, ended.version) == (date(2027, 3, 20), 3)
    assert AuditEntry.objects.filter(action="engagement.end").get().changes == {
        "end_date": [None, "2027-03-20"]}


def test_engagement_unit_must_be_of_the_production(people: People) -> None:
    other_unit = Unit.objects.get(production=people.team.other_production)
    with pytest.raises(Invalid) as caught:
        services.engagement_update(
            actor=people.team.producer, production_id=people.pid, expected_version=1,
            engagement_id=people.engagements["euan"].pk, position="Gaffer", department="",
            unit_id=other_unit.pk, start_date=None, end_date=None,
        )
    assert "unit" in caught.value.fields


DEAL = {"rate": Decimal("500"), "basis": "daily", "agreement": "iatse-crew",
        "guaranteed_hours": Decimal(10)}


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_only_roles_with_money_and_people_rights_set_deals(people: People, role: str) -> None:
    allowed = role in set(roles_with(Capability.VIEW_MONEY)) & set(
        roles_with(Capability.EDIT_PEOPLE))
    engagement = people.engagements["euan"]
    call = {"actor": people.team.user(role), "production_id": people.pid,
            "engagement_id": engagement.pk, "expected_version": 1, **DEAL}
    if allowed:
        assert services.deal_memo_set(**call).rate == Decimal("500")
    else:
        with pytest.raises(Forbidden):
            services.deal_memo_set(**call)
        assert DealMemo.objects.get(engagement=engagement).rate == Decimal("71.1234")


def test_deal_memo_versions(people: People) -> None:
    producer, pid = people.team.producer, people.pid
    engagement = people.engagements["tomasz"]
    with pytest.raises(Conflict):  # a memo exists: "create" is stale
        services.deal_memo_set(actor=producer, production_id=pid, engagement_id=engagement.pk,
                               expected_version=None, **DEAL)
    memo = services.deal_memo_set(actor=producer, production_id=pid,
                                  engagement_id=engagement.pk, expected_version=1, **DEAL)
    assert memo.version == 2
    with pytest.raises(Conflict):
        services.deal_memo_set(actor=producer, production_id=pid, engagement_id=engagement.pk,
                               expected_version=1, **DEAL)
    entry = AuditEntry.objects.filter(action="deal_memo.update").get()
    old_rate, new_rate = entry.changes["rate"]
    assert (Decimal(old_rate), Decimal(new_rate)) == (Decimal("613.25"), Decimal(500))
    assert Decimal(entry.changes["kit_rental"][0]) == Decimal("57.75")
    assert entry.changes["kit_rental"][1] is None


def test_deal_memo_takes_the_agreement_currency(people: People) -> None:
    producer, pid = people.team.producer, people.pid
    contact = services.contact_create(actor=producer, production_id=pid, name="Jess Thornton")
    engagement = services.engagement_create(actor=producer, production_id=pid, kind="crew",
                                            contact_id=contact.pk, position="Sound Recordist")
    memo = services.deal_memo_set(actor=producer, production_id=pid, expected_version=None,
                                  engagement_id=engagement.pk, rate=Decimal("395"),
                                  basis="daily", agreement="uk-crew")
    assert memo.currency == "GBP"
    with pytest.raises(Invalid) as caught:
        services.deal_memo_set(actor=producer, production_id=pid, expected_version=1,
                               engagement_id=engagement.pk, rate=Decimal("395"),
                               basis="daily", agreement="uk-crew", currency="USD")
    assert "currency" in caught.value.fields


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"agreement": "equity-uk"}, "agreement"),
        ({"basis": "weekly", "guaranteed_hours": None}, "guaranteed_hours"),
        ({"basis": "hourly", "guaranteed_hours": Decimal(8)}, "guaranteed_hours"),
        ({"guaranteed_hours": Decimal(25)}, "guaranteed_hours"),
        ({"performer_class": "day"}, "performer_class"),  # crew have no performer class
        ({"allowances": {"car": "-5"}}, "allowances"),
        ({"allowances": {"": "5"}}, "allowances"),
        ({"rate": Decimal("-1")}, "rate"),
    ],
)
def test_deal_memo_fields_are_checked(people: People, changes: dict, field: str) -> None:
    with pytest.raises(Invalid) as caught:
        services.deal_memo_set(actor=people.team.producer, production_id=people.pid,
                               engagement_id=people.engagements["isla"].pk,
                               expected_version=1, **{**DEAL, **changes})
    assert field in caught.value.fields
    assert DealMemo.objects.get(engagement=people.engagements["isla"]).version == 1


def test_cast_performer_class_is_one_of_the_agreement(people: People) -> None:
    with pytest.raises(Invalid) as caught:
        services.deal_memo_set(actor=people.team.producer, production_id=people.pid,
                               engagement_id=people.engagements["ailsa"].pk,
                               expected_version=1, rate=Decimal(1000), basis="daily",
                               agreement="sag-aftra", performer_class="principal")
    assert "day, weekly" in caught.value.fields["performer_class"][0]


def test_deal_memo_of_another_production_is_not_found(people: People) -> None:
    other = people.team.other_production
    with pytest.raises(NotFound):
        services.deal_memo_set(actor=people.team.outsider, production_id=other.pk,
                               engagement_id=people.engagements["isla"].pk,
                               expected_version=1, **DEAL)


def test_the_audit_log_of_deals_is_read_by_money_roles_only() -> None:
    # Deal memo audit entries carry the old and new rates; that is safe only while every
    # role that reads the audit log also sees money. A role-table change must revisit it.
    assert set(roles_with(Capability.VIEW_AUDIT)) <= set(roles_with(Capability.VIEW_MONEY))


def test_engagement_kind_is_checked(people: People) -> None:
    with pytest.raises(Invalid) as caught:
        services.engagement_create(actor=people.team.producer, production_id=people.pid,
                                   contact_id=people.contacts["euan"].pk, kind="extra",
                                   position="Walk-on")
    assert "kind" in caught.value.fields
    assert Engagement.objects.filter(contact=people.contacts["euan"]).count() == 1


def test_nul_characters_are_refused_by_field(team: Team) -> None:
    # PostgreSQL cannot store NUL in text: the field is named instead of a server error.
    with pytest.raises(Invalid) as caught:
        services.contact_create(actor=team.producer, production_id=team.production.pk,
                                name="Ni\x00na", notes="\x00")
    assert {"name", "notes"} <= set(caught.value.fields)
    with pytest.raises(Invalid) as caught:
        services.vendor_create(actor=team.producer, production_id=team.production.pk,
                               name="Hire\x00Co")
    assert "name" in caught.value.fields


def test_nul_characters_in_deal_terms_are_refused(people: People) -> None:
    with pytest.raises(Invalid) as caught:
        services.deal_memo_set(actor=people.team.producer, production_id=people.pid,
                               engagement_id=people.engagements["isla"].pk,
                               expected_version=1, **{**DEAL, "currency": "U\x00D",
                                                      "allowances": {"c\x00r": "1"}})
    assert {"currency", "allowances"} <= set(caught.value.fields)
