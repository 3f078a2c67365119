"""The engine is pure: it imports only the standard library and a short list of libraries.

import-linter (``make lint``) checks the layer contracts between Lynchpin packages; this test
checks the other half of DESIGN.md's rule: no third-party framework, no clock, no environment.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "lynchpin" / "engine"

#: Third-party packages the engine may use (DESIGN.md section 3).
ALLOWED_THIRD_PARTY = frozenset(
    {"defusedxml", "pdfplumber", "pdfminer", "ortools", "astral", "holidays"}
)

#: Calls that would make an engine function depend on the world rather than its arguments.
FORBIDDEN_CALLS = frozenset(
    {
        "datetime.now",
        "datetime.today",
        "datetime.utcnow",
        "date.today",
        "time.time",
        "time.monotonic",
        "time.perf_counter",
        "os.getenv",
        "os.environ",
    }
)


def _engine_modules() -> list[Path]:
    return sorted(ENGINE.rglob("*.py"))


def _imported_roots(tree: ast.AST) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Name):
        return node.id
    return ""


def test_engine_has_modules() -> None:
    assert len(_engine_modules()) > 5


def test_engine_imports_only_stdlib_and_allowed_libraries() -> None:
    offenders = []
    for path in _engine_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for root in _imported_roots(tree):
            if root in sys.stdlib_module_names or root == "lynchpin":
                continue
            if root not in ALLOWED_THIRD_PARTY:
                offenders.append(f"{path.relative_to(ENGINE)} imports {root}")
    assert offenders == []


def test_engine_imports_no_lynchpin_outside_engine() -> None:
    offenders = []
    for path in _engine_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                name = node.module
                if name.startswith("lynchpin.") and not name.startswith("lynchpin.engine"):
                    offenders.append(f"{path.relative_to(ENGINE)} imports {name}")
    assert offenders == []


def test_engine_reads_no_clock_or_environment() -> None:
    offenders = []
    for path in _engine_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute | ast.Call):
                target = node.func if isinstance(node, ast.Call) else node
                name = _dotted(target)
                if any(name.endswith(call) for call in FORBIDDEN_CALLS):
                    offenders.append(f"{path.relative_to(ENGINE)}:{node.lineno} uses {name}")
    assert offenders == []
