"""Cast detection: who speaks in a scene, and who is introduced in CAPS in the action.

Speaking cast come from dialogue cues (``Element.speaker``). Non-speaking cast come from
runs of capitalised words in action, shot and general paragraphs:

- a run that is (or contains) the name of a character who speaks anywhere in the script is
  that character (`Introduction.known`);
- a run that names a speaking character in full maps to that character: ``NELL ARDAGH
  (64)`` is NELL (the words after a known name are its surname); ``PC DEV HOLT (40s)`` is
  PC HOLT (the speaking name's words all appear in the run, in order, and end it); ``DEV
  HOLT (40s)`` is PC HOLT when exactly one speaking name is a title plus that surname;
- any other capitalised word group directly followed by an age or a description --
  ``MARGARET (60s)``, ``LILY (8)``, ``TOM, 40,``, ``NURSE RATCHED, a stern woman`` --
  is a suggested character, and later capitalised mentions of the same name are too;
- except a plural group after a quantity word (``two HIKERS``, ``SEVERAL COPS``, ``a group
  of RAMBLERS``): that is a group of Background Actors (`Introduction.group`), and a name
  ending in a Background Actors lexicon term (``DOCK WORKERS``) is left to that lexicon.

Screen directions and other capitalised words (``CONTINUOUS``, ``V.O.``, ``CLOSE ON``,
``FBI``) are stop words, and any group that is a lexicon term (a sound effect such as
``BANG``, a prop) is never a character. The word lists live in ``lexicons/_cast.json``.
Everything here is linear in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from lynchpin.engine.breakdown.categories import BACKGROUND_ACTORS
from lynchpin.engine.breakdown.lexicon import lexicon_matcher, load_lexicons, load_rules
from lynchpin.engine.breakdown.model import Span
from lynchpin.engine.screenplay.model import ElementKind, Scene, Script, character_name

#: Element kinds scanned for capitalised character introductions.
INTRODUCTION_KINDS = frozenset({ElementKind.ACTION, ElementKind.GENERAL, ElementKind.SHOT})

_TOKEN = re.compile(r"[^\W_]+")
_RUN_GAPS = frozenset({" ", "-", "'", "\u2019", ". "})
_NUMBER_GAPS = frozenset({" ", " #", "#", "-"})
_APOSTROPHES = frozenset({"'", "\u2019"})
_WORD_OR_MARK = re.compile(r"[^\W_]+|[^\w\s]")
#: How far back (characters) to look for a quantity word before a capitalised group.
_QUANTITY_WINDOW = 40
_AFTER_NAME = re.compile(
    r"[ \t]*([(,])[ \t]*(?:(?:now|aged?)[ \t]+)?(?:(?:early|mid|late)[ \t-]*)?"
    r"(\d{1,3}(?!\d)|[^\W\d_]+)",
    re.IGNORECASE,
)
#: Largest number read as an age (``SHARPLY, 180 degrees`` is not an introduction).
MAX_AGE = 110


@dataclass(frozen=True, slots=True)
class Introduction:
    """A character named in capitals in the action.

    `element` indexes ``Script.elements``; `start`/`end` are offsets of the name in its text.
    `known` is True when the character speaks somewhere in the script. `age` is the age
    given right after the name in years (``(60s)`` -> 60, ``teens`` -> 15), else None.
    `group` is True for a group of Background Actors (``two HIKERS``), not a cast member.
    """

    element: int
    start: int
    end: int
    name: str
    known: bool
    age: int | None
    group: bool = False

    def span(self, text: str) -> Span:
        """The introduction as a breakdown span over its element's `text`."""
        return Span(self.element, self.start, self.end, text[self.start : self.end])


@dataclass(frozen=True, slots=True)
class _Rules:
    articles: frozenset[str]
    stopwords: frozenset[str]
    numbers: dict[str, int]
    decades: dict[str, int]
    descriptions: frozenset[str]
    leading: frozenset[str]  # dropped from the front of a name: articles and stop words
    max_words: int  # a longer capitalised group is a sentence, not a name
    quantities: frozenset[str]  # "two HIKERS": case-folded
    collectives: frozenset[str]  # "a group of HIKERS": case-folded
    irregular_plurals: frozenset[str]
    titles: frozenset[str]  # "PC" in "PC HOLT"


@cache
def _rules() -> _Rules:
    data = load_rules("_cast.json")
    return _Rules(
        frozenset(data["articles"]),
        frozenset(data["stopwords"]),
        {k.casefold(): int(v) for k, v in data["number_words"].items()},
        {k.casefold(): int(v) for k, v in data["decade_words"].items()},
        frozenset(w.casefold() for w in data["description_words"]),
        frozenset(data["articles"]) | frozenset(data["stopwords"]),
        int(data["max_name_words"]),
        frozenset(w.casefold() for w in data["group_quantities"]),
        frozenset(w.casefold() for w in data["group_collectives"]),
        frozenset(w.upper() for w in data["irregular_plurals"]),
        frozenset(w.upper() for w in data["titles"]),
    )


