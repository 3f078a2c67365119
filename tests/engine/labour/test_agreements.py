"""The bundled agreement files: each loads, cites its rules, and says what issue 5 asks of it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import pytest

from lynchpin.engine.errors import InputError
from lynchpin.engine.labour import agreements
from lynchpin.engine.labour.agreement import (
    Agreement,
    Band,
    DayCounting,
    ForcedCallKind,
    MealBasis,
    MealPenaltyKind,
    NotInForce,
    Rounding,
)
from lynchpin.engine.labour.agreements import UnknownAgreement, agreement_ids, load_agreement
from lynchpin.engine.labour.model import DayKind, PayKind
from lynchpin.engine.money import Money

IDS = ("ca-nonunion", "iatse-crew", "sag-aftra", "uk-crew", "uk-performer")
SUNDAY, MONDAY = 6, 0


def usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


def pay_hours(bands: tuple[Band, ...], worked: Decimal) -> Decimal:
    """Hours worked weighted by their band's multiplier (a check of the data, not of rates.py)."""
    total = Decimal(0)
    for band, following in zip(bands, (*bands[1:], None), strict=True):
        end = worked if following is None else min(worked, following.after_hours)
        total += max(Decimal(0), end - band.after_hours) * band.multiplier
    return total


def multipliers(bands: tuple[Band, ...]) -> list[tuple[int, str, PayKind]]:
    return [(int(b.after_hours), str(b.multiplier), b.kind) for b in bands]


def test_the_bundled_agreements() -> None:
    assert agreement_ids() == IDS


@pytest.mark.parametrize("agreement_id", IDS)
def test_every_file_states_sources_notes_and_cites_every_rule(agreement_id: str) -> None:
    agreement = load_agreement(agreement_id)
    assert agreement.id == agreement_id
    assert agreement.sources and all(source.strip() for source in agreement.sources)
    assert len(agreement.notes) > 200
    ids: list[str] = [agreement.meals.rule, agreement.rest.forced_call.rule]
    for rules in {id(r): r for r in agreement.rules.values()}.values():
        ids.append(rules.minimum_call_rule)
        assert rules.minimum_call_clause
        if rules.weekly_overtime_after is not None:
            ids.append(rules.weekly_overtime_rule)
            assert rules.weekly_overtime_clause
        for bands in rules.bands.values():
            ids.extend(band.rule for band in bands)
            assert all(band.clause for band in bands)
    assert all(ids) and len(ids) == len(set(ids))
    assert agreement.meals.clause and agreement.rest.daily_clause
    assert all(table.source for table in agreement.rate_tables)


@pytest.mark.parametrize("agreement_id", ["iatse-crew", "sag-aftra", "uk-crew", "uk-performer"])
def test_files_with_made_up_figures_say_so(agreement_id: str) -> None:
    assert "ILLUSTRATIVE" in load_agreement(agreement_id).notes


def test_loaded_once_and_read_only() -> None:
    agreement = load_agreement("iatse-crew")
    assert load_agreement("iatse-crew") is agreement
    with pytest.raises(TypeError):
        agreement.rules[""] = agreement.rules[""]  # type: ignore[index]
    with pytest.raises(TypeError):
        agreement.rest.weekend_hours[7] = Decimal(1)  # type: ignore[index]


def test_unknown_agreement_names_the_known_ones() -> None:
    with pytest.raises(UnknownAgreement) as caught:
        load_agreement("wga")
    assert str(caught.value) == (
        "no agreement 'wga' (known: ca-nonunion, iatse-crew, sag-aftra, uk-crew, uk-performer)")


# --- California: Labor Code 510, 512, 226.7 -------------------------------------------------


@pytest.fixture(scope="module")
def california() -> Agreement:
    return load_agreement("ca-nonunion")


