"""Results: frozen, typed, anchored to character spans of the original text.

Every finding carries ``start``/``end`` offsets into ``Article.text`` so that
``article.text[f.start:f.end] == f.text`` always holds. Results convert to plain
JSON-safe dicts with ``to_dict()`` and to flat rows with ``to_row()``; nothing here
rounds (renderers do).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from .article import Article
from .errors import InputError
from .metrics import AnalysisMetrics, Metrics

__all__ = [
    "ArticleAnalysis",
    "Finding",
    "FurnitureSpan",
    "Quote",
    "VoiceSpan",
]

#: Draws an analysis or a comparison as HTML for a notebook (their ``_repr_html_``).
#: Drawing needs the comparison and the renderers, which import this module, so this
#: module does not import them: :mod:`framing.notebook`, imported with the package,
#: sets it to :func:`framing.notebook.html`.
html_view: Callable[[object], str] | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence: a span of the article, what it is and whose words it is.

    ``voice`` is one of ``narration``, ``headline``, ``quote``, ``reported``, or
    ``mention`` for a loaded word the article mentions rather than uses ("calling them
    thugs"); ``speaker`` is set when the words belong to someone the article quotes or
    paraphrases.

    ``origin`` says what found it: ``lexicon`` (a listed word or phrase, named by
    ``lexicon_id`` and ``lexicon_version``) or ``model`` (a learned guess of the shipped
    model ``model_id`` ``model_version``, with its probability in ``score``). The lexicon
    fields are None where no lexicon gave a finding: scare quotes and agentless passives
    (found from the text's marks and grammar), and actors found only from capitalised
    names and titles that no actors lexicon lists ("name:..." ids).

    ``actor`` is set on the findings of the ``actors`` analyser only: the id of the actor
    the words mention (``gavin_newsom``, ``name:ana_ruiz``); their ``category`` is the
    kind of actor (``person``, ``institution`` or ``group``), like every other
    analyser's a kind of thing found. It is None on every other finding.
    """

    start: int
    end: int
    text: str
    analyzer: str
    category: str
    category_label: str
    voice: str
    explanation: str
    speaker: str | None = None
    term: str | None = None
    weight: int = 1
    alternatives: tuple[str, ...] = ()
    lexicon_id: str | None = None
    lexicon_version: str | None = None
    detail: str | None = None
    """A second label where an analyser has one (a label's connotation, for example)."""
    origin: str | None = None
    model_id: str | None = None
    model_version: str | None = None
    score: float | None = None
    actor: str | None = None

    @property
    def own_voice(self) -> bool:
        return self.voice in ("narration", "headline")

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "analyzer": self.analyzer,
            "category": self.category,
            "category_label": self.category_label,
            "voice": self.voice,
            "speaker": self.speaker,
            "explanation": self.explanation,
            "term": self.term,
            "weight": self.weight,
            "alternatives": list(self.alternatives),
            "lexicon_id": self.lexicon_id,
            "lexicon_version": self.lexicon_version,
            "detail": self.detail,
            "origin": self.origin,
            "model_id": self.model_id,
            "model_version": self.model_version,
            "score": self.score,
            "actor": self.actor,
        }

    def to_row(self) -> dict[str, Any]:
        row = self.to_dict()
        row["alternatives"] = "; ".join(self.alternatives)
        return row


