"""Regrouping a finished run: the group table and the summary by another column,
read from the article and finding tables already written, without analysing again.

Each chunk's Parquet files are read in turn (memory stays that of one chunk), every
article is given its value in the new column (a metadata field such as ``outlet`` or
``date``, or any other field of its record, kept in the ``meta`` column), and the
aggregates are built as a run builds them. ``groups.csv``, ``groups.parquet``,
``summary.json``, ``summary.html`` and ``state.json`` are written again; the article and
finding tables are left as they are (their ``group`` column keeps the grouping they
were analysed with).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..sources import METADATA_FIELDS
from ._deps import need_pyarrow
from .aggregate import Aggregate
from .commit import BatchResult, finish
from .schema import Schema
from .writer import ARTICLES, FINDINGS, STATE_NAME, RunFolder

__all__ = ["regroup"]

#: The article table's own columns a run may be grouped by (the rest are in ``meta``), as
#: :func:`framing.batch.worker.group_value` reads them.
_ROW_FIELDS = METADATA_FIELDS


def _group(row: dict[str, Any], meta: dict[str, Any], field: str) -> tuple[bool, str | None]:
    """Whether the article has the field, and its value as a group name."""
    if field in _ROW_FIELDS:
        value = row.get(field)
        return value is not None, (str(value) if value not in (None, "") else None)
    if field in meta:
        value = meta[field]
        if value in (None, ""):
            return True, None
        return True, value if isinstance(value, str) else json.dumps(
            value, ensure_ascii=False, sort_keys=True
        )
    return False, None


def _state(out: Path) -> dict[str, Any]:
    path = out / STATE_NAME
    if not path.is_file():
        raise UsageError(
            f"{out} holds no framing batch results to regroup (no {STATE_NAME}); run framing batch "
            "with the input files and --out first"
        )
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path} cannot be read ({exc})") from None
    if not isinstance(state, dict) or "run" not in state or "chunks_done" not in state:
        raise UsageError(f"{path} is not the state of a framing batch run")
    if not state.get("complete"):
        raise UsageError(
            f"the run in {out} is not finished: run the same framing batch command again to finish it, "
            "then regroup"
        )
    return state


def regroup(out: str | Path, group_by: str) -> BatchResult:
    """Write the group table and the summary of the finished run in ``out`` again,
    grouped by ``group_by``, from its tables. Refuses (:class:`UsageError`) a folder
    without a finished run, and a column that no article has."""
    started = time.monotonic()
    pq = need_pyarrow().parquet
    out = Path(out)
    if not group_by:
        raise UsageError("the group column needs a name (for example outlet)")
    state = _state(out)
    chunks = int(state["chunks_done"])
    aggregate = Aggregate()
    seen = False
    fields: set[str] = set(_ROW_FIELDS)
    for index in range(chunks):
        name = f"part-{index:06d}.parquet"
        paths = (out / ARTICLES / name, out / FINDINGS / name)
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise UsageError(
                f"{missing[0]} is missing: the results in {out} are not whole; run the batch again"
            )
        rows = pq.read_table(paths[0]).to_pylist()
        findings: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        for finding in pq.read_table(paths[1]).to_pylist():
            values = tuple(finding.values())
            findings[int(values[0])].append(values[1:])
        for row in rows:
            meta = json.loads(row.get("meta") or "{}")
            fields.update(meta)
            has, value = _group(row, meta, group_by)
            seen = seen or has
            row["group"] = value
            aggregate.add(row, findings.get(int(row["index"]), []))
    if not seen:
        raise UsageError(
            f"no article in {out} has a field {group_by!r}; the fields are: {', '.join(sorted(fields))}"
        )
    run = dict(state["run"])
    run["group_by"] = group_by
    folder = RunFolder(out, run, Schema((), ()))
    folder.state = state
    folder.state["run"] = run
    folder.state["fingerprint"] = folder.fingerprint
    folder.aggregate = aggregate
    return finish(folder, started, chunks)
