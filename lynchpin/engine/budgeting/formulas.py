"""A small, safe evaluator for formula cells over globals.

Grammar (parsed with Python's `ast` in 'eval' mode, then checked node by node): decimal
numbers, names of globals, ``+ - * /``, parentheses, unary minus/plus and the functions
``min(a, b, ...)``, ``max(a, b, ...)``, ``abs(a)``, ``round(a)`` / ``round(a, places)``.
Anything else (attributes, subscripts, strings, comparisons, ``**``, keywords...) is refused
with a `FormulaError` naming the offending token. Arithmetic is Decimal in the default
context (28 significant digits); number literals are read from their source text, so ``0.1``
is exactly one tenth. ``round`` is half-up. Compiled formulas are cached by text.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, DecimalException, DivisionByZero
from functools import lru_cache

from lynchpin.engine.errors import DomainError

#: Longer formulas are refused: keeps parsing cheap and Python's parser far from its limits.
MAX_FORMULA_LENGTH = 400

Env = Mapping[str, Decimal]
Evaluate = Callable[[Env], Decimal]


class FormulaError(DomainError):
    """A formula cannot be parsed or evaluated; the message names the offending token."""


@dataclass(frozen=True, slots=True)
class Compiled:
    """A checked formula: `names` it reads and a function evaluating it over an environment."""

    text: str
    names: frozenset[str]
    evaluate: Evaluate


def _divide(numerator: Decimal, denominator: Decimal) -> Decimal:
    if not denominator:
        raise DivisionByZero
    return numerator / denominator


_BINARY: dict[type[ast.operator], Callable[[Decimal, Decimal], Decimal]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: _divide,
}


def _round(value: Decimal, places: Decimal = Decimal(0)) -> Decimal:
    if places != places.to_integral_value() or abs(places) > 12:
        raise FormulaError(f"round() places must be a whole number from -12 to 12, not {places}")
    return value.quantize(Decimal(1).scaleb(-int(places)), ROUND_HALF_UP)


def _abs(value: Decimal) -> Decimal:
    return abs(value)


_FUNCTIONS: dict[str, tuple[Callable[..., Decimal], int, int]] = {
    "min": (lambda *values: min(values), 1, 32),  # min(x) of one value is x, not an iterable
    "max": (lambda *values: max(values), 1, 32),
    "abs": (_abs, 1, 1),
    "round": (_round, 1, 2),
}


def _token(text: str, node: ast.AST) -> str:
    segment = ast.get_source_segment(text, node)
    return segment if segment else type(node).__name__


class _Compiler:
    """Turns a checked AST into nested closures (fast to evaluate many times)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.names: set[str] = set()

    def refuse(self, node: ast.AST, what: str) -> FormulaError:
        return FormulaError(f"{what} {_token(self.text, node)!r} is not allowed in a formula")

    def build(self, node: ast.AST) -> Evaluate:
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.BinOp):
            return self.binary(node)
        if isinstance(node, ast.UnaryOp):
            return self.unary(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        raise self.refuse(node, "the expression")

    def constant(self, node: ast.Constant) -> Evaluate:
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise self.refuse(node, "the value")
        source = _token(self.text, node).replace("_", "")
        value = Decimal(source)
        return lambda env: value

    def name(self, node: ast.Name) -> Evaluate:
        key = node.id
        self.names.add(key)
        return lambda env: env[key]

    def binary(self, node: ast.BinOp) -> Evaluate:
        function = _BINARY.get(type(node.op))
        if function is None:
            raise FormulaError(f"the operator in {_token(self.text, node)!r} is not allowed")
        left, right = self.build(node.left), self.build(node.right)
        return lambda env: function(left(env), right(env))

    def unary(self, node: ast.UnaryOp) -> Evaluate:
        operand = self.build(node.operand)
        if isinstance(node.op, ast.USub):
            return lambda env: -operand(env)
        if isinstance(node.op, ast.UAdd):
            return operand
        raise FormulaError(f"the operator in {_token(self.text, node)!r} is not allowed")

    def call(self, node: ast.Call) -> Evaluate:
        if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCTIONS:
            raise self.refuse(node.func, "the function")
        if node.keywords:
            raise self.refuse(node.keywords[0], "the keyword argument")
        function, least, most = _FUNCTIONS[node.func.id]
        if not least <= len(node.args) <= most:
            raise FormulaError(f"{node.func.id}() takes {least} to {most} arguments")
        arguments = [self.build(argument) for argument in node.args]
        return lambda env: function(*(argument(env) for argument in arguments))


def _parse(text: str) -> ast.expr:
    if len(text) > MAX_FORMULA_LENGTH:
        raise FormulaError(f"formula longer than {MAX_FORMULA_LENGTH} characters")
    if not text.strip():
        raise FormulaError("empty formula")
    try:
        return ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        detail = getattr(error, "msg", None) or str(error) or type(error).__name__
        raise FormulaError(f"cannot read formula {text!r}: {detail}") from None


@lru_cache(maxsize=4096)
def compile_formula(text: str) -> Compiled:
    """Check and compile `text`; raises FormulaError naming the offending token."""
    body = _parse(text)
    compiler = _Compiler(text.strip())
    try:
        evaluate = compiler.build(body)
    except RecursionError:
        raise FormulaError("formula nested too deeply") from None
    return Compiled(text, frozenset(compiler.names), evaluate)


def evaluate_formula(text: str, env: Env) -> Decimal:
    """Value of formula `text` with globals `env`.

    Raises FormulaError for a refused token, an unknown global, division by zero or an
    arithmetic overflow; never another exception type.
    """
    compiled = compile_formula(text)
    missing = sorted(compiled.names - env.keys())
    if missing:
        raise FormulaError(f"unknown global {missing[0]!r}")
    return run(compiled, env)


def run(compiled: Compiled, env: Env) -> Decimal:
    """Evaluate an already compiled formula (all its names must be in `env`)."""
    try:
        value = compiled.evaluate(env)
    except DivisionByZero:
        raise FormulaError(f"division by zero in {compiled.text!r}") from None
    except (DecimalException, ArithmeticError, RecursionError):
        raise FormulaError(f"arithmetic error in {compiled.text!r}") from None
    if not value.is_finite():
        raise FormulaError(f"{compiled.text!r} is not a finite number")
    return value
