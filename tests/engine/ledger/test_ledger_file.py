"""The ledger file: every entry kind, file order, key paths in errors, refused postings."""

from __future__ import annotations

import contextlib
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError
from lynchpin.engine.ledger.book import Ledger, PoStatus, PostingKind
from lynchpin.engine.ledger.entries import (
    Invoice,
    JournalAdjustment,
    PayrollPosting,
    PettyCashEnvelope,
    PettyCashFloat,
    PurchaseOrder,
    PurchaseOrderClose,
    Reversal,
)
from lynchpin.engine.ledger.ledger_file import read_ledger, read_ledger_header
from lynchpin.engine.money import Money

CHART = ["2100", "2200", "3100"]
HEAD = 'currency = "USD"\nchart = "test chart"\n'

EVERY_KIND = HEAD + """
periods_closed = [2026-03-06]

[[po]]
key = "po-1"
date = 2026-03-02
account = "2100"
amount = "25000.00"
vendor = "Camera House"

[[invoice]]
key = "inv-1"
date = 2026-03-03
account = "2100"
amount = 10000
vendor = "Camera House"
po = "po-1"

[[payroll]]
key = "pay-1"
date = 2026-03-06
account = "2200"
amount = "4200.50"

[[petty_cash]]
key = "float-1"
date = 2026-03-09
custodian = "Coordinator"
amount = "300"

[[petty_cash]]
key = "env-1"
date = 2026-03-10
float = "float-1"

[[petty_cash.receipts]]
account = "3100"
amount = "40.10"
description = "Drives"

[[petty_cash.receipts]]
account = "2200"
amount = "9.90"

[[journal]]
key = "je-1"
date = 2026-03-11

[[journal.lines]]
account = "2200"
amount = "-100"

[[journal.lines]]
account = "3100"
amount = "100"

[[po]]
key = "po-2"
date = 2026-03-11
account = "2200"
amount = "500"

[[po_close]]
key = "close-2"
date = 2026-03-12
po = "po-2"

[[reversal]]
key = "rev-1"
date = 2026-03-12
reverses = "pay-1"
"""


def usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


def read(text: str) -> Ledger:
    return read_ledger(text, source="test.toml", accounts=CHART)


def test_every_entry_kind_is_posted_in_file_order() -> None:
    ledger = read_ledger(EVERY_KIND, source="test.toml", accounts=CHART)
    kinds = [type(record.entry) for record in ledger.records]
    assert kinds == [PurchaseOrder, Invoice, PayrollPosting, PettyCashFloat, PettyCashEnvelope,
                     JournalAdjustment, PurchaseOrder, PurchaseOrderClose, Reversal]
    assert ledger.open_balance("po-1") == usd("15000")
    assert ledger.po_status("po-1") is PoStatus.PARTLY_INVOICED
    assert ledger.po_status("po-2") is PoStatus.CLOSED
    assert ledger.closed_through == date(2026, 3, 6)
    envelope = ledger.record("env-1")
    assert envelope is not None and isinstance(envelope.entry, PettyCashEnvelope)
    assert [r.amount for r in envelope.entry.receipts] == [usd("40.10"), usd("9.90")]
    actual_2200 = sum((p.amount.amount for p in ledger.postings()
                       if p.account == "2200" and p.kind is PostingKind.ACTUAL), Decimal(0))
    assert actual_2200 == Decimal("9.90") - 100  # payroll 4200.50 reversed to zero


def test_header_is_read() -> None:
    header = read_ledger_header(EVERY_KIND, source="t")
    assert (header.currency, header.chart, header.periods_closed) == (
        "USD", "test chart", (date(2026, 3, 6),))


def test_kinds_interleaved_keep_file_order() -> None:
    text = HEAD + """
[[invoice]]
key = "a"
date = 2026-03-02
account = "2100"
amount = "1"

[[po]]
key = "b"
date = 2026-03-02
account = "2100"
amount = "2"

[[invoice]]
key = "c"
date = 2026-03-02
account = "2100"
amount = "3"
po = "b"
"""
    ledger = read_ledger(text, accounts=CHART)
    assert [record.entry.key for record in ledger.records] == ["a", "b", "c"]


def _one_invoice(extra: str, amount: str = '"100"') -> str:
    invoice = (f'\n[[invoice]]\nkey = "i"\ndate = 2026-03-02\naccount = "2100"\n'
               f"amount = {amount}\n")
    return HEAD + invoice * 3 + invoice.replace('key = "i"', 'key = "j"') + extra


