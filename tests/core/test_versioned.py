"""Optimistic concurrency: compare_and_set writes only over the version the editor read."""

from __future__ import annotations

import pytest

from lynchpin.core.errors import Conflict, NotFound
from lynchpin.productions.models import Production
from tests.django_support import make_production

pytestmark = pytest.mark.django_db


def test_compare_and_set_writes_and_bumps_the_version() -> None:
    production = make_production()
    production.title = "Renamed"
    production.compare_and_set(expected_version=1, fields=("title",))
    stored = Production.objects.get(pk=production.pk)
    assert (stored.title, stored.version, production.version) == ("Renamed", 2, 2)


def test_a_stale_write_is_a_conflict_and_changes_nothing() -> None:
    production = make_production()
    mine = Production.objects.get(pk=production.pk)
    theirs = Production.objects.get(pk=production.pk)
    theirs.title = "Their title"
    theirs.compare_and_set(expected_version=1, fields=("title",))
    mine.title = "My title"
    with pytest.raises(Conflict, match="changed by someone else since you opened it; reload"):
        mine.compare_and_set(expected_version=1, fields=("title",))
    assert Production.objects.get(pk=production.pk).title == "Their title"


def test_a_version_bump_without_fields_claims_the_aggregate() -> None:
    production = make_production()
    production.compare_and_set(expected_version=1)
    with pytest.raises(Conflict):
        Production.objects.get(pk=production.pk).compare_and_set(expected_version=1)


def test_a_deleted_row_is_not_found() -> None:
    production = make_production()
    Production.objects.filter(pk=production.pk).delete()
    with pytest.raises(NotFound):
        production.compare_and_set(expected_version=1, fields=("title",))


@pytest.mark.parametrize("field", ["version", "id", "no_such_field"])
def test_only_real_editable_columns_can_be_set(field: str) -> None:
    production = make_production()
    with pytest.raises(ValueError, match=field):
        production.compare_and_set(expected_version=1, fields=(field,))
