"""Page URLs of the api app (the API itself is mounted from lynchpin.api.root)."""

from __future__ import annotations

from django.urls import path

from lynchpin.api import views

urlpatterns = [
    path("", views.tokens, name="api_tokens"),
    path("<int:token_id>/revoke/", views.token_revoke, name="api_token_revoke"),
]
