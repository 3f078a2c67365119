"""Every schedule page: outsiders get 404, roles without the capability 403, members 200;
forms show their errors; no page or API answer shows money to a role without VIEW_MONEY."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from lynchpin.core.roles import Role
from lynchpin.schedules import services
from lynchpin.schedules.adapters.plan import plan_of
from lynchpin.schedules.adapters.view import board_view
from lynchpin.schedules.models import ShootDay, Strip
from tests.django_support import roles_with, roles_without
from tests.schedules.conftest import Scheduled, engage_cast, import_budget

pytestmark = pytest.mark.django_db

Url = Callable[[Scheduled, Any, Any], str]


def _base(s: Scheduled) -> str:
    return f"/productions/{s.pid}/schedules/"


#: (name, url of a GET page, capability needed to read it)
READ_PAGES: list[tuple[str, Url, str]] = [
    ("list", lambda s, b, p: _base(s), "view_script"),
    ("board", lambda s, b, p: f"{_base(s)}{b.pk}/", "view_script"),
    ("dood", lambda s, b, p: f"{_base(s)}{b.pk}/dood/", "view_script"),
    ("replan", lambda s, b, p: f"{_base(s)}{b.pk}/replan/", "view_script"),
    ("calendar", lambda s, b, p: f"{_base(s)}calendar/", "view_script"),
    ("proposal", lambda s, b, p: f"{_base(s)}proposals/{p.pk}/", "view_script"),
    ("stripboard", lambda s, b, p: f"{_base(s)}{b.pk}/download/schedule.ics", "view_script"),
    ("facts", lambda s, b, p: f"{_base(s)}facts/", "view_people"),
    ("reprice", lambda s, b, p: f"{_base(s)}{b.pk}/reprice/", "view_money"),
]


@pytest.fixture
def world(scheduled: Scheduled, board: Any) -> tuple[Scheduled, Any, Any]:
    proposal = services.schedule_optimise(actor=scheduled.team.producer,
                                          production_id=scheduled.pid, schedule_id=board.pk,
                                          time_limit=1.0)
    board.refresh_from_db()
    return scheduled, board, proposal


@pytest.mark.parametrize(("name", "url", "capability"), READ_PAGES)
def test_read_pages_by_role(world: Any, client_as: Any, name: str, url: Url,
                            capability: str) -> None:
    scheduled, board, proposal = world
    address = url(scheduled, board, proposal)
    assert client_as(scheduled.team.outsider).get(address).status_code == 404
    for role in roles_with(capability):
        assert client_as(scheduled.team.user(role)).get(address).status_code == 200, role
    for role in roles_without(capability):
        assert client_as(scheduled.team.user(role)).get(address).status_code == 403, role


def _posts(s: Scheduled, board: Any) -> list[tuple[str, dict[str, Any]]]:
    day = ShootDay.objects.filter(schedule=board).first()
    strip = Strip.objects.filter(schedule=board).first()
    version = {"version": board.version}
    return [
        (f"{_base(s)}new/", {"name": "X", "mode": "boneyard"}),
        (f"{_base(s)}facts/", {"shoot_days": 9}),
        (f"{_base(s)}{board.pk}/move/", {**version, "strip": strip.pk, "position": 1}),
        (f"{_base(s)}{board.pk}/days/add/", version),
        (f"{_base(s)}{board.pk}/days/{day.pk}/banners/", {**version, "text": "WEEK 1"}),
        (f"{_base(s)}{board.pk}/lock/", version),
        (f"{_base(s)}{board.pk}/optimise/", {"time_limit": 1}),
        (f"{_base(s)}{board.pk}/replan/", {"kind": "weather_day", "date": "2027-03-16"}),
    ]


@pytest.mark.parametrize("role", roles_without("edit_schedule"))
def test_roles_without_edit_schedule_change_nothing(world: Any, client_as: Any,
                                                    role: str) -> None:
    scheduled, board, _ = world
    client = client_as(scheduled.team.user(role))
    for url, data in _posts(scheduled, board):
        assert client.post(url, data).status_code == 403, url
    board.refresh_from_db()
    assert not board.locked


def test_an_outsider_changes_nothing(world: Any, client_as: Any) -> None:
    scheduled, board, _ = world
    client = client_as(scheduled.team.outsider)
    for url, data in _posts(scheduled, board):
        assert client.post(url, data).status_code == 404, url


@pytest.mark.parametrize("role", roles_with("edit_schedule"))
def test_editors_move_a_strip_without_javascript(world: Any, client_as: Any, role: str) -> None:
    scheduled, board, _ = world
    strip = Strip.objects.filter(schedule=board, day__isnull=False).first()
    response = client_as(scheduled.team.user(role)).post(
        f"{_base(scheduled)}{board.pk}/move/",
        {"version": board.version, "strip": strip.pk, "day": "", "position": 1})
    assert response.status_code == 302 and response["Location"].endswith(f"#strip-{strip.pk}")
    strip.refresh_from_db()
    assert strip.day_id is None and strip.position == 0


def test_a_stale_form_shows_409_on_the_board(world: Any, client_as: Any) -> None:
    scheduled, board, _ = world
    strip = Strip.objects.filter(schedule=board).first()
    response = client_as(scheduled.team.producer).post(
        f"{_base(scheduled)}{board.pk}/move/",
        {"version": board.version - 1 or 99, "strip": strip.pk, "day": "", "position": 1})
    assert response.status_code == 409
    assert b"changed by someone else" in response.content


def test_the_facts_form_names_the_bad_line(scheduled: Scheduled, client_as: Any) -> None:
    response = client_as(scheduled.team.producer).get(f"{_base(scheduled)}facts/")
    form = response.context["form"]
    data = {key: form[key].value() for key in form.fields}
    data.update({key: value for key, value in data.items() if value is None} | {
        "days_off": "2027-03-19\nnext Friday", "max_eighths": "", "default_move_cost": "",
        "start_date": "2027-03-15"})
    data = {key: "" if value is None else value for key, value in data.items()}
    response = client_as(scheduled.team.producer).post(f"{_base(scheduled)}facts/", data)
    assert response.status_code == 400
    assert b"Line 2" in response.content


def test_the_board_page_shows_strips_in_their_colours(world: Any, client_as: Any) -> None:
    scheduled, board, _ = world
    body = client_as(scheduled.team.user("crew")).get(f"{_base(scheduled)}{board.pk}/")
    text = body.content.decode()
    assert "END OF DAY 1" in text and "background: #fff59d" in text  # EXT/DAY yellow
    assert 'draggable="true"' not in text  # crew read the board only
    editor = client_as(scheduled.team.user("coordinator")).get(f"{_base(scheduled)}{board.pk}/")
    assert 'draggable="true"' in editor.content.decode()


def _money_strings(scheduled: Scheduled, board: Any) -> set[str]:
    """Every amount a money role sees for the sample: rates, costs, the budget effect."""
    plan = plan_of(board)
    cost = board_view(plan, money=True).cost
    assert cost is not None
    found = {cost.total, cost.crew, cost.cast, cost.locations}
    for performer in plan.problem.performers:
        amount = performer.daily_rate.amount
        if amount >= 300:
            found |= {f"{amount:,.2f}", f"{amount:.2f}", f"{amount:.4f}"}
    found |= {"16,500.00", "16500.00", "16500.0000", "1333.00", "1,333.00"}
    return found


@pytest.mark.parametrize("role", roles_without("view_money"))
def test_a_crawl_of_every_page_and_answer_finds_no_money(world: Any, client_as: Any,
                                                         role: str) -> None:
    scheduled, board, proposal = world
    import_budget(scheduled)
    engage_cast(scheduled, "cast", "NELL", "1", rate="1333.00")
    secrets = _money_strings(scheduled, board)
    client = client_as(scheduled.team.user(role))
    api = f"/api/v1/productions/{scheduled.pid}/schedules"
    urls = [url(scheduled, board, proposal) for _, url, _ in READ_PAGES] + [
        f"{api}", f"{api}/{board.pk}", f"{api}/{board.pk}/board", f"{api}/{board.pk}/strips",
        f"{api}/{board.pk}/conflicts", f"{api}/{board.pk}/dood", f"{api}/facts",
        f"{api}/proposals/{proposal.pk}", f"/api/v1/productions/{scheduled.pid}/tasks/"
        f"{proposal.run_id}", f"/productions/{scheduled.pid}/"]
    for url in urls:
        response = client.get(url)
        text = response.content.decode()
        leaked = [secret for secret in secrets if secret in text]
        assert not leaked, (url, leaked)


def test_money_roles_see_the_cost_and_the_budget_effect(world: Any, client_as: Any) -> None:
    scheduled, board, _ = world
    import_budget(scheduled)
    text = client_as(scheduled.team.user(Role.ACCOUNTANT)).get(
        f"{_base(scheduled)}{board.pk}/").content.decode()
    cost = board_view(plan_of(board), money=True).cost
    assert cost is not None and cost.total in text
    assert 'id="budget"' in text and "re-priced from this schedule" in text


def test_repricing_the_budget_applies_what_was_previewed(world: Any, client_as: Any) -> None:
    scheduled, board, _ = world
    budget = import_budget(scheduled)
    client = client_as(scheduled.team.user(Role.ACCOUNTANT))
    page = client.get(f"{_base(scheduled)}{board.pk}/reprice/")
    assert b"SHOOT_DAYS" in page.content
    revision = str(page.context["form"].initial["revision"])
    stale = client.post(f"{_base(scheduled)}{board.pk}/reprice/",
                        {"budget": budget.pk, "revision": "0" * 32})
    assert stale.status_code == 409
    done = client.post(f"{_base(scheduled)}{board.pk}/reprice/",
                       {"budget": budget.pk, "revision": revision})
    assert done.status_code == 302
    from lynchpin.budgets.models import BudgetGlobal

    days = BudgetGlobal.objects.get(budget=budget, name="SHOOT_DAYS").value
    assert Decimal(days) == len(plan_of(board).schedule.days)


def test_the_first_facts_and_a_performer_are_saved_through_the_pages(team: Any,
                                                                     client_as: Any) -> None:
    from lynchpin.schedules.models import PerformerFacts, ScheduleFacts

    client = client_as(team.user("coordinator"))
    base = f"/productions/{team.production.pk}/schedules/facts/"
    form = client.get(base).context["form"]
    assert "crew_daily_cost" not in form.fields  # no money on a coordinator's form
    data = {key: form[key].value() for key in form.fields}
    data = {key: "" if value is None else value for key, value in data.items()}
    data.update(start_date="2027-03-15", week_days=6, days_off="2027-03-19")
    assert client.post(base, data).status_code == 302
    facts = ScheduleFacts.objects.get(production=team.production)
    assert (facts.week_days, facts.days_off, facts.version) == (6, ["2027-03-19"], 1)
    added = client.post(f"{base}performers/new/", {
        "name": "nell", "kind": "cast", "number": 1, "drop_min_gap_days": 10,
        "travel_days": 0, "available": "2027-03-15 to 2027-03-31", "holds_allowed": "on"})
    assert added.status_code == 302
    nell = PerformerFacts.objects.get(name="NELL")
    assert nell.available == [["2027-03-15", "2027-03-31"]] and nell.daily_rate is None
    bad = client.post(f"{base}performers/{nell.pk}/", {
        "version": nell.version, "name": "NELL", "kind": "cast", "number": 1,
        "drop_min_gap_days": 10, "travel_days": 0, "blackouts": "2027-03-17\nthe 18th"})
    assert bad.status_code == 400 and b"Line 2" in bad.content
