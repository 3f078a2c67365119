"""Forms of the schedules pages. Lists are typed one entry per line:

- dates: ``2027-03-19``; windows: ``2027-03-15 to 2027-03-31``;
- scene pairs and groups: ``26, 28``; pins: ``1, 2027-03-15``; names: ``DOG, COLLIE``.

A line that cannot be read is an error naming the line. Money fields exist only on forms
made with ``money=True`` (roles with VIEW_MONEY): a coordinator's form has none, so the
stored amounts are kept. Services validate everything again (the forms only parse).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from lynchpin.core.uploads import validate_upload_size
from lynchpin.schedules.models import MAX_SHOOT_DAYS, CalendarFeed, PerformerFacts
from lynchpin.schedules.models.values import parse_day
from lynchpin.schedules.services.disruptions import KINDS

__all__ = [
    "ApplyForm",
    "BannerForm",
    "CopyForm",
    "CreateForm",
    "FactsForm",
    "FeedForm",
    "ImportForm",
    "LocationForm",
    "MoveForm",
    "MoveStripForm",
    "OptimiseForm",
    "PerformerForm",
    "ReplanForm",
    "RepriceForm",
    "VersionForm",
    "as_text",
]

_AREA = forms.Textarea(attrs={"rows": 3, "cols": 30})


def _lines(text: str) -> list[tuple[int, str]]:
    return [(n, line.strip()) for n, line in enumerate(str(text or "").splitlines(), start=1)
            if line.strip()]


def _each(text: str, read: Callable[[str], Any]) -> list[Any]:
    values = []
    for number, line in _lines(text):
        try:
            values.append(read(line))
        except ValueError as error:
            raise ValidationError(f"Line {number}: {error}") from None
    return values


def _day(text: str) -> str:
    return parse_day(text).isoformat()


def _window(text: str) -> list[str]:
    parts = [p for p in text.replace(" to ", ",").split(",") if p.strip()]
    if len(parts) != 2:
        raise ValueError("write a window as 2027-03-15 to 2027-03-31")
    return [_day(parts[0]), _day(parts[1])]


def _group(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def as_text(value: Any) -> str:
    """A stored list as the form shows it (one entry per line; pairs with ", ", windows with
    " to ")."""
    lines = []
    for item in value or []:
        if isinstance(item, list | tuple):
            dated = len(item) == 2 and all(len(str(v)) == 10 and str(v)[4] == "-" for v in item)
            lines.append(" to ".join(map(str, item)) if dated else ", ".join(map(str, item)))
        else:
            lines.append(str(item))
    return "\n".join(lines)


class _ListField(forms.CharField):
    """A textarea read line by line with `read`."""

    def __init__(self, read: Callable[[str], Any], **kwargs: Any) -> None:
        self.read = read
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", _AREA)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        """A stored list shown as text; typed text as it is."""
        return as_text(value) if isinstance(value, list | tuple) else value

    def to_python(self, value: Any) -> Any:
        """The typed text read line by line (ValidationError naming the line)."""
        return _each(super().to_python(value), self.read)


def _money(label: str, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=14, decimal_places=4, min_value=0,
                              **kwargs)


class _MoneyForm(forms.Form):
    """A form whose `MONEY` fields are dropped unless made with ``money=True``."""

    MONEY: tuple[str, ...] = ()

    def __init__(self, *args: Any, money: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not money:
            for name in self.MONEY:
                self.fields.pop(name, None)


class FactsForm(_MoneyForm):
    """The facts row: calendar, capacity, rules, costs (money roles), scene rules."""

    MONEY = ("crew_daily_cost", "overtime_hourly_cost", "default_cast_rate",
             "default_move_cost")

    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    start_date = forms.DateField(required=False, label="First shoot day",
                                 help_text="Empty: the production's first day of photography")
    week_days = forms.TypedChoiceField(choices=((5, "5 days (Mon-Fri)"), (6, "6 days (Mon-Sat)")),
                                       coerce=int, label="Work week")
    shoot_days = forms.IntegerField(min_value=1, max_value=MAX_SHOOT_DAYS,
                                    label="Candidate shoot days")
    days_off = _ListField(_day, label="Days off", help_text="One date a line")
    travel_days = _ListField(_day, label="Company travel days")
    extra_work_days = _ListField(_day, label="Extra work days",
                                 help_text="A Saturday or holiday worked anyway")
    standard_hours = forms.DecimalField(min_value=Decimal("0.25"), max_value=24,
                                        decimal_places=2, label="Standard day (hours)")
    max_hours = forms.DecimalField(min_value=Decimal("0.25"), max_value=24, decimal_places=2,
                                   label="Longest day (hours)")
    max_eighths = forms.IntegerField(required=False, min_value=1, label="Page cap (eighths)",
                                     help_text="Empty: no cap; 40 = 5 pages")
    minutes_per_eighth = forms.IntegerField(min_value=1, max_value=240,
                                            label="Minutes per eighth")
    crew_rest_hours = forms.IntegerField(min_value=0, max_value=24, label="Crew rest (hours)")
    cast_rest_hours = forms.IntegerField(min_value=0, max_value=24, label="Cast rest (hours)")
    day_call = forms.TimeField(label="Day call")
    night_call = forms.TimeField(label="Night call")
    default_move_minutes = forms.IntegerField(min_value=0, max_value=1440,
                                              label="Company move (minutes)")
    default_move_cost = _money("Company move cost", required=False)
    crew_daily_cost = _money("Crew cost per shoot day")
    overtime_hourly_cost = _money("Overtime per hour")
    default_cast_rate = _money("Default cast rate per day")
    prep_weeks = forms.DecimalField(min_value=0, max_digits=6, decimal_places=2,
                                    label="Prep weeks")
    wrap_weeks = forms.DecimalField(min_value=0, max_digits=6, decimal_places=2,
                                    label="Wrap weeks")
    precedences = _ListField(_group, label="Shoot before", help_text="26, 28: 26 before 28")
    same_day = _ListField(_group, label="Same day", help_text="30, 32: on one day")
    pinned = _ListField(_group, label="Pinned", help_text="1, 2027-03-15")
    cover_sets = _ListField(_group, label="Weather cover",
                            help_text="2, 3: interior 2 covers exterior 3")


class PerformerForm(_MoneyForm):
    """A cast member or costed element."""

    MONEY = ("daily_rate",)

    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(max_length=120, help_text="As the script names them, e.g. NELL")
    kind = forms.ChoiceField(choices=PerformerFacts.Kind.choices)
    number = forms.IntegerField(min_value=0, max_value=32767, initial=0,
                                help_text="Board / DOOD number")
    daily_rate = _money("Planning rate per day", required=False,
                        help_text="A cast member's deal memo wins over it")
    matches = _ListField(lambda line: line, label="Breakdown names",
                         help_text="Elements: the names it stands for, e.g. DOG")
    scenes = _ListField(lambda line: line, label="Only in scenes")
    holds_allowed = forms.BooleanField(required=False, initial=True)
    drop_pickup_allowed = forms.BooleanField(required=False, label="Drop/pick-up allowed")
    drop_min_gap_days = forms.IntegerField(min_value=0, max_value=365, initial=10)
    minor = forms.BooleanField(required=False)
    max_hours = forms.DecimalField(required=False, min_value=Decimal("0.25"), max_value=24,
                                   decimal_places=2, label="Longest day (hours)")
    travel_days = forms.IntegerField(min_value=0, max_value=30, initial=0)
    start_date = forms.DateField(required=False, label="Earliest start")
    finish_date = forms.DateField(required=False, label="Latest finish")
    available = _ListField(_window, label="Available", help_text="2027-03-15 to 2027-03-31")
    blackouts = _ListField(_day, label="Unavailable on")


class LocationForm(_MoneyForm):
    """A location's cost and availability."""

    MONEY = ("daily_cost",)

    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(max_length=200, help_text="As set names begin, e.g. HARROWBY PIER")
    daily_cost = _money("Cost per shoot day", required=False, initial=0)
    available = _ListField(_window, label="Available (permit dates)")
    blackouts = _ListField(_day, label="Unavailable on")


