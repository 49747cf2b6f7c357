"""Dates of articles and of the events in a sentence."""

import pytest

from framing.coverage.dates import article_range, parse_date, sentence_range


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025-07-16", "2025-07-16"),
        ("2025-07", "2025-07"),
        ("2025", "2025"),
        ("2025-07-16T10:30:00Z", "2025-07-16"),
        ("July 16, 2025", "2025-07-16"),
        ("16 July 2025", "2025-07-16"),
        ("Dec. 18, 2019", "2019-12-18"),
        ("2025-13", None),
        ("2025-02-30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_article_dates(value, expected):
    found = parse_date(value)
    assert (str(found) if found else None) == expected


def test_a_date_alone_on_an_early_line_dates_an_undated_article():
    text = "Troops Leave the City\n\n    Julia Wallace\n\n    July 16, 2025\n\n    The troops left on Monday."
    assert str(article_range(None, text)) == "2025-07-16"
    assert article_range(None, "The troops left. On July 16, 2025 the mayor spoke at length.") is None


WHEN = parse_date("2025-07-17")  # a Thursday


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Hegseth on Wednesday ordered the release of the troops.", "2025-07-16"),
        ("The vote is scheduled for Monday.", "2025-07-21"),
        ("The vote will take place next Friday.", "2025-07-18"),
        ("Troops were deployed on June 7.", "2025-06-07"),
        ("Troops were deployed on 7 June.", "2025-06-07"),
        ("The order was signed on Dec. 18, 2019.", "2019-12-18"),
        ("The protests began in August.", "2024-08"),
        ("The protests began in early June.", "2025-06"),
        ("It happened yesterday.", "2025-07-16"),
        ("Unrest spread last month.", "2025-06"),
        ("The law passed in 2010.", "2010"),
        ("The troops left.", None),
    ],
)
def test_the_dates_of_a_sentence_read_against_the_article_s(sentence, expected):
    found = sentence_range(sentence, WHEN)
    assert (str(found) if found else None) == expected


def test_a_weekday_in_an_article_dated_by_month_is_any_such_day_of_that_month():
    found = sentence_range("On Wednesday the Pentagon spoke.", parse_date("2025-07"))
    assert (str(found.first), str(found.last)) == ("2025-06-25", "2025-07-30")


def test_without_the_article_s_date_only_full_dates_count():
    assert sentence_range("Hegseth on Wednesday ordered the release.", None) is None
    assert str(sentence_range("The order was signed on Dec. 18, 2019.", None)) == "2019-12-18"
