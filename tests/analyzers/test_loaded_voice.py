"""Whose word a loaded word is: words mentioned rather than used, the outlet's own words
inside reported speech, and a side's label for itself. Every text is written for the tests."""

from __future__ import annotations

import pytest

from framing import Pipeline, Settings
from framing.analyzers.loaded import LoadedLanguageAnalyzer


@pytest.fixture(scope="module")
def lexicon_only() -> tuple[Pipeline, LoadedLanguageAnalyzer]:
    pipeline = Pipeline(Settings(analyzers=()))
    return pipeline, LoadedLanguageAnalyzer(pipeline.lexicons_of("loaded-language"))


def voices(fixture, text: str) -> dict[str, tuple[str, str | None]]:
    pipeline, analyzer = fixture
    return {f.text: (f.voice, f.speaker) for f in analyzer.analyze(pipeline.segment(text)).findings}


@pytest.mark.parametrize(
    "text, word",
    [
        ("Critics kept calling them thugs at the meeting.", "thugs"),
        ("He blamed the so-called radical left for the defeat.", "radical left"),
        ("What critics call a crackdown began on Monday.", "crackdown"),
        ("When the president uses the term \u201cinvaders,\u201d people notice.", "invaders"),
        ("He was accused of framing protesters as violent.", "violent"),
        ("The group was dubbed thugs by the tabloids.", "thugs"),
    ],
)
def test_a_word_mentioned_not_used_is_a_mention(lexicon_only, text, word):
    assert voices(lexicon_only, text)[word][0] == "mention"


@pytest.mark.parametrize(
    "text, word, voice",
    [
        # used, not mentioned: the same words in the outlet's narration
        ("The thugs left the building.", "thugs", "narration"),
        ("The crackdown began on Monday.", "crackdown", "narration"),
        # "called for" asks for something; it does not name anyone
        ("She called for a crackdown on fraud.", "crackdown", "narration"),
        # so-called is the outlet's own distancing
        ("He blamed the so-called radical left for the defeat.", "so-called", "narration"),
    ],
)
def test_a_word_used_keeps_its_voice(lexicon_only, text, word, voice):
    assert voices(lexicon_only, text)[word][0] == voice


def test_a_mention_is_kept_out_of_the_outlets_rate():
    result = Pipeline(Settings(analyzers=("loaded",))).analyze(
        "Critics kept calling them thugs at the meeting."
    )
    metrics = result.metrics.loaded
    assert metrics.mention == 1 and metrics.by_voice.mention == 1
    thugs = next(f for f in result.findings_in(analyzer="loaded") if f.text == "thugs")
    assert thugs.voice == "mention" and not thugs.own_voice
    assert "mentions the word rather than using it" in thugs.explanation
    assert metrics.own == sum(1 for f in result.findings_in(analyzer="loaded") if f.own_voice)


@pytest.mark.parametrize(
    "text, word, voice, speaker",
    [
        # before the cue: the outlet's description of what the speaker talked about
        (
            "The troops returned from a controversial mission in Los Angeles, the Pentagon said.",
            "controversial",
            "narration",
            None,
        ),
        # an intensifier in a paraphrase is the outlet's
        ("Senator Ana Ruiz said the plan was a massive failure.", "massive", "narration", None),
        # a charge the speaker makes stays the speaker's
        ("Mayor Tom Reyes said the protesters were violent.", "violent", "reported", "Tom Reyes"),
    ],
)
def test_the_outlets_word_inside_reported_speech_is_the_outlets(lexicon_only, text, word, voice, speaker):
    assert voices(lexicon_only, text)[word] == (voice, speaker)


def test_the_outlets_word_in_a_paraphrase_says_why_it_is_the_outlets(lexicon_only):
    pipeline, analyzer = lexicon_only
    text = "The troops returned from a controversial mission in Los Angeles, the Pentagon said."
    (finding,) = [f for f in analyzer.analyze(pipeline.segment(text)).findings if f.text == "controversial"]
    assert finding.explanation.endswith("but the word is the outlet's own description.")


@pytest.mark.parametrize(
    "text, found",
    [
        ("We leftists will keep marching.", []),
        ("The march brought our fellow leftists together.", []),
        ("The leftists marched downtown.", ["leftists"]),
    ],
)
def test_a_side_describing_itself_is_not_name_calling(lexicon_only, text, found):
    assert list(voices(lexicon_only, text)) == found
