"""Reading the form: pasted articles and uploaded files, with the limits they must keep.

The page's process reads the form (:func:`pasted`) and saves each uploaded file, at
most ``file_mb`` of it, into a temporary folder it removes after the answer
(:func:`save_uploads`). A worker process turns them into articles
(:func:`articles_from`) with framing's own readers, so their messages are the command
line's, naming each file as it was uploaded.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..article import Article
from ..errors import InputError, InputWarning
from ..sources import TEXT_SUFFIXES, ProblemTally, ReadOptions, article_from_record, read_articles
from ..sources.html import HTML_SUFFIXES, read_html
from .limits import Limits

if TYPE_CHECKING:
    from werkzeug.datastructures import FileStorage, MultiDict

__all__ = [
    "UPLOAD_SUFFIXES",
    "FileTooLarge",
    "Pasted",
    "TooMuchText",
    "Upload",
    "articles_from",
    "pasted",
    "save_uploads",
    "unique_ids",
]

#: The files the page reads. Compressed files are left to the command line: a small
#: upload must not unpack into something huge.
UPLOAD_SUFFIXES = (*TEXT_SUFFIXES, ".jsonl", ".ndjson", ".csv", ".tsv", *HTML_SUFFIXES)
_MOST_PASTED = 1000
_COPY_BLOCK = 1 << 20


@dataclass
class Pasted:
    """One pasted article as typed into the form (kept to show the form again)."""

    n: int
    text: str = ""
    outlet: str = ""
    title: str = ""
    headline: bool = False


@dataclass(frozen=True)
class Upload:
    """An uploaded file: its name as uploaded and where this process saved it."""

    name: str
    path: str


class FileTooLarge(Exception):
    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


class TooMuchText(Exception):
    """The articles read hold more characters than one request may."""

    def __init__(self, chars: int):
        super().__init__(chars)
        self.chars = chars


def pasted(form: MultiDict[str, str]) -> list[Pasted]:
    """The pasted articles of the form, in their order."""
    numbers = sorted(
        {
            int(m.group(1))
            for key in form
            if (m := re.fullmatch(r"(?:text|outlet|title|headline)-(\d{1,4})", key))
            and int(m.group(1)) <= _MOST_PASTED
        }
    )
    return [
        Pasted(
            n,
            # browsers send line breaks as CRLF; the article's own text has plain ones
            text=form.get(f"text-{n}", "").replace("\r\n", "\n"),
            outlet=form.get(f"outlet-{n}", "").strip(),
            title=form.get(f"title-{n}", "").strip(),
            headline=bool(form.get(f"headline-{n}")),
        )
        for n in numbers
    ]


def _upload_name(storage: FileStorage) -> str:
    """The uploaded file's own name, without any folder a browser may have sent."""
    name = PurePosixPath((storage.filename or "").replace("\\", "/")).name
    return re.sub(r"[\x00-\x1f\x7f]", "", name).strip() or "upload"


def suffix_of(name: str) -> str:
    lower = name.lower()
    return next((s for s in UPLOAD_SUFFIXES if lower.endswith(s)), "")


def save_uploads(files: Sequence[FileStorage], limits: Limits, folder: Path) -> list[Upload]:
    """Save each chosen file into ``folder`` (at most ``file_mb`` of it: a larger one
    raises :class:`FileTooLarge`), under a name of its own; a file of a kind the page
    does not read is saved too, and refused, by name, when it is read."""
    out = []
    for i, storage in enumerate(files):
        if not storage.filename:
            continue  # the empty part a browser sends when no file is chosen
        name = _upload_name(storage)
        suffix = suffix_of(name)
        stem = name[: len(name) - len(suffix)].encode("utf-8")[:150].decode("utf-8", "ignore").strip(". ")
        place = folder / str(i)
        place.mkdir()
        path = place / ((stem or "upload") + suffix)
        with open(path, "wb") as f:
            copied = 0
            while block := storage.stream.read(min(_COPY_BLOCK, limits.file_bytes + 1 - copied)):
                f.write(block)
                copied += len(block)
                if copied > limits.file_bytes:
                    raise FileTooLarge(name)
        out.append(Upload(name, str(path)))
    return out


def _pasted_articles(items: Sequence[Pasted]) -> list[Article]:
    out = []
    for p in items:
        if not p.text.strip():
            if p.outlet or p.title:
                raise InputError(
                    "has an outlet or headline but no text; paste the article's text into its box, "
                    "or clear those fields",
                    source=f"Article {p.n}",
                )
            continue
        out.append(
            article_from_record(
                {"text": p.text, "outlet": p.outlet, "title": p.title},
                default_id=f"Article {p.n}",
                source=f"pasted article {p.n}",
                title_from_first_line=p.headline,
            )
        )
    return out


def _rename(path: str, name: str, text: str) -> str:
    return text.replace(path, name)


def _uploaded_articles(
    uploads: Sequence[Upload], options: ReadOptions, room: int, notes: list[str]
) -> list[Article]:
    """Articles from uploaded files, read by framing's own readers, at most ``room + 1``."""
    out: list[Article] = []
    for upload in uploads:
        if len(out) > room:
            break
        name, path = upload.name, upload.path
        suffix = suffix_of(name)
        if not suffix:
            raise InputError(
                "is not a kind of file this page reads; choose "
                + ", ".join(UPLOAD_SUFFIXES)
                + " files (for other kinds, use the command line)",
                source=name,
            )
        if suffix in HTML_SUFFIXES:
            data = Path(path).read_bytes()
            out.append(read_html(data, source=name, warn=lambda w: notes.append(str(w))))
            continue
        local = functools.partial(_rename, path, name)

        def report(problem: InputError | InputWarning, local: Any = local) -> None:
            notes.append(("Skipped " if isinstance(problem, InputError) else "") + local(str(problem)))

        tally = ProblemTally(report)  # the records skipped for one reason make one note
        try:
            for article in itertools.islice(
                read_articles(path, options, on_problem=tally), room + 1 - len(out)
            ):
                out.append(dataclasses.replace(article, source=local(article.source or path)))
        except InputError as exc:
            raise InputError(local(exc.reason), source=local(exc.source or path), record=exc.record) from None
        for problem in tally.summaries():
            report(problem)
    return out


def articles_from(
    items: Sequence[Pasted], uploads: Sequence[Upload], options: ReadOptions, limits: Limits, notes: list[str]
) -> list[Article]:
    """The articles of a request: pasted first, then those of each file, at most
    ``limits.articles + 1`` (one more says there were too many). Raises
    :class:`InputError` for what cannot be read and :class:`TooMuchText` past
    ``limits.chars`` characters."""
    articles = _pasted_articles(items)
    if len(articles) <= limits.articles:
        articles += _uploaded_articles(uploads, options, limits.articles - len(articles), notes)
    chars = sum(len(a.text) for a in articles)
    if chars > limits.chars:
        raise TooMuchText(chars)
    return articles


def unique_ids(articles: Sequence[Article]) -> list[Article]:
    """The articles, each id made unique by a number after it (``x``, ``x-2``, ...)."""
    seen: set[str] = set()
    out = []
    for a in articles:
        new, k = a.id, 1
        while new in seen:
            k += 1
            new = f"{a.id}-{k}"
        seen.add(new)
        out.append(a if new == a.id else dataclasses.replace(a, id=new))
    return out


def remove(folder: Path) -> None:
    """Remove a request's folder of uploads."""
    shutil.rmtree(folder, ignore_errors=True)
