"""Admin registration: schedule versions and facts, read-mostly, for staff support."""

from __future__ import annotations

from django.contrib import admin

from lynchpin.schedules.models import (
    LocationFacts,
    PerformerFacts,
    ScheduleFacts,
    ScheduleProposal,
    ScheduleVersion,
)


@admin.register(ScheduleVersion)
class ScheduleVersionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Versions by production."""

    list_display = ("name", "production", "origin", "locked", "created")
    list_filter = ("locked", "origin")
    search_fields = ("name", "production__title")


@admin.register(ScheduleProposal)
class ScheduleProposalAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Optimiser runs and re-plans."""

    list_display = ("id", "schedule", "kind", "status", "created")
    list_filter = ("kind", "status")


admin.site.register(ScheduleFacts)
admin.site.register(PerformerFacts)
admin.site.register(LocationFacts)
