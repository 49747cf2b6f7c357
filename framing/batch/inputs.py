"""Inputs: what the run reads, a fingerprint of it, and the stream of chunks.

Chunks are cut from the articles in input order, ``chunk_size`` articles each, so
their boundaries depend only on the input and the chunk size (never on the number of
workers). A record the reader refuses is reported into the chunk being filled when it
is met; it takes no place in the article order.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..article import Article
from ..errors import InputError, InputWarning, SkippedRecord
from ..sources import (
    CSV_SUFFIXES,
    JSONL_SUFFIXES,
    MANIFEST_NAME,
    PARQUET_SUFFIXES,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    ReadOptions,
    read_articles,
)
from .worker import Chunk, Failure

__all__ = ["InputFile", "chunks", "describe_inputs"]

#: A long run of refused records is cut into chunks of its own at this many, so that
#: memory stays bounded whatever the input.
MAX_PROBLEMS_PER_CHUNK = 10_000
_BLOCK = 1 << 20


@dataclass(frozen=True)
class InputFile:
    """One file the run reads: its path as given, size, SHA-256 and a record estimate."""

    path: str
    bytes: int
    sha256: str
    records: int

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "bytes": self.bytes, "sha256": self.sha256}


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    return [path]


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name == MANIFEST_NAME:
        return "manifest"
    for suffix in TABLE_SUFFIXES + TEXT_SUFFIXES:
        if name.endswith(suffix):
            if suffix in JSONL_SUFFIXES:
                return "jsonl"
            if suffix in CSV_SUFFIXES:
                return "csv"
            if suffix in PARQUET_SUFFIXES:
                return "parquet"
            return "text"
    return "other"


def _describe(path: Path) -> InputFile:
    """Hash a file as it is stored and estimate its records (lines, rows or one text)."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as stream:
        while block := stream.read(_BLOCK):
            digest.update(block)
            size += len(block)
    kind = _kind(path)
    records = 0
    if kind in ("jsonl", "csv"):
        records = _count_lines(path) - (1 if kind == "csv" else 0)
    elif kind == "parquet":
        records = _parquet_rows(path)
    elif kind == "text":
        records = 1
    return InputFile(str(path), size, digest.hexdigest(), max(records, 0))


def _count_lines(path: Path) -> int:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    lines = 0
    last = b"\n"
    try:
        with opener(path, "rb") as stream:
            while block := stream.read(_BLOCK):
                lines += block.count(b"\n")
                last = block[-1:]
    except (OSError, EOFError):
        return lines  # the reader reports the broken file
    return lines + (0 if last == b"\n" else 1)


def _parquet_rows(path: Path) -> int:
    try:
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    except Exception:
        return 0  # the reader reports what is wrong with it


def describe_inputs(paths: Sequence[str | Path]) -> list[InputFile]:
    """Every file the run reads, in reading order; a missing path is refused here."""
    found: list[InputFile] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError("no such file or folder", source=str(raw))
        found.extend(_describe(p) for p in _files(path))
    return found


def chunks(
    paths: Sequence[str | Path],
    options: ReadOptions,
    chunk_size: int,
    *,
    warn: Callable[[InputWarning], None],
) -> Iterator[Chunk]:
    """The input as chunks of ``chunk_size`` articles, in order.

    A refused record becomes a :class:`Failure` of the chunk being filled; a file that
    cannot be read at all is one failure, and the other inputs are still read (with
    ``options.strict``, either stops the run instead).
    """
    pending: list[Failure] = []

    def report(problem: InputError | InputWarning) -> None:
        if isinstance(problem, InputError):
            pending.append(Failure.from_input_error(problem))
        else:
            warn(problem)

    index = 0
    position = 0
    current = Chunk(index=0, start=0)
    for article in _articles(paths, options, report, pending):
        current.problems.extend(pending)
        pending.clear()
        current.articles.append(article)
        position += 1
        if len(current.articles) >= chunk_size:
            yield current
            index += 1
            current = Chunk(index=index, start=position)
        elif len(current.problems) >= MAX_PROBLEMS_PER_CHUNK:
            yield current
            index += 1
            current = Chunk(index=index, start=position)
    current.problems.extend(pending)
    if current.articles or current.problems:
        yield current


def _articles(
    paths: Iterable[str | Path],
    options: ReadOptions,
    report: Callable[[InputError | InputWarning], None],
    pending: list[Failure],
) -> Iterator[Article]:
    for path in paths:
        try:
            yield from read_articles(path, options, on_problem=report)
        except SkippedRecord:
            raise  # only raised in strict mode
        except InputError as exc:
            if options.strict:
                raise
            pending.append(Failure.from_input_error(exc))