@cache
def _background_keys() -> frozenset[str]:
    return frozenset(lx.id for lx in load_lexicons() if lx.category == BACKGROUND_ACTORS)


_Entry = tuple[str, bool, bool]  # (name, known, group)


@dataclass(frozen=True, slots=True)
class _Known:
    """Names the scan recognises: CAPS word tuples -> entry, and multi-word speaking names
    by their last word (for ``PC DEV HOLT`` -> PC HOLT)."""

    index: dict[tuple[str, ...], _Entry]
    longest: int
    by_surname: dict[str, tuple[tuple[tuple[str, ...], str], ...]]


def speaking_cues(script: Script, scene: Scene) -> Iterator[tuple[str, Span]]:
    """(character name, span of the name in its cue) for every dialogue cue in `scene`."""
    for k in range(scene.start, scene.end):
        element = script.elements[k]
        if element.kind is ElementKind.CHARACTER and element.speaker:
            yield element.speaker, text_span(k, element.text, element.speaker)


def text_span(index: int, text: str, wanted: str) -> Span:
    """Span of `wanted` in `text` (case-insensitive, any whitespace between its words);
    the whole text without outer whitespace when it is not there."""
    words = wanted.split()
    if words:
        found = re.search(r"\s+".join(re.escape(w) for w in words), text, re.IGNORECASE)
        if found:
            return Span(index, found.start(), found.end(), found.group())
    start = len(text) - len(text.lstrip())
    end = max(start, len(text.rstrip()))
    return Span(index, start, end, text[start:end])


def age_after(text: str, pos: int) -> tuple[bool, int | None]:
    """Whether an age or description follows a name ending at `pos`, and the age if given.

    ``" (60s)"`` -> (True, 60); ``", a nurse"`` -> (True, None); ``" (V.O.)"`` -> (False,
    None); a lower-case word in brackets (``"(elegant, 70)"``) is a description.
    """
    rules = _rules()
    found = _AFTER_NAME.match(text, pos)
    if not found:
        return False, None
    mark, word = found.group(1), found.group(2)
    folded = word.casefold()
    if word.isdigit():
        return (True, int(word)) if int(word) <= MAX_AGE else (False, None)
    if folded in rules.numbers:
        return True, rules.numbers[folded]
    if folded in rules.decades:
        return True, rules.decades[folded]
    if mark == "," and folded in rules.descriptions:
        return True, None
    return mark == "(" and word[0].islower(), None


def _caps_runs(text: str) -> Iterator[list[re.Match[str]]]:
    """Maximal groups of capitalised words joined by a space, hyphen, apostrophe or ". "
    (digits may continue a group: ``WORKER #2``)."""
    run: list[re.Match[str]] = []
    for token in _TOKEN.finditer(text):
        word = token.group()
        gap = text[run[-1].end() : token.start()] if run else ""
        joins = gap in _RUN_GAPS or (word.isdigit() and gap in _NUMBER_GAPS)
        if run and joins and (word.isupper() or word.isdigit()):
            run.append(token)
            continue
        if run:
            yield run
        run = [token] if word.isupper() else []
    if run:
        yield run


def _trim(text: str, tokens: Sequence[re.Match[str]]) -> Sequence[re.Match[str]]:
    """Drop leading articles/stop words, trailing stop words and a possessive 'S."""
    rules = _rules()
    lo, hi = 0, len(tokens)
    while lo < hi and tokens[lo].group() in rules.leading:
        lo += 1
    while hi > lo and (
        tokens[hi - 1].group() in rules.stopwords
        or (
            tokens[hi - 1].group() == "S"
            and hi - 1 > lo
            and text[tokens[hi - 2].end() : tokens[hi - 1].start()] in _APOSTROPHES
        )
    ):
        hi -= 1
    return tokens[lo:hi]


def _is_lexicon_term(text: str) -> bool:
    """True when the whole of `text` is one lexicon term (BANG, REVOLVER, CROWD...)."""
    return any(m.start == 0 and m.end == len(text) for m in lexicon_matcher().find(text))


def _ends_in_background_term(text: str) -> bool:
    """True when `text` ends in a Background Actors lexicon term (DOCK WORKERS)."""
    keys = _background_keys()
    return any(m.key in keys and m.end == len(text) for m in lexicon_matcher().find(text))


def _is_plural(word: str) -> bool:
    upper = word.upper()
    if upper in _rules().irregular_plurals:
        return True
    return len(upper) > 3 and upper.endswith("S") and not upper.endswith(("SS", "US", "IS"))


def _after_quantity(text: str, run: Sequence[re.Match[str]], first_kept: int) -> bool:
    """Whether a quantity word comes right before the name: a dropped leading word of the
    run (``TWO COPS``) or the words before it (``two HIKERS``, ``a group of HIKERS``)."""
    rules = _rules()
    if any(t.group().casefold() in rules.quantities for t in run[:first_kept]):
        return True
    start = run[0].start()
    before = text[max(0, start - _QUANTITY_WINDOW) : start]
    if not before[-1:].isspace():
        return False
    words = [w.casefold() for w in _WORD_OR_MARK.findall(before)]
    if words and words[-1] in rules.quantities:
        return True
    return len(words) > 1 and words[-1] == "of" and words[-2] in rules.collectives


