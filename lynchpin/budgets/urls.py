"""Pages of budgets, under /productions/<production_id>/budgets/."""

from __future__ import annotations

from django.urls import path

from lynchpin.budgets.views import settings, sheets, tables, versions

app_name = "budgets"

_B = "<int:budget_id>/"

urlpatterns = [
    path("", versions.budget_list, name="list"),
    path("new/", versions.budget_create, name="create"),
    path("import/", versions.budget_import, name="import"),
    path("compare/", versions.compare, name="compare"),
    path(_B, sheets.topsheet, name="topsheet"),
    path(f"{_B}copy/", versions.budget_copy, name="copy"),
    path(f"{_B}lock/", versions.budget_lock, name="lock"),
    path(f"{_B}delete/", versions.budget_delete, name="delete"),
    path(f"{_B}export/<str:fmt>/", versions.export, name="export"),
    path(f"{_B}accounts/<int:account_id>/", sheets.account, name="account"),
    path(f"{_B}accounts/<int:account_id>/add/", sheets.line_add, name="line_add"),
    path(f"{_B}lines/<int:line_id>/", sheets.line_edit, name="line_edit"),
    path(f"{_B}lines/<int:line_id>/delete/", sheets.line_delete, name="line_delete"),
    path(f"{_B}globals/", tables.globals_page, name="globals"),
    path(f"{_B}globals/<int:global_id>/delete/", tables.global_delete, name="global_delete"),
    path(f"{_B}fringes/", tables.fringes, name="fringes"),
    path(f"{_B}fringes/<int:fringe_id>/delete/", tables.fringe_delete, name="fringe_delete"),
    path(f"{_B}settings/", settings.settings_page, name="settings"),
    path(f"{_B}settings/<str:key>/delete/", settings.setting_delete, name="setting_delete"),
    path(f"{_B}reprice/", tables.reprice, name="reprice"),
]
