"""Forms of the production pages: settings, invitations, roles, joining by invitation."""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.contrib.auth import password_validation

from lynchpin.core.roles import Role
from lynchpin.productions.models import Production

__all__ = [
    "InvitationForm", "JoinForm", "ProductionForm", "ProductionSettingsForm", "RoleForm",
]


class ProductionForm(forms.ModelForm):  # type: ignore[type-arg]
    """A new production's settings."""

    class Meta:
        model = Production
        fields = ("title", "kind", "currency", "country", "region", "time_zone", "start_date")
        widgets: ClassVar = {"start_date": forms.DateInput(attrs={"type": "date"})}


class ProductionSettingsForm(ProductionForm):
    """An existing production's settings; `version` is the version the editor opened."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class InvitationForm(forms.Form):
    """Invite someone by email with a role."""

    email = forms.EmailField()
    role = forms.ChoiceField(choices=Role.choices, initial=Role.CREW)
    department = forms.CharField(max_length=80, required=False, help_text="e.g. Camera")


class RoleForm(forms.Form):
    """Change a member's role and department."""

    role = forms.ChoiceField(choices=Role.choices)
    department = forms.CharField(max_length=80, required=False)


class JoinForm(forms.Form):
    """Create an account to accept an invitation (the email comes from the invitation)."""

    username = forms.CharField(max_length=150)
    password1 = forms.CharField(
        label="Password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Password again", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self) -> dict[str, object]:
        """Both passwords must match."""
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", "The two passwords differ.")
        return data
