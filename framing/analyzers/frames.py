"""Frames: the angles an article takes, in its own voice and in the voices it quotes.

Cues from the ``frames`` lexicon (the fifteen dimensions of the Media Frames Corpus)
become findings. Per article: the weight of each frame's cues, its share of all cues,
the sentences that carry it, and the primary frame, each separately for the outlet's
own voice and for quoted and reported voices. A frame the outlet adopts in its
narration is not the same as a frame it reports a speaker using.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from ..lexicon import Lexicon
from ..metrics.frames import FrameGroup, FramesMetrics
from ..text.document import Document
from ..text.phrases import PhraseFinder
from .base import AnalyzerOutput, voice_group
from .loaded import phrase_findings

__all__ = ["FramesAnalyzer"]

GROUPS = ("own", "quoted", "reported")


class FramesAnalyzer:
    name = "frames"
    description = "Frame dimensions (Media Frames Corpus) cued in each voice, with evidence."

    def __init__(self, lexicons: Sequence[Lexicon]):
        self.lexicons = tuple(lexicons)
        self._finder = PhraseFinder(self.lexicons)
        self.frames = {cid: cat.label for lex in self.lexicons for cid, cat in lex.categories.items()}

    def provenance(self) -> Mapping[str, Any]:
        return {"lexicons": [lex.provenance() for lex in self.lexicons]}

    def analyze(self, doc: Document) -> AnalyzerOutput:
        findings = phrase_findings(doc, self._finder, self.name)
        weights: dict[str, dict[str, float]] = {g: defaultdict(float) for g in GROUPS}
        sentences: dict[str, dict[str, set[int]]] = {g: defaultdict(set) for g in GROUPS}
        starts = [doc.to_original(s, e)[0] for s, e in doc.sentences]
        for f in findings:
            group = voice_group(f.voice)
            weights[group][f.category] += f.weight
            sentences[group][f.category].add(bisect.bisect_right(starts, f.start) - 1)
        groups: dict[str, FrameGroup] = {}
        for group in GROUPS:
            total = sum(weights[group].values())
            dist = {k: v / total for k, v in sorted(weights[group].items())} if total else {}
            groups[group] = FrameGroup(
                weights=dict(sorted(weights[group].items())),
                distribution=dist,
                sentences={k: len(v) for k, v in sorted(sentences[group].items())},
                primary=max(sorted(dist), key=lambda k: dist[k]) if dist else None,
            )
        primary = groups["own"].primary
        metrics = FramesMetrics(
            own=groups["own"],
            quoted=groups["quoted"],
            reported=groups["reported"],
            primary=primary,
            primary_label=self.frames.get(primary or "", None),
        )
        return AnalyzerOutput(tuple(findings), metrics)
