"""The numbers of the frames, labels and epistemic analysers
(:mod:`framing.analyzers.frames`, :mod:`~framing.analyzers.labels`,
:mod:`~framing.analyzers.epistemic`): each counts the cues it finds by voice group."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .base import Metrics

__all__ = [
    "Concept",
    "EpistemicGroup",
    "EpistemicMetrics",
    "FrameGroup",
    "FramesMetrics",
    "LabelsMetrics",
    "Variant",
]


@dataclass(frozen=True, slots=True)
class FrameGroup(Metrics):
    """The frames of one voice group: each frame's cue weight, its share of all the
    group's cues, the sentences that carry it, and the frame with the largest share."""

    weights: Mapping[str, float] = field(default_factory=dict)
    distribution: Mapping[str, float] = field(default_factory=dict)
    sentences: Mapping[str, int] = field(default_factory=dict)
    primary: str | None = None


@dataclass(frozen=True, slots=True)
class FramesMetrics(Metrics):
    """Frames by voice group; ``primary`` is the outlet's own (``own.primary``)."""

    analyzer = "frames"

    own: FrameGroup = field(default_factory=FrameGroup)
    quoted: FrameGroup = field(default_factory=FrameGroup)
    reported: FrameGroup = field(default_factory=FrameGroup)
    primary: str | None = None
    primary_label: str | None = None


@dataclass(frozen=True, slots=True)
class Variant(Metrics):
    """One name for a concept: its connotation and how often each voice group uses it."""

    connotation: str | None
    own: int = 0
    quoted: int = 0
    reported: int = 0


@dataclass(frozen=True, slots=True)
class Concept(Metrics):
    """A thing with several names, and the names the article uses for it."""

    label: str
    variants: Mapping[str, Variant] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LabelsMetrics(Metrics):
    """The concepts the article names, by concept id."""

    analyzer = "labels"

    concepts: Mapping[str, Concept] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EpistemicGroup(Metrics):
    """Hedges, boosters and the rest in one voice group: counts by category, rates per
    1,000 words of the group, and its words."""

    counts: Mapping[str, int] = field(default_factory=dict)
    per_1000: Mapping[str, float] = field(default_factory=dict)
    words: int = 0


@dataclass(frozen=True, slots=True)
class EpistemicMetrics(Metrics):
    """Epistemic and agency markers by voice group."""

    analyzer = "epistemic"

    own: EpistemicGroup = field(default_factory=EpistemicGroup)
    quoted: EpistemicGroup = field(default_factory=EpistemicGroup)
    reported: EpistemicGroup = field(default_factory=EpistemicGroup)
