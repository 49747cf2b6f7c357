"""Failing records go to errors.jsonl and the run goes on; a different run is refused."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from framing import Pipeline, Settings, UsageError
from framing.batch import run_batch
from framing.cli import main

from .conftest import corpus, read_csv, read_jsonl, tables, write_jsonl

pytest.importorskip("pyarrow")


def test_a_failing_article_is_reported_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = corpus(6)
    records[2]["text"] = "BOOM " + records[2]["text"]
    lines = [json.dumps(r) for r in records]
    lines.insert(4, "{not json")
    source = tmp_path / "c.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    analyze = Pipeline.analyze

    def failing(self, item):  # type: ignore[no-untyped-def]
        if "BOOM" in getattr(item, "text", item):
            raise RuntimeError("the analyser broke")
        return analyze(self, item)

    monkeypatch.setattr(Pipeline, "analyze", failing)
    result = run_batch(source, tmp_path / "out", chunk_size=2)
    assert (result.articles, result.analysis_errors, result.input_errors) == (5, 1, 1)
    errors = read_jsonl(tmp_path / "out" / "errors.jsonl")
    assert errors == [
        {
            "id": "a002",
            "source": f"{source}:3",
            "reason": "analysis failed: RuntimeError: the analyser broke",
            "stage": "analysis",
        },
        {
            "id": None,
            "source": f"{source}, line 5",
            "reason": "is not valid JSON (Expecting property name enclosed in double quotes at column 2)",
            "stage": "input",
        },
    ]
    rows = tables(tmp_path / "out")["articles"]
    assert [(r["index"], r["id"]) for r in rows] == [
        (0, "a000"),
        (1, "a001"),
        (3, "a003"),
        (4, "a004"),
        (5, "a005"),
    ]
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["totals"]["analysis_errors"] == 1 and summary["totals"]["input_errors"] == 1


@pytest.mark.parametrize(
    "change, fragment",
    [
        ({"chunk_size": 3}, "chunk size"),
        ({"group_by": "topic"}, "group column"),
        ({"settings": Settings(analyzers=("loaded",))}, "analysis settings"),
        ({"inputs": "other"}, "inputs"),
    ],
)
def test_a_folder_with_another_run_is_refused(tmp_path: Path, change: dict, fragment: str) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus(4))
    other = write_jsonl(tmp_path / "other.jsonl", corpus(3))
    run_batch(source, tmp_path / "out", chunk_size=2)
    kwargs = {"chunk_size": 2, **change}
    inputs = other if kwargs.pop("inputs", None) else source
    with pytest.raises(UsageError, match=fragment):
        run_batch(inputs, tmp_path / "out", **kwargs)
    result = run_batch(inputs, tmp_path / "out", overwrite=True, **kwargs)
    assert result.resumed_chunks == 0
    assert len(read_csv(tmp_path / "out" / "articles.csv")) == result.articles


def test_the_command_line_refuses_with_exit_code_2(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus(4))
    err = io.StringIO()
    args = ["batch", str(source), "--out", str(tmp_path / "out"), "--quiet"]
    assert main([*args, "--chunk-size", "2"], stderr=err) == 0
    assert main([*args, "--chunk-size", "3"], stderr=err) == 2
    assert "holds a batch run made with different chunk size" in err.getvalue()
    assert "--overwrite" in err.getvalue()
    assert main([*args, "--chunk-size", "3", "--overwrite"], stderr=err) == 0


def test_a_folder_that_is_not_a_run_is_refused(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus(2))
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UsageError, match="is not empty and holds no framing batch run"):
        run_batch(source, tmp_path / "out")
    run_batch(source, tmp_path / "out", overwrite=True)
    assert (tmp_path / "out" / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"chunk_size": 0}, "chunk size must be at least 1"),
        ({"jobs": 0}, "number of jobs must be at least 1"),
        ({"engine": "spark"}, "unknown engine 'spark'"),
        ({"group_by": ""}, "group column needs a name"),
    ],
)
def test_bad_options_are_refused(tmp_path: Path, kwargs: dict, fragment: str) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus(2))
    with pytest.raises(UsageError, match=fragment):
        run_batch(source, tmp_path / "out", **kwargs)


def test_a_missing_extra_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    source = write_jsonl(tmp_path / "c.jsonl", corpus(2))
    err = io.StringIO()
    assert main(["batch", str(source), "--out", str(tmp_path / "out")], stderr=err) == 1
    assert err.getvalue().strip() == (
        "framing: error: framing batch needs pyarrow, which is not installed; install it with: "
        'pip install ".[batch]" in the framing folder'
    )
