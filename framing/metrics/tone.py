"""The numbers of the tone and readability analysers (:mod:`framing.analyzers.tone`,
:mod:`framing.analyzers.readability`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .base import Metrics

__all__ = ["ReadabilityCounts", "ReadabilityMetrics", "ToneByVoice", "ToneMetrics", "TonePiece"]


@dataclass(frozen=True, slots=True)
class TonePiece(Metrics):
    """One sentence piece in one voice, with its VADER compound score."""

    start: int
    end: int
    voice: str
    speaker: str | None
    words: int
    compound: float


@dataclass(frozen=True, slots=True)
class ToneByVoice(Metrics):
    """The mean compound score of each voice, weighted by words (None: no piece)."""

    narration: float | None = None
    headline: float | None = None
    quote: float | None = None
    reported: float | None = None


@dataclass(frozen=True, slots=True)
class ToneMetrics(Metrics):
    """Sentence tone by voice group and by voice, and the pieces it is read from."""

    analyzer = "tone"

    own: float | None = None
    quoted: float | None = None
    reported: float | None = None
    by_voice: ToneByVoice = field(default_factory=ToneByVoice)
    sentences: int = 0
    pieces: tuple[TonePiece, ...] = ()


@dataclass(frozen=True, slots=True)
class ReadabilityCounts(Metrics):
    """What the readability formulas are computed from."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    polysyllables: int = 0
    difficult_words: int = 0
    unfamiliar_words: int = 0
    characters: int = 0
    letters: int = 0
    tokens: int = 0


@dataclass(frozen=True, slots=True)
class ReadabilityMetrics(Metrics):
    """The readability scores of the article body, with the counts behind them."""

    analyzer = "readability"

    flesch_reading_ease: float = 0.0
    flesch_kincaid_grade: float = 0.0
    gunning_fog: float = 0.0
    smog_index: float = 0.0
    coleman_liau_index: float = 0.0
    automated_readability_index: float = 0.0
    dale_chall: float = 0.0
    counts: ReadabilityCounts = field(default_factory=ReadabilityCounts)
