"""Checking a lexicon file names every problem in it, not only the first."""

import io
from pathlib import Path

import pytest

from framing import LexiconError, load_lexicon
from framing.cli import main

from .test_format import COLUMNS, GOOD, HEADER

# one bad line of each kind, among good ones (the header and column line are lines 1-7)
BAD = [
    ("thug\tnoun\tnope\t2\t\tA label.\n", "category 'nope' is not declared"),
    (GOOD, None),
    ("mob\tnoun\ttest\t5\t\tA label.\n", "weight '5' must be 1, 2 or 3"),
    ("riot\tthing\ttest\t2\t\tA label.\n", "pos 'thing' is not one of"),
    ("radical\tadj\ttest\t2\t\tA label.\t\t\textra\n", "stray tab"),
    (GOOD, "already listed on line 9"),
    ("slam\tverb\ttest\t2\t\t\n", "the 'explanation' column is empty"),
]


def write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "words.tsv"
    p.write_text(HEADER + COLUMNS + body, encoding="utf-8")
    return p


def expected(path: Path) -> list[tuple[int, str]]:
    return [(8 + i, fragment) for i, (_, fragment) in enumerate(BAD) if fragment]


def test_loading_raises_one_error_carrying_every_problem(tmp_path):
    path = write(tmp_path, "".join(line for line, _ in BAD))
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    problems = info.value.problems
    assert sorted((p.line, p.path) for p in problems) == [(line, str(path)) for line, _ in expected(path)]
    for problem in problems:
        fragment = dict(expected(path))[problem.line]
        assert fragment in str(problem)
    # the message is the first problem's, and says there are more
    assert str(info.value).startswith(f"{path}:") and "and 5 more problems" in str(info.value)


def test_one_problem_is_told_as_it_was(tmp_path):
    path = write(tmp_path, GOOD + "mob\tnoun\ttest\t5\t\tA label.\n")
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert str(info.value) == f"{path}:9: weight '5' must be 1, 2 or 3" and info.value.problems == (
        info.value,
    )


def test_every_header_problem_is_named_at_once(tmp_path):
    p = tmp_path / "h.tsv"
    p.write_text(
        "# id: Bad Id\n# version: one\n# kind: loaded-language\nterm\tcategory\nx\ty\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError) as info:
        load_lexicon(p)
    told = [str(x) for x in info.value.problems]
    assert len(told) == 3
    assert "header is missing 'language', 'license'" in told[0]
    assert "id 'Bad Id' must be" in told[1] and "version 'one' must look like" in told[2]


def test_lexicon_check_lists_every_problem_with_file_and_line(tmp_path):
    path = write(tmp_path, "".join(line for line, _ in BAD))
    good = tmp_path / "good.tsv"
    good.write_text(HEADER + COLUMNS + GOOD, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["lexicon", "check", str(path), str(good)], stdout=out, stderr=err)
    assert code == 1
    lines = err.getvalue().splitlines()
    assert len(lines) == 6
    for line, (number, fragment) in zip(
        sorted(lines, key=lambda s: int(s.split(":")[3])), expected(path), strict=True
    ):
        assert line.startswith(f"framing: error: {path}:{number}: ") and fragment in line
    assert out.getvalue().splitlines() == [
        f"{path}: 6 problems",
        f"{good}: ok: loaded-language lexicon 'my-words' version 1.0.0, 1 entry",
    ]


def test_a_good_file_checks_with_exit_code_zero(tmp_path):
    good = tmp_path / "good.tsv"
    good.write_text(HEADER + COLUMNS + GOOD + "thug\tnoun\ttest\t2\t\tA label.\n", encoding="utf-8")
    out = io.StringIO()
    assert main(["lexicon", "check", str(good)], stdout=out, stderr=io.StringIO()) == 0
    assert out.getvalue() == f"{good}: ok: loaded-language lexicon 'my-words' version 1.0.0, 2 entries\n"
