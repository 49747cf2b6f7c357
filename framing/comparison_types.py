"""The typed pieces of a comparison: its charts and its highlight layers.

Each is a frozen dataclass that lists its fields in the order of the JSON report, and
turns into that JSON with ``to_dict()`` (the same way as the analysers' metrics, see
:mod:`framing.metrics.base`): a nested type is a group of fixed keys, a
``Mapping[str, X]`` a table whose keys depend on the texts (one per article, per
series...), a ``tuple[X, ...]`` a list of rows, and a field that is None is left out of
the JSON where the chart has no such key.

There are few shapes: a :class:`BarChart` (one row per article, a :class:`BarCell` per
series, or a kind of cell that carries more beside its number, such as a
:class:`RateCell`; drawn by :func:`framing.renderers.charts.bar_chart`), the tables of who is quoted where
(:class:`SpeakerMatrix`), which word each article uses (:class:`LabelMatrix`), who is
cast in which role (:class:`RoleTable`), the hedges and boosters
(:class:`EpistemicTable`) and the distinctive words (:class:`DistinctiveTerms`), all
held by :class:`Charts`, one attribute per chart.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .metrics.actors import Evidence
from .metrics.base import OMIT_NONE, Metrics

__all__ = [
    "BarCell",
    "BarChart",
    "BarRow",
    "Cast",
    "CastEvidence",
    "Category",
    "Cell",
    "ChartData",
    "Charts",
    "CountCell",
    "DistinctiveTerm",
    "DistinctiveTerms",
    "EpistemicCell",
    "EpistemicRow",
    "EpistemicTable",
    "LabelMatrix",
    "LabelRow",
    "LabelUse",
    "Layer",
    "QuotedCast",
    "QuotedCell",
    "RateCell",
    "RoleRow",
    "RoleTable",
    "SpeakerMatrix",
    "SpeakerRow",
    "ToneCell",
]

#: One plain value of a chart: a number, a count, whether a rate is steady, a word.
Cell = float | int | bool | str | None


def _omit() -> Any:
    """A field left out of the JSON while it is None."""
    return field(default=None, metadata={OMIT_NONE: True})


class ChartData(Metrics):
    """The base of every piece of a comparison's charts: ``to_dict()`` gives its JSON."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class BarCell:
    """One series' number in one chart row. A kind of cell that carries more beside it
    (a rate's words, a share's count) subclasses this: each field after ``value`` is a
    key ``<series>__<field>`` of the row's JSON."""

    value: Cell

    def extras(self, key: str) -> Iterator[tuple[str, Cell]]:
        """What the row's JSON holds beside the value of series ``key``, in order."""
        for name in _extra_fields(type(self)):
            yield f"{key}__{name}", getattr(self, name)


@dataclass(frozen=True, slots=True)
class RateCell(BarCell):
    """A rate per 1,000 words with the words it was counted over and whether it is
    steady (see :func:`framing.comparison_charts.rate_cell`)."""

    value: float
    words: int | None
    steady: bool


@dataclass(frozen=True, slots=True)
class CountCell(BarCell):
    """A share with the count behind it."""

    value: float
    count: int


@dataclass(frozen=True, slots=True)
class QuotedCell(BarCell):
    """A count in the outlet's own voice, with the same count in the voices it quotes."""

    value: int
    quoted: int


@dataclass(frozen=True, slots=True)
class ToneCell(BarCell):
    """The tone around an actor (the lexicon-and-rules score), the classifier's beside
    it, and how often the voice mentions the actor (None: no score)."""

    value: float | None
    classifier: float | None
    mentions: int


_EXTRAS: dict[type, tuple[str, ...]] = {}


def _extra_fields(kind: type) -> tuple[str, ...]:
    """The fields of a kind of cell after its value, read once."""
    found = _EXTRAS.get(kind)
    if found is None:
        found = _EXTRAS[kind] = tuple(f.name for f in dataclasses.fields(kind) if f.name != "value")
    return found


C = TypeVar("C", bound=BarCell)


