"""The same quotation in several articles, compared word for word (texts written for the tests)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing import Article, compare
from framing.coverage.quotations import _align, _words

FULL = (
    '"We will rebuild the bridge before winter and we will not raise taxes to do it," '
    "Mayor Jane Ortiz said on Tuesday. The council met for three hours."
)


def uses(second: str):
    c = compare([Article(FULL, id="a", outlet="Daily A"), Article(second, id="b", outlet="Daily B")])
    (sq,) = c.coverage.quotations
    return {u.article: u for u in sq.uses}, sq


@pytest.mark.parametrize(
    "second, status, cuts, dropped, changed",
    [
        pytest.param(
            '"We will rebuild the bridge before winter," the mayor said. Residents cheered.',
            "cut",
            ("end",),
            ("and we will not raise taxes to do it",),
            (),
            id="cut at the end",
        ),
        pytest.param(
            'Ortiz promised to "rebuild the bridge before winter and we will not raise taxes to do it." '
            "Residents cheered.",
            "cut",
            ("start",),
            ("We will",),
            (),
            id="cut at the start",
        ),
        pytest.param(
            '"We will rebuild the bridge \u2026 and we will not raise taxes to do it," Ortiz said. Residents cheered.',
            "cut",
            ("inside",),
            ("before winter",),
            (),
            id="cut in the middle",
        ),
        pytest.param(
            '"We will rebuild the bridge before winter and we won\'t raise taxes to do it," Ortiz said. '
            "Residents cheered.",
            "altered",
            (),
            (),
            (("will not", "won't"),),
            id="words changed",
        ),
    ],
)
def test_each_outlet_s_words_against_the_longest_version(second, status, cuts, dropped, changed):
    by_article, sq = uses(second)
    full, other = by_article["Daily A"], by_article["Daily B"]
    assert sq.longest_in == "Daily A" and full.status == "full"
    assert (other.status, other.cuts, other.dropped, other.changed) == (status, cuts, dropped, changed)
    # the aligned view holds every word of the longest version, cut ones included
    kept = " ".join(s.words for s in other.steps if s.op in ("keep", "cut", "change"))
    assert kept.split() == sq.quote.replace(",", "").split() or kept.replace(",", "") == sq.quote.replace(
        ",", ""
    )


def test_a_paraphrase_is_shown_as_one():
    by_article, _ = uses(
        "Ortiz said the city would rebuild the bridge before winter without raising taxes. Residents cheered."
    )
    para = by_article["Daily B"]
    assert para.status == "paraphrased" and para.steps == ()
    assert "rebuild the bridge" in para.words


def test_the_verb_and_how_each_outlet_names_the_speaker():
    by_article, sq = uses('"We will rebuild the bridge before winter," the mayor claimed. Residents cheered.')
    assert sq.speaker == "Jane Ortiz"
    assert by_article["Daily A"].speaker_as.startswith("Mayor Jane Ortiz")
    assert by_article["Daily A"].cue == "say"
    assert by_article["Daily B"].cue == "claim" and by_article["Daily B"].cue_grade == "distancing"


def test_a_cut_that_drops_loaded_words_is_flagged_and_comes_first():
    a = (
        '"We thank the officers who came to protect the city against the rampant lawlessness downtown," '
        "Chief Ana Cruz said.\n\nThe council met on Monday.\n\n"
        '"The parade will go ahead on Saturday as planned by the organisers," Cruz said.'
    )
    b = (
        '"The parade will go ahead on Saturday," Cruz said.\n\nShops will close early.\n\n'
        '"We thank the officers who came to protect the city," Chief Ana Cruz said.'
    )
    c = compare([Article(a, id="a", outlet="Daily A"), Article(b, id="b", outlet="Daily B")])
    first, second = c.coverage.quotations
    assert first.loaded_cut and not second.loaded_cut
    cut = next(u for u in first.uses if u.article == "Daily B")
    assert "rampant lawlessness" in cut.dropped_loaded
    assert any(s.op == "cut" and "rampant lawlessness" in s.loaded for s in cut.steps)


def test_quotations_one_article_alone_carries_are_not_shared():
    c = compare(
        [
            Article('"We will rebuild the bridge before winter," Ortiz said.', id="a"),
            Article('"The budget is balanced for the first time," Reyes said.', id="b"),
        ]
    )
    assert c.coverage.quotations == ()


WORDS = st.lists(
    st.sampled_from("we will rebuild the bridge before winter not raise taxes it".split()), max_size=12
)


@given(WORDS, WORDS)
def test_the_word_alignment_holds_both_versions_whole(ref, use):
    """Reading the steps back gives the longest version (kept, cut and changed words)
    and the outlet's version (kept, added and changed words), in order."""
    text = " ".join(ref) + " | " + " ".join(use)
    words = _words(text, 0, len(text))
    ref_words, use_words = words[: len(ref)], words[len(ref) :]
    steps = _align(ref_words, use_words)
    assert [w.text for op, r, _ in steps if op != "add" for w in r] == ref
    assert [w.text for op, _, u in steps if op != "cut" for w in u] == use
    assert all(op in ("keep", "cut", "add", "change") for op, _, _ in steps)
