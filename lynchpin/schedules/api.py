"""API of schedules under /api/v1/productions/{production_id}/schedules/...

Versions (list, create, get, copy, lock, unlock, delete), the board (days, strips, conflicts),
moving a strip (409 on a stale `version`), adding a day, the optimiser and re-plans (each
starts a background task and answers with the proposal to poll), applying or discarding a
proposal, the DOOD, and the production facts. Reading needs VIEW_SCRIPT, changing
EDIT_SCHEDULE; money (costs, budget effect, a proposal's `costs`) is null without VIEW_MONEY.
Each operation parses its input, calls ONE selector or service and returns a schema.
"""

# No `from __future__ import annotations` here: ninja builds its parameter models from these
# annotations, and the Annotated id types must be objects, not strings, when it does.
from dataclasses import asdict
from typing import Any

from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from lynchpin.api.pagination import LimitOffset
from lynchpin.api.schemas import ERRORS
from lynchpin.schedules import selectors, services
from lynchpin.schedules.adapters.conflicts import StripConflict
from lynchpin.schedules.adapters.view import DayView, StripView
from lynchpin.schedules.schemas import (
    BoardOut,
    CompareOut,
    ConflictOut,
    CopyIn,
    CreateIn,
    DayOut,
    DoodOut,
    FactsOut,
    MoveIn,
    MoveOut,
    OptimiseIn,
    PathId,
    ProposalOut,
    QueryId,
    ReplanIn,
    StripOut,
    VersionIn,
    VersionOut,
)

router = Router(tags=["schedules"])

SCHEDULES = "{production_id}/schedules"
SCHEDULE = "{production_id}/schedules/{int:schedule_id}"
PROPOSAL = "{production_id}/schedules/proposals/{int:proposal_id}"


def strip_out(strip: StripView) -> dict[str, Any]:
    """The StripOut fields of a strip view."""
    return {**asdict(strip), "id": strip.row_id, "conflicts": list(strip.conflicts)}


def day_out(day: DayView) -> dict[str, Any]:
    """The DayOut fields of a day view."""
    return {"id": day.row_id, "number": day.number, "date": day.date, "eighths": day.eighths,
            "length": day.length, "strip_minutes": day.strip_minutes,
            "move_minutes": day.move_minutes, "overtime_minutes": day.overtime_minutes,
            "hours": day.hours, "banners": [text for _, text in day.banners],
            "conflicts": list(day.conflicts), "strips": [strip_out(s) for s in day.strips]}


def conflicts_out(conflicts: tuple[StripConflict, ...]) -> list[dict[str, Any]]:
    """The ConflictOut fields of each conflict."""
    return [asdict(conflict) for conflict in conflicts]


def _money(value: Any) -> dict[str, Any] | None:
    return None if value is None else asdict(value)


@router.get(SCHEDULES, response={200: list[VersionOut], **ERRORS}, summary="Schedule versions")
@paginate(LimitOffset)
def list_schedules(request: HttpRequest, production_id: PathId) -> Any:
    return selectors.schedule_list(actor=request.auth, production_id=production_id)


@router.post(SCHEDULES, response={201: VersionOut, **ERRORS},
             summary="Create a version of the current draft")
def create_schedule(request: HttpRequest, production_id: PathId, payload: CreateIn) -> Any:
    return Status(201, services.schedule_create(
        actor=request.auth, production_id=production_id, name=payload.name,
        mode=payload.mode))


@router.get(f"{SCHEDULES}/facts", response={200: FactsOut, **ERRORS},
            summary="Production facts")
def get_facts(request: HttpRequest, production_id: PathId) -> Any:
    page = selectors.facts_get(actor=request.auth, production_id=production_id)
    return {"exists": page.exists, "facts": page.facts, "performers": list(page.performers),
            "locations": list(page.locations), "moves": list(page.moves),
            "cast": [asdict(line) for line in page.cast],
            "warnings": [w.message for w in page.warnings]}


@router.get(f"{SCHEDULES}/compare", response={200: CompareOut, **ERRORS},
            summary="Two versions side by side")
def compare_schedules(request: HttpRequest, production_id: PathId, first: QueryId,
                      second: QueryId) -> Any:
    comparison = selectors.schedule_compare(actor=request.auth, production_id=production_id,
                                            first_id=first, second_id=second)

    def side(summary: selectors.VersionSummary) -> dict[str, Any]:
        return {"version": summary.version, "days": summary.days, "first": summary.first,
                "last": summary.last, "scheduled": summary.scheduled,
                "boneyard": summary.boneyard, "eighths": summary.eighths,
                "cost": _money(summary.cost)}

    return {"first": side(comparison.first), "second": side(comparison.second),
            "cost_change": comparison.cost_change,
            "performers": [asdict(row) for row in comparison.performers],
            "scenes": [asdict(scene) for scene in comparison.scenes],
            "unchanged": comparison.unchanged}


