"""What an analysis and a comparison show in a notebook.

An :class:`~framing.results.ArticleAnalysis` or a :class:`~framing.comparison.Comparison`
at the end of a Jupyter cell shows its summary table and highlighted text, drawn by the
same renderer as the HTML report (:func:`framing.renderers.html.render_fragment`); an
analysis is first put in a comparison of one article.

Drawing needs the comparison and the renderers, and they import the result types, so the
result types do not import this module: their ``_repr_html_`` calls
:data:`framing.results.html_view`, which this module sets when the package is imported.
Nothing imports this module but the package itself: it is the top of the import graph.

>>> import framing
>>> framing.analyze("Rioters brutalized the town.")._repr_html_().startswith("<div")
True
"""

from __future__ import annotations

from . import results

__all__ = ["html"]


def html(result: object) -> str:
    """``result`` (an analysis or a comparison) as a piece of HTML for a notebook cell."""
    from .comparison import Comparison, compare
    from .renderers.html import render_fragment

    if isinstance(result, Comparison):
        return render_fragment(result)
    if isinstance(result, results.ArticleAnalysis):
        return render_fragment(compare([result]))
    raise TypeError(f"framing draws analyses and comparisons, not {type(result).__name__}")


results.html_view = html
