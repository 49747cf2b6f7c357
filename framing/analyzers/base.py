"""What every analyser is: a name, a description, and a function of a Document."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..metrics import MappingMetrics, Metrics
from ..results import Finding
from ..text.document import Document

__all__ = ["Analyzer", "AnalyzerOutput", "rate", "voice_group"]


@dataclass(frozen=True)
class AnalyzerOutput:
    """Findings (original offsets) and the numbers of one analyser, as its
    :class:`~framing.metrics.Metrics` dataclass (see DEVELOPERS.md, "Adding an
    analyser"). A plain dict is still taken, and kept as a
    :class:`~framing.metrics.MappingMetrics`."""

    findings: tuple[Finding, ...] = ()
    metrics: Metrics = field(default_factory=MappingMetrics)

    def __post_init__(self) -> None:
        if not isinstance(self.metrics, Metrics):
            if not isinstance(self.metrics, Mapping):
                raise TypeError(f"metrics must be a Metrics dataclass, not {type(self.metrics).__name__}")
            object.__setattr__(self, "metrics", MappingMetrics(dict(self.metrics)))


class Analyzer(Protocol):
    name: str

    def analyze(self, doc: Document) -> AnalyzerOutput: ...

    def provenance(self) -> Mapping[str, Any]: ...


def rate(count: int, words: int) -> float:
    """Occurrences per 1,000 words (0.0 when there are no words)."""
    return 1000.0 * count / words if words else 0.0


def voice_group(voice: str) -> str:
    """ "own" (narration, headline), "quoted" (quote) or "reported"."""
    if voice in ("narration", "headline"):
        return "own"
    return "quoted" if voice == "quote" else "reported"
