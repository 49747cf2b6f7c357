"""Subjects: whose speech verb it is: the subject before it, a relative pronoun's antecedent, the subject that opens a sentence."""

from __future__ import annotations

import re

from ..names import Speaker, chunks, word_core
from .base import Found
from .cues import _Cue
from .patterns import (
    _ABBREVIATION,
    _BOUNDARY,
    _DASH_APPOSITIVE,
    _NAME_BEFORE,
    _PARTY_BEFORE,
    _PASSIVE_BEFORE,
    _PEOPLE_NOUNS,
    _PERSON_SUFFIXES,
    _PREPOSITIONS,
    _SPEAKER_WORD,
    _SUBJECT_REACH,
    _WHO_BEFORE,
    _common_word,
)
from .speakers import _SpeakerPhrases


class _Subjects(_SpeakerPhrases):
    def subject_before(self, sent_start: int, cue_start: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """The subject of the speech verb at ``cue_start``: the phrase after the last
        clause boundary (outside quotation marks) before it.

        Only the last :data:`_SUBJECT_REACH` characters are read: no subject is longer,
        and a run-on "sentence" with thousands of cue words is then read in linear time."""
        norm = self.norm
        sent_start = self._within_reach(sent_start, cue_start)
        cuts = [sent_start]
        for m in _BOUNDARY.finditer(norm, sent_start, cue_start):
            if self.in_quote(m.start()):
                continue
            if m.group().lower() == "and" and _NAME_BEFORE.search(norm, sent_start, m.start()):
                continue  # "Karen Bass and Gavin Newsom said": one subject
            if m.group() == "." and _ABBREVIATION.search(norm, max(sent_start, m.start() - 4), m.end()):
                continue  # 'a spokesman for Mrs. Clinton said': 'Mrs.' ends nothing
            cuts.append(m.end())
        party = _PARTY_BEFORE.search(norm, cuts[-1], cue_start)
        stop = party.start() if party else cue_start  # 'Sen. Bernie Sanders (I-Vt.) said'
        if _WHO_BEFORE.search(norm, max(sent_start, stop - 60), stop):
            return self._antecedent(sent_start, stop)
        found = self.speaker_phrase(cuts[-1], stop)
        dash = _DASH_APPOSITIVE.search(norm, sent_start, stop)
        if found is None and dash is not None:
            # 'Jason Sims — a teacher from Mount Pleasant — says'
            before = [c for c in cuts if c <= dash.start()]
            found = self.speaker_phrase(before[-1], dash.start())
        if found is None and len(cuts) > 1 and norm[cuts[-1] : stop].rstrip().endswith(","):
            # 'Sanders, whose coalition includes young people and independents, said': the
            # boundary is inside an appositive; read the subject from before it
            for cut in reversed(cuts[-3:-1]):
                if "," in norm[cut : cuts[-1]]:
                    found = self.speaker_phrase(cut, stop)
                    if found is not None:
                        break
        if found is not None and not self._an_entity(found):
            # 'In Gaza on Tuesday, Fawzi Barhoum, a Hamas spokesman, said', 'Trump's
            # spokesman, Sean Spicer, said', 'Sen. Joe Manchin (D) of West Virginia said':
            # the person the clause is about, not a place, a date or a role
            found = self._entity_subject(cuts[-1] if cuts[-1] < stop else sent_start, stop) or found
        return found

    def _within_reach(self, start: int, stop: int) -> int:
        """``start``, or the first word of the last :data:`_SUBJECT_REACH` characters
        before ``stop`` where the span is longer."""
        if stop - start <= _SUBJECT_REACH:
            return start
        space = self.norm.find(" ", stop - _SUBJECT_REACH, stop)
        return stop - _SUBJECT_REACH if space == -1 else space + 1

    def _an_entity(self, found: Found) -> bool:
        """Whether a subject read from the words is someone the article names, or a
        pronoun, a title or a group resolved to one."""
        spk, _, how = found
        if how in ("pronoun", "title", "relative", "surname", "first-name"):
            return True
        if not spk.named or spk.kind not in ("person", "institution", "group"):
            return True  # an unnamed source ('officials', 'a new poll') is a source too
        return " and " in spk.name or self.people.named(spk.name) is not None

    def _entity_subject(self, start: int, stop: int) -> Found | None:
        """The first person or body named in ``[start, stop)`` that is not the object of
        a preposition or a possessive ("a lawyer for Ana Ruiz", "Trump's spokesman").
        Only the last :data:`_SUBJECT_REACH` characters are read, as for any subject."""
        norm = self.norm
        start = self._within_reach(start, stop)
        for m in self.people.mentions_in(start, stop):
            if not m.entities or m.kind not in ("named", "surname", "first-name", "acronym", "joint"):
                continue
            if self.in_quote(m.start) or re.match(r"['\u2019]s?\b", norm[m.end : m.end + 2]):
                continue
            before = norm[max(start, m.start - 12) : m.start].split()
            if before and word_core(before[-1]) in _PREPOSITIONS | {
                "of",
                "for",
                "against",
                "like",
                "including",
            }:
                continue
            if m.kind != "joint" and any(
                j.kind == "joint" and j.start <= m.start < j.end for j in self.people.mentions_in(start, stop)
            ):
                continue
            return (
                self.speaker_of(m.entities),
                (m.start, m.end),
                "named" if m.kind != "surname" else "surname",
            )
        return None

    def _antecedent(self, sent_start: int, stop: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """The source of a relative clause's verb: 'Ted Cruz, who said ...', '23 percent
        who said ...', 'voters who say ...', 'the group, which said ...'. The mention is
        the relative pronoun, as "he" is the mention in "he said"; the speaker is the
        name or noun phrase before it (resolution ``relative``), whose span is kept in
        ``_antecedents``."""
        norm = self.norm
        m = _WHO_BEFORE.search(norm, max(sent_start, stop - 60), stop)
        if m is None or self.in_quote(m.start()):
            return None
        found = self._antecedent_phrase(sent_start, m.start(), m.group(1).lower())
        if found is None:
            return None
        pronoun = (m.start(1), m.end(1))
        self._antecedents[pronoun] = found[1]
        return found[0], pronoun, "relative"

    def _antecedent_phrase(
        self, sent_start: int, end: int, pronoun: str
    ) -> tuple[Speaker, tuple[int, int], str] | None:
        """The name or noun phrase that ends at ``end``, before a relative pronoun."""
        norm = self.norm
        names = [c for c in self.chunks_in(max(sent_start, end - 60), end) if c.end == end]
        persons = [
            c
            for c in names
            if c.is_person and (len(c.name) >= 2 or word_core(c.name[0]) in self.people.by_surname)
        ]
        if persons:
            resolved = self.resolve_chunk(persons[-1])
            if resolved:
                return resolved[0], (persons[-1].start, persons[-1].end), resolved[1]
        elif names and pronoun == "which":  # 'the Elm City Council, which said': the whole name
            found = self._speaker_phrase(names[-1].start, end)
            if found is not None and found[0].kind != "pronoun":
                return found
        words = list(_SPEAKER_WORD.finditer(norm, max(sent_start, end - 60), end))
        if not words or (pronoun == "who" and not words[-1].group()[0].islower()):
            return None  # 'Texas, who said': a capitalised word that is not a known name
        for k in range(1, min(4, len(words)) + 1):  # the shortest phrase that is a source
            if _BOUNDARY.search(norm, words[-k].start(), end) or words[-k].group().lower() in _PREPOSITIONS:
                continue
            found = self._speaker_phrase(words[-k].start(), end)
            if found is not None and found[0].kind != "pronoun":
                return found
        return None

    def _may_speak(self, spk: Speaker) -> bool:
        """Whether a subject read from the opening words may be a source: a pronoun, a
        name, a role the lexicon knows or a noun for people ("the women", "a teacher"),
        not a thing ("One of the hard questions")."""
        if spk.kind == "pronoun" or spk.named or self.book.find(spk.name.split()) is not None:
            return True
        head = word_core(spk.name.split()[-1])
        return head in _PEOPLE_NOUNS or head.removesuffix("s").endswith(_PERSON_SUFFIXES)

    def _passive(self, c: _Cue) -> bool:
        """Whether the cue is a passive participle ("the plan was rejected", "he was
        asked"): its subject is not the source."""
        word = c.form.split()[0].lower()
        if not (word.endswith(("ed", "en", "wn")) or word in ("said", "told", "thought", "found", "sought")):
            return False
        return bool(_PASSIVE_BEFORE.search(self.norm, max(0, c.start - 30), c.start))

    def _opening_subject(self, s: int, stop: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """The subject that opens the sentence: the shortest run of its first words (up
        to six, before ``stop``) read as a speaker ("He", "The Republican nominee",
        "Sen. Bo Tate")."""
        found = self._sentence_subject(s, stop)
        if found is not None:
            return found
        for k, w in enumerate(_SPEAKER_WORD.finditer(self.norm, s, stop)):
            if k >= 6 or _BOUNDARY.match(self.norm, w.start()) or self.norm[w.end() : w.end() + 1] == ",":
                break
            found = self.speaker_phrase(s, w.end())
            if found is not None:
                return found
        return None

    def _sentence_subject(self, s: int, stop: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """A name opening the sentence, before its first verb-like word."""
        found = chunks(self.norm, s, min(stop, s + 80), self.book)
        if found and found[0].start - s <= 4 and not _common_word(found[0]):
            resolved = self.resolve_chunk(found[0])
            if resolved:
                return resolved[0], (found[0].start, found[0].end), resolved[1]
        return None
