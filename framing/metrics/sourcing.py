"""The sourcing analyser's numbers (:mod:`framing.analyzers.sourcing`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .base import Metrics

__all__ = ["SourceTypeCounts", "SourcingMetrics", "SpeakerRow"]


@dataclass(frozen=True, slots=True)
class SpeakerRow(Metrics):
    """One source of the article: who, of what type, how often and how introduced.

    ``first`` and ``last`` are where its first and last attribution start, from 0 (the
    top) to 1 (the end); ``share`` is its part of all the words the article quotes or
    reports."""

    name: str
    type: str
    kind: str
    role: str | None
    party: str | None
    named: bool
    attributions: int
    quotes: int
    reported: int
    words: int
    cue_grades: Mapping[str, int]
    first: float
    last: float
    share: float


@dataclass(frozen=True, slots=True)
class SourceTypeCounts(Metrics):
    """Attributions, words and speakers of one type of source."""

    attributions: int = 0
    words: int = 0
    speakers: int = 0


@dataclass(frozen=True, slots=True)
class SourcingMetrics(Metrics):
    """Who speaks and how they are introduced; named and anonymous sources."""

    analyzer = "sourcing"

    attributions: int = 0
    by_kind: Mapping[str, int] = field(default_factory=dict)
    named: int = 0
    unnamed: int = 0
    named_share: float | None = None
    named_to_unnamed: float | None = None
    quoted_words: int = 0
    by_source_type: Mapping[str, SourceTypeCounts] = field(default_factory=dict)
    cue_grades: Mapping[str, int] = field(default_factory=dict)
    vague_phrases: int = 0
    anonymous: int = 0
    speakers: tuple[SpeakerRow, ...] = ()
