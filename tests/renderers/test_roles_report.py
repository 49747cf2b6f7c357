"""Who is the villain, the victim and the hero: the role table in every report format."""

import csv
import io
import json

import pytest

from framing import Article, compare, render_html, render_json, render_markdown
from framing.comparison_types import CastEvidence, QuotedCast
from framing.metrics import Evidence
from framing.renderers.csv import render_csv_tables
from framing.renderers.html import _role_badge
from framing.renderers.worksheet import worksheet_questions

A = 'ICE agents brutalized the residents. "The protesters are a violent mob," Bo Tate said.'
B = "ICE agents met the residents on Monday. The protesters marched downtown."


@pytest.fixture(scope="module")
def comparison():
    return compare([Article(A, id="a", outlet="Daily A"), Article(B, id="b", outlet="Daily B")])


def cell(comparison, actor, article):
    row = next(r for r in comparison.charts.actor_roles.rows if r.id == actor)
    return row.articles[article]


def test_the_role_table_sets_each_outlets_telling_side_by_side(comparison):
    assert comparison.charts.actor_roles.articles == ("Daily A", "Daily B")
    assert cell(comparison, "ice", "Daily A").own == "villain"
    assert cell(comparison, "ice", "Daily B").own == "neutral"
    assert cell(comparison, "residents", "Daily A").own == "victim"
    protesters = cell(comparison, "protesters", "Daily A")
    assert protesters.own == "neutral"
    assert protesters.quoted == (QuotedCast("Bo Tate", "villain", 0.6667),)
    assert {e.text for e in protesters.evidence} == {"violent", "mob"}
    counts = {r.article: r.cells for r in comparison.charts.roles_by_article.rows}
    assert (
        counts["Daily A"]["villain"].value,
        counts["Daily A"]["victim"].value,
        counts["Daily A"]["villain"].quoted,
    ) == (
        1,
        1,
        1,
    )
    assert counts["Daily B"]["villain"].value == counts["Daily B"]["victim"].value == 0


def test_html_shows_the_roles_with_their_evidence_on_hover(comparison):
    page = render_html(comparison)
    assert "Who is the villain, the victim and the hero" in page
    assert (
        '<span class="role role-villain" tabindex="0" title="ICE (immigration enforcement) is the agent of '
        '&#39;brutalized the residents&#39;.">villain</span>'
    ) in page
    assert "Tone of the sentences around each actor (not portrayal)" in page
    # tone is secondary: folded away below the roles
    assert page.index("Who is the villain") < page.index("Tone of the sentences around each actor")


SCRIPT = '<script>alert("x")</script>'


@pytest.mark.parametrize(
    "evidence",
    [
        Evidence(0, 3, "mob", "own", None, "villain", "called", "crime", 2, False, SCRIPT),
        CastEvidence(0, 3, "mob", "own", None, "villain", SCRIPT),
    ],
    ids=["as the article's actor table holds it", "as the role table holds it"],
)
def test_a_role_badge_escapes_its_evidence(evidence):
    badge = _role_badge("villain", [evidence])
    assert "<script>" not in badge and "&lt;script&gt;" in badge
    assert _role_badge("neutral", []) == '<span class="role role-neutral">neutral</span>'


def test_markdown_gives_each_role_with_its_reasons(comparison):
    md = render_markdown(comparison)
    assert "## Who is the villain, the victim and the hero" in md
    line = next(x for x in md.splitlines() if x.startswith("| ICE (immigration enforcement) |"))
    assert "**villain** (ICE (immigration enforcement) is the agent of 'brutalized the residents'.)" in line
    assert "### Tone of the sentences around each actor (not portrayal)" in md


def test_json_and_csv_carry_the_numbers(comparison):
    data = json.loads(render_json(comparison))
    assert data["schema_version"] == "3.0"
    assert data["charts"]["actor_roles"]["rows"] and data["charts"]["roles_by_article"]["rows"]
    tables = render_csv_tables(comparison)
    roles = list(csv.DictReader(io.StringIO(tables["roles.csv"])))
    ice = [r for r in roles if r["id"] == "ice" and r["article"] == "Daily A"]
    assert [(r["voice"], r["role"], r["decided_by"]) for r in ice] == [("own", "villain", "rules")]
    assert "brutalized the residents" in ice[0]["evidence"]
    counts = list(csv.DictReader(io.StringIO(tables["role_counts.csv"])))
    assert [(r["article"], r["villain"], r["victim"]) for r in counts] == [
        ("Daily A", "1", "1"),
        ("Daily B", "0", "0"),
    ]
    actors = list(csv.DictReader(io.StringIO(tables["actors.csv"])))
    assert {"role_own", "role_quoted", "tone.lexicon.own", "tone.classifier.own"} <= set(actors[0])


def test_the_worksheet_asks_for_the_evidence_of_a_role(comparison):
    questions = worksheet_questions(comparison, 0)
    villain = next(q for q in questions if "ICE (immigration enforcement) as a villain" in q.text)
    assert "Find the words" in villain.text
    assert villain.answers == [
        "\u201cbrutalized the residents\u201d: ICE (immigration enforcement) is the agent of 'brutalized the residents'."
    ]
    quoted = next(q for q in questions if q.text.startswith("Who casts Protesters as a villain"))
    assert quoted.answers[0] == "Bo Tate, not the outlet:"
