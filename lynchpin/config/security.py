"""Start-up rules for secrets and hosts: a production process refuses an insecure configuration.

Outside debug mode Lynchpin must not run with the development secret key (anyone could forge
sessions and password-reset links) or without a list of allowed host names.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

__all__ = ["DEV_SECRET_KEY", "choose_allowed_hosts", "choose_secret_key", "is_strong_secret_key"]

#: Used only in debug mode when LYNCHPIN_SECRET_KEY is unset. Django's own check calls any key
#: with this prefix insecure, so it can never pass `is_strong_secret_key`.
DEV_SECRET_KEY = "django-insecure-lynchpin-development-key-never-use-this-in-production"

#: Django's security check criteria (django.core.checks.security.base): at least 50
#: characters, at least 5 distinct ones, no "django-insecure-" prefix.
_MIN_LENGTH = 50
_MIN_UNIQUE = 5
_INSECURE_PREFIX = "django-insecure-"

#: Host names accepted in debug mode when LYNCHPIN_ALLOWED_HOSTS is unset.
DEBUG_HOSTS = ("localhost", "127.0.0.1", "[::1]")


def is_strong_secret_key(key: str) -> bool:
    """True when `key` passes Django's deployment check for SECRET_KEY."""
    return (
        len(key) >= _MIN_LENGTH
        and len(set(key)) >= _MIN_UNIQUE
        and not key.startswith(_INSECURE_PREFIX)
    )


def choose_secret_key(configured: str, *, debug: bool) -> str:
    """The SECRET_KEY to use: `configured` (LYNCHPIN_SECRET_KEY) or, in debug only, a dev key.

    Raises ImproperlyConfigured outside debug when the key is missing or weak, naming the
    variable and how to make a good one.
    """
    if debug:
        return configured or DEV_SECRET_KEY
    if not configured:
        raise ImproperlyConfigured(
            "LYNCHPIN_SECRET_KEY is not set; Lynchpin refuses to run outside debug mode "
            "(LYNCHPIN_DEBUG=false) with the development key. Generate one with: python -c "
            "'import secrets; print(secrets.token_urlsafe(50))'"
        )
    if not is_strong_secret_key(configured):
        raise ImproperlyConfigured(
            "LYNCHPIN_SECRET_KEY is insecure: it needs at least 50 characters, 5 distinct ones, "
            "and must not start with 'django-insecure-'"
        )
    return configured


def choose_allowed_hosts(configured: list[str], *, debug: bool) -> list[str]:
    """ALLOWED_HOSTS: `configured` (LYNCHPIN_ALLOWED_HOSTS), or loopback names in debug.

    Raises ImproperlyConfigured outside debug when no host is configured (Django would
    otherwise answer every request with 400).
    """
    if configured:
        return configured
    if debug:
        return list(DEBUG_HOSTS)
    raise ImproperlyConfigured(
        "LYNCHPIN_ALLOWED_HOSTS is not set; list the host names this site is served under, "
        "comma-separated (e.g. lynchpin.example.com)"
    )
