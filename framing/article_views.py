"""The view of each article in a comparison: its summary numbers, its speakers and its
text cut into highlighted pieces, built from its analysis for the renderers to lay out.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .article import Article
from .comparison_types import Category
from .metrics import (
    ActorRow,
    EpistemicMetrics,
    FramesMetrics,
    LabelsMetrics,
    LoadedMetrics,
    ReadabilityMetrics,
    SourcingMetrics,
    ToneMetrics,
)
from .results import ArticleAnalysis, Finding, FurnitureSpan, Quote, VoiceSpan

__all__ = ["ArticleView", "Piece", "SpeakerView", "article_view", "group_of", "view_labels"]


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of article text with one voice and the findings that cover it."""

    start: int
    end: int
    text: str
    voice: str
    speaker: str | None = None
    furniture_kind: str | None = None
    findings: tuple[int, ...] = ()  # indices into ArticleView.findings
    quote: int | None = None  # index into ArticleView.quotes


@dataclass(frozen=True)
class SpeakerView:
    """One source in one article: who, what type, how much and how introduced."""

    name: str
    type: str
    role: str | None
    party: str | None
    named: bool
    quotes: int
    reported: int
    words: int
    share: float  # of all words the article quotes or reports
    first: float  # position of the first attribution, 0 (top) to 1 (end)
    last: float
    loaded: int  # loaded words in this source's quoted words
    cues: Mapping[str, int]  # cue grade -> count


@dataclass(frozen=True)
class ArticleView:
    """One article as the report shows it. Each analyser's numbers are its metrics
    type, as the analysis holds them (None where that analyser did not run)."""

    id: str
    label: str
    outlet: str | None
    title: str | None
    date: str | None
    url: str | None
    source: str | None
    words: Mapping[str, int]
    scored_words: int
    loaded: LoadedMetrics | None
    top_categories: tuple[tuple[str, str, int], ...]  # (id, label, count)
    readability: ReadabilityMetrics | None
    tone: ToneMetrics | None
    sourcing: SourcingMetrics | None
    frames: FramesMetrics | None
    labels: LabelsMetrics | None
    epistemic: EpistemicMetrics | None
    actors: tuple[ActorRow, ...]
    group: str
    speakers: tuple[SpeakerView, ...]
    findings: tuple[Finding, ...]
    quotes: tuple[Quote, ...]
    paragraphs: tuple[tuple[Piece, ...], ...]
    furniture: tuple[FurnitureSpan, ...]
    sha256: str


def group_of(article: Article, field: str) -> str | None:
    if field in ("outlet", "title", "date", "url", "id"):
        value = getattr(article, field)
    else:
        value = article.meta.get(field)
    return str(value) if value else None


def view_labels(articles: Sequence[Article]) -> list[str]:
    """Short names for tables and charts, made unique with the id where they clash."""
    counts = Counter(a.label for a in articles)
    return [a.label if counts[a.label] == 1 else f"{a.label} ({a.id})" for a in articles]


def article_view(
    a: ArticleAnalysis, label: str, group: str, categories: Mapping[str, Category]
) -> ArticleView:
    loaded_findings = [f for f in a.findings if f.analyzer == "loaded"]
    cat_counts = Counter(f.category for f in loaded_findings)
    top = tuple(
        (cid, categories[cid].label if cid in categories else cid, n)
        for cid, n in sorted(cat_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    )
    speakers = _speakers(a, loaded_findings)
    words = dict(a.words)
    scored = sum(n for v, n in words.items() if v != "furniture")
    m = a.metrics
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
        loaded=m.loaded,
        top_categories=top,
        readability=m.readability,
        tone=m.tone,
        sourcing=m.sourcing,
        frames=m.frames,
        labels=m.labels,
        epistemic=m.epistemic,
        actors=m.actors.actors if m.actors else (),
        group=group,
        speakers=speakers,
        findings=a.findings,
        quotes=a.quotes,
        paragraphs=_pieces(a, a.findings),
        furniture=a.furniture,
        sha256=a.article.sha256,
    )


def _speakers(a: ArticleAnalysis, findings: Sequence[Finding]) -> tuple[SpeakerView, ...]:
    rows = a.metrics.sourcing.speakers if a.metrics.sourcing else ()
    loaded = Counter(f.speaker for f in findings if f.speaker)
    views = [
        SpeakerView(
            name=r.name,
            type=r.type,
            role=r.role,
            party=r.party,
            named=r.named,
            quotes=r.quotes,
            reported=r.reported,
            words=r.words,
            share=r.share,
            first=r.first,
            last=r.last,
            loaded=loaded[r.name],
            cues=dict(r.cue_grades),
        )
        for r in rows
    ]
    return tuple(sorted(views, key=lambda v: (-(v.quotes + v.reported), v.first)))


def _pieces(a: ArticleAnalysis, findings: Sequence[Finding]) -> tuple[tuple[Piece, ...], ...]:
    """Cut the text at voice and finding boundaries, then into paragraphs at line breaks."""
    text = a.text
    cuts = {0, len(text)}
    for v in a.voices:
        cuts.update((v.start, v.end))
    for f in findings:
        cuts.update((f.start, f.end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    vstarts = [v.start for v in a.voices]
    order = sorted(range(len(findings)), key=lambda i: findings[i].start)
    active: list[int] = []
    k = 0
    pieces: list[Piece] = []
    for s, e in itertools.pairwise(points):
        while k < len(order) and findings[order[k]].start <= s:
            active.append(order[k])
            k += 1
        active = [i for i in active if findings[i].end > s]
        vi = bisect.bisect_right(vstarts, s) - 1
        span: VoiceSpan | None = a.voices[vi] if vi >= 0 else None
        pieces.append(
            Piece(
                s,
                e,
                text[s:e],
                span.voice if span else "narration",
                span.speaker if span else None,
                span.furniture_kind if span else None,
                tuple(sorted(active)),
                span.quote if span else None,
            )
        )
    # split into paragraphs at line breaks so the report can lay them out
    paragraphs: list[list[Piece]] = [[]]
    for p in pieces:
        pos = p.start
        for n, chunk in enumerate(p.text.split("\n")):
            if n > 0 and paragraphs[-1]:
                paragraphs.append([])
            if chunk:
                paragraphs[-1].append(
                    Piece(
                        pos,
                        pos + len(chunk),
                        chunk,
                        p.voice,
                        p.speaker,
                        p.furniture_kind,
                        p.findings,
                        p.quote,
                    )
                )
            pos += len(chunk) + 1
    return tuple(tuple(par) for par in paragraphs if any(x.text.strip() for x in par))
