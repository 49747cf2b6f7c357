"""The Article: one text to analyse, and what is known about where it came from."""

from __future__ import annotations

import hashlib
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from .errors import InputWarning

__all__ = ["Article", "surrogate_warning", "text_id", "without_surrogates"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_FIELDS = ("text", "id", "outlet", "title", "date", "url", "source")


def text_id(text: str) -> str:
    """A short, stable identifier derived from the text itself."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def without_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD, and how many there were.

    A surrogate is half of a UTF-16 pair (a JSON ``\\ud800`` escape gives one, and an
    undecodable file name another). It is no character, no file can hold it, and
    writing it fails, so it is replaced where text comes in; one character for one, so
    every offset stays the same.

    >>> without_surrogates("a\\ud800b")
    ('a\\ufffdb', 1)
    """
    if text.isascii() or not _SURROGATE.search(text):
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def surrogate_warning(where: str, count: int) -> InputWarning:
    """The warning for ``count`` surrogates replaced in the input at ``where``."""
    return InputWarning(
        f"{where}: {count:,} lone surrogate{'s' if count != 1 else ''} (half of a UTF-16 pair, as a "
        "JSON \\ud800 escape gives), which no text file can hold, replaced with U+FFFD (\ufffd)"
    )


@dataclass(frozen=True)
class Article:
    """An article exactly as received.

    ``text`` is never altered: every character offset framing reports points into it.
    When ``title`` is also the first line of ``text``, that line is read as the headline.
    The one exception is a lone surrogate (see :func:`without_surrogates`) in any field,
    which is replaced, one character for one, with a warning: the readers of
    :mod:`framing.sources` replace them first and say in which record.
    """

    text: str
    id: str = ""
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    meta: dict[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Article.text must be str, not {type(self.text).__name__}")
        replaced = 0
        for name in _TEXT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str):
                clean, n = without_surrogates(value)
                if n:
                    object.__setattr__(self, name, clean)
                    replaced += n
        if any(isinstance(v, str) and not v.isascii() for kv in self.meta.items() for v in kv):
            meta = {}
            for key, value in self.meta.items():
                key, n = without_surrogates(key) if isinstance(key, str) else (key, 0)
                replaced += n
                if isinstance(value, str):
                    value, n = without_surrogates(value)
                    replaced += n
                meta[key] = value
            object.__setattr__(self, "meta", meta)
        if not self.id:
            object.__setattr__(self, "id", text_id(self.text))
        if replaced:
            warnings.warn(surrogate_warning(f"article {self.id}", replaced), stacklevel=3)

    @property
    def label(self) -> str:
        """A short human name for tables and charts: the outlet, else the id."""
        return self.outlet or self.id

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "source": self.source,
            "meta": dict(sorted(self.meta.items())),
            "sha256": self.sha256,
            "chars": len(self.text),
        }
