"""Loaded words learned from the news corpus: which words of a sentence a careful reader marks.

Model card
==========

What it predicts
    For every word of a sentence, the probability that a careful reader marks it as
    loaded or evaluative (a judgement or an emotional charge beyond what the fact needs,
    as the news corpus's guide defines it: ``corpus/GUIDE.md``, section 2), and for a
    marked word its category (the guide's thirteen: violence, fear appeal, criminalising,
    dehumanising, partisan label, emotive, intensifier, derogatory verb, loaded verb of
    saying, the outlet judging a claim, euphemism, scare marker, other evaluative word).
    It is opt-in: with ``Settings(learned_loaded=True)`` (``--learned-loaded`` on the
    command line) framing's loaded-language analyser reports the words it marks from
    :attr:`threshold` on that no lexicon entry covers, as learned guesses (``Finding.origin`` is
    ``model``), each with its category, the voice the document gives it (and the voice
    rules of :mod:`framing.analyzers.loaded_voice`), an explanation of what such a word
    can do, and a neutral wording where the corpus's annotators gave one for the same
    words. It never tags a word the lexicon found or set aside (an excluded phrase, a name,
    a context rule), nor the small words of :data:`SKIP_WORDS`.

How it works
    Two logistic regressions (scikit-learn, L2). The first says whether a word is
    marked, from sparse features of the word (the word; its last three and four letters
    and first three; capitals; a hyphen; its loaded-language category and weight and
    whether it belongs to a listed phrase; its cue-verb grade; VADER's valence and its
    sign), of each neighbour up to two words away (the word; for the next words also
    their capitals, an intensifier such as "very", VADER's valence, a quotation mark, a
    lexicon hit), of the two word pairs it is part of, of its voice (narration, headline,
    quote, reported) and of opening the sentence; and from the word vectors of the word
    and of its next neighbours, with VADER's valence spread to every word through the
    vectors and the word's frequency rank. The second gives a marked word its category,
    from the word's own features, its voice and its vector. Marked words next to each
    other, or with one small word between them ("war on coal"), make one finding.

    The word vectors are learned from unlabelled news (tools/build_word_vectors.py) and
    are not shipped: a linear model of a word's vector equals one score per word and
    offset, so the file keeps those scores (20,000 words). The loaded-language and
    cue-verb lexicons are copied into the file when the model is trained (loaded-language
    1.3.0, cue-verbs 1.4.0), so later edits of the lexicons do not change it; VADER's
    valences are read from the installed ``vaderSentiment`` (MIT) and the file is refused
    if that lexicon differs. A word's score is a few table lookups (per-word shares are
    cached), so predicting needs numpy and nothing else.

Training data
    The framing news corpus (``corpus/``), **train split only**: 145 articles (17 event
    clusters) from Article-Bias-Prediction, annotated blind by the framing maintainers;
    71,768 words the model can tag, 4,078 of them inside a gold loaded span of any voice
    (other evaluative 1,279, intensifier 620, emotive 565, partisan label 390,
    derogatory verb 343, fear appeal 284, violence 140, loaded verb of saying 138, the
    outlet judging a claim 123, criminalising 103, scare marker 60, euphemism 17,
    dehumanising 16). The annotations are released under the Creative Commons
    Attribution 4.0 license (CC BY 4.0, the framing maintainers); the texts are
    Article-Bias-Prediction's (Ramy Baly, Giovanni Da San Martino, James Glass and
    Preslav Nakov, "We Can Detect Your Bias: Predicting the Political Ideology of News
    Articles", EMNLP 2020), Apache License 2.0. The neutral wordings the model offers are
    the annotators' own for the same words in the train split (1,179 words and phrases,
    CC BY 4.0). The word vectors are learned from the other 8,261 articles of
    Article-Bias-Prediction: every article of the corpus's dev and test splits is left
    out. Nothing of BABE or SemEval trains it (their licenses forbid a shipped model).

    Settings were chosen by grouped 5-fold cross-validation on the train split (the
    articles of an event cluster in one fold), scoring lexicon and model together as
    ``benchmarks/corpus.py`` does (own-voice F1, lenient precision, one-to-one recall):
    the lexicon alone 0.350 (P 0.630, R 0.242); with the model, C 0.05 to 0.4 and
    thresholds 0.15 to 0.5 gave 0.355 to 0.409, flat from C 0.1 to 0.4 and thresholds 0.2
    to 0.35; within 0.005 of the best, the smaller model (features seen in two or more
    words: 45,960 instead of about 140,000) and the higher threshold were taken: C 0.4,
    threshold 0.35 (cross-validated P 0.456, R 0.369, F1 0.408). The train split's own
    figures flatter the lexicon: its 1.3.0 entries were chosen from words the annotators
    marked in the train and dev splits.

    Tried on the dev split while developing (the model alone, an earlier lexicon;
    own-voice P / R at threshold 0.25): window features without word vectors 0.40 / 0.14
    (0.32 / 0.23 at 0.2); with them 0.40 / 0.33; without the lexicon features 0.38 /
    0.31; with features of the whole article (its rate of lexicon words, VADER valence,
    first-person words, exclamation marks, share of quotation) 0.37 / 0.31; a small
    neural network (scikit-learn's MLP, 64 units) on the vectors and the dense features
    0.40 / 0.39, and averaged with the logistic regression 0.42 / 0.36, not clearly
    better than the linear model, which explains itself feature by feature.

Scores (measured once, after training; ``benchmarks/corpus.py --split dev`` and ``benchmarks/loaded_language.py``)
    The news corpus's dev split (47 articles, 456 gold spans in the outlet's own voice;
    lenient precision, one-to-one recall), own voice, P / R / F1:

    ==============================================  =====  =====  =====
    lexicon + model (as framing ships them)          0.452  0.342  0.389
    lexicon alone                                    0.614  0.211  0.314
    model alone                                      0.453  0.307  0.366
    VADER words, |valence| >= 1.5 (baseline)         0.096  0.217  0.133
    words marked in the train split (baseline)       0.298  0.140  0.191
    ==============================================  =====  =====  =====

    Within lexicon + model, 0.325 of the model's own-voice findings (66 of 203) overlap an
    own-voice gold span, against 0.614 of the lexicon's; the voice of a found span is
    right for 0.855. The project's target, own-voice recall 0.60 at precision 0.70, is
    not reached: at a threshold of 0.15 the recall is 0.575 at precision 0.310. The
    lexicon's 1.3.0 entries were partly chosen from dev misses, so the dev split
    flatters the lexicon.

    BABE (half of SG2, 1,869 sentences, never trained on; 5-fold CV for the methods that
    learn a rule), sentence macro-F1: lexicon + model, biased when anything is flagged,
    0.674; the lexicon alone 0.646; a rule chosen on the training folds 0.689; TF-IDF and
    logistic regression, same run, 0.716 (the target, above it, is not reached). Word
    level against the annotators' words (P / R / F1): lexicon + model 0.363 / 0.431 /
    0.394, the lexicon alone 0.439 / 0.256 / 0.323. SemEval-2023 task 3, Loaded_Language paragraphs (F1): lexicon + model 0.490,
    the lexicon alone 0.484, TF-IDF 0.481.

Known weaknesses
    It learns from 145 articles marked by one annotator each, and annotators agree on
    own-voice spans at F1 0.83 only: a learned guess is often a word a reader would
    defend marking and the annotator did not, and as often a word that is plain in its
    sentence. About one learned guess in three in the outlet's voice matched the dev
    annotations; read each as a question. It reads two words either side, not the
    article: an apt word for a real massacre and a loaded one look alike, irony and
    loaded framing built from neutral words are missed, and long evaluative phrases
    ("has little interest in serving as an impartial overseer") are found, if at all, by
    one of their words. Words typical of the 2012-2020 US outlets the corpus and the
    vectors come from carry those outlets' habits. Voice comes from the document and the
    voice rules, so a paraphrase the attribution finder misses is counted as the outlet's.
    English news only.

Over 500 lines with its model card, the docstring above; the features it reads are in
:mod:`framing.models.loaded_word_features`, and the code here is the estimator, its
scoring and the checks of its file, which read the same tables.

>>> model = LoadedWordsTagger.load()
>>> words = "The governor gave a shameless , sloppy answer .".split()
>>> [w for w, p in zip(words, model.scores(words, ["narration"] * len(words))) if p >= model.threshold]
['shameless']
"""

