"""Train the claim-pair model on the train split of framing's news corpus.

    python tools/train_claim_pairs.py            # cross-validate, train, write the model
    python tools/train_claim_pairs.py --dry-run  # cross-validate and print only

Reads the 17 train clusters of ``corpus/`` (texts from ``../shared/data/article_bias``),
analyses their articles with framing's default pipeline, and builds every candidate
sentence pair exactly as the comparison does (:mod:`framing.coverage`). A pair is
positive when some annotated fact has status ``same`` in both articles with spans in
both sentences, or both sentences hold one annotated shared quotation (quoted or
paraphrased) in both articles.

Settings are chosen by five-fold cross-validation over whole clusters of the train
split, from the out-of-fold probabilities and the claims the comparison builds with them:
``C`` by log loss; ``same`` as the lowest probability at which the claims' sentence links
reach a precision of 0.70 (a link is right when a fact or a quotation of the annotation
is in both sentences); ``worksheet`` the lowest at 0.80, or the highest tried where none
does; ``left_out`` the highest at which "left out" is right (the annotation says
``absent``) 60% of the time or more; ``related`` the lowest at which the similar
sentences shown as "may state it" do state the claim a third of the time. The dev and
test splits are not read.

The output, ``framing/models/claim-pairs-<version>.json``, is byte-for-byte reproducible;
update ``DEFAULT_MODEL_SHA256`` in ``framing/models/claim_pairs.py`` with the digest this
prints.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "article_bias"
FOLDS = 5
CS = (0.03, 0.1, 0.3, 1.0, 3.0)
GRID = tuple(round(0.05 * k, 2) for k in range(2, 19))
LEFT_OUT_GRID = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
#: What the thresholds are chosen for (out-of-fold, on the train split).
SAME_PRECISION = 0.70
WORKSHEET_PRECISION = 0.80
LEFT_OUT_PRECISION = 0.60
MAYBE_PRECISION = 1 / 3


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(min(e, fe) > max(s, fs) for fs, fe in spans)


class Cluster:
    """One annotated cluster, with everything the comparison computes for it."""

    def __init__(self, annotation: Any, analyses: Sequence[Any]):
        from framing.coverage import _quotation_at, readers_for
        from framing.coverage.dates import article_range
        from framing.coverage.pairs import candidate_pairs
        from framing.coverage.quotations import shared_quotations
        from framing.coverage.units import read_units

        self.annotation = annotation
        self.ids = list(annotation.articles)
        self.analyses = list(analyses)
        self.readers = readers_for()
        self.dates = [article_range(a.article.date, a.text) for a in analyses]
        self.units = [
            u for i, a in enumerate(analyses) for u in read_units(i, a, self.readers, self.dates[i])
        ]
        quotations = shared_quotations(analyses, self.ids)
        self.pairs = candidate_pairs(self.units, _quotation_at(self.units, self.ids, quotations))
        self.facts = self._holders(annotation.facts, "same")
        self.quotes = {
            q.id: {
                k
                for k, u in enumerate(self.units)
                if self.ids[u.article] in q.spans
                and q.status.get(self.ids[u.article]) not in (None, "absent")
                and _overlaps(u.start, u.end, [q.spans[self.ids[u.article]]])
            }
            for q in annotation.quotes
        }
        self.labels = [self.same(p.a, p.b) for p in self.pairs]

    def _holders(self, facts: Any, status: str) -> dict[str, set[int]]:
        return {
            f.id: {
                k
                for k, u in enumerate(self.units)
                if f.status.get(self.ids[u.article]) == status
                and _overlaps(u.start, u.end, f.spans.get(self.ids[u.article], ()))
            }
            for f in facts
        }

    def same(self, x: int, y: int) -> bool:
        return any(x in h and y in h for h in self.facts.values()) or any(
            x in h and y in h for h in self.quotes.values()
        )

    def status(self, fact: Any, k: int) -> str | None:
        return fact.status.get(self.ids[k])


def load_clusters(split: str) -> list[Cluster]:
    import framing
    from framing.corpus import load_corpus

    corpus = load_corpus(REPO / "corpus", DATA)
    pipeline = framing.Pipeline()
    out = []
    for annotation in corpus.clusters_in(split):
        analyses = []
        for aid in annotation.articles:
            a = corpus.article(aid)
            analyses.append(
                pipeline.analyze(
                    framing.Article(a.text, id=a.id, outlet=a.outlet, title=a.title, date=a.date)
                )
            )
        out.append(Cluster(annotation, analyses))
    return out


def fit(clusters: Sequence[Cluster], C: float) -> Any:
    from framing.coverage.pairs import FEATURES
    from framing.models.claim_pairs import ClaimPairModel

    X = [p.features for c in clusters for p in c.pairs]
    y = [int(label) for c in clusters for label in c.labels]
    return ClaimPairModel(C=C).fit(X, y, FEATURES)


def out_of_fold(clusters: Sequence[Cluster], C: float) -> list[list[float]]:
    folds = [list(range(k, len(clusters), FOLDS)) for k in range(FOLDS)]
    out: list[list[float]] = [[] for _ in clusters]
    for fold in folds:
        model = fit([c for n, c in enumerate(clusters) if n not in fold], C)
        for n in fold:
            out[n] = model.probabilities([p.features for p in clusters[n].pairs])
    return out


def log_loss(clusters: Sequence[Cluster], probabilities: Sequence[Sequence[float]]) -> float:
    import math

    total = n = 0.0
    for c, probs in zip(clusters, probabilities, strict=True):
        for label, p in zip(c.labels, probs, strict=True):
            p = min(max(p, 1e-9), 1 - 1e-9)
            total -= math.log(p if label else 1 - p)
            n += 1
    return total / max(1, n)


def judge(
    clusters: Sequence[Cluster],
    probabilities: Sequence[Sequence[float]],
    same: float,
    related: float,
    left_out: float,
) -> Counter[str]:
    """The comparison's claims at these thresholds, judged against the annotation: the
    sentence links inside claims (and the annotated facts they find), the "may carry
    it" statuses, and the "left out" ones."""
    from framing.coverage import _claims
    from framing.coverage.claims import score_links

    tally: Counter[str] = Counter()
    for c, probs in zip(clusters, probabilities, strict=True):
        links = score_links(c.units, c.pairs, probs, c.readers.events, c.readers.figures, left_out)
        linked: set[tuple[int, int]] = set()
        for claim in _claims(c.units, links, c.ids, c.dates, same, related, c.readers.events.states):
            ks = [_unit_at(c, a.start) for a in claim.articles if a.status == "carries"]
            for x, y in itertools.combinations(ks, 2):
                tally["links"] += 1
                tally["right"] += c.same(x, y)
                linked |= {(x, y), (y, x)}
            touched = [f for f in c.annotation.facts if any(k in c.facts[f.id] for k in ks)]
            for n, a in enumerate(claim.articles):
                if a.status == "maybe" and ks:
                    tally["maybe"] += 1
                    tally["maybe_right"] += any(c.same(k, _unit_at(c, a.start)) for k in ks)
                elif a.status in ("left_out", "not_yet") and touched:
                    gold = {c.status(f, n) for f in touched}
                    tally[a.status] += 1
                    tally[a.status + "_right"] += ("absent" if a.status == "left_out" else "not_yet") in gold
        for f in c.annotation.facts:
            stating = sorted({c.units[k].article for k in c.facts[f.id]})
            for a, b in itertools.combinations(stating, 2):
                tally["facts"] += 1
                tally["found"] += any(
                    (x, y) in linked
                    for x in c.facts[f.id]
                    if c.units[x].article == a
                    for y in c.facts[f.id]
                    if c.units[y].article == b
                )
    return tally


