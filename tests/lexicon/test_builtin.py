"""The built-in lexicons: versioned data with a reason for every entry."""

from collections import Counter

from framing import builtin_lexicons
from framing.lexicon.kinds import CUE_GRADES


def test_every_builtin_lexicon_has_a_full_header():
    for lex in builtin_lexicons().values():
        assert lex.id and lex.version and lex.language == "en" and lex.license
        assert lex.title and lex.description
        assert "adding entries" in lex.meta
        assert len(lex.sha256) == 64


def test_loaded_language_lexicon_is_large_and_explained():
    lex = builtin_lexicons()["loaded-language"]
    assert len(lex) >= 400
    multi_word = [e for e in lex.entries if " " in e.term]
    assert len(multi_word) >= 50
    counts = Counter(e.category for e in lex.entries)
    assert set(counts) == set(lex.categories)
    # the three categories of 1.3.0 (loaded verbs of saying, the outlet judging a claim,
    # other evaluative words) are narrow closed sets; the others are broad
    narrow = {"loaded_speech_verb", "claim_judgement", "other_evaluative"}
    assert all(n >= (10 if c in narrow else 20) for c, n in counts.items()), counts
    for e in lex.entries:
        assert e.explanation.endswith(".") and 3 <= len(e.explanation.split()) <= 40, e
    with_alternative = sum(1 for e in lex.entries if e.alternatives)
    assert with_alternative / len(lex) > 0.9


def test_cue_verbs_cover_every_grade():
    lex = builtin_lexicons()["cue-verbs"]
    grades = Counter(e.grade for e in lex.entries)
    assert set(grades) == set(CUE_GRADES)
    terms = {e.term for e in lex.entries}
    assert {"say", "according to", "claim", "admit", "slam", "explain"} <= terms


def test_portrayal_lexicon_covers_every_category_with_a_reason_for_each_entry():
    from framing.analyzers.actors.reading import CAST

    lex = builtin_lexicons()["portrayal"]
    counts = Counter(e.category for e in lex.entries)
    assert set(counts) == set(lex.categories) and all(n >= 3 for n in counts.values())
    assert set(lex.categories) <= set(CAST)  # the reader knows what every category casts
    for e in lex.entries:
        assert e.explanation.endswith(".") and 3 <= len(e.explanation.split()) <= 40, e


def test_no_word_of_the_portrayal_lexicon_casts_two_different_roles():
    """A form two entries share (a verb and a noun, "attack") is read as either: both must
    cast the same role wherever both cast one."""
    from framing.analyzers.actors.reading import CAST
    from framing.lexicon.inflect import term_variants

    lex = builtin_lexicons()["portrayal"]
    seen: dict[str, str] = {}
    for e in lex.entries:
        for form in term_variants(e):
            first = seen.setdefault(form, e.category)
            shared = set(CAST[first]) & set(CAST[e.category])
            assert all(CAST[first][p] == CAST[e.category][p] for p in shared), (form, first, e.category)
