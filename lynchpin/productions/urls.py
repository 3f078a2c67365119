"""Pages of productions: list, create, dashboard, settings, members, audit, invitations."""

from __future__ import annotations

from django.urls import path

from lynchpin.productions import views

app_name = "productions"

urlpatterns = [
    path("", views.production_list, name="list"),
    path("new/", views.production_new, name="new"),
    path("<int:production_id>/", views.dashboard, name="dashboard"),
    path("<int:production_id>/settings/", views.settings_page, name="settings"),
    path("<int:production_id>/members/", views.members, name="members"),
    path("<int:production_id>/members/invite/", views.member_invite, name="member_invite"),
    path(
        "<int:production_id>/members/<int:membership_id>/role/",
        views.member_role,
        name="member_role",
    ),
    path(
        "<int:production_id>/members/<int:membership_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path(
        "<int:production_id>/invitations/<int:invitation_id>/revoke/",
        views.invitation_revoke,
        name="member_invitation_revoke",
    ),
    path("<int:production_id>/audit/", views.audit, name="audit"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
