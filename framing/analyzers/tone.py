"""Tone: VADER sentiment of each sentence, kept apart by voice.

Each sentence is cut at voice boundaries, so that a quoted insult does not count as the
outlet's tone. VADER's lexicon ships inside the ``vaderSentiment`` package (MIT), so
nothing is downloaded. Compound scores run from -1 (most negative) to +1.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from ..text.document import OWN_VOICES, QUOTED_VOICES, REPORTED_VOICES, Document
from .base import AnalyzerOutput

__all__ = ["ToneAnalyzer"]

_MIN_WORDS = 3


@functools.lru_cache(maxsize=1)
def _vader():  # type: ignore[no-untyped-def]
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


class ToneAnalyzer:
    name = "tone"
    description = "Sentence tone (VADER compound, -1 to +1), by voice."

    def provenance(self) -> Mapping[str, Any]:
        return {"model": "vaderSentiment 3.3 lexicon"}

    def analyze(self, doc: Document) -> AnalyzerOutput:
        vader = _vader()
        pieces: list[dict[str, Any]] = []
        for s, e in doc.sentences:
            pos = s
            while pos < e:
                run = doc.run_at(pos)
                end = min(run.end, e)
                if run.voice != "furniture":
                    text = doc.text[pos:end]
                    n = len(text.split())
                    if n >= _MIN_WORDS:
                        score = vader.polarity_scores(text)["compound"]
                        start, stop = doc.to_original(pos, end)
                        spk = doc.speaker_of(run)
                        pieces.append(
                            {
                                "start": start,
                                "end": stop,
                                "voice": run.voice,
                                "speaker": spk.name if spk else None,
                                "words": n,
                                "compound": score,
                            }
                        )
                pos = end
        return AnalyzerOutput((), self._metrics(pieces))

    @staticmethod
    def _metrics(pieces: list[dict[str, Any]]) -> dict[str, Any]:
        def mean(voices: tuple[str, ...]) -> float | None:
            chosen = [p for p in pieces if p["voice"] in voices]
            words = sum(p["words"] for p in chosen)
            if not words:
                return None
            return sum(p["compound"] * p["words"] for p in chosen) / words

        return {
            "own": mean(OWN_VOICES),
            "quoted": mean(QUOTED_VOICES),
            "reported": mean(REPORTED_VOICES),
            "by_voice": {v: mean((v,)) for v in ("narration", "headline", "quote", "reported")},
            "sentences": len(pieces),
            "pieces": pieces,
        }