@pytest.mark.parametrize(
    ("text", "path", "words"),
    [
        (HEAD + '\n[[invoice]]\nkey = "i"\ndate = 2026-03-02\naccount = "2100"\namount = 12.5\n',
         "invoice[1].amount", "floats"),
        (HEAD + '\n[[po]]\nkey = "p"\ndate = "2026-03-02"\naccount = "2100"\namount = "1"\n',
         "po[1].date", "date"),
        (HEAD + '\n[[po]]\nkey = "p"\ndate = 2026-03-02\naccount = "2100"\n', "po[1].amount",
         "required"),
        (HEAD + '\n[[po]]\nkey = "p"\ndate = 2026-03-02\naccount = "2100"\namount = "x"\n',
         "po[1].amount", "expected an amount"),
        (HEAD + '\n[[po]]\nkey = "p"\ndate = 2026-03-02\naccount = "2100"\namount = "1"\n'
         'ammount = "2"\n', "po[1].ammount", "unknown key"),
        (HEAD + '\n[[journal]]\nkey = "j"\ndate = 2026-03-02\n\n[[journal.lines]]\n'
         'account = "2100"\namount = 1.0\n', "journal[1].lines[1].amount", "floats"),
        (HEAD + '\n[[petty_cash]]\nkey = "f"\ndate = 2026-03-02\n', "petty_cash[1]",
         "either a float"),
        (HEAD + '\n[[payroll]]\nkey = ""\ndate = 2026-03-02\naccount = "2100"\namount = "1"\n',
         "payroll[1].key", "empty"),
    ],
)
def test_bad_values_name_the_key_path(text: str, path: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        read(text)
    assert caught.value.field == path
    assert path in str(caught.value) and words in str(caught.value)
    assert caught.value.source == "test.toml"


def test_fourth_invoice_is_named_and_its_line_given() -> None:
    text = _one_invoice("").replace('key = "j"\ndate = 2026-03-02\naccount = "2100"\n'
                                     'amount = "100"', 'key = "j"\ndate = 2026-03-02\n'
                                     'account = "2100"\namount = 1.5')
    with pytest.raises(InputError) as caught:
        read(text)
    assert caught.value.field == "invoice[4].amount"
    header_line = text.splitlines().index("[[invoice]]", 0) + 1
    assert caught.value.line is not None and caught.value.line > header_line


def test_refused_posting_lists_every_violation() -> None:
    text = HEAD + ('\n[[invoice]]\nkey = "i"\ndate = 2026-03-02\naccount = "9999"\n'
                   'amount = "-5 EUR"\npo = "nope"\n')
    with pytest.raises(InputError) as caught:
        read(text)
    message = str(caught.value)
    assert caught.value.field == "invoice[1]"
    for rule in ("ledger.currency", "ledger.unknown_account", "ledger.negative_amount",
                 "ledger.unknown_po"):
        assert rule in message


def test_entry_backdated_into_a_closed_period_is_refused() -> None:
    text = HEAD + """periods_closed = [2026-03-06]

[[payroll]]
key = "late-week"
date = 2026-03-09
account = "2100"
amount = "1"

[[payroll]]
key = "back-dated"
date = 2026-03-05
account = "2100"
amount = "1"
"""
    with pytest.raises(InputError) as caught:
        read(text)
    assert caught.value.field == "payroll[2]"
    assert "ledger.closed_period" in str(caught.value)


def test_duplicate_key_with_other_content_is_refused_and_identical_is_idempotent() -> None:
    entry = '\n[[payroll]]\nkey = "p"\ndate = 2026-03-02\naccount = "2100"\namount = "{}"\n'
    ledger = read(HEAD + entry.format("5") + entry.format("5"))
    assert len(ledger.records) == 1
    with pytest.raises(InputError, match=r"ledger\.duplicate_key"):
        read(HEAD + entry.format("5") + entry.format("6"))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('currency = "USD"\n[[po]\n', "not valid TOML"),
        ('chart = "x"\n', "currency"),
        ('currency = "US"\n', "not a currency code"),
        ('currency = "USD"\nbudget = 3\n', "unknown key"),
        ('currency = "USD"\nperiods_closed = ["2026-03-01"]\n', "periods_closed"),
        ('currency = "USD"\npo = 3\n', "po: expected"),
        ('currency = "USD"\npo = [{key = "p"}]\n', "file order"),
    ],
)
def test_bad_files_raise_input_errors(text: str, words: str) -> None:
    with pytest.raises(InputError, match=words):
        read(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from('[]"=\n abc1.-#po'), max_size=200))
def test_junk_never_crashes(text: str) -> None:
    with contextlib.suppress(InputError):
        read(HEAD + text)
