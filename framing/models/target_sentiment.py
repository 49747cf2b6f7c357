"""Target-dependent sentiment in news: is a sentence negative, neutral or positive toward a person?

Model card
==========

What it predicts
    Given a sentence and the character span of a target person in it (``(sentence, start,
    end)``), whether the sentence portrays that person negatively (-1), neutrally (0) or
    positively (1). It judges the sentence as a reader would take it, including quoted
    speech and reported actions, not the writer's stance in general. One sentence can be
    negative toward one person and positive toward another.

How it works
    A multinomial logistic regression (scikit-learn ``LogisticRegression``, balanced class
    weights) over target-aware sparse features: the sentence with the target replaced by a
    placeholder (and other capitalised names by another), word n-grams from windows left and
    right of the target and from the clause that holds it, the words next to the target by
    position, distance-weighted words, character n-grams near the target, and compact
    lexicon features: VADER valences (read at run time from the installed
    ``vaderSentiment`` package; MIT) summed by region with negation scope and quotation
    context, the nearest sentiment-bearing words on each side and a polarity pattern around
    the target, framing's loaded-language categories and cue-verb grades (copied into the
    model file when it is trained, so later edits of the lexicons do not change it), and
    rough grammatical roles (sentence start, before or after the first verb-like word, after
    "by", possessive, speaker of a quote). Predicting needs numpy only; training also needs
    scikit-learn.

    Since 1.1.0 it also reads words it never saw in training, through word vectors learned
    from unlabelled news (tools/build_word_vectors.py: positive pointwise mutual information
    of the 20,000 most frequent words within five words of each other, reduced to 100
    dimensions by a truncated SVD). Two kinds of features come from them. The vectors are
    averaged over four regions around the target (:data:`CONTEXT_REGIONS`: five words left,
    five words right, the clause, and the whole sentence weighted by distance), the target
    and other capitalised names left out. And VADER's valences are spread to all 20,000
    words by a ridge regression on their vectors, then summed by region with negation like
    VADER's own. The vectors themselves are not shipped: a linear model of averaged vectors
    equals the average of each word's share, so the model file keeps one score per word,
    region and class (and one spread valence per word).

Training data
    NewsMTSC (Felix Hamborg and Kim Donnay, "NewsMTSC: A Dataset for (Multi-)Target-dependent
    Sentiment Classification in Political News Articles", EACL 2021), ``train.jsonl`` only:
    7,758 sentences from US political news with 8,739 (sentence, target) pairs (3,316
    negative, 3,028 neutral, 2,395 positive). The dataset is released under the MIT license
    (Copyright 2020 Felix Hamborg); the license notice travels with the model file.

    The word vectors are learned from the text (``content_original``) of the 8,356 articles
    of Article-Bias-Prediction (Ramy Baly, Giovanni Da San Martino, James Glass and Preslav
    Nakov, "We Can Detect Your Bias: Predicting the Political Ideology of News Articles",
    EMNLP 2020; ``train_sample6000.jsonl`` and ``valid.jsonl``, about 9 million words of US
    news from 2012-2020 and outlets of every lean), released under the Apache License 2.0.
    Only co-occurrence statistics are used; their labels are not.

    C = 0.3 was chosen by 5-fold cross-validation on ``train.jsonl``, grouped by sentence;
    about twenty variants of windows, block weights, stacking, ordinal models and
    augmentation with the data's further mentions all landed between 0.67 and 0.69
    macro-F1 with the target's own words as features. The shipped model leaves the
    target's own words out (target weight 0): with them, the model learns that some names
    are negative or positive whatever the sentence says, which a tool for reading the
    news must not do; that costs about 1.5 points of cross-validated macro-F1 and about 3
    points on the development sets (model 1.0.0). The development sets were used only for
    the scores below.

    Model 1.1.0 adds the word context; it was developed by the same grouped 5-fold
    cross-validation (macro-F1 / accuracy): 1.0.0's features 0.663 / 0.666; with the
    averaged vectors at weight 0.5, 1, 2, 3 and 5: 0.666, 0.676, 0.676, 0.676 and 0.672
    macro-F1 (200 dimensions instead of 100: 0.675 at weight 1); with the spread valences
    alone 0.673; with both (the vectors at weight 2, ``context_weight``) 0.681 / 0.683.

    Sentences that name several people (``dev_mt``) were the aim of later work, by the same
    cross-validation scored also on the 1,953 training examples whose sentence has two or more
    targets (``--select`` prints both; this model's settings, rerun: 0.680 / 0.666 macro-F1,
    all / several targets). Nothing beat it clearly, so it is still the shipped model:
    sentiment words credited to the nearest person mention (the target, another capitalised
    name or a pronoun) 0.679 / 0.666; word vectors averaged over those words 0.679 / 0.666, or
    over the target's part of a sentence split at "but", "while", "although" and the like,
    0.682 / 0.666; copies of the lexicon features for sentences with other names or pronouns
    0.678 / 0.665; the sentence-wide blocks weighted down 0.676 / 0.660 and 0.679 / 0.660;
    multi-target examples weighted twice 0.679 / 0.672; a small neural network (scikit-learn's
    MLP) on the averaged vectors and the lexicon features 0.591 / 0.571 alone and 0.659 /
    0.640 averaged with this model, and on this model's out-of-fold scores with the lexicon
    features 0.639 / 0.611 (optimistic: the scores came from the same folds); sentences of
    PerSenT paragraphs (CC BY 4.0) as extra examples at weight 0.3 0.675 / 0.665; class
    offsets chosen by nested cross-validation 0.681 / 0.667. Telling the model what kind of
    phrase the target is, never which name (a time word such as "Tuesday", a determiner, lower
    case, how many capitalised words and words), gave 0.684 / 0.672; on the multi-target
    examples most of the gain came from the 83 training targets that are times (11 more
    right), which the annotators mark neutral. The development sets hold no such target, and
    there that model scored 0.708 / 0.732 on ``dev_rw`` and 0.660 / 0.681 on ``dev_mt``
    (macro-F1 / accuracy, measured once; 36 of 785 predictions changed), so it was not
    shipped.

Scores (measured once, after training; ``benchmarks/stance_newsmtsc.py`` prints them)
    ==========================================  ===============  ===============
    system                                      ``dev_rw``       ``dev_mt``
    ==========================================  ===============  ===============
    this model, 1.1.0 (macro-F1 / accuracy)     0.721 / 0.746    0.670 / 0.692
    1.0.0 (no word context)                     0.684 / 0.708    0.655 / 0.679
    1.0.0 with the target's own words           0.719 / 0.741    0.688 / 0.713
    sentence-only TF-IDF + LogisticRegression   0.629 / 0.650    0.571 / 0.586
    fine-tuned RoBERTa (published, test sets)   0.831 macro-F1   0.825 macro-F1
    ==========================================  ===============  ===============

    ``dev_rw`` has 343 examples and ``dev_mt`` 442, so each score is uncertain by about
    +/- 0.02. The model reaches the project's target of 0.70 macro-F1 on ``dev_rw`` but
    not on ``dev_mt``, where sentences name several people and the model is weakest. It
    predicts about 2,800 to 3,100 examples a second on one core, features included
    (``benchmarks/stance_newsmtsc.py`` on an idle 2-core AMD EPYC, 2026-11-25); the model
    file is about 1.9 MB.

Known weaknesses
    It is a bag of local features, not a reader. It misses sentiment that needs world
    knowledge or the surrounding article, irony, and sentiment carried by long-range syntax
    (who did what to whom across clauses). It confuses the speaker of a quote with the
    person the quote is about when both are nearby. The target's own name is not a
    feature, but other names in the sentence are (as one placeholder token), and words
    typical of 2016-2019 US political coverage carry that coverage's slant. The word vectors
    place words by the company they keep, so opposites used in the same places ("praised",
    "criticized") lie close together: they help most with words of the news's own register
    and carry the habits of the 2012-2020 US outlets they were learned from. Scores outside US political
    news, on other languages or on non-person targets are unknown. Positive is the weakest
    class. Treat one prediction as a prompt to read the sentence, never as a verdict.

>>> model = TargetSentimentClassifier.load()
>>> sentence = "Critics slammed Smith for the failure."
>>> int(model.predict([(sentence, 16, 21)])[0])
-1
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import math
import re
import warnings
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from itertools import chain, pairwise, repeat
from operator import mul
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import FramingWarning, InputError
from ..function_words import AUXILIARIES
from ..vader import vader_lexicon
from ._estimator import Estimator

__all__ = [
    "CLASSES",
    "DEFAULT_MODEL_SHA256",
    "FORMAT_VERSION",
    "MODEL_ID",
    "MODEL_VERSION",
    "TargetFeaturizer",
    "TargetSentimentClassifier",
    "default_model_path",
]

MODEL_ID = "framing.target-sentiment"
MODEL_VERSION = "1.1.0"
FORMAT_VERSION = 2
#: format 1 (framing's model 1.0.0) has no word context; it is still read
_READABLE_FORMATS = (1, 2)
CLASSES = (-1, 0, 1)
DEFAULT_MODEL_FILE = f"target-sentiment-{MODEL_VERSION}.json.gz"
#: SHA-256 of the shipped model file: :meth:`TargetSentimentClassifier.load` refuses a
#: shipped model whose bytes differ (tampered with or damaged). Retraining it with
#: tools/train_target_sentiment.py means updating this value in the same commit.
DEFAULT_MODEL_SHA256 = "c55593b655ccaebed1572f7210805c51929898fc09bca4fd30a66edd16afb408"
DATA_LICENSE = (
    "Trained on NewsMTSC (Hamborg and Donnay, EACL 2021), MIT license, Copyright 2020 Felix Hamborg. "
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and "
    "associated documentation files, to deal in them without restriction, subject to the condition that "
    "the copyright notice and this permission notice are included in all copies or substantial portions. "
    "The word context (context.scores and context.valences) is derived from word vectors learned from the "
    "articles of Article-Bias-Prediction (Baly, Da San Martino, Glass and Nakov, EMNLP 2020), licensed under "
    "the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0); changes: only "
    "co-occurrence statistics of the articles' words are used, no text is included."
)

Example = tuple[str, int, int]

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


# -- lexicons --------------------------------------------------------------------------


def _vader() -> tuple[Mapping[str, float], str]:
    """VADER's word valences and the sha256 of their file (framing.vader reads them)."""
    return vader_lexicon()


