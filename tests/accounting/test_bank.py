"""Bank and card CSV import: idempotent, every bad line named, nothing saved on error."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import override_settings

from lynchpin.accounting import services
from lynchpin.accounting.adapters.bank_csv import BankCsvErrors, read_bank_csv
from lynchpin.accounting.models import BankImport, BankLine
from lynchpin.core.errors import Forbidden, Invalid
from lynchpin.engine.errors import InputError
from tests.django_support import Team

STATEMENT = (
    b"Date,Description,Amount,Reference\n"
    b"2025-03-03,Clyde Camera Hire,-4750.00,PO 0001\n"
    b"2025-03-03,Cafe Ferry,-12.50,\n"
    b"2025-03-03,Cafe Ferry,-12.50,\n"
    b'2025-03-04,Refund,"1,200.00",R-9\n'
)


def test_lines_get_stable_ids_and_identical_lines_stay_distinct() -> None:
    first, again = read_bank_csv(STATEMENT), read_bank_csv(STATEMENT)
    assert [line.external_id for line in first] == [line.external_id for line in again]
    assert len({line.external_id for line in first}) == 4
    assert first[3].amount == Decimal("1200.00")
    assert [line.line for line in first] == [2, 3, 4, 5]


def test_the_bank_id_column_is_the_external_id() -> None:
    lines = read_bank_csv(b"\xef\xbb\xbfid,date,description,amount\nTX-1,2025-03-03,A,-1\n")
    assert lines[0].external_id == "TX-1"


def test_every_bad_line_is_named() -> None:
    text = b"date,description,amount\n2025-03-03,A,x\n2025-13-01,B,1\n\n2025-03-03,,1\n"
    with pytest.raises(BankCsvErrors) as bad:
        read_bank_csv(text, source="march.csv")
    assert bad.value.problems == (
        "line 2: amount: not a number: 'x'",
        "line 3: date: expected YYYY-MM-DD, found '2025-13-01'",
        "line 5: description: empty",
    )


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"when,what\n", r"lacks the column\(s\) date, description, amount"),
    (b"\xff\xfe\x00", "not UTF-8"),
])
def test_unreadable_files_are_refused(content: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_bank_csv(content)


@pytest.mark.django_db
def test_importing_the_same_file_twice_adds_nothing(books: Team) -> None:
    pid, accountant = books.production.pk, books.user("accountant")
    first = services.bank_csv_import(actor=accountant, production_id=pid,
                                     file_name="march.csv", content=STATEMENT)
    assert (first.lines_read, first.lines_added) == (4, 4)
    rows = list(BankLine.objects.filter(production=books.production).values_list(
        "external_id", "amount"))
    second = services.bank_csv_import(actor=accountant, production_id=pid,
                                      file_name="march.csv", content=STATEMENT)
    assert (second.lines_read, second.lines_added) == (4, 0)
    assert list(BankLine.objects.filter(production=books.production).values_list(
        "external_id", "amount")) == rows


@pytest.mark.django_db
def test_an_overlapping_statement_adds_only_its_new_lines(books: Team) -> None:
    pid, accountant = books.production.pk, books.user("accountant")
    services.bank_csv_import(actor=accountant, production_id=pid, file_name="a.csv",
                             content=STATEMENT)
    more = STATEMENT + b"2025-03-05,Fuel,-60.00,\n"
    batch = services.bank_csv_import(actor=accountant, production_id=pid, file_name="b.csv",
                                     content=more)
    assert batch.lines_added == 1
    assert BankLine.objects.filter(production=books.production).count() == 5


@pytest.mark.django_db
def test_a_file_with_bad_lines_imports_nothing(books: Team) -> None:
    bad = STATEMENT + b"2025-03-05,Fuel,sixty,\n"
    with pytest.raises(Invalid) as refused:
        services.bank_csv_import(actor=books.producer, production_id=books.production.pk,
                                 file_name="bad.csv", content=bad)
    assert refused.value.fields["file"] == ("line 6: amount: not a number: 'sixty'",)
    assert not BankImport.objects.exists() and not BankLine.objects.exists()


@pytest.mark.django_db
@override_settings(LYNCHPIN_MAX_UPLOAD_BYTES=100)
def test_files_over_the_upload_limit_are_refused(books: Team) -> None:
    with pytest.raises(Invalid) as refused:
        services.bank_csv_import(actor=books.producer, production_id=books.production.pk,
                                 file_name="big.csv", content=STATEMENT)
    assert "file" in refused.value.fields


@pytest.mark.django_db
def test_the_same_lines_in_another_production_are_its_own(books: Team) -> None:
    services.bank_csv_import(actor=books.producer, production_id=books.production.pk,
                             file_name="a.csv", content=STATEMENT)
    other = services.bank_csv_import(actor=books.outsider,
                                     production_id=books.other_production.pk,
                                     file_name="a.csv", content=STATEMENT)
    assert other.lines_added == 4


@pytest.mark.django_db
def test_coordinators_cannot_import(books: Team) -> None:
    with pytest.raises(Forbidden):
        services.bank_csv_import(actor=books.user("coordinator"),
                                 production_id=books.production.pk, file_name="a.csv",
                                 content=STATEMENT)
