"""framing.vader must score every text exactly as vaderSentiment 3.3.2 does.

Each check compares the port with ``vaderSentiment``'s own ``SentimentIntensityAnalyzer``:
on sentences written here for each rule, on sentences generated from a vocabulary of
lexicon words, rule words, punctuation and emoji, on arbitrary text, and on the sentences
of the seed articles.
"""

from __future__ import annotations

import copy
import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vaderSentiment import vaderSentiment as reference_module

from framing import vader as port_module
from framing.vader import Vader, default_vader

from .conftest import SEEDS

REFERENCE = reference_module.SentimentIntensityAnalyzer()
PORT = default_vader()
TOLERANCE = 1e-9


def mismatch(text: str, port: Vader = PORT) -> str | None:
    """Return a description of how the port differs from vaderSentiment on ``text``, or None."""
    want = REFERENCE.polarity_scores(text)
    got = port.polarity_scores(text)
    compound = port.compound(text)
    if list(got) != list(want):
        return f"{text!r}: keys {list(got)} != {list(want)}"
    for key, value in want.items():
        if not isinstance(got[key], float) or abs(got[key] - value) > TOLERANCE:
            return f"{text!r}: {key} {got[key]!r} != {value!r}"
    if not isinstance(compound, float) or abs(compound - want["compound"]) > TOLERANCE:
        return f"{text!r}: compound() {compound!r} != {want['compound']!r}"
    return None


def assert_same(text: str, port: Vader = PORT) -> None:
    """Fail unless the port's scores and compound equal vaderSentiment's for ``text``."""
    problem = mismatch(text, port)
    assert problem is None, problem


# -- (a) sentences written for each rule ---------------------------------------------------