def project_lexicon_tables(lexicon_folder: str | Path | None = None) -> dict[str, Any]:
    """Word tables derived from framing's loaded-language and cue-verb lexicons.

    The tables are stored in the model file when a model is trained, so a model predicts the
    same way after the lexicons are edited.
    """
    from ..lexicon import load_lexicon
    from ..lexicon.inflect import term_variants
    from ..resources import lexicon_dir

    folder = Path(str(lexicon_dir())) if lexicon_folder is None else Path(lexicon_folder)
    loaded = load_lexicon(folder / "loaded-language.tsv")
    cue_verbs = load_lexicon(folder / "cue-verbs.tsv")
    single: dict[str, list[Any]] = {}
    multi: dict[str, list[Any]] = {}
    for entry in loaded.entries:
        for form in sorted(term_variants(entry)):
            key = " ".join(form.lower().split())
            (multi if " " in key else single)[key] = [entry.category, int(entry.weight)]
    cues: dict[str, str] = {}
    for entry in cue_verbs.entries:
        # a noun cue's plural stays out of the table: "claims" is the verb's ("she
        # claims"), and the table is what the shipped model was trained with
        forms = term_variants(entry) if entry.pos != "noun" else {entry.term, *entry.forms}
        for form in sorted(forms):
            key = " ".join(form.lower().split())
            if " " not in key:
                cues[key] = entry.grade
    return {
        "loaded": dict(sorted(single.items())),
        "loaded_multi": dict(sorted(multi.items())),
        "cues": dict(sorted(cues.items())),
        "sources": {lex.id: {"version": lex.version, "sha256": lex.sha256} for lex in (loaded, cue_verbs)},
    }


# -- features --------------------------------------------------------------------------


