"""The lexicon file format, shared by every kind of lexicon.

A lexicon is a UTF-8 (or, with a byte-order mark, UTF-16 or UTF-32), tab-separated
text file, one line an entry, lines ending in a line feed (or a carriage return and a
line feed)::

    # id: loaded-language
    # version: 1.0.0
    # kind: loaded-language
    # language: en
    # license: MIT
    # title: Loaded language
    # description: What the list is for.
    # adding entries: How to add a line.
    # category.violence: Violence and chaos imagery | Words that paint ... (optional)
    term<TAB>pos<TAB>category<TAB>...          <- the column line
    brutalize<TAB>verb<TAB>violence<TAB>...    <- one entry a line

Header lines are ``# key: value`` before the column line. Blank lines and lines that
start with ``#`` are ignored everywhere else. Each entry has at most as many fields as
there are columns; missing trailing fields are empty.

This module only reads the file and checks its shape. Each kind of lexicon checks its
own columns and values (see ``framing.lexicon.kinds``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LexiconError

__all__ = ["REQUIRED_HEADER", "RawLexicon", "Row", "parse_lexicon_text", "read_lexicon_file"]

REQUIRED_HEADER = ("id", "version", "kind", "language", "license")
MAX_FILE_BYTES = 5_000_000
MAX_LINE_CHARS = 4_000
_HEADER_LINE = re.compile(r"#\s*([A-Za-z][\w .-]*?)\s*:\s*(.*?)\s*$")
_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_VERSION = re.compile(r"\d+\.\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Row:
    """One entry line: its line number and its fields by column name."""

    line: int
    fields: dict[str, str]


@dataclass(frozen=True)
class RawLexicon:
    source: str
    meta: dict[str, str]
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    sha256: str
    #: Lines that could not be read as entries (left out of ``rows``), each a problem.
    problems: tuple[LexiconError, ...] = field(default=(), compare=False)


def read_lexicon_file(path: str | Path) -> RawLexicon:
    """Read and shape-check a lexicon file; errors name the file and line."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise LexiconError("no such file; check the path", path=name)
    if p.is_dir():
        raise LexiconError("is a folder, not a lexicon file", path=name)
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise LexiconError(
            f"file is {size:,} bytes; lexicon files are limited to {MAX_FILE_BYTES:,} bytes",
            path=name,
        )
    return parse_lexicon_bytes(p.read_bytes(), source=name)


def parse_lexicon_bytes(data: bytes, *, source: str) -> RawLexicon:
    # here, not at the top: the readers' package (csv, gzip, decimal) is no part of
    # loading the built-in lexicons, which `framing --help` does
    from ..sources._decode import bom_encoding

    codec = bom_encoding(data) or "utf-8-sig"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if codec == "utf-8-sig" else codec.upper()
        line = data[: exc.start].decode(codec, "replace").count("\n") + 1
        raise LexiconError(
            f"not valid {name} (byte {exc.start}); save the file as UTF-8", path=source, line=line
        ) from None
    raw = parse_lexicon_text(text, source=source)
    return RawLexicon(
        raw.source, raw.meta, raw.columns, raw.rows, hashlib.sha256(data).hexdigest(), raw.problems
    )


def parse_lexicon_text(text: str, *, source: str) -> RawLexicon:
    """Read the header, the column line and the entries. A problem with the header or
    the column line is raised at once (nothing after it can be read); an entry line
    that cannot be read is left out and recorded in ``problems``, and reading goes on."""
    meta: dict[str, str] = {}
    columns: tuple[str, ...] = ()
    rows: list[Row] = []
    problems: list[LexiconError] = []
    # lines end in a line feed only: a field may hold any other character Python would
    # also break a line at (U+2028, U+0085, a form feed), and the line numbers then
    # agree with an editor's
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r")
        problem = None
        if len(line) > MAX_LINE_CHARS:
            problem = LexiconError(
                f"line is {len(line):,} characters long; the limit is {MAX_LINE_CHARS:,}",
                path=source,
                line=number,
            )
        elif "\x00" in line:
            problem = LexiconError("contains a NUL byte; is this a binary file?", path=source, line=number)
        if problem is not None:
            if not columns:
                raise problem
            problems.append(problem)
            continue
        stripped = line.strip()
        if not columns:
            if not stripped:
                continue
            if stripped.startswith("#"):
                m = _HEADER_LINE.match(stripped)
                if m:
                    key = m.group(1).strip().lower()
                    if key in meta:
                        raise LexiconError(f"header key {key!r} appears twice", path=source, line=number)
                    meta[key] = m.group(2)
                continue
            columns = tuple(c.strip().lower() for c in line.split("\t"))
            if len(columns) < 2 or any(not c for c in columns):
                raise LexiconError(
                    "expected the column line (tab-separated column names, e.g. "
                    f"'term<TAB>category<TAB>...'), got {stripped[:60]!r}",
                    path=source,
                    line=number,
                )
            if len(set(columns)) != len(columns):
                raise LexiconError("a column name appears twice", path=source, line=number)
            _check_header(meta, source, number)
            continue
        if not stripped or stripped.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) > len(columns):
            problems.append(
                LexiconError(
                    f"{len(fields)} tab-separated fields but only {len(columns)} columns "
                    f"({', '.join(columns)}); is there a stray tab?",
                    path=source,
                    line=number,
                )
            )
            continue
        fields += [""] * (len(columns) - len(fields))
        rows.append(Row(number, {c: f.strip() for c, f in zip(columns, fields, strict=False)}))
    if not columns:
        if not meta:
            raise LexiconError("file is empty or has no header", path=source)
        raise LexiconError("no column line after the header", path=source)
    return RawLexicon(
        source, meta, columns, tuple(rows), hashlib.sha256(text.encode()).hexdigest(), tuple(problems)
    )


def _check_header(meta: dict[str, str], source: str, line: int) -> None:
    """Refuse a header without the required keys, or with an id or version of the wrong
    shape (every such problem at once)."""
    problems = []
    missing = [k for k in REQUIRED_HEADER if not meta.get(k)]
    if missing:
        problems.append(
            LexiconError(
                "header is missing "
                + ", ".join(repr(k) for k in missing)
                + "; add lines like '# id: my-words' before the column line",
                path=source,
                line=line,
            )
        )
    if meta.get("id") and not _ID.fullmatch(meta["id"]):
        problems.append(
            LexiconError(
                f"id {meta['id']!r} must be lowercase letters, digits, '.', '_' or '-'",
                path=source,
                line=line,
            )
        )
    if meta.get("version") and not _VERSION.fullmatch(meta["version"]):
        problems.append(
            LexiconError(f"version {meta['version']!r} must look like 1.0 or 1.0.0", path=source, line=line)
        )
    if problems:
        raise LexiconError.of(problems)
