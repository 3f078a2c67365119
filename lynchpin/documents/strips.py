"""Strip colours and day/night for breakdown sheets and tables, read from ``strips.json``.

A scene is night (``"N"``) when its time of day is a night word (``NIGHT``, ``EVENING``,
``DUSK``...), day (``"D"``) for any other stated time, and unknown (``""``) when the heading
states none. ``CONTINUOUS``, ``LATER``, ``SAME``... carry the day/night of the scene before.
Strip colour: INT/DAY white, EXT/DAY yellow, INT/NIGHT blue, EXT/NIGHT green; ``INT/EXT``
counts as exterior and an unknown time as day.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lynchpin.engine.breakdown.report import SceneReport


@dataclass(frozen=True, slots=True)
class StripRules:
    """Colours keyed ``"INT/D"``..``"EXT/N"``, exterior prefixes, night and continuing words."""

    colours: dict[str, str]
    exterior: frozenset[str]
    night: frozenset[str]
    continuing: frozenset[str]


@cache
def strip_rules() -> StripRules:
    """The rules shipped in ``strips.json`` (read once)."""
    text = resources.files("lynchpin.documents").joinpath("strips.json").read_text("utf-8")
    data = json.loads(text)
    return StripRules(
        colours=dict(data["colours"]),
        exterior=frozenset(data["exterior"]),
        night=frozenset(data["night"]),
        continuing=frozenset(data["continuing"]),
    )


def day_night(scenes: tuple[SceneReport, ...]) -> tuple[str, ...]:
    """``"D"``, ``"N"`` or ``""`` for each scene, in order (continuing times inherit)."""
    rules = strip_rules()
    result: list[str] = []
    previous = ""
    for scene in scenes:
        time = scene.time_of_day.strip().upper()
        if time in rules.continuing:
            current = previous
        elif time in rules.night or "NIGHT" in time.split():
            current = "N"
        else:
            current = "D" if time else ""
        result.append(current)
        previous = current
    return tuple(result)


def strip_colour(int_ext: str, day_or_night: str) -> str:
    """The strip colour (``#rrggbb``) for a scene's INT/EXT and ``"D"``/``"N"``/``""``."""
    rules = strip_rules()
    place = "EXT" if int_ext in rules.exterior else "INT"
    time = "N" if day_or_night == "N" else "D"
    return rules.colours[f"{place}/{time}"]