class TargetFeaturizer:
    """Turns ``(sentence, start, end)`` into a dict of named feature values.

    Blocks of sparse features are each scaled to unit length and weighted; the lexicon block
    is a set of small dense values. The same code runs when training and predicting.
    """

    def __init__(
        self,
        tables: Mapping[str, Any],
        *,
        window: int = 5,
        char_window: int = 6,
        distance_tau: float = 4.0,
        target_weight: float = 1.0,
        lexicon_weight: float = 1.0,
        context_valences: Mapping[str, float] | None = None,
    ):
        self.window = window
        self.char_window = char_window
        self.distance_tau = distance_tau
        self.target_weight = target_weight
        self.lexicon_weight = lexicon_weight
        self.context_valences: Mapping[str, float] = context_valences or {}
        self.loaded: Mapping[str, Sequence[Any]] = tables["loaded"]
        self.loaded_multi: dict[tuple[str, ...], Sequence[Any]] = {
            tuple(k.split()): v for k, v in tables["loaded_multi"].items()
        }
        self.multi_first = frozenset(key[0] for key in self.loaded_multi)
        self.cues: Mapping[str, str] = tables["cues"]
        self.vader, self.vader_sha256 = _vader()
        self._valence_cache: dict[str, float] = {}
        self._decays: list[float] = []

    def valence(self, word: str) -> float:
        """VADER valence of a lower-case word, trying a few regular inflections."""
        cached = self._valence_cache.get(word)
        if cached is not None:
            return cached
        value = self.vader.get(word)
        if value is None:
            value = 0.0
            for suffix, replacement in _VADER_SUFFIXES:
                if word.endswith(suffix) and len(word) > len(suffix) + 2:
                    base = word[: -len(suffix)] + replacement
                    found = self.vader.get(base)
                    if found is None and suffix in ("ed", "ing") and len(base) > 2 and base[-1] == base[-2]:
                        found = self.vader.get(base[:-1])
                    if found is not None:
                        value = found
                        break
        if len(self._valence_cache) < 200_000:
            self._valence_cache[word] = value
        return value

    def _decay(self, d: int) -> list[float]:
        """``exp(-i / distance_tau)`` for every distance ``i`` up to ``d``, computed once."""
        table = self._decays
        while len(table) <= d:
            table.append(math.exp(-len(table) / self.distance_tau))
        return table

    def context_terms(
        self, sentence: str, start: int, end: int, known: Mapping[str, int]
    ) -> list[tuple[int, int, float]]:
        """``(word number, region number, weight)`` for the words of ``known`` around the target,
        in the regions of :data:`CONTEXT_REGIONS`; the weights of each region sum to one."""
        seq, ti, _ = _locate(sentence, start, end)
        terms: list[tuple[int, int, float]] = []
        for region, picked in enumerate(self._context_picks(seq, ti, _clause(seq, ti), known)):
            total = sum(w for _, w in picked)
            terms.extend((j, region, w / total) for j, w in picked)
        return terms

    def _context_picks(
        self, seq: Sequence[str], ti: int, clause: tuple[int, int], known: Mapping[str, int]
    ) -> list[list[tuple[int, float]]]:
        """For each region of :data:`CONTEXT_REGIONS`, the known words in it (not the target)
        with their weights before they are made to sum to one."""
        n = len(seq)
        k = self.window
        decay = self._decay(n)
        ids = [known.get(w, -1) for w in seq]
        spans = ((max(0, ti - k), ti), (ti + 1, min(n, ti + 1 + k)), clause, (0, n))
        return [
            [
                (ids[i], decay[abs(i - ti)] if region == 3 else 1.0)
                for i in range(lo, hi)
                if i != ti and ids[i] >= 0
            ]
            for region, (lo, hi) in enumerate(spans)
        ]

    def _positions(self, seq: Sequence[str], ti: int) -> list[str]:
        """The words next to the target by position, as feature names."""
        n = len(seq)

        def at(i: int) -> str:
            return seq[i] if 0 <= i < n else ("<s>" if i < 0 else "</s>")

        before, after = at(ti - 1), at(ti + 1)
        return [
            f"l1:{before}",
            f"r1:{after}",
            f"l2:{at(ti - 2)}",
            f"r2:{at(ti + 2)}",
            f"l3:{at(ti - 3)}",
            f"r3:{at(ti + 3)}",
            f"lr:{before}|{after}",
            "r12:" + " ".join(seq[ti + 1 : ti + 3]),
            "l21:" + " ".join(seq[max(0, ti - 2) : ti]),
        ]

    @staticmethod
    def _distances(seq: Sequence[str], ti: int, decay: list[float]) -> dict[str, float]:
        """Each word but the target with its summed weight ``exp(-distance / distance_tau)``."""
        dist: dict[str, float] = {}
        for i, w in enumerate(seq):
            if i != ti:
                dist[w] = dist.get(w, 0.0) + decay[abs(i - ti)]
        return dist

    def _chars(self, seq: Sequence[str], ti: int) -> Counter[str]:
        """The character n-grams of the words near the target, counted."""
        cw = self.char_window
        return Counter(chain.from_iterable(map(_char_ngrams, seq[max(0, ti - cw) : ti + 1 + cw])))

    def transform_one(self, sentence: str, start: int, end: int) -> dict[str, float]:
        seq, ti, target_words = _locate(sentence, start, end)
        n = len(seq)
        k = self.window
        out: dict[str, float] = {}

        # sentence, windows, positions, clause
        _l2_binary(_ngrams(seq, "s:"), 1.0, out)
        left = seq[max(0, ti - k) : ti]
        right = seq[ti + 1 : ti + 1 + k]
        _l2_binary(_ngrams(left, "l:") + _ngrams(right, "r:"), 1.0, out)
        _l2_binary(self._positions(seq, ti), 1.0, out)
        a, b = _clause(seq, ti)
        _l2_binary(_ngrams(seq[a:b], "c:"), 1.0, out)

        # distance-weighted words, the target's own words, character n-grams near the target
        decay = self._decay(n)
        dist = self._distances(seq, ti, decay)
        _l2_values(["d:" + w for w in dist], list(dist.values()), 1.0, out)
        _l2_binary(["t:" + w for w in target_words], self.target_weight, out)
        chars = self._chars(seq, ti)
        _l2_values(chars, list(map(_count_weight, chars.values())), 1.0, out)

        lexicon, pattern, extra = self._lexicon_blocks(seq, ti, target_words, (a, b), decay)
        out.update(lexicon)
        _l2(pattern, 1.0, out)
        _l2(extra, 1.0, out)
        return out

    def _lexicon_blocks(
        self,
        seq: list[str],
        ti: int,
        target_words: Sequence[str],
        clause: tuple[int, int],
        decay: list[float],
    ) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
        """The blocks that read the words' meaning rather than their identity: the lexicon
        features (weighted, zeros left out), the polarity pattern, and what the target says
        with the word stems near it (the last two still to be scaled to unit length)."""
        n = len(seq)
        k = self.window
        a, b = clause
        # quotation, negation scope and valences
        in_quote = [False] * n
        if not _QUOTE_MARKS.isdisjoint(seq):
            quoted = False
            for i, w in enumerate(seq):
                if w in _OPEN_QUOTES and not (w == '"' and quoted):
                    quoted = in_quote[i] = True
                elif w in _CLOSE_QUOTES:
                    quoted = False
                else:
                    in_quote[i] = quoted
        negated = [False] * n
        # words hold no spaces, so "n't " is in the joined words only after a word ending in "n't"
        any_negation = not _NEGATIONS.isdisjoint(seq) or "n't " in " ".join(seq) + " "
        if any_negation:
            for i, w in enumerate(seq):
                if w in _NEGATIONS or w.endswith("n't"):
                    for j in range(i + 1, min(n, i + 4)):
                        if seq[j] in _CLAUSE_PUNCT:
                            break
                        negated[j] = True
        cached = self._valence_cache
        vals = [0.0] * n
        for i, w in enumerate(seq):
            if w not in (_TARGET, _ENTITY):
                v = cached.get(w)
                if v is None:
                    v = self.valence(w)
                vals[i] = _NEGATION_SCALAR * v if negated[i] else v

        lex: dict[str, float] = {}
        lex["q:target_in_quote"] = float(in_quote[ti])
        lex["q:has_quote"] = float(any(in_quote))
        # vals[ti] is 0 and the target is never a lexicon word, so regions may include it
        positive = [v if v > 0 else 0.0 for v in vals]
        negative = [-v if v < 0 else 0.0 for v in vals]
        if any(in_quote):
            quoted_positive = [v if q else 0.0 for v, q in zip(positive, in_quote, strict=True)]
            quoted_negative = [v if q else 0.0 for v, q in zip(negative, in_quote, strict=True)]
        else:
            quoted_positive = quoted_negative = [0.0] * n
        loaded = self.loaded
        loaded_hits = (
            []
            if loaded.keys().isdisjoint(seq)
            else [(i, loaded[w]) for i, w in enumerate(seq) if w in loaded]
        )
        expanded = self.context_valences
        if expanded:
            if any_negation:
                ev = [
                    expanded.get(w, 0.0) * (_NEGATION_SCALAR if negated[i] else 1.0)
                    for i, w in enumerate(seq)
                ]
            else:  # times 1.0 changes no number
                ev = list(map(expanded.get, seq, repeat(0.0)))
            # adding the zeros changes no sum; the negative sum of none is -0.0, left out as 0.0 is
            ev_positive = [v if v > 0 else 0.0 for v in ev]
            ev_negative = [v if v < 0 else 0.0 for v in ev]
        regions = {"L": (max(0, ti - k), ti), "R": (ti + 1, min(n, ti + 1 + k)), "C": (a, b), "S": (0, n)}
        for name, (lo, hi) in regions.items():
            pos, neg, npos, nneg, qpos, qneg, evpos, evneg = _REGION_KEYS[name]
            pos_sum = sum(positive[lo:hi])
            neg_sum = sum(negative[lo:hi])
            lex[pos] = pos_sum / 3
            lex[neg] = neg_sum / 3
            lex[npos] = float(pos_sum > 0)
            lex[nneg] = float(neg_sum > 0)
            lex[qpos] = sum(quoted_positive[lo:hi]) / 3
            lex[qneg] = sum(quoted_negative[lo:hi]) / 3
            if expanded:
                lex[evpos] = sum(ev_positive[lo:hi]) / 3
                lex[evneg] = -sum(ev_negative[lo:hi]) / 3
            for i, (category, weight) in loaded_hits:
                if lo <= i < hi:
                    lex[f"ll:{name}:{category}"] = lex.get(f"ll:{name}:{category}", 0.0) + weight / 3
                    lex[f"ll:{name}"] = lex.get(f"ll:{name}", 0.0) + weight / 3
        weighted = sum(vals[i] * decay[abs(i - ti)] for i in range(n) if vals[i])
        lex["v:dw"] = weighted / 2
        lex["v:dwpos"] = max(weighted, 0.0) / 2
        lex["v:dwneg"] = max(-weighted, 0.0) / 2
        first_words = self.multi_first
        if not first_words.isdisjoint(seq):
            for i in range(n):
                if seq[i] not in first_words:
                    continue
                for size in (2, 3, 4):
                    phrase = self.loaded_multi.get(tuple(seq[i : i + size]))
                    if phrase:
                        category, weight = phrase
                        key = f"ll:m{'L' if i < ti else 'R'}:{category}"
                        lex[key] = lex.get(key, 0.0) + weight / 3
        speaker = False
        for d in (1, 2, 3):
            if ti + d < n and seq[ti + d] in self.cues:
                lex["cue:after:" + self.cues[seq[ti + d]]] = 1.0
                lex["cue:speaker"] = 1.0
                speaker = True
                break
        for d in (1, 2):
            if ti - d >= 0 and seq[ti - d] in self.cues:
                lex["cue:before:" + self.cues[seq[ti - d]]] = 1.0
        lex["syn:start"] = float(ti == 0)
        first_verb = None
        for i, w in enumerate(seq):
            if (
                w in _AUX
                or w in self.cues
                or (w.endswith("ed") and len(w) > 4)
                or (i > 0 and seq[i - 1] in (_TARGET, _ENTITY) and w.endswith("s") and len(w) > 3)
            ):
                first_verb = i
                break
        lex["syn:subj"] = float(first_verb is not None and ti < first_verb)
        lex["syn:obj"] = float(first_verb is not None and ti > first_verb)
        lex["syn:by"] = float(ti > 0 and seq[ti - 1] == "by")
        lex["syn:poss"] = float(ti + 1 < n and seq[ti + 1] in ("'s", "'"))
        lex["syn:relpos"] = ti / max(1, n - 1)
        lex["syn:n_ents"] = min(seq.count(_ENTITY), 5) / 5
        lex["syn:pron_target"] = float(len(target_words) == 1 and target_words[0] in _PRONOUNS)
        lexicon = {key: value * self.lexicon_weight for key, value in lex.items() if value}

        # nearest sentiment words on each side, and the polarity pattern around the target
        pol = ["P" if v > 0.5 else "N" if v < -0.5 else "0" for v in vals]
        pattern: dict[str, float] = {}
        for side, steps in (("L", range(ti - 1, -1, -1)), ("R", range(ti + 1, n))):
            found = 0
            crossed = False
            for i in steps:
                if seq[i] in _CLAUSE_PUNCT:
                    crossed = True
                if pol[i] == "0":
                    continue
                d = abs(i - ti)
                bucket = "1" if d <= 1 else "2" if d <= 3 else "3" if d <= 6 else "4"
                stem = f"pp:{side}{found}:{pol[i]}"
                pattern[stem] = 1.0
                pattern[f"{stem}:{bucket}"] = 1.0
                pattern[f"{stem}:{'x' if crossed else 'c'}"] = 1.0
                pattern[f"ppv:{side}{found}"] = vals[i] / 3
                if negated[i]:
                    pattern[f"{stem}:neg"] = 1.0
                found += 1
                if found >= 2:
                    break
        shape: list[str] = []
        for i in range(max(0, ti - 4), min(n, ti + 5)):
            if i == ti:
                c = "T"
            elif pol[i] != "0":
                c = pol[i]
            elif seq[i] == _ENTITY:
                c = "E"
            elif seq[i] in _CLAUSE_PUNCT:
                c = ","
            else:
                c = "_"
            if not (c == "_" and shape and shape[-1] == "_"):
                shape.append(c)
        pattern["pat:" + "".join(shape)] = 1.0
        j = shape.index("T")
        for s in range(max(0, j - 2), j + 1):
            pattern["pat3:" + "".join(shape[s : s + 3])] = 1.0

        # what the target says, and word stems near it
        extra: dict[str, float] = {}
        if speaker or (ti > 0 and seq[ti - 1] in self.cues):
            extra["spk:pos"] = sum(v for v in vals if v > 0) / 3
            extra["spk:neg"] = sum(-v for v in vals if v < 0) / 3
        for i in range(max(0, ti - k), min(n, ti + k + 1)):
            if i != ti:
                extra[("sl:" if i < ti else "sr:") + _stem(seq[i])] = 1.0
        return lexicon, pattern, extra

    def transform(self, X: Iterable[Example]) -> list[dict[str, float]]:
        return [self.transform_one(s, a, b) for s, a, b in X]

    def columns(
        self, examples: Iterable[Example], table: _Columns, known: Mapping[str, int] | None = None
    ) -> tuple[list[int], list[float], list[int], tuple[list[int], list[int], list[float]], list[int]]:
        """What :meth:`transform_one` and :meth:`context_terms` give, for predicting: the
        features of every example as columns of ``table`` (-1 for names it does not know)
        and values, in the order of :meth:`transform_one`'s names, without writing the
        names out; how many features each example has; and when ``known`` is given, the
        context terms of every example as word numbers, region numbers and weights, with
        how many each example has."""
        names = table.names
        ngrams_s, ngrams_l, ngrams_r, ngrams_c = (table.ngrams[prefix] for prefix in "slrc")
        distance = table.distance
        k = self.window
        cols: list[int] = []
        values: list[float] = []
        sizes: list[int] = []
        term_words: list[int] = []
        term_regions: list[int] = []
        term_weights: list[float] = []
        term_sizes: list[int] = []
        for sentence, start, end in examples:
            seq, ti, target_words = _locate(sentence, start, end)
            first = len(cols)
            clause = a, b = _clause(seq, ti)
            decay = self._decay(len(seq))
            _ngram_columns(((seq, ngrams_s),), cols, values)
            _ngram_columns(
                ((seq[max(0, ti - k) : ti], ngrams_l), (seq[ti + 1 : ti + 1 + k], ngrams_r)), cols, values
            )
            _named_columns(self._positions(seq, ti), 1.0, names, cols, values)
            _ngram_columns(((seq[a:b], ngrams_c),), cols, values)
            dist = self._distances(seq, ti, decay)
            _weighted_columns(map(distance.get, dist, repeat(-1)), list(dist.values()), cols, values)
            _named_columns(["t:" + w for w in target_words], self.target_weight, names, cols, values)
            chars = self._chars(seq, ti)
            _weighted_columns(
                map(names.get, chars, repeat(-1)), list(map(_count_weight, chars.values())), cols, values
            )
            lexicon, pattern, extra = self._lexicon_blocks(seq, ti, target_words, clause, decay)
            cols.extend(map(names.get, lexicon, repeat(-1)))
            values.extend(lexicon.values())
            for block in (pattern, extra):
                _weighted_columns(map(names.get, block, repeat(-1)), list(block.values()), cols, values)
            sizes.append(len(cols) - first)
            if known is not None:
                first = len(term_words)
                for region, picked in enumerate(self._context_picks(seq, ti, clause, known)):
                    total = sum(w for _, w in picked)
                    for j, w in picked:
                        term_words.append(j)
                        term_regions.append(region)
                        term_weights.append(w / total)
                term_sizes.append(len(term_words) - first)
        return cols, values, sizes, (term_words, term_regions, term_weights), term_sizes


