"""API authentication: a personal token (``Authorization: Bearer lp_...``) or the session.

Session requests that change data need Django's CSRF token (header ``X-CSRFToken``), as a
page's form would; token requests do not, because a browser never sends the header by itself.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from lynchpin.api.services import api_token_authenticate

__all__ = ["AUTH", "TokenAuth"]


class TokenAuth(HttpBearer):
    """Personal API token in the Authorization header."""

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        """The token's user, or None (then the next method, the session, is tried)."""
        return api_token_authenticate(key=token)


#: Tried in order; the first that returns a user wins.
AUTH = [TokenAuth(), SessionAuth(csrf=True)]
