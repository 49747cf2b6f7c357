"""The Article: one text to analyse, and what is known about where it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Article", "text_id"]


def text_id(text: str) -> str:
    """A short, stable identifier derived from the text itself."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


@dataclass(frozen=True)
class Article:
    """An article exactly as received.

    ``text`` is never altered: every character offset framing reports points into it.
    When ``title`` is also the first line of ``text``, that line is read as the headline.
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
        if not self.id:
            object.__setattr__(self, "id", text_id(self.text))

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
