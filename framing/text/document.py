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

import bisect
import functools
import heapq
import itertools
import operator
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..article import Article
from ..lexicon import Lexicon
from ..lexicon.kinds import CueVerb
from ..models.cues import default_cue_model
from ..models.resolver import ResolverModel, default_resolver
from .attribution import Attribution, Attributor, cue_matcher
from .attribution.cues import find_cues
from .attribution.patterns import _FUNCTION_WORDS
from .layout import Block, analyse_layout
from .matcher import PhraseMatcher, Unit, match_units, units_of
from .names import Chunk, RoleBook, Speaker, chunks
from .normalize import Normalized, normalize
from .people import People
from .quotes import QuoteSpan, find_quotes
from .sentences import SentenceSplitter
from .tokens import WORD_RE, Token, Tokens, token_columns

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
_KEY = operator.attrgetter("key")
_TEXT = operator.attrgetter("text")
_FIRST = operator.itemgetter(0)


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
    tokens: Sequence[Token]
    """The tokens (a :class:`~framing.text.tokens.Tokens` from the segmenter)."""
    quotes: tuple[QuoteSpan, ...]
    attributions: tuple[Attribution, ...]
    voices: tuple[VoiceRun, ...]
    token_runs: tuple[int, ...] = ()
    """For each token, the index of the voice run it starts in."""
    names: tuple[Chunk, ...] = ()
    """Capitalised phrases (names of people and bodies), split into role and name."""
    people: People | None = None
    """Who each mention of a person, a body or a group is (:mod:`framing.text.people`)."""
    _units: list[Unit] | None = None

    @property
    def text(self) -> str:
        return self.norm.text

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_original(start, end)

    def run_at(self, pos: int) -> VoiceRun:
        """The voice run holding normalised position ``pos``."""
        i = bisect.bisect_right(self._voice_starts, pos) - 1
        return self.voices[max(i, 0)]

    @functools.cached_property
    def _voice_starts(self) -> list[int]:
        return [r.start for r in self.voices]

    def sentence_index(self, pos: int) -> int:
        """The index in :attr:`sentences` of the last sentence starting at or before
        normalised position ``pos`` (-1 when none does)."""
        return bisect.bisect_right(self._sentence_starts, pos) - 1

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @functools.cached_property
    def sentence_units(self) -> tuple[tuple[int, int], ...]:
        """For each sentence, the range ``[first, end)`` of the tokens (and match units)
        that start inside it."""
        starts = self.tokens.starts if isinstance(self.tokens, Tokens) else [t.start for t in self.tokens]
        return tuple(
            (bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)) for s, e in self.sentences
        )

    @functools.cached_property
    def token_texts(self) -> list[str]:
        """The form of every token as written (in the normalised text)."""
        return list(self.tokens.texts) if isinstance(self.tokens, Tokens) else [t.text for t in self.tokens]

    def speaker_of(self, run: VoiceRun) -> Speaker | None:
        if run.attribution is None:
            return None
        return self.attributions[run.attribution].speaker

    @functools.cached_property
    def units(self) -> list[Unit]:
        """The tokens as lexicon match units (see :mod:`framing.text.matcher`)."""
        return self._units if self._units is not None else match_units(self.tokens)

    @functools.cached_property
    def keys(self) -> list[str]:
        """The match key of every unit, for the lexicon matchers."""
        return list(map(_KEY, self.units))

    @functools.cached_property
    def _words_per_run(self) -> Counter[int]:
        """How many words each voice run holds, in text order (runs without words are
        left out): the word counts by voice and by speaker are read from the runs
        instead of from every token."""
        texts = self.tokens.texts if isinstance(self.tokens, Tokens) else map(_TEXT, self.tokens)
        first_chars = map(_FIRST, texts)
        return Counter(itertools.compress(self.token_runs, map(str.isalnum, first_chars)))

    @functools.cached_property
    def word_counts(self) -> dict[str, int]:
        """Words in each voice. Page furniture is not tokenised (it is never scored), so
        its words are counted from its text, as the tokeniser would count them."""
        counts = dict.fromkeys(VOICES, 0)
        voices = self.voices
        for r, n in self._words_per_run.items():
            counts[voices[r].voice] += n
        text = self.text
        counts["furniture"] = sum(
            1
            for b in self.furniture
            for m in WORD_RE.finditer(text, b.start, b.end)
            if m.group()[0].isalnum()
        )
        return counts

    def words_by_voice(self) -> dict[str, int]:
        return dict(self.word_counts)

    @functools.cached_property
    def speaker_words(self) -> dict[str, int]:
        """Words quoted or reported from each speaker ("(unattributed)" when unknown)."""
        return self._words_of_speakers(spoken_only=False)

    @functools.cached_property
    def spoken_words(self) -> dict[str, int]:
        """Like ``speaker_words``, without reported thoughts ("Trump believes ...", "the
        campaign plans to ..."): they are attributed, but were not said."""
        return self._words_of_speakers(spoken_only=True)

    def _words_of_speakers(self, spoken_only: bool) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r, n in self._words_per_run.items():
            run = self.voices[r]
            if run.voice in ("quote", "reported"):
                if (
                    spoken_only
                    and run.attribution is not None
                    and self.attributions[run.attribution].kind == "thought"
                ):
                    continue
                spk = self.speaker_of(run)
                name = spk.name if spk else "(unattributed)"
                counts[name] = counts.get(name, 0) + n
        return counts


