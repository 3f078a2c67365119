"""Schemathesis against /api/v1/openapi.json: no operation answers 500.

Every operation of the schema is called in-process (the WSGI application, in the test's
database transaction) with cases Schemathesis generates from the schema: valid ones
(positive mode) and ones that break it (negative mode: wrong types, missing fields, bad
enums). Authentication is a personal token of the producer of the demo production (script
imported, crew and cast with deal memos), so the generated calls reach the services rather
than stopping at 401/404: ``production_id`` and the other ids the schema names are fixed to
rows of that production in half the cases and generated freely in the rest.

Bounded: about `BUDGET` cases in all, shared out over the operations (2 to 6 per operation
and mode), so the test stays well under a minute as the API grows;
``LYNCHPIN_API_FUZZ_EXAMPLES=N`` runs N per operation and mode for a deeper search.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.signals import got_request_exception, request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from lynchpin.api.services import api_token_create
from lynchpin.demo import build_demo
from tests.django_support import PASSWORD

pytestmark = pytest.mark.django_db

#: Generated cases in all, both modes and every operation together.
BUDGET = 700
SCHEMA_PATH = "/api/v1/openapi.json"


#: The exception behind the last 500, for the failure report (the page says only "error").
LAST_EXCEPTION: list[str] = []


def _remember_exception(sender: Any, request: Any = None, **kwargs: Any) -> None:
    error = sys.exc_info()[1]
    LAST_EXCEPTION[:] = [f"{type(error).__name__}: {error}"] if error else []


@pytest.fixture
def wsgi_app() -> Iterator[Any]:
    """The WSGI application, keeping the test's database connection between requests.

    Django closes a connection that is in a transaction at the end of each request; the
    test client avoids that the same way (`django.test.client.ClientHandler`).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    got_request_exception.connect(_remember_exception)
    try:
        yield get_wsgi_application()
    finally:
        got_request_exception.disconnect(_remember_exception)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _known_ids(production_id: int) -> dict[str, int]:
    """Path parameter name -> the id of a real row of the demo production (first of each)."""
    from django.apps import apps

    ids = {"production_id": production_id}
    for model in apps.get_models():
        if not model.__module__.startswith("lynchpin."):
            continue
        field_names = {field.name for field in model._meta.get_fields()}
        if "production" not in field_names:
            continue
        row = model._default_manager.filter(production_id=production_id).order_by("pk").first()
        if row is not None:
            ids.setdefault(f"{model._meta.model_name}_id", row.pk)
    return ids


def _strategy(operation: Any, mode: GenerationMode, known: dict[str, int]) -> Any:
    """Cases with the operation's known ids fixed, or-ed with freely generated cases."""
    names = {param.name for param in operation.path_parameters}
    fixed = {name: value for name, value in known.items() if name in names}
    free = operation.as_strategy(generation_mode=mode)
    return st.one_of(operation.as_strategy(generation_mode=mode, path_parameters=fixed), free)


def _examples(operations: int) -> int:
    """Cases per operation and mode: LYNCHPIN_API_FUZZ_EXAMPLES, else `BUDGET` shared out."""
    fixed = os.environ.get("LYNCHPIN_API_FUZZ_EXAMPLES")
    if fixed:
        return int(fixed)
    return max(2, min(6, BUDGET // (2 * max(operations, 1))))


def _fuzz(operation: Any, mode: GenerationMode, known: dict[str, int], app: Any,
          headers: dict[str, str], examples: int) -> str | None:
    """Run `examples` cases of `operation`: None, or the first (shrunk) 5xx with the
    request that reproduces it."""

    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              phases=(Phase.explicit, Phase.generate), suppress_health_check=list(HealthCheck))
    @given(case=_strategy(operation, mode, known))
    def run(case: Any) -> None:
        LAST_EXCEPTION.clear()
        response = case.call(app=app, headers=headers)
        assert response.status_code < 500, (
            f"{case.method} {case.formatted_path} ({mode.value}) answered "
            f"{response.status_code}: {' '.join(LAST_EXCEPTION) or response.text[:300]}\n"
            f"{case.as_curl_command(headers=headers)}"
        )

    try:
        run()
    except AssertionError as failure:
        return str(failure).split("\nassert ")[0]
    return None


def _demo_and_token() -> tuple[Any, dict[str, str]]:
    """The demo production and the Authorization header of a token of its producer."""
    demo = build_demo(password=lambda: PASSWORD)
    producer = get_user_model().objects.get(username=demo.users[0].username)
    _, key = api_token_create(actor=producer, name="fuzz")
    return demo, {"Authorization": f"Bearer {key}"}


def test_no_operation_answers_500(wsgi_app: Any) -> None:
    demo, headers = _demo_and_token()
    schema = schemathesis.openapi.from_wsgi(SCHEMA_PATH, wsgi_app)
    known = _known_ids(demo.production_id)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 5  # the productions router alone has more
    examples = _examples(len(operations))
    failures = [
        failure
        for operation in operations
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        if (failure := _fuzz(operation, mode, known, wsgi_app, headers, examples)) is not None
    ]
    assert not failures, f"{len(failures)} operation(s) answered 5xx:\n\n" + "\n\n".join(failures)


#: An id no database row can have: past the signed 64-bit range of every primary key.
HUGE_ID = 2**64


def _paths_with(path: str, known: dict[str, int]) -> list[str]:
    """`path` with every id past the 64-bit range, and with only the non-production ids so."""
    names = re.findall(r"\{(\w+)\}", path)
    variants = [{name: HUGE_ID for name in names},
                {name: known.get(name, HUGE_ID) if name == "production_id" else HUGE_ID
                 for name in names}]
    return sorted({path.format(**values) for values in variants if names})


def test_ids_past_the_database_range_are_not_found(client: Client) -> None:
    """Every operation with an id in its path answers a 4xx, never a 500, for an id that
    cannot exist (SQLite cannot even bind an integer past 64 bits: OverflowError).
    Random generation hits such ids only by luck, so every operation is tried."""
    demo, headers = _demo_and_token()
    api = Client(headers=headers, raise_request_exception=False)
    schema = client.get(SCHEMA_PATH).json()
    failures = []
    for path, item in schema["paths"].items():
        for url in _paths_with(path, {"production_id": demo.production_id}):
            for method in item:
                response = api.generic(method.upper(), url, "{}", "application/json")
                if response.status_code >= 500:
                    failures.append(f"{method.upper()} {url}: {response.status_code}")
    assert not failures, "\n".join(failures)
