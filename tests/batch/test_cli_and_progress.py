"""The batch subcommand, the progress bar, and a command line that starts fast."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from framing.batch.progress import Progress
from framing.cli import main

from .conftest import corpus, read_csv, write_jsonl

HEAVY = ("nltk", "sklearn", "matplotlib", "jinja2", "pandas", "pyarrow", "dask", "numpy", "scipy")


def test_the_command_line_imports_no_heavy_library() -> None:
    code = f"import sys, framing, framing.cli; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def test_help_lists_batch_and_its_options() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "framing", "batch", "--help"], capture_output=True, text=True, check=True
    )
    for option in ("--out", "--jobs", "--group-by", "--overwrite", "--quiet", "--engine", "--scheduler"):
        assert option in proc.stdout
    assert "loaded, sourcing" in " ".join(proc.stdout.split())  # the analysers, from their registry


def test_batch_from_the_command_line(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    source = write_jsonl(tmp_path / "c.jsonl", corpus(5))
    err = io.StringIO()
    code = main(["batch", str(source), "--out", str(tmp_path / "out"), "--group-by", "topic"], stderr=err)
    assert code == 0
    assert err.getvalue().startswith("framing: 5 articles")
    assert "\r" not in err.getvalue()  # no progress bar when stderr is not a terminal
    assert [g["group"] for g in read_csv(tmp_path / "out" / "groups.csv")] == ["politics", "weather"]


def test_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    err = io.StringIO()
    source = write_jsonl(tmp_path / "c.jsonl", corpus(1))
    assert (
        main(["batch", str(source), "--out", str(tmp_path / "o"), "--scheduler", "tcp://x:1"], stderr=err)
        == 2
    )
    assert "--engine dask" in err.getvalue()


@pytest.mark.parametrize(
    "total, done, elapsed, expected",
    [
        (1000, 250, 10.0, "[#####...............]  framing batch: 250/~1,000 articles  25.0/s  0:30 left"),
        (None, 40, 4.0, "framing batch: 40 articles  10.0/s"),
        (100, 0, 1.0, "[....................]  framing batch: 0/~100 articles  0.0/s  time left unknown"),
        (100, 150, 10.0, "[####################]  framing batch: 150/~150 articles  15.0/s  0:00 left"),
    ],
)
def test_progress_line(total: int | None, done: int, elapsed: float, expected: str) -> None:
    bar = Progress(io.StringIO(), total=total, enabled=False)
    bar.done = done
    assert bar.line(bar._start + elapsed) == expected


def test_progress_draws_only_when_enabled() -> None:
    quiet, loud = io.StringIO(), io.StringIO()
    for stream, enabled in ((quiet, False), (loud, True)):
        bar = Progress(stream, total=10, enabled=enabled, interval=0)
        bar.advance(5)
        bar.close()
    assert quiet.getvalue() == ""
    assert loud.getvalue().startswith("\r[##########") and loud.getvalue().endswith("\r")
