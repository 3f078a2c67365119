"""The URL root.

- ``/`` -> ``/productions/`` (list); ``/productions/<id>/...`` production pages
- ``/productions/<id>/<section>/...`` each app's pages (one ``include`` line per app below)
- ``/accounts/...`` login, logout (POST), password change and reset (Django's auth views)
- ``/account/tokens/`` personal API tokens
- ``/api/v1/`` the API (OpenAPI at ``/api/v1/openapi.json``, docs at ``/api/v1/docs``)
- ``/admin/`` Django admin for staff; ``/healthz`` health check
"""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from lynchpin.api.root import api
from lynchpin.web.views import healthz

#: Production sections of the apps: ``path("productions/<int:production_id>/<section>/",
#: include("lynchpin.<app>.urls"))``; the app's urls.py sets ``app_name``.
APP_PAGES: list = [
    path("productions/<int:production_id>/scripts/", include("lynchpin.scripts.urls")),
    path("productions/<int:production_id>/people/", include("lynchpin.people.urls")),
    path("productions/<int:production_id>/timecards/",
         include("lynchpin.people.timecards.urls")),
    path("productions/<int:production_id>/budgets/", include("lynchpin.budgets.urls")),
    path("productions/<int:production_id>/accounting/", include("lynchpin.accounting.urls")),
    path("productions/<int:production_id>/schedules/", include("lynchpin.schedules.urls")),
]

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="productions:list"), name="home"),
    *APP_PAGES,
    path("productions/", include("lynchpin.productions.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("account/tokens/", include("lynchpin.api.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]
