"""Epistemic markers: scare quotes in the outlet's voice, the month of May, and action
nouns whose actor is named as the subject of the clause."""

import pytest

from framing import Article, analyze


def epistemic(text):
    result = analyze(Article(text))
    return [f for f in result.findings if f.analyzer == "epistemic"], result.metrics.epistemic


@pytest.mark.parametrize(
    "text, quoted",
    [
        ('The so-called "patriots" marched through town and the mayor spoke.', "patriots"),
        ('The camp is a "facility" for families, the agency insists.', "facility"),
    ],
)
def test_scare_quotes_count_in_the_outlets_own_voice(text, quoted):
    found, metrics = epistemic(text)
    scare = [f for f in found if f.category == "scare_quote"]
    assert [quoted in f.text for f in scare] == [True]
    assert scare[0].own_voice and scare[0].speaker is None
    assert metrics.own.counts.get("scare_quote") == 1
    assert "scare_quote" not in metrics.quoted.counts


@pytest.mark.parametrize(
    "text, hedges",
    [
        ("On May 12, 2025, troops arrived in the city.", []),
        ("The May 2025 raids shocked residents.", []),
        ("The order ended on May 31.", []),
        ("Since May the unit has stayed.", []),
        ("By late May the troops had left.", []),
        ("The plan may fail.", ["may"]),
        ("May I ask a question?", ["May"]),
        ("In May, the plan may fail.", ["may"]),
    ],
)
def test_may_the_month_is_not_a_hedge(text, hedges):
    found, _ = epistemic(text)
    assert [f.text for f in found if f.category == "hedge" and f.term == "may"] == hedges


@pytest.mark.parametrize(
    "text, hidden",
    [
        ("Hegseth has ordered the withdrawal of troops.", []),
        ("Hegseth ramps up withdrawal of troops.", []),
        ("Trump has reduced the deployment of troops.", []),
        ("Secretary Hegseth ordered the release of 1,350 troops.", []),
        ("The deployment of troops angered residents.", ["deployment"]),
        ("Newsom protested the deployment of troops.", ["deployment"]),
        ("He ordered the withdrawal of troops.", ["withdrawal"]),
    ],
)
def test_action_nouns_with_a_named_subject_hide_no_actor(text, hidden):
    found, _ = epistemic(text)
    assert [f.text for f in found if f.category == "nominalisation"] == hidden
