"""Events and figures read from a sentence, with the ``events`` and ``counted`` lexicons."""

import pytest

from framing.coverage import readers_for
from framing.coverage.events import token_keys
from framing.coverage.figures import numbers_in
from framing.text.tokens import tokenize

READERS = readers_for()


def events(sentence: str):
    tokens = tokenize(sentence)
    return [
        (m.word, m.events, m.negated) for m in READERS.events.read(tokens, token_keys(tokens, READERS.words))
    ]


def figures(sentence: str):
    tokens = tokenize(sentence)
    keys = token_keys(tokens, READERS.words)
    found = READERS.figures.read(sentence, tokens, READERS.events.read(tokens, keys), keys)
    return [(f.value, f.thing, f.event) for f in found]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The Pentagon withdrew the troops.", [("withdrew", ("withdraw",), False)]),
        ("The Senate did not approve the bill.", [("approve", ("approve",), True)]),
        (
            "The protest ended with no arrests.",
            [("protest", ("protest",), False), ("ended", ("stop",), False), ("arrests", ("arrest",), True)],
        ),
        # "not" reaches only the next words of its clause
        ("They were not tired, and the Senate approved the bill.", [("approved", ("approve",), False)]),
        # a turning word makes the event after it its opposite
        ("The Pentagon winds down its deployment.", [("winds down its deployment", ("withdraw",), False)]),
        ("Unemployment fell to 6%.", [("fell", ("fall",), False)]),
        # words glued by a scraper are taken apart only into words the lexicon knows
        ("The Pentagon announced thewithdrawalsof troops.", [("thewithdrawalsof", ("withdraw",), False)]),
        ("The spokesman declined to comment.", []),
        ("At the end of May the talks went on.", []),
    ],
)
def test_events(sentence, expected):
    assert events(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The Pentagon withdrew 1,350 National Guard troops.", [(1350.0, "troops", ("withdraw",))]),
        ("Trump ordered the deployment of 2,000 National Guard troops.", [(2000.0, "troops", ("deploy",))]),
        ("There are still two thousand troops left.", [(2000.0, "troops", ("remain",))]),
        (
            "1,350 more members of the California National Guard will be withdrawn.",
            [(1350.0, "troops", ("withdraw",))],
        ),
        ("The raids led to 118 arrests.", [(118.0, "arrests", ("arrest",))]),
        (
            "The withdrawals of 2,000 Guard members and 700 Marines.",
            [(2000.0, "troops", ("withdraw",)), (700.0, "marines", ("withdraw",))],
        ),
        ("Unemployment rose to 6.2% in July.", [(6.2, "percent", ("rise",))]),
        ("The law was passed in 2010 on June 7.", []),
    ],
)
def test_figures_with_what_they_count_and_what_happened(sentence, expected):
    assert figures(sentence) == expected


def test_numbers_in_digits_and_words():
    assert [v for v, _, _ in numbers_in("Seven hundred Marines, 1,350 troops and 2.5 percent in 2025.")] == [
        700.0,
        1350.0,
        2.5,
    ]


def test_the_same_number_for_another_event_is_another_figure():
    from framing import Article, compare

    c = compare(
        [
            Article("The Pentagon withdrew 2,000 National Guard troops from the city on Monday.", id="a"),
            Article(
                "Trump ordered the deployment of 2,000 National Guard troops to the city in June.", id="b"
            ),
        ]
    )
    rows = {f.label: f.articles for f in c.coverage.figures}
    assert rows == {"2,000 troops, withdrawal": ("a",), "2,000 troops, deployment": ("b",)}
