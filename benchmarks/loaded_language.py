"""Benchmark framing's loaded-language findings on BABE and SemEval-2023 Task 3 (English).

Three methods are scored side by side throughout: the lexicon alone, the learned model
alone (``framing/models/loaded_words.py``, trained on the framing news corpus only) and
the two together, as framing ships them. Both datasets are development splits read from
``../shared/data`` (``--data`` to point elsewhere); neither may train a shipped model, so
every model fitted here is trained in memory during the run and never written to disk.
A dataset whose folder is absent is skipped with a message. The script asserts nothing:
it prints tables, each as plain text and as Markdown (for VALIDATION.md). The pipeline
(``analyzers=("loaded",)``) is built once; each text is segmented once and read by the
three methods.

A. BABE (``babe/babe_sg2_dev.csv``, half of SG2): news sentences labelled Biased /
Non-biased, with the words the annotators marked. Sentences labelled anything else
("No agreement") are left out of every score and counted. One split,
``StratifiedKFold(5, shuffle=True, random_state=0)``, serves every method.

1. Sentence level (macro-F1 and accuracy; mean ± sd over the test folds, and on the pooled
   out-of-fold predictions):

   * ``lexicon: >=1 finding``, ``model: >=1 finding`` and ``lexicon + model: >=1
     finding``: Biased when the method flags anything; nothing is learned from BABE;
   * ``lexicon: rule chosen by CV``: Biased when a measure reaches a threshold; the measure
     (number of findings or their total weight, in all voices or in the outlet's own voice)
     and the threshold are chosen by macro-F1 on the training folds and applied to the
     held-out fold (ties go to the loosest rule; the choices are printed);
     ``lexicon + model: rule chosen by CV`` chooses among the same rules on lexicon +
     model and the model's highest probability in the sentence (``learned score %``);
   * ``LR framing features``: logistic regression on framing's features (of the lexicon
     alone, and of lexicon + model): findings per loaded category and voice group (own /
     quoted / reported), findings per voice, total and maximum weight, weight per voice
     group, the words in each voice group (log1p of all counts) and VADER's compound score
     of the sentence; standardised;
   * ``LR framing + TF-IDF``: lexicon + model's features beside word 1-2 gram TF-IDF (each
     block scaled to about unit norm);
   * ``TF-IDF LR``: word 1-2 gram TF-IDF and logistic regression;
   * ``majority class``: the training folds' most frequent label.

   The published best is printed for scale: macro-F1 0.804, a fine-tuned transformer,
   5-fold CV on all of SG2 (Spinde et al., Findings of EMNLP 2021). It is not directly
   comparable: other data (all of SG2), other folds.

2. Word level, against the annotators' ``biased_words``: on each sentence, the distinct
   lowercased words (``word_tokens``) that the annotators marked and that occur in the
   sentence are the gold words; each method's are the sentence's words that a finding covers.
   True positives, gold and predicted words are summed over all sentences (Biased and
   Non-biased) and give micro precision, recall and F1. Baselines:

   * ``top-200 annotated words (CV)``: flag every word that is among the 200 words the
     annotators marked most often in the training folds (counted once per sentence; ties
     alphabetical), scored on the held-out fold;
   * ``adjective-like suffix``: flag every word of at least 5 letters ending in an
     adjective suffix (``ADJECTIVE_SUFFIXES``), no training.

B. SemEval-2023 Task 3 subtask 3 (``semeval2023_en``): ``train-labels-subtask-3-spans/
article<ID>-labels-subtask-3.txt`` gives ``article_id<TAB>technique<TAB>start<TAB>end``
character spans into ``train-articles-subtask-3/article<ID>.txt`` (read as UTF-8; a
leading byte-order mark is a character the offsets count). Every article with a spans
file is used, also those with no span. Scored for ``Loaded_Language``,
``Name_Calling-Labeling`` and the two together (identical spans counted once):

* span level, for each method: a gold span is found when a finding overlaps it, a finding is
  correct when it overlaps a gold span, each matched at most once (a maximum one-to-one
  matching per article, ``overlap_prf``); precision = matched / findings, recall =
  matched / gold spans. ``P any`` is the lenient precision: the share of findings that
  overlap some gold span, however many findings share it. For all voices and for the
  outlet's own voice (narration and headline) only;
* paragraph level (a paragraph is a non-blank line of the article, ``split_paragraphs``):
  positive when a gold span overlaps it. Methods: each of framing's three (a finding
  overlaps it; all voices, own voice), every paragraph positive (the prevalence), the heuristic
  ``!`` or a word of 4+ capital letters, and a TF-IDF logistic regression (class weights
  balanced, threshold 0.5) with ``GroupKFold(5)`` by article, so that no article has
  paragraphs on both sides.

The most common false positives (lexicon terms) and false negatives (words, spans) of
framing's lexicon are listed for each dataset, to see where the lexicon stands; no entry
is chosen from these lists (the datasets' licenses and the project's rules keep their
gold words out of the lexicon).

    .venv/bin/python benchmarks/loaded_language.py
"""

from __future__ import annotations

import argparse
import ast
import csv
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_scoring import loaded_variants

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BABE_FILE = Path("babe") / "babe_sg2_dev.csv"
SEMEVAL_DIR = Path("semeval2023_en")
SPANS_DIR = "train-labels-subtask-3-spans"
ARTICLES_DIR = "train-articles-subtask-3"
PARAGRAPH_LABELS = "train-labels-subtask-3.txt"
RANDOM_STATE = 0
PUBLISHED_BABE_MACRO_F1 = 0.804

LOADED = "Loaded_Language"
NAME_CALLING = "Name_Calling-Labeling"
TECHNIQUE_SETS: dict[str, tuple[str, ...]] = {
    LOADED: (LOADED,),
    NAME_CALLING: (NAME_CALLING,),
    "both": (LOADED, NAME_CALLING),
}

