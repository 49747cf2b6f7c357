"""Cue detection: every form of every cue verb, read as a verb or as a noun."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...lexicon.inflect import noun_forms, verb_forms
from ...lexicon.kinds import CueVerb
from ..matcher import PhraseMatcher, phrase_keys
from .patterns import (
    _BOUNDARY,
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
        words = cue.term.split()
        variants = {cue.term}
        if cue.pos == "verb":
            variants |= {" ".join([f, *words[1:]]) for f in verb_forms(words[0])}
        elif cue.pos == "noun":
            variants |= {" ".join([*words[:-1], f]) for f in noun_forms(words[-1])}
        variants |= set(cue.forms)
        for v in sorted(variants):
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