def test_california_overtime_is_labor_code_510(california: Agreement) -> None:
    rules = california.rules_for("")
    assert multipliers(rules.bands_for(DayKind.REGULAR)) == [
        (0, "1", PayKind.STRAIGHT), (8, "1.5", PayKind.OVERTIME), (12, "2", PayKind.OVERTIME)]
    assert multipliers(rules.bands_for(DayKind.SEVENTH)) == [
        (0, "1.5", PayKind.OVERTIME), (8, "2", PayKind.OVERTIME)]
    # No sixth-day or holiday premium in the Labor Code: those days use the regular bands.
    assert rules.bands_for(DayKind.SIXTH) == rules.bands_for(DayKind.HOLIDAY)
    assert rules.bands_for(DayKind.HOLIDAY) == rules.bands_for(DayKind.REGULAR)
    assert (rules.weekly_overtime_after, rules.weekly_overtime_multiplier) == (40, Decimal("1.5"))
    assert rules.minimum_call_hours == 0
    assert california.day_counting is DayCounting.CONSECUTIVE
    assert california.workweek_start == SUNDAY


def test_california_pay_hours_match_the_published_deals(california: Agreement) -> None:
    bands = california.rules_for("").bands_for(DayKind.REGULAR)
    # Issue 5: "$500/10" is 11 pay hours, 500/11 = $45.45 an hour under California rules.
    assert pay_hours(bands, Decimal(10)) == 11
    # Issue 5: "$750/10" worked 12 h is 14 pay hours.
    assert pay_hours(bands, Decimal(12)) == 14
    # Issue 5: "$230/12" worked 19 h under Labor Code 510 alone is 28 pay hours = $460.00
    # (the 12 guaranteed hours are 14 pay hours, so the hourly rate is 230/14).
    assert pay_hours(bands, Decimal(19)) == 28
    assert Decimal(230) / pay_hours(bands, Decimal(12)) * 28 == 460


def test_california_meals_are_labor_code_512_worked_hours(california: Agreement) -> None:
    meals = california.meals
    assert meals.basis is MealBasis.WORKED
    # LC 512(a): first meal before the end of the 5th hour worked, second before the 10th.
    assert (meals.first_due_hours, meals.first_due_hours + meals.next_due_hours) == (5, 10)
    assert meals.minimum_minutes == 30
    assert meals.penalty_kind is MealPenaltyKind.PREMIUM_HOUR
    assert "226.7" in meals.clause
    assert "512(b)" in california.notes and "six hours" in california.notes


def test_california_has_no_turnaround_and_pays_every_minute(california: Agreement) -> None:
    assert california.rest.daily_hours == 0
    assert california.rest.weekend_hours == {}
    assert california.rest.forced_call.kind is ForcedCallKind.NONE
    assert california.time_increment_minutes == 1
    assert california.rate_rounding is Rounding.EXACT


def test_california_minimum_wage_by_year(california: Agreement) -> None:
    # Published California minimum wage: $16.00 from 2024-01-01, $16.50 from 2025-01-01.
    assert california.table_on(date(2024, 12, 31)).scale[0].rate == usd("16.00")
    assert california.table_on(date(2025, 1, 1)).scale[0].rate == usd("16.50")
    with pytest.raises(NotInForce, match="2024-01-01"):
        california.table_on(date(2023, 12, 31))


# --- IATSE-style crew ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def iatse() -> Agreement:
    return load_agreement("iatse-crew")


def test_iatse_golden_hours_by_day_kind(iatse: Agreement) -> None:
    # Issue 5: golden hours past 14 h at 2x, 3x on a 6th day, 4x on a 7th day or holiday.
    rules = iatse.rules_for("")
    assert multipliers(rules.bands_for(DayKind.REGULAR)) == [
        (0, "1", PayKind.STRAIGHT), (8, "1.5", PayKind.OVERTIME), (14, "2", PayKind.GOLDEN)]
    assert multipliers(rules.bands_for(DayKind.SIXTH)) == [
        (0, "1.5", PayKind.OVERTIME), (14, "3", PayKind.GOLDEN)]
    assert multipliers(rules.bands_for(DayKind.SEVENTH)) == [
        (0, "2", PayKind.OVERTIME), (14, "4", PayKind.GOLDEN)]
    assert multipliers(rules.bands_for(DayKind.HOLIDAY)) == [
        (0, "2", PayKind.OVERTIME), (14, "4", PayKind.GOLDEN)]
    assert rules.minimum_call_hours == 8 and rules.weekly_overtime_after is None
    assert "16" in iatse.notes  # says why 14 h and not 16 h


