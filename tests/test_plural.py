"""Counts with their nouns, the one way every report and message says them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.plural import count, plural


@pytest.mark.parametrize(
    "n, noun, expected",
    [
        (1, "mention", "1 mention"),
        (0, "mention", "0 mentions"),
        (2, "mention", "2 mentions"),
        (1_204, "article", "1,204 articles"),
        (1, "entry", "1 entry"),
        (3, "entry", "3 entries"),
        (2, "day", "2 days"),
        (2, "quote", "2 quotes"),
        (2, "process", "2 processes"),
        (2, "match", "2 matches"),
        (2, "box", "2 boxes"),
        (2, "loaded word", "2 loaded words"),
        (2, "CSV table", "2 CSV tables"),
        (2, "person", "2 people"),
        (2, "analysis", "2 analyses"),
        (1, "analysis", "1 analysis"),
        (2, "series", "2 series"),
    ],
)
def test_count_says_the_noun_for_the_number(n, noun, expected):
    assert count(n, noun) == expected


def test_a_plural_of_its_own():
    assert (
        count(2, "criterion", "criteria") == "2 criteria"
        and count(1, "criterion", "criteria") == "1 criterion"
    )


@pytest.mark.parametrize("n, verb", [(1, "is"), (2, "are"), (0, "are")])
def test_verbs_agree(n, verb):
    assert plural("is", n) == verb


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["word", "entry", "quote", "match"]))
def test_one_is_singular_and_every_other_number_plural(n, noun):
    said = count(n, noun)
    assert said.startswith(f"{n:,} ")
    assert said.endswith(f" {noun}") is (n == 1)
