"""Distinctive terms: the words each group of articles uses more than the others.

The weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and
Quinn 2008, "Fightin' Words"). For each group and term, the log-odds of the term in the
group is compared with its log-odds in all the other groups together, each smoothed by
a prior proportional to the term's frequency in the whole corpus; dividing by the
estimated standard deviation gives a z-score, so rare terms are not overstated. Works
for any number of groups (each against the rest).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["DistinctiveTerm", "count_terms", "distinctive_terms"]

_WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|[^\W\d_]")


@dataclass(frozen=True, slots=True)
class DistinctiveTerm:
    term: str
    z: float  # positive: more typical of the group than of the rest
    delta: float  # the log-odds ratio itself
    count: int  # times the group uses the term
    others: int  # times the other groups use it


def count_terms(texts: Iterable[str], stop_words: frozenset[str] = frozenset()) -> Counter[str]:
    """Lowercase word counts, without stop words and one-letter words."""
    counts: Counter[str] = Counter()
    for text in texts:
        for m in _WORD.finditer(text):
            w = m.group().lower().strip("'")
            if len(w) > 1 and w not in stop_words:
                counts[w] += 1
    return counts


def distinctive_terms(
    groups: Mapping[str, Counter[str]],
    *,
    prior_scale: float = 0.5,
    min_count: int = 2,
    top: int = 15,
    min_z: float = 1.96,
) -> dict[str, list[DistinctiveTerm]]:
    """For each group, its most distinctive terms against all the other groups.

    ``prior_scale`` multiplies the corpus counts used as the Dirichlet prior (1.0: the
    prior is as strong as the corpus itself; the default, 0.5, half as strong, because
    here the prior comes from the same articles rather than a larger background corpus). Terms used fewer than ``min_count`` times
    in the whole corpus are ignored; only terms with z above ``min_z`` are returned,
    ``top`` at most per group, highest z first.
    """
    corpus: Counter[str] = Counter()
    for counts in groups.values():
        corpus.update(counts)
    vocab = [w for w, n in corpus.items() if n >= min_count]
    alpha = {w: corpus[w] * prior_scale for w in vocab}
    alpha0 = sum(alpha.values())
    total = sum(corpus[w] for w in vocab)
    out: dict[str, list[DistinctiveTerm]] = {}
    for name, counts in groups.items():
        n_i = sum(counts[w] for w in vocab)
        n_j = total - n_i
        terms: list[DistinctiveTerm] = []
        if n_i == 0 or n_j == 0:
            out[name] = terms
            continue
        for w in vocab:
            y_i = counts.get(w, 0)
            y_j = corpus[w] - y_i
            a = alpha[w]
            rest_i = n_i + alpha0 - y_i - a
            rest_j = n_j + alpha0 - y_j - a
            if rest_i <= 0 or rest_j <= 0:
                continue  # the term is all there is: no odds to compare
            delta = math.log((y_i + a) / rest_i) - math.log((y_j + a) / rest_j)
            var = 1.0 / (y_i + a) + 1.0 / (y_j + a)
            z = delta / math.sqrt(var)
            if z > min_z and y_i > 0:
                terms.append(DistinctiveTerm(w, z, delta, y_i, y_j))
        terms.sort(key=lambda t: (-t.z, t.term))
        out[name] = terms[:top]
    return out