def test_iatse_800_over_10_is_11_pay_hours_with_exact_rates(iatse: Agreement) -> None:
    # Issue 5: "$800/10" gives $72.73 ... $218.19 at 3x when the rate is rounded first,
    # $218.18 exact; this file keeps exact rates and its notes say why.
    bands = iatse.rules_for("").bands_for(DayKind.REGULAR)
    assert pay_hours(bands, Decimal(10)) == 11
    assert iatse.rate_rounding is Rounding.EXACT
    assert "218.19" in iatse.notes and "720.04" in iatse.notes


def test_iatse_meals_and_escalating_penalties_by_contract_year(iatse: Agreement) -> None:
    meals = iatse.meals
    assert (meals.basis, meals.first_due_hours, meals.next_due_hours) == (
        MealBasis.ELAPSED, 6, 6)
    assert (meals.minimum_minutes, meals.penalty_period_minutes) == (30, 30)
    assert meals.penalty_kind is MealPenaltyKind.ESCALATING
    year_one = iatse.table_on(date(2025, 7, 31))
    assert year_one.effective == date(2024, 8, 1)
    assert [year_one.meal_penalty(n) for n in range(1, 6)] == [
        usd("7.50"), usd("10.00"), usd("12.50"), usd("12.50"), usd("12.50")]
    year_two = iatse.table_on(date(2025, 8, 1))
    assert year_two.effective == date(2025, 8, 1)
    assert year_two.meal_penalty(1) > year_one.meal_penalty(1)


def test_iatse_scale_positions_in_every_contract_year(iatse: Agreement) -> None:
    wanted = {"Key Grip", "Best Boy Electric", "Camera Operator", "Script Supervisor"}
    for table in iatse.rate_tables:
        assert {rate.position for rate in table.scale} == wanted
        assert all(rate.basis == "hourly" and rate.guaranteed_hours is None
                   for rate in table.scale)
    old, new = ({r.position: r.rate for r in t.scale} for t in iatse.rate_tables)
    assert all(new[position] > old[position] for position in wanted)


def test_iatse_rest_and_forced_call(iatse: Agreement) -> None:
    rest = iatse.rest
    assert rest.daily_hours == 10
    assert rest.weekend_hours == {5: 54, 6: 32} and not rest.weekend_adds_daily
    assert rest.forced_call.kind is ForcedCallKind.INVADED_HOURS
    assert rest.forced_call.multiplier == 1
    assert iatse.time_increment_minutes == 6
    assert iatse.day_counting is DayCounting.WORKED and iatse.workweek_start == SUNDAY


# --- SAG-AFTRA-style performers --------------------------------------------------------------


@pytest.fixture(scope="module")
def sag() -> Agreement:
    return load_agreement("sag-aftra")


def test_sag_day_and_weekly_performers(sag: Agreement) -> None:
    day = sag.rules_for("day")
    # Issue 5: overtime in tenths after 8 h at 1.5x and after 10 h at 2x.
    assert multipliers(day.bands_for(DayKind.REGULAR)) == [
        (0, "1", PayKind.STRAIGHT), (8, "1.5", PayKind.OVERTIME), (10, "2", PayKind.OVERTIME)]
    assert sag.time_increment_minutes == 6
    assert day.minimum_call_hours == 8 and day.weekly_overtime_after is None
    weekly = sag.rules_for("weekly")
    assert multipliers(weekly.bands_for(DayKind.REGULAR)) == [
        (0, "1", PayKind.STRAIGHT), (10, "1.5", PayKind.OVERTIME)]
    assert (weekly.weekly_overtime_after, weekly.weekly_overtime_multiplier) == (
        44, Decimal("1.5"))
    # A performer deal without a class (or an unknown one) gets the day performer's rules.
    assert sag.rules_for("") is day and sag.rules_for("stunt") is day