from __future__ import annotations

import copy
import hashlib
import math
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from ..errors import InputError
from ..vader import vader_lexicon
from ._estimator import Estimator
from ._files import check_header, read_model_json, write_model_json
from .loaded_word_features import (
    END,
    NEIGHBOURS,
    OUTSIDE,
    SKIP_WORDS,
    START,
    VECTOR_OFFSETS,
    Example,
    Features,
    is_candidate,
    neutral_table,
    norm,
    vector_rows,
    word_at,
    word_key,
)
from .target_features import project_lexicon_tables

__all__ = [
    "DEFAULT_MODEL_SHA256",
    "FORMAT_VERSION",
    "MODEL_ID",
    "MODEL_VERSION",
    "OUTSIDE",
    "LoadedWordsTagger",
    "default_model_path",
    "is_candidate",
    "neutral_table",
]

MODEL_ID = "framing.loaded-words"
MODEL_VERSION = "1.0.0"
FORMAT_VERSION = 1
DEFAULT_MODEL_FILE = f"loaded-words-{MODEL_VERSION}.json.gz"
#: SHA-256 of the shipped model file: :meth:`LoadedWordsTagger.load` refuses a shipped
#: model whose bytes differ. Retraining with tools/train_loaded_words.py means updating
#: this value in the same commit.
DEFAULT_MODEL_SHA256 = "75c4f53ba82da4f8d89bc6ff3c7ffdbde03f2e7d30fdd25c32ad29917a6288a5"
DATA_LICENSE = (
    "Trained on the framing news corpus, train split (the framing maintainers; annotations under "
    "the Creative Commons Attribution 4.0 license, https://creativecommons.org/licenses/by/4.0/). "
    "The annotated texts, and the unlabelled articles the word context is learned from, are from "
    "Article-Bias-Prediction (Baly, Da San Martino, Glass and Nakov, EMNLP 2020), licensed under the "
    "Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0); changes: only word "
    "statistics and the annotators' labels are used, no text is included. The neutral wordings are "
    "the corpus annotators' (CC BY 4.0)."
)


