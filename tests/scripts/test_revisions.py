"""Revised drafts: compared with the current one, decisions carried, applied or discarded."""

from __future__ import annotations

from pathlib import Path

import pytest

from lynchpin.core.errors import Conflict, Forbidden, NotFound
from lynchpin.core.models import AuditEntry
from lynchpin.core.roles import Role
from lynchpin.scripts.models import Scene, SceneElement, ScriptVersion
from lynchpin.scripts.services import (
    scene_element_add,
    scene_element_decide,
    script_import,
    script_revision_apply,
    script_revision_discard,
)
from tests.django_support import Team
from tests.scripts.conftest import revised_sample

pytestmark = pytest.mark.django_db


def _item(version: ScriptVersion, number: str, name: str) -> SceneElement:
    return SceneElement.objects.select_related("element").get(
        scene__script_version=version, scene__number=number, element__name=name
    )


def _decide(team: Team, item: SceneElement, status: str) -> SceneElement:
    return scene_element_decide(
        actor=team.producer, production_id=team.production.pk, scene_element_id=item.pk,
        status=status, expected_version=item.version,
    )


def _revise(team: Team) -> ScriptVersion:
    return script_import(
        actor=team.producer, production_id=team.production.pk, file_name="ferry-blue.fountain",
        content=revised_sample(), colour="blue", label="Blue pages",
    )


def test_a_revised_draft_waits_for_review_with_its_report(
    team: Team, imported: ScriptVersion
) -> None:
    revised = _revise(team)
    assert revised.status == ScriptVersion.Status.PENDING_REVIEW
    assert (revised.base, revised.base_version) == (imported, imported.version)
    imported.refresh_from_db()
    assert imported.status == ScriptVersion.Status.READY  # still current until applied
    changes = revised.revision["changes"]
    added = [c for c in changes if c["status"] == "added"]
    omitted = [c for c in changes if c["status"] == "omitted"]
    assert [c["new_heading"] for c in added] == ["EXT. PORT CARRICK - LIGHTHOUSE - DAY"]
    assert [c["old_heading"] for c in omitted] == ["EXT. QUILL HOUSE - BACK GARDEN - DAY"]
    changed = {c["old_production_number"] for c in changes if c["status"] == "changed"}
    assert "2" in changed


def test_scene_numbers_are_locked_and_cut_scenes_stay_as_omitted(
    team: Team, imported: ScriptVersion
) -> None:
    scene_element_add(actor=team.producer, production_id=team.production.pk,
                      scene_id=imported.scenes.get(number="3").pk, category=104, name="stone")
    revised = _revise(team)
    rows = list(revised.scenes.all())
    assert [(s.number, s.omitted) for s in rows[:5]] == [
        ("1", False), ("1A", False), ("2", False), ("3", True), ("4", False)
    ]
    assert len([s for s in rows if not s.omitted]) == 48
    cut = rows[3]
    assert (cut.heading, cut.eighths, cut.script_index) == (
        "EXT. QUILL HOUSE - BACK GARDEN - DAY", 0, None
    )
    # The placeholder keeps its breakdown, still pointing at its text.
    stone = SceneElement.objects.get(scene=cut, element__name="STONE")
    assert stone.status == "accepted"
    span = stone.spans[0]
    assert cut.elements[span["element"]]["text"][span["start"]:span["end"]] == "stone"


def test_a_revised_draft_carries_decisions(team: Team, imported: ScriptVersion) -> None:
    _decide(team, _item(imported, "1", "BIRD"), "rejected")
    _decide(team, _item(imported, "2", "SCRUBS"), "accepted")
    revised = _revise(team)
    assert _item(revised, "1", "BIRD").status == "rejected"
    scrubs = _item(revised, "2", "SCRUBS")
    assert (scrubs.status, scrubs.origin) == ("accepted", "lexicon")
    assert scrubs.spans  # the new text still shows it
    assert _item(revised, "1A", "BINOCULARS").status == "suggested"  # a new scene: fresh sheet
    carried = {(c["number"], c["name"], c["status"]) for c in revised.revision["carried"]}
    assert {("1", "BIRD", "rejected"), ("2", "SCRUBS", "accepted")} <= carried