@dataclass(frozen=True, slots=True)
class BarRow(ChartData, Generic[C]):
    """One article's bars: its label, then a cell per series in the order of the JSON.

    A cell's value is the row's key ``<series>``, and what a kind of cell carries beside
    it (:class:`RateCell`, :class:`CountCell`, :class:`QuotedCell`, :class:`ToneCell`)
    the keys ``<series>__<field>``: after each value, or (``extras_last``) after all
    the values."""

    article: str
    cells: Mapping[str, C] = field(default_factory=dict)
    extras_last: bool = False

    def value(self, key: str) -> float:
        """The number of series ``key`` (0 where it is missing or None)."""
        found = self.cells.get(key)
        number = found.value if found is not None else None
        return float(number) if isinstance(number, (int, float)) else 0.0

    def field_values(self) -> Iterator[tuple[str, Any]]:
        yield "article", self.article
        for key, cell in self.cells.items():
            yield key, cell.value
            if not self.extras_last:
                yield from cell.extras(key)
        if self.extras_last:
            for key, cell in self.cells.items():
                yield from cell.extras(key)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.field_values())


@dataclass(frozen=True, slots=True)
class BarChart(ChartData, Generic[C]):
    """A number per article for each series: ``series`` are the keys, in order,
    ``series_labels`` their names. ``unit`` and ``few_words`` (the words below which a
    rate is not steady) are set on a chart of rates; ``by`` and ``row_heading`` where a
    row is not an article (the distinctive words: ``group: word``)."""

    title: str
    by: str | None = _omit()
    row_heading: str | None = _omit()
    series: tuple[str, ...] = ()
    series_labels: Mapping[str, str] = field(default_factory=dict)
    unit: str | None = _omit()
    few_words: int | None = _omit()
    rows: tuple[BarRow[C], ...] = ()


@dataclass(frozen=True, slots=True)
class SpeakerRow(ChartData):
    """One source across the articles: how many attributions each article gives it,
    and the article it is ``only_in`` (None when it is in more than one)."""

    speaker: str
    type: str
    named: bool
    articles: Mapping[str, int] = field(default_factory=dict)
    only_in: str | None = None


@dataclass(frozen=True, slots=True)
class SpeakerMatrix(ChartData):
    """Who is quoted in which article."""

    title: str
    articles: tuple[str, ...] = ()
    rows: tuple[SpeakerRow, ...] = ()


@dataclass(frozen=True, slots=True)
class LabelUse(ChartData):
    """One word for a concept in one article: its connotation, and how often it is
    used in the outlet's own voice and in quoted or reported speech."""

    connotation: str | None
    own: int = 0
    quoted: int = 0


