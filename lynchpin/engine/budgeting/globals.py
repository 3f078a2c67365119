"""Globals: named values and formulas, resolved in dependency order.

`resolve_globals` never raises for a bad global: a formula error, an unknown name, division
by zero or a circular reference becomes a `Violation` on that global (reference
``globals.NAME``), and the global has no value; globals that use it get a violation of
their own ("depends on ..."). Cycles are found exactly: only globals on a cycle are reported
as circular.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from lynchpin.engine.budgeting.formulas import Compiled, FormulaError, compile_formula, run
from lynchpin.engine.budgeting.model import Formula, Global
from lynchpin.engine.errors import Severity, Violation


@dataclass(frozen=True, slots=True)
class ResolvedGlobals:
    """Values of the globals that could be computed, and problems with the others."""

    values: Mapping[str, Decimal]
    violations: tuple[Violation, ...]
    failed: frozenset[str]


def _violation(rule: str, name: str, message: str) -> Violation:
    return Violation(f"budget.global.{rule}", Severity.ERROR, message, f"globals.{name}")


def _compile_all(
    globals_: tuple[Global, ...], problems: dict[str, Violation]
) -> dict[str, Compiled | Decimal]:
    cells: dict[str, Compiled | Decimal] = {}
    for item in globals_:
        if item.name in cells or item.name in problems:
            problems[item.name] = _violation("duplicate", item.name, f"{item.name} defined twice")
            cells.pop(item.name, None)
        elif isinstance(item.value, Formula):
            try:
                cells[item.name] = compile_formula(item.value.text)
            except FormulaError as error:
                problems[item.name] = _violation("formula", item.name, f"{item.name}: {error}")
        else:
            cells[item.name] = item.value
    return cells


def _depends(cell: Compiled | Decimal) -> frozenset[str]:
    return cell.names if isinstance(cell, Compiled) else frozenset()


def _on_cycle(start: str, cells: Mapping[str, Compiled | Decimal], within: set[str]) -> bool:
    """True when `start` reaches itself through globals in `within` (iterative search)."""
    seen: set[str] = set()
    stack = [name for name in _depends(cells[start]) if name in within]
    while stack:
        name = stack.pop()
        if name == start:
            return True
        if name not in seen:
            seen.add(name)
            stack.extend(dep for dep in _depends(cells[name]) if dep in within)
    return False


def _order(cells: Mapping[str, Compiled | Decimal]) -> tuple[list[str], set[str]]:
    """Kahn's topological order over known names; returns (order, names left on/after cycles)."""
    waiting = {name: {d for d in _depends(cell) if d in cells} for name, cell in cells.items()}
    users: dict[str, list[str]] = {name: [] for name in cells}
    for name, deps in waiting.items():
        for dep in deps:
            users[dep].append(name)
    ready = [name for name, deps in waiting.items() if not deps]
    order: list[str] = []
    while ready:
        name = ready.pop()
        order.append(name)
        for user in users[name]:
            waiting[user].discard(name)
            if not waiting[user]:
                ready.append(user)
    return order, set(cells) - set(order)


def _evaluate(
    name: str, cell: Compiled | Decimal, values: dict[str, Decimal], failed: set[str]
) -> Violation | None:
    if isinstance(cell, Decimal):
        values[name] = cell
        return None
    bad = sorted(cell.names - values.keys())
    if bad:
        failed.add(name)
        why = "has an error" if bad[0] in failed else "is not defined"
        return _violation("depends", name, f"{name} uses {bad[0]}, which {why}")
    try:
        values[name] = run(cell, values)
    except FormulaError as error:
        failed.add(name)
        return _violation("formula", name, f"{name}: {error}")
    return None


def resolve_globals(globals_: tuple[Global, ...]) -> ResolvedGlobals:
    """Evaluate every global; see the module docstring for how problems are reported."""
    problems: dict[str, Violation] = {}
    cells = _compile_all(globals_, problems)
    order, stuck = _order(cells)
    failed = set(problems)
    for name in sorted(stuck):
        if _on_cycle(name, cells, stuck):
            problems[name] = _violation("circular", name, f"{name} refers to itself in a cycle")
        else:
            problems[name] = _violation("depends", name, f"{name} uses a circular global")
        failed.add(name)
    values: dict[str, Decimal] = {}
    for name in order:
        violation = _evaluate(name, cells[name], values, failed)
        if violation is not None:
            problems[name] = violation
    ordered = tuple(problems[g.name] for g in globals_ if g.name in problems)
    unique = tuple(dict.fromkeys(ordered))
    return ResolvedGlobals(values, unique, frozenset(failed))
