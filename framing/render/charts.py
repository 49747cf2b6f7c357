"""Charts: plain data in, a matplotlib Figure out.

Each function takes the chart data of a :class:`~framing.comparison.Comparison`
(``comparison.charts[...]``), draws on the given ``ax`` or a new figure, and returns
the Figure. Nothing here calls ``show()`` or changes matplotlib's global settings:
styling is scoped with ``rc_context``, and matplotlib is imported only when a chart is
drawn. Every label is drawn as the plain text it is: matplotlib would read ``$...$`` in
an outlet's name as a formula (drawing "Cost $5 vs $x" without its dollar signs, and
failing on one it cannot parse), so math is off for every text of a chart. :func:`figure_svg` turns a figure into SVG text that is the same for the same
data.
"""

from __future__ import annotations

import io
import textwrap
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["CHART_STYLE", "PALETTE", "bar_chart", "figure_svg"]

#: Colour-blind-safe palette (Okabe and Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
CHART_STYLE: dict[str, Any] = {
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.alpha": 0.3,
    "svg.fonttype": "none",
    "svg.hashsalt": "framing",
}


def bar_chart(data: Mapping[str, Any], *, ax: Axes | None = None, stacked: bool = False) -> Figure:
    """Horizontal grouped (or stacked) bars: one group per article, one bar per series.

    ``data`` has ``title``, ``series`` (keys), ``series_labels`` and ``rows`` (each a
    mapping with ``article`` and a number per series).
    """
    import matplotlib
    from matplotlib.figure import Figure  # no pyplot: no backend, no global figure list

    rows = list(data["rows"])
    series = list(data["series"])
    labels = {key: _fit(str(label)) for key, label in data.get("series_labels", {}).items()}
    with matplotlib.rc_context(cast(Any, CHART_STYLE)), warnings.catch_warnings():
        # labels come from input; a character no font has is drawn as a box, silently
        warnings.filterwarnings("ignore", message="Glyph .* missing", category=UserWarning)
        # and a long label leaves too little room to lay the chart out neatly: drawn anyway
        warnings.filterwarnings("ignore", message="Tight layout not applied", category=UserWarning)
        ax_given = ax
        if ax is None:
            height = max(2.4, 0.9 + len(rows) * (0.38 if stacked else 0.22 * max(1, len(series)) + 0.2))
            fig = Figure(figsize=(9.5, height))
            ax = fig.add_subplot()
        else:
            fig = ax.figure  # type: ignore[assignment]
        n = max(1, len(series))
        group = 0.8
        width = group if stacked else group / n
        ypos = list(range(len(rows)))
        lefts = [0.0] * len(rows)
        for k, key in enumerate(series):
            values = [float(r.get(key, 0) or 0) for r in rows]
            if stacked:
                ax.barh(
                    ypos,
                    values,
                    height=width,
                    left=lefts,
                    label=labels.get(key, _fit(key)),
                    color=PALETTE[k % len(PALETTE)],
                )
                lefts = [a + b for a, b in zip(lefts, values, strict=False)]
            else:
                offsets = [y - group / 2 + width * (k + 0.5) for y in ypos]
                ax.barh(
                    offsets,
                    values,
                    height=width,
                    label=labels.get(key, _fit(key)),
                    color=PALETTE[k % len(PALETTE)],
                )
        ax.set_yticks(ypos, [_fit(str(r["article"])) for r in rows], parse_math=False)
        ax.invert_yaxis()
        title = textwrap.fill(_fit(str(data.get("title", "")), _MOST_TITLE), 70)
        ax.set_title(title, loc="left", parse_math=False)
        if series:
            # outside the plot, so it never hides a bar
            legend = ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
            for text in legend.get_texts():
                text.set_parse_math(False)
        fig.tight_layout()
        if ax_given is None:
            # laid out once: tight_layout leaves a placeholder layout engine, for which
            # savefig would draw the whole figure once more before drawing it
            fig.set_layout_engine(None)
    return fig  # type: ignore[return-value]


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
    buf = io.StringIO()
    import matplotlib

    with matplotlib.rc_context(cast(Any, CHART_STYLE)), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing", category=UserWarning)
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return buf.getvalue()
