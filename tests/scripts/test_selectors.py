"""Selectors are scoped to the actor's production; the dashboard shows what a role may act on."""

from __future__ import annotations

import pytest

from lynchpin.core.errors import NotFound
from lynchpin.core.roles import Role
from lynchpin.productions.models import Membership
from lynchpin.scripts.models import ScriptVersion
from lynchpin.scripts.selectors import (
    character_list,
    revision_report_get,
    scene_get,
    scene_list,
    script_current,
    script_get,
    script_list,
    script_next_colour,
    scripts_attention,
    scripts_figures,
)
from lynchpin.scripts.services import script_import
from tests.django_support import Team
from tests.scripts.conftest import SAMPLE_BYTES, revised_sample

pytestmark = pytest.mark.django_db


def _other_draft(team: Team) -> ScriptVersion:
    """The outsider's own production with its own draft."""
    return script_import(actor=team.outsider, production_id=team.other_production.pk,
                         file_name="theirs.fountain", content=SAMPLE_BYTES)


def test_lists_hold_only_the_production_s_drafts(team: Team, imported: ScriptVersion) -> None:
    theirs = _other_draft(team)
    crew = team.user(Role.CREW)
    assert list(script_list(actor=crew, production_id=team.production.pk)) == [imported]
    assert script_list(actor=crew, production_id=team.production.pk)[0].scene_count == 48
    with pytest.raises(NotFound):
        script_get(actor=crew, production_id=team.production.pk, script_version_id=theirs.pk)
    with pytest.raises(NotFound):
        scene_list(actor=crew, production_id=team.production.pk, script_version_id=theirs.pk)
    with pytest.raises(NotFound):
        scene_get(actor=crew, production_id=team.production.pk,
                  scene_id=theirs.scenes.first().pk)
    with pytest.raises(NotFound):  # a member of neither production sees neither
        script_list(actor=crew, production_id=team.other_production.pk)


def test_before_the_first_import_there_is_no_current_draft(team: Team) -> None:
    producer = team.producer
    assert script_current(actor=producer, production_id=team.production.pk) is None
    assert not scene_list(actor=producer, production_id=team.production.pk).exists()
    assert script_next_colour(actor=producer, production_id=team.production.pk) == "white"


def test_scene_list_counts_suggestions_per_scene(team: Team, imported: ScriptVersion) -> None:
    scenes = list(scene_list(actor=team.user(Role.CAST), production_id=team.production.pk))
    assert len(scenes) == 48
    first = scenes[0]
    assert (first.number, first.length) == ("1", "6/8")
    assert first.accepted == 2 and first.suggested >= 3  # ROSIE, DOUGIE; BOAT, COAT, BIRD...


def test_scene_get_groups_elements_by_category_in_order(
    team: Team, imported: ScriptVersion
) -> None:
    scene = imported.scenes.get(number="2")
    detail = scene_get(actor=team.user(Role.COORDINATOR), production_id=team.production.pk,
                       scene_id=scene.pk)
    ids = [group.category.id for group in detail.groups]
    assert ids == sorted(ids) and ids[0] == 100
    assert detail.groups[0].category.colour == "#E53935"
    assert (detail.previous.number, detail.next.number) == ("1", "3")
    assert detail.editable and len(detail.categories) == 25
    assert detail.paragraphs[0].css == "scene-heading"


def test_department_heads_may_change_only_their_category(
    team: Team, imported: ScriptVersion
) -> None:
    scene = imported.scenes.get(number="2")
    detail = scene_get(actor=team.user(Role.DEPARTMENT_HEAD),
                       production_id=team.production.pk, scene_id=scene.pk)
    assert detail.editable_ids == frozenset({110})
    crew = scene_get(actor=team.user(Role.CREW), production_id=team.production.pk,
                     scene_id=scene.pk)
    assert not crew.editable and crew.editable_ids == frozenset()


def test_revision_report_groups_the_changes(team: Team, imported: ScriptVersion) -> None:
    revised = script_import(actor=team.producer, production_id=team.production.pk,
                            file_name="blue.fountain", content=revised_sample(), colour="blue")
    view = revision_report_get(actor=team.user(Role.CREW), production_id=team.production.pk,
                               script_version_id=revised.pk)
    assert (len(view.added), len(view.omitted)) == (1, 1)
    assert [c["new_production_number"] for c in view.changed] == ["2"]
    assert view.unchanged == 46 and view.base == imported  # 48 - 1 omitted - 1 changed
    assert script_next_colour(actor=team.producer, production_id=team.production.pk) == "pink"


def _membership(team: Team, role: str) -> Membership:
    return Membership.objects.select_related("production").get(
        production=team.production, user=team.user(role)
    )


def test_dashboard_attention_depends_on_the_role(team: Team, imported: ScriptVersion) -> None:
    coordinator = scripts_attention(actor=team.user(Role.COORDINATOR),
                                    membership=_membership(team, Role.COORDINATOR))
    assert len(coordinator) == 1 and coordinator[0].count > 100
    assert scripts_attention(actor=team.user(Role.CREW),
                             membership=_membership(team, Role.CREW)) == []
    # The Camera head has nothing of theirs to decide in the sample.
    assert scripts_attention(actor=team.user(Role.DEPARTMENT_HEAD),
                             membership=_membership(team, Role.DEPARTMENT_HEAD)) == []


def test_dashboard_figures_show_the_current_draft(team: Team, imported: ScriptVersion) -> None:
    figures = scripts_figures(actor=team.user(Role.CAST), membership=_membership(team, Role.CAST))
    assert [(f.label, f.value) for f in figures] == [("Scenes", "48")]
    assert "23 1/8 pages" in figures[0].note


def test_characters_of_the_current_draft_most_scenes_first(
    team: Team, imported: ScriptVersion
) -> None:
    theirs = _other_draft(team)
    crew = team.user(Role.CREW)
    characters = list(character_list(actor=crew, production_id=team.production.pk))
    assert characters[0].name == "ROSIE" and characters[0].scene_count == 15
    assert all(c.script_version_id == imported.pk for c in characters)
    with pytest.raises(NotFound):
        character_list(actor=crew, production_id=team.production.pk,
                       script_version_id=theirs.pk)
