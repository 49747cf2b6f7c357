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


# -- hostile and unusual files: one bad record loses no other ---------------------------


def test_lone_surrogates_are_replaced_with_a_warning_naming_the_record(tmp_path):
    # a JSON \ud800 escape is valid JSON but no character: once accepted, it crashed the
    # output of analyze part way (losing the records after it), compare and the worksheet
    p = tmp_path / "s.jsonl"
    p.write_text(
        '{"text": "Rioters came \\ud800 today.", "outlet": "Bad \\udfff Outlet", "tag": "x\\ud83d"}\n'
        '{"text": "A good record after it."}\n',
        encoding="utf-8",
    )
    articles, problems = collect(p)
    assert [a.text for a in articles] == ["Rioters came \ufffd today.", "A good record after it."]
    assert articles[0].outlet == "Bad \ufffd Outlet" and articles[0].meta["tag"] == "x\ufffd"
    assert len(articles[0].text) == len("Rioters came \ud800 today.")  # offsets stay the same
    assert len(problems) == 1 and isinstance(problems[0], InputWarning)
    assert str(problems[0]).startswith(f"{p}:1: 3 lone surrogates")
    for a in articles:
        json.dumps(a.to_dict(), ensure_ascii=False).encode("utf-8")  # writable as UTF-8


def test_an_article_made_in_code_is_cleaned_too():
    from framing import Article

    with pytest.warns(InputWarning, match="article x: 2 lone surrogates"):
        a = Article("ab\ud800", id="x", title="\udc80")
    assert (a.text, a.title) == ("ab\ufffd", "\ufffd")


@pytest.mark.parametrize("depth, read", [(64, True), (65, False), (5_000, False), (200_000, False)])
def test_deeply_nested_json_is_a_skipped_record(tmp_path, depth, read):
    # 200,000 levels once ended the whole run with Python's RecursionError
    p = tmp_path / "deep.jsonl"
    nested = "[" * (depth - 1) + "]" * (depth - 1)
    p.write_text(f'{{"text": "First.", "extra": {nested}}}\n{{"text": "Second."}}\n', encoding="utf-8")
    articles, problems = collect(p)
    assert [a.text for a in articles] == (["First.", "Second."] if read else ["Second."])
    if not read:
        assert [str(x) for x in problems] == [
            f"{p}, line 1: nests lists or objects more than 64 levels deep, more than framing reads; "
            "flatten the record"
        ]


def test_deeply_nested_json_is_fatal_only_when_strict(tmp_path):
    p = tmp_path / "deep.jsonl"
    p.write_text('{"text": "A.", "x": ' + "[" * 3000 + "]" * 3000 + "}\n", encoding="utf-8")
    with pytest.raises(SkippedRecord, match="line 1: nests"):
        list(read_articles(p, ReadOptions(strict=True)))


@pytest.mark.parametrize("quoted", [True, False])
def test_an_oversized_csv_field_loses_no_other_row_and_names_its_line(tmp_path, monkeypatch, quoted):
    import framing.sources as sources

    monkeypatch.setattr(sources.tables, "_MAX_CSV_FIELD", 1_000)
    big = '"' + 'a line with ""quotes"", commas,\n' * 100 + '"' if quoted else "x" * 3_000
    p = tmp_path / "big.csv"
    p.write_text(
        f'id,text\n1,first\n2,{big}\n3,third\n\n4,"two\nlines"\n5,fifth\n', encoding="utf-8", newline=""
    )
    articles, problems = collect(p)
    # before, the rows after it were lost and the line named was somewhere inside it
    assert [a.id for a in articles] == ["1", "3", "4", "5"]
    assert [str(x) for x in problems] == [
        f"{p}, row 2 (line 3): has a field longer than 1,000 characters, more than framing reads"
    ]
    lines = 101 if quoted else 1
    assert [a.source for a in articles] == [f"{p}:{n}" for n in (2, 3 + lines, 6 + lines, 7 + lines)]


def test_a_csv_line_longer_than_the_limit_is_never_held_whole(tmp_path, monkeypatch):
    import framing.sources as sources

    monkeypatch.setattr(sources.tables, "_MAX_CSV_FIELD", 100)
    p = tmp_path / "long.csv"
    p.write_text("text,outlet\n" + "word," * 500 + "\nshort,X\n", encoding="utf-8")
    articles, problems = collect(p)
    assert [a.text for a in articles] == ["short"]
    assert "row 1 (line 2): has a field longer than 100 characters" in str(problems[0])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("kind", ["txt", "jsonl", "csv"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path, codec, kind):
    # such files (Notepad's "Unicode") are full of NUL bytes: once refused as binary
    text = "Rioters came, \u201cwe will win,\u201d Ana Ruiz said. Caf\xe9 \u2713 \U0001f600"
    content = {
        "txt": text,
        "jsonl": json.dumps({"text": text}, ensure_ascii=False) + "\n" + '{"text": "Two."}\n',
        "csv": f'text\n"{text}"\nTwo.\n',
    }[kind]
    p = tmp_path / f"wide.{kind}"
    p.write_bytes("\ufeff".encode(codec) + content.encode(codec))
    articles, problems = collect(p)
    assert [a.text for a in articles][:1] == [text] and not problems
    assert len(articles) == (1 if kind == "txt" else 2)


@pytest.mark.parametrize("kind", ["txt", "jsonl"])
def test_broken_utf16_and_blank_utf16_are_refused(tmp_path, kind):
    p = tmp_path / f"broken.{kind}"
    p.write_bytes(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    with pytest.raises(InputError, match="UTF-16 byte-order mark but is not valid UTF-16"):
        list(read_articles(p))
    p.write_bytes("\ufeff  \n ".encode("utf-16-le"))
    with pytest.raises(InputError, match="is empty"):
        list(read_articles(p))


def test_a_json_string_may_hold_line_separators(tmp_path):
    # U+2028 and U+0085 may stand raw inside a JSON string; only line feeds and carriage
    # returns end a line
    p = tmp_path / "ls.jsonl"
    p.write_text(
        '{"text": "One\u2028two\x85three."}\r\n{"text": "Four."}\r{"text": "Five."}\n', encoding="utf-8"
    )
    articles, problems = collect(p)
    assert [a.text for a in articles] == ["One\u2028two\x85three.", "Four.", "Five."]
    assert [a.source for a in articles] == [f"{p}:{n}" for n in (1, 2, 3)] and not problems


def test_a_file_that_cannot_be_read_is_one_message(tmp_path, monkeypatch):
    import builtins
    import errno
    import io
    import os

    p = tmp_path / "locked.txt"
    p.write_text("Text.", encoding="utf-8")
    real_open = io.open

    def refuse(path, *args, **kwargs):  # as the system refuses a file that is not yours
        if os.fspath(path) == str(p):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(p))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(io, "open", refuse)
    monkeypatch.setattr(builtins, "open", refuse)
    with pytest.raises(InputError) as info:
        list(read_articles(p))
    assert str(info.value) == f"{p}: cannot be read (Permission denied)"
    (tmp_path / "other.txt").write_text("Other.", encoding="utf-8")
    articles, problems = collect(tmp_path)  # in a folder, it is skipped
    assert [a.id for a in articles] == ["other"]
    assert [str(x) for x in problems] == [f"{p}: cannot be read (Permission denied)"]
