"""The pipeline: Article -> Document -> analysers -> ArticleAnalysis.

``analyze(text_or_article)`` is the one call for the common case; ``analyze_many``
yields results lazily for batches. Both build a :class:`Pipeline` from
:class:`Settings`; building one parses lexicons and compiles matchers, so reuse it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._version import __version__
from .analyzers import DEFAULT_ANALYZERS, build_analyzers
from .article import Article
from .errors import UsageError
from .lexicon import Lexicon, builtin_lexicons, load_lexicon
from .metrics import AnalysisMetrics, Metrics
from .results import ArticleAnalysis, Finding, FurnitureSpan, Quote, VoiceSpan
from .text.document import Document, Segmenter

__all__ = ["Pipeline", "Settings", "analyze", "analyze_many"]


@dataclass(frozen=True)
class Settings:
    """What to run and with which lexicons.

    ``lexicons`` are added to the built-in ones (or replace them, with
    ``builtin_lexicons=False``); each is a :class:`Lexicon` or the path to a file.
    """

    analyzers: tuple[str, ...] = DEFAULT_ANALYZERS
    lexicons: tuple[Lexicon | str | Path, ...] = ()
    builtin_lexicons: bool = True
    extra: dict[str, Any] = field(default_factory=dict, hash=False)
    learned_attribution: bool = True
    """Read speech cues and resolve pronouns and titles with the shipped models
    (:mod:`framing.models.cues`, :mod:`framing.models.resolver`); False reads with
    rules alone."""
    learned_loaded: bool = False
    """Add the guesses of the learned loaded-words model (:mod:`framing.models.loaded_words`)
    to the lexicon's findings. Off by default: on the news corpus's dev split the
    lexicon's own-voice findings are right about six times in ten, the model's about one
    time in three, too often wrong to put in front of a class unasked. Each of its
    findings says it is a learned guess."""

    def resolved_lexicons(self) -> tuple[Lexicon, ...]:
        chosen: dict[str, Lexicon] = {}
        if self.builtin_lexicons:
            chosen.update(builtin_lexicons())
        base = builtin_lexicons()
        for item in self.lexicons:
            lex = item if isinstance(item, Lexicon) else load_lexicon(item)
            if lex.id in chosen and chosen[lex.id] is not lex:
                raise UsageError(
                    f"two lexicons have the id {lex.id!r} ({chosen[lex.id].source} and "
                    f"{lex.source}); give your lexicon its own id in its header"
                )
            chosen[lex.id] = lex
        # segmentation always needs abbreviations and cue verbs
        for needed in ("abbreviations", "cue-verbs", "source-roles"):
            if not any(lex.kind == needed for lex in chosen.values()):
                chosen[needed] = base[needed]
        return tuple(chosen[k] for k in sorted(chosen))

    def to_dict(self) -> dict[str, Any]:
        return (
            {
                "analyzers": list(self.analyzers),
                "builtin_lexicons": self.builtin_lexicons,
                "extra": dict(sorted(self.extra.items())),
            }
            | ({} if self.learned_attribution else {"learned_attribution": False})
            | ({"learned_loaded": True} if self.learned_loaded else {})
        )


class Pipeline:
    """A configured analysis: build once, analyse many articles."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.lexicons = self.settings.resolved_lexicons()
        self.segmenter = Segmenter(
            self.lexicons_of("abbreviations"),
            self.lexicons_of("cue-verbs"),
            self.lexicons_of("source-roles"),
            learned=self.settings.learned_attribution,
        )
        self.analyzers = build_analyzers(
            self.settings.analyzers, self.lexicons, learned=self.settings.learned_loaded
        )

    def lexicons_of(self, kind: str) -> list[Lexicon]:
        return [lex for lex in self.lexicons if lex.kind == kind]

    def provenance(self) -> dict[str, Any]:
        return {
            "framing_version": __version__,
            "settings": self.settings.to_dict(),
            "lexicons": [lex.provenance() for lex in self.lexicons],
            "analyzers": {a.name: dict(a.provenance()) for a in self.analyzers},
        }

    def segment(self, item: str | Article) -> Document:
        return self.segmenter(_as_article(item))

    def analyze(self, item: str | Article) -> ArticleAnalysis:
        doc = self.segment(item)
        findings: list[Finding] = []
        metrics: dict[str, Metrics] = {}
        for analyzer in self.analyzers:
            out = analyzer.analyze(doc)
            findings.extend(out.findings)
            metrics[analyzer.name] = out.metrics
        findings.sort(key=lambda f: (f.start, f.end, f.analyzer, f.category, f.actor or ""))
        quotes, order = _quotes(doc)
        return ArticleAnalysis(
            article=doc.article,
            findings=tuple(findings),
            voices=_voices(doc, order),
            quotes=quotes,
            furniture=tuple(
                FurnitureSpan(*doc.to_original(b.start, b.end), b.kind, b.reason) for b in doc.furniture
            ),
            words=doc.words_by_voice(),
            metrics=AnalysisMetrics(metrics),
            provenance={"input_sha256": doc.article.sha256},
            sentences=tuple(doc.to_original(s, e) for s, e in doc.sentences),
        )

    def analyze_many(self, items: Iterable[str | Article]) -> Iterator[ArticleAnalysis]:
        for item in items:
            yield self.analyze(item)


