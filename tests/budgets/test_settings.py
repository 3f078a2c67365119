"""A version's settings: contractual charges, incentives, groups, people and exchange rates
(services, selector and page)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lynchpin.budgets import selectors, services
from lynchpin.budgets.models import BudgetVersion
from lynchpin.core.audit import AuditEntry
from lynchpin.core.errors import Conflict, Forbidden, Invalid, NotFound
from lynchpin.core.roles import Role
from tests.budgets.conftest import BudgetSetup

pytestmark = pytest.mark.django_db

GRAND = Decimal("120630.43")  # the fixture budget's grand total (conftest)


def _set(setup: BudgetSetup, key: str, item_id: str, actor: Any = None,
         expected: str | None = None, **fields: Any) -> dict[str, Any]:
    return services.budget_setting_set(
        actor=actor or setup.team.producer, production_id=setup.production_id,
        budget_id=setup.version.pk, key=key, item_id=item_id, fields=fields,
        expected=expected)


def _items(setup: BudgetSetup, key: str) -> list[selectors.SettingItem]:
    return selectors.budget_settings(actor=setup.team.producer,
                                     production_id=setup.production_id,
                                     budget_id=setup.version.pk)[key]


def _topsheet(setup: BudgetSetup) -> selectors.TopSheet:
    return selectors.budget_topsheet(actor=setup.team.producer,
                                     production_id=setup.production_id,
                                     budget_id=setup.version.pk)


def test_a_contingency_charge_is_added_priced_and_changed(setup: BudgetSetup) -> None:
    _set(setup, "charges", "CONT", name="Contingency", kind="percent", rate="10",
         excluded_accounts="1101")
    sheet = _topsheet(setup)
    base = GRAND - Decimal("98765.43")
    assert [(c.id, c.base, c.amount) for c in sheet.charges] == [
        ("CONT", base, base / 10)]
    assert sheet.grand_total == GRAND + base / 10
    item = _items(setup, "charges")[0]
    assert item.fields["excluded_accounts"] == ["1101"] and item.amount == base / 10
    _set(setup, "charges", "CONT", expected=item.token, name="Contingency", kind="flat",
         rate="5000")
    assert _topsheet(setup).grand_total == GRAND + 5000
    entries = AuditEntry.objects.filter(action="budget_charges.set").order_by("id")
    assert [e.changes.get("rate") for e in entries] == [[None, "10"], ["10", "5000"]]


def test_a_stale_token_or_a_taken_id_is_a_conflict(setup: BudgetSetup) -> None:
    _set(setup, "groups", "OPT", name="Optional")
    token = _items(setup, "groups")[0].token
    _set(setup, "groups", "OPT", expected=token, name="Optional scenes")
    with pytest.raises(Conflict):
        _set(setup, "groups", "OPT", expected=token, name="Mine")
    with pytest.raises(Conflict):
        _set(setup, "groups", "OPT", name="Added twice")
    with pytest.raises(NotFound):
        _set(setup, "groups", "GONE", expected=token, name="x")
    assert _items(setup, "groups")[0].fields["name"] == "Optional scenes"


@pytest.mark.parametrize(("key", "fields", "field"), [
    ("charges", {"name": "C", "kind": "percent", "rate": "abc"}, "rate"),
    ("charges", {"name": "C", "kind": "percent", "rate": "5000"}, "rate"),
    ("charges", {"name": "C", "kind": "sometimes", "rate": "1"}, "kind"),
    ("charges", {"name": "C", "rate": "1", "excluded_accounts": "9999"}, "excluded_accounts"),
    ("charges", {"name": "C", "rate": 1.5}, "rate"),
    ("incentives", {"name": "I", "percent": "25"}, "accounts"),
    ("incentives", {"name": "I", "percent": "125", "categories": "2300"}, "percent"),
    ("incentives", {"name": "I", "percent": "25", "categories": "2300", "cap": "-1"}, "cap"),
    ("people", {"name": "Ann", "ytd_wages": "-5"}, "ytd_wages"),
    ("exchange_rates", {"rate": "0"}, "rate"),
    ("groups", {"name": "x" * 121}, "name"),
])
def test_bad_values_name_the_field_and_change_nothing(setup: BudgetSetup, key: str,
                                                      fields: dict[str, Any],
                                                      field: str) -> None:
    revision = setup.version.revision
    with pytest.raises(Invalid) as error:
        _set(setup, key, "EUR" if key == "exchange_rates" else "X1", **fields)
    assert field in error.value.fields
    version = BudgetVersion.objects.get(pk=setup.version.pk)
    assert version.extras == {} and version.revision == revision


def test_ids_are_checked(setup: BudgetSetup) -> None:
    for key, item_id in [("charges", ""), ("charges", "a b"), ("exchange_rates", "EURO"),
                         ("exchange_rates", "usd")]:
        with pytest.raises(Invalid) as error:
            _set(setup, key, item_id, rate="1")
        assert "id" in error.value.fields, (key, item_id)
    with pytest.raises(NotFound):
        _set(setup, "shifts", "DAY", name="x")


def test_an_incentive_lowers_the_net_total_only(setup: BudgetSetup) -> None:
    _set(setup, "incentives", "CREDIT", name="Tax credit", percent="25", accounts="2301",
         cap="1000")
    sheet = _topsheet(setup)
    assert sheet.grand_total == GRAND
    assert sheet.net_total == GRAND - 1000
    assert [(i.id, i.amount) for i in sheet.incentives] == [("CREDIT", Decimal(1000))]


def test_a_persons_ytd_wages_use_up_the_fringe_cut_off(setup: BudgetSetup) -> None:
    before = _topsheet(setup).grand_total
    # FICA-SS stops at its wage base: wages paid this year already count against it.
    _set(setup, "people", "ann", name="Ann", ytd_wages="1000000")
    assert _topsheet(setup).grand_total < before


def test_an_exchange_rate_prices_a_foreign_line(setup: BudgetSetup) -> None:
    producer, pid = setup.team.producer, setup.production_id
    _set(setup, "exchange_rates", "gbp", rate="1.25")
    services.budget_line_add(actor=producer, production_id=pid, account_id=setup.rights.pk,
                             description="London rights", unit="Flat", rate="1000",
                             currency="GBP")
    assert _topsheet(setup).grand_total == GRAND + Decimal("1250")
    with pytest.raises(Invalid, match="still used by 1101 line 2"):
        services.budget_setting_delete(
            actor=producer, production_id=pid, budget_id=setup.version.pk,
            key="exchange_rates", item_id="GBP", expected=_items(setup, "exchange_rates")[0]
            .token)
    with pytest.raises(Invalid) as error:
        _set(setup, "exchange_rates", "USD", rate="1")  # the budget's own currency
    assert "id" in error.value.fields


def test_an_excluded_group_counts_zero_and_a_used_group_stays(setup: BudgetSetup) -> None:
    producer, pid = setup.team.producer, setup.production_id
    _set(setup, "groups", "OPT", name="Optional")
    services.budget_line_add(actor=producer, production_id=pid, account_id=setup.rights.pk,
                             description="Option", unit="Flat", rate="500", groups=["OPT"])
    assert _topsheet(setup).grand_total == GRAND + 500
    _set(setup, "groups", "OPT", expected=_items(setup, "groups")[0].token, name="Optional",
         excluded=True)
    assert _topsheet(setup).grand_total == GRAND
    with pytest.raises(Invalid, match="still used"):
        services.budget_setting_delete(actor=producer, production_id=pid,
                                       budget_id=setup.version.pk, key="groups",
                                       item_id="OPT", expected=_items(setup, "groups")[0].token)


def test_a_units_hours_price_flat_fringes_and_defaults_come_back(setup: BudgetSetup) -> None:
    producer, pid, bid = setup.team.producer, setup.production_id, setup.version.pk
    services.fringe_set(actor=producer, production_id=pid, budget_id=bid, code="MEAL",
                        name="Meal money", kind="flat", rate="2", per="hour")
    services.budget_line_add(actor=producer, production_id=pid, account_id=setup.rights.pk,
                             description="Driver", amount="5", unit="Day", rate="100",
                             fringes=["MEAL"])
    # 5 days of 12 hours (the default Day) at 2 an hour, then of 10 hours
    assert _topsheet(setup).grand_total == GRAND + 500 + 120
    _set(setup, "units", "Day", hours="10")
    assert _topsheet(setup).grand_total == GRAND + 500 + 100
    with pytest.raises(Conflict):
        _set(setup, "units", "DAY", hours="8")  # the same unit, whatever its case
    token = _items(setup, "units")[0].token
    _set(setup, "units", "day", expected=token, hours="11")
    assert [(i.id, i.fields["hours"]) for i in _items(setup, "units")] == [("Day", "11")]
    services.budget_setting_delete(actor=producer, production_id=pid, budget_id=bid,
                                   key="units", item_id="Day",
                                   expected=_items(setup, "units")[0].token)
    assert _topsheet(setup).grand_total == GRAND + 500 + 120  # the default again
    _set(setup, "units", "Shift", hours="8")
    services.budget_line_add(actor=producer, production_id=pid, account_id=setup.rights.pk,
                             description="Night driver", amount="1", unit="Shift", rate="90",
                             fringes=["MEAL"])
    assert _topsheet(setup).grand_total == GRAND + 500 + 120 + 90 + 16
    with pytest.raises(Invalid, match="still used"):
        services.budget_setting_delete(actor=producer, production_id=pid, budget_id=bid,
                                       key="units", item_id="Shift",
                                       expected=_items(setup, "units")[0].token)
    with pytest.raises(Invalid) as error:
        _set(setup, "units", "Stint", hours="0")
    assert "hours" in error.value.fields
    _set(setup, "units", "Lump")  # no hours: a unit without time
    assert _items(setup, "units")[1].fields == {"id": "Lump", "hours": None}


def test_delete_needs_the_current_token(setup: BudgetSetup) -> None:
    _set(setup, "charges", "BOND", name="Completion bond", rate="2")
    token = _items(setup, "charges")[0].token
    delete = services.budget_setting_delete
    kwargs = {"actor": setup.team.producer, "production_id": setup.production_id,
              "budget_id": setup.version.pk, "key": "charges", "item_id": "BOND"}
    with pytest.raises(Conflict):
        delete(**kwargs, expected="stale")
    delete(**kwargs, expected=token)
    assert _items(setup, "charges") == []
    assert BudgetVersion.objects.get(pk=setup.version.pk).extras == {}
    with pytest.raises(NotFound):
        delete(**kwargs, expected=token)


def test_rights_and_a_locked_version(setup: BudgetSetup) -> None:
    with pytest.raises(Forbidden):
        _set(setup, "charges", "C", actor=setup.team.user(Role.COORDINATOR), rate="1")
    with pytest.raises(NotFound):
        _set(setup, "charges", "C", actor=setup.team.outsider, rate="1")
    with pytest.raises(Forbidden):
        selectors.budget_settings(actor=setup.team.user(Role.COORDINATOR),
                                  production_id=setup.production_id,
                                  budget_id=setup.version.pk)
    services.budget_lock(actor=setup.team.producer, production_id=setup.production_id,
                         budget_id=setup.version.pk, expected_version=1)
    with pytest.raises(Conflict, match="locked"):
        _set(setup, "charges", "C", rate="1")


def test_a_copy_keeps_the_settings(setup: BudgetSetup) -> None:
    _set(setup, "charges", "CONT", name="Contingency", rate="10")
    copy = services.budget_version_copy(actor=setup.team.producer,
                                        production_id=setup.production_id,
                                        budget_id=setup.version.pk, name="Working")
    assert copy.extras["charges"][0]["id"] == "CONT"


_VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
                   st.lists(st.text(max_size=6), max_size=3),
                   st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2))
_FIELDS = ("name", "kind", "rate", "percent", "cap", "ytd_wages", "excluded", "hours", "accounts",
           "categories", "excluded_accounts", "excluded_categories")


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(list(services.SETTINGS)), item_id=st.text(max_size=8),
       fields=st.dictionaries(st.sampled_from(_FIELDS), _VALUES, max_size=6))
def test_any_input_is_stored_or_refused_with_a_message(setup: BudgetSetup, key: str,
                                                        item_id: str,
                                                        fields: dict[str, Any]) -> None:
    try:
        item = _set(setup, key, item_id, **fields)
    except (Invalid, Conflict) as error:
        assert error.message
    else:
        stored = {i.id: i.fields for i in _items(setup, key)}
        assert stored[item["id"]] == item
        assert _topsheet(setup).grand_total >= 0


# --- the page ------------------------------------------------------------------------------


def _page(setup: BudgetSetup) -> str:
    return reverse("budgets:settings", kwargs={"production_id": setup.production_id,
                                               "budget_id": setup.version.pk})


def test_page_adds_changes_and_deletes(setup: BudgetSetup, client_as) -> None:
    client = client_as(setup.team.user(Role.PRODUCTION_MANAGER))
    url = _page(setup)
    response = client.post(url, {"key": "charges", "id": "CONT", "name": "Contingency",
                                 "kind": "percent", "rate": "10", "excluded_accounts": ""})
    assert response.status_code == 302
    body = client.get(url).content.decode()
    assert 'id="charges-CONT"' in body and "12,063.04" in body  # 10 % of 120,630.43
    token = _items(setup, "charges")[0].token
    response = client.post(url, {"key": "charges", "id": "CONT", "token": token,
                                 "name": "Contingency", "kind": "percent", "rate": "5"})
    assert response.status_code == 302 and _items(setup, "charges")[0].fields["rate"] == "5"
    stale = client.post(url, {"key": "charges", "id": "CONT", "token": token,
                              "name": "Contingency", "kind": "percent", "rate": "7"})
    assert stale.status_code == 409 and "changed by someone else" in stale.content.decode()
    bad = client.post(url, {"key": "groups", "id": "OPT", "name": "x" * 200})
    assert bad.status_code == 400
    assert 'value="OPT"' in bad.content.decode()  # what was typed is kept
    unknown = client.post(url, {"key": "shifts", "id": "X"})
    assert unknown.status_code == 400 and "Unknown setting" in unknown.content.decode()
    token = _items(setup, "charges")[0].token
    deleted = client.post(reverse("budgets:setting_delete", kwargs={
        "production_id": setup.production_id, "budget_id": setup.version.pk,
        "key": "charges"}), {"id": "CONT", "token": token})
    assert deleted.status_code == 302 and _items(setup, "charges") == []


def test_page_checkbox_and_read_only_view(setup: BudgetSetup, client_as) -> None:
    producer = client_as(setup.team.producer)
    url = _page(setup)
    producer.post(url, {"key": "groups", "id": "OPT", "name": "Optional", "excluded": "on"})
    assert _items(setup, "groups")[0].fields["excluded"] is True
    token = _items(setup, "groups")[0].token
    producer.post(url, {"key": "groups", "id": "OPT", "name": "Optional", "token": token})
    assert _items(setup, "groups")[0].fields["excluded"] is False
    services.budget_lock(actor=setup.team.producer, production_id=setup.production_id,
                         budget_id=setup.version.pk, expected_version=1)
    body = producer.get(url).content.decode()
    assert 'id="groups-OPT"' in body and "<input" not in body.split("<main", 1)[-1].split(
        'id="groups"', 1)[-1]


def test_every_input_belongs_to_a_form_of_the_page(setup: BudgetSetup, client_as) -> None:
    # inputs of a table row name their form by id: the id must be a <form>'s, and unique
    for key, item_id, fields in [("charges", "CONT", {"rate": "10"}), ("groups", "OPT", {}),
                                 ("units", "Shift", {"hours": "8"})]:
        _set(setup, key, item_id, **fields)
    body = client_as(setup.team.producer).get(_page(setup)).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', body)
    forms = set(re.findall(r'<form id="([^"]+)"', body))
    owners = set(re.findall(r'\sform="([^"]+)"', body))
    assert len(ids) == len(set(ids))
    assert owners and owners <= forms
