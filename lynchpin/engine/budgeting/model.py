"""Values of a budget: levels -> categories -> accounts -> detail lines, plus the tables they use.

Conventions (see docs/budgeting.md):
- Money is `engine.money.Money`; quantities and rates are `Decimal`, never float.
- A number cell of a line or a global is a `Cell`: a `Decimal` or a `Formula` over globals.
- Percentages are Decimals in percent: ``Decimal("0.6")`` means 0.6 %, ``Decimal("6.2")`` 6.2 %.
- A detail line's total is ``amount x multiplier x rate`` (Movie Magic's Amt x X x Rate); its
  `unit` is a unit name (Day, Week, Allow...) that says how many hours one amount is.
- Order matters: budget order (categories, then accounts, then lines) is the order in which a
  person's lines fill a fringe cut-off.
All values are immutable; edits produce new values (`dataclasses.replace`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from lynchpin.engine.money import Money


@dataclass(frozen=True, slots=True)
class Formula:
    """A formula cell: an arithmetic expression over globals, e.g. ``"SHOOT_DAYS + 2"``."""

    text: str


Cell = Decimal | Formula


class Level(StrEnum):
    """Top-sheet level a category belongs to."""

    ABOVE_THE_LINE = "above_the_line"
    PRODUCTION = "production"
    POST = "post"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of a detail line. `hours` is None for units without time (Allow, Flat, Each)."""

    name: str
    hours: Decimal | None = None


class FringeKind(StrEnum):
    """PERCENT of the line's total, or FLAT money per hour / day / week / unit of the line."""

    PERCENT = "percent"
    FLAT = "flat"


class FlatPer(StrEnum):
    """What a flat fringe is charged per; hour/day/week go through the line's unit hours."""

    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    UNIT = "unit"


@dataclass(frozen=True, slots=True)
class Fringe:
    """A fringe (payroll tax, pension & health, ...).

    PERCENT fringes use `rate` in percent of the line total; FLAT fringes charge `rate` (money
    in the budget currency) per `per`. `cutoff` caps the wage base of a percent fringe, or the
    fringe amount of a flat fringe; it applies per person across the person's lines (fringe
    range) unless a line is `individual`. With `uses_ytd`, a person's year-to-date wages use up
    the wage-base cut-off first (payroll-tax caps such as Social Security).
    """

    id: str
    name: str
    kind: FringeKind = FringeKind.PERCENT
    rate: Decimal = Decimal(0)
    per: FlatPer = FlatPer.HOUR
    cutoff: Decimal | None = None
    uses_ytd: bool = True


class PostingMode(StrEnum):
    """Where fringes are counted: in the line's ACCOUNT, its CATEGORY's fringe account, or one
    BUDGET-wide fringe account."""

    ACCOUNT = "account"
    CATEGORY = "category"
    BUDGET = "budget"


@dataclass(frozen=True, slots=True)
class FringePosting:
    """Posting rule; `account` is the target account code in BUDGET mode (e.g. ``"7901"``)."""

    mode: PostingMode = PostingMode.ACCOUNT
    account: str = ""


@dataclass(frozen=True, slots=True)
class Person:
    """Someone paid on detail lines; `ytd_wages` were paid before this budget (same year)."""

    id: str
    name: str = ""
    ytd_wages: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class Group:
    """A named group of lines (e.g. an option); `excluded` groups count zero in every total."""

    id: str
    name: str = ""
    excluded: bool = False


@dataclass(frozen=True, slots=True)
class Global:
    """A named value or formula usable in any cell. Names are Python-style identifiers."""

    name: str
    value: Cell
    description: str = ""


@dataclass(frozen=True, slots=True)
class DetailLine:
    """One detail line: ``amount x multiplier x rate`` in `currency` (None: budget currency).

    `fringes` are fringe ids; `person` links lines to one fringe range; `individual` makes the
    line its own range. `id` is optional and only used to name the line in reports.
    """

    description: str
    amount: Cell = Decimal(1)
    unit: str = "Allow"
    multiplier: Cell = Decimal(1)
    rate: Cell = Decimal(0)
    currency: str | None = None
    fringes: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    sets: tuple[str, ...] = ()
    notes: str = ""
    person: str | None = None
    individual: bool = False
    id: str = ""


@dataclass(frozen=True, slots=True)
class Account:
    """An account (e.g. ``2301 Construction Coordinator``) holding detail lines in order."""

    code: str
    name: str
    lines: tuple[DetailLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Category:
    """A top-sheet category (e.g. ``2300 Set Construction``) on one `level`.

    `fringe_account` is where this category's fringes go in CATEGORY posting mode.
    """

    code: str
    name: str
    level: Level
    accounts: tuple[Account, ...] = ()
    fringe_account: str | None = None


class ChargeKind(StrEnum):
    """A contractual charge is a PERCENT of its base or a FLAT amount."""

    PERCENT = "percent"
    FLAT = "flat"


@dataclass(frozen=True, slots=True)
class ContractualCharge:
    """Contingency, insurance, overhead, completion bond... on the top sheet.

    The base is the sum of all account totals (fringes as posted) except the excluded accounts
    and categories; charges never compound on each other. `rate` is percent or flat money.
    """

    id: str
    name: str
    kind: ChargeKind = ChargeKind.PERCENT
    rate: Decimal = Decimal(0)
    excluded_accounts: frozenset[str] = frozenset()
    excluded_categories: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Incentive:
    """A tax incentive: `percent` of the qualifying accounts/categories, at most `cap`.

    Applied after charges: it lowers the net total, never the grand total.
    """

    id: str
    name: str
    percent: Decimal
    accounts: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    cap: Decimal | None = None


def _frozen_map(mapping: Mapping[str, Decimal]) -> Mapping[str, Decimal]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Budget:
    """A whole budget version. Codes are unique across categories and across accounts.

    `exchange_rates` maps a currency to its value in the budget currency (1 GBP = 1.27 USD ->
    ``{"GBP": Decimal("1.27")}``). `units` replace the defaults by name.
    """

    title: str
    currency: str
    version: str = ""
    categories: tuple[Category, ...] = ()
    fringes: tuple[Fringe, ...] = ()
    globals: tuple[Global, ...] = ()
    units: tuple[Unit, ...] = ()
    groups: tuple[Group, ...] = ()
    people: tuple[Person, ...] = ()
    charges: tuple[ContractualCharge, ...] = ()
    incentives: tuple[Incentive, ...] = ()
    fringe_posting: FringePosting = FringePosting()
    exchange_rates: Mapping[str, Decimal] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "exchange_rates", _frozen_map(self.exchange_rates))

    def __hash__(self) -> int:
        return hash((self.title, self.version, self.categories))

    def accounts(self) -> tuple[tuple[Category, Account], ...]:
        """Every account with its category, in budget order."""
        return tuple((cat, acc) for cat in self.categories for acc in cat.accounts)

    def zero(self) -> Money:
        """Zero in the budget currency."""
        return Money.zero(self.currency)
