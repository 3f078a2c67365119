"""Budget pages: isolation and roles on every page, forms, the no-JavaScript edit path,
downloads, and a coordinator's crawl that finds no budget figure."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any
from urllib.parse import urlparse

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lynchpin.budgets.models import BudgetGlobal, BudgetLine, BudgetVersion
from lynchpin.core.roles import Capability, Role
from tests.budgets.conftest import SECRET_RATE, SECRET_SHOWN, BudgetSetup
from tests.django_support import roles_with, roles_without
from tests.documents.budget_sample import SMALL_TOML

pytestmark = pytest.mark.django_db


def _url(setup: BudgetSetup, name: str, **kwargs: Any) -> str:
    return reverse(f"budgets:{name}", kwargs={"production_id": setup.production_id, **kwargs})


def _pages(setup: BudgetSetup) -> list[str]:
    bid = setup.version.pk
    return [
        _url(setup, "list"), _url(setup, "compare") + f"?v={bid}",
        _url(setup, "topsheet", budget_id=bid), _url(setup, "globals", budget_id=bid),
        _url(setup, "account", budget_id=bid, account_id=setup.account.pk),
        _url(setup, "fringes", budget_id=bid), _url(setup, "reprice", budget_id=bid),
        _url(setup, "settings", budget_id=bid),
        _url(setup, "export", budget_id=bid, fmt="csv"),
        _url(setup, "export", budget_id=bid, fmt="xlsx"),
    ]


def _posts(setup: BudgetSetup) -> list[tuple[str, dict[str, Any]]]:
    bid, line = setup.version.pk, setup.lines[0]
    cells = {"description": "X", "amount": "1", "unit": "Allow", "x": "1", "rate": "1"}
    return [
        (_url(setup, "create"), {"template": "short", "name": "New"}),
        (_url(setup, "copy", budget_id=bid), {"name": "Copy"}),
        (_url(setup, "lock", budget_id=bid), {"version": "1"}),
        (_url(setup, "line_add", budget_id=bid, account_id=setup.account.pk), cells),
        (_url(setup, "line_edit", budget_id=bid, line_id=line.pk),
         {**cells, "version": str(line.version), "account_id": str(setup.account.pk)}),
        (_url(setup, "line_delete", budget_id=bid, line_id=line.pk), {"version": "1"}),
        (_url(setup, "globals", budget_id=bid), {"name": "G", "value": "1"}),
        (_url(setup, "fringes", budget_id=bid),
         {"code": "F", "name": "F", "kind": "percent", "rate": "1", "per": "hour"}),
        (_url(setup, "reprice", budget_id=bid), {"feed_SHOOT_DAYS": "3"}),
        (_url(setup, "settings", budget_id=bid),
         {"key": "charges", "id": "CONT", "name": "Contingency", "kind": "percent",
          "rate": "10"}),
        (_url(setup, "setting_delete", budget_id=bid, key="charges"),
         {"id": "CONT", "token": "x"}),
        (_url(setup, "delete", budget_id=bid), {"version": "1"}),
    ]


def test_anonymous_visitors_are_sent_to_login(setup: BudgetSetup, client_as) -> None:
    for url in _pages(setup):
        response = client_as(None).get(url)
        assert response.status_code == 302 and response["Location"].startswith(
            reverse("login")), url


def test_outsiders_get_404_everywhere(setup: BudgetSetup, client_as) -> None:
    client = client_as(setup.team.outsider)
    for url in _pages(setup):
        response = client.get(url)
        assert response.status_code == 404, url
        assert SECRET_SHOWN not in response.content.decode(errors="replace")
    for url, data in _posts(setup):
        assert client.post(url, data).status_code == 404, url


def test_roles_without_money_get_403_everywhere(setup: BudgetSetup, client_as) -> None:
    for role in roles_without(Capability.VIEW_MONEY):
        client = client_as(setup.team.user(role))
        for url in _pages(setup):
            response = client.get(url)
            assert response.status_code == 403, (role, url)
            assert SECRET_SHOWN not in response.content.decode(errors="replace")
        for url, data in _posts(setup):
            assert client.post(url, data).status_code == 403, (role, url)
    assert BudgetLine.objects.filter(pk=setup.lines[0].pk).exists()


def test_money_roles_open_every_page(setup: BudgetSetup, client_as) -> None:
    for role in roles_with(Capability.VIEW_MONEY):
        client = client_as(setup.team.user(role))
        for url in _pages(setup):
            assert client.get(url).status_code == 200, (role, url)


def test_topsheet_and_account_show_the_figures(setup: BudgetSetup, client_as) -> None:
    client = client_as(setup.team.producer)
    top = client.get(_url(setup, "topsheet", budget_id=setup.version.pk)).content.decode()
    assert "120,630.43" in top and "21,100.00" in top and SECRET_SHOWN in top
    page = client.get(_url(setup, "account", budget_id=setup.version.pk,
                           account_id=setup.account.pk)).content.decode()
    assert 'value="=SHOOT_DAYS"' in page  # the formula as typed ...
    assert 'data-value="amount">20<' in page  # ... and its value
    assert 'id="account-total" data-account="2301">21,100.00' in page
    assert f'data-api="/api/v1/productions/{setup.production_id}/budgets/' in page


def test_topsheet_rows_link_each_account_and_escape_titles(setup: BudgetSetup,
                                                           client_as) -> None:
    from lynchpin.budgets.adapters.cache import forget_all
    from lynchpin.budgets.models import BudgetAccount

    BudgetAccount.objects.filter(pk=setup.account.pk).update(title='Crew <b>"A"</b> & B')
    forget_all()  # a title written behind the services' back
    top = client_as(setup.team.producer).get(
        _url(setup, "topsheet", budget_id=setup.version.pk)).content.decode()
    link = _url(setup, "account", budget_id=setup.version.pk, account_id=setup.account.pk)
    assert (f'<tr class="account"><td>2301</td><td><a href="{link}">Crew &lt;b&gt;&quot;A'
            '&quot;&lt;/b&gt; &amp; B</a></td><td class="num">3</td>'
            '<td class="num">21,100.00</td></tr>') in top
    assert '<tr class="category"><th scope="row">' in top and "<b>" not in top


def test_line_edit_without_javascript_and_its_409(setup: BudgetSetup, client_as) -> None:
    line, bid = setup.lines[2], setup.version.pk
    form = {"description": "Tools", "amount": "2", "unit": "Allow", "x": "1", "rate": "1500",
            "version": str(line.version), "account_id": str(setup.account.pk)}
    url = _url(setup, "line_edit", budget_id=bid, line_id=line.pk)
    saved = client_as(setup.team.producer).post(url, form)
    assert saved.status_code == 302 and saved["Location"].endswith(f"#line-{line.pk}")
    stale = client_as(setup.team.user(Role.PRODUCTION_MANAGER)).post(url, {**form, "rate": "9"})
    assert stale.status_code == 409
    assert "changed by someone else" in stale.content.decode()
    assert BudgetLine.objects.get(pk=line.pk).rate == "1500"
    bad = client_as(setup.team.producer).post(
        url, {**form, "version": str(line.version + 1), "amount": "2 **"})
    assert bad.status_code == 400 and "cannot read formula" in bad.content.decode()


def test_locked_version_shows_no_edit_controls(setup: BudgetSetup, client_as) -> None:
    client = client_as(setup.team.producer)
    client.post(_url(setup, "lock", budget_id=setup.version.pk), {"version": "1"})
    page = client.get(_url(setup, "account", budget_id=setup.version.pk,
                           account_id=setup.account.pk)).content.decode()
    assert "data-editable" not in page and "is locked" in page
    refused = client.post(_url(setup, "line_add", budget_id=setup.version.pk,
                               account_id=setup.account.pk),
                          {"description": "X", "amount": "1", "unit": "Allow", "x": "1",
                           "rate": "1"})
    assert refused.status_code == 409 and "locked" in refused.content.decode()


def test_create_import_copy_and_compare_pages(setup: BudgetSetup, client_as) -> None:
    client = client_as(setup.team.user(Role.ACCOUNTANT))
    made = client.post(_url(setup, "create"), {"template": "episodic", "name": "Episode 1"})
    assert made.status_code == 302
    upload = SimpleUploadedFile("small.toml", SMALL_TOML.encode(), "application/toml")
    imported = client.post(_url(setup, "import"), {"name": "Imported", "file": upload})
    assert imported.status_code == 302
    version = BudgetVersion.objects.get(name="Imported")
    assert version.currency == "USD" and version.lines.count() > 0
    broken = SimpleUploadedFile("bad.toml", b"title = 1\n", "application/toml")
    refused = client.post(_url(setup, "import"), {"name": "Bad", "file": broken})
    assert refused.status_code == 400 and "title" in refused.content.decode()
    copied = client.post(_url(setup, "copy", budget_id=setup.version.pk), {"name": "Rev 1"})
    assert copied.status_code == 302
    rev = BudgetVersion.objects.get(name="Rev 1")
    page = client.get(_url(setup, "compare"), {"v": [setup.version.pk, rev.pk]})
    assert page.status_code == 200 and "Variance" in page.content.decode()
    taken = client.post(_url(setup, "create"), {"template": "short", "name": "Rev 1"})
    assert taken.status_code == 400 and "Choose another name" in taken.content.decode()


def test_globals_and_fringes_pages(setup: BudgetSetup, client_as) -> None:
    client, bid = client_as(setup.team.producer), setup.version.pk
    added = client.post(_url(setup, "globals", budget_id=bid),
                        {"name": "OT", "value": "=SHOOT_DAYS / 10"})
    assert added.status_code == 302
    page = client.get(_url(setup, "globals", budget_id=bid)).content.decode()
    assert 'value="=SHOOT_DAYS / 10"' in page and ">2<" in page
    row = BudgetGlobal.objects.get(budget_id=bid, name="OT")
    stale = client.post(_url(setup, "globals", budget_id=bid),
                        {"name": "OT", "value": "3", "version": str(row.version + 1)})
    assert stale.status_code == 409
    fringe = client.post(_url(setup, "fringes", budget_id=bid),
                         {"code": "WC", "name": "Comp", "kind": "flat", "rate": "1.5",
                          "per": "day", "uses_ytd": "on"})
    assert fringe.status_code == 302
    assert "Comp" in client.get(_url(setup, "fringes", budget_id=bid)).content.decode()


def test_reprice_page_previews_then_applies(setup: BudgetSetup, client_as) -> None:
    client, url = client_as(setup.team.producer), _url(setup, "reprice", budget_id=setup.version.pk)
    form = client.get(url).content.decode()
    assert 'name="feed_SHOOT_DAYS"' in form and 'value="20"' in form
    preview = client.post(url, {"feed_SHOOT_DAYS": "25", "others": "CAST_1_WORK = 4"})
    text = preview.content.decode()
    assert preview.status_code == 200 and "Coordinator shoot" in text
    assert "9,600.00" in text and "12,000.00" in text and "CAST_1_WORK" in text
    revision = re.search(r'name="revision" value="([0-9a-f-]{36})"', text).group(1)
    applied = client.post(url, {"feed_SHOOT_DAYS": "25", "others": "CAST_1_WORK = 4;",
                                "revision": revision, "apply": "1"})
    assert applied.status_code == 302
    assert BudgetGlobal.objects.get(budget=setup.version, name="SHOOT_DAYS").value == "25"
    again = client.post(url, {"feed_SHOOT_DAYS": "30", "revision": revision, "apply": "1"})
    assert again.status_code == 409


def test_downloads(setup: BudgetSetup, client_as) -> None:
    client, bid = client_as(setup.team.producer), setup.version.pk
    csv = client.get(_url(setup, "export", budget_id=bid, fmt="csv"))
    assert csv["Content-Type"].startswith("text/csv")
    assert "Coordinator shoot" in csv.content.decode()
    assert "attachment" in csv["Content-Disposition"]
    xlsx = client.get(_url(setup, "export", budget_id=bid, fmt="xlsx"))
    assert xlsx.content[:2] == b"PK"
    pdf = client.get(_url(setup, "export", budget_id=bid, fmt="pdf"))
    assert pdf.content[:5] == b"%PDF-"
    assert client.get(_url(setup, "export", budget_id=bid, fmt="doc")).status_code == 404


def test_dashboard_and_navigation_show_the_budget_to_money_roles_only(
    setup: BudgetSetup, client_as
) -> None:
    dashboard = reverse("productions:dashboard", kwargs={"production_id": setup.production_id})
    producer = client_as(setup.team.producer).get(dashboard).content.decode()
    assert "120,630.43 USD" in producer and _url(setup, "list") in producer
    for role in roles_without(Capability.VIEW_MONEY):
        page = client_as(setup.team.user(role)).get(dashboard).content.decode()
        assert "120,630.43" not in page and _url(setup, "list") not in page


def _links(html: str, prefix: str) -> set[str]:
    found = set()
    for href in re.findall(r'href="([^"#]+)', html):
        path = urlparse(href).path
        if path.startswith(prefix) and "logout" not in path:
            found.add(path)
    return found


def test_a_coordinators_crawl_finds_no_budget_figure(setup: BudgetSetup, client_as) -> None:
    client = client_as(setup.team.user(Role.COORDINATOR))
    prefix = f"/productions/{setup.production_id}/"
    queue, seen = [prefix], set()
    secrets = (SECRET_SHOWN, SECRET_RATE, "120,630.43", "120630.43", "21,100.00", "21100")
    while queue and len(seen) < 150:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        body = response.content.decode(errors="replace")
        for secret in secrets:
            assert secret not in body, (url, secret)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            queue.extend(_links(body, prefix) - seen)
    assert len(seen) > 1
    assert not any(url.startswith(prefix + "budgets/") for url in seen - {prefix})
    for url in _pages(setup):  # typed in directly
        assert client.get(url).status_code == 403
    totals = Decimal("120630.43")
    assert totals  # the secrets above are this budget's real figures (conftest)
