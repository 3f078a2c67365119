"""Forms of the accounting pages.

Every posting form carries a hidden idempotency `key` made when the form is first shown, so
submitting the same form twice (a double click, a browser retry) posts once. Choices
(accounts, vendors, purchase orders, floats) come from `selectors.form_choices`. Amounts
are `DecimalField`s with at most 4 decimals: never floats.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import pretty_name

from lynchpin.accounting.models import LedgerEntry, PurchaseOrder
from lynchpin.core.uploads import validate_upload_size

__all__ = [
    "ActualFormSet", "BankImportForm", "BudgetedFormSet", "CostReportFilterForm", "EnvelopeForm",
    "FloatForm", "HotCostForm", "InvoiceForm", "JournalForm", "JournalLineFormSet",
    "LedgerFilterForm", "PeriodForm", "PoRequestForm", "ReceiptFormSet", "ReverseForm",
    "new_key",
]

_DATE = forms.DateInput(attrs={"type": "date"})


def new_key() -> str:
    """A fresh idempotency key for a form being shown."""
    return f"web-{uuid.uuid4().hex}"


def _amount(label: str = "Amount", *, required: bool = True) -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=18, decimal_places=4, required=required,
                              widget=forms.TextInput(attrs={"inputmode": "decimal"}))


def _choice(label: str, choices: Sequence[tuple[Any, str]], *, required: bool = True,
            empty: str = "---") -> forms.ChoiceField:
    options = [("", empty), *[(str(value), text) for value, text in choices]]
    return forms.ChoiceField(label=label, choices=options, required=required)


class KeyedForm(forms.Form):
    """A posting form: the hidden idempotency key, new for every unbound form."""

    key = forms.CharField(widget=forms.HiddenInput, max_length=120)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("key", new_key())


class _VendorMixin:
    """A vendor from the people app's list, or a one-off name typed in."""

    def vendor_fields(self, vendors: Sequence[tuple[int, str]]) -> None:
        fields: dict[str, forms.Field] = self.fields  # type: ignore[attr-defined]
        fields["vendor_id"] = _choice("Vendor", vendors, required=False, empty="(type a name)")
        fields["vendor"] = forms.CharField(label="Or another vendor", max_length=200,
                                           required=False)

    def clean_vendor_id(self) -> int | None:
        value = self.cleaned_data.get("vendor_id")  # type: ignore[attr-defined]
        return int(value) if value else None


