"""Reading input: files, folders, JSONL and CSV, and clear refusals."""

import gzip
import json

import pytest

from framing import InputError, InputWarning, ReadOptions, SkippedRecord, read_articles


def collect(paths, options=None):
    problems = []
    articles = list(read_articles(paths, options, on_problem=problems.append))
    return articles, problems


def test_text_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Headline here\n\nBody text.", encoding="utf-8")
    (article,) = read_articles(p)
    assert article.id == "a" and article.text == "Headline here\n\nBody text." and article.title is None


def test_title_from_first_line_keeps_the_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("\n  Headline here\n\nBody text.", encoding="utf-8")
    (article,) = read_articles(p, ReadOptions(title_from_first_line=True))
    assert article.title == "Headline here"
    assert article.text == "\n  Headline here\n\nBody text."


def test_folder_with_manifest(tmp_path):
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("My Title\nFirst.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,id,outlet,title_from_first_line,notes\na.txt,one,The Gazette,yes,a note\n", encoding="utf-8"
    )
    articles, problems = collect(tmp_path)
    assert [(a.id, a.outlet, a.title) for a in articles] == [
        ("one", "The Gazette", "My Title"),
        ("b", None, None),
    ]
    assert articles[0].meta == {"notes": "a note"}
    assert problems == []


def test_jsonl_with_bad_lines_skips_them(tmp_path):
    p = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "One.", "outlet": "A", "lean": "left"}),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"body": "no text field"}),
        "",
        json.dumps({"text": "Two."}),
    ]
    p.write_text("\n".join(lines), encoding="utf-8")
    articles, problems = collect(p)
    assert [(a.id, a.text) for a in articles] == [("x1", "One."), ("c:6", "Two.")]
    assert articles[0].meta == {"lean": "left"}
    reasons = [str(x) for x in problems]
    assert reasons[0].startswith(f"{p}, line 2: is not valid JSON")
    assert "line 3: is a JSON list" in reasons[1]
    assert "line 4: has no 'text' field (fields: body)" in reasons[2]
    assert all(isinstance(x, SkippedRecord) for x in problems)


def test_strict_mode_stops_at_the_first_bad_record(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "One."}\n{oops\n', encoding="utf-8")
    with pytest.raises(SkippedRecord, match="line 2: is not valid JSON"):
        list(read_articles(p, ReadOptions(strict=True)))


def test_gzipped_jsonl(tmp_path):
    p = tmp_path / "d.jsonl.gz"
    p.write_bytes(gzip.compress(b'{"text": "Zipped."}\n'))
    (article,) = read_articles(p)
    assert article.text == "Zipped." and article.id == "d:1"


def test_csv_with_text_field_and_metadata(tmp_path):
    p = tmp_path / "e.csv"
    p.write_text('id,outlet,content\n1,A,"First, with a comma."\n2,B,\n', encoding="utf-8")
    articles, problems = collect(p, ReadOptions(text_field="content"))
    assert [(a.id, a.outlet, a.text) for a in articles] == [("1", "A", "First, with a comma.")]
    assert "row 2 (line 3): its 'content' value is empty" in str(problems[0])


def test_csv_without_the_text_column_is_refused(tmp_path):
    p = tmp_path / "f.csv"
    p.write_text("id,body\n1,x\n", encoding="utf-8")
    with pytest.raises(
        InputError,
        match=r"f.csv: has no 'text' column \(columns: id, body\); name the text column with --text-field",
    ):
        list(read_articles(p))


@pytest.mark.parametrize(
    "name, data, fragment",
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"   \n\n", "is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "looks like a binary file"),
        ("page.pdf", b"%PDF-1.4 hello", "extension framing does not read"),
    ],
)
def test_bad_single_files_are_refused(tmp_path, name, data, fragment):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError) as info:
        list(read_articles(p))
    assert str(info.value).startswith(f"{p}: ") and fragment in str(info.value)


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        list(read_articles(tmp_path / "nope"))


def test_in_a_folder_bad_files_are_skipped(tmp_path):
    (tmp_path / "good.txt").write_text("Fine.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    articles, problems = collect(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert any("empty.txt: is empty" in str(p) for p in problems)
    assert any("image.png: skipped" in str(p) for p in problems)


def test_undecodable_bytes_fall_back_with_a_warning(tmp_path):
    p = tmp_path / "w.txt"
    p.write_bytes("Caf\xe9 \u201csmart\u201d".encode("cp1252"))
    articles, problems = collect(p)
    assert articles[0].text == "Caf\xe9 \u201csmart\u201d"
    assert len(problems) == 1 and isinstance(problems[0], InputWarning)
    assert "not valid UTF-8" in str(problems[0]) and "read as cp1252" in str(problems[0])


def test_default_problem_report_is_a_warning(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "One."}\n{oops\n', encoding="utf-8")
    with pytest.warns(InputWarning, match="line 2"):
        assert len(list(read_articles(p))) == 1


def test_utf8_bom_is_dropped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffHello.".encode())
    (article,) = read_articles(p)
    assert article.text == "Hello."
