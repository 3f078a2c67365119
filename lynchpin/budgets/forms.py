"""Forms of the budget pages. They parse what people type; the services decide whether it
is acceptable (errors come back as Invalid and are shown on the form)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from lynchpin.budgets.models import MAX_ROW_ID
from lynchpin.core.uploads import validate_upload_size
from lynchpin.engine.budgeting.model import FlatPer, FringeKind
from lynchpin.engine.budgeting.templates import template_names

__all__ = [
    "CopyForm", "CreateForm", "FringeForm", "GlobalForm", "ImportForm", "LineForm",
    "RepriceForm", "VersionForm",
]

_NUMBER = {"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false"}


class CreateForm(forms.Form):
    """A new version from a chart-of-accounts template."""

    template = forms.ChoiceField(choices=[])
    name = forms.CharField(max_length=120, initial="Original")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [(name, name) for name in template_names()]


class ImportForm(forms.Form):
    """A new version from a TOML budget or a workbook exported by Lynchpin."""

    name = forms.CharField(max_length=120)
    file = forms.FileField(validators=[validate_upload_size],
                           help_text="A TOML budget (docs/formats/budget.md) or an .xlsx "
                                     "exported by Lynchpin.")


class CopyForm(forms.Form):
    """The name of a copy."""

    name = forms.CharField(max_length=120)


class VersionForm(forms.Form):
    """The version of a row as the person read it (lock, delete)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ROW_ID)


class LineForm(forms.Form):
    """A detail line's main cells (also the add-line form, without `version`). Cells are
    numbers or formulas; fringes are ids separated by spaces."""

    description = forms.CharField(max_length=300)
    amount = forms.CharField(max_length=402, initial="1", widget=forms.TextInput(_NUMBER))
    unit = forms.CharField(max_length=20, initial="Allow")
    x = forms.CharField(label="X", max_length=402, initial="1", widget=forms.TextInput(_NUMBER))
    rate = forms.CharField(max_length=402, initial="0", widget=forms.TextInput(_NUMBER))
    fringes = forms.CharField(max_length=400, required=False,
                              help_text="Fringe ids separated by spaces")
    person = forms.CharField(max_length=80, required=False)
    notes = forms.CharField(required=False, widget=forms.Textarea({"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ROW_ID,
                                 required=False)
    after_line_id = forms.IntegerField(widget=forms.HiddenInput, min_value=1,
                                       max_value=MAX_ROW_ID, required=False)

    def line_fields(self) -> dict[str, Any]:
        """The service's keyword arguments (cleaned data without version and position)."""
        data = dict(self.cleaned_data)
        for name in ("version", "after_line_id"):
            data.pop(name, None)
        return data


class GlobalForm(forms.Form):
    """Add a global (no version) or change one."""

    name = forms.CharField(max_length=60)
    value = forms.CharField(max_length=402, widget=forms.TextInput(_NUMBER),
                            help_text="A number or a formula, e.g. =SHOOT_DAYS / 5")
    description = forms.CharField(max_length=200, required=False)
    schedule_fed = forms.BooleanField(required=False, label="Follows the schedule")
    feed_key = forms.CharField(max_length=60, required=False,
                               help_text="e.g. SHOOT_DAYS, CAST_1_WORK, LOC_HARBOUR_DAYS")
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ROW_ID,
                                 required=False)


class FringeForm(forms.Form):
    """Add a fringe (no version) or change one."""

    code = forms.CharField(max_length=40)
    name = forms.CharField(max_length=120)
    kind = forms.ChoiceField(choices=[(k.value, k.value) for k in FringeKind])
    rate = forms.DecimalField(max_digits=15, decimal_places=6,
                              help_text="Percent, or money per hour/day/week/unit")
    per = forms.ChoiceField(choices=[(p.value, p.value) for p in FlatPer], initial="hour")
    cutoff = forms.DecimalField(max_digits=15, decimal_places=6, required=False, min_value=0)
    uses_ytd = forms.BooleanField(required=False, initial=True,
                                  label="Year-to-date wages use up the cut-off")
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_ROW_ID,
                                 required=False)


class RepriceForm(forms.Form):
    """Schedule values, one field per feed key the budget's fed globals follow, plus any
    other ``KEY = value`` lines; `revision` is the budget revision the preview was made at."""

    others = forms.CharField(required=False, widget=forms.Textarea({"rows": 3}),
                             label="Other schedule values",
                             help_text="One per line (or separated by ;): KEY = value, "
                                       "e.g. CAST_1_WORK = 12")
    revision = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, keys: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keys = keys
        for key in keys:
            self.fields[f"feed_{key}"] = forms.DecimalField(
                label=key, max_digits=20, decimal_places=6, required=False)

    def clean_others(self) -> dict[str, Decimal]:
        """``KEY = value`` lines as a mapping; a bad line is named."""
        values: dict[str, Decimal] = {}
        text = self.cleaned_data["others"].replace(";", "\n")
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            key, sep, text = line.partition("=")
            try:
                value = Decimal(text.strip())
            except ArithmeticError:
                value = Decimal("NaN")
            if not sep or not key.strip() or not value.is_finite():
                raise forms.ValidationError(f"Line {number}: write KEY = number.")
            values[key.strip().upper()] = value
        return values

    def feed(self) -> dict[str, Decimal]:
        """Every value given (fields left empty are not part of the feed)."""
        values = dict(self.cleaned_data["others"])
        for key in self.keys:
            value = self.cleaned_data.get(f"feed_{key}")
            if value is not None:
                values[key] = value
        return values
