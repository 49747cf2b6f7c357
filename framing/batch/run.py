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
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from ..errors import FramingError, InputWarning, UsageError
from ..pipeline import Settings
from ..plural import count, plural
from ..sources import ReadOptions
from .commit import BatchResult, Done, commit, finish, ordered, portable, prepare, run_key
from .inputs import chunks, describe_inputs
from .progress import Progress
from .worker import analyze_chunk, init_process, pipeline_for, run_in_process
from .writer import RunFolder, fingerprint

__all__ = ["ENGINES", "run_batch"]

ENGINES = ("local", "dask")


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
            commit(folder, results, bar, on_chunk)
        elif jobs == 1:
            pipeline_for(spec, pipeline)
            commit(folder, ordered(lambda c: Done(analyze_chunk(spec, c)), todo, 1), bar, on_chunk)
        else:
            executor = ProcessPoolExecutor(
                max_workers=jobs,
                mp_context=multiprocessing.get_context(_start_method()),
                initializer=init_process,
                initargs=(dataclasses.replace(spec, settings=portable(spec.settings)),),
            )
            try:
                commit(
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
            f"interrupted: {count(folder.chunks_done, 'chunk')} {plural('is', folder.chunks_done)} written in "
            f"{folder.out}; run the same command again to resume"
        )
        raise
    except BrokenProcessPool as exc:
        bar.close()
        raise FramingError(
            f"a worker process stopped unexpectedly ({exc}); {count(folder.chunks_done, 'chunk')} "
            f"{plural('is', folder.chunks_done)} written in "
            f"{folder.out}: run the same command again to resume"
        ) from None
    bar.close()
    return finish(folder, started, done)
