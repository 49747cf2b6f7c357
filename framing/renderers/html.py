"""The HTML report: one self-contained, offline page.

Templated with Jinja2 with autoescaping on, so every value that comes from input
(article text, titles, outlets, speakers, lexicon entries) is escaped. The page loads
nothing from anywhere: styles and script are inline and allowed by hash in a
Content-Security-Policy that forbids every network request; charts are SVG images in
``data:`` URLs.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import hashlib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from ..comparison_types import (
    BarChart,
    CastEvidence,
    ChartData,
    EpistemicTable,
    LabelMatrix,
    Layer,
    RoleTable,
    SpeakerMatrix,
)
from ..files import write_atomic
from ..metrics import Evidence, FramesMetrics
from ..plural import count
from ..resources import template_dir
from . import glossary
from ._format import (
    UNSTEADY_NOTE,
    VOICE_GROUPS,
    any_unsteady,
    found_by,
    number,
    percent,
    provenance_lines,
    voice_rate,
)
from .anchors import notice_anchors, with_anchors
from .html_charts import page_charts

if TYPE_CHECKING:
    from ..comparison import ArticleView, Comparison, Piece
    from ..results import Finding, Quote

__all__ = ["CATEGORY_COLOURS", "MAX_ARTICLES", "render_fragment", "render_html", "write_html"]

#: A report of more articles than this shows a sample of them in full (charts,
#: cross-article tables and highlighted text) and lists them all in the summary table;
#: the JSON and CSV outputs always carry every article.
MAX_ARTICLES = 12

#: At most this many rows in the summary table of a large comparison.
MAX_SUMMARY_ROWS = 500

#: At most this many claims of one article only, taken in turn from each article.
MAX_UNIQUE_CLAIMS = 60

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
    if f.voice == "mention":
        return "mentioned, not used"
    who = f.speaker or "an unnamed speaker"
    if f.voice == "quote":
        return f"quoted from {who}"
    return f"reported from {who} (in the outlet's wording)"


#: Short headings for the voice columns of the summary table.
VOICE_SHORT = {"own": "Own words", "quoted": "In quotes", "reported": "Reported"}

#: A legend of more categories than this shows that many and a "show all" button.
LEGEND_SHOWN = 4


def glossed(area: str, key: str, default: str | None = None, short: str | None = None) -> Markup:
    """A term's plain label (or ``short``) with its explanation on hover and on keyboard
    focus; a term the glossary does not know is shown as ``default``, escaped."""
    entry = glossary.term(area, key)
    if entry is None:
        return escape(key if default is None else default)
    return Markup('<abbr class="gl" tabindex="0" title="{}">{}</abbr>').format(
        entry.explain, short or entry.plain
    )


def _frame_label(frames: FramesMetrics | None) -> str:
    primary = frames.primary if frames else None
    if not frames or not primary:
        return "\u2013"
    return glossary.category_plain("frames", primary, frames.primary_label or primary)


def _tip(f: Finding, actor_name: str | None = None) -> str:
    """A highlight's tip: what it is (for a mention of an actor, the actor's name), whose
    words, and why."""
    what = actor_name or glossary.category_plain(f.analyzer, f.category, f.category_label)
    alt = f"; more neutral: {'; '.join(f.alternatives)}" if f.alternatives and f.analyzer == "loaded" else ""
    return f"{what} ({_whose(f)}). {f.explanation}{alt}"


def _mark(view: ArticleView, index: int, actor_names: Mapping[str, str]) -> str:
    f = view.findings[index]
    classes = f"f {_group(f.voice)} layer-{css_id(f.analyzer)} cat-{css_id(f.analyzer)}-{css_id(f.category)}"
    name = actor_names.get(f.actor) if f.actor is not None else None
    return f'<mark class="{classes}" tabindex="0" data-tip="{escape(_tip(f, name))}">'


def _actor_names(comparison: Comparison) -> dict[str, dict[str, str]]:
    """By article label, each actor's id to its name (as the comparison names it, a
    surname joined to the full name): a finding names its actor by id."""
    out: dict[str, dict[str, str]] = {}
    # a comparison built by hand may carry no analyses: its tips name the kind of actor
    for view, analysis in zip(comparison.articles, comparison.analyses, strict=False):
        table = analysis.metrics.actors
        out[view.label] = {row.id: row.name for row in table.actors} if table else {}
    return out


def _render_paragraph(
    view: ArticleView,
    pieces: Sequence[Piece],
    quote_tip: Any,
    anchors: Mapping[int, Sequence[str]] | None = None,
    actor_names: Mapping[str, str] | None = None,
) -> Markup:
    """One paragraph: voice spans holding (possibly nested) highlight marks.

    Findings that contain others become outer marks; where two cross, the later one is
    closed and reopened, so every mark is well nested and all the text is escaped.
    ``anchors`` are ids to place where words begin (by offset): the evidence of "What
    to notice" links to them. ``actor_names`` (an actor's id to its name) name the
    actor in the tip of each of its mentions.
    """
    out: list[str] = []
    marks: list[int] = []
    voice: tuple[Any, ...] | None = None

    def close_marks(keep: int = 0) -> None:
        while len(marks) > keep:
            marks.pop()
            out.append("</mark>")

    for p in pieces:
        key = (p.voice, p.quote, p.furniture_kind)
        if key != voice:
            close_marks()
            if voice is not None and voice[0] != "narration":
                out.append("</span>")
            if p.voice == "furniture":
                kind = escape(p.furniture_kind or "furniture")
                out.append(
                    f'<span class="v-furniture" data-kind="{kind}" title="Page extra ({kind}): not counted">'
                )
            elif p.voice != "narration":
                title = f' title="{escape(quote_tip(view.quotes[p.quote]))}"' if p.quote is not None else ""
                out.append(f'<span class="v-{escape(p.voice)}"{title}>')
            voice = key
        wanted = sorted(p.findings, key=lambda i: (view.findings[i].start, -view.findings[i].end))
        keep = 0
        while keep < len(marks) and keep < len(wanted) and marks[keep] == wanted[keep]:
            keep += 1
        close_marks(keep)
        # an anchor where a piece begins goes before its marks open, so a mark still starts at its word
        out += [
            f'<span id="{escape(ident)}" class="ev"></span>' for ident in (anchors or {}).get(p.start, ())
        ]
        for i in wanted[keep:]:
            out.append(_mark(view, i, actor_names or {}))
            marks.append(i)
        out.append(with_anchors(p, anchors or {}))
    close_marks()
    if voice is not None and voice[0] != "narration":
        out.append("</span>")
    return Markup("".join(out))


def _role_badge(role: str, evidence: Sequence[Evidence | CastEvidence]) -> Markup:
    """A role as a small badge whose title lists the evidence behind it (each line a
    reason a student can check against the text); escaped like every other text. The
    evidence is as an article's actor table holds it, or as the role table does (which
    keeps only the evidence that is not denied)."""
    reasons = [e.reason for e in evidence if e.role == role and not (isinstance(e, Evidence) and e.negated)]
    if role == "neutral":
        return Markup('<span class="role role-neutral">neutral</span>')
    tip = "\n".join(reasons) or "No words to show: read the article."
    return Markup('<span class="role role-{}" tabindex="0" title="{}">{}</span>').format(
        css_id(role), tip, role
    )


def _safe_url(url: str | None) -> str | None:
    """Only web links are linked; anything else (javascript:, data:, file:) is not."""
    if url and re.match(r"(?i)https?://[^\s]+$", url.strip()):
        return url.strip()
    return None


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    folder = template_dir()

    def load(name: str) -> str | None:
        path = folder / name
        # None tells Jinja the template does not exist (so `include ... ignore missing` works)
        return path.read_text(encoding="utf-8") if path.is_file() else None

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(load),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.globals.update(
        fmt=number,
        pct=percent,
        voice_rate=voice_rate,
        voice_groups=VOICE_GROUPS,
        unsteady_note=UNSTEADY_NOTE,
        tip=_tip,
        whose=_whose,
        found_by=found_by,
        group=_group,
        css_id=css_id,
        safe_url=_safe_url,
        provenance_lines=provenance_lines,
        role_badge=_role_badge,
        plain=glossary.plain,
        explain=glossary.explain,
        gl=glossed,
        category_label=glossary.category_plain,
        category_explain=glossary.category_explain,
        frame_label=_frame_label,
        voice_short=VOICE_SHORT,
        legend_shown=LEGEND_SHOWN,
        glossary_areas=glossary.AREAS,
        glossary_entries=glossary.entries,
        count=count,
    )
    return env


def _static(name: str) -> str:
    return (template_dir() / name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    """A Content-Security-Policy source that allows exactly this inline style or script."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