TABLE = {
    "plain positive": "VADER is smart, handsome, and funny.",
    "plain negative": "The service was slow and the food was awful.",
    "neutral": "The meeting is on Tuesday at the town hall.",
    "one word": "good",
    "one word upper": "GOOD",
    # negation, one to three words back
    "negation 1": "The food is not good.",
    "negation 2": "The food is not very good.",
    "negation 3": "The food is not at all good.",
    "negation 4 is too far": "The food is not at all that good.",
    "negation n't": "It isn't a horrible book.",
    "negation n't no apostrophe": "It isnt a horrible book.",
    "negation other n't word": "You shouldn't've been that rude.",
    "negation other n't word 1 back": "It mayn't good.",
    "negation other n't word 2 back": "It mayn't be good.",
    "negation other n't before so": "You shouldn't've been so rude.",
    "negation nor": "VADER is not smart, handsome, nor funny.",
    "negation without": "Without a doubt, excellent idea.",
    "negation without doubt": "Without doubt an excellent idea.",
    "negation without any doubt": "Without any doubt, an excellent idea.",
    "negation despite": "Despite good reviews it flopped.",
    "negation never": "Sentiment analysis has never been good.",
    "never this": "Sentiment analysis has never been this good!",
    "never so": "I have never felt so happy.",
    "never so adjacent": "It was never so good.",
    "so before word": "I am so happy today.",
    "this before word": "I think this great plan works.",
    "negation upper": "It is NOT good.",
    "negation uh-uh": "uh-uh, that is bad",
    "negation rarely": "They rarely win and seldom smile.",
    "negation curly apostrophe": "I don’t like it and it isn’t good.",
    "negation ain't": "Ain't nothing wrong with that.",
    # boosters and dampeners
    "booster": "VADER is very smart, handsome, and funny.",
    "booster negative": "It was extremely bad.",
    "booster 2 back": "It was really very good.",
    "booster 3 back": "absolutely really very good",
    "booster upper": "VADER is VERY smart, handsome, and funny.",
    "booster all upper": "VERY SMART",
    "booster before negation": "It was totally not good.",
    "dampener": "The book was slightly good.",
    "dampener negative": "The soup was barely awful.",
    "kind of": "The book was only kind of good.",
    "kind of at start": "kind of good",
    "kind of alone": "kind of",
    "kind alone": "She is kind.",
    "kind of three back": "It is kind of a good idea.",
    "sort of": "The show was sort of a great success.",
    "kinda": "Today only kinda sux! But I'll get by, lol",
    "just enough": "There was just enough good food.",
    "booster lexicon mix": "It was so incredibly, amazingly wonderful.",
    "booster word alone": "very",
    "slang booster": "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    # ALL CAPS emphasis
    "caps one word": "The movie was GREAT.",
    "caps negative": "Today SUX!",
    "caps all words": "THE MOVIE WAS GREAT",
    "caps two words": "GREAT MOVIE",
    "caps mixed": "VADER is VERY SMART, handsome, and FUNNY.",
    "caps emoticon": "I am HAPPY :)",
    "caps no": "NO good",
    "caps single letter": "I liked it A lot.",
    # "but"
    "but": "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "but upper": "The food was good BUT the service was terrible.",
    "but first": "But it was a lovely day.",
    "but last": "It was a lovely day, but",
    "but twice": "good but bad but great",
    "but repeated values": "happy sad but happy sad",
    "but halved collides": "great good but fine",
    "but raised collides": "but good great",
    "but with comma": "Nice, but, awful.",
    "but with zero lexicon": "but no",
    "but finds the halved value": "It was kind, but yeah.",
    # "least"
    "least": "Roger Dodger is one of the least compelling variations on this theme.",
    "at least": "Roger Dodger is at least compelling as a variation on the theme.",
    "very least": "At the very least a good try.",
    "very least before word": "It was the very least good option.",
    "least second word": "least good",
    "least first word": "Least good idea ever.",
    "least alone": "least",
    "at least isn't": "At least it isn't a horrible book.",
    # "no"
    "no before lexicon word": "There is no love here.",
    "no before plain word": "There is no way.",
    "no alone": "no",
    "no no": "no no",
    "no at end": "I said no",
    "no two back": "no real good",
    "no three back with or": "no fun or good",
    "no three back with nor": "no fun nor good",
    "no three back": "no one here is good",
    "no three back without or": "no time, then good",
    "no three back with and": "no fun and good",
    "no repeated": "No, no, no, that is no good at all.",
    "no upper": "NO LOVE",
    # special cases and idioms
    "the shit": "With VADER, sentiment analysis is the shit!",
    "the shit early": "the shit",
    "bad ass": "On the other hand, VADER is quite bad ass",
    "badass": "VADER is such a badass!",
    "bus stop": "I waited at the bus stop all day.",
    "yeah right": "Oh sure, yeah right, that went well.",
    "kiss of death": "For the team it was the kiss of death.",
    "to die for": "This cake is one to die for.",
    "beating heart": "I felt my own beating heart race.",
    "idiom after word": "It is a great bus stop",
    "laden idiom ignored": "He played it close, cut the mustard and broke a leg.",
    # emoji and emoticons
    "emoji": "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "emoji glued": "I love it😁",
    "emoji glued to lexicon description": "so much love💘",
    "emoji pair": "💘💋",
    "emoji alone": "😁",
    "emoji then word": "😁great day",
    "emoji with bang description": "Turn it 🔛 now",
    "emoji flag never matches": "Go team 🇺🇸 go",
    "emoji skin tone": "👍🏽 nice",
    "emoji after tab": "ok\t😁",
    "emoticons": "Make sure you :) or :D today!",
    "emoticon frown": "That was sad :-(",
    "emoticon only": ":)",
    "emoticon with punctuation": "great :).",
    # punctuation emphasis
    "exclamation 1": "Good!",
    "exclamation 2": "Good!!",
    "exclamation 5": "Good!!!!!",
    "exclamation negative": "Bad!!!",
    "exclamation neutral": "The meeting is Tuesday!!!",
    "question 1": "Is it good?",
    "question 2": "Good??",
    "question 3": "Good???",
    "question 4": "Good????",
    "mixed marks": "Really good?!?!",
    "marks only": "!!!???",
    "marks spaced": "good ! ! ? ?",
    # empty, whitespace and odd tokens
    "empty": "",
    "space": " ",
    "whitespace": "\n\t  \r\n",
    "padded": "   good   ",
    "no-break space": "good\u00a0bad",
    "em space": "good\u2003day",
    "file separator": "\x1cgood\x1fday",
    "punctuation token": "...",
    "two characters": "ok",
    "short stripped": "(a) good",
    "quoted short": "'no' good",
    # numbers, URLs, contractions, curly quotes
    "numbers": "It won 3.5 out of 5 stars and $5 million, up 100%.",
    "number glued": "1,350 more troops were withdrawn",
    "url": "See https://example.com/good-news for details.",
    "url bare": "www.bad.com",
    "url punctuation": "(http://sad.org/)",
    "contractions": "I'll get by, it's fine, we're happy, they've won.",
    "contraction caps": "I CAN'T stand it",
    "curly double quotes": "“This is great,” she said.",
    "curly single quotes": "‘bad’ is the word",
    "curly apostrophe": "It’s not good",
    "dash": "good—bad",
    # unicode case rules
    "dotted capital i": "İyi good",
    "dotted capital i short": "İa. good",
    "greek sigma": "ΣΟΦΟΣ good ΟΔΟΣ.",
    "kelvin sign": "\u212aill them all",
    "german": "Das ist gut, sehr gut!",
    # longer texts
    "paragraph": (
        "It was one of the worst movies I've seen, despite good reviews. Unbelievably bad acting!! "
        "Poor direction. VERY poor production. The movie was bad. Very bad movie. VERY BAD movie!"
    ),
    "many buts": "Good but bad, but fine, but awful but great but no.",
    "news": (
        "Officials said the deployment was necessary, but critics called it a dangerous "
        "escalation that could harm trust."
    ),
}


