"""Reported speech: "X said (that) ...", "..., the Pentagon said", "according to X", "Trump's claim that ...", colon lines."""

from __future__ import annotations

import bisect
import re

from ..names import Speaker, chunks, word_core
from .base import Attribution
from .cues import _Cue
from .patterns import (
    _ADVERBIAL,
    _AND_BUT_BEFORE,
    _AS_VERBS,
    _AUDIENCE,
    _BARE_CLAUSE,
    _CLAUSE_START,
    _COMMA_BEFORE,
    _FAR_THAT,
    _IN_BEFORE,
    _IN_LIST,
    _INTENT_VERBS,
    _IT_CLAUSE,
    _NAME_COLON,
    _NEEDS_THAT,
    _NOUN_CONTENT,
    _OBJECT_END,
    _OBJECT_VERBS,
    _PLACE_TAIL,
    _POSSESSOR,
    _PREPOSITIONS,
    _RECORD_NOUNS,
    _RELEASE_VERBS,
    _RELEASED_WORDS,
    _SHORT_TAIL,
    _TAIL,
    _TIME_ADVERBIAL,
    _TIME_WORDS,
    _clause_end,
    _trim,
    _trim_conjunction,
)
from .subjects import _Subjects

#: How sure the speech-cue model must be for a cue to stand without the rules' subject or content.
_SURE = 0.5


