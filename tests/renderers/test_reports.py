"""Renderers, from comparisons of texts written for the tests."""

import html
import json
import re

import pytest

from framing import Article, compare, render_html, render_json, render_markdown

from ..conftest import SCRIPT_TEXT

HOSTILE = '<script>alert("x")</script>'


@pytest.fixture(scope="module")
def comparison():
    articles = [
        Article(
            'Rioters brutalized the town. "The mob brought chaos," Mayor Jane Ortiz said.\n\n' + SCRIPT_TEXT,
            id="a1",
            outlet=f"Outlet {HOSTILE}",
            title=f"Title {HOSTILE}",
            url='javascript:alert("x")',
        ),
        Article("The council met and agreed on a plan. Nothing loaded here.", id="a2", outlet="Calm Daily"),
    ]
    return compare(articles)


def test_html_escapes_everything_from_input(comparison):
    page = render_html(comparison)
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(" in page
    assert "<b>bold</b>" not in page
    # the only script element is ours, allowed by hash in the CSP
    assert page.count("<script>") == 1


def test_html_has_a_no_network_csp_that_matches_its_inline_code(comparison):
    import base64
    import hashlib

    page = render_html(comparison)
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "img-src data:" in csp
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    for code in (script, style):
        digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "http://" not in page.replace("http://www.w3.org", "")
    assert "https://" not in page


def test_html_shows_findings_with_voice_and_explanation(comparison):
    page = render_html(comparison)
    assert re.search(
        r'<mark class="f own layer-loaded cat-loaded-violence"[^>]*data-tip="[^"]*outlet&#39;s own words',
        page,
    )
    assert re.search(
        r'<mark class="f quoted layer-loaded cat-loaded-[a-z_]+"[^>]*data-tip="[^"]*quoted from Jane Ortiz',
        page,
    )
    assert "Calm Daily" in page


def test_url_is_not_a_javascript_link(comparison):
    page = render_html(comparison)
    assert 'href="javascript:' not in page


def test_json_carries_every_number_and_is_deterministic(comparison):
    data = json.loads(render_json(comparison))
    assert data["schema_version"] == "3.0"
    rows = data["charts"]["loaded_rate_by_voice"]["rows"]
    assert [r["article"] for r in rows] == [a["label"] for a in data["articles"]]
    first = data["articles"][0]
    assert rows[0]["own"] == first["metrics"]["loaded"]["per_1000_own"]
    assert "brutalized" in [f["text"] for f in first["findings"]]
    assert {lex["id"] for lex in data["provenance"]["lexicons"]} >= {"loaded-language", "cue-verbs"}
    assert all(len(lex["sha256"]) == 64 for lex in data["provenance"]["lexicons"])
    assert data["provenance"]["inputs"][0]["id"] == "a1"
    assert render_json(compare(comparison.analyses)) == render_json(comparison)


@pytest.fixture(scope="module")
def actors_comparison():
    # the second article knows the commissioner by surname only; the comparison joins her
    return compare(
        [
            "Commissioner Ana Ruiz condemned the raid on Monday. Protesters marched downtown.",
            'Commissioner Ruiz praised the agents. "They did well," Ruiz said.',
        ]
    )


def _actor_marks(page):
    """(kind, tip) of every highlight of the actors layer."""
    marks = re.findall(
        r'<mark class="f [a-z]+ layer-actors cat-actors-([a-z_-]+)"[^>]*data-tip="([^"]*)"', page
    )
    return [(kind, html.unescape(tip)) for kind, tip in marks]


def test_an_actor_highlight_is_drawn_by_its_kind_and_named_in_its_tip(actors_comparison):
    page = render_html(actors_comparison)
    marks = _actor_marks(page)
    assert {kind for kind, _ in marks} == {"person", "group"}
    for kind, tip in marks:
        assert tip.startswith({"person": "Ana Ruiz (", "group": "Protesters ("}[kind]), tip
    # the layer still switches on and off, and its legend names the kinds it draws
    assert 'data-toggle="layer-actors"' in page and "body.hide-layer-actors mark.layer-actors" in page
    legend = re.search(r'<div class="legend legend-layer-actors.*?</div>', page, re.S).group(0)
    assert re.findall(r'class="swatch cat-actors-([a-z]+)"', legend) == ["group", "person"]
    assert set(actors_comparison.layers["actors"].categories) == {"group", "person"}


def test_without_the_analyses_an_actor_tip_names_the_kind(actors_comparison):
    import dataclasses

    page = render_html(dataclasses.replace(actors_comparison, analyses=()))
    marks = _actor_marks(page)
    assert marks and all(tip.startswith(f"{kind.capitalize()} (") for kind, tip in marks)


def test_json_actor_findings_name_the_actor_apart_from_the_category(actors_comparison):
    data = json.loads(render_json(actors_comparison))
    for article in data["articles"]:
        kinds = {row["id"]: row["kind"] for row in article["metrics"]["actors"]["actors"]}
        for f in article["findings"]:
            assert "actor" in f
            if f["analyzer"] == "actors":
                assert f["category"] == kinds[f["actor"]]
            else:
                assert f["actor"] is None
    second = [f for f in data["articles"][1]["findings"] if f["analyzer"] == "actors"]
    assert second and {f["actor"] for f in second} == {"name:ana_ruiz"}


def test_markdown_escapes_and_tabulates(comparison):
    md = render_markdown(comparison)
    assert "<script>" not in md
    assert "| Article | Words |" in md
    assert "quote: Jane Ortiz" in md


def test_same_input_same_html_bytes(comparison):
    assert render_html(compare(comparison.analyses)) == render_html(comparison)


def _many_articles(n: int, outlets: int) -> list[Article]:
    places = ["Riverside", "Oakdale", "Hillview", "Lakeport", "Brookfield", "Maplewood", "Stonebridge"]
    out = []
    for i in range(n):
        place = places[i % len(places)]
        out.append(
            Article(
                f"The {place} council voted {i + 3} to 2 on the budget. "
                f'"This is reckless spending," said councillor Ann Lee of {place}. '
                f"Protesters gathered outside the hall in {place} for the {i + 1}th time.",
                id=f"story-{i:02d}",
                outlet=f"Outlet {i % outlets}",
                title=f"Budget vote {i}",
            )
        )
    return out


def test_large_comparisons_show_a_sample_across_outlets_and_summarise_all():
    from framing.renderers.html import sample_articles

    many = compare(_many_articles(30, outlets=3))
    html = render_html(many, max_articles=6)
    sections = re.findall(r'<article class="article" id="a-\d+"', html)
    assert len(sections) == 6
    shown = sample_articles(many.articles, 6)
    assert [v.group for v in shown].count("Outlet 0") == 2  # two from each of the three outlets
    assert {v.group for v in shown} == {"Outlet 0", "Outlet 1", "Outlet 2"}
    assert sample_articles(many.articles, 6) == shown  # deterministic
    assert 'role="note"' in html and "30 articles" in html
    summary = html.split('<h2 id="summary">')[1].split("</table>")[0]
    assert summary.count('<th scope="row">') == 30  # every article in the summary table
    full = render_html(many, max_articles=100)
    assert 'role="note"' not in full
    assert len(re.findall(r'<article class="article"', full)) == 30
    assert len(html) < len(full) / 2
    assert len(json.loads(render_json(many))["articles"]) == 30  # the JSON keeps everything


def test_small_comparisons_are_not_sampled(comparison):
    html = render_html(comparison)
    assert 'role="note"' not in html
    assert len(re.findall(r'<article class="article"', html)) == 2


def test_the_four_seed_report_stays_under_a_megabyte(seed_results):
    html = render_html(compare(seed_results.values()))
    assert 100_000 < len(html.encode("utf-8")) < 1_000_000


def _long_narration(n: int) -> str:
    return " ".join(f"The council met on day {i} and agreed on a plan for the roads." for i in range(n))


@pytest.mark.parametrize(
    "text, marked",
    [
        # six quoted words, one of them loaded: a rate of about 167 on six words
        (_long_narration(20) + ' "The mob came here today," Mayor Jane Ortiz said.', {"quoted"}),
        # a long quotation and long narration: nothing rests on few words
        (
            _long_narration(20) + ' "' + _long_narration(12) + ' The mob came," Mayor Jane Ortiz said.',
            set(),
        ),
        # a short article: its own voice has fewer than 100 words too
        ('The council met. "The mob came here today," Mayor Jane Ortiz said.', {"own", "quoted"}),
    ],
)
def test_rates_on_few_words_are_marked(text, marked):
    c = compare(
        [Article(text, id="a", outlet="Gazette"), Article(_long_narration(20), id="b", outlet="Daily")]
    )
    loaded = c.articles[0].loaded
    for group in ("own", "quoted"):
        words = loaded.group(group).words
        assert (0 < words < 100) == (group in marked), (group, words)
    md = render_markdown(c)
    row = next(line for line in md.splitlines() if line.startswith("| Gazette"))
    cells = row.split(" | ")
    assert [g for g, cell in zip(("own", "quoted"), cells[2:4], strict=True) if "\u2020" in cell] == [
        g for g in ("own", "quoted") if g in marked
    ]
    quoted_words = loaded.quoted_words
    assert (f"in {quoted_words} words)" in cells[3]) == ("quoted" in marked)
    page = render_html(c)
    assert ("fewer than 100 words in that voice" in page) == bool(marked)
    assert ("fewer than 100 words in that voice" in md) == bool(marked)
    # a voice with no words has no rate: the other article quotes nobody
    other = next(line for line in md.splitlines() if line.startswith("| Daily"))
    assert "\u2013 (no words)" in other


def test_markdown_has_every_cross_article_section_of_the_html():
    shared = "The council voted to close the Elm Street bridge for 90 days of repairs."
    articles = [
        Article(
            shared
            + ' "It is a disaster," Mayor Jane Ortiz said. Police arrested 12 protesters <b>outside</b>.',
            id="a",
            outlet="The <i>Gazette</i>",
        ),
        Article(shared + " Residents were told to use the ferry instead.", id="b", outlet="Daily"),
    ]
    c = compare(articles)
    md = render_markdown(c)
    page = render_html(c)
    for heading in (
        "What each article reports, and what it leaves out",
        "Who is the villain, the victim and the hero",
        "How sure, and who acted",
    ):
        assert f"## {heading}" in md
        assert heading in page
    assert "<b>" not in md and "<i>" not in md
    # the shared claim is carried by both; a sentence of one article is listed as only there
    claim = next(line for line in md.splitlines() if "Elm Street bridge" in line)
    assert claim.endswith("| \u2713 | \u2713 |")
    assert "### Reported by one article only" in md
    assert any("ferry" in line and line.startswith("| Daily |") for line in md.splitlines())
    # the figure the first article gives and the second does not, with what it counts
    figure = next(line for line in md.splitlines() if line.startswith("| 12 protesters, arrest |"))
    assert figure.endswith("| \u2013 |")


BODY = (
    "The Pentagon said on Tuesday that troops would leave the city, ending the mission. "
    "Officials said the plan was sound."
)


@pytest.mark.parametrize(
    "headline, numbers, coverage",
    [
        # a number the body does not give: held as a float, which the Markdown once
        # joined as text and crashed on (the classroom page answered 500 for 6% of a run)
        ("Troops cut by 1,350 in Los Angeles", "1,350", "25% (not carried)"),
        ("Troops cut by 2.5 percent, 40 units", "2.5, 40", "25% (not carried)"),
        # a headline of stop words only has no coverage, shown as a dash (not 100 * None)
        ("It is what it is", "none", "\u2013"),
    ],
)
def test_markdown_headline_table_takes_numbers_and_missing_coverage(headline, numbers, coverage):
    articles = [
        Article(f"{headline}\n\n{BODY}", id="a", outlet="A", title=headline),
        Article(f"Troops leave\n\n{BODY}", id="b", outlet="B", title="Troops leave"),
    ]
    md = render_markdown(compare(articles))
    section = md.split("### Headlines against their articles", 1)[1]
    row = next(line for line in section.splitlines() if line.startswith("| A | "))
    cells = [cell.strip() for cell in row.strip("|").split(" | ")]
    assert cells[2] == coverage
    assert cells[4] == numbers


@pytest.mark.parametrize(
    "outlet",
    [
        "Cost $5 vs $\\alpha",  # valid mathtext: was drawn as a formula, without its dollars
        "$\\frac{$",  # invalid mathtext: crashed the chart
        "a$b$c_d^e",
        "x" * 5_000,  # very long: cut in the chart, whole in the tables
    ],
)
def test_dollar_signs_are_text_in_every_renderer(outlet):
    import base64

    c = compare(
        [
            Article('Rioters brutalized the town. "Chaos," Mayor Jane Ortiz said.', id="a", outlet=outlet),
            Article("The council met and agreed on a plan.", id="b", outlet="Calm Daily"),
        ]
    )
    page = render_html(c)
    charts = [
        base64.b64decode(svg).decode("utf-8")
        for svg in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', page)
    ]
    assert charts
    shown = outlet if len(outlet) < 200 else outlet[:199] + "\u2026"
    assert all(shown in svg for svg in charts if "Calm Daily" in svg)
    assert outlet in page
    md = render_markdown(c)
    from framing.renderers.markdown import md_escape

    assert md_escape(outlet) in md
    assert not re.search(r"(?<!\\)\$", md), "every $ from input is escaped in Markdown"


@pytest.mark.parametrize("stacked", [False, True])
def test_a_chart_is_laid_out_once_and_drawn_once(monkeypatch, stacked):
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    from framing.comparison_types import BarCell, BarChart, BarRow
    from framing.renderers.charts import bar_chart, figure_svg

    draws = []
    draw = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda self, renderer: draws.append(1) or draw(self, renderer))
    data = BarChart(
        title="Loaded words",
        series=("own", "quoted"),
        series_labels={"own": "own voice", "quoted": "quoted"},
        rows=(
            BarRow("A", {"own": BarCell(3), "quoted": BarCell(1)}),
            BarRow("B", {"own": BarCell(0), "quoted": BarCell(2)}),
        ),
    )
    svg = figure_svg(bar_chart(data, stacked=stacked))
    assert svg.lstrip().startswith("<?xml") and "own voice" in svg
    assert len(draws) == 1  # tight_layout's placeholder engine once made savefig draw it twice
