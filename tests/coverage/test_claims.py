"""Claims matched by what they say: table-driven pairs of sentences written for the tests."""

import pytest

from framing import Article, compare

# each article gets a sentence of its own that matches nothing, so there is more than one
A_OTHER = " The city library will open late on Sunday for repairs to its roof."
B_OTHER = " Tickets for the summer music festival went on sale this morning."


def status(first: str, second: str):
    """How article B stands on the claim article A's sentence ``first`` makes."""
    c = compare(
        [
            Article(first + A_OTHER, id="a", outlet="Daily A"),
            Article(second + B_OTHER, id="b", outlet="Daily B"),
        ]
    )
    claim = next(x for x in c.coverage.claims if x.text == first)
    return claim.status_of("Daily B")


@pytest.mark.parametrize(
    "first, second, expected, reason",
    [
        pytest.param(
            "The Pentagon withdrew 1,350 National Guard troops from Los Angeles on Wednesday.",
            "On Wednesday the Pentagon withdrew 1,350 National Guard troops from Los Angeles.",
            "carries",
            None,
            id="same claim, other order",
        ),
        pytest.param(
            "Mayor Karen Bass said the city would reopen the Elm Street bridge next month.",
            "The Elm Street bridge will reopen next month, Mayor Karen Bass said.",
            "carries",
            None,
            id="same claim, attributed differently",
        ),
        pytest.param(
            "The Pentagon withdrew 2,000 National Guard troops from Los Angeles on Wednesday.",
            "The Pentagon deployed 2,000 National Guard troops to Los Angeles on Wednesday.",
            "different",
            "withdrew",
            id="same words, different event",
        ),
        pytest.param(
            "Mayor Karen Bass welcomed the withdrawal of the National Guard troops from the city.",
            "Mayor Karen Bass decried the withdrawal of the National Guard troops from the city.",
            "different",
            "opposite events: welcomed in one, decried in the other",
            id="decried is not welcomed",
        ),
        pytest.param(
            "Police said 2,000 troops gathered outside the federal building in Los Angeles on Saturday.",
            "Police said 2,000 protesters gathered outside the federal building in Los Angeles on Saturday.",
            "different",
            "2,000 troops in one, 2,000 protesters in the other",
            id="same number, different thing counted",
        ),
        pytest.param(
            "Officials said 2,000 National Guard troops were withdrawn from the city last week.",
            "Officials said there are still 2,000 National Guard troops in the city this week.",
            "different",
            "withdrawn in one",
            id="same number, withdrawn against still there",
        ),
        pytest.param(
            "The state Senate approved the spending bill for the schools on Tuesday.",
            "The state Senate did not approve the spending bill for the schools on Tuesday.",
            "different",
            "did not happen",
            id="negation",
        ),
    ],
)
def test_a_pair_is_the_same_claim_only_when_what_it_says_agrees(first, second, expected, reason):
    found = status(first, second)
    assert found.status == expected, found
    if reason is None:
        assert found.reason is None and found.confidence is not None
    else:
        assert reason in found.reason


def test_a_claim_both_carry_is_shared_and_one_only_one_carries_is_listed_as_its_own():
    c = compare(
        [
            Article(
                "The Pentagon withdrew 1,350 National Guard troops from Los Angeles on Wednesday." + A_OTHER,
                id="a",
                outlet="Daily A",
            ),
            Article(
                "On Wednesday the Pentagon withdrew 1,350 National Guard troops from Los Angeles." + B_OTHER,
                id="b",
                outlet="Daily B",
            ),
        ]
    )
    cov = c.coverage
    assert [claim.carried_by for claim in cov.shared_claims] == [("Daily A", "Daily B")]
    assert {claim.carried_by for claim in cov.unique_claims} == {("Daily A",), ("Daily B",)}
    library = next(claim for claim in cov.unique_claims if "library" in claim.text)
    assert library.status_of("Daily B").status == "left_out"
    assert [claim.id for claim in cov.claims] == [f"C{n}" for n in range(1, len(cov.claims) + 1)]


def test_a_sentence_of_one_article_never_joins_two_of_another():
    same = "The council voted to close the Elm Street bridge for ninety days of repairs."
    c = compare(
        [
            Article(same + " " + same.replace("council", "city council") + A_OTHER, id="a", outlet="Daily A"),
            Article(same + B_OTHER, id="b", outlet="Daily B"),
        ]
    )
    for claim in c.coverage.claims:
        carried = [r.article for r in claim.articles if r.status == "carries"]
        assert len(carried) == len(set(carried))
