"""Scoring and brat parsing of benchmarks/attribution_polnear.py, on hand-made spans.

The benchmark script is imported from its path; nothing here reads PolNeAR.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "attribution_polnear.py"


def _load():
    spec = importlib.util.spec_from_file_location("attribution_polnear", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _load()

# (name, gold, pred, mode, (gold count, pred count, matched))
SCORE_CASES = [
    ("identical", [(0, 5)], [(0, 5)], "exact", (1, 1, 1)),
    ("off by one is no exact match", [(0, 5)], [(0, 6)], "exact", (1, 1, 0)),
    ("off by one overlaps", [(0, 5)], [(0, 6)], "overlap", (1, 1, 1)),
    ("touching spans do not overlap", [(0, 5)], [(5, 9)], "overlap", (1, 1, 0)),
    ("one shared character is enough", [(0, 5)], [(4, 9)], "overlap", (1, 1, 1)),
    ("nothing predicted", [(0, 5), (10, 12)], [], "overlap", (2, 0, 0)),
    ("nothing gold", [], [(0, 5)], "exact", (0, 1, 0)),
    ("gold matched once (exact)", [(0, 5)], [(0, 5), (0, 5)], "exact", (1, 2, 1)),
    ("gold matched once (overlap)", [(0, 10)], [(0, 4), (5, 10)], "overlap", (1, 2, 1)),
    ("prediction matched once", [(0, 4), (5, 10)], [(0, 10)], "overlap", (2, 1, 1)),
    # greedy by largest overlap: pred (2, 9) goes to gold (3, 12) (6 chars) not (0, 4)
    # (2 chars), which leaves (0, 4) for pred (0, 2)
    ("largest overlap first", [(0, 4), (3, 12)], [(0, 2), (2, 9)], "overlap", (2, 2, 2)),
    ("segments compared exactly", [((0, 4), (6, 9))], [((0, 4), (6, 9))], "exact", (1, 1, 1)),
    ("contiguous is not discontinuous", [((0, 4), (6, 9))], [(0, 9)], "exact", (1, 1, 0)),
    ("discontinuous overlap", [((0, 4), (20, 25))], [(22, 30)], "overlap", (1, 1, 1)),
    ("the gap does not count", [((0, 4), (20, 25))], [(5, 19)], "overlap", (1, 1, 0)),
]


@pytest.mark.parametrize(
    ("gold", "pred", "mode", "expected"),
    [c[1:] for c in SCORE_CASES],
    ids=[c[0] for c in SCORE_CASES],
)
def test_score_spans(gold, pred, mode, expected):
    score = bench.score_spans(gold, pred, mode)
    assert (score.gold, score.pred, score.matched) == expected
    assert len({g for g, _ in score.pairs}) == len({p for _, p in score.pairs}) == score.matched


def test_largest_overlap_pairs():
    score = bench.score_spans([(0, 4), (3, 12)], [(0, 2), (2, 9)], "overlap")
    assert score.pairs == [(0, 0), (1, 1)]


@pytest.mark.parametrize(
    ("gold", "pred", "matched", "p", "r", "f1"),
    [
        (4, 2, 2, 1.0, 0.5, 2 / 3),
        (0, 0, 0, 0.0, 0.0, 0.0),
        (3, 0, 0, 0.0, 0.0, 0.0),
    ],
)
def test_precision_recall_f1(gold, pred, matched, p, r, f1):
    score = bench.SpanScore(gold, pred, matched)
    assert (score.precision, score.recall) == (p, r)
    assert score.f1 == pytest.approx(f1)


def test_bad_mode():
    with pytest.raises(ValueError):
        bench.score_spans([(0, 1)], [(0, 1)], "fuzzy")


TEXT = 'Officials said that\nthe road is closed. "It is unsafe," Ann Lee said.'
ANN = "\n".join(
    [
        "T1\tSource 0 9\tOfficials",
        "T2\tCue 10 14\tsaid",
        "T3\tContent 15 19;20 39\tthat the road is closed",
        "T4\tAttribution 10 14\tsaid",
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        'T5\tContent 40 55\t"It is unsafe,"',
        "T6\tSource 56 63\tAnn Lee",
        "T7\tCue 64 68\tsaid",
        "T8\tAttribution 64 68\tsaid",
        "T9\tContent 0 9\tOfficials",
        "E2\tAttribution:T8 Source:T6 Cue:T7 Content:T5 Content2:T9",
        "#1\tAnnotatorNotes T5\ta note",
        "a continuation line of a multi-line span text",
        "T10\tDiscuss 0 9\tOfficials",
        "E3\tAttribution-no-source:T99 ",
    ]
)


def test_parse_ann():
    attrs = bench.parse_ann(ANN)
    assert len(attrs) == 2  # E3 points at no span: dropped
    first, second = attrs[0], attrs[1]
    assert first.sources == (((0, 9),),)
    assert first.cues == (((10, 14),),)
    assert first.contents == (((15, 19), (20, 39)),)  # discontinuous, kept as two segments
    assert second.contents == (((40, 55),), ((0, 9),))  # Content and Content2
    assert [TEXT[s:e] for s, e in second.contents[0]] == ['"It is unsafe,"']


def test_anchor_is_the_cue_when_there_is_no_cue():
    attrs = bench.parse_ann(
        "T1\tAttribution 3 7\tsaid\nT2\tContent 8 12\tyes.\nE1\tAttribution:T1 Content:T2"
    )
    assert attrs[0].cues == (((3, 7),),)
    assert bench.parse_ann("T1\tAttribution 3 7\tsaid\nE1\tAttribution:T1")[0].cues == (((3, 7),),)


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        (((15, 19), (20, 39)), ((15, 39),)),  # gap is a line break: merged
        ((14, 19), ((15, 19),)),  # leading space trimmed
        (((0, 9), (15, 19)), ((0, 9), (15, 19))),  # a real gap stays
        ((9, 10), ()),  # blank
    ],
)
def test_normalize_span(span, expected):
    assert bench.normalize_span(span, TEXT) == expected


def test_score_attributions():
    gold = [bench.normalize_attribution(a, TEXT) for a in bench.parse_ann(ANN)]
    pred = bench.baseline_attributions(TEXT)
    score = bench.score_attributions(gold, pred)
    assert (score.gold, score.pred, score.matched) == (2, 2, 2)
    no_cue = [bench.Attribution(contents=(((41, 50),),))]
    assert bench.score_attributions(gold, no_cue).pairs == [(1, 0)]


def test_baseline():
    pred = bench.baseline_attributions(TEXT)
    roles = [
        tuple(
            " ".join(TEXT[s:e] for s, e in spans[0]) if spans else None
            for spans in (a.sources, a.cues, a.contents)
        )
        for a in pred
    ]
    assert roles == [
        ("Officials", "said", "that"),  # the baseline ends a sentence at a line break
        ("Ann Lee", "said", '"It is unsafe,"'),
    ]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("According to Reuters, the plan failed.", "Reuters", "the plan failed"),
        ('"We won," said Tom Reyes, the mayor.', "Tom Reyes", '"We won,"'),
        ("She told reporters it was over.", "She", "reporters it was over"),
        ("the mayor said nothing more.", None, "nothing more"),
        ("Then the mayor said nothing.", "Then", "nothing"),
    ],
)
def test_baseline_directions(text, source, content):
    (attr,) = bench.baseline_attributions(text)
    src = text[attr.sources[0][0][0] : attr.sources[0][-1][1]] if attr.sources else None
    assert src == source
    assert text[attr.contents[0][0][0] : attr.contents[0][-1][1]] == content
