"""Segmentation: from an Article to a Document every analyser reads.

A :class:`Document` holds the normalised text and, in offsets into it, the paragraphs,
page furniture, sentences, tokens, quotations, attributions and the voice of every
character. Analysers work in these normalised offsets and turn what they report into
offsets of the original text with :meth:`Document.to_original`.

Voices: every character of the article belongs to exactly one of

* ``narration``: the outlet's own words;
* ``quote``: a direct quotation (full or partial);
* ``reported``: reported speech ("X said that ...", "according to X, ...");
* ``headline``: the headline, subtitle and headings;
* ``furniture``: page furniture, which is shown but never scored.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..article import Article
from ..lexicon import Lexicon
from ..lexicon.kinds import CueVerb
from ..lexicon.matcher import PhraseMatcher
from .attribution import Attribution, Speaker, attribute, cue_matcher
from .layout import Block, analyse_layout
from .normalize import Normalized, normalize
from .quotes import QuoteSpan, find_quotes
from .sentences import SentenceSplitter
from .tokens import Token, tokenize

__all__ = [
    "OWN_VOICES",
    "QUOTED_VOICES",
    "REPORTED_VOICES",
    "VOICES",
    "Document",
    "Segmenter",
    "VoiceRun",
]

#: Every voice, with a plain description.
VOICES = {
    "narration": "the outlet's own words",
    "headline": "the headline, subtitle and headings (also the outlet's own words)",
    "quote": "words in quotation marks, said or written by someone the article quotes",
    "reported": "speech reported without quotation marks (X said that ...)",
    "furniture": "page furniture such as captions and links: shown, never scored",
}
#: The voices in which the outlet speaks for itself.
OWN_VOICES = ("narration", "headline")
#: The voice of other people's own words, in quotation marks.
QUOTED_VOICES = ("quote",)
#: Speech the outlet paraphrases: the speaker's claim, in the outlet's wording.
REPORTED_VOICES = ("reported",)
_PRIORITY = {"narration": 0, "reported": 1, "headline": 2, "quote": 3, "furniture": 4}


@dataclass(frozen=True, slots=True)
class VoiceRun:
    """A run of text in one voice, in normalised offsets."""

    start: int
    end: int
    voice: str
    attribution: int | None = None  # index into Document.attributions
    furniture: int | None = None  # index into Document.furniture


@dataclass(frozen=True)
class Document:
    """The segmented article. Offsets are into ``norm.text`` unless a name says otherwise."""

    article: Article
    norm: Normalized
    paragraphs: tuple[Block, ...]
    furniture: tuple[Block, ...]
    sentences: tuple[tuple[int, int], ...]
    tokens: tuple[Token, ...]
    quotes: tuple[QuoteSpan, ...]
    attributions: tuple[Attribution, ...]
    voices: tuple[VoiceRun, ...]
    _voice_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.norm.text

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_original(start, end)

    def run_at(self, pos: int) -> VoiceRun:
        """The voice run holding normalised position ``pos``."""
        import bisect

        i = bisect.bisect_right(self._voice_starts, pos) - 1
        return self.voices[max(i, 0)]

    def speaker_of(self, run: VoiceRun) -> Speaker | None:
        if run.attribution is None:
            return None
        return self.attributions[run.attribution].speaker

    def words_by_voice(self) -> dict[str, int]:
        counts = {v: 0 for v in VOICES}
        for tok in self.tokens:
            if tok.is_word:
                counts[self.run_at(tok.start).voice] += 1
        return counts


class Segmenter:
    """Turns articles into Documents, with the given abbreviations and cue verbs."""

    def __init__(self, abbreviations: Lexicon, cue_verbs: Lexicon):
        self._splitter = SentenceSplitter(a.abbreviation for a in abbreviations.entries)
        self._cues: PhraseMatcher[CueVerb | None] = cue_matcher(cue_verbs.entries)

    def __call__(self, article: Article) -> Document:
        norm = normalize(article.text)
        text = norm.text
        layout = analyse_layout(text, article.title)
        furniture = tuple(
            sorted(
                [b for b in layout.paragraphs if b.role == "furniture"] + list(layout.inline),
                key=lambda b: b.start,
            )
        )

        # the text that is read: body and headline paragraphs minus inline furniture
        scopes_by_para: list[list[tuple[int, int]]] = []
        inline = list(layout.inline)
        for p in layout.paragraphs:
            if p.role == "furniture":
                continue
            segs = [(p.start, p.end)]
            for b in inline:
                if p.start <= b.start < p.end:
                    s, e = segs.pop()
                    if b.start > s:
                        segs.append((s, b.start))
                    if b.end < e:
                        segs.append((b.end, e))
            segs = [(s, e) for s, e in segs if text[s:e].strip()]
            if segs:
                scopes_by_para.append(segs)
        scopes = [seg for segs in scopes_by_para for seg in segs]

        sentences: list[tuple[int, int]] = []
        paragraph_of: dict[int, int] = {}
        for pi, segs in enumerate(scopes_by_para):
            for s, e in segs:
                for span in self._splitter.spans(text, s, e):
                    sentences.append(span)
                    paragraph_of[span[0]] = pi
        tokens: list[Token] = []
        for s, e in scopes:
            tokens.extend(tokenize(text, s, e))

        quotes = find_quotes(text, lambda i: article.text[norm.orig_start(i)], scopes_by_para)
        attributions = attribute(text, sentences, paragraph_of, quotes, self._cues, scopes)

        runs = _paint_voices(len(text), layout.paragraphs, furniture, quotes, attributions)
        return Document(
            article=article,
            norm=norm,
            paragraphs=layout.paragraphs,
            furniture=furniture,
            sentences=tuple(sentences),
            tokens=tuple(tokens),
            quotes=tuple(quotes),
            attributions=tuple(attributions),
            voices=tuple(runs),
            _voice_starts=[r.start for r in runs],
        )


def _paint_voices(
    length: int,
    paragraphs: Sequence[Block],
    furniture: Sequence[Block],
    quotes: Sequence[QuoteSpan],
    attributions: Sequence[Attribution],
) -> list[VoiceRun]:
    """Partition ``[0, length)`` into voice runs; the highest-priority voice wins."""
    intervals: list[tuple[int, int, str, int | None, int | None]] = []
    quote_attr = {a.quote: i for i, a in enumerate(attributions) if a.quote is not None}
    for i, attr in enumerate(attributions):
        if attr.quote is None:
            intervals.append((attr.content[0], attr.content[1], "reported", i, None))
    for p in paragraphs:
        if p.role == "headline":
            intervals.append((p.start, p.end, "headline", None, None))
    for qi, q in enumerate(quotes):
        intervals.append((q.start, q.end, "quote", quote_attr.get(qi), None))
    for fi, f in enumerate(furniture):
        intervals.append((f.start, f.end, "furniture", None, fi))
    intervals = [iv for iv in intervals if iv[0] < iv[1]]
    if length == 0:
        return []
    points = sorted({0, length, *(iv[0] for iv in intervals), *(iv[1] for iv in intervals)})
    starts = sorted(range(len(intervals)), key=lambda k: intervals[k][0])
    active: list[tuple[int, int, int]] = []  # (-priority, order, index)
    runs: list[VoiceRun] = []
    k = 0
    for a, b in itertools.pairwise(points):
        while k < len(starts) and intervals[starts[k]][0] <= a:
            iv = intervals[starts[k]]
            heapq.heappush(active, (-_PRIORITY[iv[2]], starts[k], starts[k]))
            k += 1
        while active and intervals[active[0][2]][1] <= a:
            heapq.heappop(active)
        # entries that ended but are not on top are dropped when they surface
        if active:
            iv = intervals[active[0][2]]
            run = VoiceRun(a, b, iv[2], iv[3], iv[4])
        else:
            run = VoiceRun(a, b, "narration")
        if runs and (runs[-1].voice, runs[-1].attribution, runs[-1].furniture) == (
            run.voice,
            run.attribution,
            run.furniture,
        ):
            runs[-1] = VoiceRun(runs[-1].start, b, run.voice, run.attribution, run.furniture)
        else:
            runs.append(run)
    return runs
