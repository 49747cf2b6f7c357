"""Direct quotes: who said each quotation, read around its marks."""

from __future__ import annotations

import itertools
import re
import string

from ..names import Chunk, Speaker, word_core
from ..quotes import QuoteSpan
from .base import _NON_SPACE, Attribution
from .cues import _Cue, _verb_before_phrase
from .patterns import (
    _ABBREVIATION,
    _BOUNDARY,
    _DASH_SIGNOFF,
    _HEADLINE_COLON,
    _NAMES_AND,
    _NAMING_BEFORE,
    _PERFORMED_BEFORE,
    _TITLE_BEFORE,
    _TITLE_SMALL_WORDS,
    _ends_in,
)
from .subjects import _Subjects

#: A character of a gap between two quotations that is more than space and punctuation.
_WORDY = re.compile(r'[^ \n,.;:"]')


class _Direct(_Subjects):
    # ------------------------------------------------------------------ quotations

    def quote_kind(self, q: QuoteSpan, sent_start: int) -> str:
        before = self.norm[max(sent_start, q.start - 60) : q.start]
        content = self.norm[q.content[0] : q.content[1]].strip(" ,.")
        words = content.split()
        if re.search(r"(?i)\bso-called\s*$", before):
            return "scare"
        signed = self.norm[q.content[0] : q.content[1]].rstrip()[-1:] == "," and any(
            len(self.norm[q.end : c.start].split()) <= 4 for c in self._cues_in(q.end, q.end + 60)
        )  # '... program, "states needed it," DeSantis said': words said, not a title
        if _PERFORMED_BEFORE.search(before) or (
            not signed
            and (
                _TITLE_BEFORE.search(before)
                or (_NAMING_BEFORE.search(before) and len(words) <= 6 and "," not in content)
            )
        ):
            return "title"
        major = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
        if (
            len(words) >= 2
            and major
            and sum(w[:1].isupper() for w in major) >= 0.75 * len(major)
            and _ends_in(before, string.ascii_lowercase)
            and not self._last_cues(sent_start, q.start)
        ):
            return "title"  # 'She sang "Born in the Dark"': a title-cased name of a work
        if _ends_in(before, string.ascii_letters + string.digits):
            return "partial"
        if content[:1].islower() and not _ends_in(before, ",:"):
            return "partial"
        return "direct"

    def attribute_quote(self, qi: int, q: QuoteSpan) -> Attribution | None:
        norm = self.norm
        cs, ce = q.content
        content = norm[cs:ce].rstrip()
        sent_s = self._sentence_of(q.start)[0]
        kind = self.quote_kind(q, sent_s)
        if kind == "title":
            return None
        if kind == "scare":
            return Attribution("scare", q.content, None, None, None, None, "scare", qi)
        # the last character before the quotation in its sentence (sent_s - 1: none)
        last = self._last_char_before(sent_s, q.start)
        found: tuple[Speaker, tuple[int, int], str] | None = None
        cue: _Cue | None = None

        # 1. after the quotation
        para_end = self._paragraph_end(q.end)
        ends_sentence = content.endswith(".") and not re.match(
            r"\s*(?:he|she|they|said)\b", norm[q.end : q.end + 8]
        )
        after_ok = not ends_sentence and (
            content[-1:] in (",", "!", "?", "-", "\u2014")
            or kind == "direct"
            or norm[q.end : q.end + 1] == ","
        )
        m = _DASH_SIGNOFF.match(norm, q.end, para_end)
        if m and kind == "direct":  # '"..." -- Commissioner Ana Ruiz'
            found = self.speaker_phrase(m.start(1), m.end(1))
            if found is None:
                chunk_list = self.chunks_in(m.start(1), m.end(1))
                resolved = self.resolve_chunk(chunk_list[0]) if chunk_list else None
                if resolved:
                    found = (resolved[0], (chunk_list[0].start, chunk_list[0].end), resolved[1])
        if after_ok:
            tail = self._cues_in(q.end, min(para_end, q.end + 200))
            if found is None and tail:
                c0 = tail[0]
                gap = norm[q.end : c0.start]
                plain_gap = _ABBREVIATION.sub(" ", gap)  # 'Mr. Ortiz' ends no sentence
                plain_gap = _NAMES_AND.sub(r"\1 ", plain_gap)  # 'Karen Bass and Gavin Newsom said
                sentence_rest = norm[c0.end : self._sentence_of(c0.start)[1]]
                if (
                    c0.cue.type != "attitude"
                    and (
                        kind == "direct"
                        or len(sentence_rest.split()) <= 6
                        # 'The plans are "irresponsible," said Steve Bell, senior director of ...'
                        or (content.endswith(",") and not gap.strip() and c0.cue.term == "say")
                    )
                    and not re.search(r'[.!?;:"]', plain_gap.strip(" ,"))
                    and not _BOUNDARY.search(plain_gap)
                    and " and " not in plain_gap
                    and len(gap.split()) <= 10
                ):
                    if gap.strip(" ,\n"):
                        lead = len(gap) - len(gap.lstrip(" ,\n"))
                        found = self.speaker_phrase(q.end + lead, c0.start)
                    else:
                        found = self._speaker_after_cue(c0, min(para_end, q.end + 200))
                    if found:
                        cue = c0
        # 2. a headline-style colon: 'Trump: "..."'
        colon: tuple[int, int] | None = None
        if found is None:
            m = _HEADLINE_COLON.search(norm, max(0, q.start - 60), q.start)
            if m:
                cl = self.chunks_in(m.start(1), m.end(1))
                resolved = self.resolve_chunk(cl[-1]) if cl else None
                if resolved:
                    found = (resolved[0], (cl[-1].start, cl[-1].end), resolved[1])
                    colon = (m.end(1), m.end(1) + 1)  # the colon stands for the verb
        # 3. before it, in the same sentence, or in the sentence that ends with a colon
        #    just before a quotation that opens a paragraph
        if found is None:
            # the last character before the sentence, when nothing comes before the quotation
            lead_in = self._last_char_before(0, sent_s) if last < sent_s else -1
            if lead_in >= 0 and norm[lead_in] == ":":
                sent_s = self._sentence_of(lead_in)[0]
                head = self._last_cues(sent_s, lead_in + 1)
            else:
                head = self._last_cues(sent_s, q.start)
            head = _verb_before_phrase(self.norm, head)
            if head:
                cue = head[-1]  # the verb nearest the quotation introduces it
            for hc in reversed(head):
                if hc.participle:
                    continue  # a participle's subject is the clause's subject
                found = self.subject_before(sent_s, hc.start)
                if found:
                    break
        speaker, how = self.finish(found, q.start)
        span = found[1] if found and speaker is not None else None
        # 4. continuation of the previous quotation's speaker: one attribution with
        #    several contents, which shares its cue and its source's mention
        continued: Attribution | None = None
        if speaker is None and self._previous is not None:
            prev_end, prev = self._previous
            # the previous quotation may be far back: the gap is read only as far as it
            # must be (its first word, its first 13 words), never copied whole
            if prev.speaker is not None and (
                not _WORDY.search(norm, prev_end, q.start)
                or (
                    sum(1 for _ in itertools.islice(_NON_SPACE.finditer(norm, prev_end, q.start), 13)) <= 12
                    and "\n\n" not in norm[prev_end : q.start].strip()
                    and not any(
                        ch.is_person
                        and not (
                            prev.speaker_span and prev.speaker_span[0] <= ch.start < prev.speaker_span[1]
                        )
                        and self._other_person(ch, prev.speaker)
                        for ch in self.chunks_in(prev_end, q.start)
                    )
                )
            ):
                speaker, span, how = prev.speaker, prev.speaker_span, "continuation"
                continued = prev
        # 5. a comma or colon after a sentence that names someone
        if speaker is None and last >= sent_s and norm[last] in ",:":
            persons = [
                c
                for c in self.chunks_in(sent_s, q.start)
                if c.is_person and (len(c.name) >= 2 or word_core(c.name[0]) in self.people.by_surname)
            ]
            resolved = self.resolve_chunk(persons[-1]) if persons else None
            if resolved:
                speaker, how = self.finish(
                    (resolved[0], (persons[-1].start, persons[-1].end), "nearby-name"), q.start
                )
                span = (persons[-1].start, persons[-1].end)
        if speaker is None and kind == "partial" and len(content.split()) <= 4 and cue is None:
            kind = "scare"
        attr = Attribution(
            kind,
            q.content,
            speaker,
            span,
            cue.cue if cue else continued.cue if continued else None,
            (cue.start, cue.end) if cue else continued.cue_span if continued else colon,
            how if speaker is not None else ("scare" if kind == "scare" else "unresolved"),
            qi,
            speakers=continued.speakers if continued else (),
        )
        if speaker is not None:
            self._previous = (self._attribution_end(attr, q.end), attr)
        return attr

    def _attribution_end(self, attr: Attribution, quote_end: int) -> int:
        """Where the words of an attributed quotation end: after its cue and source when
        they follow it ('"...," Ruiz said Monday.'), at its closing mark otherwise."""
        end = max(quote_end, *(s[1] for s in (attr.cue_span, attr.speaker_span) if s is not None))
        if end == quote_end:
            return end
        rest = re.match(r"[^.!?\n\"\u201c]{0,60}[.!?]?", self.norm[end:])
        return end + (rest.end() if rest else 0)

    def _other_person(self, chunk: Chunk, speaker: Speaker) -> bool:
        """Whether a name between two quotations is someone other than the speaker."""
        found = self.resolve_chunk(chunk)
        return found is not None and found[0].name != speaker.name and found[0].kind == "person"

    def _speaker_after_cue(self, c0: _Cue, stop: int) -> tuple[Speaker, tuple[int, int], str] | None:
        """'said Sean Parnell, the Pentagon's chief spokesman.'"""
        segment = _ABBREVIATION.sub(
            lambda a: a.group()[:-1] + " ", self.norm[c0.end : stop]
        )  # 'Sen.' ends nothing
        m = re.match(r"\s*([^.;!?\"]{1,120}?)(?=[.;!?\"]|$)", segment) or re.match(
            r"\s*([^.;!?\",]{1,80}?)(?=,)", segment
        )  # 'said Leonard Burman, a former official ... who directs ...': a long appositive
        if not m:
            return None
        np_text = m.group(1).split("(")[0]  # 'Sen. Bo Tate (R-Texas)': the party is read later
        np_text = re.split(r"\s+(?:who|whose|which)\s", np_text)[0]  # 'said one of the witnesses who ...'
        np_start = c0.end + m.start(1)
        comma = np_text.find(",")
        main_end = np_start + (comma if comma != -1 else len(np_text))
        found = self.speaker_phrase(np_start, main_end)
        if found is None:
            return None
        spk, span, how = found
        if comma != -1 and spk.kind == "person" and spk.role is None:
            spk = Speaker(spk.name, spk.kind, np_text[comma + 1 :].strip() or None)
        return spk, span, how
