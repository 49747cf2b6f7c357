"""The columns of the article and finding tables: fixed before the first chunk is written.

A batch run writes its tables a chunk at a time, as Parquet files that must share one
schema and as CSV files whose header is written first, so every column and its type is
decided up front, from the settings alone:

- the article's metadata and word counts by voice, from :meth:`ArticleAnalysis.to_row`;
- every metric, with its kind, from the fields of each analyser's metrics type
  (:func:`framing.metrics.metric_columns`; the registry names the type of each
  analyser): groups of fixed keys are flattened to dotted names
  (``loaded.per_1000_by_voice.quote``), a table whose keys depend on the text
  (``loaded.by_category``, ``loaded.by_speaker``, ``labels.concepts``...) is one column
  holding JSON text with sorted keys, and lists (speakers, tone pieces, actors) are left
  out: the findings table holds the evidence. An analyser that returns a plain dict
  (no metrics type) has no columns.

Nothing is analysed to find them, so they do not depend on the corpus.
"""

from __future__ import annotations

import json
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
    Column("actor", "str"),
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


def article_schema(pipeline: Pipeline) -> Schema:
    """The article table's columns for this pipeline (the same for every corpus)."""
    from ..analyzers import ANALYZERS
    from ..metrics import metric_columns
    from ..text.document import VOICES

    words = tuple(Column(f"words_{voice}", "int", ("words", voice)) for voice in VOICES)
    metrics = tuple(
        Column(f"{name}.{column}", kind, (name, *column.split(".")))
        for name in pipeline.settings.analyzers
        for column, kind in metric_columns(ANALYZERS[name].metrics)
    )
    return Schema(words=words, metrics=metrics)


def coerce(value: Any, column: Column) -> Any:
    """``value`` as its column stores it, or :class:`SchemaError`."""
    if value is None:
        return None
    kind = column.kind
    if kind == "json":
        # a metric's table comes as JSON text already (Metrics.to_row)
        return (
            value
            if isinstance(value, str)
            else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        )
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


def metric_values(analysis: ArticleAnalysis) -> dict[str, Any]:
    """Every metric column's value for one analysis, by column name."""
    return {
        f"{name}.{key}": value for name, m in analysis.metrics.items() for key, value in m.to_row().items()
    }
