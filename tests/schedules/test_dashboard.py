"""What the schedules app adds to the production dashboard, by role."""

from __future__ import annotations

from typing import Any

import pytest

from lynchpin.core.access import membership_for
from lynchpin.schedules import services
from lynchpin.schedules.models import Strip
from lynchpin.schedules.selectors import schedules_attention, schedules_figures
from tests.schedules.conftest import Scheduled

pytestmark = pytest.mark.django_db


def _for(scheduled: Scheduled, role: str) -> tuple[list[Any], list[Any]]:
    user = scheduled.team.user(role)
    membership = membership_for(actor=user, production_id=scheduled.pid)
    return (schedules_figures(actor=user, membership=membership),
            schedules_attention(actor=user, membership=membership))


def test_shoot_days_for_everyone_cost_for_money_roles(scheduled: Scheduled,
                                                      board: Any) -> None:
    figures, _ = _for(scheduled, "crew")
    assert [f.label for f in figures] == ["Shoot days"]
    assert figures[0].value == str(board.days.count())
    money, _ = _for(scheduled, "accountant")
    assert [f.label for f in money] == ["Shoot days", "Schedule cost"]


def test_editors_are_told_of_conflicts_and_proposals(scheduled: Scheduled, board: Any) -> None:
    strip = Strip.objects.get(schedule=board, scene__number="1")
    day2 = board.days.get(number=2)
    services.strip_move(actor=scheduled.team.producer, production_id=scheduled.pid,
                        strip_id=strip.pk, day_id=day2.pk, position=0,
                        expected_version=board.version)
    services.schedule_optimise(actor=scheduled.team.producer, production_id=scheduled.pid,
                               schedule_id=board.pk, time_limit=6)
    _, items = _for(scheduled, "coordinator")
    texts = " ".join(item.message for item in items)
    assert "ready to review" in texts
    conflicts = next(item for item in items if "conflicts" in item.message)
    assert conflicts.count and conflicts.count >= 1  # scene 1 left the day it is pinned to
    _, none = _for(scheduled, "crew")
    assert none == []


def test_nothing_before_the_first_schedule(scheduled: Scheduled) -> None:
    assert _for(scheduled, "producer") == ([], [])
