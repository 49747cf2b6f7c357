"""Web pages in, one Article out: the page's main text, without menus, ads and footers.

A saved news page holds far more than the article. :func:`read_html` decodes the bytes
as every other source does (UTF-8, else Windows-1252 with a warning; binary and empty
files refused), hands the page to trafilatura's main-content extraction, and keeps its
title, site name, date and canonical address as the article's metadata. Captions,
bylines and related-story links that survive extraction are then treated as page
furniture by segmentation, as in any scraped text.

trafilatura is an optional dependency (``pip install ".[serve]"``), imported
only when a page is read. Nothing is fetched: the page is parsed as given.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import PurePath

from ..article import Article
from ..errors import InputError, InputWarning, MissingDependency
from ._decode import decode

__all__ = ["HTML_SUFFIXES", "read_html"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def _warn(problem: InputWarning) -> None:
    warnings.warn(problem, stacklevel=3)


def read_html(data: bytes, *, source: str, warn: Callable[[InputWarning], None] | None = None) -> Article:
    """The article in a web page (``data``, the page's bytes; ``source`` names it in messages).

    The title (from the page's metadata or ``<title>``) becomes the first line of the
    text, so it is read as the headline; the outlet is the page's site name where the
    page gives one. Raises :class:`~framing.errors.InputError` for an empty, binary or
    article-less page, and :class:`~framing.errors.MissingDependency` without trafilatura.
    """
    if not data.strip():
        raise InputError("is empty", source=source)
    page = decode(data, source=source, warn=warn or _warn)
    try:
        import trafilatura
    except ImportError:
        raise MissingDependency("reading HTML pages", "trafilatura", "serve") from None
    doc = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # only dates the page states in its metadata, never guessed from the text
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(doc, "text", None) or ""
    paragraphs = [" ".join(line.split()) for line in body.splitlines() if line.strip()]
    if not paragraphs:
        raise InputError(
            "holds no article text that could be found (the page may be empty, hold only links, "
            "or build its text with JavaScript); open it in a browser, copy the article's text "
            "and paste it instead",
            source=source,
        )
    title = " ".join((getattr(doc, "title", None) or "").split()) or None
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    author = getattr(doc, "author", None)
    return Article(
        text="\n\n".join(paragraphs),
        id=PurePath(source).stem or source,
        outlet=getattr(doc, "sitename", None) or None,
        title=title,
        date=getattr(doc, "date", None) or None,
        url=getattr(doc, "url", None) or None,
        source=source,
        meta={"author": author} if author else {},
    )
