"""Regular English inflections, generated from a lexicon entry's base form.

Generating forms (rather than stemming the text) keeps matching exact and explainable:
"brutalize" matches "brutalizes", "brutalized" and "brutalizing", and nothing else.
Where a rule is unsure (doubling a final consonant) both spellings are generated; a
spelling that does not exist in English never occurs in a text, so it costs nothing.
Irregular forms are listed in the lexicon entry itself.
"""

from __future__ import annotations

import re
from typing import Protocol

__all__ = ["Inflectable", "noun_forms", "term_variants", "verb_forms"]

_VOWELS = "aeiou"
_SIBILANT = re.compile(r"(?:s|sh|ch|x|z)$")
_CVC = re.compile(r"[^aeiou][aeiou][^aeiouwxy]$")


def verb_forms(verb: str) -> set[str]:
    """Base, third person, past and -ing forms of a regular verb."""
    v = verb
    forms = {v}
    if v.endswith("ie"):
        forms |= {v + "s", v + "d", v[:-2] + "ying"}
    elif v.endswith("ee"):
        forms |= {v + "s", v + "d", v + "ing"}
    elif v.endswith("e"):
        forms |= {v + "s", v + "d", v[:-1] + "ing"}
    elif v.endswith("y") and len(v) > 1 and v[-2] not in _VOWELS:
        forms |= {v[:-1] + "ies", v[:-1] + "ied", v + "ing"}
    elif v.endswith("c"):
        forms |= {v + "s", v + "ked", v + "king"}
    else:
        forms.add(v + "es" if _SIBILANT.search(v) else v + "s")
        forms |= {v + "ed", v + "ing"}
        if _CVC.search(v):
            forms |= {v + v[-1] + "ed", v + v[-1] + "ing"}
    return forms


def noun_forms(noun: str) -> set[str]:
    """Singular and regular plural of a noun."""
    n = noun
    if n.endswith("y") and len(n) > 1 and n[-2] not in _VOWELS:
        return {n, n[:-1] + "ies"}
    if n.endswith("is") and len(n) > 3:
        return {n, n[:-2] + "es"}  # crisis, crises
    if _SIBILANT.search(n):
        return {n, n + "es"}
    if n.endswith("man"):
        return {n, n[:-3] + "men"}
    return {n, n + "s"}


class Inflectable(Protocol):
    """What the forms of an entry are made from: its term, its part of speech and the
    forms it lists."""

    @property
    def term(self) -> str: ...
    @property
    def pos(self) -> str: ...
    @property
    def forms(self) -> tuple[str, ...]: ...


def term_variants(entry: Inflectable) -> set[str]:
    """Every surface form of a lexicon entry: the term, its inflections (a verb's on its
    first word, "crack down", "cracked down"; a noun's on its last, "border agents") and
    the forms it lists."""
    words = entry.term.split()
    variants = {entry.term}
    if entry.pos == "verb":
        variants |= {" ".join([f, *words[1:]]) for f in verb_forms(words[0])}
    elif entry.pos == "noun":
        variants |= {" ".join([*words[:-1], f]) for f in noun_forms(words[-1])}
    variants |= set(entry.forms)
    return variants
