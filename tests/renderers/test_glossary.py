"""The glossary: one plain label and one line of explanation per technical term, used by
every renderer that shows the term."""

from __future__ import annotations

import html
import re

import pytest
from markupsafe import escape

from framing import Article, compare
from framing.lexicon import builtin_lexicons
from framing.renderers import glossary
from framing.renderers.html import render_html
from framing.renderers.markdown import render_markdown
from framing.renderers.worksheet import render_worksheet

#: Written for these tests: loaded words, a hedge, an agentless passive, a nominalisation,
#: a vague source, a verb of saying that casts doubt, and a frame.
ARTICLES = [
    Article(
        "Thugs stormed the hall, and shots were fired. The crackdown may continue, critics say. "
        'Officials claimed the raids were lawful.\n\n"This is a brutal, chaotic mess," said Mayor Ana Ruiz.',
        id="one",
        outlet="Daily One",
    ),
    Article(
        "Protesters gathered at the hall. Police said 12 people were arrested after the deployment. "
        "The governor clearly said the budget would be cut.",
        id="two",
        outlet="Two Weekly",
    ),
]

#: Words a reader of the report should not meet outside the "For researchers" block.
JARGON = (
    "factive",
    "nominalis",
    "agentless",
    "hidden actor",
    "furniture",
    "dirichlet",
    "log-odds",
    "z-score",
    "pejorative",
    "derogatory",
    "epistemic",
    "flesch",
    "jurisprudence",
    "presuppos",
    "booster",
)


@pytest.fixture(scope="module")
def comparison():
    return compare(ARTICLES)


def test_every_entry_is_complete_and_one_line():
    assert glossary.GLOSSARY
    for (area, key), t in glossary.GLOSSARY.items():
        assert area in glossary.AREAS, (area, key)
        for value in (t.plain, t.explain, t.technical, t.reason):
            assert value.strip() and "\n" not in value, (area, key)
        assert len(t.explain) <= 130, (area, key, len(t.explain))
        assert t.explain.endswith("."), (area, key)
    assert sum(1 for _ in glossary.entries()) == len(glossary.GLOSSARY)


@pytest.mark.parametrize(
    "lexicon, area",
    [
        ("loaded-language", "loaded"),
        ("epistemic", "epistemic"),
        ("frames", "frame"),
        ("cue-verbs", "cue"),
        ("concept-sets", "connotation"),
    ],
)
def test_every_category_a_report_can_show_has_a_plain_label(lexicon, area):
    for category in builtin_lexicons()[lexicon].categories:
        assert glossary.term(area, category) is not None, (lexicon, category)


@pytest.mark.parametrize(
    "layer, category, default, expected",
    [
        ("loaded", "partisan_label", "Partisan or pejorative label", "Name-calling"),
        ("epistemic", "nominalisation", "Hidden actor", "Action as a thing"),
        ("frames", "legality", "Legality, constitutionality and jurisprudence", "Law and courts"),
        (
            "labels",
            "asylum-seekers",
            "People who fled their home country",
            "People who fled their home country",
        ),
        ("loaded", "a-user-category", "A user's own label", "A user's own label"),
    ],
)
def test_category_labels_fall_back_to_the_lexicons_own(layer, category, default, expected):
    assert glossary.category_plain(layer, category, default) == expected


def _reader_text(page: str) -> str:
    """What a reader of the HTML sees or gets on hover, without the researchers' block."""
    page = re.sub(r"<(style|script)>.*?</\1>", "", page, flags=re.S)
    page = re.sub(r'<details class="researchers".*?</details>', "", page, flags=re.S)
    page = re.sub(r"<footer>.*?</footer>", "", page, flags=re.S)
    tips = " ".join(re.findall(r'(?:title|data-tip)="([^"]*)"', page))
    return html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + tips).casefold()


def test_the_html_report_speaks_plainly_and_keeps_the_technical_names(comparison):
    page = render_html(comparison)
    reader = _reader_text(page)
    for word in JARGON:
        assert word not in reader, word
    # the plain labels are there, each with its explanation on hover and focus
    for area, key in [("layer", "epistemic"), ("measure", "reading_ease"), ("voice", "furniture")]:
        t = glossary.term(area, key)
        assert t is not None and t.plain.casefold() in reader
    summary = page.split('<h2 id="summary">')[1].split("</table>")[0]
    t = glossary.term("measure", "main_frame")
    assert t is not None
    assert f'<abbr class="gl" tabindex="0" title="{escape(t.explain)}">{t.plain}</abbr>' in summary
    # the researchers' block names every term technically
    researchers = page.split('<details class="researchers"')[1].split("</details>")[0]
    for t in glossary.entries():
        assert str(escape(t.technical)) in researchers, t.key


def test_markdown_and_worksheet_use_the_same_plain_labels(comparison):
    md = render_markdown(comparison).casefold()
    sheet = render_worksheet(comparison).casefold()
    for word in ("factive", "agentless", "nominalis", "z-score", "pejorative", "derogatory"):
        assert word not in md, word
        assert word not in sheet, word
    kinds = {f.category for a in comparison.articles for f in a.findings if f.analyzer == "loaded"}
    assert kinds
    for kind in kinds:
        assert glossary.plain("loaded", kind).casefold() in md, kind
    assert glossary.plain("epistemic", "hedge").casefold() in md
