"""Typed numbers: each analyser's metrics as a frozen dataclass.

Every analyser returns its numbers as a :class:`Metrics` dataclass (``LoadedMetrics``,
``SourcingMetrics``...); an :class:`~framing.results.ArticleAnalysis` holds them in an
:class:`AnalysisMetrics`, by analyser name, with one typed attribute per built-in
analyser::

    analysis.metrics.loaded.per_1000_own      # LoadedMetrics | None
    analysis.metrics["my-analyser"]           # any analyser's Metrics, by name

>>> from framing import analyze
>>> loaded = analyze('Rioters stormed the hall. "It was calm," Mayor Jane Ortiz said.').metrics.loaded
>>> loaded.own, loaded.by_voice.quote, loaded.to_dict()["by_voice"]["narration"]
(1, 0, 1)

``to_dict()`` gives the JSON (the same keys in the same order), ``from_dict`` reads it
back, ``to_row()`` gives the flat columns of a batch run, and :func:`metric_columns`
names those columns from the types alone. The types sit here, below the analysers and
the results, so that both can import them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from .actors import ActorRow, ActorsMetrics, Cast, Evidence, Portrayal, RoleDecision
from .base import MappingMetrics, Metrics, metric_columns
from .frames import EpistemicMetrics, FramesMetrics, LabelsMetrics
from .groups import ByVoiceGroup
from .loaded import LoadedMetrics
from .sourcing import SourcingMetrics, SpeakerRow
from .tone import ReadabilityMetrics, ToneMetrics, TonePiece

__all__ = [
    "BUILTIN_METRICS",
    "ActorRow",
    "ActorsMetrics",
    "AnalysisMetrics",
    "ByVoiceGroup",
    "Cast",
    "EpistemicMetrics",
    "Evidence",
    "FramesMetrics",
    "LabelsMetrics",
    "LoadedMetrics",
    "MappingMetrics",
    "Metrics",
    "Portrayal",
    "ReadabilityMetrics",
    "RoleDecision",
    "SourcingMetrics",
    "SpeakerRow",
    "ToneMetrics",
    "TonePiece",
    "metric_columns",
]

#: The metrics type of each built-in analyser, by its name.
BUILTIN_METRICS: Mapping[str, type[Metrics]] = {
    kind.analyzer: kind
    for kind in (
        LoadedMetrics,
        SourcingMetrics,
        FramesMetrics,
        LabelsMetrics,
        EpistemicMetrics,
        ActorsMetrics,
        ReadabilityMetrics,
        ToneMetrics,
    )
}


_M = TypeVar("_M", bound=Metrics)


class AnalysisMetrics(Mapping[str, Metrics]):
    """Each analyser's metrics, by analyser name, in the order the analysers ran; the
    built-in analysers' also as typed attributes (None where that analyser did not run)."""

    __slots__ = ("_by_name",)

    def __init__(self, by_name: Mapping[str, Metrics | Mapping[str, Any]] | None = None):
        self._by_name: dict[str, Metrics] = {k: as_metrics(k, v) for k, v in (by_name or {}).items()}

    def __getitem__(self, name: str) -> Metrics:
        return self._by_name[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    def __repr__(self) -> str:
        return f"AnalysisMetrics({self._by_name!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, AnalysisMetrics):
            return self._by_name == other._by_name
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def _typed(self, name: str, kind: type[_M]) -> _M | None:
        value = self._by_name.get(name)
        return value if isinstance(value, kind) else None

    @property
    def loaded(self) -> LoadedMetrics | None:
        return self._typed("loaded", LoadedMetrics)

    @property
    def sourcing(self) -> SourcingMetrics | None:
        return self._typed("sourcing", SourcingMetrics)

    @property
    def frames(self) -> FramesMetrics | None:
        return self._typed("frames", FramesMetrics)

    @property
    def labels(self) -> LabelsMetrics | None:
        return self._typed("labels", LabelsMetrics)

    @property
    def epistemic(self) -> EpistemicMetrics | None:
        return self._typed("epistemic", EpistemicMetrics)

    @property
    def actors(self) -> ActorsMetrics | None:
        return self._typed("actors", ActorsMetrics)

    @property
    def readability(self) -> ReadabilityMetrics | None:
        return self._typed("readability", ReadabilityMetrics)

    @property
    def tone(self) -> ToneMetrics | None:
        return self._typed("tone", ToneMetrics)

    def to_dict(self) -> dict[str, dict[str, Any]]:
        return {name: m.to_dict() for name, m in self._by_name.items()}

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Mapping[str, Any]], types: Mapping[str, type[Metrics]] | None = None
    ) -> AnalysisMetrics:
        """The metrics ``to_dict`` gave. Each analyser's are rebuilt as its type: the
        built-in analysers' from :data:`BUILTIN_METRICS`, others' from ``types`` (by
        analyser name), else kept as a :class:`MappingMetrics`."""
        chosen = {**BUILTIN_METRICS, **(types or {})}
        return cls({k: chosen.get(k, MappingMetrics).from_dict(v) for k, v in data.items()})


def as_metrics(name: str, value: Metrics | Mapping[str, Any]) -> Metrics:
    """``value`` as a :class:`Metrics`: a plain dict of an analyser without a metrics
    type becomes a :class:`MappingMetrics`."""
    if isinstance(value, Metrics):
        return value
    if isinstance(value, Mapping):
        return MappingMetrics(dict(value))
    raise TypeError(
        f"the metrics of analyser {name!r} must be a Metrics dataclass, not {type(value).__name__}"
    )
