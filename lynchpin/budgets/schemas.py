"""Input and output schemas of the budgets API (lynchpin.budgets.api).

Money is sent as decimal strings (``"120630.43"``), printed: rounded half-up to the
currency's minor unit, once. Number cells of lines and globals are text as people type them:
a number (``"412.50"``) or a formula (``"=SHOOT_DAYS + 2"``).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, P, PathEx, QueryEx, Schema

from lynchpin.budgets.models import MAX_ROW_ID

#: An id or version number that a row can have (larger ones are refused with 400, naming the
#: parameter, before any query: the databases cannot compare a 64-bit column with them).
RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]
PathId = PathEx[int, P(ge=1, le=MAX_ROW_ID)]
QueryId = QueryEx[int, P(ge=1, le=MAX_ROW_ID)]
QueryIds = QueryEx[list[RowId], P()]
#: A setting's key (charges, incentives, groups, people, exchange_rates) and an item's id.
SettingKey = PathEx[str, P(max_length=20)]
ItemId = PathEx[str, P(max_length=40)]

__all__ = [
    "AccountOut",
    "CompareOut",
    "CompareRowOut",
    "CopyIn",
    "CreateIn",
    "FringeIn",
    "FringeOut",
    "GlobalIn",
    "GlobalOut",
    "ItemId",
    "LevelOut",
    "LineAddIn",
    "LineOut",
    "LineResultOut",
    "LineUpdateIn",
    "LockIn",
    "PathId",
    "ProblemOut",
    "QueryId",
    "QueryIds",
    "RepriceIn",
    "RepriceOut",
    "RowId",
    "SettingIn",
    "SettingKey",
    "SettingOut",
    "TopSheetOut",
    "TotalsOut",
    "VersionOut",
]


class VersionOut(Schema):
    """A budget version; send `version` back to lock or delete it. `revision` changes with
    every edit of its content."""

    id: int
    name: str
    template: str
    currency: str
    locked: bool
    locked_at: datetime | None
    based_on_id: int | None
    created: datetime
    created_by: str
    version: int
    revision: str

    @staticmethod
    def resolve_created_by(obj: Any) -> str:
        return str(obj.created_by.get_username()) if obj.created_by else ""

    @staticmethod
    def resolve_revision(obj: Any) -> str:
        return str(obj.revision)


class CreateIn(Schema):
    """A new version from a chart-of-accounts template (feature, episodic,
    commercial-aicp, short)."""

    template: str
    name: str


class CopyIn(Schema):
    """The name of the new version."""

    name: str


class LockIn(Schema):
    """The version's `version` as read."""

    version: RowId


class ProblemOut(Schema):
    """A problem found while pricing: rule, severity (error/warning), message, where."""

    rule: str
    severity: str
    message: str
    reference: str


class AccountOut(Schema):
    """An account with its total (fringes as posted) and its number of lines."""

    id: int
    code: str
    title: str
    category: str
    lines: int
    total: Decimal


class CategoryOut(Schema):
    """A top-sheet category with its accounts."""

    id: int
    code: str
    title: str
    level: str
    total: Decimal
    accounts: list[AccountOut]


class LevelOut(Schema):
    """A top-sheet level with its categories."""

    level: str
    label: str
    total: Decimal
    categories: list[CategoryOut]


class FringeTotalOut(Schema):
    """A fringe's total over every line."""

    code: str
    name: str
    total: Decimal


class ChargeOut(Schema):
    """A contractual charge or an incentive: base and amount."""

    id: str
    name: str
    base: Decimal
    amount: Decimal


class TopSheetOut(Schema):
    """The top sheet: levels, categories, accounts, fringes, charges, totals, problems."""

    budget: VersionOut
    currency: str
    levels: list[LevelOut]
    fringes: list[FringeTotalOut]
    charges: list[ChargeOut]
    incentives: list[ChargeOut]
    subtotal: Decimal
    grand_total: Decimal
    net_total: Decimal
    line_count: int
    problems: list[ProblemOut]


class LineOut(Schema):
    """A detail line as typed, with its evaluated cells (null: the formula fails), printed
    total and fringes, and its problems. Send `version` back to change or delete it."""

    id: int
    account_id: int
    account: str
    order: int
    description: str
    amount: str
    unit: str
    x: str
    rate: str
    currency: str
    fringes: list[str]
    groups: list[str]
    locations: list[str]
    sets: list[str]
    notes: str
    person: str
    individual: bool
    line_code: str
    version: int
    amount_value: Decimal | None
    x_value: Decimal | None
    rate_value: Decimal | None
    total: Decimal
    fringe_total: Decimal
    excluded: bool
    problems: list[str]


