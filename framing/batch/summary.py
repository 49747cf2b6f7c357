"""The corpus summary: a small view model of the aggregates, as JSON and as HTML.

The summary holds the group table, each group's top loaded-word categories and
primary frames, and a deterministic sample of at most 20 articles per group, so it
stays small for millions of articles. At most :data:`MAX_GROUPS` groups (the largest)
are described; ``groups.csv`` has them all.

The HTML page is rendered like the comparison report (``framing/renderers/html.py``), whose
Jinja2 environment it extends: autoescaping on, styles inline and allowed by hash in a
Content-Security-Policy that forbids every network request, the chart an SVG image in
a ``data:`` URL.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Mapping
from typing import Any

from .._version import __version__
from .aggregate import Aggregate, GroupStats

__all__ = ["MAX_GROUPS", "build_summary", "render_summary_html"]

SUMMARY_FORMAT = "framing.batch.summary/1"
#: The summary describes at most this many groups (the largest).
MAX_GROUPS = 50
#: The chart shows at most this many groups.
MAX_CHART_GROUPS = 25


def _group_view(name: str | None, stats: GroupStats, agg: Aggregate) -> dict[str, Any]:
    frames = sorted(stats.frames.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    return {
        "group": name,
        "label": name if name is not None else "(none)",
        "row": stats.to_row(name, agg.labels, agg.frame_labels),
        "top_categories": [list(t) for t in stats.top_categories(agg.labels)],
        "frames": [[f, agg.frame_labels.get(f, f), n] for f, n in frames],
        "sample": [
            {k: v for k, v in item.items() if k != "key"}
            for item in sorted(stats.sample, key=lambda s: s["index"])
        ],
    }


def build_summary(
    aggregate: Aggregate,
    *,
    group_by: str,
    totals: Mapping[str, Any],
    provenance: Mapping[str, Any],
) -> dict[str, Any]:
    """The summary as plain, JSON-safe data (no timestamps: the same run gives the same)."""
    ranked = sorted(
        aggregate.groups.items(), key=lambda kv: (-kv[1].counts["articles"], kv[0] is None, kv[0] or "")
    )
    shown = ranked[:MAX_GROUPS]
    return {
        "format": SUMMARY_FORMAT,
        "framing_version": __version__,
        "group_by": group_by,
        "totals": {**dict(totals), "groups": len(aggregate.groups)},
        "corpus": _group_view("all articles", aggregate.total, aggregate),
        "groups": [_group_view(name, stats, aggregate) for name, stats in shown],
        "groups_omitted": len(ranked) - len(shown),
        "provenance": dict(provenance),
    }


def _chart(summary: Mapping[str, Any]) -> dict[str, Any] | None:
    groups = summary["groups"][:MAX_CHART_GROUPS]
    if not groups:
        return None
    from ..comparison_charts import FEW_WORDS, rate_cell
    from ..comparison_types import BarChart, BarRow
    from ..renderers.charts import bar_chart, figure_svg

    data = BarChart(
        title=f"Loaded words per 1,000 words in each voice, by {summary['group_by']}",
        series=("own", "quoted", "reported"),
        series_labels={"own": "outlet's own voice", "quoted": "quotes", "reported": "reported speech"},
        unit="per 1,000 words",
        few_words=FEW_WORDS,
        rows=tuple(
            BarRow(
                g["label"],
                {
                    voice: rate_cell(
                        g["row"][f"loaded_per_1000_{voice}"] or 0.0, g["row"][f"loaded_{voice}_words"]
                    )
                    for voice in ("own", "quoted", "reported")
                },
            )
            for g in groups
        ),
    )
    svg = figure_svg(bar_chart(data))
    return {
        "svg_b64": base64.b64encode(svg.encode("utf-8")).decode("ascii"),
        "alt": f"Bar chart: {data.title}. The numbers are in the table above it.",
    }


@functools.lru_cache(maxsize=1)
def _environment() -> Any:
    from importlib import resources

    import jinja2

    from ..renderers.html import _environment as report_environment

    folder = resources.files("framing.batch") / "templates"

    def load(name: str) -> str:
        return (folder / name).read_text(encoding="utf-8")

    # the report's environment (autoescape, strict undefined, its helpers), our templates
    return report_environment().overlay(loader=jinja2.FunctionLoader(load))


def group_rate(row: Mapping[str, Any], group: str) -> tuple[str, str, bool]:
    """The loaded-word rate of one voice group (``own``, ``quoted``, ``reported``) in a
    row of the group table, for the page (see :func:`framing.renderers._format.rate_text`)."""
    from ..renderers._format import rate_text

    words = row.get(f"loaded_{group}_words")
    return rate_text(
        row.get(f"loaded_per_1000_{group}"),
        int(row.get(f"loaded_{group}") or 0),
        words if isinstance(words, int) else None,
    )


def render_summary_html(summary: Mapping[str, Any], *, charts: bool = True) -> str:
    """The summary as one self-contained, offline HTML page."""
    from ..renderers._format import VOICE_GROUPS
    from ..renderers.html import _static, csp_hash

    css = (
        _static("report.css")
        + "\n"
        + (
            ".cats { font-size: .85rem; } td.sample-title { max-width: 28rem; } h2 small { font-weight: 400; }"
        )
    )
    csp = f"default-src 'none'; img-src data:; style-src {csp_hash(css)}; base-uri 'none'; form-action 'none'"
    return (
        _environment()
        .get_template("summary.html.j2")
        .render(
            s=summary,
            css=css,
            csp=csp,
            chart=_chart(summary) if charts else None,
            group_rate=group_rate,
            unsteady=any(
                group_rate(g["row"], voice)[2]
                for g in [*summary["groups"], summary["corpus"]]
                for voice in VOICE_GROUPS
            ),
        )
    )
