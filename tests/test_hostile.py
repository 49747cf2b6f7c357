"""Hostile and messy input: analysed correctly or refused clearly, and every output
format valid for it. (How the work grows with the size of such texts is counted in
tests/test_growth.py; this file asserts no time.)"""

import csv
import io
import json
import re
import warnings
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import (
    Article,
    InputError,
    InputWarning,
    compare,
    read_articles,
    render_html,
    render_json,
    render_markdown,
    render_worksheet,
)
from framing.renderers.csv import render_csv_tables

from .conftest import REPO

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&"


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01 NUL bytes \x00 inside text \x00",
        "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 right-to-left \u202e reversed \u202c text",
        'Emoji \U0001f600\U0001f1fa\U0001f1f8 and \u200d joiners \U0001f468\u200d\U0001f469\u200d\U0001f467 "quoted" \U0001f4a5',
        '"' * 5000,
        '"a" "' * 2000,
        "\u201c" * 3000 + "\u201d" * 10,
        "word " * 200_000,
        pytest.param("x" * 1_000_000, marks=pytest.mark.slow),  # one word of a million letters
        "\r\n\r\n\t\t   \u00a0\u2028\u2029",
        "".join(chr(c) for c in range(0x20, 0x3000, 7)),
        "said " * 4000,
        '"."' * 20000,
        "Ana, who said, " * 4000,
        "Dana Bash and Mr Bash " * 8000,
    ],
    ids=[
        "nul",
        "rtl",
        "emoji",
        "quotes",
        "pairs",
        "curly",
        "many-words",
        "one-line",
        "spaces",
        "unicode-range",
        "run-on-cues",
        "tiny-quotations",
        "relative-clauses",
        "loaded-names",
    ],
)
def test_strange_texts_are_analysed(pipeline, text):
    result = pipeline.analyze(text)
    pos = 0
    for v in result.voices:
        assert v.start == pos
        pos = v.end
    assert pos == len(text)
    for f in result.findings:
        assert text[f.start : f.end] == f.text


TEN_MEGABYTES = """
import json
from framing import Pipeline
paragraph = (
    'Rioters brutalized the town, officials said. "We will rebuild," Mayor Ana Ruiz said. '
    "The council met on Monday to discuss the budget. "
) * 20
text = "\\n\\n".join(f"Part {i}. {paragraph}" for i in range(3750))  # about 10 MB, no repeats
pipeline = Pipeline()
result = pipeline.analyze(text)
print(json.dumps({"chars": len(text), "loaded": result.metrics.loaded.count}))
"""

# Peak resident memory of the process that analyses the 10 MB article. Measured at about
# 1.8 GiB (of which about 0.26 GiB is the interpreter, the libraries and the lexicons,
# as for a one-line article); the bound is about twice that, so a change that makes
# memory grow faster than the text fails here. (Its time is a benchmark's business:
# benchmarks/input_shapes.py.)
PEAK_MEMORY_KIB = int(3.5 * 1024 * 1024)


@pytest.mark.slow
def test_a_ten_megabyte_article_in_bounded_memory(tmp_path):
    import os
    import subprocess
    import sys

    # os.wait4 gives this child's own resource use (getrusage(RUSAGE_CHILDREN) would give
    # the largest peak of every child this test process has run); ru_maxrss is in KiB on Linux
    with open(tmp_path / "stderr.txt", "w") as stderr:
        proc = subprocess.Popen([sys.executable, "-c", TEN_MEGABYTES], stdout=subprocess.PIPE, stderr=stderr)
        assert proc.stdout is not None
        with proc.stdout:
            out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, (tmp_path / "stderr.txt").read_text()[-2000:]
    report = json.loads(out)
    assert report["chars"] > 9_000_000
    assert report["loaded"] > 1000
    peak = usage.ru_maxrss
    assert peak < PEAK_MEMORY_KIB, f"peak memory {peak / 1024**2:.2f} GiB for a 10 MB article"


def test_hostile_strings_are_escaped_in_every_report():
    article = Article(
        f'{HOSTILE} Rioters came. "{HOSTILE}" {HOSTILE} said.',
        id=HOSTILE,
        outlet=HOSTILE,
        title=HOSTILE,
        url=HOSTILE,
    )
    c = compare([article, Article("Calm words.", outlet=f"{HOSTILE}2")])
    page = render_html(c)
    assert "<script>alert(1)" not in page and "onerror=alert" not in page.replace("onerror=alert(2)&gt;", "")
    assert "<img src=x" not in page
    md = render_markdown(c)
    assert not re.search(r"(?<!\\)<", md), "every < from input is escaped in Markdown"
    data = json.loads(render_json(c))
    assert data["articles"][0]["article"]["outlet"] == HOSTILE  # JSON keeps the value, safely encoded
    for csv_text in render_csv_tables(c).values():
        assert isinstance(csv_text, str)


