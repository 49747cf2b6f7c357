"""Loaded language, and above all whose voice it is in.

Every match of a loaded-language lexicon entry becomes a :class:`Finding` with the voice
it sits in (the outlet's narration or headline, a quotation, reported speech) and the
speaker where it is someone else's words. Rates are per 1,000 words of each voice, so an
article that quotes an angry official is not scored as if it were angry itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..lexicon import Lexicon
from ..results import Finding
from ..text.document import OWN_VOICES, QUOTED_VOICES, REPORTED_VOICES, Document
from ..text.phrases import Match, PhraseFinder
from .base import AnalyzerOutput, rate, voice_group

__all__ = ["LoadedLanguageAnalyzer", "phrase_findings"]


def phrase_findings(
    doc: Document, finder: PhraseFinder, analyzer: str, keep: Callable[[Match], bool] | None = None
) -> list[Finding]:
    """Findings for every term of ``finder`` outside page furniture, with voice and
    speaker; ``keep`` may veto a match (it sees the unit indices and the entry)."""
    units = doc.units
    findings: list[Finding] = []
    for m in finder.find(doc.keys):
        if keep is not None and not keep(m):
            continue
        run = doc.run_at(units[m.first].start)
        if run.voice == "furniture":
            continue
        speaker = doc.speaker_of(run)
        start, end = doc.to_original(units[m.first].start, units[m.end - 1].end)
        lex = m.lexicon
        entry = m.entry
        category = lex.categories[entry.category]  # type: ignore[attr-defined]
        findings.append(
            Finding(
                start=start,
                end=end,
                text=doc.article.text[start:end],
                analyzer=analyzer,
                category=entry.category,
                category_label=category.label,
                voice=run.voice,
                explanation=entry.explanation,
                speaker=speaker.name if speaker else None,
                term=entry.term,
                weight=entry.weight,
                alternatives=entry.alternatives,
                lexicon_id=lex.id,  # type: ignore[attr-defined]
                lexicon_version=lex.version,  # type: ignore[attr-defined]
            )
        )
    return findings


#: Capitalised words before a loaded word that do not make it part of a name ("The
#: Radical Left", "More Lies").
_NOT_NAME_LEADS = frozenset("the a an this that these those more most some many any no our their".split())
#: Small words inside names and titles ("Operation Fast and Furious", "Alliance to End Repression").
_NAME_LINKS = frozenset("and of to for the &".split())
#: Marks after which a capital opens a sentence, not a name ('"Did Crooked Hillary ...').
_OPENERS = frozenset("\"'\u201c\u2018(:")


def _title_case(word: str) -> bool:
    return word[:1].isupper() and any(c.islower() for c in word[1:])


class NameFilter:
    """Keeps a loaded word out when it is part of a name or a title, which the outlet
    did not choose: "Dana Bash", "Rep. Louise Slaughter", "Operation Fast and Furious",
    "the Transcontinental Railroad", and later the same word alone ("Bash asked").

    A one-word term counts as part of a name when it is capitalised in the middle of a
    sentence and comes after another capitalised word (small words such as "and" or
    "of" may come between), unless that word is "The", "More" and the like or opens a
    quotation. A phrase
    ("Witch Hunt", "Fake News"), a word in capitals ("RIOTERS"), a headline and a
    sentence written in title case are left alone: there the capitals say nothing."""

    def __init__(self, doc: Document):
        self._doc = doc
        self._units = doc.units
        self._names: set[str] = set()
        self._title_case_sentences: dict[int, bool] = {}

    def __call__(self, m: Match) -> bool:
        """Whether to keep the match."""
        if m.end - m.first != 1:
            return True
        text, units = self._doc.text, self._units
        unit = units[m.first]
        word = text[unit.start : unit.end]
        if not _title_case(word) or self._doc.run_at(unit.start).voice == "headline":
            return True
        k = self._doc.sentence_index(unit.start)
        sentence_start, sentence_end = self._doc.sentences[k] if k >= 0 else (0, len(text))
        title_case = self._title_case_sentences.get(k)
        if title_case is None:
            title_case = self._title_case_sentences[k] = self._title_case_sentence(
                sentence_start, sentence_end
            )
        if title_case:
            return True
        key = word.lower()
        i = m.first - 1
        while (
            i >= 0 and units[i].start >= sentence_start and text[units[i].start : units[i].end] in _NAME_LINKS
        ):
            i -= 1
        if i >= 0 and units[i].start >= sentence_start:
            before = text[units[i].start : units[i].end]
            opens = text[max(sentence_start, units[i].start - 2) : units[i].start].strip()[-1:]
            if _title_case(before) and before.lower() not in _NOT_NAME_LEADS and opens not in _OPENERS:
                self._names.add(key)
                return False
        return key not in self._names

    def _title_case_sentence(self, start: int, end: int) -> bool:
        """Whether every word of four letters or more in the sentence is capitalised (a
        heading, a title): a sentence of prose has lowercase words."""
        return not any(len(w) >= 4 and w[0].islower() for w in self._doc.text[start:end].split())


class LoadedLanguageAnalyzer:
    name = "loaded"
    description = "Loaded words and phrases, by voice and speaker."

    def __init__(self, lexicons: Sequence[Lexicon]):
        self.lexicons = tuple(lexicons)
        self._finder = PhraseFinder(self.lexicons)

    def provenance(self) -> Mapping[str, Any]:
        return {"lexicons": [lex.provenance() for lex in self.lexicons]}

    def analyze(self, doc: Document) -> AnalyzerOutput:
        findings = phrase_findings(doc, self._finder, self.name, NameFilter(doc))
        return AnalyzerOutput(tuple(findings), self._metrics(doc, findings))

    def _metrics(self, doc: Document, findings: list[Finding]) -> dict[str, Any]:
        words = doc.word_counts
        by_voice = Counter(f.voice for f in findings)
        groups = {"own": OWN_VOICES, "quoted": QUOTED_VOICES, "reported": REPORTED_VOICES}
        group_words = {g: sum(words[v] for v in vs) for g, vs in groups.items()}
        group_counts = {g: sum(by_voice[v] for v in vs) for g, vs in groups.items()}

        categories: dict[str, dict[str, int]] = {}
        for f in findings:
            c = categories.setdefault(f.category, {g: 0 for g in groups})
            c[voice_group(f.voice)] += 1

        speaker_words = doc.speaker_words
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
