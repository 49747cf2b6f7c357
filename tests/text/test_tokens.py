import dataclasses

import pytest

from framing.text.matcher import Unit, match_units
from framing.text.tokens import Token, Tokens, slot_builder, token_columns, tokenize

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


@pytest.mark.parametrize(
    "text, start, end, expected",
    [
        # a scope inside the text: offsets stay positions in the whole text
        ("Mr. Lee's so-called plan.", 4, 24, ([4, 10, 20], [9, 19, 24], ["Lee's", "so-called", "plan"])),
        # glued words are split only inside the scope, where a glued word is
        (
            "ofMcDonald inLos Angeles",
            0,
            17,
            ([0, 2, 11, 13], [2, 10, 13, 16], ["of", "McDonald", "in", "Los"]),
        ),
        ("McConnell and DeVos", 0, None, ([0, 10, 14], [9, 13, 19], ["McConnell", "and", "DeVos"])),
        ("   ", 0, None, ([], [], [])),
    ],
)
def test_token_columns(text, start, end, expected):
    assert token_columns(text, start, end) == expected
    assert tokenize(text, start, end) == [Token(*row) for row in zip(*expected, strict=True)]


def test_slot_builder_refuses_columns_of_different_lengths():
    build = slot_builder(Token)
    assert build([0, 4], [3, 7], ["The", "cat"]) == [Token(0, 3, "The"), Token(4, 7, "cat")]
    with pytest.raises(ValueError, match="different lengths"):
        build([0, 4], [3], ["The", "cat"])


def test_slot_builder_refuses_other_shapes():
    @dataclasses.dataclass(frozen=True, slots=True)
    class Pair:
        a: int
        b: int

    with pytest.raises(TypeError, match="three fields"):
        slot_builder(Pair)


def test_tokens_kept_as_columns_read_as_a_sequence_of_tokens():
    text = "The so-called plan, again."
    listed = tokenize(text)
    kept = Tokens(*token_columns(text))
    assert len(kept) == len(listed) == 6
    assert list(kept) == listed
    assert kept[1] == Token(4, 13, "so-called") and kept[-1] == Token(25, 26, ".")
    assert kept[2:4] == listed[2:4]
    assert kept == Tokens(*token_columns(text)) and hash(kept) == hash(Tokens(*token_columns(text)))
    assert kept != Tokens(*token_columns("The so-called plan."))
    with pytest.raises(IndexError):
        kept[6]
    with pytest.raises(ValueError, match="different lengths"):
        Tokens([0], [3], [])
