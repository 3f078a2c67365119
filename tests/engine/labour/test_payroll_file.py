"""The payroll file: deals, timecards and planned calls read into engine values; every error
names the file, the line and the key path; garbage never escapes as anything but InputError."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour.model import Basis, DayKind, MealKind
from lynchpin.engine.labour.payroll import price_timecards
from lynchpin.engine.labour.payroll_file import planned_days, read_payroll
from lynchpin.engine.labour.planning import price_planned_day
from lynchpin.engine.money import Money

HEAD = 'currency = "USD"\nproduction = "Test"\nholidays = [2027-03-26]\n'
DEAL = """
[[deal]]
person = "Tomasz Nowak"
position = "1st Assistant Camera"
department = "Camera"
agreement = "iatse-crew"
rate = "500.00"
basis = "daily"
hours = 10
kit = "50.00"
allowances = { phone = "5.00", car = 20 }
"""
CARD = """
[[timecard]]
person = "Tomasz Nowak"
date = 2027-03-22
call = "07:00"
meals = [{ out = "07:15", in = "07:30", kind = "ndb" }, { out = "13:00", in = "13:30" }]
wrap = "19:30"
travel_after = "0.5"
"""
PLANNED = """
[[planned]]
person = "Tomasz Nowak"
date = 2027-03-29
call = "07:00"
meals = [{ out = "13:45", in = "14:15" }]
wrap = "22:00"
"""
VALID = HEAD + DEAL + CARD + PLANNED


def _read(text: str) -> object:
    return read_payroll(text, source="test.payroll.toml")


def _error(text: str) -> InputError:
    with pytest.raises(InputError) as caught:
        _read(text)
    assert caught.value.source == "test.payroll.toml"
    return caught.value


def test_valid_file_gives_engine_values() -> None:
    payroll = read_payroll(VALID, source="test.payroll.toml")
    assert (payroll.currency, payroll.production) == ("USD", "Test")
    assert payroll.holidays == frozenset({date(2027, 3, 26)})
    deal = payroll.deals["Tomasz Nowak"]
    assert deal.rate == Money(Decimal("500.00"), "USD")
    assert (deal.basis, deal.guaranteed_hours, deal.department) == (
        Basis.DAILY, Decimal(10), "Camera")
    assert deal.kit_rental == Money(Decimal(50), "USD")
    assert deal.allowances == (("phone", Money(Decimal(5), "USD")),
                               ("car", Money(Decimal(20), "USD")))
    assert set(payroll.agreements) == {"iatse-crew"}
    (card,) = payroll.timecards
    assert card.call == datetime(2027, 3, 22, 7, 0)
    assert card.wrap == datetime(2027, 3, 22, 19, 30)
    assert [meal.kind for meal in card.meals] == [MealKind.NDB, MealKind.MEAL]
    assert card.meals[1].back == datetime(2027, 3, 22, 13, 30)
    assert card.travel_after == Decimal("0.5") and card.travel_before == 0
    (planned,) = payroll.planned
    assert planned.expected_wrap == datetime(2027, 3, 29, 22, 0)


@pytest.mark.parametrize(("call", "meal", "wrap", "meal_out", "expected_wrap"), [
    # A wrap at or before the call on the clock is the next morning.
    ('"17:00"', '"23:30"', '"04:30"', datetime(2027, 3, 22, 23, 30),
     datetime(2027, 3, 23, 4, 30)),
    # A meal after midnight, by the clock.
    ('"18:00"', '"00:30"', '"06:00"', datetime(2027, 3, 23, 0, 30),
     datetime(2027, 3, 23, 6, 0)),
    # Hours 24..47 say the same explicitly; TOML local times are accepted too.
    ("18:00:00", '"24:30"', '"28:30"', datetime(2027, 3, 23, 0, 30),
     datetime(2027, 3, 23, 4, 30)),
])
def test_times_past_midnight(call: str, meal: str, wrap: str, meal_out: datetime,
                             expected_wrap: datetime) -> None:
    text = HEAD + DEAL + f"""
