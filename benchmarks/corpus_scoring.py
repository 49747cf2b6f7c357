"""Scoring helpers shared by the corpus benchmarks: names, spans, voices, roles, links.

Pure functions over plain data, so that they are tested on their own
(``tests/benchmarks/test_corpus_scoring.py``) and so that ``corpus.py`` (framing
against the corpus) and ``corpus_agreement.py`` (annotators against published gold and
against each other) judge a match the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Segment = tuple[int, int]

# -- counts --------------------------------------------------------------------------------


@dataclass
class PRF:
    """Counts of a matching: gold items, predicted items, matched pairs."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    pred_matched: int | None = None
    """Predicted items that match some gold item, where that differs from ``matched``
    (a lenient precision, several predictions sharing one gold item)."""

    @property
    def precision(self) -> float:
        hit = self.matched if self.pred_matched is None else self.pred_matched
        return hit / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.matched += other.matched
        if other.pred_matched is not None or self.pred_matched is not None:
            self.pred_matched = (self.pred_matched if self.pred_matched is not None else 0) + (
                other.pred_matched if other.pred_matched is not None else other.matched
            )


@dataclass
class Agreement:
    """Labels given to the same items by two sides (gold first)."""

    pairs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.pairs)

    @property
    def accuracy(self) -> float:
        return sum(a == b for a, b in self.pairs) / len(self.pairs) if self.pairs else 0.0

    def macro_f1(self, labels: Sequence[str] | None = None) -> float:
        labels = list(labels) if labels is not None else sorted({a for a, _ in self.pairs})
        scores = []
        for lab in labels:
            tp = sum(1 for a, b in self.pairs if a == lab and b == lab)
            fp = sum(1 for a, b in self.pairs if a != lab and b == lab)
            fn = sum(1 for a, b in self.pairs if a == lab and b != lab)
            scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
        return sum(scores) / len(scores) if scores else 0.0

    @property
    def kappa(self) -> float:
        """Cohen's kappa; 0 when agreement by chance is total."""
        n = len(self.pairs)
        if not n:
            return 0.0
        po = self.accuracy
        labels = {x for p in self.pairs for x in p}
        pe = sum(
            (sum(1 for a, _ in self.pairs if a == lab) / n) * (sum(1 for _, b in self.pairs if b == lab) / n)
            for lab in labels
        )
        return (po - pe) / (1 - pe) if pe < 1 else 0.0


# -- spans -----------------------------------------------------------------------------------


def overlap(a: Iterable[Segment], b: Iterable[Segment]) -> int:
    """Characters shared by two spans, each a sequence of (start, end) segments."""
    bs = list(b)
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in bs)


