"""Context rules for lexicon matches: the words around a match decide whether it counts.

A word list suggests "duck" for "the ducks on the pond" but not for "she ducks under the
rope"; "cab" for "hails a cab" but not for "the van's cab". Element entries in a lexicon
file can carry these rules (all words compared case-folded, curly apostrophes made
straight, possessives kept whole: ``van's``):

- ``not_before``: the match is dropped when the word right after it is one of these
  ("ducks" + ``under``, "hog" + ``the``).
- ``not_after``: the match is dropped when the word right before it is one of these, or
  is a determiner (``a``, ``the``, ``his``...) preceded by one of these ("he ducks",
  "the van's cab", "like a train", "unscrews the cap").
- ``only_before`` with ``within`` (default 1): the match counts only when one of these
  words follows within that many words, in the same sentence ("hangs from" ... ``ledge``,
  "jumps" + ``from``/``off``/``into``).

"Right after/before" means separated by white space only: punctuation ends the context,
so "He jumps. Up ahead" does not read as "jumps up". Two more rules need no data and are
switched on per matcher (see `lexicon.compile_terms`): a match may not be one part of a
hyphenated compound ("dance-band" is not a BAND, "dog-eared" not a DOG; list the compound
itself to match it), and nothing inside double quotes is suggested (signs, captions and
song titles name things that are not there: "LOST DOG").

Every check looks at a bounded number of neighbouring tokens, so matching stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lynchpin.engine.errors import InputError

#: Words skipped once when looking for the word before a match ("like *a* train").
DETERMINERS = frozenset(
    {"a", "an", "the", "his", "her", "their", "its", "my", "your", "our", "this", "that",
     "these", "those", "some"}
)
_SPACES = frozenset(" \t\n")
_SOFT_GAP = frozenset(" \t\n-\u2010\u2011'\u2019")  # still the same clause
_HYPHENS = frozenset("-\u2010\u2011")
_APOSTROPHES = frozenset("'\u2019")
_OPEN_QUOTES = frozenset('"\u201c')
_CLOSE_QUOTES = frozenset('"\u201d')
_MAX_WITHIN = 8

Tokens = Sequence[re.Match[str]]


@dataclass(frozen=True, slots=True)
class Context:
    """Neighbour-word rules of one lexicon element (see the module docstring)."""

    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    only_before: frozenset[str] = frozenset()
    within: int = 1

    def allows(self, text: str, tokens: Tokens, first: int, last: int) -> bool:
        """Whether a match over tokens `first`..`last` (inclusive) of `text` passes."""
        if self.not_before and _word_after(text, tokens, last) in self.not_before:
            return False
        if self.not_after and _words_before(text, tokens, first) & self.not_after:
            return False
        return not self.only_before or self._followed(text, tokens, last)

    def _followed(self, text: str, tokens: Tokens, last: int) -> bool:
        for k in range(last + 1, min(last + 1 + self.within, len(tokens))):
            if not _is_gap(text[tokens[k - 1].end() : tokens[k].start()], _SOFT_GAP):
                return False
            if tokens[k].group().casefold() in self.only_before:
                return True
        return False


NO_CONTEXT = Context()


def normal_word(word: str) -> str:
    """A context word as compared: case-folded, straight apostrophe."""
    return word.casefold().replace("\u2019", "'")


def _is_gap(gap: str, allowed: frozenset[str]) -> bool:
    return 0 < len(gap) <= 3 and all(c in allowed for c in gap) and gap.count("\n") <= 1


def _word_after(text: str, tokens: Tokens, last: int) -> str | None:
    """The word right after token `last` (white space between), possessive kept."""
    k = last + 1
    if k >= len(tokens) or not _is_gap(text[tokens[last].end() : tokens[k].start()], _SPACES):
        return None
    word = tokens[k].group()
    if k + 1 < len(tokens) and text[tokens[k].end() : tokens[k + 1].start()] in _APOSTROPHES:
        word += "'" + tokens[k + 1].group()
    return normal_word(word)


def _word_ending(text: str, tokens: Tokens, k: int) -> tuple[str, int]:
    """The word whose last token is `k` ("van's" when `k` is its "s") and its first token."""
    if k > 0 and text[tokens[k - 1].end() : tokens[k].start()] in _APOSTROPHES:
        return normal_word(tokens[k - 1].group() + "'" + tokens[k].group()), k - 1
    return normal_word(tokens[k].group()), k


def _words_before(text: str, tokens: Tokens, first: int) -> set[str]:
    """The word right before token `first`, plus the one before it if that is a determiner."""
    words: set[str] = set()
    k = first
    for _ in range(2):
        if k == 0 or not _is_gap(text[tokens[k - 1].end() : tokens[k].start()], _SPACES):
            break
        word, k = _word_ending(text, tokens, k - 1)
        words.add(word)
        if word not in DETERMINERS:
            break
    return words


def in_compound(text: str, tokens: Tokens, first: int, last: int) -> bool:
    """Whether tokens `first`..`last` are only part of a hyphenated compound ("dance-band")."""
    before = first > 0 and text[tokens[first - 1].end() : tokens[first].start()] in _HYPHENS
    after = last + 1 < len(tokens) and (
        text[tokens[last].end() : tokens[last + 1].start()] in _HYPHENS
    )
    return before or after


def quoted_tokens(text: str, tokens: Tokens) -> list[bool]:
    """Per token, whether it lies between a pair of double quotes.

    Straight quotes pair up in order; an unpaired last quote quotes nothing (a typo must
    not hide the rest of a paragraph).
    """
    marks = [i for i, c in enumerate(text) if c in _OPEN_QUOTES or c in _CLOSE_QUOTES]
    ranges = list(zip(marks[0::2], marks[1::2], strict=False))
    flags: list[bool] = []
    r = 0
    for token in tokens:
        while r < len(ranges) and ranges[r][1] < token.start():
            r += 1
        flags.append(r < len(ranges) and ranges[r][0] < token.start() < ranges[r][1])
    return flags


def _word_set(value: Any, field: str, source: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise InputError(f"{field} must be a list of words", source=source, field=field)
    bad = [w for w in value if not w.strip() or any(c.isspace() for c in w.strip())]
    if bad:
        raise InputError(
            f"{field} holds single words ({bad[0]!r}); use 'ignore' for phrases",
            source=source,
            field=field,
        )
    return frozenset(normal_word(w.strip()) for w in value)


def parse_context(
    spec: Mapping[str, Any], *, inherited: Context = NO_CONTEXT, source: str = "", name: str = ""
) -> Context:
    """The context rules of an element spec (merged with its lexicon's `inherited` ones).

    ``"inherit": false`` on an element drops its lexicon's shared rules (a verb that still
    needs the element: "he cuffs him" needs handcuffs). Raises InputError naming the field
    when a list is not a list of single words or ``within`` is not an integer from 1 to 8.
    """
    if spec.get("inherit", True) is False:
        inherited = NO_CONTEXT

    def words(key: str, base: Iterable[str]) -> frozenset[str]:
        field = f"{name}.{key}" if name else key
        extra = _word_set(spec[key], field, source) if key in spec else frozenset()
        return frozenset(base) | extra

    within = spec.get("within", 1)
    if not isinstance(within, int) or isinstance(within, bool) or not 1 <= within <= _MAX_WITHIN:
        raise InputError(f"within must be 1..{_MAX_WITHIN}", source=source, field=f"{name}.within")
    return Context(
        words("not_before", inherited.not_before),
        words("not_after", inherited.not_after),
        words("only_before", inherited.only_before),
        within,
    )
