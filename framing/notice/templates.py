"""The sentences "What to notice" can say, in one place.

Each template has an id, the condition on its numbers under which it is said, its
wording, its hedge (said when ``hedge_when`` holds, or always where the thing it rests
on is uncertain), the report section whose table shows the same thing, its weight in
the ranking and a one-line reason. The readers (:mod:`.loaded`, :mod:`.sources`,
:mod:`.choices`) fill in the numbers (``values``, plain data) and the words that go into
the sentence (``slots``, already written out); nothing here reads an article.

The wording describes what a text does ("uses", "quotes", "ends the quotation
before"), never what an outlet means by it: no sentence says an article is biased.
Where framing's reading is uncertain (who is speaking, roles, which sentences say the
same thing), the sentence says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .view import Evidence

__all__ = ["FEW_WORDS", "TEMPLATES", "Candidate", "Template", "template"]

Values = Mapping[str, Any]

#: Fewer words than this in a voice are too few to compare a rate per 1,000 words (the
#: tables mark such a rate with a dagger at the same number).
FEW_WORDS = 100


def _always(values: Values) -> bool:
    return True


def _never(values: Values) -> bool:
    return False


@dataclass(frozen=True)
class Template:
    """One kind of sentence: when it is said, its words and its hedge."""

    id: str
    family: str  # at most two sentences of one family are shown
    weight: float  # how much a difference of this kind counts in the ranking
    condition: Callable[[Values], bool]
    wording: str
    reason: str
    hedge: str = ""
    hedge_when: Callable[[Values], bool] = _never
    section: str | None = None

    def fires(self, values: Values) -> bool:
        return bool(self.condition(values))

    def hedged(self, values: Values) -> bool:
        return bool(self.hedge) and bool(self.hedge_when(values))

    def text(self, values: Values, slots: Mapping[str, str]) -> str:
        words = {**{k: str(v) for k, v in values.items()}, **slots}
        out = self.wording.format(**words)
        if self.hedged(values):
            out += " " + self.hedge.format(**words)
        return out


@dataclass(frozen=True)
class Candidate:
    """A sentence a reader could say: its template, numbers, written-out words and
    evidence, and ``size``, how large the difference is (0 to 1), for the ranking."""

    template: str
    values: Mapping[str, Any]
    slots: Mapping[str, str] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    size: float = 0.0


def _gap(v: Values) -> bool:
    return (
        v["high_count"] >= 3
        and v["high_words"] >= FEW_WORDS
        and v["low_words"] >= FEW_WORDS
        and v["high_rate"] - v["low_rate"] >= 5
        and v["high_rate"] >= 2 * v["low_rate"]
    )


def _cut(v: Values) -> bool:
    return bool(v["loaded"]) or v["dropped_words"] >= 6


_CUT_REASON = (
    "Where an outlet cuts a quotation that another gives in full, the reader sees less of what was said."
)
_SPEAKERS_HEDGE = "framing can misread who is speaking: check the quotations."

TEMPLATES: tuple[Template, ...] = (
    Template(
        "own_rate_gap",
        "loaded",
        5.0,
        _gap,
        "{high} uses {high_rate} loaded words per 1,000 in its own voice ({high_count} in {high_words} words); "
        "{low} uses {low_part}.",
        "The outlet's own wording is its choice, a quotation's is the speaker's: the gap is the clearest "
        "difference in tone.",
        hedge="That rests on only {high_count} words: a few more or fewer would change it.",
        hedge_when=lambda v: v["high_count"] < 5,
        section="summary",
    ),
    Template(
        "all_loaded_quoted",
        "loaded",
        4.0,
        lambda v: v["own"] == 0 and v["own_words"] >= FEW_WORDS and v["quoted"] + v["reported"] >= 2,
        "framing finds no loaded words in {article}'s own voice ({own_words} words): its {loaded} are all {where}.",
        "Loaded words an outlet only quotes are someone else's; a class should see whose they are.",
        section="summary",
    ),
    Template(
        "few_own_words",
        "loaded",
        2.0,
        lambda v: 0 < v["own_words"] < FEW_WORDS and v["articles"] >= 2,
        "{article} has only {own_words} words of its own, too few to compare its loaded words with the others'.",
        "A rate per 1,000 words of a short text jumps with one word: say so rather than compare it.",
        section="summary",
    ),
    Template(
        "quotation_cut_end",
        "quotation",
        3.0,
        _cut,
        "{article} ends {whose} quotation before {dropped}, words {longest} quotes{loaded_part}.",
        _CUT_REASON,
        section="quotations",
    ),
    Template(
        "quotation_cut_start",
        "quotation",
        3.0,
        _cut,
        "{article} starts {whose} quotation after {dropped}, words {longest} quotes{loaded_part}.",
        _CUT_REASON,
        section="quotations",
    ),
    Template(
        "quotation_cut_inside",
        "quotation",
        3.0,
        _cut,
        "{article} leaves {dropped} out of the middle of {whose} quotation, words {longest} "
        "quotes{loaded_part}.",
        _CUT_REASON,
        section="quotations",
    ),
    Template(
        "quotation_changed",
        "quotation",
        3.0,
        lambda v: bool(v["changed"]),
        "{article} gives {whose} quotation with {theirs} where {longest} has {ref}.",
        "Words changed inside quotation marks are no longer quite the speaker's.",
        hedge="Check both versions: one may be a translation or a correction.",
        hedge_when=_always,
        section="quotations",
    ),
    Template(
        "only_source_type",
        "sources",
        3.5,
        lambda v: bool(v["types"]) and v["others_least_sources"] >= 1,
        "Only {article} quotes {kinds}.",
        "Who gets to speak shapes the story; a kind of voice one outlet alone includes is easy to miss.",
        hedge=_SPEAKERS_HEDGE,
        hedge_when=_always,
        section="who",
    ),
    Template(
        "quotes_no_one",
        "sources",
        3.5,
        lambda v: v["attributions"] == 0 and v["quoted_words"] == 0 and v["others_least"] >= 2,
        "{article} quotes no one and reports no one's words; {others_part}.",
        "An article that lets no one speak tells the story in its own voice alone.",
        hedge="framing can miss speech reported without quotation marks: skim the text to check.",
        hedge_when=_always,
        section="who",
    ),
    Template(
        "few_quoted_words",
        "sources",
        3.5,
        lambda v: (
            0 < v["quoted_words"] <= 10
            and v["others_least"] >= 15
            and v["others_least"] >= 3 * v["quoted_words"]
        ),
        "{article} quotes only {quoted_words} {word_s} of what people said ({examples}); {others_part}.",
        "An article that quotes almost no one tells the story in its own voice.",
        section="who",
    ),
    Template(
        "unnamed_sources",
        "sources",
        2.5,
        lambda v: v["unnamed"] >= 1 and bool(v["others"]),
        "{article} attributes {share} to sources it does not name ({names}); {others_part} every source "
        "{they_quote}.",
        "A reader cannot weigh what an unnamed source says.",
        hedge=_SPEAKERS_HEDGE,
        hedge_when=_always,
        section="who",
    ),
    Template(
        "judging_verbs",
        "verbs",
        3.0,
        lambda v: v["judging"] >= 2 and v["judging"] >= 0.15 * v["verbs"] and v["plain_verbs"] >= 3,
        "{article} introduces what people say with verbs that do more than report, such as {examples} "
        "({judging} of its {verbs} verbs of saying); {plain} uses plain ones, such as {plain_examples}, for all "
        "{plain_verbs}.",
        "'Claimed' or 'decried' tells the reader how to take the words; 'said' does not.",
        hedge="Only {judging} such verbs: read them in their sentences.",
        hedge_when=lambda v: v["judging"] < 3,
    ),
    Template(
        "label_choice",
        "labels",
        2.5,
        lambda v: v["uses"] >= 1 and bool(v["others"]),
        "For {concept}, {users} {write} {term}, a {connotation} word, in {their} own voice; {others_part}.",
        "The same thing called by different words is a choice a class can discuss.",
        section="labels",
    ),
    Template(
        "role_own_voice",
        "roles",
        1.5,
        lambda v: (
            v["role"] in ("villain", "victim", "hero")
            and v["evidence"] >= 1
            and v["strongest"] >= 3
            and bool(v["others"])
        ),
        "framing reads {article} as casting {actor} as a {role} in its own words ({words}); {others_part}.",
        "How an outlet casts an actor in its own voice is its telling, not its sources'.",
        hedge="Roles are often misread: read the sentence before you agree.",
        hedge_when=_always,
        section="actors",
    ),
    Template(
        "single_article",
        "alone",
        0.0,
        lambda v: v["articles"] == 1,
        "Only one article is given, so there is nothing to compare it with: the report below shows how "
        "{article} is written.",
        "With one article, differences cannot be shown; say so rather than invent them.",
    ),
    Template(
        "alike",
        "alone",
        0.0,
        lambda v: v["articles"] >= 2,
        "These {articles} articles look alike on what framing measures: no difference in loaded words, "
        "quotations, sources, verbs of saying, labels or roles stands out.",
        "Where nothing stands out, one sentence saying so is better than a weak one.",
    ),
)

_BY_ID = {t.id: t for t in TEMPLATES}


def template(template_id: str) -> Template:
    """The template with this id."""
    return _BY_ID[template_id]
