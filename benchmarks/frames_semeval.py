"""Benchmark framing's frames analyser on SemEval-2023 Task 3, subtask 2 (English).

Subtask 2 labels each article with the frame dimensions of the Media Frames Corpus
present in it (multi-label, 14 frames; framing's ``other`` has no SemEval label). The
labelled articles are split once into ``--folds`` folds (plain ``KFold``, shuffled,
``random_state=0``) and every method is scored on the same folds, in one run:

* ``trivial top-k``: always the k most frequent frames of the training folds, k the
  median number of frames per training article (rounded half up);
* ``lexicon (all voices)``: framing's analyser, no training. A frame is predicted when
  its cues fall in at least ``s`` sentences and carry at least a share ``q`` of the
  article's cue weight, all voices together (own voice, quoted and reported speech;
  the sentence count is the sum of the three voices' counts). One rule ``(s, q)`` for
  every frame, chosen by micro-F1 on the training folds only and applied to the
  held-out fold (nested selection). All voices rather than the own voice because
  SemEval's annotators label the frames present in the article as a whole, whoever
  voices them; ``lexicon (own voice)`` is printed beside it for comparison;
* ``lexicon (all voices, per frame)``: the same with one ``(s, q)`` per frame, each
  chosen by that frame's F1 on the training folds;
* ``LR frame features``: one-vs-rest logistic regression on framing's frame metrics
  (weight, share and sentence count of each frame, for each voice and all together;
  log1p of the counts, standardised), trained on the training folds;
* ``LR frames + TF-IDF``: the same features beside word 1-2 gram TF-IDF (each block
  scaled to about unit norm per article);
* ``TF-IDF LR @0.5``: TF-IDF and one-vs-rest logistic regression, threshold 0.5;
* ``TF-IDF LR tuned``: the same with per-frame thresholds, as for the LR models.

The LR models' per-frame thresholds are chosen on the training folds only: from
out-of-fold probabilities of an inner 3-fold split of the training folds, the threshold
(0.05 to 0.95) with the best F1 for that frame; the model is then refitted on all the
training folds. In every selection ties go to the loosest candidate, and a frame with no
positive training article gets the strictest.

Scores: micro-F1 and macro-F1 over the frames present in the loaded data, as the mean
and (population) standard deviation over the test folds and on the pooled out-of-fold
predictions. A frame with neither gold nor predicted labels in a fold scores F1 0 in
that fold's macro-F1 (scikit-learn's ``zero_division=0``); the pooled scores avoid this.

The data (``../shared/data/semeval2023_en``, ``--data`` to point elsewhere) may not
train a shipped model: the models here are trained in memory during the run and never
written to disk. Where the folder is absent the script says so and exits 0. It asserts
nothing: it is for development.

    .venv/bin/python benchmarks/frames_semeval.py --folds 5
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "semeval2023_en"
LABELS_FILE = "train-labels-subtask-2.txt"
ARTICLE_DIRS = ("train-articles-subtask-1",)  # looked in first; then any other *articles* folder
RANDOM_STATE = 0
INNER_FOLDS = 3

# SemEval-2023 Task 3 subtask 2 frame name -> framing's frame id (frames lexicon).
SEMEVAL_TO_FRAMING: dict[str, str] = {
    "Economic": "economic",
    "Capacity_and_resources": "capacity_resources",
    "Morality": "morality",
    "Fairness_and_equality": "fairness_equality",
    "Legality_Constitutionality_and_jurisprudence": "legality",
    "Policy_prescription_and_evaluation": "policy",
    "Crime_and_punishment": "crime_punishment",
    "Security_and_defense": "security_defense",
    "Health_and_safety": "health_safety",
    "Quality_of_life": "quality_of_life",
    "Cultural_identity": "cultural_identity",
    "Public_opinion": "public_opinion",
    "Political": "political",
    "External_regulation_and_reputation": "external_regulation",
}
FRAMING_TO_SEMEVAL = {v: k for k, v in SEMEVAL_TO_FRAMING.items()}
# framing's frame ids in its lexicon's order; "other" has no SemEval counterpart
FRAMING_FRAMES = (
    "economic",
    "capacity_resources",
    "morality",
    "fairness_equality",
    "legality",
    "policy",
    "crime_punishment",
    "security_defense",
    "health_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_regulation",
    "other",
)
VOICES = ("own", "quoted", "reported")
PROFILE_VOICES = (*VOICES, "all")
STATS = ("weights", "distribution", "sentences")

# lexicon rule candidates, loosest first: (minimum cue sentences, minimum share of cue weight)
MIN_SENTENCES = (1, 2, 3, 4, 5, 6, 8, 10)
MIN_SHARE = (0.0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3)
LEXICON_RULES = tuple((s, q) for s in MIN_SENTENCES for q in MIN_SHARE)
THRESHOLDS = tuple(round(0.05 + 0.025 * i, 3) for i in range(37))  # 0.05 ... 0.95


# -- data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelledArticle:
    id: str
    text: str
    frames: frozenset[str]  # framing ids


def parse_labels(text: str) -> dict[str, list[str]]:
    """``article_id<TAB>Frame,Frame,...`` lines -> {id: [SemEval frame names]} (may be empty)."""
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        art_id, _, names = line.partition("\t")
        out[art_id.strip()] = [n.strip() for n in names.split(",") if n.strip()]
    return out


def map_frames(names: Iterable[str]) -> frozenset[str]:
    """SemEval frame names -> framing ids; an unknown name is an error, not a silent drop."""
    unknown = sorted(set(names) - set(SEMEVAL_TO_FRAMING))
    if unknown:
        raise ValueError(f"SemEval frame names missing from SEMEVAL_TO_FRAMING: {unknown}")
    return frozenset(SEMEVAL_TO_FRAMING[n] for n in names)


def article_dirs(root: Path) -> list[Path]:
    """Folders that may hold ``article<ID>.txt``: subtask 1's first, then the others."""
    first = [root / d for d in ARTICLE_DIRS if (root / d).is_dir()]
    rest = sorted(p for p in root.glob("*articles*") if p.is_dir() and p not in first)
    return first + rest


