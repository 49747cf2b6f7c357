"""Reading records: the fields that hold the text and the metadata, the standard input,
and the records skipped for one reason told once."""

import csv
import io
import json

import pytest

from framing import InputError, InputWarning, ReadOptions, SkippedRecord, read_articles
from framing.sources import ProblemTally
from framing.sources.records import likely_text_field

RECORDS = [
    {
        "ID": "a1",
        "source": "Daily A",
        "headline": "Storm hits",
        "published": "2024-05-01",
        "body": "One text.",
    },
    {
        "ID": "b2",
        "source": "Daily B",
        "headline": "Rain falls",
        "published": "2024-05-02",
        "body": "Two text.",
    },
]
NAMED = ReadOptions(
    text_field="body", id_field="ID", outlet_field="source", title_field="headline", date_field="published"
)


def write(tmp_path, kind, records):
    if kind == "jsonl":
        p = tmp_path / "r.jsonl"
        p.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    elif kind == "csv":
        p = tmp_path / "r.csv"
        with open(p, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(records[0]))
            w.writeheader()
            w.writerows(records)
    else:
        pa = pytest.importorskip("pyarrow")
        import pyarrow.parquet as pq

        p = tmp_path / "r.parquet"
        pq.write_table(pa.Table.from_pylist(records), p)
    return p


def collect(paths, options=None):
    problems = []
    articles = list(read_articles(paths, options, on_problem=problems.append))
    return articles, problems


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_the_metadata_fields_can_be_named(tmp_path, kind):
    articles, problems = collect(write(tmp_path, kind, RECORDS), NAMED)
    assert [(a.id, a.outlet, a.title, a.date, a.text) for a in articles] == [
        ("a1", "Daily A", "Storm hits", "2024-05-01", "One text."),
        ("b2", "Daily B", "Rain falls", "2024-05-02", "Two text."),
    ]
    # the named fields became the metadata; nothing is kept twice in meta
    assert all("ID" not in a.meta and "source" not in a.meta for a in articles)
    assert problems == []


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_without_the_options_the_fields_stay_in_meta(tmp_path, kind):
    articles, _ = collect(write(tmp_path, kind, RECORDS), ReadOptions(text_field="body"))
    assert [a.id for a in articles] == ["r:1", "r:2"] and articles[0].outlet is None
    assert articles[0].meta["source"] == "Daily A"


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_a_table_without_a_named_column_is_refused(tmp_path, kind):
    p = write(tmp_path, kind, RECORDS)
    with pytest.raises(InputError, match=r"has no 'outlet_name' column for --outlet-field \(columns: ID, "):
        list(read_articles(p, ReadOptions(text_field="body", outlet_field="outlet_name")))


def test_a_jsonl_field_no_record_has_is_one_warning(tmp_path):
    p = write(tmp_path, "jsonl", RECORDS)
    articles, problems = collect(p, ReadOptions(text_field="body", id_field="Id"))
    assert [a.id for a in articles] == ["r:1", "r:2"]
    assert [str(x) for x in problems] == [f"{p}: no record has the field 'Id' named by --id-field"]
    assert isinstance(problems[0], InputWarning)


@pytest.mark.parametrize(
    "lengths, wanted, expected",
    [
        ({"title": 40, "content_original": 9000, "url": 0}, "text", "content_original"),
        ({"title": 40, "content_original": 9000}, "content", "content_original"),  # a close name
        ({"texts": 10, "article": 9000}, "text", "texts"),  # a close name wins over the longest
        ({"id": 0, "url": 0}, "text", None),  # nothing that holds words
        ({}, "text", None),
    ],
)
def test_the_likely_text_field(lengths, wanted, expected):
    assert likely_text_field(lengths, wanted) == expected


def test_a_jsonl_file_whose_records_all_lack_the_text_is_one_error(tmp_path):
    p = tmp_path / "all.jsonl"
    p.write_text(
        "".join(
            json.dumps(
                {"ID": str(n), "title": "A short title", "content_original": "Many words of text. " * 20}
            )
            + "\n"
            for n in range(2356)
        ),
        encoding="utf-8",
    )
    problems = []
    with pytest.raises(InputError) as info:
        list(read_articles(p, on_problem=problems.append))
    assert (
        str(info.value) == f"{p}: all 2,356 records lack 'text'; did you mean --text-field content_original?"
    )


