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


_INITIAL = _untimed(PunktToken._RE_INITIAL)
_NUMBER = _untimed(PunktToken._RE_NUMERIC)


class _Punkt(PunktSentenceTokenizer):
    """Punkt with abbreviations as its only parameters (no collocations, no frequent
    sentence starters, no orthographic statistics), which is how framing builds it.

    Punkt decides whether a candidate ending ("said. The", "Sen. John") breaks the
    sentence by annotating the tokens of that short context in two passes. With those
    parameters empty most of its heuristics never fire, and what is left is
    :meth:`_breaks`, a function of each token and the one after it; the answer is the
    same as Punkt's (a test compares them).
    """

    _SENT_END = frozenset(PunktLanguageVars.sent_end_chars)
    _NOT_A_START = frozenset(PunktSentenceTokenizer.PUNCTUATION)

    def __init__(self, params: PunktParameters):
        if params.collocations or params.sent_starters or params.ortho_context:
            raise ValueError("_Punkt reads abbreviations only; use PunktSentenceTokenizer")
        super().__init__(params, lang_vars=_LanguageVars())
        self._abbreviations = params.abbrev_types

    def text_contains_sentbreak(self, text: str) -> bool:
        """Whether a sentence ends at some token of ``text`` before its last."""
        tokens: list[str] = []
        for line in text.split("\n"):
            if line.strip():
                tokens += self._lang_vars.word_tokenize(line)
        return any(map(self._breaks, tokens, tokens[1:]))

    def _breaks(self, tok: str, after: str) -> bool:
        """Punkt's decision for token ``tok`` followed by ``after``: its first pass
        (sentence-end characters, ellipses, abbreviations, other words ending in a
        period), then what its second pass can still change without statistics (an
        initial or a number before punctuation, a lowercase word or, for an initial,
        a capitalised word is no break)."""
        if tok in self._SENT_END:
            return True
        if not tok.endswith(".") or tok.endswith(".."):  # (an ellipsis ends in "..")
            return False
        word = tok[:-1].lower()
        if word in self._abbreviations or word.split("-")[-1] in self._abbreviations:
            return False
        initial = _INITIAL.match(tok)
        if initial or _NUMBER.sub("##number##", tok.lower()).removesuffix(".") == "##number##":
            if after in self._NOT_A_START or after[0].islower():
                return False
            if initial and after[0].isupper():
                return False
        return True


class SentenceSplitter:
    """Split text into sentence spans; abbreviations are given with their final period."""

    def __init__(self, abbreviations: Iterable[str]):
        params = PunktParameters()
        params.abbrev_types = {a.rstrip(".").lower() for a in abbreviations if a.strip(".")}
        self._punkt = _Punkt(params)

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
