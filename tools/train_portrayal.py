"""Train the portrayal model on the framing news corpus's train split and write the shipped model file.

    python tools/train_portrayal.py            # train with the chosen settings, write the model
    python tools/train_portrayal.py --select   # first compare settings by 5-fold
                                               # cross-validation on the train split

Only the train split is read (``corpus/`` with the texts from
``../shared/data/article_bias``): the dev split is for choosing how the model and the
rules are combined (``benchmarks/corpus.py``), the test split for reporting only.

Each example is one actor of one article and one voice: the outlet's own voice, with the
role the annotators gave there, and the quoted voices together, with the role most
quoted speakers give. The actors are those framing finds, matched to the annotators'
actors by name or alias as ``benchmarks/corpus.py`` matches them; an annotated actor
framing does not find gives no example. The features are what the actors analyser
reads (``ActorsAnalyzer.tellings`` and ``Tellings.features``), so the model is trained on
exactly what it will see. The output is deterministic: the same corpus and versions give
the same bytes (gzip with mtime 0, sorted JSON keys, rounded coefficients).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from corpus_scoring import Agreement, match_one_to_one, same_name  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "article_bias"
ROLES4 = ("villain", "victim", "hero", "neutral")
# chosen by --select: grouped 5-fold cross-validation on the train split, the mean of the
# two voices' macro-F1 of the rules and the model together, as the analyser combines them
PARAMS: dict[str, Any] = {"C": 0.03, "threshold": 0.3}
GRID_C = (0.03, 0.1, 0.3, 1.0, 3.0)
GRID_THRESHOLD = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)


def gold_quoted(actor: Any) -> str:
    """The role most quoted speakers give an annotated actor (neutral when none does)."""
    roles = [r for _, r in actor.role_quoted if r != "neutral"]
    return Counter(roles).most_common(1)[0][0] if roles else "neutral"


def examples(corpus: Any, split: str) -> dict[str, list[Any]]:
    """The examples of one split: ``X`` (features), ``y`` (roles), ``group`` (the article
    of each), ``voice`` (own or quoted) and ``rules`` (what the rules alone read there)."""
    import framing
    from framing.analyzers.actors import ActorsAnalyzer
    from framing.analyzers.actors.roles import quoted_role, rule_role, tally

    pipeline = framing.Pipeline(framing.Settings(analyzers=("actors",)))
    analyzer = next(a for a in pipeline.analyzers if isinstance(a, ActorsAnalyzer))
    out: dict[str, list[Any]] = {"X": [], "y": [], "group": [], "voice": [], "rules": []}
    for article in corpus.articles(split):
        annotation = corpus.annotations[article.id]
        doc = pipeline.segment(
            framing.Article(article.text, id=article.id, outlet=article.outlet, title=article.title)
        )
        tellings = analyzer.tellings(doc)
        cands = []
        for i, g in enumerate(annotation.actors):
            for j, t in enumerate(tellings):
                names = (t.actor.name, *t.actor.aliases)
                hits = sum(1 for a in (g.name, *g.aliases) for b in names if same_name(a, b))
                if hits:
                    cands.append((hits, i, j))
        for i, j in match_one_to_one(cands):
            g, t = annotation.actors[i], tellings[j]
            own_rule = rule_role(tally(t.clues[("own", None)]))[0]
            speakers = [rule_role(tally(c)) for k, c in t.clues.items() if k[0] == "quoted"]
            quoted_rule = quoted_role([_Ruled(r, c) for r, c in speakers])[0]
            for voice, role, rule in (
                (("own", None), g.role_own, own_rule),
                ("quoted", gold_quoted(g), quoted_rule),
            ):
                out["X"].append(t.features(voice))
                out["y"].append(role)
                out["group"].append(article.id)
                out["voice"].append("quoted" if voice == "quoted" else "own")
                out["rules"].append(rule)
    return out


class _Ruled:
    """A speaker's role by the rules alone, as :func:`quoted_role` reads it."""

    def __init__(self, role: str, confidence: float):
        self.role, self.confidence = role, confidence


def combined(rules: str, proba: dict[str, float], threshold: float) -> str:
    """The analyser's reading: the rules' role, else the model's above the threshold."""
    from framing.analyzers.actors.roles import decide

    return decide((rules, 1.0), proba, threshold).role


def cross_validate(
    ex: dict[str, list[Any]], C: float, thresholds: Sequence[float]
) -> dict[float, dict[str, float]]:
    """Macro-F1 by voice of the rules and model together, for each threshold, over 5
    folds grouped by article."""
    from sklearn.model_selection import GroupKFold

    from framing.models.portrayal import PortrayalClassifier

    X, y = ex["X"], ex["y"]
    proba: list[dict[str, float]] = [{} for _ in y]
    for train, held in GroupKFold(n_splits=5).split(X, y, ex["group"]):
        model = PortrayalClassifier(C=C).fit([X[i] for i in train], [y[i] for i in train])
        for i in held:
            proba[i] = model(X[i])
    out = {}
    for threshold in thresholds:
        truth: dict[str, Agreement] = {"own": Agreement(), "quoted": Agreement()}
        for i, p in enumerate(proba):
            truth[ex["voice"][i]].pairs.append((y[i], combined(ex["rules"][i], p, threshold)))
        scores = {f"{v}_macro_f1": round(ag.macro_f1(ROLES4), 4) for v, ag in truth.items()}
        scores |= {f"{v}_accuracy": round(ag.accuracy, 4) for v, ag in truth.items()}
        out[threshold] = scores
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus", help="the corpus folder")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the article_bias folder (texts)")
    parser.add_argument("--out", type=Path, default=None, help="where to write the model")
    parser.add_argument(
        "--select", action="store_true", help="compare the settings by cross-validation first"
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"article_bias not found at {args.data}; the corpus texts live there.", file=sys.stderr)
        return 1
    from framing.corpus import load_corpus
    from framing.models.portrayal import DEFAULT_MODEL_FILE, PortrayalClassifier

    t0 = time.perf_counter()
    corpus = load_corpus(args.corpus, args.data)
    ex = examples(corpus, "train")
    print(
        f"{len(ex['y'])} examples from {len(set(ex['group']))} articles ({time.perf_counter() - t0:.0f} s): "
        + ", ".join(
            f"{v} {dict(Counter(r for r, w in zip(ex['y'], ex['voice'], strict=True) if w == v))}"
            for v in ("own", "quoted")
        ),
        file=sys.stderr,
    )
    if args.select:
        for C in GRID_C:
            for threshold, scores in cross_validate(ex, C, GRID_THRESHOLD).items():
                mean = (scores["own_macro_f1"] + scores["quoted_macro_f1"]) / 2
                print(f"C={C} threshold={threshold}: mean macro-F1 {mean:.4f} {scores}", file=sys.stderr)
    cv = cross_validate(ex, PARAMS["C"], [PARAMS["threshold"]])[PARAMS["threshold"]]
    model = PortrayalClassifier(**PARAMS).fit(ex["X"], ex["y"])
    model.metadata_.update(
        {
            "trained_on": "framing news corpus, train split",
            "articles": len(set(ex["group"])),
            "cv": {"folds": 5, "grouped_by": "article", "method": "rules, then the model", **cv},
        }
    )
    out = args.out or REPO / "framing" / "models" / DEFAULT_MODEL_FILE
    model.save(out)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    print(f"wrote {out} (sha256 {digest}); cross-validated: {cv}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
