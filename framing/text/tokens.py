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
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields
from itertools import repeat
from typing import Any, TypeVar, overload

__all__ = ["WORD_RE", "Columns", "Token", "Tokens", "token_columns", "tokenize", "tokens_of"]

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


def slot_builder(cls: type[T]) -> Callable[[Sequence[Any], Sequence[Any], Sequence[Any]], list[T]]:
    """A fast constructor of many instances of a frozen, slotted dataclass with three
    fields, from one sequence of values per field.

    The generated ``__init__`` of a frozen dataclass sets every field through
    ``object.__setattr__``; segmentation builds a thousand or more tokens and match
    units per article, so they are built column by column: the empty instances first,
    then each slot of all of them in one pass (``map`` over the slot's setter, with no
    Python call per instance). The instances are the same as the class's own
    constructor makes (same fields, equality, hash).
    """
    setters = [getattr(cls, f.name).__set__ for f in fields(cls)]  # type: ignore[arg-type]
    if len(setters) != 3:
        raise TypeError(f"slot_builder handles three fields, {cls.__name__} has {len(setters)}")
    new = object.__new__

    def build(a: Sequence[Any], b: Sequence[Any], c: Sequence[Any]) -> list[T]:
        if not len(a) == len(b) == len(c):
            raise ValueError(f"columns of different lengths: {len(a)}, {len(b)}, {len(c)}")
        objs: list[T] = list(map(new, repeat(cls, len(a))))
        for setter, values in zip(setters, (a, b, c), strict=True):
            deque(map(setter, objs, values), 0)
        return objs

    return build


_tokens = slot_builder(Token)
_match_start = re.Match.start
_match_end = re.Match.end
_match_group = re.Match.group
# every glued word holds a lowercase letter, a capital and a lowercase letter in a row
_MAYBE_GLUED = re.compile(r"[a-z][A-Z][a-z]")

Columns = tuple[list[int], list[int], list[str]]


def _unglue(starts: list[int], ends: list[int], words: list[str]) -> Columns:
    """The columns with every glued word split after its function word."""
    out_starts: list[int] = []
    out_ends: list[int] = []
    out_words: list[str] = []
    add_start, add_end, add_word = out_starts.append, out_ends.append, out_words.append
    for start, end, word in zip(starts, ends, words, strict=True):
        if len(word) > 3 and word[0].islower() and not word.islower() and _GLUE.search(word):
            pos = 0
            for m in _GLUE.finditer(word):
                head = word[pos : m.start()]
                if head.lower() in _GLUE_PREFIXES:
                    add_start(start + pos)
                    add_end(start + m.start())
                    add_word(head)
                    pos = m.start()
            add_start(start + pos)
            add_end(end)
            add_word(word[pos:])
        else:
            add_start(start)
            add_end(end)
            add_word(word)
    return out_starts, out_ends, out_words


def token_columns(text: str, start: int = 0, end: int | None = None) -> Columns:
    """The tokens of ``text[start:end]`` as three lists: starts, ends and forms."""
    stop = len(text) if end is None else end
    found = list(WORD_RE.finditer(text, start, stop))
    starts = list(map(_match_start, found))
    ends = list(map(_match_end, found))
    words = list(map(_match_group, found))
    if _MAYBE_GLUED.search(text, start, stop):
        return _unglue(starts, ends, words)
    return starts, ends, words


class Tokens(Sequence[Token]):
    """An article's tokens kept as their three columns; :class:`Token` objects are made
    when they are asked for.

    A Document lives while its article is analysed. Its thousand or more tokens, as
    objects, would make Python's cyclic garbage collector run more often and look at
    each of them again; few readers want every token as an object, so the columns are
    kept instead. Two Tokens are equal when they hold the same tokens.
    """

    __slots__ = ("ends", "starts", "texts")

    def __init__(self, starts: list[int], ends: list[int], texts: list[str]):
        if not len(starts) == len(ends) == len(texts):
            raise ValueError(f"columns of different lengths: {len(starts)}, {len(ends)}, {len(texts)}")
        self.starts = starts
        self.ends = ends
        self.texts = texts

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...
    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return _tokens(self.starts[index], self.ends[index], self.texts[index])
        return _tokens([self.starts[index]], [self.ends[index]], [self.texts[index]])[0]

    def __iter__(self) -> Iterator[Token]:
        return iter(_tokens(self.starts, self.ends, self.texts))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return (self.starts, self.ends, self.texts) == (other.starts, other.ends, other.texts)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((tuple(self.starts), tuple(self.ends), tuple(self.texts)))

    def __repr__(self) -> str:
        return f"Tokens({len(self)} tokens)"


def tokens_of(columns: Columns) -> list[Token]:
    """Tokens from their columns (see :func:`token_columns`)."""
    return _tokens(*columns)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenise ``text[start:end]``; offsets are positions in ``text``."""
    return tokens_of(token_columns(text, start, end))
