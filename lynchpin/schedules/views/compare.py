"""The page comparing two schedule versions (`?first=<id>&second=<id>`)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from lynchpin.productions.models import Membership
from lynchpin.schedules import selectors
from lynchpin.schedules.forms import CompareForm
from lynchpin.schedules.views.common import context, page
from lynchpin.web.decorators import production_page

__all__ = ["compare"]


@production_page
@require_GET
def compare(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Two versions side by side; with no choice yet, the two newest."""
    pid = membership.production_id
    versions = tuple((v.pk, v.name) for v in selectors.schedule_list(actor=request.user,
                                                                     production_id=pid))
    initial = {"first": versions[1][0], "second": versions[0][0]} if len(versions) > 1 else {}
    form = CompareForm(request.GET or None, versions=versions, initial=initial)
    comparison, status = None, 200
    if form.is_bound and not form.is_valid():
        status = 400
    else:
        chosen = form.cleaned_data if form.is_bound else initial
        if chosen:
            comparison = selectors.schedule_compare(
                actor=request.user, production_id=pid, first_id=chosen["first"],
                second_id=chosen["second"])
    return page(request, "compare.html",
                context(membership, form=form, comparison=comparison,
                        enough=len(versions) > 1), status)
