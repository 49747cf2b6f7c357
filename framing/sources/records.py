"""Records in, Articles out: the options of reading, and what a record's fields become.

A record is a JSON object, a CSV row or a Parquet row. Its text comes from the field
``ReadOptions.text_field``; its id, outlet, title and date from the fields of those
names or from the fields the options name instead (``id_field``, ...); every other
field goes to ``Article.meta``. Text and metadata are cleaned here, once, as they come in.
"""

from __future__ import annotations

import datetime
import decimal
import difflib
import json
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..article import Article, surrogate_warning, without_surrogates
from ..errors import InputError, InputWarning, SkippedRecord

__all__ = [
    "METADATA_FIELDS",
    "ReadOptions",
    "article_from_record",
    "likely_text_field",
]

METADATA_FIELDS = ("id", "outlet", "title", "date", "url")
#: The metadata a record's own field may be named for, with the option that names it.
NAMED_FIELDS = {
    "id": "--id-field",
    "outlet": "--outlet-field",
    "title": "--title-field",
    "date": "--date-field",
}


@dataclass(frozen=True)
class ReadOptions:
    """How to read input.

    ``text_field`` names the JSONL field or CSV/Parquet column holding the article text.
    ``id_field``, ``outlet_field``, ``title_field`` and ``date_field`` name the fields
    holding the id, outlet, title and date, where they are not called ``id``,
    ``outlet``, ``title`` and ``date`` (None: those names). ``title_from_first_line``
    reads each text's first line as its title (the line stays in the text, as the
    headline). ``strict`` makes one bad record fatal.
    """

    text_field: str = "text"
    title_from_first_line: bool = False
    strict: bool = False
    id_field: str | None = None
    outlet_field: str | None = None
    title_field: str | None = None
    date_field: str | None = None

    def field_names(self) -> dict[str, str]:
        """The metadata given another field: ``{"id": "ID", "outlet": "source"}``."""
        named = {
            "id": self.id_field,
            "outlet": self.outlet_field,
            "title": self.title_field,
            "date": self.date_field,
        }
        return {k: v for k, v in named.items() if v}

    def key(self) -> dict[str, Any]:
        """The options as plain data, leaving out fields not named (so that a batch run
        made before they existed keeps its fingerprint)."""
        data = {
            "text_field": self.text_field,
            "title_from_first_line": self.title_from_first_line,
            "strict": self.strict,
        }
        data.update({f"{k}_field": v for k, v in self.field_names().items()})
        return data


def warn(problem: InputError | InputWarning) -> None:
    """Issue a problem as an :class:`InputWarning` (when no one else takes it)."""
    warning = problem if isinstance(problem, InputWarning) else InputWarning(str(problem))
    warnings.warn(warning, stacklevel=3)


def skip_or_raise(problem: SkippedRecord, opts: ReadOptions, report: Callable[..., None]) -> None:
    if opts.strict:
        raise problem
    report(problem)


def missing_columns(columns: Iterable[str], opts: ReadOptions, source: str) -> None:
    """Refuse a table without a column the options name for the metadata."""
    have = list(columns)
    for name, column in opts.field_names().items():
        if column not in have:
            raise InputError(
                f"has no {column!r} column for {NAMED_FIELDS[name]} "
                f"(columns: {', '.join(c for c in have if c) or 'none'})",
                source=source,
            )


def renamed(record: Mapping[str, Any], opts: ReadOptions) -> dict[str, Any]:
    """The record with the fields the options name moved to the metadata's names (a
    field of the metadata's own name is then left out)."""
    names = opts.field_names()
    if not names:
        return dict(record)
    moved = set(names.values())
    fields = {k: v for k, v in record.items() if k not in moved and k not in names}
    fields.update({name: record.get(column) for name, column in names.items()})
    return fields


def likely_text_field(lengths: Mapping[str, int], wanted: str) -> str | None:
    """The field a text most likely is in: one named like ``wanted``, else the one with
    the most characters of text (``lengths``: characters of string values per field)."""
    texts = [k for k, n in lengths.items() if n > 0 and k != wanted]
    close = difflib.get_close_matches(wanted, texts, n=1, cutoff=0.6)
    if close:
        return close[0]
    if not texts:
        return None
    return max(texts, key=lambda k: (lengths[k], k))


def count_text(lengths: dict[str, int], record: Mapping[str, Any]) -> None:
    """Add a record's string values that hold words (a space between two of them) to
    the characters counted per field: a code or a number is no article's text."""
    for k, v in record.items():
        if isinstance(v, str) and " " in v.strip():
            lengths[str(k)] = lengths.get(str(k), 0) + len(v)


def text_field_hint(lengths: Mapping[str, int], wanted: str, *, noun: str = "field") -> str:
    """What to do about a text field no record has: the likely field, or the option."""
    found = likely_text_field(lengths, wanted)
    return f"did you mean --text-field {found}?" if found else f"name the text {noun} with --text-field"


def make_article(
    text: str,
    fields: Mapping[str, Any],
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
    values = {k: clean(as_text(fields.get(k))) for k in METADATA_FIELDS}
    title = values["title"]
    if first_line and not title:
        line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        title = line or None
    extra = {
        clean(k) or "": clean(as_text(v)) or ""
        for k, v in fields.items()
        if k not in METADATA_FIELDS and k not in ("text",) and v not in (None, "")
    }
    article_id = values["id"] or clean(default_id) or ""
    source = clean(source)
    if replaced:
        (report or warn)(surrogate_warning(source or f"article {article_id}", replaced))
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
        if text_field not in record:
            lengths: dict[str, int] = {}
            count_text(lengths, record)
            problem = (
                f"has no {text_field!r} field (fields: {', '.join(sorted(map(str, record))) or 'none'}); "
                + text_field_hint(lengths, text_field)
            )
            kind = f"lack {text_field!r}"
        else:
            problem = f"its {text_field!r} field is empty or not a string"
            kind = f"have an empty {text_field!r}"
        raise SkippedRecord(problem, source=source or None, kind=kind)
    return make_article(
        body,
        {str(k): plain(v) for k, v in record.items()},
        default_id=default_id,
        source=source or None,
        first_line=title_from_first_line,
    )


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float, bool)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def plain(value: Any) -> Any:
    """A Parquet value as JSON-safe data: dates as ISO text, decimals and bytes as text."""
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
