"""The budgets API: isolation and roles on every endpoint, 409 on stale versions, the shapes."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from lynchpin.budgets.models import BudgetLine, BudgetVersion
from lynchpin.core.roles import Capability, Role
from tests.budgets.conftest import SECRET_RATE, BudgetSetup
from tests.django_support import roles_with, roles_without

pytestmark = pytest.mark.django_db
D = Decimal


def _base(setup: BudgetSetup) -> str:
    return f"/api/v1/productions/{setup.production_id}/budgets"


def _reads(setup: BudgetSetup) -> list[str]:
    base, bid = _base(setup), setup.version.pk
    copy, _ = BudgetVersion.objects.get_or_create(production=setup.team.production,
                                                  name="Other", defaults={"currency": "USD"})
    return [base, f"{base}/{bid}", f"{base}/{bid}/topsheet", f"{base}/{bid}/accounts",
            f"{base}/{bid}/lines", f"{base}/{bid}/lines?account_id={setup.account.pk}",
            f"{base}/{bid}/globals", f"{base}/{bid}/fringes", f"{base}/{bid}/settings",
            f"{base}/compare?ids={bid}&ids={copy.pk}"]


def _writes(setup: BudgetSetup) -> list[tuple[str, str, dict[str, Any]]]:
    base, bid, line = _base(setup), setup.version.pk, setup.lines[0]
    return [
        ("post", base, {"template": "short", "name": "New"}),
        ("post", f"{base}/{bid}/copy", {"name": "Copy"}),
        ("post", f"{base}/{bid}/lock", {"version": 1}),
        ("post", f"{base}/{bid}/lines", {"account_id": setup.account.pk, "description": "X"}),
        ("patch", f"{base}/{bid}/lines/{line.pk}", {"version": line.version, "rate": "1"}),
        ("delete", f"{base}/{bid}/lines/{line.pk}?version={line.version}", {}),
        ("post", f"{base}/{bid}/globals", {"name": "G", "value": "1"}),
        ("post", f"{base}/{bid}/fringes", {"code": "F", "name": "F", "rate": "1"}),
        ("post", f"{base}/{bid}/reprice/preview", {"feed": {"SHOOT_DAYS": "3"}}),
        ("put", f"{base}/{bid}/settings/charges/CONT", {"fields": {"rate": "10"}}),
        ("delete", f"{base}/{bid}/settings/charges/CONT?token=x", {}),
        ("post", f"{base}/{bid}/reprice/apply", {"feed": {"SHOOT_DAYS": "3"}}),
        ("delete", f"{base}/{bid}?version=1", {}),
    ]


def _send(client: Any, method: str, url: str, body: dict[str, Any]) -> Any:
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_outsider_gets_404_everywhere(setup: BudgetSetup, token_client) -> None:
    client = token_client(setup.team.outsider)
    for url in _reads(setup):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["error"]["code"] == "not_found"
    for method, url, body in _writes(setup):
        assert _send(client, method, url, body).status_code == 404, url


def test_roles_without_money_get_403_and_see_no_figure(setup: BudgetSetup, token_client) -> None:
    for role in roles_without(Capability.VIEW_MONEY):
        client = token_client(setup.team.user(role))
        for url in _reads(setup):
            response = client.get(url)
            assert response.status_code == 403, (role, url)
            assert SECRET_RATE not in response.content.decode()
        for method, url, body in _writes(setup):
            assert _send(client, method, url, body).status_code == 403, (role, method, url)


def test_money_roles_read_everything(setup: BudgetSetup, token_client) -> None:
    for role in roles_with(Capability.VIEW_MONEY):
        client = token_client(setup.team.user(role))
        for url in _reads(setup):
            assert client.get(url).status_code == 200, (role, url)


def test_topsheet_shape(setup: BudgetSetup, token_client) -> None:
    body = token_client(setup.team.producer).get(
        f"{_base(setup)}/{setup.version.pk}/topsheet").json()
    assert body["grand_total"] == "120630.43"
    assert body["budget"]["name"] == "Original"
    production = next(level for level in body["levels"] if level["level"] == "production")
    category = next(c for c in production["categories"] if c["code"] == "2300")
    account = next(a for a in category["accounts"] if a["code"] == "2301")
    assert (account["total"], account["lines"]) == ("21100.00", 3)
    assert {f["code"]: f["total"] for f in body["fringes"]} == {
        "FICA-SS": "620.00", "FICA-MED": "145.00", "FUTA": "0.00"}


def test_lines_are_paginated_and_priced(setup: BudgetSetup, token_client) -> None:
    client = token_client(setup.team.user(Role.ACCOUNTANT))
    url = f"{_base(setup)}/{setup.version.pk}/lines"
    page = client.get(url, {"limit": 2, "offset": 0}).json()
    assert page["count"] == 4 and len(page["items"]) == 2
    rest = client.get(url, {"limit": 2, "offset": 2}).json()["items"]
    by_name = {item["description"]: item for item in page["items"] + rest}
    shoot = by_name["Coordinator shoot"]
    assert (shoot["amount"], shoot["amount_value"], shoot["total"]) == (
        "=SHOOT_DAYS", "20", "9600.00")
    assert by_name["Coordinator prep"]["fringe_total"] == "765.00"
    assert page["items"][0]["description"] == "Rights"  # 1101 comes first in budget order


def test_two_clients_editing_one_line_get_one_409(setup: BudgetSetup, token_client) -> None:
    line = setup.lines[2]
    url = f"{_base(setup)}/{setup.version.pk}/lines/{line.pk}"
    ann = token_client(setup.team.producer)
    bob = token_client(setup.team.user(Role.ACCOUNTANT))
    first = _send(ann, "patch", url, {"version": line.version, "rate": "1600"})
    second = _send(bob, "patch", url, {"version": line.version, "rate": "1700"})
    assert (first.status_code, second.status_code) == (200, 409)
    assert second.json()["error"]["code"] == "conflict"
    assert "reload" in second.json()["error"]["message"]
    assert first.json()["line"]["version"] == line.version + 1
    assert first.json()["totals"]["accounts"]["2301"] == "21200.00"
    assert first.json()["totals"]["grand_total"] == "120730.43"
    assert BudgetLine.objects.get(pk=line.pk).rate == "1600"


def test_patch_validation_names_fields(setup: BudgetSetup, token_client) -> None:
    line = setup.lines[0]
    url = f"{_base(setup)}/{setup.version.pk}/lines/{line.pk}"
    response = _send(token_client(setup.team.producer), "patch", url,
                     {"version": line.version, "amount": "2 +", "fringes": ["NOPE"]})
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"amount", "fringes"}


def test_line_of_another_version_is_404(setup: BudgetSetup, token_client) -> None:
    client = token_client(setup.team.producer)
    other = _send(client, "post", _base(setup), {"template": "short", "name": "Other"}).json()
    line = setup.lines[0]
    url = f"{_base(setup)}/{other['id']}/lines/{line.pk}"
    assert _send(client, "patch", url, {"version": line.version, "rate": "1"}).status_code == 404


def test_versions_copy_lock_compare(setup: BudgetSetup, token_client) -> None:
    client, base, bid = token_client(setup.team.producer), _base(setup), setup.version.pk
    created = _send(client, "post", f"{base}/{bid}/copy", {"name": "Revision 1"})
    assert created.status_code == 201
    copy = created.json()
    locked = _send(client, "post", f"{base}/{bid}/lock", {"version": 1})
    assert locked.status_code == 200 and locked.json()["locked"]
    again = _send(client, "post", f"{base}/{bid}/lock", {"version": 1})
    assert again.status_code == 409
    line = BudgetLine.objects.get(budget_id=copy["id"], description="Tools")
    _send(client, "patch", f"{base}/{copy['id']}/lines/{line.pk}",
          {"version": line.version, "rate": "2500"})
    comparison = client.get(f"{base}/compare", {"ids": [bid, copy["id"]]}).json()
    assert comparison["versions"] == ["Original", "Revision 1"]
    row = next(r for r in comparison["rows"] if r["code"] == "2301")
    assert (row["totals"], row["variances"]) == (["21100.00", "22100.00"], ["1000.00"])
    assert comparison["grand_variances"] == ["1000.00"]
    one = client.get(f"{base}/compare", {"ids": [bid]})
    assert one.status_code == 400


def test_globals_fringes_and_reprice_over_the_api(setup: BudgetSetup, token_client) -> None:
    client, base, bid = token_client(setup.team.producer), _base(setup), setup.version.pk
    made = _send(client, "post", f"{base}/{bid}/globals", {"name": "OT", "value": "1.5"})
    assert made.status_code == 200 and made.json()["version"] == 1
    listed = {g["name"]: g for g in client.get(f"{base}/{bid}/globals").json()}
    assert listed["OT"]["computed"] == "1.5" and listed["SHOOT_DAYS"]["schedule_fed"]
    fringe = _send(client, "post", f"{base}/{bid}/fringes",
                   {"code": "WC", "name": "Comp", "kind": "flat", "rate": "2", "per": "day"})
    assert fringe.status_code == 200 and fringe.json()["total"] is None
    preview = _send(client, "post", f"{base}/{bid}/reprice/preview",
                    {"feed": {"SHOOT_DAYS": "25", "LOC_X_DAYS": "2"}}).json()
    assert preview["lines"][0]["new_total"] == "12000.00"
    assert preview["unused_keys"] == ["LOC_X_DAYS"]
    applied = _send(client, "post", f"{base}/{bid}/reprice/apply",
                    {"feed": {"SHOOT_DAYS": "25"}, "revision": preview["revision"]})
    assert applied.status_code == 200 and applied.json()["new_grand_total"] == "123030.43"
    stale = _send(client, "post", f"{base}/{bid}/reprice/apply",
                  {"feed": {"SHOOT_DAYS": "30"}, "revision": preview["revision"]})
    assert stale.status_code == 409


def test_settings_over_the_api(setup: BudgetSetup, token_client) -> None:
    client, base, bid = token_client(setup.team.producer), _base(setup), setup.version.pk
    url = f"{base}/{bid}/settings/charges/CONT"
    made = _send(client, "put", url, {"fields": {"name": "Contingency", "rate": "10",
                                                 "excluded_accounts": ["1101"]}})
    assert made.status_code == 200, made.content
    assert made.json()["fields"]["excluded_accounts"] == ["1101"]
    listed = client.get(f"{base}/{bid}/settings").json()
    assert set(listed) == {"charges", "incentives", "groups", "people", "exchange_rates",
                           "units"}
    charge = listed["charges"][0]
    assert charge["token"] == made.json()["token"] and charge["amount"] == "2186.50"
    assert _send(client, "put", url, {"fields": {"rate": "10"}}).status_code == 409  # taken
    changed = _send(client, "put", url, {"fields": {"rate": "5"}, "token": charge["token"]})
    assert changed.status_code == 200
    stale = _send(client, "put", url, {"fields": {"rate": "6"}, "token": charge["token"]})
    assert stale.status_code == 409
    bad = _send(client, "put", url, {"fields": {"rate": 2.5},
                                     "token": changed.json()["token"]})
    assert bad.status_code in (400, 422) and "rate" in bad.content.decode()
    assert _send(client, "put", f"{base}/{bid}/settings/shifts/DAY",
                 {"fields": {}}).status_code == 404
    assert client.delete(f"{url}?token=stale").status_code == 409
    assert client.delete(f"{url}?token={changed.json()['token']}").status_code == 204
    assert client.get(f"{base}/{bid}/settings").json()["charges"] == []


def test_add_and_delete_line(setup: BudgetSetup, token_client) -> None:
    client, base, bid = token_client(setup.team.producer), _base(setup), setup.version.pk
    added = _send(client, "post", f"{base}/{bid}/lines",
                  {"account_id": setup.account.pk, "description": "Driver", "amount": "3",
                   "unit": "Day", "rate": "300", "after_line_id": setup.lines[0].pk})
    assert added.status_code == 201
    line = added.json()["line"]
    assert (line["total"], line["order"]) == ("900.00", 1)
    stale = client.delete(f"{base}/{bid}/lines/{line['id']}?version=9")
    assert stale.status_code == 409
    gone = client.delete(f"{base}/{bid}/lines/{line['id']}?version=1")
    assert gone.status_code == 200 and gone.json()["grand_total"] == "120630.43"


def test_create_and_delete_version(setup: BudgetSetup, token_client) -> None:
    client, base = token_client(setup.team.producer), _base(setup)
    bad = _send(client, "post", base, {"template": "opera", "name": "X"})
    assert bad.status_code == 400 and "template" in bad.json()["error"]["fields"]
    made = _send(client, "post", base, {"template": "commercial-aicp", "name": "Spot"}).json()
    assert made["currency"] == "USD" and made["template"] == "commercial-aicp"
    assert client.delete(f"{base}/{made['id']}?version=1").status_code == 204
    assert client.get(f"{base}/{made['id']}").status_code == 404


HUGE = 2**64


def test_ids_no_row_can_have_are_refused_not_crashed(setup: BudgetSetup, token_client) -> None:
    client, base, bid = token_client(setup.team.producer), _base(setup), setup.version.pk
    line = setup.lines[0]
    for url in (f"{base}/{HUGE}", f"{base}/{HUGE}/topsheet", f"{base}/{bid}/lines/{HUGE}",
                f"{base}/compare?ids={bid}&ids={HUGE}", f"{base}/{bid}/lines?account_id={HUGE}"):
        assert 400 <= client.get(url).status_code < 500, url
    patch = _send(client, "patch", f"{base}/{bid}/lines/{line.pk}", {"version": HUGE, "rate": "1"})
    assert patch.status_code == 400 and "version" in patch.json()["error"]["fields"]
    assert client.delete(f"{base}/{bid}/lines/{line.pk}?version={HUGE}").status_code == 400


def test_numbers_too_large_to_compute_are_refused(setup: BudgetSetup, token_client) -> None:
    client, base, bid = token_client(setup.team.producer), _base(setup), setup.version.pk
    line = setup.lines[0]
    response = _send(client, "patch", f"{base}/{bid}/lines/{line.pk}",
                     {"version": line.version, "amount": "1E+999999", "x": "=1E+999999"})
    assert response.status_code == 400 and "too large" in response.json()["error"]["message"]
    assert BudgetLine.objects.get(pk=line.pk).amount == "5"
    made = _send(client, "post", f"{base}/{bid}/globals",
                 {"name": "SHOOT_DAYS", "value": "1E+999999", "version": 2})
    assert made.status_code == 400
    feed = _send(client, "post", f"{base}/{bid}/reprice/preview",
                 {"feed": {"SHOOT_DAYS": "1E+20"}})
    assert feed.status_code == 400 and "SHOOT_DAYS" in feed.json()["error"]["fields"]
    assert client.get(f"{base}/{bid}/topsheet").json()["grand_total"] == "120630.43"
