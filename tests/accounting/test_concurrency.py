"""Postings of one production run one at a time (the ledger book row is locked), so two
people spending the same petty cash float at the same moment cannot together exceed it.

Needs real concurrent transactions: PostgreSQL only (SQLite serialises writers anyway).
"""

from __future__ import annotations

import threading
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection, connections

from lynchpin.accounting import services
from lynchpin.accounting.models import LedgerEntry
from lynchpin.core.errors import Invalid
from tests.accounting.conftest import DAY
from tests.django_support import make_team

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def test_two_envelopes_at_once_cannot_exceed_the_float(basis: Any) -> None:
    team = make_team()
    pid = team.production.pk
    cash = services.petty_cash_float_post(actor=team.producer, production_id=pid, key="float",
                                          date=DAY, custodian="Coordinator",
                                          amount=Decimal("100"))
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def spend(actor: Any, key: str) -> None:
        try:
            start.wait()
            services.petty_cash_post(actor=actor, production_id=pid, key=key, date=DAY,
                                     float_id=cash.pk,
                                     receipts=[{"account": "4001", "amount": "70"}])
            outcomes.append("posted")
        except Invalid as exc:
            outcomes.append("refused" if "ledger.float_exceeded" in exc.message else exc.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=spend, args=(team.user(role), role))
               for role in ("producer", "accountant")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["posted", "refused"]
    assert LedgerEntry.objects.filter(production_id=pid, kind="petty_cash").count() == 2
