"""The classroom worksheet and the CSV tables."""

import csv
import io

import pytest

from framing import Article, compare
from framing.renderers.csv import flatten, render_csv_tables
from framing.renderers.worksheet import neutral_rewrite, render_worksheet, worksheet_questions

TEXT = (
    "Rioters brutalized the town square on Friday. Windows were smashed. "
    '"We will rebuild," Mayor Ana Ruiz said. "This was a disgrace," she added.'
)


@pytest.fixture(scope="module")
def comparison():
    other = Article(
        "The town square was damaged on Friday, police said. Repairs begin Monday.", id="b", outlet="B"
    )
    return compare([Article(TEXT, id="a", outlet="A <b>bold</b>"), other])


def test_questions_come_from_the_articles_findings(comparison):
    questions = {q.text: q for q in worksheet_questions(comparison, 0)}
    judgement = next(q for t, q in questions.items() if t.startswith("Which words in the outlet's own voice"))
    assert any("brutalized" in a for a in judgement.answers)
    first_last = next(q for t, q in questions.items() if t.startswith("Who is quoted first"))
    assert first_last.answers[0] == "First: Ana Ruiz; last: Ana Ruiz."
    hidden = next(q for t, q in questions.items() if t.startswith("Find a sentence that says what was done"))
    assert any("Windows were smashed" in a for a in hidden.answers)
    rewrite = next(q for t, q in questions.items() if t.startswith("Rewrite"))
    assert "[" in rewrite.answers[0]


def test_neutral_rewrite_keeps_capitals():
    assert neutral_rewrite("Rioters came.", [(0, 7, "protesters")]) == "[Protesters] came."


def test_worksheet_page_is_printable_escaped_and_has_a_separate_key(comparison):
    page = render_worksheet(comparison)
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold" in page
    assert page.index("Questions") < page.index("Answer key")
    assert "break-before: page" in page
    assert "<script" not in page


def test_csv_tables(comparison):
    tables = render_csv_tables(comparison)
    assert set(tables) >= {
        "articles.csv",
        "findings.csv",
        "quotes.csv",
        "speakers.csv",
        "actors.csv",
        "claims.csv",
        "claim_articles.csv",
        "figures.csv",
        "quotations.csv",
    }
    articles = list(csv.DictReader(io.StringIO(tables["articles.csv"])))
    assert [r["id"] for r in articles] == ["a", "b"]
    assert float(articles[0]["loaded.per_1000_own"]) > 0
    findings = list(csv.DictReader(io.StringIO(tables["findings.csv"])))
    assert {"article", "start", "end", "text", "voice", "speaker", "category", "actor"} <= set(findings[0])
    actors = {row["id"] for row in csv.DictReader(io.StringIO(tables["actors.csv"]))}
    assert {f["actor"] for f in findings if f["analyzer"] == "actors"} == actors
    assert {f["actor"] for f in findings if f["analyzer"] != "actors"} == {""}
    assert render_csv_tables(comparison) == tables  # deterministic


def test_flatten():
    assert flatten({"a": {"b": 1, "c": {"d": None}}, "e": [1, 2]}) == {"a.b": 1, "a.c.d": None, "e": "[1, 2]"}


def test_every_output_records_provenance(comparison):
    import json

    from framing import render_html, render_markdown

    prov = comparison.provenance
    lexicon = next(lex for lex in prov["lexicons"] if lex["id"] == "loaded-language")
    stamp = f"loaded-language {lexicon['version']} (sha256 {lexicon['sha256'][:12]})"
    model = prov["analyzers"]["actors"]["model"]
    for name, page in (
        ("html", render_html(comparison)),
        ("markdown", render_markdown(comparison).replace("\\", "")),  # Markdown escapes ( and )
        ("worksheet", render_worksheet(comparison)),
    ):
        assert stamp in page, name
        assert model in page, name
        assert f"framing {prov['framing_version']}" in page, name
        for item in prov["inputs"]:
            assert item["sha256"][:12] in page, name
    assert json.loads(render_csv_tables(comparison)["provenance.json"]) == json.loads(json.dumps(prov))


def test_provenance_counts_each_lexicons_entries(comparison):
    from framing.lexicon import get_lexicon

    for item in comparison.provenance["lexicons"]:
        assert item["entries"] == len(get_lexicon(item["id"])), item["id"]


def test_actor_links_and_merges_are_shown_in_csv_and_html():
    from framing import compare, render_html

    c = compare(
        [
            "Commissioner Ana Ruiz condemned the raid on Monday. She called it reckless.",
            'Commissioner Ruiz praised the agents. "They did well," Ruiz said.',
        ]
    )
    rows = list(csv.DictReader(io.StringIO(render_csv_tables(c)["actors.csv"])))
    ruiz = [r for r in rows if r["id"] == "name:ana_ruiz"]
    assert [r["merged_from"] for r in ruiz] == ["", "name:ruiz"]
    assert [r["linked.pronoun"] for r in ruiz] == ["1", "0"]
    html = render_html(c)
    assert "1 by title or pronoun" in html
    assert "(named here as Commissioner Ruiz)" in html