VOICES = ("narration", "headline", "quote", "reported")
VOICE_GROUPS = ("own", "quoted", "reported")
OWN_VOICES = frozenset({"narration", "headline"})

# lexicon rules for BABE sentences, loosest first within each measure
RULES: tuple[tuple[str, int], ...] = (
    *(("findings", k) for k in range(1, 7)),
    *(("weight", w) for w in range(1, 11)),
    *(("own findings", k) for k in range(1, 5)),
    *(("own weight", w) for w in range(1, 9)),
)
#: rules on the model's highest probability in a sentence (in percent), for lexicon + model
SCORE_RULES: tuple[tuple[str, int], ...] = tuple(("learned score %", p) for p in range(5, 65, 5))
#: the names of the three loaded-language methods, as loaded_variants gives them
FULL, LEXICON, MODEL = (
    "framing: lexicon + model (opt-in)",
    "framing: lexicon alone (default)",
    "framing: model alone",
)
TOP_WORDS = 200
ADJECTIVE_SUFFIXES = ("ous", "ful", "less", "ive", "able", "ible", "ic", "ical", "ish", "al")

WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
CAPS_RE = re.compile(r"\b[A-Z]{4,}\b")
NUMERIC_CELL = re.compile(r"^[\d.,%±+\- ]*$")
Span = tuple[int, int]


# -- shared helpers ----------------------------------------------------------------------


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of every word of ``text``, the word lowercased, with ’ as '.

    A word is a run of letters or digits, inner hyphens and apostrophes included
    ("anti-Americanism", "isn't")."""
    return [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in WORD_RE.finditer(text)]


def word_tokens(text: str) -> list[str]:
    """The words of ``text``, lowercased (see ``word_spans``)."""
    return [w for _, _, w in word_spans(text)]


def spans_overlap(a: Span, b: Span) -> bool:
    """Whether half-open character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class PRF:
    """Counts behind precision, recall and F1.

    ``found`` gold items found, ``correct`` predictions that are right (equal to ``found``
    under a one-to-one matching), ``gold`` and ``pred`` the totals."""

    found: int = 0
    correct: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.found + other.found,
            self.correct + other.correct,
            self.gold + other.gold,
            self.pred + other.pred,
        )


def sum_prf(items: Iterable[PRF]) -> PRF:
    """Pool counts (micro average)."""
    total = PRF()
    for x in items:
        total = total + x
    return total


def set_prf(gold: Iterable[Any], pred: Iterable[Any]) -> PRF:
    """PRF of two sets of items (an item is found and correct when it is in both)."""
    g, p = set(gold), set(pred)
    tp = len(g & p)
    return PRF(tp, tp, len(g), len(p))


def bool_prf(gold: Sequence[bool] | np.ndarray, pred: Sequence[bool] | np.ndarray) -> PRF:
    """PRF of the positive class of two boolean vectors."""
    g, p = np.asarray(gold, dtype=bool), np.asarray(pred, dtype=bool)
    tp = int((g & p).sum())
    return PRF(tp, tp, int(g.sum()), int(p.sum()))


