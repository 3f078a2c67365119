"""Budget versions and their rows: categories, accounts, detail lines, fringes, globals.

A `BudgetVersion` is one version of a production's budget (the locked original, a revision,
a scenario). Its rows hold exactly what people typed; number cells of lines and globals are
text (``"12"``, ``"=SHOOT_DAYS + 2"``) read by `lynchpin.budgets.adapters.cells`. No total is
ever stored: `adapters` turn the rows into an engine `Budget` and `price_budget` computes
every total (DESIGN.md section 5: money is Decimal, rounded once when printed).

Concurrency: a version's own fields (name, lock, settings) carry its `version`; each line,
fringe and global carries its own, so two people editing different lines never collide and
two editing the same line get a Conflict (409). `revision` changes with every write to the
budget's content and keys the pricing cache (`adapters.cache`).
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q

from lynchpin.core.models import ProductionScopedModel, TimestampedModel, VersionedModel
from lynchpin.engine.budgeting.formulas import MAX_FORMULA_LENGTH
from lynchpin.engine.budgeting.model import FlatPer, FringeKind, Level, PostingMode

__all__ = [
    "MAX_ROW_ID",
    "BudgetAccount",
    "BudgetCategory",
    "BudgetFringe",
    "BudgetGlobal",
    "BudgetLine",
    "BudgetVersion",
    "valid_id",
]

#: Longest number cell: a formula of MAX_FORMULA_LENGTH characters and its leading "=".
CELL_LENGTH = MAX_FORMULA_LENGTH + 2
#: Longest account, category or fringe code.
CODE_LENGTH = 20
#: Largest row id (a signed 64-bit column): a larger one cannot exist, and SQLite and
#: PostgreSQL both refuse to compare a column with it.
MAX_ROW_ID = 2**63 - 1


def valid_id(value: int | None) -> bool:
    """True when `value` can be the id of a row (1 .. MAX_ROW_ID)."""
    return value is not None and 1 <= value <= MAX_ROW_ID


def _choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """Django choices from an engine StrEnum (value, readable label)."""
    return [(member.value, member.value.replace("_", " ").capitalize()) for member in enum]


class BudgetVersion(ProductionScopedModel, VersionedModel):
    """One version of the production's budget.

    `currency` (ISO 4217) is the production's currency when the version was made; every
    total is in it. `locked` versions (the original, once approved) refuse every edit: copy
    one to revise it (`based_on` says where a copy came from). `extras` holds the engine
    values that have no page yet, as JSON with numbers as strings (see
    `adapters.extras`): units, exchange rates, people, groups, charges, incentives.
    """

    name = models.CharField(max_length=120)
    template = models.CharField(max_length=40, blank=True, help_text="Chart it was made from")
    currency = models.CharField(max_length=3)
    locked = models.BooleanField(default=False)
    locked_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    fringe_posting = models.CharField(
        max_length=10, choices=_choices(PostingMode), default=PostingMode.ACCOUNT.value
    )
    fringe_posting_account = models.CharField(max_length=CODE_LENGTH, blank=True)
    extras = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    revision = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        ordering = ("created", "id")
        constraints = (
            models.UniqueConstraint(fields=("production", "name"), name="budget_unique_name"),
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$"), name="budget_currency_iso"
            ),
        )

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """A name is required; budget-wide posting needs its target account."""
        self.name = (self.name or "").strip()
        if self.fringe_posting == PostingMode.BUDGET and not self.fringe_posting_account:
            raise ValidationError(
                {"fringe_posting_account": "Name the account that receives every fringe."}
            )


class BudgetCategory(models.Model):
    """A top-sheet category (``2300 Set Construction``) on one level, in budget order."""

    budget = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="categories")
    code = models.CharField(max_length=CODE_LENGTH)
    title = models.CharField(max_length=200)
    level = models.CharField(
        max_length=20, choices=_choices(Level), default=Level.PRODUCTION.value
    )
    fringe_account = models.CharField(max_length=CODE_LENGTH, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("order", "id")
        verbose_name_plural = "budget categories"
        constraints = (
            models.UniqueConstraint(fields=("budget", "code"), name="budget_category_unique_code"),
        )

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class BudgetAccount(models.Model):
    """An account (``2301 Construction Coordinator``) of one category, in budget order.

    Codes are unique across the whole version, as the engine requires."""

    budget = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="accounts")
    category = models.ForeignKey(BudgetCategory, on_delete=models.CASCADE, related_name="accounts")
    code = models.CharField(max_length=CODE_LENGTH)
    title = models.CharField(max_length=200)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("order", "id")
        constraints = (
            models.UniqueConstraint(fields=("budget", "code"), name="budget_account_unique_code"),
        )

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class BudgetLine(TimestampedModel, VersionedModel):
    """A detail line: ``amount x X x rate`` in its `unit`, as the engine's DetailLine.

    `amount`, `x` and `rate` are number cells as text: a number (``"412.50"``) or a formula
    over globals (``"=SHOOT_DAYS + 2"``; the ``=`` may be left out when the text is not a
    number). `fringes`, `groups`, `locations` and `sets` are lists of ids. `person` puts the
    line in that person's fringe range unless `individual`. `currency` empty: the budget's.
    """

    budget = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="lines")
    account = models.ForeignKey(BudgetAccount, on_delete=models.CASCADE, related_name="lines")
    order = models.PositiveIntegerField(default=0)
    description = models.CharField(max_length=300)
    amount = models.CharField(max_length=CELL_LENGTH, default="1")
    unit = models.CharField(max_length=20, default="Allow")
    x = models.CharField("X", max_length=CELL_LENGTH, default="1")
    rate = models.CharField(max_length=CELL_LENGTH, default="0")
    currency = models.CharField(max_length=3, blank=True)
    fringes = models.JSONField(default=list, blank=True)
    groups = models.JSONField(default=list, blank=True)
    locations = models.JSONField(default=list, blank=True)
    sets = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    person = models.CharField(max_length=80, blank=True)
    individual = models.BooleanField(default=False)
    line_code = models.CharField(max_length=40, blank=True, help_text="Optional id in reports")

    class Meta:
        ordering = ("order", "id")
        indexes = (models.Index(fields=("account", "order"), name="budget_line_account_order"),)

    def __str__(self) -> str:
        return self.description


class BudgetFringe(VersionedModel):
    """A fringe: PERCENT of the line total (`rate` in percent) or FLAT money per `per`.

    `cutoff` caps a percent fringe's wage base, or a flat fringe's amount, per fringe range;
    `uses_ytd` lets a person's year-to-date wages use up the cut-off first."""

    budget = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="fringes")
    code = models.CharField(max_length=40)
    name = models.CharField(max_length=120)
    kind = models.CharField(
        max_length=10, choices=_choices(FringeKind), default=FringeKind.PERCENT.value
    )
    # 15 significant digits: exact on every database, SQLite included.
    rate = models.DecimalField(max_digits=15, decimal_places=6, default=0)
    per = models.CharField(max_length=10, choices=_choices(FlatPer), default=FlatPer.HOUR.value)
    cutoff = models.DecimalField(max_digits=15, decimal_places=6, null=True, blank=True)
    uses_ytd = models.BooleanField("Uses year-to-date wages", default=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("order", "id")
        constraints = (
            models.UniqueConstraint(fields=("budget", "code"), name="budget_fringe_unique_code"),
            models.CheckConstraint(
                condition=Q(cutoff__isnull=True) | Q(cutoff__gte=0),
                name="budget_fringe_cutoff_not_negative",
            ),
        )

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class BudgetGlobal(VersionedModel):
    """A named value or formula usable in any cell (``SHOOT_DAYS``, ``=SHOOT_DAYS / 5``).

    A `schedule_fed` global takes its value from the schedule: re-pricing from a schedule
    feed sets it to the feed's value for `feed_key` (``SHOOT_DAYS``, ``CAST_1_WORK``,
    ``LOC_HARBOUR_DAYS``...; see engine budgeting/schedule_feed.py)."""

    budget = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="globals")
    name = models.CharField(max_length=60)
    value = models.CharField(max_length=CELL_LENGTH, default="0")
    description = models.CharField(max_length=200, blank=True)
    schedule_fed = models.BooleanField(default=False)
    feed_key = models.CharField(max_length=60, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("order", "id")
        constraints = (
            models.UniqueConstraint(fields=("budget", "name"), name="budget_global_unique_name"),
            models.CheckConstraint(
                condition=Q(schedule_fed=False) | ~Q(feed_key=""),
                name="budget_global_fed_has_key",
            ),
        )

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Names are identifiers (formulas refer to them); a fed global names its key."""
        errors = {}
        if self.name and not self.name.isidentifier():
            errors["name"] = "Use letters, digits and _ only, not starting with a digit."
        if self.schedule_fed and not self.feed_key:
            errors["feed_key"] = "Name the schedule value this global follows, e.g. SHOOT_DAYS."
        if errors:
            raise ValidationError(errors)
