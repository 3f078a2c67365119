"""Deciding, adding and editing breakdown elements: versions, rights, audit."""

from __future__ import annotations

import pytest

from lynchpin.core.errors import Conflict, Forbidden, Invalid, NotFound
from lynchpin.core.models import AuditEntry
from lynchpin.core.roles import Capability, Role
from lynchpin.scripts.models import Scene, SceneElement, ScriptVersion
from lynchpin.scripts.services import (
    scene_element_add,
    scene_element_decide,
    scene_element_edit,
    script_import,
)
from tests.django_support import Team, roles_with, roles_without
from tests.scripts.conftest import revised_sample

pytestmark = pytest.mark.django_db

PROPS, CAMERA = 104, 110


def _item(version: ScriptVersion, number: str, name: str) -> SceneElement:
    return SceneElement.objects.select_related("element").get(
        scene__script_version=version, scene__number=number, element__name=name
    )


def _decide(team: Team, item: SceneElement, status: str, *, role: str = Role.PRODUCER,
            version: int | None = None) -> SceneElement:
    return scene_element_decide(
        actor=team.user(role), production_id=team.production.pk, scene_element_id=item.pk,
        status=status, expected_version=item.version if version is None else version,
    )


@pytest.mark.parametrize("role", [r for r in roles_with(Capability.EDIT_BREAKDOWN)
                                  if r != Role.DEPARTMENT_HEAD])
def test_breakdown_roles_accept_a_suggestion(
    team: Team, imported: ScriptVersion, role: str
) -> None:
    item = _item(imported, "1", "BIRD")
    decided = _decide(team, item, "accepted", role=role)
    assert (decided.status, decided.version) == ("accepted", item.version + 1)
    imported.refresh_from_db()
    assert imported.version == 2  # the draft's breakdown changed
    entry = AuditEntry.objects.get(action="scene_element.decide")
    assert entry.changes == {"status": ["suggested", "accepted"]}
    assert entry.target_label == "BIRD (Animals) in scene 1"


def test_a_stale_decision_is_a_conflict(team: Team, imported: ScriptVersion) -> None:
    item = _item(imported, "1", "BIRD")
    _decide(team, item, "accepted")
    with pytest.raises(Conflict, match="changed by someone else"):
        _decide(team, item, "rejected", version=item.version)
    assert _item(imported, "1", "BIRD").status == "accepted"


def test_an_unknown_status_is_invalid(team: Team, imported: ScriptVersion) -> None:
    with pytest.raises(Invalid) as caught:
        _decide(team, _item(imported, "1", "BIRD"), "maybe")
    assert set(caught.value.fields) == {"status"}


@pytest.mark.parametrize("role", roles_without(Capability.EDIT_BREAKDOWN))
def test_roles_without_breakdown_rights_cannot_decide(
    team: Team, imported: ScriptVersion, role: str
) -> None:
    with pytest.raises(Forbidden):
        _decide(team, _item(imported, "1", "BIRD"), "accepted", role=role)


def test_a_department_head_decides_only_their_department(
    team: Team, imported: ScriptVersion
) -> None:
    # The team's department head runs Camera (tests/django_support.make_team).
    with pytest.raises(Forbidden, match="Camera"):
        _decide(team, _item(imported, "1", "BIRD"), "accepted", role=Role.DEPARTMENT_HEAD)
    added = scene_element_add(
        actor=team.user(Role.DEPARTMENT_HEAD), production_id=team.production.pk,
        scene_id=imported.scenes.get(number="1").pk, category=CAMERA, name="drone",
    )
    assert (added.element.category, added.element.name) == (CAMERA, "DRONE")
    _decide(team, added, "rejected", role=Role.DEPARTMENT_HEAD)


def test_outsiders_cannot_see_elements(team: Team, imported: ScriptVersion) -> None:
    item = _item(imported, "1", "BIRD")
    for production in (team.production, team.other_production):
        with pytest.raises(NotFound):
            scene_element_decide(actor=team.outsider, production_id=production.pk,
                                 scene_element_id=item.pk, status="accepted", expected_version=1)


