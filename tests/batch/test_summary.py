"""The corpus summary: small, deterministic, self-contained HTML with everything escaped."""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path

import pytest

from framing.batch import run_batch

from .conftest import corpus, write_jsonl

pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("summary")
    run_batch(write_jsonl(folder / "c.jsonl", corpus(12)), folder / "out", chunk_size=5)
    return folder / "out"


def test_the_html_escapes_titles_and_outlets(out: Path) -> None:
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; News" in html
    assert "&lt;script&gt;alert(&#39;t2&#39;)&lt;/script&gt;" in html


def test_the_html_is_offline_with_a_content_security_policy(out: Path) -> None:
    html = (out / "summary.html").read_text(encoding="utf-8")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp is not None
    policy = html_module.unescape(csp.group(1))
    assert "default-src 'none'" in policy and "script-src" not in policy and "connect-src" not in policy
    assert not re.search(r'(src|href)="(?!data:|#|https://example\.org/)', html)
    assert 'src="data:image/svg+xml;base64,' in html


def test_the_summary_compares_the_groups(out: Path) -> None:
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["format"] == "framing.batch.summary/1" and summary["group_by"] == "outlet"
    assert summary["totals"] == {
        "analysis_errors": 0,
        "articles": 12,
        "chunks": 3,
        "findings": summary["corpus"]["row"]["findings"],
        "groups": 3,
        "input_errors": 0,
    }
    assert sum(g["row"]["articles"] for g in summary["groups"]) == 12
    assert all(len(g["sample"]) == 4 for g in summary["groups"])
    lexicons = {lex["id"] for lex in summary["provenance"]["pipeline"]["lexicons"]}
    assert "loaded-language" in lexicons


def test_the_summary_is_the_same_every_time(out: Path, tmp_path: Path) -> None:
    run_batch(out.parent / "c.jsonl", tmp_path / "again", chunk_size=5)
    for name in ("summary.json", "summary.html"):
        assert (out / name).read_bytes() == (tmp_path / "again" / name).read_bytes()


def test_group_rates_on_few_words_are_marked(out: Path) -> None:
    # the short test corpus has fewer than 100 quoted words in every group
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    html = (out / "summary.html").read_text(encoding="utf-8")
    few = [
        (g["row"][f"loaded_{v}"], g["row"][f"loaded_{v}_words"])
        for g in summary["groups"]
        for v in ("own", "quoted", "reported")
        if 0 < g["row"][f"loaded_{v}_words"] < 100
    ]
    assert few
    for count, words in few:
        assert f"({count} in {words} words)" in html
    assert html.count("&dagger;</abbr>") == len(few) + sum(
        0 < summary["corpus"]["row"][f"loaded_{v}_words"] < 100 for v in ("own", "quoted", "reported")
    )
    assert "fewer than 100 words in that voice" in html


def test_the_chart_draws_group_rates_on_few_words_hatched_with_their_words(out: Path) -> None:
    import base64

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    page = (out / "summary.html").read_text(encoding="utf-8")
    chart = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert chart is not None
    svg = base64.b64decode(chart.group(1)).decode("utf-8")
    few = [
        g["row"][f"loaded_{v}_words"]
        for g in summary["groups"]
        for v in ("own", "quoted", "reported")
        if 0 < g["row"][f"loaded_{v}_words"] < 100 and g["row"][f"loaded_{v}"]
    ]
    assert few
    for words in few:
        assert f"{words} words" in svg
    assert "<pattern" in svg and "Pale and hatched" in svg
    assert "A pale, hatched bar" in page


@pytest.mark.parametrize("outlet", ["$\\frac{$", "Cost $5 vs $\\alpha"])
def test_dollar_signs_in_a_group_name_are_text_in_the_chart(tmp_path: Path, outlet: str) -> None:
    # invalid mathtext in an outlet crashed the summary after a whole run
    import base64

    records = corpus(4)
    records[0]["outlet"] = outlet
    run_batch(write_jsonl(tmp_path / "c.jsonl", records), tmp_path / "out", chunk_size=5)
    page = (tmp_path / "out" / "summary.html").read_text(encoding="utf-8")
    chart = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert chart is not None and outlet in base64.b64decode(chart.group(1)).decode("utf-8")
