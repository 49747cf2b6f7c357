import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.text.normalize import _ONE_FOR_ONE as ONE_FOR_ONE
from framing.text.normalize import normalize

CASES = [
    # (original, normalised)
    ("plain text", "plain text"),
    ("\u201cquoted\u201d", '"quoted"'),
    ("isn\u2019t", "isn't"),
    ("a\u00a0b", "a b"),
    ("calm\u2014or", "calm\u2014or"),
    ("calm\u2013or", "calm\u2014or"),
    ("wait\u2026", "wait..."),
    ("\ufb01ne", "fine"),
    ("re\u00adally", "really"),
    ("line\r\nbreak", "line \nbreak"),
    ("cafe\u0301", "caf\u00e9"),
    # several kinds at once, each more than once, next to the characters they become
    ("\u2018a\u2019 '\u201cb\u201d\u00a0\u00a0c\u2013d\u2014\te", "'a' '\"b\"  c\u2014d\u2014 e"),
    ("x\x00y\u2028z\u2212\u2212", "x y\nz--"),
]


@pytest.mark.parametrize("original, expected", CASES)
def test_normalised_text(original, expected):
    assert normalize(original).text == expected


@pytest.mark.parametrize("original, expected", CASES)
def test_every_word_maps_back_to_the_original(original, expected):
    import re

    n = normalize(original)
    for m in re.finditer(r"\w+", n.text):
        s, e = n.to_original(*m.span())
        # the original slice, normalised on its own, gives the same word back
        assert normalize(original[s:e]).text == m.group()


@given(
    st.text(alphabet=st.sampled_from("a \u2018\u2019'\u201c\"\u2013\u2014\u00a0\t\x07-\u2212"), max_size=60)
)
def test_one_for_one_changes_are_made_character_by_character(text):
    """Each character is replaced on its own, as str.translate replaces them; then two
    single quotes in a row become a double quote."""
    table = str.maketrans(ONE_FOR_ONE)
    assert normalize(text).text == text.translate(table).replace("''", '"')


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_spans_map_inside_the_original(text):
    n = normalize(text)
    for start in range(0, len(n.text) + 1, 7):
        for end in (start, min(len(n.text), start + 5)):
            s, e = n.to_original(start, end)
            assert 0 <= s <= e <= len(text)


@given(st.text(alphabet=st.sampled_from("ab \u2026\u00ad\ufb01e\u0301\u201c\u201d\r\n"), max_size=80))
def test_boundaries_are_monotonic(text):
    n = normalize(text)
    ends = [n.orig_end(i) for i in range(len(n.text) + 1)]
    assert ends == sorted(ends)
    assert ends[-1] == len(text) or not n.text
