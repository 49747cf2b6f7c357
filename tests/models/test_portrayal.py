"""The portrayal model: plain JSON, checked when it loads, refused when it is not right."""

import gzip
import hashlib
import json

import numpy as np
import pytest

from framing.errors import InputError
from framing.models.portrayal import (
    CLASSES,
    DEFAULT_MODEL_SHA256,
    MODEL_ID,
    PortrayalClassifier,
    default_model_path,
)

#: A few voices written for the test: the evidence a villain, a victim, a hero and a
#: bystander would leave.
X = [
    {"own:agent:villain": 1.4, "own:rule:villain": 1.0, "own:tone": -0.4},
    {"own:agent:villain": 1.1, "own:tone": -0.2},
    {"own:patient:victim": 1.1, "own:rule:victim": 1.0, "own:tone": -0.5},
    {"own:patient:victim": 0.7, "own:tone": -0.3},
    {"own:agent:hero": 1.4, "own:rule:hero": 1.0, "own:tone": 0.5},
    {"own:label:hero": 1.1, "own:tone": 0.4},
    {"own:mentions": 0.7},
    {"own:mentions": 1.1, "own:tone": 0.1},
]
Y = ["villain", "villain", "victim", "victim", "hero", "hero", "neutral", "neutral"]


@pytest.fixture(scope="module")
def fitted():
    return PortrayalClassifier(C=10.0).fit(X, Y)


def test_the_shipped_model_loads_and_is_the_one_hashed():
    path = default_model_path()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == DEFAULT_MODEL_SHA256
    model = PortrayalClassifier.load()
    assert tuple(model.classes_) == CLASSES
    assert 0.0 < model.threshold < 1.0
    assert json.loads(path.read_text(encoding="utf-8"))["model_id"] == MODEL_ID


def test_a_fitted_model_reads_the_roles_it_learned(fitted):
    assert list(fitted.predict(X)) == Y
    proba = fitted({"own:agent:villain": 1.4, "own:tone": -0.4})
    assert set(proba) == set(CLASSES) and abs(sum(proba.values()) - 1.0) < 1e-9
    assert max(proba, key=proba.get) == "villain"
    # a name it never saw is ignored; one it knows but that is missing is 0
    assert fitted({"own:agent:villain": 1.4, "never seen": 5.0}) == fitted({"own:agent:villain": 1.4})


def test_save_and_load_give_the_same_model_and_the_same_bytes(fitted, tmp_path):
    first = fitted.save(tmp_path / "a.json")
    again = PortrayalClassifier.load(first, sha256=hashlib.sha256(first.read_bytes()).hexdigest())
    assert np.allclose(again.predict_proba(X), fitted.predict_proba(X))
    assert again.save(tmp_path / "b.json").read_bytes() == first.read_bytes()
    gz = fitted.save(tmp_path / "c.json.gz")
    assert json.loads(gzip.decompress(gz.read_bytes())) == json.loads(first.read_bytes())


def test_it_follows_the_estimator_contract(fitted):
    from sklearn.base import clone

    copy = clone(fitted)
    assert copy.get_params() == fitted.get_params() and not hasattr(copy, "coef_")
    assert repr(PortrayalClassifier(C=2.0)) == "PortrayalClassifier(C=2.0)"
    with pytest.raises(ValueError, match="not a parameter"):
        PortrayalClassifier().set_params(alpha=1)
    with pytest.raises(ValueError, match="unknown roles"):
        PortrayalClassifier().fit(X[:2], ["villain", "bystander"])
    with pytest.raises(ValueError, match="not fitted"):
        PortrayalClassifier().predict(X)
    assert fitted.score(X, Y) == 1.0


def _written(fitted, tmp_path, change):
    data = fitted.to_dict()
    change(data)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda d: d.update(model_id="framing.other"), "model_id"),
        (lambda d: d.update(format_version=99), "format_version"),
        (lambda d: d.update(classes=["hero", "villain", "victim", "neutral"]), "classes"),
        (lambda d: d["params"].pop("C"), "params"),
        (lambda d: d.update(features=["a", "a"]), "features"),
        (lambda d: d["coef"].pop(), "coef"),
        (lambda d: d["intercept"].__setitem__(0, "x"), "intercept"),
        (lambda d: d["scale"].__setitem__(0, 0.0), "scale"),
        (lambda d: d["mean"].__setitem__(0, float("inf")), "mean"),
    ],
)
def test_a_bad_model_file_is_refused_with_what_is_wrong(fitted, tmp_path, change, problem):
    path = _written(fitted, tmp_path, change)
    with pytest.raises(InputError, match=problem) as info:
        PortrayalClassifier.load(path)
    assert str(path) in str(info.value)


def test_a_changed_file_is_refused_by_its_hash(tmp_path):
    path = tmp_path / "portrayal.json"
    data = json.loads(default_model_path().read_text(encoding="utf-8"))
    data["intercept"][0] += 1.0
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="SHA-256"):
        PortrayalClassifier.load(path, sha256=DEFAULT_MODEL_SHA256)


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "portrayal.json"
    path.write_bytes(b"\x00 not json")
    with pytest.raises(InputError, match=r"not a framing\.portrayal model file"):
        PortrayalClassifier.load(path)
