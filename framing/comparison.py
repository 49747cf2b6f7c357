"""Comparison: many ArticleAnalysis in, one plain view model out.

A :class:`Comparison` holds everything a report shows, already computed: the table
rows, the chart series, the highlighted text of each article cut into pieces, and the
provenance. Renderers only lay it out; they never score.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .article import Article
from .lexicon import Lexicon
from .pipeline import Pipeline, Settings, default_pipeline
from .results import ArticleAnalysis, Finding
from .text.document import VOICES

__all__ = ["SCHEMA_VERSION", "ArticleView", "Comparison", "Piece", "SpeakerView", "compare"]

#: Version of the JSON report layout; bumped when a field changes meaning or goes away.
SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of article text with one voice and at most one finding."""

    start: int
    end: int
    text: str
    voice: str
    speaker: str | None = None
    furniture_kind: str | None = None
    finding: int | None = None  # index into ArticleView.findings


@dataclass(frozen=True)
class SpeakerView:
    name: str
    kind: str | None
    role: str | None
    quotes: int
    reported: int
    words: int
    loaded: int
    cues: Mapping[str, int]  # cue grade -> count


@dataclass(frozen=True)
class ArticleView:
    """One article as the report shows it."""

    id: str
    label: str
    outlet: str | None
    title: str | None
    date: str | None
    url: str | None
    source: str | None
    words: Mapping[str, int]
    scored_words: int
    loaded: Mapping[str, Any]
    top_categories: tuple[tuple[str, str, int], ...]  # (id, label, count)
    readability: Mapping[str, Any]
    tone: Mapping[str, Any]
    speakers: tuple[SpeakerView, ...]
    findings: tuple[Finding, ...]
    paragraphs: tuple[tuple[Piece, ...], ...]
    furniture: tuple[Mapping[str, Any], ...]
    sha256: str


@dataclass(frozen=True)
class Comparison:
    """The view model every renderer reads."""

    articles: tuple[ArticleView, ...]
    categories: Mapping[str, Mapping[str, str]]
    voices: Mapping[str, str]
    charts: Mapping[str, Any]
    provenance: Mapping[str, Any]
    analyses: tuple[ArticleAnalysis, ...] = field(default=(), repr=False)

    def __len__(self) -> int:
        return len(self.articles)

    def _repr_html_(self) -> str:
        from .render.html import render_html

        return render_html(self)


def compare(
    items: Iterable[ArticleAnalysis | Article | str],
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    generated_at: str | None = None,
) -> Comparison:
    """Compare articles (analysing any that are not analysed yet).

    ``generated_at`` is recorded in the provenance when given; without it the same
    input always gives the same report, byte for byte.
    """
    pipe = pipeline or (default_pipeline() if settings is None else Pipeline(settings))
    analyses = tuple(item if isinstance(item, ArticleAnalysis) else pipe.analyze(item) for item in items)
    categories = _categories(pipe.lexicons)
    labels = _labels([a.article for a in analyses])
    views = tuple(_article_view(a, label, categories) for a, label in zip(analyses, labels, strict=False))
    provenance: dict[str, Any] = dict(pipe.provenance())
    provenance["schema_version"] = SCHEMA_VERSION
    provenance["inputs"] = [{"id": a.article.id, "sha256": a.article.sha256} for a in analyses]
    if generated_at is not None:
        provenance["generated_at"] = generated_at
    return Comparison(
        articles=views,
        categories=categories,
        voices=dict(VOICES),
        charts=_charts(views, categories),
        provenance=provenance,
        analyses=analyses,
    )


