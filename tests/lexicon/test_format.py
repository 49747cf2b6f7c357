"""Lexicon files: a bad file is refused with its path, line and problem."""

from pathlib import Path

import pytest

from framing import LexiconError, load_lexicon

HEADER = """# id: my-words
# version: 1.0.0
# kind: loaded-language
# language: en
# license: CC0-1.0
# category.test: Test words | Words for the test.
"""
COLUMNS = "term\tpos\tcategory\tweight\talternative\texplanation\tforms\texclude\n"
GOOD = "brutalize\tverb\ttest\t3\thurt\tSounds violent.\t\t\n"


def write(tmp_path: Path, text: str, name: str = "words.tsv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_good_file_loads(tmp_path):
    lex = load_lexicon(write(tmp_path, HEADER + COLUMNS + GOOD))
    assert (lex.id, lex.version, lex.kind, len(lex)) == ("my-words", "1.0.0", "loaded-language", 1)
    entry = lex.entries[0]
    assert (entry.term, entry.pos, entry.category, entry.weight, entry.line) == (
        "brutalize",
        "verb",
        "test",
        3,
        8,
    )


def test_trailing_empty_columns_may_be_left_out(tmp_path):
    lex = load_lexicon(write(tmp_path, HEADER + COLUMNS + "thug\tnoun\ttest\t2\t\tA label.\n"))
    assert lex.entries[0].forms == ()


@pytest.mark.parametrize(
    "body, line, fragment",
    [
        ("thug\tnoun\tnope\t2\t\tA label.\n", 8, "category 'nope' is not declared"),
        ("thug\tnoun\ttest\t5\t\tA label.\n", 8, "weight '5' must be 1, 2 or 3"),
        ("thug\tthing\ttest\t2\t\tA label.\n", 8, "pos 'thing' is not one of"),
        ("thug\tnoun\ttest\t2\t\t\n", 8, "the 'explanation' column is empty"),
        ("th(u|a)g\tnoun\ttest\t2\t\tA label.\n", 8, "no patterns or wildcards"),
        ("thug\tnoun\ttest\t2\t\tA label.\t\t\textra\n", 8, "stray tab"),
        (GOOD + GOOD, 9, "already listed on line 8"),
        ("\n# a comment\n" + "thug\tnoun\ttest\t2\t\t\n", 10, "explanation"),
    ],
)
def test_bad_entries_name_file_line_and_problem(tmp_path, body, line, fragment):
    path = write(tmp_path, HEADER + COLUMNS + body)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    err = info.value
    assert err.path == str(path) and err.line == line
    assert fragment in str(err)
    assert str(err).startswith(f"{path}:{line}: ")


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "empty or has no header"),
        (HEADER.replace("# version: 1.0.0\n", "") + COLUMNS + GOOD, "missing 'version'"),
        (HEADER.replace("1.0.0", "one") + COLUMNS + GOOD, "must look like 1.0"),
        (HEADER.replace("loaded-language", "mystery") + COLUMNS + GOOD, "kind 'mystery' is unknown"),
        (HEADER + "term\tcategory\n" + "x\ttest\n", "missing columns pos, weight, explanation;"),
        (
            HEADER + COLUMNS.replace("\texplanation", "") + GOOD.replace("\tSounds violent.", ""),
            "missing column explanation;",
        ),
        (HEADER + COLUMNS.replace("\n", "\tmood\n") + GOOD.replace("\n", "\tgrim\n"), "unknown column mood;"),
        (HEADER + COLUMNS, "no entries"),
        (HEADER.replace("my-words", "My Words!") + COLUMNS + GOOD, "must be lowercase"),
    ],
)
def test_bad_files(tmp_path, text, fragment):
    with pytest.raises(LexiconError, match=None) as info:
        load_lexicon(write(tmp_path, text))
    assert fragment in str(info.value)


def test_not_utf8_names_the_line(tmp_path):
    p = tmp_path / "latin.tsv"
    p.write_bytes((HEADER + COLUMNS).encode() + "caf\xe9\tnoun\ttest\t1\t\tx\n".encode("latin-1"))
    with pytest.raises(LexiconError, match=r"latin.tsv:8: not valid UTF-8"):
        load_lexicon(p)


def test_missing_file(tmp_path):
    with pytest.raises(LexiconError, match="no such file"):
        load_lexicon(tmp_path / "nope.tsv")


def test_huge_file_is_refused(tmp_path):
    p = tmp_path / "big.tsv"
    p.write_bytes(b"#" * 6_000_000)
    with pytest.raises(LexiconError, match="limited to"):
        load_lexicon(p)


def test_user_lexicon_adds_findings(tmp_path):
    from framing import Settings, analyze

    path = write(tmp_path, HEADER + COLUMNS + "gizmo\tnoun\ttest\t1\tdevice\tA made-up word.\t\t\n")
    result = analyze("Two gizmos were sold.", settings=Settings(lexicons=(str(path),)))
    loaded = result.findings_in(analyzer="loaded")
    assert [(f.text, f.lexicon_id, f.category) for f in loaded] == [("gizmos", "my-words", "test")]


def test_lines_end_at_line_feeds_only(tmp_path):
    # a U+2028 inside a field once split the line, and the message named the wrong problem
    body = "thug\tnoun\ttest\t2\t\tA label\u2028for a person.\r\nmob\tnoun\ttest\t2\t\tA crowd\x85label.\n"
    lex = load_lexicon(write(tmp_path, HEADER + COLUMNS + body))
    assert [(e.term, e.explanation, e.line) for e in lex.entries] == [
        ("thug", "A label\u2028for a person.", 8),
        ("mob", "A crowd\x85label.", 9),
    ]
    path = write(tmp_path, HEADER + COLUMNS + body + "riot\tnoun\tnope\t2\t\tWith\u2028a break.\n")
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert info.value.line == 10 and "category 'nope' is not declared" in str(info.value)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-32-be"])
def test_a_lexicon_with_a_utf16_or_utf32_byte_order_mark_loads(tmp_path, codec):
    p = tmp_path / "wide.tsv"
    p.write_bytes(("\ufeff" + HEADER + COLUMNS + GOOD).encode(codec))
    assert [e.term for e in load_lexicon(p).entries] == ["brutalize"]
