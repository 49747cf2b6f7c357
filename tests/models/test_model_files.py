"""The header every model file shares: one check, one wording, for every model."""

from __future__ import annotations

import pytest

from framing.errors import InputError
from framing.models._files import check_header


def _refuse(problem: str) -> InputError:
    return InputError(f"not a usable toy model: {problem}", source="toy.json")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ([1, 2], "expected a JSON object, found list"),
        ({"model_id": "other", "format_version": 2}, "model_id is 'other', expected 'toy'"),
        ({"format_version": 2}, "model_id is None, expected 'toy'"),
        ({"model_id": "toy", "format_version": 3}, "format_version is 3, .* reads format_version 1 or 2"),
        ({"model_id": "toy"}, "format_version is None"),
    ],
)
def test_a_wrong_header_is_refused_naming_what_is_wrong_and_the_fix(data, problem):
    with pytest.raises(InputError, match=problem) as raised:
        check_header(data, "toy", (1, 2), "tools/train_toy.py", _refuse)
    message = str(raised.value)
    assert "toy.json" in message
    if "format_version is" in problem:
        assert "retrain with tools/train_toy.py" in message


@pytest.mark.parametrize("version", [1, 2])
def test_a_right_header_gives_its_format_version(version):
    assert (
        check_header({"model_id": "toy", "format_version": version}, "toy", (1, 2), "t", _refuse) == version
    )
