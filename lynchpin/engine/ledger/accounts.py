"""The account tree a cost report rolls up through: code -> parent code, with names.

Typically account -> category (top sheet) with no parent above the categories; any depth is
allowed. Invariants (checked at construction, `InputError` naming the code otherwise): codes
are unique and non-empty, every parent exists, and there is no cycle. Order is kept: children
appear in the order given, which is the order of the report.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from lynchpin.engine.errors import InputError

__all__ = ["AccountNode", "AccountTree"]

_SOURCE = "account tree"


@dataclass(frozen=True, slots=True)
class AccountNode:
    """One account or category: `parent` is None for a top-level category."""

    code: str
    name: str = ""
    parent: str | None = None


@dataclass(frozen=True)
class AccountTree:
    """Accounts and categories in report order; see the module docstring for invariants."""

    nodes: tuple[AccountNode, ...]
    _children: Mapping[str | None, tuple[str, ...]] = field(init=False, compare=False, repr=False)
    _by_code: Mapping[str, AccountNode] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        by_code: dict[str, AccountNode] = {}
        for node in self.nodes:
            if not node.code.strip():
                raise InputError("empty account code", source=_SOURCE)
            if node.code in by_code:
                raise InputError("account code listed twice", source=_SOURCE, field=node.code)
            by_code[node.code] = node
        children: dict[str | None, list[str]] = {}
        for node in self.nodes:
            if node.parent is not None and node.parent not in by_code:
                raise InputError(
                    f"parent {node.parent} does not exist", source=_SOURCE, field=node.code
                )
            children.setdefault(node.parent, []).append(node.code)
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))
        object.__setattr__(
            self, "_children", MappingProxyType({k: tuple(v) for k, v in children.items()})
        )
        self._refuse_cycles()

    def _refuse_cycles(self) -> None:
        reachable = sum(1 for _ in self.walk())
        if reachable != len(self.nodes):
            looped = sorted(set(self._by_code) - {code for code, _ in self.walk()})
            raise InputError(
                "accounts form a cycle (no path to a top-level category)",
                source=_SOURCE,
                field=looped[0],
            )

    @classmethod
    def from_parents(
        cls, parents: Mapping[str, str | None], names: Mapping[str, str] | None = None
    ) -> AccountTree:
        """A tree from ``{code: parent code or None}`` (and optional ``{code: name}``)."""
        labels = names or {}
        return cls(
            tuple(
                AccountNode(code, labels.get(code, ""), parent) for code, parent in parents.items()
            )
        )

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def node(self, code: str) -> AccountNode:
        """The node `code`; raises KeyError when unknown."""
        return self._by_code[code]

    def children(self, code: str | None) -> tuple[str, ...]:
        """Direct children of `code` (None: the top-level categories), in order."""
        return self._children.get(code, ())

    def walk(self) -> Iterator[tuple[str, int]]:
        """(code, depth) in report order: each node before its children, depth 0 at the top."""
        stack: list[tuple[str, int]] = [(c, 0) for c in reversed(self.children(None))]
        while stack:
            code, depth = stack.pop()
            yield code, depth
            stack.extend((c, depth + 1) for c in reversed(self.children(code)))
