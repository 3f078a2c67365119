"""Admin pages for staff: timecard weeks with their days and ledger postings, payroll
accounts. Edits here bypass the services (no audit entry, no version check, no ledger
reversal): staff use only. Registered through lynchpin.people.admin."""

from __future__ import annotations

from django.contrib import admin

from lynchpin.people.models import PayrollAccount, Timecard, TimecardPosting, TimecardWeek


class TimecardInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Timecard
    extra = 0


class PostingInline(admin.TabularInline):  # type: ignore[type-arg]
    model = TimecardPosting
    extra = 0
    can_delete = False
    readonly_fields = ("version", "key", "account", "amount", "currency", "lines", "posted_by",
                       "reversal_key", "reversed_at")


@admin.register(TimecardWeek)
class TimecardWeekAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Timecard weeks of every production, with their days and postings."""

    list_display = ("engagement", "production", "week_start", "status", "version")
    list_filter = ("status",)
    search_fields = ("engagement__contact__name",)
    readonly_fields = ("version", "created", "updated")
    inlines = (TimecardInline, PostingInline)


@admin.register(PayrollAccount)
class PayrollAccountAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Department -> budget account of each production's payroll."""

    list_display = ("production", "department", "account")
