"""What an analysis and a comparison show in a notebook cell."""

import pytest

import framing
from framing.notebook import html


@pytest.fixture(scope="module")
def analyses(pipeline):
    return [
        pipeline.analyze(framing.Article("Rioters brutalized the town.", id="a", outlet="The Gazette")),
        pipeline.analyze(framing.Article('"Calm," the mayor said.', id="b", outlet="The Courier")),
    ]


def test_a_comparison_shows_every_article_in_a_scoped_fragment(analyses):
    shown = framing.compare(analyses)._repr_html_()
    assert shown == html(framing.compare(analyses))
    assert shown.startswith('<div class="framing-fragment">') and "<script" not in shown
    assert "The Gazette" in shown and "The Courier" in shown and "brutalized" in shown


def test_an_analysis_shows_itself_as_a_comparison_of_one(analyses):
    assert analyses[0]._repr_html_() == html(framing.compare(analyses[:1]))


def test_only_analyses_and_comparisons_are_drawn():
    with pytest.raises(TypeError, match="not str"):
        html("Rioters brutalized the town.")


def test_as_text_an_analysis_and_a_comparison_are_one_line(analyses):
    formatters = pytest.importorskip("IPython.core.formatters")
    comparison = framing.compare(analyses)
    shown = [formatters.DisplayFormatter().format(r)[0]["text/plain"] for r in (comparison, analyses[0])]
    findings = len(analyses[0].findings)
    assert findings > 1  # brutalized, and what the other analysers find
    assert shown == [
        "<Comparison of 2 articles: The Gazette, The Courier>",
        f"<ArticleAnalysis of The Gazette: {findings} findings>",
    ]
