"""The Dask engine: the same analysis, partition by partition, on a Dask cluster.

Two ways in:

- ``run_batch(paths, out, engine="dask", scheduler=ADDRESS)`` (``framing batch
  --engine dask``): this process reads the files and cuts the chunks, the cluster's
  workers analyse them, and this process writes the output, so the inputs and the
  output folder need only be reachable from here.
- :func:`run_dask` takes a Dask bag (of Articles, record mappings or texts) or a Dask
  data frame with a text column: each partition is analysed on a worker, the results
  come back here in partition order and are cut into the same chunks as a local run.

Either way the output is the one a local run writes. Workers need framing installed
(the same version); each builds its pipeline once and keeps it.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from ..pipeline import Settings
from ..plural import count, plural
from ..sources import ReadOptions
from ._deps import need_dask, need_distributed
from .commit import BatchResult, Done, commit, finish, ordered, portable, prepare, run_key
from .progress import Progress
from .worker import ArticleResult, Chunk, ChunkResult, Failure, WorkSpec, analyze_chunk, analyze_records
from .writer import RunFolder

__all__ = ["dask_results", "run_dask"]


def _client(scheduler: str | None, client: Any) -> tuple[Any, bool]:
    """The client to use and whether this module opened it (and so closes it)."""
    if client is not None:
        return client, False
    if scheduler:
        distributed = need_distributed()
        try:
            return distributed.Client(scheduler), True
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler!r} ({exc})") from None
    try:
        distributed = need_distributed()
        return distributed.get_client(), False
    except (ValueError, ImportError):
        return None, False


def _window(client: Any) -> int:
    try:
        threads = sum(client.nthreads().values())
    except Exception:
        threads = 1
    return 2 * max(1, threads)


def dask_results(
    chunks: Iterable[Chunk], spec: WorkSpec, *, scheduler: str | None = None, client: Any = None
) -> Iterator[ChunkResult]:
    """Chunks analysed on the cluster at ``scheduler`` (or by ``client``), in order."""
    need_dask()
    cluster, own = _client(scheduler, client)
    if cluster is None:
        raise UsageError("the dask engine needs a cluster: give the scheduler's address with --scheduler")
    remote = dataclasses.replace(spec, settings=portable(spec.settings))
    try:
        yield from ordered(
            lambda chunk: cluster.submit(analyze_chunk, remote, chunk, pure=False), chunks, _window(cluster)
        )
    finally:
        if own:
            cluster.close()


def _partition(part: Any, spec: WorkSpec, number: int, frame: bool, skip: int) -> list[tuple[int, Any]]:
    """Runs on a worker: one partition's records analysed, numbered from 1."""
    records = part.to_dict(orient="records") if frame else part
    return analyze_records(spec, records, f"dask partition {number}", skip=skip)


def _rechunk(
    partitions: Iterator[tuple[int, list[tuple[int, Any]]]],
    chunk_size: int,
    *,
    index: int,
    start: int,
    end: list[int],
) -> Iterator[tuple[ChunkResult, list[int]]]:
    """Partition results cut into chunks of ``chunk_size`` articles, each with the
    cursor after its last article (partition, record), where a resumed run goes on."""
    items: list[ArticleResult | Failure] = []
    problems: list[Failure] = []
    cursor: list[int] = []
    for number, records in partitions:
        for n, item in records:
            if isinstance(item, Failure) and item.stage == "input":
                problems.append(item)
                continue
            items.append(item)
            cursor = [number, n]
            if len(items) >= chunk_size:
                yield ChunkResult(index, start, items, problems), cursor
                index += 1
                start += len(items)
                items, problems = [], []
    if items or problems:
        yield ChunkResult(index, start, items, problems), end


def run_dask(
    collection: Any,
    out: str | Path,
    *,
    client: Any = None,
    scheduler: str | None = None,
    settings: Settings | None = None,
    text_field: str = "text",
    group_by: str = "outlet",
    chunk_size: int = 500,
    overwrite: bool = False,
    progress: bool = False,
    log: Callable[[str], None] | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> BatchResult:
    """Analyse a Dask bag or data frame into the folder ``out``, like :func:`run_batch`.

    A bag may hold :class:`~framing.article.Article` objects, record mappings (a text
    field named ``text_field`` and any of ``id``, ``outlet``, ``title``, ``date``,
    ``url`` and other fields) or plain texts; a data frame needs a ``text_field`` column.
    The partitions are analysed on the cluster of ``client`` (or at ``scheduler``, or
    the current client; without one, by Dask's local scheduler) and written here in
    partition order, in chunks of ``chunk_size`` articles. The run resumes like a local
    one as long as Dask gives the collection the same token.
    """
    dask = need_dask()
    started = time.monotonic()
    frame = hasattr(collection, "columns") and hasattr(collection, "map_partitions")
    if not frame and not hasattr(collection, "to_delayed"):
        raise UsageError(f"run_dask takes a dask bag or a dask data frame, not {type(collection).__name__}")
    if frame and text_field not in collection.columns:
        raise InputError(
            f"the data frame has no {text_field!r} column (columns: {', '.join(map(str, collection.columns))}); "
            "name the text column with text_field"
        )
    pipeline, schema, spec = prepare(
        settings, group_by=group_by, text_field=text_field, chunk_size=chunk_size, jobs=1
    )
    parts = list(collection.to_delayed())
    key = run_key(
        pipeline,
        {
            "dask": dask.base.tokenize(collection),
            "partitions": len(parts),
            "kind": "dataframe" if frame else "bag",
        },
        read_options=ReadOptions(text_field=text_field),
        chunk_size=chunk_size,
        group_by=group_by,
    )
    note = log or (lambda message: None)
    folder = RunFolder(Path(out), key, schema, overwrite=overwrite, log=note)
    done = folder.open()
    first_part, skip = folder.cursor or (0, 0)
    if folder.chunks_done == 0:
        first_part, skip = 0, 0
    cluster, own = _client(scheduler, client)
    remote = dataclasses.replace(spec, settings=portable(spec.settings)) if cluster is not None else spec
    task = dask.delayed(_partition, pure=True)

    def submit(number: int) -> Any:
        job = task(parts[number], remote, number, frame, skip if number == first_part else 0)
        if cluster is None:
            return Done((number, job.compute()))
        future = cluster.compute(job)
        return _Numbered(number, future)

    def results() -> Iterator[tuple[int, list[tuple[int, Any]]]]:
        window = _window(cluster) if cluster is not None else 1
        yield from ordered(submit, range(first_part, len(parts)), window)

    bar = Progress(sys.stderr, total=None, done=folder.positions_done, enabled=progress)
    chunked = _rechunk(
        results(), chunk_size, index=folder.chunks_done, start=folder.positions_done, end=[len(parts), 0]
    )
    cursors: dict[int, list[int]] = {}

    def with_cursor() -> Iterator[ChunkResult]:
        for result, cursor in chunked:
            cursors[result.index] = cursor
            yield result

    try:
        commit(folder, with_cursor(), bar, on_chunk, cursor=lambda r: cursors.pop(r.index))
    except KeyboardInterrupt:
        bar.close()
        note(
            f"interrupted: {count(folder.chunks_done, 'chunk')} {plural('is', folder.chunks_done)} written "
            f"in {folder.out}; run again to resume"
        )
        raise
    finally:
        if own:
            cluster.close()
    bar.close()
    return finish(folder, started, done)


@dataclasses.dataclass
class _Numbered:
    number: int
    future: Any

    def result(self) -> tuple[int, Any]:
        return self.number, self.future.result()
