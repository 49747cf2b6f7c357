"""Which cue words are speech cues where they stand: a logistic regression over their context.

Model card
==========

What it predicts
    For each word or phrase of the ``cue-verbs`` lexicon read as a verb in an article
    ("said", "charges", "offer", "backed"), the probability that it introduces an
    attribution there (someone's words, belief, intention, decision or stance), as the
    framing news corpus annotates them. Cue words below ``threshold`` are not read as cues:
    "faces charges", "an offer", "Saudi-backed" are not speech.

How it works
    A logistic regression (scikit-learn ``LogisticRegression``) over sparse context
    features (:func:`framing.text.attribution.cues.cue_context`): the cue's term, form,
    type and grade, the two words before and after it, whether a quotation, "that", "to",
    a name or a pronoun is next to it, a hyphen before it, whether it opens its sentence or
    is a participle after a comma. Stored as plain weights per feature string (no
    pickle); predicting needs nothing but Python.

Training data
    The framing news corpus (``corpus/``), train split only: every lexicon cue read as a
    verb in the 145 train articles, right where it overlaps a gold cue span (annotations
    CC BY 4.0 by the framing maintainers; texts from Article-Bias-Prediction, Baly et al.,
    EMNLP 2020, Apache-2.0). Built by ``tools/train_cues.py`` (byte-for-byte
    reproducible); C chosen by 5-fold cross-validation grouped by article; the threshold
    was set on the dev split, end to end (``benchmarks/corpus.py``).

Known weaknesses
    It only judges words the lexicon already knows: a verb of saying the lexicon lacks is
    still missed. It learned from 145 articles of US news, 2012-2020.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InputError
from ._files import read_model_json, write_model_json

__all__ = ["DEFAULT_MODEL_SHA256", "MODEL_ID", "MODEL_VERSION", "CueModel", "default_cue_model"]

MODEL_ID = "framing.speech-cues"
MODEL_VERSION = "1.0.0"
FORMAT_VERSION = 1
DEFAULT_MODEL_FILE = f"speech-cues-{MODEL_VERSION}.json.gz"
#: SHA-256 of the shipped model file: the loader refuses a shipped file whose bytes differ.
#: Retraining with tools/train_cues.py means updating this value in the same commit.
DEFAULT_MODEL_SHA256 = "f8d150eddfda2af3af3434db7d384a8f95b07497017c449d01d8aff8291b8a8c"
DATA_LICENSE = (
    "Trained on the framing news corpus, train split: annotations CC BY 4.0 by the framing maintainers; "
    "texts from Article-Bias-Prediction (Baly et al., EMNLP 2020), Apache License 2.0."
)


class CueModel:
    """Weights per context feature; a cue's probability is the logistic of its
    features' weights and the intercept."""

    def __init__(
        self,
        weights: Mapping[str, float],
        intercept: float,
        threshold: float = 0.5,
        metadata: Mapping[str, Any] | None = None,
    ):
        self.weights = dict(weights)
        self.intercept = float(intercept)
        self.threshold = float(threshold)
        self.metadata = dict(metadata or {})
        #: the cue terms seen often enough in training to judge; others are left to the rules
        self.known_terms = frozenset(self.metadata.get("known_terms", ()))

    def judges(self, term: str) -> bool:
        """Whether the model judges this cue term (it saw it often enough in training)."""
        return term in self.known_terms

    def probability(self, features: Iterable[str]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_cue(self, features: Iterable[str]) -> bool:
        return self.probability(features) >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "model_id": MODEL_ID,
            "format_version": FORMAT_VERSION,
            "model_version": MODEL_VERSION,
            "license": DATA_LICENSE,
            "weights": dict(sorted(self.weights.items())),
            "intercept": self.intercept,
            "threshold": self.threshold,
            "metadata": self.metadata,
        }

    def save(self, path: str | Path) -> Path:
        """Write the model as gzip-compressed JSON; same model, same bytes."""
        return write_model_json(self.to_dict(), Path(path))

    @classmethod
    def load(cls, path: str | Path | None = None, *, sha256: str | None = None) -> CueModel:
        """Read a model written by :meth:`save`; the shipped one when ``path`` is None,
        refused unless its bytes hash to :data:`DEFAULT_MODEL_SHA256`."""
        path, data = read_model_json(
            path, sha256, MODEL_ID, (FORMAT_VERSION,), shipped=(default_model_path(), DEFAULT_MODEL_SHA256)
        )
        source = str(path)
        weights = data.get("weights")
        if not isinstance(weights, Mapping) or not all(
            isinstance(k, str) and isinstance(v, (int, float)) and math.isfinite(v)
            for k, v in weights.items()
        ):
            raise InputError(
                f"not a usable {MODEL_ID} model: weights must map features to finite numbers", source=source
            )
        intercept, threshold = data.get("intercept"), data.get("threshold")
        if not isinstance(intercept, (int, float)) or not math.isfinite(intercept):
            raise InputError(
                f"not a usable {MODEL_ID} model: intercept must be a finite number", source=source
            )
        if not isinstance(threshold, (int, float)) or not 0.0 <= threshold <= 1.0:
            raise InputError(
                f"not a usable {MODEL_ID} model: threshold must be a number in [0, 1]", source=source
            )
        metadata = data.get("metadata")
        return cls(weights, intercept, threshold, metadata if isinstance(metadata, Mapping) else {})


def default_model_path() -> Path:
    return Path(str(resources.files("framing") / "models" / DEFAULT_MODEL_FILE))


@functools.lru_cache(maxsize=1)
def default_cue_model() -> CueModel:
    """The shipped model, read and checked once."""
    return CueModel.load()
