"""Labels for the same thing: plural and "people" forms, verb forms, and variants that
count only in their own context."""

import pytest

from framing import Article, analyze


def labels(text):
    return [(f.text, f.category, f.term) for f in analyze(Article(text)).findings if f.analyzer == "labels"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Undocumented people live in fear.", [("Undocumented people", "undocumented_people")]),
        (
            "Immigrants living in the country illegally were held.",
            [("Immigrants living in the country illegally", "undocumented_people")],
        ),
        (
            "Immigrants without legal status were held.",
            [("Immigrants without legal status", "undocumented_people")],
        ),
        ("Homeless people slept outside.", [("Homeless people", "homeless_people")]),
        ("Transgender people testified.", [("Transgender people", "transgender_people")]),
        ("Displaced people fled the fires.", [("Displaced people", "refugees")]),
        ("Troops are retreating from the city.", [("retreating", "troop_drawdown")]),
        ("The Pentagon is redeploying troops.", [("redeploying", "troop_drawdown")]),
        ("The retreat began at dawn.", [("retreat", "troop_drawdown")]),
    ],
)
def test_plural_people_and_verb_forms_are_found(text, expected):
    assert [(t, c) for t, c, _ in labels(text)] == expected


@pytest.mark.parametrize(
    "text, drawdown",
    [
        ("Activists are mobilizing to demand Huerta's release.", []),
        ("Huerta's release came after a hearing.", []),
        ("Hegseth ordered the release of approximately 1,350 California National Guard troops.", ["release"]),
        ("The release of Guard troops began on Monday.", ["release"]),
        ("The troops were happy. Huerta's release came later.", []),
    ],
)
def test_release_is_a_drawdown_only_near_troops(text, drawdown):
    assert [t for t, c, _ in labels(text) if c == "troop_drawdown"] == drawdown


@pytest.mark.parametrize(
    "text, expected",
    [
        # a crisis may be economic, political or at a border: alone it names no war
        ("The escalating crisis divided the state.", []),
        ("The border crisis grew.", [("border crisis", "migration_numbers")]),
        ("The war went on for years.", [("war", "war_naming")]),
    ],
)
def test_a_vague_word_is_not_a_name_for_a_war(text, expected):
    assert [(t, c) for t, c, _ in labels(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "war", "conflict" and "invasion" in phrases that name something else
        ("The trade war hurt farmers.", []),
        ("Her campaign has a large war chest.", []),
        ("The judge had a conflict of interest.", []),
        ("The app was an invasion of privacy.", []),
        # the same words naming an armed fight still count
        ("The war in the north went on.", [("war", "war_naming")]),
        ("The conflict displaced thousands.", [("conflict", "war_naming")]),
    ],
)
def test_a_variant_inside_a_phrase_for_something_else_is_not_counted(text, expected):
    assert [(t, c) for t, c, _ in labels(text)] == expected


def test_a_users_concept_set_may_exclude_phrases(tmp_path):
    from framing import Pipeline, Settings, load_lexicon

    path = tmp_path / "mine.tsv"
    path.write_text(
        "# id: mine\n# version: 1.0.0\n# kind: concept-sets\n# language: en\n# license: MIT\n"
        "# category.neutral: Neutral | A plain word.\n"
        "concept\tlabel\tterm\tpos\tcategory\tnote\texclude\n"
        "storm\tA big storm\tstorm\tnoun\tneutral\tThe plain word.\tbrainstorm; storm of criticism\n",
        encoding="utf-8",
    )
    lex = load_lexicon(path)
    assert lex.entries[0].exclude == ("brainstorm", "storm of criticism")
    pipe = Pipeline(Settings(analyzers=("labels",), lexicons=(lex,), builtin_lexicons=False))
    found = [f.text for f in pipe.analyze("The storm hit. A storm of criticism followed.").findings]
    assert found == ["storm"]