@dataclass(frozen=True, slots=True)
class LabelRow(ChartData):
    """One concept: the words each article uses for it (by article, then by word)."""

    concept: str
    label: str
    articles: Mapping[str, Mapping[str, LabelUse]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LabelMatrix(ChartData):
    """Which word each article uses for each concept."""

    title: str
    articles: tuple[str, ...] = ()
    rows: tuple[LabelRow, ...] = ()


@dataclass(frozen=True, slots=True)
class QuotedCast(ChartData):
    """The role a quoted speaker casts an actor in (``speaker`` None: one the article
    does not name)."""

    speaker: str | None
    role: str
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class CastEvidence(ChartData):
    """The words behind a role (offsets into the article's text): the evidence of the
    actor's portrayal (:class:`framing.metrics.Evidence`) as the role table shows it."""

    start: int
    end: int
    text: str
    voice: str
    speaker: str | None
    role: str
    reason: str

    @classmethod
    def of(cls, evidence: Evidence) -> CastEvidence:
        """The evidence of a portrayal, as the role table shows it."""
        e = evidence
        return cls(e.start, e.end, e.text, e.voice, e.speaker, e.role, e.reason)


@dataclass(frozen=True, slots=True)
class Cast(ChartData):
    """One actor in one article: its role in the outlet's own voice (``own``), in
    each quoted voice, the role the quoted voices give it together, and the evidence
    behind each role that is not neutral."""

    own: str = "neutral"
    confidence: float | None = None
    decided_by: str | None = None
    quoted: tuple[QuotedCast, ...] = ()
    quoted_role: str = "neutral"
    mentions: int = 0
    evidence: tuple[CastEvidence, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleRow(ChartData):
    """One actor: its role in each article that mentions it."""

    id: str
    actor: str
    articles: Mapping[str, Cast] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RoleTable(ChartData):
    """Who is the villain, the victim and the hero in each article."""

    title: str
    articles: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    rows: tuple[RoleRow, ...] = ()


@dataclass(frozen=True, slots=True)
class EpistemicCell(ChartData):
    """One kind of marker in one article: how often the outlet's own words have it, how
    often the voices it quotes do, and its rate per 1,000 of the outlet's own words."""

    own: int = 0
    quoted: int = 0
    per_1000_own: float = 0.0


#: The numbers of an :class:`EpistemicCell`, in the order a row's JSON gives them.
EPISTEMIC_NUMBERS = ("own", "quoted", "per_1000_own")


@dataclass(frozen=True, slots=True)
class EpistemicRow(ChartData):
    """One article's markers, a cell per kind. Its JSON is flat: ``<kind>_own`` for
    every kind, then every ``<kind>_quoted``, then every ``<kind>_per_1000_own``."""

    article: str
    cells: Mapping[str, EpistemicCell] = field(default_factory=dict)

    def field_values(self) -> Iterator[tuple[str, Any]]:
        yield "article", self.article
        for number in EPISTEMIC_NUMBERS:
            for kind, cell in self.cells.items():
                yield f"{kind}_{number}", getattr(cell, number)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.field_values())


@dataclass(frozen=True, slots=True)
class EpistemicTable(ChartData):
    """Hedges, boosters and hidden actors: a row per article with a cell for each of
    ``kinds``."""

    title: str
    kinds: tuple[str, ...] = ()
    rows: tuple[EpistemicRow, ...] = ()


@dataclass(frozen=True, slots=True)
class DistinctiveTerm(ChartData):
    """A word one group uses distinctively: its z-score, the log-odds difference, its
    count in the group and in the others."""

    term: str
    z: float
    delta: float
    count: int
    others: int


@dataclass(frozen=True, slots=True)
class DistinctiveTerms(ChartData):
    """Words each group uses distinctively in its own voice. With fewer than two groups
    there is nothing to compare: ``groups`` is empty, and ``title`` and ``method`` are
    None."""

    title: str | None = _omit()
    group_by: str = "outlet"
    method: str | None = _omit()
    groups: Mapping[str, tuple[DistinctiveTerm, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Charts(ChartData):
    """Every chart and table of a comparison, in the order of the JSON report."""

    loaded_rate_by_voice: BarChart[RateCell]
    categories_own: BarChart[BarCell]
    speech_by_source_type: BarChart[BarCell]
    speakers_by_article: SpeakerMatrix
    speech_by_speaker: BarChart[BarCell]
    cue_grades_by_article: BarChart[CountCell]
    frames_own: BarChart[BarCell]
    labels_by_article: LabelMatrix
    label_connotations_own: BarChart[BarCell]
    label_connotations_quoted: BarChart[BarCell]
    label_variants: BarChart[QuotedCell]
    epistemic_by_article: EpistemicTable
    distinctive_terms: DistinctiveTerms
    distinctive_terms_chart: BarChart[BarCell]
    actor_roles: RoleTable
    roles_by_article: BarChart[QuotedCell]
    actor_tone_own: BarChart[ToneCell]
    actor_tone_quoted: BarChart[ToneCell]

    def items(self) -> Iterator[tuple[str, ChartData]]:
        """Each chart with its name, in order."""
        for f in dataclasses.fields(self):
            yield f.name, getattr(self, f.name)


@dataclass(frozen=True, slots=True)
class Category(ChartData):
    """A category of a highlight layer, as its lexicon (or its findings) name it."""

    label: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Layer(ChartData):
    """A highlight layer a report can toggle: an analyser's findings, by category."""

    label: str
    categories: Mapping[str, Category] = field(default_factory=dict)
