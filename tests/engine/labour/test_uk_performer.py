"""The bundled UK performer agreement (uk-performer.toml): it loads, and oracle days priced by
hand from the file's own figures (10-hour standard day, overtime 1.5x, lunch within 5.5 h with
15.00/15.00/25.00 GBP per half hour late, 12 h rest invaded at 1.5x, sixth day 1.5x)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from lynchpin.engine.labour.agreement import Agreement, ForcedCallKind, MealPenaltyKind
from lynchpin.engine.labour.agreements import agreement_ids, load_agreement
from lynchpin.engine.labour.daypay import price_day
from lynchpin.engine.labour.model import (
    Basis,
    DayKind,
    Deal,
    Meal,
    PayKind,
    PayLine,
    Timecard,
)
from lynchpin.engine.labour.rest import end_of_duty
from lynchpin.engine.labour.week import price_week
from lynchpin.engine.money import Money

D = Decimal
MONDAY = date(2027, 3, 22)  # the demo's week; the 2025-04-01 rate table is in force


def gbp(amount: str) -> Money:
    return Money(D(amount), "GBP")


def card(day: date, call: str, wrap: str, *meals: tuple[str, str],
         person: str = "KEITH") -> Timecard:
    def at(clock: str) -> datetime:
        return datetime.combine(day, time.fromisoformat(clock))

    return Timecard(person=person, day=day, call=at(call), wrap=at(wrap),
                    meals=tuple(Meal(at(out), at(back)) for out, back in meals))


@pytest.fixture(scope="module")
def ukp() -> Agreement:
    return load_agreement("uk-performer")


def day_performer(rate: str = "600.00") -> Deal:
    """A "£600/10" day performer: the hourly rate is 600 / 10 = 60.00."""
    return Deal(person="KEITH", position="Performer (cast 3): Keith", agreement="uk-performer",
                rate=gbp(rate), basis=Basis.DAILY, guaranteed_hours=D(10),
                performer_class="day")


def weekly_performer() -> Deal:
    """A £6000 week of 50 hours: the hourly rate is 6000 / 50 = 120.00."""
    return Deal(person="NELL", position="Performer (cast 1): Nell", agreement="uk-performer",
                rate=gbp("6000.00"), basis=Basis.WEEKLY, guaranteed_hours=D(50),
                performer_class="weekly")


def kinds(pay_lines: tuple[PayLine, ...]) -> dict[PayKind, Money]:
    found: dict[PayKind, Money] = {}
    for line in pay_lines:
        found[line.kind] = found.get(line.kind, gbp("0")) + line.amount
    return found


def test_bundled_in_pounds_with_its_sources_and_notes(ukp: Agreement) -> None:
    assert "uk-performer" in agreement_ids()
    assert (ukp.currency, ukp.jurisdiction, ukp.workweek_start) == ("GBP", "GB", 0)
    assert "ILLUSTRATIVE" in ukp.notes and "Equity" in ukp.notes
    assert any("Working Time Regulations" in source for source in ukp.sources)
    assert ukp.rules_for("") is ukp.rules_for("day")  # a deal without a class is a day player
    assert ukp.rules_for("day").minimum_call_hours == 10
    assert ukp.rules_for("weekly").weekly_overtime_after == 50
    assert (ukp.rest.daily_hours, ukp.rest.weekend_adds_daily) == (D(12), True)
    assert dict(ukp.rest.weekend_hours) == {5: 48, 6: 24}
    assert ukp.rest.forced_call.kind is ForcedCallKind.INVADED_HOURS
    assert ukp.meals.penalty_kind is MealPenaltyKind.ESCALATING
    assert ukp.table_on(MONDAY).meal_penalties == (gbp("15.00"), gbp("15.00"), gbp("25.00"))


def test_every_rule_has_a_unique_id_and_a_clause(ukp: Agreement) -> None:
    ids = [ukp.meals.rule, ukp.rest.forced_call.rule]
    for name in ("day", "weekly"):
        rules = ukp.rules_for(name)
        ids.append(rules.minimum_call_rule)
        if rules.weekly_overtime_after is not None:
            ids.append(rules.weekly_overtime_rule)
        for bands in rules.bands.values():
            ids.extend(band.rule for band in bands)
            assert all(band.clause for band in bands)
    assert all(ids) and len(ids) == len(set(ids))
    assert all(rule.startswith("ukp.") for rule in ids)


def test_oracle_long_day_pays_the_standard_day_and_overtime(ukp: Agreement) -> None:
    # 08:00 call, lunch 13:00-14:00 (on time: due 13:30), wrap 20:30: 11.5 h worked.
    # 10 h x 60.00 = 600.00; 1.5 h x 60.00 x 1.5 = 135.00. The second meal fell due 5.5 h
    # after lunch ended (19:30) and was not given before the 20:30 wrap: 60 minutes late,
    # two half-hour periods, 15.00 + 15.00. Total 600.00 + 135.00 + 30.00 = 765.00.
    pay = price_day(day_performer(), card(MONDAY, "08:00", "20:30", ("13:00", "14:00")), ukp)
    assert pay.worked_hours == D("11.5")
    found = kinds(pay.lines)
    assert found[PayKind.STRAIGHT] == gbp("600")
    assert found[PayKind.OVERTIME] == gbp("135")
    assert found[PayKind.MEAL_PENALTY] == gbp("30")
    assert pay.total == gbp("765.00")
    (overtime,) = [line for line in pay.lines if line.kind is PayKind.OVERTIME]
    assert overtime.rule == "ukp.day.overtime" and overtime.rate == gbp("60")


def test_oracle_late_lunch_costs_two_half_hour_penalties(ukp: Agreement) -> None:
    # Lunch due 5.5 h after an 08:00 call (13:30), taken at 14:15: 45 minutes late, two
    # half-hour periods begun: 15.00 + 15.00. Worked 08:00-19:15 less an hour: 10.25 h,
    # so 0.25 h overtime = 22.50. Total 600.00 + 22.50 + 30.00 = 652.50.
    pay = price_day(day_performer(), card(MONDAY, "08:00", "19:15", ("14:15", "15:15")), ukp)
    penalties = [line for line in pay.lines if line.kind is PayKind.MEAL_PENALTY]
    assert [line.amount for line in penalties] == [gbp("15.00"), gbp("15.00")]
    assert {line.rule for line in penalties} == {"ukp.meal_break"}
    assert pay.total == gbp("652.50")
    assert any(v.rule == "labour.meal_penalty" for v in pay.violations)


def test_oracle_short_day_is_topped_up_to_the_standard_day(ukp: Agreement) -> None:
    pay = price_day(day_performer(), card(MONDAY, "08:00", "12:00"), ukp)
    assert pay.worked_hours == 4
    assert kinds(pay.lines)[PayKind.GUARANTEE] == gbp("360")  # 6 h x 60.00
    assert pay.total == gbp("600.00")


def test_oracle_twelve_hour_rest_invaded_is_paid_at_time_and_a_half(ukp: Agreement) -> None:
    # Wrap 22:00, next call 08:00: 10 h rest of 12, 2 h invaded x 60.00 x 1.5 = 180.00.
    monday = card(MONDAY, "10:00", "22:00", ("15:00", "16:00"))
    tuesday = card(date(2027, 3, 23), "08:00", "18:00", ("13:00", "14:00"))
    assert end_of_duty(monday) == datetime(2027, 3, 22, 22, 0)
    week = price_week(day_performer(), [monday, tuesday], ukp)
    (forced,) = [line for line in week.lines if line.kind is PayKind.FORCED_CALL]
    assert (forced.day, forced.hours, forced.multiplier, forced.amount) == (
        tuesday.day, D(2), D("1.5"), gbp("180"))
    assert forced.rule == "ukp.rest_invasion"


def test_oracle_weekly_performer_week_with_a_sixth_day(ukp: Agreement) -> None:
    # 120.00 an hour. Monday-Friday 08:00-20:00 with half-hour lunch and tea breaks, both
    # on time, and 12 h rest between days: 11 h worked a day, 10 h straight (1200.00) + 1 h
    # at 1.5x (180.00). Saturday 08:00-19:00 (10 h worked) is the sixth day: 10 h x 120.00 x
    # 1.5 = 1800.00. 50 straight hours: no weekly overtime. 5 x 1380.00 + 1800.00 = 8700.00.
    days = [card(date(2027, 3, 22 + n), "08:00", "20:00", ("13:00", "13:30"),
                 ("17:30", "18:00"), person="NELL") for n in range(5)]
    days.append(card(date(2027, 3, 27), "08:00", "19:00", ("13:00", "14:00"), person="NELL"))
    week = price_week(weekly_performer(), days, ukp)
    assert [day.kind for day in week.days] == [DayKind.REGULAR] * 5 + [DayKind.SIXTH]
    found = kinds(week.lines)
    assert found[PayKind.STRAIGHT] == gbp("6000")
    assert found[PayKind.OVERTIME] == gbp("900") + gbp("1800")
    assert PayKind.WEEKLY_OVERTIME not in found
    assert PayKind.MEAL_PENALTY not in found and PayKind.FORCED_CALL not in found
    assert week.total == gbp("8700.00")


def test_a_dollar_deal_is_refused(ukp: Agreement) -> None:
    from lynchpin.engine.errors import InputError

    deal = Deal(person="KEITH", position="Performer", agreement="uk-performer",
                rate=Money(D("600"), "USD"), basis=Basis.DAILY, guaranteed_hours=D(10))
    with pytest.raises(InputError, match="not in GBP"):
        price_day(deal, card(MONDAY, "08:00", "18:00"), ukp)
