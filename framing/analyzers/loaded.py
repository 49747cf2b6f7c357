"""Loaded language, and above all whose voice it is in.

Every match of a loaded-language lexicon entry becomes a :class:`Finding` with the voice
it sits in (the outlet's narration or headline, a quotation, reported speech) and the
speaker where it is someone else's words. Rates are per 1,000 words of each voice, so an
article that quotes an angry official is not scored as if it were angry itself.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from ..lexicon import Lexicon, LoadedTerm
from ..lexicon.inflect import noun_forms, verb_forms
from ..lexicon.matcher import PhraseMatcher, match_units, phrase_keys
from ..results import Finding
from ..text.document import OWN_VOICES, QUOTED_VOICES, REPORTED_VOICES, Document
from .base import AnalyzerOutput, rate

__all__ = ["LoadedLanguageAnalyzer", "term_variants"]


def term_variants(entry: LoadedTerm) -> set[str]:
    """Every surface form an entry matches: its inflections and listed forms."""
    words = entry.term.split()
    variants = {entry.term}
    if entry.pos == "verb":
        variants |= {" ".join([f, *words[1:]]) for f in verb_forms(words[0])}
    elif entry.pos == "noun":
        variants |= {" ".join([*words[:-1], f]) for f in noun_forms(words[-1])}
    variants |= set(entry.forms)
    return variants


def _loose_variants(phrase: str) -> set[str]:
    """An exclusion phrase in its inflected forms too ("play squash", "plays squash")."""
    words = phrase.split()
    out = {phrase}
    out |= {" ".join([f, *words[1:]]) for f in verb_forms(words[0])}
    out |= {" ".join([*words[:-1], f]) for f in noun_forms(words[-1])}
    return out


class LoadedLanguageAnalyzer:
    name = "loaded"
    description = "Loaded words and phrases, by voice and speaker."

    def __init__(self, lexicons: Sequence[Lexicon]):
        self.lexicons = tuple(lexicons)
        phrases: list[tuple[tuple[str, ...], tuple[Lexicon, LoadedTerm]]] = []
        exclusions: list[tuple[tuple[str, ...], LoadedTerm]] = []
        for lex in self.lexicons:
            for entry in lex.entries:
                for v in sorted(term_variants(entry)):
                    phrases.append((phrase_keys(v), (lex, entry)))
                for x in entry.exclude:
                    for v in sorted(_loose_variants(x)):
                        exclusions.append((phrase_keys(v), entry))
        self._matcher: PhraseMatcher[tuple[Lexicon, LoadedTerm]] = PhraseMatcher(phrases)
        self._exclusions: PhraseMatcher[LoadedTerm] = PhraseMatcher(exclusions)
        self._has_exclusions = bool(exclusions)

    def provenance(self) -> Mapping[str, Any]:
        return {"lexicons": [lex.provenance() for lex in self.lexicons]}

    def analyze(self, doc: Document) -> AnalyzerOutput:
        units = match_units(doc.tokens)
        excluded: dict[LoadedTerm, list[tuple[int, int]]] = defaultdict(list)
        if self._has_exclusions:
            for i, j, entry in self._exclusions.find_all(units):
                excluded[entry].append((i, j))
        findings: list[Finding] = []
        for i, j, (lex, entry) in self._matcher.find(units):
            if any(a <= i and j <= b for a, b in excluded.get(entry, ())):
                continue
            run = doc.run_at(units[i].start)
            if run.voice == "furniture":
                continue
            speaker = doc.speaker_of(run)
            start, end = doc.to_original(units[i].start, units[j - 1].end)
            category = lex.categories[entry.category]
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    text=doc.article.text[start:end],
                    analyzer=self.name,
                    category=entry.category,
                    category_label=category.label,
                    voice=run.voice,
                    explanation=entry.explanation,
                    speaker=speaker.name if speaker else None,
                    term=entry.term,
                    weight=entry.weight,
                    alternatives=entry.alternatives,
                    lexicon_id=lex.id,
                    lexicon_version=lex.version,
                )
            )
        return AnalyzerOutput(tuple(findings), self._metrics(doc, findings))

    def _metrics(self, doc: Document, findings: list[Finding]) -> dict[str, Any]:
        words = doc.words_by_voice()
        by_voice = Counter(f.voice for f in findings)
        groups = {"own": OWN_VOICES, "quoted": QUOTED_VOICES, "reported": REPORTED_VOICES}
        group_words = {g: sum(words[v] for v in vs) for g, vs in groups.items()}
        group_counts = {g: sum(by_voice[v] for v in vs) for g, vs in groups.items()}

        categories: dict[str, dict[str, int]] = {}
        for f in findings:
            c = categories.setdefault(f.category, {g: 0 for g in groups})
            c[_group_of(f.voice)] += 1

        speaker_words: Counter[str] = Counter()
        for tok in doc.tokens:
            if tok.is_word:
                run = doc.run_at(tok.start)
                if run.voice in QUOTED_VOICES + REPORTED_VOICES:
                    spk = doc.speaker_of(run)
                    speaker_words[spk.name if spk else "(unattributed)"] += 1
        speaker_counts = Counter((f.speaker or "(unattributed)") for f in findings if not f.own_voice)
        speakers = {
            name: {
                "count": speaker_counts.get(name, 0),
                "words": n,
                "per_1000": rate(speaker_counts.get(name, 0), n),
            }
            for name, n in sorted(speaker_words.items())
        }
        metrics: dict[str, Any] = {"count": len(findings)}
        for g in groups:
            metrics[g] = group_counts[g]
            metrics[f"{g}_words"] = group_words[g]
            metrics[f"per_1000_{g}"] = rate(group_counts[g], group_words[g])
        metrics.update(
            {
                "by_voice": {v: by_voice.get(v, 0) for v in _SCORED},
                "per_1000_by_voice": {v: rate(by_voice.get(v, 0), words[v]) for v in _SCORED},
                "by_category": dict(sorted(categories.items())),
                "by_speaker": speakers,
                "weighted_own": sum(f.weight for f in findings if f.own_voice),
            }
        )
        return metrics


_SCORED = ("narration", "headline", "quote", "reported")


def _group_of(voice: str) -> str:
    if voice in OWN_VOICES:
        return "own"
    if voice in QUOTED_VOICES:
        return "quoted"
    return "reported"
