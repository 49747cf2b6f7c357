"""The loaded-language analyser's numbers (:mod:`framing.analyzers.loaded`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..errors import UsageError
from .base import Metrics
from .groups import ByVoiceGroup

__all__ = ["GroupRate", "LoadedMetrics", "LoadedRates", "LoadedVoices", "OriginCounts", "SpeakerRate"]


@dataclass(frozen=True, slots=True)
class LoadedVoices(Metrics):
    """Loaded words in each voice; ``mention`` counts words mentioned, not used."""

    narration: int = 0
    headline: int = 0
    quote: int = 0
    reported: int = 0
    mention: int = 0


@dataclass(frozen=True, slots=True)
class LoadedRates(Metrics):
    """Loaded words per 1,000 words of each voice."""

    narration: float = 0.0
    headline: float = 0.0
    quote: float = 0.0
    reported: float = 0.0


@dataclass(frozen=True, slots=True)
class SpeakerRate(Metrics):
    """One speaker's loaded words among the words quoted or reported from them."""

    count: int
    words: int
    per_1000: float


@dataclass(frozen=True, slots=True)
class OriginCounts(Metrics):
    """Findings by what found them: a lexicon entry, or the learned model."""

    lexicon: int = 0
    model: int = 0


@dataclass(frozen=True, slots=True)
class GroupRate:
    """Loaded words in one voice group, the group's words, and the rate per 1,000."""

    count: int
    words: int
    per_1000: float


@dataclass(frozen=True, slots=True)
class LoadedMetrics(Metrics):
    """Loaded words counted by voice, with their rates per 1,000 words of that voice."""

    analyzer = "loaded"

    count: int = 0
    own: int = 0
    own_words: int = 0
    per_1000_own: float = 0.0
    quoted: int = 0
    quoted_words: int = 0
    per_1000_quoted: float = 0.0
    reported: int = 0
    reported_words: int = 0
    per_1000_reported: float = 0.0
    mention: int = 0
    by_voice: LoadedVoices = field(default_factory=LoadedVoices)
    per_1000_by_voice: LoadedRates = field(default_factory=LoadedRates)
    by_category: Mapping[str, ByVoiceGroup] = field(default_factory=dict)
    by_speaker: Mapping[str, SpeakerRate] = field(default_factory=dict)
    by_origin: OriginCounts = field(default_factory=OriginCounts)
    own_by_origin: OriginCounts = field(default_factory=OriginCounts)
    weighted_own: int = 0

    def group(self, name: str) -> GroupRate:
        """The numbers of one voice group: ``own`` (narration and headline), ``quoted``
        or ``reported``."""
        if name == "own":
            return GroupRate(self.own, self.own_words, self.per_1000_own)
        if name == "quoted":
            return GroupRate(self.quoted, self.quoted_words, self.per_1000_quoted)
        if name == "reported":
            return GroupRate(self.reported, self.reported_words, self.per_1000_reported)
        raise UsageError(f"LoadedMetrics.group: no voice group {name!r}; choose own, quoted or reported")
