"""Tone: VADER sentiment of each sentence, kept apart by voice.

Each sentence is cut at voice boundaries, so that a quoted insult does not count as the
outlet's tone. Scores come from :mod:`framing.vader`, a faster port of VADER that the
tests keep equal to the ``vaderSentiment`` package, whose lexicon (MIT) it reads, so
nothing is downloaded. Compound scores run from -1 (most negative) to +1.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..metrics.tone import ToneByVoice, ToneMetrics, TonePiece
from ..text.document import OWN_VOICES, QUOTED_VOICES, REPORTED_VOICES, Document
from ..vader import compound
from .base import AnalyzerOutput

__all__ = ["ToneAnalyzer"]

_MIN_WORDS = 3


class ToneAnalyzer:
    name = "tone"
    description = "Sentence tone (VADER compound, -1 to +1), by voice."

    def provenance(self) -> Mapping[str, Any]:
        return {"model": "vaderSentiment 3.3 lexicon"}

    def analyze(self, doc: Document) -> AnalyzerOutput:
        pieces: list[TonePiece] = []
        for s, e in doc.sentences:
            pos = s
            while pos < e:
                run = doc.run_at(pos)
                end = min(run.end, e)
                if run.voice != "furniture":
                    text = doc.text[pos:end]
                    n = len(text.split())
                    if n >= _MIN_WORDS:
                        score = compound(text)
                        start, stop = doc.to_original(pos, end)
                        spk = doc.speaker_of(run)
                        pieces.append(TonePiece(start, stop, run.voice, spk.name if spk else None, n, score))
                pos = end
        return AnalyzerOutput((), self._metrics(pieces))

    @staticmethod
    def _metrics(pieces: list[TonePiece]) -> ToneMetrics:
        def mean(voices: tuple[str, ...]) -> float | None:
            chosen = [p for p in pieces if p.voice in voices]
            words = sum(p.words for p in chosen)
            if not words:
                return None
            return sum(p.compound * p.words for p in chosen) / words

        return ToneMetrics(
            own=mean(OWN_VOICES),
            quoted=mean(QUOTED_VOICES),
            reported=mean(REPORTED_VOICES),
            by_voice=ToneByVoice(*(mean((v,)) for v in ("narration", "headline", "quote", "reported"))),
            sentences=len(pieces),
            pieces=tuple(pieces),
        )
