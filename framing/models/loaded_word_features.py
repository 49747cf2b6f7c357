"""The features the loaded-words model reads: a word, its neighbours and its voice, as
names with values (see the model card in :mod:`framing.models.loaded_words`), and the
table of neutral wordings learned from the annotations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from ..vader import vader_lexicon

__all__ = [
    "END",
    "INTENSIFIERS",
    "NEIGHBOURS",
    "OUTSIDE",
    "SKIP_WORDS",
    "START",
    "VECTOR_OFFSETS",
    "Example",
    "Features",
    "is_candidate",
    "neutral_table",
    "norm",
    "shape",
    "vector_rows",
    "word_at",
    "word_key",
]

#: The label of a word nobody marked.
OUTSIDE = "O"
#: Neighbouring words read as features, by offset from the word.
NEIGHBOURS = (-2, -1, 1, 2)
#: Offsets whose word vectors are features (through per-word scores, see the card).
VECTOR_OFFSETS = (-1, 0, 1)
#: The words before the first and after the last of a sentence.
START, END = "<s>", "</s>"
#: Words too common to carry a judgement on their own; they are never tagged (they can
#: still sit inside a finding's phrase).
SKIP_WORDS = frozenset(
    """
    the a an of to in on and for with by at from as that this his her their its is was were be
    been are it he she they or but has have had will would not said says
    """.split()
)
INTENSIFIERS = frozenset(
    """
    very so too most more extremely highly deeply utterly totally truly really quite incredibly
    remarkably even just only
    """.split()
)
_QUOTE_MARKS = frozenset("\"'\u201c\u201d\u2018\u2019")

Example = tuple[Sequence[str], Sequence[str], int]
"""One word in its sentence: the sentence's tokens as written, the voice of each token
(``narration``, ``headline``, ``quote`` or ``reported``) and the word's index."""


def norm(word: str) -> str:
    """A token's key: lowercase, straight apostrophes, every number the same."""
    if word[:1].isdigit():
        return "_num_"
    return word.lower().replace("\u2019", "'")


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    return norm(word)


def shape(word: str) -> str:
    if len(word) > 1 and word.isupper():
        return "upper"
    if word[:1].isupper():
        return "capital"
    if any(c.isdigit() for c in word):
        return "number"
    return "lower"


def is_candidate(word: str) -> bool:
    """Whether a token can be tagged: a word that is not one of :data:`SKIP_WORDS`."""
    return word[:1].isalnum() and word_key(word) not in SKIP_WORDS


class Features:
    """The features of a word in its sentence, as names with values.

    Every feature depends on the word alone (its type features), on one neighbour and
    its offset, on two neighbouring words (a bigram) or on the word's voice; so a linear
    model's score of a word is the sum of a few table lookups (see
    :meth:`LoadedWordsTagger.scores`).
    """

    def __init__(self, tables: Mapping[str, Any]):
        self.vader: Mapping[str, float] = vader_lexicon()[0]
        self.loaded: Mapping[str, Any] = tables["loaded"]
        members: dict[str, set[str]] = {}
        for phrase, (category, _) in tables["loaded_multi"].items():
            for word in phrase.split():
                members.setdefault(word, set()).add(category)
        self.members = {w: sorted(c) for w, c in members.items()}
        self.cues: Mapping[str, str] = tables["cues"]

    def own(self, word: str) -> list[tuple[str, float]]:
        """Features of the word itself."""
        w = norm(word)
        out: list[tuple[str, float]] = [
            ("w=" + w, 1.0),
            ("s3=" + w[-3:], 1.0),
            ("s4=" + w[-4:], 1.0),
            ("p3=" + w[:3], 1.0),
            ("shape=" + shape(word), 1.0),
        ]
        if "-" in w:
            out.append(("hyphen", 1.0))
        hit = self.loaded.get(w)
        if hit is not None:
            out += [("lex=" + hit[0], 1.0), ("lexw", hit[1] / 3)]
        out += [("lexm=" + c, 1.0) for c in self.members.get(w, ())]
        cue = self.cues.get(w)
        if cue is not None:
            out.append(("cue=" + cue, 1.0))
        valence = self.vader.get(w, 0.0)
        if valence:
            out += [("vader", abs(valence) / 4), ("vader+" if valence > 0 else "vader-", 1.0)]
        return out

    def neighbour(self, word: str, offset: int) -> list[tuple[str, float]]:
        """Features of a neighbouring word (or a sentence boundary) at ``offset``."""
        if word in (START, END):
            return [(f"w{offset:+d}={word}", 1.0)]
        w = norm(word)
        out: list[tuple[str, float]] = [(f"w{offset:+d}={w}", 1.0)]
        if abs(offset) == 1:
            out.append((f"shape{offset:+d}={shape(word)}", 1.0))
            if w in INTENSIFIERS:
                out.append((f"intensifier{offset:+d}", 1.0))
            valence = self.vader.get(w, 0.0)
            if valence:
                out.append((f"vader{offset:+d}", abs(valence) / 4))
            if word in _QUOTE_MARKS:
                out.append((f"mark{offset:+d}", 1.0))
            if w in self.loaded:
                out.append((f"lex{offset:+d}", 1.0))
        return out

    @staticmethod
    def pair(left: str, right: str, side: str) -> str:
        return f"b{side}={norm(left) if left not in (START, END) else left} {norm(right) if right not in (START, END) else right}"

    def of(self, example: Example) -> list[tuple[str, float]]:
        """Every sparse feature of one example."""
        words, voices, i = example
        out = self.own(words[i])
        for d in NEIGHBOURS:
            out += self.neighbour(word_at(words, i + d), d)
        out.append((self.pair(word_at(words, i - 1), words[i], "-"), 1.0))
        out.append((self.pair(words[i], word_at(words, i + 1), "+"), 1.0))
        out.append(("voice=" + voices[i], 1.0))
        if i == 0:
            out.append(("first", 1.0))
        return out


def word_at(words: Sequence[str], j: int) -> str:
    if j < 0:
        return START
    if j >= len(words):
        return END
    return words[j]


def vector_rows(index: Mapping[str, int], word: str) -> list[int] | None:
    """The rows of a token's word vector: its own, or those of the parts of a hyphenated
    word ("long-standing" from "long" and "standing"); None when there is none."""
    if word in (START, END):
        return None
    w = norm(word)
    k = index.get(w)
    if k is not None:
        return [k]
    if "-" in w:
        parts = [index[p] for p in w.split("-") if p in index]
        return parts or None
    return None


def neutral_table(pairs: Iterable[tuple[str, str]], max_words: int = 4) -> dict[str, list[str]]:
    """Neutral wordings by phrase from (phrase, neutral) pairs of annotations: for each
    phrase of at most ``max_words`` words, its most frequent neutral wordings (up to two,
    ties alphabetical)."""
    counts: dict[str, Counter[str]] = {}
    for phrase, neutral in pairs:
        key = " ".join(norm(w) for w in phrase.strip("\"'\u201c\u201d\u2018\u2019 ").split())
        value = " ".join(neutral.split())
        if not key or not value or len(key.split()) > max_words or value.lower() == key:
            continue
        counts.setdefault(key, Counter())[value] += 1
    return {
        k: [v for v, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]
        for k, c in sorted(counts.items())
    }