def _categories(lexicons: Sequence[Lexicon]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for lex in lexicons:
        if lex.kind != "loaded-language":
            continue
        for cid, cat in lex.categories.items():
            out.setdefault(cid, {"label": cat.label, "description": cat.description})
    return out


def _labels(articles: Sequence[Article]) -> list[str]:
    """Short names for tables and charts, made unique with the id where they clash."""
    counts = Counter(a.label for a in articles)
    return [a.label if counts[a.label] == 1 else f"{a.label} ({a.id})" for a in articles]


def _article_view(a: ArticleAnalysis, label: str, categories: Mapping[str, Mapping[str, str]]) -> ArticleView:
    loaded_findings = [f for f in a.findings if f.analyzer == "loaded"]
    cat_counts = Counter(f.category for f in loaded_findings)
    top = tuple(
        (cid, categories.get(cid, {}).get("label", cid), n)
        for cid, n in sorted(cat_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    )
    speakers = _speakers(a, loaded_findings)
    words = dict(a.words)
    scored = sum(n for v, n in words.items() if v != "furniture")
    readability = {k: v for k, v in a.metrics.get("readability", {}).items() if k != "counts"}
    tone = {k: v for k, v in a.metrics.get("tone", {}).items() if k != "pieces"}
    loaded = {k: v for k, v in a.metrics.get("loaded", {}).items()}
    return ArticleView(
        id=a.article.id,
        label=label,
        outlet=a.article.outlet,
        title=a.article.title,
        date=a.article.date,
        url=a.article.url,
        source=a.article.source,
        words=words,
        scored_words=scored,
        loaded=loaded,
        top_categories=top,
        readability=readability,
        tone=tone,
        speakers=speakers,
        findings=tuple(loaded_findings),
        paragraphs=_pieces(a, loaded_findings),
        furniture=tuple(f.to_dict() for f in a.furniture),
        sha256=a.article.sha256,
    )


def _speakers(a: ArticleAnalysis, findings: Sequence[Finding]) -> tuple[SpeakerView, ...]:
    quotes: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    cues: dict[str, Counter[str]] = {}
    info: dict[str, tuple[str | None, str | None]] = {}
    for q in a.quotes:
        if q.speaker is None:
            continue
        (reported if q.kind in ("reported", "according-to") else quotes)[q.speaker] += 1
        if q.cue_grade:
            cues.setdefault(q.speaker, Counter())[q.cue_grade] += 1
        kind, role = info.get(q.speaker, (None, None))
        info[q.speaker] = (kind or q.speaker_kind, role or q.speaker_role)
    words: Counter[str] = Counter()
    for v in a.voices:
        if v.speaker and v.voice in ("quote", "reported"):
            words[v.speaker] += len(a.text[v.start : v.end].split())
    loaded = Counter(f.speaker for f in findings if f.speaker)
    names = sorted(set(quotes) | set(reported), key=lambda n: (-(quotes[n] + reported[n]), n))
    return tuple(
        SpeakerView(
            name=n,
            kind=info[n][0],
            role=info[n][1],
            quotes=quotes[n],
            reported=reported[n],
            words=words[n],
            loaded=loaded[n],
            cues=dict(sorted(cues.get(n, Counter()).items())),
        )
        for n in names
    )


def _pieces(a: ArticleAnalysis, findings: Sequence[Finding]) -> tuple[tuple[Piece, ...], ...]:
    """Cut the text at voice and finding boundaries, then into paragraphs at blank lines."""
    text = a.text
    cuts = {0, len(text)}
    for v in a.voices:
        cuts.update((v.start, v.end))
    for f in findings:
        cuts.update((f.start, f.end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    vstarts = [v.start for v in a.voices]
    fstarts = [f.start for f in findings]
    pieces: list[Piece] = []
    for s, e in itertools.pairwise(points):
        if s >= e:
            continue
        vi = bisect.bisect_right(vstarts, s) - 1
        voice_span = a.voices[vi] if vi >= 0 else None
        fi = bisect.bisect_right(fstarts, s) - 1
        finding = fi if fi >= 0 and findings[fi].start <= s < findings[fi].end else None
        pieces.append(
            Piece(
                s,
                e,
                text[s:e],
                voice_span.voice if voice_span else "narration",
                voice_span.speaker if voice_span else None,
                voice_span.furniture_kind if voice_span else None,
                finding,
            )
        )
    # split into paragraphs at blank lines so the report can lay them out
    paragraphs: list[list[Piece]] = [[]]
    for p in pieces:
        chunks = p.text.split("\n")
        pos = p.start
        for k, chunk in enumerate(chunks):
            if k > 0:
                if paragraphs[-1]:
                    paragraphs.append([])
            if chunk:
                paragraphs[-1].append(
                    Piece(pos, pos + len(chunk), chunk, p.voice, p.speaker, p.furniture_kind, p.finding)
                )
            pos += len(chunk) + 1
    return tuple(tuple(par) for par in paragraphs if any(x.text.strip() for x in par))


def _charts(views: Sequence[ArticleView], categories: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    """The numbers behind every chart, as plain data."""
    rate_by_voice = {
        "title": "Loaded terms per 1,000 words, by voice",
        "series": ["own", "quoted", "reported"],
        "series_labels": {
            "own": "Outlet's own words",
            "quoted": "Direct quotes",
            "reported": "Reported speech",
        },
        "rows": [
            {
                "article": v.label,
                "own": v.loaded.get("per_1000_own", 0.0),
                "quoted": v.loaded.get("per_1000_quoted", 0.0),
                "reported": v.loaded.get("per_1000_reported", 0.0),
            }
            for v in views
        ],
    }
    used = sorted({f.category for v in views for f in v.findings})
    category_counts = {
        "title": "Loaded terms by category (outlet's own words)",
        "series": used,
        "series_labels": {c: categories.get(c, {}).get("label", c) for c in used},
        "rows": [
            {
                "article": v.label,
                **{c: v.loaded.get("by_category", {}).get(c, {}).get("own", 0) for c in used},
            }
            for v in views
        ],
    }
    return {"loaded_rate_by_voice": rate_by_voice, "categories_own": category_counts}
