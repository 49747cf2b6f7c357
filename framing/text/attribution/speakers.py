"""Speaker phrases: the noun phrase that names a source, read as a speaker."""

from __future__ import annotations

import re

from ...function_words import DETERMINERS
from ..names import PRONOUNS, Chunk, Speaker, sources_are_people, word_core
from .base import Found, _Base
from .patterns import (
    _ADVERB,
    _CLAUSE_WORDS,
    _FUNCTION_WORDS,
    _INTRODUCERS,
    _NOT_SUBJECT_END,
    _NP_OPENERS,
    _NP_STOP,
    _PART_OF,
    _PERSON_SUFFIXES,
    _PLACE_OF_SPEECH,
    _POSTMODIFIERS,
    _PREPOSITIONS,
    _PRONOUN_CONTRACTION,
    _RECORD_AFTER,
    _RECORD_HEADS,
    _RECORD_NOUNS,
    _RESPONDENTS,
    _SPEAKER_WORD,
    _SPEECH_NOUNS,
    _TIME_WORDS,
    _TRAILING_AUX,
    _common_word,
)


class _SpeakerPhrases(_Base):
    # ------------------------------------------------------------------ speakers

    def speaker_phrase(self, start: int, end: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """Read ``norm[start:end]`` as the subject of a speech verb (see ``_speaker_phrase``);
        where that fails, the words after its last comma ("In response, Twitter said")."""
        comma = self.norm.rfind(",", start, end)
        lead = self.norm[start:end].split()[:1]
        if lead and word_core(lead[0]) in _PREPOSITIONS and comma != -1 and not self.in_quote(comma):
            # 'In an interview on Wednesday, the president said': the subject follows
            found = self._speaker_phrase(comma + 1, end)
            if found is not None:
                return found
        found = self._speaker_phrase(start, end)
        if found is None:
            if comma != -1 and self.norm[comma + 1 : end].strip() and not self.in_quote(comma):
                found = self._speaker_phrase(comma + 1, end)
        return found

    def _speaker_phrase(self, start: int, end: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """Read ``norm[start:end]`` as the subject of a speech verb; None if it is not one.

        Handles appositives (``Sean Parnell, the Pentagon's chief spokesman,``),
        relative clauses (``Tom Homan, who is on the ground in LA,``), "including"
        (``advocates, including Angelica Salas of ...,``), several people joined by
        "and", pronouns, titles ("the governor") and unnamed groups ("city officials").
        """
        text = self.norm
        stripped = text[start:end].rstrip()
        place = _PLACE_OF_SPEECH.search(stripped)
        if place is not None and place.start() > 0:
            stripped = stripped[: place.start()]  # 'Ana Ruiz in a report Monday said': Ana Ruiz
        # auxiliaries after an appositive: 'Trump, who has relied on fervor, has said'
        if _TRAILING_AUX.search(stripped) and re.search(r",\s+(?:who|which)\s", stripped):
            stripped = _TRAILING_AUX.sub("", stripped)
        appositive: tuple[int, int] | None = None
        if stripped.endswith(","):
            inner_end = start + len(stripped) - 1
            prev = text.rfind(",", start, inner_end)
            if prev == -1:
                return None
            appositive = (prev + 1, inner_end)
            stripped = text[start:prev].rstrip()
            # more than one: 'Marley Anderson, 21, a junior from Las Vegas,'
            for _ in range(2):
                comma = stripped.rfind(",")
                if comma == -1 or len(stripped[comma + 1 :].split()) > 6:
                    break
                opening = stripped[:comma].split()
                if not opening or (
                    len(opening) <= 3
                    and (word_core(opening[0]) in _INTRODUCERS or opening[0].lower().endswith("ly"))
                ):
                    break  # 'Still, Tad Devine, a senior adviser,': the name is no appositive
                appositive = (start + comma + 1, appositive[1])
                stripped = stripped[:comma].rstrip()
        words = list(_SPEAKER_WORD.finditer(text[start : start + len(stripped)]))
        spoken_end = start + words[-1].end() if words else start
        while words and (
            words[-1].group().lower() in _NOT_SUBJECT_END or _ADVERB.fullmatch(words[-1].group())
        ):
            words.pop()  # 'Carter however said', 'Trump flatly denied'

        if not words:
            return None
        # 'A majority of Democrats said they', 'Voters are more likely to', 'The email goes
        # on to': a clause, whose only source may be a name that ends it ('analysts say
        # Mr. Putin would')
        clause = words[-1].group() == "to" or any(w.group().lower() in _CLAUSE_WORDS for w in words)
        np_start = start + words[0].start()
        np_end = start + words[-1].end()
        last = words[-1].group()
        low = word_core(last)
        contracted = _PRONOUN_CONTRACTION.fullmatch(last)
        if contracted and len(words) == 1:  # "he's said", "they've said"
            return (
                Speaker(contracted.group(1), "pronoun", named=False),
                (np_start, np_start + contracted.end(1)),
                "pronoun",
            )
        if low in PRONOUNS and len(words) == 1:
            return Speaker(last, "pronoun", named=False), (np_start, np_end), "pronoun"
        if text[np_end : np_end + 1] == "%":
            np_end += 1  # '42% say'
        if not clause and _RESPONDENTS.fullmatch(text[np_start:np_end]):
            # '47 percent said', 'three-quarters said': people answering a poll
            return (
                Speaker(text[np_start:np_end], "group", "poll respondents", named=False),
                (np_start, np_end),
                "named",
            )
        record = None if clause else self._record_phrase(words, start)
        if record is not None:
            dated = text[record[1][1] : spoken_end]
            if dated.strip() and all(w.lower() in _TIME_WORDS for w in dated.split()):
                record = (record[0], (record[1][0], spoken_end), record[2])  # 'filed Monday'
            return record
        found = self.chunks_in(np_start, np_end)
        # 'Rep. Lee Zeldin of New York': the person, from a place or body
        while (
            len(found) >= 2
            and found[-2].is_person
            and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[found[-2].end : found[-1].start])
        ):
            found = [*found[:-2], found[-2]]
            np_end = found[-1].end
        if appositive is not None:
            app_text = text[appositive[0] : appositive[1]].strip()
            named = self._names_for_group(found, appositive, text[np_start:np_end])
            if named is not None:
                return named
            person = self._appositive_person(appositive, np_start, np_end)
            if person is not None:
                return person
            if app_text.lower().startswith("including"):
                inner = [c for c in self.chunks_in(*appositive) if c.is_person]
                resolved = self.resolve_chunk(inner[0]) if inner else None
                if resolved:
                    spk = resolved[0]
                    # 'Angelica Salas of the Coalition for Humane Immigrant Rights'
                    affiliation = text[inner[0].end : appositive[1]].strip(" ,")
                    if spk.role is None and affiliation.lower().startswith(("of ", "from ", "with ", "at ")):
                        spk = Speaker(spk.name, spk.kind, affiliation)
                    return spk, (inner[0].start, inner[0].end), resolved[1]
        tail = found[-1] if found and found[-1].end >= np_end - 1 else None
        if tail is not None and (self._group_noun(tail) or _common_word(tail)):
            tail = None  # 'Officials said', 'Critics say', 'One of': a capitalised word, not a name
        resolved = self.resolve_chunk(tail) if tail is not None else None
        if tail is not None and resolved is not None and not (low in _SPEECH_NOUNS and not tail.is_person):
            spk, how = resolved
            role = spk.role
            mention_start = tail.start
            if spk.kind == "person":
                # lowercase words before the name: "Pentagon spokesman Sean Parnell"
                lead = text[np_start : tail.start].strip(" ,")
                if (
                    lead
                    and "," not in text[np_start : tail.start]
                    and len(lead.split()) <= 6
                    and not re.search(r"\band\b|[,;:]", lead)
                    and not self._cues_in(np_start, tail.start)
                ):
                    role = " ".join(x for x in (lead, role) if x and x not in lead) or lead
                    mention_start = np_start
            if appositive is not None and spk.kind == "person":
                app = text[appositive[0] : appositive[1]].strip()
                if not app.lower().startswith(("who ", "which ", "including")) and app not in (role or ""):
                    role = app if role is None else f"{role}, {app}"
            persons = [x for x in found if x.is_person]
            if len(persons) > 1 and "and" in text[persons[0].end : tail.start].split():
                names = [r[0].name for x in persons if (r := self.resolve_chunk(x))]
                roles = " and ".join(" ".join(x.role) for x in persons if x.role) or None
                return Speaker(" and ".join(names), "group", roles), (persons[0].start, tail.end), how
            return Speaker(spk.name, spk.kind, role), (mention_start, tail.end), how
        if clause:
            return None
        post = next((k for k, w in enumerate(words) if k > 0 and w.group().lower() in _POSTMODIFIERS), None)
        if post is not None and len(words) - post <= 8:
            # 'a person familiar with the planning', 'one Republican involved in the talks':
            # the head before its modifier is the source; the mention is the whole phrase
            core = self._speaker_phrase(np_start, start + words[post - 1].end())
            if (
                core is None
                and words[post].group().lower() == "of"
                and post + 1 < len(words)
                and word_core(words[0].group()) in _PART_OF
            ):
                # 'one of two witnesses', 'some of his aides': the group after "of"
                core = self._speaker_phrase(start + words[post + 1].start(), np_end)
                if core is not None and core[0].kind != "pronoun":
                    spk = Speaker(text[np_start:np_end], core[0].kind, core[0].role, named=False)
                    return spk, (np_start, np_end), core[2]
            if core is not None and core[0].kind != "pronoun":
                spk = core[0]
                if not spk.named:  # an unnamed source is named by the whole description
                    phrase = re.sub(r"(?i)^(?:the|a|an)\s+", "", text[core[1][0] : np_end])
                    spk = Speaker(phrase, spk.kind, spk.role, spk.source_type, False, spk.party)
                return spk, (core[1][0], np_end), core[2]
        if len(words) > 8:
            return None
        comma = text.rfind(",", np_start, np_end)
        if comma != -1 and appositive is None:
            # 'Even though skateboarding is sanctioned, the women say': the subject follows
            words = [w for w in words if start + w.start() > comma]
            np_start = start + words[0].start()
        head = [w.group() for w in words]
        # a statement or report of a named body: "a White House statement said"
        if low in _SPEECH_NOUNS and found:
            c = found[-1]
            return Speaker(c.text, "institution", None), (c.start, c.end), "named"
        linked = self.described(np_start, np_end) if len(head) <= 5 else None
        if linked is not None:
            return linked  # 'the governor', 'the agency', 'Iran's foreign minister'
        role_entry = self.book.find(head)
        if role_entry is None and low not in _SPEECH_NOUNS:
            return self._plain_noun_phrase(words, start)
        if low in ("source", "sources") and not sources_are_people(
            text[np_start : words[-1].start() + start]
        ):
            return None  # 'The water sources say a lot': things, not people
        while head and word_core(head[0]) in DETERMINERS:
            head.pop(0)
        name = " ".join(head)
        if role_entry is not None and role_entry.usage == "title" and len(head) <= 3:
            linked = self.described(np_start, np_end)
            if linked is not None:
                return linked
            return Speaker(name, "person", None, named=False), (np_start, np_end), "unresolved"
        kind = (
            "person"
            if low in ("spokesman", "spokeswoman", "spokesperson", "official", "source", "aide")
            else "group"
        )
        return Speaker(name, kind, None, named=False), (np_start, np_end), "named"

    def _appositive_person(self, appositive: tuple[int, int], np_start: int, np_end: int) -> Found | None:
        """'The head of Iran's Revolutionary Guard, Gen. Mohammad Ali Jafari,', 'Trump's
        spokesman, Sean Spicer,': a description, then the person's name in commas."""
        text = self.norm
        head = text[np_start:np_end].split()
        if not head or not (
            word_core(head[0]) in _NP_OPENERS or head[0].endswith(("'s", "\u2019s")) or head[0][:1].islower()
        ):
            return None
        inner = [c for c in self.chunks_in(*appositive) if c.is_person and len(c.name) >= 2]
        if (
            len(inner) != 1
            or text[appositive[0] : appositive[1]].strip(" ,") != text[inner[0].start : inner[0].end]
        ):
            if len(inner) != 1 or text[inner[0].end : appositive[1]].strip(" ,"):
                return None
        resolved = self.resolve_chunk(inner[0])
        if resolved is None:
            return None
        spk = resolved[0]
        role = spk.role or text[np_start:np_end]
        return Speaker(spk.name, "person", role), (inner[0].start, inner[0].end), resolved[1]

    def _plain_noun_phrase(
        self, words: list[re.Match[str]], start: int
    ) -> tuple[Speaker, tuple[int, int], str] | None:
        """A short noun phrase that no lexicon knows, read as an unnamed source: "the
        women", "the Republican nominee", "Trump's campaign", "a new poll". It opens with
        a determiner or a possessive, or is a lowercase plural ("analysts"); no word in it
        may be a function word, an auxiliary or an adverb, so that a clause is not read
        as a subject."""
        texts = [w.group() for w in words]
        if not 1 <= len(texts) <= 5:
            return None
        first, rest = texts[0], texts[1:]
        opener = word_core(first) in _NP_OPENERS or first.lower().endswith(("'s", "s'"))
        if not opener:
            rest = texts
            if not (len(texts) <= 3 and texts[-1].endswith("s") and texts[-1].islower()):
                return None
        if not rest or not re.fullmatch(r"[a-z][a-z-]+", rest[-1]):
            return None
        for w in rest:
            key = w.lower()
            if (
                key in _FUNCTION_WORDS
                or key in _NP_STOP
                or key.endswith("ly")
                or not re.fullmatch(r"[\w'.-]+", w)
            ):
                return None
        np_start, np_end = start + words[0].start(), start + words[-1].end()
        name = " ".join(t for t in texts if word_core(t) not in DETERMINERS)
        head = rest[-1].lower()
        if head.endswith("s") and not head.endswith(("ss", "us")):
            kind = "group"
        elif head.endswith(_PERSON_SUFFIXES):
            kind = "person"
        else:
            kind = "institution"
        return Speaker(name, kind, None, named=False), (np_start, np_end), "named"

    def _record_phrase(
        self, words: list[re.Match[str]], start: int
    ) -> tuple[Speaker, tuple[int, int], str] | None:
        """A poll, a study or a record as the source: "A new Washington Post-ABC News
        poll", "Exit polling", "New polls released Sunday", "Early results from the
        state's districts". Its head is one of ``_RECORD_NOUNS``; before it only names,
        a determiner or possessive and modifiers; after it at most a short modifier
        that opens with a participle or a preposition."""
        texts = [w.group() for w in words]
        k = next((i for i in range(len(texts) - 1, -1, -1) if texts[i] in _RECORD_HEADS), None)
        if k is None or k > 7 or len(texts) - k > 9:
            return None
        if texts[k] not in _RECORD_NOUNS and any(
            w[:1].isupper() and w.lower() not in _TIME_WORDS for w in texts[1:]
        ):
            return None  # 'a White House statement', 'a statement from the ACLU': the body's
        if k + 1 < len(texts) and texts[k + 1].lower() not in _RECORD_AFTER:
            return None
        for i, w in enumerate(texts[:k]):
            key = w.lower()
            if i == 0 and (key in _NP_OPENERS or key.endswith(("'s", "s'"))):
                continue
            if key in _FUNCTION_WORDS or key in _NP_STOP or key in _RECORD_AFTER:
                return None
        np_start, np_end = start + words[0].start(), start + words[-1].end()
        name = " ".join(t for t in texts[: k + 1] if word_core(t) not in DETERMINERS)
        return Speaker(name, "institution", None, named=False), (np_start, np_end), "named"

    def _described_source(self, start: int, end: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """Whatever "according to" names is its source, even one that no lexicon knows
        ("according to the foundation's tally", "according to a newly uncovered email"):
        the phrase up to a relative clause, as an unnamed source."""
        m = re.match(r"\s*(.+?)\s*(?:\b(?:who|which|that|when|because)\b|$)", self.norm[start:end])
        if m is None or not m.group(1) or m.group(1).lower() in PRONOUNS:
            return None
        span = (start + m.start(1), start + m.end(1))
        subject = {"him": "he", "her": "she", "them": "they", "me": "I", "us": "we"}.get(m.group(1).lower())
        if subject is not None:  # 'according to him': resolved like "he said"
            return Speaker(subject, "pronoun", named=False), span, "pronoun"
        words = m.group(1).split()
        if len(words) > 8:
            return None
        name = " ".join(words[1:] if word_core(words[0]) in DETERMINERS else words)
        kind = "group" if words[-1].endswith("s") and words[-1].islower() else "institution"
        return Speaker(name, kind, None, named=False), span, "named"

    def _group_noun(self, chunk: Chunk) -> bool:
        """Whether a one-word capitalised phrase is a group or role noun opening a
        sentence ("Officials", "Critics", "Experts"), not a name the article uses."""
        if len(chunk.name) != 1 or chunk.role:
            return False
        key = word_core(chunk.name[0])
        if key in self.people.by_surname or key in self.people.by_first:
            return False
        entry = self.book.find([key])
        return entry is not None and entry.usage == "role"

    def _names_for_group(
        self, found: list[Chunk], appositive: tuple[int, int], head: str
    ) -> tuple[Speaker, tuple[int, int], str] | None:
        """'Two officials, Karen Bass and Tom Homan,': the people named in commas after a
        group noun are the speakers, with the group noun as their role."""
        entry = self.book.find(head.split())
        if entry is None or entry.usage != "role" or any(len(c.name) >= 2 for c in found):
            return None
        inner = [c for c in self.chunks_in(*appositive) if c.is_person and len(c.name) >= 2]
        if not inner:
            return None
        rest = self.norm[appositive[0] : appositive[1]]
        for c in reversed(inner):
            rest = rest[: c.start - appositive[0]] + rest[c.end - appositive[0] :]
        if not re.fullmatch(r"[\s,]*(?:and[\s,]*)?", rest):
            return None
        resolved = [r[0] for c in inner if (r := self.resolve_chunk(c))]
        if len(resolved) != len(inner):
            return None
        span = (inner[0].start, inner[-1].end)
        head = re.sub(r"(?i)^(?:(?:the|a|an|one|two|three|four|five|several|some|both)\s+)+", "", head)
        if len(resolved) == 1:
            return Speaker(resolved[0].name, "person", resolved[0].role or head), span, "named"
        return Speaker(" and ".join(r.name for r in resolved), "group", head), span, "named"
