"""The view model of what articles about one event share, differ on and leave out.

Plain, frozen, typed data: renderers read it and never score. Every class has
``to_dict()`` (JSON-safe, the layout of ``coverage`` in the JSON report; see
docs/report-schema.md). Offsets (``start``/``end``) index the text of the article the
object names.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = [
    "CLAIM_STATUSES",
    "Claim",
    "ClaimInArticle",
    "Coverage",
    "Figure",
    "FigureUse",
    "HeadlineCheck",
    "QuotationUse",
    "SharedQuotation",
    "WordStep",
]

#: How an article stands to a claim, and what each status says.
CLAIM_STATUSES = {
    "carries": "states the claim",
    "different": "has a related sentence that says something different",
    "maybe": "has a similar sentence that may state it (below the confidence for a match)",
    "unclear": "has only loosely related sentences: not called an omission",
    "not_yet": "was written before it happened",
    "left_out": "does not report it",
}


@dataclass(frozen=True)
class WordStep:
    """One step of a quotation's word-for-word alignment with the longest version:
    ``keep`` (the same words), ``cut`` (words of the longest version this outlet
    leaves out), ``add`` (words only this outlet has) or ``change`` (other words in
    their place). ``words`` are the longest version's words, ``as_written`` this
    outlet's; ``loaded`` the loaded or evaluative words among ``words``."""

    op: str
    words: str
    as_written: str
    loaded: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "words": self.words,
            "as_written": self.as_written,
            "loaded": list(self.loaded),
        }


@dataclass(frozen=True)
class QuotationUse:
    """One article's use of a shared quotation.

    ``status`` is ``full`` (the longest version's words), ``cut`` (fewer words:
    ``cuts`` says where, ``dropped`` lists them), ``extended`` (more words at an end),
    ``altered`` (words changed, or added inside) or ``paraphrased`` (the statement
    without the quotation). ``speaker_as`` is how the outlet names the speaker, ``cue``
    the verb that introduces the words (base form) and ``cue_grade`` its grade."""

    article: str
    status: str
    start: int
    end: int
    words: str
    kind: str
    speaker: str | None
    speaker_as: str | None
    cue: str | None
    cue_grade: str | None
    around: str
    cuts: tuple[str, ...] = ()
    extended: bool = False
    dropped: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    changed: tuple[tuple[str, str], ...] = ()
    dropped_loaded: tuple[str, ...] = ()
    kept: float = 1.0
    steps: tuple[WordStep, ...] = ()

    @property
    def differs(self) -> bool:
        return self.status != "full"

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "status": self.status,
            "start": self.start,
            "end": self.end,
            "words": self.words,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_as": self.speaker_as,
            "cue": self.cue,
            "cue_grade": self.cue_grade,
            "around": self.around,
            "cuts": list(self.cuts),
            "extended": self.extended,
            "dropped": list(self.dropped),
            "added": list(self.added),
            "changed": [{"from": a, "to": b} for a, b in self.changed],
            "dropped_loaded": list(self.dropped_loaded),
            "kept": self.kept,
            "steps": [s.to_dict() for s in self.steps],
        }


@dataclass(frozen=True)
class SharedQuotation:
    """A quotation two or more articles carry, with each article's use."""

    quote: str
    speaker: str | None
    longest_in: str
    uses: tuple[QuotationUse, ...]
    absent_from: tuple[str, ...] = ()
    loaded_cut: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "speaker": self.speaker,
            "longest_in": self.longest_in,
            "uses": [u.to_dict() for u in self.uses],
            "absent_from": list(self.absent_from),
            "loaded_cut": self.loaded_cut,
        }


