"""The claim-pair model: the shipped file is checked, bad files are refused, fitting works."""

import hashlib
import json

import numpy as np
import pytest

from framing.coverage.pairs import FEATURES
from framing.errors import InputError, UsageError
from framing.models.claim_pairs import DEFAULT_MODEL_SHA256, ClaimPairModel, default_model_path


def test_the_shipped_model_matches_its_digest_and_the_features():
    raw = default_model_path().read_bytes()
    assert hashlib.sha256(raw).hexdigest() == DEFAULT_MODEL_SHA256
    model = ClaimPairModel.load()
    assert model.features_ == FEATURES
    assert set(model.thresholds_) == {"same", "related", "left_out", "worksheet"}
    assert model.thresholds_["left_out"] <= model.thresholds_["related"] <= model.thresholds_["same"]
    assert model.provenance()["sha256"] == DEFAULT_MODEL_SHA256


def test_a_changed_model_file_is_refused(tmp_path):
    data = json.loads(default_model_path().read_text(encoding="utf-8"))
    data["intercept"] += 1.0
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=r"SHA-256 is .*changed or damaged"):
        ClaimPairModel.load(path, sha256=DEFAULT_MODEL_SHA256)
    assert ClaimPairModel.load(path).intercept_ == pytest.approx(data["intercept"])


def _broken(data, key, value):
    out = dict(data)
    if value is KeyError:
        del out[key]
    else:
        out[key] = value
    return out


@pytest.mark.parametrize(
    "key, value, problem",
    [
        ("model_id", "something-else", "model_id"),
        ("format_version", 99, "format_version"),
        ("coef", [0.1, 0.2], "coef must be a list"),
        ("mean", ["x"] * len(FEATURES), "mean must"),
        ("scale", [0.0] * len(FEATURES), "scale must be positive"),
        ("intercept", float("nan"), "intercept"),
        ("thresholds", {"same": 0.5}, "thresholds"),
        ("thresholds", {"same": 2.0, "related": 0.2, "left_out": 0.1, "worksheet": 0.9}, "probabilities"),
        ("features", KeyError, "features"),
    ],
)
def test_a_malformed_model_is_refused_with_its_problem(tmp_path, key, value, problem):
    data = json.loads(default_model_path().read_text(encoding="utf-8"))
    path = tmp_path / "model.json"
    path.write_text(json.dumps(_broken(data, key, value)), encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        ClaimPairModel.load(path)


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "model.json"
    path.write_bytes(b"\x80not json")
    with pytest.raises(InputError, match="not a framing-claim-pairs model file"):
        ClaimPairModel.load(path)


def test_fit_predict_save_and_load(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    y = (X[:, 0] + 0.3 * rng.normal(size=200) > 0).astype(int)
    model = ClaimPairModel(C=1.0).fit(X, y, ("a", "b", "c"))
    model.thresholds_ = {"same": 0.5, "related": 0.3, "left_out": 0.1, "worksheet": 0.8}
    p = model.probabilities([[2.0, 0.0, 0.0], [-2.0, 0.0, 0.0]])
    assert p[0] > 0.5 > p[1] and all(0 <= x <= 1 for x in p)
    path = model.save(tmp_path / "m.json")
    again = ClaimPairModel.load(path)
    assert again.probabilities([[2.0, 0.0, 0.0]]) == pytest.approx(p[:1])
    assert again.save(tmp_path / "n.json").read_bytes() == path.read_bytes()


def test_the_estimator_contract():
    model = ClaimPairModel(C=0.5)
    assert model.get_params() == {"C": 0.5, "max_iter": 5000}
    assert model.set_params(C=2.0).C == 2.0
    with pytest.raises(ValueError, match="unknown parameter"):
        model.set_params(gamma=1)
    with pytest.raises(UsageError, match="not fitted"):
        ClaimPairModel().probabilities([[0.0]])
    with pytest.raises(ValueError, match="0 and 1"):
        ClaimPairModel().fit([[0.0], [1.0]], [0, 2])
