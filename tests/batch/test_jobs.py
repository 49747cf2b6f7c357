"""The same rows in the same order whatever the number of worker processes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from framing.cli import main

from .conftest import corpus, same_outputs, write_jsonl

pytest.importorskip("pyarrow")

pytestmark = pytest.mark.slow  # starts worker processes


def test_jobs_1_and_2_write_the_same_bytes(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus(14))
    err = io.StringIO()
    for jobs in ("1", "2"):
        code = main(
            [
                "batch",
                str(source),
                "--out",
                str(tmp_path / f"jobs{jobs}"),
                "--jobs",
                jobs,
                "--chunk-size",
                "3",
            ],
            stderr=err,
        )
        assert code == 0, err.getvalue()
    same_outputs(tmp_path / "jobs1", tmp_path / "jobs2")
    assert "14 articles" in err.getvalue()
