"""Timecard services: saving a week, submit, approve (posting payroll), send back, editing
after approval (draft again, the posting reversed), idempotent posting, who may do what."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lynchpin.accounting.models import LedgerEntry
from lynchpin.core.errors import Conflict, Forbidden, Invalid, NotFound
from lynchpin.core.models import AuditEntry
from lynchpin.people.models import Timecard, TimecardPosting, TimecardWeek
from lynchpin.people.timecards import services
from lynchpin.people.timecards.selectors import timecard_week_get
from tests.people.timecards.conftest import (
    LATE_MEAL,
    MONDAY,
    SUNDAY,
    TUESDAY,
    Crew,
    at,
    day_entry,
)

pytestmark = pytest.mark.django_db


def test_a_person_saves_their_own_week_at_the_start_of_the_work_week(crew: Crew) -> None:
    week = crew.save("isla", [day_entry(MONDAY), day_entry(TUESDAY)])
    assert week.week_start == SUNDAY  # IATSE-style weeks start on Sunday
    assert (week.status, week.version) == ("draft", 1)
    days = list(Timecard.objects.filter(week=week).order_by("day"))
    assert [d.day for d in days] == [MONDAY, TUESDAY]
    assert days[0].call == at(MONDAY, 7)  # stored as the same instant (UTC in the database)
    entry = AuditEntry.objects.get(action="timecard_week.save")
    assert "2025-03-03 07:00-19:00 (1 meal)" in entry.changes["days"][1]


def test_saving_replaces_the_days_and_needs_the_version_read(crew: Crew) -> None:
    week = crew.save("isla", [day_entry(MONDAY), day_entry(TUESDAY)])
    again = crew.save("isla", [day_entry(TUESDAY, wrap=(20, 0))], version=week.version)
    assert again.version == 2
    assert list(Timecard.objects.filter(week=week).values_list("day", flat=True)) == [TUESDAY]
    with pytest.raises(Conflict):
        crew.save("isla", [day_entry(MONDAY)], version=1)
    with pytest.raises(Conflict):  # a second "new" week for the same person and week
        crew.save("isla", [day_entry(MONDAY)])


def test_every_bad_day_is_named_at_once_and_nothing_is_saved(crew: Crew) -> None:
    bad_meal = day_entry(MONDAY, meal=((6, 0), (6, 30)))  # meal before call
    outside = day_entry(SUNDAY.replace(day=9))  # the next week's Sunday
    with pytest.raises(Invalid) as refused:
        crew.save("isla", [bad_meal, outside])
    assert set(refused.value.fields) == {"2025-03-03.meals[0].out", "2025-03-09.day"}
    assert not TimecardWeek.objects.exists()


def test_days_outside_the_engagement_are_refused(crew: Crew) -> None:
    engagement = crew.engagement("isla")
    engagement.start_date = TUESDAY
    engagement.save()
    with pytest.raises(Invalid) as refused:
        crew.save("isla", [day_entry(MONDAY)])
    assert "before the engagement starts" in refused.value.message


def test_another_persons_timecard_does_not_exist_for_crew_and_cast(crew: Crew) -> None:
    for role, other in (("crew", "tomasz"), ("cast", "isla"), ("coordinator", "isla"),
                        ("department_head", "isla")):
        with pytest.raises(NotFound):
            crew.save(other, [day_entry()], actor=crew.user(role))
    with pytest.raises(NotFound):  # outsiders see no production at all
        crew.save("isla", [day_entry()], actor=crew.people.team.outsider)


def test_the_office_edits_anyone_and_the_person_only_their_draft(crew: Crew) -> None:
    week = crew.save("tomasz", [day_entry()], actor=crew.user("accountant"))
    assert week.engagement_id == crew.engagement("tomasz").pk
    isla = crew.submit("isla", crew.save("isla", [day_entry()]))
    with pytest.raises(Conflict):
        crew.save("isla", [day_entry(TUESDAY)], version=isla.version)
    edited = crew.save("isla", [day_entry(TUESDAY)], version=isla.version,
                       actor=crew.user("production_manager"))
    assert edited.status == "submitted"  # the office corrects before approving


def test_submit_needs_days_and_a_draft(crew: Crew) -> None:
    empty = crew.save("isla", [])
    with pytest.raises(Invalid):
        crew.submit("isla", empty)
    week = crew.submit("isla", crew.save("isla", [day_entry()], version=empty.version))
    assert week.status == "submitted" and week.submitted_by == crew.user("crew")
    with pytest.raises(Conflict):
        crew.submit("isla", week)


def test_approval_posts_the_weeks_pay_as_payroll_to_the_departments_account(
        crew: Crew) -> None:
    week = crew.approved("isla", [day_entry(meal=LATE_MEAL), day_entry(TUESDAY)])
    assert week.status == "approved" and week.approved_by == crew.user("accountant")
    view = timecard_week_get(actor=crew.user("accountant"), production_id=crew.pid,
                             engagement_id=crew.engagement("isla").pk, day=MONDAY)
    posting = TimecardPosting.objects.get(week=week)
    assert posting.key == f"timecard-{crew.engagement('isla').pk}-20250302-v{week.version}"
    assert posting.account == "3001"  # Camera
    assert view.total is not None and posting.amount == view.total.amount
    entry = LedgerEntry.objects.get(key=posting.key)
    assert (entry.kind, entry.account, entry.amount) == ("payroll", "3001", view.total.amount)
    assert entry.vendor_name == "Isla Fraser"
    assert {line["kind"] for line in posting.lines} >= {"straight", "meal_penalty"}


def test_posting_is_idempotent(crew: Crew) -> None:
    week = crew.approved("isla", [day_entry()])
    first = services.timecard_week_post(actor=crew.user("accountant"), production_id=crew.pid,
                                        engagement_id=crew.engagement("isla").pk, day=MONDAY)
    second = services.timecard_week_post(actor=crew.user("producer"), production_id=crew.pid,
                                         engagement_id=crew.engagement("isla").pk, day=MONDAY)
    assert first.pk == second.pk
    assert TimecardPosting.objects.filter(week=week).count() == 1
    assert LedgerEntry.objects.filter(kind="payroll").count() == 1


def test_editing_an_approved_week_makes_it_a_draft_and_reverses_the_posting(
        crew: Crew) -> None:
    week = crew.approved("isla", [day_entry()])
    posting = TimecardPosting.objects.get(week=week)
    edited = crew.save("isla", [day_entry(wrap=(21, 0))], version=week.version,
                       actor=crew.user("accountant"))
    assert edited.status == "draft" and edited.approved_at is None
    assert "submit it again" in edited.note
    posting.refresh_from_db()
    assert posting.reversal_key == f"{posting.key}-reversal" and posting.reversed_at
    original = LedgerEntry.objects.get(key=posting.key)
    reversal = LedgerEntry.objects.get(key=posting.reversal_key)
    assert reversal.kind == "reversal" and reversal.reverses == original
    assert reversal.amount == -original.amount
    # Approved again, the new version posts under a new key; the old entry stays as it was.
    again = crew.approve("isla", crew.submit("isla", edited, actor=crew.user("crew")))
    keys = list(TimecardPosting.objects.filter(week=week).order_by("version")
                .values_list("key", flat=True))
    assert keys == [posting.key, f"timecard-{crew.engagement('isla').pk}-20250302-v"
                                 f"{again.version}"]
    assert LedgerEntry.objects.filter(kind="payroll").count() == 2


def test_sending_back_an_approved_week_reverses_it_with_a_note(crew: Crew) -> None:
    week = crew.approved("isla", [day_entry()])
    back = services.timecard_week_send_back(
        actor=crew.user("production_manager"), production_id=crew.pid,
        engagement_id=crew.engagement("isla").pk, day=MONDAY, expected_version=week.version,
        note="Wrap was 20:00 per the DPR")
    assert back.status == "draft" and back.note == "Wrap was 20:00 per the DPR"
    assert LedgerEntry.objects.filter(kind="reversal").count() == 1
    with pytest.raises(Conflict):  # already a draft
        services.timecard_week_send_back(
            actor=crew.user("production_manager"), production_id=crew.pid,
            engagement_id=crew.engagement("isla").pk, day=MONDAY,
            expected_version=back.version)


def test_only_the_office_approves_and_never_their_own_week(crew: Crew) -> None:
    week = crew.submit("isla", crew.save("isla", [day_entry()]))
    with pytest.raises(Forbidden):  # crew: their own week, but no money rights
        crew.approve("isla", week, actor=crew.user("crew"))
    with pytest.raises(NotFound):  # coordinator: not theirs, no money rights
        crew.approve("isla", week, actor=crew.user("coordinator"))
    contact = crew.people.contacts["tomasz"]
    contact.user = crew.user("accountant")
    contact.save()
    own = crew.submit("tomasz", crew.save("tomasz", [day_entry()]))
    with pytest.raises(Forbidden):
        crew.approve("tomasz", own, actor=crew.user("accountant"))
    assert crew.approve("tomasz", own, actor=crew.user("producer")).status == "approved"


def test_approval_without_a_payroll_account_approves_nothing(crew: Crew) -> None:
    services.payroll_accounts_set(actor=crew.user("producer"), production_id=crew.pid,
                                  accounts={"Camera": "", "": ""})
    week = crew.submit("isla", crew.save("isla", [day_entry()]))
    with pytest.raises(Invalid) as refused:
        crew.approve("isla", week)
    assert "No payroll account for the Camera department" in refused.value.message
    week.refresh_from_db()
    assert week.status == "submitted" and not LedgerEntry.objects.exists()


def test_a_deal_in_another_currency_than_the_ledger_is_not_approved(crew: Crew) -> None:
    memo = crew.people.memos["tomasz"]
    memo.agreement, memo.currency = "uk-crew", "GBP"
    memo.save()
    week = crew.submit("tomasz", crew.save("tomasz", [day_entry(MONDAY)]))
    with pytest.raises(Invalid) as refused:
        crew.approve("tomasz", week)
    assert "paid in GBP" in refused.value.message and "USD" in refused.value.message


def test_approving_a_stale_or_draft_week_is_a_conflict(crew: Crew) -> None:
    draft = crew.save("isla", [day_entry()])
    with pytest.raises(Conflict):
        crew.approve("isla", draft)
    week = crew.submit("isla", draft)
    with pytest.raises(Conflict):
        services.timecard_week_approve(
            actor=crew.user("accountant"), production_id=crew.pid,
            engagement_id=crew.engagement("isla").pk, day=MONDAY,
            expected_version=week.version - 1)


def test_no_deal_memo_no_timecard(crew: Crew) -> None:
    crew.people.memos["euan"].delete()
    with pytest.raises(Invalid) as refused:
        crew.save("euan", [day_entry()])
    assert "No deal memo" in refused.value.message


def test_payroll_accounts_need_money_and_ledger_rights(crew: Crew) -> None:
    for role in ("coordinator", "crew", "department_head"):
        with pytest.raises(Forbidden):
            services.payroll_accounts_set(actor=crew.user(role), production_id=crew.pid,
                                          accounts={"": "3002"})
    after = services.payroll_accounts_set(actor=crew.user("accountant"),
                                          production_id=crew.pid,
                                          accounts={"Electric": " 3002 ", "Camera": ""})
    assert after == {"": "3002", "Electric": "3002"}
    audit = AuditEntry.objects.filter(action="payroll_accounts.set").latest("id")
    assert audit.changes["account[Camera]"] == ["3001", None]


def test_travel_and_holiday_are_kept(crew: Crew) -> None:
    entry = day_entry(travel_after="1.5")
    holiday = type(entry)(entry.day, entry.call, entry.wrap, entry.meals, Decimal("0.5"),
                          entry.travel_after, True)
    week = crew.save("isla", [holiday])
    row = Timecard.objects.get(week=week)
    assert (row.travel_before, row.travel_after, row.holiday) == (Decimal("0.5"),
                                                                    Decimal("1.5"), True)
