"""Admin pages for staff: productions with their units, episodes and members."""

from __future__ import annotations

from django.contrib import admin

from lynchpin.productions.models import Episode, Invitation, Membership, Production, Unit


class UnitInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Unit
    extra = 0


class EpisodeInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Episode
    extra = 0


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Production)
class ProductionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Productions; edits here bypass the services (no audit entry): staff use only."""

    list_display = ("title", "kind", "currency", "country", "start_date")
    search_fields = ("title",)
    readonly_fields = ("version", "created", "updated")
    inlines = (UnitInline, EpisodeInline, MembershipInline)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Invitations (the token itself is never stored)."""

    list_display = ("email", "production", "role", "expires_at", "accepted_at")
    list_filter = ("role",)
    search_fields = ("email",)
    readonly_fields = ("token_digest",)
