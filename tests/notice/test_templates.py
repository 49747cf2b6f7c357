"""The templates of What to notice: each fires when its numbers hold and not otherwise,
is hedged where they are few, and accuses no one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.notice import TEMPLATES
from framing.notice.inputs import Others
from framing.notice.templates import FEW_WORDS, template
from framing.renderers._format import FEW_WORDS as TABLES_FEW_WORDS

from ..conftest import REPO

GAP = {
    "high": "A",
    "high_rate": 40.0,
    "high_count": 8,
    "high_words": 200,
    "low": "B",
    "low_rate": 0.0,
    "low_count": 0,
    "low_words": 250,
    "low_quoted": 3,
    "low_reported": 0,
}
CUT = {"article": "B", "speaker": "X", "longest": "A", "dropped": "w", "dropped_words": 2, "loaded": []}


@pytest.mark.parametrize(
    "tid, values, fires",
    [
        ("own_rate_gap", GAP, True),
        ("own_rate_gap", {**GAP, "high_count": 2, "high_rate": 10.0}, False),  # too few words to say
        ("own_rate_gap", {**GAP, "low_rate": 25.0, "low_count": 6}, False),  # not twice as many
        ("own_rate_gap", {**GAP, "high_rate": 8.0, "low_rate": 4.0, "low_count": 1}, False),  # gap under 5
        ("own_rate_gap", {**GAP, "high_words": FEW_WORDS - 1}, False),  # too short to compare
        ("own_rate_gap", {**GAP, "low_words": FEW_WORDS - 1}, False),
        ("all_loaded_quoted", {"own": 0, "own_words": 300, "quoted": 2, "reported": 1}, True),
        ("all_loaded_quoted", {"own": 1, "own_words": 300, "quoted": 5, "reported": 0}, False),
        ("all_loaded_quoted", {"own": 0, "own_words": 300, "quoted": 1, "reported": 0}, False),
        ("all_loaded_quoted", {"own": 0, "own_words": 40, "quoted": 5, "reported": 0}, False),
        ("few_own_words", {"own_words": 19, "articles": 2}, True),
        ("few_own_words", {"own_words": FEW_WORDS, "articles": 2}, False),
        ("few_own_words", {"own_words": 0, "articles": 2}, False),
        ("few_own_words", {"own_words": 19, "articles": 1}, False),
        ("quotation_cut_end", {**CUT, "loaded": ["rampant"]}, True),
        ("quotation_cut_end", {**CUT, "dropped_words": 6}, True),
        ("quotation_cut_start", CUT, False),  # a short cut of plain words says little
        ("quotation_cut_inside", {**CUT, "dropped_words": 5}, False),
        ("quotation_changed", {"changed": [["mob", "crowd"]]}, True),
        ("quotation_changed", {"changed": []}, False),
        ("only_source_type", {"types": ["ordinary"], "others_least_sources": 1}, True),
        ("only_source_type", {"types": [], "others_least_sources": 3}, False),
        ("only_source_type", {"types": ["ordinary"], "others_least_sources": 0}, False),
        ("quotes_no_one", {"attributions": 0, "quoted_words": 0, "others_least": 2}, True),
        ("quotes_no_one", {"attributions": 1, "quoted_words": 0, "others_least": 5}, False),
        ("quotes_no_one", {"attributions": 0, "quoted_words": 0, "others_least": 1}, False),
        ("few_quoted_words", {"quoted_words": 1, "others_least": 19}, True),
        ("few_quoted_words", {"quoted_words": 0, "others_least": 19}, False),  # quotes_no_one's case
        ("few_quoted_words", {"quoted_words": 11, "others_least": 100}, False),
        ("few_quoted_words", {"quoted_words": 6, "others_least": 15}, False),  # not a third
        ("unnamed_sources", {"unnamed": 2, "others": ["A"]}, True),
        ("unnamed_sources", {"unnamed": 0, "others": ["A"]}, False),
        ("unnamed_sources", {"unnamed": 2, "others": []}, False),
        ("judging_verbs", {"judging": 3, "verbs": 10, "plain_verbs": 3}, True),
        ("judging_verbs", {"judging": 1, "verbs": 2, "plain_verbs": 5}, False),
        ("judging_verbs", {"judging": 2, "verbs": 20, "plain_verbs": 5}, False),  # one in ten
        ("judging_verbs", {"judging": 3, "verbs": 5, "plain_verbs": 2}, False),
        ("label_choice", {"uses": 2, "others": ["A"]}, True),
        ("label_choice", {"uses": 2, "others": []}, False),
        ("role_own_voice", {"role": "villain", "evidence": 1, "strongest": 3, "others": ["A"]}, True),
        ("role_own_voice", {"role": "neutral", "evidence": 1, "strongest": 3, "others": ["A"]}, False),
        ("role_own_voice", {"role": "victim", "evidence": 1, "strongest": 2, "others": ["A"]}, False),
        ("role_own_voice", {"role": "hero", "evidence": 0, "strongest": 3, "others": ["A"]}, False),
        ("single_article", {"articles": 1}, True),
        ("single_article", {"articles": 2}, False),
        ("alike", {"articles": 3}, True),
    ],
)
def test_each_template_fires_when_its_numbers_hold(tid, values, fires):
    assert template(tid).fires(values) is fires


@pytest.mark.parametrize(
    "tid, values, hedged",
    [
        ("own_rate_gap", {**GAP, "high_count": 3}, True),
        ("own_rate_gap", {**GAP, "high_count": 4}, True),
        ("own_rate_gap", GAP, False),
        ("judging_verbs", {"judging": 2, "verbs": 5, "plain_verbs": 4}, True),
        ("judging_verbs", {"judging": 4, "verbs": 5, "plain_verbs": 4}, False),
        ("only_source_type", {"types": ["ordinary"], "others_least_sources": 1}, True),
        ("role_own_voice", {"role": "villain", "evidence": 1, "strongest": 3, "others": ["A"]}, True),
        ("label_choice", {"uses": 2, "others": ["A"]}, False),
    ],
)
def test_small_numbers_and_uncertain_readings_are_hedged(tid, values, hedged):
    assert template(tid).hedged(values) is hedged


def test_a_small_count_says_how_few():
    t = template("own_rate_gap")
    text = t.text(
        {**GAP, "high_count": 3},
        {"high_rate": "15", "high_count": "3", "high_words": "200", "low_part": "none"},
    )
    assert text.endswith("That rests on only 3 words: a few more or fewer would change it.")


#: Words that accuse rather than describe.
ACCUSING = re.compile(
    r"\b(bias(ed)?|lie[sd]?|lying|liars?|propaganda|dishonest|misleading|mislead|fake|distort\w*|"
    r"manipulat\w*|slant\w*|spin|agenda|hides?|censor\w*|unfair|partisan)\b",
    re.I,
)


@pytest.mark.parametrize("t", TEMPLATES, ids=lambda t: t.id)
def test_no_template_accuses(t):
    assert not ACCUSING.search(t.wording + " " + t.hedge)


def test_the_accusing_words_check_can_fail():
    assert ACCUSING.search("The outlet is biased") and ACCUSING.search("pure propaganda")


@pytest.mark.parametrize("t", TEMPLATES, ids=lambda t: t.id)
def test_every_template_has_a_reason_and_is_documented(t):
    assert t.reason.strip()
    doc = (REPO / "docs" / "report-schema.md").read_text(encoding="utf-8")
    assert f"`{t.id}`" in doc


def test_templates_have_unique_ids():
    assert len({t.id for t in TEMPLATES}) == len(TEMPLATES)


def test_too_few_words_is_the_tables_number():
    assert FEW_WORDS == TABLES_FEW_WORDS


@given(st.lists(st.integers(min_value=0, max_value=50), min_size=2, max_size=12))
def test_others_give_the_least_and_most_of_every_article_but_one(values):
    others = Others(values)
    for i in range(len(values)):
        rest = values[:i] + values[i + 1 :]
        assert others.least(i) == min(rest) and others.most(i) == max(rest)