def _check_X(X: Any) -> list[Example]:
    if isinstance(X, (str, bytes)) or not hasattr(X, "__iter__"):
        raise ValueError("X must be a sequence of (words, voices, index) examples")
    out: list[Example] = []
    for n, item in enumerate(X):
        try:
            words, voices, i = item
        except (TypeError, ValueError):
            raise ValueError(f"X[{n}] is {item!r:.80}; expected a (words, voices, index) tuple") from None
        if isinstance(words, str) or isinstance(voices, str) or len(words) != len(voices):
            raise ValueError(f"X[{n}]: words and voices must be sequences of the same length")
        if isinstance(i, bool) or not isinstance(i, (int, np.integer)) or not 0 <= i < len(words):
            raise ValueError(f"X[{n}]: the index {i!r} is not a position in the {len(words)} words")
        out.append((words, voices, int(i)))
    return out


def default_model_path() -> Path:
    """The model file shipped with framing."""
    return Path(str(resources.files("framing") / "models" / DEFAULT_MODEL_FILE))


class LoadedWordsTagger(Estimator):
    """Tags the words of a sentence that carry a judgement, with a category.

    ``X`` is a sequence of ``(words, voices, index)`` examples (one word in its
    sentence); ``y`` holds :data:`OUTSIDE` for a word nobody marked and the category of
    the marked span otherwise. Two logistic regressions are learned: whether a word is
    marked (over word, neighbour, bigram, voice and lexicon features and word vectors),
    and, for marked words, the category. ``predict_proba`` multiplies them out.

    Follows the scikit-learn estimator contract (:class:`~framing.models._estimator.Estimator`),
    so ``sklearn.base.clone`` and cross-validation work; saving and loading use
    gzip-compressed JSON, never pickle.
    """

    _PARAMS: ClassVar[tuple[str, ...]] = (
        "C",
        "category_C",
        "vector_weight",
        "threshold",
        "min_count",
        "max_iter",
        "decimals",
    )
    model_version_: str
    """The version a loaded model file gives (a model fitted in this process has :data:`MODEL_VERSION`)."""
    sha256_: str | None
    """The SHA-256 of the file a model was loaded from."""

    def __init__(
        self,
        *,
        C: float = 0.1,
        category_C: float = 1.0,
        vector_weight: float = 1.0,
        threshold: float = 0.25,
        min_count: int = 1,
        max_iter: int = 3000,
        decimals: int = 5,
    ):
        self.C = C
        self.category_C = category_C
        self.vector_weight = vector_weight
        self.threshold = threshold
        self.min_count = min_count
        self.max_iter = max_iter
        self.decimals = decimals

    # -- training ------------------------------------------------------------------------

    def fit(
        self,
        X: Sequence[Example],
        y: Any,
        lexicon_tables: Mapping[str, Any] | None = None,
        word_vectors: tuple[Sequence[str], Any] | None = None,
    ) -> LoadedWordsTagger:
        """Learn from ``(words, voices, index)`` examples and their labels.

        ``lexicon_tables`` (``project_lexicon_tables()``, the default) are framing's
        loaded-language and cue-verb lexicons as they are now, stored with the model.
        ``word_vectors`` is ``(words, vectors)`` (tools/build_word_vectors.py); the vectors
        themselves are not stored, only each word's share of the score (see the card).
        """
        import sklearn
        from scipy import sparse
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression, Ridge

        examples = _check_X(X)
        labels = np.asarray([str(v) for v in y])
        if labels.shape != (len(examples),):
            raise ValueError(f"y must hold one label for each of the {len(examples)} examples")
        marked = labels != OUTSIDE
        if marked.all() or not marked.any():
            raise ValueError(f"y must hold both {OUTSIDE!r} (not marked) and categories")
        categories = sorted(set(labels[marked].tolist()))
        tables = dict(lexicon_tables) if lexicon_tables is not None else project_lexicon_tables()
        features = Features(tables)

        if word_vectors is not None:
            vocab, vectors = list(word_vectors[0]), np.asarray(word_vectors[1], dtype=np.float64)
            if vectors.ndim != 2 or vectors.shape[0] != len(vocab):
                raise ValueError(f"word_vectors: {len(vocab)} words but vectors of shape {vectors.shape}")
            known = np.array([features.vader.get(w, 0.0) for w in vocab])
            spread = np.abs(Ridge(alpha=1.0).fit(vectors, known).predict(vectors))
            rank = np.log1p(np.arange(len(vocab))) / 10
            # every per-word quantity read through the vectors: the vector, the spread valence, the rank
            word_block = np.hstack([vectors, spread[:, None], rank[:, None]])
        else:
            vocab, word_block = [], np.zeros((0, 0))
        index = {w: k for k, w in enumerate(vocab)}

        rows = [dict(features.of(e)) for e in examples]
        vectorizer = DictVectorizer(sort=True)
        matrix = vectorizer.fit_transform(rows).tocsc()
        keep = np.flatnonzero(np.diff(matrix.indptr) >= self.min_count)
        matrix = matrix[:, keep].tocsr()
        names = [str(n) for n in np.asarray(vectorizer.get_feature_names_out())[keep]]
        n_sparse = matrix.shape[1]

        width = word_block.shape[1]
        weight = float(self.vector_weight)
        if width:
            dense = np.zeros((len(examples), width * len(VECTOR_OFFSETS)))
            for r, (words, _, i) in enumerate(examples):
                for b, d in enumerate(VECTOR_OFFSETS):
                    k = vector_rows(index, word_at(words, i + d))
                    if k is not None:
                        dense[r, b * width : (b + 1) * width] = word_block[k].mean(axis=0)
            matrix = sparse.hstack([matrix, sparse.csr_matrix(dense * weight)]).tocsr()

        binary = LogisticRegression(C=self.C, max_iter=self.max_iter)
        binary.fit(matrix, marked.astype(int))
        coef = np.asarray(binary.coef_[0], dtype=np.float64)

        # the category of marked words: the word's own features, its voice and its vector
        own_columns = [j for j, n in enumerate(names) if not n.startswith(("w+", "w-", "b+", "b-"))]
        cat_matrix = matrix[marked][:, own_columns]
        if width:
            middle = VECTOR_OFFSETS.index(0)
            cat_matrix = sparse.hstack(
                [cat_matrix, matrix[marked][:, n_sparse + middle * width : n_sparse + (middle + 1) * width]]
            ).tocsr()
        category = LogisticRegression(C=self.category_C, max_iter=self.max_iter)
        category.fit(cat_matrix, labels[marked])
        cat_coef = np.asarray(category.coef_, dtype=np.float64)
        if len(categories) == 2:  # a binary problem has one row of coefficients
            cat_coef = np.vstack([-cat_coef[0] / 2, cat_coef[0] / 2])

        d = self.decimals
        self.categories_ = [str(c) for c in category.classes_]
        self.classes_ = np.asarray([OUTSIDE, *self.categories_])
        self.intercept_ = round(float(binary.intercept_[0]), d)
        sparse_coef = np.round(coef[:n_sparse], d)
        self.coef_ = {names[j]: float(sparse_coef[j]) for j in np.flatnonzero(sparse_coef)}
        cat_sparse = np.round(cat_coef[:, : len(own_columns)], d)
        self.category_coef_ = {
            names[j]: [float(v) for v in cat_sparse[:, c]]
            for c, j in enumerate(own_columns)
            if np.any(cat_sparse[:, c])
        }
        cat_intercept = np.asarray(category.intercept_, dtype=np.float64)
        if len(categories) == 2:
            cat_intercept = np.array([-cat_intercept[0] / 2, cat_intercept[0] / 2])
        self.category_intercept_ = [round(float(v), d) for v in cat_intercept]
        if width:
            blocks = coef[n_sparse:].reshape(len(VECTOR_OFFSETS), width)
            self.word_scores_ = np.round(weight * word_block @ blocks.T, d)
            self.word_category_scores_ = np.round(weight * word_block @ cat_coef[:, len(own_columns) :].T, d)
        else:
            self.word_scores_ = np.zeros((0, len(VECTOR_OFFSETS)))
            self.word_category_scores_ = np.zeros((0, len(self.categories_)))
        self.words_ = vocab
        self.lexicon_tables_ = tables
        self.neutral_: dict[str, list[str]] = getattr(self, "neutral_", {})
        self.category_text_: dict[str, dict[str, str]] = getattr(self, "category_text_", {})
        self.metadata_: dict[str, Any] = {}
        self.sklearn_version_: str | None = str(sklearn.__version__)
        self._ready()
        return self

    # -- predicting ----------------------------------------------------------------------

    def _ready(self) -> None:
        self._features = Features(self.lexicon_tables_)
        self._index = {w: k for k, w in enumerate(self.words_)}
        self._own_cache: dict[str, float] = {}
        self._near_cache: dict[str, tuple[float, ...]] = {}
        self._category_cache: dict[tuple[str, str, bool], list[float]] = {}
        self._edges = (self._near_all(START), self._near_all(END))

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            try:
                from sklearn.exceptions import NotFittedError
            except ImportError:  # pragma: no cover - scikit-learn is optional for predicting
                raise ValueError("this LoadedWordsTagger is not fitted yet; call fit or load") from None
            raise NotFittedError("this LoadedWordsTagger is not fitted yet; call fit or load")

    def _vector(self, word: str, offset: int) -> float:
        k = vector_rows(self._index, word)
        if k is None:
            return 0.0
        return float(self.word_scores_[k, VECTOR_OFFSETS.index(offset)].mean())

    def _own(self, word: str) -> float:
        """The share of a word's score that comes from the word itself."""
        score = self._own_cache.get(word)
        if score is None:
            coef = self.coef_
            score = sum(coef.get(name, 0.0) * value for name, value in self._features.own(word))
            score += self._vector(word, 0)
            if len(self._own_cache) > 200_000:
                self._own_cache.clear()
            self._own_cache[word] = score
        return score

    def _near_all(self, word: str) -> tuple[float, ...]:
        """The share of the score a word gives each of its neighbours: the word at offset
        ``d`` of :data:`NEIGHBOURS` from the word being scored, in that order."""
        scores = self._near_cache.get(word)
        if scores is None:
            coef = self.coef_
            out = []
            for d in NEIGHBOURS:
                score = sum(coef.get(name, 0.0) * value for name, value in self._features.neighbour(word, d))
                if d in VECTOR_OFFSETS and word not in (START, END):
                    score += self._vector(word, d)
                out.append(score)
            scores = tuple(out)
            if len(self._near_cache) > 200_000:
                self._near_cache.clear()
            self._near_cache[word] = scores
        return scores

    def scores(self, words: Sequence[str], voices: Sequence[str]) -> list[float]:
        """The probability that each token of a sentence is marked (0.0 for tokens that
        are never tagged: punctuation and :data:`SKIP_WORDS`).

        The score of a word is the intercept, the word's own share, each neighbour's
        share for its offset, the two bigrams' weights and the voice's weight (see
        :class:`Features`); the shares are cached by word, so a sentence costs a few
        lookups a word."""
        self._check_fitted()
        coef = self.coef_
        n = len(words)
        keys = [word_key(w) for w in words]
        near = [self._near_all(w) for w in words]
        before, after = self._edges
        voice_weight = {v: coef.get("voice=" + v, 0.0) for v in set(voices)}
        intercept = self.intercept_
        out = [0.0] * n
        for i, key in enumerate(keys):
            if key in SKIP_WORDS or not key[:1].isalnum():
                continue
            z = intercept + self._own(words[i]) + voice_weight[voices[i]]
            z += near[i - 2][0] if i >= 2 else before[0]
            z += near[i - 1][1] if i >= 1 else before[1]
            z += near[i + 1][2] if i + 1 < n else after[2]
            z += near[i + 2][3] if i + 2 < n else after[3]
            # the two bigrams (Features.pair), named from the keys already at hand
            z += coef.get("b-=" + (keys[i - 1] if i else START) + " " + key, 0.0)
            z += coef.get("b+=" + key + " " + (keys[i + 1] if i + 1 < n else END), 0.0)
            if i == 0:
                z += coef.get("first", 0.0)
            out[i] = _sigmoid(z)
        return out

    def category_proba(self, words: Sequence[str], voices: Sequence[str], i: int) -> list[float]:
        """The probability of each of ``categories_`` for a marked word (it reads the
        word, its voice and whether it opens the sentence)."""
        self._check_fitted()
        key = (words[i], voices[i], i == 0)
        cached = self._category_cache.get(key)
        if cached is None:
            cached = self._category_cache[key] = self._category_proba(words, voices, i)
            if len(self._category_cache) > 50_000:
                self._category_cache.clear()
        return cached

    def _category_proba(self, words: Sequence[str], voices: Sequence[str], i: int) -> list[float]:
        z = np.asarray(self.category_intercept_, dtype=np.float64).copy()
        feats = [*self._features.own(words[i]), ("voice=" + voices[i], 1.0)]
        if i == 0:
            feats.append(("first", 1.0))
        for name, value in feats:
            row = self.category_coef_.get(name)
            if row is not None:
                z += value * np.asarray(row)
        k = vector_rows(self._index, words[i])
        if k is not None:
            z += self.word_category_scores_[k].mean(axis=0)
        e = np.exp(z - z.max())
        return [float(v) for v in e / e.sum()]

    def predict_proba(self, X: Sequence[Example]) -> np.ndarray:
        """Probabilities of shape (n, len(classes_)): not marked, then each category."""
        examples = _check_X(X)
        out = np.zeros((len(examples), len(self.classes_)))
        cache: dict[int, list[float]] = {}
        for r, (words, voices, i) in enumerate(examples):
            key = id(words)
            if key not in cache:
                cache[key] = self.scores(words, voices)
            p = cache[key][i]
            out[r, 0] = 1.0 - p
            if p > 0.0:
                out[r, 1:] = p * np.asarray(self.category_proba(words, voices, i))
        return out

    def predict(self, X: Sequence[Example]) -> np.ndarray:
        """:data:`OUTSIDE` or the category of each example, at :attr:`threshold`."""
        proba = self.predict_proba(X)
        marked = 1.0 - proba[:, 0] >= self.threshold
        best = np.asarray(self.categories_)[np.argmax(proba[:, 1:], axis=1)]
        return np.where(marked, best, OUTSIDE)

    def with_threshold(self, threshold: float) -> LoadedWordsTagger:
        """The same fitted model marking words from another probability on (a shallow
        copy: the coefficients are shared, the model itself is left as it is)."""
        other = copy.copy(self)
        other.threshold = float(threshold)
        return other

    # -- what a finding says -------------------------------------------------------------

    model_id = MODEL_ID

    @property
    def model_version(self) -> str:
        return str(getattr(self, "model_version_", MODEL_VERSION))

    def provenance(self) -> dict[str, Any]:
        """What a report records of the model: id, version, file hash and threshold."""
        return {
            "id": self.model_id,
            "version": self.model_version,
            "sha256": getattr(self, "sha256_", None),
            "threshold": self.threshold,
        }

    def explanation(self, category: str) -> str:
        """What a word of ``category`` can do, for a reader, saying it is a learned guess."""
        can = self.category_text_.get(category, {}).get("can", "carry a judgement beyond the plain facts")
        return f"Not on framing's word list, a learned guess: words used like this can {can}."

    def category_label(self, category: str) -> str:
        return self.category_text_.get(category, {}).get("label", category.replace("_", " ").capitalize())

    def neutral(self, phrase: str) -> tuple[str, ...]:
        """Neutral wordings of ``phrase`` that the corpus's annotators gave, if any."""
        return tuple(self.neutral_.get(" ".join(norm(w) for w in phrase.split()), ()))

    # -- serialisation -------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Everything the model needs, as plain JSON-able data."""
        self._check_fitted()
        return {
            "model_id": MODEL_ID,
            "format_version": FORMAT_VERSION,
            "model_version": MODEL_VERSION,
            "sklearn_version": self.sklearn_version_,
            "license": DATA_LICENSE,
            "params": self.get_params(),
            "categories": list(self.categories_),
            "intercept": self.intercept_,
            "coef": dict(sorted(self.coef_.items())),
            "category_intercept": list(self.category_intercept_),
            "category_coef": dict(sorted(self.category_coef_.items())),
            "words": {
                "words": list(self.words_),
                "scores": [[float(v) for v in row] for row in self.word_scores_],
                "category_scores": [[float(v) for v in row] for row in self.word_category_scores_],
            },
            "lexicons": {**self.lexicon_tables_, "vader_sha256": vader_lexicon()[1]},
            "neutral": {k: list(v) for k, v in sorted(self.neutral_.items())},
            "category_text": {k: dict(v) for k, v in sorted(self.category_text_.items())},
            "skip_words": sorted(SKIP_WORDS),
            "metadata": self.metadata_,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "<dict>") -> LoadedWordsTagger:
        """Rebuild a model from :meth:`to_dict` data, checking every part of it."""

        def refuse(problem: str) -> InputError:
            return InputError(f"not a usable {MODEL_ID} model: {problem}", source=source)

        check_header(data, MODEL_ID, (FORMAT_VERSION,), "tools/train_loaded_words.py", refuse)
        params = data.get("params")
        if not isinstance(params, Mapping) or set(params) != set(cls._PARAMS):
            raise refuse(f"params must name exactly {', '.join(cls._PARAMS)}")
        categories = data.get("categories")
        if (
            not isinstance(categories, list)
            or not categories
            or not all(isinstance(c, str) for c in categories)
        ):
            raise refuse("categories must be a non-empty list of strings")
        if data.get("skip_words") != sorted(SKIP_WORDS):
            raise refuse("skip_words differ from this version of framing's; retrain the model")
        coef = _number_table(data.get("coef"), None, "coef", refuse)
        category_coef = _number_table(data.get("category_coef"), len(categories), "category_coef", refuse)
        intercept = data.get("intercept")
        category_intercept = data.get("category_intercept")
        if not _finite(intercept) or not (
            isinstance(category_intercept, list)
            and len(category_intercept) == len(categories)
            and all(_finite(v) for v in category_intercept)
        ):
            raise refuse("intercept must be a number and category_intercept one number per category")
        words = data.get("words")
        if not isinstance(words, Mapping):
            raise refuse("words must be an object with words, scores and category_scores")
        vocab = words.get("words")
        if (
            not isinstance(vocab, list)
            or not all(isinstance(w, str) for w in vocab)
            or len(set(vocab)) != len(vocab)
        ):
            raise refuse("words.words must be a list of distinct strings")
        try:
            scores = np.asarray(words.get("scores"), dtype=np.float64).reshape(
                len(vocab), len(VECTOR_OFFSETS)
            )
            cat_scores = np.asarray(words.get("category_scores"), dtype=np.float64).reshape(
                len(vocab), len(categories)
            )
        except (TypeError, ValueError):
            raise refuse(
                f"words.scores must be {len(vocab)} rows of {len(VECTOR_OFFSETS)} numbers and "
                f"words.category_scores {len(vocab)} rows of {len(categories)}"
            ) from None
        if not (np.all(np.isfinite(scores)) and np.all(np.isfinite(cat_scores))):
            raise refuse("words.scores and words.category_scores must be finite numbers")
        lexicons = data.get("lexicons")
        if not isinstance(lexicons, Mapping) or not all(
            isinstance(lexicons.get(k), Mapping) for k in ("loaded", "loaded_multi", "cues")
        ):
            raise refuse("lexicons must hold the tables loaded, loaded_multi and cues")
        for table in ("loaded", "loaded_multi"):
            for term, value in lexicons[table].items():
                if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)):
                    raise refuse(f"lexicons.{table}[{term!r}] must be [category, weight]")
        neutral = data.get("neutral", {})
        if not isinstance(neutral, Mapping) or not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in neutral.values()
        ):
            raise refuse("neutral must map phrases to lists of wordings")
        texts = data.get("category_text", {})
        if not isinstance(texts, Mapping) or not all(
            isinstance(v, Mapping) and all(isinstance(x, str) for x in v.values()) for v in texts.values()
        ):
            raise refuse("category_text must map categories to objects of strings")
        vader_sha = lexicons.get("vader_sha256")
        if vader_sha is not None and vader_sha != vader_lexicon()[1]:
            raise refuse(
                "it was trained with another VADER lexicon than the installed vaderSentiment's; "
                "install the vaderSentiment version framing names, or retrain with tools/train_loaded_words.py"
            )
        version = data.get("model_version")
        if not isinstance(version, str) or not version:
            raise refuse("model_version must be a version string")
        model = cls(**params)
        model.model_version_ = version
        model.categories_ = list(categories)
        model.classes_ = np.asarray([OUTSIDE, *categories])
        model.intercept_ = float(intercept)  # type: ignore[arg-type]
        model.coef_ = {k: float(v) for k, v in coef.items()}  # type: ignore[arg-type]
        model.category_intercept_ = [float(v) for v in category_intercept]  # type: ignore[union-attr]
        model.category_coef_ = {k: [float(x) for x in v] for k, v in category_coef.items()}  # type: ignore[union-attr]
        model.words_ = list(vocab)
        model.word_scores_ = scores
        model.word_category_scores_ = cat_scores
        model.lexicon_tables_ = {k: dict(lexicons[k]) for k in ("loaded", "loaded_multi", "cues")} | {
            "sources": dict(lexicons.get("sources") or {})
        }
        model.neutral_ = {k: list(v) for k, v in neutral.items()}
        model.category_text_ = {k: dict(v) for k, v in texts.items()}
        metadata = data.get("metadata") or {}
        model.metadata_ = dict(metadata) if isinstance(metadata, Mapping) else {}
        sklearn_version = data.get("sklearn_version")
        model.sklearn_version_ = str(sklearn_version) if sklearn_version is not None else None
        model._ready()
        return model

    def save(self, path: str | Path) -> Path:
        """Write the model as gzip-compressed JSON; same model, same bytes."""
        return write_model_json(self.to_dict(), Path(path))

    @classmethod
    def load(cls, path: str | Path | None = None, *, sha256: str | None = None) -> LoadedWordsTagger:
        """Read a model written by :meth:`save` (the shipped model when ``path`` is None).

        The shipped model is checked against :data:`DEFAULT_MODEL_SHA256` and refused if
        its bytes differ; ``sha256`` checks any other file against the digest given.
        """
        path, data = read_model_json(
            path, sha256, MODEL_ID, (FORMAT_VERSION,), shipped=(default_model_path(), DEFAULT_MODEL_SHA256)
        )
        model = cls.from_dict(data, source=str(path))
        model.sha256_ = hashlib.sha256(path.read_bytes()).hexdigest()
        return model


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _number_table(table: Any, width: int | None, name: str, refuse: Any) -> Mapping[str, Any]:
    """A model file's table of feature weights: one number each, or ``width`` numbers."""
    if not isinstance(table, Mapping):
        raise refuse(f"{name} must be an object of feature weights")
    values = list(table.values())
    if width is not None and not all(isinstance(v, list) and len(v) == width for v in values):
        raise refuse(f"each value of {name} must be {width} numbers")
    flat = values if width is None else [x for v in values for x in v]
    kinds = set(map(type, flat))
    if not kinds <= {int, float} or not np.all(np.isfinite(np.asarray(flat, dtype=np.float64))):
        for key, value in table.items():
            ok = all(_finite(x) for x in (value if width is not None else [value]))
            if not ok:
                raise refuse(f"{name}[{key!r}] must be {'a number' if width is None else f'{width} numbers'}")
    return table
