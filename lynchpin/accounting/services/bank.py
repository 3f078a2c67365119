"""Importing bank and card statement lines from CSV, idempotently.

Lines are kept for reconciliation (they post nothing to the ledger: costs are coded by the
invoices, payroll and petty cash that explain them). A line whose external id is already
stored for the production is skipped, so the same file imported twice adds nothing, and an
overlapping statement adds only its new lines. A file with any bad line adds nothing and is
refused naming every bad line.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.db import transaction

from lynchpin.accounting.adapters.bank_csv import BankCsvErrors, read_bank_csv
from lynchpin.accounting.models import BankImport, BankLine, LedgerBook
from lynchpin.accounting.services.posting import writer
from lynchpin.core.audit import audit_record
from lynchpin.core.errors import Invalid
from lynchpin.core.uploads import check_upload_size
from lynchpin.engine.errors import InputError

__all__ = ["bank_csv_import"]

_CHUNK = 500


def _lines_or_invalid(content: bytes, file_name: str) -> list[Any]:
    try:
        return read_bank_csv(content, source=file_name)
    except BankCsvErrors as exc:
        raise Invalid(f"{file_name}: nothing imported: {exc.message}",
                      fields={"file": list(exc.problems)}) from exc
    except InputError as exc:
        raise Invalid(f"Nothing imported: {exc}", fields={"file": [str(exc)]}) from exc


def _known_ids(production_id: int, ids: list[str]) -> set[str]:
    """The ids of `ids` already stored (queried in chunks: databases cap query parameters)."""
    known: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        known.update(
            BankLine.objects.filter(
                production_id=production_id, external_id__in=ids[start:start + _CHUNK]
            ).values_list("external_id", flat=True)
        )
    return known


@transaction.atomic
def bank_csv_import(
    *, actor: Any, production_id: int, file_name: str, content: bytes
) -> BankImport:
    """Import the statement lines of a CSV file (format: adapters.bank_csv), skipping those
    already imported. Requires POST_LEDGER. Returns the batch with `lines_read` and
    `lines_added`. Raises Invalid for a file over the upload limit, an unreadable file or
    header, or bad lines (each named in ``fields["file"]``); nothing is saved then."""
    membership = writer(actor, production_id)
    check_upload_size(len(content))
    name = (file_name or "statement.csv").strip()[:255]
    lines = _lines_or_invalid(content, name)
    production = membership.production
    book, _ = LedgerBook.objects.get_or_create(
        production_id=production.pk, defaults={"currency": production.currency})
    LedgerBook.objects.select_for_update().filter(pk=book.pk).first()  # one import at a time
    known = _known_ids(production_id, [line.external_id for line in lines])
    new = []
    for line in lines:  # a bank id repeated within the file counts once
        if line.external_id not in known:
            known.add(line.external_id)
            new.append(line)
    batch = BankImport.objects.create(
        production_id=production_id, file_name=name,
        sha256=hashlib.sha256(content).hexdigest(), imported_by=actor,
        lines_read=len(lines), lines_added=len(new),
    )
    BankLine.objects.bulk_create(
        BankLine(production_id=production_id, batch=batch, line=ln.line, date=ln.date,
                 description=ln.description, reference=ln.reference, amount=ln.amount,
                 currency=book.currency, external_id=ln.external_id)
        for ln in new
    )
    audit_record(actor=actor, action="bank_import.create", target=batch,
                 production_id=production_id,
                 changes={"lines_read": [None, len(lines)], "lines_added": [None, len(new)]})
    return batch