def binary_macro_f1(gold: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """Macro-F1 over the two classes (mean of the F1 of True and of False).

    ``pred`` may have leading axes (candidates); the last axis is the rows. A class with
    neither gold nor predicted rows scores 0 (scikit-learn's ``zero_division=0``)."""
    g = np.asarray(gold, dtype=bool)
    p = np.asarray(pred, dtype=bool)

    def f1(gc: np.ndarray, pc: np.ndarray) -> np.ndarray:
        tp = (gc & pc).sum(-1)
        den = (gc.sum(-1) + pc.sum(-1)).astype(float)
        return np.divide(2.0 * tp, den, out=np.zeros_like(den), where=den > 0)

    return (f1(g, p) + f1(~g, ~p)) / 2


def accuracy(gold: np.ndarray, pred: np.ndarray) -> float:
    return float((np.asarray(gold, dtype=bool) == np.asarray(pred, dtype=bool)).mean())


def fmt(x: float) -> str:
    return f"{x:.3f}"


def mean_sd(xs: Sequence[float]) -> str:
    return f"{np.mean(xs):.3f} ± {np.std(xs):.3f}"


def _left_aligned(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[bool]:
    """Left-align the first column and every column holding text; numbers go right."""
    return [i == 0 or any(not NUMERIC_CELL.match(r[i]) for r in rows) for i in range(len(header))]


def plain_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table: text columns left-aligned, numeric columns right-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    left = _left_aligned(header, rows)
    lines = []
    for k, r in enumerate([header, *rows]):
        cells = [c.ljust(w) if lft else c.rjust(w) for c, w, lft in zip(r, widths, left, strict=True)]
        lines.append("  ".join(cells).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table: text columns left-aligned, numeric columns right-aligned."""
    align = ["---" if lft else "---:" for lft in _left_aligned(header, rows)]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
    return "\n".join(lines)


def emit(title: str, header: Sequence[str], rows: Sequence[Sequence[str]], note: str = "") -> None:
    """Print a table as plain text, then as Markdown."""
    print(f"\n{title}\n")
    print(plain_table(header, rows))
    print("\nMarkdown:\n")
    print(f"**{title}**\n")
    print(markdown_table(header, rows))
    if note:
        print(f"\n{note}")


def loaded_findings(analysis: Any) -> list[Any]:
    return [f for f in analysis.findings if f.analyzer == "loaded"]


def loaded_categories(pipeline: Any) -> list[str]:
    """The loaded-language categories of the pipeline's lexicons, in lexicon order."""
    cats: list[str] = []
    for analyzer in pipeline.analyzers:
        if analyzer.name != "loaded":
            continue
        for lex in analyzer.lexicons:
            cats += [c for c in lex.categories if c not in cats]
    return cats


def voice_group(voice: str) -> str:
    """own (narration, headline), quoted (quote) or reported, as framing groups voices."""
    if voice in OWN_VOICES:
        return "own"
    return "quoted" if voice == "quote" else "reported"


def top_counts(counter: Counter[str], n: int) -> list[tuple[str, int]]:
    """The ``n`` most common items, ties alphabetical."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


# -- A. BABE: reading --------------------------------------------------------------------


@dataclass(frozen=True)
class BabeSentence:
    text: str
    biased: bool
    biased_words: tuple[str, ...]  # as annotated
    outlet: str = ""
    lean: str = ""


def parse_biased_words(value: str | None) -> list[str]:
    """The ``biased_words`` cell -> the annotated items, as written.

    The cell is a Python list literal ("['illegal', 'radical']", "[]"); an empty cell gives
    []. A cell that is not a literal list is split on commas with brackets and quotes
    stripped. Items may hold stray quotes or several words ('"gender'); ``word_tokens``
    normalises them when scoring."""
    value = (value or "").strip()
    if not value:
        return []
    try:
        parsed = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        parsed = None
    if isinstance(parsed, (list, tuple)):
        return [str(x).strip() for x in parsed if str(x).strip()]
    if isinstance(parsed, str):
        return [parsed.strip()] if parsed.strip() else []
    inner = value.strip("[]")
    return [p.strip().strip("'\"").strip() for p in inner.split(",") if p.strip().strip("'\"").strip()]


def gold_words(sentence: BabeSentence) -> tuple[set[str], int]:
    """The annotated words that occur in the sentence (lowercased), and how many annotated
    words do not occur in it (annotators' typos, stray fragments)."""
    present = set(word_tokens(sentence.text))
    marked = {w for item in sentence.biased_words for w in word_tokens(item)}
    return marked & present, len(marked - present)


def load_babe(path: Path, limit: int | None = None) -> tuple[list[BabeSentence], Counter[str]]:
    """Sentences labelled Biased or Non-biased from the ``;``-separated BABE file, in file
    order (``limit``: the first N), and the counts of every ``label_bias`` value read."""
    labels: Counter[str] = Counter()
    out: list[BabeSentence] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            label = (row.get("label_bias") or "").strip()
            labels[label] += 1
            if label not in ("Biased", "Non-biased"):
                continue
            out.append(
                BabeSentence(
                    text=row["text"],
                    biased=label == "Biased",
                    biased_words=tuple(parse_biased_words(row.get("biased_words"))),
                    outlet=row.get("outlet") or "",
                    lean=row.get("type") or "",
                )
            )
            if limit is not None and len(out) >= limit:
                break
    return out, labels


# -- A. BABE: framing's view of a sentence -----------------------------------------------


@dataclass
class SentenceView:
    findings: list[Any]
    metrics: dict[str, Any]
    compound: float
    learned: float = 0.0
    """The model's highest probability that a word of the sentence is loaded."""

    def count(self, own: bool = False) -> int:
        return sum(1 for f in self.findings if not own or f.voice in OWN_VOICES)

    def weight(self, own: bool = False) -> int:
        return sum(f.weight for f in self.findings if not own or f.voice in OWN_VOICES)


def sentence_measures(views: Sequence[SentenceView]) -> dict[str, np.ndarray]:
    """The measures the rules threshold: findings and weight, all voices and own, and the
    model's highest probability in percent."""
    return {
        "findings": np.array([v.count() for v in views], dtype=float),
        "weight": np.array([v.weight() for v in views], dtype=float),
        "own findings": np.array([v.count(True) for v in views], dtype=float),
        "own weight": np.array([v.weight(True) for v in views], dtype=float),
        "learned score %": np.array([100 * v.learned for v in views], dtype=float),
    }


def sentence_views(pipeline: Any, texts: Sequence[str], vader: Any) -> dict[str, list[SentenceView]]:
    """framing's view of each text by each loaded-language method (``loaded_variants``):
    each text is segmented once and read by the three analysers."""
    from framing.analyzers.loaded import sentence_tokens

    variants = loaded_variants(pipeline)
    model = variants[FULL].model
    views: dict[str, list[SentenceView]] = {name: [] for name in variants}
    for text in texts:
        doc = pipeline.segment(text)
        compound = vader.compound(text)
        learned = 0.0
        if model is not None:
            learned = max(
                (max(model.scores(w, v), default=0.0) for _, _, w, v in sentence_tokens(doc)), default=0.0
            )
        for name, analyzer in variants.items():
            out = analyzer.analyze(doc)
            views[name].append(SentenceView(list(out.findings), out.metrics.to_dict(), compound, learned))
    return views


def rule_name(rule: tuple[str, int]) -> str:
    return f"{rule[0]}>={rule[1]}"


def rule_candidates(measures: dict[str, np.ndarray], rules: Sequence[tuple[str, int]] = RULES) -> np.ndarray:
    """Predictions of every rule: bool array (rules, sentences)."""
    return np.stack([measures[m] >= t for m, t in rules])


def select_rule(candidates: np.ndarray, gold: np.ndarray, rows: Any) -> int:
    """Index of the candidate with the best macro-F1 on ``rows`` (the training folds only);
    ties go to the first (loosest)."""
    return int(np.argmax(binary_macro_f1(gold[rows], candidates[:, rows])))


def framing_features(views: Sequence[SentenceView], categories: Sequence[str]) -> np.ndarray:
    """framing's features of each sentence, shape (n, features): findings per category and
    voice group, per voice, in total; total, maximum and per-group weight; words per voice
    group (log1p of every count); and VADER's compound score."""
    rows = []
    for v in views:
        by_cat = v.metrics.get("by_category", {})
        row = [math.log1p(by_cat.get(c, {}).get(g, 0)) for c in categories for g in VOICE_GROUPS]
        row += [math.log1p(v.metrics.get("by_voice", {}).get(voice, 0)) for voice in VOICES]
        row += [math.log1p(v.count()), math.log1p(v.weight())]
        row.append(float(max((f.weight for f in v.findings), default=0)))
        row += [
            math.log1p(sum(f.weight for f in v.findings if voice_group(f.voice) == g)) for g in VOICE_GROUPS
        ]
        row += [math.log1p(v.metrics.get(f"{g}_words", 0)) for g in VOICE_GROUPS]
        row.append(v.compound)
        rows.append(row)
    return np.array(rows, dtype=float).reshape(len(views), -1)


def fit_predict_sentences(
    kind: str,
    texts: Sequence[str],
    features: np.ndarray,
    gold: np.ndarray,
    train: np.ndarray,
    test: np.ndarray,
) -> np.ndarray:
    """Biased predictions on ``test`` of logistic regression of ``kind`` (``framing``,
    ``framing+tfidf`` or ``tfidf``) fitted on ``train``; every transform is fitted on
    ``train`` only. Threshold 0.5 (the classes are balanced)."""
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    blocks_train: list[Any] = []
    blocks_test: list[Any] = []
    if "framing" in kind:
        scaler = StandardScaler().fit(features[train])
        scale = 1.0 if kind == "framing" else 1.0 / math.sqrt(features.shape[1])
        blocks_train.append(sparse.csr_matrix(scaler.transform(features[train]) * scale))
        blocks_test.append(sparse.csr_matrix(scaler.transform(features[test]) * scale))
    if "tfidf" in kind:
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        blocks_train.append(vec.fit_transform([texts[i] for i in train]))
        blocks_test.append(vec.transform([texts[i] for i in test]))
    model = LogisticRegression(C=1.0, max_iter=5000, solver="liblinear", random_state=RANDOM_STATE)
    model.fit(sparse.hstack(blocks_train).tocsr(), gold[train])
    return model.predict(sparse.hstack(blocks_test).tocsr()).astype(bool)


@dataclass
class SentenceRun:
    name: str
    pred: np.ndarray
    fold_macro: list[float]
    fold_acc: list[float]
    choices: list[str]


FoldPredictor = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, str]]


def run_sentence_method(
    name: str, gold: np.ndarray, splits: Sequence[tuple[np.ndarray, np.ndarray]], predict: FoldPredictor
) -> SentenceRun:
    """Out-of-fold predictions of ``predict(train, test)`` and its scores on each test fold."""
    run = SentenceRun(name, np.zeros_like(gold), [], [], [])
    for train, test in splits:
        pred, choice = predict(train, test)
        run.pred[test] = pred
        run.fold_macro.append(float(binary_macro_f1(gold[test], pred)))
        run.fold_acc.append(accuracy(gold[test], pred))
        run.choices.append(choice)
    return run


def top_annotated_words(gold_sets: Sequence[set[str]], rows: Iterable[int], n: int = TOP_WORDS) -> set[str]:
    """The ``n`` words marked in the most sentences among ``rows`` (ties alphabetical)."""
    counts: Counter[str] = Counter()
    for i in rows:
        counts.update(gold_sets[i])
    return {w for w, _ in top_counts(counts, n)}


def adjective_like(word: str) -> bool:
    """A word of at least 5 letters ending in an adjective suffix (a crude stand-in for a
    part-of-speech tagger)."""
    return len(word) >= 5 and word.isalpha() and word.endswith(ADJECTIVE_SUFFIXES)


def covered_words(text: str, spans: Iterable[Span]) -> set[str]:
    """The lowercased words of ``text`` that overlap any of ``spans``."""
    spans = list(spans)
    return {w for s, e, w in word_spans(text) if any(spans_overlap((s, e), sp) for sp in spans)}


def run_babe(path: Path, pipeline: Any, folds: int, limit: int | None, top: int) -> None:
    """Score framing's lexicon on BABE at sentence and word level and print the tables."""
    from sklearn.model_selection import StratifiedKFold

    from framing.vader import default_vader

    t0 = time.perf_counter()
    sentences, label_counts = load_babe(path, limit)
    n = len(sentences)
    print(f"\n=== A. BABE ({path}) ===")
    print(
        "label_bias values read: "
        + ", ".join(f"{k or '(empty)'} {v}" for k, v in sorted(label_counts.items()))
        + f". Scored: {n} sentences labelled Biased or Non-biased; the others (No agreement) are left out."
    )
    gold = np.array([s.biased for s in sentences], dtype=bool)
    if n < 2 * folds or gold.all() or not gold.any():
        print(f"Too few sentences (or a single class) for {folds} folds; skipping BABE.")
        return

    vader = default_vader()
    t_an = time.perf_counter()
    texts = [s.text for s in sentences]
    by_method = sentence_views(pipeline, texts, vader)
    views = by_method[FULL]
    t_an = time.perf_counter() - t_an
    print(
        f"{int(gold.sum())} Biased, {n - int(gold.sum())} Non-biased; framing (three loaded-language "
        f"methods) + VADER: {t_an:.1f} s ({1000 * t_an / n:.2f} ms per sentence); "
        + "; ".join(
            f"{name}: {sum(v.count() for v in vs)} loaded findings in {sum(v.count() > 0 for v in vs)} sentences"
            for name, vs in by_method.items()
        )
        + "."
    )

    splits = list(
        StratifiedKFold(n_splits=folds, shuffle=True, random_state=RANDOM_STATE).split(np.zeros(n), gold)
    )
    categories = loaded_categories(pipeline)
    features = framing_features(views, categories)
    lexicon_features = framing_features(by_method[LEXICON], categories)
    cands = {name: rule_candidates(sentence_measures(vs)) for name, vs in by_method.items()}
    full_rules = RULES + SCORE_RULES if MODEL in by_method else RULES
    full_cands = rule_candidates(sentence_measures(views), full_rules)

    def fixed(pred_all: np.ndarray, label: str) -> FoldPredictor:
        return lambda train, test: (pred_all[test], label)

    def chosen_rule(candidates: np.ndarray, rules: Sequence[tuple[str, int]]) -> FoldPredictor:
        def predict(train: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, str]:
            c = select_rule(candidates, gold, train)
            return candidates[c, test], rule_name(rules[c])

        return predict

    def model(kind: str, feats: np.ndarray) -> FoldPredictor:
        return lambda train, test: (fit_predict_sentences(kind, texts, feats, gold, train, test), "")

    def majority(train: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, str]:
        label = bool(gold[train].mean() > 0.5)  # a tie goes to Non-biased
        return np.full(len(test), label), "Biased" if label else "Non-biased"

    t_cv = time.perf_counter()
    runs = [
        run_sentence_method(
            "lexicon: >=1 finding (no training)", gold, splits, fixed(cands[LEXICON][0], "findings>=1")
        ),
        run_sentence_method("lexicon: rule chosen by CV", gold, splits, chosen_rule(cands[LEXICON], RULES)),
    ]
    if MODEL in by_method:
        runs += [
            run_sentence_method(
                "model: >=1 finding (no training)", gold, splits, fixed(cands[MODEL][0], "findings>=1")
            ),
            run_sentence_method(
                "lexicon + model: >=1 finding (no training)",
                gold,
                splits,
                fixed(cands[FULL][0], "findings>=1"),
            ),
            run_sentence_method(
                "lexicon + model: rule chosen by CV", gold, splits, chosen_rule(full_cands, full_rules)
            ),
        ]
    runs += [
        run_sentence_method(
            f"LR framing features, lexicon ({lexicon_features.shape[1]})",
            gold,
            splits,
            model("framing", lexicon_features),
        ),
    ]
    if MODEL in by_method:
        runs.append(
            run_sentence_method(
                f"LR framing features, lexicon + model ({features.shape[1]})",
                gold,
                splits,
                model("framing", features),
            )
        )
    runs += [
        run_sentence_method("LR framing features + TF-IDF", gold, splits, model("framing+tfidf", features)),
        run_sentence_method("TF-IDF LR", gold, splits, model("tfidf", features)),
        run_sentence_method("majority class", gold, splits, majority),
    ]
    chosen = {r.name: r.choices for r in runs if "rule chosen" in r.name}
    t_cv = time.perf_counter() - t_cv
    header = ("method", "macro-F1", "accuracy", "pooled macro-F1", "pooled acc.", "Biased predicted")
    rows = [
        (
            r.name,
            mean_sd(r.fold_macro),
            mean_sd(r.fold_acc),
            fmt(float(binary_macro_f1(gold, r.pred))),
            fmt(accuracy(gold, r.pred)),
            f"{r.pred.mean():.1%}",
        )
        for r in runs
    ]
    rows.append(
        (
            "published best: fine-tuned transformer (Spinde et al. 2021)",
            fmt(PUBLISHED_BABE_MACRO_F1),
            "",
            "",
            "",
            "",
        )
    )
    emit(
        f"BABE sentence level: {n} sentences, {folds}-fold stratified CV (mean ± sd over test folds)",
        header,
        rows,
        note=(
            "Rules chosen on the training folds, per fold: "
            + "; ".join(f"{name}: {', '.join(c)}" for name, c in chosen.items())
            + ". 'No training' methods use nothing of BABE; the model was trained on the framing news "
            "corpus only. LR methods are trained on BABE's training folds in this run and never shipped. "
            f"Published best: {PUBLISHED_BABE_MACRO_F1} macro-F1, 5-fold CV on all of SG2 "
            "(3,700 sentences; this file is half of it), so for scale only."
        ),
    )

    # word level
    golds: list[set[str]] = []
    missing = 0
    for s in sentences:
        g, m = gold_words(s)
        golds.append(g)
        missing += m
    method_rows: list[tuple[str, PRF]] = []
    for name, vs in by_method.items():
        for voice_name, own in (("all voices", False), ("own voice", True)):
            flagged = [
                covered_words(
                    s.text, [(f.start, f.end) for f in v.findings if not own or f.voice in OWN_VOICES]
                )
                for s, v in zip(sentences, vs, strict=True)
            ]
            method_rows.append(
                (
                    f"{name} ({voice_name})",
                    sum_prf(set_prf(g, p) for g, p in zip(golds, flagged, strict=True)),
                )
            )
    framing_words = [
        covered_words(s.text, [(f.start, f.end) for f in v.findings])
        for s, v in zip(sentences, by_method[LEXICON], strict=True)
    ]
    top_prf = PRF()
    for train, test in splits:
        vocab = top_annotated_words(golds, train)
        top_prf = top_prf + sum_prf(set_prf(golds[i], set(word_tokens(texts[i])) & vocab) for i in test)
    adj_prf = sum_prf(
        set_prf(g, {w for w in word_tokens(t) if adjective_like(w)})
        for g, t in zip(golds, texts, strict=True)
    )
    word_rows = [
        (name, str(p.gold), str(p.pred), str(p.found), fmt(p.precision), fmt(p.recall), fmt(p.f1))
        for name, p in (
            *method_rows,
            (f"top-{TOP_WORDS} annotated words ({folds}-fold CV)", top_prf),
            ("adjective-like suffix (no training)", adj_prf),
        )
    ]
    emit(
        f"BABE word level: {n} sentences, distinct lowercased words per sentence, pooled",
        ("method", "gold words", "flagged", "correct", "precision", "recall", "F1"),
        word_rows,
        note=(
            f"Gold: {sum(map(len, golds))} annotated words found in their sentence "
            f"({sum(bool(g) for g in golds)} sentences with any); {missing} annotated words not "
            "found in their sentence are left out."
        ),
    )

    # error analysis: lexicon terms whose findings cover no annotated word; annotated words missed
    fp_terms: Counter[str] = Counter()
    fp_nonbiased: Counter[str] = Counter()
    for s, v, g in zip(sentences, by_method[LEXICON], golds, strict=True):
        for f in v.findings:
            if not covered_words(s.text, [(f.start, f.end)]) & g:
                term = f.term or f.text.lower()
                fp_terms[term] += 1
                if not s.biased:
                    fp_nonbiased[term] += 1
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    fn_words: Counter[str] = Counter()
    fn_stop = 0
    for g, p in zip(golds, framing_words, strict=True):
        fn_words.update(w for w in g - p if w not in ENGLISH_STOP_WORDS)
        fn_stop += sum(1 for w in g - p if w in ENGLISH_STOP_WORDS)
    print(f"\nBABE, framing's most common false positives (findings covering no annotated word), top {top}:")
    fp_rows = [(t, str(c), str(fp_nonbiased[t])) for t, c in top_counts(fp_terms, top)]
    print(plain_table(("lexicon term", "false positives", "in Non-biased sentences"), fp_rows))
    print(f"\nBABE, framing's most common false negatives (annotated words not flagged), top {top}:")
    fn_rows = []
    lexicon_alone = loaded_variants(pipeline)[LEXICON]
    for w, c in top_counts(fn_words, top):
        alone = "yes" if lexicon_alone.analyze(pipeline.segment(w)).findings else "no"
        fn_rows.append((w, str(c), alone))
    print(plain_table(("annotated word", "missed", "flagged on its own"), fn_rows))
    print(
        "('flagged on its own': framing flags the word analysed alone, so it is in the lexicon "
        "and was missed in context; 'no': not in the lexicon in this form. "
        f"{fn_stop} missed function words (scikit-learn's English stop words), parts of marked "
        "phrases, are left out of this list.)"
    )
    print(f"\nBABE elapsed: {time.perf_counter() - t0:.1f} s (cross-validated models {t_cv:.1f} s)")


# -- B. SemEval-2023 Task 3 subtask 3: reading -------------------------------------------

SPANS_FILE_RE = re.compile(r"^article(?P<id>.+?)-labels-subtask-3\.txt$")


@dataclass(frozen=True)
class SemevalArticle:
    id: str
    text: str
    spans: tuple[tuple[str, int, int], ...]  # (technique, start, end)

    def spans_of(self, techniques: Iterable[str]) -> list[Span]:
        """The distinct spans of any of ``techniques``, sorted."""
        wanted = set(techniques)
        return sorted({(s, e) for t, s, e in self.spans if t in wanted})


def parse_span_lines(text: str) -> list[tuple[str, str, int, int]]:
    """``article_id<TAB>technique<TAB>start<TAB>end`` lines -> tuples; blank lines skipped."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.rstrip("\r\n").split("\t")
        if len(parts) != 4:
            raise ValueError(f"line {n}: expected 4 tab-separated fields, got {len(parts)}: {line!r}")
        art_id, technique, start, end = (p.strip() for p in parts)
        out.append((art_id, technique, int(start), int(end)))
    return out


def _id_key(art_id: str) -> tuple[int, int | str]:
    return (0, int(art_id)) if art_id.isdigit() else (1, art_id)


def load_semeval_spans(root: Path, limit: int | None = None) -> tuple[list[SemevalArticle], Counter[str]]:
    """Articles of subtask 3 with their technique spans, sorted by id (``limit``: the first
    N), and counts of what was read and skipped.

    Every ``<root>/train-labels-subtask-3-spans/article<ID>-labels-subtask-3.txt`` whose
    ``<root>/train-articles-subtask-3/article<ID>.txt`` exists is read; an empty spans
    file is an article with no technique. Spans outside the text, empty spans and lines of
    another article id are counted and dropped."""
    stats: Counter[str] = Counter()
    files = {}
    for path in (root / SPANS_DIR).glob("*.txt"):
        m = SPANS_FILE_RE.match(path.name)
        if m:
            files[m.group("id")] = path
        else:
            stats["unrecognised files"] += 1
    out: list[SemevalArticle] = []
    for art_id in sorted(files, key=_id_key):
        text_path = root / ARTICLES_DIR / f"article{art_id}.txt"
        if not text_path.is_file():
            stats["no text"] += 1
            continue
        text = text_path.read_text(encoding="utf-8")
        spans = []
        for line_id, technique, start, end in parse_span_lines(files[art_id].read_text(encoding="utf-8")):
            if line_id != art_id:
                stats["lines of another id"] += 1
            elif not 0 <= start < end <= len(text):
                stats["bad offsets"] += 1
            else:
                spans.append((technique, start, end))
        out.append(SemevalArticle(art_id, text, tuple(spans)))
        if limit is not None and len(out) >= limit:
            break
    stats["articles"] = len(out)
    return out, stats


def split_paragraphs(text: str) -> list[Span]:
    """The paragraphs of an article: each non-blank line, as a ``(start, end)`` span
    without its line break (a ``\\r`` before the ``\\n`` is left out too)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stop = end - 1 if line.endswith("\r") else end
        if line.strip():
            out.append((pos, stop))
        pos = end + 1
    return out


def paragraph_line_numbers(text: str) -> list[int]:
    """The 1-based line number of each paragraph of ``split_paragraphs`` (as in
    ``train-labels-subtask-3.txt``)."""
    return [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]


def parse_paragraph_labels(text: str) -> dict[tuple[str, int], set[str]]:
    """``train-labels-subtask-3.txt`` (``article_id<TAB>line<TAB>Technique,...``) ->
    {(article id, line number): techniques}."""
    out: dict[tuple[str, int], set[str]] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        art_id, _, rest = line.partition("\t")
        number, _, techniques = rest.partition("\t")
        out[(art_id.strip(), int(number))] = {t.strip() for t in techniques.split(",") if t.strip()}
    return out


# -- B. scoring ----------------------------------------------------------------------------


def match_overlaps(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold and predicted spans that overlap:
    ``(gold index, pred index)`` pairs, sorted (augmenting paths, Kuhn's algorithm)."""
    adj = [[j for j, p in enumerate(pred) if spans_overlap(g, p)] for g in gold]
    owner = [-1] * len(pred)  # pred index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if owner[j] < 0 or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in enumerate(owner) if i >= 0)


def overlap_prf(gold: Sequence[Span], pred: Sequence[Span]) -> PRF:
    """Span-level counts by overlap, each span matched at most once: a gold span is found,
    and a predicted span correct, when the two are matched (``match_overlaps``)."""
    matched = len(match_overlaps(gold, pred))
    return PRF(matched, matched, len(gold), len(pred))


def any_overlap_count(pred: Sequence[Span], gold: Sequence[Span]) -> int:
    """How many predicted spans overlap at least one gold span (no one-to-one limit)."""
    return sum(1 for p in pred if any(spans_overlap(p, g) for g in gold))


def paragraph_flags(paragraphs: Sequence[Span], spans: Sequence[Span]) -> list[bool]:
    """For each paragraph, whether any of ``spans`` overlaps it."""
    return [any(spans_overlap(p, s) for s in spans) for p in paragraphs]


def heuristic_paragraph(text: str) -> bool:
    """Baseline: an exclamation mark, or a word of at least 4 capital letters."""
    return "!" in text or CAPS_RE.search(text) is not None


def tfidf_paragraph_cv(
    texts: Sequence[str], gold: np.ndarray, groups: Sequence[str], folds: int
) -> np.ndarray:
    """Out-of-fold predictions of TF-IDF (word 1-2 grams) logistic regression, class weights
    balanced, threshold 0.5; ``GroupKFold`` keeps each article's paragraphs together."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    pred = np.zeros(len(texts), dtype=bool)
    for train, test in GroupKFold(n_splits=folds).split(np.zeros(len(texts)), gold, groups):
        if gold[train].all() or not gold[train].any():
            pred[test] = bool(gold[train].all())
            continue
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        x_train = vec.fit_transform([texts[i] for i in train])
        model = LogisticRegression(
            C=1.0, max_iter=5000, solver="liblinear", class_weight="balanced", random_state=RANDOM_STATE
        )
        model.fit(x_train, gold[train])
        pred[test] = model.predict(vec.transform([texts[i] for i in test])).astype(bool)
    return pred


def normalise_span_text(text: str, limit: int = 50) -> str:
    s = " ".join(text.lower().split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def run_semeval(root: Path, pipeline: Any, folds: int, limit: int | None, top: int) -> None:
    """Score framing's lexicon on SemEval-2023 Task 3 subtask 3 spans and paragraphs."""
    t0 = time.perf_counter()
    articles, stats = load_semeval_spans(root, limit)
    print(f"\n=== B. SemEval-2023 Task 3 subtask 3, English ({root}) ===")
    print("read: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())))
    if len(articles) < folds:
        print(f"Only {len(articles)} articles: too few for {folds} folds; skipping SemEval.")
        return

    t_an = time.perf_counter()
    variants = loaded_variants(pipeline)
    by_method: dict[str, list[list[Any]]] = {name: [] for name in variants}
    for a in articles:
        doc = pipeline.segment(a.text)
        for name, analyzer in variants.items():
            by_method[name].append(list(analyzer.analyze(doc).findings))
    t_an = time.perf_counter() - t_an
    findings = by_method[LEXICON]
    preds = {
        name: (
            [[(f.start, f.end) for f in fs] for fs in found],
            [[(f.start, f.end) for f in fs if f.voice in OWN_VOICES] for fs in found],
        )
        for name, found in by_method.items()
    }
    paragraphs = [split_paragraphs(a.text) for a in articles]
    n_par = sum(map(len, paragraphs))
    print(
        f"{len(articles)} articles, {n_par} paragraphs (non-blank lines); "
        + "; ".join(
            f"{name}: {sum(map(len, all_p))} findings ({sum(map(len, own_p))} in the own voice)"
            for name, (all_p, own_p) in preds.items()
        )
        + f"; framing: {t_an:.1f} s ({1000 * t_an / len(articles):.1f} ms per article, three methods)"
    )
    tech_counts = Counter(t for a in articles for t, _, _ in a.spans)
    print(
        "gold spans: "
        + ", ".join(
            f"{name} {sum(len(a.spans_of(ts)) for a in articles)}" for name, ts in TECHNIQUE_SETS.items()
        )
        + f" (distinct spans; all techniques {sum(tech_counts.values())})"
    )

    # span level
    span_rows = []
    for name, techs in TECHNIQUE_SETS.items():
        golds = [a.spans_of(techs) for a in articles]
        for method, (all_p, own_p) in preds.items():
            for voice_name, pred in (("all voices", all_p), ("own voice", own_p)):
                p = sum_prf(overlap_prf(g, pr) for g, pr in zip(golds, pred, strict=True))
                lenient = sum(any_overlap_count(pr, g) for g, pr in zip(golds, pred, strict=True))
                span_rows.append(
                    (
                        name,
                        f"{method}, {voice_name}",
                        str(p.gold),
                        str(p.pred),
                        str(p.found),
                        fmt(p.precision),
                        fmt(p.recall),
                        fmt(p.f1),
                        fmt(lenient / p.pred if p.pred else 0.0),
                    )
                )
    emit(
        f"SemEval-2023 subtask 3 span level: {len(articles)} articles, overlap, one-to-one",
        ("technique", "framing", "gold spans", "findings", "matched", "P", "R", "F1", "P any"),
        span_rows,
        note="P any: share of findings overlapping some gold span (no one-to-one limit).",
    )

    # paragraph level
    par_texts = [a.text[s:e] for a, ps in zip(articles, paragraphs, strict=True) for s, e in ps]
    groups = [a.id for a, ps in zip(articles, paragraphs, strict=True) for _ in ps]
    flags = {
        (method, voice_name): [
            x for ps, pr in zip(paragraphs, pred, strict=True) for x in paragraph_flags(ps, pr)
        ]
        for method, (all_p, own_p) in preds.items()
        for voice_name, pred in (("all voices", all_p), ("own voice", own_p))
    }
    heuristic = [heuristic_paragraph(t) for t in par_texts]
    label_file = root / PARAGRAPH_LABELS
    official = parse_paragraph_labels(label_file.read_text(encoding="utf-8")) if label_file.is_file() else {}
    keys = [(a.id, n) for a in articles for n in paragraph_line_numbers(a.text)]
    par_rows = []
    t_tfidf = time.perf_counter()
    for name, techs in TECHNIQUE_SETS.items():
        gold = np.array(
            [
                x
                for a, ps in zip(articles, paragraphs, strict=True)
                for x in paragraph_flags(ps, a.spans_of(techs))
            ],
            dtype=bool,
        )
        if official:
            agree = sum(
                bool(official.get(k, set()) & set(techs)) == bool(g) for k, g in zip(keys, gold, strict=True)
            )
            listed = sum(k in official for k in keys)
            print(
                f"{name}: paragraph gold from spans agrees with {PARAGRAPH_LABELS} on {agree}/{len(keys)} "
                f"paragraphs ({listed} of them listed there)"
            )
        methods: list[tuple[str, Sequence[bool] | np.ndarray]] = [
            *((f"{method} >=1 finding ({voice_name})", f) for (method, voice_name), f in flags.items()),
            ("every paragraph positive", np.ones(len(gold), dtype=bool)),
            ("'!' or a 4+ capitals word", heuristic),
            (f"TF-IDF LR ({folds}-fold GroupKFold)", tfidf_paragraph_cv(par_texts, gold, groups, folds)),
        ]
        for method, pred in methods:
            p = bool_prf(gold, pred)
            par_rows.append(
                (
                    name,
                    method,
                    str(p.gold),
                    str(p.pred),
                    str(p.found),
                    fmt(p.precision),
                    fmt(p.recall),
                    fmt(p.f1),
                )
            )
    t_tfidf = time.perf_counter() - t_tfidf
    emit(
        f"SemEval-2023 subtask 3 paragraph level: {len(articles)} articles, {n_par} paragraphs",
        ("technique", "method", "positive", "predicted", "correct", "P", "R", "F1"),
        par_rows,
    )

    # error analysis against Loaded_Language and Name_Calling together
    both = TECHNIQUE_SETS["both"]
    fp_terms: Counter[str] = Counter()
    fn_spans: Counter[str] = Counter()
    fn_words: Counter[str] = Counter()
    for a, fs in zip(articles, findings, strict=True):
        gold_spans = a.spans_of(both)
        for f in fs:
            if not any(spans_overlap((f.start, f.end), g) for g in gold_spans):
                fp_terms[f.term or f.text.lower()] += 1
        for g in gold_spans:
            if not any(spans_overlap((f.start, f.end), g) for f in fs):
                fn_spans[normalise_span_text(a.text[g[0] : g[1]])] += 1
                if len(word_tokens(a.text[g[0] : g[1]])) == 1:
                    fn_words[word_tokens(a.text[g[0] : g[1]])[0]] += 1
    print(
        f"\nSemEval, framing's most common false positives (findings overlapping no {' / '.join(both)} span), top {top}:"
    )
    print(
        plain_table(("lexicon term", "false positives"), [(t, str(c)) for t, c in top_counts(fp_terms, top)])
    )
    print(
        f"\nSemEval, most common gold spans (Loaded_Language / Name_Calling) no finding overlaps, top {top}:"
    )
    print(plain_table(("missed span", "times"), [(t, str(c)) for t, c in top_counts(fn_spans, top)]))
    print(
        f"({sum(fn_spans.values())} missed spans, {len(fn_spans)} distinct; "
        f"{sum(fn_words.values())} of them a single word)"
    )
    print(f"\nSemEval elapsed: {time.perf_counter() - t0:.1f} s (TF-IDF paragraph models {t_tfidf:.1f} s)")


# -- main --------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"shared data folder (default {DEFAULT_DATA})"
    )
    ap.add_argument("--folds", type=int, default=5, help="number of folds (default 5)")
    ap.add_argument("--limit", type=int, default=None, help="first N sentences / articles of each dataset")
    ap.add_argument("--top", type=int, default=15, help="false positives and negatives listed (default 15)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()

    babe_path = args.data / BABE_FILE
    semeval_root = args.data / SEMEVAL_DIR
    have_babe = babe_path.is_file()
    have_semeval = (semeval_root / SPANS_DIR).is_dir() and (semeval_root / ARTICLES_DIR).is_dir()
    if not have_babe:
        print(f"BABE not found at {babe_path}; skipping BABE.")
    if not have_semeval:
        print(
            f"SemEval-2023 Task 3 subtask 3 not found at {semeval_root} ({SPANS_DIR}/, {ARTICLES_DIR}/); skipping SemEval."
        )
    if not (have_babe or have_semeval):
        return 0

    import framing

    pipeline = framing.Pipeline(framing.Settings(analyzers=("loaded",)))
    lex = [f"{x.id} {x.version}" for a in pipeline.analyzers for x in a.lexicons]
    print(f"framing {framing.__version__}; analyzers=('loaded',); lexicons: {', '.join(lex)}")
    if have_babe:
        run_babe(babe_path, pipeline, args.folds, args.limit, args.top)
    if have_semeval:
        run_semeval(semeval_root, pipeline, args.folds, args.limit, args.top)
    print(f"\nTotal elapsed: {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
