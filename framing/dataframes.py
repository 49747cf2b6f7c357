"""DataFrames at the edge: analyses as pandas tables, for notebooks and research.

``to_frame(results)`` gives one row per article; ``to_frame(results, "findings")`` one
row per finding; likewise ``"quotes"``, ``"voices"``, ``"actors"``, ``"frames"`` and
``"speakers"``. ``results`` may be ArticleAnalysis objects, a Comparison, or any
iterable of analyses (consumed once). pandas is needed only here
(``pip install ".[batch]"``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .renderers.csv import flatten
from .results import ArticleAnalysis

if TYPE_CHECKING:
    import pandas as pd

    from .comparison import Comparison

__all__ = ["TABLES", "rows", "to_frame"]

#: The tables ``to_frame`` can build, and what one row is.
TABLES = {
    "articles": "one article: its metadata and every scalar number",
    "findings": "one finding: span, analyser, category, voice, speaker, explanation, actor",
    "quotes": "one attribution: kind, speaker, source type, cue and its grade, spans",
    "voices": "one voice span: start, end, voice, speaker",
    "actors": "one actor in one article: mentions, role by voice, tone around it",
    "frames": "one frame in one article: cue weight and share by voice",
    "speakers": "one source in one article: type, quotes, words, share, cue grades",
}


def _analyses(results: Any) -> Iterator[ArticleAnalysis]:
    if isinstance(results, ArticleAnalysis):
        yield results
        return
    analyses = getattr(results, "analyses", None)
    if analyses is not None:
        yield from analyses
        return
    for item in results:
        if not isinstance(item, ArticleAnalysis):
            raise UsageError(f"to_frame expects ArticleAnalysis objects, got {type(item).__name__}")
        yield item


def rows(
    results: ArticleAnalysis | Comparison | Iterable[ArticleAnalysis], table: str = "articles"
) -> Iterator[dict[str, Any]]:
    """The rows of one table as plain dicts (no pandas needed)."""
    if table not in TABLES:
        raise UsageError(f"unknown table {table!r}; choose from: {', '.join(TABLES)}")
    for a in _analyses(results):
        base = {"article_id": a.article.id, "outlet": a.article.outlet}
        if table == "articles":
            row = a.to_row()
            lists = ("speakers", "pieces", "actors")
            metrics = {
                name: {k: v for k, v in m.to_dict().items() if k not in lists}
                for name, m in a.metrics.items()
            }
            row.update(flatten(metrics))
            yield row
        elif table == "findings":
            yield from ({**base, **f.to_row()} for f in a.findings)
        elif table == "quotes":
            yield from ({**base, **q.to_dict()} for q in a.quotes)
        elif table == "voices":
            yield from ({**base, **v.to_dict()} for v in a.voices)
        elif table == "actors":
            for actor in a.metrics.actors.actors if a.metrics.actors else ():
                yield {
                    **base,
                    "actor_id": actor.id,
                    "name": actor.name,
                    "kind": actor.kind,
                    "role_own": actor.portrayal.own.role,
                    "role_quoted": actor.portrayal.quoted_role.role,
                    **flatten({"mentions": actor.mentions.to_dict(), "tone": actor.tone.to_dict()}),
                }
        elif table == "frames":
            frames = a.metrics.frames
            groups = (frames.own, frames.quoted, frames.reported) if frames else ()
            for frame in sorted({k for g in groups for k in g.weights}):
                row = {**base, "frame": frame}
                for name, g in zip(("own", "quoted", "reported"), groups, strict=True):
                    row[f"weight_{name}"] = g.weights.get(frame, 0)
                    row[f"share_{name}"] = g.distribution.get(frame, 0.0)
                yield row
        elif table == "speakers":
            for sp in a.metrics.sourcing.speakers if a.metrics.sourcing else ():
                yield {**base, **flatten(sp.to_dict())}


def to_frame(
    results: ArticleAnalysis | Comparison | Iterable[ArticleAnalysis], table: str = "articles"
) -> pd.DataFrame:
    """One table of the results as a pandas DataFrame (see :data:`TABLES`).

    >>> import framing
    >>> df = framing.to_frame([framing.analyze("Rioters brutalized the town.")], "findings")  # doctest: +SKIP
    """
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the installation
        raise UsageError('to_frame needs pandas: pip install ".[batch]"') from None
    return pd.DataFrame(list(rows(results, table)))
