import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import builtin_lexicons
from framing.text import punkt
from framing.text.sentences import SentenceSplitter


@pytest.fixture(scope="module")
def splitter():
    return SentenceSplitter(a.abbreviation for a in builtin_lexicons()["abbreviations"].entries)


@pytest.fixture(scope="module")
def nltk_punkt():
    """nltk's own module, which framing's Punkt is taken from (the test extra has it)."""
    return pytest.importorskip("nltk.tokenize.punkt")


@pytest.fixture(scope="module")
def reference(splitter, nltk_punkt):
    """nltk's Punkt with the splitter's abbreviations."""
    params = nltk_punkt.PunktParameters()
    params.abbrev_types = set(splitter._punkt.abbreviations)
    return nltk_punkt.PunktSentenceTokenizer(params)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gov. Gavin Newsom spoke. He left.", ["Gov. Gavin Newsom spoke.", "He left."]),
        (
            "Sen. Ann Lee and Rep. Bo Diaz met on Jan. 5. Then they ate.",
            ["Sen. Ann Lee and Rep. Bo Diaz met on Jan. 5.", "Then they ate."],
        ),
        ("Mr. and Mrs. Smith met Dr. Jones. It rained.", ["Mr. and Mrs. Smith met Dr. Jones.", "It rained."]),
        ("The U.S. Army moved. Troops left.", ["The U.S. Army moved.", "Troops left."]),
        ('"Troops out of L.A." That was the reply.', ['"Troops out of L.A."', "That was the reply."]),
        ('"We won," she said. "Again."', ['"We won," she said.', '"Again."']),
        # a bracket closing an abbreviation, then a lowercase word: one sentence
        (
            "Sen. Jo Reed (D-R.I.) said it would pass. Then he left.",
            ["Sen. Jo Reed (D-R.I.) said it would pass.", "Then he left."],
        ),
        (
            "Sen. Jo Reed (D-R.I.), a Democrat, said it would pass. Then he left.",
            ["Sen. Jo Reed (D-R.I.), a Democrat, said it would pass.", "Then he left."],
        ),
        ("He voted no (in Ohio, Va.). Then he left.", ["He voted no (in Ohio, Va.).", "Then he left."]),
    ],
)
def test_sentences(splitter, text, expected):
    assert [text[s:e] for s, e in splitter.spans(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gov. Ann Lee spoke... Then she left! Did she? Yes.",
        "J. R. Smith scored 12. In 2016. the team won.",
        'He said "no." (It was late.) Then: nothing.',
        "Prices rose 3.5 percent in Jan. and fell in Feb. Analysts -- and traders -- shrugged.",
        "The vote was 52-48. the end.\nA new line. And more",
        "'Quoted.' Next! ?? Odd... spacing .  Here",
    ],
)
def test_punkt_runs_without_the_time_limit_and_splits_the_same(splitter, reference, text):
    """The splitter's Punkt, with its patterns compiled without nltk's time limit, finds
    the sentences nltk's own Punkt finds with the same parameters."""
    assert list(splitter._punkt.span_tokenize(text)) == list(reference.span_tokenize(text))


def test_punkt_patterns_are_nltks(nltk_punkt):
    """The same patterns, for the same engine and with the same flags, as nltk's."""
    english = nltk_punkt.PunktLanguageVars()
    pairs = [
        (punkt.BOUNDARY_REALIGNMENT, english.re_boundary_realignment),
        (punkt.WORD_TOKENIZER, english._word_tokenizer_re()),
        (punkt.PERIOD_CONTEXT, english.period_context_re()),
        (punkt.INITIAL, nltk_punkt.PunktToken._RE_INITIAL),
        (punkt.NUMBER, nltk_punkt.PunktToken._RE_NUMERIC),
    ]
    for ours, theirs in pairs:
        # nltk joins "?" and "!" from a set, in either order from one run to the next
        assert (ours.pattern, ours.flags) == (theirs.pattern.replace(r"!\?", r"\?!"), theirs.flags)
    assert punkt.SENT_END_CHARS == english.sent_end_chars
    assert punkt._PUNCTUATION == frozenset(nltk_punkt.PunktSentenceTokenizer.PUNCTUATION)


_CONTEXT_TOKENS = [
    "said.", "Sen.", "sen.", "J.", "j.", "U.S.", "e.g.", "x-Gov.", "5.", "2016.", "-3.5.", "1960s.",
    "No.", "...", "..", "a..", ".", "?", "!", "!!", "The", "the", "John", "5", '"', '."', ")", "(",
    ",", ";", ":", "--", "'", "I", "iPhone", "Ä.", "é.",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_CONTEXT_TOKENS), st.sampled_from([" ", "  ", "\n", "\n\n", ""])),
        max_size=5,
    )
)
def test_punkt_decides_each_candidate_as_nltk_does(splitter, reference, parts):
    """The shortcut for Punkt's decision on a candidate ending gives nltk's answer."""
    text = "".join(tok + space for tok, space in parts)
    assert splitter._punkt.text_contains_sentbreak(text) == reference.text_contains_sentbreak(text)
