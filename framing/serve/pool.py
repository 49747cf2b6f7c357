"""Worker processes for the page: many requests at once, each bounded in time and memory.

A :class:`WorkerPool` keeps ``workers`` processes, each with its own pipeline and its
own copy of matplotlib's global state, so requests are analysed side by side on every
core (the page once ran one analysis at a time, under one lock). A request:

* is *admitted* first (:meth:`WorkerPool.admitted`), before its upload is read: at
  most ``workers + waiting`` are taken at once, and the next is told the page is busy
  (:class:`Busy`) without its upload ever being held in memory;
* waits at most ``wait_seconds`` for a free worker (else :class:`Busy`);
* runs in that worker for at most ``seconds``, holding at most ``memory_mb`` of
  memory (read from ``/proc`` as it runs, on Linux). Past either, the worker is
  stopped (:class:`TooSlow`, :class:`TooBig`) and another started in its place, so
  no request can hold a worker, or the machine's memory, for longer.

A worker that has grown well past its size after warming up is replaced after its
answer, so the memory of the page stays flat however long it runs. Workers are started
with the ``spawn`` method (never a ``fork`` of this threaded process) and are
daemonic: they end with the page.

Nothing here knows about articles: a job is a module-level function and its
arguments, pickled to the worker, and its result pickled back.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from ..plural import count, plural

__all__ = ["Busy", "PoolLimit", "TooBig", "TooSlow", "WorkerError", "WorkerPool", "rss_mb"]

#: How often a running job's memory is read, in seconds.
_WATCH_EVERY = 0.05
#: How long a new worker may take to import and warm up before it counts as broken.
_START_SECONDS = 300.0
#: Thread pools of the numerical libraries: one thread each, as there is a process per core.
_ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


class PoolLimit(Exception):
    """A request went past one of the pool's limits; the message says which."""


class Busy(PoolLimit):
    """Every worker is busy and the waiting line is full (or moved too slowly)."""


class TooSlow(PoolLimit):
    """The job ran past its time limit and was stopped."""


class TooBig(PoolLimit):
    """The job held more memory than its limit and was stopped."""


class WorkerError(Exception):
    """The job raised an exception in the worker (its type, message and traceback)."""

    def __init__(self, kind: str, message: str, trace: str):
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.trace = trace


def rss_mb(pid: int) -> float | None:
    """The resident memory of process ``pid`` in MB, from ``/proc`` (None elsewhere)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            pages = int(f.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def _worker_main(conn: Connection, warm: Callable[[], Any] | None) -> None:
    """A worker's life: warm up, say so, then answer jobs until told to stop."""
    for name in _ONE_THREAD:
        os.environ.setdefault(name, "1")
    if warm is not None:
        warm()
    conn.send(("ready", rss_mb(os.getpid())))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, args = job
        try:
            answer: tuple[str, Any] = ("ok", fn(*args))
        except MemoryError:
            answer = ("memory", None)
        except Exception as exc:
            answer = ("error", (type(exc).__name__, str(exc), traceback.format_exc()))
        try:
            conn.send((*answer, rss_mb(os.getpid())))
        except MemoryError:
            conn.send(("memory", None, None))


@dataclass
class _Worker:
    """One worker process and this end of its pipe."""

    process: Any
    conn: Connection
    ready: bool = False
    baseline_mb: float | None = None
    """Its memory once warmed up."""
    last_mb: float | None = None
    """Its memory after its last answer."""
    jobs: int = 0

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.join(10)
        with contextlib.suppress(Exception):
            self.conn.close()