def test_a_draft_waiting_for_review_is_read_only(team: Team, imported: ScriptVersion) -> None:
    revised = script_import(actor=team.producer, production_id=team.production.pk,
                            file_name="blue.fountain", content=revised_sample(), colour="blue")
    with pytest.raises(Conflict, match="not the current draft"):
        _decide(team, _item(revised, "1", "BIRD"), "accepted")


def test_adding_an_element_accepts_it_and_marks_the_text(
    team: Team, imported: ScriptVersion
) -> None:
    scene = imported.scenes.get(number="1")
    added = scene_element_add(actor=team.producer, production_id=team.production.pk,
                              scene_id=scene.pk, category=PROPS, name="  felt-tip ")
    assert (added.status, added.origin, added.element.name) == ("accepted", "manual", "FELT-TIP")
    assert [span["text"] for span in added.spans] == ["felt-tip"]
    assert scene.elements[added.spans[0]["element"]]["text"].count("felt-tip") == 1


def test_adding_an_element_twice_is_invalid(team: Team, imported: ScriptVersion) -> None:
    scene = imported.scenes.get(number="1")
    with pytest.raises(Invalid) as caught:
        scene_element_add(actor=team.producer, production_id=team.production.pk,
                          scene_id=scene.pk, category=108, name="bird")
    assert set(caught.value.fields) == {"name"}


def test_adding_a_rejected_element_accepts_it_again(team: Team, imported: ScriptVersion) -> None:
    _decide(team, _item(imported, "1", "BIRD"), "rejected")
    again = scene_element_add(actor=team.producer, production_id=team.production.pk,
                              scene_id=imported.scenes.get(number="1").pk, category=108,
                              name="Bird")
    assert (again.status, again.origin) == ("accepted", "lexicon")


@pytest.mark.parametrize(("category", "name", "field"), [(99, "X", "category"), (104, " ", "name")])
def test_adding_needs_a_known_category_and_a_name(
    team: Team, imported: ScriptVersion, category: int, name: str, field: str
) -> None:
    with pytest.raises(Invalid) as caught:
        scene_element_add(actor=team.producer, production_id=team.production.pk,
                          scene_id=imported.scenes.get(number="1").pk, category=category,
                          name=name)
    assert set(caught.value.fields) == {field}


def test_editing_renames_and_accepts(team: Team, imported: ScriptVersion) -> None:
    item = _item(imported, "1", "BIRD")
    edited = scene_element_edit(
        actor=team.user(Role.COORDINATOR), production_id=team.production.pk,
        scene_element_id=item.pk, category=108, name="Seagulls", expected_version=item.version,
    )
    assert (edited.element.name, edited.status, edited.version) == ("SEAGULLS", "accepted", 2)
    entry = AuditEntry.objects.get(action="scene_element.edit")
    assert entry.changes == {"name": ["BIRD", "SEAGULLS"]}
    with pytest.raises(Conflict):
        scene_element_edit(
            actor=team.producer, production_id=team.production.pk, scene_element_id=item.pk,
            category=108, name="Gulls", expected_version=item.version,
        )


def test_editing_into_an_element_the_scene_has_is_invalid(
    team: Team, imported: ScriptVersion
) -> None:
    item = _item(imported, "1", "BIRD")
    with pytest.raises(Invalid):
        scene_element_edit(
            actor=team.producer, production_id=team.production.pk, scene_element_id=item.pk,
            category=100, name="rosie", expected_version=item.version,
        )


def test_nothing_can_be_added_to_an_omitted_scene(team: Team, imported: ScriptVersion) -> None:
    from lynchpin.scripts.services import script_revision_apply

    revised = script_import(actor=team.producer, production_id=team.production.pk,
                            file_name="blue.fountain", content=revised_sample(), colour="blue")
    script_revision_apply(actor=team.producer, production_id=team.production.pk,
                          script_version_id=revised.pk)
    cut = Scene.objects.get(script_version=revised, omitted=True)
    with pytest.raises(Invalid, match="omitted"):
        scene_element_add(actor=team.producer, production_id=team.production.pk,
                          scene_id=cut.pk, category=PROPS, name="spade")
