import pytest

from framing.lexicon.inflect import noun_forms, verb_forms


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
