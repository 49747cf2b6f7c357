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
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, TypeVar

__all__ = ["WORD_RE", "Token", "tokenize"]

T = TypeVar("T")

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


def slot_builder(cls: type[T]) -> Callable[..., T]:
    """A fast constructor for a frozen, slotted dataclass that takes its fields in order.

    The generated ``__init__`` of a frozen dataclass sets every field through
    ``object.__setattr__``; segmentation builds a thousand or more tokens and match
    units per article, so they are built by setting the slots directly. The instances
    are the same as the class's own constructor makes (same fields, equality, hash).
    """
    setters = [getattr(cls, f.name).__set__ for f in fields(cls)]  # type: ignore[arg-type]
    new = object.__new__
    if len(setters) != 3:
        raise TypeError(f"slot_builder handles three fields, {cls.__name__} has {len(setters)}")
    set_a, set_b, set_c = setters

    def build(a: Any, b: Any, c: Any) -> T:
        obj = new(cls)
        set_a(obj, a)
        set_b(obj, b)
        set_c(obj, c)
        return obj

    return build


_token = slot_builder(Token)


def _split_glued(start: int, word: str) -> list[Token]:
    parts: list[Token] = []
    pos = 0
    for m in _GLUE.finditer(word):
        head = word[pos : m.start()]
        if head.lower() in _GLUE_PREFIXES:
            parts.append(_token(start + pos, start + m.start(), head))
            pos = m.start()
    parts.append(_token(start + pos, start + len(word), word[pos:]))
    return parts


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenise ``text[start:end]``; offsets are positions in ``text``."""
    tokens: list[Token] = []
    append = tokens.append
    token = _token
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        if len(word) > 3 and word[0].islower() and not word.islower() and _GLUE.search(word):
            tokens.extend(_split_glued(m.start(), word))
        else:
            append(token(*m.span(), word))
    return tokens