def test_csv_with_a_huge_field(tmp_path):
    p = tmp_path / "big.csv"
    p.write_text("id,text\n1," + '"' + "word " * 400_000 + '"' + "\n2,short text\n", encoding="utf-8")
    articles = list(read_articles(p))
    assert [a.id for a in articles] == ["1", "2"]


def test_jsonl_with_broken_lines(tmp_path):
    p = tmp_path / "broken.jsonl"
    p.write_bytes(b'{"text": "ok one"}\n{"text": "unterminated\n\xff\xfe garbage\n{"text": "ok two"}\n')
    problems = []
    articles = list(read_articles(p, on_problem=problems.append))
    assert [a.text for a in articles] == ["ok one", "ok two"]
    assert len(problems) >= 2


def test_a_binary_file_is_refused(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    with pytest.raises(InputError, match="binary"):
        list(read_articles(p))


# -- every output format, for generated hostile articles and metadata -------------------

#: Pieces that have broken, or could break, some output: template and math syntax,
#: markup, escapes, table separators, lone surrogates, odd spaces, numbers.
FRAGMENTS = [
    "$",
    "$5",
    "$\\alpha$",
    "$\\frac{$",
    "\\",
    "\\\\n",
    "{",
    "}",
    "{{ c }}",
    "{% raw %}",
    "%s",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><svg onload=alert(3)>',
    "]]>",
    "<!--",
    "&amp;",
    "&#0;",
    "|",
    "`",
    "*_#",
    "\n",
    "\r\n",
    "\t",
    "\x00",
    "\x0b",
    "\u2028",
    "\ud800",
    "\udfff",
    "\u202e",
    "\ufeff",
    "\u201c",
    "\u00bb",
    '"',
    "'",
    "=cmd|' /C calc'!A0",
    "1,350",
    "2.5",
    "40%",
    "NaN",
    "-0",
]
hostile = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), min_size=1, max_size=6).map(
    "".join
)
long_name = st.sampled_from(["x" * 5_000, "Ana Ruiz " * 600, "$" * 3_001])
name = st.one_of(hostile, long_name)
SENTENCES = [
    "Rioters brutalized the town on Tuesday, officials said.",
    '"We will not back down," Mayor Ana Ruiz said.',
    "The council cut 1,350 jobs and 2.5 percent of the budget.",
    "According to a senior official, the so-called reform was a disaster.",
    "Police clashed with protesters; several people were arrested.",
]


@st.composite
def hostile_records(draw):
    """Records as a JSON Lines file or a form gives them: every field may be hostile."""
    records = []
    for n in range(draw(st.integers(1, 3))):
        number = draw(st.sampled_from(["", " 4,400", " 17.5%", " 1e9"]))
        title = draw(name) + number  # a number the body does not give
        body = [
            draw(st.sampled_from(SENTENCES)) + " " + draw(hostile) for _ in range(draw(st.integers(1, 4)))
        ]
        record = {
            "text": title + "\n\n" + "\n\n".join(body),
            "id": draw(name) + f"-{n}",
            "outlet": draw(st.one_of(st.none(), name)),
            "title": title,
            "date": draw(st.one_of(st.none(), hostile)),
            "url": draw(st.one_of(st.none(), hostile, st.just("javascript:alert(1)"))),
        }
        record.update(draw(st.dictionaries(hostile, st.one_of(hostile, long_name), max_size=2)))
        records.append(record)
    return records


