"""Resumable runs: a crash, a kill or Ctrl-C, then the same command, and every record once."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from framing import UsageError
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


def test_a_run_whose_tables_have_other_columns_is_not_resumed(tmp_path: Path) -> None:
    """A run started by a framing whose findings table had no ``actor`` column: going on
    would mix two layouts in one table."""
    source = write_jsonl(tmp_path / "c.jsonl", corpus(6))
    out = tmp_path / "out"
    with pytest.raises(Crash):
        run_batch(source, out, chunk_size=3, on_chunk=_crash_after(1))
    schema = json.loads((out / "schema.json").read_text())
    schema["findings"] = [c for c in schema["findings"] if c["name"] != "actor"]
    (out / "schema.json").write_text(json.dumps(schema))
    with pytest.raises(UsageError, match="other columns") as refused:
        run_batch(source, out, chunk_size=3)
    assert "--overwrite" in str(refused.value) and "schema.json" in str(refused.value)
    run_batch(source, out, chunk_size=3, overwrite=True)
    _complete(out, 6)
    assert "actor" in read_csv(out / "findings.csv")[0]


def test_a_finished_run_run_again_changes_nothing(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus(5))
    run_batch(source, tmp_path / "out", chunk_size=2)
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    result = run_batch(source, tmp_path / "out", chunk_size=2)
    after = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
    assert result.resumed_chunks == 3 and before == after


@pytest.mark.slow
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
    try:
        while proc.poll() is None and _chunks_done(out) < 2:
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


def _chunks_done(out: Path) -> int:
    try:
        return int(json.loads((out / "state.json").read_text())["chunks_done"])
    except (OSError, ValueError, KeyError):
        return 0


def _appended_beyond_state(out: Path) -> bool:
    """Whether articles.csv holds rows state.json does not record yet: a chunk half-committed."""
    try:
        recorded = json.loads((out / "state.json").read_text())["sizes"]["articles.csv"]
        return (out / "articles.csv").stat().st_size > recorded
    except (OSError, ValueError, KeyError):
        return False


def _no_duplicate_rows(rows: list[dict[str, object]], what: str) -> None:
    seen = Counter(tuple(sorted(row.items())) for row in rows)
    twice = [row for row, n in seen.items() if n > 1]
    assert not twice, f"{len(twice)} {what} row(s) written more than once, e.g. {twice[0]}"


@pytest.mark.slow
def test_killed_at_random_moments_every_record_appears_once(tmp_path: Path) -> None:
    n, chunk_size = 300, 5
    chunks = n // chunk_size
    records = [dict(r, text=f"{r['text']} Item {i} was noted.") for i, r in enumerate(corpus(n))]
    source = write_jsonl(tmp_path / "c.jsonl", records)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "framing", "batch", str(source), "--out", str(out)]
    command += ["--chunk-size", str(chunk_size), "--quiet"]
    rng = random.Random(9)
    # where each run is killed: a random number of chunks further on and a random part of
    # a chunk later (while analysing one, or writing it); at a random time after start-up
    # (while starting, or cleaning up after the last kill); a random number of chunks on,
    # as soon as the CSV rows of a chunk are written but not yet recorded in state.json;
    # and once every chunk is written (while writing the groups and the summary)
    plan = [
        ("chunks", rng.randint(1, 12), rng.uniform(0.0, 0.03)),
        ("seconds", rng.uniform(0.2, 2.0), 0.0),
        ("torn", rng.randint(1, 12), 0.0),
        ("chunks", rng.randint(1, 12), rng.uniform(0.0, 0.03)),
        ("end", chunks, rng.uniform(0.0, 0.02)),
    ]
    killed_at = []
    for how, value, delay in plan:
        before = _chunks_done(out)
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            if how == "seconds":
                deadline = time.monotonic() + value
                while proc.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.005)
            elif how == "torn":
                while proc.poll() is None and (
                    _chunks_done(out) < before + value or not _appended_beyond_state(out)
                ):
                    pass  # the window is a millisecond or two: no sleeping
            else:
                target = before + value if how == "chunks" else value
                while proc.poll() is None and _chunks_done(out) < target:
                    time.sleep(0.005)
                time.sleep(delay)
        finally:
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        if proc.returncode == -signal.SIGKILL:
            killed_at.append((how, _chunks_done(out)))
            assert _chunks_done(out) >= before, "a run lost chunks an earlier one had written"
    if len(killed_at) < 3:
        pytest.skip(f"the run finished before it could be killed three times ({killed_at})")
    left_done = _chunks_done(out)
    finished = subprocess.run(command, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    # the last run analysed only the chunks the killed ones had not written
    done_before = f"{left_done} chunk{'' if left_done == 1 else 's'} done before"
    assert f"in {chunks} chunks ({done_before})" in finished.stderr, finished.stderr

    ids = [f"a{i:03d}" for i in range(n)]
    assert [r["id"] for r in read_csv(out / "articles.csv")] == ids, killed_at  # each once, in order
    parquet = tables(out)
    assert [r["id"] for r in parquet["articles"]] == ids, killed_at
    _no_duplicate_rows(read_csv(out / "findings.csv"), "findings.csv")
    _no_duplicate_rows(parquet["findings"], "findings Parquet")
    assert read_jsonl(out / "errors.jsonl") == []
    assert json.loads((out / "state.json").read_text())["complete"] is True
    # and nothing lost either: the same tables as a run that was never interrupted
    run_batch(source, tmp_path / "fresh", chunk_size=chunk_size)
    same_outputs(out, tmp_path / "fresh", summaries=False)


def test_a_full_disk_stops_the_run_with_one_message_and_it_resumes_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from framing import OutputError

    from ..test_files import full_disk

    source = write_jsonl(tmp_path / "c.jsonl", corpus(10))
    out = tmp_path / "out"

    def fill_the_disk(index: int) -> None:
        if index == 0:
            full_disk(monkeypatch)  # chunk 1's files are written, then its state.json fails

    with pytest.raises(OutputError) as info:
        run_batch(source, out, chunk_size=3, on_chunk=fill_the_disk)
    assert str(info.value) == (
        f"cannot write {out / 'state.json'}: No space left on device; free some space on that disk, "
        "or write somewhere else"
    )
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    monkeypatch.undo()
    result = run_batch(source, out, chunk_size=3)
    assert result.resumed_chunks == 1
    _complete(out, 10)
    run_batch(source, tmp_path / "fresh", chunk_size=3)
    same_outputs(out, tmp_path / "fresh", summaries=False)
