"""DataFrames at the edge, and notebook display."""

import pytest

from framing import UsageError, analyze, compare
from framing.dataframes import TABLES, rows, to_frame

TEXT = 'Rioters brutalized the town. "It was a disgrace," Mayor Ana Ruiz said. Police arrested two men.'


@pytest.fixture(scope="module")
def result():
    return analyze(TEXT)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_has_rows_with_the_article_id(result, table):
    found = list(rows([result], table))
    assert found
    assert all((r.get("article_id") or r.get("id")) == result.article.id for r in found)


def test_findings_rows_slice_back(result):
    for r in rows(result, "findings"):
        assert TEXT[r["start"] : r["end"]] == r["text"]


def test_unknown_table_names_the_choices(result):
    with pytest.raises(UsageError, match="choose from: articles"):
        list(rows(result, "nope"))


def test_to_frame_builds_dataframes(result):
    pytest.importorskip("pandas")
    articles = to_frame(compare([result, analyze("Calm words here.")]))
    assert list(articles["id"]) == [result.article.id, analyze("Calm words here.").article.id]
    assert "loaded.per_1000_own" in articles.columns
    findings = to_frame([result], "findings")
    assert set(findings["analyzer"]) >= {"loaded", "actors", "frames"}
    actors = findings[findings["analyzer"] == "actors"]
    assert set(actors["actor"]) == {a.id for a in result.metrics.actors.actors}
    assert findings[findings["analyzer"] != "actors"]["actor"].isna().all()


def test_notebook_display_is_a_scoped_fragment(result):
    html = result._repr_html_()
    assert html.startswith('<div class="framing-fragment">')
    assert "<script" not in html and "<html" not in html
    assert "brutalized" in html
