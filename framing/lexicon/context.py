"""Context rules: when a lexicon entry does not apply.

A word can be loaded in one sentence and the plain word for the thing in another:
"invasion" is a fear appeal about migrants and a fact about armies; "catastrophic" is
alarm in a policy fight and an accurate word beside a count of the dead. An entry of a
phrase lexicon names, in its ``not_when`` column, the rules under which a match is not
reported. Each rule reads only the words of the match's sentence, so it is the same
check wherever the lexicon is used, and each has a description a reader can check it by.

This module is the one registry of rules: the lexicon parser reads the valid names from
:data:`CONTEXT_RULES`, and the analysers call :func:`does_not_apply`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["CONTEXT_RULES", "ContextRule", "Span", "does_not_apply"]


@dataclass(frozen=True, slots=True)
class Span:
    """A match in its sentence: the lowercased words (match units) and their forms as
    written, the match ``[first, end)`` and its sentence ``[lo, hi)``, all unit indices."""

    keys: Sequence[str]
    texts: Sequence[str]
    first: int
    end: int
    lo: int
    hi: int

    def before(self, n: int) -> Sequence[str]:
        return self.keys[max(self.lo, self.first - n) : self.first]

    def after(self, n: int) -> Sequence[str]:
        return self.keys[self.end : min(self.hi, self.end + n)]

    def sentence(self) -> Sequence[str]:
        return self.keys[self.lo : self.hi]


@dataclass(frozen=True)
class ContextRule:
    name: str
    description: str
    applies: Callable[[Span], bool]
    """True when the context is there, so the entry does not apply."""


_MILITARY = frozenset(
    """
    troops troop army armies soldiers soldier military tanks tank marines navy artillery
    battalion battalions brigade brigades regiment regiments infantry paratroopers warships
    warplanes nato wehrmacht allied ground-invasion full-scale airborne amphibious
    """.split()
)
#: whose army it is, named just before the word ("the Russian invasion", "Israel's invasion";
#: match units drop the possessive 's)
_ARMIES_OF = frozenset(
    """
    russian russia soviet nazi german germany japanese iraqi iraq israeli israel iranian iran
    chinese china turkish turkey syrian saudi allied u.s. us american british french ukrainian
    afghan vietnamese korean
    """.split()
)


def _armies(s: Span) -> bool:
    if any(k in _MILITARY for k in s.sentence()):
        return True
    return s.first > s.lo and s.texts[s.first - 1][:1].isupper() and s.keys[s.first - 1] in _ARMIES_OF


_NUMBER_WORDS = frozenset(
    """
    two three four five six seven eight nine ten eleven twelve dozen dozens twenty thirty
    forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million
    millions scores
    """.split()
)
_TOLL = frozenset(
    """
    killed dead deaths death died dying lives victims casualties fatalities wounded injured
    injuries bodies perished drowned
    """.split()
)


def _death_toll(s: Span) -> bool:
    words = s.sentence()
    has_number = any(k[:1].isdigit() or k in _NUMBER_WORDS for k in words)
    return has_number and any(k in _TOLL for k in words)


_TITLE_NOUNS = frozenset(
    """
    czar counselor counsellor counselors counsellors coordinator director chief officer
    officers commissioner unit units division squad task office bureau hotline hotlines center
    centre centers centres command management manager managers specialist specialists expert
    experts analyst analysts adviser advisers advisor advisors negotiator negotiators team
    prosecutor prosecutors investigator investigators detective detectives court courts
    """.split()
)


def _job_title(s: Span) -> bool:
    for k in s.after(2):
        if k in _TITLE_NOUNS:
            return True
        if not k[:1].isalnum():
            return False
    return False


_WEATHER = frozenset(
    """
    winter winters summer summers heat heatwave cold storm storms weather hurricane hurricanes
    snow snowstorm blizzard blizzards drought droughts temperatures wind winds rain rains
    flooding floods fire fires wildfire wildfires season seasons terrain sun seas waves tornado
    tornadoes frost climate
    """.split()
)


def _weather(s: Span) -> bool:
    return any(k in _WEATHER for k in s.after(2))


#: Every context rule, by the name a lexicon's ``not_when`` column gives.
CONTEXT_RULES: dict[str, ContextRule] = {
    rule.name: rule
    for rule in (
        ContextRule(
            "armies",
            "the sentence is about armies or one country invading another "
            "(troops, tanks, NATO, 'the Russian invasion')",
            _armies,
        ),
        ContextRule(
            "death-toll",
            "the sentence gives a figure of deaths or injuries ('the crash that killed 50'), "
            "where the word can be the accurate one",
            _death_toll,
        ),
        ContextRule(
            "job-title",
            "the word is part of a job title, an office or a unit ('an extremist task force', "
            "'a violent crimes unit')",
            _job_title,
        ),
        ContextRule(
            "weather",
            "the word describes the weather, the sea or the land ('a brutal winter', 'punishing heat')",
            _weather,
        ),
    )
}


def does_not_apply(rules: Sequence[str], span: Span) -> str | None:
    """The first of ``rules`` whose context is there (the entry does not apply), or None."""
    for name in rules:
        if CONTEXT_RULES[name].applies(span):
            return name
    return None
