"""Fountain syntax rules loaded from fountain_syntax.json (heading prefixes, title keys...)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class FountainRules:
    """The data-driven parts of the Fountain grammar; see fountain_syntax.json for sources."""

    heading_prefixes: tuple[str, ...]
    transition_suffix: str
    title_page_keys: frozenset[str]
    legacy_min_indent: int
    legacy_min_indented_share: float
    legacy_min_lines: int


@cache
def rules() -> FountainRules:
    """The rules, read once from the package data file."""
    text = resources.files(__package__).joinpath("fountain_syntax.json").read_text("utf-8")
    raw: dict[str, Any] = json.loads(text)
    legacy: dict[str, Any] = raw["legacy"]
    return FountainRules(
        heading_prefixes=tuple(sorted(raw["heading_prefixes"], key=len, reverse=True)),
        transition_suffix=str(raw["transition_suffix"]),
        title_page_keys=frozenset(str(k) for k in raw["title_page_keys"]),
        legacy_min_indent=int(legacy["min_indent"]),
        legacy_min_indented_share=float(legacy["min_indented_share"]),
        legacy_min_lines=int(legacy["min_lines"]),
    )
