"""Scene rows of a draft -> the engine's stripboard `Strip`s, as `strips_from_script` makes them.

The scripts app stores each scene (number, heading, length in eighths) and its breakdown
(`SceneElement` rows). A strip is built from them with the engine's own rules
(`lynchpin.engine.scheduling.strips`): the strip id and scene are the scene's production
number; the set is the heading's set name and its location the part before " - "; INT/EXT
from the heading (none counts as INT); the day part from the heading's time of day, a
continuation inheriting the previous scene's (omitted scenes included, as in the script);
cast = Cast Members (USS 100) elements that are not rejected; elements = Animals (108) and
Vehicles (103) as ``"animal:NAME"`` / ``"vehicle:NAME"``; background = Background Actors
(101) items x ``BACKGROUND_PER_ITEM``; minutes = eighths x the facts' minutes per eighth.
Omitted scenes have no strip.

Strips are kept per process by (draft id, creation time, draft version, minutes per eighth):
a breakdown edit raises the draft's version, so a changed breakdown is never served from the
cache; the creation time keeps a draft whose id was used before (a rolled-back transaction
gives SQLite's ids out again) from meeting the strips of the earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass

from lynchpin.core.kept import Kept
from lynchpin.engine.breakdown.categories import ANIMALS, BACKGROUND_ACTORS, CAST_MEMBERS, VEHICLES
from lynchpin.engine.breakdown.hazards import scene_time_of_day
from lynchpin.engine.scheduling.model import DayPart, Strip
from lynchpin.engine.scheduling.strips import BACKGROUND_PER_ITEM, day_part_of, location_of
from lynchpin.engine.screenplay.model import IntExt, parse_heading
from lynchpin.scripts.models import Scene, SceneElement, ScriptVersion

__all__ = ["DraftStrips", "draft_strips"]

#: Drafts whose strips a process keeps (each a few hundred small values).
CACHE_SIZE = 16
_PREFIXES = {ANIMALS: "animal:", VEHICLES: "vehicle:"}


@dataclass(frozen=True, slots=True)
class DraftStrips:
    """The strips of one draft in script order and the scene row id of each strip id."""

    strips: tuple[Strip, ...]
    scene_ids: dict[str, int]

    def by_id(self) -> dict[str, Strip]:
        """Strips by strip id."""
        return {strip.id: strip for strip in self.strips}

    def names(self) -> dict[int, str]:
        """Strip id by scene row id."""
        return {scene_id: strip_id for strip_id, scene_id in self.scene_ids.items()}


_kept: Kept[tuple[int, str, int, int], DraftStrips] = Kept(CACHE_SIZE)


def draft_strips(version: ScriptVersion, minutes_per_eighth: int) -> DraftStrips:
    """The strips of draft `version` (see the module docstring); cached per draft version."""
    key = (int(version.pk), version.created.isoformat(), int(version.version),
           minutes_per_eighth)
    return _kept.get_or_make(key, lambda: _build(version, minutes_per_eighth))


def _elements(version: ScriptVersion) -> dict[int, list[tuple[int, str]]]:
    """Scene id -> (category, name) of its elements that are not rejected."""
    rows = (
        SceneElement.objects.filter(scene__script_version=version,
                                    element__category__in=(CAST_MEMBERS, BACKGROUND_ACTORS,
                                                           ANIMALS, VEHICLES))
        .exclude(status=SceneElement.Status.REJECTED)
        .order_by("scene_id", "element__category", "element__name")
        .values_list("scene_id", "element__category", "element__name")
    )
    found: dict[int, list[tuple[int, str]]] = {}
    for scene_id, category, name in rows:
        found.setdefault(scene_id, []).append((category, name))
    return found


def _build(version: ScriptVersion, minutes_per_eighth: int) -> DraftStrips:
    scenes = Scene.objects.filter(script_version=version).order_by("order").only(
        "id", "number", "heading", "eighths", "omitted")
    items = _elements(version)
    strips: list[Strip] = []
    ids: dict[str, int] = {}
    day_part = DayPart.DAY
    for scene in scenes:
        heading = parse_heading(scene.heading)
        day_part = day_part_of(scene_time_of_day(heading), day_part)
        if scene.omitted:
            continue
        strip = _strip(scene, heading.set_name or heading.text, heading.int_ext, day_part,
                       items.get(scene.pk, []), minutes_per_eighth)
        strips.append(strip)
        ids[strip.id] = scene.pk
    return DraftStrips(tuple(strips), ids)


def _strip(scene: Scene, set_name: str, int_ext: IntExt, day_part: DayPart,
           items: list[tuple[int, str]], minutes_per_eighth: int) -> Strip:
    eighths = max(1, int(scene.eighths))  # a scene under 1/8 counts 1/8 (DESIGN.md 5)
    cast = tuple(dict.fromkeys(name for category, name in items if category == CAST_MEMBERS))
    elements = tuple(f"{_PREFIXES[category]}{name}" for category, name in items
                     if category in _PREFIXES)
    background = sum(1 for category, _ in items if category == BACKGROUND_ACTORS)
    return Strip(
        id=scene.number,
        scene=scene.number,
        eighths=eighths,
        minutes=eighths * minutes_per_eighth,
        set_name=set_name,
        location=location_of(set_name),
        int_ext=IntExt.INT if int_ext is IntExt.NONE else int_ext,
        day_part=day_part,
        cast=cast,
        elements=elements,
        background=background * BACKGROUND_PER_ITEM,
    )
