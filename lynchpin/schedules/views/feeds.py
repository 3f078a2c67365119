"""Calendar links: the page to make or revoke them, and the feed itself (no login).

The feed answers ``GET .../schedules/calendar/<token>.ics`` to calendar apps, which cannot
log in: the secret token in the address is the credential (a wrong or revoked one is 404).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from lynchpin.core.errors import ApplicationError, Invalid
from lynchpin.productions.models import Membership
from lynchpin.schedules import selectors, services
from lynchpin.schedules.forms import FeedForm
from lynchpin.schedules.views.common import context, page
from lynchpin.web.decorators import production_page

__all__ = ["calendar", "calendar_feed"]


@production_page
@require_http_methods(["GET", "POST"])
def calendar(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The member's calendar links; POST ``scope`` (and ``revoke``) makes or removes one.
    A new link's address is shown once."""
    pid = membership.production_id
    new_url, status, error = "", 200, None
    if request.method == "POST":
        form = FeedForm(request.POST)
        try:
            if not form.is_valid():
                raise Invalid("Choose my calls or every shoot day.", fields=form.errors)
            scope = form.cleaned_data["scope"]
            if request.POST.get("revoke"):
                services.calendar_feed_revoke(actor=request.user, production_id=pid,
                                              scope=scope)
            else:
                _, token = services.calendar_feed_create(actor=request.user, production_id=pid,
                                                         scope=scope)
                path = reverse("schedules:calendar_feed",
                               kwargs={"production_id": pid, "token": token})
                new_url = request.build_absolute_uri(path)
        except ApplicationError as failure:
            status, error = failure.status, failure
    feeds = selectors.feed_list(actor=request.user, production_id=pid)
    return page(request, "calendar.html", context(
        membership, feeds={feed.scope: feed for feed in feeds}, new_url=new_url, error=error,
        current=selectors.schedule_current(actor=request.user, production_id=pid)), status)


@require_GET
def calendar_feed(request: HttpRequest, production_id: int, token: str) -> HttpResponse:
    """The iCalendar file of a secret link."""
    document = selectors.calendar_feed_ics(production_id=production_id, token=token)
    response = HttpResponse(document.content, content_type=document.content_type)
    response["Content-Disposition"] = f'inline; filename="{document.file_name}"'
    response["Cache-Control"] = "private, max-age=300"
    return response
