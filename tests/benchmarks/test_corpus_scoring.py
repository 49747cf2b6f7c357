"""The corpus benchmarks' judgements: names, spans, agreement, roles, claim links.

The scripts are imported from their paths; nothing here reads the corpus texts.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str):
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


cs = _load("corpus_scoring")

# (a, b, same speaker or actor?)
NAMES = [
    ("Donald Trump", "Trump", True),
    ("President Trump", "Donald Trump", True),
    ("Trump's", "Donald Trump", True),
    ("Nancy Pelosi", "the speaker", False),
    ("White House officials", "officials", True),
    ("a senior Defense official", "Defense officials", True),
    ("Donald Trump", "Melania Trump", False),
    ("he", "he", False),  # a pronoun names no one
    ("she", "Nina Pham", False),
    ("the report", "report", True),
    ("Sen. Ted Cruz", "Cruz", True),
    ("", "Cruz", False),
    (None, "Cruz", False),
]


@pytest.mark.parametrize(("a", "b", "same"), NAMES)
def test_same_name(a, b, same):
    assert cs.same_name(a, b) is same
    if a and b:
        assert cs.same_name(b, a) is same


@pytest.mark.parametrize(
    ("pred", "gold", "people", "right"),
    [
        ("Karen Bass and Gavin Newsom", "Karen Bass and Gavin Newsom", ["Karen Bass", "Gavin Newsom"], True),
        ("Newsom and Bass", "Karen Bass and Gavin Newsom", ["Karen Bass", "Gavin Newsom"], True),
        ("Bass", "Karen Bass and Gavin Newsom", ["Karen Bass", "Gavin Newsom"], False),
        ("Bass, Newsom and Lee", "Karen Bass and Gavin Newsom", ["Karen Bass", "Gavin Newsom"], False),
        ("Bass", "Karen Bass", [], True),
        (None, "Karen Bass", [], False),
    ],
)
def test_same_speaker_credits_every_person_of_a_joint_speaker(pred, gold, people, right):
    assert cs.same_speaker(pred, gold, people) is right


def test_match_spans_is_one_to_one_with_lenient_precision():
    prf, pairs = cs.match_spans([(0, 10), (20, 30)], [(2, 4), (5, 8), (40, 45)])
    assert (prf.gold, prf.pred, prf.matched) == (2, 3, 1)
    assert prf.precision == pytest.approx(2 / 3)  # both predictions inside the first gold span count
    assert prf.recall == pytest.approx(1 / 2)
    assert len(pairs) == 1


def test_prf_sums_keep_lenient_counts():
    total = cs.PRF()
    total.add(cs.PRF(2, 3, 1, 2))
    total.add(cs.PRF(1, 1, 1))
    assert (total.gold, total.pred, total.matched, total.pred_matched) == (3, 4, 2, 3)


@pytest.mark.parametrize(
    ("pairs", "accuracy", "kappa"),
    [
        ([("a", "a"), ("b", "b")], 1.0, 1.0),
        ([("a", "b"), ("b", "a")], 0.0, -1.0),
        ([("a", "a"), ("a", "a")], 1.0, 0.0),  # all one label: nothing beyond chance
        ([], 0.0, 0.0),
    ],
)
def test_agreement(pairs, accuracy, kappa):
    ag = cs.Agreement(list(pairs))
    assert ag.accuracy == pytest.approx(accuracy)
    assert ag.kappa == pytest.approx(kappa)


def test_macro_f1_averages_over_the_labels_asked_for():
    ag = cs.Agreement([("villain", "villain"), ("victim", "neutral"), ("neutral", "neutral")])
    assert ag.macro_f1(["villain", "victim", "neutral"]) == pytest.approx((1 + 0 + 2 / 3) / 3)


@pytest.mark.parametrize(
    ("score", "role"),
    [(None, "neutral"), (0.05, "neutral"), (-0.05, "neutral"), (-0.4, "villain"), (0.3, "hero")],
)
def test_role_from_stance(score, role):
    assert cs.role_from_stance(score) == role


def test_links_from_facts_join_sentences_of_different_articles():
    sentences = {"A": [(0, 10), (10, 20)], "B": [(0, 15), (15, 30)]}
    facts = [
        ({"A": "same", "B": "same"}, {"A": [(12, 14)], "B": [(1, 3)]}),
        ({"A": "same", "B": "different"}, {"A": [(1, 2)], "B": [(16, 18)]}),
    ]
    assert cs.links_from_facts(facts, sentences) == {(("A", 1), ("B", 0))}
    assert cs.links_from_facts(facts, sentences, status="related") == {
        (("A", 1), ("B", 0)),
        (("A", 0), ("B", 1)),
    }


def test_sentence_of_takes_the_largest_overlap():
    assert cs.sentence_of([(0, 10), (10, 30)], 8, 20) == 1
    assert cs.sentence_of([(0, 10)], 20, 25) is None


# -- the cluster scoring of benchmarks/corpus.py --------------------------------------------


class Fact:
    def __init__(self, fid, status, spans):
        self.id, self.status, self.spans = fid, status, spans


class Quote:
    def __init__(self, status, spans):
        self.status, self.spans = status, spans


class Cluster:
    def __init__(self, facts, quotes=()):
        self.articles = ("A", "B", "C")
        self.facts = facts
        self.quotes = list(quotes)


SENTENCES = {"A": [(0, 10), (10, 20)], "B": [(0, 10), (10, 20)], "C": [(0, 10), (10, 20)]}


def test_cluster_links_left_out_and_quotes_are_judged_by_the_gold_facts():
    corpus = _load("corpus")
    cluster = Cluster(
        [
            Fact("F1", {"A": "same", "B": "same", "C": "absent"}, {"A": [(1, 5)], "B": [(2, 6)]}),
            Fact("F2", {"A": "same", "B": "different", "C": "not_yet"}, {"A": [(11, 15)], "B": [(12, 16)]}),
        ],
        [Quote({"A": "full", "B": "cut", "C": "absent"}, {"A": (11, 19), "B": (12, 16)})],
    )
    claims = [
        {"A": (0, 10), "B": (0, 10), "__missing__": ("C",)},  # right link, right "left out"
        {"A": (10, 20), "B": (10, 20), "__missing__": ("C",)},  # links a 'different' pair; C: not yet
    ]
    quotes = [{"A": ((11, 19), False), "B": ((12, 16), True)}]
    res = corpus.ClusterScore()
    corpus.score_cluster(res, cluster, SENTENCES, claims, quotes)
    assert (res.links, res.links_right, res.links_different) == (2, 1, 1)
    assert (res.facts, res.facts_found) == (1, 1)  # F2 is not stated by two articles
    assert (res.left_out, res.left_out_right, res.left_out_not_yet) == (2, 1, 1)
    assert (res.quotes, res.quotes_found, res.changes, res.changes_found) == (1, 1, 1, 1)
    assert (res.shown_changes, res.shown_changes_right) == (1, 1)


def test_a_missed_claim_lowers_recall_only():
    corpus = _load("corpus")
    cluster = Cluster([Fact("F1", {"A": "same", "B": "same", "C": "same"}, {a: [(1, 5)] for a in "ABC"})])
    res = corpus.ClusterScore()
    corpus.score_cluster(res, cluster, SENTENCES, [{"A": (0, 10), "B": (0, 10), "__missing__": ("C",)}], [])
    assert (res.links_right, res.links, res.facts_found, res.facts) == (1, 1, 1, 3)
    assert (res.left_out, res.left_out_wrong) == (1, 1)


def test_fair_judging_counts_a_shared_quotation_and_the_second_annotation():
    corpus = _load("corpus")
    cluster = Cluster(
        [Fact("F1", {"A": "same", "B": "same", "C": "absent"}, {"A": [(1, 5)], "B": [(2, 6)]})],
        [Quote({"A": "full", "B": "cut", "C": "absent"}, {"A": (11, 19), "B": (12, 16)})],
    )
    second = Cluster(
        [Fact("F9", {"A": "same", "B": "absent", "C": "same"}, {"A": [(11, 15)], "C": [(1, 4)]})]
    )
    claims = [
        {"A": (0, 10), "B": (0, 10)},  # a fact of the first annotation
        {"A": (10, 20), "B": (10, 20)},  # the same quotation, no fact
        {"A": (10, 20), "C": (0, 10)},  # a fact of the second annotation only
    ]
    res = corpus.ClusterScore()
    corpus.score_cluster(res, cluster, SENTENCES, claims, [], second)
    assert (res.links, res.links_right, res.links_fair) == (3, 1, 3)
    alone = corpus.ClusterScore()
    corpus.score_cluster(alone, cluster, SENTENCES, claims, [])
    assert (alone.links_right, alone.links_fair) == (1, 2)


def test_not_yet_different_and_cuts_are_scored():
    corpus = _load("corpus")
    cluster = Cluster(
        [
            Fact("F1", {"A": "same", "B": "different", "C": "not_yet"}, {"A": [(1, 5)], "B": [(2, 6)]}),
        ],
        [Quote({"A": "full", "B": "cut", "C": "absent"}, {"A": (11, 19), "B": (12, 16)})],
    )
    claims = [{"A": (0, 10), "__not_yet__": ("C",), "__different__": {"B": (0, 10)}}]
    quotes = [{"A": ((11, 19), False), "B": ((12, 16), True)}]
    res = corpus.ClusterScore()
    corpus.score_cluster(res, cluster, SENTENCES, claims, quotes)
    assert (res.not_yet, res.not_yet_right) == (1, 1)
    assert (res.differs, res.differs_right, res.differs_related) == (1, 1, 1)
    assert (res.cuts, res.cuts_found) == (1, 1)