def _speaking_match(run_words: Sequence[str], last: str, known: _Known) -> str | None:
    """The speaking character a new CAPS name stands for, if exactly one fits (see module)."""
    options = known.by_surname.get(last, ())
    in_run = {name for words, name in options if _in_order(words, run_words)}
    if len(in_run) == 1:
        return in_run.pop()
    titled = {name for words, name in options if len(words) == 2 and words[0] in _rules().titles}
    return titled.pop() if len(titled) == 1 else None


def _in_order(words: Sequence[str], run_words: Sequence[str]) -> bool:
    remaining = iter(run_words)
    return all(word in remaining for word in words)


def _candidate(
    index: int, text: str, tokens: Sequence[re.Match[str]], known: _Known
) -> Introduction | None:
    """A new character (or background group, or a speaking character's full name): a
    trimmed caps group followed by an age/description."""
    kept = _trim(text, tokens)
    if not kept or len(kept) > _rules().max_words:
        return None
    if not any(len(t.group()) > 1 and not t.group().isdigit() for t in kept):
        return None
    start, end = kept[0].start(), kept[-1].end()
    introduced, age = age_after(text, end)
    name_text = text[start:end]
    if not introduced or _is_lexicon_term(name_text) or _ends_in_background_term(name_text):
        return None
    last = kept[-1].group().upper()
    speaker = _speaking_match([t.group().upper() for t in tokens], last, known)
    if speaker:
        return Introduction(index, start, end, speaker, True, age)
    group = _is_plural(last) and _after_quantity(text, tokens, list(tokens).index(kept[0]))
    return Introduction(index, start, end, character_name(name_text), False, age, group)


_NameIndex = dict[tuple[str, ...], _Entry]


def _known_hits(
    words: list[str], names: _NameIndex, longest: int
) -> list[tuple[int, int, _Entry]]:
    """(first token, token count, (name, known, group)) of each name in `words`, longest
    first."""
    hits: list[tuple[int, int, _Entry]] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            hit = names.get(tuple(words[i : i + size]))
            if hit:
                hits.append((i, size, hit))
                i += size
                break
        else:
            i += 1
    return hits


def _run_introductions(
    index: int, text: str, run: list[re.Match[str]], known: _Known
) -> Iterator[Introduction]:
    """Known names in one caps run, and a new character when the run holds none.

    Capitalised words after a known name up to the next one are its surname or the rest
    of an all-caps sentence (``WILL BLOOM, AGE 3``): they belong to it, and an age after
    them is its age. Words before the first known name may be a new character.
    """
    hits = _known_hits([t.group().upper() for t in run], known.index, known.longest)
    if not hits:
        if new := _candidate(index, text, run, known):
            yield new
        return
    if hits[0][0] > 0 and (new := _candidate(index, text, run[: hits[0][0]], known)):
        yield new
    for n, (i, size, (name, is_known, group)) in enumerate(hits):
        tail = hits[n + 1][0] if n + 1 < len(hits) else len(run)
        age = age_after(text, run[tail - 1].end())[1]
        start, end = run[i].start(), run[i + size - 1].end()
        yield Introduction(index, start, end, name, is_known, age, group)


def _scan(script: Script, known: _Known) -> Iterator[Introduction]:
    for scene in script.scenes:
        for k in range(scene.start, scene.end):
            element = script.elements[k]
            if element.kind in INTRODUCTION_KINDS:
                for run in _caps_runs(element.text):
                    yield from _run_introductions(k, element.text, run, known)


def _known(names: dict[str, tuple[bool, bool]]) -> _Known:
    """Index `names` (name -> (speaks, group)); earlier entries win a shared spelling."""
    index: _NameIndex = {}
    by_surname: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, (speaks, group) in names.items():
        words = tuple(w.upper() for w in _TOKEN.findall(name))
        if words and any(len(w) > 1 for w in words):
            index.setdefault(words, (name, speaks, group))
            if speaks and len(words) > 1:
                by_surname.setdefault(words[-1], []).append((words, name))
    longest = max((len(key) for key in index), default=0)
    return _Known(index, longest, {k: tuple(v) for k, v in by_surname.items()})


def find_introductions(script: Script) -> tuple[Introduction, ...]:
    """Every capitalised character introduction in the script's scenes, in script order.

    Two passes: the first finds new characters and groups (caps + age/description); the
    second also matches their later capitalised mentions. Speaking characters win over
    new names.
    """
    speaking = {c.name: (True, False) for c in script.characters}
    names = dict(speaking)  # speaking names first: they win a shared spelling
    for intro in _scan(script, _known(speaking)):
        if not intro.known:
            names.setdefault(intro.name, (False, intro.group))
    return tuple(_scan(script, _known(names)))
