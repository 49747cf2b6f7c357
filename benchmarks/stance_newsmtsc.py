"""Benchmark the shipped target-sentiment model on NewsMTSC's development sets.

NewsMTSC (Hamborg and Donnay, EACL 2021; MIT license) gives sentences from US political
news with target persons (character offsets) and the sentiment expressed toward each
(2.0 negative, 4.0 neutral, 6.0 positive). Each (sentence, target) pair is one example.
This script prints macro-F1 and accuracy on ``dev_rw`` (real-world distribution) and
``dev_mt`` (multi-target sentences) for:

a. the shipped classifier, loaded from ``framing/models/target-sentiment-<version>.json.gz``
   (not retrained);
b. a target-blind baseline: TF-IDF of the sentence (word 1-2 grams) and a logistic
   regression, trained on ``train.jsonl`` in this run (it gives the same label to every
   target of a sentence);
c. framing's lexicon-and-rules method (:func:`stance_toward`, the reading the actors
   analyser makes of each mention): a score in [-1, 1] per target, turned into a label
   by two thresholds chosen on ``train.jsonl`` (the grid and the choice are printed);

The published best (fine-tuned RoBERTa, on the test sets) is printed for scale.

The data is not part of the repository; it is read from ``../shared/data/newsmtsc``
beside it (``--data`` to point elsewhere). Where it is absent the script says so and
exits 0. It asserts nothing. The baseline needs scikit-learn.

    python benchmarks/stance_newsmtsc.py
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "newsmtsc"
POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}
SPLITS = ("dev_rw", "dev_mt")
PUBLISHED = {"dev_rw": "83.1 (test rw)", "dev_mt": "82.5 (test mt)"}

Example = tuple[str, int, int]


def read_split(path: Path) -> tuple[list[Example], list[int]]:
    X: list[Example] = []
    y: list[int] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            for target in record["targets"]:
                X.append((record["sentence_normalized"], int(target["from"]), int(target["to"])))
                y.append(POLARITY[float(target["polarity"])])
    return X, y


def macro_f1(gold: list[int], predicted: list[int]) -> float:
    scores = []
    for label in (-1, 0, 1):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def accuracy(gold: list[int], predicted: list[int]) -> float:
    return sum(1 for g, p in zip(gold, predicted, strict=True) if g == p) / len(gold)


def stance_toward(text: str, start: int, end: int, *, pipeline: Any) -> float:
    """The lexicon-and-rules stance signal toward ``text[start:end]`` in [-1, 1].

    The same reading the actors analyser makes of each mention: half the tone of the
    sentence piece, lowered by loaded labels on the target and loaded verbs it does,
    raised a little by violence done to it.
    """
    from framing.analyzers.actors import ActorsAnalyzer

    analyzer = next(a for a in pipeline.analyzers if isinstance(a, ActorsAnalyzer))
    doc = pipeline.segment(text)
    s, e = doc.norm.from_original(start), doc.norm.from_original(end)
    return float(analyzer.reader(doc).mention(s, e).signal)


def lexicon_cells(data: Path, splits: dict[str, tuple[list[Example], list[int]]]) -> dict[str, str]:
    """The lexicon-and-rules method, with its two thresholds chosen on train.jsonl."""
    import framing

    pipeline = framing.Pipeline(framing.Settings(analyzers=("actors",)))

    def scores(X: list[Example]) -> list[float]:
        return [stance_toward(sentence, start, end, pipeline=pipeline) for sentence, start, end in X]

    X_train, y_train = read_split(data / "train.jsonl")
    train_scores = scores(X_train)
    grid = [x / 100 for x in range(0, 31, 2)]
    best = (-1.0, 0.0, 0.0)
    for low in grid:
        for high in grid:
            predicted = [-1 if v < -low else (1 if v > high else 0) for v in train_scores]
            f1 = macro_f1(y_train, predicted)
            if f1 > best[0]:
                best = (f1, low, high)
    _, low, high = best
    print(
        f"lexicon and rules: negative below {-low:+.2f}, positive above {high:+.2f} (chosen on train, macro-F1 {best[0]:.3f})"
    )
    cells = {}
    for name, (X, y) in splits.items():
        predicted = [-1 if v < -low else (1 if v > high else 0) for v in scores(X)]
        cells[name] = f"{macro_f1(y, predicted):.3f} / {accuracy(y, predicted):.3f}"
    return cells


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the newsmtsc folder")
    parser.add_argument("--model", type=Path, default=None, help="a model file (default: the shipped one)")
    args = parser.parse_args(argv)

    if not (args.data / "train.jsonl").is_file():
        print(f"skipped: NewsMTSC is not at {args.data} (give --data FOLDER); nothing was measured")
        return 0

    from framing.models.target_sentiment import MODEL_VERSION, TargetSentimentClassifier, default_model_path

    model_path = args.model or default_model_path()
    model = TargetSentimentClassifier.load(model_path)
    splits = {name: read_split(args.data / f"{name}.jsonl") for name in SPLITS}

    rows: list[tuple[str, dict[str, str]]] = []
    cells: dict[str, str] = {}
    timing = []
    for name, (X, y) in splits.items():
        started = time.perf_counter()
        predicted = [int(p) for p in model.predict(X)]
        timing.append((len(X), time.perf_counter() - started))
        cells[name] = f"{macro_f1(y, predicted):.3f} / {accuracy(y, predicted):.3f}"
    rows.append(
        (f"target-sentiment {MODEL_VERSION} (shipped)" if args.model is None else str(model_path), cells)
    )

    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
    except ImportError:
        rows.append(
            ("sentence TF-IDF + LogisticRegression", dict.fromkeys(SPLITS, "not run (needs scikit-learn)"))
        )
    else:
        X_train, y_train = read_split(args.data / "train.jsonl")
        baseline = make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
            LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000),
        )
        baseline.fit([s for s, _, _ in X_train], y_train)
        cells = {}
        for name, (X, y) in splits.items():
            predicted = [int(p) for p in baseline.predict([s for s, _, _ in X])]
            cells[name] = f"{macro_f1(y, predicted):.3f} / {accuracy(y, predicted):.3f}"
        rows.append(("sentence TF-IDF + LogisticRegression", cells))
    rows.append(("lexicon and rules (framing actors)", lexicon_cells(args.data, splits)))
    rows.append(("published best: RoBERTa (test sets, macro-F1)", PUBLISHED))

    sizes = ", ".join(f"{name} {len(X)} examples" for name, (X, _) in splits.items())
    print(f"NewsMTSC development sets ({sizes}); each cell is macro-F1 / accuracy")
    print(f"model file: {model_path} ({Path(model_path).stat().st_size / 1e6:.2f} MB)\n")
    width = max(len(r[0]) for r in rows)
    col = max(len(v) for _, c in rows for v in c.values())
    print(f"{'system':<{width}}  " + "  ".join(f"{s:<{col}}" for s in SPLITS))
    print(f"{'-' * width}  " + "  ".join("-" * col for _ in SPLITS))
    for label, c in rows:
        print(f"{label:<{width}}  " + "  ".join(f"{c[s]:<{col}}" for s in SPLITS))
    print("\nMarkdown (macro-F1 / accuracy)\n")
    print("| system | " + " | ".join(SPLITS) + " |")
    print("|---|" + "---:|" * len(SPLITS))
    for label, c in rows:
        print(f"| {label} | " + " | ".join(c[s] for s in SPLITS) + " |")
    n = sum(k for k, _ in timing)
    seconds = sum(t for _, t in timing)
    print(f"\nshipped model: {n / seconds:,.0f} examples per second (one process, features included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
