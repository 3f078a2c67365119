"""Board rows <-> the engine's `Schedule`: shoot days, strips in order, boneyard, banners.

`board_of(version)` reads a version's days, strips and banners once (`Board`);
`board.schedule(strips)` is the engine `Schedule` (strip ids are scene numbers of the
draft; a strip row whose scene the draft no longer has is left out). `write_board` stores an
engine `Schedule` as the rows of a new, empty version. `schedule_json` / `schedule_from_json`
keep a proposed schedule in a proposal's JSON fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from lynchpin.engine.scheduling.model import Banner as EngineBanner
from lynchpin.engine.scheduling.model import Schedule
from lynchpin.engine.scheduling.model import ShootDay as EngineDay
from lynchpin.schedules.adapters.strips import DraftStrips
from lynchpin.schedules.models import Banner, ScheduleVersion, ShootDay, Strip

__all__ = ["Board", "board_of", "schedule_from_json", "schedule_json", "write_board"]


@dataclass(frozen=True)
class Board:
    """A version's rows: days by number, strip rows (``(id, scene_id, day_id, position)``)
    in board order, and banners (``(day_id, text)``)."""

    version: ScheduleVersion
    days: tuple[ShootDay, ...]
    strips: tuple[tuple[int, int, int | None, int], ...]
    banners: tuple[tuple[int, int, str], ...]

    def day_by_id(self) -> dict[int, ShootDay]:
        """Days by row id."""
        return {int(day.pk): day for day in self.days}

    def schedule(self, draft: DraftStrips) -> Schedule:
        """The engine schedule of these rows (see the module docstring)."""
        names = draft.names()
        per_day: dict[int | None, list[str]] = {}
        for _, scene_id, day_id, _ in self.strips:
            if scene_id in names:
                per_day.setdefault(day_id, []).append(names[scene_id])
        days = tuple(EngineDay(int(day.number), day.date, tuple(per_day.get(int(day.pk), ())),
                               day.unit) for day in self.days)
        by_id = self.day_by_id()
        banners = tuple(EngineBanner(int(by_id[day_id].number), text)
                        for _, day_id, text in self.banners if day_id in by_id)
        return Schedule(days=days, boneyard=tuple(per_day.get(None, ())), banners=banners,
                        locked=self.version.locked, version=int(self.version.version),
                        name=self.version.name)


def board_of(version: ScheduleVersion) -> Board:
    """Read the board rows of `version` (three queries)."""
    days = tuple(ShootDay.objects.filter(schedule=version).order_by("number"))
    order = {int(day.pk): int(day.number) for day in days}
    rows = Strip.objects.filter(schedule=version).values_list("id", "scene_id", "day_id",
                                                                "position")
    strips = tuple(sorted(rows, key=lambda r: (r[2] is None, order.get(r[2] or 0, 0), r[3],
                                               r[0])))
    banners = tuple(Banner.objects.filter(schedule=version).order_by("day__number", "id")
                    .values_list("id", "day_id", "text"))
    return Board(version, days, strips, banners)


def write_board(version: ScheduleVersion, schedule: Schedule, draft: DraftStrips) -> None:
    """Store `schedule` as the days, strips and banners of `version` (which has none yet).
    Strips of the draft that `schedule` does not place go to the boneyard after its own."""
    days = ShootDay.objects.bulk_create(
        ShootDay(schedule=version, number=day.number, date=day.date, unit=day.unit)
        for day in schedule.days)
    by_number = {day.number: day for day in days}
    rows: list[Strip] = []
    placed: set[str] = set()
    for day, row in zip(schedule.days, days, strict=True):
        for position, strip_id in enumerate(day.strips):
            if strip_id in draft.scene_ids and strip_id not in placed:
                placed.add(strip_id)
                rows.append(Strip(schedule=version, scene_id=draft.scene_ids[strip_id],
                                  day=row, position=position))
    rest = [s for s in schedule.boneyard if s in draft.scene_ids and s not in placed]
    rest += [s.id for s in draft.strips if s.id not in placed and s.id not in rest]
    rows += [Strip(schedule=version, scene_id=draft.scene_ids[strip_id], day=None,
                   position=position) for position, strip_id in enumerate(rest)]
    Strip.objects.bulk_create(rows)
    Banner.objects.bulk_create(
        Banner(schedule=version, day=by_number[banner.before_day], text=banner.text)
        for banner in schedule.banners if banner.before_day in by_number)


def schedule_json(schedule: Schedule) -> tuple[list[dict[str, Any]], list[str]]:
    """The days (``{"number", "date", "strips"}``) and boneyard of `schedule` as JSON."""
    days = [{"number": day.number, "date": day.date.isoformat(), "strips": list(day.strips)}
            for day in schedule.days]
    return days, list(schedule.boneyard)


def schedule_from_json(days: list[dict[str, Any]], boneyard: list[str], *,
                       name: str = "") -> Schedule:
    """The engine schedule of `schedule_json`'s output."""
    return Schedule(
        days=tuple(EngineDay(int(day["number"]), date.fromisoformat(str(day["date"])),
                             tuple(str(s) for s in day["strips"])) for day in days),
        boneyard=tuple(str(s) for s in boneyard), name=name)
