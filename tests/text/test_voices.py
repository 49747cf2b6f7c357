"""Voices and speakers: whose words each stretch of text is."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from framing import Article
from framing.text.document import VoiceRun, _token_runs

from ..conftest import QUOTE_AFTER, QUOTE_COLON, QUOTE_PRONOUN, QUOTE_SAID_NAME


def speakers(pipeline, text):
    result = pipeline.analyze(Article(text))
    return [(text[q.content_start : q.content_end], q.kind, q.speaker) for q in result.quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        (QUOTE_AFTER, [("We will not back down,", "direct", "Jane Ortiz")]),
        (QUOTE_SAID_NAME, [("The plan is reckless,", "direct", "Tom Reyes")]),
        (
            "Officials met Tom Reyes on Monday. " + QUOTE_COLON,
            [("The budget is a disaster.", "direct", "Tom Reyes")],
        ),
        (
            QUOTE_PRONOUN,
            [("We are ready,", "direct", "Ana Cruz"), ("Nothing will stop us,", "direct", "Ana Cruz")],
        ),
        (
            '"First," Ana Cruz said. "Second."',
            [("First,", "direct", "Ana Cruz"), ("Second.", "direct", "Ana Cruz")],
        ),
        (
            'Governor Ana Cruz criticized the order, calling it "purposefully cruel" on Monday.',
            [
                ('the order, calling it "purposefully cruel" on Monday', "reported", "Ana Cruz"),
                ("purposefully cruel", "partial", "Ana Cruz"),
            ][1:],
        ),
        (
            'A City Hall statement said the fees were "a burden on families."',
            [
                ('the fees were "a burden on families."', "reported", "City Hall"),
                ("a burden on families.", "partial", "City Hall"),
            ],
        ),
        ('"It is over," he said.', [("It is over,", "direct", "(unresolved)")]),
    ],
)
def test_speakers(pipeline, text, expected):
    found = speakers(pipeline, text)
    # reported content is trimmed of its final period
    found = [(t.rstrip("."), k, s) if k == "reported" else (t, k, s) for t, k, s in found]
    expected = [(t.rstrip("."), k, s) if k == "reported" else (t, k, s) for t, k, s in expected]
    assert found == expected


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "The mayor's office said that the new rules would start in May.",
            "the new rules would start in May",
            "mayor",
        ),
        ("Taxes will rise next year, the Treasury said Thursday.", "Taxes will rise next year", "Treasury"),
        ("According to Ana Cruz, the deal is already done.", "the deal is already done", "Ana Cruz"),
        (
            "Local residents say the river has flooded twice this year.",
            "the river has flooded twice this year",
            "local residents",
        ),
    ],
)
def test_reported_speech(pipeline, text, content, speaker):
    result = pipeline.analyze(text)
    reported = [q for q in result.quotes if q.kind in ("reported", "according-to")]
    assert len(reported) == 1
    q = reported[0]
    assert text[q.content_start : q.content_end].rstrip(".") == content
    assert speaker in (q.speaker or "")
    assert result.voice_at(q.content_start).voice == "reported"


def test_said_without_content_is_not_reported_speech(pipeline):
    result = pipeline.analyze("Tom Reyes said in a statement to reporters.")
    assert [q for q in result.quotes if q.kind == "reported"] == []


def test_loaded_word_in_quote_is_the_speakers(pipeline):
    text = '"The mob brought chaos to our streets," Mayor Jane Ortiz said.'
    result = pipeline.analyze(text)
    found = {(f.text, f.voice, f.speaker) for f in result.findings_in(analyzer="loaded")}
    assert ("mob", "quote", "Jane Ortiz") in found
    assert ("chaos", "quote", "Jane Ortiz") in found


def test_loaded_word_in_narration_is_the_outlets(pipeline):
    result = pipeline.analyze("The mob brought chaos to the streets on Friday.")
    assert {f.voice for f in result.findings} == {"narration"}
    assert all(f.speaker is None for f in result.findings)


TEXTS = st.lists(
    st.sampled_from(
        [
            "The council met.",
            '"We won," she said.',
            "Photo: A / Reuters",
            "MORE: Another story",
            "According to Ana Cruz, taxes rise.",
            '"unclosed',
            "\u201cCurly\u201d words.",
            "Rioters brutalized the town.",
            "",
            "\n",
            "Headline Without Stop",
        ]
    ),
    max_size=12,
).map("\n\n".join)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(TEXTS, st.text(max_size=300)))
@example(text="\xad")  # nothing is left after normalising
@example(text="\u200b\u200b")
def test_voices_tile_the_whole_text(pipeline, text):
    result = pipeline.analyze(text)
    pos = 0
    for v in result.voices:
        assert v.start == pos and v.end > v.start
        pos = v.end
    assert pos == len(text)
    for f in result.findings:
        assert text[f.start : f.end] == f.text
        if f.analyzer == "epistemic" and f.category == "scare_quote":
            # the quotation marks are the outlet's choice: its own voice around quoted words
            assert f.voice in ("narration", "headline") and f.speaker is None
        else:
            assert result.voice_at(f.start).voice == f.voice


@pytest.mark.parametrize(
    "text, furniture, body",
    [
        (
            "Advertisement\n\nTroops arrived in the city on Monday, officials said.\n\n"
            "Share this article\nSign up for our newsletter\n",
            9,  # Advertisement (1), Share this article (3), Sign up for our newsletter (5)
            9,
        ),
        ("Troops arrived in the city on Monday, officials said.", 0, 9),
    ],
)
def test_furniture_words_are_counted_apart(pipeline, text, furniture, body):
    words = pipeline.analyze(Article(text)).words
    assert words["furniture"] == furniture
    assert sum(n for voice, n in words.items() if voice != "furniture") == body


@pytest.mark.parametrize(
    "text, by_voice, by_speaker",
    [
        (QUOTE_AFTER, {"quote": 5, "narration": 6}, {"Jane Ortiz": 5}),
        (
            QUOTE_PRONOUN,
            {"quote": 7, "narration": 6},
            {"Ana Cruz": 7},
        ),
        ("Troops arrived on Monday.", {"narration": 4}, {}),
    ],
)
def test_words_are_counted_by_voice_and_speaker(pipeline, text, by_voice, by_speaker):
    doc = pipeline.segment(text)
    assert {v: n for v, n in doc.word_counts.items() if n} == by_voice
    assert doc.speaker_words == by_speaker


@pytest.mark.parametrize(
    "token_starts, runs, expected",
    [
        # a token starting where a run ends belongs to the next run
        ([0, 3, 5, 11, 12, 19], [(0, 5), (5, 12), (12, 20)], (0, 0, 1, 1, 2, 2)),
        # runs without tokens are skipped over
        ([0, 9], [(0, 2), (2, 4), (4, 8), (8, 10)], (0, 3)),
        ([], [(0, 4)], ()),
    ],
)
def test_each_token_gets_the_run_it_starts_in(token_starts, runs, expected):
    voice_runs = [VoiceRun(s, e, "narration") for s, e in runs]
    assert _token_runs(token_starts, voice_runs) == expected