class Segmenter:
    """Turns articles into Documents, with the given abbreviations, cue verbs and roles."""

    def __init__(
        self,
        abbreviations: Sequence[Lexicon],
        cue_verbs: Sequence[Lexicon],
        source_roles: Sequence[Lexicon] = (),
        learned: bool = True,
    ):
        self._splitter = SentenceSplitter(a.abbreviation for lex in abbreviations for a in lex.entries)
        self._cues: PhraseMatcher[CueVerb | None] = cue_matcher([c for lex in cue_verbs for c in lex.entries])
        self._book = RoleBook(r for lex in source_roles for r in lex.entries)
        #: the shipped speech-cue and resolver models, or rules alone (``learned=False``)
        self._cue_model = default_cue_model() if learned else None
        self._ranker = default_resolver() if learned else ResolverModel.rules()

    def people(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        paragraphs: Sequence[Block],
        quotes: Sequence[QuoteSpan],
        units: Sequence[Unit],
        speech: Sequence[Any],
        names: Sequence[Chunk],
        **options: Any,
    ) -> People:
        """The resolver of people for a segmented text (``options`` go to :class:`People`:
        another ranking model, a trace of its candidates)."""
        lower = frozenset(word for u in units if (word := text[u.start : u.end])[0].islower())
        return People(
            text,
            sentences,
            [(p.start, p.end) for p in paragraphs],
            [(q.start, q.end) for q in quotes],
            names,
            self._book,
            lower | _FUNCTION_WORDS,
            [c.start for c in speech],
            **({"rank": self._ranker} | options),
        )

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
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        for s, e in scopes:
            sentences.extend(self._splitter.spans(text, s, e))
            scope_starts, scope_ends, scope_words = token_columns(text, s, e)
            starts += scope_starts
            ends += scope_ends
            words += scope_words

        quotes = find_quotes(text, lambda i: article.text[norm.orig_start(i)], scopes_by_para)
        units = units_of(words, starts, ends)
        cues = find_cues(text, sentences, units, self._cues, self._cue_model)
        names = [c for s, e in scopes for c in chunks(text, s, e, self._book)]
        people = self.people(
            text,
            sentences,
            layout.paragraphs,
            quotes,
            units,
            cues[0],
            names,
            cue_nouns=[c.start for c in cues[1]],
        )
        attributor = Attributor(text, sentences, quotes, cues, names, people, self._book, scopes)
        attributions = attributor.run()

        runs = _paint_voices(len(text), layout.paragraphs, furniture, quotes, attributions)
        return Document(
            article=article,
            norm=norm,
            paragraphs=layout.paragraphs,
            furniture=furniture,
            sentences=tuple(sentences),
            tokens=Tokens(starts, ends, words),
            quotes=tuple(quotes),
            attributions=tuple(attributions),
            voices=tuple(runs),
            token_runs=_token_runs(starts, runs),
            names=tuple(names),
            people=people,
            _units=units,
        )


def _token_runs(token_starts: Sequence[int], runs: Sequence[VoiceRun]) -> tuple[int, ...]:
    """The run each token starts in. The runs tile the text in order, so the tokens of
    a run are those that start before its end and not before the end of the run before
    it; the last run also takes any token after its end."""
    out: list[int] = []
    done = 0
    last = len(runs) - 1
    for r, run in enumerate(runs):
        upto = len(token_starts) if r == last else bisect.bisect_left(token_starts, run.end, done)
        out += itertools.repeat(r, upto - done)
        done = upto
    return tuple(out)


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
    # quotation marks around a title are narration: only attributed quotations are painted
    for i, attr in enumerate(attributions):
        if attr.quote is None and attr.kind != "attitude":
            intervals.append((attr.content[0], attr.content[1], "reported", i, None))
    for p in paragraphs:
        if p.role == "headline":
            intervals.append((p.start, p.end, "headline", None, None))
    for qi, q in enumerate(quotes):
        if qi in quote_attr:
            intervals.append((q.start, q.end, "quote", quote_attr[qi], None))
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
