"""Same-event comparison: what each article reports, what others leave out.

Sentences are matched across articles by TF-IDF cosine similarity (scikit-learn), with
extra weight for the numbers, actors and quotations they share; matched sentences form
a claim. A claim every article carries is common ground; a claim only some carry is an
omission by the others. Figures are compared on their own ("1,350 withdrawn", "118
arrests"), as are quotations used by several outlets (with the verb and words each puts
around them), and each headline is checked against its own body.

Everything here reads finished analyses and returns plain data for the view model.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from .results import ArticleAnalysis

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
        if f.analyzer == "actors":
            actors_at[f.start].add(f.category)
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


def _shared_quotes(analyses: Sequence[ArticleAnalysis], labels: Sequence[str]) -> list[dict[str, Any]]:
    """Quotations that appear in more than one article, and how each frames them."""
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
    groups: list[list[tuple[int, str, Any, str]]] = []
    for item in items:
        for g in groups:
            if any(item[0] != other[0] and _same_quote(item[1], other[1]) for other in g):
                g.append(item)
                break
        else:
            groups.append([item])
    out = []
    for g in groups:
        articles = {i for i, *_ in g}
        if len(articles) < 2:
            continue
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
    return out


def _same_quote(a: str, b: str) -> bool:
    x, y = a.lower(), b.lower()
    if x in y or y in x:
        return min(len(x), len(y)) >= 15
    return SequenceMatcher(None, x, y, autojunk=False).ratio() >= 0.8


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
    result: dict[str, Any] = {
        "articles": list(labels),
        "claims": [],
        "figures": [],
        "shared_quotes": _shared_quotes(analyses, labels),
        "headlines": [],
        "method": "TF-IDF cosine (word 1-2 grams) plus shared numbers, actors and quotations",
    }
    if n < 2 or not sentences:
        result["headlines"] = _headlines(analyses, labels, sentences, None)
        return result
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    vectors = TfidfVectorizer(ngram_range=(1, 2), stop_words="english", sublinear_tf=True).fit_transform(
        [s.text for s in sentences]
    )
    sim = cosine_similarity(vectors)
    parent = list(range(len(sentences)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def score(x: int, y: int) -> float:
        shared_numbers = sentences[x].numbers & sentences[y].numbers
        shared_actors = sentences[x].actors & sentences[y].actors
        return float(sim[x, y]) + 0.15 * min(2, len(shared_numbers)) + 0.05 * min(2, len(shared_actors))

    # link each sentence to its best match in every other article when the match is
    # mutual and strong enough: mutual best matches keep claims from chaining together
    by_article: dict[int, list[int]] = defaultdict(list)
    for x, s in enumerate(sentences):
        by_article[s.article].append(x)
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for x, s in enumerate(sentences):
        for other, members in by_article.items():
            if other == s.article:
                continue
            scored = max((score(x, y), y) for y in members)
            best[(x, other)] = scored
    for (x, _other), (value, y) in best.items():
        if value >= threshold and best.get((y, sentences[x].article), (0.0, -1))[1] == x:
            parent[find(x)] = find(y)
    clusters: dict[int, list[int]] = defaultdict(list)
    for x in range(len(sentences)):
        clusters[find(x)].append(x)
    claims: list[dict[str, Any]] = []
    for members in clusters.values():
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
    result["figures"] = _figures(analyses, labels, sentences)
    result["headlines"] = _headlines(analyses, labels, sentences, (vectors, sim))
    return result


def _figures(
    analyses: Sequence[ArticleAnalysis], labels: Sequence[str], sentences: Sequence[Sentence]
) -> list[dict[str, Any]]:
    """Each number the articles give, and which articles give it."""
    seen: dict[float, dict[str, Any]] = {}
    for s in sentences:
        for value, context in numbers_in(s.text):
            row = seen.setdefault(value, {"value": value, "articles": {}})
            row["articles"].setdefault(labels[s.article], context)
    rows = sorted(seen.values(), key=lambda r: (-len(r["articles"]), -r["value"]))
    for r in rows:
        r["missing_from"] = [label for label in labels if label not in r["articles"]]
    return rows


def _content_words(text: str) -> set[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return {
        w.strip("'")
        for w in re.findall(r"[a-z][a-z'-]+", text.lower())
        if len(w) > 2 and w not in ENGLISH_STOP_WORDS
    }


def _headlines(
    analyses: Sequence[ArticleAnalysis], labels: Sequence[str], sentences: Sequence[Sentence], tfidf: Any
) -> list[dict[str, Any]]:
    """Loaded words, numbers and content words in a headline that its body does not carry.

    ``coverage`` is the share of the headline's content words (not stop words) that the
    body uses; below one half, the body is said not to carry the headline."""
    out = []
    for i, a in enumerate(analyses):
        heads = [v for v in a.voices if v.voice == "headline"]
        if not heads:
            continue
        head_text = " ".join(a.text[v.start : v.end] for v in heads)
        in_head = [
            f for f in a.findings if f.analyzer == "loaded" and any(v.start <= f.start < v.end for v in heads)
        ]
        body_terms = {f.term for f in a.findings if f.analyzer == "loaded" and f.voice != "headline"}
        body_text = " ".join(
            a.text[v.start : v.end] for v in a.voices if v.voice not in ("headline", "furniture")
        )
        head_numbers = {n for n, _ in numbers_in(head_text)}
        body_numbers = {n for n, _ in numbers_in(body_text)}
        head_words = _content_words(head_text)
        body_words = _content_words(body_text)
        covered = [w for w in head_words if w in body_words]
        support = len(covered) / len(head_words) if head_words else None
        out.append(
            {
                "article": labels[i],
                "headline": " ".join(head_text.split()),
                "loaded_only_in_headline": sorted({f.text for f in in_head if f.term not in body_terms}),
                "numbers_only_in_headline": sorted(head_numbers - body_numbers),
                "headline_words": sorted(head_words),
                "headline_words_in_body": len(covered),
                "coverage": support,
                "body_carries_headline": support is None or support >= 0.5,
            }
        )
    return out
