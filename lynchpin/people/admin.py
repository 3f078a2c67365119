"""Admin pages for staff: contacts, vendors, engagements with their deal memos.

Edits here bypass the services (no audit entry, no version check): staff use only. Staff
see deal terms here: staff stand outside the production roles (docs/web/platform.md).
"""

from __future__ import annotations

from django.contrib import admin

from lynchpin.people.models import Contact, DealMemo, Engagement, Vendor
from lynchpin.people.timecards import admin as timecards_admin  # registers the timecard pages

__all__ = ["timecards_admin"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Contacts of every production."""

    list_display = ("name", "production", "company", "email", "phone")
    search_fields = ("name", "company", "email")
    readonly_fields = ("version", "created", "updated")


@admin.register(Vendor)
class VendorAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Vendors of every production."""

    list_display = ("name", "production", "email", "phone")
    search_fields = ("name",)
    readonly_fields = ("version", "created", "updated")


class DealMemoInline(admin.StackedInline):  # type: ignore[type-arg]
    model = DealMemo
    extra = 0
    readonly_fields = ("version",)


@admin.register(Engagement)
class EngagementAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Crew and cast engagements, each with its deal memo."""

    list_display = ("contact", "production", "kind", "department", "position", "start_date",
                    "end_date")
    list_filter = ("kind",)
    search_fields = ("contact__name", "position", "character")
    readonly_fields = ("version", "created", "updated")
    inlines = (DealMemoInline,)
