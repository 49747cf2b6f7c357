"""Loaded-language matching: inflections, phrases, exclusions, voices."""

import pytest

from framing import analyze


def loaded(text):
    """The lexicon's findings (the model's learned guesses are tested in test_loaded_model.py)."""
    return [
        (f.text, f.term, f.voice)
        for f in analyze(text).findings_in(analyzer="loaded")
        if f.origin == "lexicon"
    ]


@pytest.mark.parametrize(
    "text, found",
    [
        ("Troops brutalize the town.", [("brutalize", "brutalize")]),
        ("Troops brutalized the town.", [("brutalized", "brutalize")]),
        ("Troops were brutalizing the town.", [("brutalizing", "brutalize")]),
        ("They squashed the protest.", [("squashed", "squash")]),
        ("Police squash protests.", [("squash", "squash")]),
        ("The city faced rampant lawlessness.", [("rampant lawlessness", "rampant lawlessness")]),
        ("RAMPANT LAWLESSNESS, said nobody.", [("RAMPANT LAWLESSNESS", "rampant lawlessness")]),
        ("Two thugs and one thug.", [("thugs", "thug"), ("thug", "thug")]),
        ("A so-called expert spoke.", [("so-called", "so-called")]),
        ("He is a would be candidate.", []),
        ("She plays squash on Sundays.", []),
        ("The grand slam was won.", []),
        ("Lawlessness grew.", [("Lawlessness", "lawlessness")]),
        # a verb entry's noun where the noun is not loaded
        ("The blast shattered windows. Critics blasted the plan.", [("blasted", "blast")]),
        ("He went with his gut. They gutted the agency.", [("gutted", "gut")]),
        ("The railroad hired workers. They railroaded the bill.", [("railroaded", "railroad")]),
        ("She decided to take the plunge. Stocks plunged.", [("plunged", "plunge")]),
        ("They hid in the cave to wait. The mayor caved to pressure.", [("caved to", "cave to")]),
    ],
)
def test_matches(text, found):
    assert [(t, term) for t, term, _ in loaded(text)] == found


def test_words_inside_other_words_never_match():
    assert loaded("The assault on Thuggee history was a classroom topic.") == [] or all(
        t.lower() != "thug" for t, _, _ in loaded("Thuggee")
    )


def test_a_longer_phrase_wins_over_its_parts():
    found = loaded("The city faced rampant lawlessness today.")
    assert [t for t, _, _ in found] == ["rampant lawlessness"]


def test_rates_are_per_thousand_words_of_each_voice():
    text = 'Rioters brutalized the town. "It was calm," Mayor Jane Ortiz said.'
    result = analyze(text)
    m = result.metrics.loaded
    assert m.own == 2 and m.quoted == 0
    assert m.per_1000_own == pytest.approx(1000 * 2 / m.own_words)
    assert m.by_speaker["Jane Ortiz"].count == 0


@pytest.mark.parametrize(
    "text, found",
    [
        # part of a person's name, and later the surname alone
        ("CNN's Dana Bash asked the senator. Later, Bash pressed the issue.", []),
        ("Rep. Louise Slaughter said the bill would pass.", []),
        ("The poll was run by Jennifer Lawless, a political scientist.", []),
        # part of the name of a programme, a group, a law or a book
        ("He asked about Operation Fast and Furious at the hearing.", []),
        ("The Alliance to End Repression met with the mayor.", []),
        ("She rode the Transcontinental Railroad in a novel.", []),
        # a name's word elsewhere in lowercase is still the writer's word
        ("Dana Bash asked. Critics bash the plan.", [("bash", "bash")]),
        # the writer's own capitals: a phrase, a sentence opener, a word in capitals
        (
            "He blamed the Radical Left and the Deep State.",
            [("Radical Left", "radical left"), ("Deep State", "deep state")],
        ),
        ("Brutal raids followed.", [("Brutal", "brutal")]),
        ("They called US RIOTERS on the news.", [("RIOTERS", "rioter")]),
        ('He wrote: "Did Crooked Hillary help them?" and left.', [("Crooked", "crooked")]),
        ("The Brutal truth is plain.", [("Brutal", "brutal")]),
        # a headline-like line in title case says nothing by its capitals
        ("Trump Slams Critics Over Border Plan", [("Slams", "slam")]),
    ],
)
def test_a_loaded_word_inside_a_name_is_not_the_writers(text, found):
    assert [(t, term) for t, term, _ in loaded(text)] == found
