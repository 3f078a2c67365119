"""Chart-of-accounts templates load as empty, consistent budgets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lynchpin.engine.budgeting import templates
from lynchpin.engine.budgeting.model import Level
from lynchpin.engine.budgeting.templates import load_fringe_table, load_template, template_names
from lynchpin.engine.budgeting.totals import price_budget
from lynchpin.engine.errors import DomainError


def test_bundled_templates() -> None:
    assert template_names() == ("commercial-aicp", "episodic", "feature", "short")


@pytest.mark.parametrize("name", ["commercial-aicp", "episodic", "feature", "short"])
def test_each_template_is_an_empty_consistent_budget(name: str) -> None:
    budget = load_template(name, currency="EUR")
    codes = [account.code for _, account in budget.accounts()]
    assert len(codes) == len(set(codes)) > 10
    assert all(not account.lines for _, account in budget.accounts())
    pricing = price_budget(budget)
    assert pricing.violations == ()
    assert pricing.grand_total == 0
    for category in budget.categories:
        assert category.fringe_account is None or category.fringe_account in codes


def test_feature_template_runs_from_story_to_fringes() -> None:
    budget = load_template("feature")
    assert (budget.categories[0].code, budget.categories[0].name) == ("1100", "Story & Rights")
    assert budget.categories[-1].code == "7900"
    assert {c.level for c in budget.categories} == set(Level)
    fringe_homes = {c.level: c.fringe_account for c in budget.categories}
    assert fringe_homes[Level.ABOVE_THE_LINE] == "1901"
    assert fringe_homes[Level.PRODUCTION] == "4901"


def test_aicp_sections_run_a_to_p() -> None:
    codes = [c.code for c in load_template("commercial-aicp").categories]
    assert codes == list("ABCDEFGHIJKLMNOP")


def test_every_data_file_cites_a_source() -> None:
    folder = Path(templates.__file__).parent
    for path in folder.glob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["source"]


def test_payroll_table_and_unknown_names() -> None:
    fringes = {f.id: f for f in load_fringe_table("us-payroll-2024")}
    assert str(fringes["FICA-SS"].cutoff) == "168600"
    with pytest.raises(DomainError, match="no budget template"):
        load_template("../../etc/passwd")
    with pytest.raises(DomainError, match="fringe table"):
        load_template("us-payroll-2024")