def match_one_to_one(weights: Iterable[tuple[int | float, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of (weight, gold index, predicted index), largest first."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, g, p in sorted(weights, key=lambda x: (-x[0], x[1], x[2])):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            out.append((g, p))
    return sorted(out)


def match_spans(gold: Sequence[Segment], pred: Sequence[Segment]) -> tuple[PRF, list[tuple[int, int]]]:
    """Overlap matching of single-segment spans, one to one; precision is lenient (a
    prediction is right when it overlaps any gold span)."""
    cands = []
    for i, (gs, ge) in enumerate(gold):
        for j, (ps, pe) in enumerate(pred):
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0:
                cands.append((ov, i, j))
    pairs = match_one_to_one(cands)
    lenient = len({j for _, _, j in cands})
    return PRF(len(gold), len(pred), len(pairs), lenient), pairs


# -- names -----------------------------------------------------------------------------------

_TITLES = frozenset(
    """
    mr mrs ms miss dr prof sen senator rep representative gov governor president pres vice
    secretary sec gen general col lt sgt adm admiral judge justice chief attorney mayor
    speaker leader minister prime chairman chairwoman chair former the a an his her their its
    rev sir lord lady dame king queen prince princess pope u.s. us
    """.split()
)
_PRONOUNS = frozenset("i he she we they it you him her them his their who which that this".split())
_WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")


def name_tokens(name: str | None) -> tuple[str, ...]:
    """Lowercased words of a name without titles, determiners or a possessive 's."""
    if not name:
        return ()
    words = [w.removesuffix("'s").removesuffix("’s") for w in _WORD.findall(name.lower().replace("’", "'"))]
    kept = tuple(w for w in words if w not in _TITLES)
    return kept or tuple(words)


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def same_name(a: str | None, b: str | None) -> bool:
    """Two names or descriptions of one speaker or actor, as a reader would accept.

    The same words without titles; or one's words all within the other's with the same
    last word (a surname, or the head noun of a description: "Trump" and "Donald Trump",
    "officials" and "White House officials"). A bare pronoun names no one.
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if (len(ta) == 1 and ta[0] in _PRONOUNS) or (len(tb) == 1 and tb[0] in _PRONOUNS):
        return False
    sa, sb = tuple(map(_stem, ta)), tuple(map(_stem, tb))
    if sa == sb:
        return True
    if sa[-1] != sb[-1]:
        return False
    return set(sa) <= set(sb) or set(sb) <= set(sa)


def split_speakers(name: str | None) -> list[str]:
    """The people of a joint speaker ("Karen Bass and Gavin Newsom")."""
    if not name:
        return []
    return [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", name) if p.strip()]


def same_speaker(pred: str | None, gold: str, gold_people: Sequence[str] = ()) -> bool:
    """Whether a predicted speaker names the gold speaker; for a joint gold speaker,
    every person must be named, and nobody else."""
    if not pred:
        return False
    if gold_people and len(gold_people) > 1:
        parts = split_speakers(pred)
        return len(parts) == len(gold_people) and all(
            any(same_name(p, g) for p in parts) for g in gold_people
        )
    return same_name(pred, gold)


# -- voices and roles ------------------------------------------------------------------------

#: framing's voices as the corpus names them (page furniture is never scored).
TOOL_VOICE = {
    "narration": "own",
    "headline": "own",
    "quote": "quote",
    "reported": "paraphrase",
    "mention": "mention",
}

#: How far from zero a stance score must be to count as a role, for the "sign of
#: today's stance" baseline of actor roles (fixed before any corpus figure was seen).
STANCE_DEAD_ZONE = 0.1


def loaded_variants(pipeline: Any) -> dict[str, Any]:
    """The pipeline's loaded-language lexicons alone (framing's default), with the shipped
    learned model (``Settings(learned_loaded=True)``), and the model alone, by the names
    the benchmarks print."""
    from framing.analyzers.loaded import LoadedLanguageAnalyzer
    from framing.models.loaded_words import LoadedWordsTagger

    base = next(a for a in pipeline.analyzers if a.name == "loaded")
    model = base.model if base.model is not None else LoadedWordsTagger.load()
    return {
        "framing: lexicon + model (opt-in)": LoadedLanguageAnalyzer(base.lexicons, model),
        "framing: lexicon alone (default)": LoadedLanguageAnalyzer(base.lexicons),
        "framing: model alone": LoadedLanguageAnalyzer((), model),
    }


def role_from_stance(score: float | None) -> str:
    """The role today's stance score implies: negative is a villain, positive a hero."""
    if score is None or abs(score) < STANCE_DEAD_ZONE:
        return "neutral"
    return "villain" if score < 0 else "hero"


# -- claims ------------------------------------------------------------------------------------


def links_from_facts(
    facts: Iterable[tuple[Mapping[str, str], Mapping[str, Sequence[Segment]]]],
    sentences: Mapping[str, Sequence[Segment]],
    status: str = "same",
) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    """Sentence pairs of different articles that state one fact with the given status.

    ``facts`` gives, per fact, each article's status and spans; ``sentences`` each
    article's sentence spans. A sentence states a fact when it overlaps one of the
    fact's spans in that article. Pairs are ordered (smaller article id first).
    """
    out: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for status_of, spans_of in facts:
        holders: dict[str, set[int]] = {}
        for aid, st in status_of.items():
            if st != status and not (status == "related" and st in ("same", "different")):
                continue
            idx = {
                k
                for k, (s, e) in enumerate(sentences.get(aid, ()))
                if any(min(e, fe) > max(s, fs) for fs, fe in spans_of.get(aid, ()))
            }
            if idx:
                holders[aid] = idx
        aids = sorted(holders)
        for x, a in enumerate(aids):
            for b in aids[x + 1 :]:
                for i in holders[a]:
                    for j in holders[b]:
                        out.add(((a, i), (b, j)))
    return out


def sentence_of(spans: Sequence[Segment], start: int, end: int) -> int | None:
    """The index of the sentence span overlapping [start, end) most, if any."""
    best, where = 0, None
    for k, (s, e) in enumerate(spans):
        ov = min(e, end) - max(s, start)
        if ov > best:
            best, where = ov, k
    return where
