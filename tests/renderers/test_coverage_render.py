"""The cross-article section of every renderer, from a coverage built by hand."""

import csv
import dataclasses
import io
import json

import pytest

from framing import Article, compare, render_html, render_json, render_markdown
from framing.coverage.view import (
    Claim,
    ClaimInArticle,
    Coverage,
    Figure,
    FigureUse,
    QuotationUse,
    SharedQuotation,
    WordStep,
    round_robin,
)
from framing.renderers.csv import render_csv_tables
from framing.renderers.worksheet import worksheet_questions

EVIL = '<script>alert("x")</script>'
A, B = f"Daily {EVIL}", "Courier"


def _unique(article: str, other: str, n: int) -> Claim:
    return Claim(
        id="",
        text=f"{article} alone says thing {n} {EVIL}",
        scope="one",
        articles=(
            ClaimInArticle(article, "carries", f"{article} alone says thing {n}", 0, 10, "narration"),
            ClaimInArticle(other, "left_out"),
        ),
    )


def _coverage() -> Coverage:
    shared = Claim(
        id="C1",
        text=f"The council closed the bridge {EVIL}.",
        scope="all",
        confidence=0.93,
        articles=(
            ClaimInArticle(A, "carries", f"The council closed the bridge {EVIL}.", 0, 30, "narration", 0.93),
            ClaimInArticle(B, "carries", "The bridge was closed by the council.", 0, 36, "narration", 0.93),
        ),
    )
    differing = Claim(
        id="C2",
        text="The Pentagon withdrew 2,000 troops.",
        scope="one",
        articles=(
            ClaimInArticle(A, "carries", "The Pentagon withdrew 2,000 troops.", 40, 75, "narration"),
            ClaimInArticle(
                B,
                "different",
                f"The Pentagon deployed 2,000 troops {EVIL}.",
                40,
                74,
                "narration",
                0.7,
                f"opposite events: withdrew in one, deployed {EVIL} in the other",
            ),
        ),
    )
    later = Claim(
        id="C3",
        text="On July 16 the troops went home.",
        scope="one",
        articles=(
            ClaimInArticle(A, "carries", "On July 16 the troops went home.", 80, 112, "narration"),
            ClaimInArticle(
                B,
                "not_yet",
                reason="written 2025-06-08, before the event (2025-07-16, the date its sentences give)",
            ),
        ),
    )
    unique = round_robin([[_unique(A, B, n) for n in range(70)], [_unique(B, A, n) for n in range(3)]])
    claims = [shared, differing, later, *unique]
    claims = [dataclasses.replace(c, id=f"C{n}") for n, c in enumerate(claims, start=1)]
    use_full = QuotationUse(
        A,
        "full",
        0,
        60,
        "We thank the officers against the rampant lawlessness",
        "direct",
        "Ana Cruz",
        "Chief Ana Cruz",
        "say",
        "neutral",
        "\u2026 Cruz said.",
        steps=(
            WordStep(
                "keep",
                "We thank the officers against the rampant lawlessness",
                "We thank the officers against the rampant lawlessness",
            ),
        ),
    )
    use_cut = QuotationUse(
        B,
        "cut",
        0,
        21,
        "We thank the officers",
        "direct",
        "Ana Cruz",
        f"the chief {EVIL}",
        "claim",
        "distancing",
        "\u2026 she claimed.",
        cuts=("end",),
        dropped=(f"against the rampant lawlessness {EVIL}",),
        dropped_loaded=("rampant lawlessness",),
        kept=0.5,
        steps=(
            WordStep("keep", "We thank the officers", "We thank the officers"),
            WordStep("cut", f"against the rampant lawlessness {EVIL}", "", ("rampant lawlessness",)),
        ),
    )
    return Coverage(
        articles=(A, B),
        dates={A: "2025-07-20", B: "2025-06-08"},
        method=f"hand-built {EVIL}",
        thresholds={"same": 0.5, "related": 0.25, "left_out": 0.1, "worksheet": 0.9},
        claims=tuple(claims),
        figures=(
            Figure(
                2000.0,
                "troops",
                "withdraw",
                False,
                "2,000 troops, withdrawal",
                (
                    FigureUse(
                        A,
                        "2,000",
                        57,
                        62,
                        f"troops {EVIL}",
                        "withdrew",
                        "The Pentagon withdrew 2,000 troops.",
                    ),
                ),
                (B,),
            ),
        ),
        quotations=(
            SharedQuotation(
                "We thank the officers against the rampant lawlessness",
                "Ana Cruz",
                A,
                (use_full, use_cut),
                (),
                True,
            ),
        ),
    )


