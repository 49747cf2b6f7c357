"""Frames, labels for the same thing, and epistemic and agency markers."""

from collections import Counter

import pytest

from framing import Settings, analyze, compare
from framing.distinctive import count_terms, distinctive_terms


def findings(text, analyzer):
    return analyze(text).findings_in(analyzer=analyzer)


@pytest.mark.parametrize(
    "text, frame",
    [
        ("The plan will cost taxpayers billions and raise the budget deficit.", "economic"),
        ("The judge ruled the order unconstitutional.", "legality"),
        ("Police arrested the suspects and prosecutors filed charges.", "crime_punishment"),
        ("Troops were deployed to defend the border against the threat.", "security_defense"),
        ("A new poll shows most voters oppose the measure.", "public_opinion"),
    ],
)
def test_frame_cues(text, frame):
    result = analyze(text, settings=Settings(analyzers=("frames",)))
    assert frame in {f.category for f in result.findings}
    assert result.metrics.frames.own.distribution.get(frame, 0) > 0


def test_frames_are_voice_aware():
    text = 'The council met on Monday. "This is a crime against our city," Mayor Ana Ruiz said.'
    m = analyze(text, settings=Settings(analyzers=("frames",))).metrics.frames
    assert "crime_punishment" in m.quoted.weights
    assert "crime_punishment" not in m.own.weights


def test_primary_frame_is_the_heaviest_in_own_voice():
    text = "Prosecutors charged the suspects. Police arrested two more. A poll was published."
    m = analyze(text, settings=Settings(analyzers=("frames",))).metrics.frames
    assert m.primary == "crime_punishment"
    assert m.primary_label == "Crime and punishment"


@pytest.mark.parametrize(
    "text, concept, term, connotation",
    [
        ("Undocumented immigrants rallied.", "undocumented_people", "undocumented immigrant", "sympathetic"),
        ("Illegal aliens were detained.", "undocumented_people", "illegal alien", None),
        ("Rioters filled the square.", "protest_participants", "rioter", None),
        ("The withdrawal of troops began.", "troop_drawdown", "withdrawal", None),
    ],
)
def test_label_variants(text, concept, term, connotation):
    found = [f for f in findings(text, "labels") if f.category == concept]
    assert found and found[0].term == term
    if connotation:
        assert found[0].detail == connotation


def test_label_choice_by_voice_in_a_comparison():
    a = 'Undocumented immigrants rallied. "They are illegal aliens," Bo Tate said.'
    b = "Illegal immigrants rallied downtown."
    c = compare([a, b])
    rows = {r.concept: r for r in c.charts.labels_by_article.rows}
    first, second = c.charts.labels_by_article.articles
    variants_a = rows["undocumented_people"].articles[first]
    assert variants_a["undocumented immigrant"].own == 1
    assert variants_a["illegal alien"].quoted == 1
    assert "illegal immigrant" in rows["undocumented_people"].articles[second]

    # the same choice as a chart: one bar per variant the outlets use in their own voice
    chart = c.charts.label_variants
    by_article = {row.article: row for row in chart.rows}
    assert by_article[first].cells["undocumented_people:undocumented immigrant"].value == 1
    assert by_article[first].cells["undocumented_people:illegal immigrant"].value == 0
    assert by_article[second].cells["undocumented_people:illegal immigrant"].value == 1
    assert "undocumented_people:illegal alien" not in chart.series  # only ever quoted
    quoted = {row.article: row for row in c.charts.label_connotations_quoted.rows}
    own = {row.article: row for row in c.charts.label_connotations_own.rows}
    assert sum(quoted[first].value(k) for k in c.charts.label_connotations_quoted.series) == 1
    assert sum(quoted[second].value(k) for k in c.charts.label_connotations_quoted.series) == 0
    assert sum(own[second].value(k) for k in c.charts.label_connotations_own.series) == 1


def test_label_variants_chart_leaves_out_concepts_every_outlet_names_alike():
    c = compare(["Protesters marched.", "Protesters marched again."])
    assert c.charts.label_variants.series == ()


@pytest.mark.parametrize(
    "text, category, words",
    [
        ("The plan may fail.", "hedge", "may"),
        ("The plan reportedly failed.", "hedge", "reportedly"),
        ("The plan clearly failed.", "booster", "clearly"),
        ("The report revealed that the plan failed.", "factive", "revealed"),
        ("The mayor insisted the plan worked.", "assertive", "insisted"),
        ("Tear gas was used on the crowd.", "agentless_passive", "was used"),
        ("Farmworkers were hospitalized after the raid.", "agentless_passive", "were hospitalized"),
        ("Protesters were tear-gassed on Main Street.", "agentless_passive", "were tear-gassed"),
        ("The deployment of troops angered residents.", "nominalisation", "deployment"),
        ('The "temporary" measure lasted ten years.', "scare_quote", '"temporary"'),
    ],
)
def test_epistemic_markers(text, category, words):
    found = [(f.category, f.text) for f in findings(text, "epistemic")]
    assert (category, words) in found


@pytest.mark.parametrize(
    "text",
    [
        "Protesters were tear-gassed by police.",  # the actor is named
        "The deployment of troops by the governor angered residents.",
        "She was tired and worried.",  # states, not actions
        "Residents are expected to vote.",
        "In May the council met.",  # a month, not a hedge
    ],
)
def test_markers_that_must_not_fire(text):
    found = [(f.category, f.text) for f in findings(text, "epistemic")]
    assert not [c for c, t in found if c in ("agentless_passive", "nominalisation", "hedge")], found


def test_distinctive_terms_prefer_each_groups_own_words():
    groups = {
        "a": Counter({"illegal": 12, "alien": 9, "border": 6, "city": 4}),
        "b": Counter({"undocumented": 11, "immigrant": 8, "border": 6, "city": 4}),
        "c": Counter({"wall": 10, "border": 5, "city": 5}),
    }
    found = distinctive_terms(groups)
    assert [t.term for t in found["a"]][:2] == ["illegal", "alien"]
    assert found["b"][0].term == "undocumented"
    assert "border" not in {t.term for terms in found.values() for t in terms}
    assert all(t.z > 1.96 for terms in found.values() for t in terms)


def test_distinctive_terms_chart_has_each_groups_top_words():
    from framing import Article

    arts = [
        Article("Illegal aliens crossed the river at night. " * 12 + "The border city slept.", outlet="A"),
        Article("Undocumented immigrants crossed the river at night. " * 12, outlet="B"),
        Article("The border city waited for news from the river. " * 12, outlet="C"),
    ]
    c = compare(arts)
    chart = c.charts.distinctive_terms_chart
    groups = c.charts.distinctive_terms.groups
    expected = [f"{g}: {t.term}" for g, terms in groups.items() for t in terms[:5]]
    assert [row.article for row in chart.rows] == expected
    assert {"A: aliens", "B: undocumented", "C: news"} <= set(expected)
    assert all(row.value("z") > 0 for row in chart.rows)


def test_distinctive_terms_are_symmetric_for_two_equal_groups():
    groups = {"a": Counter({"x": 5, "y": 5}), "b": Counter({"x": 5, "y": 5})}
    assert distinctive_terms(groups) == {"a": [], "b": []}


def test_count_terms_drops_stop_words():
    assert count_terms(["The Wall and the wall!"], frozenset({"the", "and"})) == Counter({"wall": 2})
