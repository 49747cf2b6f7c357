"""What every part of attribution shares: the record of one attribution and the document's text, sentences, quotations, cues and names."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lexicon.kinds import CueVerb
from ..names import Chunk, RoleBook, Speaker, chunks, word_core
from ..people import People
from ..quotes import QuoteSpan
from .cues import _Cue

#: The name given to a speaker the text refers to ("he said") but never identifies.
UNRESOLVED = "(unresolved)"

#: How many cues before a quotation, in its sentence, may introduce it (the nearest
#: ones): no sentence of a news article has more, and a run-on "sentence" of thousands
#: of cue words and quotations is then read in linear time.
_HEAD_CUES = 8
_NON_SPACE = re.compile(r"\S+")


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
    speakers: tuple[str, ...] = ()
    """Each person of a joint speaker ("Karen Bass and Gavin Newsom said"), credited
    apart; empty for a single speaker."""


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
        cues: tuple[list[_Cue], list[_Cue]],
        names: Sequence[Chunk],
        people: People,
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
        self._cues, self._nouns = cues
        #: the cues outside quotation marks, which are all any reading of the text uses
        #: (found once: a run-on sentence with thousands of quotations would otherwise
        #: test every cue before each quotation again)
        self._free_cues = [c for c in self._cues if not self.in_quote(c.start)]
        self._free_starts = [c.start for c in self._free_cues]
        self._noun_starts = [n.start for n in self._nouns]
        self._title_norm: str | None = None  # the text title-cased, made when first needed
        self.people = people
        #: every capitalised phrase of the document, found once
        self.names: list[Chunk] = list(names)
        self._name_starts = [c.start for c in self.names]
        #: what attributions have said of each person so far (role, source type, party)
        self._known: dict[str, Speaker] = {}
        self._last_speaker: Speaker | None = None
        self._previous: tuple[int, Attribution] | None = None  # the last attributed quotation
        #: the antecedent's span of each relative pronoun read as a speaker ("who" -> "Ana Ruiz")
        self._antecedents: dict[tuple[int, int], tuple[int, int]] = {}

    # ------------------------------------------------------------------ helpers

    def title_norm(self) -> str:
        """The text title-cased ("JOEL BENENSON" as "Joel Benenson"), made once."""
        if self._title_norm is None:
            self._title_norm = self.norm.title()
        return self._title_norm

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
        """The cues outside quotation marks within ``[start, end)``."""
        lo = bisect.bisect_left(self._free_starts, start)
        hi = bisect.bisect_left(self._free_starts, end)
        return [c for c in self._free_cues[lo:hi] if c.end <= end]

    def _last_cues(self, start: int, end: int) -> list[_Cue]:
        """The last :data:`_HEAD_CUES` cues outside quotation marks within ``[start,
        end)``, in text order: the cues that may introduce a quotation at ``end``."""
        lo = bisect.bisect_left(self._free_starts, start)
        hi = bisect.bisect_left(self._free_starts, end)
        found: list[_Cue] = []
        for k in range(hi - 1, lo - 1, -1):
            if len(found) == _HEAD_CUES:
                break
            if self._free_cues[k].end <= end:
                found.append(self._free_cues[k])
        found.reverse()
        return found

    def _last_char_before(self, start: int, end: int) -> int:
        """The position of the last character before ``end`` that is not white space,
        or ``start - 1`` when ``[start, end)`` is all white space (read backwards, so a
        long sentence is not copied for every quotation in it)."""
        i = end - 1
        norm = self.norm
        while i >= start and norm[i].isspace():
            i -= 1
        return i

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

    # ------------------------------------------------------------------ people

    def resolve_chunk(self, chunk: Chunk) -> tuple[Speaker, str] | None:
        """The speaker a capitalised phrase names and how it was resolved: the entity
        of :attr:`people` it names ("Newsom" is Gavin Newsom, "the CDC" the Centers
        for Disease Control), or the phrase itself where the article names no one
        fuller; None for a capitalised ordinary word ("Both", "Local")."""
        role = " ".join(chunk.role) or None
        if not chunk.is_person and all(self.book.is_title_word(w) for w in chunk.words):
            return None  # 'The French President said': a title, read as one
        found = self.people.of_chunk(chunk)
        if found is not None:
            entity, how = found
            if entity.kind == "person":
                return Speaker(entity.name, "person", role or entity.role), (
                    "title" if role and how != "named" else how
                )
            return Speaker(entity.name, "institution", None), "named"
        if chunk.is_person:
            if len(chunk.name) >= 2:
                return Speaker(chunk.person, "person", role), "named"
            if role:
                return Speaker(chunk.name[0], "person", role), "named"
            if word_core(chunk.name[0]) in self.people.common:
                return None  # a capitalised ordinary word ("Both", "Local"), not a name
            return Speaker(chunk.name[0], "person", None), "named"
        return Speaker(chunk.text, "institution", None), "named"

    def speaker_of(self, entities: Sequence[int]) -> Speaker:
        """The speaker for one entity of :attr:`people`, or a group for several."""
        found = [self.people.entity(i) for i in entities]
        if len(found) == 1:
            e = found[0]
            return Speaker(e.name, e.kind if e.kind != "group" else "group", e.role)
        return Speaker(" and ".join(e.name for e in found), "group", None)

    def described(self, start: int, end: int) -> Found | None:
        """A title or a description ("the governor", "the agency") that :attr:`people`
        linked to an entity."""
        mention = self.people.at(start, end)
        if mention is None or mention.kind not in ("title", "pair") or not mention.entities:
            return None
        if mention.start != start and self.norm[start : mention.start].strip().lower() not in (
            "the",
            "a",
            "",
        ):
            return None
        return self.speaker_of(mention.entities), (start, max(end, mention.end)), "title"

    def joint_speakers(self, speaker: Speaker | None, span: tuple[int, int] | None) -> tuple[str, ...]:
        """The people of a joint speaker, from the mention :attr:`people` found there."""
        if speaker is None or span is None or speaker.kind != "group":
            return ()
        mention = self.people.at(*span)
        if mention is not None and len(mention.entities) > 1:
            return tuple(self.people.entity(i).name for i in mention.entities)
        return ()
