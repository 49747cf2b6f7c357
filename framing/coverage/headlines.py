"""Each headline against its own article: loaded words, numbers and content words the
headline has and the body does not."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..results import ArticleAnalysis
from .figures import numbers_in
from .units import _stop_words
from .view import HeadlineCheck

__all__ = ["check_headlines"]

#: Below this share of its content words in the body, a headline is not carried.
CARRIED = 0.5


def _content_words(text: str) -> set[str]:
    stop = _stop_words()
    return {w.strip("'") for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if len(w) > 2 and w not in stop}


def check_headlines(analyses: Sequence[ArticleAnalysis], labels: Sequence[str]) -> list[HeadlineCheck]:
    """One check per article that has a headline. ``coverage`` is the share of the
    headline's content words (not stop words) that the body uses; below one half, the
    body is said not to carry the headline."""
    out = []
    for label, a in zip(labels, analyses, strict=True):
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
        head_numbers = {n for n, _, _ in numbers_in(head_text)}
        body_numbers = {n for n, _, _ in numbers_in(body_text)}
        head_words = _content_words(head_text)
        body_words = _content_words(body_text)
        covered = [w for w in head_words if w in body_words]
        support = len(covered) / len(head_words) if head_words else None
        out.append(
            HeadlineCheck(
                article=label,
                headline=" ".join(head_text.split()),
                loaded_only_in_headline=tuple(sorted({f.text for f in in_head if f.term not in body_terms})),
                numbers_only_in_headline=tuple(sorted(head_numbers - body_numbers)),
                headline_words=tuple(sorted(head_words)),
                headline_words_in_body=len(covered),
                coverage=support,
                body_carries_headline=support is None or support >= CARRIED,
            )
        )
    return out
