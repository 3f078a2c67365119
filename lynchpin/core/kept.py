"""Values a process keeps between requests under a key naming everything they depend on.

``kept = Kept[str, Value](size=8)``; ``kept.get_or_make(key, make)`` returns the value kept
under `key`, or calls ``make()`` and keeps its result, forgetting the least recently used
beyond `size`. Thread-safe; `make` runs outside the lock (two threads may both make a value:
they are equal, as the key names every input).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Generic, TypeVar

__all__ = ["Kept"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Kept(Generic[K, V]):
    """The last `size` values made, by key (see the module docstring)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[K, V] = OrderedDict()
        self._lock = Lock()

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        """The value kept under `key`, else ``make()``'s, kept from now on."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = make()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value
