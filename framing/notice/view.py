"""What a notice is: a plain sentence about how the articles differ, with the words
behind it.

Plain, frozen data, made once in :func:`framing.compare` and stored on the comparison;
renderers lay it out and never score. Offsets (``start``/``end``) index the text of the
article the evidence names, so ``text[start:end] == words``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Evidence", "Notice"]


@dataclass(frozen=True)
class Evidence:
    """Words of one article that a notice rests on.

    ``article`` is the article's position in the comparison and ``label`` its label;
    ``kind`` says what the words are (``loaded``, ``quotation``, ``cut``, ``cue``,
    ``source``, ``label``, ``role``); ``quotation`` is the position of the shared
    quotation in ``Coverage.quotations`` where the words are one outlet's use of it."""

    article: int
    label: str
    start: int
    end: int
    words: str
    kind: str
    quotation: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "words": self.words,
            "kind": self.kind,
            "quotation": self.quotation,
        }


@dataclass(frozen=True)
class Notice:
    """One sentence of "What to notice": the template it comes from, its text, the
    numbers it was filled with, the words behind it, whether it carries its hedge, and
    the report section whose table shows the same thing (``summary``, ``who``,
    ``quotations``, ``labels``, ``actors``; ``None`` where no table does)."""

    template: str
    text: str
    values: Mapping[str, Any] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    hedged: bool = False
    section: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "template": self.template,
            "text": self.text,
            "values": dict(self.values),
            "evidence": [e.to_dict() for e in self.evidence],
            "hedged": self.hedged,
            "section": self.section,
        }
