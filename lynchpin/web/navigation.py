"""The sections of a production shown in the navigation, each behind a capability.

To add an app's section, add one `Section` to `SECTIONS` where it should appear; its
`url_name` is reversed with ``production_id`` only, and it is marked current on any view
whose name starts with one of `active_for`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from lynchpin.core.access import Member, can
from lynchpin.core.roles import Capability

__all__ = ["SECTIONS", "NavLink", "Section", "sections_for"]


@dataclass(frozen=True, slots=True)
class Section:
    """A navigation entry: label, URL name, the capability needed (None: every member)."""

    label: str
    url_name: str
    capability: Capability | None = None
    active_for: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NavLink:
    """A section as shown to one member on one page."""

    label: str
    url: str
    current: bool


SECTIONS: tuple[Section, ...] = (
    Section("Dashboard", "productions:dashboard", None, ("productions:dashboard",)),
    Section("Script", "scripts:list", Capability.VIEW_SCRIPT, ("scripts:",)),
    Section("Schedule", "schedules:list", Capability.VIEW_SCRIPT, ("schedules:",)),
    Section("People", "people:contacts", Capability.VIEW_PEOPLE, ("people:",)),
    Section("Timecards", "timecards:index", None, ("timecards:",)),
    Section("Budget", "budgets:list", Capability.VIEW_MONEY, ("budgets:",)),
    Section("Accounting", "accounting:ledger", Capability.VIEW_MONEY, ("accounting:",)),
    Section("Members", "productions:members", Capability.VIEW_PEOPLE, ("productions:member",)),
    Section("Audit", "productions:audit", Capability.VIEW_AUDIT, ("productions:audit",)),
)


def sections_for(membership: Member, view_name: str = "") -> list[NavLink]:
    """The sections `membership` may open, with the one containing `view_name` current."""
    links = []
    for section in SECTIONS:
        if section.capability is not None and not can(membership, section.capability):
            continue
        url = reverse(section.url_name, kwargs={"production_id": membership.production_id})
        prefixes = section.active_for or (section.url_name,)
        current = bool(view_name) and view_name.startswith(prefixes)
        links.append(NavLink(section.label, url, current))
    return links
