"""The charts of the HTML report: which charts, in which order, with which captions, the
plain words of their series (from the glossary) and each drawn as SVG for the page."""

from __future__ import annotations

import base64
import dataclasses
from typing import TYPE_CHECKING, Any

from ..comparison_types import BarChart, C
from . import glossary
from ._format import any_unsteady, number, percent

if TYPE_CHECKING:
    from ..comparison import Comparison

__all__ = ["CHART_TERMS", "page_charts"]


def page_charts(comparison: Comparison) -> list[dict[str, Any]]:
    """The report's charts, each drawn as SVG (base64, for a ``data:`` URL) with its
    caption, plain-worded series, and the numbers and their format for the table under it."""
    from .charts import bar_chart, figure_svg

    out = []
    specs = (
        (
            "loaded_rate_by_voice",
            False,
            "Loaded words per 1,000 words in each voice. Compare the outlet's own voice with the voices it quotes.",
        ),
        ("categories_own", True, "Kinds of loaded words the outlet uses in its own voice."),
        (
            "speech_by_source_type",
            True,
            "Who gets to speak: the share of quoted and reported words by type of source.",
        ),
        (
            "speech_by_speaker",
            True,
            "Who gets to speak: the share of quoted and reported words each of the most quoted sources gets.",
        ),
        (
            "cue_grades_by_article",
            True,
            "How each outlet introduces the words it attributes: 'said' is plain, 'claimed' casts doubt, "
            "'admitted' treats the words as true, 'slammed' adds heat.",
        ),
        (
            "frames_own",
            True,
            "The angles each outlet takes in its own voice: each frame's share of the frame cues.",
        ),
        (
            "label_connotations_own",
            True,
            "The words each outlet chooses, in its own voice, for things that have several names.",
        ),
        (
            "label_connotations_quoted",
            True,
            "The same, in the words of the people each outlet quotes or reports.",
        ),
        (
            "label_variants",
            False,
            "Which word each outlet uses, in its own voice, where the outlets choose different words for the same thing.",
        ),
        (
            "distinctive_terms_chart",
            False,
            "Words each group uses far more than the others in its own voice (higher is more distinctive).",
        ),
        (
            "roles_by_article",
            False,
            "How many actors each outlet casts as villain, victim or hero in its own voice (the table above names them).",
        ),
    )
    for key, stacked, caption in specs:
        data: BarChart[Any] = getattr(comparison.charts, key)
        if not data.rows or not data.series:
            continue
        data = _plain_series(key, data)
        if key == "loaded_rate_by_voice" and any_unsteady(a.loaded for a in comparison.articles):
            caption += (
                " A pale, hatched bar (a rate marked \u2020 in the table above) rests on few words: one"
                " loaded word more or less moves it a lot, so compare its count. Its number of words is"
                " written beside it, and it does not set the scale: a bar cut at the edge has its value"
                " written at the end."
            )
        fig = bar_chart(_plottable(data), stacked=stacked)
        svg = figure_svg(fig)
        out.append(
            {
                "svg_b64": base64.b64encode(svg.encode("utf-8")).decode("ascii"),
                "alt": f"Bar chart: {data.title}. The numbers are in the table below it.",
                "caption": caption,
                "data": data,
                "fmt": percent
                if key
                in ("speech_by_source_type", "speech_by_speaker", "frames_own", "cue_grades_by_article")
                else number,
            }
        )
    return out


#: The glossary area whose plain words name the series of a chart (see glossary.py).
CHART_TERMS = {
    "categories_own": "loaded",
    "frames_own": "frame",
    "cue_grades_by_article": "cue",
    "label_connotations_own": "connotation",
    "label_connotations_quoted": "connotation",
}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plain_series(key: str, data: BarChart[C]) -> BarChart[C]:
    """Chart data whose series are named in the glossary's plain words (the chart and the
    table of its numbers say the same)."""
    if key == "distinctive_terms_chart":
        labels = {s: glossary.plain("measure", "distinctive") for s in data.series_labels}
    elif key in CHART_TERMS:
        area = CHART_TERMS[key]
        labels = {s: _capital(glossary.plain(area, s, label)) for s, label in data.series_labels.items()}
    else:
        return data
    return dataclasses.replace(data, series_labels=labels)


def _plottable(data: BarChart[C]) -> BarChart[C]:
    """Chart data with missing values drawn as 0 (the table beside it shows a dash)."""
    rows = tuple(
        dataclasses.replace(
            row,
            cells={
                k: cell if cell.value is not None else dataclasses.replace(cell, value=0.0)
                for k, cell in row.cells.items()
            },
        )
        for row in data.rows
    )
    return dataclasses.replace(data, rows=rows)
