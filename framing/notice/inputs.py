"""What the readers of notices read: the finished parts of a comparison, and small
helpers to write numbers, lists and evidence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..article_views import ArticleView
from ..comparison_types import Category
from ..coverage.view import Coverage
from ..results import ArticleAnalysis
from .view import Evidence

__all__ = ["Inputs", "Others", "evidence", "listed", "names", "quoted", "rate", "whole"]


@dataclass(frozen=True)
class Inputs:
    """The parts of a comparison the notices are read from."""

    views: Sequence[ArticleView]
    analyses: Sequence[ArticleAnalysis]
    coverage: Coverage
    source_types: Mapping[str, Category] = field(default_factory=dict)
    connotations: Mapping[str, Category] = field(default_factory=dict)

    def others(self, index: int) -> list[int]:
        return [i for i in range(len(self.views)) if i != index]


class Others:
    """The least and the most of a number over every article but one, for each article,
    in linear time (a comparison may hold thousands of articles)."""

    def __init__(self, values: Sequence[int]) -> None:
        self.values = list(values)
        ordered = sorted(self.values)
        self._low = ordered[:2]
        self._high = ordered[-2:]

    def least(self, index: int) -> int:
        low = self._low
        return low[1] if len(low) > 1 and self.values[index] == low[0] else low[0]

    def most(self, index: int) -> int:
        high = self._high
        return high[0] if len(high) > 1 and self.values[index] == high[-1] else high[-1]


def names(labels: Sequence[str], limit: int = 4) -> str:
    """Article labels as a sentence lists them, or how many where there are many.

    >>> names(["A", "B"]), names(["A", "B", "C", "D", "E"])
    ('A and B', '5 other articles')
    """
    return listed(labels) if len(labels) <= limit else f"{len(labels):,} other articles"


def evidence(
    inputs: Inputs, index: int, start: int, end: int, kind: str, quotation: int | None = None
) -> Evidence:
    """The words of article ``index`` from ``start`` to ``end``, as evidence."""
    text = inputs.analyses[index].text
    return Evidence(index, inputs.views[index].label, start, end, text[start:end], kind, quotation)


def rate(value: float) -> str:
    """A rate per 1,000 words as a sentence gives it: whole above 10, else one decimal.

    >>> rate(40.94), rate(7.25), rate(0.0)
    ('41', '7.2', '0')
    """
    if value == 0:
        return "0"
    return f"{value:,.0f}" if value >= 10 else f"{value:.1f}"


def whole(n: int) -> str:
    """A count with thousands separated.

    >>> whole(1350)
    '1,350'
    """
    return f"{n:,}"


def listed(items: Iterable[str], last: str = "and") -> str:
    """Items as a sentence lists them.

    >>> listed(["A"]), listed(["A", "B"]), listed(["A", "B", "C"], "or")
    ('A', 'A and B', 'A, B or C')
    """
    names = list(items)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {last} " + names[-1]


def quoted(words: str, limit: int = 90) -> str:
    """Words in curly quotation marks, on one line, cut at ``limit`` characters.

    >>> quoted("rampant  lawlessness")
    '“rampant lawlessness”'
    """
    text = " ".join(words.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return f"\u201c{text}\u201d"


def plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many
