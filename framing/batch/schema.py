"""The columns of the article and finding tables: fixed before the first chunk is written.

A batch run writes its tables a chunk at a time, as Parquet files that must share one
schema and as CSV files whose header is written first, so every column and its type is
decided up front, from the settings alone:

- the article's metadata and word counts by voice, from :meth:`ArticleAnalysis.to_row`;
- every scalar metric, with nested dictionaries of scalars flattened to dotted names
  (``loaded.per_1000_by_voice.quote``). Which keys exist is read from the analysis of
  an empty text, so it does not depend on the corpus; a dictionary whose keys depend
  on the text (``loaded.by_category``, ``loaded.by_speaker``, ``labels.concepts``...) is
  one column holding JSON text with sorted keys. Lists (speakers, tone pieces, actors)
  are left out: the findings table holds the evidence.
- each metric's type (integer, number, text) is read from the analysis of a short
  probe text written for this purpose, so that values missing from an empty text
  (tone, the primary frame) get their type too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..results import ArticleAnalysis

__all__ = [
    "ARTICLE_FIELDS",
    "FINDING_COLUMNS",
    "Column",
    "Schema",
    "SchemaError",
    "article_schema",
    "coerce",
]

KINDS = ("int", "float", "str", "json")


@dataclass(frozen=True)
class Column:
    """A column: its name, its kind (int, float, str or json) and, for a metric, the
    path of keys to it in ``ArticleAnalysis.metrics``."""

    name: str
    kind: str
    path: tuple[str, ...] = ()


class SchemaError(ValueError):
    """A value does not fit its column (an analyser returned a type it did not promise)."""


#: The article columns that come before the word counts and metrics.
ARTICLE_FIELDS = (
    Column("index", "int"),
    Column("id", "str"),
    Column("outlet", "str"),
    Column("title", "str"),
    Column("date", "str"),
    Column("url", "str"),
    Column("source", "str"),
    Column("group", "str"),
    Column("meta", "json"),
)

#: One row per finding.
FINDING_COLUMNS = (
    Column("article_index", "int"),
    Column("article_id", "str"),
    Column("start", "int"),
    Column("end", "int"),
    Column("text", "str"),
    Column("analyzer", "str"),
    Column("category", "str"),
    Column("category_label", "str"),
    Column("voice", "str"),
    Column("speaker", "str"),
    Column("term", "str"),
    Column("weight", "int"),
    Column("detail", "str"),
    Column("lexicon_id", "str"),
    Column("lexicon_version", "str"),
    Column("origin", "str"),
)

#: Written for typing the metrics: headline, narration, a quotation with a named speaker,
#: an unnamed source, reported speech, loaded words and frame cues.
PROBE_TEXT = (
    "Police Clash With Rioters as Budget Crisis Deepens\n\n"
    "Rioters brutalized the town on Tuesday while officials squashed dissent, and the economy suffered.\n"
    '"We will not back down from this reckless plan," Mayor Jane Ortiz said. Critics claimed that the '
    "so-called reform was a disaster for taxpayers and families.\n"
    "According to a senior official, the court may rule on the law next week. Some experts said the "
    "cost could reach $2 billion.\n"
)


@dataclass(frozen=True)
class Schema:
    """The article table's columns (the finding table's are fixed)."""

    words: tuple[Column, ...]
    metrics: tuple[Column, ...]

    @property
    def article_columns(self) -> tuple[Column, ...]:
        return ARTICLE_FIELDS + self.words + self.metrics

    @property
    def finding_columns(self) -> tuple[Column, ...]:
        return FINDING_COLUMNS

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": [{"name": c.name, "kind": c.kind} for c in self.article_columns],
            "findings": [{"name": c.name, "kind": c.kind} for c in self.finding_columns],
        }


def _kind(value: Any) -> str | None:
    if isinstance(value, bool) or isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return None


def _walk(
    shape: Mapping[str, Any], typed: Mapping[str, Any] | None, path: tuple[str, ...]
) -> Iterable[Column]:
    for key, value in shape.items():
        here = (*path, str(key))
        other = typed.get(key) if isinstance(typed, Mapping) else None
        if isinstance(value, Mapping):
            if value:
                yield from _walk(value, other if isinstance(other, Mapping) else None, here)
            else:
                yield Column(".".join(here), "json", here)
        elif isinstance(value, (list, tuple)):
            continue
        else:
            kind = _kind(value)
            if kind is None or (kind == "int" and isinstance(other, float)):
                kind = _kind(other) or "str"
            yield Column(".".join(here), kind, here)


def article_schema(pipeline: Pipeline) -> Schema:
    """The article table's columns for this pipeline (the same for every corpus)."""
    empty = pipeline.analyze("")
    probe = pipeline.analyze(PROBE_TEXT)
    words = tuple(Column(f"words_{voice}", "int", ("words", voice)) for voice in empty.words)
    metrics = tuple(
        _walk(
            {k: dict(v) for k, v in empty.metrics.items()}, {k: dict(v) for k, v in probe.metrics.items()}, ()
        )
    )
    return Schema(words=words, metrics=metrics)


def coerce(value: Any, column: Column) -> Any:
    """``value`` as its column stores it, or :class:`SchemaError`."""
    if value is None:
        return None
    kind = column.kind
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if kind == "str":
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    if kind == "float":
        if isinstance(value, (int, float)):
            return float(value)
    elif kind == "int":
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float) and value.is_integer():
            return int(value)
    raise SchemaError(f"column {column.name!r} holds {kind} values, not {type(value).__name__} ({value!r})")


def metric_value(analysis: ArticleAnalysis, row: Mapping[str, Any], column: Column) -> Any:
    """A metric for its column: from ``to_row()`` where it is there, else by its path."""
    if column.name in row:
        return row[column.name]
    value: Any = analysis.metrics
    for key in column.path:
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value
