"""Cue detection: every form of every cue verb, read as a verb or as a noun."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...lexicon.inflect import term_variants, verb_forms
from ...lexicon.kinds import CueVerb
from ...models.cues import CueModel
from ..matcher import PhraseMatcher, Unit, phrase_keys
from .patterns import (
    _ALSO_NOUNS,
    _BE_BEFORE,
    _BE_FORMS,
    _BOUNDARY,
    _CONTRACTED_BEFORE,
    _NOT_BEFORE_VERB,
    _NOUN_MARKERS,
    _POSSESSIVE_BEFORE,
    _TITLE_SMALL_WORDS,
    _verb_lead,
)

#: Phrasal verbs whose first word is a cue verb but which report no words or position
#: ("showed up early", "backed down", "called off the rally").
_NOT_CUE_PHRASALS = ("show up", "back down", "back away", "back off", "back out", "call off")


def cue_matcher(cues: Sequence[CueVerb]) -> PhraseMatcher[CueVerb | None]:
    """A matcher for every form of every cue verb, with phrases that are not speech."""
    phrases: list[tuple[tuple[str, ...], CueVerb | None]] = [
        (phrase_keys(p), None)
        for p in (
            "so-called",
            "a call",
            "the call",
            "post office",
            "said to be",
            "that said",
            "having said that",
            "compared with",
            "compared to",
        )
    ]
    for phrasal in _NOT_CUE_PHRASALS:
        verb, *rest = phrasal.split()
        for form in sorted(verb_forms(verb)):
            phrases.append((phrase_keys(" ".join([form, *rest])), None))
    for cue in cues:
        for v in sorted(term_variants(cue)):
            phrases.append((phrase_keys(v), cue))
    return PhraseMatcher(phrases)


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    cue: CueVerb
    form: str

    participle: bool = False
    """An -ing form not after "is", "was", ...: its subject is the clause's subject."""
    confidence: float = 0.0
    """How sure the speech-cue model is that it is a cue here (0 where it does not judge)."""


def _verb_before_phrase(norm: str, head: list[_Cue]) -> list[_Cue]:
    """Cues before a quotation, without a fixed phrase that follows a verb cue of the
    same clause: in 'The White House said in a statement: "..."' the cue is "said"."""
    out: list[_Cue] = []
    for c in head:
        prev = out[-1] if out else None
        if (
            c.cue.pos != "verb"
            and prev is not None
            and prev.cue.pos == "verb"
            and not _BOUNDARY.search(norm, prev.end, c.start)
            and len(norm[prev.end : c.start].split()) <= 4
        ):
            continue
        out.append(c)
    return out


def find_cues(
    norm: str,
    sentences: Sequence[tuple[int, int]],
    units: Sequence[Unit],
    matcher: PhraseMatcher[CueVerb | None],
    model: CueModel | None = None,
) -> tuple[list[_Cue], list[_Cue]]:
    """Every cue of a document, in text order: cue words read as verbs ("said",
    "is now saying") and cue words read as nouns ("the report", "Trump's claim"). With
    a ``model``, a word it does not read as a speech cue where it stands is left out
    ("faces charges", "Saudi-backed")."""
    title_case = _TitleCase(norm, sentences)
    verbs: list[_Cue] = []
    #: cue words used as nouns ("Trump's claim that", "her statement on")
    nouns: list[_Cue] = []
    for i, j, cue in matcher.find(units):
        if cue is None:
            continue
        form = norm[units[i].start : units[j - 1].end]
        before = norm[max(0, units[i].start - 3) : units[i].start].rstrip()
        if (
            form[:1].isupper()
            and before
            and before[-1] not in '.!?":\n\u2014'
            and not title_case(units[i].start)
        ):
            continue  # 'the United States': a capitalised word mid-sentence is a name
        if norm[max(0, units[i].start - 2) : units[i].start].endswith(("<", "</")):
            continue  # '<tweet id="...">': markup, not a word of the text
        if cue.pos == "noun" or (
            len(form.split()) == 1
            and (
                (i > 0 and units[i - 1].key in _NOUN_MARKERS | _NOT_BEFORE_VERB)
                or (
                    _POSSESSIVE_BEFORE.search(norm, max(0, units[i].start - 4), units[i].start)
                    and not _CONTRACTED_BEFORE.search(norm, max(0, units[i].start - 8), units[i].start)
                )
            )
        ):
            # 'the report', 'the plans', 'secretary of state': a noun, not a verb
            nouns.append(_Cue(units[i].start, units[j - 1].end, cue, form))
            continue
        word = form.lower()
        if (
            cue.term in _ALSO_NOUNS
            and word in (cue.term, cue.term + "s")
            and i > 0
            and not _verb_lead(norm[units[i - 1].start : units[i - 1].end])
            and not re.match(r"\s+(?:to|that)\s", norm[units[j - 1].end : units[j - 1].end + 6])
        ):
            continue  # 'grassroots support', 'flown back', 'the tax cut plans': not a verb
        participle = form.lower().split()[0].endswith("ing") and not (
            i > 0
            and (
                units[i - 1].key in _BE_FORMS
                or bool(_BE_BEFORE.search(norm, max(0, units[i].start - 40), units[i].start))
            )
        )  # a progressive ('is now saying') is no participle
        confidence = 0.0
        if model is not None and model.judges(cue.term):
            confidence = model.probability(cue_context(norm, units, i, j, cue, participle))
            if confidence < model.threshold:
                continue
        verbs.append(_Cue(units[i].start, units[j - 1].end, cue, form, participle, confidence))
    return verbs, nouns


