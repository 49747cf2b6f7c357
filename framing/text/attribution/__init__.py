"""Who says what: speakers of quotations and reported speech.

Patterns a careful reader recognises, in this order for each quotation:

1. after it: ``"...," Parnell said.``, ``"...," said Sean Parnell, the Pentagon's chief
   spokesman.``, ``"..." he added.``, and dash sign-offs ``"..." -- Commissioner Ruiz``;
2. a headline-style colon: ``Trump: "..."``;
3. before it, in the same sentence: ``Parnell said: "..."``, ``He added, "..."``, and
   partial quotations inside narration, whose speaker is the subject of the nearest
   speech verb (``Newsom criticized the order, calling it "purposefully
   inflammatory"``);
4. a quotation that follows another with nothing but its attribution between them
   continues the same speaker;
5. a quotation introduced by a comma or colon after a sentence that names one person
   (``a response from Pete Hegseth, who posted on X, "..."``) is that person's.

Quotation marks around a title ("the song "Born in the USA"") are not speech, nor are
words chanted, sung or recited ("the crowd chanted "We shall overcome""): a chant or a
lyric is a performance, not a source's statement, so it is read like a title; a few
quoted words with no speaker and no speech verb are scare quotes. Reported speech is
read from sentences: ``X said (that) ...``, ``X told reporters (that) ...``,
``..., the Pentagon said Thursday.``, ``..., said X.``, ``according to X, ...``.

Speakers are resolved within the article (:mod:`framing.text.names`): a surname, first
name or title with a surname is linked to the full name used elsewhere; "the governor"
to the last person with that title; "he" or "she" to the last matching speaker. What
cannot be resolved is marked ``unresolved``, never guessed: a "he" or "she" when two people
who may both be meant were named in the same sentence stays unresolved. Several people
joined by "and" ("Karen Bass and Gavin Newsom said") are one attribution whose speaker
is a ``group`` of named people (name "Karen Bass and Gavin Newsom"), not one person and
not one attribution each: the words were said once. People named in commas after a group
noun ("Two officials, Karen Bass and Tom Homan, said") are the speakers; a group noun
opening a sentence ("Officials said", "Critics say") is an unnamed source, not a name.
Offsets are normalised.
"""

from __future__ import annotations

from dataclasses import replace

from ..names import Speaker
from .base import UNRESOLVED, Attribution
from .cues import cue_matcher
from .direct import _Direct
from .reported import _Reported
from .resolution import _Resolution

__all__ = ["UNRESOLVED", "Attribution", "Attributor", "Speaker", "cue_matcher"]


class Attributor(_Direct, _Reported, _Resolution):
    """Attributes the quotations of one document and finds its reported speech."""

    # ------------------------------------------------------------------ all

    def run(self) -> list[Attribution]:
        self._previous = None
        results: list[Attribution] = []
        for qi, q in enumerate(self.quotes):
            attr = self.attribute_quote(qi, q)
            if attr is not None:
                results.append(attr)
        self._last_speaker = None
        results.extend(self.reported())
        if self._antecedents:
            results = [
                replace(a, antecedent=self._antecedents.get(a.speaker_span))
                if a.resolution == "relative" and a.speaker_span is not None
                else a
                for a in results
            ]
        return [
            replace(a, speakers=joint)
            if not a.speakers and (joint := self.joint_speakers(a.speaker, a.speaker_span))
            else a
            for a in results
        ]
