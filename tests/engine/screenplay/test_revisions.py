"""compare_scripts: scene matching and the revision report, on hand-built drafts."""

from __future__ import annotations

from lynchpin.engine.screenplay.model import (
    Element,
    ElementKind,
    Scene,
    Script,
    SourceFormat,
    parse_heading,
)
from lynchpin.engine.screenplay.revisions import ChangeStatus, RevisionReport, compare_scripts

SceneSpec = tuple[str, str, tuple[str, ...]]  # (number, heading, lines)


def scene(heading: str, *lines: str, number: str = "") -> SceneSpec:
    """A scene spec: ``"NAME: words"`` is a speech, any other line is action."""
    return number, heading, lines


def make_script(*specs: SceneSpec) -> Script:
    """A Script built from scene specs, the way an importer would build it."""
    elements: list[Element] = []
    scenes: list[Scene] = []
    for index, (number, heading, lines) in enumerate(specs):
        start = len(elements)
        elements.append(Element(ElementKind.SCENE_HEADING, heading, line=len(elements) + 1))
        for line in lines:
            name, colon, words = line.partition(": ")
            if colon and name.isupper():
                elements.append(Element(ElementKind.CHARACTER, name, speaker=name))
                elements.append(Element(ElementKind.DIALOGUE, words, speaker=name))
            else:
                elements.append(Element(ElementKind.ACTION, line))
        scenes.append(Scene(index, parse_heading(heading), start, len(elements), number=number))
    return Script(SourceFormat.FOUNTAIN, tuple(elements), tuple(scenes))


#: Six distinct scenes of a short feature, used as the base draft in most tests.
BASE: tuple[SceneSpec, ...] = (
    scene("EXT. HARBOUR - NIGHT", "Fog rolls over the black water as the ferry docks.",
          "MARA: Last crossing tonight, nobody else aboard.", "She coils a wet rope."),
    scene("INT. FERRY CABIN - NIGHT", "A lamp swings above a table of cards.",
          "TOMAS: Deal me in or leave the cabin.", "MARA: I never play with sailors."),
    scene("EXT. FERRY DECK - NIGHT", "Rain hammers the deck. A crate slides toward the rail.",
          "Mara lunges and catches the crate by its strap."),
    scene("INT. ENGINE ROOM - NIGHT", "Pistons thunder. TOMAS wipes grease from his hands.",
          "TOMAS: She will not make the far shore at this speed."),
    scene("EXT. FAR SHORE - DAWN", "Grey light over shingle. The ferry grinds aground.",
          "MARA: Told you we would make it."),
    scene("INT. HARBOUR OFFICE - DAY", "A clerk stamps a stack of papers without looking up.",
          "CLERK: Name and vessel, please."),
)


def numbered(specs: tuple[SceneSpec, ...], numbers: list[str]) -> tuple[SceneSpec, ...]:
    return tuple((n, heading, lines) for n, (_, heading, lines) in zip(numbers, specs, strict=True))


def statuses(report: RevisionReport) -> list[ChangeStatus]:
    return [c.status for c in report.changes]


def pairs(report: RevisionReport) -> list[tuple[int | None, int | None]]:
    return [(c.old_index, c.new_index) for c in report.changes]


def test_identical_drafts_are_unchanged() -> None:
    draft = make_script(*BASE)
    report = compare_scripts(draft, draft)
    assert statuses(report) == [ChangeStatus.UNCHANGED] * 6
    assert pairs(report) == [(k, k) for k in range(6)]
    assert [c.summary for c in report.changes] == ["unchanged"] * 6
    assert report.characters_added == report.characters_removed == ()
    assert (report.old_scene_count, report.new_scene_count) == (6, 6)


def test_identical_numbered_drafts_match_by_number() -> None:
    draft = make_script(*numbered(BASE, ["10", "11", "12", "13", "14", "15"]))
    report = compare_scripts(draft, draft)
    assert report.numbers_matched
    assert {c.matched_by for c in report.changes} == {"number"}
    assert [c.new_number for c in report.changes] == ["10", "11", "12", "13", "14", "15"]


def test_added_scene_in_the_middle() -> None:
    extra = scene("INT. LIGHTHOUSE - NIGHT", "The keeper trims a wick by the great lens.")
    old = make_script(*BASE)
    new = make_script(*BASE[:3], extra, *BASE[3:])
    report = compare_scripts(old, new)
    assert statuses(report) == [ChangeStatus.UNCHANGED] * 3 + [ChangeStatus.ADDED] + [
        ChangeStatus.RENUMBERED
    ] * 3
    added = report.changes[3]
    assert (added.old_index, added.new_index, added.new_heading) == (
        None, 3, "INT. LIGHTHOUSE - NIGHT")
    assert added.summary.startswith("new scene: 2 elements")
    assert report.changes[4].renumbered and report.changes[4].old_number == "4"


