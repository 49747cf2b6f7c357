"""The shipped models built on framing's estimator protocol pass scikit-learn's own checks,
those that apply to them: the checks skip estimators whose input is not a numeric array,
so what runs is what their tags allow (cloning, parameters, the estimator's API)."""

import pytest
from sklearn.base import clone
from sklearn.utils.estimator_checks import parametrize_with_checks

from framing.models.portrayal import PortrayalClassifier
from framing.models.target_sentiment import TargetSentimentClassifier

ESTIMATORS = [TargetSentimentClassifier(C=0.5, min_df=1), PortrayalClassifier()]


@parametrize_with_checks(ESTIMATORS)
def test_sklearn_checks(estimator, check):
    check(estimator)


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=lambda e: type(e).__name__)
def test_clone_keeps_the_parameters_and_nothing_learned(estimator):
    copy = clone(estimator)
    assert copy is not estimator and copy.get_params() == estimator.get_params()
    assert not [name for name in vars(copy) if name.endswith("_") and not name.startswith("_")]
