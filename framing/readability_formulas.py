"""Readability, computed the way textstat computes it, in one pass and offline.

textstat's English formulas count syllables with the CMU Pronouncing Dictionary, which
it asks nltk to download at run time. framing ships the syllable counts it needs
(``framing/data/cmudict-syllables.tsv.gz``, derived from the BSD-licensed CMU
dictionary by ``tools/build_syllable_table.py``) and falls back, as textstat does, on
pyphen's hyphenation for words the dictionary lacks. It ships textstat's Dale-Chall
list of familiar words too (``framing/data/dale-chall-easy-words.txt``, MIT), so
textstat is not needed at run time. The counting rules (what a word and a sentence
are, which words are "difficult") are textstat's own, and the test suite checks that
the scores equal textstat's for the same syllable counts.

textstat re-reads the whole text for every formula; here the text is read once and
every formula is computed from the same counts.
"""

from __future__ import annotations

import functools
import gzip
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from types import MappingProxyType

from .resources import data_file

__all__ = ["Readability", "ReadabilityCounts", "count_text", "readability", "syllables"]

# textstat's definitions (textstat.backend.utils.constants and transformations)
_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION_KEEP_APOSTROPHE = re.compile(r"[^\w\s']")
_PUNCTUATION_ALL = re.compile(r"[^\w\s]")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_FOG_SYLLABLE_THRESHOLD = 3


@functools.lru_cache(maxsize=1)
def _cmu_table() -> Mapping[str, int]:
    raw = gzip.decompress(data_file("cmudict-syllables.tsv.gz").read_bytes()).decode("utf-8")
    table: dict[str, int] = {}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            word, _, n = line.partition("\t")
            table[word] = int(n)
    return MappingProxyType(table)


@functools.lru_cache(maxsize=1)
def _pyphen():  # type: ignore[no-untyped-def]
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


@functools.lru_cache(maxsize=1)
def _easy_words() -> frozenset[str]:
    """The Dale-Chall list of familiar words, as textstat ships it (``framing/data``)."""
    raw = data_file("dale-chall-easy-words.txt").read_text(encoding="utf-8")
    return frozenset(w for line in raw.splitlines() if (w := line.strip()) and not w.startswith("#"))


@functools.lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables in one lowercase word: CMU dictionary, else pyphen (as textstat does)."""
    n = _cmu_table().get(word)
    if n is not None:
        return n
    return len(_pyphen().positions(word)) + 1


def _remove_punctuation(text: str, rm_apostrophe: bool) -> str:
    if rm_apostrophe:
        return _PUNCTUATION_ALL.sub("", text)
    return _PUNCTUATION_KEEP_APOSTROPHE.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


@dataclass(frozen=True)
class ReadabilityCounts:
    """What the formulas are made of, counted once."""

    words: int
    sentences: int
    syllables: int
    polysyllables: int  # words of three or more syllables
    difficult_words: int  # not familiar, three or more syllables (Gunning fog)
    unfamiliar_words: int  # not on the Dale-Chall list of familiar words
    characters: int  # non-space characters
    letters: int
    tokens: int  # whitespace-separated tokens, punctuation included


def count_text(text: str) -> ReadabilityCounts:
    """Count ``text`` with textstat's rules, in one pass."""
    words = _remove_punctuation(text, rm_apostrophe=False).split()
    easy = _easy_words()
    total_syllables = poly = difficult = unfamiliar = 0
    # each distinct word is looked at once, counted as often as it occurs
    for word, times in Counter(words).items():
        low = word.lower()
        n = syllables(low)
        total_syllables += n * times
        familiar = low in easy
        if n >= 3:
            poly += times
            if not familiar:
                difficult += times
        if not familiar:
            unfamiliar += times
    candidates = _SENTENCE.findall(text) if text else []
    ignored = sum(1 for s in candidates if len(_remove_punctuation(s, rm_apostrophe=False).split()) <= 2)
    sentences = max(1, len(candidates) - ignored) if text else 0
    # textstat removes the whitespace (``\s``, what str.split splits on) to count
    # characters, and then the punctuation (``[^\w\s]``) to count letters
    tokens = text.split()
    characters = sum(map(len, tokens))
    return ReadabilityCounts(
        words=len(words),
        sentences=sentences,
        syllables=total_syllables,
        polysyllables=poly,
        difficult_words=difficult,
        unfamiliar_words=unfamiliar,
        characters=characters,
        letters=characters - len(_PUNCTUATION_ALL.findall(text)),
        tokens=len(tokens),
    )


@dataclass(frozen=True)
class Readability:
    """Readability scores with the counts behind them. Unrounded; renderers round."""

    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    coleman_liau_index: float
    automated_readability_index: float
    dale_chall: float
    counts: ReadabilityCounts

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    #: What each score means, for a reader.
    EXPLANATIONS = MappingProxyType(
        {
            "flesch_reading_ease": "0-100: higher is easier. 60-70 is plain English; below 30 is hard.",
            "flesch_kincaid_grade": "The US school grade a reader needs (8 means 8th grade).",
            "gunning_fog": "Years of schooling needed to follow the text on first reading.",
            "smog_index": "Years of schooling needed, from the share of long words.",
            "coleman_liau_index": "School grade, from letters per word and sentences per word.",
            "automated_readability_index": "School grade, from characters per word and words per sentence.",
            "dale_chall": "Below 5 is easy for a 10-year-old; 9 and above is college level.",
        }
    )


def readability(text: str) -> Readability:
    """Scores for ``text``, equal to textstat's ``flesch_reading_ease`` and the rest."""
    c = count_text(text)
    return scores(c)


def scores(c: ReadabilityCounts) -> Readability:
    wps = c.words / c.sentences if c.sentences else 0.0
    spw = c.syllables / c.words if c.words else 0.0
    if wps == 0 or spw == 0:
        fre = fkg = 0.0
    else:
        fre = 206.835 - 1.015 * wps - 84.6 * spw
        fkg = 0.39 * wps + 11.8 * spw - 15.59
    fog = 0.4 * (wps + 100 * c.difficult_words / c.words) if c.words else 0.0
    smog = (1.043 * math.sqrt(30 * (c.polysyllables / c.sentences)) + 3.1291) if c.sentences else 0.0
    letters_100 = 100 * c.letters / c.words if c.words else 0.0
    sentences_100 = 100 * c.sentences / c.words if c.words else 0.0
    cli = (
        0.0 if letters_100 == 0 or sentences_100 == 0 else 0.058 * letters_100 - 0.296 * sentences_100 - 15.8
    )
    cpw = c.characters / c.tokens if c.tokens else 0.0
    ari = 0.0 if cpw == 0 or wps == 0 else 4.71 * cpw + 0.5 * wps - 21.43
    if c.words:
        pct = 100 * c.unfamiliar_words / c.words
        dc = 0.1579 * pct + 0.0496 * wps + (3.6365 if pct > 5 else 0.0)
    else:
        dc = 0.0
    return Readability(fre, fkg, fog, smog, cli, ari, dc, c)
