"""Reading Parquet and gzipped JSONL: streamed, with the CSV reader's metadata and refusals."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from framing import InputError, ReadOptions, SkippedRecord, read_articles
from framing.batch.inputs import chunks, describe_inputs

from .conftest import write_csv, write_jsonl

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def collect(path: Path, options: ReadOptions | None = None) -> tuple[list, list]:
    problems: list = []
    return list(read_articles(path, options, on_problem=problems.append)), problems


def test_parquet_reads_like_csv(tmp_path: Path, records: list[dict[str, str]]) -> None:
    parquet = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(records), parquet, row_group_size=4)
    from_parquet, problems = collect(parquet)
    from_csv, _ = collect(write_csv(tmp_path / "c.csv", records))
    assert problems == []
    fields = ("id", "outlet", "title", "date", "url", "text", "meta")
    assert [tuple(getattr(a, f) for f in fields) for a in from_parquet] == [
        tuple(getattr(a, f) for f in fields) for a in from_csv
    ]
    assert from_parquet[0].source == f"{parquet}:1"


@pytest.mark.parametrize(
    "rows, message",
    [
        ([{"text": "One."}, {"text": ""}, {"text": "Three."}], "row 2: its 'text' value is empty"),
        ([{"text": "One."}, {"text": None}, {"text": "Three."}], "row 2: its 'text' value is empty"),
        ([{"text": "One."}, {"text": "   "}, {"text": "Three."}], "row 2: its 'text' value is empty"),
    ],
)
def test_parquet_bad_rows_are_skipped_and_reported(tmp_path: Path, rows: list, message: str) -> None:
    path = tmp_path / "bad.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=pa.schema([("text", pa.string())])), path)
    articles, problems = collect(path)
    assert [a.text for a in articles] == ["One.", "Three."]
    assert [a.id for a in articles] == ["bad:1", "bad:3"]
    assert len(problems) == 1 and isinstance(problems[0], SkippedRecord) and message in str(problems[0])
    with pytest.raises(SkippedRecord, match="row 2"):
        list(read_articles(path, ReadOptions(strict=True)))


def test_parquet_metadata_of_other_types_becomes_text(tmp_path: Path) -> None:
    path = tmp_path / "typed.parquet"
    table = pa.Table.from_pylist(
        [{"text": "One.", "id": 7, "date": datetime.date(2024, 5, 1), "score": 0.5, "tags": ["a", "b"]}]
    )
    pq.write_table(table, path)
    (article,) = read_articles(path)
    assert (article.id, article.date) == ("7", "2024-05-01")
    assert article.meta == {"score": "0.5", "tags": '["a", "b"]'}


def test_parquet_without_the_text_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.parquet"
    pq.write_table(pa.Table.from_pylist([{"body": "x"}]), path)
    with pytest.raises(InputError, match=r"has no 'text' column \(columns: body\); name the text column"):
        list(read_articles(path))


def test_a_broken_parquet_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 not really")
    with pytest.raises(InputError, match="cannot be read as Parquet"):
        list(read_articles(path))


def test_gzip_jsonl_is_read(tmp_path: Path, records: list[dict[str, str]]) -> None:
    plain, _ = collect(write_jsonl(tmp_path / "c.jsonl", records))
    zipped, _ = collect(write_jsonl(tmp_path / "z.jsonl.gz", records, gz=True))
    assert [(a.id, a.text, a.outlet) for a in zipped] == [(a.id, a.text, a.outlet) for a in plain]


def test_a_broken_gzip_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "z.jsonl.gz"
    path.write_bytes(b"not gzip at all")
    with pytest.raises(InputError, match="is not a readable gzip file"):
        list(read_articles(path))


@pytest.mark.parametrize(
    "size, chunk_size, expected",
    [(0, 5, []), (4, 5, [(0, 0, 4)]), (5, 5, [(0, 0, 5)]), (12, 5, [(0, 0, 5), (1, 5, 5), (2, 10, 2)])],
)
def test_chunks_are_cut_by_article_count(
    tmp_path: Path, records: list[dict[str, str]], size: int, chunk_size: int, expected: list
) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", records[:size]) if size else tmp_path / "c.jsonl"
    if not size:
        path.write_text('{"no": "text"}\n', encoding="utf-8")
    got = list(chunks([path], ReadOptions(), chunk_size, warn=lambda w: None))
    if not size:
        assert len(got) == 1 and got[0].articles == [] and "has no 'text' field" in got[0].problems[0].reason
        return
    assert [(c.index, c.start, len(c.articles)) for c in got] == expected


def test_refused_records_go_to_the_chunk_being_filled(tmp_path: Path, records: list[dict[str, str]]) -> None:
    import json

    lines = [json.dumps(r) for r in records[:4]]
    lines.insert(2, "{broken")
    lines.append("{broken again")
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = list(chunks([path], ReadOptions(), 2, warn=lambda w: None))
    assert [(len(c.articles), [p.source for p in c.problems]) for c in got] == [
        (2, []),
        (2, [f"{path}, line 3"]),
        (0, [f"{path}, line 6"]),
    ]


def test_an_unreadable_file_is_one_failure_and_the_others_are_read(tmp_path: Path, records: list) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    good = write_jsonl(tmp_path / "good.jsonl", records[:3])
    (chunk,) = chunks([empty, good], ReadOptions(), 10, warn=lambda w: None)
    assert len(chunk.articles) == 3
    assert [(p.source, p.reason) for p in chunk.problems] == [(str(empty), "is empty")]


def test_inputs_are_described_by_content(tmp_path: Path, records: list) -> None:
    first = describe_inputs([write_jsonl(tmp_path / "c.jsonl", records)])
    again = describe_inputs([tmp_path / "c.jsonl"])
    assert first == again and first[0].records == len(records)
    write_jsonl(tmp_path / "c.jsonl", records[:-1])
    assert describe_inputs([tmp_path / "c.jsonl"])[0].sha256 != first[0].sha256
    with pytest.raises(InputError, match="no such file or folder"):
        describe_inputs([tmp_path / "missing.jsonl"])


def test_a_batch_run_reads_the_named_fields(tmp_path: Path) -> None:
    import io

    from framing.cli import main

    from .conftest import corpus, read_csv

    records = [
        {"ID": r["id"], "source": r["outlet"], "body": r["text"], "topic": r["topic"]} for r in corpus(6)
    ]
    path = write_jsonl(tmp_path / "named.jsonl", records)
    err = io.StringIO()
    args = ["batch", str(path), "--out", str(tmp_path / "out"), "--quiet", "--text-field", "body"]
    assert main([*args, "--id-field", "ID", "--outlet-field", "source"], stderr=err) == 0, err.getvalue()
    rows = read_csv(tmp_path / "out" / "articles.csv")
    assert [(r["id"], r["outlet"]) for r in rows] == [(r["ID"], r["source"]) for r in records]
    assert {r["group"] for r in read_csv(tmp_path / "out" / "groups.csv")} == {r["source"] for r in records}