def _id_key(art_id: str) -> tuple[int, int | str]:
    return (0, int(art_id)) if art_id.isdigit() else (1, art_id)


def load(root: Path, limit: int | None = None) -> tuple[list[LabelledArticle], dict[str, int]]:
    """Labelled articles with text, sorted by id (``limit``: the first N); and counts of skips."""
    labels = parse_labels((root / LABELS_FILE).read_text(encoding="utf-8"))
    dirs = article_dirs(root)
    stats = {"label lines": len(labels), "no labels": 0, "no text": 0, "text elsewhere": 0}
    out: list[LabelledArticle] = []
    for art_id in sorted(labels, key=_id_key):
        if not labels[art_id]:
            stats["no labels"] += 1
            continue
        path = next(
            (d / f"article{art_id}.txt" for d in dirs if (d / f"article{art_id}.txt").is_file()), None
        )
        if path is None:
            stats["no text"] += 1
            continue
        if path.parent.name not in ARTICLE_DIRS:
            stats["text elsewhere"] += 1
        out.append(LabelledArticle(art_id, path.read_text(encoding="utf-8"), map_frames(labels[art_id])))
        if limit is not None and len(out) >= limit:
            break
    return out, stats


# -- framing's frame metrics -------------------------------------------------------------


def frame_profile(metrics: Mapping[str, Any]) -> dict[str, dict[str, dict[str, float]]]:
    """``metrics["frames"]`` -> {voice: {stat: {frame: value}}} with an ``all`` voice added:
    weights and sentence counts summed over the three voices, the share recomputed."""
    prof: dict[str, dict[str, dict[str, float]]] = {}
    for v in VOICES:
        prof[v] = {s: {k: float(x) for k, x in metrics[v][s].items()} for s in STATS}
    weights: Counter[str] = Counter()
    sentences: Counter[str] = Counter()
    for v in VOICES:
        weights.update(prof[v]["weights"])
        sentences.update(prof[v]["sentences"])
    total = sum(weights.values())
    prof["all"] = {
        "weights": dict(weights),
        "distribution": {k: w / total for k, w in weights.items()} if total else {},
        "sentences": dict(sentences),
    }
    return prof


def lexicon_scores(
    profiles: Sequence[Mapping[str, Any]], labels: Sequence[str], voice: str = "all"
) -> tuple[np.ndarray, np.ndarray]:
    """(sentence counts, shares) of each label for each article, shape (n, len(labels))."""
    sent = np.array([[p[voice]["sentences"].get(f, 0.0) for f in labels] for p in profiles], dtype=float)
    share = np.array([[p[voice]["distribution"].get(f, 0.0) for f in labels] for p in profiles], dtype=float)
    return sent.reshape(len(profiles), len(labels)), share.reshape(len(profiles), len(labels))


