"""The typed charts and layers of a comparison: each gives the JSON the report has
always had, and a chart built by hand renders like one a comparison built."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing import Article, compare, render_json, render_markdown
from framing.comparison_types import (
    BarCell,
    BarChart,
    BarRow,
    Cast,
    CastEvidence,
    Category,
    Charts,
    CountCell,
    DistinctiveTerm,
    DistinctiveTerms,
    EpistemicCell,
    EpistemicRow,
    EpistemicTable,
    LabelMatrix,
    LabelRow,
    LabelUse,
    Layer,
    QuotedCast,
    QuotedCell,
    RateCell,
    SpeakerMatrix,
    SpeakerRow,
    ToneCell,
)
from framing.renderers.html import render_html

TO_DICT = [
    (
        "a bar chart leaves out the keys it has no value for",
        BarChart("T", series=("a",), series_labels={"a": "A"}, rows=(BarRow("X", {"a": BarCell(1.5)}),)),
        {"title": "T", "series": ["a"], "series_labels": {"a": "A"}, "rows": [{"article": "X", "a": 1.5}]},
    ),
    (
        "a chart of rates has its unit and its few words between the labels and the rows",
        BarChart(
            "R",
            series=("own",),
            unit="per 1,000 words",
            few_words=100,
            rows=(BarRow("X", {"own": BarCell(2.0)}),),
        ),
        {
            "title": "R",
            "series": ["own"],
            "series_labels": {},
            "unit": "per 1,000 words",
            "few_words": 100,
            "rows": [{"article": "X", "own": 2.0}],
        },
    ),
    (
        "a chart whose rows are not articles says so before its series",
        BarChart(
            "D",
            by="group",
            row_heading="Group: word",
            rows=(BarRow("A: w", {"group": BarCell("A"), "z": BarCell(3.0)}),),
        ),
        {
            "title": "D",
            "by": "group",
            "row_heading": "Group: word",
            "series": [],
            "series_labels": {},
            "rows": [{"article": "A: w", "group": "A", "z": 3.0}],
        },
    ),
    (
        "a row keeps its cells in the order they were given, after the article",
        BarRow("X", {"b": BarCell(1), "a": BarCell(2)}),
        {"article": "X", "b": 1, "a": 2},
    ),
    (
        "a rate has its words and whether it is steady right after it",
        BarRow("X", {"own": RateCell(75.0, 40, False), "quoted": RateCell(0.0, None, True)}),
        {
            "article": "X",
            "own": 75.0,
            "own__words": 40,
            "own__steady": False,
            "quoted": 0.0,
            "quoted__words": None,
            "quoted__steady": True,
        },
    ),
    (
        "the tone around an actor has the classifier's and the mentions after it",
        BarRow("X", {"ice": ToneCell(-0.4, None, 2), "gone": ToneCell(None, None, 0)}),
        {
            "article": "X",
            "ice": -0.4,
            "ice__classifier": None,
            "ice__mentions": 2,
            "gone": None,
            "gone__classifier": None,
            "gone__mentions": 0,
        },
    ),
    (
        "a word's quoted uses come right after its own",
        BarRow("X", {"c:thug": QuotedCell(2, 1), "c:man": QuotedCell(0, 3)}),
        {"article": "X", "c:thug": 2, "c:thug__quoted": 1, "c:man": 0, "c:man__quoted": 3},
    ),
    (
        "with extras_last, the counts behind the shares come after all the shares",
        BarRow("X", {"neutral": CountCell(0.75, 3), "distancing": CountCell(0.25, 1)}, extras_last=True),
        {"article": "X", "neutral": 0.75, "distancing": 0.25, "neutral__count": 3, "distancing__count": 1},
    ),
    (
        "and the roles in quoted voices after the roles in the outlet's",
        BarRow("X", {"villain": QuotedCell(1, 0), "victim": QuotedCell(0, 2)}, extras_last=True),
        {"article": "X", "villain": 1, "victim": 0, "villain__quoted": 0, "victim__quoted": 2},
    ),
    (
        "a source's row keeps only_in even when it is None",
        SpeakerMatrix("W", ("A", "B"), (SpeakerRow("Ana Ruiz", "elected", True, {"A": 2}),)),
        {
            "title": "W",
            "articles": ["A", "B"],
            "rows": [
                {
                    "speaker": "Ana Ruiz",
                    "type": "elected",
                    "named": True,
                    "articles": {"A": 2},
                    "only_in": None,
                }
            ],
        },
    ),
    (
        "a concept's words are by article, then by word",
        LabelMatrix("L", ("A",), (LabelRow("c", "Cee", {"A": {"word": LabelUse("negative", 1, 2)}}),)),
        {
            "title": "L",
            "articles": ["A"],
            "rows": [
                {
                    "concept": "c",
                    "label": "Cee",
                    "articles": {"A": {"word": {"connotation": "negative", "own": 1, "quoted": 2}}},
                }
            ],
        },
    ),
    (
        "a cast keeps its confidence when there is none",
        Cast(
            own="villain",
            quoted=(QuotedCast("Bo Tate", "victim", 0.5),),
            evidence=(CastEvidence(0, 3, "mob", "own", None, "villain", "called a mob"),),
        ),
        {
            "own": "villain",
            "confidence": None,
            "decided_by": None,
            "quoted": [{"speaker": "Bo Tate", "role": "victim", "confidence": 0.5}],
            "quoted_role": "neutral",
            "mentions": 0,
            "evidence": [
                {
                    "start": 0,
                    "end": 3,
                    "text": "mob",
                    "voice": "own",
                    "speaker": None,
                    "role": "villain",
                    "reason": "called a mob",
                }
            ],
        },
    ),
    (
        "with one group there are no distinctive words, and no title or method",
        DistinctiveTerms(group_by="outlet"),
        {"group_by": "outlet", "groups": {}},
    ),
    (
        "distinctive words by group",
        DistinctiveTerms("T", "outlet", "m", {"A": (DistinctiveTerm("w", 2.5, 0.7, 3, 0),)}),
        {
            "title": "T",
            "group_by": "outlet",
            "method": "m",
            "groups": {"A": [{"term": "w", "z": 2.5, "delta": 0.7, "count": 3, "others": 0}]},
        },
    ),
    (
        "an article's hedges and boosters: every kind's own count, then quoted, then rate",
        EpistemicRow("A", {"hedge": EpistemicCell(3, 1, 12.5), "booster": EpistemicCell(0, 2, 0.0)}),
        {
            "article": "A",
            "hedge_own": 3,
            "booster_own": 0,
            "hedge_quoted": 1,
            "booster_quoted": 2,
            "hedge_per_1000_own": 12.5,
            "booster_per_1000_own": 0.0,
        },
    ),
    (
        "a layer names its categories",
        Layer("Loaded words", {"crime": Category("Crime", "words of crime")}),
        {
            "label": "Loaded words",
            "categories": {"crime": {"label": "Crime", "description": "words of crime"}},
        },
    ),
]


@pytest.mark.parametrize(("name", "data", "expected"), TO_DICT, ids=[t[0] for t in TO_DICT])
def test_to_dict_gives_the_json_shape_in_order(name, data, expected):
    assert data.to_dict() == expected
    assert json.dumps(data.to_dict()) == json.dumps(expected)  # the same keys in the same order


@given(
    st.text(min_size=1),
    st.dictionaries(
        st.text(min_size=1).filter(lambda k: k != "article"), st.integers() | st.floats(allow_nan=False)
    ),
)
def test_a_row_is_its_article_then_its_cells(article, cells):
    row = BarRow(article, {k: BarCell(v) for k, v in cells.items()})
    assert list(row.to_dict()) == ["article", *cells]
    assert all(row.value(k) == float(v) for k, v in cells.items())
    assert row.value("missing") == 0.0


@given(
    st.dictionaries(
        st.text(min_size=1),
        st.tuples(st.floats(allow_nan=False), st.integers(min_value=0) | st.none()),
        min_size=1,
    ),
    st.booleans(),
)
def test_a_row_of_rates_lists_each_value_before_its_extras(rates, extras_last):
    row = BarRow("X", {k: RateCell(r, w, w is None) for k, (r, w) in rates.items()}, extras_last=extras_last)
    keys = list(row.to_dict())[1:]
    extras = [(f"{k}__words", f"{k}__steady") for k in rates]
    if extras_last:
        assert keys == [*rates, *(e for pair in extras for e in pair)]
    else:
        assert keys == [x for k, pair in zip(rates, extras, strict=True) for x in (k, *pair)]
    data = row.to_dict()
    assert all(data[k] == r and data[f"{k}__words"] == w for k, (r, w) in rates.items())


A = Article('"We will rebuild," Mayor Ana Ruiz said. Rioters stormed the hall.', id="a", outlet="Daily A")
B = Article('"No," Bo Tate said. Protesters marched to the hall.', id="b", outlet="Daily B")


@pytest.fixture(scope="module")
def comparison():
    return compare([A, B])


def test_the_json_report_is_the_charts_and_layers_to_dict(comparison):
    data = json.loads(render_json(comparison))
    assert data["charts"] == json.loads(json.dumps(comparison.charts.to_dict()))
    assert list(comparison.charts.to_dict()) == [f.name for f in dataclasses.fields(Charts)]
    assert data["layers"] == {lid: layer.to_dict() for lid, layer in comparison.layers.items()}
    assert isinstance(comparison.layers["loaded"], Layer)
    for key in ("categories", "source_types"):
        named = getattr(comparison, key)
        assert named and all(isinstance(c, Category) for c in named.values())
        assert data[key] == {
            cid: {"label": c.label, "description": c.description} for cid, c in named.items()
        }


def by_hand(comparison, **charts):
    """The comparison with some of its charts replaced by charts built here."""
    return dataclasses.replace(comparison, charts=dataclasses.replace(comparison.charts, **charts))


MATRIX = SpeakerMatrix(
    "Who",
    ("Daily A", "Daily B"),
    (
        SpeakerRow("Zed <Quill>", "expert", True, {"Daily A": 7}, "Daily A"),
        SpeakerRow("Wyn Ode", "citizen", True, {"Daily A": 1, "Daily B": 4}),
    ),
)
FRAMES = BarChart(
    "Frames",
    series=("f1", "f2"),
    series_labels={"f1": "Frame one", "f2": "Frame <two>"},
    rows=(
        BarRow("Daily A", {"f1": BarCell(0.25), "f2": BarCell(0.75)}),
        BarRow("Daily B", {"f1": BarCell(1.0), "f2": BarCell(0.0)}),
    ),
)

EPISTEMIC = EpistemicTable(
    "Sure",
    ("hedge", "booster"),
    (
        EpistemicRow("Daily A", {"hedge": EpistemicCell(3, 1, 12.5), "booster": EpistemicCell(0, 2, 0.0)}),
        EpistemicRow("Daily B", {"hedge": EpistemicCell(0, 0, 0.0), "booster": EpistemicCell(7, 0, 30.0)}),
    ),
)

TONE = {
    "actor_tone_own": BarChart(
        "Tone own",
        series=("zed",),
        series_labels={"zed": "Zed <Quill>"},
        rows=(
            BarRow("Daily A", {"zed": ToneCell(-0.4, 0.25, 2)}),
            BarRow("Daily B", {"zed": ToneCell(None, None, 0)}),
        ),
    ),
    "actor_tone_quoted": BarChart(
        "Tone quoted",
        series=("zed",),
        series_labels={"zed": "Zed <Quill>"},
        rows=(
            BarRow("Daily A", {"zed": ToneCell(None, None, 0)}),
            BarRow("Daily B", {"zed": ToneCell(0.5, None, 1)}),
        ),
    ),
}

RENDERED = [
    # name, charts by hand, what the Markdown shows, what the HTML shows
    (
        "the tone around an actor, the classifier's in brackets",
        TONE,
        ["| Zed \\<Quill\\> | own -0.40 (0.25); quoted \u2013 | own \u2013; quoted 0.50 |"],
        [
            'own -0.40 <span class="muted">(0.25)</span><br>quoted \u2013</td>',
            "<td>own \u2013<br>quoted 0.50</td>",
        ],
    ),
    (
        "who is quoted where",
        {"speakers_by_article": MATRIX},
        ["| Zed \\<Quill\\> |", "| 7 |  |", "| 1 | 4 |"],
        ["Zed &lt;Quill&gt;", '<td class="num">7</td><td class="num"></td>'],
    ),
    (
        "hedges and boosters, in the outlet's own words and in quotes",
        {"epistemic_by_article": EPISTEMIC},
        ["| Daily A | 3 (1) | 0 (2) |", "| Daily B | 0 (0) | 7 (0) |"],
        [
            '<td class="num">3 <span class="muted">(1)</span></td>',
            '<td class="num">7 <span class="muted">(0)</span>',
        ],
    ),
    (
        "the frames in the outlet's own voice",
        {"frames_own": FRAMES},
        ["Frame \\<two\\>", "| Daily A | 25% | 75% |", "| Daily B | 100% | 0% |"],
        ["Frame &lt;two&gt;"],
    ),
]


@pytest.mark.parametrize(("name", "charts", "markdown", "html"), RENDERED, ids=[r[0] for r in RENDERED])
def test_a_chart_built_by_hand_is_rendered(comparison, name, charts, markdown, html):
    c = by_hand(comparison, **charts)
    md = render_markdown(c)
    page = render_html(c)
    for shown in markdown:
        assert shown in md, shown
    for shown in html:
        assert shown in page, shown
    assert "<Quill>" not in page and "<two>" not in page
