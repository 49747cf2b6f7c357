"""Corpus-scale batch runs: many articles in, tables, aggregates and a summary out.

>>> from framing.batch import run_batch
>>> result = run_batch("corpus.jsonl", "out/", jobs=2)  # doctest: +SKIP

``run_batch(inputs, out, ...)`` reads files and folders (text, JSONL, CSV, Parquet) in
chunks, analyses them in this process, in worker processes (``jobs``) or on a Dask
cluster (``engine="dask"``), and writes, chunk by chunk and resumably:

- ``articles/`` and ``findings/`` (Parquet, one file per chunk, one schema) and
  ``articles.csv``, ``findings.csv`` (the same rows);
- ``errors.jsonl``: each record that could not be read or analysed (id, source, reason);
- ``groups.csv`` and ``groups.parquet``: aggregates by a metadata column (``outlet``);
- ``summary.json`` and ``summary.html``: the groups compared, with a sample of articles.

``regroup(out, "date")`` writes the aggregates and the summary of a finished run again,
by another column, from its tables (nothing is analysed again).
``run_dask(collection, out, ...)`` does the same for a Dask bag or data frame. The
output does not depend on the number of jobs or the engine. Needs the ``batch`` extra
(``pip install ".[batch]"``) and, for Dask, the ``dask`` extra.
"""

from __future__ import annotations

from .commit import BatchResult
from .dask_engine import run_dask
from .regroup import regroup
from .run import ENGINES, run_batch

__all__ = ["ENGINES", "BatchResult", "regroup", "run_batch", "run_dask"]