@pytest.mark.parametrize("text", list(TABLE.values()), ids=list(TABLE))
def test_written_sentences(text: str) -> None:
    assert_same(text)


# Each rule, checked to change vaderSentiment's score, so that the table above exercises it.
RULE_PAIRS = [
    ("The food is not good.", "The food is good."),
    ("The food is not at all good.", "The food is at all good."),
    ("Sentiment analysis has never been this good!", "Sentiment analysis has been this good!"),
    ("I am so happy today.", "I am happy today."),
    ("It was extremely bad.", "It was bad."),
    ("The book was only kind of good.", "The book was only good."),
    ("There was just enough good food.", "There was good food."),
    ("The movie was GREAT.", "The movie was great."),
    (
        "The plot was good, but the characters are uncompelling.",
        "The plot was good, the characters are uncompelling.",
    ),
    ("It was kind, but yeah.", "It was kind, and yeah."),
    ("the least good option", "the good option"),
    ("There is no love here.", "There is love here."),
    ("no fun or good", "no fun and good"),
    ("On the other hand, VADER is quite bad ass", "On the other hand, VADER is quite bad"),
    ("Catch emoji such as 💘", "Catch emoji such as"),
    ("Good!!!", "Good"),
    ("Good??", "Good?"),
]


@pytest.mark.parametrize(("with_rule", "without"), RULE_PAIRS)
def test_each_rule_changes_the_score(with_rule: str, without: str) -> None:
    assert REFERENCE.polarity_scores(with_rule) != REFERENCE.polarity_scores(without)
    assert_same(with_rule)
    assert_same(without)


def test_quirks_are_vaders() -> None:
    """Two of VADER's quirks, pinned to the values vaderSentiment gives.

    "so" or "this" just before a word multiplies it by 1.25 (an ``and``/``or`` precedence
    slip meant for "never so"), on top of the "so" booster: (2.7 + 0.293) * 1.25 for "happy".
    And the "but" rule finds each value again with ``list.index``: "kind" (2.4) is halved to
    1.2 before "but", so "yeah" (1.2) after it is taken for that entry and halved too,
    instead of being raised by half: 0.6 + 1.2 = 1.8 instead of 1.2 + 1.8 = 3.0.
    """
    assert REFERENCE.polarity_scores("I am so happy today.")["compound"] == round(
        port_module._normalize((2.7 + 0.293) * 1.25), 4
    )
    assert PORT.compound("I am so happy today.") == 0.6948
    assert REFERENCE.polarity_scores("It was kind, but yeah.")["compound"] == round(
        port_module._normalize(1.8), 4
    )
    assert PORT.compound("It was kind, but yeah.") == 0.4215


def test_a_wrong_port_is_caught() -> None:
    """The comparison can fail: a port with one changed valence or rule differs."""
    wrong = copy.copy(PORT)
    wrong.lexicon = {**PORT.lexicon, "good": PORT.lexicon["good"] + 0.1}
    assert mismatch("The book was good.", wrong) is not None
    wrong = copy.copy(PORT)
    wrong._boosters = {**PORT._boosters, "very": 0.3}
    assert mismatch("The book was very good.", wrong) is not None
    assert mismatch("The book was very good.") is None


def test_constants_are_vaders() -> None:
    assert port_module.B_INCR == reference_module.B_INCR
    assert port_module.B_DECR == reference_module.B_DECR
    assert port_module.C_INCR == reference_module.C_INCR
    assert port_module.N_SCALAR == reference_module.N_SCALAR
    assert list(port_module.NEGATE) == reference_module.NEGATE
    assert dict(port_module.BOOSTER_DICT) == reference_module.BOOSTER_DICT
    assert dict(port_module.SPECIAL_CASES) == reference_module.SPECIAL_CASES


def test_lexicons_come_from_the_package() -> None:
    assert PORT.lexicon == REFERENCE.lexicon
    assert PORT.emojis == REFERENCE.emojis
    assert len(PORT.lexicon) > 7000


def test_default_vader_is_shared_and_equal_to_a_new_one() -> None:
    assert default_vader() is default_vader()
    fresh = Vader()
    for text in TABLE.values():
        assert fresh.polarity_scores(text) == PORT.polarity_scores(text)