def test_sag_meal_penalties_25_25_50(sag: Agreement) -> None:
    # Issue 5: meals within 6 h with $25/$25/$50 penalties.
    assert (sag.meals.basis, sag.meals.first_due_hours, sag.meals.next_due_hours) == (
        MealBasis.ELAPSED, 6, 6)
    for table in sag.rate_tables:
        assert [table.meal_penalty(n) for n in range(1, 5)] == [
            usd("25.00"), usd("25.00"), usd("50.00"), usd("50.00")]
    assert "35" in sag.notes  # the published summary's second figure, and why it is not used


def test_sag_rest_and_forced_call_cap(sag: Agreement) -> None:
    # Issue 5: 12 h rest, forced call = the lesser of the day rate and $900.
    assert sag.rest.daily_hours == 12
    assert sag.rest.weekend_hours == {5: 56, 6: 36}
    assert sag.rest.forced_call.kind is ForcedCallKind.DAY_RATE_CAPPED
    assert all(table.forced_call_cap == usd("900.00") for table in sag.rate_tables)


def test_sag_scale_by_contract_year(sag: Agreement) -> None:
    first = {rate.position: rate for rate in sag.table_on(date(2025, 6, 30)).scale}
    assert first["Day Performer"].rate == usd("1082.00")
    assert first["Day Performer"].guaranteed_hours == 8
    assert first["Weekly Performer"].rate == usd("3756.00")
    raised = {rate.position: rate for rate in sag.table_on(date(2025, 7, 1)).scale}
    assert raised["Day Performer"].rate > first["Day Performer"].rate
    assert raised["Weekly Performer"].rate > first["Weekly Performer"].rate


# --- UK crew -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def uk() -> Agreement:
    return load_agreement("uk-crew")


def test_uk_rest_is_11_hours_plus_48_hour_weekend(uk: Agreement) -> None:
    rest = uk.rest
    assert rest.daily_hours == 11
    assert rest.weekend_hours == {5: 48, 6: 48} and rest.weekend_adds_daily
    # Issue 5: end of duty Friday 20:00 under 11 h daily + 48 h weekend rest -> Monday 07:00.
    end_of_duty = datetime(2025, 3, 7, 20, 0)
    earliest = end_of_duty + timedelta(hours=int(rest.daily_hours + rest.weekend_hours[5]))
    assert earliest == datetime(2025, 3, 10, 7, 0) and earliest.weekday() == MONDAY


def test_uk_day_is_10_plus_1_in_pounds(uk: Agreement) -> None:
    rules = uk.rules_for("")
    assert uk.currency == "GBP" and uk.workweek_start == MONDAY
    assert multipliers(rules.bands_for(DayKind.REGULAR)) == [
        (0, "1", PayKind.STRAIGHT), (10, "1.5", PayKind.OVERTIME)]
    assert rules.minimum_call_hours == 10
    assert uk.time_increment_minutes == 15
    assert uk.meals.first_due_hours == Decimal("5.5")
    assert all(p.currency == "GBP" for t in uk.rate_tables for p in t.meal_penalties)
    assert all(r.rate.currency == "GBP" for t in uk.rate_tables for r in t.scale)



def test_two_files_with_one_id_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = resources.files("lynchpin.engine.labour").joinpath(
        "agreements", "uk-crew.toml").read_text(encoding="utf-8")
    folder = tmp_path / "agreements"
    folder.mkdir()
    for name in ("a.toml", "b.toml", "README.md"):
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(agreements, "resources", SimpleNamespace(files=lambda _: tmp_path))
    agreements._bundled.cache_clear()
    try:
        with pytest.raises(InputError, match="'uk-crew' is also the id") as caught:
            agreement_ids()
        assert caught.value.source == "agreements/b.toml"
    finally:
        agreements._bundled.cache_clear()
