"""Schedule versions and the stripboard: create, move (totals, conflicts, 409, locks), days,
banners, copies, locks, deletion; who may do what."""

from __future__ import annotations

from typing import Any

import pytest

from lynchpin.core.errors import Conflict, Forbidden, Invalid, NotFound
from lynchpin.core.models import AuditEntry
from lynchpin.schedules import selectors, services
from lynchpin.schedules.adapters.plan import plan_of
from lynchpin.schedules.models import Banner, ScheduleVersion, ShootDay, Strip
from tests.django_support import Team
from tests.schedules.conftest import Scheduled

pytestmark = pytest.mark.django_db


def _strip(version: Any, scene: str) -> Strip:
    return Strip.objects.select_related("day").get(schedule=version, scene__number=scene)


def _move(scheduled: Scheduled, version: Any, scene: str, day: ShootDay | None, position: int,
          role: str = "producer") -> Any:
    version.refresh_from_db()
    return services.strip_move(actor=scheduled.team.user(role), production_id=scheduled.pid,
                               strip_id=_strip(version, scene).pk,
                               day_id=day.pk if day else None, position=position,
                               expected_version=version.version)


def test_a_first_plan_places_every_strip_without_conflicts(scheduled: Scheduled,
                                                           board: Any) -> None:
    assert board.origin == "greedy" and board.script_version_id == scheduled.draft.pk
    assert Strip.objects.filter(schedule=board).count() == 48
    assert not Strip.objects.filter(schedule=board, day__isnull=True).exists()
    page = selectors.board_get(actor=scheduled.team.producer, production_id=scheduled.pid,
                               schedule_id=board.pk)
    assert page.board.errors == 0
    assert page.board.days[0].date.isoformat() == "2027-03-15"
    assert "1" in {s.strip for s in page.board.days[0].strips}  # pinned to the first day
    assert AuditEntry.objects.filter(action="schedule.create").exists()


def test_a_boneyard_version_has_no_days(scheduled: Scheduled) -> None:
    version = services.schedule_create(actor=scheduled.team.user("coordinator"),
                                       production_id=scheduled.pid, name="By hand",
                                       mode="boneyard")
    assert not ShootDay.objects.filter(schedule=version).exists()
    assert Strip.objects.filter(schedule=version, day__isnull=True).count() == 48


def test_no_schedule_without_a_script(team: Team) -> None:
    with pytest.raises(Invalid) as caught:
        services.schedule_create(actor=team.producer, production_id=team.production.pk,
                                 name="Too soon")
    assert "script" in caught.value.message


def test_a_name_is_unique_per_production(scheduled: Scheduled, board: Any) -> None:
    with pytest.raises(Invalid) as caught:
        services.schedule_create(actor=scheduled.team.producer, production_id=scheduled.pid,
                                 name="Shooting schedule")
    assert "name" in caught.value.fields


def test_moving_a_strip_updates_the_day_totals(scheduled: Scheduled, board: Any) -> None:
    day1, day2 = ShootDay.objects.filter(schedule=board).order_by("number")[:2]
    moving = _strip(board, "1")
    plan = plan_of(board)
    eighths = {s.id: s.eighths for s in plan.problem.strips}
    before = {d.number: sum(eighths[s] for s in d.strips) for d in plan.schedule.days}
    result = _move(scheduled, board, "1", day2, 0)
    assert result.version == board.version + 1
    totals = {d.number: d.eighths for d in result.days}
    assert totals == {1: before[1] - eighths["1"], 2: before[2] + eighths["1"]}
    moved = _strip(board, "1")
    assert (moved.day_id, moved.position) == (day2.pk, 0)
    assert moving.day_id == day1.pk
    assert [d.minutes >= d.strip_minutes for d in result.days] == [True, True]


def test_a_move_reports_the_conflict_on_the_strip_that_causes_it(scheduled: Scheduled,
                                                                  board: Any) -> None:
    day2 = ShootDay.objects.get(schedule=board, number=2)
    result = _move(scheduled, board, "1", day2, 0)  # scene 1 is pinned to day 1
    pinned = [c for c in result.conflicts if c.rule == "pinned"]
    assert [c.strips for c in pinned] == [("1",)]
    back = _move(scheduled, board, "1", ShootDay.objects.get(schedule=board, number=1), 0)
    assert not [c for c in back.conflicts if c.severity == "error"]


