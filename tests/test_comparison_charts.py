"""Chart data of a comparison, from texts written for the tests."""

import pytest

from framing import Article, compare
from framing.lexicon import get_lexicon


@pytest.fixture(scope="module")
def comparison():
    plain = Article(
        '"The plan will work," Mayor Ana Ruiz said. "We are ready," she told reporters.',
        id="plain",
    )
    heated = Article(
        '"The plan will work," Mayor Ana Ruiz claimed. Critics slammed the plan. '
        '"It is a disaster," council member Bo Tate said.',
        id="heated",
    )
    return compare([plain, heated])


def test_cue_grades_by_outlet(comparison):
    chart = comparison.charts.cue_grades_by_article
    rows = {r.article: r.cells for r in chart.rows}
    assert rows["plain"]["neutral"].value == 1.0 and rows["plain"]["neutral"].count == 2
    assert rows["heated"]["distancing"].count == 1  # claimed
    assert rows["heated"]["neutral"].count == 1  # said
    assert {"neutral", "distancing"} <= set(chart.series)
    for row in chart.rows:  # shares of the attributions that have a verb
        assert sum(row.value(g) for g in chart.series) == pytest.approx(1.0)


def test_an_article_nobody_speaks_in_has_no_shares():
    c = compare(["The council met on Monday.", '"We agree," Mayor Ana Ruiz said.'])
    row = c.charts.cue_grades_by_article.rows[0]
    assert all(row.cells[g].value == 0.0 for g in c.charts.cue_grades_by_article.series)


def test_who_speaks_by_source_joins_a_surname_to_the_full_name():
    a = Article('"We will rebuild the bridge," Mayor Ana Ruiz said. "Soon," Bo Tate said.', id="a")
    b = Article('"The bridge comes first," Ruiz said on Monday.', id="b")
    chart = compare([a, b]).charts.speech_by_speaker
    assert chart.series_labels["ana ruiz"] == "Ana Ruiz"
    assert "ruiz" not in chart.series  # the surname alone is the same person
    rows = {r.article: r.cells for r in chart.rows}
    assert rows["b"]["ana ruiz"].value == pytest.approx(1.0)
    assert 0.5 < rows["a"]["ana ruiz"].value < 1.0 and rows["a"]["bo tate"].value > 0
    assert rows["b"]["bo tate"].value == 0.0


def test_layer_categories_are_named_for_readers():
    c = compare(
        [
            "Governor Gavin Newsom criticised illegal aliens. Newsom spoke.",
            "Governor Gavin Newsom defended undocumented immigrants. Newsom spoke.",
        ]
    )
    # the actors layer names the kinds of actor it highlights, as the actors lexicon says them
    kinds = get_lexicon("actors").categories
    actors = c.layers["actors"].categories
    assert "person" in actors
    assert {k: (cat.label, cat.description) for k, cat in actors.items()} == {
        k: (kinds[k].label, kinds[k].description) for k in actors
    }
    labels = [cat.label for cat in c.layers["labels"].categories.values()]
    assert labels and all("_" not in label for label in labels)
    assert labels == sorted(labels, key=str.casefold)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ('"We are ready," the protesters said.', '"No comment," protesters said.'),
        ('"We are ready," the police said.', '"No comment," police said.'),
    ],
)
def test_a_source_with_and_without_the_is_one_source(first, second):
    c = compare([Article(first, id="a"), Article(second, id="b")])
    assert len(c.charts.speech_by_speaker.series) == 1
    rows = c.charts.speakers_by_article.rows
    assert len(rows) == 1 and set(rows[0].articles) == {"a", "b"}
