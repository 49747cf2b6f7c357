"""Sentence boundaries with the Punkt algorithm and framing's own abbreviations.

No trained Punkt model is downloaded: the splitter is Punkt given only the
abbreviations in the built-in ``abbreviations`` lexicon (titles such as "Gov." and
"Sen.", "U.S.", months, ...); see :mod:`framing.text.punkt`. Two rules are added after
Punkt, for quotations and brackets (in :meth:`SentenceSplitter.spans`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .punkt import Punkt

__all__ = ["SentenceSplitter"]

_GOES_ON = re.compile(r"\)\s*[,;a-z]|\)?\s*[a-z]")
_AFTER_QUOTE = re.compile(r'(?<=[.!?]")\s+(?=[A-Z"])')


class SentenceSplitter:
    """Split text into sentence spans; abbreviations are given with their final period."""

    def __init__(self, abbreviations: Iterable[str]):
        self._punkt = Punkt(a.rstrip(".").lower() for a in abbreviations if a.strip("."))

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Sentence spans of ``text[start:end]`` as offsets into ``text``."""
        stop = len(text) if end is None else end
        chunk = text[start:stop]
        if not chunk.strip():
            return []
        spans: list[tuple[int, int]] = []
        for s, e in self._punkt.span_tokenize(chunk):
            # Punkt keeps an abbreviation's period from ending a sentence, even when a
            # closing quote follows it and a new sentence starts: 'out of L.A." That'
            for m in _AFTER_QUOTE.finditer(chunk, s, e):
                spans.append((start + s, start + m.start()))
                s = m.end()
            if spans and _GOES_ON.match(chunk, s) and re.search(r"\.\)?\s*$", text[spans[-1][0] : start + s]):
                # 'Sen. Jack Reed (D-R.I.), a Democrat, said': the period of an abbreviation
                # before a closing bracket, a comma or a lowercase word ends no sentence
                spans[-1] = (spans[-1][0], start + e)
                continue
            spans.append((start + s, start + e))
        return spans


@functools.lru_cache(maxsize=8)
def splitter_for(abbreviations: frozenset[str]) -> SentenceSplitter:
    return SentenceSplitter(abbreviations)
