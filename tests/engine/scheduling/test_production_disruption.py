"""Reading disruption files for `schedule replan`: each kind, the penalty, errors by key."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.scheduling.production_disruption import read_disruption


def test_each_kind_reads() -> None:
    actor = read_disruption(
        'kind = "performer_unavailable"\nperformer = "Keith"\ndates = [2027-03-22, 2027-03-23]\n',
        currency="GBP",
    )
    assert (actor.kind, actor.performer) == ("performer_unavailable", "KEITH")
    assert actor.dates == (date(2027, 3, 22), date(2027, 3, 23))
    assert actor.change_penalty.amount == Decimal(500) and actor.change_penalty.currency == "GBP"
    lost = read_disruption(
        'kind = "location_lost"\nlocation = "Harrowby Pier"\nfrom = 2027-03-22\n', currency="GBP"
    )
    assert (lost.location, lost.first) == ("HARROWBY PIER", date(2027, 3, 22))
    weather = read_disruption(
        'kind = "weather_day"\ndate = 2027-03-17\nchange_penalty = "750.00"\n', currency="GBP"
    )
    assert weather.dates == (date(2027, 3, 17),)
    assert weather.change_penalty.amount == Decimal("750.00")
    short = read_disruption(
        'kind = "day_ran_short"\ndate = 2027-03-16\nunshot = ["26", "28"]\n', currency="GBP"
    )
    assert (short.dates, short.unshot) == ((date(2027, 3, 16),), ("26", "28"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('kind = "flood"\n', "kind: expected one of"),
        ("date = 2027-03-17\n", "kind: expected a non-empty text"),
        ('kind = "weather_day"\n', "date: expected a date"),
        (
            'kind = "weather_day"\ndate = 2027-03-17\nchange_penalty = 7.5\n',
            "change_penalty: not an amount",
        ),
        ('kind = "weather_day"\ndate = 2027-03-17\nwhy = "rain"\n', "why: unknown key"),
        ('kind = "performer_unavailable"\nperformer = "KEITH"\n', "dates: list at least one"),
        ('kind = "day_ran_short"\ndate = 2027-03-16\n', "unshot: list the scenes"),
        ('kind = "location_lost"\nfrom = 2027-03-16\n', "location: expected a non-empty"),
        ("kind = \n", "not valid TOML"),
    ],
)
def test_bad_disruptions_name_the_key(text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        read_disruption(text, source="d.toml", currency="GBP")
    assert re.match(r"d\.toml(:\d+)?: ", str(caught.value))  # the line when known
    assert expected in str(caught.value)