def _as_article(item: str | Article) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(item)
    raise TypeError(f"expected an Article or a str, got {type(item).__name__}")


def _voices(doc: Document, order: dict[int, int]) -> tuple[VoiceSpan, ...]:
    out: list[VoiceSpan] = []
    n = len(doc.article.text)
    for run in doc.voices:
        # boundaries map with orig_end on both sides so the spans tile the original
        start = 0 if run.start == 0 else doc.norm.orig_end(run.start)
        end = n if run.end == len(doc.text) else doc.norm.orig_end(run.end)
        if end <= start:
            continue
        spk = doc.speaker_of(run)
        kind = doc.furniture[run.furniture].kind if run.furniture is not None else None
        quote = order.get(run.attribution) if run.attribution is not None else None
        out.append(VoiceSpan(start, end, run.voice, spk.name if spk else None, kind, quote))
    if n and not out:
        # nothing is left after normalising (only soft hyphens or zero-width characters):
        # the voices still cover the text, as the outlet's own
        out.append(VoiceSpan(0, n, "narration", None, None, None))
    return tuple(out)


def _quotes(doc: Document) -> tuple[tuple[Quote, ...], dict[int, int]]:
    """Public quotes in text order, and where each attribution went in that order."""
    out: list[Quote] = []
    for a in doc.attributions:
        if a.quote is not None:
            q = doc.quotes[a.quote]
            start, end = doc.to_original(q.start, q.end)
            closed = q.closed
        else:
            start, end = doc.to_original(*a.content)
            closed = True
        cs, ce = doc.to_original(*a.content)
        cue = doc.to_original(*a.cue_span) if a.cue_span else (None, None)
        spk_span = doc.to_original(*a.speaker_span) if a.speaker_span else (None, None)
        spk = a.speaker
        out.append(
            Quote(
                start=start,
                end=end,
                content_start=cs,
                content_end=ce,
                kind=a.kind,
                speaker=spk.name if spk else None,
                speaker_kind=spk.kind if spk else None,
                speaker_role=spk.role if spk else None,
                resolution=a.resolution,
                cue=a.cue.term if a.cue else None,
                cue_grade=a.cue.grade if a.cue else None,
                cue_start=cue[0],
                cue_end=cue[1],
                speaker_start=spk_span[0],
                speaker_end=spk_span[1],
                closed=closed,
                source_type=spk.source_type if spk else None,
                named=spk.named if spk else None,
                party=spk.party if spk else None,
                speakers=a.speakers,
            )
        )
    order = sorted(range(len(out)), key=lambda i: (out[i].start, out[i].end))
    position = {attr: pos for pos, attr in enumerate(order)}
    return tuple(out[i] for i in order), position


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def pipeline_for(settings: Settings | None) -> Pipeline:
    """The pipeline for ``settings``, built once for the settings that cannot go stale:
    those naming no lexicon file or object and no extra options (a file may change on
    disk between two calls). Others get a new pipeline each time."""
    if settings is None:
        return default_pipeline()
    if settings.lexicons or settings.extra:
        return Pipeline(settings)
    return _kept_pipeline(settings)


@functools.lru_cache(maxsize=8)
def _kept_pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def analyze(item: str | Article, *, settings: Settings | None = None) -> ArticleAnalysis:
    """Analyse one text or Article. Calls with equal settings share one pipeline, built
    at the first (unless the settings name lexicons or extra options: see
    :func:`pipeline_for`).

    >>> text = 'Officials said the rollout was "a reckless failure."'
    >>> [(f.text, f.voice, f.speaker, f.origin) for f in analyze(text).findings_in(analyzer="loaded")]
    [('reckless', 'quote', 'officials', 'lexicon')]

    The loaded-words model is opt-in:

    >>> result = analyze(text, settings=Settings(learned_loaded=True))
    >>> [(f.text, f.origin) for f in result.findings_in(analyzer="loaded")]
    [('reckless', 'lexicon'), ('failure', 'model')]
    """
    return pipeline_for(settings).analyze(item)


def analyze_many(
    items: Iterable[str | Article], *, settings: Settings | None = None
) -> Iterator[ArticleAnalysis]:
    """Analyse many texts or Articles lazily, building the pipeline once.

    >>> texts = ["Rioters stormed the hall.", "Protesters gathered at the hall."]
    >>> [len(r.findings_in(analyzer="loaded")) for r in analyze_many(texts)]
    [1, 0]
    """
    return pipeline_for(settings).analyze_many(items)
