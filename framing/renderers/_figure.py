"""The Figure a chart is drawn on: a plain matplotlib Figure that also shows itself in
a notebook, as the same SVG the reports embed.

A Figure made without pyplot has no display of its own in Jupyter (the cell shows
``<Figure size 950x434 with 1 Axes>``); this one gives IPython its SVG, so a chart at
the end of a cell is drawn with nothing set up by the reader, and no global state of
matplotlib or IPython is touched. Only :mod:`framing.renderers.charts` imports this
module, when a chart is drawn, so importing framing does not import matplotlib.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Mapping
from typing import Any, cast

import matplotlib
from matplotlib.figure import Figure

__all__ = ["ChartFigure", "svg"]


class ChartFigure(Figure):
    """A Figure that a notebook draws as SVG (``_repr_svg_``), with the style (the
    matplotlib settings) it was drawn with."""

    def __init__(self, *args: Any, style: Mapping[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style = dict(style)

    def _repr_svg_(self) -> str:
        return svg(self, self.style)


def svg(fig: Figure, style: Mapping[str, Any]) -> str:
    """``fig`` as SVG text, without timestamps, so equal data gives equal bytes."""
    buf = io.StringIO()
    with matplotlib.rc_context(cast(Any, style)), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing", category=UserWarning)
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return buf.getvalue()
