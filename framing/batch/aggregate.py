"""Per-group aggregates, built a chunk at a time and small whatever the corpus.

Each group (the values of the group column, ``outlet`` by default) keeps counts, exact
sums for means, counters of loaded-word categories and primary frames, and a sample of
at most :data:`SAMPLE_SIZE` articles. The sample is the articles with the smallest
hash of (id, position), so it is the same whatever the chunking or the number of
workers. Sums of numbers are kept exactly (as :func:`math.fsum` does) until they are
read, so the order in which chunks are added never changes a mean.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["GROUP_COLUMNS", "SAMPLE_SIZE", "Aggregate", "ExactSum", "GroupStats"]

#: At most this many sample articles per group in the summary.
SAMPLE_SIZE = 20
#: How many loaded-word categories the group table names.
TOP_CATEGORIES = 5
_OWN = ("narration", "headline")
# positions in a finding tuple (see schema.FINDING_COLUMNS, without the article index)
_TEXT, _ANALYZER, _CATEGORY, _LABEL, _VOICE = 3, 4, 5, 6, 7


class ExactSum:
    """A sum of floats kept exact (Shewchuk's partials) and rounded once, when read."""

    __slots__ = ("partials",)

    def __init__(self, partials: Iterable[float] = ()):
        self.partials: list[float] = []
        for x in partials:
            self.add(x)

    def add(self, x: float) -> None:
        if not math.isfinite(x):
            return
        i = 0
        for y in self.partials:
            if abs(x) < abs(y):
                x, y = y, x
            hi = x + y
            lo = y - (hi - x)
            if lo:
                self.partials[i] = lo
                i += 1
            x = hi
        self.partials[i:] = [x]

    def merge(self, other: ExactSum) -> None:
        for x in other.partials:
            self.add(x)

    @property
    def value(self) -> float:
        return math.fsum(self.partials)


@dataclass
class Mean:
    """A mean of the values given (missing values are left out)."""

    total: ExactSum = field(default_factory=ExactSum)
    n: int = 0

    def add(self, value: Any) -> None:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            self.total.add(float(value))
            self.n += 1

    def merge(self, other: Mean) -> None:
        self.total.merge(other.total)
        self.n += other.n

    @property
    def value(self) -> float | None:
        return self.total.value / self.n if self.n else None

    def to_json(self) -> list[Any]:
        return [self.n, list(self.total.partials)]

    @classmethod
    def from_json(cls, data: Sequence[Any]) -> Mean:
        return cls(ExactSum(data[1]), int(data[0]))


_COUNTS = (
    "articles",
    "findings",
    "words_narration",
    "words_headline",
    "words_quote",
    "words_reported",
    "loaded_own",
    "loaded_quoted",
    "loaded_reported",
    "loaded_own_words",
    "loaded_quoted_words",
    "loaded_reported_words",
    "attributions",
    "named",
    "unnamed",
)
_ROW_COUNTS = {
    "words_narration": "words_narration",
    "words_headline": "words_headline",
    "words_quote": "words_quote",
    "words_reported": "words_reported",
    "loaded_own": "loaded.own",
    "loaded_quoted": "loaded.quoted",
    "loaded_reported": "loaded.reported",
    "loaded_own_words": "loaded.own_words",
    "loaded_quoted_words": "loaded.quoted_words",
    "loaded_reported_words": "loaded.reported_words",
    "attributions": "sourcing.attributions",
    "named": "sourcing.named",
    "unnamed": "sourcing.unnamed",
}
_MEANS = {
    "loaded_per_1000_own_mean": ("loaded.per_1000_own", "loaded.own_words"),
    "loaded_per_1000_quoted_mean": ("loaded.per_1000_quoted", "loaded.quoted_words"),
    "loaded_per_1000_reported_mean": ("loaded.per_1000_reported", "loaded.reported_words"),
    "reading_ease_mean": ("readability.flesch_reading_ease", "readability.counts.words"),
    "grade_mean": ("readability.flesch_kincaid_grade", "readability.counts.words"),
    "tone_own_mean": ("tone.own", None),
}

#: The columns of the group table, in order.
GROUP_COLUMNS = (
    "group",
    "articles",
    "words",
    "findings",
    *_COUNTS[2:],
    "loaded_per_1000_own",
    "loaded_per_1000_quoted",
    "loaded_per_1000_reported",
    *_MEANS,
    "named_share",
    "top_categories",
    "primary_frame",
    "primary_frame_share",
)


def _int(value: Any) -> int:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def _rate(count: int, words: int) -> float | None:
    return 1000.0 * count / words if words else None


def sample_key(article_id: Any, index: Any) -> str:
    """The article's place in the deterministic sample: a hash of its id and position."""
    return hashlib.sha256(f"{article_id}\0{index}".encode("utf-8", "surrogatepass")).hexdigest()[:20]


@dataclass
class GroupStats:
    """What a group of articles adds up to."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_COUNTS, 0))
    means: dict[str, Mean] = field(default_factory=lambda: {k: Mean() for k in _MEANS})
    categories: Counter[str] = field(default_factory=Counter)
    frames: Counter[str] = field(default_factory=Counter)
    sample: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self, row: Mapping[str, Any], findings: int, own_categories: Counter[str], item: dict[str, Any]
    ) -> None:
        c = self.counts
        c["articles"] += 1
        c["findings"] += findings
        for key, column in _ROW_COUNTS.items():
            c[key] += _int(row.get(column))
        for key, (column, words) in _MEANS.items():
            if words is None or _int(row.get(words)) > 0:
                self.means[key].add(row.get(column))
        self.categories.update(own_categories)
        if row.get("frames.primary"):
            self.frames[str(row["frames.primary"])] += 1
        self._offer([item])

    def _offer(self, items: Iterable[dict[str, Any]]) -> None:
        merged = self.sample + list(items)
        merged.sort(key=lambda s: s["key"])
        self.sample = merged[:SAMPLE_SIZE]

    def merge(self, other: GroupStats) -> None:
        for key, n in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + n
        for key, mean in other.means.items():
            self.means.setdefault(key, Mean()).merge(mean)
        self.categories.update(other.categories)
        self.frames.update(other.frames)
        self._offer(other.sample)

    def to_json(self) -> dict[str, Any]:
        return {
            "counts": dict(self.counts),
            "means": {k: m.to_json() for k, m in self.means.items()},
            "categories": dict(sorted(self.categories.items())),
            "frames": dict(sorted(self.frames.items())),
            "sample": self.sample,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> GroupStats:
        stats = cls()
        stats.counts.update({k: int(v) for k, v in data["counts"].items()})
        stats.means.update({k: Mean.from_json(v) for k, v in data["means"].items()})
        stats.categories.update(data["categories"])
        stats.frames.update(data["frames"])
        stats.sample = list(data["sample"])
        return stats

    def top_categories(
        self, labels: Mapping[str, str], n: int = TOP_CATEGORIES
    ) -> list[tuple[str, str, int]]:
        ranked = sorted(self.categories.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        return [(cat, labels.get(cat, cat), count) for cat, count in ranked]

    def primary_frame(self) -> tuple[str | None, float | None]:
        if not self.frames:
            return None, None
        frame, n = sorted(self.frames.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        return frame, n / self.counts["articles"]

    def to_row(
        self, group: str | None, labels: Mapping[str, str], frame_labels: Mapping[str, str]
    ) -> dict[str, Any]:
        """One row of the group table."""
        c = self.counts
        named, unnamed = c["named"], c["unnamed"]
        frame, share = self.primary_frame()
        row: dict[str, Any] = {
            "group": group,
            "articles": c["articles"],
            "words": c["words_narration"] + c["words_headline"] + c["words_quote"] + c["words_reported"],
            "findings": c["findings"],
        }
        row.update({k: c[k] for k in _COUNTS[2:]})
        row["loaded_per_1000_own"] = _rate(c["loaded_own"], c["loaded_own_words"])
        row["loaded_per_1000_quoted"] = _rate(c["loaded_quoted"], c["loaded_quoted_words"])
        row["loaded_per_1000_reported"] = _rate(c["loaded_reported"], c["loaded_reported_words"])
        row.update({k: self.means[k].value for k in _MEANS})
        row["named_share"] = named / (named + unnamed) if named + unnamed else None
        row["top_categories"] = "; ".join(f"{label} ({n})" for _, label, n in self.top_categories(labels))
        row["primary_frame"] = frame_labels.get(frame, frame) if frame else None
        row["primary_frame_share"] = share
        return row


def _own_categories(findings: Sequence[Sequence[Any]]) -> Counter[str]:
    return Counter(
        str(f[_CATEGORY]) for f in findings if f[_ANALYZER] == "loaded" and f[_VOICE] in _OWN and f[_CATEGORY]
    )


def _sample_item(row: Mapping[str, Any], findings: Sequence[Sequence[Any]]) -> dict[str, Any]:
    terms: list[str] = []
    for f in findings:
        if f[_ANALYZER] == "loaded" and f[_VOICE] in _OWN and f[_TEXT] not in terms:
            terms.append(f[_TEXT])
            if len(terms) == 5:
                break
    return {
        "key": sample_key(row.get("id"), row.get("index")),
        "index": row.get("index"),
        "id": row.get("id"),
        "title": row.get("title"),
        "outlet": row.get("outlet"),
        "date": row.get("date"),
        "url": row.get("url"),
        "words": sum(_int(row.get(f"words_{v}")) for v in ("narration", "headline", "quote", "reported")),
        "loaded_own": row.get("loaded.own"),
        "loaded_per_1000_own": row.get("loaded.per_1000_own"),
        "named": row.get("sourcing.named"),
        "unnamed": row.get("sourcing.unnamed"),
        "tone_own": row.get("tone.own"),
        "reading_ease": row.get("readability.flesch_reading_ease"),
        "primary_frame": row.get("frames.primary_label"),
        "own_loaded_terms": terms,
    }


@dataclass
class Aggregate:
    """Every group's statistics, the corpus's, and the labels of what they count."""

    groups: dict[str | None, GroupStats] = field(default_factory=dict)
    total: GroupStats = field(default_factory=GroupStats)
    labels: dict[str, str] = field(default_factory=dict)
    frame_labels: dict[str, str] = field(default_factory=dict)

    def add(self, row: Mapping[str, Any], findings: Sequence[Sequence[Any]]) -> None:
        """Count one article (its row, with ``index`` set, and its finding tuples)."""
        own = _own_categories(findings)
        for f in findings:
            if f[_ANALYZER] == "loaded" and f[_CATEGORY] and f[_CATEGORY] not in self.labels:
                self.labels[str(f[_CATEGORY])] = str(f[_LABEL] or f[_CATEGORY])
        if row.get("frames.primary") and row["frames.primary"] not in self.frame_labels:
            self.frame_labels[str(row["frames.primary"])] = str(
                row.get("frames.primary_label") or row["frames.primary"]
            )
        item = _sample_item(row, findings)
        group = row.get("group")
        self.groups.setdefault(group, GroupStats()).add(row, len(findings), own, dict(item))
        self.total.add(row, len(findings), own, item)

    def merge(self, other: Aggregate) -> None:
        for group, stats in other.groups.items():
            self.groups.setdefault(group, GroupStats()).merge(stats)
        self.total.merge(other.total)
        for k, v in other.labels.items():
            self.labels.setdefault(k, v)
        for k, v in other.frame_labels.items():
            self.frame_labels.setdefault(k, v)

    def ordered(self) -> list[tuple[str | None, GroupStats]]:
        """Groups by name, the group without a value last."""
        return sorted(self.groups.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))

    def rows(self) -> list[dict[str, Any]]:
        """The group table."""
        return [stats.to_row(group, self.labels, self.frame_labels) for group, stats in self.ordered()]

    def to_json(self) -> dict[str, Any]:
        return {
            "groups": [[group, stats.to_json()] for group, stats in self.ordered()],
            "total": self.total.to_json(),
            "labels": dict(sorted(self.labels.items())),
            "frame_labels": dict(sorted(self.frame_labels.items())),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Aggregate:
        return cls(
            groups={group: GroupStats.from_json(stats) for group, stats in data["groups"]},
            total=GroupStats.from_json(data["total"]),
            labels=dict(data["labels"]),
            frame_labels=dict(data["frame_labels"]),
        )