def test_omitted_scene_sits_after_its_old_predecessor() -> None:
    old = make_script(*BASE)
    new = make_script(*BASE[:2], *BASE[3:])
    report = compare_scripts(old, new)
    assert pairs(report) == [(0, 0), (1, 1), (2, None), (3, 2), (4, 3), (5, 4)]
    omitted = report.changes[2]
    assert omitted.status is ChangeStatus.OMITTED
    assert omitted.old_heading == "EXT. FERRY DECK - NIGHT"
    assert omitted.old_number == "3" and omitted.new_number == ""


def test_omitted_first_scene_is_reported_first() -> None:
    report = compare_scripts(make_script(*BASE), make_script(*BASE[1:]))
    assert report.changes[0].status is ChangeStatus.OMITTED
    assert report.changes[0].old_index == 0


def test_dialogue_edit_is_a_changed_scene() -> None:
    edited = scene("INT. FERRY CABIN - NIGHT", "A lamp swings above a table of cards.",
                   "TOMAS: Deal me in or get off my boat.", "MARA: I never play with sailors.")
    old = make_script(*BASE)
    new = make_script(BASE[0], edited, *BASE[2:])
    change = compare_scripts(old, new).changes[1]
    assert change.status is ChangeStatus.CHANGED
    assert (change.old_index, change.new_index) == (1, 1)
    assert change.diff.dialogue_changed
    assert not (change.diff.action_changed or change.diff.heading_changed)
    assert not change.renumbered
    assert change.summary == "dialogue changed"
    assert 0.5 <= change.similarity < 1.0


def test_action_edit_and_new_speaker() -> None:
    edited = scene(BASE[2][1], *BASE[2][2], "ROSA: Hold it there!")
    report = compare_scripts(make_script(*BASE), make_script(*BASE[:2], edited, *BASE[3:]))
    change = report.changes[2]
    assert change.status is ChangeStatus.CHANGED
    assert change.diff.dialogue_changed and not change.diff.action_changed
    assert change.diff.speakers_added == ("ROSA",)
    assert (change.diff.old_elements, change.diff.new_elements) == (3, 5)
    assert "speakers added: ROSA" in change.summary
    assert report.characters_added == ("ROSA",)


def test_characters_removed_with_their_scene() -> None:
    report = compare_scripts(make_script(*BASE), make_script(*BASE[:5]))
    assert report.characters_removed == ("CLERK",)
    assert report.changes[-1].status is ChangeStatus.OMITTED


def test_unnumbered_to_numbered_draft_reports_renumbering() -> None:
    old = make_script(*BASE)
    new = make_script(*numbered(BASE, ["1", "2", "3", "5", "6", "7"]))
    report = compare_scripts(old, new)
    assert not report.old_numbered and report.new_numbered and not report.numbers_matched
    assert statuses(report) == [ChangeStatus.UNCHANGED] * 3 + [ChangeStatus.RENUMBERED] * 3
    assert [(c.old_number, c.new_number) for c in report.changes[3:]] == [
        ("4", "5"), ("5", "6"), ("6", "7")]
    assert report.changes[3].summary == "renumbered 4 -> 5"


def test_changed_and_renumbered_carries_both_facts() -> None:
    edited = scene("EXT. FAR SHORE - DAWN", "Grey light over shingle. The ferry grinds aground.",
                   "MARA: Told you we would make it, Tomas.")
    old = make_script(*BASE)
    new = make_script(*numbered((*BASE[:4], edited, BASE[5]), ["1", "2", "3", "4", "9", "10"]))
    change = compare_scripts(old, new).changes[4]
    assert change.status is ChangeStatus.CHANGED and change.renumbered
    assert (change.old_number, change.new_number) == ("5", "9")


def test_reordered_scenes_are_matched_and_marked_moved() -> None:
    old = make_script(*BASE)
    new = make_script(BASE[0], BASE[3], BASE[1], BASE[2], BASE[4], BASE[5])
    report = compare_scripts(old, new)
    assert pairs(report) == [(0, 0), (3, 1), (1, 2), (2, 3), (4, 4), (5, 5)]
    assert [c.moved for c in report.changes] == [False, True, False, False, False, False]
    assert "moved" in report.changes[1].summary
    assert ChangeStatus.ADDED not in statuses(report)


