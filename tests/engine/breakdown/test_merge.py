"""carry_breakdown: decisions carried to a new draft, omitted sheets kept."""

from __future__ import annotations

import pytest

from lynchpin.engine.breakdown.merge import carry_breakdown, carry_items
from lynchpin.engine.breakdown.model import (
    Breakdown,
    BreakdownItem,
    Origin,
    SceneBreakdown,
    Span,
    Status,
)
from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.revisions import RevisionReport, compare_scripts
from tests.engine.screenplay.test_revisions import BASE, make_script, numbered, scene

PROPS, CAST, ANIMALS = 114, 100, 110
EXTRA = scene("INT. LIGHTHOUSE - NIGHT", "The keeper trims a wick by the great lens.")


def item(
    category: int,
    name: str,
    status: Status = Status.SUGGESTED,
    origin: Origin = Origin.LEXICON,
    element: int = 0,
) -> BreakdownItem:
    return BreakdownItem(category, name, status, origin, (Span(element, 0, len(name), name),))


def sheets(numbers: list[str], items: dict[int, tuple[BreakdownItem, ...]]) -> Breakdown:
    return Breakdown(tuple(
        SceneBreakdown(k, n, items.get(k, ())) for k, n in enumerate(numbers)
    ))


def report_for(old_specs: tuple, new_specs: tuple) -> RevisionReport:
    return compare_scripts(make_script(*old_specs), make_script(*new_specs))


def test_decisions_carry_onto_the_matched_scene() -> None:
    old_items = (
        item(PROPS, "ROPE", Status.ACCEPTED, element=3),
        item(PROPS, "KNIFE", Status.ACCEPTED),
        item(CAST, "MARA", Status.REJECTED),
        item(ANIMALS, "GULL", Status.ACCEPTED, Origin.MANUAL, element=1),
        item(PROPS, "CARDS", Status.REJECTED),
        item(PROPS, "LAMP", Status.SUGGESTED),
    )
    fresh_items = (
        item(PROPS, "ROPE", element=9),
        item(CAST, "MARA", origin=Origin.SPEAKING, element=8),
        item(PROPS, "LAMP", element=7),
        item(PROPS, "NET", element=6),
    )
    merged = {(i.category, i.name): i for i in carry_items(old_items, fresh_items)}
    assert merged[(PROPS, "ROPE")] == item(PROPS, "ROPE", Status.ACCEPTED, element=9)
    assert merged[(CAST, "MARA")] == item(CAST, "MARA", Status.REJECTED, Origin.SPEAKING, 8)
    assert merged[(PROPS, "LAMP")].status is Status.SUGGESTED
    assert merged[(PROPS, "NET")].status is Status.SUGGESTED
    knife = merged[(PROPS, "KNIFE")]
    assert (knife.status, knife.origin, knife.spans) == (Status.ACCEPTED, Origin.CARRIED, ())
    gull = merged[(ANIMALS, "GULL")]
    assert (gull.status, gull.origin, gull.spans) == (Status.ACCEPTED, Origin.CARRIED, ())
    assert (PROPS, "CARDS") not in merged  # rejected and no longer in the text


def test_carried_items_follow_fresh_items_in_old_order() -> None:
    old_items = (item(PROPS, "B", Status.ACCEPTED), item(PROPS, "A", Status.ACCEPTED))
    merged = carry_items(old_items, (item(PROPS, "Z"),))
    assert [i.name for i in merged] == ["Z", "B", "A"]


def test_manual_item_found_again_keeps_its_status_and_takes_fresh_spans() -> None:
    manual = item(ANIMALS, "HORSE", Status.ACCEPTED, Origin.MANUAL)
    (merged,) = carry_items((manual,), (item(ANIMALS, "HORSE", element=4),))
    assert merged.status is Status.ACCEPTED
    assert merged.spans == (Span(4, 0, 5, "HORSE"),)