@pytest.fixture(scope="module")
def comparison():
    base = compare(
        [Article("The council met.", id="a", outlet=A), Article("The council met again.", id="b", outlet=B)]
    )
    return dataclasses.replace(base, coverage=_coverage())


def test_html_escapes_everything_the_coverage_holds(comparison):
    page = render_html(comparison)
    assert EVIL not in page and "&lt;script&gt;alert(" in page
    assert page.count("<script>") == 1  # the report's own, allowed by hash


def test_html_shows_statuses_the_cut_and_the_flag(comparison):
    page = render_html(comparison)
    assert 'class="st st-different"' in page and "opposite events: withdrew in one" in page
    assert 'class="st st-not-yet"' in page and "written 2025-06-08, before the event" in page
    assert '<del class="cut cut-loaded"' in page and "drops <strong>rampant lawlessness</strong>" in page
    assert "a cut drops loaded words" in page
    assert "Related, but saying something different" in page


def test_html_shows_every_article_s_own_claims_in_turn_with_counts(comparison):
    page = render_html(comparison)
    section = page[page.index("Reported by one article only") :]
    # 75 one-article claims (72 and 3), 60 shown: all three of the second article's, and the counts
    assert f"{'Daily &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;'} 57 of 72" in section
    assert "Courier 3;" not in section and "Courier 3." in section
    for n in range(3):
        assert f"Courier alone says thing {n}" in section


def test_markdown_strikes_through_the_cut_and_escapes(comparison):
    md = render_markdown(comparison)
    assert "<script>" not in md
    line = next(line for line in md.splitlines() if line.startswith("| Courier | We thank the officers"))
    assert "~~against the rampant lawlessness" in line and "drops rampant lawlessness" in line
    assert "\u2260" in md and "not yet" in md
    assert "Courier 3." in md


def test_csv_and_json_carry_every_claim(comparison):
    tables = render_csv_tables(comparison)
    claims = list(csv.DictReader(io.StringIO(tables["claims.csv"])))
    assert len(claims) == len(comparison.coverage.claims) == 76
    assert claims[1][B] == "different" and claims[2][B] == "not_yet"
    rows = list(csv.DictReader(io.StringIO(tables["claim_articles.csv"])))
    assert len(rows) == 2 * 76
    quotes = list(csv.DictReader(io.StringIO(tables["quotations.csv"])))
    assert [q["status"] for q in quotes] == ["full", "cut"] and quotes[1][
        "dropped_loaded"
    ] == "rampant lawlessness"
    data = json.loads(render_json(comparison))
    assert len(data["coverage"]["claims"]) == 76
    assert data["coverage"]["quotations"][0]["uses"][1]["steps"][1]["op"] == "cut"


def test_the_worksheet_uses_only_sure_matches_and_asks_for_a_check(comparison):
    questions = worksheet_questions(comparison, 1)
    texts = [q.text for q in questions]
    check = next(q for q in questions if q.text.startswith("Check one match"))
    assert "93%" in check.text and "90% or more" in check.text
    assert any("leave out or change" in t for t in texts)
    sure = dataclasses.replace(
        comparison.coverage, thresholds={**comparison.coverage.thresholds, "worksheet": 0.95}
    )
    unsure = worksheet_questions(dataclasses.replace(comparison, coverage=sure), 1)
    assert not any(q.text.startswith("Check one match") for q in unsure)
