"""Train the resolver's ranking model (framing/models/resolver-<version>.json.gz).

Reads the framing news corpus, train split only (``corpus/`` with its texts rebuilt from
``../shared/data/article_bias``): every gold attribution whose source is a pronoun or a
title or role ("he", "the governor", "the agency") gives one ranking example, whose
candidates are those :class:`framing.text.people.People` offers there, right where the
candidate names the gold speaker (``benchmarks/corpus_scoring.same_speaker``). A
logistic regression learns the candidates' scores; C, the threshold and the margin are
chosen by 5-fold cross-validation grouped by article, on the share of these mentions
resolved to the right speaker. The output is byte-for-byte reproducible:

    python tools/train_resolver.py            # writes the model and prints its scores
    python tools/train_resolver.py --dry-run  # scores only
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus_scoring import same_speaker  # noqa: E402

import framing  # noqa: E402
from framing.corpus import load_corpus  # noqa: E402
from framing.models.resolver import ResolverModel, default_model_path  # noqa: E402
from framing.text.attribution.cues import find_cues  # noqa: E402
from framing.text.people import FEATURES  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "article_bias"
C_GRID = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6)
MARGINS = (0.0, 0.05, 0.1, 0.2)

#: One ranking example: article id, candidates' features, which candidates are right.
Example = tuple[str, list[list[float]], list[bool]]


def examples(split: str = "train") -> list[Example]:
    corpus = load_corpus(ROOT / "corpus", DATA)
    pipeline = framing.Pipeline()
    seg = pipeline.segmenter
    out: list[Example] = []
    for a in corpus.articles(split):
        doc = pipeline.segment(framing.Article(a.text, id=a.id, title=a.title))
        cues = find_cues(doc.text, doc.sentences, doc.units, seg._cues)
        trace: list[Any] = []
        people = seg.people(
            doc.text,
            doc.sentences,
            doc.paragraphs,
            doc.quotes,
            doc.units,
            cues[0],
            doc.names,
            trace=trace,
            cue_nouns=[c.start for c in cues[1]],
        )
        at = {start: (kind, cands) for start, kind, _, cands in trace}
        for g in corpus.annotations[a.id].attributions:
            if len(g.source) != 1 or g.speaker.strip() == "?":
                continue
            start = doc.norm.from_original(g.source[0][0])
            if start not in at:
                continue
            _, cands = at[start]
            if not cands:
                continue
            right = [
                same_speaker(" and ".join(people.entity(i).name for i in key), g.speaker, g.speakers)
                for key, _ in cands
            ]
            out.append((a.id, [f for _, f in cands], right))
    return out


def fit(train: list[Example], c: float) -> list[float]:
    from sklearn.linear_model import LogisticRegression

    xs = [f for _, fs, _ in train for f in fs]
    ys = [int(r) for _, _, rs in train for r in rs]
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=2000)
    model.fit(xs, ys)
    return [float(w) for w in model.coef_[0]]


def accuracy(model: ResolverModel, test: list[Example]) -> tuple[int, int]:
    """Mentions resolved to a right candidate, of those with one."""
    right = total = 0
    for _, fs, rs in test:
        if not any(rs):
            continue
        total += 1
        scored = sorted(((model(f), k) for k, f in enumerate(fs)), reverse=True)
        second = scored[1][0] if len(scored) > 1 else 0.0
        if model.accepts(scored[0][0], second) and rs[scored[0][1]]:
            right += 1
    return right, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    data = examples("train")
    articles = sorted({a for a, _, _ in data})
    folds = [articles[k::5] for k in range(5)]
    print(f"{len(data)} mentions with candidates ({sum(any(r) for _, _, r in data)} with a right one)")
    best: tuple[float, float, float, float] | None = None
    for c in C_GRID:
        for threshold in THRESHOLDS:
            for margin in MARGINS:
                right = total = 0
                for fold in folds:
                    held = set(fold)
                    coef = fit([x for x in data if x[0] not in held], c)
                    model = ResolverModel(FEATURES, coef, threshold, margin)
                    r, t = accuracy(model, [x for x in data if x[0] in held])
                    right, total = right + r, total + t
                score = right / total
                if best is None or score > best[0] + 1e-9:
                    best = (score, c, threshold, margin)
    assert best is not None
    score, c, threshold, margin = best
    print(f"cross-validated: {score:.3f} right (C={c}, threshold={threshold}, margin={margin})")
    coef = fit(data, c)
    model = ResolverModel(
        FEATURES,
        [round(w, 6) for w in coef],
        threshold,
        margin,
        {
            "trained_on": "framing news corpus 1.0, train split",
            "examples": len(data),
            "cv": {"folds": 5, "grouped_by": "article", "right": round(score, 4), "C": c},
        },
    )
    train_right, train_total = accuracy(model, data)
    print(f"on train: {train_right} of {train_total}")
    for name, w in zip(FEATURES, model.coef, strict=True):
        print(f"  {name:22s} {w:+.3f}")
    if not args.dry_run:
        path = model.save(default_model_path())
        print(f"wrote {path} (sha256 {hashlib.sha256(path.read_bytes()).hexdigest()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
