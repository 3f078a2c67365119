"""The demo's crew and cast: the demo people file's deal memos, through the people app.

Each ``[[deal]]`` of the-night-ferry.people.toml (payroll file format, deals only) becomes a
contact, an engagement (crew, or cast with its character and cast number) and the deal memo,
through the people app's services. That file holds the same people as the labour engine's
payroll sample (the-night-ferry.payroll.toml, US agreements in USD), paid in pounds under the
bundled UK agreements (``uk-crew``, ``uk-performer``), so their approved timecards post to
the production's GBP ledger. Performers are named by their character cue (``NELL``); their
contacts get the invented actors' names of `ACTORS`. The demo's department head, crew and
cast users are linked to the contacts of the same person (`LINKED`), so each sees their own
card. Deals whose contact already exists are skipped, so a re-run adds only what is missing.
Skipped, with a note, when the people app is not installed or the people file is absent.
"""

from __future__ import annotations

import re
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model

from lynchpin.demo.samples import PEOPLE_FILE, sample_bytes, sample_exists
from lynchpin.engine.labour.model import Deal

__all__ = ["ACTORS", "LINKED", "add_people"]

#: Character cue -> the (invented) performer who plays it in the demo.
ACTORS = {
    "NELL": "Morven Blair",
    "ROSIE": "Ailsa Brodie",
    "KEITH": "Gordon McKay",
    "OWEN": "Owen Rennie",
    "LIAM": "Liam Docherty",
    "ED": "Rab Cowan",
}

#: Demo username -> the contact name its person has in the people file (or `ACTORS`).
LINKED = {
    "department_head": "Callum Reid",
    "crew": "Isla Fraser",
    "cast": "Morven Blair",
}

_CAST_NUMBER = re.compile(r"\(cast (\w+)\)")


def add_people(*, actor: Any, production_id: int) -> tuple[str, ...]:
    """Engage the demo people file's crew and cast on the production; one-line notes for
    people.

    `actor` needs EDIT_PEOPLE and VIEW_MONEY (the demo producer). Raises the engine's
    InputError for a broken people file and the people app's errors (bugs either way).
    """
    if not apps.is_installed("lynchpin.people"):
        return ("People: the people app is not installed; no crew or cast added.",)
    if not sample_exists(PEOPLE_FILE):
        return (f"People: {PEOPLE_FILE} is not installed; no crew or cast added.",)
    from lynchpin.engine.labour.payroll_file import read_payroll
    from lynchpin.people.selectors import contact_list

    payroll = read_payroll(sample_bytes(PEOPLE_FILE).decode("utf-8"), source=PEOPLE_FILE)
    known = set(contact_list(actor=actor, production_id=production_id)
                .values_list("name", flat=True))
    users = {LINKED[user.username]: user.pk
             for user in get_user_model().objects.filter(username__in=LINKED)}
    added = 0
    for deal in payroll.deals.values():
        if contact_name(deal) not in known:
            _engage(actor, production_id, deal, users.get(contact_name(deal)))
            added += 1
    kept = len(payroll.deals) - added
    note = (f"People: {added} crew and cast engaged with GBP deal memos (uk-crew, "
            f"uk-performer) from {PEOPLE_FILE}")
    return (note + (f" ({kept} already there)." if kept else "."),)


def contact_name(deal: Deal) -> str:
    """The contact's name: the crew member's, or the performer's for a character cue."""
    return ACTORS.get(deal.person, deal.person) if is_cast(deal) else deal.person


def is_cast(deal: Deal) -> bool:
    """Performers have a performer class (day or weekly) in the payroll file."""
    return bool(deal.performer_class)


def _engage(actor: Any, production_id: int, deal: Deal, user_id: int | None) -> None:
    """Contact, engagement and deal memo of one deal (each through its service)."""
    from lynchpin.people.adapters import memo_values_from_deal
    from lynchpin.people.models import Engagement
    from lynchpin.people.services import contact_create, deal_memo_set, engagement_create

    ids = {"actor": actor, "production_id": production_id}
    contact = contact_create(**ids, name=contact_name(deal), user_id=user_id)
    cast = is_cast(deal)
    number = _CAST_NUMBER.search(deal.position) if cast else None
    engagement = engagement_create(
        **ids, contact_id=contact.pk, position=deal.position, department=deal.department,
        kind=Engagement.Kind.CAST if cast else Engagement.Kind.CREW,
        character=deal.person if cast else "", cast_number=number.group(1) if number else "",
    )
    deal_memo_set(**ids, engagement_id=engagement.pk, expected_version=None,
                  **memo_values_from_deal(deal))
