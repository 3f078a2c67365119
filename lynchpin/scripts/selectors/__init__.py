"""Reads of the scripts app, always scoped to the actor (VIEW_SCRIPT).

- versions: `script_list`, `script_get`, `script_current`, `character_list`,
  `script_next_colour`, `upload_get`, `revision_report_get`
- scenes: `scene_list`, `scene_get`
- sheets: `breakdown_report_for`, `breakdown_pdf`, `scene_sheet_pdf`, `breakdown_sheets_file`,
  `breakdown_sheets_ready`, `breakdown_sheets_run_get`
- dashboard: `scripts_figures`, `scripts_attention` (dashboard sources)
"""

from __future__ import annotations

from lynchpin.scripts.selectors.dashboard import scripts_attention, scripts_figures
from lynchpin.scripts.selectors.scenes import CategoryGroup, SceneDetail, scene_get, scene_list
from lynchpin.scripts.selectors.sheets import (
    SheetFile,
    SheetsProgress,
    breakdown_pdf,
    breakdown_report_for,
    breakdown_sheets_file,
    breakdown_sheets_ready,
    breakdown_sheets_run_get,
    scene_sheet_pdf,
)
from lynchpin.scripts.selectors.versions import (
    RevisionView,
    Upload,
    character_list,
    revision_report_get,
    script_current,
    script_get,
    script_list,
    script_next_colour,
    upload_get,
)

__all__ = [
    "CategoryGroup",
    "RevisionView",
    "SceneDetail",
    "SheetFile",
    "SheetsProgress",
    "Upload",
    "breakdown_pdf",
    "breakdown_report_for",
    "breakdown_sheets_file",
    "breakdown_sheets_ready",
    "breakdown_sheets_run_get",
    "character_list",
    "revision_report_get",
    "scene_get",
    "scene_list",
    "scene_sheet_pdf",
    "script_current",
    "script_get",
    "script_list",
    "script_next_colour",
    "scripts_attention",
    "scripts_figures",
    "upload_get",
]
