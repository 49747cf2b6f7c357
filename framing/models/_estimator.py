"""scikit-learn's estimator protocol, written out once for framing's shipped models, so
that predicting needs numpy only while ``sklearn.base.clone`` and cross-validation work."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

__all__ = ["Estimator"]


class Estimator:
    """``get_params``/``set_params`` over the names in ``_PARAMS`` (each a keyword of
    ``__init__``), a ``repr`` of the changed ones, scikit-learn's tags for a classifier
    whose input is ``_INPUT`` (``"string"`` or ``"dict"``), and accuracy as ``score``."""

    _PARAMS: ClassVar[tuple[str, ...]] = ()
    _INPUT: ClassVar[str] = "string"

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._PARAMS}

    def set_params(self, **params: Any) -> Any:
        for name, value in params.items():
            if name not in self._PARAMS:
                raise ValueError(
                    f"{name!r} is not a parameter of {type(self).__name__}; valid: {self._PARAMS}"
                )
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        defaults = type(self)().get_params()
        changed = {k: v for k, v in self.get_params().items() if v != defaults[k]}
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in changed.items())})"

    def __sklearn_tags__(self) -> Any:
        from sklearn.utils import ClassifierTags, InputTags, Tags, TargetTags

        return Tags(
            estimator_type="classifier",
            target_tags=TargetTags(required=True),
            classifier_tags=ClassifierTags(),
            input_tags=InputTags(two_d_array=False, **{self._INPUT: True}),
            requires_fit=True,
        )

    def predict(self, X: Any) -> np.ndarray:  # pragma: no cover - every model defines it
        raise NotImplementedError

    def score(self, X: Any, y: Any) -> float:
        """Accuracy, as for every scikit-learn classifier."""
        return float(np.mean(self.predict(X) == np.asarray(y)))
