"""Agreements as data: read an agreement's TOML file into an `Agreement` value.

The bundled files live in the `agreements/` directory next to this module (package data, one
file per agreement; the format is documented in docs/labour/agreements.md). `load_agreement`
reads them once and caches the values, which are immutable (mappings are read-only views).

Every bad value raises `InputError` naming the file and the key path, counting array items
from 1 (``rules.day.bands.regular[2].multiplier``). Hours, multipliers and money are exact:
TOML integers or strings (``"5.5"``, ``"7.50"``), never TOML floats, which are binary
fractions. Money is in the file's currency (``"7.50"`` or ``"7.50 USD"``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from importlib import resources
from types import MappingProxyType

from lynchpin.engine.errors import DomainError, InputError
from lynchpin.engine.labour.agreement import (
    Agreement,
    Band,
    DayCounting,
    ForcedCall,
    ForcedCallKind,
    MealBasis,
    MealPenaltyKind,
    MealRule,
    RateTable,
    RestRule,
    Rounding,
    ScaleRate,
    WorkRules,
)
from lynchpin.engine.labour.agreement_fields import AgreementFields, describe
from lynchpin.engine.labour.model import Basis, DayKind, PayKind
from lynchpin.engine.toml_text import load_toml

__all__ = ["UnknownAgreement", "agreement_ids", "load_agreement", "parse_agreement"]

_IDENTIFIER = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_CURRENCY = re.compile(r"[A-Z]{3}")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CREW = "crew"  # the file's name for the worker class "" (crew, and the fallback class)

_TOP = frozenset({"id", "name", "jurisdiction", "currency", "sources", "notes",
                  "time_increment_minutes", "rate_rounding", "workweek_start", "day_counting",
                  "default_class", "rules", "meals", "rest", "rate_tables"})
_CLASS = frozenset({"bands", "minimum_call", "weekly_overtime"})
_BAND = frozenset({"after_hours", "multiplier", "kind", "id", "clause"})
_MINIMUM_CALL = frozenset({"hours", "id", "clause"})
_WEEKLY = frozenset({"after_hours", "multiplier", "id", "clause"})
_MEALS = frozenset({"basis", "first_due_hours", "next_due_hours", "minimum_minutes",
                    "penalty_kind", "penalty_period_minutes", "ndb_window_hours",
                    "ndb_max_minutes", "id", "clause"})
_REST = frozenset({"daily_hours", "daily_clause", "weekend_hours", "weekend_adds_daily",
                   "weekend_clause", "forced_call"})
_FORCED = frozenset({"kind", "multiplier", "id", "clause"})
_RATE_TABLE = frozenset({"effective", "source", "meal_penalties", "forced_call_cap", "scale"})
_SCALE = frozenset({"position", "rate", "basis", "guaranteed_hours"})
_BAND_KINDS = (PayKind.STRAIGHT, PayKind.OVERTIME, PayKind.GOLDEN)


class UnknownAgreement(DomainError):
    """No bundled agreement has the id asked for (the message lists the ids there are)."""


def parse_agreement(text: str, *, source: str) -> Agreement:
    """The agreement in the TOML document `text` (`source` names it in errors).

    Raises InputError (naming `source`, the line for TOML syntax errors, and the key path)
    for any value that is missing, of the wrong kind, out of range or inconsistent.
    """
    root = AgreementFields(load_toml(text, source=source), "", source, _TOP, {})
    currency = root.text("currency")
    if not _CURRENCY.fullmatch(currency):
        raise root.error(f"expected an ISO 4217 code such as USD, found {currency[:20]!r}",
                         "currency")
    agreement_id = root.rule_id("id", register=False)
    increment = root.integer("time_increment_minutes", 1, 60)
    if 60 % increment:
        raise root.error("must divide an hour evenly (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or "
                         f"60), found {increment}", "time_increment_minutes")
    meals = _meal_rule(root.table("meals", _MEALS))
    rest = _rest_rule(root.table("rest", _REST))
    tables = _rate_tables(root, currency)
    _check_tables_fit(root, meals, rest, tables)
    return Agreement(
        id=agreement_id, name=root.text("name"), jurisdiction=root.text("jurisdiction"),
        currency=currency, sources=root.texts("sources"), notes=root.text("notes", ""),
        time_increment_minutes=increment, rate_rounding=root.choice("rate_rounding", Rounding),
        workweek_start=_weekday(root), day_counting=root.choice("day_counting", DayCounting),
        rules=_rules(root), meals=meals, rest=rest, rate_tables=tables)


def _weekday(root: AgreementFields) -> int:
    name = root.text("workweek_start")
    if name not in _WEEKDAYS:
        raise root.error(f"expected a day name ({', '.join(_WEEKDAYS)}), found {name[:20]!r}",
                         "workweek_start")
    return _WEEKDAYS.index(name)


def _rules(root: AgreementFields) -> Mapping[str, WorkRules]:
    """``[rules.<class>]`` tables; ``crew`` is the class "" and the default fallback."""
    table = root.table("rules", None)
    if not table.data:
        raise table.error("needs at least one worker class, e.g. [rules.crew]")
    rules: dict[str, WorkRules] = {}
    for name in table.data:
        if not _IDENTIFIER.fullmatch(name):
            raise table.error("a worker class is lower case letters, digits, '.', '_', '-' "
                              "(crew rules are [rules.crew])", name)
        rules["" if name == _CREW else name] = _work_rules(table.table(name, _CLASS))
    default = root.text("default_class", _CREW)
    if default != _CREW and "" in rules:
        raise root.error("must be crew (or absent) when there is a [rules.crew] table",
                         "default_class")
    if default != _CREW and default not in rules:
        raise root.error(f"names no [rules.{default[:20]}] table", "default_class")
    if "" not in rules and default == _CREW:
        raise table.error("needs a [rules.crew] table, or default_class naming the class whose "
                          "rules apply to a deal without one")
    if "" not in rules:
        rules[""] = rules[default]
    return MappingProxyType(rules)


def _work_rules(table: AgreementFields) -> WorkRules:
    """One ``[rules.<class>]`` table: bands by day kind (regular required), minimum call and
    the optional weekly overtime."""
    bands_table = table.table("bands", frozenset(kind.value for kind in DayKind))
    if DayKind.REGULAR.value not in bands_table.data:
        raise bands_table.error("is required (the regular day's bands)", DayKind.REGULAR.value)
    bands = {kind: _bands(bands_table, kind.value) for kind in DayKind
             if kind.value in bands_table.data}
    minimum = table.table("minimum_call", _MINIMUM_CALL)
    weekly = (table.table("weekly_overtime", _WEEKLY) if "weekly_overtime" in table.data
              else None)
    return WorkRules(
        bands=MappingProxyType(bands),
        minimum_call_hours=minimum.number("hours", Decimal(0), Decimal(24)),
        minimum_call_clause=minimum.text("clause"), minimum_call_rule=minimum.rule_id(),
        weekly_overtime_after=weekly.number("after_hours", Decimal(1), Decimal(168))
        if weekly else None,
        weekly_overtime_multiplier=weekly.number("multiplier", Decimal(1), Decimal(10))
        if weekly else Decimal("1.5"),
        weekly_overtime_clause=weekly.text("clause") if weekly else "",
        weekly_overtime_rule=weekly.rule_id() if weekly else "")


def _bands(parent: AgreementFields, kind: str) -> tuple[Band, ...]:
    """The bands of one day kind: the first starts at 0 h, each starts later and pays no less."""
    bands: list[Band] = []
    for item in parent.tables(kind, _BAND):
        after = item.number("after_hours", Decimal(0), Decimal(24))
        multiplier = item.number("multiplier", Decimal(1), Decimal(10))
        default = PayKind.STRAIGHT if multiplier == 1 else PayKind.OVERTIME
        pay_kind = item.choice("kind", PayKind, default)
        if pay_kind not in _BAND_KINDS:
            raise item.error("a band is straight, overtime or golden", "kind")
        if pay_kind is PayKind.STRAIGHT and multiplier != 1:
            raise item.error("a straight band has multiplier 1", "kind")
        if not bands and after != 0:
            raise item.error("the first band must start at 0 hours", "after_hours")
        if bands and after <= bands[-1].after_hours:
            raise item.error(f"must be greater than the previous band's "
                             f"({bands[-1].after_hours})", "after_hours")
        if bands and multiplier < bands[-1].multiplier:
            raise item.error(f"must not be lower than the previous band's "
                             f"({bands[-1].multiplier})", "multiplier")
        bands.append(Band(after, multiplier, pay_kind, item.rule_id(), item.text("clause")))
    return tuple(bands)


def _meal_rule(table: AgreementFields) -> MealRule:
    penalty_kind = table.choice("penalty_kind", MealPenaltyKind)
    # A premium hour is owed once a day, so its period length is never used (60 by default).
    period = table.integer("penalty_period_minutes", 1, 120,
                           60 if penalty_kind is MealPenaltyKind.PREMIUM_HOUR else None)
    return MealRule(
        basis=table.choice("basis", MealBasis),
        first_due_hours=table.number("first_due_hours", Decimal("0.1"), Decimal(24)),
        next_due_hours=table.number("next_due_hours", Decimal("0.1"), Decimal(24)),
        minimum_minutes=table.integer("minimum_minutes", 1, 240),
        penalty_kind=penalty_kind, penalty_period_minutes=period,
        rule=table.rule_id(), clause=table.text("clause"),
        ndb_window_hours=table.number("ndb_window_hours", Decimal(0), Decimal(24), Decimal(2)),
        ndb_max_minutes=table.integer("ndb_max_minutes", 0, 60, 15))


def _weekend_hours(table: AgreementFields) -> Mapping[int, Decimal]:
    """``weekend_hours = { 5 = 54, 6 = 32 }``: rest owed after a week of that many days."""
    if "weekend_hours" not in table.data:
        return MappingProxyType({})
    weekend = table.table("weekend_hours", None)
    hours: dict[int, Decimal] = {}
    for name, value in weekend.data.items():
        if name not in {"1", "2", "3", "4", "5", "6", "7"}:
            raise weekend.error("expected a number of days worked from 1 to 7", name)
        hours[int(name)] = weekend.check_number(value, name, Decimal(1), Decimal(168))
    return MappingProxyType(dict(sorted(hours.items())))


def _rest_rule(table: AgreementFields) -> RestRule:
    hours = _weekend_hours(table)
    forced = table.table("forced_call", _FORCED)
    kind = forced.choice("kind", ForcedCallKind)
    # Only invaded-hours pay uses the multiplier; the others default to a harmless value.
    default = {ForcedCallKind.NONE: Decimal(0), ForcedCallKind.DAY_RATE_CAPPED: Decimal(1)}
    return RestRule(
        daily_hours=table.number("daily_hours", Decimal(0), Decimal(24)),
        daily_clause=table.text("daily_clause"),
        weekend_hours=hours,
        weekend_adds_daily=table.flag("weekend_adds_daily"),
        weekend_clause=table.text("weekend_clause") if hours else table.text(
            "weekend_clause", ""),
        forced_call=ForcedCall(
            kind=kind, multiplier=forced.number("multiplier", Decimal(0), Decimal(10),
                                                default.get(kind)),
            rule=forced.rule_id(), clause=forced.text("clause")))


def _rate_tables(root: AgreementFields, currency: str) -> tuple[RateTable, ...]:
    """``[[rate_tables]]`` oldest first, each effective strictly after the one before."""
    tables: list[RateTable] = []
    for item in root.tables("rate_tables", _RATE_TABLE):
        effective = item.required("effective")
        if isinstance(effective, dt.datetime) or not isinstance(effective, dt.date):
            raise item.error(f"expected a date such as 2025-08-01, found "
                             f"{describe(effective)}", "effective")
        if tables and effective <= tables[-1].effective:
            raise item.error(f"must be after the previous table's ({tables[-1].effective}): "
                             "list rate tables oldest first, one per date", "effective")
        penalties = item.data.get("meal_penalties", [])
        if not isinstance(penalties, list):
            raise item.error(f"expected an array of amounts, found {describe(penalties)}",
                             "meal_penalties")
        cap = item.data.get("forced_call_cap")
        tables.append(RateTable(
            effective=effective,
            meal_penalties=tuple(item.money(value, f"meal_penalties[{number}]", currency)
                                 for number, value in enumerate(penalties, start=1)),
            forced_call_cap=None if cap is None else item.money(cap, "forced_call_cap",
                                                                currency),
            scale=_scale(item, currency), source=item.text("source")))
    return tuple(tables)


def _scale(table: AgreementFields, currency: str) -> tuple[ScaleRate, ...]:
    """``[[rate_tables.scale]]``: one minimum rate per position (optional)."""
    if "scale" not in table.data:
        return ()
    rates: list[ScaleRate] = []
    for item in table.tables("scale", _SCALE):
        position = item.text("position")
        if any(rate.position == position for rate in rates):
            raise item.error(f"position {position[:40]!r} is listed twice", "position")
        basis = item.choice("basis", Basis)
        hours = None
        if "guaranteed_hours" in item.data:
            if basis in (Basis.HOURLY, Basis.FLAT):
                raise item.error(f"a {basis.value} rate has no guaranteed hours",
                                 "guaranteed_hours")
            hours = item.number("guaranteed_hours", Decimal(1), Decimal(168))
        rate = item.money(item.required("rate"), "rate", currency)
        if not rate:
            raise item.error("must be more than 0", "rate")
        rates.append(ScaleRate(position, rate, basis.value, hours))
    return tuple(rates)


def _check_tables_fit(root: AgreementFields, meals: MealRule, rest: RestRule,
                      tables: tuple[RateTable, ...]) -> None:
    """Each rate table holds exactly the amounts the rules need (none silently ignored)."""
    escalating = meals.penalty_kind is MealPenaltyKind.ESCALATING
    capped = rest.forced_call.kind is ForcedCallKind.DAY_RATE_CAPPED
    for number, table in enumerate(tables, start=1):
        where = f"rate_tables[{number}]"
        if escalating and not table.meal_penalties:
            raise root.error("is required: meals.penalty_kind is escalating",
                             f"{where}.meal_penalties")
        if not escalating and table.meal_penalties:
            raise root.error("is not used: meals.penalty_kind is premium_hour",
                             f"{where}.meal_penalties")
        if capped and table.forced_call_cap is None:
            raise root.error("is required: rest.forced_call.kind is day_rate_capped",
                             f"{where}.forced_call_cap")
        if not capped and table.forced_call_cap is not None:
            raise root.error(f"is not used: rest.forced_call.kind is "
                             f"{rest.forced_call.kind.value}", f"{where}.forced_call_cap")


@cache
def _bundled() -> Mapping[str, Agreement]:
    """Every bundled agreement by id, read once; InputError if a file is bad or ids repeat."""
    folder = resources.files("lynchpin.engine.labour").joinpath("agreements")
    found: dict[str, Agreement] = {}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".toml"):
            continue
        source = f"agreements/{entry.name}"
        agreement = parse_agreement(entry.read_text(encoding="utf-8"), source=source)
        if agreement.id in found:
            raise InputError(f"id: {agreement.id!r} is also the id of another agreement file",
                             source=source, field="id")
        found[agreement.id] = agreement
    return MappingProxyType(found)


def agreement_ids() -> tuple[str, ...]:
    """Ids of the bundled agreements, sorted (e.g. ``("ca-nonunion", "iatse-crew", ...)``)."""
    return tuple(sorted(_bundled()))


def load_agreement(agreement_id: str) -> Agreement:
    """The bundled agreement `agreement_id` (cached); raises UnknownAgreement naming the ids."""
    agreements = _bundled()
    if agreement_id not in agreements:
        raise UnknownAgreement(f"no agreement {agreement_id!r} (known: "
                               f"{', '.join(sorted(agreements))})")
    return agreements[agreement_id]
