"""Time vaderSentiment against framing's port of it, on news sentences.

Reads the first 500 articles of ``../shared/data/article_bias/train_sample6000.jsonl``
(field ``content_original``), splits them into sentences with a simple regular
expression, and times three scorers over every sentence:

* ``vaderSentiment``'s ``SentimentIntensityAnalyzer().polarity_scores``,
* ``framing.vader.Vader().compound``,
* ``framing.vader.Vader().polarity_scores``.

It prints sentences per second and the speed-up over vaderSentiment, and asserts nothing
(``tests/test_vader.py`` checks that the results are equal). Run it from the repository:

    .venv/bin/python benchmarks/vader_speed.py
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "article_bias" / "train_sample6000.jsonl"
ARTICLES = 500
ROUNDS = 5
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def load_sentences(path: Path, articles: int = ARTICLES) -> list[str]:
    """Return the non-blank sentences of the first ``articles`` articles in ``path``."""
    sentences: list[str] = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= articles:
                break
            content = json.loads(line).get("content_original") or ""
            sentences.extend(s for s in SENTENCE_END.split(content) if s.strip())
    return sentences


def best_times(
    scorers: list[Callable[[str], Any]], sentences: list[str], rounds: int = ROUNDS
) -> list[float]:
    """Return each scorer's fastest pass over all ``sentences``, in seconds.

    The scorers take turns, round after round, so that a busy machine slows them alike.
    """
    best = [float("inf")] * len(scorers)
    for _ in range(rounds):
        for k, score in enumerate(scorers):
            start = time.perf_counter()
            for s in sentences:
                score(s)
            best[k] = min(best[k], time.perf_counter() - start)
    return best


def main() -> int:
    """Run the benchmark and print the table."""
    if not DATA.is_file():
        print(f"skipped: the benchmark corpus is not here ({DATA})")
        return 0
    sys.path.insert(0, str(REPO))
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.vader import Vader

    sentences = load_sentences(DATA)
    reference = SentimentIntensityAnalyzer()
    port = Vader()
    scorers: list[tuple[str, Callable[[str], Any]]] = [
        ("vaderSentiment polarity_scores", reference.polarity_scores),
        ("Vader().compound", port.compound),
        ("Vader().polarity_scores", port.polarity_scores),
    ]
    print(f"{len(sentences)} sentences from the first {ARTICLES} articles of {DATA.name}, best of {ROUNDS}")
    print(f"{'scorer':<32} {'sentences/s':>12} {'speed-up':>9}")
    baseline = 0.0
    for (name, _), seconds in zip(scorers, best_times([f for _, f in scorers], sentences), strict=True):
        rate = len(sentences) / seconds
        baseline = baseline or rate
        print(f"{name:<32} {rate:>12,.0f} {rate / baseline:>8.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
