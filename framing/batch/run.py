"""Running a batch: read in chunks, analyse in this process or in workers, write in order.

The reader cuts the input into chunks; the chunks are analysed here (``jobs=1``), in
``jobs`` worker processes started with the ``forkserver`` (or ``spawn``) method, or on
a Dask cluster; the results are written in chunk order by this process, so the output
is the same whatever does the analysing. At most ``2 x workers`` chunks are in flight,
so memory does not grow with the corpus.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import sys
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..errors import FramingError, InputWarning, UsageError
from ..lexicon import Lexicon
from ..pipeline import Pipeline, Settings
from ..sources import ReadOptions
from ._deps import need_pyarrow
from .inputs import chunks, describe_inputs
from .progress import Progress
from .schema import Schema, article_schema
from .summary import build_summary, render_summary_html
from .worker import ChunkResult, WorkSpec, analyze_chunk, init_process, pipeline_for, run_in_process
from .writer import RunFolder, fingerprint

__all__ = ["ENGINES", "BatchResult", "run_batch"]

ENGINES = ("local", "dask")
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
        resumed = f" ({self.resumed_chunks} chunk(s) done before)" if self.resumed_chunks else ""
        errors = f"; {self.errors:,} record(s) in errors.jsonl" if self.errors else ""
        return (
            f"{self.articles:,} article(s), {self.findings:,} finding(s) in {self.groups:,} group(s) "
            f"written to {self.out} in {self.chunks} chunk(s){resumed}{errors}"
        )


class _Future(Protocol):
    def result(self) -> Any: ...


@dataclass
class _Done:
    value: Any

    def result(self) -> Any:
        return self.value


def ordered(submit: Callable[[_T], _Future], items: Iterable[_T], window: int) -> Iterator[Any]:
    """Results in input order, with at most ``window`` chunks submitted and not yet taken."""
    pending: deque[_Future] = deque()
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
        "read_options": dataclasses.asdict(read_options),
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


def _start_method() -> str:
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _stop(executor: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the worker processes now (after Ctrl-C)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())  # no public way before 3.14
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


def run_batch(
    inputs: str | Path | Sequence[str | Path],
    out: str | Path,
    *,
    jobs: int = 1,
    settings: Settings | None = None,
    read_options: ReadOptions | None = None,
    group_by: str = "outlet",
    chunk_size: int = 500,
    overwrite: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    client: Any = None,
    progress: bool = False,
    log: Callable[[str], None] | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> BatchResult:
    """Analyse every article of ``inputs`` (files and folders) into the folder ``out``.

    Writes one row per article and per finding (Parquet and CSV), per-group aggregates
    and a corpus summary (JSON and HTML); see :mod:`framing.batch.writer` for the
    layout. The run is resumable: run the same call again after a crash or Ctrl-C and it
    goes on where it stopped. A folder holding a run with other inputs or settings is
    refused (:class:`UsageError`) unless ``overwrite``.

    ``jobs`` worker processes analyse chunks of ``chunk_size`` articles; with
    ``engine="dask"`` the chunks go to the Dask cluster at ``scheduler`` (or ``client``)
    instead, and this process still reads the input and writes the output. The output
    is the same for any ``jobs`` and either engine. ``progress`` draws a progress bar on
    stderr; ``log`` receives one-line notes (resuming, input warnings); ``on_chunk`` is
    called with each chunk's index once it is written.
    """
    started = time.monotonic()
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; choose from: {', '.join(ENGINES)}")
    paths = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    if not paths:
        raise UsageError("give at least one input file or folder")
    options = read_options or ReadOptions()
    pipeline, schema, spec = prepare(
        settings, group_by=group_by, text_field=options.text_field, chunk_size=chunk_size, jobs=jobs
    )
    files = describe_inputs(paths)
    listing = [f.to_dict() for f in files]
    key = run_key(
        pipeline,
        {
            "paths": [str(p) for p in paths],
            "files": len(files),
            "bytes": sum(f.bytes for f in files),
            "sha256": fingerprint({"files": listing}),
        },
        read_options=options,
        chunk_size=chunk_size,
        group_by=group_by,
    )
    note = log or (lambda message: None)
    folder = RunFolder(Path(out), key, schema, overwrite=overwrite, log=note, inputs=listing)
    done = folder.open()

    def warn(problem: InputWarning) -> None:
        if log is None:
            warnings.warn(problem, stacklevel=2)
        else:
            log(f"warning: {problem}")

    bar = Progress(
        sys.stderr, total=sum(f.records for f in files), done=folder.positions_done, enabled=progress
    )
    todo = (c for c in chunks(paths, options, chunk_size, warn=warn) if c.index >= done)
    try:
        if engine == "dask":
            from .dask_engine import dask_results

            results = dask_results(todo, spec, scheduler=scheduler, client=client)
            _write(folder, results, bar, on_chunk)
        elif jobs == 1:
            pipeline_for(spec, pipeline)
            _write(folder, ordered(lambda c: _Done(analyze_chunk(spec, c)), todo, 1), bar, on_chunk)
        else:
            executor = ProcessPoolExecutor(
                max_workers=jobs,
                mp_context=multiprocessing.get_context(_start_method()),
                initializer=init_process,
                initargs=(dataclasses.replace(spec, settings=portable(spec.settings)),),
            )
            try:
                _write(
                    folder,
                    ordered(lambda c: executor.submit(run_in_process, c), todo, 2 * jobs),
                    bar,
                    on_chunk,
                )
            except BaseException:
                _stop(executor)
                raise
            executor.shutdown(wait=True)
    except KeyboardInterrupt:
        bar.close()
        note(
            f"interrupted: {folder.chunks_done} chunk(s) are written in {folder.out}; run the same command again to resume"
        )
        raise
    except BrokenProcessPool as exc:
        bar.close()
        raise FramingError(
            f"a worker process stopped unexpectedly ({exc}); {folder.chunks_done} chunk(s) are written in "
            f"{folder.out}: run the same command again to resume"
        ) from None
    bar.close()
    return finish(folder, started, done)


def _write(
    folder: RunFolder,
    results: Iterable[ChunkResult],
    bar: Progress,
    on_chunk: Callable[[int], None] | None,
    cursor: Callable[[ChunkResult], Any] | None = None,
) -> None:
    for result in results:
        folder.commit(result, cursor=cursor(result) if cursor else None)
        bar.advance(len(result.items))
        if on_chunk is not None:
            on_chunk(result.index)
