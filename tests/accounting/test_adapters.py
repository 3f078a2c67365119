"""Adapters: entries survive the JSON payload exactly; the ledger rebuilt from stored rows is
the ledger the engine posted; PO states in one pass agree with the engine's po_status."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lynchpin.accounting.adapters.entries import entry_from_payload, entry_payload, kind_of
from lynchpin.accounting.adapters.ledger import (
    for_episode,
    ledger_from_rows,
    po_states,
    record_fields,
)
from lynchpin.engine.errors import InputError
from lynchpin.engine.ledger import entries as e
from lynchpin.engine.ledger.ledger import open_ledger, post_all
from lynchpin.engine.money import Money

DAY = dt.date(2025, 3, 3)


def usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


ENTRIES: list[e.Entry] = [
    e.PurchaseOrder(key="po-1", date=DAY, account="3001", amount=usd("1000"), vendor="Clyde",
                    set_code="FERRY", episode="1", reference="PO 0001", memo="camera"),
    e.Invoice(key="inv-1", date=DAY, account="3001", amount=usd("400.10"), vendor="Clyde",
              po_key="po-1"),
    e.Invoice(key="inv-2", date=DAY, account="3001", amount=usd("-20"), credit=True),
    e.PayrollPosting(key="pay-1", date=DAY, account="1002", amount=usd("1500"), episode="2"),
    e.PettyCashFloat(key="pc-1", date=DAY, custodian="Coordinator", amount=usd("500")),
    e.PettyCashEnvelope(key="pc-2", date=DAY, float_key="pc-1", receipts=(
        e.Receipt(account="4001", amount=usd("12.5"), vendor="Cafe", description="teas"),
        e.Receipt(account="3002", amount=usd("30"), episode="1"),
    )),
    e.JournalAdjustment(key="j-1", date=DAY, lines=(
        e.JournalLine(account="3001", amount=usd("-50")),
        e.JournalLine(account="3002", amount=usd("50"), set_code="DECK"),
    )),
    e.PurchaseOrderClose(key="po-1-close-1", date=DAY, po_key="po-1"),
    e.Reversal(key="rev-1", date=DAY + dt.timedelta(days=1), reverses="pay-1"),
]
ACCOUNTS = ["1002", "3001", "3002", "4001"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.key)
def test_every_kind_of_entry_survives_its_payload(entry: e.Entry) -> None:
    payload = entry_payload(entry)
    assert entry_from_payload(kind_of(entry), payload, "USD") == entry
    assert all(not isinstance(value, float) for value in payload.values())


@given(st.decimals(min_value=Decimal("-1e13"), max_value=Decimal("1e13"), places=4,
                   allow_nan=False, allow_infinity=False))
def test_amounts_survive_exactly(amount: Decimal) -> None:
    entry = e.JournalAdjustment(key="j", date=DAY, lines=(
        e.JournalLine(account="3001", amount=Money(amount, "USD")),))
    back = entry_from_payload("journal", entry_payload(entry), "USD")
    assert isinstance(back, e.JournalAdjustment)
    assert back.lines[0].amount.amount == amount


def test_a_payload_that_does_not_fit_its_kind_is_an_input_error() -> None:
    with pytest.raises(InputError):
        entry_from_payload("invoice", {"key": "x"}, "USD")
    with pytest.raises(InputError):
        entry_from_payload("gift", {}, "USD")


def _rows(ledger: object) -> list[dict[str, object]]:
    return [
        {"kind": kind_of(r.entry), "payload": entry_payload(r.entry), "currency": "USD",
         **record_fields(r)}
        for r in ledger.records  # type: ignore[attr-defined]
    ]


def test_the_ledger_rebuilt_from_rows_is_the_posted_ledger() -> None:
    posted = post_all(open_ledger(currency="USD", accounts=ACCOUNTS), ENTRIES)
    rebuilt = ledger_from_rows(_rows(posted), currency="USD", accounts=ACCOUNTS, closed=None)
    assert rebuilt.records == posted.records
    assert rebuilt.record("inv-1") == posted.record("inv-1")
    assert rebuilt.open_balance("po-1") == posted.open_balance("po-1")
    assert [w.rule for w in rebuilt.record("inv-2").warnings] == []  # type: ignore[union-attr]


def test_po_states_agree_with_the_engine() -> None:
    entries = [
        e.PurchaseOrder(key="a", date=DAY, account="3001", amount=usd("100")),
        e.PurchaseOrder(key="b", date=DAY, account="3001", amount=usd("100")),
        e.PurchaseOrder(key="c", date=DAY, account="3001", amount=usd("100")),
        e.PurchaseOrder(key="d", date=DAY, account="3001", amount=usd("100")),
        e.Invoice(key="ib", date=DAY, account="3001", amount=usd("40"), po_key="b"),
        e.Invoice(key="ic", date=DAY, account="3001", amount=usd("140"), po_key="c"),
        e.PurchaseOrderClose(key="cd", date=DAY, po_key="d"),
        e.Reversal(key="rcd", date=DAY, reverses="cd"),
        e.Reversal(key="rib", date=DAY, reverses="ib"),
    ]
    ledger = post_all(open_ledger(currency="USD", accounts=ACCOUNTS), entries)
    states = po_states(ledger)
    for key in "abcd":
        assert states[key].status == ledger.po_status(key), key
        assert states[key].open_balance == ledger.open_balance(key), key
    assert states["c"].invoiced == usd("140")
    assert states["b"].invoiced == usd("0")  # its invoice was reversed


def test_a_ledger_for_one_episode_keeps_only_its_postings() -> None:
    ledger = post_all(open_ledger(currency="USD", accounts=ACCOUNTS), ENTRIES)
    episode = for_episode(ledger, "1")
    assert {p.episode for p in episode.postings()} == {"1"}
    assert len(episode.records) == len(ledger.records)