class _TitleCase:
    """Whether the sentence at a position is a headline in title case."""

    def __init__(self, norm: str, sentences: Sequence[tuple[int, int]]):
        self.norm = norm
        self.sentences = sentences
        self._sentence_starts = [s for s, _ in sentences]
        self._cache: dict[int, bool] = {}

    def __call__(self, pos: int) -> bool:
        """Whether the sentence at ``pos`` is a headline in title case ("Trump Says He
        Will Win"), where a capitalised word may be a verb."""
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i < 0 or not self.sentences[i][0] <= pos < self.sentences[i][1]:
            return False
        if i not in self._cache:
            words = re.findall(r"[A-Za-z][\w'-]*", self.norm[slice(*self.sentences[i])])
            major = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
            self._cache[i] = len(major) >= 4 and sum(w[0].isupper() for w in major) >= 0.9 * len(major)
        return self._cache[i]


_PRONOUN_KEYS = frozenset("he she they it we i you who which".split())


def _shape(word: str) -> str:
    if not word:
        return "none"
    if word in _PRONOUN_KEYS:
        return "pronoun"
    if word[0].isupper():
        return "capital"
    if word[0].isdigit():
        return "number"
    return "lower" if word[0].isalpha() else "mark"


def cue_context(
    norm: str, units: Sequence[Unit], i: int, j: int, cue: CueVerb, participle: bool
) -> list[str]:
    """The features the cue model reads for the cue word(s) ``units[i:j]``: its term,
    form, type and grade, the words around it and the marks next to it."""
    start, end = units[i].start, units[j - 1].end
    form = norm[start:end].lower()

    def key(k: int) -> str:
        return units[k].key if 0 <= k < len(units) else "<none>"

    def word(k: int) -> str:
        return norm[units[k].start : units[k].end] if 0 <= k < len(units) else ""

    before = norm[max(0, start - 3) : start]
    after = norm[end : end + 3]
    gap_before = norm[units[i - 1].end : start] if i > 0 else "\n"
    gap_after = norm[end : units[j].start] if j < len(units) else "\n"
    f = [
        f"term={cue.term}",
        f"form={form}",
        f"type={cue.type}",
        f"grade={cue.grade}",
        f"prev={key(i - 1)}",
        f"prev2={key(i - 2)}",
        f"next={key(j)}",
        f"next2={key(j + 1)}",
        f"term|next={cue.term}|{key(j)}",
        f"term|prev={cue.term}|{key(i - 1)}",
        f"prev_shape={_shape(word(i - 1))}",
        f"next_shape={_shape(word(j))}",
        f"suffix={form[-3:]}",
    ]
    if '"' in gap_before or '"' in before:
        f.append("quote_before")
    if '"' in gap_after or '"' in after or (j < len(units) and '"' in norm[units[j].end : units[j].end + 2]):
        f.append("quote_after")
    if "," in gap_before:
        f.append("comma_before")
    if ":" in gap_after:
        f.append("colon_after")
    if "\n" in gap_before or any(c in gap_before for c in ".!?"):
        f.append("opens_sentence")
    if norm[start - 1 : start] in "-\u2010\u2011" and start > 0:
        f.append("hyphen_before")
    if participle:
        f.append("participle")
    if "that" in (key(j), key(j + 1), key(j + 2)):
        f.append("that_near")
    if key(j) == "to":
        f.append("to_next")
    return f
