"""Train the target-sentiment model on NewsMTSC's train.jsonl and write the shipped model file.

    python tools/train_target_sentiment.py            # train with the chosen settings, write the model
    python tools/train_target_sentiment.py --select   # first choose the settings by
                                                      # 5-fold cross-validation on train.jsonl

Only ``train.jsonl`` is read: the development sets are for ``benchmarks/stance_newsmtsc.py``.
The word vectors are learned first, from the unlabelled articles of Article-Bias-Prediction
(tools/build_word_vectors.py; about a minute).
The output is deterministic: the same data and versions give the same bytes (gzip with
mtime 0, sorted JSON keys, rounded coefficients).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from build_word_vectors import DIMENSIONS, FILES, SIZE, WINDOW, build_word_vectors, read_articles

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "newsmtsc"
DEFAULT_VECTOR_DATA = REPO.parent / "shared" / "data" / "article_bias"
DEFAULT_OUT = REPO / "framing" / "models" / "target-sentiment-{version}.json.gz"
POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}
RANDOM_STATE = 0
# chosen by --select (grouped 5-fold cross-validation on train.jsonl, macro-F1)
# target_weight is 0: the target's own name is not a feature, so the model cannot learn that
# "Trump" or "Obama" is negative or positive whatever the sentence says (about 1.5 points of
# cross-validated macro-F1 traded for a model that reads the sentence, not the name)
# context_weight scales the word vectors averaged around the target (0 leaves them out)
PARAMS: dict[str, Any] = {"C": 0.3, "target_weight": 0.0, "context_weight": 2.0}
GRID: list[dict[str, Any]] = [
    {"C": 0.3, "target_weight": 0.0, "context_weight": w} for w in (0.0, 1.0, 2.0, 3.0)
]


def read_newsmtsc(path: Path) -> tuple[list[tuple[str, int, int]], list[int], list[int]]:
    """(sentence, start, end) examples, labels in {-1, 0, 1}, and the sentence number of each."""
    X: list[tuple[str, int, int]] = []
    y: list[int] = []
    groups: list[int] = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            record = json.loads(line)
            sentence = record["sentence_normalized"]
            for target in record["targets"]:
                X.append((sentence, int(target["from"]), int(target["to"])))
                y.append(POLARITY[float(target["polarity"])])
                groups.append(n)
    return X, y, groups


def cross_validate(
    X: list[tuple[str, int, int]], y: list[int], groups: list[int], word_vectors: tuple[list[str], Any]
) -> dict[str, Any]:
    from sklearn.base import clone
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import GroupKFold

    from framing.models.target_features import project_lexicon_tables
    from framing.models.target_sentiment import TargetSentimentClassifier

    tables = project_lexicon_tables()
    # the examples whose sentence has two or more targets, where the model is weakest
    per_sentence = Counter(groups)
    multi = [i for i, g in enumerate(groups) if per_sentence[g] >= 2]
    best: dict[str, Any] = {}
    best_f1 = -1.0
    for params in GRID:
        model = TargetSentimentClassifier(random_state=RANDOM_STATE, **params)
        predicted = [0] * len(y)
        for train, test in GroupKFold(n_splits=5).split(X, y, groups):
            fold = clone(model).fit(
                [X[i] for i in train], [y[i] for i in train], lexicon_tables=tables, word_vectors=word_vectors
            )
            for i, p in zip(test, fold.predict([X[i] for i in test]), strict=True):
                predicted[i] = int(p)
        f1 = f1_score(y, predicted, average="macro")
        f1_multi = f1_score([y[i] for i in multi], [predicted[i] for i in multi], average="macro")
        print(
            f"  {params}: macro-F1 {f1:.4f}, accuracy {accuracy_score(y, predicted):.4f}; "
            f"{len(multi)} examples of multi-target sentences: macro-F1 {f1_multi:.4f}",
            flush=True,
        )
        if f1 > best_f1:
            best, best_f1 = params, f1
    print(f"best by cross-validation: {best} (macro-F1 {best_f1:.4f})")
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the newsmtsc folder")
    parser.add_argument(
        "--vector-data", type=Path, default=DEFAULT_VECTOR_DATA, help="the article_bias folder (word vectors)"
    )
    parser.add_argument("--out", type=Path, default=None, help="where to write the model")
    parser.add_argument("--select", action="store_true", help="choose the settings by cross-validation first")
    args = parser.parse_args(argv)

    train_file = args.data / "train.jsonl"
    if not train_file.is_file():
        print(f"NewsMTSC's train.jsonl is not at {train_file}; give --data FOLDER", file=sys.stderr)
        return 2

    vector_files = [args.vector_data / name for name in FILES]
    if not all(path.is_file() for path in vector_files):
        print(
            f"Article-Bias-Prediction is not at {args.vector_data}; give --vector-data FOLDER",
            file=sys.stderr,
        )
        return 2

    from framing.models.target_sentiment import MODEL_VERSION, TargetSentimentClassifier

    out = args.out or Path(str(DEFAULT_OUT).format(version=MODEL_VERSION))
    X, y, groups = read_newsmtsc(train_file)
    print(
        f"{train_file}: {len(X)} examples from {len(set(groups))} sentences, labels {sorted(Counter(y).items())}"
    )
    started = time.perf_counter()
    word_vectors = build_word_vectors(read_articles(args.vector_data))
    print(f"word vectors: {word_vectors[1].shape} in {time.perf_counter() - started:.0f} s", flush=True)
    params = cross_validate(X, y, groups, word_vectors) if args.select else PARAMS
    started = time.perf_counter()
    model = TargetSentimentClassifier(random_state=RANDOM_STATE, **params).fit(
        X, y, word_vectors=word_vectors
    )
    model.metadata_ = {
        "dataset": "NewsMTSC (Hamborg and Donnay, EACL 2021), train.jsonl, MIT license",
        "train_sha256": hashlib.sha256(train_file.read_bytes()).hexdigest(),
        "n_examples": len(X),
        "labels": {str(k): v for k, v in sorted(Counter(y).items())},
        "word_vectors": {
            "dataset": "Article-Bias-Prediction (Baly et al., EMNLP 2020), content_original, Apache-2.0",
            "sha256": {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in vector_files},
            "words": SIZE,
            "dimensions": DIMENSIONS,
            "window": WINDOW,
            "built_by": "tools/build_word_vectors.py",
        },
        "trained_by": "tools/train_target_sentiment.py",
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    size = out.stat().st_size
    digest = hashlib.sha256(out.read_bytes()).hexdigest()[:16]
    print(
        f"trained in {time.perf_counter() - started:.0f} s: {len(model.vocabulary_)} features; "
        f"wrote {out} ({size / 1e6:.2f} MB, sha256 {digest}...)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