@dataclass(frozen=True, slots=True)
class VoiceSpan:
    """A run of the original text in one voice; together they cover the whole text."""

    start: int
    end: int
    voice: str
    speaker: str | None = None
    furniture_kind: str | None = None
    quote: int | None = None  # index into ArticleAnalysis.quotes

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "voice": self.voice,
            "speaker": self.speaker,
            "furniture_kind": self.furniture_kind,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a source: a quotation, or reported speech.

    ``kind`` is ``direct``, ``partial`` (a few quoted words inside narration), ``scare``
    (quoted words with no speaker), ``reported``, ``according-to``, ``thought`` (a
    belief, wish or plan the outlet reports, not words said) or ``attitude`` (a position
    taken, such as an endorsement or a vote). ``start``/``end``
    cover the attributed words (for a quotation, its marks included);
    ``content_start``/``content_end`` the words themselves; ``cue_*`` the speech verb
    and ``speaker_*`` the mention of the source. ``source_type`` is one of the types of
    the ``source-roles`` lexicon (or ``unknown``); ``named`` is False for a source the
    article does not name ("officials said").
    """

    start: int
    end: int
    content_start: int
    content_end: int
    kind: str
    speaker: str | None
    speaker_kind: str | None
    speaker_role: str | None
    resolution: str
    cue: str | None
    cue_grade: str | None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    closed: bool = True
    source_type: str | None = None
    named: bool | None = None
    party: str | None = None
    speakers: tuple[str, ...] = ()
    """Each person of a joint speaker ("Karen Bass and Gavin Newsom said"); empty for one."""

    def to_dict(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["speakers"] = list(self.speakers)
        return out


@dataclass(frozen=True, slots=True)
class FurnitureSpan:
    """Page furniture: shown in reports, never scored."""

    start: int
    end: int
    kind: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "reason": self.reason}


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything framing found in one article.

    ``metrics`` holds each analyser's numbers by analyser name, each a typed
    :class:`~framing.metrics.Metrics` dataclass, and the built-in analysers' as
    attributes (``analysis.metrics.loaded.per_1000_own``); ``findings`` holds the
    evidence behind them, in text order. ``from_dict(to_dict())`` rebuilds the analysis.
    """

    article: Article
    findings: tuple[Finding, ...]
    voices: tuple[VoiceSpan, ...]
    quotes: tuple[Quote, ...]
    furniture: tuple[FurnitureSpan, ...]
    words: Mapping[str, int]
    metrics: AnalysisMetrics
    provenance: Mapping[str, Any] = field(default_factory=dict)
    sentences: tuple[tuple[int, int], ...] = ()
    """Sentence spans of the scored text (page furniture left out)."""

    def __post_init__(self) -> None:
        if not isinstance(self.metrics, AnalysisMetrics):
            # a plain mapping by analyser name, as older code built it
            object.__setattr__(self, "metrics", AnalysisMetrics(self.metrics))

    @property
    def text(self) -> str:
        return self.article.text

    def findings_in(self, voice: str | None = None, analyzer: str | None = None) -> list[Finding]:
        return [
            f
            for f in self.findings
            if (voice is None or f.voice == voice) and (analyzer is None or f.analyzer == analyzer)
        ]

    def voice_at(self, offset: int) -> VoiceSpan:
        """The voice span holding character ``offset`` of the original text."""
        import bisect

        starts = [v.start for v in self.voices]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0 or not self.voices or offset >= self.voices[-1].end:
            raise IndexError(f"offset {offset} is outside the text (length {len(self.text)})")
        return self.voices[i]

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "article": self.article.to_dict(),
            "words": dict(self.words),
            "metrics": self.metrics.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "quotes": [q.to_dict() for q in self.quotes],
            "furniture": [f.to_dict() for f in self.furniture],
            "voices": [v.to_dict() for v in self.voices],
            "sentences": [list(s) for s in self.sentences],
        }
        if include_text:
            out["article"]["text"] = self.article.text
        return out

    def to_row(self) -> dict[str, Any]:
        """One flat row: the article's metadata and headline numbers."""
        row: dict[str, Any] = {
            "id": self.article.id,
            "outlet": self.article.outlet,
            "title": self.article.title,
            "date": self.article.date,
            "url": self.article.url,
        }
        for voice, n in self.words.items():
            row[f"words_{voice}"] = n
        for name, metrics in self.metrics.items():
            for key, value in metrics.field_values():
                if isinstance(value, (int, float, str)) or value is None:
                    row[f"{name}.{key}"] = value
        return row

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], *, metric_types: Mapping[str, type[Metrics]] | None = None
    ) -> ArticleAnalysis:
        """The analysis ``to_dict()`` gave (with its text), as read back from JSON.

        The built-in analysers' metrics come back as their types; another analyser's as
        the type ``metric_types`` names for it, else as a plain
        :class:`~framing.metrics.MappingMetrics`.
        """
        try:
            art = data["article"]
            if "text" not in art:
                raise InputError(
                    "the analysis has no text: write it with to_dict(include_text=True) to read it back",
                    source="ArticleAnalysis.from_dict",
                    record=f"article {art.get('id')}",
                )
            article = Article(
                art["text"],
                id=art["id"],
                outlet=art["outlet"],
                title=art["title"],
                date=art["date"],
                url=art["url"],
                source=art["source"],
                meta=dict(art["meta"]),
            )
            if art.get("sha256", article.sha256) != article.sha256:
                raise InputError(
                    "the text is not the one analysed (its SHA-256 differs from the analysis's)",
                    source="ArticleAnalysis.from_dict",
                    record=f"article {article.id}",
                )
            return cls(
                article=article,
                findings=_read_findings(data["findings"], data["metrics"], article.id),
                voices=tuple(VoiceSpan(**v) for v in data["voices"]),
                quotes=tuple(Quote(**{**q, "speakers": tuple(q["speakers"])}) for q in data["quotes"]),
                furniture=tuple(FurnitureSpan(**f) for f in data["furniture"]),
                words=dict(data["words"]),
                metrics=AnalysisMetrics.from_dict(data["metrics"], metric_types),
                provenance={"input_sha256": article.sha256},
                sentences=tuple((s, e) for s, e in data["sentences"]),
            )
        except (KeyError, TypeError) as exc:
            art = data.get("article") if isinstance(data, Mapping) else None
            record = art.get("id") if isinstance(art, Mapping) else None
            raise InputError(
                f"not an analysis as to_dict() writes it ({type(exc).__name__}: {exc})",
                source="ArticleAnalysis.from_dict",
                record=f"article {record}" if record is not None else None,
            ) from exc

    def _repr_html_(self) -> str | None:
        return html_view(self) if html_view is not None else None

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """What IPython shows as text: a line, not the whole repr (pages of it)."""
        printer.text(f"<ArticleAnalysis of {self.article.label}: {len(self.findings):,} findings>")


def _read_findings(findings: Any, metrics: Mapping[str, Any], article: str) -> tuple[Finding, ...]:
    """The findings of an analysis's JSON. An actor finding as report schema 2.x wrote
    it (the actor's id in ``category``, its name in ``category_label``, no ``actor``) is
    read as 3.0 writes it: the id in ``actor``, the actor's kind (from the analysis's
    table of actors) in ``category`` and ``category_label``."""
    kinds = {row["id"]: row["kind"] for row in (metrics.get("actors") or {}).get("actors") or ()}
    out = []
    for item in findings:
        f = {**item, "alternatives": tuple(item["alternatives"])}
        if f["analyzer"] == "actors" and "actor" not in f:
            if f["category"] not in kinds:
                raise InputError(
                    f"an actor finding names actor {f['category']!r}, which the analysis's "
                    "table of actors (metrics.actors) does not list",
                    source="ArticleAnalysis.from_dict",
                    record=f"article {article}, the finding at {f['start']}-{f['end']}",
                )
            kind = kinds[f["category"]]
            f.update(actor=f["category"], category=kind, category_label=kind.capitalize())
        out.append(Finding(**f))
    return tuple(out)
