"""The numbers the page promises: defaults that fit the computer it runs on."""

from __future__ import annotations

import pytest

from framing.errors import UsageError
from framing.serve import limits
from framing.serve.limits import Limits


@pytest.mark.parametrize(
    "memory_gb, workers, expected",
    [
        (24, 2, 3_000.0),  # the most a worker is given
        (8, 4, 1_228.0),  # 60% of 8 GB, shared by four workers
        (2, 2, 1_000.0),  # never less than this
    ],
)
def test_the_memory_limit_fits_the_computer(monkeypatch, memory_gb, workers, expected):
    pages = {"SC_PAGE_SIZE": 4096, "SC_PHYS_PAGES": memory_gb * 1024**3 // 4096}
    monkeypatch.setattr(limits.os, "sysconf", pages.__getitem__)
    assert Limits(workers=workers).memory_mb == expected
    assert Limits(workers=workers, memory_mb=500).memory_mb == 500  # unless given


def test_the_page_takes_the_memory_limit_that_fits_the_computer(monkeypatch):
    pytest.importorskip("flask")
    from framing.serve.routes import POOL_KEY, create_app

    pages = {"SC_PAGE_SIZE": 4096, "SC_PHYS_PAGES": 4 * 1024**3 // 4096}
    monkeypatch.setattr(limits.os, "sysconf", pages.__getitem__)
    pool = create_app(workers=2).extensions[POOL_KEY]
    try:
        assert pool.memory_mb == 1_228.0  # 60% of 4 GB, shared by two workers
        assert pool.started == 0  # (no worker is started until one is needed)
    finally:
        pool.close()


def test_workers_default_to_the_cores_at_most_four(monkeypatch):
    for cores, workers in ((1, 1), (2, 2), (16, 4), (None, 1)):
        monkeypatch.setattr(limits.os, "cpu_count", lambda cores=cores: cores)
        assert Limits().workers == workers


@pytest.mark.parametrize("field", ["upload_mb", "file_mb", "articles", "chars", "seconds", "memory_mb"])
def test_every_limit_must_be_positive(field):
    with pytest.raises(UsageError, match="must be positive"):
        Limits(**{field: -1})
