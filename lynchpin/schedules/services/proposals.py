"""Optimiser runs and re-plans: start one in the background, review it, apply or discard.

`schedule_optimise` and `schedule_replan` record a `ScheduleProposal` (running) and start the
`schedules.optimise` / `schedules.replan` task (core's TaskRun: live progress on the page).
The task calls `proposal_run`, which solves with the engine (`solve_schedule`, warm-started
from the board; or `replan` with the disruption) and stores the proposed board, what anyone
may read about it (`outcome`) and its money (`costs`: VIEW_MONEY only). The run's own
`result` holds no money (it is readable by every RUN_TASKS role). `proposal_apply` makes the
proposal a new version (banners carried by day number); `proposal_discard` drops it;
`proposal_stop` asks a running search to stop and keep the best board found so far.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction

from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Conflict, Invalid
from lynchpin.core.taskruns import TaskProgress, task_run_start
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.costing import schedule_cost
from lynchpin.engine.scheduling.explain import explain
from lynchpin.engine.scheduling.model import Banner as EngineBanner
from lynchpin.engine.scheduling.replan import ReplanResult, replan
from lynchpin.engine.scheduling.solver import Progress, SolveResult, solve_schedule
from lynchpin.schedules.adapters.board import schedule_from_json, schedule_json, write_board
from lynchpin.schedules.adapters.plan import Plan, plan_of
from lynchpin.schedules.adapters.view import cost_view
from lynchpin.schedules.models import ScheduleProposal, ScheduleVersion
from lynchpin.schedules.rights import editor, no_nul, proposal_in, sees_money, version_in
from lynchpin.schedules.services.disruptions import disruption_from
from lynchpin.schedules.services.running import Watch, run_watched
from lynchpin.schedules.services.versions import new_version

__all__ = [
    "MAX_TIME_LIMIT",
    "proposal_apply",
    "proposal_discard",
    "proposal_run",
    "proposal_stop",
    "schedule_optimise",
    "schedule_replan",
]

#: Longest search a person may ask for, in seconds (the smallest is MIN_TIME_LIMIT).
MAX_TIME_LIMIT = 600.0
MIN_TIME_LIMIT = 1.0
#: What moving one strip to another day costs a re-plan when nobody says (production currency).
DEFAULT_CHANGE_PENALTY = Decimal(500)


#: With the immediate task backend (tests, the demo) a search runs inside the web request,
#: so it is cut to this many seconds; with workers the asked limit applies.
IMMEDIATE_MAX_SECONDS = 20.0


def _time_limit(value: float) -> float:
    """The seconds a search may take: Invalid outside MIN..MAX_TIME_LIMIT."""
    if not MIN_TIME_LIMIT <= float(value) <= MAX_TIME_LIMIT:
        message = f"Between {MIN_TIME_LIMIT:g} and {MAX_TIME_LIMIT:g} seconds."
        raise Invalid(message, fields={"time_limit": [message]})
    backend = str(settings.TASKS["default"]["BACKEND"])
    if backend.endswith("ImmediateBackend"):
        return min(float(value), IMMEDIATE_MAX_SECONDS)
    return float(value)


def _start(*, actor: Any, production_id: int, version: ScheduleVersion, kind: str,
           request: dict[str, Any]) -> ScheduleProposal:
    from lynchpin.schedules.tasks import proposal_task  # the task calls back into here

    proposal = ScheduleProposal.objects.create(
        production_id=production_id, schedule=version, kind=kind, request=request,
        base_version=version.version, created_by=actor)
    audit_record(actor=actor, action=f"schedule.{kind}", target=version,
                 production_id=production_id, changes={"proposal": [None, proposal.pk]})
    run = task_run_start(actor=actor, production_id=production_id, kind=f"schedules.{kind}",
                         task=proposal_task, proposal_id=proposal.pk)
    ScheduleProposal.objects.filter(pk=proposal.pk).update(run=run)
    proposal.refresh_from_db()
    return proposal


def schedule_optimise(*, actor: Any, production_id: int, schedule_id: int,
                      time_limit: float = 30.0) -> ScheduleProposal:
    """Start an optimiser run of version `schedule_id` (at most `time_limit` seconds).
    Requires EDIT_SCHEDULE and RUN_TASKS. With the immediate task backend the run has
    finished when this returns."""
    editor(actor, production_id)
    version = version_in(production_id, schedule_id)
    return _start(actor=actor, production_id=production_id, version=version, kind="optimise",
                  request={"time_limit": _time_limit(time_limit)})


def schedule_replan(*, actor: Any, production_id: int, schedule_id: int,
                    disruption: dict[str, Any], shot: list[str] | None = None,
                    change_penalty: Decimal | None = None,
                    time_limit: float = 10.0) -> ScheduleProposal:
    """Start a re-plan of version `schedule_id` after `disruption` (see `disruptions`),
    keeping the `shot` scenes on their days. `change_penalty` (money: VIEW_MONEY roles only;
    default 500 in the production's currency) is what each changed strip costs the search.
    Raises Invalid naming the field of a bad disruption."""
    membership = editor(actor, production_id)
    no_nul(disruption=disruption, shot=shot)
    version = version_in(production_id, schedule_id)
    plan = plan_of(version)
    disruption_from(disruption, plan.problem, plan.schedule)  # refuse bad input now
    strips = {strip.id for strip in plan.problem.strips}
    shot_ids = sorted({str(s).strip().upper() for s in (shot or [])})
    unknown = [s for s in shot_ids if s not in strips]
    if unknown:
        raise Invalid(f"No scene {unknown[0]} in this schedule.",
                      fields={"shot": [f"Unknown scene {unknown[0]}."]})
    if change_penalty is not None and not sees_money(membership):
        raise Invalid("Only money roles set the change penalty.",
                      fields={"change_penalty": ["Leave empty."]})
    if change_penalty is not None and (not change_penalty.is_finite() or change_penalty < 0):
        raise Invalid("A penalty is 0 or more.", fields={"change_penalty": ["0 or more."]})
    penalty = DEFAULT_CHANGE_PENALTY if change_penalty is None else change_penalty
    request = {"time_limit": _time_limit(time_limit), "disruption": dict(disruption),
               "shot": shot_ids, "change_penalty": str(penalty)}
    return _start(actor=actor, production_id=production_id, version=version, kind="replan",
                  request=request)


def _progress_line(update: Progress) -> str:
    """A progress line without money: solutions found and the gap to the bound."""
    return f"{update.solutions} schedules found, {update.gap:.1%} from the best possible"


def _optimise(plan: Plan, proposal: ScheduleProposal, progress: TaskProgress) -> SolveResult:
    warm = plan.schedule if any(day.strips for day in plan.schedule.days) else None

    def work(watch: Watch) -> SolveResult:
        return solve_schedule(plan.problem, time_limit=float(proposal.request["time_limit"]),
                              warm_start=warm,
                              progress=lambda update: watch.report(_progress_line(update)),
                              should_stop=watch.should_stop)

    return run_watched(work, proposal_id=proposal.pk,
                       time_limit=float(proposal.request["time_limit"]), progress=progress,
                       label="Optimising")


def _replan(plan: Plan, proposal: ScheduleProposal, progress: TaskProgress) -> ReplanResult:
    request = proposal.request
    stated = disruption_from(request["disruption"], plan.problem, plan.schedule)
    penalty = Money(Decimal(request["change_penalty"]), plan.problem.currency)

    def work(watch: Watch) -> ReplanResult:
        return replan(plan.problem, plan.schedule, stated.disruption,
                      shot=frozenset(request["shot"]), change_penalty=penalty,
                      time_limit=float(request["time_limit"]))

    result = run_watched(work, proposal_id=proposal.pk, time_limit=float(request["time_limit"]),
                         progress=progress, label="Re-planning")
    request["note"] = stated.note
    return result


def _cost_dict(plan: Plan, schedule: Any) -> dict[str, Any]:
    return asdict(cost_view(schedule_cost(plan.problem, schedule)))


def _solve_fields(plan: Plan, result: SolveResult) -> tuple[dict[str, Any], dict[str, Any]]:
    explained = explain(plan.problem, result)
    outcome = {"status": result.status, "optimal": result.optimal, "gap": round(result.gap, 4),
               "held": [{"name": h.name, "summary": h.summary, "reasons": list(h.reasons)}
                        for h in explained.held]}
    costs = {"lower_bound": f"{result.lower_bound.rounded().amount:,}",
             "components": [{"label": c.label, "amount": f"{c.amount.rounded().amount:,}",
                             "detail": c.detail} for c in explained.components],
             "held": [{"name": h.name, "hold_days": h.hold_days,
                       "hold_cost": f"{h.hold_cost.rounded().amount:,}"}
                      for h in explained.held]}
    return outcome, costs


def proposal_run(*, proposal_id: int, progress: TaskProgress) -> dict[str, Any]:
    """The task body: solve or re-plan, store the proposal; returns the run's result (no
    money). An engine error fails the proposal with its message and is raised again."""
    proposal = ScheduleProposal.objects.select_related(
        "schedule__production", "schedule__script_version").get(pk=proposal_id)
    try:
        plan = plan_of(proposal.schedule)
        if proposal.kind == ScheduleProposal.Kind.OPTIMISE:
            solved = _optimise(plan, proposal, progress)
            schedule, (outcome, costs) = solved.schedule, _solve_fields(plan, solved)
        else:
            replanned = _replan(plan, proposal, progress)
            schedule = replanned.schedule
            outcome = {"status": replanned.solve.status, "optimal": replanned.solve.optimal,
                       "note": proposal.request.get("note", ""),
                       "diff": [{"strip": c.strip, "old": c.old_day, "new": c.new_day}
                                for c in replanned.diff]}
            costs = {"penalty": f"{replanned.penalty.rounded().amount:,}"}
    except Exception as error:
        ScheduleProposal.objects.filter(pk=proposal_id).update(
            status=ScheduleProposal.Status.FAILED, error=str(error)[:2000])
        raise
    days, boneyard = schedule_json(schedule)
    costs.update(proposed=_cost_dict(plan, schedule), current=_cost_dict(plan, plan.schedule))
    costs["difference"] = _difference(costs["current"]["amount"], costs["proposed"]["amount"],
                                      plan.problem.currency)
    outcome.update(days=len(days), moved=_moved(plan, schedule))
    ScheduleProposal.objects.filter(pk=proposal_id).update(
        status=ScheduleProposal.Status.READY, days=days, boneyard=boneyard, outcome=outcome,
        costs=costs, request=proposal.request)
    return {"proposal_id": proposal_id, "optimal": bool(outcome["optimal"]), "days": len(days)}


def _difference(current: Decimal, proposed: Decimal, currency: str) -> str:
    """The proposal's cost minus the board's, printed with its sign (negative: cheaper)."""
    change = Money(Decimal(proposed) - Decimal(current), currency).rounded().amount
    return f"{'+' if change > 0 else ''}{change:,}"


def _moved(plan: Plan, schedule: Any) -> int:
    """Strips whose date differs between the board and the proposal."""
    def dates(board: Any) -> dict[str, Any]:
        return {s: day.date for day in board.days for s in day.strips}

    old, new = dates(plan.schedule), dates(schedule)
    return sum(1 for strip in plan.problem.strips if old.get(strip.id) != new.get(strip.id))


def _ready(production_id: int, proposal_id: int) -> ScheduleProposal:
    proposal = proposal_in(production_id, proposal_id, for_update=True)
    if proposal.status != ScheduleProposal.Status.READY:
        raise Conflict(f"This proposal is {proposal.get_status_display().lower()}, not ready "
                       "to apply or discard.")
    return proposal


@transaction.atomic
def proposal_apply(*, actor: Any, production_id: int, proposal_id: int,
                   name: str) -> ScheduleVersion:
    """Make a ready proposal a new version named `name` (based on the proposal's version).
    Raises Conflict when it is not ready (running, applied, discarded), Invalid for a name."""
    editor(actor, production_id)
    proposal = _ready(production_id, proposal_id)
    base = version_in(production_id, proposal.schedule_id)
    plan = plan_of(base)
    numbers = {day.number for day in plan.schedule.days}
    schedule = schedule_from_json(proposal.days, proposal.boneyard, name=name)
    banners = tuple(EngineBanner(b.before_day, b.text) for b in plan.schedule.banners
                    if b.before_day in numbers)
    origin = "optimised" if proposal.kind == ScheduleProposal.Kind.OPTIMISE else "replanned"
    note = str(proposal.request.get("note") or f"Optimised from {base.name}")
    version = new_version(actor=actor, production_id=production_id, name=name,
                          script_version=base.script_version, origin=origin, based_on=base,
                          note=note)
    write_board(version, replace(schedule, banners=banners), plan.built.draft)
    proposal.status, proposal.applied_version = ScheduleProposal.Status.APPLIED, version
    proposal.save(update_fields=["status", "applied_version", "updated"])
    audit_record(actor=actor, action="proposal.apply", target=version,
                 production_id=production_id, changes={"from_proposal": [None, proposal.pk]})
    return version


@transaction.atomic
def proposal_discard(*, actor: Any, production_id: int, proposal_id: int) -> ScheduleProposal:
    """Drop a ready proposal (Conflict when it is not ready)."""
    editor(actor, production_id)
    proposal = _ready(production_id, proposal_id)
    proposal.status = ScheduleProposal.Status.DISCARDED
    proposal.save(update_fields=["status", "updated"])
    audit_record(actor=actor, action="proposal.discard", target=proposal,
                 production_id=production_id)
    return proposal


def proposal_stop(*, actor: Any, production_id: int, proposal_id: int) -> ScheduleProposal:
    """Ask a running search to stop; it keeps the best board found (Conflict if not running)."""
    editor(actor, production_id)
    proposal = proposal_in(production_id, proposal_id)
    if proposal.status != ScheduleProposal.Status.RUNNING:
        raise Conflict("This search is not running.")
    ScheduleProposal.objects.filter(pk=proposal.pk).update(stop_requested=True)
    proposal.stop_requested = True
    return proposal
