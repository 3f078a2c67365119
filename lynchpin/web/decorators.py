"""View decorator for pages of one production.

``@production_page`` requires a logged-in user, looks up their membership of the URL's
``production_id`` (NotFound for outsiders: a 404 page) and calls the view as
``view(request, membership, **other_url_kwargs)``. The membership is passed explicitly; it
is also what templates use for the navigation (context variable ``membership``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from lynchpin.core.access import membership_for

__all__ = ["production_page"]

View = Callable[..., HttpResponse]


def production_page(view: View) -> View:
    """Wrap a view taking ``(request, membership, **kwargs)`` for URLs with production_id."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, production_id: int, **kwargs: Any) -> HttpResponse:
        membership = membership_for(actor=request.user, production_id=production_id)
        return view(request, membership, **kwargs)

    return wrapper