class _Tags(HTMLParser):
    """The elements and attributes of a page, as a browser's parser meets them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.update(name for name, _ in attrs)


def _tags(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


#: The elements framing's own templates and renderers write; anything else came from input.
OUR_TAGS = {
    tag.lower()
    for folder in ("renderers", "batch")
    for template in (REPO / "framing" / folder / "templates").glob("*.j2")
    for tag in re.findall(r"<([A-Za-z][A-Za-z0-9]*)", template.read_text(encoding="utf-8"))
} | {"mark", "span"}  # written by framing/renderers/html.py


def test_the_tags_allowed_are_read_from_the_templates():
    assert {"article", "section", "script", "table", "figure"} <= OUR_TAGS


def _valid_html(page: str, scripts: int) -> None:
    page.encode("utf-8")  # no lone surrogate: the page can be written
    parsed = _tags(page)
    assert set(parsed.tags) <= OUR_TAGS, set(parsed.tags) - OUR_TAGS
    assert not any(a.startswith("on") for a in parsed.attributes), parsed.attributes
    assert parsed.tags.count("script") == scripts


def _cells(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line)) - 1


def _valid_markdown(md: str) -> None:
    md.encode("utf-8")
    assert not re.search(r"(?<!\\)<", md), "every < from input is escaped"
    assert not re.search(r"(?<!\\)\$", md), "every $ from input is escaped"
    table: list[str] = []
    for line in [*md.splitlines(), ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:  # every row of a table has as many cells as its header
            assert {_cells(row) for row in table} == {_cells(table[0])}, table
        table = []


def _valid_csv(text: str) -> None:
    rows = list(csv.reader(io.StringIO(text)))
    assert rows and {len(r) for r in rows} == {len(rows[0])}


@pytest.fixture(scope="module")
def batch_spec():
    pytest.importorskip("pyarrow")
    from framing.batch.run import prepare

    return prepare(None, group_by="outlet", text_field="text", chunk_size=10, jobs=1)


def _summary(articles, pipeline, spec):
    from framing.batch.aggregate import Aggregate
    from framing.batch.summary import build_summary, render_summary_html
    from framing.batch.worker import ArticleResult, analyze_one

    aggregate = Aggregate()
    for index, article in enumerate(articles):
        result = analyze_one(pipeline, spec, article)
        assert isinstance(result, ArticleResult), result
        aggregate.add({**result.row, "index": index}, result.findings)
    totals = {"articles": len(articles), "findings": 0, "input_errors": 0, "analysis_errors": 0, "chunks": 1}
    provenance = {
        "pipeline": pipeline.provenance(),
        "inputs": {"paths": [a.id for a in articles], "files": len(articles), "bytes": 1, "sha256": "0" * 64},
        "chunk_size": 10,
    }
    summary = build_summary(aggregate, group_by="outlet", totals=totals, provenance=provenance)
    json.dumps(summary, ensure_ascii=False).encode("utf-8")
    return render_summary_html(summary)


@pytest.mark.slow  # property test over many generated articles, every format: about 30 s
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(records=hostile_records())
def test_every_output_format_is_valid_for_hostile_articles_and_metadata(records, batch_spec):
    from framing.sources import article_from_record

    pipeline, _, spec = batch_spec
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)  # lone surrogates, replaced with a warning
        articles = [article_from_record(r, default_id=f"r{n}") for n, r in enumerate(records)]
    c = compare(articles, pipeline=pipeline)
    _valid_html(render_html(c), scripts=1)
    _valid_html(render_worksheet(c), scripts=0)
    _valid_markdown(render_markdown(c))
    data = json.loads(render_json(c))
    assert [a["article"]["outlet"] for a in data["articles"]] == [a.outlet for a in articles]
    for name, text in render_csv_tables(c).items():
        if name.endswith(".csv"):
            _valid_csv(text)
    _valid_html(_summary(articles, pipeline, spec), scripts=0)
    assert not any("\ufffd" in str(r.values()) for r in records) or any(
        "\ufffd" in a.text + str(a.to_dict()) for a in articles
    )


SAVED_PAGE = b"""<?xml version="1.0"?>
<!DOCTYPE html SYSTEM "http://198.51.100.1/evil.dtd" [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<html><head><title>Headline</title><base href="http://198.51.100.1/">
<link rel="stylesheet" href="http://198.51.100.1/s.css"><script src="http://198.51.100.1/a.js"></script></head>
<body><article><h1>Headline</h1><p>%s</p><img src="http://198.51.100.1/i.png">
<iframe src="http://198.51.100.1/f"></iframe><script>document.write("INJECTED")</script></article></body></html>
""" % (b"Rioters came to the town on Monday, officials said. &secret; " * 20)


def test_a_saved_page_is_read_without_fetching_or_expanding_anything(monkeypatch):
    pytest.importorskip("trafilatura")
    import socket

    from framing.sources.html import read_html

    attempts = []

    def connect(self, address):
        attempts.append(address)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", connect)
    article = read_html(SAVED_PAGE, source="page.html")
    assert attempts == []
    assert "Rioters came to the town" in article.text
    assert "&secret;" in article.text  # the entity is left as written, never read from the file
    assert "INJECTED" not in article.text