@pytest.mark.parametrize(
    "kind, content, message",
    [
        ("jsonl", '{"text": ""}\n{"text": "  "}\n', "all 2 records have an empty 'text'"),
        ("jsonl", '{"body": "x y"}\n', "its one record lacks 'text'; did you mean --text-field body?"),
        ("csv", "id,text\n1,\n2,\n3,\n", "all 3 rows have an empty 'text'"),
    ],
)
def test_files_without_any_text_are_refused_in_one_message(tmp_path, kind, content, message):
    p = tmp_path / f"none.{kind}"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(read_articles(p, on_problem=lambda problem: None))
    assert str(info.value) == f"{p}: {message}"


def test_a_csv_without_the_text_column_names_the_likely_one(tmp_path):
    p = tmp_path / "f.csv"
    p.write_text(
        'id,headline,story\n1,Short one,"A long story of many words, told here."\n', encoding="utf-8"
    )
    with pytest.raises(
        InputError,
        match=r"has no 'text' column \(columns: id, headline, story\); did you mean --text-field story\?",
    ):
        list(read_articles(p))


def test_the_tally_tells_records_skipped_for_one_reason_once(tmp_path):
    p = tmp_path / "some.jsonl"
    lines = []
    for n in range(1, 21):
        lines.append(json.dumps({"text": f"Article {n}."} if n % 3 else {"body": "no text here"}))
    lines[9] = "{broken"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    passed = []
    tally = ProblemTally(passed.append)
    articles = list(read_articles(p, on_problem=tally))
    told = [str(x) for x in tally.summaries()]
    assert len(articles) == 13 and passed == []
    assert told == [
        f"{p}: 6 records lack 'text' (lines 3, 6, 9, 12, 15 and 1 more); they are skipped",
        f"{p}, line 10: is not valid JSON (Expecting property name enclosed in double quotes at column 2)",
    ]
    assert list(tally.summaries()) == []  # told once


def test_the_tally_passes_warnings_and_untallied_problems_on():
    passed = []
    tally = ProblemTally(passed.append)
    warning = InputWarning("a caveat")
    untallied = SkippedRecord("cannot be read", source="f.txt")
    tally(warning)
    tally(untallied)
    tally(
        SkippedRecord(
            "its 'text' field is empty", source="a.csv", record="row 2 (line 3)", kind="have an empty 'text'"
        )
    )
    tally(
        SkippedRecord(
            "its 'text' field is empty", source="a.csv", record="row 4 (line 5)", kind="have an empty 'text'"
        )
    )
    tally(
        SkippedRecord(
            "its 'text' field is empty", source="b.csv", record="row 1 (line 2)", kind="have an empty 'text'"
        )
    )
    assert passed == [warning, untallied]
    assert [str(x) for x in tally.summaries()] == [
        "a.csv: 2 records have an empty 'text' (lines 3, 5); they are skipped",
        "b.csv, row 1 (line 2): its 'text' field is empty",
    ]


def test_one_article_from_the_standard_input():
    (article,) = read_articles(
        "-", ReadOptions(title_from_first_line=True), stdin=io.BytesIO("Héadline\n\nBody.".encode())
    )
    assert (article.id, article.title, article.text, article.source) == (
        "stdin",
        "Héadline",
        "Héadline\n\nBody.",
        "the standard input",
    )


def test_an_empty_standard_input_is_refused():
    with pytest.raises(InputError, match="the standard input: is empty"):
        list(read_articles(["-"], stdin=io.BytesIO(b"  \n")))


def test_default_options_keep_the_key_batch_runs_were_made_with():
    # a batch run's fingerprint holds the read options: the new fields are left out unless named
    assert ReadOptions().key() == {"text_field": "text", "title_from_first_line": False, "strict": False}
    assert ReadOptions(id_field="ID").key()["id_field"] == "ID"