[[timecard]]
person = "Tomasz Nowak"
date = 2027-03-22
call = {call}
meals = [{{ out = {meal}, in = "{meal_out.hour:02d}:59" }}]
wrap = {wrap}
"""
    (card,) = read_payroll(text, source="t").timecards
    assert card.meals[0].out == meal_out
    assert card.wrap == expected_wrap


def _replace(old: str, new: str, text: str = VALID) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


@pytest.mark.parametrize(("text", "field", "words"), [
    (_replace('agreement = "iatse-crew"', 'agreement = "iatse"'), "deal[1].agreement",
     "iatse-crew"),
    (_replace('rate = "500.00"', "rate = 500.5"), "deal[1].rate", "floats are not exact"),
    (_replace("hours = 10", "hours = 10.5"), "deal[1].hours", "floats are not exact"),
    (_replace('rate = "500.00"', 'rate = "500.00 GBP"'), "deal[1].rate", "pays in USD"),
    (_replace('kit = "50.00"', 'kit = "-5"'), "deal[1].kit", "at least 0"),
    (_replace('car = 20', 'car = "x"'), "deal[1].allowances.car", "expected an amount"),
    (_replace('basis = "daily"', 'basis = "daly"'), "deal[1].basis", "hourly"),
    (_replace('basis = "daily"', 'basis = "hourly"'), "deal[1].hours", "no guaranteed hours"),
    (_replace('basis = "daily"\nhours = 10', 'basis = "weekly"'), "deal[1].hours",
     "is required"),
    (_replace('hours = 10', 'hours = 10\nperformer_class = "day"'), "deal[1].performer_class",
     "no performer class"),
    (_replace('department = "Camera"', 'departmnet = "Camera"'), "deal[1].departmnet",
     "unknown key"),
    (_replace('travel_after = "0.5"', "travel_after = 0.5"), "timecard[1].travel_after",
     "floats are not exact"),
    (_replace('call = "07:00"\nmeals = [{ out = "07:15"',
              'call = "07:00"\nmeals = [{ out = "06:15"'), "timecard[1].meals[1].out",
     "not before wrap"),
    (_replace('{ out = "13:00", in = "13:30" }', '{ out = "07:20", in = "13:30" }'),
     "timecard[1].meals[2].out", "overlaps"),
    (_replace('{ out = "13:00", in = "13:30" }', '{ out = "13:00", in = "12:30" }'),
     "timecard[1].meals[2].in", "not after out"),
    (_replace('kind = "ndb"', 'kind = "lunch"'), "timecard[1].meals[1].kind", "ndb"),
    (_replace('call = "07:00"\nmeals = [{ out = "07:15"', 'call = "7am"\nmeals = [{ out = "07:15"'),
     "timecard[1].call", "expected a time"),
    (_replace('wrap = "19:30"', 'wrap = "19:61"'), "timecard[1].wrap", "expected a time"),
    (_replace('wrap = "19:30"', 'wrap = "31:30"'), "timecard[1].wrap", "longer than 24"),
    (_replace('date = 2027-03-22', 'date = "2027-03-22"'), "timecard[1].date",
     "expected a date"),
    (_replace('date = 2027-03-22', 'date = 1990-03-22'), "timecard[1].date",
     "no rate table in force"),
    (_replace('wrap = "19:30"', 'wrapp = "19:30"'), "timecard[1].wrapp", "unknown key"),
    (_replace('[[timecard]]\nperson = "Tomasz Nowak"', '[[timecard]]\nperson = "Tom"'),
     "timecard[1].person", "has no [[deal]]"),
    (VALID + CARD, "timecard[2].date", "already has a timecard for 2027-03-22"),
    (VALID + DEAL, "deal[2].person", "already has a deal"),
    (_replace('wrap = "22:00"', 'wrap = "23:30"\ntravel_before = "1"'),
     "planned[1].travel_before", "unknown key"),
    (_replace('currency = "USD"', 'currency = "US"'), "currency", "not a currency code"),
    (_replace('holidays = [2027-03-26]', 'holidays = ["2027-03-26"]'), "holidays",
     "array of dates"),
    ("payroll = 1\n" + VALID, "payroll", "unknown key"),
    (HEAD + "timecard = 3\n", "timecard", "expected [[timecard]] tables"),
])
def test_errors_name_the_key_path(text: str, field: str, words: str) -> None:
    error = _error(text)
    assert error.field == field
    assert words in error.message
    assert field in str(error)


def test_a_day_starting_before_the_previous_one_ends_is_refused() -> None:
    night = _replace('call = "07:00"\nmeals = [{ out = "07:15"',
                     'call = "18:00"\nmeals = [{ out = "18:15"', CARD)
    night = night.replace('in = "07:30", kind = "ndb" }, { out = "13:00", in = "13:30" }',
                          'in = "18:30", kind = "ndb" }, { out = "23:00", in = "23:30" }')
    night = night.replace('wrap = "19:30"', 'wrap = "08:00"')  # Tuesday 08:30 with travel
    early = CARD.replace("2027-03-22", "2027-03-23")
    error = _error(HEAD + DEAL + night + early)
    assert error.field == "timecard[2].call"
    assert "before the previous day (timecard[1]) ends at 2027-03-23 08:30" in error.message
    planned = PLANNED.replace("2027-03-29", "2027-03-23")
    error = _error(HEAD + DEAL + night + planned)
    assert error.field == "planned[1].call"
    # A plan beside the same day's timecard is not an overlap.
    same_day = PLANNED.replace("2027-03-29", "2027-03-22")
    assert len(read_payroll(HEAD + DEAL + CARD + same_day, source="t").planned) == 1


def test_errors_name_the_line_of_the_table_header() -> None:
    text = HEAD + DEAL + CARD + _replace('wrap = "19:30"', 'wrap = "19:30"\nholiday = "yes"',
                                         CARD.replace("2027-03-22", "2027-03-23"))
    error = _error(text)
    header = text.splitlines().index("[[timecard]]", text.splitlines().index("[[timecard]]")
                                      + 1) + 1
    assert (error.line, error.field) == (header, "timecard[2].holiday")
    assert str(error).startswith(f"test.payroll.toml:{header} (timecard[2].holiday)")


def test_bad_toml_names_the_line() -> None:
    error = _error(HEAD + "[[deal]\n")
    assert error.line == 4 and "not valid TOML" in error.message


def test_a_file_with_deals_only_reads() -> None:
    payroll = read_payroll(HEAD + DEAL, source="t")
    assert payroll.timecards == () and payroll.planned == ()


def _week(days: range, wrap: str = "19:30") -> str:
    return "".join(f"""
