"""The confidentiality crawl: as a coordinator, department head, crew and cast member, GET
every people page and every people API response and find no deal amount (in any format),
no deal-term key and no vendor tax id. A producer's crawl DOES find them, which shows that
the crawl would notice a leak.

Pages come from lynchpin.people.urls (every pattern, every object of the fixture); API paths
from the OpenAPI schema (every GET under /people/), so a new page or endpoint is crawled
without editing this test.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.urls import reverse

from lynchpin.api.root import api
from lynchpin.core.roles import Role
from lynchpin.people import urls as people_urls
from tests.people.conftest import TAX_ID, People, all_money_strings

pytestmark = pytest.mark.django_db

#: Keys that carry deal terms; none may appear in a response for a role without VIEW_MONEY.
DEAL_KEYS = {"rate", "kit_rental", "allowances", "guaranteed_hours", "basis", "agreement",
             "overtime_exempt", "performer_class", "deal", "salary"}
NON_MONEY_ROLES = [Role.COORDINATOR, Role.DEPARTMENT_HEAD, Role.CREW, Role.CAST]
_PARAM = re.compile(r"{(\w+)}")


def _ids(people: People) -> dict[str, list[int]]:
    return {
        "production_id": [people.pid],
        "contact_id": [c.pk for c in people.contacts.values()],
        "vendor_id": [people.vendor.pk],
        "engagement_id": [e.pk for e in people.engagements.values()],
    }


def _fill(names: list[str], ids: dict[str, list[int]]) -> Iterator[dict[str, int]]:
    for values in itertools.product(*(ids[name] for name in names)):
        yield dict(zip(names, values, strict=True))


def page_urls(people: People) -> list[str]:
    """Every people page for every object of the fixture, plus the dashboard."""
    ids = _ids(people)
    urls = [reverse("productions:dashboard", kwargs={"production_id": people.pid})]
    for pattern in people_urls.urlpatterns:
        names = ["production_id", *pattern.pattern.converters]
        for kwargs in _fill(names, ids):
            urls.append(reverse(f"people:{pattern.name}", kwargs=kwargs))
    urls.append(reverse("people:crew", kwargs={"production_id": people.pid})
                + "?department=Camera")
    return urls


def api_urls(people: People) -> list[str]:
    """Every GET of the people API for every object of the fixture."""
    schema = api.get_openapi_schema()
    ids = _ids(people)
    urls = []
    for path, operations in schema["paths"].items():
        if "/people/" not in path or "get" not in operations:
            continue
        for kwargs in _fill(_PARAM.findall(path), ids):
            urls.append(path.format(**kwargs) + "?limit=100")
    return urls


def _keys(value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key, item
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def leaks(text: str) -> set[str]:
    """The deal amounts and tax id found in `text`."""
    found = {amount for amount in all_money_strings() if amount in text}
    return found | ({TAX_ID} if TAX_ID in text else set())


def crawl(people: People, client_as: Callable[[Any], Any], role: Role) -> dict[str, Any]:
    """GET every page and API path as `role`: {url: response}."""
    client = client_as(people.team.user(role))
    return {url: client.get(url) for url in page_urls(people) + api_urls(people)}


@pytest.mark.parametrize("role", NON_MONEY_ROLES)
def test_no_money_anywhere_for_roles_without_money_rights(
    people: People, client_as: Callable[[Any], Any], role: Role
) -> None:
    responses = crawl(people, client_as, role)
    assert len(responses) > 40
    ok = [url for url, response in responses.items() if response.status_code == 200]
    assert ok, "the crawl must reach some pages"
    for url, response in responses.items():
        assert response.status_code in {200, 403, 405}, url
        text = response.content.decode()
        assert not leaks(text), (url, leaks(text))
        assert 'name="rate"' not in text, url
        if url.startswith("/api/"):
            bad = {key for key, value in _keys(json.loads(text))
                   if key in DEAL_KEYS or (key == "tax_id" and value is not None)}
            assert not bad, (url, bad)


def test_the_coordinator_crawl_reaches_every_list_and_card(
    people: People, client_as: Callable[[Any], Any]
) -> None:
    responses = crawl(people, client_as, Role.COORDINATOR)
    forbidden = sorted(url for url, r in responses.items() if r.status_code == 403)
    assert forbidden and all("deal" in url for url in forbidden)
    cards = [url for url in responses if re.search(r"/people/contacts/\d+/$", url)]
    assert len(cards) == 5 and all(responses[url].status_code == 200 for url in cards)


def test_a_producer_crawl_finds_the_money(
    people: People, client_as: Callable[[Any], Any]
) -> None:
    responses = crawl(people, client_as, Role.PRODUCER)
    found = set().union(*(leaks(r.content.decode()) for r in responses.values()))
    assert {"5,187.00", "613.25", "71.1234", "9,342.50", "43.21", "57.75", TAX_ID} <= found
