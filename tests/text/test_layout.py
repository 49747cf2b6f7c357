"""Page furniture and headlines in scraped text."""

import pytest

from framing import Article
from framing.text.layout import analyse_layout
from framing.text.normalize import normalize


def kinds(text: str, title: str | None = None) -> dict[str, str]:
    """Each paragraph's text -> 'role/kind', plus inline furniture as 'inline/kind'."""
    norm = normalize(text).text
    layout = analyse_layout(norm, title)
    out = {norm[b.start : b.end]: f"{b.role}/{b.kind}" for b in layout.paragraphs}
    out.update({norm[b.start : b.end].strip(): f"inline/{b.kind}" for b in layout.inline})
    return out


BODY = "The council voted on Monday to approve the budget after a long debate about housing."
BODY2 = "Members said the vote was close, and several promised to revisit the plan next year."


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Protesters gather outside city hall. \u00a9 Jane Roe / Reuters", "furniture/caption"),
        ("Photo: John Smith/Getty Images", "furniture/caption"),
        ("Cover photo: Jane Roe / AFP", "furniture/caption"),
        ("Council members listen during the vote. Jane Roe/Associated Press", "furniture/caption"),
        ("READ MORE: How the budget works", "furniture/teaser"),
        ("Related stories:", "furniture/teaser"),
        ("Comments", "furniture/trailer"),
        ("Share this article", "furniture/trailer"),
        ("Advertisement", "furniture/trailer"),
    ],
)
def test_whole_line_furniture(line, expected):
    text = f"{BODY}\n\n{line}\n\n{BODY2}"
    assert kinds(text)[line] == expected
    assert kinds(text)[BODY] == "body/text"


def test_related_story_teasers_shown_twice():
    teaser = "Mayor unveils a furious plan for the harbor"
    text = f"{BODY}\n\n{teaser}\nCity Hall {teaser}\nSecond story about parks\nParks Second story about parks\n\n{BODY2}"
    k = kinds(text)
    assert k[teaser] == "furniture/teaser"
    assert k[f"City Hall {teaser}"] == "furniture/teaser"
    assert k["Parks Second story about parks"] == "furniture/teaser"
    assert k[BODY2] == "body/text"


def test_header_title_subtitle_byline_date_and_label():
    text = (
        "Budget Passes After Long Night\n\n"
        "    Local News\n\n"
        "    The council approved the plan by one vote. Critics promise a fight.\n\n"
        "    Sam Okafor\n\n"
        "    March 3, 2024\n\n"
        f"    {BODY}\n\n"
        "    What Happens Next\n\n"
        f"    {BODY2}\n\n"
        "    Sam Okafor\n\n"
        "    Sam is a reporter covering city hall for the Gazette.\n\n"
        "    Discussion"
    )
    k = kinds(text, title="Budget Passes After Long Night")
    assert k["Budget Passes After Long Night"] == "headline/title"
    assert k["Local News"] == "furniture/label"
    assert k["The council approved the plan by one vote. Critics promise a fight."] == "headline/subtitle"
    assert k["Sam Okafor"] == "furniture/byline"
    assert k["March 3, 2024"] == "furniture/date"
    assert k["What Happens Next"] == "headline/subheading"
    assert k["Sam is a reporter covering city hall for the Gazette."] == "furniture/bio"
    assert k["Discussion"] == "furniture/trailer"
    assert k[BODY] == "body/text"


def test_inline_more_teaser_ends_before_the_next_quote():
    text = (
        "The agency confirmed the plan. MORE: Officials weigh a new harbor fee "
        '"We are ready," the director said.'
    )
    k = kinds(text)
    assert k["MORE: Officials weigh a new harbor fee"] == "inline/teaser"


def test_dateline_at_the_start():
    text = f"WASHINGTON (AP) \u2014 {BODY}\n\n{BODY2}"
    k = kinds(text)
    assert k["WASHINGTON (AP) \u2014"] == "inline/dateline"


def test_duplicate_paragraph_is_furniture():
    text = f"{BODY}\n\n{BODY}\n\n{BODY2}"
    norm = normalize(text).text
    paras = analyse_layout(norm).paragraphs
    assert [b.kind for b in paras] == ["text", "duplicate", "text"]


def test_prose_without_furniture_stays_body():
    text = f"{BODY}\n{BODY2}\nIt was, one member said, a long night."
    assert set(kinds(text).values()) == {"body/text"}


def test_hard_wrapped_lines_join_into_one_paragraph():
    text = "The council voted on Monday to approve\nthe budget after a long debate.\n\nNext paragraph here."
    paras = analyse_layout(normalize(text).text).paragraphs
    assert len(paras) == 2


def test_furniture_is_never_scored(pipeline):
    text = f"{BODY}\n\nPhoto: Rioters brutalize a chaotic mob / Reuters\n\n{BODY2}"
    result = pipeline.analyze(Article(text))
    assert result.findings_in(analyzer="loaded") == []
    assert any(f.kind == "caption" for f in result.furniture)
