"""End to end: every output is there, and the CSV and Parquet tables agree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing import Pipeline, ReadOptions
from framing.batch import run_batch
from framing.batch.schema import FINDING_COLUMNS, article_schema

from .conftest import OUTPUT_FILES, read_csv, read_jsonl, tables, write_csv, write_jsonl

pytest.importorskip("pyarrow")


def _as_csv(value: object) -> str:
    return "" if value is None else str(value)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import corpus

    folder = tmp_path_factory.mktemp("outputs")
    source = write_jsonl(folder / "corpus.jsonl", corpus(12))
    out = folder / "out"
    result = run_batch(source, out, chunk_size=5, log=lambda m: None)
    assert (result.articles, result.chunks, result.errors) == (12, 3, 0)
    return out


def test_every_output_is_written(run: Path) -> None:
    for name in OUTPUT_FILES:
        assert (run / name).is_file(), name
    assert sorted(p.name for p in (run / "articles").glob("part-*.parquet")) == [
        "part-000000.parquet",
        "part-000001.parquet",
        "part-000002.parquet",
    ]
    assert (run / "articles" / "_common_metadata").is_file()
    assert json.loads((run / "state.json").read_text())["complete"] is True


def test_csv_and_parquet_hold_the_same_rows(run: Path) -> None:
    parquet = tables(run)
    for name in ("articles", "findings"):
        rows = read_csv(run / f"{name}.csv")
        assert len(rows) == len(parquet[name]) > 0
        for from_csv, from_parquet in zip(rows, parquet[name], strict=True):
            assert list(from_csv) == list(from_parquet)
            assert from_csv == {k: _as_csv(v) for k, v in from_parquet.items()}
    assert [r["index"] for r in parquet["articles"]] == list(range(12))
    assert [r["id"] for r in parquet["articles"]] == [f"a{i:03d}" for i in range(12)]


def test_rows_hold_metadata_words_and_metrics(run: Path) -> None:
    row = tables(run)["articles"][0]
    assert row["outlet"] == "The Gazette" and row["group"] == "The Gazette"
    assert row["url"] == "https://example.org/0" and row["source"].endswith("corpus.jsonl:1")
    assert json.loads(row["meta"]) == {"topic": "weather"}
    for column in (
        "words_narration",
        "words_quote",
        "loaded.per_1000_own",
        "loaded.per_1000_by_voice.quote",
        "sourcing.named",
        "sourcing.unnamed",
        "readability.flesch_reading_ease",
        "readability.counts.words",
        "tone.own",
        "frames.primary",
    ):
        assert column in row, column
    assert row["loaded.own"] >= 1 and row["words_quote"] > 0
    assert isinstance(json.loads(row["loaded.by_category"]), dict)


def test_findings_point_into_their_article(run: Path, records: list[dict[str, str]]) -> None:
    findings = tables(run)["findings"]
    assert list(findings[0]) == [c.name for c in FINDING_COLUMNS]
    texts = {r["id"]: r["text"] for r in records}
    for f in findings:
        assert texts[f["article_id"]][f["start"] : f["end"]] == f["text"]
    assert {f["analyzer"] for f in findings} >= {"loaded", "sourcing", "actors"}
    # a mention of an actor names it in its own column; its category is the kind of actor
    for f in findings:
        assert (f["actor"] is not None) == (f["analyzer"] == "actors")
    assert {f["category"] for f in findings if f["actor"]} <= {"person", "institution", "group"}


def test_the_schema_does_not_depend_on_the_corpus(run: Path) -> None:
    import pyarrow.parquet as pq

    schemas = {str(pq.read_schema(p)) for p in (run / "articles").glob("part-*.parquet")}
    assert len(schemas) == 1
    columns = [c.name for c in article_schema(Pipeline()).article_columns]
    assert pq.read_schema(run / "articles" / "_common_metadata").names == columns
    assert list(read_csv(run / "articles.csv")[0]) == columns


def test_pandas_reads_the_dataset(run: Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_parquet(run / "articles")
    assert len(frame) == 12 and frame["index"].tolist() == list(range(12))


@pytest.mark.parametrize("kind", ["jsonl.gz", "csv", "parquet", "folder"])
def test_every_input_format_gives_the_same_rows(
    tmp_path: Path, records: list[dict[str, str]], kind: str
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    reference = run_batch(write_jsonl(tmp_path / "ref.jsonl", records), tmp_path / "ref", chunk_size=4)
    assert reference.articles == len(records)
    if kind == "jsonl.gz":
        source = write_jsonl(tmp_path / "in.jsonl.gz", records, gz=True)
    elif kind == "csv":
        source = write_csv(tmp_path / "in.csv", records)
    elif kind == "parquet":
        source = tmp_path / "in.parquet"
        pq.write_table(pa.Table.from_pylist(records), source, row_group_size=5)
    else:
        source = tmp_path / "folder"
        source.mkdir()
        write_jsonl(source / "part1.jsonl", records[:5])
        write_jsonl(source / "part2.jsonl", records[5:])
    run_batch(source, tmp_path / "out", chunk_size=4)
    keep = [c for c in tables(tmp_path / "ref")["articles"][0] if c != "source"]
    got = [{k: r[k] for k in keep} for r in tables(tmp_path / "out")["articles"]]
    want = [{k: r[k] for k in keep} for r in tables(tmp_path / "ref")["articles"]]
    assert got == want
    assert tables(tmp_path / "out")["findings"] == tables(tmp_path / "ref")["findings"]


def test_text_field_is_left_out_of_meta(tmp_path: Path, records: list[dict[str, str]]) -> None:
    renamed = [{("body" if k == "text" else k): v for k, v in r.items()} for r in records[:3]]
    run_batch(
        write_jsonl(tmp_path / "c.jsonl", renamed),
        tmp_path / "out",
        read_options=ReadOptions(text_field="body"),
    )
    assert [json.loads(r["meta"]) for r in tables(tmp_path / "out")["articles"]] == [
        {"topic": "weather"},
        {"topic": "politics"},
        {"topic": "weather"},
    ]
    assert read_jsonl(tmp_path / "out" / "errors.jsonl") == []