[[timecard]]
person = "Tomasz Nowak"
date = 2027-03-{day}
call = "07:00"
meals = [{{ out = "13:00", in = "13:30" }}]
wrap = "{wrap}"
""" for day in days)


def test_planned_day_after_a_week_owes_the_weekend_rest() -> None:
    # Monday 22 to Friday 26 March worked (the IATSE-style week starts on Sunday), Friday
    # wrapped at 04:00 on Saturday; Monday 29 starts a new week.
    payroll = read_payroll(HEAD + DEAL + _week(range(22, 27), wrap="04:00") + PLANNED,
                           source="t")
    (day,) = planned_days(payroll)
    assert day.day == date(2027, 3, 29)
    assert day.previous_end_of_duty == {"Tomasz Nowak": datetime(2027, 3, 27, 4, 0)}
    assert day.previous_week_days == {"Tomasz Nowak": 5}
    assert day.calls[0].kind is DayKind.REGULAR


def test_planned_sixth_day_and_holiday_get_their_kinds() -> None:
    saturday = PLANNED.replace("2027-03-29", "2027-03-27")
    payroll = read_payroll(HEAD + DEAL + _week(range(22, 27)) + saturday, source="t")
    (day,) = planned_days(payroll)
    assert day.previous_week_days == {}  # same work week: the daily rest applies
    assert day.calls[0].kind is DayKind.SIXTH
    friday = PLANNED.replace("2027-03-29", "2027-03-26")  # a holiday in the header
    (holiday,) = planned_days(read_payroll(HEAD + DEAL + friday, source="t"))
    assert holiday.calls[0].kind is DayKind.HOLIDAY
    assert holiday.previous_end_of_duty == {}


def test_later_planned_days_rest_after_earlier_planned_days() -> None:
    tuesday = PLANNED.replace("2027-03-29", "2027-03-30").replace('"07:00"', '"08:00"')
    payroll = read_payroll(HEAD + DEAL + PLANNED + tuesday, source="t")
    monday, second = planned_days(payroll)
    assert monday.previous_end_of_duty == {}
    assert second.previous_end_of_duty == {"Tomasz Nowak": datetime(2027, 3, 29, 22, 0)}


def _read_or_refuse(text: str) -> None:
    """Read `text`: either a consistent PayrollFile or an InputError naming the file."""
    try:
        payroll = read_payroll(text, source="test.payroll.toml")
    except InputError as error:
        assert error.source == "test.payroll.toml"
        return
    assert all(card.person in payroll.deals for card in payroll.timecards)
    assert {deal.agreement for deal in payroll.deals.values()} == set(payroll.agreements)
    # What the reader accepts can be priced: the command line never meets a crash.
    weeks = price_timecards(payroll.deals, payroll.timecards, payroll.agreements,
                            holidays=payroll.holidays)
    assert sum(len(week.days) for week in weeks) == len(payroll.timecards)
    for day in planned_days(payroll):
        pays = price_planned_day(day.calls, payroll.deals, payroll.agreements,
                                 previous_end_of_duty=day.previous_end_of_duty,
                                 previous_week_days=day.previous_week_days)
        assert all(pay.total.amount >= 0 for pay in pays)


# Values a fuzzed key may take: every TOML type, times, amounts and near misses.
_VALUES = st.sampled_from([
    '""', '"x"', "0", "-1", "1.5", "true", "[]", "{}", "2027-03-22", "07:00:00",
    '"07:00"', '"47:59"', '"48:00"', '"24:00"', '"-1:00"', '"1e9"', '"NaN"', '"Infinity"',
    '"99999999999999999999"', '"0.000000000001"', '"500.00 XYZ"', '"500 GBP"', '"daily"',
    '"weekly"', '"flat"', '"hourly"', '"ndb"', '"meal"', '"day"', '"iatse-crew"',
    '"ca-nonunion"', "[{ out = \"13:00\" }]", '[{ out = "06:00", in = "06:30" }]',
    "[1, 2]", "1979-01-01", "2027-03-22T07:00:00", '"\\u0000"', "9" * 30,
])
_KEYS = st.sampled_from([
    "person", "position", "agreement", "rate", "basis", "hours", "kit", "allowances",
    "performer_class", "overtime_exempt", "date", "call", "wrap", "meals", "travel_before",
    "travel_after", "holiday", "currency", "holidays", "out", "in", "kind",
])


@settings(max_examples=300)
@given(st.lists(st.tuples(_KEYS, _VALUES), min_size=1, max_size=4))
def test_mutated_files_raise_only_input_error(edits: list[tuple[str, str]]) -> None:
    lines = VALID.splitlines()
    for key, value in edits:
        inline = re.compile(rf'\b{key} = ("[^"]*"|[^,}}\s]+)')
        edit = f"{key} = {value}"
        lines = [edit if line.startswith(f"{key} = ")
                 else inline.sub(lambda _, edit=edit: edit, line) for line in lines]
    _read_or_refuse("\n".join(lines))


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from('[]{}"=,:\n abc07.-#dealtimcrp'), max_size=300))
def test_garbage_raises_only_input_error(text: str) -> None:
    _read_or_refuse(HEAD + DEAL + text)
