"""What every accounting page shares: the money check, the context, flash messages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from lynchpin.accounting.models import LedgerEntry
from lynchpin.core.access import can, require
from lynchpin.core.roles import Capability

__all__ = ["context", "flash_posted", "require_money"]


def require_money(membership: Any) -> None:
    """Every accounting page needs VIEW_MONEY (Forbidden: a 403 page)."""
    require(membership, Capability.VIEW_MONEY)


def context(membership: Any, **extra: Any) -> dict[str, Any]:
    """The template context every accounting page gets."""
    return {
        "membership": membership,
        "production": membership.production,
        "can_post": can(membership, Capability.POST_LEDGER),
        **extra,
    }


def flash_posted(request: HttpRequest, row: LedgerEntry, what: str) -> None:
    """Say what was posted, and every warning the engine attached to it."""
    messages.success(request, f"{what} posted ({row.reference or row.key}).")
    for warning in row.warnings:
        messages.warning(request, f"{warning['message']} ({warning['rule']})")
