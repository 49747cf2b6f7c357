"""framing.sources.html: a saved web page in, its article out."""

from __future__ import annotations

import sys

import pytest

from framing import Pipeline
from framing.errors import InputError, InputWarning, MissingDependency
from framing.sources.html import read_html

pytest.importorskip("trafilatura", reason="reading HTML needs the serve extra (trafilatura)")

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Troops leave Los Angeles | The Web Gazette</title>
<meta property="og:site_name" content="The Web Gazette"><meta property="og:title" content="Troops leave Los Angeles">
<meta property="article:published_time" content="2025-07-16T10:00:00Z">
<link rel="canonical" href="https://gazette.example/troops"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Troops leave Los Angeles</h1>
<p>The Pentagon said on Tuesday that 1,350 more troops would leave the city, ending a mission that critics
called a reckless overreach by the administration.</p>
<p>"This is rampant lawlessness," said Sean Parnell, the Pentagon's chief spokesman, speaking to reporters.</p>
<p>Caf\u00e9 owners on the street said they were relieved.</p>
</article><footer>Copyright 2025 The Web Gazette. All rights reserved.</footer></body></html>"""


def test_reads_title_outlet_date_url_and_main_text():
    article = read_html(PAGE.encode("utf-8"), source="troops.html")
    assert article.title == "Troops leave Los Angeles"
    assert article.outlet == "The Web Gazette"
    assert article.date == "2025-07-16"
    assert article.url == "https://gazette.example/troops"
    assert article.id == "troops" and article.source == "troops.html"
    assert article.text.startswith("Troops leave Los Angeles\n\nThe Pentagon said")
    assert "rampant lawlessness" in article.text and "Café" in article.text
    assert "Home" not in article.text and "All rights reserved" not in article.text


def test_the_title_is_read_as_the_headline_and_the_quote_as_a_quote():
    result = Pipeline().analyze(read_html(PAGE.encode("utf-8"), source="troops.html"))
    assert any(v.voice == "headline" for v in result.voices)
    quoted = [f for f in result.findings if f.analyzer == "loaded" and "lawlessness" in f.text]
    assert quoted and quoted[0].voice == "quote" and quoted[0].speaker == "Sean Parnell"


def test_windows_1252_is_read_with_a_warning():
    seen: list[InputWarning] = []
    article = read_html(
        PAGE.replace('<meta charset="utf-8">', "").encode("cp1252"), source="old.html", warn=seen.append
    )
    assert "Café" in article.text
    assert seen and "old.html: not valid UTF-8" in str(seen[0])


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "page.html: is empty"),
        (b" \n\t", "page.html: is empty"),
        (b"\x00\x01\x02\x03<html>", "page.html: looks like a binary file"),
        (
            b"<html><head><title>T</title></head><body><script>var a;</script></body></html>",
            "holds no article text",
        ),
    ],
)
def test_refusals(data, expected):
    with pytest.raises(InputError, match=expected):
        read_html(data, source="page.html")


def test_without_trafilatura_the_message_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(MissingDependency, match=r'pip install "\.\[serve\]" in the framing folder'):
        read_html(PAGE.encode("utf-8"), source="troops.html")


def test_reading_a_page_fetches_nothing(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("reading a page tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert read_html(PAGE.encode("utf-8"), source="troops.html").outlet == "The Web Gazette"


def test_a_folder_of_saved_pages_is_read_and_the_manifest_wins(tmp_path):
    from framing import read_articles

    (tmp_path / "troops.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Plain text article.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,outlet\ntroops.html,Gazette (print)\n", encoding="utf-8")
    page, plain = sorted(read_articles(tmp_path), key=lambda a: a.id, reverse=True)
    assert page.id == "troops" and page.outlet == "Gazette (print)"
    assert page.title == "Troops leave Los Angeles" and page.date == "2025-07-16"
    assert page.url == "https://gazette.example/troops"
    assert "rampant lawlessness" in page.text and "Home" not in page.text
    assert plain.id == "notes" and plain.outlet is None


def test_an_empty_saved_page_in_a_folder_is_skipped_with_its_name(tmp_path):
    from framing import read_articles

    (tmp_path / "empty.html").write_text(
        "<html><body><script>var x = 1;</script><div></div></body></html>", encoding="utf-8"
    )
    (tmp_path / "ok.txt").write_text("Plain text article.", encoding="utf-8")
    problems = []
    (article,) = read_articles(tmp_path, on_problem=problems.append)
    assert article.id == "ok"
    assert any("empty.html" in str(p) and "no article text" in str(p) for p in problems)
