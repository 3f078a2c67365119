"""Seeding for `bench/web.py`'s schedule and budget pages (issue 7's targets).

On the 200-scene load-test production (already holding its script), `seed_planning` adds:

- production facts from a generated production file (`production_file`): every character of
  the script as cast with a daily rate, a Monday-to-Friday calendar from 2027-03-01 and 60
  candidate days, so the greedy first plan fits every strip;
- the first schedule (greedy plan) through `schedule_setup`, the stripboard page's schedule;
- the seeded 5,000-line benchmark budget of `bench/budget.py` through `budget_import`, with
  its SHOOT_DAYS / PREP_WEEKS / WRAP_WEEKS globals fed from the schedule (the default links);
- one copy of the schedule per virtual user (so the users' moves never make each other's
  `version` stale), each with the strip the user moves back and forth: its home day and
  position, another day to move it to, and the copy's current version;
- one API token for the producer, so the move goes through the token authentication the
  API offers scripts (no CSRF round trip), and money is seen, so the budget effect is
  computed on every move.

Runs inside the seed child process after `django.setup()`; every row is made through the
apps' services. Raises whatever those services raise (the benchmark then cannot run).
"""

from __future__ import annotations

from typing import Any

BUDGET_LINES = 5000
CAST_RATE = "900.00"


def production_file(characters: list[str], *, currency: str = "USD") -> str:
    """A production file (TOML, docs/formats/production.md) for the load-test script:
    `characters` as cast numbered 1.., each at CAST_RATE a day, and a 60-day calendar."""
    head = f"""[production]
title = "Load test"
currency = "{currency}"
crew_daily_cost = "45000.00"
overtime_hourly_cost = "4500.00"
minutes_per_eighth = 10
default_cast_rate = "500.00"

[calendar]
start = 2027-03-01
week_days = 5
shoot_days = 60

[capacity]
standard_hours = 12
max_hours = 14
"""
    cast = "".join(f'\n[[cast]]\nname = "{name}"\nnumber = {number}\n'
                   f'daily_rate = "{CAST_RATE}"\n'
                   for number, name in enumerate(characters, start=1))
    return head + cast


def _characters(production_id: int) -> list[str]:
    """The names of the production's cast elements (USS category 100: the script's speaking
    characters, as the breakdown of the import found them), upper case as in the cues."""
    from lynchpin.scripts.models import BreakdownElement

    names = BreakdownElement.objects.filter(production_id=production_id, category=100)
    found = sorted({name.upper() for name in names.values_list("name", flat=True)})
    if not found:
        raise RuntimeError("the load-test script's breakdown has no cast")
    return found


def _mover(schedule: Any) -> dict[str, Any]:
    """The strip of `schedule` a user moves: the first strip of day 1, day 2 as the other
    day; with the copy's current version."""
    from lynchpin.schedules.models import ShootDay, Strip

    days = list(ShootDay.objects.filter(schedule=schedule).order_by("number")[:2])
    if len(days) < 2:
        raise RuntimeError(f"schedule {schedule.pk} has fewer than two shoot days")
    strip = Strip.objects.filter(schedule=schedule, day=days[0]).order_by("position").first()
    if strip is None:
        raise RuntimeError(f"day 1 of schedule {schedule.pk} has no strip")
    return {"strip_id": strip.pk, "home_day": days[0].pk, "home_position": strip.position,
            "other_day": days[1].pk, "version": schedule.version}


def seed_planning(producer: Any, production_id: int, users: int) -> dict[str, Any]:
    """Facts, first schedule, budget, per-user schedule copies and a token (module docstring).

    Returns JSON-ready values: the stripboard and top sheet paths, the move API path
    template (``{strip_id}`` left in), one mover per user, the token, and counts to check.
    """
    from django.urls import reverse

    from bench.budget import generated_budget
    from lynchpin.api.services import api_token_create
    from lynchpin.budgets.services import budget_import
    from lynchpin.schedules.models import Strip
    from lynchpin.schedules.services import schedule_copy, schedule_setup

    text = production_file(_characters(production_id))
    schedule = schedule_setup(actor=producer, production_id=production_id, text=text,
                              source="load-test.production.toml", name="Shooting schedule")
    budget = budget_import(actor=producer, production_id=production_id, name="Load test budget",
                           budget=generated_budget(seed=1, lines=BUDGET_LINES))
    movers = []
    for number in range(users):
        copy = schedule_copy(actor=producer, production_id=production_id,
                             schedule_id=schedule.pk, name=f"Bench user {number + 1}")
        movers.append(_mover(copy))
    _, key = api_token_create(actor=producer, name="Web benchmark")
    ids = {"production_id": production_id}
    return {
        "strips": Strip.objects.filter(schedule=schedule).count(),
        "board_strips": Strip.objects.filter(schedule=schedule, day__isnull=False).count(),
        "budget_lines": budget.lines.count(),
        "board_url": reverse("schedules:board", kwargs={**ids, "schedule_id": schedule.pk}),
        "topsheet_url": reverse("budgets:topsheet", kwargs={**ids, "budget_id": budget.pk}),
        "move_url": f"/api/v1/productions/{production_id}/schedules/strips/{{strip_id}}/move",
        "movers": movers,
        "token": key,
    }
