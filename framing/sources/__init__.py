"""Sources: files, folders, JSONL, CSV and Parquet in; Articles out.

``read_articles(paths)`` yields one :class:`~framing.article.Article` per text file,
JSONL line, CSV row or Parquet row. JSONL, CSV and Parquet files are streamed (read a
block or a record batch at a time), so memory does not grow with their size; reading
Parquet needs pyarrow (``pip install ".[batch]"``). Bad input is refused with the file and the line or record and
what is wrong. In a multi-record input (a folder, a JSONL or CSV file) one bad record is
reported and skipped, and the rest are read; ``strict=True`` makes it fatal instead.

A folder may hold a ``manifest.csv`` with a ``file`` column and any of ``id``,
``outlet``, ``title``, ``date``, ``url``, ``title_from_first_line`` and ``notes``; its
rows describe the text files beside it.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import decimal
import gzip
import io
import json
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ..article import Article, surrogate_warning, without_surrogates
from ..errors import InputError, InputWarning, MissingDependency, SkippedRecord
from ._decode import FALLBACK_ENCODING, decode, open_text
from .html import HTML_SUFFIXES, read_html

__all__ = [
    "CSV_SUFFIXES",
    "FALLBACK_ENCODING",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "MANIFEST_NAME",
    "MAX_JSON_DEPTH",
    "METADATA_FIELDS",
    "PARQUET_SUFFIXES",
    "READABLE_SUFFIXES",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "ReadOptions",
    "article_from_record",
    "read_articles",
]

MANIFEST_NAME = "manifest.csv"
TEXT_SUFFIXES = (".txt", ".text", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".tsv", ".csv.gz", ".tsv.gz")
PARQUET_SUFFIXES = (".parquet",)
TABLE_SUFFIXES = JSONL_SUFFIXES + CSV_SUFFIXES + PARQUET_SUFFIXES
READABLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
METADATA_FIELDS = ("id", "outlet", "title", "date", "url")
_TRUE = {"1", "true", "yes", "y"}
#: The longest CSV field (and line) read, in characters: a longer one is a skipped record.
_MAX_CSV_FIELD = 64 * 1024 * 1024
#: The deepest nesting of a JSON record read (objects and arrays within each other).
MAX_JSON_DEPTH = 64


@dataclass(frozen=True)
class ReadOptions:
    """How to read input.

    ``text_field`` names the JSONL field or CSV column holding the article text.
    ``title_from_first_line`` reads each text's first line as its title (the line stays
    in the text, as the headline). ``strict`` makes one bad record fatal.
    """

    text_field: str = "text"
    title_from_first_line: bool = False
    strict: bool = False


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in READABLE_SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def read_articles(
    paths: str | Path | Iterable[str | Path],
    options: ReadOptions | None = None,
    *,
    on_problem: Callable[[InputError | InputWarning], None] | None = None,
) -> Iterator[Article]:
    """Read articles from files and folders, lazily, in a stable order.

    ``on_problem`` receives each skipped record (an :class:`InputError`) and each
    warning; by default they are issued as :class:`InputWarning` warnings.
    """
    opts = options or ReadOptions()
    report = on_problem or _warn
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError("no such file or folder", source=str(raw))
        if path.is_dir():
            yield from _read_folder(path, opts, report)
        else:
            yield from _read_file(path, opts, report, manifest=None, in_batch=False)


@contextlib.contextmanager
def _reading(source: str) -> Iterator[None]:
    """A file or folder that cannot be read (no permission, a disk error) is refused
    as input is, with one line naming it, rather than with a traceback."""
    try:
        yield
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", source=source) from None


def _warn(problem: InputError | InputWarning) -> None:
    warning = problem if isinstance(problem, InputWarning) else InputWarning(str(problem))
    warnings.warn(warning, stacklevel=3)


def _skip_or_raise(problem: SkippedRecord, opts: ReadOptions, report: Callable[..., None]) -> None:
    if opts.strict:
        raise problem
    report(problem)


def _read_folder(folder: Path, opts: ReadOptions, report: Callable[..., None]) -> Iterator[Article]:
    with _reading(str(folder)):
        files = sorted(
            p
            for p in folder.iterdir()
            if p.is_file() and p.name != MANIFEST_NAME and not p.name.startswith(".")
        )
    with _reading(str(folder / MANIFEST_NAME)):
        manifest = _read_manifest(folder / MANIFEST_NAME, report) if (folder / MANIFEST_NAME).exists() else {}
    readable = [p for p in files if _suffix(p) in READABLE_SUFFIXES]
    for p in files:
        if p not in readable and p.name.lower() not in ("readme.md", "readme.txt", "license"):
            report(InputWarning(f"{p}: skipped; framing reads {', '.join(READABLE_SUFFIXES)} files"))
    if not readable:
        raise InputError(
            "holds no files framing can read (" + ", ".join(READABLE_SUFFIXES) + ")",
            source=str(folder),
        )
    for p in readable:
        if p.name.lower() in ("readme.md", "readme.txt"):
            continue
        yield from _read_file(p, opts, report, manifest=manifest.get(p.name), in_batch=True)


def _read_manifest(path: Path, report: Callable[..., None]) -> dict[str, dict[str, str]]:
    text = decode(path.read_bytes(), source=str(path), warn=report)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "file" not in reader.fieldnames:
        raise InputError("a manifest needs a 'file' column naming each text file", source=str(path))
    rows: dict[str, dict[str, str]] = {}
    for n, row in enumerate(reader, start=2):
        name = (row.get("file") or "").strip()
        if not name:
            raise InputError("empty 'file' value", source=str(path), record=f"line {n}")
        rows[name] = {k: (v or "").strip() for k, v in row.items() if k and k != "file"}
    return rows


def _read_file(
    path: Path,
    opts: ReadOptions,
    report: Callable[..., None],
    *,
    manifest: dict[str, str] | None,
    in_batch: bool,
) -> Iterator[Article]:
    suffix = _suffix(path)
    source = str(path)
    try:
        with _reading(source):
            if suffix in JSONL_SUFFIXES or suffix in CSV_SUFFIXES:
                with open_text(path, source=source, gzipped=suffix.endswith(".gz"), warn=report) as stream:
                    if suffix in JSONL_SUFFIXES:
                        yield from _read_jsonl(stream, source, path, opts, report)
                    else:
                        yield from _read_csv(
                            stream, source, path, opts, report, delimiter="\t" if ".tsv" in suffix else ","
                        )
                return
            if suffix in PARQUET_SUFFIXES:
                yield from _read_parquet(source, path, opts, report)
                return
            data = path.read_bytes()
            if suffix.endswith(".gz"):
                try:
                    data = gzip.decompress(data)
                except (OSError, EOFError) as exc:
                    raise InputError(f"is not a readable gzip file ({exc})", source=source) from None
            if not data.strip():
                raise InputError("is empty", source=source)
            if suffix in HTML_SUFFIXES:
                page = read_html(data, source=source, warn=report)
            elif suffix not in TEXT_SUFFIXES:
                raise InputError(
                    f"has an extension framing does not read ({suffix or 'none'}); use "
                    + ", ".join(READABLE_SUFFIXES),
                    source=source,
                )
            else:
                page = None
                text = decode(data, source=source, warn=report)
    except InputError as exc:
        if not in_batch:
            raise
        _skip_or_raise(SkippedRecord(exc.reason, source=source), opts, report)
        return
    meta = dict(manifest or {})
    first_line = opts.title_from_first_line or meta.pop("title_from_first_line", "").lower() in _TRUE
    meta.pop("title_from_first_line", None)
    if page is not None:
        # what the page says of itself, unless the manifest says otherwise
        found = {k: getattr(page, k) for k in METADATA_FIELDS if k != "id"}
        meta = {**page.meta, **{k: v for k, v in found.items() if v}, **{k: v for k, v in meta.items() if v}}
        text = page.text
        first_line = False
    yield _article(text, meta, default_id=path.stem, source=source, first_line=first_line, report=report)


def _article(
    text: str,
    fields: dict[str, Any],
    *,
    default_id: str,
    source: str | None,
    first_line: bool,
    report: Callable[..., None] | None = None,
) -> Article:
    """The Article of one record. Text and metadata are cleaned here, once, as they come
    in: a lone surrogate (see :func:`~framing.article.without_surrogates`) is replaced,
    and ``report`` is warned, naming the record."""
    replaced = 0

    def clean(value: str | None) -> str | None:
        nonlocal replaced
        if value is None:
            return None
        value, n = without_surrogates(value)
        replaced += n
        return value

    text = clean(text) or ""
    values = {k: clean(_as_text(fields.get(k))) for k in METADATA_FIELDS}
    title = values["title"]
    if first_line and not title:
        line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        title = line or None
    extra = {
        clean(k) or "": clean(_as_text(v)) or ""
        for k, v in fields.items()
        if k not in METADATA_FIELDS and k not in ("text",) and v not in (None, "")
    }
    article_id = values["id"] or clean(default_id) or ""
    source = clean(source)
    if replaced:
        (report or _warn)(surrogate_warning(source or f"article {article_id}", replaced))
    return Article(
        text=text,
        id=article_id,
        outlet=values["outlet"],
        title=title,
        date=values["date"],
        url=values["url"],
        source=source,
        meta=extra,
    )


def article_from_record(
    record: Mapping[str, Any],
    *,
    text_field: str = "text",
    default_id: str = "",
    source: str = "",
    title_from_first_line: bool = False,
) -> Article:
    """One record (a JSON object, a table row, a data frame row) as an Article.

    The text comes from ``text_field``; ``id``, ``outlet``, ``title``, ``date`` and
    ``url`` from those fields; every other field goes to ``Article.meta``, as when
    reading JSONL. A record without usable text raises :class:`SkippedRecord`, naming
    ``source``. Without an ``id`` (and ``default_id``), the id is derived from the text.
    """
    body = record.get(text_field)
    if not isinstance(body, str) or not body.strip():
        problem = (
            f"has no {text_field!r} field (fields: {', '.join(sorted(map(str, record))) or 'none'}); "
            f"name the text field with --text-field"
            if text_field not in record
            else f"its {text_field!r} field is empty or not a string"
        )
        raise SkippedRecord(problem, source=source or None)
    return _article(
        body,
        {str(k): _plain(v) for k, v in record.items()},
        default_id=default_id,
        source=source or None,
        first_line=title_from_first_line,
    )


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float, bool)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


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


def _read_jsonl(
    stream: TextIO, source: str, path: Path, opts: ReadOptions, report: Callable[..., None]
) -> Iterator[Article]:
    any_record = False
    for n, line in enumerate(_lines(stream), start=1):
        if not line.strip():
            continue
        where = f"line {n}"
        too_deep = False
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            _skip_or_raise(
                SkippedRecord(
                    f"is not valid JSON ({exc.msg} at column {exc.colno})", source=source, record=where
                ),
                opts,
                report,
            )
            continue
        except RecursionError:
            too_deep = True  # deeper than Python's parser goes
        if too_deep or _depth(record) > MAX_JSON_DEPTH:
            _skip_or_raise(
                SkippedRecord(
                    f"nests lists or objects more than {MAX_JSON_DEPTH} levels deep, more than "
                    "framing reads; flatten the record",
                    source=source,
                    record=where,
                ),
                opts,
                report,
            )
            continue
        if not isinstance(record, dict):
            _skip_or_raise(
                SkippedRecord(
                    f"is a JSON {type(record).__name__}, not an object", source=source, record=where
                ),
                opts,
                report,
            )
            continue
        body = record.get(opts.text_field)
        if not isinstance(body, str) or not body.strip():
            problem = (
                f"has no {opts.text_field!r} field (fields: {', '.join(sorted(record)) or 'none'}); "
                f"name the text field with --text-field"
                if opts.text_field not in record
                else f"its {opts.text_field!r} field is empty or not a string"
            )
            _skip_or_raise(SkippedRecord(problem, source=source, record=where), opts, report)
            continue
        any_record = True
        yield _article(
            body,
            record,
            default_id=f"{_stem(path)}:{n}",
            source=f"{source}:{n}",
            first_line=opts.title_from_first_line,
            report=report,
        )
    if not any_record and opts.strict:
        raise InputError("holds no usable records", source=source)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in TABLE_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


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


def _read_csv(
    stream: TextIO,
    source: str,
    path: Path,
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
                "name the text column with --text-field",
                source=source,
            )
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
                _skip_or_raise(
                    SkippedRecord(problem, source=source, record=f"row {row_number} (line {first})"),
                    opts,
                    report,
                )
                continue
            lines.record_read()
            row_number += 1
            where = f"row {row_number} (line {first})"
            if None in row:
                _skip_or_raise(
                    SkippedRecord("has more fields than the header", source=source, record=where),
                    opts,
                    report,
                )
                continue
            body = row.get(opts.text_field) or ""
            if not body.strip():
                _skip_or_raise(
                    SkippedRecord(f"its {opts.text_field!r} value is empty", source=source, record=where),
                    opts,
                    report,
                )
                continue
            yield _article(
                body,
                row,
                default_id=f"{_stem(path)}:{row_number}",
                source=f"{source}:{lines.line}",
                first_line=opts.title_from_first_line,
                report=report,
            )
    finally:
        csv.field_size_limit(previous_limit)


_PARQUET_BATCH_ROWS = 256


def _read_parquet(
    source: str, path: Path, opts: ReadOptions, report: Callable[..., None]
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
            raise InputError(
                f"has no {opts.text_field!r} column (columns: {', '.join(columns) or 'none'}); "
                "name the text column with --text-field",
                source=source,
            )
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
                    _skip_or_raise(SkippedRecord(problem, source=source, record=where), opts, report)
                    continue
                yield _article(
                    body,
                    {k: _plain(v) for k, v in record.items()},
                    default_id=f"{_stem(path)}:{row}",
                    source=f"{source}:{row}",
                    first_line=opts.title_from_first_line,
                    report=report,
                )


def _plain(value: Any) -> Any:
    """A Parquet value as JSON-safe data: dates as ISO text, decimals and bytes as text."""
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