def test_an_overfull_day_marks_the_strips_past_the_limit(scheduled: Scheduled) -> None:
    version = services.schedule_create(actor=scheduled.team.producer,
                                       production_id=scheduled.pid, name="Full", mode="boneyard")
    day = services.shoot_day_add(actor=scheduled.team.producer, production_id=scheduled.pid,
                                 schedule_id=version.pk, expected_version=version.version)
    result = None
    for position, scene in enumerate(["10", "11", "12", "13", "14", "15", "16", "17"]):
        result = _move(scheduled, version, scene, day, position)
    assert result is not None
    over = [c for c in result.conflicts if c.rule == "day.over_capacity"]
    assert over and all(c.day == 1 for c in over)
    marked = set(over[0].strips)
    assert marked and "10" not in marked and "17" in marked
    assert result.days[0].minutes > 720  # the 12-hour day of the sample facts


def test_a_stale_move_is_a_conflict_and_changes_nothing(scheduled: Scheduled,
                                                        board: Any) -> None:
    day2 = ShootDay.objects.get(schedule=board, number=2)
    stale = board.version
    _move(scheduled, board, "2", day2, 0)
    with pytest.raises(Conflict):
        services.strip_move(actor=scheduled.team.producer, production_id=scheduled.pid,
                            strip_id=_strip(board, "3").pk, day_id=None, position=0,
                            expected_version=stale)
    assert _strip(board, "3").day_id is not None


def test_a_locked_version_refuses_moves_until_a_producer_unlocks_it(scheduled: Scheduled,
                                                                      board: Any) -> None:
    coordinator = scheduled.team.user("coordinator")
    locked = services.schedule_lock(actor=coordinator, production_id=scheduled.pid,
                                    schedule_id=board.pk, expected_version=board.version)
    assert locked.locked and locked.locked_by == coordinator
    with pytest.raises(Conflict) as caught:
        _move(scheduled, board, "2", None, 0)
    assert "locked" in caught.value.message
    with pytest.raises(Forbidden):
        services.schedule_unlock(actor=coordinator, production_id=scheduled.pid,
                                 schedule_id=board.pk, expected_version=locked.version)
    services.schedule_unlock(actor=scheduled.team.producer, production_id=scheduled.pid,
                             schedule_id=board.pk, expected_version=locked.version)
    assert _move(scheduled, board, "2", None, 0).strip_id == _strip(board, "2").pk


@pytest.mark.parametrize("role", ["accountant", "department_head", "crew", "cast"])
def test_roles_without_edit_schedule_cannot_move(scheduled: Scheduled, board: Any,
                                                 role: str) -> None:
    with pytest.raises(Forbidden):
        _move(scheduled, board, "2", None, 0, role=role)


def test_an_outsider_cannot_find_the_strip(scheduled: Scheduled, board: Any) -> None:
    with pytest.raises(NotFound):
        services.strip_move(actor=scheduled.team.outsider, production_id=scheduled.pid,
                            strip_id=_strip(board, "2").pk, day_id=None, position=0,
                            expected_version=board.version)
    with pytest.raises(NotFound):  # the outsider's own production does not hold it
        services.strip_move(actor=scheduled.team.outsider,
                            production_id=scheduled.team.other_production.pk,
                            strip_id=_strip(board, "2").pk, day_id=None, position=0,
                            expected_version=board.version)


def test_a_day_of_another_version_is_refused(scheduled: Scheduled, board: Any) -> None:
    other = services.schedule_copy(actor=scheduled.team.producer, production_id=scheduled.pid,
                                   schedule_id=board.pk, name="Plan B")
    with pytest.raises(Invalid):
        _move(scheduled, board, "2", ShootDay.objects.get(schedule=other, number=1), 0)


def test_money_in_a_move_only_for_money_roles(scheduled: Scheduled, board: Any) -> None:
    from tests.schedules.conftest import import_budget

    import_budget(scheduled)
    paid = _move(scheduled, board, "2", None, 0, role="production_manager")
    assert paid.cost is not None and paid.budget is not None
    assert paid.budget.lines > 0 and paid.budget.current != paid.budget.with_schedule
    unpaid = _move(scheduled, board, "3", None, 0, role="coordinator")
    assert unpaid.cost is None and unpaid.budget is None


