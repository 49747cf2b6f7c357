"""Regrouping a finished run by another column, from its tables, without analysing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from framing.batch import regroup, run_batch
from framing.cli import main
from framing.errors import UsageError
from framing.pipeline import Pipeline

from .conftest import read_csv

pytest.importorskip("pyarrow")

GROUPED = ("groups.csv", "summary.json", "summary.html")


def _no_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self, item):  # type: ignore[no-untyped-def]
        raise AssertionError("regrouping analysed an article")

    monkeypatch.setattr(Pipeline, "analyze", refuse)


@pytest.mark.parametrize("column", ["topic", "date"])
def test_regrouping_gives_what_a_run_grouped_so_gives(
    tmp_path: Path, jsonl: Path, column: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_batch(jsonl, tmp_path / "direct", group_by=column, chunk_size=5)
    run_batch(jsonl, tmp_path / "out", chunk_size=5)  # by outlet
    _no_analysis(monkeypatch)
    result = regroup(tmp_path / "out", column)
    assert result.articles == 12 and result.groups == len(read_csv(tmp_path / "direct" / "groups.csv"))
    for name in GROUPED:
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "direct" / name).read_bytes(), name


def test_regrouping_back_restores_the_first_grouping(tmp_path: Path, jsonl: Path) -> None:
    run_batch(jsonl, tmp_path / "out", chunk_size=4)
    before = {name: (tmp_path / "out" / name).read_bytes() for name in GROUPED}
    regroup(tmp_path / "out", "topic")
    assert read_csv(tmp_path / "out" / "groups.csv")[0]["group"] == "politics"
    regroup(tmp_path / "out", "outlet")
    assert {name: (tmp_path / "out" / name).read_bytes() for name in GROUPED} == before


@pytest.mark.parametrize(
    "prepare, column, message",
    [
        ("nothing", "topic", "holds no framing batch results to regroup"),
        (
            "run",
            "lean",
            "no article in {out} has a field 'lean'; the fields are: date, id, outlet, title, topic, url",
        ),
        ("unfinished", "topic", "is not finished: run the same framing batch command again"),
    ],
)
def test_regrouping_refuses_what_it_cannot_do(
    tmp_path: Path, jsonl: Path, prepare: str, column: str, message: str
) -> None:
    out = tmp_path / "out"
    if prepare != "nothing":
        run_batch(jsonl, out, chunk_size=5)
    if prepare == "unfinished":
        state = json.loads((out / "state.json").read_text(encoding="utf-8"))
        state["complete"] = False
        (out / "state.json").write_text(json.dumps(state), encoding="utf-8")
    with pytest.raises(UsageError) as info:
        regroup(out, column)
    assert message.format(out=out) in str(info.value)


def test_batch_without_inputs_regroups_from_the_command_line(tmp_path: Path, jsonl: Path) -> None:
    out = tmp_path / "out"
    err = io.StringIO()
    assert main(["batch", str(jsonl), "--out", str(out), "--quiet"], stderr=err) == 0
    err = io.StringIO()
    assert main(["batch", "--out", str(out), "--group-by", "topic"], stderr=err) == 0, err.getvalue()
    assert (
        err.getvalue()
        == f"framing: regrouped 12 articles by topic into 2 groups: groups.csv, groups.parquet and the summary in {out}\n"
    )
    assert {r["group"] for r in read_csv(out / "groups.csv")} == {"politics", "weather"}
    err = io.StringIO()
    assert main(["batch", "--out", str(tmp_path / "empty"), "--group-by", "topic"], stderr=err) == 2
    assert (
        err.getvalue().startswith("framing: error: ") and "holds no framing batch results" in err.getvalue()
    )
