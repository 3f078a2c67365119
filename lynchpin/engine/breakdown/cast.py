"""Cast detection: who speaks in a scene, and who is introduced in CAPS in the action.

Speaking cast come from dialogue cues (``Element.speaker``). Non-speaking cast come from
runs of capitalised words in action, shot and general paragraphs:

- a run that is (or contains) the name of a character who speaks anywhere in the script is
  that character (`Introduction.known`);
- any other capitalised word group directly followed by an age or a description --
  ``MARGARET (60s)``, ``LILY (8)``, ``TOM, 40,``, ``NURSE RATCHED, a stern woman`` --
  is a suggested character, and later capitalised mentions of the same name are too.

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

from lynchpin.engine.breakdown.lexicon import lexicon_matcher, load_rules
from lynchpin.engine.breakdown.model import Span
from lynchpin.engine.screenplay.model import ElementKind, Scene, Script, character_name

#: Element kinds scanned for capitalised character introductions.
INTRODUCTION_KINDS = frozenset({ElementKind.ACTION, ElementKind.GENERAL, ElementKind.SHOT})

_TOKEN = re.compile(r"[^\W_]+")
_RUN_GAPS = frozenset({" ", "-", "'", "\u2019", ". "})
_NUMBER_GAPS = frozenset({" ", " #", "#", "-"})
_APOSTROPHES = frozenset({"'", "\u2019"})
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
    """

    element: int
    start: int
    end: int
    name: str
    known: bool
    age: int | None

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
    )


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


def _candidate(
    index: int, text: str, tokens: Sequence[re.Match[str]]
) -> Introduction | None:
    """A new (unknown) character: a trimmed caps group followed by an age/description."""
    kept = _trim(text, tokens)
    if not kept or len(kept) > _rules().max_words:
        return None
    if not any(len(t.group()) > 1 and not t.group().isdigit() for t in kept):
        return None
    start, end = kept[0].start(), kept[-1].end()
    introduced, age = age_after(text, end)
    if not introduced or _is_lexicon_term(text[start:end]):
        return None
    return Introduction(index, start, end, character_name(text[start:end]), False, age)


_NameIndex = dict[tuple[str, ...], tuple[str, bool]]


def _known_hits(
    words: list[str], names: _NameIndex, longest: int
) -> list[tuple[int, int, tuple[str, bool]]]:
    """(first token, token count, (name, known)) of each name in `words`, longest first."""
    hits: list[tuple[int, int, tuple[str, bool]]] = []
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
    index: int, text: str, run: list[re.Match[str]], names: _NameIndex, longest: int
) -> Iterator[Introduction]:
    """Known names in one caps run, and a new character when the run holds none.

    Capitalised words after a known name up to the next one are its surname or the rest
    of an all-caps sentence (``WILL BLOOM, AGE 3``): they belong to it, and an age after
    them is its age. Words before the first known name may be a new character.
    """
    hits = _known_hits([t.group().upper() for t in run], names, longest)
    if not hits:
        if new := _candidate(index, text, run):
            yield new
        return
    if hits[0][0] > 0 and (new := _candidate(index, text, run[: hits[0][0]])):
        yield new
    for n, (i, size, (name, known)) in enumerate(hits):
        tail = hits[n + 1][0] if n + 1 < len(hits) else len(run)
        age = age_after(text, run[tail - 1].end())[1]
        yield Introduction(index, run[i].start(), run[i + size - 1].end(), name, known, age)


def _scan(script: Script, names: _NameIndex) -> Iterator[Introduction]:
    longest = max((len(key) for key in names), default=0)
    for scene in script.scenes:
        for k in range(scene.start, scene.end):
            element = script.elements[k]
            if element.kind in INTRODUCTION_KINDS:
                for run in _caps_runs(element.text):
                    yield from _run_introductions(k, element.text, run, names, longest)


def _index(names: dict[str, bool]) -> _NameIndex:
    index: _NameIndex = {}
    for name, known in names.items():
        words = tuple(w.upper() for w in _TOKEN.findall(name))
        if words and any(len(w) > 1 for w in words):
            index.setdefault(words, (name, known))
    return index


def find_introductions(script: Script) -> tuple[Introduction, ...]:
    """Every capitalised character introduction in the script's scenes, in script order.

    Two passes: the first finds new characters (caps + age/description); the second also
    matches their later capitalised mentions. Speaking characters win over new names.
    """
    speaking = {c.name: True for c in script.characters}
    first = {i.name: False for i in _scan(script, _index(speaking)) if not i.known}
    return tuple(_scan(script, _index({**first, **speaking})))
