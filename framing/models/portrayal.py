"""Portrayal: how a voice casts an actor (villain, victim, hero or neutral), from the evidence around it.

Model card
==========

What it predicts
    For one actor of one article and one voice (the outlet's own narration and
    headline, or the people it quotes and reports), whether that voice casts the actor as
    a ``villain`` (blamed for harm or wrongdoing), a ``victim`` (suffering harm, told
    with sympathy), a ``hero`` (acting to help, protect, solve or resist, and credited
    for it) or leaves it ``neutral``, as the framing news corpus guide defines them
    (``corpus/GUIDE.md``, section 3). It is the learned half of the actors analyser's
    roles (:mod:`framing.analyzers.actors.roles`): the rules read the evidence; the model
    weighs it.

How it works
    A multinomial logistic regression (scikit-learn ``LogisticRegression``, C = 0.03)
    over the named features of :func:`framing.analyzers.actors.roles.voice_features`,
    one set for the outlet's own voice and one for quoted voices (each feature is named
    with its voice, so one model weighs the two apart): the clues the actors analyser
    reads around the actor's mentions (the actor as the agent or the patient of harm,
    wrongdoing, suffering, rescue, help, resistance, blame and praise, and the labels
    given to it, from the ``portrayal`` and ``loaded-language`` lexicons; words merely
    near it apart), summed by where the actor stands and the role they point to and
    log-scaled; denied acts; the rules' verdict; how often this voice and the others
    mention the actor; its kind; whether it speaks; the tone of the sentences around it
    (VADER, the lexicon-and-rules score, the NewsMTSC classifier). Each feature is
    standardised with the training mean and scale stored in the file. Predicting needs
    numpy only. The analyser takes the rules' role where they see one; where they see
    none it takes the model's likeliest role other than neutral if its probability
    reaches ``threshold`` (0.3) and clues point to that role (in the outlet's own voice,
    clues tied to the actor by a pattern, one of weight 2 or more; in quoted voices any):
    a role is never read from tone alone.

Training data
    The framing news corpus (``corpus/``), train split only: 145 articles, the actors
    the annotators chose matched to the actors framing finds (by name or alias, as
    ``benchmarks/corpus.py`` matches them; 764 actors, 1,528 examples), with the role the
    annotators gave in the outlet's own voice and the role most quoted speakers give.
    The annotations are CC BY 4.0 by the framing maintainers; the texts they point into
    are from Article-Bias-Prediction (Baly, Da San Martino, Glass and Nakov, EMNLP 2020),
    Apache License 2.0; no text is in the model. Built by ``tools/train_portrayal.py``,
    byte for byte reproducible.

    C and the threshold were chosen by 5-fold cross-validation on the train split,
    grouped by article, for the macro-F1 of the rules and the model together (C from
    0.03 to 3, the threshold from 0.25 to 0.6: 0.42 to 0.44 mean macro-F1 of the two
    voices throughout). Also tried, on the same folds: balanced class weights (the
    model then calls many neutral actors villains: own-voice accuracy about 0.53); the
    model alone, without the rules (own-voice macro-F1 0.33); a sentence-level model of
    word n-grams (the target-sentiment featurizer) trained on the spans the annotators
    give as evidence, its best role per actor as a feature (0.28 to 0.32 on dev, so not
    kept). How the rules and the model are combined (clues must point to the model's
    role) was chosen on the dev split, where letting the model read roles from tone and
    nearby words alone called victims villains (5 of 24).

Scores
    Cross-validated on the train split (matched actors, the rules and the model
    together): macro-F1 0.434 (own voice) and 0.457 (quoted), accuracy 0.781 and 0.703
    (``metadata.cv`` in the file). Version 1.0.1 is 1.0.0 retrained, same features and
    settings, once the actors analyser linked "the governor" and "he" through the
    document's resolver of people (1.0.0: 0.432 and 0.450, accuracy 0.776 and 0.720). On the dev split, every annotated actor (one framing
    does not find counts as neutral), ``benchmarks/corpus.py --split dev``: see the README
    and VALIDATION.md. The model changes few roles the rules leave neutral; most of the
    gain over the old stance score comes from the rules' reading of who does what to whom.

Known weaknesses
    Most actors are neutral and heroes are rare (22 of 1,055 training actors in the
    outlet's own voice), so hero is the weakest class. The evidence is read by patterns,
    not a parser, and only around mentions framing links to the actor: what is said of
    "he" or "the militant group" is missed unless the mention is linked, and much of
    what casts a villain in the corpus is judgement no word list holds ("the broken
    promise"). A quarter of the annotated actors are not found at all (an acronym such
    as "IRS", a description such as "the tea party groups"). The tone features carry the
    tone classifier's habits (see :mod:`framing.models.target_sentiment`). Treat a role
    as a prompt to read its evidence, never as a verdict.

>>> model = PortrayalClassifier.load()
>>> proba = model({"own:agent:villain": 1.4, "own:kind:group": 1.0, "own:mentions": 1.1, "own:bias": 1.0})
>>> proba["villain"] > proba["hero"]
True
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import InputError
from ._estimator import Estimator
from ._files import check_header, read_model_json, write_model_json

__all__ = [
    "CLASSES",
    "DEFAULT_MODEL_SHA256",
    "MODEL_ID",
    "MODEL_VERSION",
    "PortrayalClassifier",
    "default_model_path",
    "default_portrayal",
]

MODEL_ID = "framing.portrayal"
MODEL_VERSION = "1.0.1"
FORMAT_VERSION = 1
CLASSES = ("villain", "victim", "hero", "neutral")
DEFAULT_MODEL_FILE = f"portrayal-{MODEL_VERSION}.json"
#: SHA-256 of the shipped model file: :meth:`PortrayalClassifier.load` refuses a shipped
#: file whose bytes differ. Retraining with tools/train_portrayal.py means updating this
#: value in the same commit.
DEFAULT_MODEL_SHA256 = "2f342c8042fb76bc4326d58b55ec623f57c598f243f057117b98ca78355b681a"
DATA_LICENSE = (
    "Trained on the framing news corpus, train split: annotations CC BY 4.0 by the framing maintainers; "
    "texts from Article-Bias-Prediction (Baly, Da San Martino, Glass and Nakov, EMNLP 2020), licensed under "
    "the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0); no text is included."
)

Features = Mapping[str, float]


def _matrix(X: Sequence[Features], names: Sequence[str]) -> np.ndarray:
    index = {n: j for j, n in enumerate(names)}
    out = np.zeros((len(X), len(names)))
    for i, row in enumerate(X):
        for key, value in row.items():
            j = index.get(key)
            if j is not None:
                out[i, j] = float(value)
    return out


class PortrayalClassifier(Estimator):
    """A role (villain, victim, hero, neutral) from the named features of one voice.

    Follows the scikit-learn estimator contract (``get_params``/``set_params``, ``fit``
    returns self, learned attributes end in ``_``), so ``sklearn.base.clone`` and
    cross-validation work. ``X`` is a sequence of mappings from feature name to value; a
    name the model does not know is ignored, one it knows but that is missing is 0.
    Calling the model on one mapping gives its probability for each role. ``threshold``
    is how likely a role other than neutral must be for the analyser to take it where
    its rules see none (:func:`framing.analyzers.actors.roles.decide`). Saving and
    loading use JSON, never pickle.
    """

    _PARAMS = ("C", "threshold", "class_weight", "max_iter", "decimals", "random_state")
    _INPUT = "dict"

    def __init__(
        self,
        *,
        C: float = 0.03,
        threshold: float = 0.3,
        class_weight: str | None = None,
        max_iter: int = 5000,
        decimals: int = 6,
        random_state: int | None = 0,
    ):
        self.C = C
        self.threshold = threshold
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.decimals = decimals
        self.random_state = random_state

    # -- training ----------------------------------------------------------------------

    def fit(self, X: Sequence[Features], y: Sequence[str], sample_weight: Any = None) -> PortrayalClassifier:
        """Learn from feature mappings ``X`` and roles ``y`` (each one of :data:`CLASSES`)."""
        from sklearn.linear_model import LogisticRegression

        X, y = list(X), [str(v) for v in y]
        if len(X) != len(y) or not X:
            raise ValueError(f"X and y must be non-empty and of one length, got {len(X)} and {len(y)}")
        unknown = sorted(set(y) - set(CLASSES))
        if unknown:
            raise ValueError(f"unknown roles {unknown}; roles are {', '.join(CLASSES)}")
        names = sorted({k for row in X for k in row})
        matrix = _matrix(X, names)
        mean = matrix.mean(axis=0)
        scale = matrix.std(axis=0)
        scale[scale == 0] = 1.0
        clf = LogisticRegression(
            C=self.C,
            class_weight=self.class_weight,
            max_iter=self.max_iter,
            random_state=self.random_state,
        )
        clf.fit((matrix - mean) / scale, y, sample_weight=sample_weight)
        d = int(self.decimals)
        order = [list(clf.classes_).index(c) if c in clf.classes_ else None for c in CLASSES]
        coef = np.zeros((len(CLASSES), len(names)))
        intercept = np.full(len(CLASSES), -30.0)  # a role never seen in training is never predicted
        for row, k in enumerate(order):
            if k is not None:
                coef[row] = clf.coef_[k] if len(clf.classes_) > 2 else (1 if k else -1) * clf.coef_[0] / 2
                intercept[row] = (
                    clf.intercept_[k] if len(clf.classes_) > 2 else (1 if k else -1) * clf.intercept_[0] / 2
                )
        self.features_ = tuple(names)
        self.mean_ = np.round(mean, d)
        self.scale_ = np.round(scale, d)
        self.coef_ = np.round(coef, d)
        self.intercept_ = np.round(intercept, d)
        self.classes_ = np.asarray(CLASSES)
        self.metadata_: dict[str, Any] = {"examples": len(y), "roles": {c: y.count(c) for c in CLASSES}}
        return self

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise ValueError("this PortrayalClassifier is not fitted yet; call fit() or load()")

    # -- predicting ----------------------------------------------------------------------

    def decision_function(self, X: Sequence[Features]) -> np.ndarray:
        """Scores of shape (n, 4), one column per role in ``classes_``."""
        self._check_fitted()
        z = (_matrix(list(X), self.features_) - self.mean_) / self.scale_
        return np.asarray(z @ self.coef_.T + self.intercept_)

    def predict_proba(self, X: Sequence[Features]) -> np.ndarray:
        """Probabilities of shape (n, 4), one column per role in ``classes_``; rows sum to 1."""
        scores = self.decision_function(X)
        e = np.exp(scores - scores.max(axis=1, keepdims=True))
        return np.asarray(e / e.sum(axis=1, keepdims=True))

    def predict(self, X: Sequence[Features]) -> np.ndarray:
        scores = self.decision_function(X)
        return np.asarray(self.classes_[np.argmax(scores, axis=1)])

    def __call__(self, features: Features) -> dict[str, float]:
        """The probability of each role for one voice's features."""
        proba = self.predict_proba([features])[0]
        return {str(c): float(p) for c, p in zip(self.classes_, proba, strict=True)}

    # -- saving and loading --------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Everything the model needs, as plain JSON-able data."""
        self._check_fitted()
        return {
            "model_id": MODEL_ID,
            "format_version": FORMAT_VERSION,
            "model_version": MODEL_VERSION,
            "license": DATA_LICENSE,
            "params": self.get_params(),
            "classes": list(CLASSES),
            "features": list(self.features_),
            "mean": [float(v) for v in self.mean_],
            "scale": [float(v) for v in self.scale_],
            "coef": [[float(v) for v in row] for row in self.coef_],
            "intercept": [float(v) for v in self.intercept_],
            "metadata": getattr(self, "metadata_", {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "<dict>") -> PortrayalClassifier:
        """Rebuild a model from :meth:`to_dict` data, checking every part of it."""

        def refuse(problem: str) -> InputError:
            return InputError(f"not a usable {MODEL_ID} model: {problem}", source=source)

        check_header(data, MODEL_ID, (FORMAT_VERSION,), "tools/train_portrayal.py", refuse)
        params = data.get("params")
        if not isinstance(params, Mapping) or set(params) != set(cls._PARAMS):
            raise refuse(f"params must name exactly {', '.join(cls._PARAMS)}")
        if data.get("classes") != list(CLASSES):
            raise refuse(f"classes are {data.get('classes')!r}, expected {list(CLASSES)}")
        names = data.get("features")
        if (
            not isinstance(names, list)
            or not all(isinstance(n, str) for n in names)
            or len(set(names)) != len(names)
        ):
            raise refuse("features must be a list of distinct names")
        arrays = {}
        for key, shape in (
            ("mean", (len(names),)),
            ("scale", (len(names),)),
            ("coef", (len(CLASSES), len(names))),
            ("intercept", (len(CLASSES),)),
        ):
            try:
                value = np.asarray(data.get(key), dtype=float)
            except (TypeError, ValueError):
                raise refuse(f"{key} must be numbers") from None
            if value.shape != shape or not np.all(np.isfinite(value)):
                raise refuse(f"{key} must be finite numbers of shape {shape}, found shape {value.shape}")
            arrays[key] = value
        if np.any(arrays["scale"] <= 0):
            raise refuse("scale must be positive")
        model = cls(**params)
        model.features_ = tuple(names)
        model.mean_, model.scale_ = arrays["mean"], arrays["scale"]
        model.coef_, model.intercept_ = arrays["coef"], arrays["intercept"]
        model.classes_ = np.asarray(CLASSES)
        metadata = data.get("metadata")
        model.metadata_ = dict(metadata) if isinstance(metadata, Mapping) else {}
        return model

    def save(self, path: str | Path) -> Path:
        """Write the model as JSON (gzip-compressed where the name ends in ``.gz``); same
        model, same bytes."""
        return write_model_json(self.to_dict(), Path(path))

    @classmethod
    def load(cls, path: str | Path | None = None, *, sha256: str | None = None) -> PortrayalClassifier:
        """Read a model written by :meth:`save`: the shipped one when ``path`` is None,
        refused unless its bytes hash to :data:`DEFAULT_MODEL_SHA256`; any other file is
        checked against ``sha256`` when it is given."""
        path, data = read_model_json(
            path, sha256, MODEL_ID, (FORMAT_VERSION,), shipped=(default_model_path(), DEFAULT_MODEL_SHA256)
        )
        return cls.from_dict(data, source=str(path))


def default_model_path() -> Path:
    return Path(str(resources.files("framing") / "models" / DEFAULT_MODEL_FILE))


@functools.lru_cache(maxsize=1)
def default_portrayal() -> PortrayalClassifier:
    """The shipped model, read and checked once."""
    return PortrayalClassifier.load()