def test_days_and_banners(scheduled: Scheduled, board: Any) -> None:
    pid, producer = scheduled.pid, scheduled.team.producer
    count = ShootDay.objects.filter(schedule=board).count()
    last = ShootDay.objects.filter(schedule=board).order_by("-number").first()
    day = services.shoot_day_add(actor=producer, production_id=pid, schedule_id=board.pk,
                                 expected_version=board.version)
    assert day.number == count + 1 and day.date > last.date and day.date.weekday() < 5
    board.refresh_from_db()
    banner = services.banner_add(actor=producer, production_id=pid, day_id=day.pk,
                                 text="  END OF   WEEK 2 ", expected_version=board.version)
    assert banner.text == "END OF WEEK 2"
    board.refresh_from_db()
    assert plan_of(board).schedule.banners[0].before_day == day.number
    first = ShootDay.objects.get(schedule=board, number=1)
    strips = Strip.objects.filter(day=first).count()
    services.shoot_day_remove(actor=producer, production_id=pid, day_id=first.pk,
                              expected_version=board.version)
    assert Strip.objects.filter(schedule=board, day__isnull=True).count() == strips
    assert sorted(ShootDay.objects.filter(schedule=board).values_list("number", flat=True)) == \
        list(range(1, count + 1))
    board.refresh_from_db()
    services.banner_remove(actor=producer, production_id=pid, banner_id=banner.pk,
                           expected_version=board.version)
    assert not Banner.objects.exists()


def test_a_copy_keeps_the_board_and_is_open(scheduled: Scheduled, board: Any) -> None:
    services.schedule_lock(actor=scheduled.team.producer, production_id=scheduled.pid,
                           schedule_id=board.pk, expected_version=board.version)
    copy = services.schedule_copy(actor=scheduled.team.producer, production_id=scheduled.pid,
                                  schedule_id=board.pk, name="Revision 1")
    assert not copy.locked and copy.based_on_id == board.pk
    board.refresh_from_db()
    assert plan_of(copy).schedule.days == plan_of(board).schedule.days


def test_deleting_an_unlocked_version(scheduled: Scheduled, board: Any) -> None:
    with pytest.raises(Conflict):
        services.schedule_delete(actor=scheduled.team.producer, production_id=scheduled.pid,
                                 schedule_id=board.pk, expected_version=board.version + 3)
    services.schedule_delete(actor=scheduled.team.producer, production_id=scheduled.pid,
                             schedule_id=board.pk, expected_version=board.version)
    assert not ScheduleVersion.objects.exists()


def test_the_current_schedule_is_the_newest_locked_one(scheduled: Scheduled,
                                                       board: Any) -> None:
    newer = services.schedule_copy(actor=scheduled.team.producer, production_id=scheduled.pid,
                                   schedule_id=board.pk, name="Newer")
    reader = scheduled.team.user("crew")
    assert selectors.schedule_current(actor=reader, production_id=scheduled.pid) == newer
    services.schedule_lock(actor=scheduled.team.producer, production_id=scheduled.pid,
                           schedule_id=board.pk, expected_version=board.version)
    assert selectors.schedule_current(actor=reader, production_id=scheduled.pid) == board


def test_setup_imports_the_facts_and_makes_a_first_version_once(team: Team) -> None:
    from lynchpin.productions.models import Production
    from lynchpin.schedules.models import ScheduleFacts
    from lynchpin.scripts.services import script_import
    from tests.conftest import SAMPLE
    from tests.schedules.conftest import PRODUCTION_FILE

    Production.objects.filter(pk=team.production.pk).update(currency="GBP")
    script_import(actor=team.producer, production_id=team.production.pk,
                  file_name="the-night-ferry.fountain", content=SAMPLE.read_bytes())
    text = PRODUCTION_FILE.read_text(encoding="utf-8")
    first = services.schedule_setup(actor=team.producer, production_id=team.production.pk,
                                    text=text, source=PRODUCTION_FILE.name)
    again = services.schedule_setup(actor=team.producer, production_id=team.production.pk,
                                    text=text, source=PRODUCTION_FILE.name)
    assert first == again and first.origin == "greedy"
    assert ScheduleFacts.objects.get(production=team.production).version == 1
    assert ScheduleVersion.objects.count() == 1
