"""The work itself: articles in, table rows out, one chunk or partition at a time.

Everything here runs wherever the analysis runs (this process, a worker process, a
Dask worker) and deals in small picklable values: a :class:`WorkSpec` saying what to
run, :class:`Chunk` in, :class:`ChunkResult` out. Each process builds one
:class:`~framing.pipeline.Pipeline` for a spec and keeps it.
"""

from __future__ import annotations

import gc
import hashlib
import json
import signal
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..article import Article
from ..errors import InputError
from ..pipeline import Pipeline, Settings
from ..sources import METADATA_FIELDS
from .schema import FINDING_COLUMNS, Column, coerce, metric_values

__all__ = [
    "ArticleResult",
    "Chunk",
    "ChunkResult",
    "Failure",
    "WorkSpec",
    "analyze_chunk",
    "analyze_one",
    "group_value",
    "pipeline_for",
]


@dataclass(frozen=True)
class WorkSpec:
    """What to run: the settings, the article table's columns, the group column and
    the text field (left out of the ``meta`` column)."""

    settings: Settings
    columns: tuple[Column, ...]
    group_by: str = "outlet"
    text_field: str = "text"

    @property
    def key(self) -> str:
        """Identifies the pipeline these settings build (for the per-process cache)."""
        text = repr((self.settings.to_dict(), [str(x) for x in self.settings.lexicons]))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Failure:
    """A record that could not be read or analysed: it goes to the errors file."""

    id: str | None
    source: str | None
    reason: str
    stage: str  # "input" or "analysis"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "reason": self.reason, "stage": self.stage}

    @classmethod
    def from_input_error(cls, exc: InputError) -> Failure:
        where = exc.source if exc.record is None else f"{exc.source}, {exc.record}"
        return cls(None, where, exc.reason, "input")


@dataclass
class ArticleResult:
    """One analysed article: its row (column name to value, the article columns in
    order) and its findings (tuples in :data:`FINDING_COLUMNS` order, without the
    article index, which is filled in when the chunk is written)."""

    row: dict[str, Any]
    findings: list[tuple[Any, ...]]


@dataclass
class Chunk:
    """Up to ``chunk_size`` articles in input order, and the input problems met while
    reading them. ``start`` is the input position of the first article."""

    index: int
    start: int
    articles: list[Article] = field(default_factory=list)
    problems: list[Failure] = field(default_factory=list)


@dataclass
class ChunkResult:
    """The analysed chunk: one entry per article, in order (a result or a failure),
    then the chunk's input problems."""

    index: int
    start: int
    items: list[ArticleResult | Failure]
    problems: list[Failure]


_PIPELINES: dict[str, Pipeline] = {}
_LOCK = threading.Lock()


def pipeline_for(spec: WorkSpec, pipeline: Pipeline | None = None) -> Pipeline:
    """This process's pipeline for ``spec``, built the first time it is asked for (or
    the ``pipeline`` given, which is kept for it)."""
    key = spec.key
    with _LOCK:
        if pipeline is not None:
            _PIPELINES[key] = pipeline
        found = _PIPELINES.get(key)
        if found is None:
            found = _PIPELINES[key] = Pipeline(spec.settings)
        return found


def group_value(article: Article, group_by: str) -> str | None:
    """The article's value in the group column: a metadata field or any other field
    of its record."""
    if group_by in METADATA_FIELDS:
        value = getattr(article, group_by)
    else:
        value = article.meta.get(group_by)
    return value or None


_FINDING_FIELDS = tuple(c.name for c in FINDING_COLUMNS[2:])


