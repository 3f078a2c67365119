"""The routers mounted under /api/v1/: one line per app, ``(prefix, module)``.

`module` is the dotted path of the app's ``api.py``, which defines ``router = Router(...)``;
its operations appear under ``/api/v1/<prefix>``. ninja does not read path parameters from a
prefix, so production-scoped apps mount at ``"productions/"`` and put the parameter in their
own paths: ``@router.get("{production_id}/scripts/")`` serves
``/api/v1/productions/{production_id}/scripts/``. Several routers may share a prefix.
"""

from __future__ import annotations

__all__ = ["ROUTERS"]

ROUTERS: tuple[tuple[str, str], ...] = (
    ("productions/", "lynchpin.productions.api"),
    ("productions/", "lynchpin.scripts.api"),
    ("productions/", "lynchpin.people.api"),
    ("productions/", "lynchpin.people.timecards.api"),
    ("productions/", "lynchpin.budgets.api"),
    ("productions/", "lynchpin.accounting.api"),
    ("productions/", "lynchpin.schedules.api"),
)
