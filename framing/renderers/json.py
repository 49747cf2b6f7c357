"""The JSON report: every number behind every table and chart, with provenance.

Keys are sorted and nothing time-dependent is written unless given, so the same input
gives the same bytes. ``schema_version`` names the layout (see docs/report-schema.md).
"""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..files import write_atomic

if TYPE_CHECKING:
    from ..comparison import Comparison

__all__ = ["render_json", "report_dict", "write_json"]


def _clean(value: Any) -> Any:
    """JSON-safe copy: tuples to lists, non-finite floats to None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def report_dict(comparison: Comparison, *, include_text: bool = True) -> dict[str, Any]:
    """The report as plain data."""
    articles = []
    for view, analysis in zip(comparison.articles, comparison.analyses, strict=False):
        data = analysis.to_dict(include_text=include_text)
        data["label"] = view.label
        data["summary"] = {
            "scored_words": view.scored_words,
            "top_categories": [
                {"category": c, "label": lbl, "count": n} for c, lbl, n in view.top_categories
            ],
            "speakers": [dataclasses.asdict(sp) for sp in view.speakers],
        }
        articles.append(data)
    report: dict[str, Any] = _clean(
        {
            "schema_version": comparison.provenance.get("schema_version"),
            "provenance": comparison.provenance,
            "voices": comparison.voices,
            "categories": {cid: c.to_dict() for cid, c in comparison.categories.items()},
            "source_types": {tid: t.to_dict() for tid, t in comparison.source_types.items()},
            "layers": {lid: layer.to_dict() for lid, layer in comparison.layers.items()},
            "coverage": comparison.coverage.to_dict(),
            "notices": [n.to_dict() for n in comparison.notices],
            "charts": comparison.charts.to_dict(),
            "articles": articles,
        }
    )
    return report


def render_json(comparison: Comparison, *, include_text: bool = True) -> str:
    return (
        json.dumps(
            report_dict(comparison, include_text=include_text), sort_keys=True, indent=2, ensure_ascii=False
        )
        + "\n"
    )


def write_json(comparison: Comparison, path: str | Path, **kwargs: Any) -> Path:
    return write_atomic(path, render_json(comparison, **kwargs))
