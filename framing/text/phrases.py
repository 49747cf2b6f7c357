"""Finding the terms of phrase lexicons (loaded language, sourcing, frames, epistemic
markers) in a document: every inflected form, longest match first, minus the phrases
an entry excludes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..lexicon.inflect import noun_forms, term_variants, verb_forms
from .matcher import PhraseMatcher, Unit, _keys, phrase_keys

__all__ = ["Match", "PhraseFinder"]


def _loose_variants(phrase: str) -> set[str]:
    """An exclusion phrase in its inflected forms too ("play squash", "plays squash")."""
    words = phrase.split()
    out = {phrase}
    out |= {" ".join([f, *words[1:]]) for f in verb_forms(words[0])}
    out |= {" ".join([*words[:-1], f]) for f in noun_forms(words[-1])}
    return out


@dataclass(frozen=True, slots=True)
class Match:
    """A term found in a document: units ``[first, end)`` and the entry behind it."""

    first: int
    end: int
    lexicon: object  # the Lexicon (kept untyped here to avoid an import cycle)
    entry: Any


class PhraseFinder:
    """All the terms of some lexicons, compiled once."""

    def __init__(self, lexicons: Sequence[object]):
        phrases: list[tuple[tuple[str, ...], tuple[object, Any]]] = []
        exclusions: list[tuple[tuple[str, ...], Any]] = []
        for lex in lexicons:
            for entry in lex.entries:  # type: ignore[attr-defined]
                for v in sorted(term_variants(entry)):
                    phrases.append((phrase_keys(v), (lex, entry)))
                for x in entry.exclude:
                    for v in sorted(_loose_variants(x)):
                        exclusions.append((phrase_keys(v), entry))
        self._matcher: PhraseMatcher[tuple[object, Any]] = PhraseMatcher(phrases)
        self._exclusions: PhraseMatcher[Any] = PhraseMatcher(exclusions)

    def find(self, units: Sequence[Unit] | Sequence[str]) -> list[Match]:
        """Matches in ``units`` (or their keys), minus excluded phrases."""
        return self.find_and_excluded(units)[0]

    def find_and_excluded(self, units: Sequence[Unit] | Sequence[str]) -> tuple[list[Match], list[Match]]:
        """The matches in ``units`` (or their keys), and apart the matches an excluded
        phrase removed ("squash" in "plays squash")."""
        keys = _keys(units)
        excluded: dict[Any, list[tuple[int, int]]] = defaultdict(list)
        if self._exclusions.size:
            for i, j, entry in self._exclusions.find_all(keys):
                excluded[entry].append((i, j))
        out: list[Match] = []
        removed: list[Match] = []
        for i, j, (lex, entry) in self._matcher.find(keys):
            m = Match(i, j, lex, entry)
            if any(a <= i and j <= b for a, b in excluded.get(entry, ())):
                removed.append(m)
            else:
                out.append(m)
        return out, removed
