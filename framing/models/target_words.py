"""The words of a sentence as the target-sentiment model reads them: tokens, the
target's place, its clause, n-grams and the sparse columns of a feature row."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from itertools import pairwise, repeat
from operator import mul
from typing import Any

from ..function_words import AUXILIARIES

Example = tuple[str, int, int]

__all__ = ["CONTEXT_REGIONS", "Example"]

# -- text ------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,]\d+)*|[^\w\s]")
_CLAUSE_PUNCT = frozenset(",;:()[]—–-\"“”‘'?!")
_CLAUSE_WORDS = frozenset(
    "but while although though whereas however because after before when which who whom that and as "
    "since if unless".split()
)
_NEGATIONS = frozenset(
    "not no never n't nothing none nobody neither nor without cannot hardly barely despite lack lacks "
    "lacked refused refuses failed fails".split()
)
_PRONOUNS = frozenset("he she him her his hers they them their himself herself".split())
#: The auxiliaries the shipped model's features were learned with: all but "am" and
#: "shall" (adding them changes the features, so it waits for the next retraining).
_AUX = AUXILIARIES - {"am", "shall"}
_NOT_NAMES = _AUX | {"the", "a", "an", "i"}
_SENTENCE_OPENERS = frozenset({".", "“", '"', ":"})
_OPEN_QUOTES = frozenset({"“", '"'})
_CLOSE_QUOTES = frozenset({"”", '"'})
_QUOTE_MARKS = _OPEN_QUOTES | _CLOSE_QUOTES
#: the names of the valence features of each region around the target
_REGION_KEYS = {
    name: tuple(
        f"{family}:{name}{kind}"
        for family, kind in (
            ("v", "pos"),
            ("v", "neg"),
            ("v", "npos"),
            ("v", "nneg"),
            ("v", "qpos"),
            ("v", "qneg"),
            ("ev", "pos"),
            ("ev", "neg"),
        )
    )
    for name in "LRCS"
}
_TARGET = "_t_"
#: the regions around the target whose word vectors are averaged: left and right windows,
#: the clause, and the whole sentence weighted by distance
CONTEXT_REGIONS = ("L", "R", "C", "D")
_ENTITY = "_e_"
_NEGATION_SCALAR = -0.74  # VADER's
_VADER_SUFFIXES = (
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("s", ""),
    ("es", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ies", "y"),
    ("ied", "y"),
    ("ly", ""),
)


@lru_cache(maxsize=256)
def _sentence_words(
    sentence: str,
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...], tuple[str, ...]]:
    """The tokens of a sentence, read once for all its targets: their start and end
    offsets, their normalised words, and the words with capitalised names other than
    the first word of a sentence masked."""
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    masked: list[str] = []
    for m in _TOKEN.finditer(sentence):
        text = m.group()
        word = _norm(text)
        if words and text[0].isupper() and word not in _NOT_NAMES and words[-1] not in _SENTENCE_OPENERS:
            masked.append(_ENTITY)
        else:
            masked.append(word)
        starts.append(m.start())
        ends.append(m.end())
        words.append(word)
    return tuple(starts), tuple(ends), tuple(words), tuple(masked)


def _locate(sentence: str, start: int, end: int) -> tuple[list[str], int, tuple[str, ...]]:
    """The masked words of a sentence with the target's tokens replaced by one placeholder,
    the placeholder's index, and the target's own words."""
    starts, ends, words, masked = _sentence_words(sentence)
    # the tokens that overlap the target (tokens are sorted and do not overlap)
    t0 = bisect_right(ends, start)
    t1 = bisect_left(starts, end) - 1
    if t0 > t1:
        if words:
            t0 = t1 = min(range(len(words)), key=lambda i: abs(starts[i] - start))
        else:
            t0, t1 = 0, -1
    return [*masked[:t0], _TARGET, *masked[t1 + 1 :]], t0, words[t0 : t1 + 1]


def _clause(seq: Sequence[str], ti: int) -> tuple[int, int]:
    """The start and end (exclusive) of the clause that holds index ``ti``."""
    a = ti
    while a > 0 and seq[a - 1] not in _CLAUSE_PUNCT and seq[a - 1] not in _CLAUSE_WORDS:
        a -= 1
    b = ti + 1
    while b < len(seq) and seq[b] not in _CLAUSE_PUNCT:
        b += 1
    return a, b


def _norm(word: str) -> str:
    if word[0].isdigit():
        return "_num_"
    return word.lower().replace("’", "'")


@lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)]
    return word


def _ngrams(words: Sequence[str], prefix: str) -> list[str]:
    """Word unigrams, then bigrams, with a prefix."""
    keys = [prefix + w for w in words]
    keys += [f"{prefix}{a} {b}" for a, b in pairwise(words)]
    return keys


def _l2(block: Mapping[str, float], weight: float, out: dict[str, float]) -> None:
    """Add ``block`` to ``out`` scaled to length ``weight``."""
    _l2_values(block, list(block.values()), weight, out)


def _l2_values(keys: Iterable[str], values: list[float], weight: float, out: dict[str, float]) -> None:
    """:func:`_l2` of a block given as its keys and their values, in the same order
    (with C-level ``map``: it runs four times for every example)."""
    scale = _l2_scale(values, weight)
    out.update(zip(keys, map(scale.__mul__, values), strict=True))


def _l2_scale(values: list[float], weight: float) -> float:
    """The factor that scales ``values`` to length ``weight``."""
    return weight / (math.sqrt(sum(map(mul, values, values))) or 1.0)


def _binary_scale(size: int, weight: float) -> float:
    """The value of each of ``size`` distinct features of a block scaled to length ``weight``."""
    return weight / (math.sqrt(size) or 1.0)


def _l2_binary(keys: Iterable[str], weight: float, out: dict[str, float]) -> None:
    """:func:`_l2` of a block whose features are all 1.0, given by name (repeats count once)."""
    block = dict.fromkeys(keys)
    out.update(dict.fromkeys(block, _binary_scale(len(block), weight)))


class _Columns:
    """A model's vocabulary arranged for predicting without writing out feature names: the
    word n-gram features of each prefix keyed by their word or pair of words, and the
    distance-weighted words keyed by word. A name the model does not know has column -1."""

    __slots__ = ("distance", "names", "ngrams")

    def __init__(self, vocabulary: Mapping[str, int]):
        self.names = vocabulary
        self.ngrams: dict[str, dict[str | tuple[str, str], int]] = {prefix: {} for prefix in "slrc"}
        self.distance: dict[str, int] = {}
        for name, j in vocabulary.items():
            prefix, _, rest = name.partition(":")
            if prefix in self.ngrams:
                # words never hold a space, so a space parts a pair of words
                first, space, second = rest.partition(" ")
                self.ngrams[prefix][(first, second) if space else rest] = j
            elif prefix == "d":
                self.distance[rest] = j


def _ngram_columns(
    groups: Sequence[tuple[Sequence[str], Mapping[Any, int]]], cols: list[int], values: list[float]
) -> None:
    """:func:`_l2_binary` of the word unigrams then bigrams of each group, as columns of the
    group's table, in the order of the named features (repeats count once)."""
    blocks: list[tuple[dict[Any, None], Mapping[Any, int]]] = []
    for words, table in groups:
        blocks.append((dict.fromkeys(words), table))
        blocks.append((dict.fromkeys(pairwise(words)), table))
    size = sum(len(block) for block, _ in blocks)
    for block, table in blocks:
        cols.extend(map(table.get, block, repeat(-1)))
    values.extend(repeat(_binary_scale(size, 1.0), size))


def _named_columns(
    keys: Iterable[str], weight: float, names: Mapping[str, int], cols: list[int], values: list[float]
) -> None:
    """:func:`_l2_binary` of features given by name, as columns."""
    block = dict.fromkeys(keys)
    cols.extend(map(names.get, block, repeat(-1)))
    values.extend(repeat(_binary_scale(len(block), weight), len(block)))


def _weighted_columns(
    block_cols: Iterable[int], block_values: list[float], cols: list[int], values: list[float]
) -> None:
    """:func:`_l2_values` (to unit length) of a block given as columns and values."""
    cols.extend(block_cols)
    values.extend(map(_l2_scale(block_values, 1.0).__mul__, block_values))


@cache
def _count_weight(count: int) -> float:
    """The weight of a character n-gram seen ``count`` times near the target."""
    return 1.0 + math.log(count)


@lru_cache(maxsize=16384)
def _char_ngrams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    return tuple("x:" + padded[i : i + size] for size in (3, 4, 5) for i in range(len(padded) - size + 1))
