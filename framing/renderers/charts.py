"""Charts: plain data in, a matplotlib Figure out.

Each function takes the chart data of a :class:`~framing.comparison.Comparison`
(a :class:`~framing.comparison_types.BarChart`, such as
``comparison.charts.frames_own``), draws on the given ``ax`` or a new figure, and returns
the Figure. Nothing here calls ``show()`` or changes matplotlib's global settings:
styling is scoped with ``rc_context``, and matplotlib is imported only when a chart is
drawn. Every label is drawn as the plain text it is: matplotlib would read ``$...$`` in
an outlet's name as a formula (drawing "Cost $5 vs $x" without its dollar signs, and
failing on one it cannot parse), so math is off for every text of a chart.
:func:`figure_svg` turns a figure into SVG text that is the same for the same data, and
a chart drawn on its own figure shows that SVG in a notebook (``framing.renderers._figure``).

A chart never misleads with its least reliable numbers: a rate per 1,000 words resting
on few words is drawn pale and hatched, with its words written beside it, and the axis
is set by the steady bars (see :func:`bar_chart`). Every series has its own colour and
pattern (:func:`series_style`).
"""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from ..comparison_types import RateCell

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..comparison_types import BarCell, BarChart, BarRow

__all__ = ["CHART_STYLE", "PALETTE", "PATTERNS", "UNSTEADY_HATCH", "bar_chart", "figure_svg", "series_style"]

#: Colour-blind-safe qualitative palette (Okabe and Ito), in the order series take it.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
#: Past the palette's eight colours, series are told apart by a pattern of lines over
#: their colour, never by a colour alone (see :func:`series_style`). No pattern here uses
#: "/" or "|": "/" marks a rate resting on few words, "|" is added past the patterns.
#: Lines only: a pattern of dots or circles takes some 70 KB of SVG for each series.
PATTERNS = ("", "\\\\", "--", "xx", "++", "-\\\\")
#: The hatching of a rate per 1,000 words that rests on few words (drawn pale as well).
UNSTEADY_HATCH = "////"
CHART_STYLE: dict[str, Any] = {
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.alpha": 0.3,
    "hatch.linewidth": 0.8,
    "svg.fonttype": "none",
    "svg.hashsalt": "framing",
}
#: How much of its colour a pale (unsteady) bar keeps; the rest is white.
_PALE = 0.3
#: A pale bar's label is written after its end when the bar ends before this share of
#: the axis, and inside its end when it ends past it (so the label stays on the chart).
_ROOM = 0.62


def series_style(k: int) -> tuple[str, str]:
    """The colour and pattern of the ``k``-th series of a chart (from 0): every series
    has a (colour, pattern) no other series of the chart has, however many there are.

    >>> series_style(0), series_style(17), series_style(49)
    (('#0072B2', ''), ('#E69F00', '--'), ('#E69F00', '|'))
    """
    turn, colour = divmod(k, len(PALETTE))
    rounds, pattern = divmod(turn, len(PATTERNS))
    return PALETTE[colour], PATTERNS[pattern] + "|" * rounds