@router.get(SCHEDULE, response={200: VersionOut, **ERRORS}, summary="A schedule version")
def get_schedule(request: HttpRequest, production_id: PathId, schedule_id: PathId) -> Any:
    return selectors.schedule_get(actor=request.auth, production_id=production_id,
                                  schedule_id=schedule_id)


@router.delete(SCHEDULE, response={204: None, **ERRORS}, summary="Delete an unlocked version")
def delete_schedule(request: HttpRequest, production_id: PathId, schedule_id: PathId,
                    version: QueryId) -> Any:
    services.schedule_delete(actor=request.auth, production_id=production_id,
                             schedule_id=schedule_id, expected_version=version)
    return Status(204, None)


@router.get(f"{SCHEDULE}/board", response={200: BoardOut, **ERRORS},
            summary="The stripboard: days, strips, boneyard, conflicts, cost")
def get_board(request: HttpRequest, production_id: PathId, schedule_id: PathId) -> Any:
    page = selectors.board_get(actor=request.auth, production_id=production_id,
                               schedule_id=schedule_id)
    board = page.board
    return {"schedule": page.version, "days": [day_out(d) for d in board.days],
            "boneyard": [strip_out(s) for s in board.boneyard],
            "conflicts": conflicts_out(board.conflicts), "eighths": board.eighths,
            "cost": _money(board.cost), "budget": _money(page.budget),
            "warnings": [w.message for w in page.warnings]}


@router.get(f"{SCHEDULE}/conflicts", response={200: list[ConflictOut], **ERRORS},
            summary="Every conflict of the board, tied to strips")
def get_conflicts(request: HttpRequest, production_id: PathId, schedule_id: PathId) -> Any:
    page = selectors.board_get(actor=request.auth, production_id=production_id,
                               schedule_id=schedule_id)
    return conflicts_out(page.board.conflicts)


@router.get(f"{SCHEDULE}/days", response={200: list[DayOut], **ERRORS},
            summary="Shoot days with their totals and strips")
def list_days(request: HttpRequest, production_id: PathId, schedule_id: PathId) -> Any:
    board = selectors.board_get(actor=request.auth, production_id=production_id,
                                schedule_id=schedule_id).board
    return [day_out(day) for day in board.days]


@router.get(f"{SCHEDULE}/strips", response={200: list[StripOut], **ERRORS},
            summary="Strips in board order (days, then the boneyard)")
@paginate(LimitOffset)
def list_strips(request: HttpRequest, production_id: PathId, schedule_id: PathId) -> Any:
    board = selectors.board_get(actor=request.auth, production_id=production_id,
                                schedule_id=schedule_id).board
    return [strip_out(s) for day in board.days for s in day.strips] + [
        strip_out(s) for s in board.boneyard]


@router.post(f"{SCHEDULES}/strips/{{int:strip_id}}/move", response={200: MoveOut, **ERRORS},
             summary="Move a strip (409 when the schedule changed since `version`)")
def move_strip(request: HttpRequest, production_id: PathId, strip_id: PathId,
               payload: MoveIn) -> Any:
    result = services.strip_move(
        actor=request.auth, production_id=production_id, strip_id=strip_id,
        day_id=payload.day_id, position=payload.position, expected_version=payload.version)
    return {"schedule_id": result.schedule_id, "version": result.version,
            "strip_id": result.strip_id, "days": [day_out(d) for d in result.days],
            "conflicts": conflicts_out(result.conflicts), "cost": _money(result.cost),
            "budget": _money(result.budget)}


@router.post(f"{SCHEDULE}/days", response={201: DayOut, **ERRORS},
             summary="Add a shoot day on the next work day")
def add_day(request: HttpRequest, production_id: PathId, schedule_id: PathId,
            payload: VersionIn) -> Any:
    day = services.shoot_day_add(actor=request.auth, production_id=production_id,
                                 schedule_id=schedule_id, expected_version=payload.version)
    return Status(201, {"id": day.pk, "number": day.number, "date": day.date, "eighths": 0,
                        "length": "0", "strip_minutes": 0, "move_minutes": 0,
                        "overtime_minutes": 0, "hours": "0.0", "banners": [],
                        "conflicts": [], "strips": []})


@router.post(f"{SCHEDULE}/copy", response={201: VersionOut, **ERRORS},
             summary="Copy a version (a scenario)")
def copy_schedule(request: HttpRequest, production_id: PathId, schedule_id: PathId,
                  payload: CopyIn) -> Any:
    return Status(201, services.schedule_copy(actor=request.auth, production_id=production_id,
                                              schedule_id=schedule_id, name=payload.name))


@router.post(f"{SCHEDULE}/lock", response={200: VersionOut, **ERRORS}, summary="Lock")
def lock_schedule(request: HttpRequest, production_id: PathId, schedule_id: PathId,
                  payload: VersionIn) -> Any:
    return services.schedule_lock(actor=request.auth, production_id=production_id,
                                  schedule_id=schedule_id, expected_version=payload.version)


