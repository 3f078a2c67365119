"""script_import / script_upload: first drafts, revised drafts, bad files, access."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from lynchpin.core.errors import Conflict, Forbidden, Invalid, NotFound
from lynchpin.core.models import AuditEntry, TaskRun
from lynchpin.core.roles import Capability, Role
from lynchpin.engine.errors import InputError
from lynchpin.scripts.models import BreakdownElement, Character, Scene, SceneElement, ScriptVersion
from lynchpin.scripts.services import script_import, script_upload
from tests.django_support import Team, roles_without
from tests.scripts.conftest import SAMPLE_BYTES, small_fdx

pytestmark = pytest.mark.django_db


def _import(
    team: Team, content: bytes, name: str = "draft.fountain", **kwargs: str
) -> ScriptVersion:
    return script_import(
        actor=team.producer, production_id=team.production.pk, file_name=name, content=content,
        **kwargs,
    )


def _media_files(team: Team) -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "scripts" / str(team.production.pk)
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_first_draft_is_current_with_scenes_lengths_and_breakdown(imported: ScriptVersion) -> None:
    # Figures of the bundled sample as the CLI reports them (lynchpin breakdown).
    assert imported.status == ScriptVersion.Status.READY
    assert (imported.format, imported.title) == ("fountain", "THE NIGHT FERRY")
    assert (imported.pages, imported.eighths, imported.length) == (21, 185, "23 1/8")
    scenes = list(imported.scenes.all())
    assert len(scenes) == 48
    assert [s.number for s in scenes[:3]] == ["1", "2", "3"]
    first = scenes[0]
    assert (first.heading, first.int_ext, first.set_name, first.time_of_day) == (
        "EXT. PORT CARRICK - HARBOUR WALL - DAY", "EXT", "PORT CARRICK - HARBOUR WALL", "DAY"
    )
    assert (first.eighths, first.page, first.length) == (6, 1, "6/8")
    assert first.elements[0] == {"type": "Scene Heading", "text": first.heading}
    assert sum(s.eighths for s in scenes) == imported.eighths


def test_spans_point_at_the_scene_text(imported: ScriptVersion) -> None:
    rows = SceneElement.objects.filter(scene__script_version=imported).select_related("scene")
    assert rows.count() > 100
    for row in rows:
        for span in row.spans:
            text = row.scene.elements[span["element"]]["text"]
            assert text[span["start"]:span["end"]] == span["text"]


def test_speaking_cast_is_accepted_and_lexicon_finds_are_suggested(imported: ScriptVersion) -> None:
    scene = imported.scenes.get(order=0)
    found = {(r.element.name, r.element.category): (r.status, r.origin)
             for r in scene.scene_elements.select_related("element")}
    assert found[("ROSIE", 100)] == ("accepted", "speaking")
    assert found[("BIRD", 108)] == ("suggested", "lexicon")


def test_characters_are_stored_with_scene_counts(imported: ScriptVersion) -> None:
    rosie = Character.objects.get(script_version=imported, name="ROSIE")
    assert (rosie.scene_count, rosie.dialogue_blocks) == (15, 28)


def test_import_is_audited(team: Team, imported: ScriptVersion) -> None:
    entry = AuditEntry.objects.get(action="script_version.import")
    assert entry.production_id == team.production.pk
    assert entry.changes["scenes"] == [None, 48]


def test_small_fdx_imports_with_numbers_from_the_file(team: Team) -> None:
    content = small_fdx(
        ("INT. STABLE - DAY", "NELL", "Easy."), ("EXT. FIELD - NIGHT", "TOM", "Go!")
    )
    version = _import(team, content, "stable.fdx", colour="blue", label="Producer's draft")
    assert (version.format, version.colour, version.label) == ("fdx", "blue", "Producer's draft")
    assert str(version) == "Producer's draft (Blue)"
    scenes = list(version.scenes.all())
    assert [(s.number, s.time_of_day) for s in scenes] == [("1", "DAY"), ("2", "NIGHT")]
    rows = SceneElement.objects.filter(scene=scenes[0])
    names = set(rows.values_list("element__name", flat=True))
    assert {"NELL", "HORSE"} <= names


def test_a_bad_file_names_the_line_and_saves_nothing(team: Team) -> None:
    broken = b'<?xml version="1.0"?>\n<FinalDraft Version="1">\n<Content>\n<Paragraph>\n</Content>'
    with pytest.raises(InputError) as caught:
        _import(team, broken, "broken.fdx")
    assert str(caught.value).startswith("broken.fdx:5:")
    assert not ScriptVersion.objects.exists()
    assert not Scene.objects.exists() and not BreakdownElement.objects.exists()
    assert _media_files(team) == []


def test_a_file_without_scenes_is_refused(team: Team) -> None:
    with pytest.raises(InputError, match="no scene headings"):
        _import(team, b"Just a note to self.\n", "note.fountain")
    assert not ScriptVersion.objects.exists()


def test_an_unknown_colour_is_invalid(team: Team) -> None:
    with pytest.raises(Invalid) as caught:
        _import(team, SAMPLE_BYTES, colour="tartan")
    assert set(caught.value.fields) == {"colour"}


@override_settings(LYNCHPIN_MAX_UPLOAD_BYTES=1000)
def test_a_file_over_the_limit_is_refused_before_parsing(team: Team) -> None:
    with pytest.raises(Invalid) as caught:
        _import(team, SAMPLE_BYTES)
    assert set(caught.value.fields) == {"file"}
    assert not ScriptVersion.objects.exists()


@pytest.mark.parametrize("role", roles_without(Capability.UPLOAD_SCRIPT))
def test_roles_without_upload_rights_are_forbidden(team: Team, role: str) -> None:
    with pytest.raises(Forbidden):
        script_import(actor=team.user(role), production_id=team.production.pk,
                      file_name="x.fountain", content=SAMPLE_BYTES)


def test_outsiders_cannot_import(team: Team) -> None:
    with pytest.raises(NotFound):
        script_import(actor=team.outsider, production_id=team.production.pk,
                      file_name="x.fountain", content=SAMPLE_BYTES)


def test_upload_runs_the_import_as_a_task(team: Team) -> None:
    run = script_upload(actor=team.user(Role.COORDINATOR), production_id=team.production.pk,
                        file_name="ferry.fountain", content=SAMPLE_BYTES, colour="white")
    assert (run.kind, run.status, run.progress) == ("scripts.import", TaskRun.Status.SUCCEEDED, 100)
    version = ScriptVersion.objects.get(pk=run.result["script_version_id"])
    assert (version.status, run.result["scenes"]) == (ScriptVersion.Status.READY, 48)
    assert version.uploaded_by == team.user(Role.COORDINATOR)


def test_a_failed_upload_marks_the_draft_failed_with_the_line(team: Team) -> None:
    broken = b'<?xml version="1.0"?>\n<FinalDraft Version="1">\n<Content>\n<Paragraph>\n</Content>'
    run = script_upload(actor=team.producer, production_id=team.production.pk,
                        file_name="broken.fdx", content=broken)
    assert run.status == TaskRun.Status.FAILED
    assert run.message.startswith("broken.fdx:5:")
    version = ScriptVersion.objects.get()
    assert version.status == ScriptVersion.Status.FAILED
    assert version.error == run.message
    assert not version.scenes.exists()


def test_a_second_revised_draft_waits_until_the_first_is_reviewed(
    team: Team, imported: ScriptVersion
) -> None:
    _import(team, SAMPLE_BYTES, colour="blue")
    with pytest.raises(Conflict, match="waiting for review"):
        _import(team, SAMPLE_BYTES, colour="pink")
    with pytest.raises(Conflict):
        script_upload(actor=team.producer, production_id=team.production.pk,
                      file_name="x.fountain", content=SAMPLE_BYTES)
