"""Readability: textstat's formulas, offline, with correct syllable counts."""

import pytest

from framing.readability_formulas import count_text, readability, syllables

TEXTS = [
    "The cat sat on the mat. It was happy.",
    "Immigration enforcement operations continued throughout the metropolitan area, officials said.",
    "Isn't it odd? We'll see. They've gone -- and so-called experts shrugged!",
    "One. Two words. Three little words here.",
    "Tabs\tand\u00a0odd\u2003spaces, (brackets) & 50% -- \u201ccurly\u201d_under_scores!\n\nNew para.",
]


@pytest.mark.parametrize(
    "word, n",
    [
        ("the", 1),
        ("fire", 2),
        ("every", 3),
        ("beautiful", 3),
        ("pentagon", 3),
        ("immigration", 4),
        ("enforcement", 3),
        ("syllable", 3),
        ("naive", 2),
        ("guardsmen", 2),
        ("brutalizing", 4),
    ],
)
def test_syllables_of_known_words(word, n):
    assert syllables(word) == n


def test_unknown_words_fall_back_to_hyphenation():
    assert syllables("zorblaxification") >= 4


@pytest.fixture
def textstat_with_our_syllables(monkeypatch):
    """textstat itself, told to use the same syllable counts instead of downloading."""
    import textstat
    import textstat.backend.counts._count_syllables as count_module

    from framing.readability_formulas import _cmu_table

    table = _cmu_table()

    class Phones(dict):
        def __getitem__(self, word):
            return [["AH0"] * table[word]]

    monkeypatch.setattr(count_module, "get_cmudict", lambda lang: Phones())
    return textstat


def test_the_familiar_words_are_textstats_list():
    textstat_utils = pytest.importorskip("textstat.backend.utils")
    from framing.readability_formulas import _easy_words

    assert _easy_words() == textstat_utils.get_lang_easy_words("en_US")


@pytest.mark.parametrize("text", TEXTS)
def test_scores_equal_textstats(textstat_with_our_syllables, text):
    ts = textstat_with_our_syllables
    ours = readability(text)
    assert ours.flesch_reading_ease == pytest.approx(ts.flesch_reading_ease(text))
    assert ours.flesch_kincaid_grade == pytest.approx(ts.flesch_kincaid_grade(text))
    assert ours.gunning_fog == pytest.approx(ts.gunning_fog(text))
    assert ours.smog_index == pytest.approx(ts.smog_index(text))
    assert ours.coleman_liau_index == pytest.approx(ts.coleman_liau_index(text))
    assert ours.automated_readability_index == pytest.approx(ts.automated_readability_index(text))
    assert ours.dale_chall == pytest.approx(ts.dale_chall_readability_score(text))
    assert ours.counts.words == ts.lexicon_count(text)
    assert ours.counts.sentences == ts.sentence_count(text)
    assert ours.counts.characters == ts.char_count(text)
    assert ours.counts.letters == ts.letter_count(text)


def test_empty_text():
    r = readability("")
    assert r.counts.words == 0 and r.flesch_reading_ease == 0.0


def test_counts_are_consistent():
    c = count_text(TEXTS[1])
    assert c.polysyllables >= c.difficult_words
    assert c.syllables >= c.words
