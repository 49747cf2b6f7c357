"""Who a pronoun or a title means: a ranking model over the candidates before it.

Model card
==========

What it predicts
    For a pronoun ("he", "she", "it", "they" and their other forms) or a title or role
    with "the" ("the governor", "the agency", "Iran's foreign minister"), and each
    entity mentioned before it that agrees with it (gender and number for a pronoun;
    a person or a body for a title), how likely that entity is the one meant.
    :class:`framing.text.people.People` takes the best candidate when its score is at
    least ``threshold`` and ``margin`` above the next one; otherwise the mention stays
    unresolved.

How it works
    A logistic regression (scikit-learn ``LogisticRegression``) over the features
    :data:`FEATURES`: how many sentences back the candidate was last
    mentioned, whether in the same paragraph, whether it is the most recent or second most
    recent candidate, whether it was the subject of the previous sentence or of its own,
    whether it spoke (a speech verb next to it) and whether it was the last to speak,
    whether either mention is inside quotation marks, how often it was mentioned, whether
    it is named in full, whether its gender is known, its kind, and for a title whether
    the title's head word is one of the candidate's titles or in its name. Stored as plain
    coefficients (no pickle); predicting needs nothing but Python.

Training data
    The framing news corpus (``corpus/``), train split only: attributions whose source is
    a pronoun or a title or role with "the", with the speaker the annotators resolved
    (annotations CC BY 4.0 by the framing maintainers; texts from Article-Bias-Prediction,
    Baly et al., EMNLP 2020, Apache-2.0). A candidate is right when its name is the gold
    speaker's (``benchmarks/corpus_scoring.same_name``). Built by
    ``tools/train_resolver.py`` (byte-for-byte reproducible); settings (C, threshold,
    margin) chosen by cross-validation on the train split, grouped by article.

Scores and known weaknesses
    See the metadata of the model file (``metadata.cv``) and the resolution figures of
    ``benchmarks/corpus.py``. Entities come from names only: a pronoun that means an unnamed
    group ("they" for "protesters") or a body the article never names stays unresolved;
    gender comes from titles, gendered role words and first names, so a person with a first
    name used for both sexes and no title is "he" and "she" alike.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InputError
from ._files import read_model_json, write_model_json

__all__ = [
    "DEFAULT_MODEL_SHA256",
    "FEATURES",
    "MODEL_ID",
    "MODEL_VERSION",
    "ResolverModel",
    "default_resolver",
]

#: The features the ranking model reads for each (mention, candidate) pair, in order
#: (:meth:`framing.text.people.People.candidates` computes them).
FEATURES = (
    "bias",
    "same_sentence",
    "previous_sentence",
    "two_back",
    "further",
    "same_paragraph",
    "recency_first",
    "recency_second",
    "subject_of_previous",
    "subject",
    "spoke",
    "spoke_last",
    "candidate_in_quote",
    "mention_in_quote",
    "mentions_log",
    "full_name",
    "gender_known",
    "person",
    "institution",
    "group",
    "head_in_titles",
    "head_in_name",
    "modifiers_match",
    "title_kind_only",
    "is_title",
)
MODEL_ID = "framing.resolver"
MODEL_VERSION = "1.0.0"
FORMAT_VERSION = 1
DEFAULT_MODEL_FILE = f"resolver-{MODEL_VERSION}.json.gz"
#: SHA-256 of the shipped model file: the loader refuses a shipped file whose bytes differ.
#: Retraining with tools/train_resolver.py means updating this value in the same commit.
DEFAULT_MODEL_SHA256 = "bf8d3aaff1d4818a4a4457bbc081d0489d372fa5ecb83bab11bc1b606dbf4696"
DATA_LICENSE = (
    "Trained on the framing news corpus, train split: annotations CC BY 4.0 by the framing maintainers; "
    "texts from Article-Bias-Prediction (Baly et al., EMNLP 2020), Apache License 2.0."
)


_RULE_WEIGHTS = {
    "bias": -2.0,
    "same_sentence": 1.0,
    "previous_sentence": 1.0,
    "two_back": 0.3,
    "further": -1.0,
    "same_paragraph": 0.5,
    "recency_first": 1.5,
    "recency_second": 0.3,
    "subject_of_previous": 1.5,
    "subject": 0.5,
    "spoke": 0.5,
    "spoke_last": 0.8,
    "candidate_in_quote": -1.0,
    "mentions_log": 0.3,
    "gender_known": 0.3,
    "head_in_titles": 2.5,
    "head_in_name": 2.0,
    "modifiers_match": 0.5,
    "title_kind_only": -1.5,
}


class ResolverModel:
    """A linear score of a candidate's features, with the rule that accepts the best.

    ``coef`` has one weight per feature name of ``features``; a candidate's score is
    the logistic of their weighted sum."""

    def __init__(
        self,
        features: Sequence[str],
        coef: Sequence[float],
        threshold: float = 0.5,
        margin: float = 0.0,
        metadata: Mapping[str, Any] | None = None,
    ):
        self.features = tuple(features)
        self.coef = tuple(float(c) for c in coef)
        self.threshold = float(threshold)
        self.margin = float(margin)
        self.metadata = dict(metadata or {})

    def __call__(self, values: Sequence[float]) -> float:
        z = sum(w * v for w, v in zip(self.coef, values, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, best: float, second: float) -> bool:
        return best >= self.threshold and best - second >= self.margin

    def to_dict(self) -> dict[str, Any]:
        return {
            "model_id": MODEL_ID,
            "format_version": FORMAT_VERSION,
            "model_version": MODEL_VERSION,
            "license": DATA_LICENSE,
            "features": list(self.features),
            "coef": list(self.coef),
            "threshold": self.threshold,
            "margin": self.margin,
            "metadata": self.metadata,
        }

    @classmethod
    def rules(cls) -> ResolverModel:
        """Hand-set weights, for reading with rules alone (and as the baseline the
        learned model is measured against): the nearest candidate that agrees, the
        subject of the previous sentence and a matching title first."""
        return cls(FEATURES, [_RULE_WEIGHTS.get(f, 0.0) for f in FEATURES], 0.5, 0.1, {"rules": True})

    def save(self, path: str | Path) -> Path:
        """Write the model as gzip-compressed JSON; same model, same bytes."""
        return write_model_json(self.to_dict(), Path(path))

    @classmethod
    def load(cls, path: str | Path | None = None, *, sha256: str | None = None) -> ResolverModel:
        """Read a model written by :meth:`save`; the shipped one when ``path`` is None,
        refused unless its bytes hash to :data:`DEFAULT_MODEL_SHA256`."""
        path, data = read_model_json(
            path, sha256, MODEL_ID, (FORMAT_VERSION,), shipped=(default_model_path(), DEFAULT_MODEL_SHA256)
        )
        source = str(path)
        features, coef = data.get("features"), data.get("coef")
        if list(features or ()) != list(FEATURES):
            raise InputError(
                f"not a usable {MODEL_ID} model: its features are not the {len(FEATURES)} this framing "
                "computes; retrain with tools/train_resolver.py",
                source=source,
            )
        if not (
            isinstance(coef, list)
            and len(coef) == len(FEATURES)
            and all(isinstance(c, (int, float)) and math.isfinite(c) for c in coef)
        ):
            raise InputError(
                f"not a usable {MODEL_ID} model: coef must be {len(FEATURES)} finite numbers", source=source
            )
        limits = [data.get("threshold"), data.get("margin")]
        if not all(isinstance(x, (int, float)) and 0.0 <= x <= 1.0 for x in limits):
            raise InputError(
                f"not a usable {MODEL_ID} model: threshold and margin must be numbers in [0, 1]",
                source=source,
            )
        metadata = data.get("metadata")
        return cls(
            FEATURES,
            coef,
            float(limits[0] or 0.0),
            float(limits[1] or 0.0),
            metadata if isinstance(metadata, Mapping) else {},
        )


def default_model_path() -> Path:
    return Path(str(resources.files("framing") / "models" / DEFAULT_MODEL_FILE))


@functools.lru_cache(maxsize=1)
def default_resolver() -> ResolverModel:
    """The shipped model, read and checked once."""
    return ResolverModel.load()
