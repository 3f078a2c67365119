"""Admin pages for staff: users, and read-only views of the audit log and task runs."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from lynchpin.core.models import AuditEntry, TaskRun, User

admin.site.register(User, UserAdmin)


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Rows written only by the application: staff may look, never edit."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """The audit log, newest first."""

    list_display = ("at", "production", "actor_label", "action", "target_label")
    list_filter = ("action",)
    search_fields = ("actor_label", "target_label", "action")


@admin.register(TaskRun)
class TaskRunAdmin(ReadOnlyAdmin):
    """Background task runs and their progress."""

    list_display = ("created", "production", "kind", "status", "progress", "message")
    list_filter = ("status", "kind")
