"""Shared pieces of the optimiser's CP-SAT model: the `Model` holder and small encodings.

Objective: `tiebreak` x cost + the last used day's index (< tiebreak), the cost in units of
`scale` per minor unit of money (cents x scale; the scale makes one minute of overtime a whole
number of units).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import gcd
from typing import Any

from ortools.sat.python import cp_model

from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.solver_input import SolveSpec

Literal = Any  # a CP-SAT literal (ortools ships no usable type stubs)


def objective_scale(spec: SolveSpec) -> int:
    """Objective units per minor unit: makes overtime per minute an integer."""
    per_hour = spec.problem.overtime_hourly_cost.in_minor_units()
    return 60 // gcd(per_hour, 60)


@dataclass
class Model:
    """A built CP-SAT model and the variables the solver reads back."""

    spec: SolveSpec
    diagnose: bool = False
    cp: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    x: dict[tuple[str, int], Literal] = field(default_factory=dict)
    used: list[Literal] = field(default_factory=list)
    first: dict[tuple[str, int], Literal] = field(default_factory=dict)
    last: dict[tuple[str, int], Literal] = field(default_factory=dict)
    mid: dict[tuple[str, int], Literal] = field(default_factory=dict)
    candidates: dict[str, tuple[int, ...]] = field(default_factory=dict)
    rules: dict[str, Literal] = field(default_factory=dict)
    terms: list[tuple[int, Any]] = field(default_factory=list)
    constant: int = 0
    scale: int = 1
    visits: list[dict[str, Literal]] = field(default_factory=list)
    simple_bound: int = 0
    objective: Any = 0
    tiebreak: int = 1

    def money(self, amount: Any) -> int:
        """A Money amount in objective units."""
        return int(amount.in_minor_units()) * self.scale

    def rule(self, name: str) -> Literal | None:
        """The enforcement literal of a hard rule (None outside diagnosis)."""
        if not self.diagnose:
            return None
        if name not in self.rules:
            self.rules[name] = self.cp.new_bool_var(name)
        return self.rules[name]

    def enforce(self, constraint: Any, name: str) -> None:
        """Make `constraint` conditional on rule `name` when diagnosing."""
        literal = self.rule(name)
        if literal is not None:
            constraint.only_enforce_if(literal)

    def on(self, strip: str, day: int) -> Literal | int:
        """x[strip, day], or 0 when the strip cannot be on that day."""
        return self.x.get((strip, day), 0)


def strips_by_day(model: Model) -> list[list[str]]:
    result: list[list[str]] = [[] for _ in model.spec.days]
    for strip_id, day in model.x:
        result[day].append(strip_id)
    return result


def both(model: Model, a: Any, b: Any, name: str) -> Any:
    """A boolean equal to a AND b."""
    both = model.cp.new_bool_var(name)
    model.cp.add_implication(both, a)
    model.cp.add_implication(both, b)
    model.cp.add_bool_or([~a, ~b, both])
    return both


def special_pairs(model: Model, money: bool) -> dict[tuple[str, str], int]:
    """Location pairs whose move differs from the default: (a, b) -> difference (minutes or
    objective units); each unordered pair once."""
    problem = model.spec.problem
    rules = problem.rules
    zero = Money.zero(problem.currency)
    default = model.money(rules.default_move_cost or zero) if money else rules.default_move_minutes
    result: dict[tuple[str, str], int] = {}
    for move in problem.moves:
        if move.a != move.b and (move.b, move.a) not in result:
            value = model.money(move.cost) if money else move.minutes
            if value != default:
                result[move.a, move.b] = value - default
    return result


def flag(model: Model, literals: list[Any], name: str) -> Any:
    """A boolean implied by each of `literals` (true when any of them is)."""
    flag = model.cp.new_bool_var(name)
    for literal in literals:
        model.cp.add_implication(literal, flag)
    return flag
