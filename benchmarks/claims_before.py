"""The claim matcher framing used before report schema 2.0, kept to be measured beside
the current one (``benchmarks/corpus.py``, section D).

Sentences are matched across articles by TF-IDF cosine similarity (scikit-learn), with
extra weight for the numbers, actors and quotations they share; mutual best matches above
0.3 form a claim, and sentences carrying the same quotation join it. A claim only some
articles carry is an omission by the others. Shared quotations are found by their
characters (one holds the other, or a difflib ratio of 0.8). This is framing's
``framing/align.py`` as it stood, less the figures and headline checks; it is not used by
the package.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from framing.results import ArticleAnalysis

__all__ = ["Sentence", "align", "numbers_in"]

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(percent|%))?(?![\w])")
_WORD_NUMBERS: dict[str, int | None] = {
    "two thousand": 2000,
    "three thousand": 3000,
    "four thousand": 4000,
    "five thousand": 5000,
    "one thousand": 1000,
    "a thousand": 1000,
    "seven hundred": 700,
    "two hundred": 200,
}
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_MONTH_BEFORE = re.compile(
    r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$"
)


@dataclass(frozen=True)
class Sentence:
    article: int
    start: int
    end: int
    text: str
    voice: str
    numbers: frozenset[float]
    actors: frozenset[str]


def numbers_in(text: str) -> list[tuple[float, str]]:
    """Numbers written in digits or common words, with the words after them."""
    out: list[tuple[float, str]] = []
    for m in _NUMBER.finditer(text):
        raw = m.group(1)
        if _YEAR.match(raw) and not m.group(2):
            continue  # years are dates, not figures
        if _MONTH_BEFORE.search(text, 0, m.start()):
            continue  # 'June 7', 'July 11': days of the month
        value = float(raw.replace(",", ""))
        context = " ".join(text[m.end() : m.end() + 40].split()[:3])
        out.append((value, context))
    low = text.lower()
    for words, amount in _WORD_NUMBERS.items():
        if amount is not None and words in low:
            i = low.index(words) + len(words)
            out.append((float(amount), " ".join(text[i : i + 40].split()[:3])))
    return out


def _sentences(index: int, a: ArticleAnalysis) -> list[Sentence]:
    """The article's sentences (furniture left out), with their numbers and actors."""
    actors_at: dict[int, set[str]] = defaultdict(set)
    for f in a.findings:
        if f.actor is not None:
            actors_at[f.start].add(f.actor)
    out: list[Sentence] = []
    for start, end in a.sentences:
        piece = a.text[start:end]
        clean = " ".join(piece.split())
        if len(clean.split()) < 5:
            continue
        voice = a.voice_at(start).voice if a.voices else "narration"
        actors = {aid for s, ids in actors_at.items() if start <= s < end for aid in ids}
        nums = frozenset(n for n, _ in numbers_in(piece))
        out.append(Sentence(index, start, end, clean, voice, nums, frozenset(actors)))
    return out


def _shared_quotes(
    analyses: Sequence[ArticleAnalysis], labels: Sequence[str]
) -> tuple[list[dict[str, Any]], list[list[tuple[int, int]]]]:
    """Quotations that appear in more than one article, and how each frames them; and,
    for each, where it stands (article index and offset of every use)."""
    items = []
    for i, a in enumerate(analyses):
        for q in a.quotes:
            if q.kind not in ("direct", "partial"):
                continue
            words = " ".join(a.text[q.content_start : q.content_end].split()).strip(" ,.")
            if len(words.split()) < 3:
                continue
            sentence_start, sentence_end = next(
                ((s, e) for s, e in a.sentences if s <= q.start < e), (q.start, q.end)
            )
            around = " ".join(
                (
                    a.text[sentence_start : q.start] + " \u2026 " + a.text[q.end : max(q.end, sentence_end)]
                ).split()
            )
            items.append((i, words, q, around))
    # each quotation joins the first group holding the same words from another article;
    # only groups that share a content word are compared, so this stays near linear
    groups: list[list[tuple[int, str, Any, str]]] = []
    by_word: dict[str, list[int]] = defaultdict(list)
    for item in items:
        keys = _quote_keys(item[1])
        candidates = sorted({gi for k in keys for gi in by_word.get(k, ())})
        joined = next(
            (
                gi
                for gi in candidates
                if any(item[0] != other[0] and _same_quote(item[1], other[1]) for other in groups[gi])
            ),
            None,
        )
        if joined is None:
            joined = len(groups)
            groups.append([])
        groups[joined].append(item)
        for k in keys:
            if not by_word[k] or by_word[k][-1] != joined:
                by_word[k].append(joined)
    out = []
    places = []
    for g in groups:
        articles = {i for i, *_ in g}
        if len(articles) < 2:
            continue
        places.append([(i, q.start) for i, _, q, _ in g])
        out.append(
            {
                "quote": max((w for _, w, _, _ in g), key=len),
                "speaker": next((q.speaker for _, _, q, _ in g if q.speaker), None),
                "uses": [
                    {
                        "article": labels[i],
                        "words": w,
                        "kind": q.kind,
                        "speaker": q.speaker,
                        "cue": q.cue,
                        "cue_grade": q.cue_grade,
                        "around": around,
                    }
                    for i, w, q, around in sorted(g, key=lambda x: x[0])
                ],
            }
        )
    return out, places


