"""Limit/offset pagination for list endpoints: ``?limit=50&offset=0``, at most 100 rows.

Use ``@paginate(LimitOffset)`` on a route that returns a queryset with a stable ordering; the
response is ``{"items": [...], "count": total}``. A limit above 100 is refused (400).
"""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "LimitOffset"]

DEFAULT_LIMIT = 50
MAX_LIMIT = 100


class LimitOffset(LimitOffsetPagination):
    """ninja's limit/offset pagination with Lynchpin's bounds fixed here, not in settings."""

    class Input(Schema):
        limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Rows per page")
        offset: int = Field(0, ge=0, le=2**31 - 1, description="Rows to skip")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