# -- the estimator ---------------------------------------------------------------------


def default_model_path() -> Path:
    """The model file shipped with framing."""
    return Path(str(resources.files("framing") / "models" / DEFAULT_MODEL_FILE))


def _check_X(X: Any) -> list[Example]:
    if isinstance(X, (str, bytes)) or not hasattr(X, "__iter__"):
        raise ValueError("X must be a sequence of (sentence, start, end) tuples")
    out: list[Example] = []
    for n, item in enumerate(X):
        try:
            sentence, start, end = item
        except (TypeError, ValueError):
            raise ValueError(f"X[{n}] is {item!r}; expected a (sentence, start, end) tuple") from None
        if not isinstance(sentence, str):
            raise ValueError(f"X[{n}]: the sentence must be a str, not {type(sentence).__name__}")
        if isinstance(start, bool) or isinstance(end, bool):
            raise ValueError(f"X[{n}]: start and end must be integers")
        try:
            start, end = int(start), int(end)
        except (TypeError, ValueError):
            raise ValueError(f"X[{n}]: start and end must be integers, not {start!r} and {end!r}") from None
        if not 0 <= start < end <= len(sentence):
            raise ValueError(
                f"X[{n}]: the span {start}:{end} is not inside the sentence of {len(sentence)} characters"
            )
        out.append((sentence, start, end))
    return out