@router.post(f"{SCHEDULE}/unlock", response={200: VersionOut, **ERRORS},
             summary="Unlock (producer, production manager)")
def unlock_schedule(request: HttpRequest, production_id: PathId, schedule_id: PathId,
                    payload: VersionIn) -> Any:
    return services.schedule_unlock(actor=request.auth, production_id=production_id,
                                    schedule_id=schedule_id, expected_version=payload.version)


def proposal_out(page: selectors.ProposalPage) -> dict[str, Any]:
    """The ProposalOut fields of a proposal page."""
    proposal, run = page.proposal, page.proposal.run
    return {"id": proposal.pk, "schedule_id": proposal.schedule_id, "kind": proposal.kind,
            "status": proposal.status, "run_id": run.pk if run else None,
            "progress": run.progress if run else 0, "message": run.message if run else "",
            "error": proposal.error, "days": proposal.days, "boneyard": proposal.boneyard,
            "outcome": proposal.outcome, "costs": page.costs,
            "applied_version_id": proposal.applied_version_id}


def _proposal(request: HttpRequest, production_id: int, proposal_id: int) -> dict[str, Any]:
    return proposal_out(selectors.proposal_get(actor=request.auth, production_id=production_id,
                                               proposal_id=proposal_id))


@router.post(f"{SCHEDULE}/optimise", response={202: ProposalOut, **ERRORS},
             summary="Start the optimiser (a background task); poll the proposal")
def optimise(request: HttpRequest, production_id: PathId, schedule_id: PathId,
             payload: OptimiseIn) -> Any:
    proposal = services.schedule_optimise(actor=request.auth, production_id=production_id,
                                          schedule_id=schedule_id,
                                          time_limit=payload.time_limit)
    return Status(202, _proposal(request, production_id, proposal.pk))


@router.post(f"{SCHEDULE}/replan", response={202: ProposalOut, **ERRORS},
             summary="Re-plan after a disruption (a background task); poll the proposal")
def replan(request: HttpRequest, production_id: PathId, schedule_id: PathId,
           payload: ReplanIn) -> Any:
    stated = payload.dict(include={"kind", "performer", "dates", "location", "from_date",
                                   "date", "unshot"})
    stated = {key: value.isoformat() if hasattr(value, "isoformat") else value
              for key, value in stated.items()}
    stated["dates"] = [day.isoformat() for day in payload.dates]
    proposal = services.schedule_replan(
        actor=request.auth, production_id=production_id, schedule_id=schedule_id,
        disruption=stated, shot=payload.shot, change_penalty=payload.change_penalty,
        time_limit=payload.time_limit)
    return Status(202, _proposal(request, production_id, proposal.pk))


@router.get(PROPOSAL, response={200: ProposalOut, **ERRORS},
            summary="A proposal: progress, then the proposed board")
def get_proposal(request: HttpRequest, production_id: PathId, proposal_id: PathId) -> Any:
    return _proposal(request, production_id, proposal_id)


@router.post(f"{PROPOSAL}/apply", response={201: VersionOut, **ERRORS},
             summary="Apply a ready proposal as a new version")
def apply_proposal(request: HttpRequest, production_id: PathId, proposal_id: PathId,
                   payload: CopyIn) -> Any:
    return Status(201, services.proposal_apply(actor=request.auth, production_id=production_id,
                                               proposal_id=proposal_id, name=payload.name))


@router.post(f"{PROPOSAL}/discard", response={200: ProposalOut, **ERRORS},
             summary="Discard a ready proposal")
def discard_proposal(request: HttpRequest, production_id: PathId, proposal_id: PathId) -> Any:
    services.proposal_discard(actor=request.auth, production_id=production_id,
                              proposal_id=proposal_id)
    return _proposal(request, production_id, proposal_id)


@router.post(f"{PROPOSAL}/stop", response={200: ProposalOut, **ERRORS},
             summary="Stop a running search (keeps the best board found)")
def stop_proposal(request: HttpRequest, production_id: PathId, proposal_id: PathId) -> Any:
    services.proposal_stop(actor=request.auth, production_id=production_id,
                           proposal_id=proposal_id)
    return _proposal(request, production_id, proposal_id)


@router.get(f"{SCHEDULE}/dood", response={200: DoodOut, **ERRORS}, summary="Day out of days")
def get_dood(request: HttpRequest, production_id: PathId, schedule_id: PathId) -> Any:
    _, dood = selectors.dood_get(actor=request.auth, production_id=production_id,
                                 schedule_id=schedule_id)
    return {"dates": list(dood.dates), "shoot_days": list(dood.shoot_days),
            "holidays": list(dood.holidays),
            "rows": [{**asdict(row), "kind": row.kind.value, "cells": list(row.cells),
                      "paid": row.paid} for row in dood.rows]}
