"""An article's view holds each analyser's typed metrics, and the renderers read them as
attributes: a view built by hand, with numbers written for the test, renders those
numbers; a view whose analysers did not run renders dashes."""

from __future__ import annotations

import dataclasses

import pytest

from framing import Article, compare, render_markdown
from framing.metrics import (
    ActorRow,
    ByVoiceGroup,
    Cast,
    Evidence,
    FramesMetrics,
    LoadedMetrics,
    Portrayal,
    ReadabilityMetrics,
    RoleDecision,
    SourcingMetrics,
    ToneMetrics,
)
from framing.metrics.actors import ActorTone
from framing.renderers import glossary
from framing.renderers._format import rate_text, voice_rate
from framing.renderers.html import render_fragment, render_html
from framing.renderers.worksheet import worksheet_questions

A = Article('"We will rebuild," Mayor Ana Ruiz said. Rioters stormed the hall.', id="a", outlet="Daily A")
B = Article('"No," Bo Tate said. Protesters marched to the hall.', id="b", outlet="Daily B")


@pytest.fixture(scope="module")
def comparison():
    return compare([A, B])


def evidence(role: str, reason: str, *, negated: bool = False) -> Evidence:
    return Evidence(0, 4, "mob", "own", None, role, "agent", "harm", 3, negated, reason)


def actor(**changes) -> ActorRow:
    own = Cast(
        "own",
        None,
        "villain",
        0.9,
        "rules",
        "villain",
        None,
        (
            evidence("villain", "Zed Quill is the agent of 'wrecked'"),
            evidence("villain", "denied", negated=True),
        ),
    )
    row = ActorRow(
        id="name:zed_quill",
        name="Zed Quill",
        kind="person",
        mentions=ByVoiceGroup(own=3, quoted=1, reported=1),
        aliases={"Quill": 3},
        linked={"he": 2},
        speaks_words=0,
        tone=ActorTone(),
        quoted_by={},
        does=(),
        done_to=(),
        evaluations=(),
        portrayal=Portrayal(own, (), RoleDecision("neutral", 0.0, "none", "neutral")),
    )
    return dataclasses.replace(row, **changes)


TYPED = dict(
    loaded=LoadedMetrics(
        own=3, own_words=40, per_1000_own=75.0, quoted=0, quoted_words=250, per_1000_quoted=0.0
    ),
    readability=ReadabilityMetrics(flesch_reading_ease=61.3, flesch_kincaid_grade=8.7),
    tone=ToneMetrics(own=-0.5),
    sourcing=SourcingMetrics(attributions=3, named=2, unnamed=1),
    frames=FramesMetrics(primary="economic", primary_label="Economic"),
    actors=(actor(merged_from="name:quill"),),
)


def by_hand(comparison, **metrics):
    """The comparison with its first article's metrics replaced by numbers written here."""
    first = dataclasses.replace(comparison.articles[0], **metrics)
    return dataclasses.replace(comparison, articles=(first, *comparison.articles[1:]))


def test_the_view_holds_the_analysis_metrics_themselves(comparison):
    view, analysis = comparison.articles[0], comparison.analyses[0]
    assert view.loaded is analysis.metrics.loaded
    assert view.readability is analysis.metrics.readability
    assert view.actors == analysis.metrics.actors.actors
    assert view.furniture == analysis.furniture


def test_markdown_reads_the_typed_numbers(comparison):
    md = render_markdown(by_hand(comparison, **TYPED))
    row = next(line for line in md.splitlines() if line.startswith("| Daily A |"))
    cells = [c.strip() for c in row.strip("|").split(" | ")]
    assert cells[2] == "75.0 (3 in 40 words) \u2020"  # own: few words
    assert cells[3] == "0.0 (0)"  # quoted: enough words
    assert cells[6:8] == ["61.3", "8.7"]


def test_html_reads_the_typed_numbers_and_the_actor_table(comparison):
    page = render_html(by_hand(comparison, **TYPED))
    assert '75.0 <span class="muted">(3 in 40 words)</span>' in page
    assert '<td class="num">61.3</td>' in page and '<td class="num">8.7</td>' in page
    assert '<td class="num">-0.50</td>' in page
    assert '<td class="num">2 : 1</td>' in page
    assert f"<td>{glossary.category_plain('frames', 'economic', 'Economic')}</td>" in page
    assert "Who speaks: " in page and "named 2 times, not named 1 time" in page
    # the actor table: merged name, mentions, linked mentions, the role with its (not denied) evidence
    assert "Zed Quill <small" in page and "(named here as Quill)</small>" in page
    assert '<td class="num">3 / 2<br><small' in page and "2 by title or pronoun</small>" in page
    assert 'title="Zed Quill is the agent of &#39;wrecked&#39;">villain</span>' in page
    assert "denied" not in page


def test_the_worksheet_asks_about_the_typed_role(comparison):
    questions = worksheet_questions(by_hand(comparison, **TYPED), 0)
    asked = next(q for q in questions if "Zed Quill" in q.text)
    assert "as a villain in its own voice" in asked.text
    assert asked.answers == ["\u201cmob\u201d: Zed Quill is the agent of 'wrecked'"]


NOT_RUN = dict(
    loaded=None, readability=None, tone=None, sourcing=None, frames=None, labels=None, epistemic=None
)


def test_a_view_whose_analysers_did_not_run_renders_dashes(comparison):
    c = by_hand(comparison, **NOT_RUN, actors=())
    row = next(line for line in render_markdown(c).splitlines() if line.startswith("| Daily A |"))
    cells = [c.strip() for c in row.strip("|").split(" | ")]
    assert cells[2:5] == ["\u2013 (0)"] * 3 and cells[6:8] == ["\u2013", "\u2013"]
    page = render_html(c)
    assert '<td class="num">0 : 0</td>' in page
    assert render_fragment(c).count("\u2013 (0)") >= 2


@pytest.mark.parametrize(
    ("loaded", "group", "expected"),
    [
        (
            LoadedMetrics(quoted=6, quoted_words=19, per_1000_quoted=315.79),
            "quoted",
            ("315.8", "6 in 19 words", True),
        ),
        (LoadedMetrics(own=2, own_words=400, per_1000_own=5.0), "own", ("5.0", "2", False)),
        (LoadedMetrics(), "reported", ("\u2013", "no words", False)),
        (None, "own", ("\u2013", "0", False)),
    ],
)
def test_voice_rate_reads_a_voice_group_of_the_metrics(loaded, group, expected):
    assert voice_rate(loaded, group) == expected


def test_rate_text_takes_plain_numbers():
    assert rate_text(12.5, 5, 400) == ("12.5", "5", False)
    assert rate_text(None, 0, None) == ("\u2013", "0", False)
    assert rate_text(50.0, 1, 20) == ("50.0", "1 in 20 words", True)
