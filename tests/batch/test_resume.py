"""Resumable runs: a crash, a kill or Ctrl-C, then the same command, and every record once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from framing.batch import run_batch

from .conftest import corpus, read_csv, read_jsonl, same_outputs, tables, write_jsonl

pytest.importorskip("pyarrow")


class Crash(Exception):
    pass


def _crash_after(n: int):
    def on_chunk(index: int) -> None:
        if index + 1 >= n:
            raise Crash(f"stopped after chunk {index}")

    return on_chunk


def _complete(out: Path, n: int) -> None:
    ids = [r["id"] for r in read_csv(out / "articles.csv")]
    assert ids == [f"a{i:03d}" for i in range(n)]
    assert [r["index"] for r in tables(out)["articles"]] == list(range(n))
    assert json.loads((out / "state.json").read_text())["complete"] is True


@pytest.mark.parametrize("stop_after", [1, 2])
def test_a_crash_after_a_chunk_resumes_without_duplicates(tmp_path: Path, stop_after: int) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus(10))
    with pytest.raises(Crash):
        run_batch(source, tmp_path / "out", chunk_size=3, on_chunk=_crash_after(stop_after))
    state = json.loads((tmp_path / "out" / "state.json").read_text())
    assert state["chunks_done"] == stop_after and not state["complete"]
    notes: list[str] = []
    result = run_batch(source, tmp_path / "out", chunk_size=3, log=notes.append)
    assert result.resumed_chunks == stop_after and result.articles == 10
    assert any("resuming" in n for n in notes)
    _complete(tmp_path / "out", 10)
    run_batch(source, tmp_path / "fresh", chunk_size=3)
    same_outputs(tmp_path / "out", tmp_path / "fresh", summaries=False)


def test_a_torn_append_and_a_stray_part_are_undone(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus(8))
    out = tmp_path / "out"
    with pytest.raises(Crash):
        run_batch(source, out, chunk_size=3, on_chunk=_crash_after(1))
    # what a kill in the middle of writing chunk 1 can leave behind
    with open(out / "articles.csv", "a", encoding="utf-8") as f:
        f.write("3,a003,The Gazette,half a row")
    with open(out / "errors.jsonl", "a", encoding="utf-8") as f:
        f.write('{"id": "torn"')
    (out / "articles" / "part-000001.parquet").write_bytes(b"half a file")
    (out / "articles" / ".part-000001.parquet.123.tmp").write_bytes(b"temporary")
    run_batch(source, out, chunk_size=3)
    _complete(out, 8)
    assert read_jsonl(out / "errors.jsonl") == []
    assert not list((out / "articles").glob(".*.tmp"))


def test_a_finished_run_run_again_changes_nothing(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus(5))
    run_batch(source, tmp_path / "out", chunk_size=2)
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    result = run_batch(source, tmp_path / "out", chunk_size=2)
    after = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    assert result.resumed_chunks == 3 and before == after


def test_a_killed_process_resumes(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus(60))
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "framing",
        "batch",
        str(source),
        "--out",
        str(out),
        "--chunk-size",
        "4",
        "--quiet",
    ]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                done = json.loads((out / "state.json").read_text())["chunks_done"]
            except (OSError, ValueError):
                done = 0
            if done >= 2:
                break
            time.sleep(0.02)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    if proc.returncode == 0:
        pytest.skip("the run finished before it could be killed")
    state = json.loads((out / "state.json").read_text())
    assert 2 <= state["chunks_done"] < 15
    finished = subprocess.run(command, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert "resuming" in finished.stderr
    _complete(out, 60)
