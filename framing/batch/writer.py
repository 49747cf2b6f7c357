"""The output folder: chunks written atomically, a state file, resumption.

Layout of a run folder::

    state.json                      what is done, with the fingerprint of the run
    inputs.json                     every input file with its size and SHA-256
    schema.json                     the columns of both tables and their kinds
    articles/part-000000.parquet    one Parquet file per chunk (+ _common_metadata)
    findings/part-000000.parquet
    articles.csv, findings.csv      the same rows, appended chunk by chunk in order
    errors.jsonl                    records that could not be read or analysed
    groups.csv, groups.parquet      per-group aggregates (written at the end)
    summary.json, summary.html      the corpus summary (written at the end)

A chunk is committed in this order: its Parquet files (written to a temporary file in
the same folder, then renamed over the final name), its CSV and error lines (appended),
then ``state.json`` (rewritten atomically) recording the chunk, the new length of every
appended file and the running aggregates. After a crash, a kill or Ctrl-C, the next run
cuts the appended files back to the lengths in ``state.json``, drops Parquet files of
chunks it does not record, and goes on from the first chunk not done: nothing is lost
or written twice. A run whose ``schema.json`` names other columns than this framing
writes (one started by another version) is not resumed.

A write that fails (a full disk, no permission) stops the run with one message naming
the file (an :class:`~framing.errors.OutputError`) and leaves no temporary file; the
next run resumes as after a crash.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import FramingError, UsageError
from ..files import TEMPORARY_SUFFIX, atomic_path, write_atomic, writing
from ..plural import count
from ..renderers.csv import csv_text
from ._deps import need_pyarrow
from .aggregate import GROUP_COLUMNS, Aggregate
from .schema import Column, Schema
from .worker import ArticleResult, ChunkResult, Failure, failures_to_jsonl

__all__ = ["STATE_NAME", "RunFolder", "fingerprint"]

STATE_NAME = "state.json"
STATE_FORMAT = "framing.batch.state/1"
ARTICLES, FINDINGS = "articles", "findings"
ARTICLES_CSV, FINDINGS_CSV, ERRORS = "articles.csv", "findings.csv", "errors.jsonl"
GROUPS_CSV, GROUPS_PARQUET = "groups.csv", "groups.parquet"
SUMMARY_JSON, SUMMARY_HTML, SCHEMA_JSON = "summary.json", "summary.html", "schema.json"
INPUTS_JSON = "inputs.json"
_APPENDED = (ARTICLES_CSV, FINDINGS_CSV, ERRORS)
_OURS = (
    STATE_NAME,
    SCHEMA_JSON,
    INPUTS_JSON,
    ARTICLES,
    FINDINGS,
    *_APPENDED,
    GROUPS_CSV,
    GROUPS_PARQUET,
    SUMMARY_JSON,
    SUMMARY_HTML,
)
_GROUP_KINDS = {"group": "str", "top_categories": "str", "primary_frame": "str"}


def fingerprint(run: Mapping[str, Any]) -> str:
    """The SHA-256 of a run's inputs and settings, written as sorted JSON."""
    text = json.dumps(run, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _arrow_type(kind: str) -> Any:
    pa = need_pyarrow()
    return {"int": pa.int64(), "float": pa.float64()}.get(kind, pa.string())


def arrow_schema(columns: Sequence[Column]) -> Any:
    pa = need_pyarrow()
    return pa.schema([pa.field(c.name, _arrow_type(c.kind)) for c in columns])


def _part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


class RunFolder:
    """One run's output folder: opened (new or resumed), chunks committed, finished."""

    def __init__(
        self,
        out: Path,
        run: Mapping[str, Any],
        schema: Schema,
        *,
        overwrite: bool = False,
        log: Callable[[str], None] | None = None,
        inputs: Sequence[Mapping[str, Any]] | None = None,
    ):
        self.out = Path(out)
        self.inputs = list(inputs or [])
        self.run = dict(run)
        self.fingerprint = fingerprint(self.run)
        self.schema = schema
        self.overwrite = overwrite
        self.log = log or (lambda message: None)
        self.article_columns = schema.article_columns
        self.finding_columns = schema.finding_columns
        self._article_schema = arrow_schema(self.article_columns)
        self._finding_schema = arrow_schema(self.finding_columns)
        self.state: dict[str, Any] = {}
        self.aggregate = Aggregate()

    # -- opening --------------------------------------------------------------------

    def open(self) -> int:
        """Start a new run, or resume the one in the folder; returns the chunks done."""
        state_path = self.out / STATE_NAME
        if self.out.exists() and not self.out.is_dir():
            raise UsageError(f"{self.out} is a file; --out needs a folder")
        if state_path.is_file():
            try:
                state = json.loads(state_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise UsageError(
                    f"{state_path} cannot be read ({exc}); pass --overwrite to start the run again"
                ) from None
            if self.overwrite:
                self._clear()
            elif state.get("fingerprint") != self.fingerprint:
                raise UsageError(
                    f"{self.out} holds a batch run made with different "
                    f"{_differences(state.get('run', {}), self.run)}; rerun with the same inputs and "
                    "settings to resume it, choose another --out folder, or pass --overwrite to replace it"
                )
            else:
                self._same_columns()
                self.state = state
                self.aggregate = Aggregate.from_json(state["aggregate"])
                self._resume()
                return int(state["chunks_done"])
        elif self.out.is_dir() and any(self.out.iterdir()):
            if not self.overwrite:
                raise UsageError(
                    f"{self.out} is not empty and holds no framing batch run; choose a new or empty "
                    "--out folder, or pass --overwrite to write into it"
                )
            self._clear()
        try:
            self._start()
        except BaseException:
            # what a start that failed part way (a full disk) wrote is removed, so that
            # the same command can simply be run again
            with contextlib.suppress(FramingError):
                self._clear()
            raise
        return 0

    def _same_columns(self) -> None:
        """Refuse to resume a run whose tables have other columns than this framing
        writes (a run started by another version): its tables would mix two layouts."""
        path = self.out / SCHEMA_JSON
        try:
            written = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            written = None
        if written != self.schema.to_dict():
            raise UsageError(
                f"{self.out} holds a batch run whose tables have other columns than this version "
                f"of framing writes (see {path}); pass --overwrite to start the run again, or "
                "choose another --out folder"
            )

    def _clear(self) -> None:
        with writing(self.out):
            for name in _OURS:
                path = self.out / name
                if path.is_dir():
                    shutil.rmtree(path)
                elif path.exists():
                    path.unlink()
        self._drop_temporary()

    def _drop_temporary(self) -> None:
        """Remove temporary files a killed run left (a failed write removes its own)."""
        with writing(self.out):
            for folder in (self.out, self.out / ARTICLES, self.out / FINDINGS):
                if folder.is_dir():
                    for p in folder.iterdir():
                        if p.name.startswith(".") and p.name.endswith(TEMPORARY_SUFFIX):
                            p.unlink()

    def _start(self) -> None:
        pq = need_pyarrow().parquet
        with writing(self.out):
            self.out.mkdir(parents=True, exist_ok=True)
        for name, schema in ((ARTICLES, self._article_schema), (FINDINGS, self._finding_schema)):
            with writing(self.out / name):
                (self.out / name).mkdir(exist_ok=True)
            with atomic_path(self.out / name / "_common_metadata") as tmp:
                pq.write_metadata(schema, tmp)
        write_atomic(self.out / SCHEMA_JSON, json.dumps(self.schema.to_dict(), indent=2) + "\n")
        write_atomic(self.out / INPUTS_JSON, json.dumps(self.inputs, indent=1, ensure_ascii=False) + "\n")
        sizes = {}
        for name, columns in (
            (ARTICLES_CSV, self.article_columns),
            (FINDINGS_CSV, self.finding_columns),
            (ERRORS, ()),
        ):
            header = ",".join(_csv_header(c.name) for c in columns) + "\n" if columns else ""
            write_atomic(self.out / name, header)
            sizes[name] = len(header.encode("utf-8"))
        self.aggregate = Aggregate()
        self.state = {
            "format": STATE_FORMAT,
            "fingerprint": self.fingerprint,
            "run": self.run,
            "chunks_done": 0,
            "chunks": [],
            "sizes": sizes,
            "totals": {"articles": 0, "findings": 0, "input_errors": 0, "analysis_errors": 0, "positions": 0},
            "cursor": None,
            "complete": False,
        }
        self._save()

    def _resume(self) -> None:
        self._drop_temporary()
        for name in _APPENDED:
            path = self.out / name
            size = int(self.state["sizes"][name])
            if not path.is_file() or path.stat().st_size < size:
                raise UsageError(
                    f"{path} is shorter than {STATE_NAME} records (was it edited?); pass --overwrite "
                    "to start the run again"
                )
            with writing(path), open(path, "r+b") as f:
                f.truncate(size)
        done = int(self.state["chunks_done"])
        for name in (ARTICLES, FINDINGS):
            for part in (self.out / name).glob("part-*.parquet"):
                if int(part.stem.split("-")[1]) >= done:
                    with writing(part):
                        part.unlink()
        totals = self.state["totals"]
        if self.state.get("complete"):
            self.log(f"the run in {self.out} is complete; writing its summary again")
        elif done:
            self.log(
                f"resuming the run in {self.out}: {count(done, 'chunk')}, "
                f"{count(totals['positions'], 'article')} already done"
            )
        self.state["complete"] = False

    def _save(self) -> None:
        self.state["aggregate"] = self.aggregate.to_json()
        write_atomic(self.out / STATE_NAME, json.dumps(self.state, sort_keys=True, ensure_ascii=False))

    # -- committing -----------------------------------------------------------------

    @property
    def chunks_done(self) -> int:
        return int(self.state["chunks_done"])

    @property
    def positions_done(self) -> int:
        """Articles done (written or failed): the input position the run goes on from."""
        return int(self.state["totals"]["positions"])

    @property
    def cursor(self) -> Any:
        return self.state.get("cursor")

    def commit(self, result: ChunkResult, *, cursor: Any = None) -> None:
        """Write one chunk, which must be the next one, and record it as done."""
        pa = need_pyarrow()
        if result.index != self.chunks_done:
            raise RuntimeError(f"chunk {result.index} committed out of order (next is {self.chunks_done})")
        rows: list[dict[str, Any]] = []
        findings: list[tuple[Any, ...]] = []
        failures: list[Failure] = list(result.problems)
        analysis_failures = 0
        for offset, item in enumerate(result.items):
            if isinstance(item, Failure):
                failures.append(item)
                analysis_failures += item.stage == "analysis"
                continue
            assert isinstance(item, ArticleResult)
            index = result.start + offset
            row = dict(item.row)
            row["index"] = index
            rows.append(row)
            findings.extend((index, *f) for f in item.findings)
            self.aggregate.add(row, item.findings)

        names = [c.name for c in self.article_columns]
        article_table = pa.Table.from_pylist(rows, schema=self._article_schema)
        finding_table = pa.Table.from_arrays(
            [
                pa.array([f[i] for f in findings], type=field.type)
                for i, field in enumerate(self._finding_schema)
            ],
            schema=self._finding_schema,
        )
        for name, table in ((ARTICLES, article_table), (FINDINGS, finding_table)):
            with atomic_path(self.out / name / _part_name(result.index)) as tmp:
                pa.parquet.write_table(table, tmp, compression="zstd")

        sizes = self.state["sizes"]
        sizes[ARTICLES_CSV] = _append(
            self.out / ARTICLES_CSV, csv_text(None, ([r.get(n) for n in names] for r in rows))
        )
        sizes[FINDINGS_CSV] = _append(self.out / FINDINGS_CSV, csv_text(None, findings))
        sizes[ERRORS] = _append(self.out / ERRORS, failures_to_jsonl(failures))

        totals = self.state["totals"]
        totals["articles"] += len(rows)
        totals["findings"] += len(findings)
        totals["analysis_errors"] += analysis_failures
        totals["input_errors"] += len(failures) - analysis_failures
        totals["positions"] += len(result.items)
        self.state["chunks"].append(
            {
                "index": result.index,
                "start": result.start,
                "articles": len(rows),
                "findings": len(findings),
                "errors": len(failures),
            }
        )
        self.state["chunks_done"] = result.index + 1
        self.state["cursor"] = cursor
        self._save()

    # -- finishing ------------------------------------------------------------------

    def finish(self, summary: Mapping[str, Any], html: str) -> None:
        """Write the group table and the summary, and mark the run complete."""
        pa = need_pyarrow()
        rows = self.aggregate.rows()
        write_atomic(
            self.out / GROUPS_CSV, csv_text(GROUP_COLUMNS, ([r[c] for c in GROUP_COLUMNS] for r in rows))
        )
        kinds = {
            c: _GROUP_KINDS.get(c, "float" if "per_1000" in c or c.endswith(("_mean", "_share")) else "int")
            for c in GROUP_COLUMNS
        }
        schema = arrow_schema([Column(c, kinds[c]) for c in GROUP_COLUMNS])
        table = pa.Table.from_pylist(rows, schema=schema)
        with atomic_path(self.out / GROUPS_PARQUET) as tmp:
            pa.parquet.write_table(table, tmp, compression="zstd")
        write_atomic(
            self.out / SUMMARY_JSON, json.dumps(summary, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        )
        write_atomic(self.out / SUMMARY_HTML, html)
        self.state["complete"] = True
        self._save()


def _csv_header(name: str) -> str:
    return csv_text([name], []).rstrip("\n")


def _append(path: Path, text: str) -> int:
    """Append text to a file and flush it to disk; returns the file's new length. (A
    failed append may leave part of the text: ``state.json`` still records the old
    length, to which the next run cuts the file back.)"""
    with writing(path), open(path, "ab") as f:
        f.write(text.encode("utf-8"))
        f.flush()
        os.fsync(f.fileno())
        return f.tell()


def _differences(old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    labels = {
        "inputs": "inputs",
        "pipeline": "analysis settings or lexicons (or framing version)",
        "read_options": "read options",
        "chunk_size": "chunk size",
        "group_by": "group column",
    }
    found = [label for key, label in labels.items() if old.get(key) != new.get(key)]
    return ", ".join(found) or "settings"
