"""Comparison: many ArticleAnalysis in, one plain view model out.

A :class:`Comparison` holds everything a report shows, already computed: the table
rows, the chart series, the highlighted text of each article cut into pieces, and the
provenance. Renderers only lay it out; they never score.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from . import results
from .article import Article
from .article_views import ArticleView, Piece, SpeakerView, article_view, group_of, view_labels
from .comparison_charts import chart_data
from .comparison_types import Category, Charts, Layer
from .coverage import Coverage, build_coverage
from .lexicon import Lexicon
from .metrics import ActorsMetrics, AnalysisMetrics
from .notice import Notice, find_notices
from .pipeline import Pipeline, Settings, pipeline_for
from .results import ArticleAnalysis
from .text.document import VOICES

__all__ = ["SCHEMA_VERSION", "ArticleView", "Comparison", "Piece", "SpeakerView", "compare", "merge_actors"]

#: Version of the JSON report layout; bumped when a field changes meaning or goes away
#: (2.0: ``alignment`` became ``coverage``; quotes carry their speakers; actors' roles by voice
#: with evidence; the stance toward an actor is now called the tone around it, under
#: ``tone``, and its charts ``actor_tone_*``; 2.1: ``notices``, the sentences of "What to
#: notice" with their evidence; 3.0: an actor finding names its actor in ``actor``, and its
#: ``category`` is the kind of actor; see docs/report-schema.md).
SCHEMA_VERSION = "3.0"


@dataclass(frozen=True)
class Comparison:
    """The view model every renderer reads."""

    articles: tuple[ArticleView, ...]
    categories: Mapping[str, Category]
    """The kinds of loaded words, by id, as the lexicons name them."""
    voices: Mapping[str, str]
    source_types: Mapping[str, Category]
    """The types of source (elected official, police...), by id, as the lexicons name them."""
    layers: Mapping[str, Layer]
    """The highlight layers a report can toggle, by analyser."""
    coverage: Coverage
    charts: Charts
    """The numbers behind every chart and cross-article table, one attribute each."""
    provenance: Mapping[str, Any]
    analyses: tuple[ArticleAnalysis, ...] = field(default=(), repr=False)
    notices: tuple[Notice, ...] = ()
    """What to notice: plain sentences on what differs between the articles, most
    telling first, each with the words behind it (:mod:`framing.notice`)."""

    def __len__(self) -> int:
        return len(self.articles)

    def _repr_html_(self) -> str | None:
        view = results.html_view
        return view(self) if view is not None else None

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """What IPython shows as text: a line, not the whole repr (pages of it)."""
        labels = ", ".join(a.label for a in self.articles[:5])
        more = f" and {len(self.articles) - 5:,} more" if len(self.articles) > 5 else ""
        n = len(self.articles)
        printer.text(f"<Comparison of {n:,} article{'' if n == 1 else 's'}: {labels}{more}>")


def compare(
    items: Iterable[ArticleAnalysis | Article | str],
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    generated_at: str | None = None,
    group_by: str = "outlet",
) -> Comparison:
    """Compare articles (analysing any that are not analysed yet).

    ``generated_at`` is recorded in the provenance when given; without it the same
    input always gives the same report, byte for byte. ``group_by`` names the article
    field (``outlet``, or any metadata column) that groups articles for distinctive
    terms; an article without it is a group of its own.

    The same loaded word, in the outlet's own voice and in reported speech:

    >>> from framing import Article
    >>> c = compare([
    ...     Article("Rioters stormed the hall on Monday night.", outlet="Daily A"),
    ...     Article("Police said rioters stormed the hall on Monday night.", outlet="Daily B"),
    ... ])
    >>> [(r.article, round(r.value("own")), round(r.value("reported"))) for r in c.charts.loaded_rate_by_voice.rows]
    [('Daily A', 143, 0), ('Daily B', 0, 143)]
    """
    pipe = pipeline or pipeline_for(settings)
    analyses = merge_actors(
        tuple(item if isinstance(item, ArticleAnalysis) else pipe.analyze(item) for item in items)
    )
    categories = _categories(pipe.lexicons)
    source_types = _categories(pipe.lexicons, "source-roles")
    frame_labels = _categories(pipe.lexicons, "frames")
    labels = view_labels([a.article for a in analyses])
    groups = [group_of(a.article, group_by) or label for a, label in zip(analyses, labels, strict=True)]
    views = tuple(
        article_view(a, label, group, categories)
        for a, label, group in zip(analyses, labels, groups, strict=True)
    )
    coverage = build_coverage(analyses, [v.label for v in views], lexicons=pipe.lexicons)
    provenance: dict[str, Any] = dict(pipe.provenance())
    provenance["schema_version"] = SCHEMA_VERSION
    provenance["inputs"] = [{"id": a.article.id, "sha256": a.article.sha256} for a in analyses]
    provenance["coverage"] = dict(coverage.provenance)
    if generated_at is not None:
        provenance["generated_at"] = generated_at
    connotations = _categories(pipe.lexicons, "concept-sets")
    return Comparison(
        articles=views,
        categories=categories,
        voices=dict(VOICES),
        source_types=source_types,
        layers=_layers(pipe, views),
        coverage=coverage,
        charts=chart_data(
            views,
            categories,
            source_types,
            frame_labels,
            analyses,
            group_by,
            connotations,
        ),
        provenance=provenance,
        analyses=analyses,
        notices=find_notices(views, analyses, coverage, source_types=source_types, connotations=connotations),
    )


def merge_actors(analyses: Sequence[ArticleAnalysis]) -> tuple[ArticleAnalysis, ...]:
    """Join the same person across articles: one article may know a person by surname
    only ("Commissioner Ruiz", "Ruiz said") where another names them in full ("Ana
    Ruiz"). Where exactly one person with that surname is named in full anywhere in
    the comparison, the surname-only actor takes that person's id and name (and keeps
    its own id as ``merged_from``), in the article's actor table and its findings' ``actor``.
    Where two or more people share the surname, nothing is joined.

    Within one article, mentions are already merged by the actors analyser; actors
    from the actors lexicon have the same id in every article.
    """
    tables = [a.metrics.actors.actors if a.metrics.actors else () for a in analyses]
    full: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for rows in tables:
        for row in rows:
            words = row.name.split()
            if row.kind == "person" and len(words) >= 2:
                full[words[-1].lower()].add((row.id, row.name))
    remap: dict[str, tuple[str, str]] = {}
    for rows in tables:
        for row in rows:
            found = full.get(row.name.lower(), set())
            if row.kind == "person" and " " not in row.name and len(found) == 1:
                remap[row.id] = next(iter(found))
    if not remap:
        return tuple(analyses)
    out = []
    for a, rows in zip(analyses, tables, strict=True):
        ids = {row.id for row in rows}
        here = {old: new for old, new in remap.items() if old in ids and new[0] not in ids}
        if not here:
            out.append(a)
            continue
        merged = tuple(
            replace(row, id=here[row.id][0], name=here[row.id][1], merged_from=row.id)
            if row.id in here
            else row
            for row in rows
        )
        findings = tuple(
            replace(f, actor=here[f.actor][0]) if f.actor is not None and f.actor in here else f
            for f in a.findings
        )
        metrics = AnalysisMetrics({**a.metrics, "actors": ActorsMetrics(merged)})
        out.append(replace(a, findings=findings, metrics=metrics))
    return tuple(out)


def _categories(lexicons: Sequence[Lexicon], kind: str = "loaded-language") -> dict[str, Category]:
    """The categories the lexicons of one kind declare, by id (the first lexicon's name
    for an id two declare)."""
    out: dict[str, Category] = {}
    for lex in lexicons:
        if lex.kind != kind:
            continue
        for cid, cat in lex.categories.items():
            out.setdefault(cid, Category(cat.label, cat.description))
    return out


def _layers(pipe: Pipeline, views: Sequence[ArticleView]) -> dict[str, Layer]:
    """The highlight layers a report can toggle: one per analyser that found spans,
    with the categories it used."""
    used: dict[str, dict[str, str]] = {}
    for v in views:
        for f in v.findings:
            used.setdefault(f.analyzer, {}).setdefault(f.category, f.category_label or f.category)
    kinds = {"loaded": "loaded-language", "sourcing": "sourcing"}
    out: dict[str, Layer] = {}
    for analyzer in (a.name for a in pipe.analyzers):
        if analyzer not in used:
            continue
        cats = _categories(pipe.lexicons, kinds.get(analyzer, analyzer))
        # a category no lexicon declares (a concept) is named as its findings name it
        named = {c: cats[c] if c in cats else Category(label) for c, label in used[analyzer].items()}
        out[analyzer] = Layer(
            LAYER_LABELS.get(analyzer, analyzer),
            dict(sorted(named.items(), key=lambda kv: (kv[1].label.casefold(), kv[0]))),
        )
    return out


#: How each highlight layer is named in reports.
LAYER_LABELS = {
    "loaded": "Loaded words",
    "sourcing": "Vague and anonymous sourcing",
    "frames": "Frames",
    "epistemic": "Hedges, boosters and distancing",
    "labels": "Labels",
    "actors": "Actors",
}
