"""Reads of API tokens: a user sees only their own."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from lynchpin.api.models import ApiToken

__all__ = ["api_token_list"]


def api_token_list(*, actor: Any) -> QuerySet[ApiToken]:
    """The actor's tokens, newest first (none for an anonymous actor)."""
    if not getattr(actor, "is_authenticated", False):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user=actor).order_by("-created", "-id")
