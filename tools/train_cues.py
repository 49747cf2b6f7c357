"""Train the speech-cue model (framing/models/speech-cues-<version>.json.gz).

Reads the framing news corpus, train split only (``corpus/`` with its texts rebuilt from
``../shared/data/article_bias``): every word of the ``cue-verbs`` lexicon that
segmentation reads as a verb is an example, a speech cue where it overlaps a gold cue
span. A logistic regression learns from its context
(:func:`framing.text.attribution.cues.cue_context`); C is chosen by 5-fold
cross-validation grouped by article (log loss). The threshold is given
(``--threshold``; it was chosen on the dev split, end to end, with
``benchmarks/corpus.py``). The output is byte-for-byte reproducible:

    python tools/train_cues.py --threshold 0.05
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import framing  # noqa: E402
from framing.corpus import load_corpus  # noqa: E402
from framing.models.cues import CueModel, default_model_path  # noqa: E402
from framing.text.attribution.cues import find_cues  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "article_bias"
C_GRID = (0.03, 0.1, 0.3, 1.0)
#: The model judges only cue terms it saw this often in training; the rules judge the rest.
MIN_SEEN = 10


class _Recorder:
    """Stands in for a model: keeps every candidate's features and keeps every candidate."""

    threshold = 0.0

    def __init__(self) -> None:
        self.seen: list[list[str]] = []

    def judges(self, term: str) -> bool:
        return True

    def probability(self, features: list[str]) -> float:
        self.seen.append(list(features))
        return 1.0


def examples(split: str = "train") -> list[tuple[str, list[str], int]]:
    corpus = load_corpus(ROOT / "corpus", DATA)
    pipeline = framing.Pipeline(framing.Settings(analyzers=()))
    out = []
    for a in corpus.articles(split):
        doc = pipeline.segment(framing.Article(a.text, id=a.id, title=a.title))
        rec = _Recorder()
        verbs, _ = find_cues(doc.text, doc.sentences, doc.units, pipeline.segmenter._cues, rec)  # type: ignore[arg-type]
        gold = [
            (doc.norm.from_original(s), doc.norm.from_original(e))
            for g in corpus.annotations[a.id].attributions
            for s, e in g.cue
        ]
        for c, feats in zip(verbs, rec.seen, strict=True):
            label = int(any(s < c.end and c.start < e for s, e in gold))
            out.append((a.id, feats, label))
    return out


def fit(data: list[tuple[str, list[str], int]], c: float) -> tuple[dict[str, float], float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for _, f, _ in data])
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, [y for _, _, y in data])
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 6) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= 1e-6
    }
    return weights, round(float(model.intercept_[0]), 6)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, default=0.05)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    import math

    data = examples("train")
    articles = sorted({a for a, _, _ in data})
    folds = [set(articles[k::5]) for k in range(5)]
    print(f"{len(data)} candidates, {sum(y for _, _, y in data)} of them cues")
    best: tuple[float, float] | None = None
    for c in C_GRID:
        loss = 0.0
        hits = {t: [0, 0, 0] for t in (0.1, 0.2, 0.3, 0.5)}
        for held in folds:
            weights, intercept = fit([x for x in data if x[0] not in held], c)
            model = CueModel(weights, intercept)
            for _, f, y in (x for x in data if x[0] in held):
                p = min(max(model.probability(f), 1e-9), 1 - 1e-9)
                loss -= math.log(p if y else 1 - p)
                for t, h in hits.items():
                    h[0] += int(p >= t and y == 1)
                    h[1] += int(p >= t)
                    h[2] += y
        kept = ", ".join(
            f"t={t}: P {h[0] / max(h[1], 1):.3f} R {h[0] / max(h[2], 1):.3f}" for t, h in hits.items()
        )
        print(f"C={c}: log loss {loss / len(data):.4f}; {kept}")
        if best is None or loss < best[0]:
            best = (loss, c)
    assert best is not None
    c = best[1]
    weights, intercept = fit(data, c)
    terms: dict[str, int] = {}
    for _, f, _ in data:
        terms[f[0]] = terms.get(f[0], 0) + 1
    known = sorted(term.removeprefix("term=") for term, n in terms.items() if n >= MIN_SEEN)
    model = CueModel(
        weights,
        intercept,
        args.threshold,
        {
            "known_terms": known,
            "trained_on": "framing news corpus 1.0, train split",
            "examples": len(data),
            "cv": {"folds": 5, "grouped_by": "article", "C": c, "log_loss": round(best[0] / len(data), 4)},
        },
    )
    print(f"chosen C={c}, threshold {args.threshold}; {len(weights)} weights")
    if not args.dry_run:
        path = model.save(default_model_path())
        print(f"wrote {path} (sha256 {hashlib.sha256(path.read_bytes()).hexdigest()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
