from typing import NamedTuple

import pytest

from framing.lexicon.inflect import noun_forms, term_variants, verb_forms


@pytest.mark.parametrize(
    "verb, forms",
    [
        ("brutalize", {"brutalizes", "brutalized", "brutalizing"}),
        ("squash", {"squashes", "squashed", "squashing"}),
        ("slam", {"slams", "slammed", "slamming"}),
        ("bully", {"bullies", "bullied", "bullying"}),
        ("panic", {"panics", "panicked", "panicking"}),
        ("decry", {"decries", "decried"}),
        ("free", {"frees", "freed", "freeing"}),
    ],
)
def test_verb_forms(verb, forms):
    assert forms <= verb_forms(verb)


@pytest.mark.parametrize(
    "noun, plural",
    [
        ("thug", "thugs"),
        ("agency", "agencies"),
        ("crisis", "crises"),
        ("box", "boxes"),
        ("congressman", "congressmen"),
    ],
)
def test_noun_forms(noun, plural):
    assert noun_forms(noun) == {noun, plural}


class _Entry(NamedTuple):
    term: str
    pos: str
    forms: tuple[str, ...] = ()


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (_Entry("crack down", "verb"), {"crack down", "cracks down", "cracked down", "cracking down"}),
        (_Entry("fight", "verb", ("fought",)), {"fight", "fights", "fighted", "fighting", "fought"}),
        (_Entry("border agent", "noun"), {"border agent", "border agents"}),
        (_Entry("according to", "fixed"), {"according to"}),
        (_Entry("so-called", "adj", ("so called",)), {"so-called", "so called"}),
    ],
)
def test_term_variants(entry, expected):
    assert term_variants(entry) == expected
