"""Re-pricing from a schedule feed: the preview lists every change; applying does exactly it.

The feeds are made by hand (the schedules app will pass the engine's ScheduleFeed).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lynchpin.budgets import selectors, services
from lynchpin.budgets.models import BudgetGlobal
from lynchpin.core.errors import Conflict, Forbidden, Invalid
from lynchpin.core.models import AuditEntry
from lynchpin.core.roles import Role
from lynchpin.engine.budgeting.schedule_feed import CastDays, ScheduleFeed
from tests.budgets.conftest import BudgetSetup

pytestmark = pytest.mark.django_db
D = Decimal


def _preview(setup: BudgetSetup, feed, actor=None):
    return services.budget_reprice_preview(
        actor=actor or setup.team.producer, production_id=setup.production_id,
        budget_id=setup.version.pk, feed=feed)


def test_preview_lists_every_changed_line_and_saves_nothing(setup: BudgetSetup) -> None:
    result = _preview(setup, {"SHOOT_DAYS": D(25), "CAST_NELL_WORK": D(3)})
    preview = result.preview
    assert [(g.name, g.old, g.new) for g in preview.globals] == [("SHOOT_DAYS", "20", D(25))]
    assert [(c.description, c.old_total, c.new_total) for c in preview.lines] == [
        ("Coordinator shoot", D(9600), D(12000))]
    assert preview.lines[0].line_id == setup.lines[1].pk
    assert preview.unused_keys == ("CAST_NELL_WORK",)
    assert preview.missing_keys == ("PREP_WEEKS", "WRAP_WEEKS")
    assert preview.new_grand_total - preview.old_grand_total == D(2400)
    assert BudgetGlobal.objects.get(budget=setup.version, name="SHOOT_DAYS").value == "20"


def test_apply_sets_the_fed_globals_and_reprices(setup: BudgetSetup) -> None:
    feed = ScheduleFeed(shoot_days=25, prep_weeks=D("2.5"), cast=(CastDays("c-1", work=3),))
    revision = _preview(setup, feed).revision
    applied = services.budget_reprice_from_schedule(
        actor=setup.team.user(Role.ACCOUNTANT), production_id=setup.production_id,
        budget_id=setup.version.pk, feed=feed, expected_revision=revision)
    assert len(applied.preview.lines) == 1
    values = dict(BudgetGlobal.objects.filter(budget=setup.version)
                  .values_list("name", "value"))
    assert (values["SHOOT_DAYS"], values["PREP_WEEKS"], values["WRAP_WEEKS"]) == ("25", "2.5", "0")
    total = selectors.budget_topsheet(actor=setup.team.producer,
                                      production_id=setup.production_id,
                                      budget_id=setup.version.pk).grand_total
    assert total == D("120630.43") + D(2400)
    entry = AuditEntry.objects.filter(action="budget.reprice_from_schedule").get()
    assert entry.changes["SHOOT_DAYS"] == ["20", "25"]
    assert entry.changes["lines_changed"] == [None, 1]
    assert "CAST_C_1_WORK" in applied.preview.unused_keys


def test_apply_refuses_a_stale_preview(setup: BudgetSetup) -> None:
    revision = _preview(setup, {"SHOOT_DAYS": D(25)}).revision
    line = setup.lines[2]
    services.budget_line_update(actor=setup.team.producer, production_id=setup.production_id,
                                line_id=line.pk, expected_version=line.version, rate="1")
    with pytest.raises(Conflict) as raised:
        services.budget_reprice_from_schedule(
            actor=setup.team.producer, production_id=setup.production_id,
            budget_id=setup.version.pk, feed={"SHOOT_DAYS": D(25)}, expected_revision=revision)
    assert "preview again" in raised.value.message


def test_only_schedule_fed_globals_follow_the_feed(setup: BudgetSetup) -> None:
    services.global_set(actor=setup.team.producer, production_id=setup.production_id,
                        budget_id=setup.version.pk, name="DAYS_PLUS", value="=SHOOT_DAYS + 1")
    services.global_set(actor=setup.team.producer, production_id=setup.production_id,
                        budget_id=setup.version.pk, name="LOC_HARBOUR_DAYS", value="4")
    preview = _preview(setup, {"SHOOT_DAYS": D(20), "LOC_HARBOUR_DAYS": D(9)}).preview
    assert preview.globals == () and preview.lines == ()
    assert preview.unused_keys == ("LOC_HARBOUR_DAYS",)


def test_bad_feed_values_are_refused(setup: BudgetSetup) -> None:
    with pytest.raises(Invalid) as raised:
        _preview(setup, {"SHOOT_DAYS": 2.5})
    assert set(raised.value.fields) == {"SHOOT_DAYS"}


def test_preview_needs_money_and_apply_needs_edit(setup: BudgetSetup) -> None:
    with pytest.raises(Forbidden):
        _preview(setup, {"SHOOT_DAYS": D(1)}, actor=setup.team.user(Role.COORDINATOR))
    with pytest.raises(Forbidden):
        services.budget_reprice_from_schedule(
            actor=setup.team.user(Role.DEPARTMENT_HEAD), production_id=setup.production_id,
            budget_id=setup.version.pk, feed={"SHOOT_DAYS": D(1)})


def _summary(setup: BudgetSetup, feed, actor=None):
    return services.budget_reprice_summary(
        actor=actor or setup.team.producer, production_id=setup.production_id, feed=feed)


def test_summary_is_the_previews_totals_shared_across_processes(setup: BudgetSetup,
                                                                 monkeypatch) -> None:
    from lynchpin.budgets.adapters import cache
    from lynchpin.budgets.services import schedule

    feed = {"SHOOT_DAYS": D(27)}
    preview = _preview(setup, feed).preview
    summary = _summary(setup, feed)
    assert (summary.old_grand_total, summary.new_grand_total, summary.lines) == (
        preview.old_grand_total, preview.new_grand_total, len(preview.lines))
    assert summary.new_grand_total - summary.old_grand_total == D(2400) * 7 / 5
    assert summary.revision == setup.version.revision

    def priced_nowhere(*args, **kwargs):
        raise AssertionError("priced again")

    cache.forget_all()  # as another process would start: nothing priced in memory
    monkeypatch.setattr(schedule, "schedule_preview", priced_nowhere)
    assert _summary(setup, feed) == summary
    with pytest.raises(AssertionError):
        _summary(setup, {"SHOOT_DAYS": D(28)})  # another feed is priced


def test_summary_follows_a_budget_edit(setup: BudgetSetup) -> None:
    feed = {"SHOOT_DAYS": D(25)}
    before = _summary(setup, feed)
    assert before.lines == 1

    def set_shoot_days(**link) -> None:
        row = BudgetGlobal.objects.get(budget=setup.version, name="SHOOT_DAYS")
        services.global_set(actor=setup.team.producer, production_id=setup.production_id,
                            budget_id=setup.version.pk, name="SHOOT_DAYS", value="20",
                            expected_version=row.version, **link)

    set_shoot_days()  # no longer follows the schedule
    unlinked = _summary(setup, feed)
    assert unlinked.revision != before.revision
    assert (unlinked.lines, unlinked.new_grand_total) == (0, unlinked.old_grand_total)
    set_shoot_days(schedule_fed=True, feed_key="SHOOT_DAYS")
    assert _summary(setup, feed).new_grand_total == before.new_grand_total
    line = setup.lines[1]
    services.budget_line_update(actor=setup.team.producer, production_id=setup.production_id,
                                line_id=line.pk, expected_version=line.version, rate="500")
    assert _summary(setup, feed).new_grand_total != before.new_grand_total


def test_summary_needs_money_and_a_good_feed(setup: BudgetSetup) -> None:
    with pytest.raises(Forbidden):
        _summary(setup, {"SHOOT_DAYS": D(1)}, actor=setup.team.user(Role.COORDINATOR))
    _summary(setup, {"SHOOT_DAYS": D(2)})
    with pytest.raises(Invalid):
        _summary(setup, {"SHOOT_DAYS": 2.5})
