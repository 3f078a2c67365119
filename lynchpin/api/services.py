"""Creating, revoking and checking personal API tokens.

A key is ``lp_`` followed by 43 random URL-safe characters; it is shown once, at creation.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from lynchpin.api.models import ApiToken
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Forbidden, Invalid, NotFound
from lynchpin.core.tokens import new_token, token_digest

__all__ = ["KEY_PREFIX", "api_token_authenticate", "api_token_create", "api_token_revoke"]

KEY_PREFIX = "lp_"

#: `last_used` is written at most this often per token, so that API traffic does not turn
#: every read into a database write.
LAST_USED_RESOLUTION = timedelta(minutes=1)


@transaction.atomic
def api_token_create(*, actor: Any, name: str) -> tuple[ApiToken, str]:
    """Create a token named `name` for the actor; returns it and its key (shown once).

    Raises Invalid for an empty name or one the actor already uses.
    """
    if not getattr(actor, "is_authenticated", False):
        raise Forbidden("Log in to create an API token.")
    name = name.strip()
    if not name:
        raise Invalid("Name the token.", fields={"name": ["This field is required."]})
    if ApiToken.objects.filter(user=actor, name=name).exists():
        message = f"You already have a token named {name!r}."
        raise Invalid(message, fields={"name": [message]})
    key = new_token(KEY_PREFIX)
    token = ApiToken.objects.create(
        user=actor, name=name, prefix=key[:10], key_digest=token_digest(key)
    )
    audit_record(actor=actor, action="api_token.create", target=token, production_id=None)
    return token, key


@transaction.atomic
def api_token_revoke(*, actor: Any, token_id: int) -> None:
    """Delete one of the actor's tokens; it stops working at once. Raises NotFound."""
    token = ApiToken.objects.filter(pk=token_id, user_id=getattr(actor, "pk", None)).first()
    if token is None:
        raise NotFound("Token not found.")
    audit_record(actor=actor, action="api_token.revoke", target=token, production_id=None)
    token.delete()


def api_token_authenticate(*, key: str) -> Any | None:
    """The active user whose token has `key`, or None; records when the token was used."""
    if not key.startswith(KEY_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user").filter(key_digest=token_digest(key)).first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user