def test_reordered_locked_scenes_match_by_number() -> None:
    old = make_script(*numbered(BASE, ["1", "2", "3", "4", "5", "6"]))
    new = make_script(*numbered((BASE[0], BASE[2], BASE[1], *BASE[3:]),
                                ["1", "3", "2", "4", "5", "6"]))
    report = compare_scripts(old, new)
    assert report.numbers_matched
    assert pairs(report) == [(0, 0), (2, 1), (1, 2), (3, 3), (4, 4), (5, 5)]
    assert statuses(report) == [ChangeStatus.UNCHANGED] * 6
    assert sum(c.moved for c in report.changes) == 1


def test_heading_edit_with_same_body_is_matched() -> None:
    moved_set = ("", "INT. FERRY GALLEY - LATER", BASE[1][2])
    report = compare_scripts(make_script(*BASE), make_script(BASE[0], moved_set, *BASE[2:]))
    change = report.changes[1]
    assert change.status is ChangeStatus.CHANGED
    assert (change.old_index, change.new_index) == (1, 1)
    assert change.diff.heading_changed and not change.diff.dialogue_changed
    assert (change.old_heading, change.new_heading) == (
        "INT. FERRY CABIN - NIGHT", "INT. FERRY GALLEY - LATER")
    assert change.summary.startswith("heading changed")


def test_rewritten_scene_at_same_set_is_omitted_and_added() -> None:
    rewrite = scene("INT. ENGINE ROOM - NIGHT", "Silence. The boilers are cold and dark.",
                    "ROSA: Who shut everything down?")
    report = compare_scripts(make_script(*BASE), make_script(*BASE[:3], rewrite, *BASE[4:]))
    assert ChangeStatus.OMITTED in statuses(report)
    assert ChangeStatus.ADDED in statuses(report)


def test_similar_scenes_are_not_swapped() -> None:
    twin_a = scene("INT. CAR - NIGHT", "They drive in silence past the sleeping town.",
                   "MARA: Turn left at the church.")
    twin_b = scene("INT. CAR - NIGHT", "They drive in silence past the sleeping town.",
                   "MARA: Turn right at the church.")
    old = make_script(twin_a, *BASE[:2], twin_b)
    edited_a = scene("INT. CAR - NIGHT", "They drive in silence past the sleeping town.",
                     "MARA: Turn left at the old church.")
    edited_b = scene("INT. CAR - NIGHT", "They drive in silence past the sleeping town.",
                     "MARA: Turn right at the old church.")
    report = compare_scripts(old, make_script(edited_a, *BASE[:2], edited_b))
    assert pairs(report) == [(0, 0), (1, 1), (2, 2), (3, 3)]


def test_numbers_ignored_when_draft_was_renumbered_from_scratch() -> None:
    extra = scene("INT. LIGHTHOUSE - NIGHT", "The keeper trims a wick by the great lens.")
    old = make_script(*numbered(BASE, ["1", "2", "3", "4", "5", "6"]))
    new = make_script(*numbered((extra, *BASE), ["1", "2", "3", "4", "5", "6", "7"]))
    report = compare_scripts(old, new)
    assert not report.numbers_matched
    assert report.changes[0].status is ChangeStatus.ADDED
    assert pairs(report)[1:] == [(k, k + 1) for k in range(6)]


def test_partial_numbering_is_ignored_with_a_warning() -> None:
    specs = numbered(BASE, ["1", "", "3", "4", "5", "6"])
    report = compare_scripts(make_script(*specs), make_script(*BASE))
    assert not report.old_numbered
    assert report.warnings == ("old draft numbers only some scenes; its numbers were ignored",)
    assert statuses(report) == [ChangeStatus.UNCHANGED] * 6


def test_empty_drafts() -> None:
    empty = make_script()
    assert compare_scripts(empty, empty).changes == ()
    report = compare_scripts(empty, make_script(*BASE[:2]))
    assert statuses(report) == [ChangeStatus.ADDED] * 2
    report = compare_scripts(make_script(*BASE[:2]), empty)
    assert statuses(report) == [ChangeStatus.OMITTED] * 2


def test_unprinted_synopsis_does_not_change_a_scene() -> None:
    old = make_script(*BASE[:2])
    elements = list(old.elements)
    elements.insert(1, Element(ElementKind.SYNOPSIS, "Mara arrives."))
    scenes = (
        Scene(0, old.scenes[0].heading, 0, old.scenes[0].end + 1),
        Scene(1, old.scenes[1].heading, old.scenes[1].start + 1, old.scenes[1].end + 1),
    )
    new = Script(SourceFormat.FOUNTAIN, tuple(elements), scenes)
    assert statuses(compare_scripts(old, new)) == [ChangeStatus.UNCHANGED] * 2
