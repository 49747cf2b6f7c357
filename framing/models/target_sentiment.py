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

Over 500 lines with its model card, the docstring above (130 lines); the code is the
estimator alone (its words and features are target_words.py and target_features.py).

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
import warnings
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import FramingWarning, InputError
from ._estimator import Estimator
from ._files import check_header
from .target_features import (
    TargetFeaturizer,
    _vader,
    project_lexicon_tables,
)
from .target_words import (
    CONTEXT_REGIONS,
    Example,
    _Columns,
)

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

        format_version = check_header(
            data, MODEL_ID, _READABLE_FORMATS, "tools/train_target_sentiment.py", refuse
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
