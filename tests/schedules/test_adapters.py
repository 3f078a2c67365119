"""Adapters: the web's strips and problem equal what the command line builds from the files.

Oracle: ``lynchpin schedule plan`` (`lynchpin.cli.schedule_steps.load_plan`) reads the
sample script and production file straight into an engine problem; the web stores the same
script as scene rows and the same file as facts rows, and must build the same problem.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from lynchpin.cli.schedule_steps import load_plan
from lynchpin.engine.scheduling.production import read_production
from lynchpin.schedules.adapters.facts import FactRows, production_of
from lynchpin.schedules.adapters.facts_import import facts_rows_from
from lynchpin.schedules.adapters.plan import plan_of, problem_for
from lynchpin.schedules.adapters.strips import draft_strips
from tests.conftest import SAMPLE
from tests.schedules.conftest import PRODUCTION_FILE, Scheduled

pytestmark = pytest.mark.django_db


def _cli_problem() -> Any:
    return load_plan(SAMPLE, PRODUCTION_FILE).problem


def test_strips_from_scene_rows_equal_the_engines_from_the_file(scheduled: Scheduled) -> None:
    expected = {s.id: replace(s, notes="", elements=tuple(sorted(s.elements)))
                for s in _cli_problem().strips}
    draft = draft_strips(scheduled.draft, 15)
    built = problem_for(scheduled.draft, title="t", currency="GBP", start_fallback=None,
                        country="GB", region="SCT")
    got = {s.id: replace(s, elements=tuple(sorted(s.elements))) for s in built.problem.strips}
    assert len(draft.strips) == 48
    assert got == expected


def test_the_problem_equals_the_command_lines(scheduled: Scheduled) -> None:
    cli = _cli_problem()
    web = problem_for(scheduled.draft, title="t", currency="GBP", start_fallback=None,
                      country="GB", region="SCT").problem
    assert web.days == cli.days
    assert {p.id: p for p in web.performers} == {p.id: p for p in cli.performers}
    assert web.locations == cli.locations
    assert web.rules == cli.rules
    assert (web.capacity, web.crew_daily_cost) == (cli.capacity, cli.crew_daily_cost)
    assert set(web.moves) == {replace(m, a=min(m.a, m.b), b=max(m.a, m.b)) for m in cli.moves}


def test_a_production_file_round_trips_through_the_facts_rows() -> None:
    file = read_production(PRODUCTION_FILE.read_text(encoding="utf-8"), source="x")
    rows = facts_rows_from(1, file)
    back = production_of(FactRows(rows.facts, rows.performers, rows.locations, rows.moves), {},
                         title=file.title, currency=file.currency, start=file.calendar.start,
                         country="GB", region="SCT", shoot_days=file.shoot_days)
    assert back.cast == file.cast
    assert back.elements == file.elements
    assert (back.locations, back.rules) == (file.locations, file.rules)
    assert set(back.moves) == {replace(m, a=min(m.a, m.b), b=max(m.a, m.b)) for m in file.moves}
    assert (back.capacity, back.calendar) == (file.capacity, file.calendar)


def test_a_breakdown_edit_changes_the_strips_at_once(scheduled: Scheduled) -> None:
    from lynchpin.scripts.models import SceneElement
    from lynchpin.scripts.services import scene_element_decide

    before = {s.id: s for s in draft_strips(scheduled.draft, 15).strips}
    row = SceneElement.objects.filter(scene__script_version=scheduled.draft, scene__number="1",
                                      element__category=100).first()
    assert row is not None and row.element.name in before["1"].cast
    scene_element_decide(actor=scheduled.team.producer, production_id=scheduled.pid,
                         scene_element_id=row.pk, status="rejected",
                         expected_version=row.version)
    scheduled.draft.refresh_from_db()
    after = {s.id: s for s in draft_strips(scheduled.draft, 15).strips}
    assert row.element.name not in after["1"].cast


def test_a_cast_deal_memo_prices_the_character(scheduled: Scheduled, board: Any) -> None:
    from tests.schedules.conftest import engage_cast

    engage_cast(scheduled, "cast", "NELL", "1", rate="1333.00")
    nell = next(p for p in plan_of(board).problem.performers if p.id == "NELL")
    assert str(nell.daily_rate.amount) == "1333.0000"
    assert nell.number == 1
