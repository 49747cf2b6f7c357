"""The page's worker processes: side by side, and each request bounded in time and memory."""

from __future__ import annotations

import threading

import pytest

from framing.serve.pool import Busy, TooBig, TooSlow, WorkerError, WorkerPool, rss_mb

from . import jobs

pytestmark = pytest.mark.slow  # every test starts worker processes of its own


@pytest.fixture
def small():
    pools: list[WorkerPool] = []

    def make(workers: int = 1, **kwargs) -> WorkerPool:
        options = {"seconds": 60.0, "memory_mb": 2_000.0, "waiting": 0, "wait_seconds": 60.0, **kwargs}
        pool = WorkerPool(workers, **options)
        pools.append(pool)
        return pool

    yield make
    for pool in pools:
        pool.close()


def test_jobs_run_in_worker_processes_and_their_errors_come_back(small):
    pool = small()
    value, pid = pool.run(jobs.echo, {"a": [1, 2]})
    assert value == {"a": [1, 2]} and pid in pool.processes()
    with pytest.raises(WorkerError, match="ValueError: no such thing"):
        pool.run(jobs.fail, "no such thing")
    assert pool.run(jobs.echo, 3)[1] == pid  # the same worker goes on
    assert pool.started == 1


def test_two_workers_answer_two_requests_at_once(small, tmp_path):
    # each job returns only once the other has started: one lock would make both wait
    pool = small(2)
    answers: list[str] = []
    threads = [
        threading.Thread(
            target=lambda me, other: answers.append(pool.run(jobs.meet, str(tmp_path), me, other)), args=pair
        )
        for pair in (("a", "b"), ("b", "a"))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert answers == ["met", "met"]


def test_a_job_past_its_time_is_stopped_and_its_worker_replaced(small):
    pool = small(seconds=1.0)
    first = pool.run(jobs.echo, 0)[1]
    with pytest.raises(TooSlow, match="longer than 1 seconds"):
        pool.run(jobs.sleep, 600)
    assert first not in pool.processes()
    assert pool.run(jobs.echo, 1)[0] == 1  # the next request is answered by a new worker
    assert pool.started == 2


@pytest.mark.skipif(rss_mb(__import__("os").getpid()) is None, reason="memory is read from /proc (Linux)")
def test_a_job_past_its_memory_is_stopped_and_its_worker_replaced(small):
    pool = small(memory_mb=600.0)
    base = pool.run(jobs.echo, 0)[1]
    with pytest.raises(TooBig, match="more than 600 MB"):
        pool.run(jobs.hold_memory, 900, False, 600)
    assert base not in pool.processes()
    assert pool.run(jobs.hold_memory, 10) in pool.processes()


@pytest.mark.skipif(rss_mb(__import__("os").getpid()) is None, reason="memory is read from /proc (Linux)")
def test_a_worker_that_kept_its_memory_is_replaced_after_its_answer(small):
    pool = small(recycle_mb=100.0)
    grown = pool.run(jobs.hold_memory, 300, True)
    assert grown not in pool.processes()
    assert pool.run(jobs.hold_memory, 10) not in (grown,)
    assert pool.started == 2


def test_past_the_workers_and_the_waiting_line_a_request_is_told_the_page_is_busy(small):
    pool = small(1, waiting=1)
    with pool.admitted(), pool.admitted():
        with pytest.raises(Busy, match="1 request"), pool.admitted():
            pass
    with pool.admitted():  # the places are given back
        pass


def test_a_request_that_cannot_get_a_worker_in_time_is_told_so(small):
    pool = small(1, waiting=1, wait_seconds=0.2)
    holder = threading.Thread(target=pool.run, args=(jobs.sleep, 5))
    pool.run(jobs.echo, 0)  # warmed up
    holder.start()
    while not pool.processes() or pool._idle.qsize():  # the one worker is taken
        threading.Event().wait(0.01)
    with pytest.raises(Busy, match=r"no worker was free within 0\.2 seconds"):
        pool.run(jobs.echo, 1)
    holder.join(60)
