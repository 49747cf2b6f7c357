"""Charts that do not mislead: a rate resting on few words is drawn pale and hatched,
labelled with its words, and does not set the axis; every series has its own look;
the same data gives the same SVG bytes; a chart shows itself in a notebook."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import Article, compare
from framing.comparison_charts import FEW_WORDS, rate_cell, steady
from framing.comparison_types import BarCell, BarChart, BarRow
from framing.renderers.charts import (
    PALETTE,
    UNSTEADY_HATCH,
    bar_chart,
    figure_svg,
    series_style,
)


def rates(*rows: tuple[str, tuple[float, int], tuple[float, int]]) -> BarChart:
    """Chart data of rates per 1,000 words in two voices, as (rate, words) pairs."""
    return BarChart(
        title="Loaded words per 1,000 words",
        series=("own", "quoted"),
        series_labels={"own": "Own words", "quoted": "Quotes"},
        unit="per 1,000 words",
        few_words=FEW_WORDS,
        rows=tuple(
            BarRow(name, {"own": rate_cell(*own), "quoted": rate_cell(*quoted)}) for name, own, quoted in rows
        ),
    )


def bars(fig, data):
    """Each drawn bar by (article, series): the grouped chart draws a series' bars in
    row order, one series after another."""
    ax = fig.axes[0]
    patches = [p for c in ax.containers for p in c.patches]
    keys = [(r.article, s) for s in data.series for r in data.rows]
    assert len(patches) == len(keys)
    return dict(zip(keys, patches, strict=True))


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.axes[0].texts]


def legend(fig) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_legend().get_texts()]


CASES = [
    # name, data, the bar that rests on few words, whether it is cut at the edge
    (
        "a 315.8 on 19 words beside steady bars of 40 and less",
        rates(("A", (40.0, 500), (315.8, 19)), ("B", (12.0, 800), (20.0, 300))),
        ("A", "quoted"),
        True,
    ),
    (
        "an unsteady bar shorter than the steady ones",
        rates(("A", (40.0, 500), (25.0, 19)), ("B", (12.0, 800), (20.0, 300))),
        ("A", "quoted"),
        False,
    ),
    (
        "an unsteady bar in the outlet's own voice",
        rates(("A", (90.0, 60), (10.0, 400)), ("B", (12.0, 800), (20.0, 300))),
        ("A", "own"),
        True,
    ),
]


@pytest.mark.parametrize(("name", "data", "few", "cut"), CASES, ids=[c[0] for c in CASES])
def test_a_rate_on_few_words_is_hatched_labelled_and_does_not_set_the_axis(name, data, few, cut):
    fig = bar_chart(data)
    drawn = bars(fig, data)
    row = next(r for r in data.rows if r.article == few[0])
    value, words = row.cells[few[1]].value, row.cells[few[1]].words
    steady_values = [r.value(s) for r in data.rows for s in data.series if r.cells[s].steady]
    right = fig.axes[0].get_xlim()[1]
    assert right >= max(steady_values)  # every steady bar is drawn whole
    for key, bar in drawn.items():
        if key == few:
            assert UNSTEADY_HATCH in (bar.get_hatch() or "")
        else:
            assert not bar.get_hatch()
            assert bar.get_width() == pytest.approx(
                next(r.value(key[1]) for r in data.rows if r.article == key[0])
            )
    assert any(f"{words} words" in t for t in texts(fig))
    if cut:
        assert right < value  # the unsteady bar did not set the axis
        assert right <= 1.2 * max(steady_values)
        assert drawn[few].get_width() == pytest.approx(right)  # drawn to the edge
        assert any(f"{value:,.1f}" in t for t in texts(fig))  # with its value written
        markers = [line for line in fig.axes[0].lines if line.get_marker() == ">"]
        assert [line.get_xdata()[0] for line in markers] == [pytest.approx(right)]
    else:
        assert drawn[few].get_width() == pytest.approx(value)
        assert not fig.axes[0].lines
    assert any("hatched" in t.lower() and f"{FEW_WORDS} words" in t.replace("\n", " ") for t in legend(fig))


def test_steady_rates_are_drawn_plain_without_a_note():
    data = rates(("A", (40.0, 500), (315.8, 190)), ("B", (12.0, 800), (20.0, 300)))
    fig = bar_chart(data)
    assert not any(bar.get_hatch() for bar in bars(fig, data).values())
    assert fig.axes[0].get_xlim()[1] >= 315.8
    assert not texts(fig)
    assert not any("hatched" in t.lower() for t in legend(fig))


def test_a_rate_of_zero_on_few_words_draws_nothing_to_doubt():
    data = rates(("A", (40.0, 500), (0.0, 19)), ("B", (12.0, 800), (20.0, 300)))
    fig = bar_chart(data)
    assert not any(bar.get_hatch() for bar in bars(fig, data).values())
    assert not texts(fig)


def test_when_every_rate_rests_on_few_words_they_set_the_axis_themselves():
    data = rates(("A", (40.0, 50), (315.8, 19)), ("B", (0.0, 0), (0.0, 0)))
    fig = bar_chart(data)
    assert fig.axes[0].get_xlim()[1] >= 315.8
    assert bars(fig, data)[("A", "quoted")].get_width() == pytest.approx(315.8)
    assert sorted(texts(fig)) == ["19 words", "50 words"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [(None, True), (0, True), (1, False), (FEW_WORDS - 1, False), (FEW_WORDS, True), (5000, True)],
)
def test_steady(words, expected):
    assert steady(words) is expected


def test_the_rates_by_voice_carry_their_words_and_whether_they_are_steady():
    short = Article('Rioters brutalized the town. "Thugs," Mayor Ana Ruiz said.', id="short")
    c = compare([short])
    row = c.charts.loaded_rate_by_voice.rows[0]
    loaded = c.articles[0].loaded
    for voice in ("own", "quoted", "reported"):
        assert row.cells[voice].words == loaded.group(voice).words
        assert row.cells[voice].steady is steady(loaded.group(voice).words)
    assert row.cells["quoted"].words == 1 and row.cells["quoted"].steady is False
    assert row.value("quoted") > 100  # a rate of one word in one


def test_the_report_caption_says_what_the_hatching_means():
    from framing import render_html

    html = render_html(compare([Article('Rioters brutalized the town. "Thugs," Mayor Ana Ruiz said.')]))
    assert "pale, hatched bar" in html


def handles(fig) -> list[tuple[tuple[float, ...], str]]:
    """Each series' legend entry as (face colour, pattern), the note left out."""
    entries = fig.axes[0].get_legend().legend_handles
    return [
        (tuple(round(c, 4) for c in h.get_facecolor()), h.get_hatch() or "")
        for h in entries
        if "hatched" not in h.get_label().lower()
    ]


