"""lock_numbers and the A-number rules behind it."""

from __future__ import annotations

import pytest

from lynchpin.engine.screenplay.revision_numbers import draft_numbers, fill_numbers, number_key
from lynchpin.engine.screenplay.revisions import compare_scripts, lock_numbers
from tests.engine.screenplay.test_revisions import BASE, make_script, numbered, scene

EXTRA = (
    scene("INT. LIGHTHOUSE - NIGHT", "The keeper trims a wick by the great lens."),
    scene("EXT. LIGHTHOUSE GALLERY - NIGHT", "Wind tears at the keeper's coat on the gallery."),
    scene("INT. CUSTOMS SHED - DAY", "Crates stamped with foreign letters line the walls."),
)
NUMBERS = ["10", "11", "12", "13", "14", "15"]


def lock(old_specs: tuple, new_specs: tuple) -> tuple[str, ...]:
    return lock_numbers(compare_scripts(make_script(*old_specs), make_script(*new_specs)))


def test_identical_draft_keeps_its_numbers() -> None:
    specs = numbered(BASE, NUMBERS)
    assert lock(specs, specs) == tuple(NUMBERS)


def test_scene_added_after_12_becomes_12a() -> None:
    old = numbered(BASE, NUMBERS)
    assert lock(old, (*old[:3], EXTRA[0], *old[3:])) == ("10", "11", "12", "12A", "13", "14", "15")


def test_two_scenes_added_after_12_become_12a_and_12b() -> None:
    old = numbered(BASE, NUMBERS)
    new = (*old[:3], EXTRA[0], EXTRA[1], *old[3:])
    assert lock(old, new)[3:5] == ("12A", "12B")


def test_scene_added_after_an_existing_12a_becomes_12b() -> None:
    old = numbered(BASE, ["10", "11", "12", "12A", "13", "14"])
    new = (*old[:4], EXTRA[0], *old[4:])
    assert lock(old, new) == ("10", "11", "12", "12A", "12B", "13", "14")


def test_scene_between_12a_and_12b_becomes_12aa() -> None:
    old = numbered(BASE, ["10", "11", "12", "12A", "12B", "13"])
    new = (*old[:4], EXTRA[0], *old[4:])
    assert lock(old, new)[4] == "12AA"


def test_scenes_inserted_before_the_first_scene_become_a1_b1() -> None:
    old = numbered(BASE, ["1", "2", "3", "4", "5", "6"])
    new = (EXTRA[0], EXTRA[1], *old)
    assert lock(old, new) == ("A1", "B1", "1", "2", "3", "4", "5", "6")


def test_omitted_numbers_are_not_reused() -> None:
    old = numbered(BASE, NUMBERS)
    # scene 12 is omitted and a new scene written in its place: 11A, not 12
    new = (*old[:2], EXTRA[0], *old[3:])
    assert lock(old, new) == ("10", "11", "11A", "13", "14", "15")
    # 11A is omitted now: the scene that replaces it becomes 11B
    renumbered = lock(numbered(BASE, ["10", "11", "11A", "12", "13", "14"]),
                      numbered((*BASE[:2], EXTRA[0], *BASE[3:]), NUMBERS))
    assert renumbered == ("10", "11", "11B", "12", "13", "14")


def test_unnumbered_old_draft_locks_positions() -> None:
    new = (BASE[0], EXTRA[0], *BASE[1:4], *BASE[5:])
    assert lock(BASE, new) == ("1", "1A", "2", "3", "4", "6")


def test_moved_scene_keeps_its_number() -> None:
    old = numbered(BASE, NUMBERS)
    new = (old[0], old[3], old[1], old[2], *old[4:])
    assert lock(old, new) == ("10", "13", "11", "12", "14", "15")


def test_nothing_matched_continues_after_the_highest_old_number() -> None:
    old = numbered(BASE[:2], ["7", "8"])
    assert lock(old, EXTRA[:2]) == ("9", "10")
    assert lock((), EXTRA[:2]) == ("1", "2")


def test_fill_numbers_uniqueness_when_order_is_impossible() -> None:
    # between 12 and an existing 12A nothing sorts; the first free number is used
    assert fill_numbers(["12", None, "12A"], {"12", "12A"}) == ("12", "12B", "12A")


def test_fill_numbers_after_z_goes_deeper() -> None:
    assert fill_numbers(["12Z", None], {"12Z"}) == ("12Z", "12ZA")


@pytest.mark.parametrize(
    ("smaller", "larger"),
    [("A1", "B1"), ("B1", "1"), ("1", "1A"), ("1A", "1AA"), ("1AA", "1B"), ("1B", "2"),
     ("9Z", "10")],
)
def test_number_order(smaller: str, larger: str) -> None:
    low, high = number_key(smaller), number_key(larger)
    assert low is not None and high is not None and low < high


def test_odd_numbers_have_no_order() -> None:
    assert number_key("12-1") is None
    assert number_key("") is None


def test_draft_numbers() -> None:
    assert draft_numbers(make_script(*numbered(BASE[:2], ["4a", "5"]))) == (("4A", "5"), True)
    assert draft_numbers(make_script(*numbered(BASE[:2], ["4", "4"]))) == (("1", "2"), False)
    assert draft_numbers(make_script(*BASE[:2])) == (("1", "2"), False)
