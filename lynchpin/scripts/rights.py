"""Who may change which breakdown elements (the one rule, used by services and selectors).

Roles with EDIT_BREAKDOWN change every category, except a department head: they change only
the category their department names, matched like Final Draft category names so aliases
count ("Camera" -> Camera, "Props" -> Props, "Costume" -> Wardrobe, "Hair" -> Makeup/Hair).
A department head whose department names no category changes nothing.
"""

from __future__ import annotations

from typing import Any

from lynchpin.core.access import can, require
from lynchpin.core.errors import Forbidden
from lynchpin.core.roles import Capability, Role
from lynchpin.engine.breakdown.categories import category_by_id, category_for_name, load_categories

__all__ = ["editable_categories", "require_category"]


def editable_categories(membership: Any) -> frozenset[int]:
    """The category ids whose elements the member may change (empty: none)."""
    if not can(membership, Capability.EDIT_BREAKDOWN):
        return frozenset()
    if membership.role != Role.DEPARTMENT_HEAD:
        return frozenset(category.id for category in load_categories())
    own = category_for_name(membership.department) if membership.department else None
    return frozenset({own.id}) if own else frozenset()


def require_category(membership: Any, category: int) -> None:
    """Raise Forbidden unless the member may change elements of `category`."""
    require(membership, Capability.EDIT_BREAKDOWN)
    if category in editable_categories(membership):
        return
    department = membership.department or "no department"
    raise Forbidden(
        f"As head of {department} you may not change {_category_name(category)} elements."
    )


def _category_name(category: int) -> str:
    try:
        return category_by_id(category).name
    except KeyError:
        return f"category {category}"
