"""Day-out-of-days codes (Movie Magic Scheduling's), read from ``dood_codes.json``.

A cell code is a string: ``"SW"``, ``"W"``, ``"WF"``, ``"SWF"``, ``"WD"`` (work, then
dropped), ``"PW"`` (picked up), ``"H"``, ``"/"`` (company holiday), ``"TR"``, ``"FT"``,
``"R"`` or ``""``. Every code counts towards one total (`counts`): work, hold, holiday,
travel, fitting, rehearsal or none. The JSON file cites its sources.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

CODES_FILE = Path(__file__).with_name("dood_codes.json")

WORK = "W"
START = "S"
FINISH = "F"
DROP = "D"
PICKUP = "P"
HOLD = "H"
HOLIDAY = "/"
TRAVEL = "TR"
FITTING = "FT"
REHEARSAL = "R"
BLANK = ""


@cache
def _table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CODES_FILE.read_text(encoding="utf-8"))
    return data


@cache
def code_totals() -> dict[str, str]:
    """Each valid code -> the total it counts towards (``"work"``, ``"hold"``, ...)."""
    return {code: str(entry["counts"]) for code, entry in _table()["codes"].items()}


@cache
def code_meanings() -> dict[str, str]:
    """Each valid code -> its meaning, for report legends."""
    return {code: str(entry["meaning"]) for code, entry in _table()["codes"].items()}


def max_drops() -> int:
    """Drop/pick-up breaks allowed per performer (SAG-AFTRA: one per production)."""
    return int(_table()["max_drops_per_performer"])


def work_code(*, start: bool, pickup: bool, drop: bool, finish: bool) -> str:
    """The code of a work day: ``S``/``P`` prefix, ``W``, ``D``/``F`` suffix."""
    prefix = START if start else PICKUP if pickup else ""
    suffix = FINISH if finish else DROP if drop else ""
    return f"{prefix}{WORK}{suffix}"
