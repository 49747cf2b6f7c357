"""Markdown escaping: a backslash only where Markdown would read syntax, and text from
input that reads back as itself, wherever a report puts it (checked with a CommonMark
parser with GitHub's tables and strikethrough)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.renderers.markdown import md_escape

markdown_it = pytest.importorskip("markdown_it")

PARSER = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


@pytest.mark.parametrize(
    "text, escaped",
    [
        ("Photo: (AFP photo)", "Photo: (AFP photo)"),
        ("TF-IDF scores and snake_case_names.", "TF-IDF scores and snake_case_names."),
        ("It cost 1.5 million, up 3.2% (or so)!", "It cost 1.5 million, up 3.2% (or so)!"),
        ("#MeToo and C# are not headings", "#MeToo and C# are not headings"),
        ("AT&T, R&D", "AT&T, R&D"),
        ("# Breaking", "\\# Breaking"),
        ("- a list?", "\\- a list?"),
        ("+ plus", "\\+ plus"),
        ("1. first", "1\\. first"),
        ("2) second", "2\\) second"),
        ("> a quotation", "\\> a quotation"),
        ("a > b", "a \\> b"),
        ("---", "\\---"),
        ("===", "\\==="),
        ("a | b", "a \\| b"),
        ("`code`", "\\`code\\`"),
        ("**bold** and __strong__", "\\*\\*bold\\*\\* and \\_\\_strong\\_\\_"),
        ("[text](http://example.org)", "\\[text](http://example.org)"),
        ("![image](x.png)", "!\\[image](x.png)"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("&lt;b&gt; &#60;", "\\&lt;b\\&gt; \\&#60;"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        ("$x$ and a \\ backslash", "\\$x\\$ and a \\\\ backslash"),
        ("Title ##", "Title \\##"),
        ("many\n\n  lines\tand   spaces", "many lines and spaces"),
    ],
)
def test_escapes_only_what_markdown_reads(text, escaped):
    assert md_escape(text) == escaped


def _inline_text(source, block):
    """The text of the only inline content of ``source``; fails on anything but text."""
    tokens = PARSER.parse(source)
    inline = [t for t in tokens if t.type == "inline"]
    assert [t.type for t in tokens if t.type not in ("inline",)] == block, source
    return "".join(inline_text(t) for t in inline)


def inline_text(token):
    kinds = {c.type for c in token.children or []}
    assert kinds <= {"text"}, (token.content, kinds)
    return "".join(c.content for c in token.children or [])


MARKDOWN_CHARS = "\\`*_{}[]()<>#+-.!|$~&;:=/\"'"
texts = st.text(alphabet=st.sampled_from(MARKDOWN_CHARS + "aZ19 \n\t"), min_size=1, max_size=40).filter(
    lambda t: t.strip()
)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_any_text_reads_back_as_itself_in_a_paragraph(text):
    plain = " ".join(text.split())
    assert _inline_text(md_escape(text) + "\n", ["paragraph_open", "paragraph_close"]) == plain


@settings(max_examples=200, deadline=None)
@given(texts)
def test_any_text_reads_back_as_itself_after_a_paragraph_line(text):
    # the text starts a line below another: no setext heading, list or quotation begins
    tokens = PARSER.parse("Some words.\n" + md_escape(text) + "\n")
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert "".join(c.content for c in tokens[1].children if c.type == "text") == "Some words." + " ".join(
        text.split()
    )


@settings(max_examples=200, deadline=None)
@given(texts)
def test_any_text_reads_back_as_itself_in_a_heading(text):
    plain = " ".join(text.split())
    assert _inline_text("## " + md_escape(text) + "\n", ["heading_open", "heading_close"]) == plain


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_any_text_stays_in_its_table_cell(left, right):
    source = f"| A | B |\n|---|---|\n| {md_escape(left)} | {md_escape(right)} |\n"
    tokens = PARSER.parse(source)
    cells = [t for t in tokens if t.type == "inline"]
    assert len(cells) == 4, source  # two header cells and two body cells: no cell split or lost
    assert [inline_text(c) for c in cells[2:]] == [" ".join(left.split()), " ".join(right.split())]
