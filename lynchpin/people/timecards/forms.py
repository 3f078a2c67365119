"""Forms of the timecard pages: the weekly grid, the planned day, the payroll accounts.

Times are typed as clock times on the day ("07:00"); a time that is not after the one
before it on the card (call, meal out, back, ..., wrap) is the next day's, so a wrap at
02:00 after a 16:00 call is read as 02:00 the next morning (`adapters.local_moment`).
The forms turn their input into the services' values (`DayEntry`, `PlannedEntry`) and keep
a map from the labour engine's field names (``2025-03-03.meals[0].out``) to their own, so
a refusal is shown next to the input that caused it (`show_errors`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django import forms

from lynchpin.core.errors import ApplicationError
from lynchpin.engine.labour import model as labour
from lynchpin.people.timecards.adapters import DayEntry, local_moment
from lynchpin.people.timecards.models import MAX_MEALS
from lynchpin.people.timecards.selectors import PlannedEntry, PlannedPerson, WeekView

__all__ = ["PayrollAccountsForm", "PlannedDayForm", "StandardDayForm", "WeekForm",
           "show_errors"]

_KINDS = (("meal", "Meal"), ("ndb", "NDB breakfast"))
_ROWS = (("call", "Call"),
         *((f"m{n}_{part}", f"Meal {n} {part}") for n in range(1, MAX_MEALS + 1)
           for part in ("out", "back", "kind")),
         ("wrap", "Wrap"), ("travel_before", "Travel before (h)"),
         ("travel_after", "Travel after (h)"), ("holiday", "Holiday"))


def _time(label: str) -> forms.TimeField:
    return forms.TimeField(required=False, widget=forms.TimeInput(
        attrs={"type": "time", "aria-label": label}, format="%H:%M"))


def _hours(label: str) -> forms.DecimalField:
    return forms.DecimalField(
        required=False, min_value=Decimal(0), max_value=Decimal(24), max_digits=4,
        decimal_places=2, widget=forms.NumberInput(attrs={"step": "0.25", "aria-label": label,
                                                          "class": "hours"}))


def _field(suffix: str, label: str) -> forms.Field:
    if suffix.endswith("_kind"):
        return forms.ChoiceField(choices=_KINDS, initial="meal", required=False,
                                 widget=forms.Select(attrs={"aria-label": label}))
    if suffix.startswith("travel"):
        return _hours(label)
    if suffix == "holiday":
        return forms.BooleanField(required=False,
                                  widget=forms.CheckboxInput(attrs={"aria-label": label}))
    return _time(label)


def show_errors(form: forms.BaseForm, exc: ApplicationError, names: dict[str, str]) -> None:
    """Put `exc`'s field messages on the form's inputs (`names` maps the service's field
    names to the form's); others, and the message when no field got one, above the form."""
    placed = False
    for name, messages in exc.fields.items():
        target = names.get(name)
        for message in messages:
            form.add_error(target if target in form.fields else None, message)
            placed = placed or target in form.fields
    if not placed and exc.message not in form.non_field_errors():
        form.add_error(None, exc.message)


class WeekForm(forms.Form):
    """The seven days of a work week: inputs ``d<n>_<row>`` for day n (0 = the week's first
    day), rows as `_ROWS`; `version` is the week's version (empty for a new week)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def __init__(self, *args: Any, start: date, zone: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.start, self.zone = start, zone
        self.days = [start + timedelta(days=n) for n in range(7)]
        self.engine_fields: dict[str, str] = {}
        for n, day in enumerate(self.days):
            for suffix, label in _ROWS:
                self.fields[f"d{n}_{suffix}"] = _field(suffix, f"{day:%A} {label.lower()}")

    @staticmethod
    def initial_from(view: WeekView) -> dict[str, Any]:
        """The form's initial values for the stored week."""
        initial: dict[str, Any] = {"version": view.version}
        for n, day in enumerate(view.days):
            entry = day.entry
            if entry is None:
                continue
            initial.update({f"d{n}_call": entry.call.time(), f"d{n}_wrap": entry.wrap.time(),
                            f"d{n}_travel_before": entry.travel_before or None,
                            f"d{n}_travel_after": entry.travel_after or None,
                            f"d{n}_holiday": entry.holiday})
            for slot, meal in enumerate(entry.meals, start=1):
                initial.update({f"d{n}_m{slot}_out": meal.out.time(),
                                f"d{n}_m{slot}_back": meal.back.time(),
                                f"d{n}_m{slot}_kind": meal.kind.value})
        return initial

    def grid(self) -> list[tuple[str, str, list[forms.BoundField]]]:
        """(row label, row key, one bound field per day) for the template's table."""
        return [(label, suffix, [self[f"d{n}_{suffix}"] for n in range(7)])
                for suffix, label in _ROWS]

    def _meals(self, n: int, day: date, after: datetime) -> list[labour.Meal]:
        data, meals = self.cleaned_data, []
        for slot in range(1, MAX_MEALS + 1):
            out, back = data.get(f"d{n}_m{slot}_out"), data.get(f"d{n}_m{slot}_back")
            if out is None and back is None:
                continue
            if out is None or back is None:
                self.add_error(f"d{n}_m{slot}_{'back' if out else 'out'}",
                               "Give both the out and the back time.")
                continue
            index = f"{day.isoformat()}.meals[{len(meals)}]"
            for part in ("out", "back", "kind"):
                self.engine_fields[f"{index}.{part}"] = f"d{n}_m{slot}_{part}"
            start = local_moment(day, out, self.zone, after=after)
            after = local_moment(day, back, self.zone, after=start)
            meals.append(labour.Meal(start, after, labour.MealKind(
                data.get(f"d{n}_m{slot}_kind") or "meal")))
        return meals

    def _day(self, n: int, day: date) -> DayEntry | None:
        data = self.cleaned_data
        call, wrap = data.get(f"d{n}_call"), data.get(f"d{n}_wrap")
        if call is None and wrap is None:
            if any(data.get(f"d{n}_m{slot}_out") for slot in range(1, MAX_MEALS + 1)):
                self.add_error(f"d{n}_call", "Give the call and wrap of a day with meals.")
            return None
        if call is None or wrap is None:
            self.add_error(f"d{n}_{'wrap' if call else 'call'}", "Give both call and wrap.")
            return None
        for name in ("call", "wrap", "travel_before", "travel_after", "holiday"):
            self.engine_fields[f"{day.isoformat()}.{name}"] = f"d{n}_{name}"
        self.engine_fields[f"{day.isoformat()}.day"] = f"d{n}_call"
        start = local_moment(day, call, self.zone)
        meals = self._meals(n, day, start)
        last = meals[-1].back if meals else start
        return DayEntry(day=day, call=start, wrap=local_moment(day, wrap, self.zone, after=last),
                        meals=tuple(meals),
                        travel_before=data.get(f"d{n}_travel_before") or Decimal(0),
                        travel_after=data.get(f"d{n}_travel_after") or Decimal(0),
                        holiday=bool(data.get(f"d{n}_holiday")))

    def entries(self) -> list[DayEntry]:
        """The worked days entered (call given); call after `is_valid()`. Adds an error to
        the form for a half-filled day (then check `errors` before saving)."""
        found = (self._day(n, day) for n, day in enumerate(self.days))
        return [entry for entry in found if entry is not None]


class StandardDayForm(forms.Form):
    """The day to plan and the standard times every call starts from (GET parameters)."""

    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    call = _time("Standard call")
    meal_out = _time("Standard meal out")
    meal_back = _time("Standard meal back")
    wrap = _time("Standard wrap")


class PlannedDayForm(forms.Form):
    """One row per person engaged on the day: ``p<id>_include`` and their planned times
    (call, up to two meals, wrap, travel after wrap)."""

    _TIMES = ("call", "meal_out", "meal_back", "meal2_out", "meal2_back", "wrap")

    def __init__(self, *args: Any, people: Sequence[PlannedPerson], day: date, zone: Any,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people, self.day, self.zone = list(people), day, zone
        self.engine_fields: dict[str, str] = {}
        for person in self.people:
            key, name = f"p{person.engagement_id}", person.person
            self.fields[f"{key}_include"] = forms.BooleanField(
                required=False, initial=True,
                widget=forms.CheckboxInput(attrs={"aria-label": f"Plan {name}"}))
            for part in self._TIMES:
                self.fields[f"{key}_{part}"] = _time(f"{name} {part.replace('_', ' ')}")
            self.fields[f"{key}_travel_after"] = _hours(f"{name} travel after")
            self.initial.update(self._initial(key, person))

    @staticmethod
    def _initial(key: str, person: PlannedPerson) -> dict[str, Any]:
        entry = person.entry
        values: dict[str, Any] = {f"{key}_call": entry.call.time(),
                                  f"{key}_wrap": entry.wrap.time()}
        for meal, prefix in zip(entry.meals, ("meal", "meal2"), strict=False):
            values.update({f"{key}_{prefix}_out": meal.out.time(),
                           f"{key}_{prefix}_back": meal.back.time()})
        return values

    def rows(self) -> list[tuple[PlannedPerson, list[forms.BoundField]]]:
        """(person, their bound fields in column order) for the template."""
        names = ("include", *self._TIMES, "travel_after")
        return [(person, [self[f"p{person.engagement_id}_{name}"] for name in names])
                for person in self.people]

    def _entry(self, person: PlannedPerson) -> PlannedEntry | None:
        key, data = f"p{person.engagement_id}", self.cleaned_data
        call, wrap = data.get(f"{key}_call"), data.get(f"{key}_wrap")
        if not data.get(f"{key}_include"):
            return None
        if call is None or wrap is None:
            self.add_error(f"{key}_{'wrap' if call else 'call'}", "Give call and wrap.")
            return None
        for name in ("call", "wrap", "travel_after"):
            self.engine_fields[f"calls[{person.engagement_id}].{name}"] = f"{key}_{name}"
        start = local_moment(self.day, call, self.zone)
        meals, after = [], start
        for prefix in ("meal", "meal2"):
            out, back = data.get(f"{key}_{prefix}_out"), data.get(f"{key}_{prefix}_back")
            if out is None or back is None:
                continue
            index = f"calls[{person.engagement_id}].meals[{len(meals)}]"
            self.engine_fields[f"{index}.out"] = f"{key}_{prefix}_out"
            self.engine_fields[f"{index}.back"] = f"{key}_{prefix}_back"
            moment = local_moment(self.day, out, self.zone, after=after)
            after = local_moment(self.day, back, self.zone, after=moment)
            meals.append(labour.Meal(moment, after))
        return PlannedEntry(person.engagement_id, start,
                            local_moment(self.day, wrap, self.zone, after=after), tuple(meals),
                            data.get(f"{key}_travel_after") or Decimal(0))

    def entries(self) -> list[PlannedEntry]:
        """The planned calls of the people included (call after `is_valid()`)."""
        found = (self._entry(person) for person in self.people)
        return [entry for entry in found if entry is not None]


class PayrollAccountsForm(forms.Form):
    """One account code per department (``a<n>``, n counting the departments from 0;
    department "" is the default)."""

    def __init__(self, *args: Any, departments: Sequence[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.departments = list(departments)
        for n, name in enumerate(self.departments):
            self.fields[f"a{n}"] = forms.CharField(
                max_length=40, required=False,
                label=f"{name} department" if name else "Default (every other department)")

    def accounts(self) -> dict[str, str]:
        """Department -> account code as entered (empty removes it)."""
        return {name: self.cleaned_data.get(f"a{n}", "") for n, name in
                enumerate(self.departments)}

