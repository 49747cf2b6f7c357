"""Where quotations open and close."""

import pytest

from framing import Article

from ..conftest import MULTI_PARAGRAPH_QUOTE, NESTED, UNBALANCED


def quotes(pipeline, text):
    doc = pipeline.segment(Article(text))
    return [(doc.text[q.start : q.end], q.closed) for q in doc.quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"One," he said. "Two."', [('"One,"', True), ('"Two."', True)]),
        ("\u201cCurly,\u201d she said.", [("\u201cCurly,\u201d", True)]),
        ('He called it "a mess" and left.', [('"a mess"', True)]),
        (NESTED, [("\"She told me 'go home' and I did,\"", True)]),
        ('A 6" blade and "a knife" were found.', [('"a knife"', True)]),
        ("No quotes at all.", []),
    ],
)
def test_quote_spans(pipeline, text, expected):
    found = quotes(pipeline, text)
    assert [(t.replace("\u201c", '"').replace("\u201d", '"'), c) for t, c in found] == [
        (t.replace("\u201c", '"').replace("\u201d", '"'), c) for t, c in expected
    ]


def test_quote_over_two_paragraphs(pipeline):
    found = quotes(pipeline, MULTI_PARAGRAPH_QUOTE)
    assert len(found) == 1
    text, closed = found[0]
    assert text.startswith('"This is the first') and text.endswith('ends here,"')
    assert closed


def test_unclosed_quote_ends_with_its_paragraph(pipeline):
    found = quotes(pipeline, UNBALANCED)
    assert found == [('"this never closes.', False)]
    result = pipeline.analyze(UNBALANCED)
    assert result.voice_at(UNBALANCED.index("next paragraph")).voice == "narration"


def test_thousands_of_stray_marks_do_not_swallow_the_text(pipeline):
    text = "Plain words. " + '" ' * 3000 + "\n\nThe end is narration and brutal."
    result = pipeline.analyze(text)
    brutal = [f for f in result.findings if f.text == "brutal"]
    assert brutal and brutal[0].voice == "narration"
