"""The classroom worksheet: a printable page of questions per article, and an answer key.

Questions are built from each article's own findings, so they are always answerable from
the text in front of the student: which words in the outlet's own voice carry judgement,
whose words the quotes are, who speaks first and last, which verbs introduce them, what
this article reports that another leaves out, what was done without saying who did it,
which label it chooses, how it cuts a quotation others give in full. Questions about what
articles share use only the matches framing is sure of (the ``worksheet`` confidence of
the comparison), and one question asks students to check such a match themselves. The
answer key (a separate page) gives the evidence and offers neutral rewrites built from
the lexicon's alternatives.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..files import write_atomic
from ..plural import count
from . import glossary

if TYPE_CHECKING:
    from ..comparison import ArticleView, Comparison
    from ..results import Finding

__all__ = [
    "Question",
    "neutral_rewrite",
    "notice_questions",
    "render_worksheet",
    "worksheet_questions",
    "write_worksheet",
]


@dataclass
class Question:
    text: str
    answers: list[str] = field(default_factory=list)


def neutral_rewrite(sentence: str, replacements: list[tuple[int, int, str]]) -> str:
    """``sentence`` with spans replaced (offsets into it), each new word in brackets."""
    out = sentence
    for start, end, new in sorted(replacements, reverse=True):
        old = out[start:end]
        if old[:1].isupper():
            new = new[:1].upper() + new[1:]
        out = out[:start] + f"[{new}]" + out[end:]
    return " ".join(out.split())


def _kind(f: Finding) -> str:
    """A finding's kind in the glossary's plain words."""
    return glossary.category_plain(f.analyzer, f.category, f.category_label)


def _sentence_of(
    view: ArticleView, text: str, start: int, sentences: list[tuple[int, int]]
) -> tuple[int, int]:
    for s, e in sentences:
        if s <= start < e:
            return s, e
    return start, start


def worksheet_questions(comparison: Comparison, index: int) -> list[Question]:
    """The questions (with answers) for article ``index`` of the comparison."""
    view = comparison.articles[index]
    analysis = comparison.analyses[index]
    text = analysis.text
    questions: list[Question] = []
    loaded = [f for f in view.findings if f.analyzer == "loaded"]
    own = [f for f in loaded if f.voice in ("narration", "headline")]
    quoted = [f for f in loaded if f.voice in ("quote", "reported")]

    q = Question("Which words in the outlet's own voice (not in quotes) carry a judgement? Underline them.")
    q.answers = [
        f"\u201c{f.text}\u201d: {_kind(f).lower()}. {f.explanation}"
        + (f" More neutral: {f.alternatives[0]}." if f.alternatives else "")
        for f in own
    ] or [
        "None found in the outlet's own voice: the article keeps its judgements to quotes, or to words the lexicon does not list."
    ]
    questions.append(q)

    if quoted:
        q = Question("Find loaded words inside quotes or reported speech. Whose words are they?")
        q.answers = [
            f"\u201c{f.text}\u201d: {f.speaker or 'an unnamed speaker'} ({_kind(f).lower()})." for f in quoted
        ]
        questions.append(q)

    if view.speakers:
        ordered = sorted(view.speakers, key=lambda s: s.first)
        q = Question("Who is quoted first, and who last? How many words does each get?")
        q.answers = [
            f"First: {ordered[0].name}; last: {max(view.speakers, key=lambda s: s.last).name}.",
            *(
                f"{s.name}: {count(s.words, 'word')} ({100 * s.share:.0f}% of quoted words)."
                for s in view.speakers
            ),
        ]
        questions.append(q)
        missing = _missing_voices(comparison, view.label)
        if missing:
            q = Question("Which voices do other articles include that this one leaves out?")
            q.answers = [f"{name} (quoted in {', '.join(where)})." for name, where in missing]
            questions.append(q)
        graded = [s for s in view.speakers if any(g != "neutral" for g in s.cues)]
        q = Question(
            "How does the article introduce each speaker's words? Find a verb that does more than report "
            "(such as claimed, admitted, slammed, insisted)."
        )
        q.answers = [
            f"{s.name}: " + ", ".join(f"{glossary.plain('cue', g)} ({n})" for g, n in s.cues.items()) + "."
            for s in graded
        ] or ["Every speaker is introduced with neutral verbs (said, told, according to)."]
        questions.append(q)

    questions += _role_questions(view)
    questions += _coverage_questions(comparison, view.label)

    hidden = [
        f
        for f in view.findings
        if f.analyzer == "epistemic" and f.category in ("agentless_passive", "nominalisation")
    ]
    if hidden:
        q = Question(
            "Find a sentence that says what was done without saying who did it. Who might have done it?"
        )
        sentences = list(analysis.sentences)
        q.answers = [
            f"\u201c{' '.join(text[s:e].split())}\u201d ({f.text})"
            for f in hidden[:4]
            for s, e in [_sentence_of(view, text, f.start, sentences)]
        ]
        questions.append(q)

    labels = [f for f in view.findings if f.analyzer == "labels" and f.voice in ("narration", "headline")]
    if labels:
        q = Question("Which word does the article choose for these? What other words could it have used?")
        seen: set[str] = set()
        answers = []
        for f in labels:
            if f.category in seen:
                continue
            seen.add(f.category)
            alternatives = _other_variants(comparison, f.category, f.term or "")
            answers.append(
                f"{f.category_label}: \u201c{f.text}\u201d ({f.detail})."
                + (f" Other words: {', '.join(alternatives)}." if alternatives else "")
            )
        q.answers = answers[:5]
        questions.append(q)

    rewrites = _rewrites(analysis.sentences, text, own)
    if rewrites:
        q = Question("Rewrite one of the outlet's sentences in neutral words. What changes for the reader?")
        q.answers = [f"\u201c{before}\u201d \u2192 \u201c{after}\u201d" for before, after in rewrites[:3]]
        questions.append(q)
    return questions


def _role_questions(view: ArticleView) -> list[Question]:
    """Find the evidence: for an actor the outlet casts as villain, victim or hero in its
    own voice, which words do it; and for one cast so only by someone it quotes, whose
    words are they. Answers are the evidence with its reasons."""
    out: list[Question] = []
    cast = [a for a in view.actors if a.portrayal.own.role != "neutral"]
    for a in cast[:2]:
        own = a.portrayal.own
        q = Question(
            f"The article casts {a.name} as a {own.role} in its own voice. Find the words that do it. "
            "Do you agree? What would a neutral telling say?"
        )
        q.answers = [
            f"\u201c{' '.join(e.text.split())}\u201d: {e.reason}"
            for e in own.evidence
            if e.role == own.role and not e.negated
        ] or ["The role rests on the article as a whole: read the sentences that name this actor."]
        out.append(q)
    quoted_only = [
        (a, c)
        for a in view.actors
        if a.portrayal.own.role == "neutral"
        for c in a.portrayal.quoted[:1]
        if c.role != "neutral"
    ]
    for a, c in quoted_only[:1]:
        q = Question(f"Who casts {a.name} as a {c.role}: the outlet, or someone it quotes? Find the words.")
        q.answers = [f"{c.speaker or 'An unnamed voice'}, not the outlet:"] + [
            f"\u201c{' '.join(e.text.split())}\u201d: {e.reason}"
            for e in c.evidence
            if e.role == c.role and not e.negated
        ]
        out.append(q)
    return out


def _coverage_questions(comparison: Comparison, label: str) -> list[Question]:
    """What this article reports that the others leave out (and the reverse), from the
    matches framing is sure of only; one match for the student to check; and a
    quotation this article cuts or changes."""
    cov = comparison.coverage
    if len(cov.articles) < 2:
        return []
    out: list[Question] = []
    sure = cov.thresholds["worksheet"]
    others = [a for a in cov.articles if a != label]
    trusted = [
        c
        for c in cov.shared_claims
        if c.confidence is not None and c.confidence >= sure and label in c.carried_by
    ]
    omitted = [
        c
        for c in cov.shared_claims
        if c.confidence is not None and c.confidence >= sure and label in c.left_out_by
    ]
    alone = [
        c
        for c in cov.unique_claims
        if c.carried_by == (label,)
        and all(r.status in ("carries", "left_out", "not_yet") for r in c.articles)
    ]
    q = Question(
        f"What does this article report that {_join(others)} leave{'s' if len(others) == 1 else ''} out? What does it leave out?"
    )
    q.answers = [f"Only here: {c.text}" for c in alone[:3]] + [
        f"Left out (reported by {_join(list(c.carried_by))}): {c.text}" for c in omitted[:3]
    ]
    if q.answers:
        q.answers.append(
            f"These answers use only framing's matches of {100 * sure:.0f}% confidence or more; "
            "a sentence it could not match with that confidence is not counted either way."
        )
        out.append(q)
    pick = max(trusted, key=lambda c: (c.confidence or 0.0, c.id), default=None)
    if pick is not None:
        mine = pick.status_of(label)
        other = next(r for r in pick.articles if r.status == "carries" and r.article != label)
        q = Question(
            f"Check one match. framing says this sentence and one in {other.article} state the same claim "
            f"(confidence {100 * (pick.confidence or 0):.0f}%; this sheet uses only matches of {100 * sure:.0f}% or "
            "more). Read both: do the same people do the same thing, with the same numbers? Do they say the same thing?"
        )
        q.answers = [
            f"Here: \u201c{mine.text if mine else ''}\u201d",
            f"{other.article}: \u201c{other.text}\u201d",
            "framing's answer: the same claim. A student who finds a difference in who acts, what happened, a "
            "number or a 'not' is right to disagree.",
        ]
        out.append(q)
    cut = next(
        (
            (sq, u)
            for sq in cov.quotations
            for u in sq.uses
            if u.article == label and u.status in ("cut", "altered")
        ),
        None,
    )
    if cut is not None:
        sq, use = cut
        q = Question(
            f"This article and {sq.longest_in} both quote {sq.speaker or 'the same speaker'}. "
            "Compare the two versions: which words does this article leave out or change? Why might it?"
        )
        q.answers = [f"Longest version ({sq.longest_in}): \u201c{sq.quote}\u201d"]
        q.answers += [f"Left out ({', '.join(use.cuts) or 'inside'}): \u201c{d}\u201d" for d in use.dropped]
        q.answers += [f"Changed: \u201c{a}\u201d \u2192 \u201c{b}\u201d" for a, b in use.changed]
        if use.dropped_loaded:
            q.answers.append(f"The cut drops loaded or evaluative words: {', '.join(use.dropped_loaded)}.")
        out.append(q)
    return out


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _missing_voices(comparison: Comparison, label: str) -> list[tuple[str, list[str]]]:
    out = []
    for row in comparison.charts.speakers_by_article.rows:
        if label not in row.articles and row.named:
            out.append((row.speaker, list(row.articles)))
    return out[:5]


def _other_variants(comparison: Comparison, concept: str, used: str) -> list[str]:
    out: list[str] = []
    for row in comparison.charts.labels_by_article.rows:
        if row.concept == concept:
            for variants in row.articles.values():
                out += [t for t in variants if t != used and t not in out]
    return out[:5]


def _rewrites(sentences: Any, text: str, own: list[Any]) -> list[tuple[str, str]]:
    by_sentence: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for f in own:
        if not f.alternatives:
            continue
        for s, e in sentences:
            if s <= f.start < e:
                by_sentence.setdefault((s, e), []).append((f.start - s, f.end - s, f.alternatives[0]))
                break
    out = []
    for (s, e), reps in by_sentence.items():
        sentence = text[s:e]
        out.append((" ".join(sentence.split()), neutral_rewrite(sentence, reps)))
    return out


def notice_questions(comparison: Comparison) -> list[Question]:
    """What to notice, as prompts to check: each sentence framing says, for the students
    to find the words behind it and say whether they agree; the key gives the words."""
    out = []
    for n in comparison.notices:
        q = Question(f"Check this: \u201c{n.text}\u201d Find the words that show it. Do you agree?")
        q.answers = [f"\u201c{' '.join(e.words.split())}\u201d ({e.label})" for e in n.evidence] or [
            "Nothing to find: the sentence is about the articles as a whole."
        ]
        out.append(q)
    return out


def render_worksheet(comparison: Comparison) -> str:
    """The worksheet as a printable HTML page: what to notice, each article's questions,
    then the answer key."""
    from .html import worksheet_page

    pages = []
    for i, view in enumerate(comparison.articles):
        pages.append(
            {
                "view": view,
                "text": _paragraphs(comparison.analyses[i]),
                "questions": worksheet_questions(comparison, i),
            }
        )
    return worksheet_page(comparison, pages, notice_questions(comparison))


def _paragraphs(analysis: Any) -> list[str]:
    """The article's text without page furniture, one string per paragraph."""
    text = analysis.text
    keep = [text[v.start : v.end] for v in analysis.voices if v.voice != "furniture"]
    joined = "".join(keep)
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", joined) if p.strip()]


def write_worksheet(comparison: Comparison, path: str | Path) -> Path:
    return write_atomic(path, render_worksheet(comparison))


def as_dict(questions: list[Question]) -> list[Mapping[str, Any]]:
    return [{"question": q.text, "answers": list(q.answers)} for q in questions]
