"""The command line, called as main([...])."""

import io
import json
import re

import pytest

from framing.cli import main

from .conftest import SEEDS


def run(args):
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_compare_writes_every_format(tmp_path):
    for name in ("r.html", "r.md", "r.json"):
        code, _, err = run(["compare", str(SEEDS), "-o", str(tmp_path / name)])
        assert code == 0, err
        assert (tmp_path / name).stat().st_size > 1000
        assert "wrote" in err
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 4


def test_format_flag_and_stdout():
    code, out, _ = run(["compare", str(SEEDS / "000_1ce06a2a0543f3ad.txt"), "--format", "md"])
    assert code == 0 and out.startswith("# How these articles frame the story")


def test_unknown_extension_is_a_usage_error(tmp_path):
    code, _, err = run(["compare", str(SEEDS), "-o", str(tmp_path / "r.docx")])
    assert code == 2 and "cannot tell the format" in err


def test_missing_input_is_one_clear_line(tmp_path):
    code, out, err = run(["compare", str(tmp_path / "nope")])
    assert code == 1 and out == ""
    assert err.strip() == f"framing: error: {tmp_path / 'nope'}: no such file or folder"


def test_bad_records_are_reported_and_skipped(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"text": "Rioters brutalized it."}\n{bad\n', encoding="utf-8")
    code, out, err = run(["analyze", str(p), "--no-text"])
    assert code == 0
    assert "framing: skipped:" in err and "line 2" in err
    rows = [json.loads(line) for line in out.splitlines()]
    assert "brutalized" in [f["text"] for f in rows[0]["findings"]]


def test_strict_makes_bad_records_fatal(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"text": "Fine."}\n{bad\n', encoding="utf-8")
    code, _, err = run(["analyze", str(p), "--strict"])
    assert code == 1 and "line 2" in err


def test_lexicon_check_reports_file_and_line(tmp_path):
    p = tmp_path / "bad.tsv"
    p.write_text(
        "# id: x\n# version: 1.0\n# kind: loaded-language\n# language: en\n# license: MIT\n"
        "# category.a: A | a\nterm\tpos\tcategory\tweight\texplanation\nthug\tnoun\tb\t1\tx\n",
        encoding="utf-8",
    )
    code, _, err = run(["lexicon", "check", str(p)])
    assert code == 1 and f"{p}:8: category 'b' is not declared" in err


def test_list_reads_the_registries():
    code, out, _ = run(["list"])
    assert code == 0
    for name in ("loaded", "readability", "tone", "loaded-language", "html", "json"):
        assert name in out
    # each heading is named as its argument is ("framing list analyzers")
    assert out.startswith("analyzers:\n")


def test_python_dash_m(tmp_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "framing", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("framing ")


def test_csv_format_writes_a_folder_of_tables(tmp_path):
    folder = tmp_path / "tables"
    code, out, err = run(["compare", str(SEEDS), "--format", "csv", "-o", str(folder)])
    assert code == 0 and out == "", err
    names = {p.name for p in folder.iterdir()}
    assert {"articles.csv", "findings.csv"} <= names
    import csv

    with open(folder / "articles.csv", encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == 4
    assert f"CSV tables of 4 articles to {folder}" in err


def test_csv_format_needs_a_folder():
    code, _, err = run(["compare", str(SEEDS), "--format", "csv"])
    assert code == 2 and "-o FOLDER" in err


def test_worksheet_is_written_beside_the_report(tmp_path):
    sheet = tmp_path / "sheet.html"
    code, _, err = run(["compare", str(SEEDS), "-o", str(tmp_path / "r.md"), "--worksheet", str(sheet)])
    assert code == 0, err
    page = sheet.read_text(encoding="utf-8")
    assert page.count("<h2>Article ") == 4 and "Answer key" in page
    assert (tmp_path / "r.md").exists() and "wrote the worksheet" in err


def test_worksheet_in_a_missing_folder_is_refused_before_any_work(tmp_path):
    code, _, err = run(["compare", str(SEEDS), "--worksheet", str(tmp_path / "no" / "sheet.html")])
    assert code == 1 and "the folder for the report does not exist" in err


def test_serve_refuses_a_bad_port():
    pytest.importorskip("flask", reason="the web page needs the serve extra (flask)")
    code, _, err = run(["serve", "--port", "70000", "--no-browser"])
    assert code == 2 and "70000" in err


def test_serve_without_flask_names_the_extra(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_werkzeug(name, *args, **kwargs):
        if name.startswith(("werkzeug", "flask")):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_werkzeug)
    code, _, err = run(["serve", "--no-browser"])
    assert code == 1 and 'pip install ".[serve]" in the framing folder' in err


def test_group_by_names_the_column_for_distinctive_words(tmp_path):
    data = tmp_path / "a.jsonl"
    rows = [
        {"text": "Illegal aliens crossed the border. Illegal aliens again.", "outlet": "X", "lean": "right"},
        {
            "text": "Undocumented immigrants crossed. Undocumented immigrants again.",
            "outlet": "Y",
            "lean": "left",
        },
        {"text": "Illegal aliens were seen. Illegal aliens everywhere.", "outlet": "Z", "lean": "right"},
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, out, err = run(["compare", str(data), "--format", "json", "--group-by", "lean"])
    assert code == 0, err
    dist = json.loads(out)["charts"]["distinctive_terms"]
    assert dist["group_by"] == "lean" and set(dist["groups"]) == {"left", "right"}


def test_sample_sets_how_many_articles_the_html_report_shows(tmp_path):
    code, _, err = run(["compare", str(SEEDS), "--sample", "2", "-o", str(tmp_path / "r.html")])
    assert code == 0, err
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<article class="article" id="a-\d+"', html)) == 2
    assert 'role="note"' in html
    code, _, _ = run(["compare", str(SEEDS), "-o", str(tmp_path / "all.html")])
    html = (tmp_path / "all.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<article class="article" id="a-\d+"', html)) == 4


@pytest.mark.parametrize("value", ["0", "-3", "two"])
def test_sample_must_be_a_whole_number_of_one_or_more(value):
    code, _, err = run(["compare", str(SEEDS), "--sample", value, "--format", "md"])
    assert code == 2 and "--sample" in err and "whole number of 1 or more" in err


def test_learned_loaded_adds_the_models_guesses_only_when_asked(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text(
        "The mayor unveiled a sweeping, reckless plan, and critics slammed the outrageous scheme.\n",
        encoding="utf-8",
    )

    def report(*flags):
        code, out, err = run(["compare", str(text), "--format", "json", *flags])
        assert code == 0, err
        return json.loads(out)

    plain, learned = report(), report("--learned-loaded")
    assert "learned_loaded" not in plain["provenance"]["settings"]
    assert learned["provenance"]["settings"]["learned_loaded"] is True
    assert "model" not in plain["provenance"]["analyzers"]["loaded"]
    assert learned["provenance"]["analyzers"]["loaded"]["model"].startswith("framing")


# -- hostile input and a disk that says no: one line, and nothing half-written ----------

SURROGATES = (
    '{"text": "Rioters came \\ud800 to the town.", "outlet": "Odd \\udfff"}\n{"text": "A good record."}\n'
)


def test_analyze_writes_every_record_of_a_file_with_lone_surrogates(tmp_path):
    # a \ud800 escape once stopped the output part way, losing the good record after it
    p = tmp_path / "s.jsonl"
    p.write_text(SURROGATES, encoding="utf-8")
    code, out, err = run(["analyze", str(p)])
    assert code == 0
    lines = out.splitlines()
    assert [json.loads(line)["article"]["outlet"] for line in lines] == ["Odd \ufffd", None]
    out.encode("utf-8")
    assert (
        err
        == f"framing: warning: {p}:1: 2 lone surrogates (half of a UTF-16 pair, as a JSON \\ud800 escape gives), which no text file can hold, replaced with U+FFFD (\ufffd)\n"
    )


@pytest.mark.parametrize("name", ["r.html", "r.md", "r.json", "sheet.html"])
def test_compare_and_the_worksheet_take_lone_surrogates(tmp_path, name):
    p = tmp_path / "s.jsonl"
    p.write_text(SURROGATES, encoding="utf-8")
    args = ["compare", str(p), "-o", str(tmp_path / name)]
    if name == "sheet.html":
        args = ["compare", str(p), "-o", str(tmp_path / "r.html"), "--worksheet", str(tmp_path / name)]
    code, _, err = run(args)
    assert code == 0, err
    assert "Odd \ufffd" in (tmp_path / name).read_text(encoding="utf-8")


def test_deeply_nested_jsonl_is_a_skipped_record_not_a_traceback(tmp_path):
    p = tmp_path / "deep.jsonl"
    p.write_text(
        '{"text": "A.", "x": ' + "[" * 100_000 + "]" * 100_000 + '}\n{"text": "B."}\n', encoding="utf-8"
    )
    code, out, err = run(["analyze", str(p)])
    assert code == 0 and len(out.splitlines()) == 1
    assert (
        err
        == f"framing: skipped: {p}, line 1: nests lists or objects more than 64 levels deep, more than framing reads; flatten the record\n"
    )


def test_a_full_disk_is_one_line_and_leaves_the_old_report(tmp_path, monkeypatch):
    from .test_files import full_disk

    report = tmp_path / "r.html"
    report.write_text("yesterday's report", encoding="utf-8")
    full_disk(monkeypatch)
    code, _, err = run(["compare", str(SEEDS / "000_1ce06a2a0543f3ad.txt"), "-o", str(report)])
    assert code == 1
    assert err == (
        f"framing: error: cannot write {report}: No space left on device; free some space on that disk, "
        "or write somewhere else\n"
    )
    assert report.read_text(encoding="utf-8") == "yesterday's report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


@pytest.mark.skipif(not __import__("os").path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("command", ["analyze", "compare"])
def test_standard_output_on_a_full_disk_is_one_line(command):
    err = io.StringIO()
    with open("/dev/full", "w", encoding="utf-8") as full:
        code = main([command, str(SEEDS / "000_1ce06a2a0543f3ad.txt")], stdout=full, stderr=err)
    assert code == 1
    assert err.getvalue() == (
        "framing: error: cannot write /dev/full: No space left on device; free some space on that disk, "
        "or write somewhere else\n"
    )


def run_with_stdin(args, data):
    out, err = io.StringIO(), io.StringIO()
    code = main(args, stdout=out, stderr=err, stdin=io.BytesIO(data))
    return code, out.getvalue(), err.getvalue()


def test_analyze_reads_the_article_from_standard_input():
    code, out, err = run_with_stdin(["analyze", "-", "--no-text"], b"Rioters brutalized the town.")
    assert code == 0, err
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["article"]["id"] == "stdin" and "brutalized" in [f["text"] for f in row["findings"]]


def test_compare_takes_the_standard_input_beside_files(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said the plan was sound.", encoding="utf-8")
    code, out, err = run_with_stdin(
        ["compare", str(tmp_path / "a.txt"), "-", "--format", "json"], b"Rioters brutalized the town."
    )
    assert code == 0, err
    assert [a["article"]["id"] for a in json.loads(out)["articles"]] == ["a", "stdin"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["analyze", "-", "-"], "framing: error: the standard input (-) can be read once: name it once"),
        (
            ["batch", "-", "--out", "o"],
            "framing: error: framing batch reads files and folders, not the standard input (-)",
        ),
    ],
)
def test_the_standard_input_is_refused_where_it_cannot_be_read(args, message):
    code, _, err = run_with_stdin(args, b"Text.")
    assert code == 2 and err.strip() == message


def test_the_help_says_dash_is_the_standard_input():
    for command in ("analyze", "compare"):
        code, out, _ = run([command, "--help"])
        assert code == 0 and "- reads one article's text from the standard input" in " ".join(out.split())


def test_named_fields_of_a_news_dataset(tmp_path):
    # shaped like article_bias: ID, source and the text in content_original
    p = tmp_path / "bias.jsonl"
    records = [
        {"ID": "x1", "source": "Daily A", "title": "One", "content_original": "Rioters brutalized the town."},
        {
            "ID": "y2",
            "source": "Daily B",
            "title": "Two",
            "content_original": "Officials said the plan was sound.",
        },
    ]
    p.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code, out, err = run(
        [
            "compare",
            "--text-field",
            "content_original",
            "--id-field",
            "ID",
            "--outlet-field",
            "source",
            str(p),
            "--format",
            "json",
        ]
    )
    assert code == 0, err
    assert [(a["article"]["id"], a["article"]["outlet"]) for a in json.loads(out)["articles"]] == [
        ("x1", "Daily A"),
        ("y2", "Daily B"),
    ]
    code, _, err = run(["compare", "--text-field", "content", str(p)])
    assert code == 1
    assert (
        err.strip()
        == f"framing: error: {p}: all 2 records lack 'content'; did you mean --text-field content_original?"
    )


def test_records_skipped_for_one_reason_are_one_line(tmp_path):
    p = tmp_path / "some.jsonl"
    p.write_text(
        "".join(
            json.dumps({"text": "Rioters came."} if n % 2 else {"body": "a b"}) + "\n" for n in range(1, 41)
        ),
        encoding="utf-8",
    )
    code, out, err = run(["analyze", str(p), "--no-text"])
    assert code == 0 and len(out.splitlines()) == 20
    assert err.splitlines() == [
        f"framing: skipped: {p}: 20 records lack 'text' (lines 2, 4, 6, 8, 10 and 15 more); they are skipped"
    ]


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as stderr is when a person runs framing."""

    def isatty(self):
        return True


def _folder_of(folder, n):
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"a{i}.txt").write_text(f"Officials said plan {i} was sound.", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "articles, flags, terminal, shown",
    [
        (6, [], True, True),
        (6, ["--quiet"], True, False),
        (6, [], False, False),  # stderr is a file or a pipe
        (5, [], True, False),  # a few articles need no bar
    ],
)
def test_compare_shows_progress_on_a_terminal_for_many_articles(tmp_path, articles, flags, terminal, shown):
    out, err = io.StringIO(), (Terminal() if terminal else io.StringIO())
    folder = _folder_of(tmp_path / "in", articles)
    code = main(
        ["compare", str(folder), "--format", "json", "--analyzers", "loaded", *flags], stdout=out, stderr=err
    )
    assert code == 0, err.getvalue()
    assert bool(re.search(rf"framing compare: \d/{articles} articles", err.getvalue())) is shown
    assert json.loads(out.getvalue())["articles"]  # the report itself is untouched by the bar


def test_ctrl_c_is_one_line_and_exit_code_130(tmp_path, monkeypatch):
    from framing.pipeline import Pipeline

    def interrupted(self, item):
        raise KeyboardInterrupt

    monkeypatch.setattr(Pipeline, "analyze", interrupted)
    err = Terminal()
    code = main(["compare", str(_folder_of(tmp_path, 8))], stdout=io.StringIO(), stderr=err)
    assert code == 130
    # the bar's line is cleared and one message is left
    assert err.getvalue().split("\r")[-1] == "framing: interrupted\n"


def test_ctrl_c_in_a_batch_run_is_told_once(tmp_path, monkeypatch):
    pytest.importorskip("pyarrow")
    from framing.pipeline import Pipeline

    calls = []
    analyze = Pipeline.analyze

    def interrupted(self, item):
        calls.append(item)
        if len(calls) > 4:  # the first chunks go through
            raise KeyboardInterrupt
        return analyze(self, item)

    monkeypatch.setattr(Pipeline, "analyze", interrupted)
    err = io.StringIO()
    code = main(
        [
            "batch",
            str(_folder_of(tmp_path / "in", 6)),
            "--out",
            str(tmp_path / "out"),
            "--chunk-size",
            "2",
        ],
        stderr=err,
    )
    assert code == 130
    done = json.loads((tmp_path / "out" / "state.json").read_text(encoding="utf-8"))["chunks_done"]
    assert done >= 1  # what was finished is kept
    assert err.getvalue().splitlines() == [
        f"framing: interrupted: {done} chunk{'' if done == 1 else 's'} {'is' if done == 1 else 'are'} written in "
        f"{tmp_path / 'out'}; run the same command again to resume"
    ]


def test_worker_processes_leave_ctrl_c_to_the_run(monkeypatch):
    import signal

    from framing.batch import worker

    monkeypatch.setattr(
        worker, "pipeline_for", lambda spec: type("P", (), {"analyze": lambda self, a: None})()
    )
    before = signal.getsignal(signal.SIGINT)
    try:
        worker.init_process(None)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)
        worker._SPEC = None
