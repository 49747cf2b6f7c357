"""Loaded language, and above all whose voice it is in.

Every match of a loaded-language lexicon entry becomes a :class:`Finding` with the voice
it sits in (the outlet's narration or headline, a quotation, reported speech) and the
speaker where it is someone else's words. Rates are per 1,000 words of each voice, so an
article that quotes an angry official is not scored as if it were angry itself.

Beside the lexicon, a model learned from the news corpus
(:mod:`framing.models.loaded_words`) marks the words a careful reader marks that no entry
lists; each of its findings says it is a learned guess (``origin`` ``model``), with the
category, the voice and, where the corpus's annotators gave one, a neutral wording.

An entry does not apply where its ``not_when`` rules say so ("invasion" about armies, see
:mod:`framing.lexicon.context`), and inside a name or a title. Whose word a finding is
follows :mod:`framing.analyzers.loaded_voice`: words mentioned rather than used have the
voice ``mention`` and stay out of the outlet's rate; the outlet's own adjectives inside
reported speech are the outlet's; a side's label for itself is not reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..lexicon import Lexicon
from ..lexicon.context import Span, does_not_apply
from ..metrics.groups import ByVoiceGroup
from ..metrics.loaded import LoadedMetrics, LoadedRates, LoadedVoices, OriginCounts, SpeakerRate
from ..results import Finding
from ..text.document import OWN_VOICES, QUOTED_VOICES, REPORTED_VOICES, Document
from ..text.phrases import Match, PhraseFinder
from .base import AnalyzerOutput, rate, voice_group
from .loaded_voice import whose

if TYPE_CHECKING:
    from ..models.loaded_words import LoadedWordsTagger

__all__ = ["LoadedLanguageAnalyzer", "phrase_findings", "sentence_tokens"]


def _sentence_range(doc: Document, unit: int) -> tuple[int, int]:
    """The units ``[lo, hi)`` of the sentence holding ``unit``."""
    k = doc.sentence_index(doc.units[unit].start)
    return doc.sentence_units[k] if k >= 0 else (0, len(doc.units))


def in_context(doc: Document, m: Match) -> bool:
    """Whether a match's entry applies here (no ``not_when`` rule of it holds)."""
    rules = getattr(m.entry, "not_when", ())
    if not rules:
        return True
    lo, hi = _sentence_range(doc, m.first)
    return does_not_apply(rules, Span(doc.keys, doc.token_texts, m.first, m.end, lo, hi)) is None


def lexicon_matches(
    doc: Document, finder: PhraseFinder, keep: Callable[[Match], bool] | None = None
) -> list[Match]:
    """The matches of ``finder`` whose entry applies in context and that ``keep`` (if
    given) keeps."""
    return [m for m in finder.find(doc.keys) if in_context(doc, m) and (keep is None or keep(m))]


def phrase_findings(
    doc: Document, finder: PhraseFinder, analyzer: str, keep: Callable[[Match], bool] | None = None
) -> list[Finding]:
    """Findings for every term of ``finder`` outside page furniture, with voice and
    speaker; ``keep`` may veto a match (it sees the unit indices and the entry), and an
    entry's ``not_when`` rules veto it in their context."""
    units = doc.units
    findings: list[Finding] = []
    for m in lexicon_matches(doc, finder, keep):
        run = doc.run_at(units[m.first].start)
        if run.voice == "furniture":
            continue
        speaker = doc.speaker_of(run)
        lex, entry = m.lexicon, m.entry
        findings.append(
            _finding(
                doc,
                m.first,
                m.end,
                analyzer=analyzer,
                category=entry.category,
                category_label=lex.categories[entry.category].label,  # type: ignore[attr-defined]
                voice=run.voice,
                explanation=entry.explanation,
                speaker=speaker.name if speaker else None,
                term=entry.term,
                weight=entry.weight,
                alternatives=entry.alternatives,
                lexicon_id=lex.id,  # type: ignore[attr-defined]
                lexicon_version=lex.version,  # type: ignore[attr-defined]
                origin="lexicon",
            )
        )
    return findings


def _finding(doc: Document, first: int, end: int, **fields: Any) -> Finding:
    units = doc.units
    start, stop = doc.to_original(units[first].start, units[end - 1].end)
    return Finding(start=start, end=stop, text=doc.article.text[start:stop], **fields)


def sentence_tokens(doc: Document) -> list[tuple[int, int, list[str], list[str]]]:
    """Each sentence as the model reads it: its first and end token, the tokens as
    written and the voice of each (``furniture`` for any token of page furniture)."""
    texts, runs, voices = doc.token_texts, doc.token_runs, doc.voices
    out = []
    for lo, hi in doc.sentence_units:
        if hi > lo:
            out.append((lo, hi, texts[lo:hi], [voices[runs[t]].voice for t in range(lo, hi)]))
    return out


