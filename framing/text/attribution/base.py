"""What every part of attribution shares: the record of one attribution and the document's text, sentences, quotations, cues and names."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lexicon.kinds import CueVerb
from ..matcher import PhraseMatcher, Unit
from ..names import Chunk, People, RoleBook, Speaker, chunks, word_core
from ..quotes import QuoteSpan
from .cues import _Cue
from .patterns import (
    _ALSO_NOUNS,
    _APPOSITIVE_ROLE,
    _BE_BEFORE,
    _BE_FORMS,
    _CONTRACTED_BEFORE,
    _FUNCTION_WORDS,
    _NOT_BEFORE_VERB,
    _NOUN_MARKERS,
    _POSSESSIVE_BEFORE,
    _TITLE_SMALL_WORDS,
    _verb_lead,
)

#: The name given to a speaker the text refers to ("he said") but never identifies.
UNRESOLVED = "(unresolved)"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Words attributed to a source, in normalised offsets.

    ``kind``: ``direct`` (a full quotation), ``partial`` (a few quoted words inside
    narration), ``scare`` (quoted words with no speaker: the outlet keeping its
    distance), ``reported`` (indirect speech), ``according-to``, ``thought`` (a
    belief, wish or plan reported in the outlet's words: "Trump believes ...", "the
    campaign plans to ..."; attributed, but not something the source said), or
    ``attitude`` (a position taken: "Sanders endorsed Clinton"; its object is not
    anyone's words, so it stays in the outlet's voice). ``resolution``:
    ``named``, ``surname``, ``first-name``, ``title``, ``pronoun``, ``relative``,
    ``continuation``, ``nearby-name`` or ``unresolved``. A ``relative`` speaker is
    the antecedent of a relative pronoun ("Ana Ruiz, who said ..."): ``speaker_span``
    is the pronoun ("who"), as it is "she" in "she said", and ``antecedent`` the
    phrase it stands for ("Ana Ruiz").
    """

    kind: str
    content: tuple[int, int]
    speaker: Speaker | None
    speaker_span: tuple[int, int] | None
    cue: CueVerb | None
    cue_span: tuple[int, int] | None
    resolution: str
    quote: int | None = None
    antecedent: tuple[int, int] | None = None


#: A source as read from the text: the speaker, the span of its mention and how it was
#: resolved (``named``, ``surname``, ``pronoun``, ...).
Found = tuple[Speaker, tuple[int, int], str]