def test_applying_makes_the_revision_current(team: Team, imported: ScriptVersion) -> None:
    revised = _revise(team)
    applied = script_revision_apply(
        actor=team.user(Role.COORDINATOR), production_id=team.production.pk,
        script_version_id=revised.pk,
    )
    imported.refresh_from_db()
    assert (applied.status, imported.status) == ("ready", "superseded")
    assert applied.applied is not None
    assert AuditEntry.objects.filter(action="script_version.apply").count() == 1


def test_applying_carries_decisions_made_after_the_comparison(
    team: Team, imported: ScriptVersion
) -> None:
    revised = _revise(team)
    _decide(team, _item(imported, "2", "SCRUBS"), "rejected")
    script_revision_apply(
        actor=team.producer, production_id=team.production.pk, script_version_id=revised.pk
    )
    assert _item(revised, "2", "SCRUBS").status == "rejected"
    assert Scene.objects.filter(script_version=revised).count() == 49


def test_only_a_pending_draft_can_be_applied(team: Team, imported: ScriptVersion) -> None:
    with pytest.raises(Conflict):
        script_revision_apply(
            actor=team.producer, production_id=team.production.pk, script_version_id=imported.pk
        )


def test_discarding_deletes_the_draft_and_its_file(team: Team, imported: ScriptVersion) -> None:
    revised = _revise(team)
    path = Path(revised.source.path)
    assert path.exists()
    script_revision_discard(
        actor=team.producer, production_id=team.production.pk, script_version_id=revised.pk
    )
    assert not ScriptVersion.objects.filter(pk=revised.pk).exists()
    assert not Scene.objects.filter(script_version_id=revised.pk).exists()


def test_the_current_draft_cannot_be_discarded(team: Team, imported: ScriptVersion) -> None:
    with pytest.raises(Conflict):
        script_revision_discard(
            actor=team.producer, production_id=team.production.pk, script_version_id=imported.pk
        )


@pytest.mark.parametrize("role", [Role.DEPARTMENT_HEAD, Role.CREW, Role.ACCOUNTANT])
def test_review_needs_upload_rights(team: Team, imported: ScriptVersion, role: str) -> None:
    revised = _revise(team)
    for service in (script_revision_apply, script_revision_discard):
        with pytest.raises(Forbidden):
            service(actor=team.user(role), production_id=team.production.pk,
                    script_version_id=revised.pk)


def test_outsiders_cannot_review(team: Team, imported: ScriptVersion) -> None:
    revised = _revise(team)
    with pytest.raises(NotFound):
        script_revision_apply(
            actor=team.outsider, production_id=team.production.pk, script_version_id=revised.pk
        )
    with pytest.raises(NotFound):  # their own production does not have it either
        script_revision_apply(
            actor=team.outsider, production_id=team.other_production.pk,
            script_version_id=revised.pk,
        )


def test_a_second_revision_keeps_earlier_placeholders_and_numbers(
    team: Team, imported: ScriptVersion
) -> None:
    first = _revise(team)
    script_revision_apply(actor=team.producer, production_id=team.production.pk,
                          script_version_id=first.pk)
    text = revised_sample().decode("utf-8")
    start = text.index("EXT. COAST ROAD - LAY-BY - DAY\n")
    end = text.index("INT. DUGGAN'S VAN - DAY\n")
    second = script_import(
        actor=team.producer, production_id=team.production.pk, file_name="pink.fountain",
        content=(text[:start] + text[end:]).encode("utf-8"), colour="pink",
    )
    rows = [(s.number, s.omitted) for s in second.scenes.all()]
    assert rows[:6] == [
        ("1", False), ("1A", False), ("2", False), ("3", True), ("4", True), ("5", False)
    ]
    numbers = [number for number, _ in rows]
    assert len(numbers) == len(set(numbers)) == 49  # 48 + 1 added; cut ones stay
