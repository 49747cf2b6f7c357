"""One contract for every registered analyser."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import ANALYZERS, Article, Settings, analyze
from framing.pipeline import Pipeline

TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(
        st.sampled_from(
            [
                "The mob rioted.",
                '"Brutal," he said.',
                "Photo: X / AP",
                "\n\n",
                "so-called",
                "\u201c",
                "Gov. Ann Lee",
                " ",
            ]
        ),
        max_size=15,
    ).map(" ".join),
)


@pytest.fixture(scope="module", params=sorted(ANALYZERS))
def single(request):
    return Pipeline(Settings(analyzers=(request.param,)))


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "Hi."])
def test_empty_or_tiny_input_gives_an_empty_valid_result(single, text):
    result = single.analyze(text)
    assert result.findings == ()
    assert sum(v.end - v.start for v in result.voices) == len(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_contract(single, text):
    a = single.analyze(Article(text, id="x"))
    b = single.analyze(Article(text, id="x"))
    assert a.to_dict() == b.to_dict()  # deterministic
    for f in a.findings:
        assert text[f.start : f.end] == f.text  # spans slice back
        # "mention": a loaded word the article mentions rather than uses ("calling them thugs")
        assert f.voice in ("narration", "headline", "quote", "reported", "mention")
        assert 1 <= f.weight <= 3
        # the actors analyser's findings, and only they, name an actor; it is never the category
        assert (f.actor is not None) == (f.analyzer == "actors")
        assert f.category != f.actor
        # what found it: a lexicon (named), the learned model (named), or neither (rules)
        assert f.origin in (None, "lexicon", "model")
        assert (f.origin == "lexicon") == (f.lexicon_id is not None)
        assert (f.origin == "model") == (f.model_id is not None)
    tone = a.metrics.tone
    if tone:
        for p in tone.pieces:
            assert -1.0 <= p.compound <= 1.0
    loaded = a.metrics.loaded
    if loaded:
        assert loaded.count == len(a.findings)
        assert all(v >= 0 for v in loaded.per_1000_by_voice.to_dict().values())


def test_unknown_analyzer_is_named_with_the_choices():
    from framing import UsageError

    with pytest.raises(UsageError, match="unknown analyser 'nope'; choose from: loaded"):
        analyze("x", settings=Settings(analyzers=("nope",)))