def test_whole_breakdown_with_added_changed_and_omitted_scenes() -> None:
    old_specs = numbered(BASE, ["1", "2", "3", "4", "5", "6"])
    new_specs = (*old_specs[:2], EXTRA, *old_specs[3:])  # 3 omitted, a new scene after 2
    report = report_for(old_specs, new_specs)
    old = sheets(["1", "2", "3", "4", "5", "6"], {
        1: (item(PROPS, "CARDS", Status.ACCEPTED),),
        2: (item(PROPS, "CRATE", Status.ACCEPTED),),
    })
    fresh = sheets(["1", "2", "", "4", "5", "6"], {
        1: (item(PROPS, "LAMP"),),
        2: (item(PROPS, "WICK"),),
    })
    result = carry_breakdown(old, report, fresh)
    assert [(s.scene, s.number, s.omitted) for s in result.scenes] == [
        (0, "1", False), (1, "2", False), (2, "", False), (2, "3", True),
        (3, "4", False), (4, "5", False), (5, "6", False),
    ]
    second = result.scenes[1]
    assert [(i.name, i.status, i.origin) for i in second.items] == [
        ("LAMP", Status.SUGGESTED, Origin.LEXICON), ("CARDS", Status.ACCEPTED, Origin.CARRIED)]
    assert result.scenes[2].items == (item(PROPS, "WICK"),)  # added: fresh only
    assert result.scenes[3].items == (item(PROPS, "CRATE", Status.ACCEPTED),)  # kept as it was


def test_omitted_sheet_of_an_unnumbered_draft_gets_its_old_position_number() -> None:
    report = report_for(BASE, (*BASE[:3], *BASE[4:]))
    old = sheets([""] * 6, {3: (item(PROPS, "GREASE RAG", Status.ACCEPTED),)})
    result = carry_breakdown(old, report, sheets([""] * 5, {}))
    omitted = [s for s in result.scenes if s.omitted]
    assert [(s.scene, s.number) for s in omitted] == [(3, "4")]
    assert result.scenes.index(omitted[0]) == 3


def test_omitted_sheets_are_placed_in_number_order() -> None:
    old_specs = numbered(BASE, ["1", "2", "3", "4", "5", "6"])
    # scenes 3 and 4 cut; a new scene written after 2 (it locks as 2A, before 3)
    report = report_for(old_specs, (*old_specs[:2], EXTRA, *old_specs[4:]))
    result = carry_breakdown(sheets(["1", "2", "3", "4", "5", "6"], {}), report,
                             sheets(["1", "2", "", "5", "6"], {}))
    assert [(s.number, s.omitted) for s in result.scenes] == [
        ("1", False), ("2", False), ("", False), ("3", True), ("4", True), ("5", False),
        ("6", False)]


def test_sheets_omitted_earlier_are_kept() -> None:
    old_specs = numbered(BASE, ["1", "2", "4", "5", "6", "7"])
    report = report_for(old_specs, old_specs)
    old = Breakdown((
        SceneBreakdown(0, "1"), SceneBreakdown(1, "2"),
        SceneBreakdown(2, "3", (item(PROPS, "OAR", Status.ACCEPTED),), omitted=True),
        *(SceneBreakdown(k, n) for k, n in [(2, "4"), (3, "5"), (4, "6"), (5, "7")]),
    ))
    fresh = sheets(["1", "2", "4", "5", "6", "7"], {})
    result = carry_breakdown(old, report, fresh)
    assert [(s.number, s.omitted) for s in result.scenes] == [
        ("1", False), ("2", False), ("3", True), ("4", False), ("5", False), ("6", False),
        ("7", False)]
    assert result.scenes[2].items == (item(PROPS, "OAR", Status.ACCEPTED),)


def test_reordered_scene_carries_its_own_decisions() -> None:
    report = report_for(BASE, (BASE[0], BASE[3], BASE[1], BASE[2], BASE[4], BASE[5]))
    old = sheets([""] * 6, {3: (item(PROPS, "SPANNER", Status.ACCEPTED),)})
    result = carry_breakdown(old, report, sheets([""] * 6, {}))
    carried = BreakdownItem(PROPS, "SPANNER", Status.ACCEPTED, Origin.CARRIED)
    assert [s.items for s in result.scenes] == [(), (carried,), (), (), (), ()]


def test_missing_old_sheet_means_nothing_to_carry() -> None:
    report = report_for(BASE[:2], BASE[:2])
    fresh = sheets(["", ""], {0: (item(PROPS, "ROPE"),)})
    result = carry_breakdown(Breakdown(()), report, fresh)
    assert result == fresh


def test_fresh_breakdown_must_cover_the_new_draft() -> None:
    report = report_for(BASE[:2], BASE[:3])
    with pytest.raises(InputError, match="fresh breakdown has 2 sheets"):
        carry_breakdown(sheets(["", ""], {}), report, sheets(["", ""], {}))


def test_old_breakdown_must_fit_the_old_draft() -> None:
    report = report_for(BASE[:2], BASE[:2])
    with pytest.raises(InputError, match="scene index 5"):
        carry_breakdown(Breakdown((SceneBreakdown(5, "6"),)), report, sheets(["", ""], {}))
