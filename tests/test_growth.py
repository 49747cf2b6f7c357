"""Linear time for every shape of input, measured in work, never in seconds.

Each text is read at two sizes, the second twice the first. A step that is linear in
the text doubles the work; a quadratic one quadruples it. Work is counted as the
Python and C function calls made (:func:`tests.conftest.count_calls`), which is exact
and the same on any machine, so these tests neither wait for a slow run nor fail on
a busy one. Each text is read once before it is counted, so caches filled on first
use count for neither size. What one C call does inside (a regular expression's scan,
a slice) counts once, so a quadratic step must loop in Python to be seen here; the
benchmarks time the rest.
"""

from __future__ import annotations

import sys
import unicodedata

import pytest

from framing import Article
from framing.text.normalize import CLOSING_QUOTES, OPENING_QUOTES, normalize

from .conftest import count_calls

#: Doubling the text may multiply the work by at most this (linear work gives about
#: 2.0; the quadratic cases these tests were written for gave 3.2 at these sizes).
MOST_GROWTH = 2.5

#: What Unicode names a quotation mark (or a mark typed for one: an apostrophe, a prime,
#: an accent on its own).
_MARK_NAMES = ("QUOTATION", "APOSTROPHE", "PRIME", "ACUTE ACCENT", "GRAVE ACCENT")
#: Every such character the segmenter reads as a quotation mark or an apostrophe (asked
#: of the normaliser, so a mark it learns is tested here at once), the typewriter pairs
#: read as one, and the marks of other languages it reads as plain punctuation, which
#: must cost no more.
QUOTE_MARKS = sorted(
    {
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if any(name in unicodedata.name(char, "") for name in _MARK_NAMES)
        and normalize(char).text in ('"', "'")
    }
    | {'"', "'", "''", "``"}
    | {"\u2039", "\u203a", "\u300c", "\u300d", "\u300e", "\u300f"}
)

#: Shapes of text around a quotation mark, as repeated to make a long text.
MARK_SHAPES = {
    # unbalanced opening marks in one run-on sentence (3.3 s, 13.1 s and 55.7 s for
    # 0.48, 0.96 and 1.92 million characters before it was fixed)
    "run-on": "he said {m}word and ",
    "run-on-cues": "said, he said, {m}w ",
    "marks-only": "{m}",
    "sentences": "{m}Word here. ",
    "paragraphs": "{m}Word here.\n\n",
    "after-a-word": "word{m} ",
    "after-a-name": "Ana Ruiz said, {m}w",
}

#: Other shapes of hostile or odd text, read through the whole analysis.
TEXT_SHAPES = {
    "long-line-of-words": "word ",
    "long-line-one-token": "x",
    "long-line-punctuation": "a,b;c:d-e/f ",
    "name-dense": "Dana Bash and Mr Bash ",
    "name-list": "Ana Ruiz, Tom Reyes, Lee Kim, ",
    "cue-dense": "said ",
    "cue-clauses": "he said that she said that ",
    "according-to": "according to him, ",
    "abbreviations": "Sen. A. B. the U.S. ",
    "relative-clauses": "Ana, who said, ",
    "every-mark-run-on": "".join(f"he said {m}word and " for m in QUOTE_MARKS),
}


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _growth(read, unit: str, size: int) -> float:
    texts = [_text(unit, size), _text(unit, 2 * size)]
    for text in texts:
        read(Article(text))  # fill the caches first
    small, large = (count_calls(read, Article(text)) for text in texts)
    return large / small


def test_every_mark_the_segmenter_knows_is_tested():
    known = OPENING_QUOTES | CLOSING_QUOTES | {"\u2018", "\u2019", "\u201a", "\u02bc", "\u2032", "\uff07"}
    assert known <= set(QUOTE_MARKS)
    assert {"\u2039", "\u203a", "\u300c", "\u300d"} <= set(QUOTE_MARKS)


def _mark_cases():
    """Every mark in every shape: the shape of the reproducer in the fast tier, the
    others (some 180 cases, a few minutes) in the slow one."""
    for mark in QUOTE_MARKS:
        for shape in MARK_SHAPES:
            slow = () if shape == "run-on" else (pytest.mark.slow,)
            yield pytest.param(mark, shape, marks=slow, id=f"{mark}-{shape}")


@pytest.mark.parametrize("mark, shape", list(_mark_cases()))
def test_segmenting_grows_linearly_for_every_quotation_mark(pipeline, mark, shape):
    growth = _growth(pipeline.segmenter, MARK_SHAPES[shape].format(m=mark), 4_000)
    assert growth < MOST_GROWTH, f"doubling the text multiplied the work by {growth:.2f}"


@pytest.mark.parametrize("shape", TEXT_SHAPES)
def test_the_whole_analysis_grows_linearly(pipeline, shape):
    growth = _growth(pipeline.analyze, TEXT_SHAPES[shape], 4_000)
    assert growth < MOST_GROWTH, f"doubling the text multiplied the work by {growth:.2f}"


def test_the_counter_sees_quadratic_work():
    """The measure itself: a step that reads the whole text again for every word."""

    def quadratic(article: Article) -> None:
        words = article.text.split()
        for k in range(len(words)):
            for word in words[:k]:
                word.isupper()

    assert _growth(quadratic, "word ", 2_000) > 3.5


#: A text written for the work-bound tests below: actors in the outlet's voice and in
#: quotations, loaded words, titles and pronouns that look back for whom they mean.
_READ_ONCE = (
    "Gov. Ana Ruiz met the protesters on Tuesday. The governor said the rioters had "
    'attacked officers. "We will not back down," Ruiz said. Police Chief Tom Reyes, who '
    "leads the department, said he had arrested twelve looters. The chief praised his "
    'officers. "They were brave," he said. Critics accused the department of brutality.'
)


@pytest.mark.parametrize("repeats", [1, 4])
def test_every_sentence_piece_is_scored_for_tone_once(pipeline, repeats, monkeypatch):
    """The tone analyser and the actors' tone read the same sentence pieces; VADER
    scores each text once in an analysis, not once for each analyser that reads it."""
    from framing import vader

    scored: list[str] = []
    compound = vader.Vader.compound

    def counted(self, text):  # type: ignore[no-untyped-def]
        scored.append(text)
        return compound(self, text)

    vader.compound.cache_clear()
    monkeypatch.setattr(vader.Vader, "compound", counted)
    pipeline.analyze(Article(" ".join([_READ_ONCE] * repeats)))
    assert scored, "the analysis scored no tone"
    assert len(scored) == len(set(scored))


def test_the_actors_find_the_loaded_words_once(pipeline, monkeypatch):
    """The actors analyser reads loaded words for the tone around each actor and for its
    role; the words are found in the document once for both."""
    from framing.text.phrases import PhraseFinder

    actors = next(a for a in pipeline.analyzers if a.name == "actors")
    doc = pipeline.segment(Article(_READ_ONCE))
    finds: list[object] = []
    find = PhraseFinder.find_and_excluded

    def counted(self, units):  # type: ignore[no-untyped-def]
        finds.append(self)
        return find(self, units)

    monkeypatch.setattr(PhraseFinder, "find_and_excluded", counted)
    actors.analyze(doc)
    assert finds.count(actors._loaded) == 1
