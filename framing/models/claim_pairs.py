"""Do two sentences from two articles about one event state the same claim?

Model card
==========

What it predicts
    For two sentences of different articles that share some content (the candidate
    pairs of :mod:`framing.coverage.pairs`), the probability that they state the same
    claim. The comparison uses it to join sentences into claims, and then refuses any
    match whose sentences differ (another event for the same figure, opposite events, a
    negation), whatever the probability: see :mod:`framing.coverage.claims`.

How it works
    A logistic regression over the 14 features of
    :data:`framing.coverage.pairs.FEATURES` (TF-IDF cosines of words and of stems, the
    number of shared stems, shared names, actors, figures, kinds of event and
    speakers, a shared quotation, whether each sentence is the other's best match and
    their ranks, the shorter sentence's length), each standardised by its mean and
    standard deviation on the training pairs. Predicting needs numpy only; training
    (``tools/train_claim_pairs.py``) also needs scikit-learn.

Training data
    The train split of framing's news corpus (``corpus/``; 17 event clusters, 56
    articles; see corpus/CARD.md): every candidate pair of sentences of a cluster,
    positive when some annotated fact has status ``same`` in both articles with spans in
    both sentences, or both sentences hold one shared quotation the annotator lists.
    The annotations are released under CC BY 4.0 by the framing maintainers; the texts
    are from Article-Bias-Prediction (Baly et al., EMNLP 2020), Apache-2.0, and are not
    in the model (only the 14 coefficients, the means and the scales are).

    The regularisation (``C`` = 0.03) and the thresholds were chosen by cross-validation
    on the train split, five folds of whole clusters, from the claims the comparison
    builds with the out-of-fold probabilities: ``same`` (0.45) is the lowest probability
    at which the matches reach a precision of 0.70 judged the benchmark's way (an
    annotated fact or shared quotation in both sentences; 0.705 at recall 0.143 of the
    annotated fact and article pairs); ``worksheet`` (0.80) the lowest at 0.80 (0.805);
    ``left_out`` (0.10) the highest at which "left out" is right 60% of the time or more
    (0.630); ``related`` (0.25) the lowest at which the similar sentences shown as "may
    state it" do state the claim a third of the time (0.357). Version 1.0.1 is 1.0.0
    retrained the same way once the actors and speakers its features read came from the
    document's resolver of people (1.0.0 chose ``same`` 0.50 and ``related`` 0.20). Also tried: averaged word
    vectors learned from unlabelled news (no better on the train and dev clusters),
    requiring every pair of sentences in a claim to be linked (no better in the same
    cross-validation), and the IDF-weighted shared words with their share of all words
    (dropped: with few sentences to weigh them, near-identical sentences scored low).
    The test split chose nothing; ``benchmarks/corpus.py`` (section D) reports
    them beside the matcher framing had before and a word-overlap baseline.

Known weaknesses
    It reads words, not meaning: two sentences that say the same thing in different
    words ("they were not in a rush to hand off impeachment" and "she will hold off")
    have nearly no candidate features and are rarely matched, so most shared claims are
    missed (recall about 0.1 on the corpus dev clusters at the ``same`` threshold). Its
    training labels come from one annotator per cluster, whose lists of facts another
    annotator matched at F1 0.64 only. Outside US political news from 2012 to 2020, its
    behaviour is unknown. A match is a prompt to read both sentences.

>>> model = ClaimPairModel.load()
>>> len(model.coef_) == len(model.features_)
True
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from ._files import check_header, read_model_json, write_model_json

__all__ = [
    "DEFAULT_MODEL_FILE",
    "DEFAULT_MODEL_SHA256",
    "FORMAT_VERSION",
    "MODEL_ID",
    "MODEL_VERSION",
    "ClaimPairModel",
    "default_model_path",
]

MODEL_ID = "framing-claim-pairs"
MODEL_VERSION = "1.0.1"
FORMAT_VERSION = 1
DEFAULT_MODEL_FILE = f"claim-pairs-{MODEL_VERSION}.json"
#: The shipped file's SHA-256; :meth:`ClaimPairModel.load` refuses the shipped model if
#: its bytes differ.
DEFAULT_MODEL_SHA256 = "387c2ed0aa1ff182c832a0fcdcf81c8316562b64d3d10e497f0eb6b78c57fcdb"
DATA_LICENSE = (
    "Trained on the train split of the framing news corpus: annotations CC BY 4.0 (framing "
    "maintainers); texts from Article-Bias-Prediction (Baly et al., EMNLP 2020), Apache-2.0."
)
THRESHOLDS = ("same", "related", "left_out", "worksheet")


def default_model_path() -> Path:
    """The model file shipped with framing."""
    return Path(str(resources.files("framing") / "models" / DEFAULT_MODEL_FILE))


class ClaimPairModel:
    """A logistic regression over standardised pair features (scikit-learn's estimator
    contract: ``fit`` learns ``coef_``, ``intercept_``, ``mean_``, ``scale_``)."""

    sha256_: str | None = None

    def __init__(self, C: float = 1.0, max_iter: int = 5000):
        self.C = C
        self.max_iter = max_iter

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {"C": self.C, "max_iter": self.max_iter}

    def set_params(self, **params: Any) -> ClaimPairModel:
        for key, value in params.items():
            if key not in ("C", "max_iter"):
                raise ValueError(f"unknown parameter {key!r}; parameters: C, max_iter")
            setattr(self, key, value)
        return self

    def __repr__(self) -> str:
        return f"ClaimPairModel(C={self.C!r})"

    def fit(self, X: Any, y: Any, features: Sequence[str] = ()) -> ClaimPairModel:
        """Learn from feature rows ``X`` and labels ``y`` (1: the same claim)."""
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=int)
        if X.ndim != 2 or len(X) != len(y) or not len(X):
            raise ValueError(f"X must be a 2-d array with one row per label; got {X.shape} and {y.shape}")
        if set(np.unique(y)) - {0, 1}:
            raise ValueError("y must hold 0 and 1 only")
        self.mean_ = X.mean(axis=0)
        self.scale_ = X.std(axis=0)
        self.scale_[self.scale_ == 0] = 1.0
        lr = LogisticRegression(C=self.C, max_iter=self.max_iter).fit((X - self.mean_) / self.scale_, y)
        self.coef_ = lr.coef_[0].copy()
        self.intercept_ = float(lr.intercept_[0])
        self.features_ = tuple(features) or tuple(f"x{i}" for i in range(X.shape[1]))
        self.thresholds_: dict[str, float] = {}
        self.metadata_: dict[str, Any] = {}
        return self

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise UsageError("this ClaimPairModel is not fitted yet; call fit() or load()")

    def decision_function(self, X: Any) -> Any:
        import numpy as np

        self._check_fitted()
        X = np.asarray(X, dtype=float).reshape(-1, len(self.coef_))
        return ((X - self.mean_) / self.scale_) @ self.coef_ + self.intercept_

    def predict_proba(self, X: Any) -> Any:
        """Two columns, as scikit-learn's: the probability of a different claim and of
        the same claim."""
        import numpy as np

        z = np.clip(self.decision_function(X), -40, 40)
        p = 1.0 / (1.0 + np.exp(-z))
        return np.column_stack([1 - p, p])

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The probability of the same claim for each row (an empty list for none)."""
        if not rows:
            return []
        return [float(p) for p in self.predict_proba(rows)[:, 1]]

    # -- files ------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        self._check_fitted()
        return {
            "model_id": MODEL_ID,
            "model_version": MODEL_VERSION,
            "format_version": FORMAT_VERSION,
            "license": DATA_LICENSE,
            "params": self.get_params(),
            "features": list(self.features_),
            "coef": [float(x) for x in self.coef_],
            "intercept": float(self.intercept_),
            "mean": [float(x) for x in self.mean_],
            "scale": [float(x) for x in self.scale_],
            "thresholds": {k: float(v) for k, v in self.thresholds_.items()},
            "metadata": self.metadata_,
        }

    def save(self, path: str | Path) -> Path:
        """Write the model as JSON; the same model gives the same bytes."""
        return write_model_json(self.to_dict(), Path(path))

    @classmethod
    def from_dict(cls, data: Any, *, source: str = "<data>") -> ClaimPairModel:
        """A model from its JSON data, refusing anything malformed."""
        import numpy as np

        def refuse(problem: str) -> InputError:
            return InputError(f"not a claim-pair model: {problem}", source=source)

        check_header(data, MODEL_ID, (FORMAT_VERSION,), "tools/train_claim_pairs.py", refuse)
        features = data.get("features")
        if not isinstance(features, list) or not features or not all(isinstance(f, str) for f in features):
            raise refuse("features must be a list of names")
        arrays = {}
        for key in ("coef", "mean", "scale"):
            value = data.get(key)
            if not isinstance(value, list) or len(value) != len(features):
                raise refuse(f"{key} must be a list of {len(features)} numbers, one per feature")
            if not all(
                isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) for x in value
            ):
                raise refuse(f"{key} must hold finite numbers")
            arrays[key] = np.asarray(value, dtype=float)
        if np.any(arrays["scale"] <= 0):
            raise refuse("scale must be positive")
        intercept = data.get("intercept")
        if (
            not isinstance(intercept, (int, float))
            or isinstance(intercept, bool)
            or not math.isfinite(intercept)
        ):
            raise refuse("intercept must be a finite number")
        thresholds = data.get("thresholds")
        if not isinstance(thresholds, Mapping) or set(thresholds) != set(THRESHOLDS):
            raise refuse(f"thresholds must name exactly {', '.join(THRESHOLDS)}")
        if not all(isinstance(v, (int, float)) and 0 <= v <= 1 for v in thresholds.values()):
            raise refuse("thresholds must be probabilities, from 0 to 1")
        params = data.get("params") or {}
        model = cls(**{k: v for k, v in params.items() if k in ("C", "max_iter")})
        model.features_ = tuple(features)
        model.coef_ = arrays["coef"]
        model.mean_ = arrays["mean"]
        model.scale_ = arrays["scale"]
        model.intercept_ = float(intercept)
        model.thresholds_ = {k: float(v) for k, v in thresholds.items()}
        metadata = data.get("metadata")
        model.metadata_ = dict(metadata) if isinstance(metadata, Mapping) else {}
        return model

    @classmethod
    def load(cls, path: str | Path | None = None, *, sha256: str | None = None) -> ClaimPairModel:
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

    def provenance(self) -> dict[str, Any]:
        """The model's id, version and file digest, for a report's provenance."""
        return {"id": MODEL_ID, "version": MODEL_VERSION, "sha256": self.sha256_}
