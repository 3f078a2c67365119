"""Forms of the people pages. Field names are the services' keyword arguments, so a view
passes ``form.cleaned_data`` straight to the service. Choices (members, contacts, units) are
those of the form's production only."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from lynchpin.engine.labour.agreements import agreement_ids, load_agreement
from lynchpin.people.models import Contact, DealMemo, Engagement, clean_allowances
from lynchpin.productions.models import Membership, Unit

__all__ = [
    "ContactEditForm", "ContactForm", "DealMemoForm", "EndForm", "EngagementEditForm",
    "EngagementForm", "VendorEditForm", "VendorForm", "allowances_text",
]

_DATE = forms.DateInput(attrs={"type": "date"})
_NONE = ("", "—")


def _optional_id(label: str, choices: list[tuple[Any, str]], **kwargs: Any) -> forms.Field:
    """A choice of one row by id, or none (cleaned to None)."""
    return forms.TypedChoiceField(
        label=label, choices=[_NONE, *choices], coerce=int, empty_value=None, required=False,
        **kwargs,
    )


def _version() -> forms.IntegerField:
    return forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ContactForm(forms.Form):
    """A new contact."""

    name = forms.CharField(max_length=200)
    email = forms.EmailField(required=False)
    phone = forms.CharField(max_length=40, required=False)
    company = forms.CharField(max_length=200, required=False, help_text="Employer or agency")
    address = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args: Any, production_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = Membership.objects.filter(production_id=production_id).select_related("user")
        self.fields["user_id"] = _optional_id(
            "Member account",
            [(m.user_id, m.user.get_username()) for m in members.order_by("user__username")],
            help_text="Lets this member read their own contact card",
        )


class ContactEditForm(ContactForm):
    """An existing contact; `version` is the version the editor opened."""

    version = _version()


def _contact_choices(production_id: int) -> list[tuple[Any, str]]:
    rows = Contact.objects.in_production(production_id).order_by("name", "id")
    return [(pk, name) for pk, name in rows.values_list("pk", "name")]


class VendorForm(forms.Form):
    """A new vendor; the tax id field only for roles with VIEW_MONEY (`show_tax_id`)."""

    name = forms.CharField(max_length=200)
    email = forms.EmailField(required=False)
    phone = forms.CharField(max_length=40, required=False)
    services = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                               help_text="What they supply, e.g. camera rental")
    tax_id = forms.CharField(max_length=40, required=False, label="Tax id",
                             help_text="EIN, VAT or company number (seen by money roles only)")

    def __init__(self, *args: Any, production_id: int, show_tax_id: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact_id"] = _optional_id("Contact", _contact_choices(production_id))
        if not show_tax_id:
            del self.fields["tax_id"]


class VendorEditForm(VendorForm):
    """An existing vendor; `version` is the version the editor opened."""

    version = _version()


class EngagementEditForm(forms.Form):
    """An engagement's position, dates and (cast) character; contact and kind stay."""

    department = forms.CharField(max_length=80, required=False, help_text="e.g. Camera")
    position = forms.CharField(max_length=120, help_text="e.g. 1st Assistant Camera")
    start_date = forms.DateField(required=False, widget=_DATE)
    end_date = forms.DateField(required=False, widget=_DATE, help_text="Last day, if known")
    character = forms.CharField(max_length=120, required=False,
                                help_text="Cast: the character's name as the script writes it")
    cast_number = forms.CharField(max_length=8, required=False, help_text='Cast: e.g. "1"')
    version = _version()

    def __init__(self, *args: Any, production_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(production_id=production_id).order_by("-is_main", "name")
        self.fields["unit_id"] = _optional_id("Unit", [(u.pk, u.name) for u in units])


class EngagementForm(EngagementEditForm):
    """A new engagement of a contact as crew or cast."""

    kind = forms.ChoiceField(choices=Engagement.Kind.choices)
    version = None  # a new engagement has no version yet

    def __init__(self, *args: Any, production_id: int, **kwargs: Any) -> None:
        super().__init__(*args, production_id=production_id, **kwargs)
        self.fields["contact_id"] = forms.TypedChoiceField(
            label="Contact", choices=_contact_choices(production_id), coerce=int
        )
        self.order_fields(["contact_id", "kind"])


class EndForm(forms.Form):
    """End an engagement on a date."""

    end_date = forms.DateField(widget=_DATE)
    version = _version()


def allowances_text(allowances: dict[str, str]) -> str:
    """Allowances as the form shows them: one ``name = amount`` per line."""
    return "\n".join(f"{name} = {amount}" for name, amount in sorted(allowances.items()))


def _agreement_choices() -> list[tuple[str, str]]:
    return [(aid, load_agreement(aid).name) for aid in agreement_ids()]


class DealMemoForm(forms.Form):
    """An engagement's deal memo; `version` is empty for a new memo."""

    rate = forms.DecimalField(max_digits=12, decimal_places=4, min_value=Decimal(0))
    basis = forms.ChoiceField(choices=DealMemo.Basis.choices)
    guaranteed_hours = forms.DecimalField(
        max_digits=6, decimal_places=2, required=False,
        help_text='Daily: hours a day ("$500/10" is 10); weekly: hours a week; else empty',
    )
    agreement = forms.ChoiceField(choices=_agreement_choices)
    currency = forms.CharField(max_length=3, required=False,
                               help_text="Empty: the agreement's currency")
    kit_rental = forms.DecimalField(max_digits=12, decimal_places=4, min_value=Decimal(0),
                                    required=False, help_text="Per day worked")
    allowances = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False,
        help_text="One per line, per day worked: car = 35.00",
    )
    overtime_exempt = forms.BooleanField(required=False)
    performer_class = forms.ChoiceField(
        required=False,
        choices=[("", "— (crew)"), ("day", "Day performer"), ("weekly", "Weekly performer")],
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def clean_allowances(self) -> dict[str, str]:
        """``name = amount`` lines -> ``{name: amount}`` (ValidationError naming the line)."""
        parsed: dict[str, str] = {}
        for number, line in enumerate(self.cleaned_data["allowances"].splitlines(), start=1):
            if not line.strip():
                continue
            name, sep, amount = line.partition("=")
            if not sep or not name.strip():
                raise ValidationError(f"Line {number}: write name = amount, e.g. car = 35.00.")
            parsed[name.strip()] = amount.strip()
        try:
            return clean_allowances(parsed)
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["allowances"]) from exc