class _Reported(_Subjects):
    # ------------------------------------------------------------------ reported speech

    def reported(self) -> list[Attribution]:
        out: list[Attribution] = []
        norm = self.norm
        for s, e in self.sentences:
            text = norm[s:e]
            m = re.search(r"\b[Aa]ccording to\s+([^,.;]{2,80})", text)
            if m and not self.in_quote(s + m.start()):
                found = self.speaker_phrase(s + m.start(1), s + m.end(1))
                if found is None:
                    cl = self.chunks_in(s + m.start(1), s + m.end(1))
                    resolved = self.resolve_chunk(cl[0]) if cl else None
                    if resolved:
                        found = (resolved[0], (cl[0].start, cl[0].end), resolved[1])
                if found is None:
                    found = self._described_source(s + m.start(1), s + m.end(1))
                lead = len(text[: m.start()].split()) <= 2  # 'But according to X, ...'
                # 'The AP reported that, according to an analysis, CONTENT': the words
                # before are another attribution, read below; the analysis has what follows
                inside = (
                    not lead
                    and len(norm[s + m.end() : e].split()) >= 3
                    and bool(self._cues_in(s, s + m.start()))
                )
                content = (s + m.end() + 1, e) if lead or inside else (s, s + m.start())
                content = _trim(norm, *content)
                if found and content[1] - content[0] > 10:
                    speaker, how = self.finish(found, s)
                    if speaker is not None:
                        out.append(
                            Attribution(
                                "according-to",
                                content,
                                speaker,
                                found[1],
                                None,
                                (s + m.start(), s + m.start() + 12),
                                how,
                            )
                        )
                        if not inside:
                            continue
            colon = self._colon_line(s, e)
            if colon is not None:
                out.append(colon)
                continue
            out.extend(self._reported_in(s, e))
            out.extend(self._noun_attributions(s, e))
        return out

    def _colon_line(self, s: int, e: int) -> Attribution | None:
        """A line that opens with a person's name and a colon, as headlines and
        transcripts do: "Gingrich: Trump Must Decide ...", "JOEL BENENSON: This is ..."."""
        norm = self.norm
        if s > 0 and norm[s - 1] != "\n":
            return None
        m = _NAME_COLON.match(norm, s, e)
        if m is None or self._opens_quote(m.end()) or self.in_quote(m.end()):
            return None
        name = m.group(1)
        cl = self.chunks_in(s + (len(name) - len(name.lstrip())), m.end(1))
        if name.isupper():  # 'JOEL BENENSON:' in a transcript
            cl = chunks(self.title_norm(), m.start(1), m.end(1), self.book)
        persons = [
            c
            for c in cl
            if c.is_person and (len(c.name) >= 2 or word_core(c.name[0]) in self.people.by_surname)
        ]
        resolved = self.resolve_chunk(persons[-1]) if persons else None
        content = _trim(norm, m.end(), e)
        if len(norm[content[0] : content[1]].split()) < 3:
            return None
        if resolved is not None:
            found = (resolved[0], (persons[-1].start, persons[-1].end), resolved[1])
        else:
            # a known body or a poll: "AP: Trump chair routed money", "Poll: Sanders leads"
            words = name.split()
            entry = self.book.find(words)
            whole = entry is not None and entry.usage == "actor" and len(entry.term.split()) == len(words)
            if not (whole or word_core(words[-1]) in _RECORD_NOUNS):
                return None
            span = (m.end(1) - len(name.lstrip()), m.end(1))
            found = (Speaker(name.strip(), "institution", None, named=whole), span, "named")
        speaker, how = self.finish(found, s)
        if speaker is None:
            return None
        colon = (m.end(1), m.end(1) + 1)
        return Attribution("reported", content, speaker, found[1], None, colon, how)

    def _noun_attributions(self, s: int, e: int) -> list[Attribution]:
        """A cue noun after a possessive, with its content: "Trump's claim that ...",
        "her statement on ...", "Sanders's attacks on Clinton", "their decision to ..."."""
        norm = self.norm
        out: list[Attribution] = []
        lo = bisect.bisect_left(self._noun_starts, s)
        for n in self._nouns[lo:]:
            if n.start >= e:
                break
            if self.in_quote(n.start):
                continue
            owner = _POSSESSOR.search(norm, max(s, n.start - 80), n.start)
            rest = _NOUN_CONTENT.match(norm, n.end, e)
            if (
                owner is not None
                and n.cue.type == "thought"
                and _IN_BEFORE.search(norm, max(s, owner.start() - _TAIL), owner.start())
            ):
                rest = re.compile(r"\s*(,)\s*").match(norm, n.end, e)  # 'In his view, CONTENT'
            elif n.cue.type != "speech":
                continue  # 'his support for', 'her decision to': a position, not an attribution
            if owner is None or rest is None:
                continue
            start = rest.start(1) if rest.group(1) == "to" else rest.end()
            if rest.group(1) == ",":
                end = e
            elif rest.group(1) == "that":
                stop = re.search(r"[,;:]", norm[start:e])
                end = start + stop.start() if stop else e
            else:  # the object: a few words, up to a verb of the sentence
                stop = _OBJECT_END.search(norm, start, e)
                end = stop.start() if stop else e
            content = _trim(norm, start, end)
            if len(norm[content[0] : content[1]].split()) < (1 if n.cue.type == "attitude" else 2):
                continue
            if norm[content[0] : content[0] + 1] == '"':
                continue  # 'her claim that "..."': the quotation's own attribution
            if owner.group(2):
                pronoun = {"his": "he", "her": "she", "their": "they"}.get(owner.group(2).lower())
                if pronoun is None:
                    continue
                found: tuple[Speaker, tuple[int, int], str] | None = (
                    Speaker(pronoun, "pronoun", named=False),
                    (owner.start(2), owner.end(2)),
                    "pronoun",
                )
            else:
                found = self.speaker_phrase(owner.start(1), owner.end(1))
            speaker, how = self.finish(found, n.start)
            if speaker is None or found is None:
                continue
            if speaker.name.endswith("'s"):
                speaker = Speaker(
                    speaker.name[:-2],
                    speaker.kind,
                    speaker.role,
                    speaker.source_type,
                    speaker.named,
                    speaker.party,
                )
            kind = {"attitude": "attitude", "thought": "thought"}.get(n.cue.type, "reported")
            out.append(Attribution(kind, content, speaker, found[1], n.cue, (n.start, n.end), how))
        return out

    def _reported_in(self, s: int, e: int) -> list[Attribution]:
        norm = self.norm
        sentence_cues = self._cues_in(s, e)
        # 'X said (that) CONTENT', 'X told reporters (that) CONTENT', and several in a row
        candidates: list[tuple[_Cue, tuple[Speaker, tuple[int, int], str]]] = []
        subject: tuple[Speaker, tuple[int, int], str] | None = None
        for c in sentence_cues:
            if c.cue.pos != "verb" or self._passive(c):
                continue
            if c.participle:
                # 'Clinton criticized the plan, saying it would hurt workers': the -ing
                # form after a comma has the clause's subject
                if not _COMMA_BEFORE.search(norm, max(s, c.start - _TAIL), c.start):
                    continue
                if self._quote_in(c.end, e):
                    continue  # 'calling it "cruel"': the quotation's own attribution covers it
                if _IN_LIST.search(norm, max(s, c.start - _TAIL), c.start):
                    continue  # 'housing, moving in, finding work': an item of a list
                found = subject or self._opening_subject(s, c.start)
                if found is not None and not self._may_speak(found[0]):
                    continue  # 'One of the hard questions has been ..., finding work'
                if found is not None:
                    subject = found
                    candidates.append((c, found))
                continue
            found = self.subject_before(s, c.start)
            if found is None and _AND_BUT_BEFORE.search(norm, max(s, c.start - _TAIL), c.start):
                # 'City officials labeled ... and said that ...': the clause's subject
                found = subject or self._sentence_subject(s, c.start)
            if found is None and c.confidence >= _SURE:
                # a cue the model is sure of: the person or body the clause names
                found = self._entity_subject(s, c.start)
            if found is not None:
                subject = found
                candidates.append((c, found))
        out: list[Attribution] = []
        for k, (c, found) in enumerate(candidates):
            start = self._content_start(c, e)
            if (
                start is None
                and c.confidence >= _SURE
                and c.cue.term.split()[0] not in _NEEDS_THAT | _RELEASE_VERBS
            ):
                start = self._object_start(c, e)  # 'Obama chides Congress for ...'
            if start is None:
                continue
            stop = e
            for _, later in candidates[k + 1 :]:
                if later[1][0] > start:
                    if len(norm[start : later[1][0]].split()) >= 3:
                        stop = later[1][0]  # the next speaker's clause starts here
                    # else: 'analysts say Mr. Putin would recognize ...': the next speaker's
                    # clause is this one's content
                    break
            content = _trim(norm, start, stop)
            content = (content[0], _trim_conjunction(norm, *content))
            attitude = c.cue.type == "attitude"
            if attitude:
                content = (content[0], _clause_end(norm, *content, c.cue.term in _AS_VERBS))
            if len(norm[content[0] : content[1]].split()) < 3 or self._mostly_quoted(*content):
                # a short object is the whole content of an attitude that is the sentence's
                # only cue ('Sanders backed Clinton'); beside another cue or a quotation
                # ('criticized the plan, saying ...', 'called it "cruel"') the other
                # carries the sentence
                alone = len(sentence_cues) == 1 and not self._quote_in(s, e)
                if not (attitude and alone and norm[content[0] : content[1]].strip()):
                    continue
            speaker, how = self.finish(found, c.start)
            if speaker is not None:
                kind = "attitude" if attitude else "thought" if c.cue.type == "thought" else "reported"
                out.append(Attribution(kind, content, speaker, found[1], c.cue, (c.start, c.end), how))
        # 'CONTENT, the Pentagon said Thursday.' / 'CONTENT, Mr. Clarke said, MORE.' /
        # 'CONTENT, said X.'; also beside an attribution inside it ('At one point, she said,
        # she was considering a run')
        used = {a.cue_span for a in out}
        for c in reversed(sentence_cues):
            if c.participle or c.cue.type == "attitude" or (c.start, c.end) in used:
                continue
            if out and c.cue.type != "speech":
                continue
            comma = norm.rfind(",", s, c.start)
            if comma == -1 or self.in_quote(comma):
                continue
            between = norm[comma + 1 : c.start]
            after = norm[c.end : e]
            if between.strip():
                if len(between.split()) > 8 or between.split()[0].lower() in _PREPOSITIONS:
                    continue
                found = self.speaker_phrase(comma + 1, c.start)
                tail = _SHORT_TAIL.match(after) or _PLACE_TAIL.match(after)
                if found is None or tail is None:
                    continue
                content = _trim(norm, s, comma)
                if tail.group(1) == ",":  # a parenthetical attribution: the clause goes on
                    rest = _trim(norm, c.end + tail.end(), e)
                    if self._opens_quote(rest[0]):
                        continue  # 'In a statement ..., the DHS said, "...": the quotation's own
                    if len(norm[rest[0] : rest[1]].split()) >= 3 and not re.match(
                        r"(?:and|but|while|as)\b", norm[rest[0] : rest[1]]
                    ):  # '..., she said, and the city agreed': a clause of its own
                        content = (
                            rest if len(norm[content[0] : content[1]].split()) < 3 else (content[0], rest[1])
                        )
                elif comma - s < 15:
                    continue
            else:
                m = re.match(r"\s+([^,;\"]{2,80}?)(?:,[^\"]*)?[.!]?\s*$", after)
                if m is None or m.group(1).split()[0].lower() in _PREPOSITIONS:
                    continue  # 'said in a statement provided to ABC News' names no speaker
                found = self.speaker_phrase(c.end + m.start(1), c.end + m.end(1))
                if found is None:
                    continue
                content = _trim(norm, s, comma)
            if self._mostly_quoted(*content) or len(norm[content[0] : content[1]].split()) < 3:
                continue
            speaker, how = self.finish(found, c.start)
            if speaker is None:
                continue
            kind = "thought" if c.cue.type == "thought" else "reported"
            return [*out, Attribution(kind, content, speaker, found[1], c.cue, (c.start, c.end), how)]
        return out

    def _mostly_quoted(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is a quotation with fewer than three words of its own
        around it (the quotation's own attribution covers it)."""
        if end <= start or self.norm[start : start + 1] == '"':
            return True
        outside: list[str] = []
        pos = start
        i = max(0, bisect.bisect_right(self._quote_starts, start) - 1)
        while i < len(self.quotes) and self.quotes[i].start < end:
            q = self.quotes[i]
            if q.end > pos:
                outside.append(self.norm[pos : max(pos, q.start)])
                pos = max(pos, q.end)
            i += 1
        outside.append(self.norm[pos:end])
        return len(" ".join(outside).split()) < 3

    def _object_start(self, c: _Cue, stop: int) -> int | None:
        """Where what a cue verb is about begins, right after it and its particles,
        when it goes on for at least two words in the clause."""
        m = re.match(r"\s+(?:(?:on|about|for|to|that|with)\s+)?", self.norm[c.end : stop])
        start = c.end + (m.end() if m else 0)
        rest = self.norm[start:stop]
        words = rest.split()
        if len(words) < 3 or not rest[:1].isalnum() or words[0].lower() in _PREPOSITIONS | _TIME_WORDS:
            return None  # 'said in a statement', 'said on Monday'
        return start

    def _content_start(self, c: _Cue, stop: int) -> int | None:
        """Where the reported content begins after the cue, or None if there is none."""
        norm = self.norm
        rest = norm[c.end : stop]
        verb = c.cue.term.split()[0]
        if c.cue.type == "attitude":
            m = re.match(r"\s+", rest)
            return c.end + m.end() if m and rest[m.end() : m.end() + 1].isalnum() else None
        if verb in _OBJECT_VERBS:
            m = re.match(r"\s+((?:[\w'.&-]+\s+){0,6}?)(?:(?:on|in|at|during)\s+[\w,]+\s+)?that\s+", rest)
            if m:
                return c.end + m.end()
            m = re.match(r"\s+(?:[\w'.&-]+\s+){0,3}?(?=(?:how|why|what|whether|if|when|where|who)\s)", rest)
            if m:
                return c.end + m.end()  # 'asked how Clinton could ...'
            m = re.match(
                r"\s+(" + _AUDIENCE.pattern + r")\s+(?=(?:the|a|an|he|she|they|it|we|i|his|her|their|[A-Z]))",
                rest,
            )
            if verb == "tell" and m:
                return c.end + m.end()  # 'told reporters she expects to win'
            m = re.match(r"\s+(?:[\w'.&-]+\s+){1,3}?(?=to\s+\w)", rest)
            if m and verb in ("urge", "ask", "warn", "tell", "remind", "promise", "encourage", "order"):
                return c.end + m.end()  # 'urged voters to turn out
            return None
        # adverbials between the verb and its content: 'said on Friday (that) he ...',
        # 'said earlier during a news conference that ...'
        m = re.match(_ADVERBIAL + r"(that\s+)", rest) or re.match(_TIME_ADVERBIAL + r"(that\s+)?", rest)
        if not m or not m.group(0).strip():
            m = re.match(r"\s+(that\s+)?", rest)
        if not m and c.cue.type == "speech" and re.match(r":\s+[A-Z]", rest):
            return c.end + len(rest) - len(rest[1:].lstrip())  # 'he said: Let no one be mistaken
        if not m:
            return None
        gap = len(rest[m.end() :]) - len(rest[m.end() :].lstrip(" "))
        after = rest[m.end() + gap :]  # 'said Monday the bridge ...': past the time
        word = re.match(r"[\w'\-]+", after)
        if not word:
            return None
        if m.group(1) is None:
            w = word.group().lower()
            if w == "to" and (c.cue.type == "thought" or verb in _INTENT_VERBS):
                return c.end + m.end() + gap  # 'wants to build', 'vowed to fight'
            if verb in _NEEDS_THAT and not re.match(r"(?:he|she|they|we|i)\s+[a-z]", after):
                return None  # 'wrote a book about the border' is not speech; 'wrote that ...' is
            if verb in _RELEASE_VERBS and not _RELEASED_WORDS.match(after):
                return None  # 'released a memo' is speech; 'released a new album' is not
            if verb not in _BARE_CLAUSE and c.cue.type != "thought" and not _CLAUSE_START.match(after):
                return None
            if w == "it" and _IT_CLAUSE.match(after):
                return c.end + m.end() + gap  # 'said it would end soon'
            if w == "no" and verb == "find":
                return c.end + m.end() + gap  # 'found no record of the class'
            if w in _PREPOSITIONS | _TIME_WORDS or w in ("it", "so", "no", "yes", "thanks", "goodbye"):
                far = _FAR_THAT.match(rest)
                if far and not self._cues_in(c.end, c.end + far.start(1)):
                    return c.end + far.end()  # 'said after a lunch on Tuesday that ...'
                return None
        return c.end + m.end() + gap
