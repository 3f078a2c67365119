"""Values of a scheduling problem and of a schedule.

A `ScheduleProblem` says what must be shot (`Strip`s), by whom (`Performer`s: cast and any
other element with a daily cost and availability, e.g. an animal or a picture car), where
(`Location`s and the `Move`s between them), when work is possible (`Calendar`, resolved to
`WorkDay`s by `engine.calendar`), and under which `Rules`. A `Schedule` is an answer: shoot
days with their strips in shooting order, plus a boneyard of strips left unscheduled.

Units: lengths in eighths of a page; times in minutes; dates are `datetime.date`; money is
`engine.money.Money` in the problem's currency. Ids are strings, unique within their kind.
All values are immutable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from lynchpin.engine.money import Money
from lynchpin.engine.screenplay.model import IntExt


class DayPart(StrEnum):
    """When in the day a strip is set; NIGHT (and DUSK/DAWN) shape call times and turnarounds."""

    DAY = "DAY"
    NIGHT = "NIGHT"
    DAWN = "DAWN"
    DUSK = "DUSK"


@dataclass(frozen=True, slots=True)
class DateRange:
    """Calendar dates `first` to `last`, both included. Invariant: first <= last."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise ValueError(f"date range ends ({self.last}) before it starts ({self.first})")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


@dataclass(frozen=True, slots=True)
class Availability:
    """When someone or something can work.

    `windows` empty means always available; otherwise only inside one of them. `blackouts`
    are dates excluded even inside a window.
    """

    windows: tuple[DateRange, ...] = ()
    blackouts: tuple[date, ...] = ()

    def allows(self, day: date) -> bool:
        """True when work on `day` is possible."""
        if day in self.blackouts:
            return False
        return not self.windows or any(day in window for window in self.windows)


@dataclass(frozen=True, slots=True)
class Strip:
    """One strip of the stripboard: a scene, or a part of one (`id` like ``"12"``, ``"12pt2"``).

    `eighths` is the page length; `minutes` the estimated shooting time (set-up included).
    `cast` and `elements` are `Performer` ids (cast and other costed elements); `background`
    is the number of background actors. `unit` is ``"main"`` unless a second unit shoots it.
    """

    id: str
    scene: str
    eighths: int
    minutes: int
    set_name: str
    location: str
    int_ext: IntExt = IntExt.INT
    day_part: DayPart = DayPart.DAY
    cast: tuple[str, ...] = ()
    elements: tuple[str, ...] = ()
    background: int = 0
    unit: str = "main"
    notes: str = ""


class PerformerKind(StrEnum):
    """What a costed, scheduled resource is."""

    CAST = "cast"
    ANIMAL = "animal"
    VEHICLE = "vehicle"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Performer:
    """A cast member or other element that is paid by the day and has availability.

    Paid days run from the first to the last day worked ("start/finish"); days in between
    without work are holds (paid at `daily_rate`) unless a drop/pick-up is allowed and
    cheaper: then the performer is dropped and picked up again, which needs more than
    `drop_min_gap_days` calendar days between working days (SAG-AFTRA: more than 10).
    `earliest_start`/`latest_finish` bound the engagement; `max_minutes` bounds a day's work
    (minors). `number` is the stripboard/DOOD id (cast number 1, 2, ...).
    """

    id: str
    name: str
    daily_rate: Money
    kind: PerformerKind = PerformerKind.CAST
    number: int = 0
    availability: Availability = field(default_factory=Availability)
    earliest_start: date | None = None
    latest_finish: date | None = None
    holds_allowed: bool = True
    drop_pickup_allowed: bool = False
    drop_min_gap_days: int = 10
    minor: bool = False
    max_minutes: int | None = None
    travel_days: int = 0


@dataclass(frozen=True, slots=True)
class Location:
    """A place shot at: daily cost while the company is there, permit/availability windows."""

    id: str
    name: str
    daily_cost: Money
    availability: Availability = field(default_factory=Availability)


@dataclass(frozen=True, slots=True)
class Move:
    """Moving the company between two locations (either direction).

    Inside a shoot day a move costs `minutes` of shooting time; between shoot days it costs
    `cost` (trucks, travel). Missing pairs use `Rules.default_move_minutes`/`_cost`.
    """

    a: str
    b: str
    minutes: int
    cost: Money