class MoveForm(_MoneyForm):
    """A company move between two locations."""

    MONEY = ("cost",)

    a = forms.CharField(max_length=200, label="From")
    b = forms.CharField(max_length=200, label="To")
    minutes = forms.IntegerField(min_value=0, max_value=1440, help_text="Inside a day")
    cost = _money("Cost between days", required=False, initial=0)


class ImportForm(forms.Form):
    """A production file (TOML, docs/formats/production.md)."""

    file = forms.FileField(validators=[validate_upload_size], label="Production file")


class CreateForm(forms.Form):
    """A new version of the current draft."""

    name = forms.CharField(max_length=120, initial="Shooting schedule")
    mode = forms.ChoiceField(choices=(("greedy", "A first plan"),
                                      ("boneyard", "Every strip in the boneyard")))


class VersionForm(forms.Form):
    """The schedule version a change was decided on."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class CopyForm(forms.Form):
    """The name of a copy."""

    name = forms.CharField(max_length=120)


class PlainSelect(forms.Select):
    """A ``<select>`` written in one pass: Django's own renders a template per option, which
    for a board's 200 strips costs more than the rest of the page. Flat choices only; the
    options of the same choices are kept per process (a board shows the same list again)."""

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None,
               renderer: Any = None) -> SafeString:
        chosen = frozenset(str(v) for v in self.format_value(value))
        choices = tuple((str(key), str(label)) for key, label in self.choices)
        return format_html('<select name="{}"{}>{}</select>', name,
                           flatatt(self.build_attrs(self.attrs, attrs)),
                           _options(choices, chosen))


@lru_cache(maxsize=64)
def _options(choices: tuple[tuple[str, str], ...], chosen: frozenset[str]) -> SafeString:
    return format_html_join("", '<option value="{}"{}>{}</option>',
                            ((key, " selected" if key in chosen else "", label)
                             for key, label in choices))


class MoveStripForm(VersionForm):
    """Move a strip without JavaScript: which strip (by scene), to which day (empty: the
    boneyard), at which place (1 = first)."""

    strip = forms.TypedChoiceField(coerce=int, label="Scene", widget=PlainSelect)
    day = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label="To day",
                                 widget=PlainSelect)
    position = forms.IntegerField(min_value=1, max_value=10_000, initial=1, label="Place",
                                  help_text="1 = first of the day")

    def __init__(self, *args: Any, strips: tuple[tuple[int, str], ...] = (),
                 days: tuple[tuple[int, str], ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["strip"].choices = list(strips)  # type: ignore[attr-defined]
        self.fields["day"].choices = [("", "Boneyard"), *days]  # type: ignore[attr-defined]


class BannerForm(VersionForm):
    """A banner before a day."""

    text = forms.CharField(max_length=120, label="Banner")


class OptimiseForm(forms.Form):
    """How long the optimiser may search."""

    time_limit = forms.FloatField(min_value=1, max_value=600, initial=30,
                                  label="Search for (seconds)")


class ReplanForm(_MoneyForm):
    """A disruption; the fields used depend on `kind`."""

    MONEY = ("change_penalty",)

    kind = forms.ChoiceField(choices=list(KINDS.items()), widget=forms.RadioSelect)
    performer = forms.ChoiceField(required=False)
    dates = _ListField(_day, label="Dates they cannot work")
    location = forms.ChoiceField(required=False)
    from_date = forms.DateField(required=False, label="Lost from")
    date = forms.DateField(required=False, label="Shoot day")
    unshot = forms.CharField(required=False, label="Scenes not shot", help_text="e.g. 26, 28")
    shot = forms.CharField(required=False, label="Scenes already shot",
                           help_text="They stay where they are")
    change_penalty = _money("Penalty per changed strip", required=False)
    time_limit = forms.FloatField(min_value=1, max_value=600, initial=10,
                                  label="Search for (seconds)")

    def __init__(self, *args: Any, performers: tuple[tuple[str, str], ...] = (),
                 locations: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["performer"].choices = [("", "---"), *performers]  # type: ignore[attr-defined]
        self.fields["location"].choices = [("", "---"), *((loc, loc) for loc in locations)]  # type: ignore[attr-defined]

    def disruption(self) -> dict[str, Any]:
        """The disruption as the service takes it (after `is_valid`)."""
        data = self.cleaned_data
        when: date | None = data.get("date")
        first: date | None = data.get("from_date")
        return {"kind": data["kind"], "performer": data.get("performer", ""),
                "dates": data.get("dates", []), "location": data.get("location", ""),
                "from_date": first.isoformat() if first else None,
                "date": when.isoformat() if when else None,
                "unshot": _group(data.get("unshot", ""))}


class ApplyForm(forms.Form):
    """The name of the version a proposal becomes."""

    name = forms.CharField(max_length=120)


class FeedForm(forms.Form):
    """Which calendar link."""

    scope = forms.ChoiceField(choices=CalendarFeed.Scope.choices)


class RepriceForm(forms.Form):
    """The budget and the revision the preview was made on."""

    budget = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    revision = forms.CharField(max_length=64, widget=forms.HiddenInput)


class CompareForm(forms.Form):
    """Two versions to compare: `first` (the base) and `second`, from `versions`
    (id, name) pairs."""

    first = forms.TypedChoiceField(coerce=int, label="Compare")
    second = forms.TypedChoiceField(coerce=int, label="with")

    def __init__(self, *args: Any, versions: tuple[tuple[int, str], ...] = (),
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("first", "second"):
            self.fields[name].choices = versions  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("first") is not None and data.get("first") == data.get("second"):
            self.add_error("second", "Choose another version than the first.")
        return data