class LineFields(Schema):
    """Editable fields of a line; leave out what does not change."""

    description: str | None = None
    amount: str | None = None
    unit: str | None = None
    x: str | None = None
    rate: str | None = None
    currency: str | None = None
    fringes: list[str] | None = None
    groups: list[str] | None = None
    locations: list[str] | None = None
    sets: list[str] | None = None
    notes: str | None = None
    person: str | None = None
    individual: bool | None = None
    line_code: str | None = None


class LineUpdateIn(LineFields):
    """The line's `version` as read, and the fields to change."""

    version: RowId


class LineAddIn(LineFields):
    """A new line of `account_id`: last, or after line `after_line_id`."""

    account_id: RowId
    description: str  # required when adding
    after_line_id: RowId | None = None


class TotalsOut(Schema):
    """Totals an edit changed: accounts and categories by code (only changed ones, plus the
    edited line's account), every level, subtotal, grand and net totals."""

    currency: str
    accounts: dict[str, Decimal]
    categories: dict[str, Decimal]
    levels: dict[str, Decimal]
    subtotal: Decimal
    grand_total: Decimal
    net_total: Decimal


class LineResultOut(Schema):
    """A line after an edit and the totals the edit changed."""

    line: LineOut
    totals: TotalsOut


class GlobalOut(Schema):
    """A global: its cell as typed, its computed value (null: it cannot be computed; also
    null in the answer to a change, which does not re-price: read the list), its problem,
    and its link to the schedule."""

    id: int
    name: str
    value: str
    computed: Decimal | None
    problem: str
    description: str
    schedule_fed: bool
    feed_key: str
    version: int


class GlobalIn(Schema):
    """Add a global (no `version`) or change one read at `version`."""

    name: str
    value: str
    description: str = ""
    schedule_fed: bool = False
    feed_key: str = ""
    version: RowId | None = None


class FringeOut(Schema):
    """A fringe and its total over every line (null in the answer to a change, which does
    not re-price: read the list)."""

    id: int
    code: str
    name: str
    kind: str
    rate: Decimal
    per: str
    cutoff: Decimal | None
    uses_ytd: bool
    total: Decimal | None
    version: int


class FringeIn(Schema):
    """Add a fringe (no `version`) or change one read at `version`. `kind` percent (rate
    in percent) or flat (rate in money per `per`: hour, day, week, unit)."""

    code: str
    name: str
    kind: str = "percent"
    rate: Decimal
    per: str = "hour"
    cutoff: Decimal | None = None
    uses_ytd: bool = True
    version: RowId | None = None


class CompareRowOut(Schema):
    """One account across the versions; `variances[i]` is version i+1 minus the first."""

    code: str
    name: str
    totals: list[Decimal]
    variances: list[Decimal]


class CompareOut(Schema):
    """Two to four versions compared by account (positive variance: costs more)."""

    versions: list[str]
    currency: str
    rows: list[CompareRowOut]
    grand_totals: list[Decimal]
    grand_variances: list[Decimal]


class RepriceIn(Schema):
    """Schedule values by feed key (``SHOOT_DAYS``, ``CAST_<ID>_WORK``, ``LOC_<ID>_DAYS``
    ...; numbers as strings); to apply, the `revision` the preview returned."""

    feed: dict[str, Decimal] = Field(..., description="Feed key -> value")
    revision: str | None = None


class GlobalChangeOut(Schema):
    """A schedule-fed global the feed changes (`old` as typed)."""

    name: str
    feed_key: str
    old: str
    new: Decimal


class LineChangeOut(Schema):
    """A line whose total (before fringes) changes."""

    line_id: int
    account: str
    description: str
    old_total: Decimal
    new_total: Decimal


class RepriceOut(Schema):
    """What re-pricing changes (preview) or changed (apply), and the revision to apply at."""

    revision: str
    globals: list[GlobalChangeOut]
    lines: list[LineChangeOut]
    unused_keys: list[str]
    missing_keys: list[str]
    old_grand_total: Decimal
    new_grand_total: Decimal


class SettingOut(Schema):
    """An item of a version's settings: its id, its fields as stored (numbers as decimal
    strings, codes as lists), the `token` to send back to change or delete it, and for
    charges and incentives the base and amount (null in the answer to a change: read the
    list)."""

    id: str
    fields: dict[str, Any]
    token: str
    base: Decimal | None = None
    amount: Decimal | None = None


class SettingIn(Schema):
    """Add an item (no `token`) or change the one read with `token`. `fields` by setting:
    charges ``name, kind (percent|flat), rate, excluded_accounts, excluded_categories``;
    incentives ``name, percent, accounts, categories, cap``; groups ``name, excluded``;
    people ``name, ytd_wages``; exchange_rates ``rate``; units ``hours``. Numbers as
    strings; codes as a list or as text separated by commas."""

    fields: dict[str, Any] = Field(default_factory=dict)
    token: str | None = Field(default=None, max_length=64)
