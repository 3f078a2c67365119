"""API of productions: list, get, update (versioned), members, audit log, task progress.

Mounted at /api/v1/productions/ (lynchpin.api.routers). Each operation parses its input,
calls ONE selector or service, and returns a schema; errors are raised, never returned.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from lynchpin.api.pagination import LimitOffset
from lynchpin.api.schemas import ERRORS
from lynchpin.core.taskruns import task_run_get
from lynchpin.productions import selectors, services

router = Router(tags=["productions"])


class ProductionOut(Schema):
    """A production's settings; send `version` back when updating."""

    id: int
    title: str
    kind: str
    currency: str
    country: str
    region: str
    time_zone: str
    start_date: date | None
    version: int


class ProductionIn(Schema):
    """All settings of a production, and the `version` they were read at."""

    title: str
    kind: str
    currency: str
    country: str = ""
    region: str = ""
    time_zone: str = "UTC"
    start_date: date | None = None
    version: int


class MemberOut(Schema):
    """A member of the production with their role."""

    id: int
    user_id: int
    username: str
    name: str
    email: str
    role: str
    department: str

    @staticmethod
    def resolve_username(obj: Any) -> str:
        return str(obj.user.username)

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.user.get_full_name())

    @staticmethod
    def resolve_email(obj: Any) -> str:
        return str(obj.user.email)


class AuditEntryOut(Schema):
    """One audit log entry: `changes` maps each changed field to [old, new]."""

    id: int
    at: datetime
    actor: str
    action: str
    target_type: str
    target_id: str
    target_label: str
    changes: dict[str, Any]

    @staticmethod
    def resolve_actor(obj: Any) -> str:
        return str(obj.actor_label)


class TaskRunOut(Schema):
    """Progress of a background task (poll until `finished`)."""

    id: int
    kind: str
    status: str
    progress: int
    message: str
    result: dict[str, Any]
    finished: bool


@router.get(
    "", response={200: list[ProductionOut], **ERRORS}, summary="Productions I am a member of"
)
@paginate(LimitOffset)
def list_productions(request: HttpRequest) -> Any:
    return selectors.production_list(actor=request.auth)


@router.get("{production_id}", response={200: ProductionOut, **ERRORS}, summary="A production")
def get_production(request: HttpRequest, production_id: int) -> Any:
    return selectors.production_get(actor=request.auth, production_id=production_id)


@router.put(
    "{production_id}", response={200: ProductionOut, **ERRORS}, summary="Update a production"
)
def update_production(request: HttpRequest, production_id: int, payload: ProductionIn) -> Any:
    data = payload.dict()
    return services.production_update(
        actor=request.auth, production_id=production_id,
        expected_version=data.pop("version"), **data,
    )


@router.get(
    "{production_id}/members", response={200: list[MemberOut], **ERRORS}, summary="Members"
)
@paginate(LimitOffset)
def list_members(request: HttpRequest, production_id: int) -> Any:
    return selectors.member_list(actor=request.auth, production_id=production_id)


@router.get(
    "{production_id}/audit", response={200: list[AuditEntryOut], **ERRORS}, summary="Audit log"
)
@paginate(LimitOffset)
def list_audit(request: HttpRequest, production_id: int) -> Any:
    return selectors.audit_list(actor=request.auth, production_id=production_id)


@router.get(
    "{production_id}/tasks/{run_id}",
    response={200: TaskRunOut, **ERRORS},
    summary="Progress of a background task",
    url_name="task_run",
)
def get_task_run(request: HttpRequest, production_id: int, run_id: int) -> Any:
    return task_run_get(actor=request.auth, production_id=production_id, run_id=run_id)
