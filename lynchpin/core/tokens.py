"""Secret tokens (invitations, API keys): made here, stored only as their SHA-256 digest.

The raw token is shown or mailed once; the database keeps the digest, so a leaked database
does not leak working tokens. Tokens carry 256 bits of randomness, so a plain hash (not a
slow password hash) is enough and keeps the per-request check cheap.
"""

from __future__ import annotations

import hashlib
import secrets

__all__ = ["new_token", "token_digest"]


def new_token(prefix: str = "") -> str:
    """A fresh URL-safe random token (43 characters after `prefix`)."""
    return prefix + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """The hex SHA-256 digest of `token` (64 characters), as stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
