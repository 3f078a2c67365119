"""build_demo: the demo production, one member per role, fresh passwords, idempotent."""

from __future__ import annotations

from itertools import count

import pytest
from django.contrib.auth import authenticate

from lynchpin.core.roles import Role
from lynchpin.demo import build_demo
from lynchpin.demo.samples import production_settings
from lynchpin.productions.models import Membership, Production

pytestmark = pytest.mark.django_db


def _passwords(prefix: str):
    numbers = count(1)
    return lambda: f"{prefix}-{next(numbers)}"


def test_one_user_per_role_with_a_working_password() -> None:
    demo = build_demo(password=_passwords("first"))
    assert [user.role for user in demo.users] == [role.value for role in Role]
    assert len({user.password for user in demo.users}) == len(Role)
    for user in demo.users:
        assert authenticate(username=user.username, password=user.password) is not None
    members = Membership.objects.filter(production_id=demo.production_id)
    assert {(m.user.username, m.role) for m in members} == {
        (user.username, user.role) for user in demo.users
    }
    assert members.get(role=Role.DEPARTMENT_HEAD).department == "Camera"


def test_production_takes_the_sample_production_settings() -> None:
    demo = build_demo()
    production = Production.objects.get(pk=demo.production_id)
    wanted = production_settings()
    assert (production.title, production.currency, production.country, production.region) == (
        "The Night Ferry", "GBP", "GB", "SCT")
    assert production.start_date == wanted.start_date
    assert demo.path == f"/productions/{production.pk}/"


def test_second_run_reuses_the_production_and_replaces_every_password() -> None:
    first = build_demo(password=_passwords("first"))
    second = build_demo(password=_passwords("second"))
    assert second.production_id == first.production_id
    assert Production.objects.count() == 1
    assert Membership.objects.filter(production_id=first.production_id).count() == len(Role)
    for old, new in zip(first.users, second.users, strict=True):
        assert authenticate(username=old.username, password=old.password) is None
        assert authenticate(username=new.username, password=new.password) is not None


def test_second_run_restores_a_changed_role() -> None:
    first = build_demo()
    Membership.objects.filter(
        production_id=first.production_id, user__username="coordinator"
    ).update(role=Role.CREW)
    build_demo()
    restored = Membership.objects.get(
        production_id=first.production_id, user__username="coordinator")
    assert restored.role == Role.COORDINATOR


def test_reset_builds_a_new_production() -> None:
    first = build_demo()
    second = build_demo(reset=True)
    assert second.production_id != first.production_id
    assert list(Production.objects.values_list("pk", flat=True)) == [second.production_id]


def test_a_deactivated_demo_user_is_active_again() -> None:
    from django.contrib.auth import get_user_model

    build_demo()
    get_user_model().objects.filter(username="crew").update(is_active=False, is_staff=True)
    demo = build_demo(password=lambda: "crew-password-again")
    user = get_user_model().objects.get(username="crew")
    assert (user.is_active, user.is_staff) == (True, False)
    assert authenticate(username="crew", password=demo.users[-2].password) is not None


def test_the_sample_script_is_imported_once() -> None:
    from lynchpin.scripts.selectors import script_list

    first = build_demo()
    build_demo()
    producer = _user("producer")
    drafts = list(script_list(actor=producer, production_id=first.production_id))
    assert [(d.label, d.colour, d.scene_count) for d in drafts] == [
        ("Shooting script", "white", 48)]  # 48 scenes: lynchpin/samples/README.md
    assert any("48 scenes" in note for note in first.notes)


def test_people_file_deals_become_engagements_with_deal_memos() -> None:
    from lynchpin.engine.labour.payroll_file import read_payroll
    from lynchpin.people.models import Contact, DealMemo, Engagement

    demo = build_demo()
    again = build_demo()
    deals = read_payroll(sample_text("the-night-ferry.people.toml")).deals
    engagements = Engagement.objects.filter(production_id=demo.production_id)
    assert engagements.count() == len(deals)
    assert DealMemo.objects.filter(engagement__in=engagements).count() == len(deals)
    nell = engagements.get(character="NELL")
    assert (nell.kind, nell.cast_number, nell.contact.name) == ("cast", "1", "Morven Blair")
    callum = DealMemo.objects.get(engagement__contact__name="Callum Reid")
    assert (str(callum.rate), callum.basis, callum.agreement, callum.currency) == (
        "800.0000", "daily", "uk-crew", "GBP")
    linked = dict(Contact.objects.filter(production_id=demo.production_id, user__isnull=False)
                  .values_list("user__username", "name"))
    assert linked == {"department_head": "Callum Reid", "crew": "Isla Fraser",
                      "cast": "Morven Blair"}
    assert any(f"({len(deals)} already there)" in note for note in again.notes)


def _user(username: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def sample_text(name: str) -> str:
    from lynchpin.demo.samples import sample_bytes

    return sample_bytes(name).decode("utf-8")