def many(n: int) -> BarChart:
    series = tuple(f"s{k}" for k in range(n))
    return BarChart(
        title=f"{n} series",
        series=series,
        series_labels={s: f"Series {s}" for s in series},
        rows=tuple(BarRow(a, {s: BarCell(1.0 + k) for k, s in enumerate(series)}) for a in ("A", "B")),
    )


@pytest.mark.parametrize("n", range(1, 21))
@pytest.mark.parametrize("stacked", [False, True])
def test_every_series_has_its_own_colour_and_pattern(n, stacked):
    data = many(n)
    fig = bar_chart(data, stacked=stacked)
    seen = handles(fig)
    assert len(seen) == n and len(set(seen)) == n
    # and each bar is drawn as its series' legend entry shows it
    for container, entry in zip(fig.axes[0].containers, seen, strict=True):
        for bar in container.patches:
            assert (tuple(round(c, 4) for c in bar.get_facecolor()), bar.get_hatch() or "") == entry


@given(st.integers(min_value=1, max_value=400))
@settings(max_examples=25, deadline=None)
def test_series_styles_never_repeat(n):
    styles = [series_style(k) for k in range(n)]
    assert len(set(styles)) == n
    assert all(colour in PALETTE and "/" not in pattern for colour, pattern in styles)


def test_no_two_series_of_any_chart_of_the_report_look_alike():
    # more frames, categories and sources than the palette has colours
    texts = [
        "Rioters brutalized the town. The crime wave and the police crackdown hit the economy, "
        "jobs and taxes. Officials said the law was unconstitutional and the court would rule. "
        "Voters in the poll were angry; the war and the troops, the military and security, "
        "health, hospitals, disease and safety, immoral and religious values, the budget "
        "policy, the election and the party, families and quality of life, culture and "
        'tradition. "Thugs," Mayor Ana Ruiz said. "Lies," Bo Tate said. Police said it was over.',
        "Protesters rallied. Officials condemned the radical mob and the illegal aliens. "
        '"We are ready," Governor Gavin Newsom said. "No," a spokesman said.',
    ]
    c = compare([Article(t, id=f"a{i}") for i, t in enumerate(texts)])
    drawn = 0
    for key, data in c.charts.items():
        if not isinstance(data, BarChart) or not data.series or not data.rows:
            continue
        for stacked in (False, True):
            seen = handles(bar_chart(data, stacked=stacked))
            assert len(set(seen)) == len(data.series), key
        drawn += 1
    assert drawn >= 5
    assert len(c.charts.frames_own.series) > len(PALETTE)


@pytest.mark.parametrize("stacked", [False, True])
def test_the_same_data_gives_the_same_svg_bytes(stacked):
    data = rates(("A", (40.0, 500), (315.8, 19)), ("B", (12.0, 800), (20.0, 300)))
    first = figure_svg(bar_chart(data, stacked=stacked))
    second = figure_svg(bar_chart(data, stacked=stacked))
    assert first == second
    assert "<pattern" in first  # the hatching is drawn


def test_a_chart_shows_itself_in_a_notebook_as_its_svg():
    formatters = pytest.importorskip("IPython.core.formatters")
    data = rates(("A", (40.0, 500), (315.8, 19)), ("B", (12.0, 800), (20.0, 300)))
    fig = bar_chart(data)
    shown, _ = formatters.DisplayFormatter().format(fig)
    assert shown["image/svg+xml"] == figure_svg(bar_chart(data))
    assert "image/png" not in shown  # one picture, the one the reports embed


def test_a_chart_drawn_on_the_readers_axes_is_their_figure():
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    assert bar_chart(rates(("A", (40.0, 500), (315.8, 19))), ax=ax) is fig
