"""Every report renders when only some analysers ran: a section whose numbers are
missing says nothing, or a dash, and never stops the report."""

from __future__ import annotations

import json

import pytest

import framing
from framing import ANALYZERS, Article, Settings, compare
from framing.renderers.csv import render_csv_tables
from framing.renderers.html import render_fragment
from framing.renderers.worksheet import render_worksheet

ARTICLES = (
    Article(
        'Rioters stormed the hall. "It was a brutal crackdown," said Mayor Ann Lee. Police said 12 were held.',
        id="one",
        outlet="Daily One",
    ),
    Article(
        "Protesters gathered at the hall on Monday. Officials said the budget was reckless.",
        id="two",
        outlet="Two Weekly",
    ),
)

SELECTIONS = [(name,) for name in ANALYZERS] + [(), tuple(ANALYZERS)[:3]]


@pytest.mark.parametrize("names", SELECTIONS, ids=lambda n: "+".join(n) or "none")
def test_every_output_renders_with_only_some_analysers(names):
    c = compare(ARTICLES, settings=Settings(analyzers=names))
    page = framing.render(c, "html")
    assert page.count('<article class="article"') == 2
    assert "Daily One" in framing.render(c, "md")
    assert [a["label"] for a in json.loads(framing.render(c, "json"))["articles"]] == [
        "Daily One",
        "Two Weekly",
    ]
    assert "Two Weekly" in render_fragment(c)
    assert "Daily One" in render_worksheet(c)
    tables = render_csv_tables(c)
    assert any("Two Weekly" in text for text in tables.values())
