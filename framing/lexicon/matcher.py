"""Find lexicon phrases in tokenised text: exact, token by token, in linear time.

Text is turned into *match units*: lowercased tokens with possessive endings dropped
("Trump's" -> "trump"). A hyphenated word is one unit ("so-called"), so "would-be"
never matches "would be"; punctuation is a unit too, so no phrase crosses it. Phrases are looked up by their
first unit and tried longest first, so the matcher never backtracks and a user's
lexicon cannot make it slow.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..text.tokens import Token

__all__ = ["PhraseMatcher", "Unit", "match_units", "phrase_keys", "unit_key"]

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


def match_units(tokens: Iterable[Token]) -> list[Unit]:
    return [Unit(unit_key(tok.text), tok.start, tok.end) for tok in tokens]


class PhraseMatcher(Generic[P]):
    """Longest-match, left-to-right lookup of many phrases at once."""

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], P]]):
        index: dict[str, dict[tuple[str, ...], P]] = {}
        for keys, payload in phrases:
            if not keys:
                continue
            index.setdefault(keys[0], {}).setdefault(keys, payload)
        self._index = {
            first: sorted(by_keys.items(), key=lambda kv: -len(kv[0])) for first, by_keys in index.items()
        }
        self.size = sum(len(v) for v in self._index.values())

    def _at(self, keys: Sequence[str], i: int) -> Iterable[tuple[int, P]]:
        for phrase, payload in self._index.get(keys[i], ()):
            n = len(phrase)
            if tuple(keys[i : i + n]) == phrase:
                yield n, payload

    def find(self, units: Sequence[Unit]) -> list[tuple[int, int, P]]:
        """Non-overlapping matches as ``(first_unit, end_unit, payload)``, longest first."""
        keys = [u.key for u in units]
        out: list[tuple[int, int, P]] = []
        i = 0
        while i < len(keys):
            for n, payload in self._at(keys, i):
                out.append((i, i + n, payload))
                i += n
                break
            else:
                i += 1
        return out

    def find_all(self, units: Sequence[Unit]) -> list[tuple[int, int, P]]:
        """Every match, overlapping ones included."""
        keys = [u.key for u in units]
        return [(i, i + n, p) for i in range(len(keys)) for n, p in self._at(keys, i)]