def _check_y(y: Any, n: int) -> np.ndarray:
    labels = np.asarray(y)
    if labels.ndim != 1 or labels.shape[0] != n:
        raise ValueError(f"y must be a 1-d sequence of {n} labels, got shape {labels.shape}")
    try:
        ints = labels.astype(np.int64)
    except (TypeError, ValueError):
        raise ValueError("y must hold the labels -1, 0 and 1") from None
    if not np.array_equal(ints, labels) or not set(np.unique(ints)) <= set(CLASSES):
        raise ValueError(f"y must hold only the labels -1, 0 and 1; found {sorted(set(labels.tolist()))}")
    if len(np.unique(ints)) < len(CLASSES):
        raise ValueError("y must hold each of the labels -1, 0 and 1 at least once")
    return ints


def _check_word_vectors(word_vectors: Any) -> tuple[list[str], np.ndarray]:
    try:
        words, vectors = word_vectors
        vectors = np.asarray(vectors, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(
            "word_vectors must be (words, vectors): a list of words and a 2-d array of numbers"
        ) from None
    words = [str(w) for w in words]
    if vectors.ndim != 2 or vectors.shape[0] != len(words) or not len(words):
        raise ValueError(f"word_vectors: {len(words)} words but vectors of shape {vectors.shape}")
    if len(set(words)) != len(words) or not np.all(np.isfinite(vectors)):
        raise ValueError("word_vectors: the words must be distinct and the vectors finite")
    return words, vectors


def _spread_valences(words: Sequence[str], vectors: np.ndarray, featurizer: TargetFeaturizer) -> np.ndarray:
    """VADER's valence of every word as predicted from its vector (a ridge regression over all
    the words, VADER's unknown words counting as 0): words that keep company with sentiment
    words get some of their valence, including words VADER does not list."""
    from sklearn.linear_model import Ridge

    known = np.array([featurizer.valence(w) for w in words])
    return np.asarray(Ridge(alpha=1.0).fit(vectors, known).predict(vectors), dtype=np.float64)


def _region_averages(
    featurizer: TargetFeaturizer, examples: Sequence[Example], known: Mapping[str, int]
) -> list[Any]:
    """One sparse (examples x words) matrix per region of :data:`CONTEXT_REGIONS`, each row
    the weights of the known words in that region around the target."""
    from scipy import sparse

    rows: list[list[int]] = [[] for _ in CONTEXT_REGIONS]
    cols: list[list[int]] = [[] for _ in CONTEXT_REGIONS]
    values: list[list[float]] = [[] for _ in CONTEXT_REGIONS]
    for r, (sentence, start, end) in enumerate(examples):
        for word, region, weight in featurizer.context_terms(sentence, start, end, known):
            rows[region].append(r)
            cols[region].append(word)
            values[region].append(weight)
    shape = (len(examples), len(known))
    return [
        sparse.csr_matrix((values[g], (rows[g], cols[g])), shape=shape) for g in range(len(CONTEXT_REGIONS))
    ]


def _number_arrays(
    data: Mapping[str, Any], keys: tuple[str, str], prefix: str, refuse: Callable[[str], Exception]
) -> tuple[np.ndarray, np.ndarray]:
    """The two entries ``keys`` of a model file as arrays of floats, refused if they are not numbers."""
    try:
        return np.asarray(data.get(keys[0]), dtype=np.float64), np.asarray(
            data.get(keys[1]), dtype=np.float64
        )
    except (TypeError, ValueError):
        raise refuse(f"{prefix}{keys[0]} and {prefix}{keys[1]} must be arrays of numbers") from None


def _read_context(
    context: Any, n_classes: int, refuse: Callable[[str], Exception]
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The word context of a model file: its words, their valences and their scores."""
    if context == {}:
        return [], np.zeros(0), np.zeros((0, 0))
    if not isinstance(context, Mapping) or context.get("regions") != list(CONTEXT_REGIONS):
        raise refuse(
            f"context must be an object with regions {list(CONTEXT_REGIONS)}, words, valences and scores"
        )
    words = context.get("words")
    if (
        not isinstance(words, list)
        or not all(isinstance(w, str) for w in words)
        or len(set(words)) != len(words)
    ):
        raise refuse("context.words must be a list of distinct strings")
    valences, scores = _number_arrays(context, ("valences", "scores"), "context.", refuse)
    if scores.size == 0:
        scores = np.zeros((len(words), 0))
    width = (0, len(CONTEXT_REGIONS) * n_classes)
    if (
        valences.shape != (len(words),)
        or scores.ndim != 2
        or scores.shape[0] != len(words)
        or scores.shape[1] not in width
    ):
        raise refuse(
            f"context has {len(words)} words, valences of shape {valences.shape} and scores of shape "
            f"{scores.shape}; expected ({len(words)},) and ({len(words)}, 0 or {width[1]})"
        )
    if not (np.all(np.isfinite(valences)) and np.all(np.isfinite(scores))):
        raise refuse("context.valences and context.scores must be finite numbers")
    return words, valences, scores


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


class TargetSentimentClassifier(Estimator):
    """Sentiment toward a target span: -1 negative, 0 neutral, 1 positive.

    Follows the scikit-learn estimator contract (``get_params``/``set_params``, ``fit``
    returns self, learned attributes end in ``_``), so ``sklearn.base.clone`` and
    cross-validation work. ``X`` is a sequence of ``(sentence, start, end)`` tuples.
    Saving and loading use gzip-compressed JSON, never pickle.
    """

    def __init__(
        self,
        *,
        C: float = 0.3,
        window: int = 5,
        char_window: int = 6,
        distance_tau: float = 4.0,
        target_weight: float = 1.0,
        lexicon_weight: float = 1.0,
        context_weight: float = 0.0,
        min_df: int = 2,
        class_weight: str | None = "balanced",
        max_iter: int = 2000,
        tol: float = 1e-4,
        decimals: int = 5,
        random_state: int | None = 0,
    ):
        self.C = C
        self.window = window
        self.char_window = char_window
        self.distance_tau = distance_tau
        self.target_weight = target_weight
        self.lexicon_weight = lexicon_weight
        self.context_weight = context_weight
        self.min_df = min_df
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.tol = tol
        self.decimals = decimals
        self.random_state = random_state

    # the parameters of scikit-learn's estimator protocol (framing.models._estimator)
    _PARAMS = (
        "C",
        "window",
        "char_window",
        "distance_tau",
        "target_weight",
        "lexicon_weight",
        "context_weight",
        "min_df",
        "class_weight",
        "max_iter",
        "tol",
        "decimals",
        "random_state",
    )

    def _featurizer(
        self, tables: Mapping[str, Any], context_valences: Mapping[str, float] | None = None
    ) -> TargetFeaturizer:
        return TargetFeaturizer(
            tables,
            window=int(self.window),
            char_window=int(self.char_window),
            distance_tau=float(self.distance_tau),
            target_weight=float(self.target_weight),
            lexicon_weight=float(self.lexicon_weight),
            context_valences=context_valences,
        )

    # -- training ----------------------------------------------------------------------

    def fit(
        self,
        X: Sequence[Example],
        y: Any,
        lexicon_tables: Mapping[str, Any] | None = None,
        word_vectors: tuple[Sequence[str], Any] | None = None,
    ) -> TargetSentimentClassifier:
        """Learn from ``(sentence, start, end)`` examples and labels in {-1, 0, 1}.

        ``lexicon_tables`` (from :func:`project_lexicon_tables`) defaults to framing's
        built-in lexicons as they are now; they are stored with the model.

        ``word_vectors`` is ``(words, vectors)``: unit-length vectors learned from unlabelled
        text, one row a word (tools/build_word_vectors.py makes them). With them, VADER's
        valences are spread to every word of ``words`` by a ridge regression on the vectors,
        and summed around the target like VADER's own; with ``context_weight`` above 0 the
        vectors averaged over each of :data:`CONTEXT_REGIONS` are features too. Neither the
        vectors nor the regression are stored: a linear model of averaged vectors is the
        average of each word's scores, so the model keeps one score per word, region and class.
        """
        import sklearn
        from scipy import sparse
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        examples = _check_X(X)
        labels = _check_y(y, len(examples))
        tables = dict(lexicon_tables) if lexicon_tables is not None else project_lexicon_tables()
        if word_vectors is None:
            if self.context_weight:
                raise ValueError(
                    f"context_weight is {self.context_weight!r} but no word_vectors were given; "
                    "pass word_vectors=(words, vectors) (tools/build_word_vectors.py) or context_weight=0"
                )
            context_words: list[str] = []
            vectors = np.zeros((0, 0))
            valences = np.zeros(0)
        else:
            context_words, vectors = _check_word_vectors(word_vectors)
            valences = _spread_valences(context_words, vectors, self._featurizer(tables))
        featurizer = self._featurizer(tables, dict(zip(context_words, valences.tolist(), strict=True)))
        rows = featurizer.transform(examples)
        vectorizer = DictVectorizer(sort=True)
        matrix = vectorizer.fit_transform(rows).tocsc()
        df = np.diff(matrix.indptr)
        keep = np.flatnonzero(df >= self.min_df)
        matrix = matrix[:, keep].tocsr()
        names = [str(n) for n in np.asarray(vectorizer.get_feature_names_out())[keep]]
        n_sparse = matrix.shape[1]
        if self.context_weight:
            known = {w: i for i, w in enumerate(context_words)}
            dense = np.hstack(
                [averages @ vectors for averages in _region_averages(featurizer, examples, known)]
            )
            matrix = sparse.hstack([matrix, sparse.csr_matrix(dense * float(self.context_weight))]).tocsr()
        model = LogisticRegression(
            C=self.C,
            class_weight=self.class_weight,
            max_iter=self.max_iter,
            tol=self.tol,
            random_state=self.random_state,
        )
        model.fit(matrix, labels)
        coef = np.asarray(model.coef_, dtype=np.float64)
        intercept = np.asarray(model.intercept_, dtype=np.float64)
        n_classes, n_regions = coef.shape[0], len(CONTEXT_REGIONS)
        if self.context_weight:
            # each word's share of the score of each class, for each region
            by_region = coef[:, n_sparse:].reshape(n_classes, n_regions, vectors.shape[1])
            scores = float(self.context_weight) * np.einsum("wd,krd->wrk", vectors, by_region)
            self.context_scores_ = np.round(scores.reshape(len(context_words), -1), self.decimals)
        else:
            self.context_scores_ = np.zeros((len(context_words), 0))
        self.context_words_ = context_words
        self.context_valences_ = np.round(valences, 3)
        coef = np.round(coef[:, :n_sparse], self.decimals)
        intercept = np.round(intercept, self.decimals)
        used = np.flatnonzero(np.any(coef != 0.0, axis=0))
        self.classes_ = np.asarray(model.classes_, dtype=np.int64)
        self.coef_ = coef[:, used]
        self.intercept_ = intercept
        self.vocabulary_ = {names[j]: i for i, j in enumerate(used)}
        self.lexicon_tables_ = tables
        self.n_iter_ = int(np.max(model.n_iter_))
        self.metadata_: dict[str, Any] = {}
        self.sklearn_version_: str | None = str(sklearn.__version__)
        self._features = self._featurizer(tables, self._valence_table())
        self._columns = _Columns(self.vocabulary_)
        self._context_index = {w: i for i, w in enumerate(self.context_words_)}
        return self

    def _valence_table(self) -> dict[str, float]:
        return {w: v for w, v in zip(self.context_words_, self.context_valences_.tolist(), strict=True) if v}

    # -- predicting --------------------------------------------------------------------

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            try:
                from sklearn.exceptions import NotFittedError
            except ImportError:  # pragma: no cover - scikit-learn is optional for predicting
                raise ValueError(
                    "this TargetSentimentClassifier is not fitted yet; call fit or load"
                ) from None
            raise NotFittedError("this TargetSentimentClassifier is not fitted yet; call fit or load")

    def decision_function(self, X: Sequence[Example]) -> np.ndarray:
        """Scores of shape (n, 3), one column per class in ``classes_``."""
        self._check_fitted()
        examples = _check_X(X)
        features = getattr(self, "_features", None)
        if features is None:
            features = self._features = self._featurizer(self.lexicon_tables_, self._valence_table())
        table = getattr(self, "_columns", None)
        if table is None:
            table = self._columns = _Columns(self.vocabulary_)
        index = None
        if self.context_scores_.size:
            index = getattr(self, "_context_index", None)
            if index is None:
                index = self._context_index = {w: i for i, w in enumerate(self.context_words_)}
        cols, values, sizes, terms, term_sizes = features.columns(examples, table, index)
        n = len(examples)
        scores = np.tile(self.intercept_, (n, 1))
        # every feature of every row in one pass; -1 marks the names the model does not know.
        # The features stay in row order, so bincount adds them up in the same order as ever.
        at_col = np.array(cols, dtype=np.intp)
        known = at_col >= 0
        if known.any():
            at_row = np.repeat(np.arange(n), sizes)[known]
            at_col = at_col[known]
            value_at = np.array(values, dtype=np.float64)[known]
            for k in range(scores.shape[1]):
                scores[:, k] += np.bincount(at_row, weights=self.coef_[k, at_col] * value_at, minlength=n)
        if index is not None:
            at_row = np.repeat(np.arange(n), term_sizes)
            n_classes = scores.shape[1]
            by_word = self.context_scores_.reshape(len(self.context_words_), -1, n_classes)
            words, regions, weights = (np.array(t) for t in terms)
            shares = (
                by_word[words.astype(np.intp), regions.astype(np.intp)] * weights.astype(np.float64)[:, None]
            )
            for k in range(n_classes):
                scores[:, k] += np.bincount(at_row, weights=shares[:, k], minlength=n)
        return scores

    def predict_proba(self, X: Sequence[Example]) -> np.ndarray:
        """Probabilities of shape (n, 3), one column per class in ``classes_``; rows sum to 1."""
        return _softmax(self.decision_function(X))

    def predict(self, X: Sequence[Example]) -> np.ndarray:
        """-1, 0 or 1 for each example."""
        scores = self.decision_function(X)
        return np.asarray(self.classes_[np.argmax(scores, axis=1)])

    # -- serialisation -----------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Everything the model needs, as plain JSON-able data."""
        self._check_fitted()
        names = [""] * len(self.vocabulary_)
        for name, j in self.vocabulary_.items():
            names[j] = name
        return {
            "model_id": MODEL_ID,
            "format_version": FORMAT_VERSION,
            "model_version": MODEL_VERSION,
            "sklearn_version": self.sklearn_version_,
            "license": DATA_LICENSE,
            "params": self.get_params(),
            "classes": [int(c) for c in self.classes_],
            "vocabulary": names,
            "coef": [[float(v) for v in row] for row in self.coef_],
            "intercept": [float(v) for v in self.intercept_],
            "context": {
                "regions": list(CONTEXT_REGIONS),
                "words": list(self.context_words_),
                "valences": [float(v) for v in self.context_valences_],
                "scores": [[float(v) for v in row] for row in self.context_scores_],
            },
            "lexicons": {
                **self.lexicon_tables_,
                "vader_sha256": _vader()[1],
            },
            "metadata": self.metadata_,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "<dict>") -> TargetSentimentClassifier:
        """Rebuild a model from :meth:`to_dict` data, checking every part of it."""

        def refuse(problem: str) -> InputError:
            return InputError(f"not a usable {MODEL_ID} model: {problem}", source=source)

        if not isinstance(data, Mapping):
            raise refuse(f"expected a JSON object, found {type(data).__name__}")
        if data.get("model_id") != MODEL_ID:
            raise refuse(f"model_id is {data.get('model_id')!r}, expected {MODEL_ID!r}")
        format_version = data.get("format_version")
        if format_version not in _READABLE_FORMATS:
            raise refuse(
                f"format_version is {format_version!r}, but this version of framing reads "
                f"format_version {' or '.join(map(str, _READABLE_FORMATS))}; retrain with tools/train_target_sentiment.py"
            )
        params = data.get("params")
        if isinstance(params, Mapping) and format_version == 1:
            params = {**params, "context_weight": 0.0}
        if not isinstance(params, Mapping) or set(params) != set(cls._PARAMS):
            raise refuse(f"params must name exactly {', '.join(cls._PARAMS)}")
        classes = data.get("classes")
        if classes != list(CLASSES):
            raise refuse(f"classes are {classes!r}, expected {list(CLASSES)}")
        vocabulary = data.get("vocabulary")
        if not isinstance(vocabulary, list) or not all(isinstance(v, str) for v in vocabulary):
            raise refuse("vocabulary must be a list of strings")
        if len(set(vocabulary)) != len(vocabulary):
            raise refuse("vocabulary has repeated entries")
        coef, intercept = _number_arrays(data, ("coef", "intercept"), "", refuse)
        if coef.shape != (len(classes), len(vocabulary)):
            raise refuse(f"coef has shape {coef.shape}, expected {(len(classes), len(vocabulary))}")
        if intercept.shape != (len(classes),):
            raise refuse(f"intercept has shape {intercept.shape}, expected {(len(classes),)}")
        if not (np.all(np.isfinite(coef)) and np.all(np.isfinite(intercept))):
            raise refuse("coef and intercept must be finite numbers")
        lexicons = data.get("lexicons")
        if not isinstance(lexicons, Mapping) or not all(
            isinstance(lexicons.get(k), Mapping) for k in ("loaded", "loaded_multi", "cues")
        ):
            raise refuse("lexicons must hold the tables loaded, loaded_multi and cues")
        for table in ("loaded", "loaded_multi"):
            for term, value in lexicons[table].items():
                if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)):
                    raise refuse(f"lexicons.{table}[{term!r}] must be [category, weight]")
        model = cls(**params)
        model.classes_ = np.asarray(classes, dtype=np.int64)
        model.coef_ = coef
        model.intercept_ = intercept
        model.vocabulary_ = {name: i for i, name in enumerate(vocabulary)}
        model.context_words_, model.context_valences_, model.context_scores_ = _read_context(
            data.get("context") if format_version != 1 else {}, len(classes), refuse
        )
        model.lexicon_tables_ = {k: dict(lexicons[k]) for k in ("loaded", "loaded_multi", "cues")} | {
            "sources": dict(lexicons.get("sources") or {})
        }
        metadata = data.get("metadata") or {}
        model.metadata_ = dict(metadata) if isinstance(metadata, Mapping) else {}
        sklearn_version = data.get("sklearn_version")
        model.sklearn_version_ = str(sklearn_version) if sklearn_version is not None else None
        vader_sha = lexicons.get("vader_sha256")
        if vader_sha is not None and vader_sha != _vader()[1]:
            warnings.warn(
                f"{source}: the model was trained with another VADER lexicon than the installed "
                "vaderSentiment's; its predictions may differ. Retrain with tools/train_target_sentiment.py.",
                FramingWarning,
                stacklevel=2,
            )
        return model

    def save(self, path: str | Path) -> Path:
        """Write the model as gzip-compressed JSON; same model, same bytes."""
        path = Path(path)
        text = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        buffer = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
            gz.write(text.encode("utf-8"))
        path.write_bytes(buffer.getvalue())
        return path

    @classmethod
    def load(cls, path: str | Path | None = None, *, sha256: str | None = None) -> TargetSentimentClassifier:
        """Read a model written by :meth:`save` (the shipped model when ``path`` is None).

        The shipped model is checked against :data:`DEFAULT_MODEL_SHA256` and refused if
        its bytes differ; ``sha256`` checks any other file against the digest given.
        """
        shipped = default_model_path()
        path = shipped if path is None else Path(path)
        if sha256 is None and path.resolve() == shipped.resolve():
            sha256 = DEFAULT_MODEL_SHA256
        source = str(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read the model file: {exc.strerror or exc}", source=source) from None
        if sha256 is not None:
            digest = hashlib.sha256(raw).hexdigest()
            if digest != sha256.lower():
                raise InputError(
                    f"the model file {path.name} has sha256 {digest}, expected {sha256.lower()}: the file "
                    "was changed or damaged. For the shipped model, reinstall framing to restore it (or, if "
                    "it was retrained on purpose, update DEFAULT_MODEL_SHA256 in framing/models/target_sentiment.py)",
                    source=source,
                )
        try:
            text = gzip.decompress(raw).decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError):
            raise InputError("not a gzip-compressed JSON model file", source=source) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"the model file is not valid JSON ({exc.msg}, line {exc.lineno})", source=source
            ) from None
        return cls.from_dict(data, source=source)
