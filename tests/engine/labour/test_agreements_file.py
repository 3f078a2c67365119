"""The agreement file reader: what it accepts, and errors that name the file and key path."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.agreement import Agreement, ForcedCallKind, MealPenaltyKind
from lynchpin.engine.labour.agreements import parse_agreement
from lynchpin.engine.labour.model import DayKind, PayKind
from lynchpin.engine.money import Money

MINIMAL = """
id = "test-agreement"
name = "Test agreement"
jurisdiction = "Nowhere"
currency = "USD"
sources = ["a test"]
time_increment_minutes = 6
rate_rounding = "exact"
workweek_start = "sunday"
day_counting = "worked"

[rules.crew.minimum_call]
hours = 8
id = "t.minimum_call"
clause = "t 1"

[[rules.crew.bands.regular]]
after_hours = 0
multiplier = 1
id = "t.straight"
clause = "t 2"

[[rules.crew.bands.regular]]
after_hours = 8
multiplier = "1.5"
id = "t.overtime"
clause = "t 3"

[meals]
basis = "elapsed"
first_due_hours = 6
next_due_hours = 6
minimum_minutes = 30
penalty_kind = "escalating"
penalty_period_minutes = 30
id = "t.meal"
clause = "t 4"

[rest]
daily_hours = 10
daily_clause = "t 5"

[rest.forced_call]
kind = "none"
id = "t.forced_call"
clause = "t 6"

[[rate_tables]]
effective = 2025-01-01
source = "t 7"
meal_penalties = ["7.50", "10.00 USD", 12]