@dataclass(frozen=True, slots=True)
class Calendar:
    """Which dates are shoot days: from `start`, `week_days` days a week (5: Mon-Fri,
    6: Mon-Sat), minus `days_off` and public holidays of `country`/`subdivision` (the
    `holidays` package), minus `travel_days` (company travel, no shooting).
    """

    start: date
    week_days: int = 5
    days_off: tuple[date, ...] = ()
    country: str = ""
    subdivision: str = ""
    travel_days: tuple[date, ...] = ()
    extra_work_days: tuple[date, ...] = ()


@dataclass(frozen=True, slots=True)
class DayCapacity:
    """How much one shoot day holds.

    `standard_minutes` is the day before overtime (10 h), `max_minutes` the hard maximum
    (12 h); `max_eighths` an optional page cap. Overtime is paid per hour beyond standard.
    """

    standard_minutes: int = 600
    max_minutes: int = 720
    max_eighths: int | None = None


@dataclass(frozen=True, slots=True)
class Rules:
    """Scheduling rules (defaults as data in `rules.json`; a production overrides them).

    `precedences`: (a, b) strip ids, a shot on a day before b's day, or earlier the same day.
    `same_day`: groups of strip ids shot on one day. `pinned`: (strip id, date).
    `cover_sets`: (interior strip id, exterior strip id): the interior is weather cover for
    that exterior. Rest periods in hours between wrap and next call: `crew_rest_hours`,
    `cast_rest_hours`. `day_call`/`night_call`: call times in minutes after midnight used to
    check turnarounds between DAY and NIGHT days.
    """

    precedences: tuple[tuple[str, str], ...] = ()
    same_day: tuple[tuple[str, ...], ...] = ()
    pinned: tuple[tuple[str, date], ...] = ()
    cover_sets: tuple[tuple[str, str], ...] = ()
    crew_rest_hours: int = 10
    cast_rest_hours: int = 12
    day_call: int = 7 * 60
    night_call: int = 17 * 60
    default_move_minutes: int = 60
    default_move_cost: Money | None = None


@dataclass(frozen=True, slots=True)
class WorkDay:
    """A date the company can shoot, numbered from 1 (shoot day 1, 2, ...)."""

    number: int
    date: date


@dataclass(frozen=True, slots=True)
class ScheduleProblem:
    """Everything the optimiser needs. `crew_daily_cost` is the burn of one shoot day
    (crew, equipment, overheads); `overtime_hourly_cost` what an hour past the standard day
    costs the company. `days` are the candidate shoot days (from `engine.calendar`)."""

    strips: tuple[Strip, ...]
    performers: tuple[Performer, ...]
    locations: tuple[Location, ...]
    days: tuple[WorkDay, ...]
    crew_daily_cost: Money
    overtime_hourly_cost: Money
    moves: tuple[Move, ...] = ()
    capacity: DayCapacity = field(default_factory=DayCapacity)
    rules: Rules = field(default_factory=Rules)
    currency: str = "USD"


@dataclass(frozen=True, slots=True)
class Banner:
    """A banner strip on the board (e.g. "END OF WEEK 1", "TRAVEL DAY") before shoot day
    `before_day` (a WorkDay number)."""

    before_day: int
    text: str


@dataclass(frozen=True, slots=True)
class ShootDay:
    """One shoot day of a schedule: its date and strip ids in shooting order."""

    number: int
    date: date
    strips: tuple[str, ...]
    unit: str = "main"


@dataclass(frozen=True, slots=True)
class Schedule:
    """A schedule version: shoot days in date order, the boneyard (strips not scheduled),
    banners, whether it is locked, and the version number (optimistic concurrency)."""

    days: tuple[ShootDay, ...]
    boneyard: tuple[str, ...] = ()
    banners: tuple[Banner, ...] = ()
    locked: bool = False
    version: int = 1
    name: str = ""

    def day_of(self, strip_id: str) -> ShootDay | None:
        """The shoot day carrying `strip_id`, or None (boneyard / unknown)."""
        for day in self.days:
            if strip_id in day.strips:
                return day
        return None