class _Base:
    """The document as attribution reads it, and the helpers every part uses. The parts
    (speaker phrases, subjects, direct quotes, reported speech, resolution) are mixed
    into :class:`~framing.text.attribution.Attributor`; the methods one part calls in
    another are declared here."""

    def __init__(
        self,
        norm: str,
        sentences: Sequence[tuple[int, int]],
        quotes: Sequence[QuoteSpan],
        units: Sequence[Unit],
        cues: PhraseMatcher[CueVerb | None],
        book: RoleBook,
        scopes: Sequence[tuple[int, int]],
    ):
        self.norm = norm
        self.sentences = list(sentences)
        self._sentence_starts = [s for s, _ in self.sentences]
        self.quotes = list(quotes)
        self._quote_starts = [q.start for q in self.quotes]
        self.book = book
        self.scopes = scopes
        self._title_cache: dict[int, bool] = {}
        self._cues = []
        #: cue words used as nouns ("Trump's claim that", "her statement on")
        self._nouns: list[_Cue] = []
        for i, j, cue in cues.find(units):
            if cue is None:
                continue
            form = norm[units[i].start : units[j - 1].end]
            before = norm[max(0, units[i].start - 3) : units[i].start].rstrip()
            if (
                form[:1].isupper()
                and before
                and before[-1] not in '.!?":\n\u2014'
                and not self._title_case(units[i].start)
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
                self._nouns.append(_Cue(units[i].start, units[j - 1].end, cue, form))
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
            self._cues.append(_Cue(units[i].start, units[j - 1].end, cue, form, participle))
        self._cue_starts = [c.start for c in self._cues]
        lower = {word for u in units if (word := norm[u.start : u.end])[0].islower()}
        self.people = People(book, frozenset(lower | _FUNCTION_WORDS))
        #: every capitalised phrase of the document, found once
        self.names: list[Chunk] = [c for s, e in scopes for c in chunks(norm, s, e, book)]
        self._name_starts = [c.start for c in self.names]
        for c in self.names:
            self.people.add(c)
            if c.is_person and len(c.name) >= 2:
                self.people.seen(" ".join(c.name), c.start, c.end)
                role = _APPOSITIVE_ROLE.match(norm, c.end)
                if role and self.book.find(role.group(1).split()) is not None:
                    # 'Sean Parnell, the Pentagon's chief spokesman,': "the spokesman" later
                    self.people.add_role(" ".join(w.removesuffix("'s") for w in c.name), role.group(1))
            elif c.is_person and (full := self.people._by_surname.get(word_core(c.name[0]))):
                self.people.seen(full, c.start, c.end)  # 'Bass left.': the last one mentioned
        self._last_speaker: Speaker | None = None
        self._previous: tuple[int, Attribution] | None = None  # the last attributed quotation
        #: the antecedent's span of each relative pronoun read as a speaker ("who" -> "Ana Ruiz")
        self._antecedents: dict[tuple[int, int], tuple[int, int]] = {}

    # ------------------------------------------------------------------ helpers

    def _title_case(self, pos: int) -> bool:
        """Whether the sentence at ``pos`` is a headline in title case ("Trump Says He
        Will Win"), where a capitalised word may be a verb."""
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i < 0 or not self.sentences[i][0] <= pos < self.sentences[i][1]:
            return False
        if i not in self._title_cache:
            words = re.findall(r"[A-Za-z][\w'-]*", self.norm[slice(*self.sentences[i])])
            major = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
            self._title_cache[i] = len(major) >= 4 and sum(w[0].isupper() for w in major) >= 0.9 * len(major)
        return self._title_cache[i]

    def chunks_in(self, start: int, end: int) -> list[Chunk]:
        """The capitalised phrases within ``[start, end)``, from those found once; where
        the range cuts through one, the range is read again on its own."""
        i = bisect.bisect_left(self._name_starts, start)
        if i > 0 and self.names[i - 1].end > start:
            return chunks(self.norm, start, end, self.book)
        out = []
        names = self.names
        while i < len(names) and names[i].start < end:
            if names[i].end > end:
                return chunks(self.norm, start, end, self.book)
            out.append(names[i])
            i += 1
        return out

    def _sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return pos, pos

    def _cues_in(self, start: int, end: int) -> list[_Cue]:
        lo = bisect.bisect_left(self._cue_starts, start)
        hi = bisect.bisect_left(self._cue_starts, end)
        return [c for c in self._cues[lo:hi] if c.end <= end and not self.in_quote(c.start)]

    def in_quote(self, pos: int) -> bool:
        """Whether ``pos`` is inside a quotation's marks (the marks themselves are not)."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and self.quotes[i].start < pos < self.quotes[i].end - 1

    def _opens_quote(self, pos: int) -> bool:
        """Whether a quotation opens at ``pos``."""
        i = bisect.bisect_left(self._quote_starts, pos)
        return i < len(self.quotes) and self.quotes[i].start == pos

    def _quote_in(self, start: int, end: int) -> bool:
        """Whether a quotation opens in ``[start, end)``."""
        i = bisect.bisect_left(self._quote_starts, start)
        return i < len(self.quotes) and self.quotes[i].start < end

    def _paragraph_end(self, pos: int) -> int:
        e = self.norm.find("\n", pos)
        return len(self.norm) if e == -1 else e

    if TYPE_CHECKING:

        def finish(self, found: Found | None, pos: int) -> tuple[Speaker | None, str]: ...
