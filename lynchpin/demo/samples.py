"""The bundled sample files the demo is built from (package data of `lynchpin.samples`).

`production_settings` reads the few settings of the production file the web production
needs (title, currency, calendar country, region and first shoot day); the rest of that file
feeds the scheduler and is not stored by the demo.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from importlib import resources

__all__ = [
    "BUDGET_FILE",
    "PAYROLL_FILE",
    "PEOPLE_FILE",
    "PRODUCTION_FILE",
    "SCRIPT_FILE",
    "ProductionSettings",
    "production_settings",
    "sample_bytes",
    "sample_exists",
]

SCRIPT_FILE = "the-night-ferry.fountain"
PRODUCTION_FILE = "the-night-ferry.production.toml"
#: The labour engine's CLI sample (US agreements, USD): not used by the web demo.
PAYROLL_FILE = "the-night-ferry.payroll.toml"
#: The web demo's crew and cast: the same people, paid in GBP under the UK agreements.
PEOPLE_FILE = "the-night-ferry.people.toml"
BUDGET_FILE = "the-night-ferry.budget.toml"


@dataclass(frozen=True, slots=True)
class ProductionSettings:
    """What `production_create` needs from the sample production file."""

    title: str
    currency: str
    country: str
    region: str
    time_zone: str
    start_date: date | None


def sample_exists(name: str) -> bool:
    """True when the bundled sample `name` is installed."""
    return resources.files("lynchpin.samples").joinpath(name).is_file()


def sample_bytes(name: str) -> bytes:
    """The bytes of the bundled sample `name`. Raises FileNotFoundError when it is missing."""
    return resources.files("lynchpin.samples").joinpath(name).read_bytes()


def production_settings() -> ProductionSettings:
    """Title, currency and calendar of the sample production (a Scottish ferry port, so the
    office keeps Europe/London time). Raises KeyError/TOMLDecodeError for a broken sample."""
    data = tomllib.loads(sample_bytes(PRODUCTION_FILE).decode("utf-8"))
    production, calendar = data["production"], data.get("calendar", {})
    start = calendar.get("start")
    return ProductionSettings(
        title=str(production["title"]),
        currency=str(production.get("currency", "USD")),
        country=str(calendar.get("country", "")),
        region=str(calendar.get("subdivision", "")),
        time_zone="Europe/London",
        start_date=start if isinstance(start, date) else None,
    )
