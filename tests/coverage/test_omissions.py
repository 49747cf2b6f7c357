"""Omissions in time: an article cannot leave out what happened after it was written."""

import pytest

from framing import Article, compare

BRIDGE = "On July 16, the council voted to close the Elm Street bridge for three months of repairs."
WITHDRAWAL = "The Pentagon withdrew 1,350 National Guard troops from the city after the protests ended."
OTHER = "Residents of the east side met at the library to discuss the school budget for next year."


def status(claim_text: str, carrier_date: str, other_date: str):
    c = compare(
        [
            Article(claim_text + " " + OTHER, id="a", outlet="Later", date=carrier_date),
            Article(
                "The mayor deployed extra police officers downtown before the weekend concerts. " + OTHER,
                id="b",
                outlet="Earlier",
                date=other_date,
            ),
        ]
    )
    claim = next(x for x in c.coverage.claims if x.text == claim_text)
    return claim.status_of("Earlier")


@pytest.mark.parametrize(
    "claim_text, carrier_date, other_date, expected",
    [
        pytest.param(
            BRIDGE, "2025-07-20", "2025-07-10", "not_yet", id="the sentence's date is after the article"
        ),
        pytest.param(
            BRIDGE, "2025-07-20", "2025-07-18", "left_out", id="the sentence's date is before the article"
        ),
        pytest.param(
            BRIDGE, "2025-07-20", "2025-07-16", "left_out", id="the same day: it could have been reported"
        ),
        pytest.param(WITHDRAWAL, "2025-07-20", "2025-06-08", "not_yet", id="news to an article weeks older"),
        pytest.param(WITHDRAWAL, "2025-07-20", "2025-07-19", "left_out", id="a day older: no telling"),
        pytest.param(BRIDGE, "", "", "left_out", id="no dates: left out"),
    ],
)
def test_dated_omission_against_not_yet_reported(claim_text, carrier_date, other_date, expected):
    found = status(claim_text, carrier_date or None, other_date or None)
    assert found.status == expected
    if expected == "not_yet":
        assert found.reason.startswith(f"written {other_date}, before the event")


def test_an_article_written_before_the_event_is_not_yet_whatever_it_says_alike():
    later = Article(
        "Mayor Karen Bass said the withdrawal of the troops on July 16 was a win for Los Angeles. " + OTHER,
        id="a",
        outlet="Later",
        date="2025-07-20",
    )
    earlier = Article(
        "Mayor Karen Bass decried the deployment of the troops to Los Angeles. " + OTHER,
        id="b",
        outlet="Earlier",
        date="2025-06-08",
    )
    c = compare([later, earlier])
    claim = next(x for x in c.coverage.claims if "win for Los Angeles" in x.text)
    assert claim.status_of("Earlier").status == "not_yet"
    assert c.coverage.dates == {"Later": "2025-07-20", "Earlier": "2025-06-08"}