#: Marks after which a capitalised word opens a sentence, not a name.
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

    A term counts as part of a name when each of its words is capitalised in the middle
    of a sentence and it comes after another capitalised word (small words such as "and"
    or "of" may come between), unless that word is "The", "More" and the like or opens a
    quotation: "Operation Fast and Furious", "the Clinton Correctional Facility". A
    phrase on its own ("Witch Hunt", "the Radical Left"), a word in capitals ("RIOTERS"),
    a headline and a sentence written in title case are left alone: there the capitals
    say nothing. A one-word name is remembered, so the word alone later ("Bash asked")
    is left out too."""

    def __init__(self, doc: Document):
        self._doc = doc
        self._units = doc.units
        self._names: set[str] = set()
        self._title_case_sentences: dict[int, bool] = {}

    def __call__(self, m: Match) -> bool:
        """Whether to keep the match."""
        text, units = self._doc.text, self._units
        unit = units[m.first]
        words = [text[u.start : u.end] for u in units[m.first : m.end]]
        word = words[0]
        if not all(map(_title_case, words)) or self._doc.run_at(unit.start).voice == "headline":
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
            len(words) == 1
            and i >= 0
            and units[i].start >= sentence_start
            and text[units[i].start : units[i].end] in _NAME_LINKS
        ):
            i -= 1
        if i >= 0 and units[i].start >= sentence_start:
            before = text[units[i].start : units[i].end]
            opens = text[max(sentence_start, units[i].start - 2) : units[i].start].strip()[-1:]
            if _title_case(before) and before.lower() not in _NOT_NAME_LEADS and opens not in _OPENERS:
                if len(words) == 1:
                    self._names.add(key)
                return False
        return len(words) > 1 or key not in self._names

    def _title_case_sentence(self, start: int, end: int) -> bool:
        """Whether every word of four letters or more in the sentence is capitalised (a
        heading, a title): a sentence of prose has lowercase words."""
        return not any(len(w) >= 4 and w[0].islower() for w in self._doc.text[start:end].split())


@dataclass(frozen=True)
class _Candidate:
    """A span to report, before its voice is settled."""

    first: int
    end: int
    fields: Mapping[str, Any]


class LoadedLanguageAnalyzer:
    name = "loaded"
    description = "Loaded words and phrases, by voice and speaker: listed words, and learned guesses."

    def __init__(self, lexicons: Sequence[Lexicon], model: LoadedWordsTagger | None = None):
        self.lexicons = tuple(lexicons)
        self.model = model
        self._finder = PhraseFinder(self.lexicons)
        self._labels = {cid: c.label for lex in self.lexicons for cid, c in lex.categories.items()}

    def provenance(self) -> Mapping[str, Any]:
        out: dict[str, Any] = {"lexicons": [lex.provenance() for lex in self.lexicons]}
        if self.model is not None:
            # "model" names it as every analyser does; "model_file" gives its hash and threshold
            out["model"] = f"{self.model.model_id} {self.model.model_version}"
            out["model_file"] = self.model.provenance()
        return out

    def analyze(self, doc: Document) -> AnalyzerOutput:
        names = NameFilter(doc)
        matches, excluded = self._finder.find_and_excluded(doc.keys)
        kept = [m for m in matches if in_context(doc, m) and names(m)]
        candidates = [self._lexicon_candidate(m) for m in kept]
        if self.model is not None:
            # the model does not second-guess the lexicon: a listed word it found, or set
            # aside here (an excluded phrase, a name, a context rule), is not tagged again
            taken = {u for m in (*matches, *excluded) for u in range(m.first, m.end)}
            candidates += self._model_candidates(doc, names, taken)
        findings = []
        for c in candidates:
            lo = _sentence_range(doc, c.first)[0]
            voice = whose(doc, c.first, c.end, c.fields["category"], lo)
            if voice is None:
                continue
            fields = dict(c.fields)
            if voice.note:
                fields["explanation"] = f"{fields['explanation']} {voice.note}"
            findings.append(_finding(doc, c.first, c.end, voice=voice.voice, speaker=voice.speaker, **fields))
        findings.sort(key=lambda f: (f.start, f.end))
        return AnalyzerOutput(tuple(findings), self._metrics(doc, findings))

    def _lexicon_candidate(self, m: Match) -> _Candidate:
        lex, entry = m.lexicon, m.entry
        return _Candidate(
            m.first,
            m.end,
            {
                "analyzer": self.name,
                "category": entry.category,
                "category_label": lex.categories[entry.category].label,  # type: ignore[attr-defined]
                "explanation": entry.explanation,
                "term": entry.term,
                "weight": entry.weight,
                "alternatives": entry.alternatives,
                "lexicon_id": lex.id,  # type: ignore[attr-defined]
                "lexicon_version": lex.version,  # type: ignore[attr-defined]
                "origin": "lexicon",
            },
        )

    def _model_candidates(self, doc: Document, names: NameFilter, taken: set[int]) -> list[_Candidate]:
        """Spans of words the model marks that no lexicon finding covers: marked words
        next to each other, or with one untagged word between them ("war on coal"),
        in one voice run, make one span."""
        from ..models.loaded_words import is_candidate

        model = self.model
        assert model is not None
        runs = doc.token_runs
        out = []
        for lo, _hi, words, voices in sentence_tokens(doc):
            scores = model.scores(words, voices)
            marked = [
                i
                for i, p in enumerate(scores)
                if p >= model.threshold and voices[i] != "furniture" and lo + i not in taken
            ]
            spans: list[list[int]] = []
            for i in marked:
                last = spans[-1][-1] if spans else -9
                gap = i - last == 2 and words[last + 1][:1].isalnum() and not is_candidate(words[last + 1])
                if (i - last == 1 or gap) and runs[lo + i] == runs[lo + last] and lo + last + 1 not in taken:
                    spans[-1].append(i)
                else:
                    spans.append([i])
            for span in spans:
                first, end = lo + span[0], lo + span[-1] + 1
                if not names(Match(first, end, None, None)):
                    continue
                out.append(self._model_candidate(doc, words, voices, span, scores, first, end))
        return out

    def _model_candidate(
        self,
        doc: Document,
        words: Sequence[str],
        voices: Sequence[str],
        span: Sequence[int],
        scores: Sequence[float],
        first: int,
        end: int,
    ) -> _Candidate:
        model = self.model
        assert model is not None
        totals = [0.0] * len(model.categories_)
        for i in span:
            for k, q in enumerate(model.category_proba(words, voices, i)):
                totals[k] += scores[i] * q
        category = model.categories_[max(range(len(totals)), key=totals.__getitem__)]
        start, stop = doc.to_original(doc.units[first].start, doc.units[end - 1].end)
        phrase = doc.article.text[start:stop]
        return _Candidate(
            first,
            end,
            {
                "analyzer": self.name,
                "category": category,
                "category_label": self._labels.get(category) or model.category_label(category),
                "explanation": model.explanation(category),
                "term": " ".join(phrase.lower().split()),
                "weight": 1,
                "alternatives": model.neutral(phrase),
                "origin": "model",
                "model_id": model.model_id,
                "model_version": model.model_version,
                "score": round(max(scores[i] for i in span), 4),
            },
        )

    def _metrics(self, doc: Document, findings: list[Finding]) -> LoadedMetrics:
        words = doc.word_counts
        by_voice = Counter(f.voice for f in findings)
        groups = {"own": OWN_VOICES, "quoted": QUOTED_VOICES, "reported": REPORTED_VOICES}
        group_words = {g: sum(words[v] for v in vs) for g, vs in groups.items()}
        group_counts = {g: sum(by_voice[v] for v in vs) for g, vs in groups.items()}

        categories: dict[str, dict[str, int]] = {}
        for f in findings:
            if f.voice == "mention":
                continue
            c = categories.setdefault(f.category, {g: 0 for g in groups})
            c[voice_group(f.voice)] += 1

        speaker_words = doc.speaker_words
        speaker_counts = Counter(
            (f.speaker or "(unattributed)") for f in findings if not f.own_voice and f.voice != "mention"
        )
        speakers = {
            name: SpeakerRate(
                count=speaker_counts.get(name, 0), words=n, per_1000=rate(speaker_counts.get(name, 0), n)
            )
            for name, n in sorted(speaker_words.items())
        }
        origins = Counter(f.origin for f in findings)
        own_origins = Counter(f.origin for f in findings if f.own_voice)
        return LoadedMetrics(
            count=len(findings),
            own=group_counts["own"],
            own_words=group_words["own"],
            per_1000_own=rate(group_counts["own"], group_words["own"]),
            quoted=group_counts["quoted"],
            quoted_words=group_words["quoted"],
            per_1000_quoted=rate(group_counts["quoted"], group_words["quoted"]),
            reported=group_counts["reported"],
            reported_words=group_words["reported"],
            per_1000_reported=rate(group_counts["reported"], group_words["reported"]),
            mention=by_voice.get("mention", 0),
            by_voice=LoadedVoices(*(by_voice.get(v, 0) for v in _SCORED)),
            per_1000_by_voice=LoadedRates(*(rate(by_voice.get(v, 0), words[v]) for v in _RATED)),
            by_category={k: ByVoiceGroup(**c) for k, c in sorted(categories.items())},
            by_speaker=speakers,
            by_origin=OriginCounts(origins.get("lexicon", 0), origins.get("model", 0)),
            own_by_origin=OriginCounts(own_origins.get("lexicon", 0), own_origins.get("model", 0)),
            weighted_own=sum(f.weight for f in findings if f.own_voice),
        )


_SCORED = ("narration", "headline", "quote", "reported", "mention")
#: The voices with a rate: every scored voice but ``mention``, which has no words of its own.
_RATED = ("narration", "headline", "quote", "reported")
