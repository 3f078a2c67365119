"""Admin pages for staff: read-only views of the ledger (it changes only through services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from lynchpin.accounting.models import (
    AccountingPeriod,
    BankImport,
    BankLine,
    LedgerEntry,
    PurchaseOrder,
)


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Staff may look; every change goes through the services (audit, invariants)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    """Posted entries."""

    list_display = ("production", "date", "kind", "reference", "account", "amount", "currency")
    list_filter = ("kind",)
    search_fields = ("key", "reference", "vendor_name")


@admin.register(PurchaseOrder)
class PurchaseOrderAdmin(ReadOnlyAdmin):
    """Purchase orders and their approval state."""

    list_display = ("production", "number", "vendor_name", "account", "amount", "state")
    list_filter = ("state",)


@admin.register(AccountingPeriod)
class AccountingPeriodAdmin(ReadOnlyAdmin):
    """Accounting periods."""

    list_display = ("production", "start_date", "end_date", "closed")


@admin.register(BankImport)
class BankImportAdmin(ReadOnlyAdmin):
    """Statement imports."""

    list_display = ("production", "file_name", "lines_read", "lines_added", "created")


@admin.register(BankLine)
class BankLineAdmin(ReadOnlyAdmin):
    """Imported statement lines."""

    list_display = ("production", "date", "description", "amount", "currency")