@dataclass(frozen=True)
class ClaimInArticle:
    """How one article stands to a claim (one of :data:`CLAIM_STATUSES`), with the
    sentence behind it where there is one. ``confidence`` is the matcher's probability
    that the sentence states the claim (``None`` for the sentence the claim was taken
    from, and where there is no sentence); ``reason`` says what differs, or why the
    article could not have reported it."""

    article: str
    status: str
    text: str | None = None
    start: int | None = None
    end: int | None = None
    voice: str | None = None
    confidence: float | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "status": self.status,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "voice": self.voice,
            "confidence": self.confidence,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Claim:
    """Something one or more articles report, and where every article stands on it."""

    id: str
    text: str
    scope: str  # all, some, one
    articles: tuple[ClaimInArticle, ...]
    confidence: float | None = None  # the weakest match among the articles that carry it
    date: str | None = None  # when it happened, where a sentence says
    numbers: tuple[float, ...] = ()
    events: tuple[str, ...] = ()

    def _with(self, status: str) -> tuple[str, ...]:
        return tuple(a.article for a in self.articles if a.status == status)

    @property
    def carried_by(self) -> tuple[str, ...]:
        return self._with("carries")

    @property
    def left_out_by(self) -> tuple[str, ...]:
        return self._with("left_out")

    @property
    def not_yet_in(self) -> tuple[str, ...]:
        return self._with("not_yet")

    @property
    def differs_in(self) -> tuple[str, ...]:
        return self._with("different")

    @property
    def maybe_in(self) -> tuple[str, ...]:
        return self._with("maybe")

    @property
    def unclear_in(self) -> tuple[str, ...]:
        return self._with("unclear")

    def status_of(self, article: str) -> ClaimInArticle | None:
        return next((a for a in self.articles if a.article == article), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "scope": self.scope,
            "confidence": self.confidence,
            "date": self.date,
            "numbers": list(self.numbers),
            "events": list(self.events),
            "carried_by": list(self.carried_by),
            "left_out_by": list(self.left_out_by),
            "not_yet_in": list(self.not_yet_in),
            "differs_in": list(self.differs_in),
            "maybe_in": list(self.maybe_in),
            "unclear_in": list(self.unclear_in),
            "articles": [a.to_dict() for a in self.articles],
        }


@dataclass(frozen=True)
class FigureUse:
    """One article's use of a figure: the number as written, the words that say what
    it counts, the event next to it, and the sentence."""

    article: str
    text: str
    start: int
    end: int
    counts: str
    event_word: str
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "counts": self.counts,
            "event_word": self.event_word,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Figure:
    """One figure: a number, what it counts and what happened to it, and who gives it.

    ``thing`` and ``event`` are ids of the ``counted`` and ``events`` lexicons (``None``
    where no article says); ``label`` puts them in words ("2,000 troops, withdrawn")."""

    value: float
    thing: str | None
    event: str | None
    negated: bool
    label: str
    uses: tuple[FigureUse, ...]
    missing_from: tuple[str, ...] = ()

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(u.article for u in self.uses))

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "thing": self.thing,
            "event": self.event,
            "negated": self.negated,
            "label": self.label,
            "articles": list(self.articles),
            "missing_from": list(self.missing_from),
            "uses": [u.to_dict() for u in self.uses],
        }


@dataclass(frozen=True)
class HeadlineCheck:
    """Loaded words, numbers and content words in a headline that its body does not
    carry. ``coverage`` is the share of the headline's content words the body uses."""

    article: str
    headline: str
    loaded_only_in_headline: tuple[str, ...]
    numbers_only_in_headline: tuple[float, ...]
    headline_words: tuple[str, ...]
    headline_words_in_body: int
    coverage: float | None
    body_carries_headline: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "headline": self.headline,
            "loaded_only_in_headline": list(self.loaded_only_in_headline),
            "numbers_only_in_headline": list(self.numbers_only_in_headline),
            "headline_words": list(self.headline_words),
            "headline_words_in_body": self.headline_words_in_body,
            "coverage": self.coverage,
            "body_carries_headline": self.body_carries_headline,
        }


