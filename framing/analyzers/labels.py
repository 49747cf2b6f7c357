"""Labels: which word an article picks for a thing that has several names.

Each concept of the ``concept-sets`` lexicon is one referent (people living in a country
without legal permission, the people at a protest, the withdrawal of troops) with the
variants outlets choose between. Every variant found becomes a finding; per article,
the variants used for each concept are counted by voice, so a comparison can show
that one outlet writes "undocumented immigrants" in its own voice while another quotes
"illegal aliens" from a speaker.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..lexicon import Lexicon
from ..metrics.frames import Concept, LabelsMetrics, Variant
from ..results import Finding
from ..text.document import Document
from ..text.phrases import PhraseFinder
from .base import AnalyzerOutput, voice_group

__all__ = ["LabelsAnalyzer"]

#: Variants that are too common in other senses to count on their own: each counts only
#: when one of the words listed sits within :data:`_CONTEXT_WINDOW` words of it in the
#: same sentence ("the release of 1,350 Guard troops", not "Huerta's release").
_NEEDS_CONTEXT: dict[tuple[str, str], frozenset[str]] = {
    ("troop_drawdown", "release"): frozenset(
        """troop troops guard guards guardsman guardsmen forces soldier soldiers marine
        marines reservist reservists servicemembers""".split()
    ),
}
_CONTEXT_WINDOW = 8


class LabelsAnalyzer:
    name = "labels"
    description = "Which variant an article uses for concepts with several names, by voice."

    def __init__(self, lexicons: Sequence[Lexicon]):
        self.lexicons = tuple(lexicons)
        self._finder = PhraseFinder(self.lexicons)

    def provenance(self) -> Mapping[str, Any]:
        return {"lexicons": [lex.provenance() for lex in self.lexicons]}

    def analyze(self, doc: Document) -> AnalyzerOutput:
        units = doc.units
        keys = doc.keys
        findings: list[Finding] = []
        for m in self._finder.find(keys):
            run = doc.run_at(units[m.first].start)
            if run.voice == "furniture":
                continue
            entry = m.entry
            needed = _NEEDS_CONTEXT.get((entry.concept, entry.term))
            if needed is not None and not _near(doc, m.first, m.end, needed):
                continue
            lex = m.lexicon
            start, end = doc.to_original(units[m.first].start, units[m.end - 1].end)
            speaker = doc.speaker_of(run)
            connotation = lex.categories[entry.connotation]  # type: ignore[attr-defined]
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    text=doc.article.text[start:end],
                    analyzer=self.name,
                    category=entry.concept,
                    category_label=entry.label,
                    voice=run.voice,
                    explanation=f"{connotation.label} word for this: {entry.note}",
                    speaker=speaker.name if speaker else None,
                    term=entry.term,
                    lexicon_id=lex.id,  # type: ignore[attr-defined]
                    lexicon_version=lex.version,  # type: ignore[attr-defined]
                    detail=entry.connotation,
                    origin="lexicon",
                )
            )
        concepts: dict[str, dict[str, Any]] = {}
        for f in findings:
            c = concepts.setdefault(f.category, {"label": f.category_label, "variants": {}})
            v = c["variants"].setdefault(
                f.term, {"connotation": f.detail, "own": 0, "quoted": 0, "reported": 0}
            )
            v[voice_group(f.voice)] += 1
        metrics = LabelsMetrics(
            {
                cid: Concept(c["label"], {term: Variant(**v) for term, v in c["variants"].items()})
                for cid, c in sorted(concepts.items())
            }
        )
        return AnalyzerOutput(tuple(findings), metrics)


def _near(
    doc: Document,
    first: int,
    end: int,
    words: frozenset[str],
) -> bool:
    """Whether one of ``words`` is within :data:`_CONTEXT_WINDOW` units of the match
    ``[first, end)``, without leaving its sentence."""
    units = doc.units
    i = doc.sentence_index(units[first].start)
    s_start, s_end = doc.sentences[i] if i >= 0 else (0, units[-1].end)
    lo, hi = max(0, first - _CONTEXT_WINDOW), min(len(units), end + _CONTEXT_WINDOW)
    return any(units[k].key in words and s_start <= units[k].start < s_end for k in range(lo, hi))
