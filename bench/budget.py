"""Budget benchmark: price a generated 5,000-line feature budget, then re-price one line.

The budget is seeded and generated here: the engine's `feature` chart of accounts (fringes
posted by category to 1901 / 4901 / 5901 / 7901), 5,000 detail lines spread over its
non-fringe accounts, 10 fringes (the template's US payroll taxes plus seven union- and
state-style fringes: percent and flat per hour / day / week, five with cut-offs), 800 people
(so cut-offs apply as fringe ranges across each person's lines, some with year-to-date
wages), a few individual lines, an excluded option group, and globals with formulas used by
about a quarter of the lines (Amt = ``SHOOT_DAYS``, ``PREP_WEEKS``, X = ``OVERTIME`` ...).

Measured: `price_budget` (full recompute), `reprice_line` (one line's rate changed, its
person's fringe range and the roll-ups updated) and, for information, `reprice_globals`
(SHOOT_DAYS changed, as a moved strip may do: the lines reading it and their ranges).
Targets (issue 4): full recompute under 100 ms and one line under 5 ms, medians, on this
machine. The machine is shared and noisy,
so the best run and the ratio of the median to the target are printed too.

    .venv/bin/python -m bench.budget [--seed 1] [--lines 5000]

Exit code 1 when a median misses its target (or re-pricing disagrees with a full pricing).
"""

from __future__ import annotations

import argparse
import platform
import random
from dataclasses import replace
from decimal import Decimal

from bench.timing import measure
from lynchpin.engine.budgeting.model import (
    Account,
    Budget,
    DetailLine,
    FlatPer,
    Formula,
    Fringe,
    FringeKind,
    Global,
    Group,
    Person,
)
from lynchpin.engine.budgeting.reprice import reprice_globals, reprice_line
from lynchpin.engine.budgeting.templates import load_template
from lynchpin.engine.budgeting.totals import price_budget

FULL_TARGET_MS = 100.0
LINE_TARGET_MS = 5.0
PEOPLE = 800
D = Decimal

#: Seven fringes on top of the template's three US payroll taxes (10 in all).
EXTRA_FRINGES = (
    Fringe("SUI", "State unemployment", FringeKind.PERCENT, D("3.4"), cutoff=D(7000)),
    Fringe("WC", "Workers' compensation", FringeKind.PERCENT, D("2.85")),
    Fringe("PAYFEE", "Payroll service fee", FringeKind.PERCENT, D("0.5"), cutoff=D(250000),
           uses_ytd=False),
    Fringe("PH-HR", "Pension & health", FringeKind.FLAT, D("6.75"), FlatPer.HOUR,
           cutoff=D(20000)),
    Fringe("HW-DAY", "Health & welfare", FringeKind.FLAT, D("42"), FlatPer.DAY, cutoff=D(9000)),
    Fringe("VAC-WK", "Vacation & holiday", FringeKind.FLAT, D("115"), FlatPer.WEEK),
    Fringe("DGA", "Guild pension", FringeKind.PERCENT, D("8.5")),
)
GLOBALS = (
    Global("SHOOT_DAYS", D(42)), Global("PREP_WEEKS", D(8)), Global("WRAP_WEEKS", D(3)),
    Global("SHOOT_WEEKS", Formula("SHOOT_DAYS / 5")), Global("OVERTIME", D("1.15")),
    Global("NIGHT_PREMIUM", Formula("max(1, OVERTIME * 1.1)")),
)
_FORMULA_AMOUNTS = ("SHOOT_DAYS", "PREP_WEEKS", "WRAP_WEEKS", "SHOOT_WEEKS + 1",
                    "SHOOT_DAYS / 2")
_UNITS = ("Day", "Week", "Hour", "Allow", "Flat", "Month")
_TIMED = frozenset({"Day", "Week", "Hour", "Month"})


def _line(rng: random.Random, number: int, fringes: tuple[Fringe, ...]) -> DetailLine:
    """One random detail line; roughly a quarter use formulas, most have a person.

    Flat fringes (per hour, day, week) go only on lines whose unit has hours, as in a real
    budget, so the generated budget prices without warnings."""
    unit = rng.choice(_UNITS)
    usable = [f.id for f in fringes if unit in _TIMED or f.kind is FringeKind.PERCENT]
    amount: D | Formula = D(rng.randint(1, 60))
    multiplier: D | Formula = D(1)
    if rng.random() < 0.25:
        amount = Formula(rng.choice(_FORMULA_AMOUNTS))
        multiplier = Formula(rng.choice(("OVERTIME", "NIGHT_PREMIUM", "1")))
    person = f"p{rng.randrange(PEOPLE)}" if rng.random() < 0.85 else None
    return DetailLine(
        description=f"Line {number}", amount=amount, unit=unit,
        multiplier=multiplier, rate=D(rng.randint(5000, 500000)) / 100,
        fringes=tuple(rng.sample(usable, rng.randint(2, 6))), person=person,
        individual=rng.random() < 0.05, groups=("OPTION",) if rng.random() < 0.01 else ())


