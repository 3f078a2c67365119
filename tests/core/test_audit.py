"""Audit entries: who, what, which target, field changes as [old, new]."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from lynchpin.core.audit import audit_record, changes_between, snapshot
from lynchpin.core.models import AuditEntry
from tests.django_support import make_production, make_user


def test_changes_between_lists_only_changed_fields() -> None:
    before = {"title": "A", "currency": "USD", "start_date": None}
    after = {"title": "B", "currency": "USD", "start_date": date(2025, 3, 3)}
    assert changes_between(before, after) == {
        "title": ["A", "B"],
        "start_date": [None, date(2025, 3, 3)],
    }


@pytest.mark.django_db
def test_audit_record_keeps_actor_label_and_json_values() -> None:
    actor = make_user("ann")
    production = make_production(producer=actor)
    entry = audit_record(
        actor=actor, action="test.touch", target=production, production_id=production.pk,
        changes={"rate": [Decimal("500.00"), Decimal("550.00")], "day": [None, date(2025, 1, 2)]},
    )
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert stored.actor_label == "ann"
    assert stored.target_type == "productions.production"
    assert stored.target_id == str(production.pk)
    assert stored.target_label == "The Night Ferry"
    assert stored.changes == {"rate": ["500.00", "550.00"], "day": [None, "2025-01-02"]}
    actor.delete()
    assert AuditEntry.objects.get(pk=entry.pk).actor_label == "ann"


@pytest.mark.django_db
def test_snapshot_reads_foreign_keys_as_ids() -> None:
    production = make_production()
    membership = production.memberships.get()
    assert snapshot(membership, ("role", "production")) == {
        "role": "producer",
        "production": production.pk,
    }
