"""The stored whole-draft breakdown sheets: one PDF per draft and breakdown version.

The file is ``scripts/<production>/sheets/<draft>-v<version>.pdf`` in the media storage (the
data dir's ``media/``). A draft's `version` rises with every breakdown edit, so an edit makes
the stored file stale by name alone; storing a newer file deletes the older ones. Both the
selectors (read) and the sheets service (render, store) use this module; it checks no
rights: its callers do.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from lynchpin.engine.breakdown.report import BreakdownReport
from lynchpin.scripts import adapters
from lynchpin.scripts.models import ScriptVersion

__all__ = ["SHEETS_KIND", "cached_name", "read_cached", "report_of_version", "store"]

#: TaskRun.kind of a whole-draft sheets run.
SHEETS_KIND = "scripts.sheets"


def report_of_version(version: ScriptVersion) -> BreakdownReport:
    """The breakdown report of a draft's current scenes (accepted elements only).

    Raises InputError when the draft's stored file no longer reads as imported.
    """
    scenes = list(version.scenes.order_by("order"))
    script = adapters.script_of(version)
    return adapters.report_of(version, script, scenes, adapters.items_of(scenes))


def _folder(version: ScriptVersion) -> str:
    return f"scripts/{version.production_id}/sheets"


def _name(version: ScriptVersion, breakdown_version: int) -> str:
    return f"{_folder(version)}/{version.pk}-v{breakdown_version}.pdf"


def cached_name(version: ScriptVersion) -> str | None:
    """The stored file of the draft's current breakdown version, or None (never rendered,
    or stale)."""
    name = _name(version, version.version)
    return name if default_storage.exists(name) else None


def read_cached(version: ScriptVersion) -> bytes | None:
    """The PDF of the draft's current breakdown version, or None when it is not stored."""
    name = cached_name(version)
    if name is None:
        return None
    with default_storage.open(name, "rb") as handle:
        return bytes(handle.read())


def store(version: ScriptVersion, breakdown_version: int, content: bytes) -> None:
    """Store the PDF rendered from `breakdown_version` of the draft and delete files of
    older breakdown versions (a newer one, stored meanwhile, is kept)."""
    name = _name(version, breakdown_version)
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, ContentFile(content))
    for old in _listing(_folder(version)):
        stem, _, rest = old.partition("-v")
        number = rest.removesuffix(".pdf")
        if stem == str(version.pk) and number.isdigit() and int(number) < breakdown_version:
            default_storage.delete(f"{_folder(version)}/{old}")


def _listing(folder: str) -> list[str]:
    try:
        return list(default_storage.listdir(folder)[1])
    except FileNotFoundError:
        return []
