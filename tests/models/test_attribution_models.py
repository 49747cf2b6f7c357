"""The shipped speech-cue and resolver models: hash-checked loading, and refusal of bad files."""

import gzip
import json

import pytest

from framing.errors import InputError
from framing.models.cues import CueModel, default_cue_model
from framing.models.resolver import ResolverModel, default_resolver
from framing.text.people import FEATURES


def test_the_shipped_models_load():
    assert default_cue_model().weights
    assert default_resolver().features == FEATURES


def _write(path, data):
    path.write_bytes(gzip.compress(json.dumps(data).encode("utf-8"), mtime=0))
    return path


@pytest.mark.parametrize("model", [CueModel, ResolverModel])
def test_a_model_round_trips(tmp_path, model):
    shipped = (default_cue_model() if model is CueModel else default_resolver()).to_dict()
    path = _write(tmp_path / "m.json.gz", shipped)
    assert model.load(path).to_dict() == shipped


@pytest.mark.parametrize(
    "model, change, problem",
    [
        (CueModel, {"model_id": "framing.other"}, "model_id"),
        (CueModel, {"format_version": 99}, "format_version"),
        (CueModel, {"weights": {"term=say": "a lot"}}, "weights"),
        (CueModel, {"threshold": 2}, "threshold"),
        (ResolverModel, {"coef": [1.0]}, "coef"),
        (ResolverModel, {"features": ["bias"]}, "features"),
        (ResolverModel, {"threshold": -1}, "threshold"),
    ],
)
def test_bad_files_are_refused(tmp_path, model, change, problem):
    shipped = (default_cue_model() if model is CueModel else default_resolver()).to_dict()
    path = _write(tmp_path / "m.json.gz", shipped | change)
    with pytest.raises(InputError, match=problem):
        model.load(path)


@pytest.mark.parametrize("model", [CueModel, ResolverModel])
def test_a_file_that_is_not_json_or_not_the_digest_is_refused(tmp_path, model):
    path = tmp_path / "m.json.gz"
    path.write_bytes(b"not a model")
    with pytest.raises(InputError, match="not a"):
        model.load(path)
    shipped = (default_cue_model() if model is CueModel else default_resolver()).to_dict()
    _write(path, shipped)
    with pytest.raises(InputError, match="SHA-256"):
        model.load(path, sha256="0" * 64)