class PoRequestForm(_VendorMixin, KeyedForm):
    """Request a purchase order."""

    def __init__(self, *args: Any, accounts: Sequence[tuple[str, str]] = (),
                 vendors: Sequence[tuple[int, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"] = _choice("Account", accounts)
        self.fields["amount"] = _amount()
        self.vendor_fields(vendors)
        self.fields["description"] = forms.CharField(required=False, widget=forms.Textarea(
            attrs={"rows": 2}))
        self.fields["set_code"] = forms.CharField(label="Set", max_length=40, required=False)
        self.fields["episode"] = forms.CharField(max_length=40, required=False)


class InvoiceForm(_VendorMixin, KeyedForm):
    """Post a vendor invoice, against an approved purchase order or not."""

    def __init__(self, *args: Any, accounts: Sequence[tuple[str, str]] = (),
                 vendors: Sequence[tuple[int, str]] = (),
                 purchase_orders: Sequence[tuple[int, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"] = forms.DateField(widget=_DATE)
        self.fields["reference"] = forms.CharField(label="Invoice number", max_length=200)
        self.fields["po_id"] = _choice("Purchase order", purchase_orders, required=False,
                                       empty="(no purchase order)")
        self.fields["account"] = _choice("Account", accounts)
        self.fields["amount"] = _amount()
        self.vendor_fields(vendors)
        self.fields["credit"] = forms.BooleanField(label="Credit note (negative amount)",
                                                   required=False)
        self.fields["memo"] = forms.CharField(required=False, widget=forms.Textarea(
            attrs={"rows": 2}))
        self.fields["set_code"] = forms.CharField(label="Set", max_length=40, required=False)
        self.fields["episode"] = forms.CharField(max_length=40, required=False)

    def clean_po_id(self) -> int | None:
        value = self.cleaned_data.get("po_id")
        return int(value) if value else None


class FloatForm(KeyedForm):
    """Advance a petty cash float."""

    date = forms.DateField(widget=_DATE)
    custodian = forms.CharField(max_length=200, help_text="Who holds the cash")
    amount = _amount()
    reference = forms.CharField(max_length=200, required=False)
    memo = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EnvelopeForm(KeyedForm):
    """Receipts returned against a float (the receipts are a formset)."""

    def __init__(self, *args: Any, floats: Sequence[tuple[int, str]] = (),
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"] = forms.DateField(widget=_DATE)
        self.fields["float_id"] = _choice("Float", floats)
        self.fields["reference"] = forms.CharField(label="Envelope", max_length=200,
                                                   required=False)
        self.fields["memo"] = forms.CharField(required=False)

    def clean_float_id(self) -> int:
        return int(self.cleaned_data["float_id"])


def _label_inputs(form: forms.Form) -> None:
    """Rows of a table have no <label>s: name each input for screen readers instead, by its
    column heading (a field without an explicit label is named as Django heads it, not
    "None")."""
    for name, field in form.fields.items():
        field.widget.attrs.setdefault("aria-label", str(field.label or pretty_name(name)))


class _AccountLine(forms.Form):
    """A row coded to an account (receipt or journal line); blank rows are ignored."""

    def __init__(self, *args: Any, accounts: Sequence[tuple[str, str]] = (),
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"] = _choice("Account", accounts, required=False)
        self.fields["amount"] = _amount(required=False)
        self.fields["set_code"] = forms.CharField(label="Set", max_length=40, required=False)
        self.fields["episode"] = forms.CharField(max_length=40, required=False)
        _label_inputs(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("account") and data.get("amount") is None:
            self.add_error("amount", "Enter the amount.")
        if data.get("amount") is not None and not data.get("account"):
            self.add_error("account", "Choose the account.")
        return data


class ReceiptForm(_AccountLine):
    """One petty cash receipt."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vendor"] = forms.CharField(max_length=200, required=False)
        self.fields["description"] = forms.CharField(max_length=200, required=False)
        _label_inputs(self)


class _Lines(forms.BaseFormSet):  # type: ignore[type-arg]
    """Rows with an account; at least one is needed."""

    def rows(self) -> list[dict[str, Any]]:
        """The filled rows' data (account and amount given)."""
        return [form.cleaned_data for form in self.forms
                if form.cleaned_data.get("account") and form.cleaned_data.get("amount") is not None]

    def clean(self) -> None:
        if any(self.errors):
            return
        if not self.rows():
            raise ValidationError("Fill in at least one line.")


ReceiptFormSet = forms.formset_factory(ReceiptForm, formset=_Lines, extra=5, max_num=50)
JournalLineFormSet = forms.formset_factory(_AccountLine, formset=_Lines, extra=4, max_num=50)


class JournalForm(KeyedForm):
    """A journal entry's header (its lines are a formset)."""

    date = forms.DateField(widget=_DATE)
    reference = forms.CharField(max_length=200, required=False)
    memo = forms.CharField(required=False, help_text="Why: e.g. reclass camera to grip")


class ReverseForm(KeyedForm):
    """Reverse an entry on a date of an open period."""

    date = forms.DateField(widget=_DATE)
    memo = forms.CharField(required=False, help_text="Why it is reversed")


class PeriodForm(forms.Form):
    """The next accounting period."""

    start_date = forms.DateField(widget=_DATE, required=False,
                                 help_text="Only for the first period")
    end_date = forms.DateField(widget=_DATE)


class BankImportForm(forms.Form):
    """A bank or card statement as CSV."""

    file = forms.FileField(
        validators=[validate_upload_size],
        help_text="CSV with the columns date, description, amount (and optionally id, "
                  "reference)",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class LedgerFilterForm(forms.Form):
    """Filters of the ledger list (GET)."""

    kind = forms.ChoiceField(choices=[("", "All kinds"), *LedgerEntry.Kind.choices],
                             required=False)
    account = forms.CharField(max_length=40, required=False)
    date_from = forms.DateField(widget=_DATE, required=False, label="From")
    date_to = forms.DateField(widget=_DATE, required=False, label="To")
    search = forms.CharField(max_length=100, required=False)


class PoFilterForm(forms.Form):
    """Filter of the purchase order list (GET)."""

    state = forms.ChoiceField(choices=[("", "All"), *PurchaseOrder.State.choices],
                              required=False)


class CostReportFilterForm(forms.Form):
    """Filters of the cost report (GET)."""

    def __init__(self, *args: Any, filters: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"] = _choice("Period", filters.periods if filters else (),
                                        required=False, empty="Current")
        categories = [(code, f"{code} {name}") for code, name in filters.categories] if (
            filters) else []
        self.fields["category"] = _choice("Category", categories, required=False, empty="All")
        self.fields["episode"] = _choice(
            "Episode", [(e, e) for e in filters.episodes] if filters else (), required=False,
            empty="All")
        self.fields["budget"] = _choice("Budget", filters.budgets if filters else (),
                                        required=False, empty="Default")

    def query(self) -> dict[str, Any]:
        """Selector arguments from the cleaned filters."""
        data = self.cleaned_data
        return {
            "period": int(data["period"]) if data.get("period") else None,
            "category": data.get("category") or None,
            "episode": data.get("episode") or None,
            "budget_id": int(data["budget"]) if data.get("budget") else None,
        }


class HotCostForm(forms.Form):
    """The day of a hot cost."""

    day = forms.DateField(widget=_DATE)


class _Labour(forms.Form):
    """A person's row; rows without a person are ignored."""

    person = forms.CharField(max_length=100, required=False)
    account = forms.CharField(max_length=40, required=False)
    hours = forms.DecimalField(max_digits=6, decimal_places=2, required=False,
                               min_value=Decimal(0))
    straight = _amount("Straight time", required=False)
    overtime = _amount("Overtime", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _label_inputs(self)


class BudgetedForm(_Labour):
    """A person's budgeted day."""


class ActualForm(_Labour):
    """A person's actual day from the timecard."""

    overtime_hours = forms.DecimalField(max_digits=6, decimal_places=2, required=False,
                                        min_value=Decimal(0), label="OT hours")
    meal_penalties = forms.IntegerField(min_value=0, required=False, label="Meal penalties")
    meal_penalty_amount = _amount("Meal penalty amount", required=False)


class _People(forms.BaseFormSet):  # type: ignore[type-arg]
    def rows(self) -> list[dict[str, Any]]:
        """The rows naming a person."""
        return [form.cleaned_data for form in self.forms if form.cleaned_data.get("person")]


BudgetedFormSet = forms.formset_factory(BudgetedForm, formset=_People, extra=6, max_num=200)
ActualFormSet = forms.formset_factory(ActualForm, formset=_People, extra=6, max_num=200)
