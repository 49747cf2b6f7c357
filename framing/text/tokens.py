"""Tokens with character offsets, read from the normalised text.

A word is a run of letters or digits, with hyphens and apostrophes allowed inside it
("so-called", "isn't", "Pentagon's"); numbers keep their separators ("1,350", "3.5").
Everything else that is not space is a one-character punctuation token. Initialisms keep their dots ("U.S.").

Scraped pages often lose the spaces around removed links ("inLos Angelesthat").
Where a function word is glued to a capitalised word ("inLos", "theWhite") the token is
split in two; other glued words are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["WORD_RE", "Token", "tokenize"]

WORD_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}(?![^\W_])"  # initialisms: U.S.  D.C.  a.m.
    r"|\d+(?:[.,:]\d+)*(?:[^\W\d_]+)?"  # numbers: 1,350  3.5  9:30  1960s
    r"|[^\W\d_][^\W_]*(?:['\-][^\W_]+)*"  # words with inner hyphens and apostrophes
    r"|[^\w\s]",  # any other visible character
)

_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_GLUE_PREFIXES = frozenset(
    "a an the in on of to at by for from with into onto over under about after before "
    "and or but as than that this these those his her its their our your whose who "
    "which when where while during".split()
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token. ``start``/``end`` index the normalised text; ``text`` is its form there."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def lower(self) -> str:
        return self.text.lower()


def _split_glued(start: int, word: str) -> list[Token]:
    parts: list[Token] = []
    pos = 0
    for m in _GLUE.finditer(word):
        head = word[pos : m.start()]
        if head.lower() in _GLUE_PREFIXES:
            parts.append(Token(start + pos, start + m.start(), head))
            pos = m.start()
    parts.append(Token(start + pos, start + len(word), word[pos:]))
    return parts


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenise ``text[start:end]``; offsets are positions in ``text``."""
    tokens: list[Token] = []
    append = tokens.append
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        if len(word) > 3 and word[0].islower() and not word.islower() and _GLUE.search(word):
            tokens.extend(_split_glued(m.start(), word))
        else:
            append(Token(m.start(), m.end(), word))
    return tokens
