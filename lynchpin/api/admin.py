"""Admin page for staff: API tokens (keys are never stored, only their digests)."""

from __future__ import annotations

from django.contrib import admin

from lynchpin.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Tokens by user; staff may delete (revoke) one."""

    list_display = ("name", "user", "prefix", "created", "last_used")
    search_fields = ("name", "user__username")
    readonly_fields = ("prefix", "key_digest", "created", "last_used")
