"""The steps every engine shares: prepare a run, take its chunks in order, commit each
one to the output folder, and finish.

The local engine (:mod:`framing.batch.run`: this process or worker processes) and the
Dask engine (:mod:`framing.batch.dask_engine`) differ only in where chunks are
analysed; both hand the results, in chunk order, to :func:`commit`, which writes each
chunk and records it (:meth:`framing.batch.writer.RunFolder.commit`) so that a run
stopped anywhere resumes after its last whole chunk, and then to :func:`finish`.
"""

from __future__ import annotations

import dataclasses
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..errors import UsageError
from ..lexicon import Lexicon
from ..pipeline import Pipeline, Settings
from ..plural import count
from ..sources import ReadOptions
from ._deps import need_pyarrow
from .progress import Progress
from .schema import Schema, article_schema
from .summary import build_summary, render_summary_html
from .worker import ChunkResult, WorkSpec
from .writer import RunFolder

__all__ = ["BatchResult", "Done", "Future", "commit", "finish", "ordered", "portable", "prepare", "run_key"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class BatchResult:
    """What a batch run did: where its output is and how much it holds."""

    out: Path
    articles: int
    findings: int
    input_errors: int
    analysis_errors: int
    chunks: int
    resumed_chunks: int
    groups: int
    seconds: float

    @property
    def errors(self) -> int:
        return self.input_errors + self.analysis_errors

    def __str__(self) -> str:
        resumed = f" ({count(self.resumed_chunks, 'chunk')} done before)" if self.resumed_chunks else ""
        errors = f"; {count(self.errors, 'record')} in errors.jsonl" if self.errors else ""
        return (
            f"{count(self.articles, 'article')}, {count(self.findings, 'finding')} in "
            f"{count(self.groups, 'group')} written to {self.out} in {count(self.chunks, 'chunk')}{resumed}{errors}"
        )


class Future(Protocol):
    """What :func:`ordered` takes: anything with ``result()``, like a future."""

    def result(self) -> Any: ...


@dataclass
class Done:
    """A result that is already there, taken like a future's."""

    value: Any

    def result(self) -> Any:
        return self.value


def ordered(submit: Callable[[_T], Future], items: Iterable[_T], window: int) -> Iterator[Any]:
    """Results in input order, with at most ``window`` chunks submitted and not yet taken."""
    pending: deque[Future] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def portable(settings: Settings) -> Settings:
    """Settings another process can rebuild: lexicons given as objects become paths."""
    lexicons: list[Lexicon | str | Path] = []
    for item in settings.lexicons:
        if not isinstance(item, Lexicon):
            lexicons.append(item)
        elif item.source.startswith("builtin:") and settings.builtin_lexicons:
            continue  # every process loads the built-in lexicons anyway
        elif Path(item.source).is_file():
            lexicons.append(item.source)
        else:
            raise UsageError(
                f"the lexicon {item.id!r} was not read from a file ({item.source}), so worker processes "
                "cannot load it; save it to a file and pass its path, or run with one job"
            )
    return dataclasses.replace(settings, lexicons=tuple(lexicons))


def prepare(
    settings: Settings | None, *, group_by: str, text_field: str, chunk_size: int, jobs: int
) -> tuple[Pipeline, Schema, WorkSpec]:
    """Check the options, build this process's pipeline and the table schema."""
    need_pyarrow()
    if chunk_size < 1:
        raise UsageError(f"the chunk size must be at least 1, not {chunk_size}")
    if jobs < 1:
        raise UsageError(f"the number of jobs must be at least 1, not {jobs}")
    if not group_by:
        raise UsageError("the group column needs a name (for example outlet)")
    pipeline = Pipeline(settings)
    schema = article_schema(pipeline)
    spec = WorkSpec(pipeline.settings, schema.words + schema.metrics, group_by, text_field)
    return pipeline, schema, spec


def run_key(
    pipeline: Pipeline, inputs: Any, *, read_options: ReadOptions, chunk_size: int, group_by: str
) -> dict[str, Any]:
    """Everything the output depends on (not the number of jobs or the engine)."""
    return {
        "inputs": inputs,
        "pipeline": pipeline.provenance(),
        "read_options": read_options.key(),
        "chunk_size": chunk_size,
        "group_by": group_by,
    }


def finish(folder: RunFolder, started: float, resumed: int) -> BatchResult:
    """Write the group table and the summary; return what the run did."""
    totals = dict(folder.state["totals"])
    summary = build_summary(
        folder.aggregate,
        group_by=folder.run["group_by"],
        totals={
            "articles": totals["articles"],
            "findings": totals["findings"],
            "input_errors": totals["input_errors"],
            "analysis_errors": totals["analysis_errors"],
            "chunks": folder.chunks_done,
        },
        provenance={
            "pipeline": folder.run["pipeline"],
            "inputs": folder.run["inputs"],
            "read_options": folder.run["read_options"],
            "chunk_size": folder.run["chunk_size"],
        },
    )
    folder.finish(summary, render_summary_html(summary))
    return BatchResult(
        out=folder.out,
        articles=totals["articles"],
        findings=totals["findings"],
        input_errors=totals["input_errors"],
        analysis_errors=totals["analysis_errors"],
        chunks=folder.chunks_done,
        resumed_chunks=resumed,
        groups=len(folder.aggregate.groups),
        seconds=time.monotonic() - started,
    )


def commit(
    folder: RunFolder,
    results: Iterable[ChunkResult],
    bar: Progress,
    on_chunk: Callable[[int], None] | None,
    cursor: Callable[[ChunkResult], Any] | None = None,
) -> None:
    """Write and record each chunk's results, in the order given; ``cursor`` gives the
    place in the input a resumed run goes on from (the Dask engine's partition cursor),
    ``on_chunk`` is called with each chunk's index once it is recorded."""
    for result in results:
        folder.commit(result, cursor=cursor(result) if cursor else None)
        bar.advance(len(result.items))
        if on_chunk is not None:
            on_chunk(result.index)