@dataclass(frozen=True)
class Coverage:
    """What the articles share, where they differ, and what each leaves out.

    ``claims`` holds every claim: those all articles carry, then those some carry (most
    articles first), then the claims of one article only, taken in turn from each
    article so that any leading slice shows every outlet's own reporting.
    ``thresholds`` are the matcher's confidences: ``same`` for a match, ``related``
    for a similar sentence, ``worksheet`` for the matches a worksheet may use."""

    articles: tuple[str, ...]
    dates: Mapping[str, str | None]
    method: str
    thresholds: Mapping[str, float]
    claims: tuple[Claim, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotations: tuple[SharedQuotation, ...] = ()
    headlines: tuple[HeadlineCheck, ...] = ()
    provenance: Mapping[str, Any] = field(default_factory=dict)

    @property
    def shared_claims(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.scope != "one")

    @property
    def unique_claims(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.scope == "one")

    def differences(self) -> list[tuple[Claim, ClaimInArticle, ClaimInArticle]]:
        """Each pair of sentences shown as related but saying something different, once:
        the claim, the sentence that states it and the other article's sentence."""
        seen: set[frozenset[tuple[str, int | None]]] = set()
        out = []
        for claim in self.claims:
            first = next((r for r in claim.articles if r.status == "carries"), None)
            if first is None:
                continue
            for row in claim.articles:
                key = frozenset({(first.article, first.start), (row.article, row.start)})
                if row.status == "different" and key not in seen:
                    seen.add(key)
                    out.append((claim, first, row))
        return out

    def unique_counts(self) -> dict[str, int]:
        """How many claims only each article reports."""
        counts = dict.fromkeys(self.articles, 0)
        for c in self.unique_claims:
            for a in c.carried_by:
                counts[a] = counts.get(a, 0) + 1
        return counts

    def balanced_unique(self, limit: int) -> tuple[tuple[Claim, ...], dict[str, tuple[int, int]]]:
        """Up to ``limit`` one-article claims, taken in turn from each article, and for
        each article how many of its own claims that shows out of how many."""
        shown = self.unique_claims[: max(0, limit)]
        totals = self.unique_counts()
        counts = {a: (sum(1 for c in shown if a in c.carried_by), totals.get(a, 0)) for a in self.articles}
        return shown, counts

    def restricted_to(self, labels: Collection[str]) -> Coverage:
        """The same coverage as a page showing only some of the articles sees it: their
        columns, the claims one of them carries, the figures one of them gives, the
        quotations two of them carry (the statuses themselves are unchanged)."""
        keep = set(labels)
        claims = tuple(
            replace(c, articles=tuple(a for a in c.articles if a.article in keep))
            for c in self.claims
            if keep.intersection(c.carried_by)
        )
        figures = tuple(
            replace(
                f,
                uses=tuple(u for u in f.uses if u.article in keep),
                missing_from=tuple(m for m in f.missing_from if m in keep),
            )
            for f in self.figures
            if keep.intersection(f.articles)
        )
        quotations = []
        for q in self.quotations:
            uses = tuple(u for u in q.uses if u.article in keep)
            if len(uses) >= 2:
                quotations.append(
                    replace(q, uses=uses, absent_from=tuple(a for a in q.absent_from if a in keep))
                )
        return replace(
            self,
            articles=tuple(a for a in self.articles if a in keep),
            dates={a: d for a, d in self.dates.items() if a in keep},
            claims=claims,
            figures=figures,
            quotations=tuple(quotations),
            headlines=tuple(h for h in self.headlines if h.article in keep),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": list(self.articles),
            "dates": dict(self.dates),
            "method": self.method,
            "thresholds": dict(self.thresholds),
            "claims": [c.to_dict() for c in self.claims],
            "unique_counts": self.unique_counts(),
            "figures": [f.to_dict() for f in self.figures],
            "quotations": [q.to_dict() for q in self.quotations],
            "headlines": [h.to_dict() for h in self.headlines],
            "provenance": dict(self.provenance),
        }


def round_robin(groups: Sequence[Sequence[Any]]) -> list[Any]:
    """The items of ``groups`` taken in turn, one from each group while it lasts."""
    out: list[Any] = []
    depth = 0
    while True:
        row = [g[depth] for g in groups if depth < len(g)]
        if not row:
            return out
        out.extend(row)
        depth += 1
