"""Sourcing: who gets to speak, how they are introduced, and who stays anonymous.

Reads the attributions found during segmentation (:mod:`framing.text.attribution`) and
reports, per article, a table of voices (each source's type, how many times and how
many words it speaks, where it first and last appears, and the grades of the verbs that
introduce it), the grades of cue verbs overall, and the named-to-unnamed ratio. Vague
and anonymous sourcing ("officials said", "it is believed", "on condition of
anonymity") becomes findings, from the ``sourcing`` lexicon and from speakers the
article does not name.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from ..lexicon import Lexicon
from ..metrics.sourcing import SourceTypeCounts, SourcingMetrics, SpeakerRow
from ..results import Finding
from ..text.attribution import UNRESOLVED, Attribution
from ..text.document import Document
from ..text.names import Speaker, sources_are_people
from ..text.phrases import PhraseFinder
from .base import AnalyzerOutput
from .loaded import phrase_findings

__all__ = ["SPEECH_KINDS", "SourcingAnalyzer"]

#: Attribution kinds in which someone's words or thoughts are passed on.
SPEECH_KINDS = ("direct", "partial", "reported", "according-to")


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any of the sorted, non-nested ``spans`` overlaps ``[start, end)``."""
    i = bisect.bisect_left(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, i - 3) : i])


#: Names in commas right after a group noun: "Two officials, Karen Bass and Tom Homan,".
_NAMES_FOLLOW = re.compile(
    r",\s+(?:including\s+)?(?:[A-Z][\w.'-]*\s+){1,3}[A-Z][\w'-]*"
    r"(?:(?:,|,?\s+and)\s+(?:[A-Z][\w.'-]*\s+){1,3}[A-Z][\w'-]*)*\s*,"
)


def _not_anonymous(doc: Document, f: Finding) -> bool:
    """Whether a phrase of the lexicon is, in context, no unnamed source: names follow
    it in commas, or "sources" are things ("The water sources say a lot")."""
    if f.category != "anonymous":
        return False
    text = doc.article.text
    if _NAMES_FOLLOW.match(text, f.end):
        return True
    return f.text.lower().startswith("sources") and not sources_are_people(
        text[max(0, f.start - 40) : f.start]
    )


def _credited(speech: Sequence[Attribution], words: dict[str, int]) -> list[tuple[Attribution, Speaker]]:
    """Each attribution with each source it credits: the people of a joint speaker
    ("Karen Bass and Gavin Newsom said") each get the attribution, and the words."""
    out: list[tuple[Attribution, Speaker]] = []
    for a in speech:
        assert a.speaker is not None
        if not a.speakers:
            out.append((a, a.speaker))
            continue
        for name in a.speakers:
            words[name] = words.get(name, 0) + words.get(a.speaker.name, 0)
            out.append((a, replace(a.speaker, name=name, kind="person")))
    for a in speech:
        if a.speakers and a.speaker is not None:
            words.pop(a.speaker.name, None)
    return out


class SourcingAnalyzer:
    name = "sourcing"
    description = "Who speaks, of what type, introduced how; named and anonymous sources."

    def __init__(self, lexicons: Sequence[Lexicon]):
        self.lexicons = tuple(lexicons)
        self._finder = PhraseFinder(self.lexicons)
        self._anonymous = next(
            (lex.categories["anonymous"] for lex in self.lexicons if "anonymous" in lex.categories), None
        )

    def provenance(self) -> Mapping[str, Any]:
        return {"lexicons": [lex.provenance() for lex in self.lexicons]}

    def analyze(self, doc: Document) -> AnalyzerOutput:
        findings = [f for f in phrase_findings(doc, self._finder, self.name) if not _not_anonymous(doc, f)]
        covered = sorted((f.start, f.end) for f in findings)
        for a in doc.attributions:
            spk = a.speaker
            if (
                a.kind not in SPEECH_KINDS
                or spk is None
                or spk.source_type != "anonymous"
                or a.speaker_span is None
            ):
                continue
            mention = a.antecedent or a.speaker_span  # 'officials who said': the officials
            start, end = doc.to_original(*mention)
            if _overlaps(covered, start, end):
                continue
            run = doc.run_at(mention[0])
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    text=doc.article.text[start:end],
                    analyzer=self.name,
                    category="anonymous",
                    category_label=self._anonymous.label if self._anonymous else "Anonymous source",
                    voice=run.voice,
                    explanation="The article does not name this source, so the reader cannot check who said it.",
                    speaker=None,
                    term=spk.name,
                    weight=1,
                    alternatives=("name the source; say why it cannot be named",),
                )
            )
            bisect.insort(covered, (start, end))
        findings.sort(key=lambda f: (f.start, f.end))
        return AnalyzerOutput(tuple(findings), self._metrics(doc, findings))

    @staticmethod
    def _metrics(doc: Document, findings: Sequence[Finding]) -> SourcingMetrics:
        speech = [a for a in doc.attributions if a.kind in SPEECH_KINDS and a.speaker is not None]
        words = dict(doc.spoken_words)  # who speaks: reported thoughts are not speech
        total_words = sum(words.values()) or 0
        length = max(1, len(doc.text))
        table: dict[str, dict[str, Any]] = {}
        for a, spk in _credited(speech, words):
            row = table.setdefault(
                spk.name,
                {
                    "name": spk.name,
                    "type": spk.source_type,
                    "kind": spk.kind,
                    "role": spk.role,
                    "party": spk.party,
                    "named": spk.named and spk.name != UNRESOLVED,
                    "attributions": 0,
                    "quotes": 0,
                    "reported": 0,
                    "words": words.get(spk.name, 0),
                    "cue_grades": Counter(),
                    "first": a.content[0] / length,
                    "last": a.content[0] / length,
                },
            )
            row["attributions"] += 1
            row["quotes" if a.quote is not None else "reported"] += 1
            if a.cue is not None:
                row["cue_grades"][a.cue.grade] += 1
            row["first"] = min(row["first"], a.content[0] / length)
            row["last"] = max(row["last"], a.content[0] / length)
            if row["type"] == "unknown" and spk.source_type != "unknown":
                row["type"] = spk.source_type
        speakers = sorted(table.values(), key=lambda r: r["first"])
        for r in speakers:
            r["share"] = r["words"] / total_words if total_words else 0.0
            r["cue_grades"] = dict(sorted(r["cue_grades"].items()))
        named = sum(1 for a in speech if a.speaker and a.speaker.named and a.speaker.name != UNRESOLVED)
        unnamed = len(speech) - named
        by_type: dict[str, dict[str, int]] = {}
        for r in speakers:
            t = by_type.setdefault(r["type"], {"attributions": 0, "words": 0, "speakers": 0})
            t["attributions"] += r["attributions"]
            t["words"] += r["words"]
            t["speakers"] += 1
        grades = Counter(a.cue.grade for a in speech if a.cue is not None)
        kinds = Counter(a.kind for a in doc.attributions)
        return SourcingMetrics(
            attributions=len(speech),
            by_kind=dict(sorted(kinds.items())),
            named=named,
            unnamed=unnamed,
            named_share=named / len(speech) if speech else None,
            named_to_unnamed=named / unnamed if unnamed else None,
            quoted_words=total_words,
            by_source_type={k: SourceTypeCounts(**v) for k, v in sorted(by_type.items())},
            cue_grades=dict(sorted(grades.items())),
            vague_phrases=sum(1 for f in findings if f.category == "vague"),
            anonymous=sum(1 for f in findings if f.category == "anonymous"),
            speakers=tuple(SpeakerRow(**r) for r in speakers),
        )
