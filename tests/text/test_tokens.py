import dataclasses

import pytest

from framing.lexicon.matcher import Unit, match_units
from framing.text.tokens import Token, slot_builder, tokenize

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


def test_tokens_equal_those_the_class_builds():
    """Tokens are built through their slots; they are the same as Token(...) makes."""
    tokens = tokenize("inLos Angeles, 3.5")
    assert tokens == [
        Token(0, 2, "in"),
        Token(2, 5, "Los"),
        Token(6, 13, "Angeles"),
        Token(13, 14, ","),
        Token(15, 18, "3.5"),
    ]
    assert hash(tokens[1]) == hash(Token(2, 5, "Los"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        tokens[0].start = 1  # type: ignore[misc]


def test_match_units_are_units():
    # the possessive ending goes; an apostrophe after a word is a token of its own
    units = match_units(tokenize("Trump's allies' Plan"))
    assert units == [Unit("trump", 0, 7), Unit("allies", 8, 14), Unit("'", 14, 15), Unit("plan", 16, 20)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        units[0].key = "x"  # type: ignore[misc]


def test_slot_builder_refuses_other_shapes():
    @dataclasses.dataclass(frozen=True, slots=True)
    class Pair:
        a: int
        b: int

    with pytest.raises(TypeError, match="three fields"):
        slot_builder(Pair)
