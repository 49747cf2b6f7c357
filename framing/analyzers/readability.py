"""Readability of the article body (captions, links and headlines left out)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from ..metrics.tone import ReadabilityCounts, ReadabilityMetrics
from ..readability_formulas import readability
from ..text.document import Document
from .base import AnalyzerOutput

__all__ = ["ReadabilityAnalyzer", "body_text"]

_BODY = ("narration", "quote", "reported")


def body_text(doc: Document) -> str:
    """The normalised text of the body voices; other stretches become line breaks."""
    pieces: list[str] = []
    for run in doc.voices:
        if run.voice in _BODY:
            pieces.append(doc.text[run.start : run.end])
        elif pieces and not pieces[-1].endswith("\n"):
            pieces.append("\n")
    return "".join(pieces).strip()


class ReadabilityAnalyzer:
    name = "readability"
    description = "Readability formulas (textstat's definitions), computed offline in one pass."

    def provenance(self) -> Mapping[str, Any]:
        return {"syllables": "CMU Pronouncing Dictionary, then pyphen"}

    def analyze(self, doc: Document) -> AnalyzerOutput:
        r = readability(body_text(doc))
        scores = {k: v for k, v in asdict(r).items() if k != "counts"}
        return AnalyzerOutput((), ReadabilityMetrics(**scores, counts=ReadabilityCounts(**asdict(r.counts))))
