import pytest

from framing.text.tokens import tokenize

CASES = [
    ("so-called experts", ["so-called", "experts"]),
    ("isn't Pentagon's", ["isn't", "Pentagon's"]),
    ("1,350 troops", ["1,350", "troops"]),
    ("the U.S. Army", ["the", "U.S.", "Army"]),
    ("mission inLos Angeles", ["mission", "in", "Los", "Angeles"]),
    ("theWhite House", ["the", "White", "House"]),
    ("iPhone and McDonald", ["iPhone", "and", "McDonald"]),
    ("mobs & chaos", ["mobs", "&", "chaos"]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_tokens(text, expected):
    tokens = tokenize(text)
    assert [t.text for t in tokens] == expected
    for t in tokens:
        assert text[t.start : t.end] == t.text
