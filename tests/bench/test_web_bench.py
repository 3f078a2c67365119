"""The web benchmark's generated production file reads as a production file (no timing)."""

from __future__ import annotations

from bench.web_seed import CAST_RATE, production_file
from lynchpin.engine.scheduling.production import read_production


def test_production_file_lists_every_character_as_cast() -> None:
    text = production_file(["NELL", "ROSIE", "KEITH"])
    file = read_production(text, source="bench.production.toml")
    assert file.currency == "USD"
    assert [performer.id for performer in file.cast] == ["NELL", "ROSIE", "KEITH"]
    assert file.shoot_days == 60
    assert CAST_RATE in text
