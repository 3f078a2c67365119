"""The API tokens page: list, create (the key is shown once) and revoke personal tokens."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from lynchpin.api import selectors, services
from lynchpin.core.errors import Invalid
from lynchpin.web.forms import add_error


class TokenForm(forms.Form):
    """Name a new token (e.g. the script or machine that will use it)."""

    name = forms.CharField(max_length=80, help_text="e.g. laptop script, accounting export")


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """The user's tokens and a form for a new one; a new key is shown once, on this response."""
    form = TokenForm(request.POST or None)
    new_key, status = None, 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                _, new_key = services.api_token_create(
                    actor=request.user, name=form.cleaned_data["name"]
                )
            except Invalid as exc:
                add_error(form, exc)
            else:
                form, status = TokenForm(), 201
    context = {
        "tokens": selectors.api_token_list(actor=request.user),
        "form": form,
        "new_key": new_key,
    }
    response = render(request, "api/tokens.html", context, status=status)
    response["Cache-Control"] = "no-store"  # the key must not linger in a cache
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    """Revoke one of the user's tokens."""
    services.api_token_revoke(actor=request.user, token_id=token_id)
    messages.success(request, "Token revoked.")
    return redirect("api_tokens")
