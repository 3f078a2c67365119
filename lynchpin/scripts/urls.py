"""Pages of the scripts app, under /productions/<production_id>/scripts/."""

from __future__ import annotations

from django.urls import path

from lynchpin.scripts import views

app_name = "scripts"

urlpatterns = [
    path("", views.script_list, name="list"),
    path("upload/", views.script_upload, name="upload_start"),
    path(
        "versions/<int:script_version_id>/uploads/<int:run_id>/",
        views.upload_progress,
        name="upload",
    ),
    path("versions/<int:script_version_id>/", views.version_scenes, name="version"),
    path(
        "versions/<int:script_version_id>/breakdown.pdf", views.version_pdf, name="version_pdf"
    ),
    path(
        "versions/<int:script_version_id>/sheets/", views.sheets_start, name="sheets_start"
    ),
    path(
        "versions/<int:script_version_id>/sheets/<int:run_id>/",
        views.sheets_progress,
        name="sheets",
    ),
    path("versions/<int:script_version_id>/review/", views.review, name="review"),
    path("versions/<int:script_version_id>/apply/", views.apply, name="apply"),
    path("versions/<int:script_version_id>/discard/", views.discard, name="discard"),
    path("scenes/", views.scene_list, name="scenes"),
    path("scenes/<int:scene_id>/", views.scene_page, name="scene"),
    path("scenes/<int:scene_id>/breakdown.pdf", views.scene_pdf, name="scene_pdf"),
    path("scenes/<int:scene_id>/elements/", views.element_add, name="element_add"),
    path(
        "elements/<int:scene_element_id>/decide/", views.element_decide, name="element_decide"
    ),
    path("elements/<int:scene_element_id>/edit/", views.element_edit, name="element_edit"),
]
