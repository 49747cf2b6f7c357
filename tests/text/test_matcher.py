"""The phrase matcher: longest match first, no overlaps, and no slow path."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text.matcher import PhraseMatcher, phrase_keys

PHRASES = ["law and order", "law", "order", "rampant lawlessness", "so-called", "the mob", "mob"]


def matcher():
    return PhraseMatcher((phrase_keys(p), p) for p in PHRASES)


@pytest.mark.parametrize(
    "text, found",
    [
        ("they want law and order now", ["law and order"]),
        ("the law and the order", ["law", "order"]),
        ("law and", ["law"]),  # a phrase cut off by the end of the text is not there
        ("the mob and a mob", ["the mob", "mob"]),
        ("so-called experts and so called ones", ["so-called"]),
        ("rampant lawlessness, rampant", ["rampant lawlessness"]),
        ("", []),
    ],
)
def test_longest_match_first_without_overlaps(text, found):
    keys = [w.strip(",") for w in text.lower().split()]
    assert [payload for _, _, payload in matcher().find(keys)] == found


def test_find_all_reports_overlapping_matches():
    keys = "they want law and order".split()
    assert [(a, b, p) for a, b, p in matcher().find_all(keys)] == [
        (2, 5, "law and order"),
        (2, 3, "law"),
        (4, 5, "order"),
    ]


PHRASE_SETS = st.lists(
    st.lists(st.sampled_from("abc"), min_size=1, max_size=4).map(tuple), max_size=12, unique=True
)
KEY_RUNS = st.lists(st.sampled_from("abcd"), max_size=30)


def _naive(phrases, keys):
    """Every phrase tried at every position, longest first: the definition of find."""
    ordered = sorted(phrases, key=lambda p: -len(p))
    out, i = [], 0
    while i < len(keys):
        hit = next((p for p in ordered if tuple(keys[i : i + len(p)]) == p), None)
        if hit:
            out.append((i, i + len(hit), hit))
            i += len(hit)
        else:
            i += 1
    return out


@settings(max_examples=200, deadline=None)
@given(PHRASE_SETS, KEY_RUNS)
def test_find_agrees_with_trying_every_phrase(phrases, keys):
    m = PhraseMatcher((p, p) for p in phrases)
    assert m.find(keys) == _naive(phrases, keys)


@settings(max_examples=200, deadline=None)
@given(PHRASE_SETS, KEY_RUNS)
def test_find_all_agrees_with_trying_every_phrase_everywhere(phrases, keys):
    m = PhraseMatcher((p, p) for p in phrases)
    ordered = sorted(phrases, key=lambda p: -len(p))
    expected = [
        (i, i + len(p), p) for i in range(len(keys)) for p in ordered if tuple(keys[i : i + len(p)]) == p
    ]
    assert m.find_all(keys) == expected


class Counted(str):
    """A text key that counts each time the matcher hashes or compares it: its work."""

    work = 0

    def __hash__(self):
        Counted.work += 1
        return super().__hash__()

    def __eq__(self, other):
        Counted.work += 1
        return super().__eq__(other)


def _work(phrases, keys):
    m = PhraseMatcher((p, i) for i, p in enumerate(phrases))
    Counted.work = 0
    found = m.find([Counted(k) for k in keys])
    return found, Counted.work


def test_many_phrases_sharing_a_first_word_cost_no_more_than_a_few():
    # 60,000 eight-word phrases that all start with "the": a matcher that tried the
    # phrases one by one at each "the" would look at the text 60,000 times there
    many = [("the", *(f"w{i}x{k}" for k in range(7))) for i in range(60_000)]
    keys = ["the", "w5x0", "w5x1"] * 2_000 + list(many[123])
    found, work = _work(many, keys)
    assert found == [(6_000, 6_008, 123)]
    few_found, few_work = _work(many[:200], keys)
    assert few_found == found
    # the same work for 200 phrases as for 60,000; at each key, one look for a phrase
    # starting there and two at the next key, then one per key of the phrase length tried
    assert work == few_work
    assert 0 < work <= (1 + 2 + 8) * len(keys)