def test_scores_are_plain_floats_in_range() -> None:
    scores = PORT.polarity_scores("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!")
    assert list(scores) == ["neg", "neu", "pos", "compound"]
    assert all(type(v) is float for v in scores.values())
    assert 0.9 < scores["compound"] <= 1.0
    assert PORT.compound("") == 0.0
    assert PORT.compound("the table") == 0.0


# -- (b) generated sentences ---------------------------------------------------------------

LEXICON_WORDS = sorted(REFERENCE.lexicon)
RULE_WORDS = sorted(
    {
        *reference_module.NEGATE,
        *(w for key in reference_module.BOOSTER_DICT for w in key.split()),
        *reference_module.BOOSTER_DICT,
        *(w for key in reference_module.SPECIAL_CASES for w in key.split()),
        *reference_module.SPECIAL_CASES,
        *(w for key in reference_module.SENTIMENT_LADEN_IDIOMS for w in key.split()),
        "no", "nor", "or", "never", "so", "this", "without", "doubt", "least", "at", "very",
        "but", "kind", "of", "sort", "not", "isn't", "n't", "wouldn't", "don’t", "the", "a",
        "i", "it", "is", "and", "was",
    }
)  # fmt: skip
COMMON_WORDS = ["good", "bad", "great", "awful", "love", "hate", "happy", "sad", "no", "but", "not"]
SINGLE_EMOJI = sorted(k for k in REFERENCE.emojis if len(k) == 1)
LONG_EMOJI = sorted(k for k in REFERENCE.emojis if len(k) > 1)[:200]
MARKS = [
    "!",
    "!!",
    "!!!",
    "!!!!!",
    "?",
    "??",
    "???",
    "????",
    "?!",
    ".",
    ",",
    "...",
    ":)",
    ":(",
    ":-D",
    ";)",
    "<3",
]
FILLERS = ["3.5", "100%", "$5", "1,350", "https://example.com/good", "www.bad.com", "“", "”", "‘", "’", "—"]

case = st.sampled_from([str.lower, str.upper, str.title, str])
word = st.one_of(
    st.sampled_from(LEXICON_WORDS),
    st.sampled_from(RULE_WORDS),
    st.sampled_from(COMMON_WORDS),
    st.sampled_from(SINGLE_EMOJI),
    st.sampled_from(LONG_EMOJI),
    st.sampled_from(MARKS),
    st.sampled_from(FILLERS),
    st.text(max_size=4),
)
edge = st.sampled_from(["", "", "", '"', "'", "(", ")", ",", ".", "!", "?", "!!", "...", "“", "”", "’"])
token = st.builds(lambda c, w, before, after: before + c(w) + after, case, word, edge, edge)
separator = st.sampled_from([" ", " ", " ", " ", "  ", "", "\n", "\t", "\u00a0", ", "])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(token, separator), max_size=30))
    return "".join(t + s for t, s in parts)


FAST = settings(max_examples=3000, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@FAST
@given(sentences())
def test_generated_sentences(text: str) -> None:
    assert_same(text)


FEW_WORDS = [*COMMON_WORDS, "very", "kind", "of", "least", "at", "so", "never"]


@pytest.mark.slow
@FAST
@given(st.lists(st.sampled_from(FEW_WORDS), max_size=12))
def test_generated_sentences_from_few_words(words: list[str]) -> None:
    """Few distinct words make repeated values, which VADER's "but" rule handles oddly."""
    assert_same(" ".join(words))
    assert_same(" ".join(w.upper() if i % 3 == 0 else w for i, w in enumerate(words)))


@settings(max_examples=1500, deadline=None, database=None)
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    assert_same(text)


ODD_CHARACTERS = (
    string.ascii_letters[:8]
    + string.punctuation
    + " \t\n\u00a0\u2003\x1c"
    + "İıΣσςK\u212aß"
    + "".join(SINGLE_EMOJI[:20])
    + "🇺🇸👍🏽"
)


@settings(max_examples=1500, deadline=None, database=None)
@given(st.text(alphabet=ODD_CHARACTERS, max_size=40))
def test_arbitrary_text_from_odd_characters(text: str) -> None:
    assert_same(text)


# -- (c) the seed articles -----------------------------------------------------------------

SEED_FILES = sorted(SEEDS.glob("*.txt"))
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def test_seed_articles_exist() -> None:
    assert len(SEED_FILES) >= 4


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_seed_article_sentences(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    pieces = [s for s in SENTENCE_END.split(text) if s.strip()]
    assert len(pieces) > 10
    problems = [p for p in map(mismatch, [text, *pieces]) if p is not None]
    assert not problems, problems[:5]
    assert any(PORT.compound(s) != 0 for s in pieces)
