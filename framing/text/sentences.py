"""Sentence boundaries with nltk's Punkt algorithm and framing's own abbreviations.

No trained Punkt model is downloaded: the tokenizer is built from
:class:`nltk.tokenize.punkt.PunktParameters` holding the abbreviations in the built-in
``abbreviations`` lexicon (titles such as "Gov." and "Sen.", "U.S.", months, ...).

nltk (from 3.10) runs every match of its patterns under a wall-clock time limit, a guard
against patterns that backtrack without end. Punkt's own patterns do not (each is
linear in its input), and the limit cost as much time as the splitting itself, so the
splitter compiles the same patterns for the same engine (the ``regex`` module) without
it. The sentences are the same.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

__all__ = ["SentenceSplitter"]

_GOES_ON = re.compile(r"\)\s*[,;a-z]|\)?\s*[a-z]")
_AFTER_QUOTE = re.compile(r'(?<=[.!?]")\s+(?=[A-Z"])')


def _untimed(pattern: Any) -> Any:
    """``pattern`` compiled again without nltk's time limit (see the module docstring);
    a pattern of the standard ``re`` module (nltk before 3.10) has none."""
    if isinstance(pattern, re.Pattern):
        return pattern
    import regex

    return regex.compile(pattern.pattern, pattern.flags)


class _LanguageVars(PunktLanguageVars):
    """Punkt's English settings with its patterns compiled once, without the time limit."""

    re_boundary_realignment = _untimed(PunktLanguageVars.re_boundary_realignment)

    def __init__(self) -> None:
        self._untimed_period_context = _untimed(super().period_context_re())
        self._untimed_word_tokenizer = _untimed(super()._word_tokenizer_re())

    def period_context_re(self) -> Any:
        return self._untimed_period_context

    def _word_tokenizer_re(self) -> Any:
        return self._untimed_word_tokenizer


class _Token(PunktToken):
    """A Punkt token whose patterns run without the time limit."""

    __slots__ = ()
    _RE_ELLIPSIS = _untimed(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = _untimed(PunktToken._RE_NUMERIC)
    _RE_INITIAL = _untimed(PunktToken._RE_INITIAL)
    _RE_ALPHA = _untimed(PunktToken._RE_ALPHA)


class SentenceSplitter:
    """Split text into sentence spans; abbreviations are given with their final period."""

    def __init__(self, abbreviations: Iterable[str]):
        params = PunktParameters()
        params.abbrev_types = {a.rstrip(".").lower() for a in abbreviations if a.strip(".")}
        self._punkt = PunktSentenceTokenizer(params, lang_vars=_LanguageVars(), token_cls=_Token)

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
