"""Closed-class English words that the readers of several stages step over: the
auxiliaries and the determiners.

They are grammar, not a lexicon: no entry is a judgement about a text, and a rule that
reads them (a subject before its verb, a name after "the") says in its own module which
of them it steps over. Lexicons, which are judgements with a reason for every entry,
are data in ``lexicons/``.
"""

from __future__ import annotations

__all__ = ["AUXILIARIES", "DETERMINERS", "POSSESSIVES", "VERB_GROUP_ADVERBS"]

#: Forms of "be", "have" and "do", and the modals.
AUXILIARIES = frozenset(
    "am is are was were be been being has have had do does did will would shall should can could may might must".split()
)
#: Articles and demonstratives: "the", "a", "this", "those".
DETERMINERS = frozenset("the a an this that these those".split())
#: Possessive determiners: "his", "their".
POSSESSIVES = frozenset("my your his her its our their".split())
#: Adverbs that stand inside a verb group, between a subject or an auxiliary and the
#: verb: "has also said", "reportedly ordered", "did not attack".
VERB_GROUP_ADVERBS = frozenset(
    "also then later just still already reportedly repeatedly allegedly quickly never not".split()
)
