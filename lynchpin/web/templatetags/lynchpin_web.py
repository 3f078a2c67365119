"""Template tags of the site shell: ``{% production_nav %}`` and ``membership|can:"x"``."""

from __future__ import annotations

from typing import Any

from django import template

from lynchpin.core.access import can as member_can
from lynchpin.core.roles import Capability
from lynchpin.web.navigation import sections_for

register = template.Library()


@register.inclusion_tag("web/nav.html", takes_context=True)
def production_nav(context: dict[str, Any]) -> dict[str, Any]:
    """The production's sections for the ``membership`` in the context (nothing without)."""
    membership = context.get("membership")
    if membership is None:
        return {"links": []}
    match = getattr(context.get("request"), "resolver_match", None)
    view_name = match.view_name if match else ""
    return {"links": sections_for(membership, view_name), "membership": membership}


@register.filter
def can(membership: Any, capability: str) -> bool:
    """``{% if membership|can:"manage_members" %}``: the member's role has the capability."""
    return membership is not None and member_can(membership, Capability(capability))
