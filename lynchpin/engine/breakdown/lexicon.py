"""Word lists that suggest breakdown elements, and a linear-time matcher over them.

A lexicon is a JSON file in ``lexicons/`` (files whose name starts with ``_`` hold other
rules). Each maps canonical element names to the words and phrases that suggest them::

    {"source": "...", "category": 104, "scan": ["Action", "Shot", "General"],
     "plural": true, "not_after": ["like", "toy"],
     "elements": {"REVOLVER": ["revolver", "six-shooter"],
                  "FIRE": {"terms": ["fire", "flames"], "plural": false},
                  "DUCK": {"terms": ["duck"], "not_before": ["under", "behind"]},
                  "BANG": {"terms": ["bang"], "caps_only": true}},
     "ignore": ["fire escape"]}

Matching is whole-word and case-insensitive over word tokens (runs of letters/digits), so
"scar" never matches inside "scarf" (nor does a match start after an apostrophe:
"O'Brien", "Ox'ox"). A phrase's words may be separated by spaces, a hyphen,
an apostrophe or a line break. Regular plurals of a term's last word are generated
("knife" needs an explicit "knives"). ``caps_only`` terms match only text printed in
capitals (sound effects: CRASH). ``ignore`` phrases match like terms but suggest nothing,
so "fire escape" hides FIRE. Per lexicon, the longest match starting leftmost that passes
its context rules wins and matches of one lexicon never overlap; different lexicons match
independently.

Context rules (``not_before``, ``not_after``, ``only_before``/``within``; on an element, or
on the whole lexicon for ``not_before``/``not_after``) are described in `context`. The
packaged matcher (`lexicon_matcher`) also skips matches that are only part of a hyphenated
compound and matches inside double quotes.

The matcher is a token trie: time is O(words x longest phrase), no backtracking regex.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lynchpin.engine.breakdown.context import (
    NO_CONTEXT,
    Context,
    in_compound,
    parse_context,
    quoted_tokens,
)
from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.model import ElementKind

LEXICON_DIR = Path(__file__).with_name("lexicons")

_TOKEN = re.compile(r"[^\W_]+")
_JOINERS = frozenset(" \t\n-\u2010\u2011'\u2019")
_APOSTROPHES = frozenset({"'", "\u2019"})
_DEFAULT_SCAN = (ElementKind.ACTION, ElementKind.SHOT, ElementKind.GENERAL)
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


@dataclass(frozen=True, slots=True)
class Term:
    """One phrase to look for: `key` groups matches (lexicon id), `name` None = ignore.

    `context` holds the neighbour-word rules a match must pass (see `context`).
    """

    key: str
    name: str | None
    words: tuple[str, ...]
    caps_only: bool = False
    context: Context = NO_CONTEXT


@dataclass(frozen=True, slots=True)
class Match:
    """A match in one text: lexicon key, element name, character offsets (end exclusive)."""

    key: str
    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A loaded lexicon file: id (file stem), USS category, kinds it scans, its terms."""

    id: str
    category: int
    scan: frozenset[ElementKind]
    terms: tuple[Term, ...]
    names: frozenset[str]


def words_of(text: str) -> tuple[str, ...]:
    """The case-folded word tokens of `text` (the unit every match works in)."""
    return tuple(t.casefold() for t in _TOKEN.findall(text))


def plural(word: str) -> str:
    """Regular English plural of one lower-case word (irregular ones go in the data)."""
    if word.endswith(_SIBILANT_ENDINGS):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


class _Node:
    __slots__ = ("children", "terms")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.terms: list[Term] = []


@dataclass(frozen=True)
class Matcher:
    """A compiled set of terms. Build with `compile_terms`; call `find` on a text.

    `whole_compounds`: a match may not be only part of a hyphenated compound.
    `skip_quoted`: matches inside double quotes suggest nothing (they still hide shorter
    matches of their lexicon, like ignore phrases).
    """

    root: _Node = field(repr=False)
    whole_compounds: bool = False
    skip_quoted: bool = False

    def find(self, text: str) -> list[Match]:
        """All matches in `text`, ordered by start: leftmost-longest passing its context
        rules, no overlap per key. Linear in the text length."""
        tokens = list(_TOKEN.finditer(text))
        quoted = quoted_tokens(text, tokens) if self.skip_quoted else [False] * len(tokens)
        covered: dict[str, int] = {}
        found: list[Match] = []
        for i, first in enumerate(tokens):
            if i and text[tokens[i - 1].end() : first.start()] in _APOSTROPHES:
                continue  # the tail of "O'Brien" or "dog's" starts no match
            for options in self._terms_at(text, tokens, i).values():
                chosen = self._longest_allowed(text, tokens, i, options)
                if chosen is None or covered.get(chosen[0].key, -1) > first.start():
                    continue
                term, j = chosen
                covered[term.key] = tokens[j].end()
                if term.name is not None and not quoted[i]:
                    found.append(Match(term.key, term.name, first.start(), tokens[j].end()))
        return found

    def _longest_allowed(
        self, text: str, tokens: list[re.Match[str]], i: int, options: list[tuple[Term, int]]
    ) -> tuple[Term, int] | None:
        """The longest (term, last token) of `options` whose context rules hold."""
        for term, j in reversed(options):
            if self.whole_compounds and in_compound(text, tokens, i, j):
                continue
            if term.context.allows(text, tokens, i, j):
                return term, j
        return None

    def _terms_at(
        self, text: str, tokens: list[re.Match[str]], i: int
    ) -> dict[str, list[tuple[Term, int]]]:
        """Per key, the terms starting at token `i` with their last token, shortest first."""
        found: dict[str, list[tuple[Term, int]]] = {}
        node: _Node | None = self.root
        for j in range(i, len(tokens)):
            if j > i and not _joinable(text[tokens[j - 1].end() : tokens[j].start()]):
                break
            node = node.children.get(tokens[j].group().casefold()) if node else None
            if node is None:
                break
            for term in node.terms:
                if term.caps_only and not text[tokens[i].start() : tokens[j].end()].isupper():
                    continue
                found.setdefault(term.key, []).append((term, j))
        return found


