"""Whose word is it? The voice of a loaded word, beyond the voice of the text around it.

The document paints every character with a voice (narration, quote, reported speech). A
loaded word usually has the voice of the text it sits in, with three exceptions a careful
reader makes:

* **A word mentioned, not used.** In "calling them thugs", "so-called 'fix'", "what
  critics call a crackdown", "the term 'invaders'" or "framing protesters as violent",
  the article talks *about* the word: the finding's voice is ``mention``, and it is kept
  out of the outlet's own rate.
* **The outlet's word inside reported speech.** In "from a controversial mission in Los
  Angeles, the Pentagon said", "controversial" sits in the Pentagon's reported statement
  but is the outlet's choice. A word before the cue of its attribution, and an
  intensifier, an emotive word, a scare marker or a loaded verb of saying anywhere in a
  paraphrase, is given back to the outlet (these kinds were the outlet's in most of the
  news corpus's training articles; the words a speaker asserts, such as labels and
  charges, stay the speaker's).
* **A side describing itself.** "We leftists", "our movement", "fellow conservatives":
  a label used by its own side of itself is not name-calling, and is not reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..text.document import Document

__all__ = ["OUTLET_CATEGORIES", "SELF_LABEL_CATEGORIES", "Voice", "whose"]

#: Categories whose words, inside a paraphrase, are taken to be the outlet's.
OUTLET_CATEGORIES = frozenset({"intensifier", "emotive", "scare_marker", "loaded_speech_verb"})
#: Categories of labels a side can use of itself without sneering.
SELF_LABEL_CATEGORIES = frozenset({"partisan_label"})

_QUOTE_MARKS = frozenset("\"'\u201c\u201d\u2018\u2019")
_CALL_VERBS = frozenset("call calls called calling".split())
#: verbs that give something a name: what follows is always the name, not the outlet's word
_NAMING_VERBS = frozenset(
    """
    dub dubs dubbed dubbing brand brands branded branding label labels labeled labelled labeling
    labelling nickname nicknamed termed
    """.split()
)
_CALL_OBJECTS = frozenset("them him her us you me themselves himself herself".split())
_NAMING_NOUNS = frozenset("word term label phrase slogan epithet moniker insult nickname".split())
#: verbs that say someone else frames a thing "as" something
_FRAMING_VERBS = frozenset(
    """
    frame frames framed framing paint paints painted painting caricature caricatures caricatured
    caricaturing brand brands branded branding label labels labeled labelled labeling labelling
    dub dubs dubbed smear smears smeared smearing refer refers referred referring
    """.split()
)
_ARTICLES = frozenset("a an the".split())
_DETERMINERS = frozenset("the a that this".split())
_SELF = frozenset("we us our ourselves fellow".split())


@dataclass(frozen=True)
class Voice:
    """Whose word a finding is: its voice, its speaker and, where a rule decided, why."""

    voice: str
    speaker: str | None
    note: str = ""


def _skip_marks(keys: Sequence[str], j: int, lo: int) -> int:
    """The index before ``j`` once quotation marks and articles are passed over."""
    while j >= lo and (keys[j] in _QUOTE_MARKS or keys[j] in _ARTICLES):
        j -= 1
    return j


def mentioned(keys: Sequence[str], first: int, lo: int, quoted: bool) -> bool:
    """Whether the words from unit ``first`` on are mentioned rather than used.

    ``keys`` are the lowercased match units and ``lo`` the first unit of the sentence;
    ``quoted`` says the words are in someone's quotation, where only the outlet's own
    naming ("so-called", "the term", "what X called") makes them a mention."""
    j = _skip_marks(keys, first - 1, lo)
    if j < lo:
        return False
    before = keys[j]
    if before == "so-called":
        return True
    if before in _NAMING_NOUNS and j > lo and keys[j - 1] in _DETERMINERS:
        return True  # "the term 'invaders'"
    if before == "as":
        back = keys[max(lo, j - 4) : j]
        return any(k in _FRAMING_VERBS for k in back)
    # "dubbed thugs", "calling them thugs", "what critics call a crackdown"
    for k in range(j, max(lo, j - 3) - 1, -1):
        if keys[k] in _NAMING_VERBS or keys[k] in _CALL_VERBS:
            between = keys[k + 1 : j + 1]
            if any(not w[:1].isalnum() and w not in _QUOTE_MARKS for w in between):
                return False
            what = "what" in keys[max(lo, k - 3) : k]
            if keys[k] in _NAMING_VERBS or what:
                return True
            # "called the plan 'insulting'" quotes the speaker; "calling them thugs" names them
            return not quoted and bool(between) and between[0] in _CALL_OBJECTS
    return False


def self_described(keys: Sequence[str], first: int, lo: int) -> bool:
    """Whether a label follows "we", "us", "our" or "fellow" ("we leftists")."""
    j = first - 1
    return j >= lo and keys[j] in _SELF


def whose(doc: Document, first: int, end: int, category: str, lo: int) -> Voice | None:
    """The voice of the words in units ``[first, end)`` (a finding of ``category``) whose
    sentence starts at unit ``lo``; None when the words are not reported at all (page
    furniture, or a side describing itself)."""
    units, keys = doc.units, doc.keys
    run = doc.run_at(units[first].start)
    if run.voice == "furniture":
        return None
    if category in SELF_LABEL_CATEGORIES and self_described(keys, first, lo):
        return None
    speaker = doc.speaker_of(run)
    name = speaker.name if speaker else None
    if mentioned(keys, first, lo, quoted=run.voice == "quote"):
        return Voice("mention", name, "The article mentions the word rather than using it.")
    if run.voice == "reported" and run.attribution is not None:
        cue = doc.attributions[run.attribution].cue_span
        before_cue = cue is not None and units[first].start < cue[0]
        if before_cue or category in OUTLET_CATEGORIES:
            return Voice(
                "narration",
                None,
                "It sits inside reported speech, but the word is the outlet's own description.",
            )
    return Voice(run.voice, name)
