"""Candidate sentence pairs across articles, and what the matcher knows about each.

Only pairs that share some content (a TF-IDF cosine of their word stems of at least
:data:`FLOOR`, or a shared quotation) are candidates, so the work grows with the pairs
that could match, not with the square of the sentences. For each candidate the
features of :data:`FEATURES` are computed; the claim-pair model
(:mod:`framing.models.claim_pairs`) turns them into the probability that the two
sentences state the same claim.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .figures import same_figure
from .units import Unit

__all__ = ["FEATURES", "FLOOR", "Pair", "candidate_pairs"]

#: The lowest stem cosine at which two sentences are compared at all.
FLOOR = 0.08

#: The features of a pair, in the order the model reads them.
FEATURES = (
    "cosine",  # TF-IDF cosine of word unigrams and bigrams (stop words left out)
    "stem_cosine",  # TF-IDF cosine of content-word stems
    "shared",  # log(1 + the number of content-word stems the two share)
    "names",  # capitalised words in common (up to 3)
    "actors",  # actors in common (up to 3)
    "figures",  # the same figure in both (up to 2)
    "other_numbers",  # both give numbers, none in common
    "events",  # kinds of event in common (up to 2)
    "speakers",  # a speaker in common
    "quotation",  # both hold one shared quotation
    "best_here",  # the other sentence is this one's best match in its article
    "best_there",  # this sentence is the other's best match in this article
    "rank",  # log(1 + rank of the other among this one's candidates there), and back, averaged
    "short",  # log of the shorter sentence's words
)


@dataclass(frozen=True, slots=True)
class Pair:
    """Two sentences of two articles (``a`` from the earlier article) and their features."""

    a: int  # index into the comparison's units
    b: int
    features: tuple[float, ...]

    def feature(self, name: str) -> float:
        return self.features[FEATURES.index(name)]


def _vectors(units: Sequence[Unit]) -> tuple[Any, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = TfidfVectorizer(ngram_range=(1, 2), stop_words="english", sublinear_tf=True)
    stems = TfidfVectorizer(analyzer=sorted, sublinear_tf=True)
    return words.fit_transform([u.text for u in units]), stems.fit_transform([u.stems for u in units])


def candidate_pairs(
    units: Sequence[Unit], quotation_at: Mapping[int, frozenset[int]] | None = None
) -> list[Pair]:
    """Every pair of sentences of different articles that could state the same claim,
    with its features. ``quotation_at`` gives, for a unit, the shared quotations it
    holds (ids)."""
    if len(units) < 2 or len({u.article for u in units}) < 2:
        return []
    import numpy as np

    quotation_at = quotation_at or {}
    w, s = _vectors(units)
    sim = (s @ s.T).tocoo()
    article = np.array([u.article for u in units])
    keep = (sim.row < sim.col) & (article[sim.row] != article[sim.col]) & (sim.data >= FLOOR)
    found: dict[tuple[int, int], float] = {
        (int(i), int(j)): float(v)
        for i, j, v in zip(sim.row[keep], sim.col[keep], sim.data[keep], strict=True)
    }
    # sentences holding one shared quotation are candidates whatever their words
    holders: dict[int, list[int]] = defaultdict(list)
    for k, ids in quotation_at.items():
        for q in ids:
            holders[q].append(k)
    for ks in holders.values():
        for x in ks:
            for y in ks:
                if x < y and units[x].article != units[y].article:
                    found.setdefault((x, y), 0.0)
    if not found:
        return []
    keys = sorted(found)
    rows = np.array([k[0] for k in keys])
    cols = np.array([k[1] for k in keys])
    cosine = np.asarray(w[rows].multiply(w[cols]).sum(axis=1)).ravel()
    # ranks among each sentence's candidates in the other article
    by_side: dict[tuple[int, int], list[tuple[float, int]]] = defaultdict(list)
    for x, y in keys:
        by_side[(x, units[y].article)].append((found[(x, y)], y))
        by_side[(y, units[x].article)].append((found[(x, y)], x))
    rank: dict[tuple[int, int], int] = {}
    for (x, _), items in by_side.items():
        for r, (_, y) in enumerate(sorted(items, key=lambda t: (-t[0], t[1]))):
            rank[(x, y)] = r
    out = []
    for n, (x, y) in enumerate(keys):
        u, v = units[x], units[y]
        shared = u.stems & v.stems
        both_numbers = bool(u.figures) and bool(v.figures)
        same_figures = sum(1 for f in u.figures for g in v.figures if same_figure(f, g))
        r_here, r_there = rank[(x, y)], rank[(y, x)]
        out.append(
            Pair(
                x,
                y,
                (
                    float(cosine[n]),
                    found[(x, y)],
                    math.log1p(len(shared)),
                    float(min(3, len(u.names & v.names))),
                    float(min(3, len(u.actors & v.actors))),
                    float(min(2, same_figures)),
                    float(both_numbers and not (u.numbers & v.numbers)),
                    float(min(2, len(u.event_kinds & v.event_kinds))),
                    float(bool(u.speakers & v.speakers)),
                    float(bool(quotation_at.get(x, frozenset()) & quotation_at.get(y, frozenset()))),
                    float(r_here == 0),
                    float(r_there == 0),
                    (math.log1p(r_here) + math.log1p(r_there)) / 2,
                    math.log(max(1, min(u.words, v.words))),
                ),
            )
        )
    return out