def _joinable(gap: str) -> bool:
    """Words of one phrase: separated by at most 3 spaces/hyphens/apostrophes/newlines."""
    return 0 < len(gap) <= 3 and all(c in _JOINERS for c in gap) and gap.count("\n") <= 1


def compile_terms(
    terms: Iterable[Term], *, whole_compounds: bool = False, skip_quoted: bool = False
) -> Matcher:
    """Compile terms into a token trie (later duplicates of one key and phrase are kept too).

    The two flags switch on the compound and quotation rules (see `Matcher`); they are off
    by default so word rules that want every mention (hazard words) keep it.
    """
    root = _Node()
    for term in terms:
        node = root
        for word in term.words:
            node = node.children.setdefault(word, _Node())
        node.terms.append(term)
    return Matcher(root, whole_compounds, skip_quoted)


def expand_terms(
    key: str,
    name: str | None,
    phrases: Iterable[str],
    *,
    plurals: bool,
    caps_only: bool = False,
    context: Context = NO_CONTEXT,
) -> Iterator[Term]:
    """Terms for `phrases`, with the plural of each phrase's last word when `plurals`."""
    for phrase in phrases:
        words = words_of(phrase)
        if not words:
            continue
        yield Term(key, name, words, caps_only, context)
        if plurals:
            yield Term(key, name, (*words[:-1], plural(words[-1])), caps_only, context)


def _element_terms(
    key: str, name: str, spec: Any, plurals: bool, inherited: Context, source: str
) -> list[Term]:
    """Terms of one element. `spec` is a list of phrases, an object with ``terms`` (and
    options), or a list of such objects: variants of one element with their own rules."""
    if isinstance(spec, list) and spec and all(isinstance(v, Mapping) for v in spec):
        return [
            term
            for variant in spec
            for term in _element_terms(key, name, variant, plurals, inherited, source)
        ]
    if isinstance(spec, list):
        spec = {"terms": spec}
    if not isinstance(spec, Mapping) or not isinstance(spec.get("terms"), list):
        raise InputError(f"element {name!r} needs a list of terms", source=source, field=name)
    return list(
        expand_terms(
            key,
            name,
            [str(t) for t in spec["terms"]],
            plurals=bool(spec.get("plural", plurals)),
            caps_only=bool(spec.get("caps_only", False)),
            context=parse_context(spec, inherited=inherited, source=source, name=name),
        )
    )


def parse_lexicon(key: str, data: Mapping[str, Any], *, source: str = "") -> Lexicon:
    """Build a `Lexicon` from a decoded JSON object; raises InputError naming the field."""
    if not data.get("source"):
        raise InputError("no source citation", source=source, field="source")
    category = data.get("category")
    if not isinstance(category, int) or not 100 <= category <= 124:
        raise InputError(f"category {category!r} is not a USS id", source=source, field="category")
    try:
        scan = frozenset(ElementKind(k) for k in data.get("scan", _DEFAULT_SCAN))
    except ValueError as error:
        raise InputError(str(error), source=source, field="scan") from None
    plurals = bool(data.get("plural", True))
    shared = parse_context(
        {k: v for k, v in data.items() if k in ("not_before", "not_after")}, source=source
    )
    terms: list[Term] = []
    elements = data.get("elements")
    if not isinstance(elements, Mapping):
        raise InputError("no elements", source=source, field="elements")
    for name, spec in elements.items():
        terms.extend(_element_terms(key, str(name).upper(), spec, plurals, shared, source))
    terms.extend(expand_terms(key, None, data.get("ignore", []), plurals=plurals))
    names = frozenset(str(n).upper() for n in elements)
    return Lexicon(key, category, scan, tuple(terms), names)


@cache
def load_lexicons() -> tuple[Lexicon, ...]:
    """Every lexicon file in ``lexicons/`` (sorted by name). Cached; InputError if malformed."""
    lexicons = []
    for path in sorted(LEXICON_DIR.glob("*.json")):
        if path.name.startswith("_"):
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise InputError(f"cannot read lexicon: {error}", source=path.name) from None
        lexicons.append(parse_lexicon(path.stem, data, source=path.name))
    return tuple(lexicons)


@cache
def lexicon_matcher() -> Matcher:
    """One matcher over all lexicons (keys are lexicon ids), with the compound and
    quotation rules on. Compiled once."""
    terms = (t for lexicon in load_lexicons() for t in lexicon.terms)
    return compile_terms(terms, whole_compounds=True, skip_quoted=True)


def load_rules(name: str) -> dict[str, Any]:
    """A non-lexicon rules file from ``lexicons/`` (``_cast.json``); InputError if broken."""
    path = LEXICON_DIR / name
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read rules: {error}", source=path.name) from None
    if not data.get("source"):
        raise InputError("no source citation", source=path.name, field="source")
    return data