#: Layers highlighted when the page opens (the others are a click away).
DEFAULT_LAYERS = ("loaded", "sourcing")

#: Fixed colours for layers other than loaded language (fill, outline).
LAYER_COLOURS = {
    "sourcing": ("#e3d7f3", "#5b2c83"),
    "actors": ("#cfe2f3", "#0b5394"),
    "epistemic": ("#d9ead3", "#38761d"),
    "labels": ("#fce5cd", "#b45f06"),
}


def _category_css(layers: Mapping[str, Layer]) -> str:
    lines = []
    for lid, layer in layers.items():
        for i, cid in enumerate(layer.categories):
            fill, line = LAYER_COLOURS.get(lid) or CATEGORY_COLOURS[i % len(CATEGORY_COLOURS)]
            name = f"cat-{css_id(lid)}-{css_id(cid)}"
            lines.append(f".{name} {{ --c: {fill}; --d: {line}; }} .legend .{name} {{ background: {fill}; }}")
        lines.append(
            f"body.hide-layer-{css_id(lid)} mark.layer-{css_id(lid)} {{ box-shadow: none; outline: none; }}"
            f" body.hide-layer-{css_id(lid)} .legend-layer-{css_id(lid)} {{ display: none; }}"
            f" body.hide-layer-{css_id(lid)} mark.layer-{css_id(lid)}::after {{ display: none; }}"
        )
    lines.append(".cat-legend { --c: #cccccc; --d: #555555; }")
    return "\n".join(lines)


