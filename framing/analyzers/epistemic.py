"""Epistemic and agency markers: how sure the text sounds, and who it says acted.

From the ``epistemic`` lexicon: hedges ("may", "reportedly"), boosters ("clearly",
"rampant"), factive verbs ("revealed"), assertive verbs ("insisted") and distancing
markers ("so-called"). From the segmentation: scare quotes (a few quoted words with no
speaker). From the grammar of the sentence: agentless passives ("tear gas was used",
"farmworkers were hospitalized") and actions turned into nouns with no actor ("the
deployment of troops"). Each is counted by voice, with a rate per 1,000 words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ..lexicon import Lexicon
from ..lexicon.phrases import Match, PhraseFinder
from ..results import Finding
from ..text.document import Document
from .base import AnalyzerOutput, rate, voice_group
from .loaded import phrase_findings

__all__ = ["EpistemicAnalyzer"]

_BE = frozenset("is are was were be been being get gets got gotten getting".split())
_IRREGULAR_PARTICIPLES = frozenset(
    """arrested beaten bitten blown broken brought built burnt caught chosen cut dealt done
    driven eaten fallen fed felt fought found forgotten forgiven frozen given gone grown hit
    held hidden hurt kept known laid led left lent lost made meant met overrun paid put
    quit read ridden risen run said seen sent set shaken shot shown shut slain sold sought
    spent spoken spread stolen struck stuck sworn taken taught thrown told torn understood
    woken won worn wounded written""".split()
)
#: Participles that usually describe a state, not an action someone did.
_ADJECTIVAL = frozenset(
    """concerned interested involved based located supposed tired worried married pleased
    excited surprised scheduled expected related designed prepared required allowed able
    aware divided determined committed convinced disappointed frustrated satisfied
    qualified limited engaged entitled exposed finished gone done known""".split()
)
_ADVERB_SUFFIX = "ly"


class EpistemicAnalyzer:
    name = "epistemic"
    description = "Hedges, boosters, factive and assertive verbs, distancing, hidden agents."

    def __init__(self, lexicons: Sequence[Lexicon]):
        self.lexicons = tuple(lexicons)
        self._finder = PhraseFinder(self.lexicons)
        self._categories = {cid: cat for lex in self.lexicons for cid, cat in lex.categories.items()}

    def provenance(self) -> Mapping[str, Any]:
        return {"lexicons": [lex.provenance() for lex in self.lexicons]}

    def _label(self, category: str, fallback: str) -> tuple[str, str]:
        cat = self._categories.get(category)
        return (cat.label, cat.description) if cat else (fallback, fallback)

    def analyze(self, doc: Document) -> AnalyzerOutput:
        keys = doc.keys

        def keep(m: Match) -> bool:
            """A nominalisation counts only as 'the X of ...' with no 'by' naming the actor."""
            if m.entry.category != "nominalisation":
                return True
            return m.end < len(keys) and keys[m.end] == "of" and "by" not in keys[m.end : m.end + 8]

        findings = phrase_findings(doc, self._finder, self.name, keep)
        findings += self._scare_quotes(doc)
        findings += self._passives(doc, keys)
        findings.sort(key=lambda f: (f.start, f.end))
        words = doc.word_counts
        group_words = {
            "own": words["narration"] + words["headline"],
            "quoted": words["quote"],
            "reported": words["reported"],
        }
        counts: dict[str, Counter[str]] = {g: Counter() for g in group_words}
        for f in findings:
            counts[voice_group(f.voice)][f.category] += 1
        return AnalyzerOutput(
            tuple(findings),
            {
                g: {
                    "counts": dict(sorted(counts[g].items())),
                    "per_1000": {k: rate(n, group_words[g]) for k, n in sorted(counts[g].items())},
                    "words": group_words[g],
                }
                for g in group_words
            },
        )

    def _finding(self, doc: Document, s: int, e: int, category: str, explanation: str, term: str) -> Finding:
        start, end = doc.to_original(s, e)
        run = doc.run_at(s)
        speaker = doc.speaker_of(run)
        label, _ = self._label(category, category)
        return Finding(
            start=start,
            end=end,
            text=doc.article.text[start:end],
            analyzer=self.name,
            category=category,
            category_label=label,
            voice=run.voice,
            explanation=explanation,
            speaker=speaker.name if speaker else None,
            term=term,
        )

    def _scare_quotes(self, doc: Document) -> list[Finding]:
        out = []
        for a in doc.attributions:
            if a.kind == "scare" and a.quote is not None:
                q = doc.quotes[a.quote]
                out.append(
                    self._finding(
                        doc,
                        q.start,
                        q.end,
                        "scare_quote",
                        "Words in quotation marks with no speaker: the outlet keeps its distance "
                        "from them, or signals doubt.",
                        "scare quotes",
                    )
                )
        return out

    def _passives(self, doc: Document, keys: list[str]) -> list[Finding]:
        units = doc.units
        out = []
        for i, key in enumerate(keys):
            if key not in _BE:
                continue
            j = i + 1
            if j < len(keys) and keys[j].endswith(_ADVERB_SUFFIX) and len(keys[j]) > 4:
                j += 1  # 'was quickly dispersed'
            if j >= len(keys):
                break
            word = keys[j]
            participle = (word.endswith("ed") and len(word) >= 4) or word in _IRREGULAR_PARTICIPLES
            if not participle or word in _ADJECTIVAL:
                continue
            after = keys[j + 1 : j + 6]
            stop = next((k for k, w in enumerate(after) if not w[:1].isalnum()), len(after))
            if "by" in after[:stop] or (j + 1 < len(keys) and keys[j + 1] in ("to", "that")):
                continue  # the actor is named, or 'is expected to', 'was told that'
            run = doc.run_at(units[i].start)
            if run.voice == "furniture":
                continue
            out.append(
                self._finding(
                    doc,
                    units[i].start,
                    units[j].end,
                    "agentless_passive",
                    "Says what was done without saying who did it: ask who acted.",
                    f"{key} {word}",
                )
            )
        return out
