"""Punkt's sentence boundaries, for a splitter that knows only abbreviations.

framing splits sentences with the Punkt algorithm (Kiss and Strunk, 2006) given its own
abbreviation list and no trained model. This module holds the part of nltk's Punkt
that such a splitter runs, so that splitting needs neither nltk nor what importing nltk
brings with it (scikit-learn, SciPy and pandas: seconds of start-up).

Derived from ``nltk/tokenize/punkt.py`` of nltk 3.10.4 (Copyright (C) 2001-2026 NLTK
Project; Apache License 2.0, see ``framing/data/NLTK-LICENSE.txt``). Changed from it:
only splitting is kept (no training, no sentence starters, collocations or orthographic
statistics); the patterns are those of nltk's ``PunktLanguageVars`` for English,
compiled for the same engine (the ``regex`` module) but without nltk's wall-clock limit
on each match (each pattern is linear in its input); and nltk's two annotation passes
over each candidate ending are replaced by :meth:`Punkt.breaks`, which gives their
answer when the parameters hold abbreviations only. The tests compare every pattern
and the sentences found with nltk's own.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator

import regex

__all__ = [
    "BOUNDARY_REALIGNMENT",
    "INITIAL",
    "NUMBER",
    "PERIOD_CONTEXT",
    "SENT_END_CHARS",
    "WORD_TOKENIZER",
    "Punkt",
]

SENT_END_CHARS = (".", "?", "!")
_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb\?!])"
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"

#: Closing punctuation after a sentence end that belongs to the sentence ('."', '?)').
BOUNDARY_REALIGNMENT = regex.compile(
    r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)', regex.MULTILINE
)
# nltk's formats, kept as they are written there (a test compares the patterns)
_WORD_TOKENIZE_FMT = r"""(
        %(MultiChar)s
        |
        (?=%(WordStart)s)\S+?  # Accept word characters until end is found
        (?= # Sequences marking a word's end
            \s|                                 # White-space
            $|                                  # End-of-string
            %(NonWord)s|%(MultiChar)s|          # Punctuation
            ,(?=$|\s|%(NonWord)s|%(MultiChar)s) # Comma if at end of word
        )
        |
        \S
    )"""
_PERIOD_CONTEXT_FMT = r"""
        %(SentEndChars)s             # a potential sentence ending
        (?=(?P<after_tok>
            %(NonWord)s              # either other punctuation
            |
            \s+(?P<next_tok>\S+)     # or whitespace and some other token
        ))"""

#: A word: a run of punctuation, or characters up to the end of the word (a period is
#: kept on its word, "Sen.").
WORD_TOKENIZER = regex.compile(
    _WORD_TOKENIZE_FMT % {"NonWord": _NON_WORD, "MultiChar": _MULTI_CHAR, "WordStart": _WORD_START},
    regex.UNICODE | regex.VERBOSE,
)
#: A candidate sentence end and the token after it.
PERIOD_CONTEXT = regex.compile(
    _PERIOD_CONTEXT_FMT % {"NonWord": _NON_WORD, "SentEndChars": r"[\.\?!]"},
    regex.UNICODE | regex.VERBOSE,
)
#: An initial ("J.") and a number ("2016.", "-3.5") as Punkt reads them.
INITIAL = regex.compile(r"[^\W\d]\.$", regex.UNICODE)
NUMBER = regex.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")

#: Tokens no sentence starts with.
_PUNCTUATION = frozenset(";:,.!?")
_SENT_END = frozenset(SENT_END_CHARS)


class Punkt:
    """Sentence spans by Punkt with ``abbreviations`` (lowercase, without their final
    period) as its only parameters: no collocations, no frequent sentence starters, no
    orthographic statistics.

    Punkt decides whether a candidate ending ("said. The", "Sen. John") breaks the
    sentence by annotating the tokens of that short context in two passes. With those
    parameters empty most of its heuristics never fire, and what is left is
    :meth:`breaks`, a function of each token and the one after it.
    """

    def __init__(self, abbreviations: Iterable[str]):
        self.abbreviations = frozenset(abbreviations)

    def span_tokenize(self, text: str) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of each sentence of ``text``, closing punctuation included."""
        for sentence in self._realign_boundaries(text, self._slices_from_text(text)):
            yield (sentence.start, sentence.stop)

    def text_contains_sentbreak(self, text: str) -> bool:
        """Whether a sentence ends at some token of ``text`` before its last."""
        tokens: list[str] = []
        for line in text.split("\n"):
            if line.strip():
                tokens += WORD_TOKENIZER.findall(line)
        return any(map(self.breaks, tokens, tokens[1:]))

    def breaks(self, tok: str, after: str) -> bool:
        """Punkt's decision for token ``tok`` followed by ``after``: its first pass
        (sentence-end characters, ellipses, abbreviations, other words ending in a
        period), then what its second pass can still change without statistics (an
        initial or a number before punctuation, a lowercase word or, for an initial,
        a capitalised word is no break)."""
        if tok in _SENT_END:
            return True
        if not tok.endswith(".") or tok.endswith(".."):  # (an ellipsis ends in "..")
            return False
        word = tok[:-1].lower()
        if word in self.abbreviations or word.split("-")[-1] in self.abbreviations:
            return False
        initial = INITIAL.match(tok)
        if initial or NUMBER.sub("##number##", tok.lower()).removesuffix(".") == "##number##":
            if after in _PUNCTUATION or after[0].islower():
                return False
            if initial and after[0].isupper():
                return False
        return True

    # -- nltk's PunktSentenceTokenizer, as it is -----------------------------------------

    def _match_potential_end_contexts(self, text: str) -> Iterator[tuple[regex.Match[str], str]]:
        """Each candidate end with its context (the word before it, the end and the token
        after), the last of any candidates that share a word."""
        previous_slice = slice(0, 0)
        previous_match = None
        for match in PERIOD_CONTEXT.finditer(text):
            before_text = text[previous_slice.stop : match.start()]
            index_after_last_space = _last_whitespace_index(before_text)
            if index_after_last_space:
                index_after_last_space += previous_slice.stop + 1
            else:
                index_after_last_space = previous_slice.start
            prev_word_slice = slice(index_after_last_space, match.start())
            if previous_match and previous_slice.stop <= prev_word_slice.start:
                yield (
                    previous_match,
                    text[previous_slice] + previous_match.group() + previous_match.group("after_tok"),
                )
            previous_match = match
            previous_slice = prev_word_slice
        if previous_match:
            yield (
                previous_match,
                text[previous_slice] + previous_match.group() + previous_match.group("after_tok"),
            )

    def _slices_from_text(self, text: str) -> Iterator[slice]:
        last_break = 0
        for match, context in self._match_potential_end_contexts(text):
            if self.text_contains_sentbreak(context):
                yield slice(last_break, match.end())
                if match.group("next_tok"):
                    last_break = match.start("next_tok")  # the next sentence starts after whitespace
                else:
                    last_break = match.end()  # or at the punctuation that follows
        yield slice(last_break, len(text.rstrip()))  # the last sentence without trailing space

    def _realign_boundaries(self, text: str, slices: Iterator[slice]) -> Iterator[slice]:
        """Closing punctuation after a sentence's end moved into it: "(One.) Two." is
        "(One.)" and "Two.", not "(One." and ") Two."."""
        realign = 0
        for sentence1, sentence2 in _pair_iter(slices):
            sentence1 = slice(sentence1.start + realign, sentence1.stop)
            if sentence2 is None:
                if text[sentence1]:
                    yield sentence1
                continue
            m = BOUNDARY_REALIGNMENT.match(text[sentence2])
            if m:
                yield slice(sentence1.start, sentence2.start + len(m.group(0).rstrip()))
                realign = m.end()
            else:
                realign = 0
                if text[sentence1]:
                    yield sentence1


def _last_whitespace_index(text: str) -> int:
    """The index of the last whitespace character of ``text``, or 0 if it has none."""
    for i in range(len(text) - 1, -1, -1):
        if text[i] in string.whitespace:
            return i
    return 0


def _pair_iter(items: Iterator[slice]) -> Iterator[tuple[slice, slice | None]]:
    """Each item with the one after it (None after the last)."""
    it = iter(items)
    prev = next(it, None)
    if prev is None:
        return
    for item in it:
        yield (prev, item)
        prev = item
    yield (prev, None)
