"""Forms of the script pages: upload a draft, decide on, add and edit breakdown elements."""

from __future__ import annotations

from django import forms

from lynchpin.core.uploads import validate_upload_size
from lynchpin.engine.breakdown.categories import load_categories
from lynchpin.scripts.models import RevisionColour, SceneElement

__all__ = ["DecideForm", "EditElementForm", "ElementForm", "UploadForm", "category_choices"]


def category_choices() -> list[tuple[int, str]]:
    """Breakdown categories as (id, "Name") choices, in id order."""
    return [(category.id, category.name) for category in load_categories()]


class UploadForm(forms.Form):
    """A screenplay file (Fountain, Final Draft .fdx or PDF), its revision colour and label."""

    file = forms.FileField(
        validators=[validate_upload_size],
        help_text="Fountain (.fountain, .txt), Final Draft (.fdx) or PDF; 20 MB at most.",
        widget=forms.ClearableFileInput(attrs={"accept": ".fountain,.spmd,.txt,.fdx,.pdf"}),
    )
    colour = forms.ChoiceField(
        choices=RevisionColour.choices, help_text="The revision colour of these pages."
    )
    label = forms.CharField(
        max_length=80, required=False, help_text="Optional, e.g. Shooting script"
    )


class DecideForm(forms.Form):
    """Accept or reject an element (or return it to suggested), at the version read."""

    status = forms.ChoiceField(choices=SceneElement.Status.choices)
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class ElementForm(forms.Form):
    """A breakdown element: category and name."""

    category = forms.TypedChoiceField(coerce=int, choices=category_choices)
    name = forms.CharField(max_length=200)


class EditElementForm(ElementForm):
    """A new category and name for an element of a scene, at the version read."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
