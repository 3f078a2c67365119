"""Typed readers for settings taken from environment variables; every bad value fails loudly.

Each helper returns the variable's value converted to one type, or `default` when the variable
is unset or empty. A value that cannot be converted raises `ImproperlyConfigured` naming the
variable and the offending value, so a typo in a deployment stops the process at start-up
instead of running with a silently different configuration. `environ` defaults to `os.environ`
and exists so tests can pass a plain dict.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

__all__ = ["env_bool", "env_choice", "env_int", "env_list", "env_path", "env_str"]

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def _raw(name: str, environ: Mapping[str, str] | None) -> str | None:
    """The stripped value of `name`, or None when it is unset or blank."""
    value = (os.environ if environ is None else environ).get(name)
    if value is None or not value.strip():
        return None
    return value.strip()


def _bad(name: str, value: str, expected: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"environment variable {name}={value!r} is not {expected}")


def env_str(name: str, default: str = "", *, environ: Mapping[str, str] | None = None) -> str:
    """The variable as text (surrounding white space removed), or `default`."""
    value = _raw(name, environ)
    return default if value is None else value


def env_choice(
    name: str,
    choices: tuple[str, ...],
    default: str,
    *,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The variable, which must be one of `choices` (exact, case-sensitive), or `default`.

    Raises ImproperlyConfigured for any other value, listing the choices.
    """
    value = _raw(name, environ)
    if value is None:
        return default
    if value not in choices:
        raise _bad(name, value, f"one of {', '.join(choices)}")
    return value


def env_bool(name: str, default: bool, *, environ: Mapping[str, str] | None = None) -> bool:
    """The variable as a boolean: 1/true/yes/on or 0/false/no/off (any case).

    Raises ImproperlyConfigured for any other value.
    """
    value = _raw(name, environ)
    if value is None:
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise _bad(name, value, "a boolean (true/false, yes/no, on/off, 1/0)")


def env_int(
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """The variable as a base-10 integer, at least `minimum` when given.

    Raises ImproperlyConfigured for a non-integer or a value below `minimum`.
    """
    value = _raw(name, environ)
    if value is None:
        return default
    try:
        number = int(value, 10)
    except ValueError:
        raise _bad(name, value, "an integer") from None
    if minimum is not None and number < minimum:
        raise _bad(name, value, f"an integer of at least {minimum}")
    return number


def env_path(name: str, default: Path, *, environ: Mapping[str, str] | None = None) -> Path:
    """The variable as an absolute path (`~` expanded, relative paths resolved from the cwd).

    Raises ImproperlyConfigured when the value cannot be resolved to a path (e.g. it contains
    a NUL byte).
    """
    value = _raw(name, environ)
    path = default if value is None else Path(value)
    try:
        return path.expanduser().resolve()
    except (OSError, ValueError, RuntimeError):
        raise _bad(name, str(path), "a usable path") from None


def env_list(
    name: str, default: tuple[str, ...] = (), *, environ: Mapping[str, str] | None = None
) -> list[str]:
    """The variable as a comma-separated list, items stripped, empty items refused.

    Raises ImproperlyConfigured for a value such as ``"a,,b"`` (an empty item is almost always
    a typo that would otherwise be silently dropped).
    """
    value = _raw(name, environ)
    if value is None:
        return list(default)
    items = [item.strip() for item in value.split(",")]
    if any(not item for item in items):
        raise _bad(name, value, "a comma-separated list without empty items")
    return items
