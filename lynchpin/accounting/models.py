"""The production ledger as rows: entries (append-only), purchase orders, periods, bank lines.

- `LedgerBook`: one per production; fixes the ledger's currency at the first posting and is
  the row every posting locks, so the postings of one production are checked one at a time.
- `LedgerEntry`: one posted engine entry (`lynchpin.engine.ledger.entries`): its fields in
  `payload`, the postings it made and the warnings it was posted with, exactly as the engine
  computed them when it passed every invariant. Never updated or deleted: a correction is a
  reversal (another entry).
- `PurchaseOrder`: the approval workflow around a PO: requested -> approved (the commitment
  is posted as a ledger entry) -> closed (the rest released by a ledger entry).
- `AccountingPeriod`: contiguous reporting periods; closing is cumulative and one-way.
- `BankImport` / `BankLine`: bank or card statement lines imported from CSV; the external id
  is unique per production, so importing the same file twice adds nothing.

Money is `DecimalField` with the ledger's currency beside it, never a float. Vendors are the
people app's `Vendor` rows when chosen from the list (`vendor`), and always by name as posted
(`vendor_name`: what the engine entry carries; a one-off supplier needs no Vendor row).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from lynchpin.core.models import ProductionScopedModel

__all__ = [
    "MONEY_DECIMALS",
    "MONEY_DIGITS",
    "AccountingPeriod",
    "BankImport",
    "BankLine",
    "LedgerBook",
    "LedgerEntry",
    "PurchaseOrder",
]

#: Money columns: up to 14 digits before the point and 4 after (amounts are entered with
#: at most 4 decimals; the engine keeps them exact).
MONEY_DIGITS = 18
MONEY_DECIMALS = 4


def _money_field(**kwargs: Any) -> models.DecimalField:  # type: ignore[type-arg]
    return models.DecimalField(max_digits=MONEY_DIGITS, decimal_places=MONEY_DECIMALS, **kwargs)


class AppendOnly(Exception):
    """An attempt to change or delete a ledger row (post a reversal instead)."""


class LedgerBook(ProductionScopedModel):
    """The production's ledger: its currency (the production's at the first posting) and the
    row each posting locks with SELECT ... FOR UPDATE."""

    production = models.OneToOneField(
        "productions.Production", on_delete=models.CASCADE, related_name="ledger_book"
    )
    currency = models.CharField(max_length=3)

    class Meta:
        constraints = (
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$"), name="accounting_book_currency_iso"
            ),
        )

    def __str__(self) -> str:
        return f"Ledger of {self.production} ({self.currency})"


class AccountingPeriod(ProductionScopedModel):
    """A reporting period, both ends inclusive. Periods follow each other without gaps;
    once `closed`, nothing dated on or before `end_date` can be posted."""

    start_date = models.DateField()
    end_date = models.DateField()
    closed = models.BooleanField(default=False)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ("end_date",)
        constraints = (
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="accounting_period_ends_after"
            ),
            models.UniqueConstraint(
                fields=("production", "end_date"), name="accounting_period_unique_end"
            ),
            models.CheckConstraint(
                condition=Q(closed=False) | Q(closed_at__isnull=False),
                name="accounting_period_closed_when",
            ),
        )

    def __str__(self) -> str:
        return f"{self.start_date:%d %b %Y} to {self.end_date:%d %b %Y}"

    def clean(self) -> None:
        """The period ends on or after it starts."""
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The period must end on or after its start."})


class LedgerEntry(ProductionScopedModel):
    """One posted entry. `payload` holds the engine entry's fields (amounts as decimal
    strings), `postings` what it posted (ACTUAL/COMMITTED per account) and `warnings` the
    invariants' warnings. `amount` is for listing: the entry's principal amount (a PO's or
    invoice's amount, a float, the receipts of an envelope, the positive lines of a journal,
    minus the original's for a reversal, minus the released balance for a PO close).

    Append-only: `save` refuses to change a stored row and `delete` refuses always.
    """

    class Kind(models.TextChoices):
        PO = "po", "Purchase order"
        PO_CLOSE = "po_close", "PO close"
        INVOICE = "invoice", "Invoice"
        PAYROLL = "payroll", "Payroll"
        PETTY_CASH = "petty_cash", "Petty cash"
        JOURNAL = "journal", "Journal entry"
        REVERSAL = "reversal", "Reversal"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    key = models.CharField(max_length=120, help_text="Idempotency key, unique per production")
    date = models.DateField()
    period = models.ForeignKey(
        AccountingPeriod, on_delete=models.PROTECT, null=True, blank=True, related_name="entries"
    )
    posted_at = models.DateTimeField(default=timezone.now)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    posted_by_label = models.CharField(max_length=150)
    reference = models.CharField(max_length=200, blank=True)
    memo = models.TextField(blank=True)
    account = models.CharField(max_length=40, blank=True, help_text="Empty when several")
    vendor_name = models.CharField(max_length=200, blank=True, help_text="As posted")
    vendor = models.ForeignKey(
        "people.Vendor", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="ledger_entries",
    )
    amount = _money_field()
    currency = models.CharField(max_length=3)
    payload = models.JSONField(encoder=DjangoJSONEncoder)
    postings = models.JSONField(default=list, encoder=DjangoJSONEncoder)
    warnings = models.JSONField(default=list, blank=True, encoder=DjangoJSONEncoder)
    reverses = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversed_by"
    )

    class Meta:
        ordering = ("-date", "-id")
        verbose_name_plural = "ledger entries"
        constraints = (
            models.UniqueConstraint(fields=("production", "key"), name="accounting_entry_key"),
            models.CheckConstraint(
                condition=Q(kind__in=["po", "po_close", "invoice", "payroll", "petty_cash",
                                      "journal", "reversal"]),
                name="accounting_entry_kind_known",
            ),
            models.CheckConstraint(
                condition=~Q(kind="reversal") | Q(reverses__isnull=False),
                name="accounting_reversal_names_entry",
            ),
        )
        indexes = (
            models.Index(fields=("production", "date"), name="accounting_entry_date"),
            models.Index(fields=("production", "kind"), name="accounting_entry_kind"),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reference or self.key} ({self.date})"

    @property
    def reversal(self) -> LedgerEntry | None:
        """The entry that reversed this one, or None."""
        try:
            return self.reversed_by  # type: ignore[no-any-return]
        except ObjectDoesNotExist:
            return None

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert only: a stored entry is never changed (post a reversal instead)."""
        if not self._state.adding:
            raise AppendOnly("Ledger entries are append-only: post a reversal instead.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        """Refused always: the ledger is append-only."""
        raise AppendOnly("Ledger entries are append-only: post a reversal instead.")


class PurchaseOrder(ProductionScopedModel):
    """A purchase order's approval workflow. Requesting commits nothing; approval posts the
    commitment (`entry`, engine key ``po-<number>``); closing posts a PO close (`close_entry`)
    releasing whatever has not been invoiced. The approver must not be the requester."""

    class State(models.TextChoices):
        REQUESTED = "requested", "Requested"
        APPROVED = "approved", "Approved"
        CLOSED = "closed", "Closed"

    number = models.PositiveIntegerField()
    key = models.CharField(max_length=120, help_text="Idempotency key of the request")
    state = models.CharField(max_length=10, choices=State.choices, default=State.REQUESTED)
    account = models.CharField(max_length=40)
    amount = _money_field()
    currency = models.CharField(max_length=3)
    vendor_name = models.CharField(max_length=200)
    vendor = models.ForeignKey(
        "people.Vendor", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="purchase_orders",
    )
    description = models.TextField(blank=True)
    set_code = models.CharField(max_length=40, blank=True)
    episode = models.CharField(max_length=40, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_by_label = models.CharField(max_length=150)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    entry = models.OneToOneField(
        LedgerEntry, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    close_entry = models.OneToOneField(
        LedgerEntry, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ("-number",)
        constraints = (
            models.UniqueConstraint(fields=("production", "number"), name="accounting_po_number"),
            models.UniqueConstraint(fields=("production", "key"), name="accounting_po_key"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="accounting_po_positive"),
            models.CheckConstraint(
                condition=Q(state__in=["requested", "approved", "closed"]),
                name="accounting_po_state_known",
            ),
            models.CheckConstraint(
                condition=Q(state="requested") | Q(entry__isnull=False),
                name="accounting_po_approved_has_entry",
            ),
        )

    def __str__(self) -> str:
        return f"PO {self.number:04d} {self.vendor_name}"

    @property
    def ledger_key(self) -> str:
        """The key of the commitment in the ledger (invoices name it)."""
        return f"po-{self.number:04d}"


class BankImport(ProductionScopedModel):
    """One uploaded statement file: how many lines it held and how many were new."""

    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    lines_read = models.PositiveIntegerField(default=0)
    lines_added = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("-created", "-id")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.lines_added} new of {self.lines_read})"


class BankLine(ProductionScopedModel):
    """A bank or card statement line (negative `amount` = money out). `external_id` is the
    bank's transaction id, or a digest of the line when the file has none."""

    batch = models.ForeignKey(BankImport, on_delete=models.CASCADE, related_name="lines")
    line = models.PositiveIntegerField(help_text="Line number in the file it came from")
    date = models.DateField()
    description = models.CharField(max_length=300)
    reference = models.CharField(max_length=120, blank=True)
    amount = _money_field()
    currency = models.CharField(max_length=3)
    external_id = models.CharField(max_length=120)

    class Meta:
        ordering = ("-date", "-id")
        constraints = (
            models.UniqueConstraint(
                fields=("production", "external_id"), name="accounting_bankline_external_id"
            ),
        )

    def __str__(self) -> str:
        return f"{self.date} {self.description} {self.amount} {self.currency}"