[[rate_tables.scale]]
position = "Grip"
rate = "40.00"
basis = "hourly"
"""

SECOND_TABLE = """
[[rate_tables]]
effective = 2026-01-01
source = "t 8"
meal_penalties = ["8.00"]
"""


def parse(text: str) -> Agreement:
    return parse_agreement(text, source="test.toml")


def changed(old: str, new: str, text: str = MINIMAL) -> str:
    """`text` with every occurrence of `old` (there must be one) replaced by `new`."""
    assert old in text, old
    return text.replace(old, new)


def test_minimal_file_reads_with_defaults() -> None:
    agreement = parse(MINIMAL)
    assert agreement.id == "test-agreement" and agreement.notes == ""
    rules = agreement.rules_for("")
    assert [(b.after_hours, b.multiplier, b.kind) for b in rules.bands_for(DayKind.SIXTH)] == [
        (0, 1, PayKind.STRAIGHT), (8, Decimal("1.5"), PayKind.OVERTIME)]
    assert rules.minimum_call_rule == "t.minimum_call" and rules.weekly_overtime_after is None
    assert agreement.meals.ndb_window_hours == 2 and agreement.meals.ndb_max_minutes == 15
    assert agreement.rest.weekend_hours == {} and not agreement.rest.weekend_adds_daily
    assert agreement.rest.forced_call.multiplier == 0
    assert agreement.table_on(date(2025, 6, 1)).meal_penalties == (
        Money(Decimal("7.50"), "USD"), Money(Decimal("10.00"), "USD"), Money(Decimal(12), "USD"))


def test_table_on_picks_the_contract_year() -> None:
    agreement = parse(MINIMAL + SECOND_TABLE)
    assert agreement.table_on(date(2025, 12, 31)).source == "t 7"
    assert agreement.table_on(date(2026, 1, 1)).source == "t 8"


def test_premium_hour_needs_no_period_and_no_amounts() -> None:
    text = changed('penalty_kind = "escalating"\npenalty_period_minutes = 30',
                   'penalty_kind = "premium_hour"')
    text = changed('meal_penalties = ["7.50", "10.00 USD", 12]\n', "", text)
    meals = parse(text).meals
    assert meals.penalty_kind is MealPenaltyKind.PREMIUM_HOUR
    assert meals.penalty_period_minutes == 60


def test_performer_classes_with_a_default_class() -> None:
    text = changed("[rules.crew.minimum_call]", 'default_class = "day"\n\n[rules.day.minimum_call]')
    text = text.replace("[[rules.crew.bands.regular]]", "[[rules.day.bands.regular]]")
    agreement = parse(text)
    assert set(agreement.rules) == {"day", ""}
    assert agreement.rules_for("") is agreement.rules_for("day")


def test_capped_forced_call_reads_the_cap() -> None:
    text = changed('kind = "none"', 'kind = "day_rate_capped"')
    text = changed('source = "t 7"', 'source = "t 7"\nforced_call_cap = "900.00"', text)
    agreement = parse(text)
    assert agreement.rest.forced_call.kind is ForcedCallKind.DAY_RATE_CAPPED
    assert agreement.rate_tables[0].forced_call_cap == Money(Decimal(900), "USD")


BAND_2 = "after_hours = 8\nmultiplier = \"1.5\""

ERRORS = [
    # (old text, new text, key path the error names, words in the message)
    ('currency = "USD"', 'currency = "USD"\ncurency = "USD"', "curency", "unknown key"),
    ('currency = "USD"', 'currency = "usd"', "currency", "ISO 4217"),
    ('id = "test-agreement"', 'id = "Test Agreement"', "id", "not an id"),
    ('name = "Test agreement"', 'name = " "', "name", "must not be empty"),
    ('sources = ["a test"]', "sources = []", "sources", "array of texts"),
    ("time_increment_minutes = 6", "time_increment_minutes = 7", "time_increment_minutes",
     "divide an hour"),
    ('rate_rounding = "exact"', 'rate_rounding = "nearest"', "rate_rounding",
     "exact, rate_first"),
    ('workweek_start = "sunday"', "workweek_start = 6", "workweek_start", "expected text"),
    ('workweek_start = "sunday"', 'workweek_start = "Sunday"', "workweek_start", "day name"),
    (BAND_2, 'after_hours = 8\nmultiplier = 1.5', "rules.crew.bands.regular[2].multiplier",
     "TOML floats are not exact"),
    (BAND_2, 'after_hours = 8\nmultiplier = "1.5x"', "rules.crew.bands.regular[2].multiplier",
     "expected a number"),
    (BAND_2, 'after_hours = 8\nmultiplier = "0.5"', "rules.crew.bands.regular[2].multiplier",
     "must be from 1 to 10"),
    (BAND_2, 'after_hours = 0\nmultiplier = "1.5"', "rules.crew.bands.regular[2].after_hours",
     "greater than the previous band's (0)"),
    ("after_hours = 0\n", "after_hours = 1\n", "rules.crew.bands.regular[1].after_hours",
     "must start at 0 hours"),
    ('after_hours = 0\nmultiplier = 1', 'after_hours = 0\nmultiplier = 2',
     "rules.crew.bands.regular[2].multiplier", "not be lower than the previous band's"),
    (BAND_2, BAND_2 + '\nkind = "straight"', "rules.crew.bands.regular[2].kind",
     "straight band has multiplier 1"),
    (BAND_2, BAND_2 + '\nkind = "meal_penalty"', "rules.crew.bands.regular[2].kind",
     "straight, overtime or golden"),
    (BAND_2, BAND_2 + '\nrate = "1.5"', "rules.crew.bands.regular[2].rate", "unknown key"),
    ('id = "t.overtime"', 'id = "t.straight"', "rules.crew.bands.regular[2].id",
     "already used at rules.crew.bands.regular[1].id"),
    ("[[rules.crew.bands.regular]]", "[[rules.crew.bands.sixth]]",
     "rules.crew.bands.regular", "is required"),
    ("[[rules.crew.bands.regular]]", "[[rules.crew.bands.weekend]]",
     "rules.crew.bands.weekend", "unknown key"),
    ("\nhours = 8\n", "\nhours = 25\n", "rules.crew.minimum_call.hours", "from 0 to 24"),
    ("[rules.crew.minimum_call]", 'default_class = "day"\n[rules.crew.minimum_call]',
     "default_class", "must be crew"),
    ("[rules.crew.minimum_call]", "[rules.Crew.minimum_call]", "rules.Crew", "worker class"),
    ('basis = "elapsed"', 'basis = "lunch"', "meals.basis", "elapsed, worked"),
    ("minimum_minutes = 30", "minimum_minutes = \"30\"", "meals.minimum_minutes",
     "whole number"),
    ("penalty_period_minutes = 30\n", "", "meals.penalty_period_minutes", "is required"),
    ("daily_hours = 10", "daily_hours = 10\nweekend_hours = { 8 = 48 }",
     "rest.weekend_hours.8", "from 1 to 7"),
    ("daily_hours = 10", "daily_hours = 10\nweekend_hours = { 5 = 54 }",
     "rest.weekend_clause", "is required"),
    ("daily_hours = 10", "daily_hours = 10\nweekend_adds_daily = \"yes\"",
     "rest.weekend_adds_daily", "true or false"),
    ('kind = "none"', 'kind = "invaded_hours"', "rest.forced_call.multiplier", "is required"),
    ('kind = "none"', 'kind = "day_rate_capped"', "rate_tables[1].forced_call_cap",
     "is required: rest.forced_call.kind is day_rate_capped"),
    ('source = "t 7"', 'source = "t 7"\nforced_call_cap = "900"',
     "rate_tables[1].forced_call_cap", "is not used"),
    ('"7.50", ', '"7.50 EUR", ', "rate_tables[1].meal_penalties[1]",
     "in 'EUR' but the agreement's currency is USD"),
    ('"7.50", ', "7.5, ", "rate_tables[1].meal_penalties[1]", "TOML floats"),
    ('"7.50", ', '"-7.50", ', "rate_tables[1].meal_penalties[1]", "must be from 0"),
    ('meal_penalties = ["7.50", "10.00 USD", 12]', "meal_penalties = []",
     "rate_tables[1].meal_penalties", "is required: meals.penalty_kind is escalating"),
    ("effective = 2025-01-01", 'effective = "2025-01-01"', "rate_tables[1].effective",
     "expected a date"),
    ('rate = "40.00"', 'rate = "0"', "rate_tables[1].scale[1].rate", "more than 0"),
    ('basis = "hourly"', 'basis = "hourly"\nguaranteed_hours = 10',
     "rate_tables[1].scale[1].guaranteed_hours", "no guaranteed hours"),
    ('basis = "hourly"', 'basis = "monthly"', "rate_tables[1].scale[1].basis",
     "daily, hourly, weekly, flat"),
]


@pytest.mark.parametrize(("old", "new", "path", "words"), ERRORS,
                         ids=[f"{path}:{words[:20]}" for _, _, path, words in ERRORS])
def test_bad_values_name_the_file_and_key_path(old: str, new: str, path: str,
                                               words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse(changed(old, new))
    assert caught.value.field == path
    assert caught.value.source == "test.toml"
    assert words in caught.value.message
    assert str(caught.value).startswith(f"test.toml ({path}): {path}: ")


@pytest.mark.parametrize("effective", ["2025-01-01", "2024-12-31"])
def test_rate_tables_are_oldest_first_without_duplicates(effective: str) -> None:
    text = MINIMAL + SECOND_TABLE.replace("2026-01-01", effective)
    with pytest.raises(InputError, match=r"rate_tables\[2\]\.effective: must be after the "
                                         r"previous table's \(2025-01-01\)"):
        parse(text)


def test_missing_crew_rules_without_default_class() -> None:
    text = MINIMAL.replace("rules.crew.", "rules.day.")
    with pytest.raises(InputError, match=r"rules: needs a \[rules.crew\] table"):
        parse(text)


def test_default_class_must_name_a_class() -> None:
    text = MINIMAL.replace("rules.crew.", "rules.day.").replace(
        "[rules.day.minimum_call]", 'default_class = "weekly"\n[rules.day.minimum_call]')
    with pytest.raises(InputError, match=r"default_class: names no \[rules.weekly\] table"):
        parse(text)


def test_toml_syntax_errors_name_the_line() -> None:
    with pytest.raises(InputError) as caught:
        parse(changed('name = "Test agreement"', "name = Test agreement"))
    assert caught.value.line == 3 and str(caught.value).startswith("test.toml:3: not valid TOML")


# --- Fuzz: anything at all is either an Agreement or an InputError ---------------------------


def _bundled_texts() -> list[str]:
    folder = resources.files("lynchpin.engine.labour").joinpath("agreements")
    return [entry.read_text(encoding="utf-8") for entry in sorted(
        folder.iterdir(), key=lambda entry: entry.name) if entry.name.endswith(".toml")]


BUNDLED = [MINIMAL, *_bundled_texts()]
ASSIGNMENT = re.compile(r"^([A-Za-z_][\w.]*) = ")
GARBAGE = ['""', '"x"', '" "', "0", "-1", "1.5", "1e400", '"1e400"', '"NaN"', '"-0"', '"+3"',
           "99999999999999999999", '"99999999999999.5"', "true", "[]", "[1, 2]", '["7.50"]',
           "{}", '{ 5 = "x" }', "{ 9 = 1 }", "2025-01-01", "2025-01-01T08:00:00", "08:00:00",
           '"sunday"', '"golden"', '"crew"', '"7.50 XYZ"', '"7.50 USD extra"', '[{ a = 1 }]']


TOMLISH = st.text(alphabet='[]{}=.,"\n 0123456789-_abcdekrsuy', max_size=300)


@given(st.one_of(st.text(max_size=300), TOMLISH))
def test_any_text_is_an_agreement_or_an_input_error(text: str) -> None:
    try:
        agreement = parse(text)
    except InputError as error:
        assert error.source == "test.toml"
    else:
        assert isinstance(agreement, Agreement)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A bundled or minimal file with a few lines replaced, dropped or given odd values."""
    lines = draw(st.sampled_from(BUNDLED)).splitlines()
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["value", "drop", "duplicate"]))
        match = ASSIGNMENT.match(lines[index])
        if action == "value" and match:
            lines[index] = f"{match.group(1)} = {draw(st.sampled_from(GARBAGE))}"
        elif action == "drop":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        if not lines:
            break
    return "\n".join(lines)


@given(mutated())
def test_damaged_files_give_an_agreement_or_an_input_error(text: str) -> None:
    try:
        agreement = parse(text)
    except InputError as error:
        assert error.source == "test.toml" and error.message
    else:
        assert agreement.rules[""].bands_for(DayKind.REGULAR)[0].after_hours == 0
