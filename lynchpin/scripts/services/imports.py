"""Importing a screenplay draft: synchronously, or as a background task with progress.

- `script_import`: parse, break down and store a draft in one transaction. The first draft
  becomes current at once; a later one waits as ``pending_review`` with its revision report
  until it is applied or discarded (lynchpin.scripts.services.revisions).
- `script_upload`: store the file as an ``importing`` draft and start a task that runs
  `script_import_stored` on it, reporting progress through core's TaskRun.

A file that is not a readable screenplay raises the engine's InputError (400, naming the
file and line) and saves nothing; a background import that fails marks its draft
``failed`` with the message instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from lynchpin.core.access import membership_for, require
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Conflict, Invalid, NotFound, error_info
from lynchpin.core.models import TaskRun
from lynchpin.core.roles import Capability
from lynchpin.core.taskruns import UNEXPECTED_FAILURE, task_run_start
from lynchpin.core.uploads import check_upload_size
from lynchpin.core.validation import clean_or_invalid
from lynchpin.scripts import adapters
from lynchpin.scripts.adapters import Analysis
from lynchpin.scripts.models import RevisionColour, ScriptVersion
from lynchpin.scripts.services.building import (
    describe_analysis,
    first_draft_rows,
    revision_rows,
    save_rows,
)
from lynchpin.scripts.services.common import lock_production

__all__ = ["script_import", "script_import_stored", "script_upload"]

logger = logging.getLogger(__name__)

#: ``progress(percent, message)``, as core's TaskProgress takes it.
Progress = Callable[[int, str], None]


def _no_progress(percent: int, message: str = "") -> None:
    """Progress sink of synchronous imports."""


def _colour(colour: str) -> str:
    if colour not in RevisionColour.values:
        raise Invalid(
            f"Unknown revision colour {colour!r}.", fields={"colour": ["Choose a revision colour."]}
        )
    return colour


def _new_version(
    *, actor: Any, production_id: int, file_name: str, content: bytes, colour: str, label: str
) -> ScriptVersion:
    """An unsaved ``importing`` draft with its file stored (the caller deletes the file if
    the transaction fails)."""
    check_upload_size(len(content))
    name = (file_name or "script").strip()[-255:] or "script"
    version = ScriptVersion(
        production_id=production_id, label=label.strip(), colour=_colour(colour),
        file_name=name, uploaded_by=actor, status=ScriptVersion.Status.IMPORTING,
    )
    clean_or_invalid(version, exclude=("source",))
    version.source.save(name, ContentFile(content), save=False)
    return version


def _refuse_second_review(production_id: int) -> None:
    pending = ScriptVersion.objects.filter(
        production_id=production_id, status=ScriptVersion.Status.PENDING_REVIEW
    ).first()
    if pending is not None:
        raise Conflict(
            f"{pending} is waiting for review; apply or discard it before importing another "
            "draft.",
        )


def _store(actor: Any, version: ScriptVersion, analysis: Analysis) -> None:
    """Fill and save `version` with its rows: current if it is the first draft, else pending
    review against the current one. The caller holds the production lock."""
    _refuse_second_review(version.production_id)
    describe_analysis(version, analysis)
    current = ScriptVersion.objects.filter(
        production_id=version.production_id, status=ScriptVersion.Status.READY
    ).first()
    if current is None:
        version.status, version.applied = ScriptVersion.Status.READY, timezone.now()
        version.save()
        rows = first_draft_rows(version, analysis)
    else:
        version.status = ScriptVersion.Status.PENDING_REVIEW
        version.base, version.base_version = current, current.version
        version.save()
        rows, version.revision = revision_rows(version, current, analysis)
        version.save(update_fields=["revision", "updated"])
    save_rows(version, rows, analysis)
    audit_record(
        actor=actor, action="script_version.import", target=version,
        production_id=version.production_id,
        changes={"status": [None, version.status], "scenes": [None, len(rows)],
                 "file_name": [None, version.file_name]},
    )


def script_import(
    *,
    actor: Any,
    production_id: int,
    file_name: str,
    content: bytes,
    colour: str = RevisionColour.WHITE,
    label: str = "",
) -> ScriptVersion:
    """Import a draft now: the first becomes current, a later one waits for review.

    Requires UPLOAD_SCRIPT. Raises InputError (naming the file and line) for a file that is
    not a screenplay, Invalid for a bad colour or label or a file over the size limit,
    Conflict while another revised draft waits for review. Nothing is saved on failure.
    """
    require(membership_for(actor=actor, production_id=production_id), Capability.UPLOAD_SCRIPT)
    check_upload_size(len(content))
    _colour(colour)
    analysis = adapters.analyse(content, file_name)
    with transaction.atomic():
        lock_production(production_id)
        version = _new_version(
            actor=actor, production_id=production_id, file_name=file_name, content=content,
            colour=colour, label=label,
        )
        try:
            _store(actor, version, analysis)
        except BaseException:
            version.source.delete(save=False)
            raise
    return version


def script_upload(
    *,
    actor: Any,
    production_id: int,
    file_name: str,
    content: bytes,
    colour: str = RevisionColour.WHITE,
    label: str = "",
) -> TaskRun:
    """Store a draft as ``importing`` and start its import in the background.

    Requires UPLOAD_SCRIPT (and RUN_TASKS, which every uploading role has). Returns the
    TaskRun to follow; its result names the draft (``script_version_id``) from the start.
    Raises Invalid for a bad colour, label or size, Conflict while a revised draft waits for
    review.
    """
    from lynchpin.scripts.tasks import script_import_task  # the task calls back into here

    require(membership_for(actor=actor, production_id=production_id), Capability.UPLOAD_SCRIPT)
    with transaction.atomic():
        lock_production(production_id)
        _refuse_second_review(production_id)
        version = _new_version(
            actor=actor, production_id=production_id, file_name=file_name, content=content,
            colour=colour, label=label,
        )
        try:
            version.save()
            audit_record(
                actor=actor, action="script_version.upload", target=version,
                production_id=production_id, changes={"file_name": [None, version.file_name]},
            )
            run = task_run_start(
                actor=actor, production_id=production_id, kind="scripts.import",
                task=script_import_task, script_version_id=version.pk, actor_id=actor.pk,
            )
        except BaseException:
            version.source.delete(save=False)
            raise
        # Name the draft in the run's result from the start (a queued run has no result yet).
        TaskRun.objects.filter(pk=run.pk).update(
            result={**run.result, "script_version_id": version.pk}
        )
    run.refresh_from_db()
    return run


def script_import_stored(
    *,
    actor: Any,
    production_id: int,
    script_version_id: int,
    progress: Progress = _no_progress,
) -> ScriptVersion:
    """Import an ``importing`` draft stored by `script_upload` (the background task's work).

    Requires UPLOAD_SCRIPT. On failure the draft is marked ``failed`` with the message and
    the error is re-raised. Raises NotFound when there is no such importing draft.
    """
    require(membership_for(actor=actor, production_id=production_id), Capability.UPLOAD_SCRIPT)
    version = ScriptVersion.objects.filter(
        pk=script_version_id, production_id=production_id, status=ScriptVersion.Status.IMPORTING
    ).first()
    if version is None:
        raise NotFound("Script draft not found.")
    try:
        progress(10, "Reading the screenplay")
        with version.source.open("rb") as handle:
            content = handle.read()
        progress(30, "Finding scenes, pages and breakdown suggestions")
        analysis = adapters.analyse(content, version.file_name)
        progress(70, "Comparing with the current draft and saving")
        with transaction.atomic():
            lock_production(production_id)
            _store(actor, version, analysis)
    except Exception as exc:
        _mark_failed(version.pk, exc)
        raise
    return version


def _mark_failed(version_id: int, exc: Exception) -> None:
    info = error_info(exc)
    message = info.message if info is not None else UNEXPECTED_FAILURE
    ScriptVersion.objects.filter(pk=version_id, status=ScriptVersion.Status.IMPORTING).update(
        status=ScriptVersion.Status.FAILED, error=message[:2000], updated=timezone.now()
    )
    logger.info("script import %s failed: %s", version_id, message)