def lexicon_candidates(
    sentences: np.ndarray, shares: np.ndarray, rules: Sequence[tuple[int, float]] = LEXICON_RULES
) -> np.ndarray:
    """Predictions of every rule ``(s, q)``: bool array (rules, n, labels)."""
    return np.stack([(sentences >= s) & (shares >= q - 1e-12) for s, q in rules])


def frame_features(profiles: Sequence[Mapping[str, Any]]) -> np.ndarray:
    """Per-frame weight, share and sentence count by voice (and all voices); log1p of counts."""
    rows = []
    for p in profiles:
        row = []
        for v in PROFILE_VOICES:
            for s in STATS:
                vals = [p[v][s].get(f, 0.0) for f in FRAMING_FRAMES]
                row += vals if s == "distribution" else [math.log1p(x) for x in vals]
        rows.append(row)
    return np.array(rows, dtype=float)


# -- scores ------------------------------------------------------------------------------


def binarize(label_sets: Sequence[Iterable[str]], labels: Sequence[str]) -> np.ndarray:
    """Sequences of label sets -> bool matrix (n, len(labels)); labels outside ``labels`` are ignored."""
    index = {lab: j for j, lab in enumerate(labels)}
    out = np.zeros((len(label_sets), len(labels)), dtype=bool)
    for i, labs in enumerate(label_sets):
        for lab in labs:
            if lab in index:
                out[i, index[lab]] = True
    return out


def _as_matrix(y: Any, labels: Sequence[str] | None) -> np.ndarray:
    if labels is not None:
        return binarize(y, labels)
    return np.asarray(y, dtype=bool)


