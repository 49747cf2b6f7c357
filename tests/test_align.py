"""Same-event comparison: claims, figures, shared quotations, headlines."""

import pytest

from framing import Article, compare
from framing.align import numbers_in

A = Article(
    "Officials Withdraw 1,350 Troops\n\n"
    "The Pentagon withdrew 1,350 National Guard troops from the city on Wednesday. "
    '"The mission was a success," Sean Parnell said. About 250 troops remain to guard federal buildings. '
    "A farmworker, Jaime Alanis, died after a raid in Camarillo.",
    id="a",
    outlet="Daily A",
    title="Officials Withdraw 1,350 Troops",
)
B = Article(
    "The Pentagon pulled 1,350 National Guard troops out of the city this week. "
    '"The mission was a success," Pentagon spokesman Sean Parnell said in a statement. '
    "Protesters marched downtown on Saturday against the immigration raids.",
    id="b",
    outlet="Daily B",
)


@pytest.fixture(scope="module")
def comparison():
    return compare([A, B])


def test_numbers_with_context():
    found = numbers_in("On June 7, 1,350 troops left and 250 stayed in 2025.")
    assert found == [(1350.0, "troops left and"), (250.0, "stayed in 2025.")]


def test_a_claim_both_articles_carry(comparison):
    claims = comparison.alignment["claims"]
    shared = [c for c in claims if c["scope"] == "all"]
    assert any("1,350" in c["text"] for c in shared)


def test_omissions_are_claims_only_one_article_carries(comparison):
    only_a = [c for c in comparison.alignment["claims"] if c["carried_by"] == ["Daily A"]]
    assert any("Jaime Alanis" in c["text"] for c in only_a)
    assert all(c["missing_from"] == ["Daily B"] for c in only_a)


def test_figures_say_who_gives_them(comparison):
    figures = {f["value"]: f for f in comparison.alignment["figures"]}
    assert set(figures[1350.0]["articles"]) == {"Daily A", "Daily B"}
    assert figures[250.0]["missing_from"] == ["Daily B"]


def test_shared_quote_and_how_each_frames_it(comparison):
    (sq,) = comparison.alignment["shared_quotes"]
    assert sq["quote"] == "The mission was a success"
    assert [u["article"] for u in sq["uses"]] == ["Daily A", "Daily B"]
    assert all(u["cue"] == "say" for u in sq["uses"])
    assert "in a statement" in sq["uses"][1]["around"]


def test_headline_against_body(comparison):
    (h,) = comparison.alignment["headlines"]
    assert h["article"] == "Daily A"
    assert h["body_carries_headline"] is False or h["coverage"] >= 0.5
    assert 0 <= h["coverage"] <= 1


def test_a_headline_the_body_does_not_back():
    text = "Mayor Unleashes Chaos on City\n\nThe council met on Tuesday to discuss the budget for parks."
    c = compare([Article(text, title="Mayor Unleashes Chaos on City"), "The council met."])
    (h,) = c.alignment["headlines"]
    assert h["body_carries_headline"] is False
    assert "Chaos" in h["loaded_only_in_headline"]


@pytest.mark.parametrize(
    "first, second, same",
    [
        (
            "The Pentagon withdrew 1,350 National Guard troops from Los Angeles on Wednesday.",
            "The Pentagon pulled 1,350 National Guard troops out of Los Angeles this week.",
            True,
        ),
        (
            "The Pentagon withdrew 1,350 National Guard troops from Los Angeles on Wednesday.",
            "In June the Pentagon ordered the deployment of 2,000 National Guard troops to Los Angeles.",
            False,  # both give a figure, and not the same one: different facts
        ),
        (
            "The Pentagon withdrew National Guard troops from Los Angeles on Wednesday.",
            "The Pentagon withdrew 1,350 National Guard troops from Los Angeles on Wednesday.",
            True,  # one gives a figure, the other none: the same fact, less precisely
        ),
    ],
)
def test_sentences_match_unless_their_figures_differ(first, second, same):
    filler = " Residents of the neighbourhood spoke at a long meeting about the schools."
    c = compare([Article(first + filler, id="x"), Article(second + filler, id="y")])
    carried = {tuple(claim["carried_by"]) for claim in c.alignment["claims"] if "Pentagon" in claim["text"]}
    assert (("x", "y") in carried) is same


def test_an_article_quoting_the_same_words_carries_the_claim():
    quote = '"We greatly appreciate the support of the Guardsmen who came to help," the spokesman said.'
    x = Article(
        "The Pentagon released 1,350 Guardsmen on Wednesday. " + quote,
        id="x",
    )
    y = Article(
        "Officials said 1,350 Guardsmen were released on Wednesday, and in a statement thanked them: "
        + quote.replace(" the spokesman said", " a statement read"),
        id="y",
    )
    c = compare([x, y])
    assert c.alignment["shared_quotes"]
    with_quote = [cl for cl in c.alignment["claims"] if "greatly appreciate" in cl["text"]]
    assert with_quote and all(cl["carried_by"] == ["x", "y"] for cl in with_quote)
