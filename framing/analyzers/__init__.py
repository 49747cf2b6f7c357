"""The registry of analysers: the one place that names them.

Each entry builds an analyser from the active lexicons. ``framing list`` and error
messages read the valid names from here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError
from ..lexicon import Lexicon
from ..metrics import (
    ActorsMetrics,
    EpistemicMetrics,
    FramesMetrics,
    LabelsMetrics,
    LoadedMetrics,
    MappingMetrics,
    Metrics,
    ReadabilityMetrics,
    SourcingMetrics,
    ToneMetrics,
)
from .actors import ActorsAnalyzer
from .base import Analyzer, AnalyzerOutput
from .epistemic import EpistemicAnalyzer
from .frames import FramesAnalyzer
from .labels import LabelsAnalyzer
from .loaded import LoadedLanguageAnalyzer
from .readability import ReadabilityAnalyzer
from .sourcing import SourcingAnalyzer
from .tone import ToneAnalyzer

__all__ = ["ANALYZERS", "DEFAULT_ANALYZERS", "Analyzer", "AnalyzerOutput", "AnalyzerSpec", "build_analyzers"]


@dataclass(frozen=True)
class AnalyzerSpec:
    name: str
    description: str
    build: Callable[[Sequence[Lexicon]], Analyzer]
    #: The analyser with its opt-in learned model as well, where it has one
    #: (``Settings(learned_loaded=True)``).
    build_learned: Callable[[Sequence[Lexicon]], Analyzer] | None = None
    #: The type of the analyser's metrics: a batch run's columns come from its fields.
    metrics: type[Metrics] = MappingMetrics


def _of_kind(lexicons: Sequence[Lexicon], kind: str) -> list[Lexicon]:
    return [lex for lex in lexicons if lex.kind == kind]


def _actors(lexicons: Sequence[Lexicon]) -> Analyzer:
    from ..models import portrayal, target_sentiment
    from ..text.names import RoleBook

    roles = RoleBook(r for lex in _of_kind(lexicons, "source-roles") for r in lex.entries)
    return ActorsAnalyzer(
        _of_kind(lexicons, "actors"),
        _of_kind(lexicons, "loaded-language"),
        roles,
        model=_target_sentiment,
        model_id=f"{target_sentiment.MODEL_ID} {target_sentiment.MODEL_VERSION}",
        portrayal_lexicons=_of_kind(lexicons, "portrayal"),
        role_model=portrayal.default_portrayal(),
        role_model_id=f"{portrayal.MODEL_ID} {portrayal.MODEL_VERSION}",
    )


def _target_sentiment(examples: list[tuple[str, int, int]]) -> list[float]:
    """The shipped classifier's stance toward each target: P(positive) - P(negative)."""
    model = _shipped_model()
    proba = model.predict_proba(examples)
    neg, pos = list(model.classes_).index(-1), list(model.classes_).index(1)
    return [float(p[pos] - p[neg]) for p in proba]


@functools.lru_cache(maxsize=1)
def _shipped_loaded_words() -> Any:
    from ..models.loaded_words import LoadedWordsTagger

    return LoadedWordsTagger.load()


@functools.lru_cache(maxsize=1)
def _shipped_model() -> Any:
    from ..models.target_sentiment import TargetSentimentClassifier

    return TargetSentimentClassifier.load()


ANALYZERS: dict[str, AnalyzerSpec] = {
    spec.name: spec
    for spec in (
        AnalyzerSpec(
            "loaded",
            LoadedLanguageAnalyzer.description,
            lambda lex: LoadedLanguageAnalyzer(_of_kind(lex, "loaded-language")),
            lambda lex: LoadedLanguageAnalyzer(
                _of_kind(lex, "loaded-language"), model=_shipped_loaded_words()
            ),
            metrics=LoadedMetrics,
        ),
        AnalyzerSpec(
            "sourcing",
            SourcingAnalyzer.description,
            lambda lex: SourcingAnalyzer(_of_kind(lex, "sourcing")),
            metrics=SourcingMetrics,
        ),
        AnalyzerSpec(
            "frames",
            FramesAnalyzer.description,
            lambda lex: FramesAnalyzer(_of_kind(lex, "frames")),
            metrics=FramesMetrics,
        ),
        AnalyzerSpec(
            "labels",
            LabelsAnalyzer.description,
            lambda lex: LabelsAnalyzer(_of_kind(lex, "concept-sets")),
            metrics=LabelsMetrics,
        ),
        AnalyzerSpec(
            "epistemic",
            EpistemicAnalyzer.description,
            lambda lex: EpistemicAnalyzer(_of_kind(lex, "epistemic")),
            metrics=EpistemicMetrics,
        ),
        AnalyzerSpec("actors", ActorsAnalyzer.description, lambda lex: _actors(lex), metrics=ActorsMetrics),
        AnalyzerSpec(
            "readability",
            ReadabilityAnalyzer.description,
            lambda lex: ReadabilityAnalyzer(),
            metrics=ReadabilityMetrics,
        ),
        AnalyzerSpec("tone", ToneAnalyzer.description, lambda lex: ToneAnalyzer(), metrics=ToneMetrics),
    )
}
DEFAULT_ANALYZERS = tuple(ANALYZERS)


def build_analyzers(
    names: Sequence[str], lexicons: Sequence[Lexicon], *, learned: bool = False
) -> list[Analyzer]:
    """The analysers ``names``, each with ``lexicons``; with ``learned``, those that have
    an opt-in learned model use it too."""
    unknown = [n for n in names if n not in ANALYZERS]
    if unknown:
        raise UsageError(
            f"unknown analyser {', '.join(map(repr, unknown))}; choose from: {', '.join(ANALYZERS)}"
        )
    specs = [ANALYZERS[n] for n in names]
    return [(s.build_learned if learned and s.build_learned else s.build)(lexicons) for s in specs]
