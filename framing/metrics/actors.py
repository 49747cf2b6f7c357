"""The actors analyser's numbers (:mod:`framing.analyzers.actors`): one row per actor,
with its mentions by voice, what it does and what is done to it, the tone around it
and the role each voice casts it in, with the evidence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .base import OMIT_NONE, Metrics
from .groups import ByVoiceGroup

__all__ = [
    "ActorAct",
    "ActorEvaluation",
    "ActorRow",
    "ActorTone",
    "ActorsMetrics",
    "Cast",
    "Evidence",
    "Portrayal",
    "RoleDecision",
    "ToneByGroup",
    "ToneOverall",
]


@dataclass(frozen=True, slots=True)
class ActorAct(Metrics):
    """A verb the actor does, or that is done to it; ``loaded`` is the category of a
    loaded word in it."""

    start: int
    end: int
    text: str
    voice: str
    loaded: str | None = None


@dataclass(frozen=True, slots=True)
class ActorEvaluation(Metrics):
    """A loaded label or adjective on the actor, with its category and weight."""

    start: int
    end: int
    text: str
    voice: str
    loaded: str | None
    category: str
    weight: int


@dataclass(frozen=True, slots=True)
class ToneByGroup(Metrics):
    """A mean score in each voice group (None where the group never mentions the actor)."""

    own: float | None = None
    quoted: float | None = None
    reported: float | None = None


@dataclass(frozen=True, slots=True)
class ToneOverall(Metrics):
    """A mean score in each voice group and over all of them."""

    own: float | None = None
    quoted: float | None = None
    reported: float | None = None
    all: float | None = None


@dataclass(frozen=True, slots=True)
class ActorTone(Metrics):
    """The tone around an actor's mentions by three methods: VADER, the lexicon-and-rules
    signal, and the target-sentiment classifier."""

    vader: ToneByGroup = field(default_factory=ToneByGroup)
    lexicon: ToneOverall = field(default_factory=ToneOverall)
    classifier: ToneOverall = field(default_factory=ToneOverall)


@dataclass(frozen=True, slots=True)
class Evidence(Metrics):
    """One span behind a role, with a reason a student can read."""

    start: int
    end: int
    text: str
    voice: str
    speaker: str | None
    role: str
    how: str
    category: str
    weight: int
    negated: bool
    reason: str


@dataclass(frozen=True, slots=True)
class RoleDecision(Metrics):
    """A role and how it was reached (``rules``, ``model`` or neither), with the rules'
    verdict and the model's probabilities beside it."""

    role: str
    confidence: float
    decided_by: str
    rules: str
    model: Mapping[str, float] | None = None


@dataclass(frozen=True, slots=True)
class Cast(Metrics):
    """The actor's role in one voice (the outlet's own, or one speaker's), with its
    evidence and the evidence for each role."""

    voice: str
    speaker: str | None
    role: str
    confidence: float
    decided_by: str
    rules: str
    model: Mapping[str, float] | None
    evidence: tuple[Evidence, ...] = ()
    scores: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Portrayal(Metrics):
    """The actor's role in the outlet's words, for each speaker it quotes, and in the
    quoted voices taken together."""

    own: Cast
    quoted: tuple[Cast, ...]
    quoted_role: RoleDecision


@dataclass(frozen=True, slots=True)
class ActorRow(Metrics):
    """One actor of the article. ``merged_from`` is set only where a comparison joined
    a surname-only actor to the person named in full (its own id before)."""

    id: str
    name: str
    kind: str
    mentions: ByVoiceGroup
    aliases: Mapping[str, int]
    linked: Mapping[str, int]
    speaks_words: int
    tone: ActorTone
    quoted_by: Mapping[str, float | None]
    does: tuple[ActorAct, ...]
    done_to: tuple[ActorAct, ...]
    evaluations: tuple[ActorEvaluation, ...]
    portrayal: Portrayal
    merged_from: str | None = field(default=None, metadata={OMIT_NONE: True})


@dataclass(frozen=True, slots=True)
class ActorsMetrics(Metrics):
    """The actors of the article, most mentioned first."""

    analyzer = "actors"

    actors: tuple[ActorRow, ...] = ()