def _counts(gold: np.ndarray, pred: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """True positives, false positives and false negatives per label (summed over axis -2)."""
    tp = (gold & pred).sum(axis=-2)
    fp = (~gold & pred).sum(axis=-2)
    fn = (gold & ~pred).sum(axis=-2)
    return tp, fp, fn


def _f1(tp: Any, fp: Any, fn: Any) -> np.ndarray:
    tp, fp, fn = (np.asarray(x, dtype=float) for x in (tp, fp, fn))
    den = 2 * tp + fp + fn
    return np.divide(2 * tp, den, out=np.zeros_like(den), where=den > 0)


def per_label_f1(gold: Any, pred: Any, labels: Sequence[str] | None = None) -> np.ndarray:
    """F1 of each label (0 where a label has neither gold nor predicted instances).

    ``gold`` and ``pred`` are bool matrices (articles x labels), or, with ``labels``,
    sequences of label sets."""
    return _f1(*_counts(_as_matrix(gold, labels), _as_matrix(pred, labels)))


def micro_f1(gold: Any, pred: Any, labels: Sequence[str] | None = None) -> float:
    """F1 of the true/false positive and negative counts pooled over every label."""
    tp, fp, fn = _counts(_as_matrix(gold, labels), _as_matrix(pred, labels))
    return float(_f1(tp.sum(), fp.sum(), fn.sum()))


def macro_f1(gold: Any, pred: Any, labels: Sequence[str] | None = None) -> float:
    """Unweighted mean of the labels' F1 (every column, or every name in ``labels``)."""
    f1 = per_label_f1(gold, pred, labels)
    return float(f1.mean()) if f1.size else 0.0


# -- nested selection --------------------------------------------------------------------


def select_candidate(candidates: np.ndarray, gold: np.ndarray, rows: Any) -> int:
    """Index of the candidate whose predictions on ``rows`` have the best micro-F1.

    ``candidates`` is a bool array (candidates, n, labels), ``gold`` (n, labels); only the
    ``rows`` (the training folds) are looked at. Ties go to the first candidate."""
    tp, fp, fn = _counts(gold[rows][None], candidates[:, rows])
    scores = _f1(tp.sum(-1), fp.sum(-1), fn.sum(-1))
    return int(np.argmax(scores))  # argmax returns the first of equal maxima


def select_per_label(candidates: np.ndarray, gold: np.ndarray, rows: Any) -> np.ndarray:
    """For each label, the index of the candidate with the best F1 for it on ``rows``.

    Ties go to the first candidate; a label with no positive among ``rows`` gets the
    last (the strictest, when candidates are ordered loosest first)."""
    g = gold[rows]
    scores = _f1(*_counts(g[None], candidates[:, rows]))  # (candidates, labels)
    best = np.argmax(scores, axis=0)
    best[~g.any(axis=0)] = len(candidates) - 1
    return best


def apply_per_label(candidates: np.ndarray, choice: np.ndarray, rows: Any) -> np.ndarray:
    """Predictions on ``rows`` taking, for label j, candidate ``choice[j]``."""
    sub = candidates[:, rows]
    return np.stack([sub[c, :, j] for j, c in enumerate(choice)], axis=1)


def choose_thresholds(proba: np.ndarray, gold: np.ndarray, grid: Sequence[float] = THRESHOLDS) -> np.ndarray:
    """Per-label decision threshold (predict ``proba >= t``) with the best F1 on these rows."""
    cands = np.stack([proba >= t for t in grid])
    return np.asarray(grid, dtype=float)[select_per_label(cands, gold, slice(None))]


def kfold(n: int, folds: int, seed: int = RANDOM_STATE) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import KFold

    return list(KFold(n_splits=folds, shuffle=True, random_state=seed).split(np.arange(n)))


# -- methods -----------------------------------------------------------------------------


def top_k_baseline(gold_train: np.ndarray, n_test: int) -> np.ndarray:
    """Predict the k most frequent labels of ``gold_train`` for every test article, k the
    median number of labels per training article rounded half up (ties: column order)."""
    k = math.floor(float(np.median(gold_train.sum(axis=1))) + 0.5)
    order = np.argsort(-gold_train.sum(axis=0), kind="stable")[:k]
    pred = np.zeros((n_test, gold_train.shape[1]), dtype=bool)
    pred[:, order] = True
    return pred


def _ovr_proba(x_train: Any, y_train: np.ndarray, x_test: Any) -> np.ndarray:
    """One-vs-rest logistic regression; a label constant in training gets that constant."""
    from sklearn.linear_model import LogisticRegression

    out = np.zeros((x_test.shape[0], y_train.shape[1]))
    for j in range(y_train.shape[1]):
        y = y_train[:, j]
        if y.all() or not y.any():
            out[:, j] = float(y.all())
            continue
        model = LogisticRegression(C=1.0, max_iter=5000, solver="liblinear", random_state=RANDOM_STATE)
        out[:, j] = model.fit(x_train, y).predict_proba(x_test)[:, 1]
    return out


@dataclass(frozen=True)
class Corpus:
    texts: Sequence[str]
    features: np.ndarray  # frame_features
    gold: np.ndarray  # bool (n, labels)


def fit_predict(kind: str, corpus: Corpus, train: np.ndarray, test: np.ndarray) -> np.ndarray:
    """Probabilities on ``test`` of a model of ``kind`` (``frames``, ``frames+tfidf`` or
    ``tfidf``) fitted on ``train``; every transform is fitted on ``train`` only."""
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import StandardScaler

    blocks_train: list[Any] = []
    blocks_test: list[Any] = []
    if "frames" in kind:
        scaler = StandardScaler().fit(corpus.features[train])
        scale = 1.0 if kind == "frames" else 1.0 / math.sqrt(corpus.features.shape[1])
        blocks_train.append(sparse.csr_matrix(scaler.transform(corpus.features[train]) * scale))
        blocks_test.append(sparse.csr_matrix(scaler.transform(corpus.features[test]) * scale))
    if "tfidf" in kind:
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        blocks_train.append(vec.fit_transform([corpus.texts[i] for i in train]))
        blocks_test.append(vec.transform([corpus.texts[i] for i in test]))
    x_train = sparse.hstack(blocks_train).tocsr()
    x_test = sparse.hstack(blocks_test).tocsr()
    return _ovr_proba(x_train, corpus.gold[train], x_test)


def tuned_thresholds(kind: str, corpus: Corpus, train: np.ndarray) -> np.ndarray:
    """Per-label thresholds from inner out-of-fold probabilities on the training rows."""
    oof = np.zeros((len(train), corpus.gold.shape[1]))
    for inner_train, inner_test in kfold(len(train), min(INNER_FOLDS, len(train))):
        oof[inner_test] = fit_predict(kind, corpus, train[inner_train], train[inner_test])
    return choose_thresholds(oof, corpus.gold[train])


# -- evaluation --------------------------------------------------------------------------


@dataclass
class MethodRun:
    name: str
    pred: np.ndarray  # pooled out-of-fold predictions (n, labels)
    fold_micro: list[float]
    fold_macro: list[float]
    choices: list[str]  # what was selected on each fold's training folds
    seconds: float = 0.0


FoldPredictor = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, str]]


