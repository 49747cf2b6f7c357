"""Hostile and messy input: analysed correctly or refused clearly, in bounded time."""

import json
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import Article, InputError, compare, read_articles, render_html, render_json, render_markdown
from framing.render.csv import render_csv_tables

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&"


def timed(fn, *args, limit=60.0):
    start = time.perf_counter()
    result = fn(*args)
    elapsed = time.perf_counter() - start
    assert elapsed < limit, f"took {elapsed:.1f}s"
    return result


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
        "x" * 1_000_000,
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
    result = timed(pipeline.analyze, text)
    pos = 0
    for v in result.voices:
        assert v.start == pos
        pos = v.end
    assert pos == len(text)
    for f in result.findings:
        assert text[f.start : f.end] == f.text


TEN_MEGABYTES = """
import json, time
from framing import Pipeline
paragraph = (
    'Rioters brutalized the town, officials said. "We will rebuild," Mayor Ana Ruiz said. '
    "The council met on Monday to discuss the budget. "
) * 20
text = "\\n\\n".join(f"Part {i}. {paragraph}" for i in range(3750))  # about 10 MB, no repeats
pipeline = Pipeline()
start = time.perf_counter()
result = pipeline.analyze(text)
elapsed = time.perf_counter() - start
print(json.dumps({"chars": len(text), "seconds": elapsed, "loaded": result.metrics["loaded"]["count"]}))
"""

# Peak resident memory of the process that analyses the 10 MB article. Measured at about
# 1.8 GiB (of which about 0.26 GiB is the interpreter, the libraries and the lexicons,
# as for a one-line article) and 56 s on a 2-core machine; the bound is about twice that,
# so a change that makes memory grow faster than the text fails here.
PEAK_MEMORY_KIB = int(3.5 * 1024 * 1024)


def test_a_ten_megabyte_article_in_bounded_time_and_memory(tmp_path):
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
    assert report["seconds"] < 600, f"took {report['seconds']:.0f}s"
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


ALPHABET = st.characters(blacklist_categories=("Cs",))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=ALPHABET, max_size=500), outlet=st.text(alphabet=ALPHABET, max_size=30))
def test_every_renderer_takes_any_text(text, outlet):
    c = compare([Article(text, id="x", outlet=outlet or None), Article("Rioters came.", id="y")])
    page = render_html(c)
    assert page.count("<script>") == 1
    render_markdown(c)
    json.loads(render_json(c))
    render_csv_tables(c)


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