class WorkerPool:
    """``workers`` processes answering jobs, each in at most ``seconds`` and ``memory_mb``.

    ``warm`` (a module-level function) runs once in each new worker before its first
    job: imports, lexicons, a first chart. ``recycle_mb`` is how far past its size after
    warming up a worker may grow before it is replaced (after its answer).
    """

    def __init__(
        self,
        workers: int,
        *,
        seconds: float,
        memory_mb: float,
        waiting: int = 0,
        wait_seconds: float = 60.0,
        warm: Callable[[], Any] | None = None,
        recycle_mb: float = 400.0,
    ):
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        self.workers = workers
        self.seconds = seconds
        self.memory_mb = memory_mb
        self.waiting = waiting
        self.wait_seconds = wait_seconds
        self.recycle_mb = recycle_mb
        self._warm = warm
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        self._admission = threading.BoundedSemaphore(workers + waiting)
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        self._closed = False
        self.started = 0
        """How many worker processes this pool has started (a count for tests)."""
        for _ in range(workers):
            self._idle.put(None)  # a place for a worker, started when first needed

    # -- the life of workers ------------------------------------------------------------

    def _start(self) -> _Worker:
        here, there = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, args=(there, self._warm), daemon=True, name="framing-serve-worker"
        )
        with self._lock:
            if self._closed:
                raise Busy("the page is stopping")
            process.start()
            self.started += 1
        there.close()
        worker = _Worker(process, here)
        with self._lock:
            self._all.append(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)

    def _ready(self, worker: _Worker) -> None:
        """Wait for a new worker to finish warming up."""
        if worker.ready:
            return
        try:
            if not worker.conn.poll(_START_SECONDS):
                raise EOFError
            status, rss = worker.conn.recv()
        except (EOFError, OSError):
            worker.stop()
            raise WorkerError(
                "StartError", "a worker process could not start (see the terminal)", ""
            ) from None
        worker.ready = status == "ready"
        worker.baseline_mb = rss

    def start(self, *, wait: bool = False) -> None:
        """Start every worker now (they warm up side by side), rather than on first use;
        with ``wait``, return once they are warm."""
        places = [self._idle.get() for _ in range(self.workers)]
        started = [w if w is not None else self._start() for w in places]
        try:
            if wait:
                for worker in started:
                    self._ready(worker)
        finally:
            for worker in started:
                self._idle.put(worker)

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()

    def processes(self) -> list[int]:
        """The process ids of the live workers."""
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid is not None]

    # -- jobs ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def admitted(self) -> Iterator[None]:
        """Hold one of the ``workers + waiting`` places for a request, or raise
        :class:`Busy` at once when none is free."""
        if not self._admission.acquire(blocking=False):
            raise Busy(
                f"{count(self.workers, 'request')} {plural('is', self.workers)} being answered "
                f"and {self.waiting} more {plural('is', self.waiting)} waiting"
            )
        try:
            yield
        finally:
            self._admission.release()

    def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` in a worker; its result, or :class:`PoolLimit` or :class:`WorkerError`."""
        try:
            place = self._idle.get(timeout=self.wait_seconds)
        except queue.Empty:
            raise Busy(f"no worker was free within {self.wait_seconds:g} seconds") from None
        worker: _Worker | None = place
        try:
            if worker is None or not worker.process.is_alive():
                if worker is not None:
                    self._retire(worker)
                worker = self._start()
            self._ready(worker)
            result = self._answer(worker, fn, args)
            if self._grown(worker):
                self._retire(worker)
                worker = None  # a fresh one is started for the next request
            return result
        except BaseException:
            if worker is not None and not worker.process.is_alive():
                self._retire(worker)
                worker = None
            raise
        finally:
            self._idle.put(worker if worker is not None else self._replacement())

    def _replacement(self) -> _Worker | None:
        """A new worker for a place left empty, started now so that it warms up before
        the next request needs it (None when the pool is stopping)."""
        try:
            return self._start()
        except Exception:
            return None

    def _answer(self, worker: _Worker, fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        worker.conn.send((fn, args))
        worker.jobs += 1
        deadline = time.monotonic() + self.seconds
        while not worker.conn.poll(min(_WATCH_EVERY, max(0.0, deadline - time.monotonic()))):
            if time.monotonic() >= deadline:
                worker.stop()
                raise TooSlow(f"it took longer than {self.seconds:g} seconds")
            used = rss_mb(worker.process.pid)
            if used is not None and used > self.memory_mb:
                worker.stop()
                raise TooBig(f"it needed more than {self.memory_mb:g} MB of memory")
            if not worker.process.is_alive():
                raise WorkerError("WorkerDied", "the worker process stopped", "")
        try:
            status, value, rss = worker.conn.recv()
        except (EOFError, OSError):
            worker.stop()
            raise WorkerError("WorkerDied", "the worker process stopped", "") from None
        worker.last_mb = rss
        if status == "memory":
            worker.stop()
            raise TooBig(f"it needed more memory than the worker could get (limit {self.memory_mb:g} MB)")
        if status == "error":
            raise WorkerError(*value)
        return value

    def _grown(self, worker: _Worker) -> bool:
        """Whether the worker kept much more memory than it had once warmed up."""
        if worker.last_mb is None or worker.baseline_mb is None:
            return False
        return worker.last_mb > worker.baseline_mb + self.recycle_mb
