"""Strips from a script: one stripboard strip per scene, from pagination and breakdown.

Each scene that is not omitted becomes a `Strip`:

- `id` and `scene`: the scene number, or its 1-based position when unnumbered (a repeated
  number gets ``"@<position>"`` appended so ids stay unique);
- `eighths` from the pagination; `minutes` = eighths x `minutes_per_eighth` (default from
  ``strips.json``: 15 minutes an eighth, i.e. 2 hours a page including set-ups, 5 pages in a
  10-hour day; that file's "source" cites the figures, docs/scheduling/strips.md explains);
- `set_name` from the heading; `location` is the part of the set name before the first
  ``" - "`` (``"MV CORRIE BELL - CAR DECK"`` -> ``"MV CORRIE BELL"``), upper case, single
  spaces: sets that share a location share a company base and need no move between them;
- `int_ext` from the heading (a heading with no INT/EXT counts as INT);
- `day_part` from the heading's time of day (``strips.json`` groups the words);
  continuations (CONTINUOUS, LATER, SAME, ...), unknown words and a missing time inherit the
  previous scene's day part, and the first scene defaults to DAY;
- `cast`: Cast Members (USS 100) items of the scene's breakdown, mapped through `cast_ids`
  (character name -> performer id; a name missing from it, or no mapping at all, keeps the
  name as the id); rejected items are left out, suggested and accepted ones kept;
- `elements`: Animals (108) and Vehicles (103) items as ``"animal:<NAME>"`` and
  ``"vehicle:<NAME>"``;
- `background`: the number of Background Actors (101) items x ``background_per_item``.

Raises InputError when the pagination has no entry for a scene, or `minutes_per_eighth`
is not positive.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from lynchpin.engine.breakdown.categories import ANIMALS, BACKGROUND_ACTORS, CAST_MEMBERS, VEHICLES
from lynchpin.engine.breakdown.hazards import scene_time_of_day
from lynchpin.engine.breakdown.model import Breakdown, SceneBreakdown
from lynchpin.engine.errors import InputError
from lynchpin.engine.scheduling.model import DayPart, Strip
from lynchpin.engine.screenplay.model import IntExt, Scene, Script
from lynchpin.engine.screenplay.paginate import Pagination

__all__ = ["DEFAULT_MINUTES_PER_EIGHTH", "location_of", "strips_from_script"]

STRIPS_FILE = Path(__file__).with_name("strips.json")

#: Element categories that become strip elements, with the id prefix each gets.
ELEMENT_PREFIXES = ((ANIMALS, "animal:"), (VEHICLES, "vehicle:"))


@cache
def _table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(STRIPS_FILE.read_text(encoding="utf-8"))
    return data


@cache
def _day_parts() -> dict[str, DayPart]:
    return {word: DayPart(part) for part, words in _table()["day_parts"].items() for word in words}


#: Planning minutes per eighth of a page, set-ups included (``strips.json``).
DEFAULT_MINUTES_PER_EIGHTH: int = int(_table()["minutes_per_eighth"])

#: Background actors planned per Background Actors breakdown item (``strips.json``).
BACKGROUND_PER_ITEM: int = int(_table()["background_per_item"])


def location_of(set_name: str) -> str:
    """The location part of a set name: the text before the first ``" - "``, upper case,
    whitespace collapsed. ``"MV Corrie Bell - Car Deck"`` -> ``"MV CORRIE BELL"``."""
    head = set_name.split(" - ", 1)[0]
    return " ".join(head.split()).upper()


def day_part_of(time_of_day: str, previous: DayPart) -> DayPart:
    """The day part a heading's time-of-day word stands for; `previous` when the word is a
    continuation, unknown or empty."""
    return _day_parts().get(" ".join(time_of_day.upper().split()), previous)


def _int_ext(value: IntExt) -> IntExt:
    return IntExt.INT if value is IntExt.NONE else value


def _cast(sheet: SceneBreakdown | None, cast_ids: Mapping[str, str]) -> tuple[str, ...]:
    names = sheet.by_category().get(CAST_MEMBERS, ()) if sheet else ()
    ids: list[str] = []
    for name in names:
        ident = cast_ids.get(name, name)
        if ident not in ids:
            ids.append(ident)
    return tuple(ids)


def _elements(sheet: SceneBreakdown | None) -> tuple[str, ...]:
    if sheet is None:
        return ()
    groups = sheet.by_category()
    return tuple(
        f"{prefix}{name}" for cat, prefix in ELEMENT_PREFIXES for name in groups.get(cat, ())
    )


def _background(sheet: SceneBreakdown | None) -> int:
    if sheet is None:
        return 0
    return len(sheet.by_category().get(BACKGROUND_ACTORS, ())) * BACKGROUND_PER_ITEM


def _strip_id(scene: Scene, position: int, used: set[str]) -> str:
    ident = scene.number.strip() or str(position)
    if ident in used:
        ident = f"{ident}@{position}"
    used.add(ident)
    return ident


def strips_from_script(
    script: Script,
    pagination: Pagination,
    breakdown: Breakdown,
    *,
    minutes_per_eighth: int = DEFAULT_MINUTES_PER_EIGHTH,
    cast_ids: Mapping[str, str] | None = None,
) -> tuple[Strip, ...]:
    """One `Strip` per scene of `script` that its breakdown does not mark omitted, in script
    order (see the module docstring for each field). Raises InputError naming the scene when
    `pagination` has no length for it, or naming `minutes_per_eighth` when it is not > 0."""
    if minutes_per_eighth <= 0:
        raise InputError(
            f"minutes per eighth must be positive, got {minutes_per_eighth}",
            source=script.source_name,
            field="minutes_per_eighth",
        )
    lengths = {entry.index: entry.eighths for entry in pagination.scenes}
    sheets = {sheet.scene: sheet for sheet in breakdown.scenes}
    strips: list[Strip] = []
    used: set[str] = set()
    day_part = DayPart.DAY
    for position, scene in enumerate(script.scenes, start=1):
        day_part = day_part_of(scene_time_of_day(scene.heading), day_part)
        sheet = sheets.get(scene.index)
        if sheet is not None and sheet.omitted:
            continue
        if scene.index not in lengths:
            raise InputError(
                f"no page length for scene {scene.number or position}",
                source=script.source_name,
                field="pagination",
            )
        strips.append(_strip(scene, position, used, lengths[scene.index], minutes_per_eighth,
                             day_part, sheet, cast_ids or {}))  # fmt: skip
    return tuple(strips)


def _strip(
    scene: Scene,
    position: int,
    used: set[str],
    eighths: int,
    minutes_per_eighth: int,
    day_part: DayPart,
    sheet: SceneBreakdown | None,
    cast_ids: Mapping[str, str],
) -> Strip:
    ident = _strip_id(scene, position, used)
    heading = scene.heading
    set_name = heading.set_name or heading.text
    return Strip(
        id=ident,
        scene=scene.number.strip() or str(position),
        eighths=eighths,
        minutes=eighths * minutes_per_eighth,
        set_name=set_name,
        location=location_of(set_name),
        int_ext=_int_ext(heading.int_ext),
        day_part=day_part,
        cast=_cast(sheet, cast_ids),
        elements=_elements(sheet),
        background=_background(sheet),
        notes=scene.synopsis,
    )
