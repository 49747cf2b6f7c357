"""Counts with their nouns: "1 mention", "2 mentions", "1,204 articles".

Every report, page and message that puts a number before a noun says it through
:func:`count`, so that one thing is never "1 mentions" and many are never "2 entry".
"""

from __future__ import annotations

__all__ = ["count", "plural"]

#: Nouns whose plural does not follow the spelling rules below.
_IRREGULAR = {
    "analysis": "analyses",
    "child": "children",
    "person": "people",
    "woman": "women",
    "man": "men",
    "criterion": "criteria",
    "series": "series",
    "is": "are",
    "was": "were",
    "has": "have",
}


def plural(noun: str, n: float = 2) -> str:
    """``noun`` as it goes with the number ``n`` (one is singular, anything else plural).

    Only the last word changes ("loaded word" -> "loaded words")."""
    if n == 1 or not noun:
        return noun
    head, _, last = noun.rpartition(" ")
    lower = last.lower()
    if lower in _IRREGULAR:
        word = _IRREGULAR[lower]
        word = word.capitalize() if last[:1].isupper() else word
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        word = last[:-1] + "ies"
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        word = last + "es"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def count(n: int, noun: str, plural_form: str | None = None) -> str:
    """The number (with thousands separated by commas) and its noun: ``count(1,
    "mention")`` is "1 mention", ``count(1204, "article")`` "1,204 articles".
    ``plural_form`` is the plural where it is not the noun's usual one."""
    word = noun if n == 1 else (plural_form or plural(noun, n))
    return f"{n:,} {word}"
