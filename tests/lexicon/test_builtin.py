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
    assert all(n >= 20 for n in counts.values())
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
