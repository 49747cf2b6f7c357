"""Figures: the numbers a sentence gives, with what each counts and what happened to it.

"1,350 National Guard troops have been withdrawn" gives 1,350 troops, withdrawn; "the
deployment of 2,000 National Guard troops" 2,000 troops, deployed. A number is read in
digits ("1,350", "6.2%", "$250 billion") or in words ("two thousand", "seven
hundred"); years and days of the month are dates, not figures. What it counts is the
first word of the ``counted`` lexicon (``lexicons/counted-things.tsv``) in the few words
after it; what happened to it is the nearest event of the same clause
(:mod:`framing.coverage.events`). Two figures are the same figure when their numbers
are equal and neither what they count nor what happened to them differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..lexicon.kinds import CountedThing
from ..text.phrases import PhraseFinder
from ..text.tokens import Token
from .events import EventMention, EventReader, clause_breaks, single_words, token_keys
from .view import Figure, FigureUse

__all__ = ["FigureMention", "FigureReader", "group_figures", "numbers_in", "same_figure"]

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(percent|%))?(?![\w])")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_MONTH_BEFORE = re.compile(
    r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$"
)
_UNITS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "one": 1,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORDS = re.compile(
    r"(?i)\b("
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")[ -](hundred|thousand|million|billion)\b"
)
#: How many tokens after a number may say what it counts.
COUNT_REACH = 6


def numbers_in(text: str) -> list[tuple[float, int, int]]:
    """The numbers in ``text`` as ``(value, start, end)``: digits ("1,350", "6.2%") and
    a number word before hundred, thousand, million or billion ("two thousand"). Years
    and days of the month are left out.

    >>> [(v, s) for v, s, _ in numbers_in("On June 7, 1,350 troops left and two thousand stayed in 2025.")]
    [(1350.0, 11), (2000.0, 33)]
    """
    out: list[tuple[float, int, int]] = []
    for m in _NUMBER.finditer(text):
        raw = m.group(1)
        if _YEAR.match(raw) and not m.group(2):
            continue  # years are dates, not figures
        if _MONTH_BEFORE.search(text, 0, m.start()):
            continue  # 'June 7', 'July 11': days of the month
        out.append((float(raw.replace(",", "")), m.start(), m.end()))
    for m in _WORDS.finditer(text):
        out.append((float(_UNITS[m.group(1).lower()] * _SCALES[m.group(2).lower()]), m.start(), m.end()))
    return sorted(out, key=lambda x: x[1])


@dataclass(frozen=True, slots=True)
class FigureMention:
    """A number in a sentence, with what it counts and the event next to it.

    ``start``/``end`` are offsets into the article; ``thing`` is a category of the
    ``counted`` lexicon (``None`` where no word after the number says), ``thing_words``
    the words that said it; ``event`` the nearest event of the clause (``None`` where
    none), ``event_word`` its word."""

    value: float
    start: int
    end: int
    text: str
    thing: str | None
    thing_words: str
    event: tuple[str, ...]
    event_word: str
    negated: bool = False


def same_figure(a: FigureMention, b: FigureMention) -> bool:
    """Equal numbers that count the same thing and had the same thing happen to them
    (what one of them does not say does not count against it)."""
    if a.value != b.value:
        return False
    if a.thing and b.thing and a.thing != b.thing:
        return False
    if a.event and b.event and not set(a.event) & set(b.event):
        return False
    return a.negated == b.negated or not (a.event and b.event)


class FigureReader:
    """The ``counted`` lexicons, compiled once."""

    def __init__(self, lexicons: Iterable[Lexicon]):
        self.lexicons = tuple(lex for lex in lexicons if lex.kind == "counted")
        self._finder = PhraseFinder(self.lexicons)
        self.words = single_words(self.lexicons)
        self.labels = {cid: cat.label for lex in self.lexicons for cid, cat in lex.categories.items()}

    def read(
        self,
        text: str,
        tokens: Sequence[Token],
        events: Sequence[EventMention],
        keys: Sequence[str] | None = None,
    ) -> list[FigureMention]:
        """The figures of one sentence, whose tokens (offsets into ``text``) and events
        are given."""
        if not tokens:
            return []
        keys = token_keys(tokens) if keys is None else keys
        clause = clause_breaks(keys)
        starts = [t.start for t in tokens]
        things = {m.first: m for m in self._finder.find(keys)}
        out: list[FigureMention] = []
        lo, hi = tokens[0].start, tokens[-1].end
        for value, s, e in numbers_in(text[lo:hi]):
            s, e = s + lo, e + lo
            k = _token_at(starts, s)
            last = _token_at(starts, e - 1)
            thing, words, thing_first, thing_end = None, "", last + 1, last + 1
            if "%" in text[s:e] or "percent" in text[s:e].lower():
                thing = "percent"
            else:
                j, limit = last + 1, min(len(tokens), last + 1 + COUNT_REACH)
                while j < limit:
                    if keys[j] in (".", ";", ":", "(", ")") or (keys[j] == "," and j > last + 1):
                        break
                    m = things.get(j)
                    if m is None or not isinstance(m.entry, CountedThing):
                        j += 1
                        continue
                    thing, thing_first, thing_end = m.entry.thing, m.first, m.end
                    words = " ".join(t.text for t in tokens[m.first : m.end])
                    if thing != "members" or m.end >= len(keys) or keys[m.end] != "of":
                        break
                    # "members of the California National Guard" are counted by what follows
                    j, limit = m.end + 1, min(len(tokens), m.end + 1 + COUNT_REACH)
            best = _event_of(events, clause, k, thing_first, thing_end)
            if best is None and out:
                # figures listed together share their event ("2,000 Guard members and 700 Marines")
                prev = out[-1]
                event, event_word, negated = prev.event, prev.event_word, prev.negated
            else:
                event = best.events if best else ()
                event_word, negated = (best.word, best.negated) if best else ("", False)
            out.append(
                FigureMention(
                    value=value,
                    start=s,
                    end=e,
                    text=text[s:e],
                    thing=thing,
                    thing_words=words,
                    event=event,
                    event_word=event_word,
                    negated=negated,
                )
            )
        return out


def _event_of(
    events: Sequence[EventMention], clause: Sequence[int], k: int, thing_first: int, after: int
) -> EventMention | None:
    """The event a figure at token ``k`` goes with: what it counts, where that is an
    event ("118 arrests"); else the event noun it is "of" ("the withdrawal of 1,350
    troops"); else the first event after what it counts, in its clause ("1,350 troops
    were withdrawn"); else the nearest one before it."""
    own = [ev for ev in events if thing_first <= ev.token < after]
    if own:
        return own[0]
    same = [ev for ev in events if clause[ev.token] == clause[k]]
    before = [ev for ev in same if ev.token < k]
    if before and k - before[-1].token <= 3:
        return before[-1]
    later = [ev for ev in same if ev.token >= after]
    if later:
        return later[0]
    return before[-1] if before else None


def _token_at(starts: Sequence[int], offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, offset) - 1)


