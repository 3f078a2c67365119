"""The production file: a TOML description of a shoot (calendar, cast, locations, rules).

`read_production(text, source=...)` parses the text with the stdlib ``tomllib`` (no file
access) into a `Production` value; `build_problem` (in `production_problem`) joins it with a
script's strips into a `ScheduleProblem`. The format is documented key by key in
docs/formats/production.md.

Conventions: money is a string (``"950.00"`` or ``"950.00 GBP"``) or a whole number, never a
TOML float; hours may be decimal (``9.5``); dates are TOML dates (``2027-03-01``). Every error
is an `InputError` naming the file and the key path, e.g. ``cast[3].daily_rate: not an
amount ...``; unknown keys are errors too, so a misspelt key is never ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.model import (
    Availability,
    Calendar,
    DateRange,
    DayCapacity,
    Location,
    Move,
    Performer,
    PerformerKind,
    Rules,
)
from lynchpin.engine.scheduling.production_fields import Fields
from lynchpin.engine.scheduling.rules import load_default_rules, parse_clock
from lynchpin.engine.scheduling.strips import DEFAULT_MINUTES_PER_EIGHTH
from lynchpin.engine.toml_text import load_toml

#: Candidate shoot days generated when [calendar] shoot_days is absent.
DEFAULT_SHOOT_DAYS = 20
#: The largest number of candidate days a file may ask for (keeps the solver model bounded).
MAX_SHOOT_DAYS = 400


@dataclass(frozen=True, slots=True)
class ElementEntry:
    """A costed non-cast element (animal, vehicle...) and the breakdown names that mean it.

    The performer's id is ``"<kind>:<NAME>"`` (``"animal:MOSS"``). `matches` are breakdown
    element names (upper case, e.g. ``"DOG"``); `scenes` limits the match to those scene
    numbers (empty: every scene where a name matches).
    """

    performer: Performer
    matches: tuple[str, ...]
    scenes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Production:
    """A production file's content. Cast performers' ids are their script names (``"NELL"``).

    `shoot_days` is how many candidate shoot days to generate from `calendar`;
    `minutes_per_eighth` converts page length to shooting time.
    """

    title: str
    currency: str
    crew_daily_cost: Money
    overtime_hourly_cost: Money
    minutes_per_eighth: int
    calendar: Calendar
    shoot_days: int
    capacity: DayCapacity
    rules: Rules
    cast: tuple[Performer, ...]
    elements: tuple[ElementEntry, ...]
    locations: tuple[Location, ...]
    moves: tuple[Move, ...]
    default_cast_rate: Money
    source: str = ""


def read_production(text: str, *, source: str = "") -> Production:
    """Parse a production file's TOML `text`; `source` names the file in errors.

    Raises InputError (naming `source` and the key path) for bad TOML, missing or mistyped
    keys, unknown keys, floats used as money, duplicate names or impossible values.
    """
    data = load_toml(text, source=source)
    root = Fields(data, "", source)
    head = root.table_of("production")
    currency = _currency(head)
    production = Production(
        title=head.text("title", ""),
        currency=currency,
        crew_daily_cost=head.money("crew_daily_cost", currency),
        overtime_hourly_cost=head.money("overtime_hourly_cost", currency),
        minutes_per_eighth=head.integer(
            "minutes_per_eighth", DEFAULT_MINUTES_PER_EIGHTH, minimum=1
        ),
        default_cast_rate=head.money("default_cast_rate", currency, Money.zero(currency)),
        calendar=_calendar(root.table_of("calendar")),
        shoot_days=_shoot_days(root),
        capacity=_capacity(root.table_of("capacity")),
        rules=_rules(root.table_of("rules"), currency),
        cast=_performers(root, "cast", currency),
        elements=_elements(root, currency),
        locations=_locations(root, currency),
        moves=_moves(root, currency),
        source=source,
    )
    head.finish()
    root.finish()
    return production


def _currency(head: Fields) -> str:
    code = head.text("currency")
    if len(code) != 3 or not code.isalpha():
        raise head.error("currency", f"expected an ISO 4217 code such as \"GBP\", got {code!r}")
    return code.upper()


def _calendar(fields: Fields) -> Calendar:
    week_days = fields.integer("week_days", 5, minimum=1)
    if week_days not in (5, 6):
        raise fields.error("week_days", f"a work week has 5 or 6 days, got {week_days}")
    calendar = Calendar(
        start=fields.day("start"),
        week_days=week_days,
        country=fields.text("country", "").upper(),
        subdivision=fields.text("subdivision", "").upper(),
        days_off=fields.days("days_off"),
        travel_days=fields.days("travel_days"),
        extra_work_days=fields.days("extra_work_days"),
    )
    fields.used.add("shoot_days")  # read by _shoot_days
    fields.finish()
    return calendar


def _shoot_days(root: Fields) -> int:
    fields = root.table_of("calendar")
    count = fields.integer("shoot_days", DEFAULT_SHOOT_DAYS, minimum=1)
    if count > MAX_SHOOT_DAYS:
        raise fields.error("shoot_days", f"at most {MAX_SHOOT_DAYS} candidate days, got {count}")
    return count


def _capacity(fields: Fields) -> DayCapacity:
    standard = fields.hours("standard_hours", 600)
    longest = fields.hours("max_hours", 720)
    assert standard is not None and longest is not None  # defaults given
    if longest < standard:
        raise fields.error("max_hours", "must not be less than standard_hours")
    capacity = DayCapacity(standard, longest, fields.pages("max_pages"))
    fields.finish()
    return capacity


def _rules(fields: Fields, currency: str) -> Rules:
    pinned = []
    for pin in fields.tables("pinned"):
        pinned.append((pin.text("scene"), pin.day("date")))
        pin.finish()
    base = load_default_rules()
    default_cost = fields.raw("default_move_cost")
    rules = replace(
        base,
        precedences=tuple(_pairs(fields, "precedences")),
        same_day=tuple(_groups(fields, "same_day")),
        pinned=tuple(pinned),
        cover_sets=tuple(_pairs(fields, "cover_sets")),
        crew_rest_hours=fields.integer("crew_rest_hours", base.crew_rest_hours),
        cast_rest_hours=fields.integer("cast_rest_hours", base.cast_rest_hours),
        day_call=_clock(fields, "day_call", base.day_call),
        night_call=_clock(fields, "night_call", base.night_call),
        default_move_minutes=fields.integer("default_move_minutes", base.default_move_minutes),
        default_move_cost=base.default_move_cost if default_cost is None
        else fields.money("default_move_cost", currency),
    )
    fields.finish()
    return rules


def _clock(fields: Fields, key: str, default: int) -> int:
    """A time of day ``"07:00"`` as minutes after midnight."""
    value = fields.raw(key)
    if value is None:
        return default
    try:
        return parse_clock(value, source=fields.source, field=key)
    except InputError:
        message = f"expected a time of day such as \"07:00\", got {value!r}"
        raise fields.error(key, message) from None


def _groups(fields: Fields, key: str) -> list[tuple[str, ...]]:
    """A list of lists of scene numbers (strings; whole numbers are accepted too)."""
    result = []
    for index, group in enumerate(fields.items(key)):
        where = f"{key}[{index}]"
        if not isinstance(group, list) or len(group) < 2:
            raise fields.error(where, "expected a list of at least two scene numbers")
        names = []
        for item in group:
            if isinstance(item, bool) or not isinstance(item, str | int) or not str(item).strip():
                raise fields.error(where, f"expected scene numbers such as \"12\", got {item!r}")
            names.append(str(item).strip())
        result.append(tuple(names))
    return result


def _pairs(fields: Fields, key: str) -> list[tuple[str, str]]:
    pairs = []
    for index, group in enumerate(_groups(fields, key)):
        if len(group) != 2:
            raise fields.error(f"{key}[{index}]", "expected a pair [\"a\", \"b\"]")
        pairs.append((group[0], group[1]))
    return pairs


def _availability(fields: Fields) -> Availability:
    windows = []
    for window in fields.tables("available"):
        first, last = window.day("from"), window.day("to")
        if last < first:
            raise window.error("to", f"ends ({last}) before it starts ({first})")
        window.finish()
        windows.append(DateRange(first, last))
    return Availability(tuple(windows), fields.days("blackouts"))


def _performer(fields: Fields, currency: str, kind: PerformerKind) -> Performer:
    name = fields.text("name").upper()
    performer = Performer(
        id=name if kind is PerformerKind.CAST else f"{kind.value}:{name}",
        name=name,
        daily_rate=fields.money("daily_rate", currency),
        kind=kind,
        number=fields.integer("number", 0),
        availability=_availability(fields),
        earliest_start=fields.optional_day("start"),
        latest_finish=fields.optional_day("finish"),
        holds_allowed=fields.boolean("holds_allowed", True),
        drop_pickup_allowed=fields.boolean("drop_pickup_allowed", False),
        drop_min_gap_days=fields.integer("drop_min_gap_days", 10),
        minor=fields.boolean("minor", False),
        max_minutes=fields.hours("max_hours"),
        travel_days=fields.integer("travel_days", 0),
    )
    return performer


def _performers(root: Fields, key: str, currency: str) -> tuple[Performer, ...]:
    result = []
    for fields in root.tables(key):
        result.append(_performer(fields, currency, PerformerKind.CAST))
        fields.finish()
    _unique(root, key, [p.name for p in result])
    return tuple(result)


def _elements(root: Fields, currency: str) -> tuple[ElementEntry, ...]:
    result = []
    for fields in root.tables("element"):
        kind_text = fields.text("kind", "other").lower()
        kinds = {k.value for k in PerformerKind} - {"cast"}
        if kind_text not in kinds:
            raise fields.error("kind", f"expected one of {', '.join(sorted(kinds))}")
        performer = _performer(fields, currency, PerformerKind(kind_text))
        matches = tuple(m.upper() for m in fields.texts("matches")) or (performer.name,)
        result.append(ElementEntry(performer, matches, fields.texts("scenes")))
        fields.finish()
    _unique(root, "element", [e.performer.name for e in result])
    return tuple(result)


def _locations(root: Fields, currency: str) -> tuple[Location, ...]:
    result = []
    for fields in root.tables("location"):
        name = fields.text("name").upper()
        cost = fields.money("daily_cost", currency, Money.zero(currency))
        result.append(Location(name, name, cost, _availability(fields)))
        fields.finish()
    _unique(root, "location", [location.name for location in result])
    return tuple(result)


def _moves(root: Fields, currency: str) -> tuple[Move, ...]:
    result = []
    for fields in root.tables("move"):
        move = Move(
            a=fields.text("a").upper(),
            b=fields.text("b").upper(),
            minutes=fields.integer("minutes", 0),
            cost=fields.money("cost", currency, Money.zero(currency)),
        )
        if move.a == move.b:
            raise fields.error("b", "a move needs two different locations")
        result.append(move)
        fields.finish()
    return tuple(result)


def _unique(root: Fields, key: str, names: list[str]) -> None:
    seen: set[str] = set()
    for index, name in enumerate(names):
        if name in seen:
            raise root.error(f"{key}[{index}].name", f"{name!r} appears twice")
        seen.add(name)