@functools.lru_cache(maxsize=4096)
def _quote_keys(words: str) -> frozenset[str]:
    """The words two renderings of one quotation are bound to share: its content words,
    or all its words when it has none."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    tokens = frozenset(re.findall(r"[a-z0-9']+", words.lower()))
    return frozenset(t for t in tokens if len(t) > 2 and t not in ENGLISH_STOP_WORDS) or tokens


def _same_quote(a: str, b: str) -> bool:
    """Two renderings of one quotation: one holds the other, or their characters match
    at a ratio of 0.8 or more (difflib), with at least half the content words of the
    shorter one in common (a cheap test first, since long quotations are slow to match
    character by character)."""
    x, y = a.lower(), b.lower()
    if x in y or y in x:
        return min(len(x), len(y)) >= 15
    if 2 * min(len(x), len(y)) < 0.8 * (len(x) + len(y)):
        return False  # the lengths alone rule out a ratio of 0.8
    ka, kb = _quote_keys(a), _quote_keys(b)
    if 2 * len(ka & kb) < min(len(ka), len(kb)):
        return False
    matcher = SequenceMatcher(None, x, y, autojunk=False)
    return matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8


def align(
    analyses: Sequence[ArticleAnalysis],
    labels: Sequence[str],
    *,
    threshold: float = 0.3,
    max_claims: int = 60,
) -> dict[str, Any]:
    """Claims, figures, shared quotations and headline checks across the articles."""
    sentences = [s for i, a in enumerate(analyses) for s in _sentences(i, a)]
    n = len(analyses)
    shared_quotes, quote_places = _shared_quotes(analyses, labels)
    result: dict[str, Any] = {
        "articles": list(labels),
        "claims": [],
        "shared_quotes": shared_quotes,
        "method": "TF-IDF cosine (word 1-2 grams) plus shared numbers, actors and quotations",
    }
    if n < 2 or not sentences:
        return result
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(ngram_range=(1, 2), stop_words="english", sublinear_tf=True).fit_transform(
        [s.text for s in sentences]
    )
    parent = list(range(len(sentences)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # link each sentence to its best match in every other article when the match is
    # mutual and strong enough: mutual best matches keep claims from chaining together
    best_match, best_score = _best_matches(sentences, vectors, n)
    xs, others = np.nonzero((best_match >= 0) & (best_score >= threshold))
    ys = best_match[xs, others]
    own = np.array([s.article for s in sentences], dtype=np.int64)
    mutual = best_match[ys, own[xs]] == xs
    for x, y in zip(xs[mutual].tolist(), ys[mutual].tolist(), strict=True):
        parent[find(x)] = find(y)
    # sentences that carry the same quotation carry the same claim, unless joining them
    # would put two sentences of one article into one claim
    articles_of: dict[int, set[int]] = defaultdict(set)
    for x, s in enumerate(sentences):
        articles_of[find(x)].add(s.article)
    where = {(s.article, s.start): x for x, s in enumerate(sentences)}
    starts: dict[int, list[int]] = defaultdict(list)
    for s in sentences:
        starts[s.article].append(s.start)
    holdings = []
    for uses in quote_places:
        holding = []
        for article, offset in uses:
            k = bisect_right(starts[article], offset) - 1
            if k >= 0:
                x = where[(article, starts[article][k])]
                if offset < sentences[x].end:
                    holding.append(x)
        holdings.append(holding)
        for x, y in itertools.pairwise(holding):
            rx, ry = find(x), find(y)
            if rx != ry and not articles_of[rx] & articles_of[ry]:
                parent[rx] = ry
                articles_of[ry] |= articles_of.pop(rx)
    clusters: dict[int, list[int]] = defaultdict(list)
    for x in range(len(sentences)):
        clusters[find(x)].append(x)
    # where a claim could not take in another article's sentence with the same quotation
    # (that sentence belongs to another claim), the article still carries the claim
    also: dict[int, dict[int, int]] = defaultdict(dict)
    for holding in holdings:
        for x in holding:
            root = find(x)
            for y in holding:
                if sentences[y].article not in articles_of[root]:
                    also[root].setdefault(sentences[y].article, y)
    claims: list[dict[str, Any]] = []
    for root, cluster in clusters.items():
        members = cluster + sorted(also[root].values())
        arts = sorted({sentences[m].article for m in members})
        if len(arts) < 2 and len(sentences[members[0]].text.split()) < 8:
            continue
        carried: dict[str, dict[str, Any]] = {}
        for m in members:
            s = sentences[m]
            carried.setdefault(
                labels[s.article], {"text": s.text, "start": s.start, "end": s.end, "voice": s.voice}
            )
        first = min(members, key=lambda m: (sentences[m].article, sentences[m].start))
        claims.append(
            {
                "text": sentences[first].text,
                "carried_by": [labels[i] for i in arts],
                "missing_from": [labels[i] for i in range(n) if i not in arts],
                "scope": "all" if len(arts) == n else ("one" if len(arts) == 1 else "some"),
                "numbers": sorted({x for m in members for x in sentences[m].numbers}),
                "sentences": carried,
            }
        )
    order = {"all": 0, "some": 1, "one": 2}
    claims.sort(key=lambda c: (order[c["scope"]], -len(c["carried_by"]), c["carried_by"][0], c["text"]))
    result["claims"] = claims[:max_claims]
    result["claims_total"] = len(claims)
    return result


def _best_matches(sentences: Sequence[Sentence], vectors: Any, n_articles: int) -> tuple[Any, Any]:
    """For each sentence and each article, the index of its best-matching sentence there
    and the match's score (-1 and -inf for its own article).

    The score is the TF-IDF cosine plus 0.15 per shared number and 0.05 per shared actor
    (up to two of each), less 0.25 when both sentences give figures and share none. It is computed one article's sentences at a time, so memory
    grows with the number of sentences, not its square; ties go to the later sentence."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.metrics.pairwise import cosine_similarity

    def incidence(sets: Sequence[frozenset[Any]]) -> Any:
        ids: dict[Any, int] = {}
        rows = [r for r, items in enumerate(sets) for _ in items]
        cols = [ids.setdefault(item, len(ids)) for items in sets for item in items]
        return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sets), max(1, len(ids))))

    numbers = incidence([s.numbers for s in sentences])
    has_number = np.array([bool(s.numbers) for s in sentences])
    actors = incidence([s.actors for s in sentences])
    articles = np.array([s.article for s in sentences])
    bounds = np.searchsorted(articles, np.arange(n_articles + 1))
    total = len(sentences)
    best_match = np.full((total, n_articles), -1, dtype=np.int64)
    best_score = np.full((total, n_articles), -np.inf)
    for i in range(n_articles):
        lo, hi = bounds[i], bounds[i + 1]
        if lo == hi:
            continue
        score = cosine_similarity(vectors[lo:hi], vectors)
        shared = (numbers[lo:hi] @ numbers.T).toarray()
        score += 0.15 * np.minimum(2, shared)
        # two sentences that both give figures but none in common tell different facts
        score -= 0.25 * ((shared == 0) & has_number[lo:hi, None] & has_number[None, :])
        score += 0.05 * np.minimum(2, (actors[lo:hi] @ actors.T).toarray())
        for j in range(n_articles):
            a, b = bounds[j], bounds[j + 1]
            if j == i or a == b:
                continue
            block = score[:, a:b][:, ::-1]
            pick = block.argmax(axis=1)
            best_match[lo:hi, j] = b - 1 - pick
            best_score[lo:hi, j] = block[np.arange(hi - lo), pick]
    return best_match, best_score
