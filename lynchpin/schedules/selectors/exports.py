"""Downloads of a schedule (PDFs, DOOD workbook, iCalendar) and the calendar feeds.

`schedule_document` renders one export of a version with the `lynchpin.documents` renderers
the command line uses: stripboard, one-liner and shooting schedule PDFs, the DOOD as XLSX or
PDF, the schedule as .ics. None holds money. `calendar_feed_ics` answers a secret calendar
link (no login: the token is the credential, and its member must still be a member who reads
schedules): the production's current schedule, all of it (scope production) or only the
member's own calls (scope person): a cast member's shoot days with only their scenes (matched
through their contact's cast engagements), a crew member's every shoot day, nobody else's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from lynchpin.core.access import membership_for, require
from lynchpin.core.errors import NotFound
from lynchpin.core.roles import Capability
from lynchpin.core.tokens import token_digest
from lynchpin.documents.schedule_dood import render_dood_pdf, render_dood_xlsx
from lynchpin.documents.schedule_ics import render_ics
from lynchpin.documents.schedule_oneliner import render_oneliner
from lynchpin.documents.schedule_shooting import render_shooting_schedule
from lynchpin.documents.schedule_stripboard import render_stripboard
from lynchpin.documents.schedule_view import schedule_view
from lynchpin.engine.scheduling.model import Schedule
from lynchpin.people.models import Engagement
from lynchpin.schedules.adapters.plan import Plan, plan_of
from lynchpin.schedules.models import CalendarFeed
from lynchpin.schedules.models.values import normalise
from lynchpin.schedules.rights import reader, version_in
from lynchpin.schedules.selectors.versions import current_version, dood_of

__all__ = ["DOCUMENTS", "Document", "calendar_feed_ics", "feed_list", "schedule_document"]

_PDF, _XLSX = "application/pdf", ("application/vnd.openxmlformats-officedocument."
                                  "spreadsheetml.sheet")
_ICS = "text/calendar; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Document:
    """A rendered file and how to send it."""

    content: bytes
    file_name: str
    content_type: str


def _ics(plan: Plan, title: str) -> bytes:
    return render_ics(schedule_view(plan.problem, plan.schedule, title=title),
                      stamp=timezone.now())


#: Export name -> (content type, renderer of a plan and a title).
DOCUMENTS: dict[str, tuple[str, Callable[[Plan, str], bytes]]] = {
    "stripboard.pdf": (_PDF, lambda p, t: render_stripboard(
        schedule_view(p.problem, p.schedule, title=t))),
    "oneliner.pdf": (_PDF, lambda p, t: render_oneliner(
        schedule_view(p.problem, p.schedule, title=t))),
    "shooting-schedule.pdf": (_PDF, lambda p, t: render_shooting_schedule(
        schedule_view(p.problem, p.schedule, title=t))),
    "dood.xlsx": (_XLSX, lambda p, t: render_dood_xlsx(dood_of(p), title=t)),
    "dood.pdf": (_PDF, lambda p, t: render_dood_pdf(dood_of(p), title=t)),
    "schedule.ics": (_ICS, _ics),
}


def _title(plan: Plan) -> str:
    return f"{plan.version.production.title} - {plan.version.name}"


def schedule_document(*, actor: Any, production_id: int, schedule_id: int,
                      kind: str) -> Document:
    """Export `kind` (a key of DOCUMENTS) of a version. NotFound for an unknown kind."""
    reader(actor, production_id)
    if kind not in DOCUMENTS:
        raise NotFound("No such download.")
    plan = plan_of(version_in(production_id, schedule_id))
    content_type, render = DOCUMENTS[kind]
    stem = "".join(ch if ch.isalnum() else "-" for ch in plan.version.name).strip("-")
    return Document(render(plan, _title(plan)), f"{stem or 'schedule'}-{kind}", content_type)


def feed_list(*, actor: Any, production_id: int) -> QuerySet[CalendarFeed]:
    """The actor's calendar links on the production (their tokens are never shown again)."""
    reader(actor, production_id)
    return CalendarFeed.objects.filter(production_id=production_id, user=actor)


def _own_calls(plan: Plan, user_id: int) -> tuple[Schedule, str]:
    """The member's own calls and a label: cast days with their scenes, crew every day."""
    engagements = Engagement.objects.in_production(plan.version.production_id).filter(
        contact__user__pk=user_id)
    characters = {normalise(e.character) for e in engagements
                  if e.kind == Engagement.Kind.CAST and e.character}
    if any(e.kind == Engagement.Kind.CREW for e in engagements):
        return replace(plan.schedule, boneyard=()), "crew calls"
    strips = {s.id: s for s in plan.problem.strips}
    days = tuple(replace(day, strips=tuple(s for s in day.strips if s in strips
                                           and characters & set(strips[s].cast)))
                 for day in plan.schedule.days)
    label = ", ".join(sorted(characters)) or "no calls"
    return Schedule(days=tuple(day for day in days if day.strips), name=plan.version.name), label


def calendar_feed_ics(*, production_id: int, token: str) -> Document:
    """The .ics of a calendar link (see the module docstring). NotFound for an unknown or
    revoked token, another production's, or a member who left or may not read schedules."""
    feed = CalendarFeed.objects.select_related("user").filter(
        production_id=production_id, token_digest=token_digest(token)).first()
    if feed is None or not feed.user.is_active:
        raise NotFound("No such calendar.")
    require(membership_for(actor=feed.user, production_id=production_id),
            Capability.VIEW_SCRIPT)
    version = current_version(production_id)
    if version is None:
        raise NotFound("This production has no schedule yet.")
    plan = plan_of(version)
    title = version.production.title
    if feed.scope == CalendarFeed.Scope.PERSON:
        schedule, label = _own_calls(plan, int(feed.user_id))
        plan = replace(plan, schedule=schedule)
        title = f"{title} - {label}"
    return Document(_ics(plan, title), "schedule.ics", _ICS)
