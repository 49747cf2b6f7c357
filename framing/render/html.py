"""The HTML report: one self-contained, offline page.

Templated with Jinja2 with autoescaping on, so every value that comes from input
(article text, titles, outlets, speakers, lexicon entries) is escaped. The page loads
nothing from anywhere: styles and script are inline and allowed by hash in a
Content-Security-Policy that forbids every network request; charts are SVG images in
``data:`` URLs.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from ..resources import template_dir
from ._format import number

if TYPE_CHECKING:
    from ..comparison import Comparison
    from ..results import ArticleAnalysis, Finding

__all__ = ["CATEGORY_COLOURS", "render_article_html", "render_html", "write_html"]

#: (fill, outline) colour pairs for categories, light enough to read text over.
CATEGORY_COLOURS = (
    ("#f6b1b1", "#b3261e"),  # red
    ("#f9cf95", "#a35a00"),  # orange
    ("#d2b3e4", "#6a3d9a"),  # purple
    ("#f0b3d4", "#a3246b"),  # pink
    ("#b4d3ef", "#1f5f99"),  # blue
    ("#ffe598", "#8a6d00"),  # yellow
    ("#c3e0b5", "#2e7d32"),  # green
    ("#fbd5b5", "#9c4a12"),  # peach
    ("#b3d5da", "#1b6b73"),  # teal
    ("#dedede", "#555555"),  # grey
)
_CSS_ID = re.compile(r"[^a-z0-9_-]")


def css_id(value: str) -> str:
    return _CSS_ID.sub("-", value.lower()) or "x"


def _group(voice: str) -> str:
    return {"narration": "own", "headline": "own", "quote": "quoted"}.get(voice, "reported")


def _whose(f: Finding) -> str:
    if f.voice == "narration":
        return "the outlet's own words"
    if f.voice == "headline":
        return "the outlet's headline"
    who = f.speaker or "an unnamed speaker"
    if f.voice == "quote":
        return f"quoted from {who}"
    return f"reported from {who} (in the outlet's wording)"


def _tip(f: Finding) -> str:
    alt = f"; more neutral: {'; '.join(f.alternatives)}" if f.alternatives else ""
    return f"{f.category_label} ({_whose(f)}). {f.explanation}{alt}"


def _safe_url(url: str | None) -> str | None:
    """Only web links are linked; anything else (javascript:, data:, file:) is not."""
    if url and re.match(r"(?i)https?://[^\s]+$", url.strip()):
        return url.strip()
    return None


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    folder = template_dir()

    def load(name: str) -> str:
        return (folder / name).read_text(encoding="utf-8")

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(load),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.globals.update(fmt=number, tip=_tip, whose=_whose, group=_group, css_id=css_id, safe_url=_safe_url)
    return env


def _static(name: str) -> str:
    return (template_dir() / name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _category_css(categories: Mapping[str, Mapping[str, str]]) -> str:
    lines = []
    for i, cid in enumerate(categories):
        fill, line = CATEGORY_COLOURS[i % len(CATEGORY_COLOURS)]
        lines.append(
            f".cat-{css_id(cid)} {{ --c: {fill}; --d: {line}; }} "
            f".legend .cat-{css_id(cid)} {{ background: {fill}; }}"
        )
    lines.append(".cat-legend { --c: #cccccc; --d: #555555; }")
    return "\n".join(lines)


def _charts(comparison: Comparison) -> list[dict[str, Any]]:
    from .charts import bar_chart, figure_svg

    out = []
    specs = (
        (
            "loaded_rate_by_voice",
            False,
            "Loaded words per 1,000 words in each voice. Compare the outlet's own voice with the voices it quotes.",
        ),
        ("categories_own", True, "Kinds of loaded words the outlet uses in its own voice."),
    )
    for key, stacked, caption in specs:
        data = comparison.charts.get(key)
        if not data or not data["rows"] or not data["series"]:
            continue
        fig = bar_chart(data, stacked=stacked)
        svg = figure_svg(fig)
        out.append(
            {
                "svg_b64": base64.b64encode(svg.encode("utf-8")).decode("ascii"),
                "alt": f"Bar chart: {data['title']}. The numbers are in the table below it.",
                "caption": caption,
                "data": data,
            }
        )
    return out


def render_html(comparison: Comparison, *, charts: bool = True, title: str | None = None) -> str:
    """The comparison as a complete HTML page (a string)."""
    css = _static("report.css") + "\n" + _category_css(comparison.categories)
    js = _static("report.js")
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
        "base-uri 'none'; form-action 'none'"
    )
    used = sorted({f.category for a in comparison.articles for f in a.findings})
    used_categories = [
        (cid, {"css": css_id(cid), **comparison.categories.get(cid, {"label": cid, "description": ""})})
        for cid in comparison.categories
        if cid in used
    ]
    n = len(comparison.articles)
    page_title = title or (
        "How these articles frame the story"
        if n > 1
        else f"Framing in {comparison.articles[0].label}"
        if n
        else "framing report"
    )
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            c=comparison,
            css=css,
            js=js,
            csp=csp,
            charts=_charts(comparison) if charts else [],
            used_categories=used_categories,
            page_title=page_title,
        )
    )


def write_html(comparison: Comparison, path: str | Path, **kwargs: Any) -> Path:
    out = Path(path)
    out.write_text(render_html(comparison, **kwargs), encoding="utf-8")
    return out


def render_article_html(analysis: ArticleAnalysis) -> str:
    """One analysed article as a report (used for notebooks' rich display)."""
    from ..comparison import compare

    return render_html(compare([analysis]), charts=False)