def _quote_tip(q: Quote, type_label: Any) -> str:
    if q.kind == "scare":
        return "Words in quotation marks with no speaker: the outlet keeps its distance from them."
    who = q.speaker or "an unknown speaker"
    if q.speaker_role:
        who += f", {q.speaker_role}"
    kind = {
        "direct": "Quotation",
        "partial": "Partial quotation",
        "thought": "Reported belief or intention",
        "attitude": "Position taken",
    }.get(q.kind, "Reported speech")
    text = f"{kind} from {who} ({type_label(q.source_type)})"
    if q.cue:
        text += f"; introduced with '{q.cue}' ({q.cue_grade})"
    if q.named is False:
        text += "; the source is not named"
    return text + "."


def sample_articles(views: Sequence[ArticleView], limit: int) -> list[ArticleView]:
    """At most ``limit`` articles, taken in turn from each group (outlet) in input order,
    so every outlet is represented before any has a second article. Deterministic."""
    if len(views) <= limit:
        return list(views)
    queues: dict[str, list[ArticleView]] = {}
    for v in views:
        queues.setdefault(v.group, []).append(v)
    picked: list[ArticleView] = []
    depth = 0
    while len(picked) < limit:
        for queue in queues.values():
            if depth < len(queue) and len(picked) < limit:
                picked.append(queue[depth])
        depth += 1
    chosen = {id(v) for v in picked}
    return [v for v in views if id(v) in chosen]


def _restricted(comparison: Comparison, shown: Sequence[ArticleView]) -> Comparison:
    """The comparison as the page shows it: per-article charts, tables and texts cut to
    the sampled articles (the numbers themselves are those of the full comparison)."""
    keep = {v.label for v in shown}

    def cut(data: ChartData) -> ChartData:
        if isinstance(data, BarChart) and data.by != "group":
            return dataclasses.replace(data, rows=tuple(r for r in data.rows if r.article in keep))
        if isinstance(data, EpistemicTable):
            return dataclasses.replace(data, rows=tuple(r for r in data.rows if r.article in keep))
        if isinstance(data, (SpeakerMatrix, LabelMatrix, RoleTable)):
            rows = tuple(r for r in data.rows if keep.intersection(r.articles))[:60]
            articles = tuple(label for label in data.articles if label in keep)
            return dataclasses.replace(data, articles=articles, rows=rows)  # type: ignore[arg-type]
        return data

    charts: dict[str, Any] = {key: cut(data) for key, data in comparison.charts.items()}
    return dataclasses.replace(
        comparison,
        articles=tuple(shown),
        charts=dataclasses.replace(comparison.charts, **charts),
        coverage=comparison.coverage.restricted_to(keep),
    )


