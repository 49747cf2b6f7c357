"""The sentences the comparison lines up, each read once: its words, names, actors,
figures, events and date.

Page furniture is left out, and so are sentences of fewer than five words (datelines,
section heads). Everything is read from the finished analysis: the actors analyser's
mentions give the actors, the article's quotations the speakers, and the ``events`` and
``counted`` lexicons the events and figures.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..results import ArticleAnalysis
from ..text.tokens import tokenize
from .dates import DateRange, sentence_range
from .events import EventMention, EventReader, token_keys
from .figures import FigureMention, FigureReader

__all__ = ["ENDINGS", "MIN_WORDS", "Readers", "Unit", "content_stems", "read_units", "stem"]

#: Sentences shorter than this are not compared.
MIN_WORDS = 5

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "told", "mr", "mrs", "ms"}


#: Endings taken off a word so that its forms meet ("protests", "protesting" and
#: "protesters"; "cooperation" and "cooperate"), longest first, each only where three
#: letters or more are left. A stem is a key for matching, not a word.
ENDINGS = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ness",
    "ings",
    "ions",
    "ing",
    "ion",
    "ers",
    "ies",
    "ied",
    "ity",
    "ate",
    "ive",
    "ed",
    "es",
    "er",
    "ly",
    "al",
    "s",
)


@functools.lru_cache(maxsize=1 << 15)
def stem(word: str) -> str:
    """The key two forms of one word share.

    >>> [stem(w) for w in ("protests", "protesting", "protesters", "cooperation", "cooperate", "cities")]
    ['protest', 'protest', 'protest', 'cooper', 'cooper', 'city']
    """
    w = word.lower()
    for ending in ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            return w[: -len(ending)] + ("y" if ending in ("ies", "ied") else "")
    return w


def content_stems(text: str) -> frozenset[str]:
    """The stems of the words of ``text`` that are not stop words.

    >>> sorted(content_stems("The troops were withdrawn from the city"))
    ['city', 'troop', 'withdrawn']
    """
    stop = _stop_words()
    return frozenset(
        stem(w)
        for w in (m.group().lower().replace("\u2019", "'") for m in _WORD.finditer(text))
        if len(w) > 2 and w not in stop
    )


@dataclass(frozen=True)
class Readers:
    """The lexicons the comparison reads sentences with, compiled once."""

    events: EventReader
    figures: FigureReader

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """Every one-word form of both lexicons (glued words are taken apart into these)."""
        return self.events.words | self.figures.words


@dataclass(frozen=True)
class Unit:
    """One sentence of one article, as the comparison reads it.

    ``start``/``end`` index the article's text; ``text`` is the sentence with its
    whitespace collapsed. ``names`` are the capitalised words not at its start
    (lowercased), ``actors`` the actor ids the actors analyser found in it, ``speakers``
    the sources of the quotations and reported speech that start in it."""

    article: int
    index: int
    start: int
    end: int
    text: str
    voice: str
    stems: frozenset[str]
    names: frozenset[str]
    actors: frozenset[str]
    speakers: frozenset[str]
    events: tuple[EventMention, ...]
    figures: tuple[FigureMention, ...]
    date: DateRange | None
    position: float  # 0 at the top of the article, 1 at the end

    @property
    def event_kinds(self) -> frozenset[str]:
        return frozenset(e for m in self.events if not m.negated for e in m.events)

    @property
    def negated_kinds(self) -> frozenset[str]:
        return frozenset(e for m in self.events if m.negated for e in m.events)

    @property
    def numbers(self) -> frozenset[float]:
        return frozenset(f.value for f in self.figures)

    @property
    def words(self) -> int:
        return len(self.text.split())


def _names(text: str) -> frozenset[str]:
    stop = _stop_words()
    words = _WORD.findall(text)
    return frozenset(
        w.lower().replace("\u2019", "'").removesuffix("'s")
        for k, w in enumerate(words)
        if k > 0 and w[0].isupper() and w.lower() not in stop and len(w) > 1
    )


def read_units(index: int, analysis: ArticleAnalysis, readers: Readers, when: DateRange | None) -> list[Unit]:
    """The sentences of article ``index`` that the comparison lines up."""
    text = analysis.text
    actor_at = sorted((f.start, f.actor) for f in analysis.findings if f.actor is not None)
    actor_starts = [s for s, _ in actor_at]
    quote_at = sorted((q.start, q.speaker) for q in analysis.quotes if q.speaker and q.kind != "scare")
    quote_starts = [s for s, _ in quote_at]
    out: list[Unit] = []
    length = max(1, len(text))

    for start, end in analysis.sentences:
        voice = analysis.voice_at(start).voice if analysis.voices else "narration"
        if voice == "furniture":
            continue
        clean = " ".join(text[start:end].split())
        if len(clean.split()) < MIN_WORDS:
            continue
        lo, hi = bisect.bisect_left(actor_starts, start), bisect.bisect_left(actor_starts, end)
        qlo, qhi = bisect.bisect_left(quote_starts, start), bisect.bisect_left(quote_starts, end)
        tokens = tokenize(text, start, end)
        keys = token_keys(tokens, readers.words)
        events = readers.events.read(tokens, keys)
        figures = readers.figures.read(text, tokens, events, keys)
        date = sentence_range(clean, when)
        out.append(
            Unit(
                article=index,
                index=len(out),
                start=start,
                end=end,
                text=clean,
                voice=voice,
                stems=content_stems(clean),
                names=_names(clean),
                actors=frozenset(actor for _, actor in actor_at[lo:hi]),
                speakers=frozenset(str(sp) for _, sp in quote_at[qlo:qhi]),
                events=tuple(events),
                figures=tuple(figures),
                date=date,
                position=start / length,
            )
        )
    return out


def units_by_article(units: Sequence[Unit], n: int) -> list[list[Unit]]:
    out: list[list[Unit]] = [[] for _ in range(n)]
    for u in units:
        out[u.article].append(u)
    return out