def analyze_one(pipeline: Pipeline, spec: WorkSpec, article: Article) -> ArticleResult | Failure:
    """Analyse one article into its table rows, or a failure naming what went wrong."""
    try:
        analysis = pipeline.analyze(article)
        base = analysis.to_row()
        metrics = metric_values(analysis)
        row: dict[str, Any] = {
            "index": None,
            "id": article.id,
            "outlet": article.outlet,
            "title": article.title,
            "date": article.date,
            "url": article.url,
            "source": article.source,
            "group": group_value(article, spec.group_by),
            "meta": {k: v for k, v in sorted(article.meta.items()) if k != spec.text_field},
        }
        for column in spec.columns:
            if column.name in row:
                continue
            if column.name.startswith("words_"):
                value = base.get(column.name)
            else:
                value = metrics.get(column.name)
            row[column.name] = coerce(value, column)
        row["meta"] = coerce(row["meta"], Column("meta", "json"))
        findings = [
            (
                article.id,
                f.start,
                f.end,
                f.text,
                f.analyzer,
                f.category,
                f.category_label,
                f.voice,
                f.speaker,
                f.term,
                f.weight,
                f.detail,
                f.lexicon_id,
                f.lexicon_version,
                f.origin,
                f.actor,
            )
            for f in analysis.findings
        ]
    except Exception as exc:  # one failing article must not stop the run
        return Failure(
            article.id, article.source, f"analysis failed: {type(exc).__name__}: {exc}", "analysis"
        )
    return ArticleResult(row, findings)


def analyze_chunk(spec: WorkSpec, chunk: Chunk) -> ChunkResult:
    """Analyse every article of a chunk with this process's pipeline."""
    pipeline = pipeline_for(spec)
    items = [analyze_one(pipeline, spec, article) for article in chunk.articles]
    return ChunkResult(chunk.index, chunk.start, items, list(chunk.problems))


def analyze_records(
    spec: WorkSpec, records: Iterable[Any], where: str, *, skip: int = 0
) -> list[tuple[int, ArticleResult | Failure]]:
    """Analyse the records of a Dask partition (Articles, record mappings or texts),
    numbered from 1, leaving out the first ``skip`` (done before a resumption).

    A record that cannot become an article (no text, an unknown type) is a failure of
    stage ``input`` and, as in the file readers, takes no place in the article order.
    """
    from ..sources import article_from_record

    pipeline = pipeline_for(spec)
    out: list[tuple[int, ArticleResult | Failure]] = []
    for n, record in enumerate(records, start=1):
        if n <= skip:
            continue
        source = f"{where}, record {n}"
        if isinstance(record, Article):
            article = record
        elif isinstance(record, str):
            article = Article(record, source=source)
        elif isinstance(record, Mapping):
            try:
                article = article_from_record(
                    _plain_record(record), text_field=spec.text_field, default_id="", source=source
                )
            except InputError as exc:
                out.append((n, Failure.from_input_error(exc)))
                continue
        else:
            out.append((n, Failure(None, source, f"is a {type(record).__name__}, not a record", "input")))
            continue
        out.append((n, analyze_one(pipeline, spec, article)))
    return out


def _plain_record(record: Mapping[Any, Any]) -> dict[str, Any]:
    """A record from a data frame or bag with missing values as None and numpy or
    pandas scalars as plain Python values."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        out[str(key)] = _plain_value(value)
    return out


def _plain_value(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return None if value != value else value  # NaN marks a missing value
    if isinstance(value, (list, tuple)):
        return [_plain_value(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain_value(v) for k, v in value.items()}
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    item = getattr(value, "item", None)
    if callable(item) and not hasattr(value, "isoformat"):
        try:
            return _plain_value(item())
        except (TypeError, ValueError):
            pass
    return value


def failures_to_jsonl(failures: Sequence[Failure]) -> str:
    """Failures as JSON lines with sorted keys."""
    return "".join(json.dumps(f.to_dict(), ensure_ascii=False, sort_keys=True) + "\n" for f in failures)


# -- worker processes -------------------------------------------------------------

_SPEC: WorkSpec | None = None


def init_process(spec: WorkSpec) -> None:
    """Pool initializer: remember the spec and build the pipeline once.

    The pipeline reads one short text first, so that its lexicons, matchers and model
    are loaded, and then the garbage collector is told to leave everything that exists
    so far alone (``gc.freeze``): those objects live as long as the worker, and scanning
    them again and again cost about 5% of the analysis time.

    A worker leaves Ctrl-C to the process that started it (which stops the workers and
    says once what is kept), so that it prints no traceback of its own."""
    global _SPEC
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _SPEC = spec
    pipeline_for(spec).analyze(Article("The council met on Monday, officials said.", id="warm-up"))
    gc.freeze()


def run_in_process(chunk: Chunk) -> ChunkResult:
    """A pool task: analyse one chunk with the spec given at start-up."""
    if _SPEC is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("the worker process was not initialised")
    return analyze_chunk(_SPEC, chunk)
