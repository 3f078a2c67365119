"""Adapters: cells as text, rows <-> engine budget round trips, the pricing cache."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lynchpin.budgets import services
from lynchpin.budgets.adapters import (
    cell_from_text,
    cell_text,
    checked_cell,
    load_budget,
    priced_budget,
)
from lynchpin.budgets.adapters.cache import forget_all
from lynchpin.budgets.adapters.extras import extras_from_json, extras_to_json
from lynchpin.budgets.models import BudgetVersion
from lynchpin.core.errors import Invalid
from lynchpin.engine.budgeting.budget_file import read_budget
from lynchpin.engine.budgeting.model import Formula
from lynchpin.engine.budgeting.totals import price_budget
from tests.budgets.conftest import BudgetSetup
from tests.django_support import Team
from tests.documents.budget_sample import SMALL_TOML

SAMPLE = Path("lynchpin/samples/the-night-ferry.budget.toml")


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("412.50", Decimal("412.50")),
        (" 12 ", Decimal(12)),
        ("-3", Decimal(-3)),
        ("=5", Formula("5")),
        ("SHOOT_DAYS", Formula("SHOOT_DAYS")),
        ("= SHOOT_DAYS / 5 ", Formula("SHOOT_DAYS / 5")),
        ("1+2", Formula("1+2")),
        ("1_000", Formula("1_000")),
        ("NaN", Formula("NaN")),
    ],
)
def test_cells_read_as_a_spreadsheet_would(text: str, cell: object) -> None:
    assert cell_from_text(text) == cell


@given(st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False),
    st.from_regex(r"[A-Z_][A-Z0-9_]{0,8}( [-+*/] [0-9]{1,3})?", fullmatch=True).map(Formula),
))
def test_every_cell_survives_its_stored_text(cell: Decimal | Formula) -> None:
    assert cell_from_text(cell_text(cell)) == cell


def test_checked_cell_names_the_field_and_the_token() -> None:
    assert checked_cell("SHOOT_DAYS*2", field="amount") == "=SHOOT_DAYS*2"
    with pytest.raises(Invalid) as raised:
        checked_cell("SHOOT_DAYS ** 2", field="rate")
    assert set(raised.value.fields) == {"rate"}
    assert "**" in raised.value.message or "operator" in raised.value.message
    with pytest.raises(Invalid):
        checked_cell("  ", field="x")


def test_extras_round_trip_every_engine_table() -> None:
    budget = read_budget(SMALL_TOML)
    again = extras_from_json(extras_to_json(budget))
    for name in ("units", "people", "groups", "charges", "incentives"):
        assert again[name] == getattr(budget, name)
    assert dict(again["exchange_rates"]) == dict(budget.exchange_rates)


@pytest.mark.django_db
@pytest.mark.parametrize("source", ["small", "sample"])
def test_rows_round_trip_a_whole_budget(team: Team, source: str) -> None:
    text = SMALL_TOML if source == "small" else SAMPLE.read_text(encoding="utf-8")
    budget = read_budget(text)
    version = services.budget_import(actor=team.producer, production_id=team.production.pk,
                                     name=budget.version or "Imported", budget=budget)
    loaded = load_budget(BudgetVersion.objects.get(pk=version.pk), title=budget.title)
    assert loaded.budget == budget
    assert price_budget(loaded.budget).grand_total == price_budget(budget).grand_total
    assert len(loaded.line_ids) == len(price_budget(budget).lines)


@pytest.mark.django_db
def test_import_links_schedule_named_globals(team: Team) -> None:
    budget = read_budget(SAMPLE.read_text(encoding="utf-8"))
    version = services.budget_import(actor=team.producer, production_id=team.production.pk,
                                     name="Draft", budget=budget)
    fed = dict(version.globals.filter(schedule_fed=True).values_list("name", "feed_key"))
    assert fed["SHOOT_DAYS"] == "SHOOT_DAYS"
    assert fed["CAST_NELL_WORK"] == "CAST_NELL_WORK"
    assert "OVERTIME" not in fed and "SHOOT_WEEKS" not in fed


@pytest.mark.django_db
def test_cache_answers_only_for_the_current_revision(setup: BudgetSetup) -> None:
    version = BudgetVersion.objects.get(pk=setup.version.pk)
    first = priced_budget(version, title="T")
    assert priced_budget(version, title="T") is first
    services.budget_line_update(
        actor=setup.team.producer, production_id=setup.production_id,
        line_id=setup.lines[2].pk, expected_version=setup.lines[2].version, rate="1600")
    fresh = BudgetVersion.objects.get(pk=setup.version.pk)
    after = priced_budget(fresh, title="T")
    assert after is not first
    assert after.pricing.grand_total - first.pricing.grand_total == Decimal(100)
    forget_all()
    assert price_budget(priced_budget(fresh, title="T").budget).grand_total == (
        after.pricing.grand_total)
