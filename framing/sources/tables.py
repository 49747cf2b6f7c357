"""JSONL, CSV and Parquet files: streamed a block or a record batch at a time.

Each reader yields the Articles of one file's records. A record that cannot be used is
reported (a :class:`~framing.errors.SkippedRecord` naming its line or row, with a
``kind`` that the records with the same problem share) and skipped; with
``strict`` the first one is fatal. A file none of whose records holds the text is
refused as a whole, in one message that says how many records lack it and which field
looks like the text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from ..article import Article
from ..errors import InputError, InputWarning, MissingDependency, SkippedRecord
from .records import (
    ReadOptions,
    count_text,
    make_article,
    missing_columns,
    plain,
    renamed,
    skip_or_raise,
    text_field_hint,
)

__all__ = ["MAX_JSON_DEPTH", "read_csv", "read_jsonl", "read_parquet"]

#: The longest CSV field (and line) read, in characters: a longer one is a skipped record.
_MAX_CSV_FIELD = 64 * 1024 * 1024
#: The deepest nesting of a JSON record read (objects and arrays within each other).
MAX_JSON_DEPTH = 64


class _Missing:
    """The records of one file that have no text: how many, and why."""

    def __init__(self, field: str):
        self.field = field
        self.absent = 0  # records without the field
        self.empty = 0  # records whose field is empty or not text
        self.lengths: dict[str, int] = {}

    def refuse_if_all(self, usable: int, source: str, *, noun: str = "records") -> None:
        """Refuse the file when none of its records had text."""
        if usable or not (self.absent or self.empty):
            return
        if self.absent and not self.empty:
            problem = f"lack {self.field!r}; {text_field_hint(self.lengths, self.field)}"
        elif self.empty and not self.absent:
            problem = f"have an empty {self.field!r}"
        else:
            problem = f"lack {self.field!r} or have it empty; {text_field_hint(self.lengths, self.field)}"
        total = self.absent + self.empty
        everyone = f"all {total:,} {noun}" if total > 1 else f"its one {noun[:-1]}"
        problem = problem.replace("lack ", "lacks ", 1).replace("have ", "has ", 1) if total == 1 else problem
        raise InputError(f"{everyone} {problem}", source=source)


def _lines(stream: TextIO) -> Iterator[str]:
    """The lines of a stream opened with ``newline=""``, without their line ends.

    Lines end at a line feed, a carriage return or both, which JSON never holds raw
    inside a value. Other characters Python counts as line breaks (U+2028, U+0085, form
    feeds) may stand inside a JSON string, so they split nothing.
    """
    for raw in stream:
        yield raw.rstrip("\r\n")


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in a parsed JSON value (0 for a plain value)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def read_jsonl(
    stream: TextIO, source: str, stem: str, opts: ReadOptions, report: Callable[..., None]
) -> Iterator[Article]:
    """The records of a JSON Lines stream, one object a line (ids ``stem:line``)."""
    usable = 0
    missing = _Missing(opts.text_field)
    unseen = set(opts.field_names().values())
    for n, line in enumerate(_lines(stream), start=1):
        if not line.strip():
            continue
        where = f"line {n}"
        too_deep = False
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            skip_or_raise(
                SkippedRecord(
                    f"is not valid JSON ({exc.msg} at column {exc.colno})",
                    source=source,
                    record=where,
                    kind="are not valid JSON",
                ),
                opts,
                report,
            )
            continue
        except RecursionError:
            too_deep = True  # deeper than Python's parser goes
        if too_deep or _depth(record) > MAX_JSON_DEPTH:
            skip_or_raise(
                SkippedRecord(
                    f"nests lists or objects more than {MAX_JSON_DEPTH} levels deep, more than "
                    "framing reads; flatten the record",
                    source=source,
                    record=where,
                    kind=f"nest more than {MAX_JSON_DEPTH} levels deep",
                ),
                opts,
                report,
            )
            continue
        if not isinstance(record, dict):
            skip_or_raise(
                SkippedRecord(
                    f"is a JSON {type(record).__name__}, not an object",
                    source=source,
                    record=where,
                    kind="are not JSON objects",
                ),
                opts,
                report,
            )
            continue
        body = record.get(opts.text_field)
        if not isinstance(body, str) or not body.strip():
            if opts.text_field not in record:
                missing.absent += 1
                count_text(missing.lengths, record)
                problem = (
                    f"has no {opts.text_field!r} field (fields: {', '.join(sorted(record)) or 'none'}); "
                    + text_field_hint(missing.lengths, opts.text_field)
                )
                kind = f"lack {opts.text_field!r}"
            else:
                missing.empty += 1
                problem = f"its {opts.text_field!r} field is empty or not a string"
                kind = f"have an empty {opts.text_field!r}"
            skip_or_raise(SkippedRecord(problem, source=source, record=where, kind=kind), opts, report)
            continue
        usable += 1
        unseen.difference_update(record)
        yield make_article(
            body,
            renamed(record, opts),
            default_id=f"{stem}:{n}",
            source=f"{source}:{n}",
            first_line=opts.title_from_first_line,
            report=report,
        )
    missing.refuse_if_all(usable, source)
    if not usable and opts.strict:
        raise InputError("holds no usable records", source=source)
    if usable and unseen:
        named = {v: k for k, v in opts.field_names().items()}
        for field in sorted(unseen):
            report(
                InputWarning(f"{source}: no record has the field {field!r} named by --{named[field]}-field")
            )


class _LineTooLong(Exception):
    """A CSV line longer than any field framing reads (raised through the csv module)."""


class _CsvLines:
    """The lines of a CSV stream (opened with ``newline=""``) for the csv module, read
    so that one record it refuses loses no other.

    It counts the lines handed out, and whether the record read so far has left a
    quoted field open (an odd number of quotation marks: a doubled mark inside a field
    counts twice). When the csv module refuses a record part way (a field over the size
    limit, a NUL byte), :meth:`skip_record` drops the lines that record still holds, so
    reading goes on at the next one. No line longer than ``most`` characters is kept in
    memory: the rest of it is read and dropped, and :class:`_LineTooLong` raised.
    """

    def __init__(self, stream: TextIO, most: int):
        self.stream = stream
        self.most = most
        self.line = 0
        self.first = 1
        self.in_quotes = False

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        raw = self.stream.readline(self.most)
        if not raw:
            raise StopIteration
        self.line += 1
        self._count(raw)
        if self.first == self.line and not self.in_quotes and not raw.strip("\r\n"):
            self.first += 1  # a blank line between records (the csv module passes over it)
        if len(raw) >= self.most and not raw.endswith(("\n", "\r")):
            while (more := self.stream.readline(self.most)) and not more.endswith(("\n", "\r")):
                self._count(more)
            self._count(more)
            raise _LineTooLong
        return raw

    def _count(self, piece: str) -> None:
        if piece.count('"') % 2:
            self.in_quotes = not self.in_quotes

    def record_read(self) -> None:
        """The csv module has returned a record: the next one starts on the next line."""
        self.first = self.line + 1
        self.in_quotes = False

    def skip_record(self) -> None:
        """Drop what is left of a refused record: the lines up to its closing quotation mark."""
        while self.in_quotes:
            try:
                next(self)
            except StopIteration:
                break
            except _LineTooLong:
                continue
        self.record_read()


def read_csv(
    stream: TextIO,
    source: str,
    stem: str,
    opts: ReadOptions,
    report: Callable[..., None],
    *,
    delimiter: str,
) -> Iterator[Article]:
    """The rows of a CSV (or TSV) file. A row the csv module cannot read (a field over
    the size limit, a NUL byte) is reported and skipped, naming the line it starts on,
    and the rows after it are read."""
    previous_limit = csv.field_size_limit()
    csv.field_size_limit(_MAX_CSV_FIELD)
    lines = _CsvLines(stream, _MAX_CSV_FIELD + 2)
    too_long = f"has a field longer than {_MAX_CSV_FIELD:,} characters, more than framing reads"
    try:
        reader = csv.DictReader(lines, delimiter=delimiter)
        try:
            columns = reader.fieldnames or []
        except csv.Error as exc:
            raise InputError(f"cannot be read as CSV ({exc})", source=source) from None
        except _LineTooLong:
            raise InputError(
                f"cannot be read as CSV: its first line is longer than {_MAX_CSV_FIELD:,} characters",
                source=source,
            ) from None
        lines.record_read()
        if opts.text_field not in columns:
            raise InputError(
                f"has no {opts.text_field!r} column (columns: {', '.join(c for c in columns if c) or 'none'}); "
                + text_field_hint(_sampled_lengths(reader), opts.text_field, noun="column"),
                source=source,
            )
        missing_columns(columns, opts, source)
        missing = _Missing(opts.text_field)
        usable = 0
        row_number = 0
        while True:
            first = lines.first
            try:
                row = next(reader)
            except StopIteration:
                break
            except (csv.Error, _LineTooLong) as exc:
                row_number += 1
                lines.skip_record()
                problem = (
                    f"cannot be parsed ({exc})"
                    if isinstance(exc, csv.Error) and "field limit" not in str(exc)
                    else too_long
                )
                skip_or_raise(
                    SkippedRecord(
                        problem,
                        source=source,
                        record=f"row {row_number} (line {first})",
                        kind="cannot be parsed" if problem != too_long else "have a field too long to read",
                    ),
                    opts,
                    report,
                )
                continue
            lines.record_read()
            row_number += 1
            where = f"row {row_number} (line {first})"
            if None in row:
                skip_or_raise(
                    SkippedRecord(
                        "has more fields than the header",
                        source=source,
                        record=where,
                        kind="have more fields than the header",
                    ),
                    opts,
                    report,
                )
                continue
            body = row.get(opts.text_field) or ""
            if not body.strip():
                missing.empty += 1
                skip_or_raise(
                    SkippedRecord(
                        f"its {opts.text_field!r} value is empty",
                        source=source,
                        record=where,
                        kind=f"have an empty {opts.text_field!r}",
                    ),
                    opts,
                    report,
                )
                continue
            usable += 1
            yield make_article(
                body,
                renamed(row, opts),
                default_id=f"{stem}:{row_number}",
                source=f"{source}:{lines.line}",
                first_line=opts.title_from_first_line,
                report=report,
            )
        missing.refuse_if_all(usable, source, noun="rows")
    finally:
        csv.field_size_limit(previous_limit)


def _sampled_lengths(reader: Any, rows: int = 50) -> dict[str, int]:
    """The characters of text in each column of the first rows (to guess the text column)."""
    lengths: dict[str, int] = {}
    for _ in range(rows):
        try:
            row = next(reader)
        except (StopIteration, csv.Error, _LineTooLong):
            break
        count_text(lengths, {k: v for k, v in row.items() if k})
    return lengths


_PARQUET_BATCH_ROWS = 256


def read_parquet(
    source: str, path: Any, stem: str, opts: ReadOptions, report: Callable[..., None]
) -> Iterator[Article]:
    """Rows of a Parquet file, a record batch at a time; columns as in a CSV file."""
    try:
        import pyarrow
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependency("reading .parquet files", "pyarrow", "batch") from None
    try:
        parquet = pq.ParquetFile(path)
    except (pyarrow.ArrowException, OSError) as exc:
        raise InputError(f"cannot be read as Parquet ({exc})", source=source) from None
    with parquet:
        columns = list(parquet.schema_arrow.names)
        if opts.text_field not in columns:
            lengths: dict[str, int] = {}
            for batch in parquet.iter_batches(batch_size=50):
                for record in batch.to_pylist():
                    count_text(lengths, record)
                break
            raise InputError(
                f"has no {opts.text_field!r} column (columns: {', '.join(columns) or 'none'}); "
                + text_field_hint(lengths, opts.text_field, noun="column"),
                source=source,
            )
        missing_columns(columns, opts, source)
        missing = _Missing(opts.text_field)
        usable = 0
        row = 0
        for batch in parquet.iter_batches(batch_size=_PARQUET_BATCH_ROWS):
            for record in batch.to_pylist():
                row += 1
                where = f"row {row}"
                body = record.get(opts.text_field)
                if not isinstance(body, str) or not body.strip():
                    problem = (
                        f"its {opts.text_field!r} value is empty"
                        if body is None or isinstance(body, str)
                        else f"its {opts.text_field!r} value is not text but {type(body).__name__}"
                    )
                    missing.empty += 1
                    kind = f"have an empty {opts.text_field!r}"
                    skip_or_raise(
                        SkippedRecord(problem, source=source, record=where, kind=kind), opts, report
                    )
                    continue
                usable += 1
                yield make_article(
                    body,
                    renamed({k: plain(v) for k, v in record.items()}, opts),
                    default_id=f"{stem}:{row}",
                    source=f"{source}:{row}",
                    first_line=opts.title_from_first_line,
                    report=report,
                )
        missing.refuse_if_all(usable, source, noun="rows")