def render_html(
    comparison: Comparison,
    *,
    charts: bool = True,
    title: str | None = None,
    max_articles: int = MAX_ARTICLES,
) -> str:
    """The comparison as a complete HTML page (a string).

    With more than ``max_articles`` articles the page stays small: the summary table
    lists every article (up to 500), and the charts, cross-article tables and
    highlighted texts show a sample of ``max_articles`` of them, taken across outlets;
    a note on the page says so and points to the JSON and CSV outputs for the rest.
    """
    everything = comparison.articles
    names = _actor_names(comparison)
    sampled = len(everything) > max_articles
    if sampled:
        comparison = _restricted(comparison, sample_articles(everything, max(1, max_articles)))
    css = _static("report.css") + "\n" + _category_css(comparison.layers)
    js = _static("report.js")
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {csp_hash(css)}; script-src {csp_hash(js)}; "
        "base-uri 'none'; form-action 'none'"
    )

    def type_label(t: str | None) -> str:
        found = comparison.source_types.get(t or "unknown")
        return found.label if found is not None else t or "unknown"

    shown_unique, unique_counts = comparison.coverage.balanced_unique(MAX_UNIQUE_CLAIMS)
    anchors, notice_links = notice_anchors(comparison)
    n = len(everything)
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
            charts=page_charts(comparison) if charts else [],
            page_title=page_title,
            all_articles=everything[:MAX_SUMMARY_ROWS],
            unsteady=any_unsteady(a.loaded for a in everything[:MAX_SUMMARY_ROWS]),
            total_articles=n,
            sampled=sampled,
            anchors={v.label: i for i, v in enumerate(comparison.articles, 1)},
            cov=comparison.coverage,
            shown_unique=shown_unique,
            unique_counts=unique_counts,
            type_label=type_label,
            quote_tip=lambda q: _quote_tip(q, type_label),
            default_layers=DEFAULT_LAYERS,
            notice_links=notice_links,
            body_class=" ".join(
                f"hide-layer-{css_id(lid)}" for lid in comparison.layers if lid not in DEFAULT_LAYERS
            ),
            render_paragraph=lambda view, pieces: _render_paragraph(
                view,
                pieces,
                lambda q: _quote_tip(q, type_label),
                anchors.get(view.label),
                names.get(view.label),
            ),
        )
    )


def worksheet_page(comparison: Comparison, pages: list[dict[str, Any]], notices: Sequence[Any] = ()) -> str:
    """The worksheet template, with the same offline CSP as the report (no script);
    ``notices`` are the "check this" questions of what to notice, asked first."""
    css = _static("worksheet.css")
    csp = f"default-src 'none'; img-src data:; style-src {csp_hash(css)}; base-uri 'none'; form-action 'none'"
    return (
        _environment()
        .get_template("worksheet.html.j2")
        .render(c=comparison, css=css, csp=csp, pages=pages, notices=notices)
    )


def write_html(comparison: Comparison, path: str | Path, **kwargs: Any) -> Path:
    return write_atomic(path, render_html(comparison, **kwargs))


def render_fragment(comparison: Comparison, *, max_articles: int = 4) -> str:
    """A piece of HTML for a notebook cell: the summary table and the highlighted text,
    with styles scoped to it and no script (notebooks do not run a report's script)."""
    names = _actor_names(comparison)
    return (
        _environment()
        .get_template("fragment.html.j2")
        .render(
            c=comparison,
            css=_static("fragment.css"),
            max_articles=max_articles,
            render_paragraph=lambda view, pieces: _render_paragraph(
                view, pieces, lambda q: _quote_tip(q, str), actor_names=names.get(view.label)
            ),
        )
    )
