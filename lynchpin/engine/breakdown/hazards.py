"""Hazards for the risk register: scenes that need a safety plan, and why.

Rules are data (``hazards.json``, with its cited source). A rule fires in a scene when every
clause it has holds:

- ``categories`` / ``names`` / ``lexicons``: a breakdown item of the scene that is not
  REJECTED, in one of the categories, with one of the names, or named by one of the
  lexicon files (``weapons``);
- ``terms``: a word or phrase in the scene's heading, action, shot or general text
  (whole-word, case-insensitive; e.g. water work, heights, vehicles in motion);
- ``scene``: the heading's INT/EXT and time of day (night exteriors);
- ``minors``: a child in the scene -- a cast member whose name holds a child word (BOY,
  GIRL, KID...) or who is introduced with an age under ``adult_age`` anywhere in the
  script (``LILY (8)``), or background children.

One `Hazard` per (scene, rule), with every span that caused it. The time of day comes from
`scene_time_of_day`, which also finds ``NIGHT`` in ``EXT. STREET - NIGHT - RAIN``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lynchpin.engine.breakdown.cast import find_introductions, text_span
from lynchpin.engine.breakdown.categories import BACKGROUND_ACTORS, CAST_MEMBERS
from lynchpin.engine.breakdown.lexicon import (
    Matcher,
    compile_terms,
    expand_terms,
    load_lexicons,
    words_of,
)
from lynchpin.engine.breakdown.model import (
    Breakdown,
    BreakdownItem,
    SceneBreakdown,
    Span,
    Status,
)
from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.model import (
    TIMES_OF_DAY,
    ElementKind,
    IntExt,
    Scene,
    SceneHeading,
    Script,
)

HAZARDS_FILE = Path(__file__).with_name("hazards.json")


@dataclass(frozen=True, slots=True)
class Hazard:
    """A risk in one scene: scene index and number, rule kind (``"stunts"``), a message
    for people, and the spans of the script that caused it (sorted)."""

    scene: int
    number: str
    kind: str
    message: str
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: str
    message: str
    categories: frozenset[int]
    names: frozenset[str]
    lexicon_items: frozenset[tuple[int, str]]
    terms: Matcher | None
    scene: dict[str, Any] | None
    minors: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class _Rules:
    scan: frozenset[ElementKind]
    rules: tuple[_Rule, ...]


def _lexicon_items(ids: Iterable[str]) -> frozenset[tuple[int, str]]:
    wanted = set(ids)
    return frozenset(
        (lexicon.category, name)
        for lexicon in load_lexicons()
        if lexicon.id in wanted
        for name in lexicon.names
    )


def _rule(raw: dict[str, Any]) -> _Rule:
    kind = str(raw.get("kind", ""))
    if not kind or not raw.get("message"):
        raise InputError("rule needs kind and message", source=HAZARDS_FILE.name, field=kind)
    terms = raw.get("terms")
    return _Rule(
        kind,
        str(raw["message"]),
        frozenset(int(c) for c in raw.get("categories", [])),
        frozenset(str(n).upper() for n in raw.get("names", [])),
        _lexicon_items(raw.get("lexicons", [])),
        compile_terms(expand_terms(kind, kind, terms, plurals=False)) if terms else None,
        raw.get("scene"),
        raw.get("minors"),
    )


@cache
def _load_rules() -> _Rules:
    try:
        data = json.loads(HAZARDS_FILE.read_text(encoding="utf-8"))
        scan = frozenset(ElementKind(k) for k in data["scan"])
        rules = tuple(_rule(raw) for raw in data["rules"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"cannot read hazard rules: {error}", source=HAZARDS_FILE.name) from None
    if not data.get("source"):
        raise InputError("no source citation", source=HAZARDS_FILE.name, field="source")
    return _Rules(scan, rules)


def hazard_kinds() -> tuple[str, ...]:
    """The rule kinds in register order (``"stunts"``, ``"weapons"``, ...)."""
    return tuple(rule.kind for rule in _load_rules().rules)


def scene_time_of_day(heading: SceneHeading) -> str:
    """The heading's time of day; when the parser found none because something followed it
    (``EXT. STREET - NIGHT - RAIN``), the last dash-separated part or bracketed qualifier
    that is a known time of day. ``""`` when there is none."""
    if heading.time_of_day:
        return heading.time_of_day
    parts = [p.strip() for p in heading.set_name.split(" - ")][1:] + list(heading.qualifiers)
    for part in reversed(parts):
        if part in TIMES_OF_DAY:
            return part
    return ""


def find_hazards(script: Script, breakdown: Breakdown) -> tuple[Hazard, ...]:
    """Hazards of every scene, in scene order then rule order.

    `breakdown` is the script's breakdown (sheets matched to scenes by scene index);
    rejected items raise no hazard. Raises InputError if ``hazards.json`` is malformed.
    """
    rules = _load_rules()
    sheets = {sheet.scene: sheet for sheet in breakdown.scenes}
    minors = _minors_by_scene(script, rules)
    found: list[Hazard] = []
    for scene in script.scenes:
        sheet = sheets.get(scene.index, SceneBreakdown(scene.index, scene.number))
        for rule in rules.rules:
            children = minors.get(scene.index, frozenset())
            spans, names = _evaluate(rule, script, scene, sheet, rules.scan, children)
            if spans:
                message = f"{rule.message}: {', '.join(names)}" if names else rule.message
                ordered = tuple(sorted(set(spans), key=lambda s: (s.element, s.start, s.end)))
                found.append(Hazard(scene.index, scene.number, rule.kind, message, ordered))
    return tuple(found)


def _evaluate(
    rule: _Rule,
    script: Script,
    scene: Scene,
    sheet: SceneBreakdown,
    scan: frozenset[ElementKind],
    minors: frozenset[str],
) -> tuple[list[Span], list[str]]:
    """Spans and names that make `rule` fire in `scene`; no spans when it does not."""
    spans: list[Span] = []
    names: list[str] = []
    clauses: list[tuple[list[Span], list[str]]] = []
    if rule.categories or rule.names or rule.lexicon_items:
        clauses.append(_item_clause(rule, sheet))
    if rule.terms is not None:
        clauses.append(_term_clause(rule.terms, script, scene, scan))
    if rule.scene is not None:
        clauses.append(_scene_clause(rule.scene, script, scene))
    if rule.minors is not None:
        clauses.append(_minor_clause(rule.minors, sheet, minors))
    for clause_spans, clause_names in clauses:
        if not clause_spans:
            return [], []
        spans.extend(clause_spans)
        names.extend(n for n in clause_names if n not in names)
    return spans, names


def _live(sheet: SceneBreakdown) -> Iterator[BreakdownItem]:
    return (item for item in sheet.items if item.status is not Status.REJECTED)


def _item_clause(rule: _Rule, sheet: SceneBreakdown) -> tuple[list[Span], list[str]]:
    spans: list[Span] = []
    names: list[str] = []
    for item in _live(sheet):
        if rule.categories and item.category not in rule.categories:
            continue
        if rule.names and item.name not in rule.names:
            continue
        if rule.lexicon_items and (item.category, item.name) not in rule.lexicon_items:
            continue
        spans.extend(item.spans)
        names.append(item.name)
    return spans, names


def _term_clause(
    terms: Matcher, script: Script, scene: Scene, scan: frozenset[ElementKind]
) -> tuple[list[Span], list[str]]:
    spans: list[Span] = []
    for k in range(scene.start, scene.end):
        element = script.elements[k]
        if element.kind in scan:
            for m in terms.find(element.text):
                spans.append(Span(k, m.start, m.end, element.text[m.start : m.end]))
    return spans, []


def _scene_clause(
    condition: dict[str, Any], script: Script, scene: Scene
) -> tuple[list[Span], list[str]]:
    heading = scene.heading
    time = scene_time_of_day(heading)
    int_ext_ok = heading.int_ext in {IntExt(v) for v in condition.get("int_ext", [])}
    time_ok = bool(set(words_of(time)) & {w.casefold() for w in condition.get("time_words", [])})
    time_ok = time_ok or time.upper() in condition.get("time_words", [])
    if not (int_ext_ok and time_ok):
        return [], []
    element = script.elements[scene.start]
    return [text_span(scene.start, element.text, "")], []


def _minors_by_scene(script: Script, rules: _Rules) -> dict[int, frozenset[str]]:
    """Per scene index, the characters whose latest stated age (in script order, up to and
    including that scene) is under the minors rule's adult age. A later adult
    introduction (``WILL (30s)`` after ``WILL, AGE 3``) ends the flag."""
    adult = min((int(r.minors["adult_age"]) for r in rules.rules if r.minors), default=0)
    if not adult:
        return {}
    by_element: dict[int, list[tuple[str, int]]] = {}
    for intro in find_introductions(script):
        if intro.age is not None:
            by_element.setdefault(intro.element, []).append((intro.name, intro.age))
    ages: dict[str, int] = {}
    minors: dict[int, frozenset[str]] = {}
    for scene in script.scenes:
        for k in range(scene.start, scene.end):
            ages.update(by_element.get(k, []))
        minors[scene.index] = frozenset(name for name, age in ages.items() if age < adult)
    return minors


def _minor_clause(
    condition: dict[str, Any], sheet: SceneBreakdown, minors: frozenset[str]
) -> tuple[list[Span], list[str]]:
    cue_words = {w.upper() for w in condition.get("cue_words", [])}
    background = {n.upper() for n in condition.get("background_names", [])}
    spans: list[Span] = []
    names: list[str] = []
    for item in _live(sheet):
        child_cast = item.category == CAST_MEMBERS and (
            item.name in minors or bool(set(item.name.split()) & cue_words)
        )
        child_background = item.category == BACKGROUND_ACTORS and item.name in background
        if child_cast or child_background:
            spans.extend(item.spans)
            names.append(item.name)
    return spans, names
