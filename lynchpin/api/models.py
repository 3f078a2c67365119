"""Personal API tokens: ``Authorization: Bearer <key>`` acts as the token's user."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

__all__ = ["ApiToken"]


class ApiToken(models.Model):
    """A named personal token. Only the key's SHA-256 digest is stored; `prefix` (the first
    characters of the key) lets its owner recognise it in the list."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=12, editable=False)
    key_digest = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(default=timezone.now, editable=False)
    last_used = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ("-created", "-id")
        constraints = (
            models.UniqueConstraint(fields=("user", "name"), name="api_token_unique_name"),
        )

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
