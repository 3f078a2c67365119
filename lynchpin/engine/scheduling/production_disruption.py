"""The disruption file of ``lynchpin schedule replan``: what went wrong, as TOML.

One of four kinds (docs/formats/production.md, "Disruption files")::

    kind = "performer_unavailable"   # performer = "KEITH", dates = [2027-03-22, ...]
    kind = "location_lost"           # location = "HARROWBY PIER", from = 2027-03-22
    kind = "weather_day"             # date = 2027-03-17
    kind = "day_ran_short"           # date = 2027-03-16, unshot = ["26", "28"]

plus an optional ``change_penalty`` (money, default `DEFAULT_CHANGE_PENALTY` in the
production's currency): what moving one strip to another day is worth avoiding.
`read_disruption` parses the text (stdlib ``tomllib``) into a `DisruptionRequest` (whose
`disruption()` is the `replan` engine's value); errors are `InputError`s naming the file and
the key, as for production files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.production_fields import Fields
from lynchpin.engine.scheduling.replan import (
    DayRanShort,
    Disruption,
    LocationLost,
    PerformerUnavailable,
    WeatherDay,
)
from lynchpin.engine.toml_text import load_toml

#: Kinds of disruption a file may give.
KINDS = ("performer_unavailable", "location_lost", "weather_day", "day_ran_short")
#: Penalty per changed strip when the file gives none (in the production's currency).
DEFAULT_CHANGE_PENALTY = Decimal(500)


@dataclass(frozen=True, slots=True)
class DisruptionRequest:
    """A disruption as the file states it: `kind` and the fields that kind uses.

    performer_unavailable: `performer` (script name, upper case) and `dates`;
    location_lost: `location` (upper case) and `first` (lost from that date on);
    weather_day: `dates` (one date); day_ran_short: `dates` (the day) and `unshot` scenes.
    """

    kind: str
    change_penalty: Money
    performer: str = ""
    location: str = ""
    dates: tuple[date, ...] = ()
    first: date | None = None
    unshot: tuple[str, ...] = ()

    def disruption(self, strip_ids: dict[str, tuple[str, ...]] | None = None) -> Disruption:
        """The engine's `replan.Disruption` value for this request. `strip_ids` maps scene
        numbers to strip ids (a split scene has several); unshot scenes missing from it are
        passed on as strip ids unchanged."""
        if self.kind == "performer_unavailable":
            return PerformerUnavailable(self.performer, self.dates)
        if self.kind == "location_lost":
            assert self.first is not None  # read_disruption requires it for this kind
            return LocationLost(self.location, self.first)
        if self.kind == "weather_day":
            return WeatherDay(self.dates[0])
        ids = strip_ids or {}
        unshot = tuple(s for scene in self.unshot for s in ids.get(scene, (scene,)))
        return DayRanShort(self.dates[0], unshot)


def read_disruption(text: str, *, source: str = "", currency: str) -> DisruptionRequest:
    """Parse a disruption file; raises InputError naming `source` and the key."""
    data = load_toml(text, source=source)
    fields = Fields(data, "", source)
    kind = fields.text("kind")
    if kind not in KINDS:
        raise fields.error("kind", f"expected one of {', '.join(KINDS)}, got {kind!r}")
    penalty = fields.money("change_penalty", currency, Money(DEFAULT_CHANGE_PENALTY, currency))
    request = _read_kind(fields, kind, penalty)
    fields.finish()
    return request


def _read_kind(fields: Fields, kind: str, penalty: Money) -> DisruptionRequest:
    if kind == "performer_unavailable":
        dates = fields.days("dates")
        if not dates:
            raise fields.error("dates", "list at least one date the performer cannot work")
        return DisruptionRequest(kind, penalty, performer=fields.text("performer").upper(),
                                 dates=dates)
    if kind == "location_lost":
        return DisruptionRequest(kind, penalty, location=fields.text("location").upper(),
                                 first=fields.day("from"))
    if kind == "weather_day":
        return DisruptionRequest(kind, penalty, dates=(fields.day("date"),))
    unshot = fields.texts("unshot")
    if not unshot:
        raise fields.error("unshot", "list the scenes the day did not shoot, e.g. [\"26\"]")
    return DisruptionRequest(kind, penalty, dates=(fields.day("date"),), unshot=unshot)