def run_method(
    name: str, gold: np.ndarray, splits: Sequence[tuple[np.ndarray, np.ndarray]], predict: FoldPredictor
) -> MethodRun:
    t0 = time.perf_counter()
    run = MethodRun(name, np.zeros_like(gold), [], [], [])
    for train, test in splits:
        pred, choice = predict(train, test)
        run.pred[test] = pred
        run.fold_micro.append(micro_f1(gold[test], pred))
        run.fold_macro.append(macro_f1(gold[test], pred))
        run.choices.append(choice)
    run.seconds = time.perf_counter() - t0
    return run


def lexicon_global(
    cands: np.ndarray, gold: np.ndarray, rules: Sequence[tuple[int, float]] = LEXICON_RULES
) -> FoldPredictor:
    """One rule for every frame, selected on each fold's training rows (``cands`` from
    ``lexicon_candidates`` with the same ``rules``)."""

    def predict(train: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, str]:
        c = select_candidate(cands, gold, train)
        s, q = rules[c]
        return cands[c, test], f"s>={s} q>={q:g}"

    return predict


def lexicon_per_label(
    cands: np.ndarray, gold: np.ndarray, rules: Sequence[tuple[int, float]] = LEXICON_RULES
) -> FoldPredictor:
    """One rule per frame, selected on each fold's training rows."""

    def predict(train: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, str]:
        choice = select_per_label(cands, gold, train)
        med_s = np.median([rules[c][0] for c in choice])
        return apply_per_label(cands, choice, test), f"median s={med_s:g}"

    return predict


def model_predictor(kind: str, corpus: Corpus, tuned: bool) -> FoldPredictor:
    def predict(train: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, str]:
        thr = tuned_thresholds(kind, corpus, train) if tuned else np.full(corpus.gold.shape[1], 0.5)
        proba = fit_predict(kind, corpus, train, test)
        return proba >= thr, f"median t={np.median(thr):.3f}"

    return predict


def topk_predictor(gold: np.ndarray) -> FoldPredictor:
    def predict(train: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, str]:
        pred = top_k_baseline(gold[train], len(test))
        return pred, f"k={int(pred[0].sum()) if len(pred) else 0}"

    return predict


# -- reporting ---------------------------------------------------------------------------

MAIN_HEADER = (
    "method",
    "micro-F1",
    "macro-F1",
    "pooled micro",
    "pooled macro",
    "labels/article",
)


def main_rows(runs: Sequence[MethodRun], gold: np.ndarray) -> list[tuple[str, ...]]:
    rows = []
    for r in runs:
        rows.append(
            (
                r.name,
                f"{np.mean(r.fold_micro):.3f} ± {np.std(r.fold_micro):.3f}",
                f"{np.mean(r.fold_macro):.3f} ± {np.std(r.fold_macro):.3f}",
                f"{micro_f1(gold, r.pred):.3f}",
                f"{macro_f1(gold, r.pred):.3f}",
                f"{r.pred.sum(axis=1).mean():.2f}",
            )
        )
    return rows