def bar_chart(data: BarChart[Any], *, ax: Axes | None = None, stacked: bool = False) -> Figure:
    """Horizontal grouped (or stacked) bars: one group per article, one bar per series.

    ``data`` has a ``title``, ``series`` (keys), ``series_labels`` and ``rows`` (each
    an ``article`` and its ``cells``, a :class:`~framing.comparison_types.BarCell` per
    series). A rate per 1,000 words is a :class:`~framing.comparison_types.RateCell`,
    with the words it was counted over and whether it is steady (see
    :func:`framing.comparison_charts.rate_cell`), and the chart has ``few_words`` and
    ``unit``: a rate resting on few words is drawn pale and hatched, with its number of
    words written beside it, and does not set the axis: the steady bars do, and a bar
    past them is cut at the edge, marked with an arrowhead and its value written.
    """
    import matplotlib
    from matplotlib.patches import Patch

    from ._figure import ChartFigure  # no pyplot: no backend, no global figure list

    rows = list(data.rows)
    series = list(data.series)
    labels = {key: _fit(str(label)) for key, label in data.series_labels.items()}
    with matplotlib.rc_context(cast(Any, CHART_STYLE)), warnings.catch_warnings():
        # labels come from input; a character no font has is drawn as a box, silently
        warnings.filterwarnings("ignore", message="Glyph .* missing", category=UserWarning)
        # and a long label leaves too little room to lay the chart out neatly: drawn anyway
        warnings.filterwarnings("ignore", message="Tight layout not applied", category=UserWarning)
        ax_given = ax
        if ax is None:
            height = max(2.4, 0.9 + len(rows) * (0.38 if stacked else 0.22 * max(1, len(series)) + 0.2))
            fig = ChartFigure(figsize=(9.5, height), style=CHART_STYLE)
            ax = fig.add_subplot()
        else:
            fig = ax.figure  # type: ignore[assignment]
        n = max(1, len(series))
        group = 0.8
        width = group if stacked else group / n
        ypos = list(range(len(rows)))
        lefts = [0.0] * len(rows)
        values = {key: [r.value(key) for r in rows] for key in series}
        # a rate resting on few words (a bar of 0 draws nothing to doubt)
        unsteady = {
            key: [not _steady(r.cells.get(key)) and v != 0 for r, v in zip(rows, values[key], strict=True)]
            for key in series
        }
        edge = None if stacked else _edge(values, unsteady)
        if edge is not None:
            ax.set_xlim(min(0.0, *(v for vs in values.values() for v in vs)), edge)
        handles = []
        for k, key in enumerate(series):
            colour, pattern = series_style(k)
            ink = _ink(colour)
            drawn = [v if edge is None else min(v, edge) for v in values[key]]
            if stacked:
                bars = ax.barh(ypos, drawn, height=width, left=lefts, color=colour)
                lefts = [a + b for a, b in zip(lefts, drawn, strict=False)]
                places: list[float] = [float(y) for y in ypos]
            else:
                places = [y - group / 2 + width * (k + 0.5) for y in ypos]
                bars = ax.barh(places, drawn, height=width, color=colour)
            for bar, few in zip(bars.patches, unsteady[key], strict=True):
                if few:
                    bar.set(facecolor=_pale(colour), edgecolor=colour, linewidth=0.8)
                    bar.set_hatch(UNSTEADY_HATCH + pattern)
                elif pattern:
                    bar.set(edgecolor=ink, linewidth=0)
                    bar.set_hatch(pattern)
            handles.append(
                Patch(
                    facecolor=colour,
                    edgecolor=ink,
                    linewidth=0,
                    hatch=pattern or None,
                    label=labels.get(key, _fit(key)),
                )
            )
            if not stacked:
                _mark_unsteady(ax, rows, key, places, values[key], unsteady[key], colour, edge)
        ax.set_yticks(ypos, [_fit(r.article) for r in rows], parse_math=False)
        ax.invert_yaxis()
        if data.unit:
            ax.set_xlabel(data.unit, parse_math=False)
        title = textwrap.fill(_fit(data.title, _MOST_TITLE), 70)
        ax.set_title(title, loc="left", parse_math=False)
        if any(any(few) for few in unsteady.values()):
            handles.append(
                Patch(
                    facecolor=_pale("#777777"),
                    edgecolor="#777777",
                    linewidth=0.8,
                    hatch=UNSTEADY_HATCH,
                    label=_unsteady_label(data.few_words),
                )
            )
        if handles:
            # outside the plot, so it never hides a bar
            legend = ax.legend(
                handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8
            )
            for text in legend.get_texts():
                text.set_parse_math(False)
        fig.tight_layout()
        if ax_given is None:
            # laid out once: tight_layout leaves a placeholder layout engine, for which
            # savefig would draw the whole figure once more before drawing it
            fig.set_layout_engine(None)
    return fig  # type: ignore[return-value]


