"""Writes of the scripts app (keyword-only, actor first, atomic, audited, access-checked).

- imports: `script_import` (now), `script_upload` (background task), `script_import_stored`
- revisions: `script_revision_apply`, `script_revision_discard`
- breakdown: `scene_element_decide`, `scene_element_add`, `scene_element_edit`
- sheets: `breakdown_sheets_request` (cached file or background task), `breakdown_sheets_render`
"""

from __future__ import annotations

from lynchpin.scripts.services.breakdown import (
    scene_element_add,
    scene_element_decide,
    scene_element_edit,
)
from lynchpin.scripts.services.imports import (
    script_import,
    script_import_stored,
    script_upload,
)
from lynchpin.scripts.services.revisions import script_revision_apply, script_revision_discard
from lynchpin.scripts.services.sheets import (
    SheetsRequest,
    breakdown_sheets_render,
    breakdown_sheets_request,
)

__all__ = [
    "SheetsRequest",
    "breakdown_sheets_render",
    "breakdown_sheets_request",
    "scene_element_add",
    "scene_element_decide",
    "scene_element_edit",
    "script_import",
    "script_import_stored",
    "script_revision_apply",
    "script_revision_discard",
    "script_upload",
]