def plain_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for k, r in enumerate([header, *rows]):
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=5, help="number of folds (default 5)")
    ap.add_argument("--limit", type=int, default=None, help="first N labelled articles (sorted by id)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"data folder (default {DEFAULT_DATA})")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()

    if not (args.data / LABELS_FILE).is_file():
        print(f"SemEval-2023 Task 3 data not found at {args.data} ({LABELS_FILE}); skipping.")
        return 0
    arts, stats = load(args.data, args.limit)
    if len(arts) < max(2, args.folds):
        print(f"Only {len(arts)} labelled articles with text: too few for {args.folds} folds; skipping.")
        return 0

    import framing

    pipeline = framing.Pipeline(framing.Settings(analyzers=("frames",)))
    t_an = time.perf_counter()
    profiles = [frame_profile(pipeline.analyze(a.text).metrics["frames"].to_dict()) for a in arts]
    t_an = time.perf_counter() - t_an

    counts = Counter(f for a in arts for f in a.frames)
    labels = [f for f in SEMEVAL_TO_FRAMING.values() if counts[f]]  # frames present in the data
    gold = binarize([a.frames for a in arts], labels)
    corpus = Corpus([a.text for a in arts], frame_features(profiles), gold)
    splits = kfold(len(arts), args.folds)

    n = len(arts)
    print(f"SemEval-2023 Task 3 subtask 2 (English): {args.data}")
    print(
        f"{n} labelled articles with text ({stats['label lines']} label lines, "
        f"{stats['no labels']} without labels, {stats['no text']} without text, "
        f"{stats['text elsewhere']} read from a folder other than {ARTICLE_DIRS[0]}"
        + (f"; --limit {args.limit}" if args.limit else "")
        + ")"
    )
    print(
        f"{len(labels)} frames present; {gold.sum() / n:.2f} frames per article on average, "
        f"median {np.median(gold.sum(axis=1)):g}"
    )
    print(
        f"Split: KFold(n_splits={args.folds}, shuffle=True, random_state={RANDOM_STATE}) on the articles; "
        f"LR thresholds from an inner {INNER_FOLDS}-fold KFold of the training folds."
    )
    print(f"framing frames analysis: {t_an:.1f} s ({1000 * t_an / n:.1f} ms per article)")

    print("\nLabel frequencies")
    freq_rows = [
        (FRAMING_TO_SEMEVAL[f], f, str(counts[f]), f"{counts[f] / n:.1%}")
        for f in sorted(labels, key=lambda f: -counts[f])
    ]
    print(plain_table(("SemEval frame", "framing id", "articles", "share"), freq_rows))

    sent_all, share_all = lexicon_scores(profiles, labels, "all")
    sent_own, share_own = lexicon_scores(profiles, labels, "own")
    cands_all = lexicon_candidates(sent_all, share_all)
    cands_own = lexicon_candidates(sent_own, share_own)

    runs = [
        run_method("trivial top-k", gold, splits, topk_predictor(gold)),
        run_method("lexicon (all voices)", gold, splits, lexicon_global(cands_all, gold)),
        run_method("lexicon (own voice)", gold, splits, lexicon_global(cands_own, gold)),
        run_method("lexicon (all voices, per frame)", gold, splits, lexicon_per_label(cands_all, gold)),
        run_method("LR frame features", gold, splits, model_predictor("frames", corpus, True)),
        run_method("LR frames + TF-IDF", gold, splits, model_predictor("frames+tfidf", corpus, True)),
        run_method("TF-IDF LR @0.5", gold, splits, model_predictor("tfidf", corpus, False)),
        run_method("TF-IDF LR tuned", gold, splits, model_predictor("tfidf", corpus, True)),
    ]
    by_name = {r.name: r for r in runs}

    print(f"\nMain table: mean ± sd over {args.folds} test folds, and pooled out-of-fold predictions")
    rows = main_rows(runs, gold)
    print(plain_table(MAIN_HEADER, rows))

    print("\nSelected on the training folds, per fold")
    for r in runs:
        print(f"  {r.name}: " + "; ".join(r.choices) + f"  ({r.seconds:.1f} s)")

    print("\nPer-frame F1 (pooled out-of-fold predictions)")
    shown = (
        "lexicon (all voices)",
        "lexicon (all voices, per frame)",
        "LR frame features",
        "LR frames + TF-IDF",
    )
    per = {name: per_label_f1(gold, by_name[name].pred) for name in shown}
    lex_pred = by_name["lexicon (all voices)"].pred
    frame_rows = []
    for j in sorted(range(len(labels)), key=lambda j: -counts[labels[j]]):
        frame_rows.append(
            (
                labels[j],
                str(counts[labels[j]]),
                str(int(lex_pred[:, j].sum())),
                *(f"{per[name][j]:.3f}" for name in shown),
            )
        )
    print(
        plain_table(
            ("frame", "gold", "lex pred", "lexicon", "lexicon/frame", "LR frames", "LR fr+tfidf"),
            frame_rows,
        )
    )

    print("\nMarkdown (main table)\n")
    print(markdown_table(MAIN_HEADER, rows))
    print(
        f"\n{n} articles, {len(labels)} frames, {args.folds}-fold KFold (shuffle, random_state="
        f"{RANDOM_STATE}); macro-F1 over the frames present."
    )
    print(f"\nElapsed: {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
