"""Timecard selectors: a week priced by the labour engine on read (the same pay the engine
gives for the same cards), the rest from the previous week, the lists, planned days."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from lynchpin.core.errors import Forbidden, Invalid, NotFound
from lynchpin.engine.labour import model as labour
from lynchpin.engine.labour.agreements import load_agreement
from lynchpin.engine.labour.week import price_week
from lynchpin.people.adapters import deal_from_memo
from lynchpin.people.timecards import selectors
from lynchpin.people.timecards.selectors import PlannedEntry, without_amounts
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

SATURDAY_BEFORE = date(2025, 3, 1)


def week(crew: Crew, name: str, role: str, day: date = MONDAY) -> selectors.WeekView:
    return selectors.timecard_week_get(actor=crew.user(role), production_id=crew.pid,
                                       engagement_id=crew.engagement(name).pk, day=day)


def test_the_week_is_priced_exactly_as_the_engine_prices_its_cards(crew: Crew) -> None:
    entries = [day_entry(MONDAY, meal=LATE_MEAL), day_entry(TUESDAY, wrap=(22, 0))]
    crew.save("isla", entries)
    deal = deal_from_memo(crew.people.memos["isla"])
    cards = [labour.Timecard(deal.person, e.day, e.call, e.wrap, e.meals) for e in entries]
    expected = price_week(deal, cards, load_agreement("iatse-crew"))
    view = week(crew, "isla", "crew")
    assert view.total == expected.total
    assert [d.day for d in view.days] == [SUNDAY.replace(day=n) for n in range(2, 9)]
    monday = view.days[1]
    assert monday.total == expected.days[0].total
    assert [(line.kind, line.rule) for line in monday.lines] == [
        (line.kind.value, line.rule) for line in expected.days[0].lines]
    # Meal due 6 h after the 07:00 call, taken at 14:00: two half-hour periods at the
    # IATSE-style file's illustrative 2024-08-01 amounts, 7.50 and 10.00.
    penalties = [line.amount for line in monday.lines if line.kind == "meal_penalty"]
    assert penalties == [Decimal("7.50"), Decimal("10.00")]
    assert [v.rule for v in monday.violations] == ["labour.meal_penalty"]
    assert view.days[0].entry is None and not view.days[0].lines  # Sunday not worked


def test_the_rest_before_the_first_call_counts_from_the_previous_week(crew: Crew) -> None:
    crew.save("isla", [day_entry(SATURDAY_BEFORE, wrap=(23, 0))], day=SATURDAY_BEFORE)
    crew.save("isla", [day_entry(SUNDAY)], day=SUNDAY)
    sunday = week(crew, "isla", "accountant").days[0]
    assert [v.rule for v in sunday.violations] == ["labour.rest.weekend"]
    assert any(line.kind == "forced_call" for line in sunday.lines)


def test_the_office_sees_every_week_the_person_only_their_own(crew: Crew) -> None:
    crew.save("isla", [day_entry()])
    crew.submit("tomasz", crew.save("tomasz", [day_entry()]))
    office = selectors.timecard_list(actor=crew.user("accountant"), production_id=crew.pid,
                                     day=MONDAY)
    assert {row.person for row in office} == {"Isla Fraser", "Tomasz Nowak", "Euan MacLeod",
                                              "Morven Blair", "Ailsa Brodie"}
    statuses = {row.person: row.status for row in office}
    assert statuses["Isla Fraser"] == "draft" and statuses["Euan MacLeod"] == "none"
    own = selectors.timecard_list(actor=crew.user("crew"), production_id=crew.pid,
                                  day=MONDAY)
    assert [(row.person, row.days, row.week_start) for row in own] == [
        ("Isla Fraser", 1, SUNDAY)]
    assert selectors.timecard_list(actor=crew.user("coordinator"), production_id=crew.pid,
                                   day=MONDAY) == []
    waiting = selectors.timecard_waiting(actor=crew.user("accountant"), production_id=crew.pid)
    assert [row.person for row in waiting] == ["Tomasz Nowak"]
    assert selectors.timecard_waiting(actor=crew.user("crew"), production_id=crew.pid) == []


def test_the_week_flags_follow_the_state_and_the_role(crew: Crew) -> None:
    crew.submit("isla", crew.save("isla", [day_entry()]))
    own, office = week(crew, "isla", "crew"), week(crew, "isla", "accountant")
    assert (own.can_edit, own.can_approve, own.can_send_back) == (False, False, False)
    assert (office.can_edit, office.can_approve, office.can_send_back) == (True, True, True)
    with pytest.raises(NotFound):
        week(crew, "isla", "coordinator")
    with pytest.raises(Invalid):
        week(crew, "isla", "crew", day=date(1, 1, 1))


def test_a_week_without_a_deal_memo_says_so(crew: Crew) -> None:
    crew.people.memos["euan"].delete()
    view = week(crew, "euan", "accountant")
    assert not view.has_deal and "No deal memo" in view.pricing_error and not view.can_edit


def test_payroll_accounts_list_every_department(crew: Crew) -> None:
    rows = selectors.payroll_account_list(actor=crew.user("accountant"), production_id=crew.pid)
    assert rows == [{"department": "", "account": "3002"},
                    {"department": "Camera", "account": "3001"},
                    {"department": "Cast", "account": ""},
                    {"department": "Electric", "account": ""}]
    with pytest.raises(Forbidden):
        selectors.payroll_account_list(actor=crew.user("coordinator"), production_id=crew.pid)


def planned(crew: Crew, role: str, *entries: PlannedEntry) -> selectors.PlannedDay:
    return selectors.planned_day_check(actor=crew.user(role), production_id=crew.pid,
                                       day=TUESDAY, calls=list(entries))


def call(crew: Crew, name: str, **times: object) -> PlannedEntry:
    entry = day_entry(TUESDAY, **times)  # type: ignore[arg-type]
    return PlannedEntry(crew.engagement(name).pk, entry.call, entry.wrap, entry.meals)


def test_planned_day_warns_of_meal_penalties_golden_hours_and_short_rest(crew: Crew) -> None:
    crew.save("isla", [day_entry(MONDAY, wrap=(23, 0))])
    result = planned(crew, "production_manager", call(crew, "isla", wrap=(23, 0)),
                     call(crew, "tomasz", meal=LATE_MEAL))
    rules = [(w.person, w.rule) for w in result.warnings]
    assert ("Isla Fraser", "labour.golden_hours") in rules
    assert ("Isla Fraser", "labour.rest.daily") in rules  # 23:00 wrap, 07:00 call: 8 h
    assert ("Tomasz Nowak", "labour.meal_penalty") in rules
    meal = next(w for w in result.warnings
                if w.rule == "labour.meal_penalty" and w.person == "Tomasz Nowak")
    assert "17.50 USD" in meal.message  # 7.50 + 10.00
    assert set(result.costs) == {crew.engagement("isla").pk, crew.engagement("tomasz").pk}
    assert result.totals["USD"] == sum((c for c in result.costs.values()),
                                       start=result.totals["USD"] * 0)


def test_planned_day_has_no_money_for_roles_without_money_rights(crew: Crew) -> None:
    crew.save("isla", [day_entry(MONDAY, wrap=(23, 0))])
    money = planned(crew, "production_manager", call(crew, "isla", meal=LATE_MEAL))
    coordinator = planned(crew, "coordinator", call(crew, "isla", meal=LATE_MEAL))
    assert [w.rule for w in coordinator.warnings] == [w.rule for w in money.warnings]
    assert not coordinator.shows_money and coordinator.costs == {} == coordinator.totals
    for warning in coordinator.warnings:
        assert "USD" not in warning.message
    assert "2 penalty periods" in coordinator.warnings[0].message
    with pytest.raises(Forbidden):
        planned(crew, "crew", call(crew, "isla"))


def test_without_amounts_takes_out_every_amount() -> None:
    assert without_amounts("meal 1 due at 13:00: 60 min late; 2 penalty periods, 17.50 USD"
                           ) == "meal 1 due at 13:00: 60 min late; 2 penalty periods"
    assert without_amounts("1.50 h in golden time past 14 h worked, 1,018.18 USD"
                           ) == "1.50 h in golden time past 14 h worked"
    assert without_amounts("(8 h given); forced call 22.73 GBP") == "(8 h given); forced call"


def test_planned_day_names_bad_calls_and_unknown_people(crew: Crew) -> None:
    bad = call(crew, "isla", meal=((6, 0), (6, 30)))
    with pytest.raises(Invalid) as refused:
        planned(crew, "production_manager", bad)
    assert list(refused.value.fields) == [f"calls[{crew.engagement('isla').pk}].meals[0].out"]
    with pytest.raises(NotFound):
        planned(crew, "production_manager", PlannedEntry(2**64, at(TUESDAY, 7),
                                                         at(TUESDAY, 19)))
    crew.people.memos["euan"].delete()
    result = planned(crew, "coordinator", call(crew, "euan"))
    assert result.unchecked == ((crew.engagement("euan").pk, "Euan MacLeod", "not checked"),)


def test_planned_day_people_are_those_engaged_with_the_standard_day(crew: Crew) -> None:
    engagement = crew.engagement("ailsa")
    engagement.end_date = MONDAY
    engagement.save()
    people = selectors.planned_day_people(actor=crew.user("coordinator"),
                                          production_id=crew.pid, day=TUESDAY)
    assert "Ailsa Brodie" not in {p.person for p in people} and len(people) == 4
    entry = people[0].entry
    assert (entry.call, entry.wrap) == (at(TUESDAY, 7), at(TUESDAY, 19))
    assert [(m.out, m.back) for m in entry.meals] == [(at(TUESDAY, 13), at(TUESDAY, 13, 30))]
