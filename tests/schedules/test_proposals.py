"""Optimiser runs and re-plans as background tasks (the immediate backend runs them inside
the call): the proposal, its money for money roles only, apply as a new version, discard."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from lynchpin.core.errors import Conflict, Forbidden, Invalid
from lynchpin.core.models import TaskRun
from lynchpin.engine.scheduling.conflicts import check_schedule
from lynchpin.schedules import selectors, services
from lynchpin.schedules.adapters.plan import plan_of
from lynchpin.schedules.models import ScheduleProposal, ScheduleVersion
from tests.schedules.conftest import Scheduled

pytestmark = pytest.mark.django_db

#: Seconds a search gets in these tests: a feasible board of the sample takes well under one
#: on an idle machine; the margin is for a shared, loaded one (never a speed assertion).
QUICK = 6.0


def _optimise(scheduled: Scheduled, board: Any, role: str = "producer") -> ScheduleProposal:
    return services.schedule_optimise(actor=scheduled.team.user(role),
                                      production_id=scheduled.pid, schedule_id=board.pk,
                                      time_limit=QUICK)


def test_an_optimiser_run_proposes_a_cheaper_board_and_applies_as_a_version(
        scheduled: Scheduled, board: Any) -> None:
    proposal = _optimise(scheduled, board, role="coordinator")
    assert proposal.status == "ready" and proposal.run.status == TaskRun.Status.SUCCEEDED
    assert proposal.run.result["proposal_id"] == proposal.pk
    assert set(proposal.run.result) == {"proposal_id", "optimal", "days"}
    placed = [s for day in proposal.days for s in day["strips"]]
    assert sorted(placed) == sorted(s.id for s in plan_of(board).problem.strips)
    costs = proposal.costs
    proposed = Decimal(costs["proposed"]["amount"])
    assert proposed <= Decimal(costs["current"]["amount"])
    saved = Decimal(costs["current"]["amount"]) - proposed
    assert costs["difference"] == ("" if saved == 0 else "-") + f"{saved:,.2f}"
    version = services.proposal_apply(actor=scheduled.team.user("coordinator"),
                                      production_id=scheduled.pid, proposal_id=proposal.pk,
                                      name="Optimised")
    assert (version.origin, version.based_on_id) == ("optimised", board.pk)
    plan = plan_of(version)
    assert not [v for v in check_schedule(plan.problem, plan.schedule)
                if v.severity == "error"]
    assert [d.strips for d in plan.schedule.days] == [tuple(d["strips"]) for d in proposal.days]
    proposal.refresh_from_db()
    assert (proposal.status, proposal.applied_version_id) == ("applied", version.pk)
    with pytest.raises(Conflict):
        services.proposal_apply(actor=scheduled.team.producer, production_id=scheduled.pid,
                                proposal_id=proposal.pk, name="Again")


def test_the_run_and_the_outcome_hold_no_money(scheduled: Scheduled, board: Any) -> None:
    proposal = _optimise(scheduled, board)
    text = f"{proposal.run.result} {proposal.run.message} {proposal.outcome}"
    assert "16,500" not in text and "GBP" not in text
    page = selectors.proposal_get(actor=scheduled.team.user("coordinator"),
                                  production_id=scheduled.pid, proposal_id=proposal.pk)
    assert page.costs is None and page.rows
    paid = selectors.proposal_get(actor=scheduled.team.user("accountant"),
                                  production_id=scheduled.pid, proposal_id=proposal.pk)
    assert paid.costs is not None and paid.costs["components"][0]["label"] == "crew days"


def test_a_proposal_can_be_discarded_once(scheduled: Scheduled, board: Any) -> None:
    proposal = _optimise(scheduled, board)
    services.proposal_discard(actor=scheduled.team.producer, production_id=scheduled.pid,
                              proposal_id=proposal.pk)
    with pytest.raises(Conflict):
        services.proposal_apply(actor=scheduled.team.producer, production_id=scheduled.pid,
                                proposal_id=proposal.pk, name="Late")
    with pytest.raises(Conflict):
        services.proposal_stop(actor=scheduled.team.producer, production_id=scheduled.pid,
                               proposal_id=proposal.pk)
    assert ScheduleVersion.objects.count() == 1


@pytest.mark.parametrize("role", ["accountant", "department_head", "crew", "cast"])
def test_only_schedule_editors_optimise(scheduled: Scheduled, board: Any, role: str) -> None:
    with pytest.raises(Forbidden):
        _optimise(scheduled, board, role=role)


def test_a_time_limit_out_of_range_is_refused(scheduled: Scheduled, board: Any) -> None:
    with pytest.raises(Invalid) as caught:
        services.schedule_optimise(actor=scheduled.team.producer, production_id=scheduled.pid,
                                   schedule_id=board.pk, time_limit=0.5)
    assert "time_limit" in caught.value.fields


def _replan(scheduled: Scheduled, board: Any, disruption: dict[str, Any],
            **extra: Any) -> ScheduleProposal:
    return services.schedule_replan(actor=scheduled.team.producer, production_id=scheduled.pid,
                                    schedule_id=board.pk, disruption=disruption,
                                    time_limit=QUICK, **extra)


def test_a_replan_moves_an_actor_off_the_dates_they_are_out(scheduled: Scheduled,
                                                            board: Any) -> None:
    plan = plan_of(board)
    keith = {s.id for s in plan.problem.strips if "KEITH" in s.cast}
    out = next(d.date for d in plan.schedule.days if keith & set(d.strips))
    first = plan.schedule.days[0].date
    proposal = _replan(scheduled, board, {"kind": "performer_unavailable", "performer": "keith",
                                          "dates": [out.isoformat()]})
    assert proposal.status == "ready", proposal.error
    new_days = {date.fromisoformat(d["date"]): d["strips"] for d in proposal.days}
    assert not keith & set(new_days.get(out, []))
    changed = {c["strip"] for c in proposal.outcome["diff"]}
    assert changed and keith & changed
    old_first = set(plan.schedule.days[0].strips)
    assert old_first <= set(new_days[first]) or out == first  # days before it are kept
    assert "KEITH unavailable" in proposal.outcome["note"]
    version = services.proposal_apply(actor=scheduled.team.producer, production_id=scheduled.pid,
                                      proposal_id=proposal.pk, name="After Keith")
    assert version.origin == "replanned" and "KEITH" in version.note


def test_a_replan_keeps_the_shot_scenes(scheduled: Scheduled, board: Any) -> None:
    plan = plan_of(board)
    later = plan.schedule.days[3]
    shot = list(later.strips[:1])
    proposal = _replan(scheduled, board, {"kind": "weather_day",
                                          "date": plan.schedule.days[2].date.isoformat()},
                       shot=shot)
    assert proposal.status == "ready", proposal.error
    kept = next(d for d in proposal.days if d["date"] == later.date.isoformat())
    assert shot[0] in kept["strips"]


@pytest.mark.parametrize(("disruption", "field"), [
    ({"kind": "strike"}, "kind"),
    ({"kind": "performer_unavailable", "performer": "NOBODY", "dates": ["2027-03-16"]},
     "performer"),
    ({"kind": "performer_unavailable", "performer": "NELL", "dates": []}, "dates"),
    ({"kind": "location_lost", "location": "ATLANTIS", "from_date": "2027-03-16"}, "location"),
    ({"kind": "weather_day", "date": "16 March"}, "date"),
    ({"kind": "day_ran_short", "date": "2027-03-15", "unshot": ["99"]}, "unshot"),
])
def test_a_bad_disruption_names_its_field(scheduled: Scheduled, board: Any,
                                          disruption: dict[str, Any], field: str) -> None:
    with pytest.raises(Invalid) as caught:
        _replan(scheduled, board, disruption)
    assert field in caught.value.fields
    assert not ScheduleProposal.objects.exists()


def test_the_change_penalty_is_for_money_roles(scheduled: Scheduled, board: Any) -> None:
    with pytest.raises(Invalid) as caught:
        services.schedule_replan(actor=scheduled.team.user("coordinator"),
                                 production_id=scheduled.pid, schedule_id=board.pk,
                                 disruption={"kind": "weather_day", "date": "2027-03-15"},
                                 change_penalty=Decimal("10"), time_limit=QUICK)
    assert "change_penalty" in caught.value.fields


def test_an_engine_failure_fails_the_proposal_with_its_message(scheduled: Scheduled) -> None:
    from lynchpin.schedules.models import PerformerFacts

    version = services.schedule_create(actor=scheduled.team.producer,
                                       production_id=scheduled.pid, name="Doomed",
                                       mode="boneyard")
    nell = PerformerFacts.objects.get(name="NELL")
    services.performer_facts_save(actor=scheduled.team.producer, production_id=scheduled.pid,
                                  performer_id=nell.pk, expected_version=nell.version,
                                  available=[["2030-01-01", "2030-01-02"]])
    proposal = _optimise(scheduled, version)
    assert proposal.status == "failed" and "fits no shoot day" in proposal.error
    assert proposal.run.status == TaskRun.Status.FAILED
