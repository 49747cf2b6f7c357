"""Find lexicon phrases in tokenised text: exact, token by token, in linear time.

Text is turned into *match units*: lowercased tokens with possessive endings dropped
("Trump's" -> "trump"). A hyphenated word is one unit ("so-called"), so "would-be"
never matches "would be"; punctuation is a unit too, so no phrase crosses it. Phrases are looked up by their
first unit, then by their length, longest first: at each position the matcher makes
one dictionary lookup per distinct phrase length (at most eight in a valid lexicon),
whatever the number of phrases, and never backtracks, so a user's lexicon cannot make
it slow.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter
from typing import Generic, TypeVar

from .tokens import Token, slot_builder

__all__ = ["PhraseMatcher", "Unit", "match_units", "phrase_keys", "unit_key", "units_of"]

P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Unit:
    key: str
    start: int
    end: int


def unit_key(word: str) -> str:
    w = word.lower()
    if w.endswith("'s") and len(w) > 2:
        return w[:-2]
    if w.endswith("'") and len(w) > 1:
        return w[:-1]
    return w


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The match units of a lexicon phrase."""
    return tuple(unit_key(word) for word in phrase.split())


_units = slot_builder(Unit)
# the same few thousand words come back in every article
_cached_unit_key = lru_cache(maxsize=1 << 16)(unit_key)
_start = attrgetter("start")
_end = attrgetter("end")
_text = attrgetter("text")


def match_units(tokens: Iterable[Token]) -> list[Unit]:
    tokens = tokens if isinstance(tokens, Sequence) else list(tokens)
    return units_of(list(map(_text, tokens)), list(map(_start, tokens)), list(map(_end, tokens)))


def units_of(words: Sequence[str], starts: Sequence[int], ends: Sequence[int]) -> list[Unit]:
    """The match units of tokens given as columns: their forms, starts and ends."""
    return _units(list(map(_cached_unit_key, words)), starts, ends)


_MISSING = object()


class PhraseMatcher(Generic[P]):
    """Longest-match, left-to-right lookup of many phrases at once."""

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], P]]):
        index: dict[str, dict[int, dict[tuple[str, ...], P]]] = {}
        for keys, payload in phrases:
            if not keys:
                continue
            index.setdefault(keys[0], {}).setdefault(len(keys), {}).setdefault(keys, payload)
        # by first unit: (length, phrases of that length) pairs, longest first
        self._index = {
            first: sorted(by_size.items(), key=lambda kv: -kv[0]) for first, by_size in index.items()
        }
        # by first unit: the second units of its longer phrases (most positions need none of them)
        self._seconds = {
            first: frozenset(keys[1] for size, group in by_size.items() if size > 1 for keys in group)
            for first, by_size in index.items()
        }
        self.size = sum(len(group) for sizes in self._index.values() for _, group in sizes)

    def find(self, units: Sequence[Unit] | Sequence[str]) -> list[tuple[int, int, P]]:
        """Non-overlapping matches as ``(first_unit, end_unit, payload)``, longest first.

        ``units`` may be the units or just their keys (the faster call).
        """
        out: list[tuple[int, int, P]] = []
        free = 0  # the first unit not inside a match already found
        for match in self._matches(_keys(units)):
            if match[0] >= free:
                out.append(match)
                free = match[1]
        return out

    def find_all(self, units: Sequence[Unit] | Sequence[str]) -> list[tuple[int, int, P]]:
        """Every match, overlapping ones included."""
        return list(self._matches(_keys(units)))

    def _matches(self, keys: Sequence[str]) -> Iterator[tuple[int, int, P]]:
        """Every match, in text order, the longest first at each position."""
        index, seconds = self._index, self._seconds
        last = len(keys) - 1
        # only the units that start some phrase are tried (picked out at C speed), and
        # longer phrases only where the next unit is the second unit of one of them
        for i in compress(count(), map(index.__contains__, keys)):
            key = keys[i]
            longer = i < last and keys[i + 1] in seconds[key]
            for size, group in index[key]:
                if size > 1 and not longer:
                    continue
                payload = group.get(tuple(keys[i : i + size]), _MISSING)
                if payload is not _MISSING:
                    yield (i, i + size, payload)  # type: ignore[misc]


def _keys(units: Sequence[Unit] | Sequence[str]) -> Sequence[str]:
    if units and not isinstance(units[0], str):
        return [u.key for u in units]  # type: ignore[union-attr]
    return units  # type: ignore[return-value]
