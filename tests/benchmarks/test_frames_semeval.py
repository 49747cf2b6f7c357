"""Label mapping, F1 scores and nested selection of benchmarks/frames_semeval.py.

The benchmark script is imported from its path; nothing here reads SemEval data.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "frames_semeval.py"


def _load():
    spec = importlib.util.spec_from_file_location("frames_semeval", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _load()

# the 14 frame names of SemEval-2023 Task 3 subtask 2
SEMEVAL_FRAMES = {
    "Economic",
    "Capacity_and_resources",
    "Morality",
    "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence",
    "Policy_prescription_and_evaluation",
    "Crime_and_punishment",
    "Security_and_defense",
    "Health_and_safety",
    "Quality_of_life",
    "Cultural_identity",
    "Public_opinion",
    "Political",
    "External_regulation_and_reputation",
}


# -- label names -------------------------------------------------------------------------


def test_mapping_covers_every_semeval_frame():
    assert set(bench.SEMEVAL_TO_FRAMING) == SEMEVAL_FRAMES
    ids = list(bench.SEMEVAL_TO_FRAMING.values())
    assert len(set(ids)) == 14  # one framing id per SemEval frame
    assert set(ids) == set(bench.FRAMING_FRAMES) - {"other"}


def test_mapping_matches_framing_lexicon():
    import framing

    pipeline = framing.Pipeline(framing.Settings(analyzers=("frames",)))
    frames = pipeline.analyzers[0].frames
    assert tuple(frames) == bench.FRAMING_FRAMES
    for name, fid in bench.SEMEVAL_TO_FRAMING.items():
        # "Legality_Constitutionality_and_jurisprudence" ~ "Legality, constitutionality and jurisprudence"
        assert name.replace("_", " ").lower() == frames[fid].replace(",", "").lower()


def test_map_frames_rejects_unknown_names():
    assert bench.map_frames(["Political", "Morality"]) == {"political", "morality"}
    with pytest.raises(ValueError, match="Politics"):
        bench.map_frames(["Politics"])


def test_parse_labels():
    text = "1\tPolitical,Morality\n2\t\n3\tEconomic\n\n"
    assert bench.parse_labels(text) == {"1": ["Political", "Morality"], "2": [], "3": ["Economic"]}


def test_missing_data_exits_zero(tmp_path, capsys):
    assert bench.main(["--data", str(tmp_path / "absent")]) == 0
    assert "skipping" in capsys.readouterr().out


# -- F1 ----------------------------------------------------------------------------------

LABELS = ["a", "b", "c"]


def test_f1_on_label_sets():
    gold = [{"a", "b"}, {"a"}, {"c"}]
    pred = [{"a"}, {"a", "c"}, set()]
    # a: tp 2; b: fn 1; c: fp 1, fn 1
    assert bench.per_label_f1(gold, pred, LABELS).tolist() == [1.0, 0.0, 0.0]
    assert bench.micro_f1(gold, pred, LABELS) == pytest.approx(2 * 2 / (2 * 2 + 1 + 2))
    assert bench.macro_f1(gold, pred, LABELS) == pytest.approx(1 / 3)


def test_macro_above_micro_when_a_rare_label_is_right():
    gold = [{"common"}, {"common"}, {"common"}, {"common", "rare"}]
    pred = [{"common"}, set(), set(), {"rare"}]
    labels = ["common", "rare"]
    # common: tp 1, fn 3 -> 0.4; rare: 1.0; micro: tp 2, fn 3 -> 4/7
    assert bench.per_label_f1(gold, pred, labels) == pytest.approx([0.4, 1.0])
    assert bench.macro_f1(gold, pred, labels) == pytest.approx(0.7)
    assert bench.micro_f1(gold, pred, labels) == pytest.approx(4 / 7)


def test_micro_above_macro_when_a_rare_label_is_missed():
    gold = [{"common"}, {"common"}, {"common"}, {"common", "rare"}]
    pred = [{"common"}, {"common"}, {"common"}, {"common"}]
    labels = ["common", "rare"]
    assert bench.macro_f1(gold, pred, labels) == pytest.approx(0.5)
    assert bench.micro_f1(gold, pred, labels) == pytest.approx(8 / 9)


def test_f1_edge_cases():
    assert bench.micro_f1([set()], [set()], LABELS) == 0.0  # nothing to find, nothing found
    assert bench.macro_f1([{"a"}], [{"a"}], LABELS) == pytest.approx(1 / 3)  # b, c score 0
    assert bench.macro_f1([{"a"}], [{"a"}], ["a"]) == 1.0
    assert bench.micro_f1([{"a", "zzz"}], [{"a"}], ["a"]) == 1.0  # names outside labels ignored


def test_f1_matches_scikit_learn():
    from sklearn.metrics import f1_score

    rng = np.random.default_rng(0)
    gold = rng.random((40, 5)) < 0.3
    pred = rng.random((40, 5)) < 0.4
    gold[:, 4] = pred[:, 4] = False  # a label with neither gold nor predictions
    assert bench.micro_f1(gold, pred) == pytest.approx(f1_score(gold, pred, average="micro"))
    assert bench.macro_f1(gold, pred) == pytest.approx(f1_score(gold, pred, average="macro", zero_division=0))
    assert bench.per_label_f1(gold, pred) == pytest.approx(
        f1_score(gold, pred, average=None, zero_division=0)
    )


def test_binarize_and_matrix_input_agree():
    gold = [{"a", "b"}, {"c"}]
    pred = [{"b"}, {"a", "c"}]
    g, p = bench.binarize(gold, LABELS), bench.binarize(pred, LABELS)
    assert g.tolist() == [[True, True, False], [False, False, True]]
    assert bench.micro_f1(g, p) == bench.micro_f1(gold, pred, LABELS)
    assert bench.macro_f1(g, p) == bench.macro_f1(gold, pred, LABELS)


# -- nested selection --------------------------------------------------------------------

RULES = ((1, 0.0), (2, 0.0), (3, 0.0))  # minimum cue sentences, loosest first
# one frame, six articles: sentence counts 1, 2, 3, 1, 2, 3
SENTENCES = np.array([[1], [2], [3], [1], [2], [3]], dtype=float)
SHARES = np.full((6, 1), 0.5)
# rows 0-2: the frame is present where it has >= 2 sentences (best rule there: s >= 2);
# rows 3-5: present everywhere (best rule there: s >= 1)
GOLD = np.array([[False], [True], [True], [True], [True], [True]])
FIRST, SECOND = np.array([0, 1, 2]), np.array([3, 4, 5])


def test_lexicon_candidates():
    cands = bench.lexicon_candidates(SENTENCES, SHARES, RULES)
    assert cands.shape == (3, 6, 1)
    assert cands[:, :, 0].sum(axis=1).tolist() == [6, 4, 2]
    strict_share = bench.lexicon_candidates(SENTENCES, SHARES, ((1, 0.5), (1, 0.6)))
    assert strict_share[:, :, 0].sum(axis=1).tolist() == [6, 0]  # share >= q, inclusive


def test_selection_looks_at_training_rows_only():
    cands = bench.lexicon_candidates(SENTENCES, SHARES, RULES)
    assert bench.select_candidate(cands, GOLD, FIRST) == 1  # s >= 2
    assert bench.select_candidate(cands, GOLD, SECOND) == 0  # s >= 1
    flipped = GOLD.copy()
    flipped[SECOND] = ~flipped[SECOND]  # whatever the held-out rows say
    assert bench.select_candidate(cands, flipped, FIRST) == 1


def test_nested_selection_scores_the_held_out_fold():
    cands = bench.lexicon_candidates(SENTENCES, SHARES, RULES)
    splits = [(FIRST, SECOND), (SECOND, FIRST)]
    run = bench.run_method("lexicon", GOLD, splits, bench.lexicon_global(cands, GOLD, RULES))
    assert run.choices == ["s>=2 q>=0", "s>=1 q>=0"]
    # fold 1: s >= 2 on rows 3-5 (all present) finds 2 of 3: F1 0.8, where s >= 1 would
    # have scored 1.0 (tuning on the test fold); fold 2: s >= 1 on rows 0-2: tp 2, fp 1
    assert run.fold_micro == pytest.approx([0.8, 0.8])
    assert run.pred[:, 0].tolist() == [True, True, True, False, True, True]
    assert bench.micro_f1(GOLD, run.pred) == pytest.approx(0.8)


def test_selection_ties_go_to_the_first_candidate():
    cands = np.stack([GOLD, GOLD, ~GOLD])
    assert bench.select_candidate(cands, GOLD, slice(None)) == 0
    assert bench.select_per_label(cands, GOLD, slice(None)).tolist() == [0]


def test_per_label_selection():
    gold = np.column_stack([GOLD[:, 0], np.zeros(6, dtype=bool)])
    sentences = np.column_stack([SENTENCES[:, 0], SENTENCES[:, 0]])
    cands = bench.lexicon_candidates(sentences, np.full((6, 2), 0.5), RULES)
    choice = bench.select_per_label(cands, gold, FIRST)
    # frame 0: s >= 2 on the training rows; frame 1 has no positive: the strictest rule
    assert choice.tolist() == [1, 2]
    pred = bench.apply_per_label(cands, choice, SECOND)
    assert pred.tolist() == [[False, False], [True, False], [True, True]]


def test_choose_thresholds():
    proba = np.array([[0.1, 0.2], [0.4, 0.3], [0.6, 0.1], [0.9, 0.2]])
    gold = np.array([[False, False], [False, False], [True, False], [True, False]])
    # label 0: 0.5 separates (0.3 adds a false positive, 0.7 misses one); label 1: no
    # positive, so the strictest threshold
    assert bench.choose_thresholds(proba, gold, (0.3, 0.5, 0.7)).tolist() == [0.5, 0.7]
    assert bench.choose_thresholds(proba, gold, (0.45, 0.5, 0.55)).tolist()[0] == 0.45  # tie


def test_tuned_thresholds_ignore_the_held_out_rows():
    rng = np.random.default_rng(1)
    n = 30
    features = rng.normal(size=(n, 4))
    gold = np.column_stack([features[:, 0] > 0, features[:, 1] + rng.normal(size=n) > 0.5])
    train, test = np.arange(20), np.arange(20, n)
    corpus = bench.Corpus(["x"] * n, features, gold)
    flipped = gold.copy()
    flipped[test] = ~flipped[test]
    thr = bench.tuned_thresholds("frames", corpus, train)
    assert thr.shape == (2,)
    assert set(thr) <= set(bench.THRESHOLDS)
    assert np.array_equal(
        thr, bench.tuned_thresholds("frames", bench.Corpus(["x"] * n, features, flipped), train)
    )


def test_top_k_baseline():
    gold_train = np.array([[1, 1, 0, 0], [1, 0, 1, 0], [1, 1, 1, 0], [0, 1, 0, 0]], dtype=bool)
    # labels per article 2, 2, 3, 1: median 2; most frequent: columns 0 and 1 (3 each)
    pred = bench.top_k_baseline(gold_train, 2)
    assert pred.tolist() == [[True, True, False, False]] * 2
    # labels per article 3, 2: median 2.5 rounds up to 3; columns 1-3 tie (1 each), the
    # first two go with column 0
    three = np.array([[1, 1, 1, 0], [1, 0, 0, 1]], dtype=bool)
    assert bench.top_k_baseline(three, 1).tolist() == [[True, True, True, False]]


def test_frame_profile_adds_all_voices():
    def voice(weights, sentences):
        total = sum(weights.values())
        return {
            "weights": weights,
            "distribution": {k: w / total for k, w in weights.items()},
            "sentences": sentences,
            "primary": None,
        }

    metrics = {
        "own": voice({"political": 2.0, "economic": 1.0}, {"political": 1, "economic": 1}),
        "quoted": voice({"political": 3.0}, {"political": 2}),
        "reported": {"weights": {}, "distribution": {}, "sentences": {}, "primary": None},
    }
    prof = bench.frame_profile(metrics)
    assert prof["all"]["weights"] == {"political": 5.0, "economic": 1.0}
    assert prof["all"]["distribution"] == pytest.approx({"political": 5 / 6, "economic": 1 / 6})
    assert prof["all"]["sentences"] == {"political": 3, "economic": 1}
    sent, share = bench.lexicon_scores([prof], ["economic", "morality"], "all")
    assert sent.tolist() == [[1.0, 0.0]] and share[0].tolist() == pytest.approx([1 / 6, 0.0])
    feats = bench.frame_features([prof])
    assert feats.shape == (1, len(bench.PROFILE_VOICES) * len(bench.STATS) * len(bench.FRAMING_FRAMES))
