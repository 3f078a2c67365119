"""Strips from a script: ids, lengths, sets, locations, day parts, cast and elements."""

from __future__ import annotations

from pathlib import Path

import pytest

from lynchpin.engine.breakdown.model import Breakdown, BreakdownItem, SceneBreakdown, Status
from lynchpin.engine.breakdown.tagging import break_down
from lynchpin.engine.errors import InputError
from lynchpin.engine.scheduling.model import DayPart
from lynchpin.engine.scheduling.strips import (
    DEFAULT_MINUTES_PER_EIGHTH,
    location_of,
    strips_from_script,
)
from lynchpin.engine.screenplay.model import IntExt, Script
from lynchpin.engine.screenplay.paginate import Pagination, paginate
from lynchpin.engine.screenplay.read import read_script

TEXT = """\
EXT. HARBOUR - QUAY - DAWN

Gulls wheel over the water.

INT. HARBOUR - OFFICE - CONTINUOUS

MAGS (50) pours tea.

MAGS
Kettle's on.

INT./EXT. PICKUP TRUCK - EVENING

Nobody speaks.

INT. LIGHTHOUSE - LATER

A lamp turns.

EXT. LIGHTHOUSE - NIGHT - RAIN

Wind.

MAGS
Hold on.

INT. KITCHEN

Quiet.
"""


@pytest.fixture(scope="module")
def script() -> Script:
    return read_script(TEXT.encode(), name="harbour.fountain")


@pytest.fixture(scope="module")
def pagination(script: Script) -> Pagination:
    return paginate(script)


def sheet(index: int, *items: BreakdownItem, omitted: bool = False) -> SceneBreakdown:
    return SceneBreakdown(index, str(index + 1), items, omitted)


def plain(script: Script) -> Breakdown:
    return Breakdown(tuple(sheet(s.index) for s in script.scenes))


def test_one_strip_per_scene_with_pagination_lengths(
    script: Script, pagination: Pagination
) -> None:
    strips = strips_from_script(script, pagination, plain(script), minutes_per_eighth=10)
    assert [s.id for s in strips] == ["1", "2", "3", "4", "5", "6"]
    assert [s.eighths for s in strips] == [p.eighths for p in pagination.scenes]
    assert all(s.minutes == s.eighths * 10 for s in strips)


def test_default_minutes_per_eighth(script: Script, pagination: Pagination) -> None:
    strips = strips_from_script(script, pagination, plain(script))
    assert DEFAULT_MINUTES_PER_EIGHTH == 15
    assert strips[0].minutes == strips[0].eighths * 15


def test_set_location_and_int_ext(script: Script, pagination: Pagination) -> None:
    strips = strips_from_script(script, pagination, plain(script))
    assert strips[1].set_name == "HARBOUR - OFFICE"
    assert strips[1].location == "HARBOUR"
    assert [s.int_ext for s in strips] == [
        IntExt.EXT, IntExt.INT, IntExt.INT_EXT, IntExt.INT, IntExt.EXT, IntExt.INT,
    ]  # fmt: skip
    assert strips[5].location == "KITCHEN"


def test_day_parts_and_continuations(script: Script, pagination: Pagination) -> None:
    strips = strips_from_script(script, pagination, plain(script))
    # DAWN; CONTINUOUS inherits DAWN; EVENING is dusk; LATER inherits DUSK; NIGHT - RAIN is
    # night; a heading without a time of day inherits NIGHT.
    assert [s.day_part for s in strips] == [
        DayPart.DAWN, DayPart.DAWN, DayPart.DUSK, DayPart.DUSK, DayPart.NIGHT, DayPart.NIGHT,
    ]  # fmt: skip


def test_first_scene_without_time_of_day_is_day() -> None:
    script = read_script(b"INT. KITCHEN\n\nQuiet.\n", name="k.fountain")
    strips = strips_from_script(script, paginate(script), plain(script))
    assert strips[0].day_part is DayPart.DAY


def test_location_of() -> None:
    assert location_of("MV CORRIE BELL - CAR DECK") == "MV CORRIE BELL"
    assert location_of("mv  corrie bell") == "MV CORRIE BELL"
    assert location_of("DUGGAN'S VAN") == "DUGGAN'S VAN"


def test_cast_elements_and_background(script: Script, pagination: Pagination) -> None:
    items = (
        BreakdownItem(100, "MAGS", Status.ACCEPTED),
        BreakdownItem(100, "TOM"),
        BreakdownItem(100, "GHOST", Status.REJECTED),
        BreakdownItem(108, "DOG"),
        BreakdownItem(103, "PICKUP TRUCK", Status.ACCEPTED),
        BreakdownItem(104, "KETTLE"),
        BreakdownItem(101, "FISHERMEN"),
        BreakdownItem(101, "TOURISTS"),
    )
    breakdown = Breakdown((sheet(0), sheet(1, *items), *tuple(sheet(k) for k in range(2, 6))))
    strips = strips_from_script(script, pagination, breakdown, cast_ids={"MAGS": "1"})
    assert strips[1].cast == ("1", "TOM")
    assert strips[1].elements == ("animal:DOG", "vehicle:PICKUP TRUCK")
    assert strips[1].background == 12
    assert strips[0].cast == () and strips[0].background == 0


def test_omitted_scenes_give_no_strip(script: Script, pagination: Pagination) -> None:
    breakdown = Breakdown(tuple(sheet(s.index, omitted=s.index == 2) for s in script.scenes))
    strips = strips_from_script(script, pagination, breakdown)
    assert [s.id for s in strips] == ["1", "2", "4", "5", "6"]
    # The omitted scene still passes its day part on: scene 4 (LATER) stays DUSK.
    assert strips[2].day_part is DayPart.DUSK


def test_scene_numbers_are_ids_and_repeats_stay_unique() -> None:
    text = b"INT. A - DAY #12A#\n\nX.\n\nINT. B - DAY #12A#\n\nY.\n"
    script = read_script(text, name="n.fountain")
    strips = strips_from_script(script, paginate(script), plain(script))
    assert [s.id for s in strips] == ["12A", "12A@2"]
    assert [s.scene for s in strips] == ["12A", "12A"]


def test_missing_pagination_is_an_input_error(script: Script, pagination: Pagination) -> None:
    short = Pagination(pagination.paper, pagination.lines_per_page, 1, pagination.scenes[:2], 0)
    with pytest.raises(InputError, match="scene 3"):
        strips_from_script(script, short, plain(script))


def test_minutes_per_eighth_must_be_positive(script: Script, pagination: Pagination) -> None:
    with pytest.raises(InputError) as raised:
        strips_from_script(script, pagination, plain(script), minutes_per_eighth=0)
    assert raised.value.field == "minutes_per_eighth"


def test_bundled_sample_script() -> None:
    path = Path(__file__).resolve().parents[3] / "lynchpin" / "samples" / "the-night-ferry.fountain"
    script = read_script(path.read_bytes(), name=path.name)
    strips = strips_from_script(script, paginate(script), break_down(script))
    assert len(strips) == len(script.scenes)
    decks = [s for s in strips if s.set_name == "MV CORRIE BELL - CAR DECK"]
    assert decks and all(s.location == "MV CORRIE BELL" for s in decks)
    assert any(s.day_part is DayPart.NIGHT for s in strips)
    assert all(s.eighths >= 1 and s.minutes == s.eighths * 15 for s in strips)
