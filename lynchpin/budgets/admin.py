"""Admin pages for staff: budget versions with their chart, fringes and globals (read-mostly;
edits here bypass the services: no audit entry, no version check)."""

from __future__ import annotations

from django.contrib import admin

from lynchpin.budgets.models import (
    BudgetAccount,
    BudgetCategory,
    BudgetFringe,
    BudgetGlobal,
    BudgetLine,
    BudgetVersion,
)


class CategoryInline(admin.TabularInline):  # type: ignore[type-arg]
    model = BudgetCategory
    extra = 0


class FringeInline(admin.TabularInline):  # type: ignore[type-arg]
    model = BudgetFringe
    extra = 0
    readonly_fields = ("version",)


class GlobalInline(admin.TabularInline):  # type: ignore[type-arg]
    model = BudgetGlobal
    extra = 0
    readonly_fields = ("version",)


@admin.register(BudgetVersion)
class BudgetVersionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Budget versions of every production."""

    list_display = ("name", "production", "currency", "template", "locked", "created")
    list_filter = ("locked", "template")
    search_fields = ("name", "production__title")
    readonly_fields = ("version", "revision", "created", "updated")
    inlines = (CategoryInline, FringeInline, GlobalInline)


@admin.register(BudgetAccount)
class BudgetAccountAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Accounts (search by code or title)."""

    list_display = ("code", "title", "category", "budget")
    search_fields = ("code", "title")
    list_select_related = ("category", "budget")


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Detail lines, as typed (totals are computed, never stored)."""

    list_display = ("description", "account", "amount", "unit", "x", "rate", "person")
    search_fields = ("description", "account__code")
    list_select_related = ("account",)
    readonly_fields = ("version", "created", "updated")