def generated_budget(seed: int = 1, lines: int = 5000) -> Budget:
    """The seeded benchmark budget (see the module docstring)."""
    rng = random.Random(seed)
    template = load_template("feature", title=f"Benchmark feature (seed {seed})")
    fringes = template.fringes + EXTRA_FRINGES
    posted = {c.fringe_account for c in template.categories}
    targets = [a.code for _, a in template.accounts() if a.code not in posted]
    by_account: dict[str, list[DetailLine]] = {code: [] for code in targets}
    for number in range(1, lines + 1):
        by_account[rng.choice(targets)].append(_line(rng, number, fringes))
    categories = tuple(
        replace(category, accounts=tuple(
            Account(a.code, a.name, tuple(by_account.get(a.code, ()))) for a in category.accounts))
        for category in template.categories)
    people = tuple(Person(f"p{i}", f"Person {i}",
                          D(rng.choice((0, 0, 0, 25000, 120000, 160000)))) for i in range(PEOPLE))
    return replace(template, version="bench", categories=categories, fringes=fringes,
                   globals=GLOBALS, people=people,
                   groups=(Group("OPTION", "Optional scenes", excluded=True),))


def _changed_lines(budget: Budget, count: int, seed: int) -> list[tuple[str, int, DetailLine]]:
    """`count` lines with a person, each with its rate raised by 10 %."""
    rng = random.Random(seed)
    candidates = [(account.code, index, line) for _, account in budget.accounts()
                  for index, line in enumerate(account.lines) if line.person]
    chosen = rng.sample(candidates, count)
    return [(code, index, replace(line, rate=line.rate * D("1.1") if isinstance(
        line.rate, D) else line.rate)) for code, index, line in chosen]


def main() -> int:
    """Print medians, best runs and ratios to the targets; 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lines", type=int, default=5000)
    args = parser.parse_args()
    budget = generated_budget(args.seed, args.lines)
    pricing = price_budget(budget)
    print(f"machine: {platform.machine()}, python {platform.python_version()}; budget: "
          f"{len(pricing.lines)} lines, {len(budget.fringes)} fringes, {len(budget.people)} "
          f"people, {len(budget.globals)} globals, seed {args.seed}, "
          f"{len(pricing.violations)} violations")
    full = measure("full recompute (price_budget)", lambda: price_budget(budget), runs=15)
    changes = iter(_changed_lines(budget, 240, args.seed) * 2)

    def one_line() -> object:
        code, index, line = next(changes)
        return reprice_line(pricing, code, index, line)

    line = measure("one line re-priced (reprice_line)", one_line, runs=200, warmup=20)
    days = iter(range(10, 40))  # never the budget's own 42

    def new_shoot_days() -> object:
        value = Decimal(next(days))
        return reprice_globals(pricing, tuple(
            replace(g, value=value) if g.name == "SHOOT_DAYS" else g for g in budget.globals))

    shoot = measure("SHOOT_DAYS changed (reprice_globals)", new_shoot_days, runs=15, warmup=3)
    code, index, changed = _changed_lines(budget, 1, args.seed + 1)[0]
    new_budget, quick = reprice_line(pricing, code, index, changed)
    agrees = quick.grand_total == price_budget(new_budget).grand_total
    failed = not agrees
    print("| measurement | median ms | best ms | target ms | median / target |")
    print("|---|---|---|---|---|")
    for timing, target in ((full, FULL_TARGET_MS), (line, LINE_TARGET_MS)):
        ratio = timing.median_ms / target
        failed |= ratio > 1
        print(f"| {timing.label} | {timing.median_ms:.2f} | {timing.best_ms:.2f} | "
              f"{target:.0f} | {ratio:.2f}{'' if ratio <= 1 else ' MISSED'} |")
    print(f"| {shoot.label} | {shoot.median_ms:.2f} | {shoot.best_ms:.2f} | - | "
          f"{shoot.median_ms / full.median_ms:.2f} of a full recompute |")
    print(f"re-priced grand total equals a full pricing: {'yes' if agrees else 'NO'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