def group_figures(
    mentions: Sequence[tuple[int, str, FigureMention]],
    labels: Sequence[str],
    reader: FigureReader,
    events: EventReader,
) -> list[Figure]:
    """Every figure the articles give (each mention with its article's index and its
    sentence), one row per number, thing counted and event: "2,000 troops, withdrawn"
    and "2,000 troops, deployed" are two rows. A figure that does not say what it
    counts or what happened joins the row it fits, if one does."""
    rows: list[tuple[FigureMention, list[tuple[int, str, FigureMention]]]] = []
    # figures that say most first, so the vaguer ones find their row
    ordered = sorted(mentions, key=lambda m: (m[2].thing is None, not m[2].event, m[0], m[2].start))
    for mention in ordered:
        for head, members in rows:
            if same_figure(head, mention[2]):
                members.append(mention)
                break
        else:
            rows.append((mention[2], [mention]))
    out: list[Figure] = []
    for head, members in rows:
        thing = next((f.thing for _, _, f in members if f.thing), None)
        event_ids = next((f.event for _, _, f in members if f.event), ())
        event = event_ids[0] if event_ids else None
        negated = head.negated
        members.sort(key=lambda m: (m[0], m[2].start))
        uses = tuple(
            FigureUse(
                article=labels[k],
                text=f.text,
                start=f.start,
                end=f.end,
                counts=f.thing_words or (reader.labels.get(f.thing, "") if f.thing else ""),
                event_word=f.event_word,
                sentence=sentence,
            )
            for k, sentence, f in members
        )
        carried = {labels[k] for k, _, _ in members}
        parts = [f"{head.value:,g}"]
        if thing:
            parts[0] += f" {reader.labels.get(thing, thing).lower()}"
        if event:
            parts.append(("not " if negated else "") + events.label(event).lower())
        out.append(
            Figure(
                value=head.value,
                thing=thing,
                event=event,
                negated=negated,
                label=", ".join(parts),
                uses=uses,
                missing_from=tuple(label for label in labels if label not in carried),
            )
        )
    out.sort(key=lambda fig: (-len(fig.articles), -fig.value, fig.label))
    return out
