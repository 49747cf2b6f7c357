"""The Dask engine on a local two-worker cluster writes what a single process writes."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from framing import read_articles
from framing.batch import run_batch, run_dask
from framing.cli import main

from .conftest import corpus, same_outputs, tables, write_jsonl

pytest.importorskip("pyarrow")
pytest.importorskip("dask", reason="dask is not installed (pip install '.[dask]')")
distributed = pytest.importorskip(
    "distributed", reason="dask.distributed is not installed (pip install '.[dask]')"
)

pytestmark = pytest.mark.cluster


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    options = {
        "n_workers": 2,
        "threads_per_worker": 1,
        "dashboard_address": None,
        "silence_logs": logging.ERROR,
    }
    try:
        cluster = distributed.LocalCluster(processes=True, **options)
    except Exception:  # some sandboxes cannot start worker processes
        cluster = distributed.LocalCluster(processes=False, **options)
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("dask")
    source = write_jsonl(folder / "c.jsonl", corpus(13))
    run_batch(source, folder / "local", chunk_size=4)
    return source, folder / "local"


def test_the_dask_engine_writes_what_one_process_writes(client, local, tmp_path: Path) -> None:
    source, reference = local
    result = run_batch(source, tmp_path / "dask", chunk_size=4, engine="dask", client=client)
    assert result.articles == 13
    same_outputs(reference, tmp_path / "dask")


def test_a_bag_of_articles_gives_the_same_rows(client, local, tmp_path: Path) -> None:
    import dask.bag as db

    source, reference = local
    bag = db.from_sequence(list(read_articles(source)), npartitions=3)
    run_dask(bag, tmp_path / "bag", client=client, chunk_size=4)
    same_outputs(reference, tmp_path / "bag", summaries=False)
    assert tables(tmp_path / "bag") == tables(reference)


def test_a_data_frame_gives_the_same_rows(client, local, tmp_path: Path) -> None:
    import dask.dataframe as dd
    import pandas as pd

    _, reference = local
    frame = dd.from_pandas(pd.DataFrame(corpus(13)), npartitions=4)
    result = run_dask(frame, tmp_path / "frame", client=client, chunk_size=4)
    assert result.articles == 13 and result.chunks == 4
    got, want = tables(tmp_path / "frame"), tables(reference)
    assert [{k: v for k, v in r.items() if k != "source"} for r in got["articles"]] == [
        {k: v for k, v in r.items() if k != "source"} for r in want["articles"]
    ]
    assert got["findings"] == want["findings"]
    assert (tmp_path / "frame" / "groups.csv").read_bytes() == (reference / "groups.csv").read_bytes()


def test_the_command_line_runs_on_a_scheduler(client, local, tmp_path: Path) -> None:
    source, reference = local
    err = io.StringIO()
    address = client.scheduler.address
    args = ["batch", str(source), "--out", str(tmp_path / "cli"), "--chunk-size", "4", "--engine", "dask"]
    assert main([*args, "--scheduler", address, "--quiet"], stderr=err) == 0, err.getvalue()
    same_outputs(reference, tmp_path / "cli")