def _unit_at(c: Cluster, start: int | None) -> int:
    return next(k for k, u in enumerate(c.units) if u.start == start)


def lowest(grid: Sequence[float], ok: Any) -> float:
    return next((t for t in grid if ok(t)), grid[-1])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="cross-validate and print, write nothing")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"article_bias not found at {DATA}; the corpus texts are read from there.")
        return 1
    from framing.models.claim_pairs import MODEL_VERSION, default_model_path

    clusters = load_clusters("train")
    print(
        f"{len(clusters)} train clusters, {sum(len(c.pairs) for c in clusters)} candidate pairs, "
        f"{sum(sum(c.labels) for c in clusters)} positive"
    )
    losses = {C: (log_loss(clusters, oof := out_of_fold(clusters, C)), oof) for C in CS}
    print("| C | out-of-fold log loss |\n|---:|---:|")
    for C, (loss, _) in losses.items():
        print(f"| {C} | {loss:.4f} |")
    C = min(losses, key=lambda c: (losses[c][0], c))
    oof = losses[C][1]
    print(f"\nC = {C}\n\n| same | links | precision | recall (fact, article pair) |\n|---:|---:|---:|---:|")
    precision = {}
    for t in GRID:
        tally = judge(clusters, oof, t, t, t)
        precision[t] = tally["right"] / tally["links"] if tally["links"] else 0.0
        recall = tally["found"] / tally["facts"] if tally["facts"] else 0.0
        print(f"| {t:.2f} | {tally['links']} | {precision[t]:.3f} | {recall:.3f} |")
    same = lowest(GRID, lambda t: precision[t] >= SAME_PRECISION)
    worksheet = lowest([t for t in GRID if t >= same], lambda t: precision[t] >= WORKSHEET_PRECISION)
    print(
        f"\nsame = {same}, worksheet = {worksheet}\n\n"
        "| left out below | left out | right | not yet | right |\n|---:|---:|---:|---:|---:|"
    )
    left = {}
    for r in LEFT_OUT_GRID:
        tally = judge(clusters, oof, same, same, r)
        left[r] = tally["left_out_right"] / tally["left_out"] if tally["left_out"] else 0.0
        print(
            f"| {r:.2f} | {tally['left_out']} | {left[r]:.3f} | {tally['not_yet']} | "
            f"{tally['not_yet_right'] / max(1, tally['not_yet']):.3f} |"
        )
    left_out = max((r for r in LEFT_OUT_GRID if left[r] >= LEFT_OUT_PRECISION), default=LEFT_OUT_GRID[0])
    print(f"\nleft_out = {left_out}\n\n| related | may carry it | they state it |\n|---:|---:|---:|")
    maybe = {}
    for r in (t for t in GRID if left_out <= t <= same):
        tally = judge(clusters, oof, same, r, left_out)
        maybe[r] = tally["maybe_right"] / tally["maybe"] if tally["maybe"] else 1.0
        print(f"| {r:.2f} | {tally['maybe']} | {maybe[r]:.3f} |")
    related = lowest(sorted(maybe), lambda r: maybe[r] >= MAYBE_PRECISION)
    print(f"\nrelated = {related}")
    model = fit(clusters, C)
    model.thresholds_ = {"same": same, "related": related, "left_out": left_out, "worksheet": worksheet}
    model.metadata_ = {
        "trained_on": "framing news corpus, train split (17 clusters)",
        "pairs": sum(len(c.pairs) for c in clusters),
        "positive": sum(sum(c.labels) for c in clusters),
        "cross_validation": {
            "folds": FOLDS,
            "C": C,
            "link_precision_at_same": round(precision[same], 4),
            "link_precision_at_worksheet": round(precision[worksheet], 4),
            "left_out_precision_at_left_out": round(left[left_out], 4),
            "maybe_right_at_related": round(maybe[related], 4),
        },
    }
    if args.dry_run:
        return 0
    path = default_model_path()
    model.save(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    print(f"\nwrote {path.relative_to(REPO)} (model {MODEL_VERSION}); sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
