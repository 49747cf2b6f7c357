"""Context rules: a lexicon entry does not apply where its not_when rules hold, and a
word inside a name or a title is not the writer's. Every text is written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import LexiconError, Pipeline, Settings, load_lexicon
from framing.analyzers.loaded import LoadedLanguageAnalyzer
from framing.cli import main
from framing.lexicon.context import CONTEXT_RULES, Span, does_not_apply
from framing.text.matcher import match_units
from framing.text.tokens import tokenize


@pytest.fixture(scope="module")
def lexicon_only() -> tuple[Pipeline, LoadedLanguageAnalyzer]:
    pipeline = Pipeline(Settings(analyzers=()))
    return pipeline, LoadedLanguageAnalyzer(pipeline.lexicons_of("loaded-language"))


def listed(fixture: tuple[Pipeline, LoadedLanguageAnalyzer], text: str) -> list[str]:
    pipeline, analyzer = fixture
    return [f.text for f in analyzer.analyze(pipeline.segment(text)).findings]


@pytest.mark.parametrize(
    "text, found",
    [
        # armies: an invasion by troops is the plain word
        ("Russian troops began the invasion at dawn.", []),
        ("The Soviet invasion lasted nine years.", []),
        ("Tanks rolled in as the invasion began.", []),
        ("Officials warned of an invasion at the border.", ["invasion"]),
        ("Migrants will invade the suburbs, the flyer said.", ["invade"]),
        # a figure of deaths: the strong word can be the accurate one
        ("The catastrophic flood killed 40 people.", []),
        ("The massacre left twelve people dead.", []),
        ("The catastrophic tax plan passed.", ["catastrophic"]),
        ("The vote was a massacre for the party.", ["massacre"]),
        # the weather
        ("It was a brutal winter for farmers.", []),
        ("Punishing, brutal heat hit the city.", []),
        ("It was a brutal campaign.", ["brutal"]),
        # a job title, an office or a unit
        ("He joined the violent offender unit last year.", []),
        ("The violent protest ended at noon.", ["violent"]),
        # inside a name: one word, and every word of a phrase
        ("He asked about Operation Fast and Furious at the hearing.", []),
        ("The men escaped from the Clinton Correctional Facility on Friday.", []),
        ("They were held in a correctional facility for years.", ["correctional facility"]),
    ],
)
def test_an_entry_does_not_apply_in_its_context(lexicon_only, text, found):
    assert listed(lexicon_only, text) == found


def test_raid_is_the_newsroom_word_a_label_choice_not_a_loaded_word():
    result = Pipeline(Settings(analyzers=("loaded", "labels"))).analyze(
        "Agents carried out a raid on the farm."
    )
    assert [f for f in result.findings_in(analyzer="loaded") if f.origin == "lexicon"] == []
    (label,) = result.findings_in(analyzer="labels")
    assert (label.text, label.detail) == ("raid", "neutral")
    assert "label choice" in label.explanation


def span_of(text: str, word: str) -> Span:
    tokens = tokenize(text)
    keys = [u.key for u in match_units(tokens)]
    first = keys.index(word)
    return Span(keys, [t.text for t in tokens], first, first + 1, 0, len(keys))


@pytest.mark.parametrize(
    "rule, text, word, holds",
    [
        ("armies", "NATO troops crossed after the invasion.", "invasion", True),
        ("armies", "Israel's invasion of the strip began.", "invasion", True),
        ("armies", "They call it an invasion of migrants.", "invasion", False),
        ("armies", "A Mexican invasion, the flyer said.", "invasion", False),
        ("death-toll", "The crash that killed 50 was catastrophic.", "catastrophic", True),
        ("death-toll", "Hundreds of victims, a catastrophic night.", "catastrophic", True),
        ("death-toll", "A catastrophic loss of 50 seats.", "catastrophic", False),
        ("job-title", "She is a crisis counselor now.", "crisis", True),
        ("job-title", "The extremist threat analyst spoke.", "extremist", True),
        ("job-title", "The crisis, officials said, is over.", "crisis", False),
        ("weather", "A brutal winter storm came.", "brutal", True),
        ("weather", "A brutal attack came.", "brutal", False),
    ],
)
def test_each_rule_reads_the_sentence(rule, text, word, holds):
    s = span_of(text, word)
    assert CONTEXT_RULES[rule].applies(s) is holds
    assert does_not_apply([rule], s) == (rule if holds else None)


HEADER = """# id: my-words
# version: 1.0.0
# kind: loaded-language
# language: en
# license: CC0-1.0
# category.test: Test words | Words for the test.
term\tpos\tcategory\tweight\talternative\texplanation\tforms\texclude\tnot_when
"""


def test_a_lexicon_names_its_context_rules(tmp_path: Path):
    path = tmp_path / "words.tsv"
    path.write_text(HEADER + "invasion\tnoun\ttest\t2\tarrival\tCan sound like war.\t\t\tarmies; weather\n")
    assert load_lexicon(path).entries[0].not_when == ("armies", "weather")


def test_an_unknown_context_rule_is_refused_with_the_known_ones(tmp_path: Path):
    path = tmp_path / "words.tsv"
    path.write_text(HEADER + "invasion\tnoun\ttest\t2\tarrival\tCan sound like war.\t\t\tsoldiers\n")
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    message = str(err.value)
    assert f"{path}:8:" in message and "'soldiers' is not a context rule" in message
    assert all(name in message for name in CONTEXT_RULES)


def test_the_rules_are_listed_from_their_registry(capsys):
    assert main(["list", "rules"]) == 0
    out = capsys.readouterr().out
    for rule in CONTEXT_RULES.values():
        assert f"{rule.name}" in out and rule.description in out
