"""Admin pages for staff: script drafts and the breakdown, read-only (the pages and API go
through the services, which check rights, versions and keep the audit log)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from lynchpin.scripts.models import BreakdownElement, Character, Scene, SceneElement, ScriptVersion


class ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    """Staff may look, never edit: every change goes through a service."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ScriptVersion)
class ScriptVersionAdmin(ReadOnly):
    """Drafts by production, newest first."""

    list_display = ("created", "production", "colour", "label", "status", "pages", "file_name")
    list_filter = ("status", "colour", "format")
    search_fields = ("label", "title", "file_name")


@admin.register(Scene)
class SceneAdmin(ReadOnly):
    """Scenes of every draft."""

    list_display = ("script_version", "number", "heading", "eighths", "page", "omitted")
    list_filter = ("omitted", "int_ext")
    search_fields = ("heading", "number")


@admin.register(Character)
class CharacterAdmin(ReadOnly):
    """Speaking characters of every draft."""

    list_display = ("script_version", "name", "scene_count", "dialogue_blocks")
    search_fields = ("name",)


@admin.register(BreakdownElement)
class BreakdownElementAdmin(ReadOnly):
    """The productions' breakdown elements."""

    list_display = ("production", "category", "name")
    list_filter = ("category",)
    search_fields = ("name",)


@admin.register(SceneElement)
class SceneElementAdmin(ReadOnly):
    """Elements in scenes, with decisions."""

    list_display = ("scene", "element", "status", "origin", "version")
    list_filter = ("status", "origin")
