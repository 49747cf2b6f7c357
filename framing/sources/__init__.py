"""Sources: files, folders, JSONL, CSV and Parquet in; Articles out.

``read_articles(paths)`` yields one :class:`~framing.article.Article` per text file,
JSONL line, CSV row or Parquet row. JSONL, CSV and Parquet files are streamed (read a
block or a record batch at a time), so memory does not grow with their size; reading
Parquet needs pyarrow (``pip install ".[batch]"``). The path ``-`` is one article read
from the standard input. Bad input is refused with the file and the line or record and
what is wrong. In a multi-record input (a folder, a JSONL or CSV file) one bad record is
reported and skipped, and the rest are read; ``strict=True`` makes it fatal instead. A
:class:`ProblemTally` tells the records skipped for the same reason as one line.

The records' fields are read in :mod:`framing.sources.records` (which field holds the
text, the id, the outlet, ...), the tables in :mod:`framing.sources.tables`.

A folder may hold a ``manifest.csv`` with a ``file`` column and any of ``id``,
``outlet``, ``title``, ``date``, ``url``, ``title_from_first_line`` and ``notes``; its
rows describe the text files beside it.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..article import Article
from ..errors import InputError, InputWarning, SkippedRecord
from ._decode import FALLBACK_ENCODING, decode, open_text
from .html import HTML_SUFFIXES, read_html
from .problems import ProblemTally
from .records import (
    METADATA_FIELDS,
    ReadOptions,
    article_from_record,
    make_article,
    skip_or_raise,
)
from .records import warn as _warn
from .tables import MAX_JSON_DEPTH, read_csv, read_jsonl, read_parquet

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
    "STDIN",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "ProblemTally",
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
#: The path that stands for the standard input: one article's plain text.
STDIN = "-"
_TRUE = {"1", "true", "yes", "y"}


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
    stdin: BinaryIO | None = None,
) -> Iterator[Article]:
    """Read articles from files and folders, lazily, in a stable order.

    ``on_problem`` receives each skipped record (an :class:`InputError`) and each
    warning; by default they are issued as :class:`InputWarning` warnings. The path
    ``"-"`` reads one article's plain text from ``stdin`` (by default the standard
    input), with the id ``stdin``.
    """
    opts = options or ReadOptions()
    report = on_problem or _warn
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for raw in paths:
        if str(raw) == STDIN and not Path(STDIN).exists():
            yield _read_stdin(stdin or sys.stdin.buffer, opts, report)
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError("no such file or folder", source=str(raw))
        if path.is_dir():
            yield from _read_folder(path, opts, report)
        else:
            yield from _read_file(path, opts, report, manifest=None, in_batch=False)


def _read_stdin(stream: BinaryIO, opts: ReadOptions, report: Callable[..., None]) -> Article:
    source = "the standard input"
    with _reading(source):
        data = stream.read()
    if not data.strip():
        raise InputError("is empty: give the article's text on it, or name a file", source=source)
    text = decode(data, source=source, warn=report)
    return make_article(
        text, {}, default_id="stdin", source=source, first_line=opts.title_from_first_line, report=report
    )


@contextlib.contextmanager
def _reading(source: str) -> Iterator[None]:
    """A file or folder that cannot be read (no permission, a disk error) is refused
    as input is, with one line naming it, rather than with a traceback."""
    try:
        yield
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", source=source) from None


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
                        yield from read_jsonl(stream, source, _stem(path), opts, report)
                    else:
                        yield from read_csv(
                            stream,
                            source,
                            _stem(path),
                            opts,
                            report,
                            delimiter="\t" if ".tsv" in suffix else ",",
                        )
                return
            if suffix in PARQUET_SUFFIXES:
                yield from read_parquet(source, path, _stem(path), opts, report)
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
        skip_or_raise(SkippedRecord(exc.reason, source=source), opts, report)
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
    yield make_article(text, meta, default_id=path.stem, source=source, first_line=first_line, report=report)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in TABLE_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem
