"""Breakdown categories: Universal Schedule Standard ids, names and colours, read from data.

The table lives in ``categories.json`` next to this module (with its cited source): the 25
action categories of the Universal Category Identification Standard, ids 100 (Cast Members)
to 124 (Other), 23 of which are Movie Magic Scheduling's defaults. Colours are ``#RRGGBB``.

`category_for_name` maps the names people and programs use (Final Draft Tagger categories,
"Extras", "Hair/Makeup", "VFX", "Optical FX"...) to a category. Matching ignores case,
punctuation, spacing, "&"/"and" and a plural "s", so "Make-Up & Hair" finds Makeup/Hair.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lynchpin.engine.errors import InputError

CATEGORIES_FILE = Path(__file__).with_name("categories.json")

#: Universal Schedule Standard ids of the categories the breakdown engine fills itself.
CAST_MEMBERS = 100
BACKGROUND_ACTORS = 101
STUNTS = 102
VEHICLES = 103
PROPS = 104
SPECIAL_EFFECTS = 105
ANIMALS = 108
MUSIC = 111
SOUND = 112
OTHER = 124

_WORD = re.compile(r"[^\W_]+")
_HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass(frozen=True, slots=True)
class Category:
    """One breakdown category: USS id (100..124), display name and colour ``#RRGGBB``."""

    id: int
    name: str
    colour: str


def _key(name: str) -> str:
    """Matching key: lower-case words without punctuation or the word "and"."""
    return "".join(w for w in _WORD.findall(name.casefold()) if w != "and")


def _read_table() -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(CATEGORIES_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read categories: {error}", source=CATEGORIES_FILE.name) from None
    if not data.get("source"):
        raise InputError("no source citation", source=CATEGORIES_FILE.name, field="source")
    return data


def _category(raw: dict[str, Any]) -> Category:
    ident, name, colour = raw.get("id"), raw.get("name"), raw.get("colour")
    if not isinstance(ident, int) or not 100 <= ident <= 124:
        raise InputError(f"category id {ident!r} is not in 100..124", source=CATEGORIES_FILE.name)
    good_colour = isinstance(colour, str) and _HEX_COLOUR.fullmatch(colour)
    if not isinstance(name, str) or not isinstance(colour, str) or not good_colour:
        raise InputError(f"category {ident}: bad name or colour", source=CATEGORIES_FILE.name)
    return Category(ident, name, colour.upper())


@cache
def load_categories() -> tuple[Category, ...]:
    """All categories in id order. Cached; raises InputError if the data file is malformed."""
    table = _read_table()
    categories = sorted((_category(raw) for raw in table["categories"]), key=lambda c: c.id)
    ids = [c.id for c in categories]
    if len(set(ids)) != len(ids):
        raise InputError("duplicate category ids", source=CATEGORIES_FILE.name)
    return tuple(categories)


def category_by_id(ident: int) -> Category:
    """The category with USS id `ident`; raises KeyError for an unknown id."""
    for category in load_categories():
        if category.id == ident:
            return category
    raise KeyError(ident)


@cache
def _name_index() -> dict[str, int]:
    """Matching key (and its form without a plural "s") -> category id."""
    table = _read_table()
    index: dict[str, int] = {}
    for raw in table["categories"]:
        for name in [raw["name"], *raw.get("aliases", [])]:
            key = _key(name)
            index.setdefault(key, raw["id"])
            index.setdefault(key.removesuffix("s"), raw["id"])
    return index


@cache
def _scene_keys() -> frozenset[str]:
    return frozenset(_key(raw["name"]) for raw in _read_table().get("scene_categories", []))


def category_for_name(name: str) -> Category | None:
    """The category a name (or common alias, or USS id as text) stands for, else None.

    ``"Extras"`` -> Background Actors, ``"Hair/Makeup"`` -> Makeup/Hair, ``"VFX"`` and
    ``"Optical FX"`` -> Visual Effects, ``"104"`` -> Props. Scene-level names (Set,
    Script Day, Unit, Sequence, Location, Synopsis...) are not breakdown categories: None.
    """
    stripped = name.strip()
    if stripped.isdigit():
        try:
            return category_by_id(int(stripped))
        except KeyError:
            return None
    key = _key(stripped)
    if not key:
        return None
    index = _name_index()
    ident = index.get(key, index.get(key.removesuffix("s")))
    return None if ident is None else category_by_id(ident)


def is_scene_category(name: str) -> bool:
    """True for USS scene categories (Set, INT/EXT, Day/Night, Script Day, Unit, Sequence,
    Location) and Final Draft's Synopsis: they describe a whole scene, not an element."""
    return _key(name) in _scene_keys()
