"""The production's "today": the engine never reads the clock, the app does, here."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from django.utils import timezone

__all__ = ["production_today"]


def production_today(production: Any) -> dt.date:
    """Today's date in the production's time zone (default dates, default report period)."""
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(production.time_zone))
