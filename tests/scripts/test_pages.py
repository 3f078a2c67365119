"""Script pages: outsiders 404, roles without the capability 403, members 200; what the pages
show; breakdown forms; uploads with progress."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from lynchpin.core.models import TaskRun
from lynchpin.core.roles import Capability, Role
from lynchpin.scripts.models import SceneElement, ScriptVersion
from lynchpin.scripts.services import script_import
from tests.django_support import Team, roles_with, roles_without
from tests.scripts.conftest import SAMPLE_BYTES, revised_sample

pytestmark = pytest.mark.django_db

Client = Any


@pytest.fixture
def site(team: Team, imported: ScriptVersion) -> dict[str, Any]:
    """A production with a current draft and a revised draft waiting for review."""
    revised = script_import(actor=team.producer, production_id=team.production.pk,
                            file_name="blue.fountain", content=revised_sample(), colour="blue")
    scene = imported.scenes.get(number="1")
    return {"team": team, "current": imported, "revised": revised, "scene": scene,
            "bird": SceneElement.objects.get(scene=scene, element__name="BIRD")}


def _url(name: str, site: dict[str, Any], **kwargs: Any) -> str:
    kwargs = {"production_id": site["team"].production.pk, **kwargs}
    return reverse(f"scripts:{name}", kwargs=kwargs)


#: Every GET page: name and its URL arguments (all need VIEW_SCRIPT, which every role has).
def _pages(site: dict[str, Any]) -> list[str]:
    return [
        _url("list", site),
        _url("scenes", site),
        _url("version", site, script_version_id=site["current"].pk),
        _url("scene", site, scene_id=site["scene"].pk),
        _url("review", site, script_version_id=site["revised"].pk),
        _url("scene_pdf", site, scene_id=site["scene"].pk),
    ]


def test_anonymous_visitors_are_sent_to_login(site: dict[str, Any], client_as) -> None:
    for url in _pages(site):
        response = client_as(None).get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login"))


def test_outsiders_get_404_on_every_page(site: dict[str, Any], client_as) -> None:
    client = client_as(site["team"].outsider)
    for url in _pages(site):
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"PORT CARRICK" not in response.content


@pytest.mark.parametrize("role", list(Role))
def test_every_member_reads_every_page(site: dict[str, Any], client_as, role: Role) -> None:
    assert role.value in roles_with(Capability.VIEW_SCRIPT)
    client = client_as(site["team"].user(role))
    for url in _pages(site):
        assert client.get(url).status_code == 200, url


def test_script_page_shows_drafts_and_the_upload_form(site: dict[str, Any], client_as) -> None:
    page = client_as(site["team"].user(Role.COORDINATOR)).get(_url("list", site)).content.decode()
    assert "<title>Script · The Night Ferry · Lynchpin</title>" in page
    assert "Blue draft" in page and "is waiting for review" in page
    assert 'name="file"' in page and 'value="pink" selected' in page  # the next colour
    assert 'aria-current="page">Script' in page  # navigation section
    assert "ROSIE <span class=\"help\">15 scenes</span>" in page


@pytest.mark.parametrize("role", roles_without(Capability.UPLOAD_SCRIPT))
def test_roles_that_cannot_upload_see_no_form_and_get_403(
    site: dict[str, Any], client_as, role: str
) -> None:
    client = client_as(site["team"].user(role))
    assert 'name="file"' not in client.get(_url("list", site)).content.decode()
    response = client.post(_url("upload_start", site), {"colour": "white"})
    assert response.status_code == 403


def test_scene_list_shows_eighths_and_pages(site: dict[str, Any], client_as) -> None:
    page = client_as(site["team"].user(Role.CREW)).get(_url("scenes", site)).content.decode()
    assert "48 scenes" in page
    assert "EXT. PORT CARRICK - HARBOUR WALL - DAY" in page
    assert '<td class="num">6/8</td>' in page and '<td class="num">1</td>' in page


def test_scene_list_rows_link_each_scene_and_escape_headings(site: dict[str, Any],
                                                            client_as) -> None:
    from lynchpin.scripts.models import Scene

    scenes = list(site["current"].scenes.order_by("order")[:2])
    Scene.objects.filter(pk=scenes[1].pk).update(
        omitted=True, script_index=None, heading='INT. <b>"BAR"</b> & GRILL - DAY')
    page = client_as(site["team"].user(Role.CREW)).get(_url("scenes", site)).content.decode()
    first = _url("scene", site, scene_id=scenes[0].pk)
    assert f'<th scope="row"><a href="{first}">{scenes[0].number}</a></th>' in page
    omitted = _url("scene", site, scene_id=scenes[1].pk)
    assert (f'<tr class="omitted"><th scope="row"><a href="{omitted}">{scenes[1].number}</a>'
            '</th><td><span class="badge">Omitted</span> <s>INT. &lt;b&gt;&quot;BAR&quot;'
            '&lt;/b&gt; &amp; GRILL - DAY</s></td><td class="num">\u2014</td>') in page
    assert "<b>" not in page


def test_scene_page_highlights_elements_with_a_text_label(site: dict[str, Any], client_as) -> None:
    page = client_as(site["team"].user(Role.CAST)).get(
        _url("scene", site, scene_id=site["scene"].pk)
    ).content.decode()
    assert 'title="Animals: BIRD (suggested)">Gulls<span class="visually-hidden">' in page
    assert "--tag: #E53935" in page  # Cast Members' colour, on ROSIE's cue
    assert "Accept<span" not in page  # cast may not edit the breakdown


def test_department_head_gets_forms_for_their_category_only(
    site: dict[str, Any], client_as
) -> None:
    page = client_as(site["team"].user(Role.DEPARTMENT_HEAD)).get(
        _url("scene", site, scene_id=site["scene"].pk)
    ).content.decode()
    assert "Accept<span" not in page  # no Camera elements in scene 1
    assert '<option value="110">Camera</option>' in page
    assert '<option value="104">' not in page


def test_accepting_on_the_page_moves_on_and_is_kept(site: dict[str, Any], client_as) -> None:
    bird = site["bird"]
    client = client_as(site["team"].user(Role.COORDINATOR))
    response = client.post(
        _url("element_decide", site, scene_element_id=bird.pk),
        {"status": "accepted", "version": bird.version, "scene": site["scene"].pk},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#element-{bird.pk}")
    bird.refresh_from_db()
    assert bird.status == "accepted"


def test_a_stale_decision_on_the_page_is_409(site: dict[str, Any], client_as) -> None:
    bird = site["bird"]
    client = client_as(site["team"].producer)
    data = {"status": "accepted", "version": bird.version, "scene": site["scene"].pk}
    client.post(_url("element_decide", site, scene_element_id=bird.pk), data)
    response = client.post(_url("element_decide", site, scene_element_id=bird.pk),
                           {**data, "status": "rejected"})
    assert response.status_code == 409
    assert "changed by someone else" in response.content.decode()


@pytest.mark.parametrize("role", roles_without(Capability.EDIT_BREAKDOWN))
def test_roles_without_breakdown_rights_get_403_on_every_form(
    site: dict[str, Any], client_as, role: str
) -> None:
    bird, scene = site["bird"], site["scene"]
    client = client_as(site["team"].user(role))
    posts = [
        (_url("element_decide", site, scene_element_id=bird.pk),
         {"status": "accepted", "version": bird.version, "scene": scene.pk}),
        (_url("element_edit", site, scene_element_id=bird.pk),
         {"category": 108, "name": "GULLS", "version": bird.version, "scene": scene.pk}),
        (_url("element_add", site, scene_id=scene.pk), {"category": 104, "name": "POSTER"}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    bird.refresh_from_db()
    assert bird.status == "suggested"


def test_adding_and_editing_on_the_page(site: dict[str, Any], client_as) -> None:
    scene = site["scene"]
    client = client_as(site["team"].producer)
    response = client.post(_url("element_add", site, scene_id=scene.pk),
                           {"category": 104, "name": "lamp post"})
    assert response.status_code == 302
    added = SceneElement.objects.get(scene=scene, element__name="LAMP POST")
    bird = site["bird"]
    response = client.post(_url("element_edit", site, scene_element_id=bird.pk),
                           {"category": 108, "name": "gulls", "version": bird.version,
                            "scene": scene.pk})
    assert response.status_code == 302
    page = client.get(_url("scene", site, scene_id=scene.pk)).content.decode()
    assert 'title="Props: LAMP POST (accepted)">lamp post<' in page
    assert "GULLS" in page and added.origin == "manual"


def test_adding_a_duplicate_on_the_page_is_400_with_the_message(
    site: dict[str, Any], client_as
) -> None:
    response = client_as(site["team"].producer).post(
        _url("element_add", site, scene_id=site["scene"].pk), {"category": 108, "name": "bird"}
    )
    assert response.status_code == 400
    assert "already on the breakdown of scene 1" in response.content.decode()


def test_upload_on_the_page_shows_progress_then_the_draft(team: Team, client_as) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_as(team.user(Role.COORDINATOR))
    url = reverse("scripts:upload_start", kwargs={"production_id": team.production.pk})
    upload = SimpleUploadedFile("ferry.fountain", SAMPLE_BYTES, content_type="text/plain")
    response = client.post(url, {"file": upload, "colour": "white", "label": "First"})
    assert response.status_code == 302
    progress = client.get(response["Location"])
    assert progress.status_code == 200
    version = ScriptVersion.objects.get()
    assert version.status == "ready"
    page = progress.content.decode()
    assert "<progress" in page and "Open the draft" in page
    run = TaskRun.objects.get()
    assert run.status == "succeeded"
    # Someone else without RUN_TASKS does not see the coordinator's run.
    other = client_as(team.user(Role.CREW)).get(response["Location"])
    assert other.status_code == 404


def test_a_bad_upload_on_the_page_fails_with_the_line(team: Team, client_as) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    broken = b'<?xml version="1.0"?>\n<FinalDraft Version="1">\n<Content>\n<Paragraph>\n</Content>'
    client = client_as(team.producer)
    url = reverse("scripts:upload_start", kwargs={"production_id": team.production.pk})
    response = client.post(url, {"file": SimpleUploadedFile("broken.fdx", broken),
                                 "colour": "white"})
    page = client.get(response["Location"]).content.decode()
    assert "broken.fdx:5:" in page and "The import failed" in page
    listing = client.get(reverse("scripts:list", kwargs={"production_id": team.production.pk}))
    assert "broken.fdx:5:" in listing.content.decode()


def test_upload_form_errors_are_400(team: Team, client_as) -> None:
    url = reverse("scripts:upload_start", kwargs={"production_id": team.production.pk})
    response = client_as(team.producer).post(url, {"colour": "tartan"})
    assert response.status_code == 400
    assert not ScriptVersion.objects.exists()


def test_review_page_lists_changes_and_applies(site: dict[str, Any], client_as) -> None:
    client = client_as(site["team"].producer)
    revised = site["revised"]
    page = client.get(_url("review", site, script_version_id=revised.pk)).content.decode()
    assert "EXT. PORT CARRICK - LIGHTHOUSE - DAY" in page
    assert "<s>EXT. QUILL HOUSE - BACK GARDEN - DAY</s>" in page
    response = client.post(_url("apply", site, script_version_id=revised.pk))
    assert response.status_code == 302
    revised.refresh_from_db()
    assert revised.status == "ready"


@pytest.mark.parametrize("role", roles_without(Capability.UPLOAD_SCRIPT))
def test_review_actions_need_upload_rights(site: dict[str, Any], client_as, role: str) -> None:
    client = client_as(site["team"].user(role))
    revised = site["revised"]
    page = client.get(_url("review", site, script_version_id=revised.pk)).content.decode()
    assert "Apply: make this" not in page
    for name in ("apply", "discard"):
        assert client.post(_url(name, site, script_version_id=revised.pk)).status_code == 403
    revised.refresh_from_db()
    assert revised.status == "pending_review"


def test_dashboard_counts_suggestions_to_review(site: dict[str, Any], client_as) -> None:
    team = site["team"]
    url = reverse("productions:dashboard", kwargs={"production_id": team.production.pk})
    open_count = SceneElement.objects.filter(
        scene__script_version=site["current"], status="suggested"
    ).count()
    page = client_as(team.user(Role.COORDINATOR)).get(url).content.decode()
    assert f"{open_count} breakdown suggestions to accept or reject." in page
    assert "is waiting for review." in page
    crew_page = client_as(team.user(Role.CREW)).get(url).content.decode()
    assert "breakdown suggestions" not in crew_page
    assert "Scenes" in crew_page  # key figure for every member who reads the script