def _steady(cell: BarCell | None) -> bool:
    """Whether a cell is not a rate resting on few words (see :class:`RateCell`)."""
    return not isinstance(cell, RateCell) or cell.steady


def _edge(values: Mapping[str, list[float]], unsteady: Mapping[str, list[bool]]) -> float | None:
    """Where the axis ends when a rate resting on few words goes past every steady bar:
    a little past the longest steady bar (None, the axis is left to matplotlib, when no
    unsteady bar goes past it or there is no steady bar to set it)."""
    steady = [v for key in values for v, few in zip(values[key], unsteady[key], strict=True) if not few]
    longest = max(steady, default=0.0)
    if longest <= 0:
        return None
    edge = longest * 1.15
    past = any(v > edge for key in values for v, few in zip(values[key], unsteady[key], strict=True) if few)
    return edge if past else None


def _mark_unsteady(
    ax: Axes,
    rows: list[BarRow[Any]],
    key: str,
    places: list[float],
    values: list[float],
    unsteady: list[bool],
    colour: str,
    edge: float | None,
) -> None:
    """Write its number of words beside each bar resting on few words; a bar cut at the
    edge gets an arrowhead there and its value as well."""
    right = edge if edge is not None else ax.get_xlim()[1]
    for row, y, value, few in zip(rows, places, values, unsteady, strict=True):
        if not few:
            continue
        cell = row.cells.get(key)
        words = cell.words if isinstance(cell, RateCell) else None
        label = f"{words:,} word{'' if words == 1 else 's'}" if isinstance(words, int) else "few words"
        box = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}
        if edge is not None and value > edge:
            ax.plot([edge], [y], marker=">", markersize=6, color=colour, clip_on=False, linestyle="none")
            text = f"{value:,.1f} ({label}) \u2192"
            ax.text(edge * 0.985, y, text, ha="right", va="center", fontsize=7, bbox=box, parse_math=False)
        elif value <= right * _ROOM:
            ax.text(value + right * 0.01, y, label, ha="left", va="center", fontsize=7, parse_math=False)
        else:
            ax.text(
                value - right * 0.01,
                y,
                label,
                ha="right",
                va="center",
                fontsize=7,
                bbox=box,
                parse_math=False,
            )


def _unsteady_label(few_words: Any) -> str:
    """The legend's words for a pale, hatched bar."""
    fewer = f"fewer than {few_words:,} words" if isinstance(few_words, int) else "few words"
    return textwrap.fill(
        f"Pale and hatched: a rate on {fewer}; one loaded word more or less moves it a lot, "
        "so compare counts. Its words are written beside it.",
        38,
    )


def _pale(colour: str) -> str:
    """``colour`` mixed with white, keeping :data:`_PALE` of it."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * _PALE):02X}" for c in rgb)


def _ink(colour: str) -> str:
    """The colour a pattern is drawn in over ``colour``: white on a dark colour, black
    on a light one."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#FFFFFF" if 0.299 * r + 0.587 * g + 0.114 * b < 140 else "#000000"


#: Labels longer than this (a name thousands of characters long, from input) are cut,
#: with an ellipsis, so the chart keeps room for its bars; the table beside the chart
#: has them whole. Labels from the lexicons are all shorter.
_MOST_LABEL = 200
_MOST_TITLE = 420


def _fit(label: str, most: int = _MOST_LABEL) -> str:
    """A label short enough for the chart to keep room for its bars."""
    return label if len(label) <= most else label[: most - 1].rstrip() + "\u2026"


def figure_svg(fig: Figure) -> str:
    """The figure as SVG text, without timestamps, so equal data gives equal bytes."""
    from ._figure import svg

    return svg(fig, CHART_STYLE)
