"""The demo's screenplay: the bundled sample imported as the first (white) draft.

Goes through the scripts app's `script_import` service (parse, paginate, suggest the
breakdown), as an upload on the site would. Skipped, with a note, when the production already
has a script (a re-run) or when the scripts app is not installed.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps

from lynchpin.demo.samples import SCRIPT_FILE, sample_bytes

__all__ = ["SCRIPT_LABEL", "import_script"]

#: Label of the demo's first draft.
SCRIPT_LABEL = "Shooting script"


def import_script(*, actor: Any, production_id: int) -> str:
    """Import the sample screenplay unless the production has a script; return a one-line
    note for people. Raises the scripts app's errors (a broken sample is a bug)."""
    if not apps.is_installed("lynchpin.scripts"):
        return "Script: the scripts app is not installed; no screenplay imported."
    from lynchpin.scripts.selectors import script_list
    from lynchpin.scripts.services import script_import

    existing = script_list(actor=actor, production_id=production_id)
    if existing.exists():
        return f"Script: kept the {existing.count()} draft(s) already imported."
    version = script_import(
        actor=actor, production_id=production_id, file_name=SCRIPT_FILE,
        content=sample_bytes(SCRIPT_FILE), colour="white", label=SCRIPT_LABEL,
    )
    scenes = version.scenes.count()
    return f"Script: {SCRIPT_FILE} imported as the white draft ({scenes} scenes)."
