"""Reading and scoring helpers of benchmarks/loaded_language.py.

The benchmark script is imported from its path; nothing here reads BABE or SemEval data.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "loaded_language.py"


def _load():
    spec = importlib.util.spec_from_file_location("loaded_language_bench", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _load()


# -- span overlap P/R/F1 -------------------------------------------------------------------


def test_overlap_prf_exact_and_partial_overlaps():
    gold = [(0, 10), (20, 30), (40, 50)]
    pred = [(5, 8), (29, 35), (60, 70)]  # inside, overlapping the end by one character, nowhere
    p = bench.overlap_prf(gold, pred)
    assert (p.found, p.correct, p.gold, p.pred) == (2, 2, 3, 3)
    assert p.precision == pytest.approx(2 / 3)
    assert p.recall == pytest.approx(2 / 3)
    assert p.f1 == pytest.approx(2 / 3)


def test_touching_spans_do_not_overlap():
    assert not bench.spans_overlap((0, 10), (10, 20))
    assert bench.spans_overlap((0, 10), (9, 20))
    p = bench.overlap_prf([(0, 10)], [(10, 20)])
    assert (p.found, p.pred, p.f1) == (0, 1, 0.0)


def test_each_span_is_matched_at_most_once():
    # two findings inside one gold span: one is matched, the other is a false positive
    p = bench.overlap_prf([(0, 30)], [(2, 5), (10, 15)])
    assert (p.found, p.correct, p.gold, p.pred) == (1, 1, 1, 2)
    assert p.precision == 0.5 and p.recall == 1.0
    # one long finding over two gold spans: one gold span is found
    p = bench.overlap_prf([(0, 5), (10, 15)], [(0, 15)])
    assert (p.found, p.gold, p.pred) == (1, 2, 1)
    assert p.precision == 1.0 and p.recall == 0.5
    # the lenient count lets both findings count as correct
    assert bench.any_overlap_count([(2, 5), (10, 15)], [(0, 30)]) == 2


def test_matching_is_maximum_not_greedy():
    # a greedy pass would give gold 0 the first finding (which also overlaps gold 1) and
    # leave gold 1 unmatched; the maximum matching finds both
    gold = [(0, 10), (8, 12)]
    pred = [(5, 9), (0, 3)]
    assert bench.match_overlaps(gold, pred) == [(0, 1), (1, 0)]
    assert bench.overlap_prf(gold, pred).found == 2


def test_overlap_prf_empty_sides():
    assert bench.overlap_prf([], []) == bench.PRF(0, 0, 0, 0)
    none_found = bench.overlap_prf([(0, 5)], [])
    assert (none_found.recall, none_found.precision, none_found.f1) == (0.0, 0.0, 0.0)
    nothing_to_find = bench.overlap_prf([], [(0, 5)])
    assert (nothing_to_find.gold, nothing_to_find.pred, nothing_to_find.precision) == (0, 1, 0.0)


def test_prf_pools_counts_across_articles():
    a = bench.overlap_prf([(0, 5)], [(1, 2)])  # 1 of 1, 1 of 1
    b = bench.overlap_prf([(0, 5), (10, 15)], [(20, 25)])  # 0 of 2, 0 of 1
    total = bench.sum_prf([a, b])
    assert (total.found, total.gold, total.pred) == (1, 3, 2)
    assert total.precision == 0.5 and total.recall == pytest.approx(1 / 3)
    assert total.f1 == pytest.approx(0.4)


def test_set_and_bool_prf():
    p = bench.set_prf({"radical", "cult"}, {"cult", "regime"})
    assert (p.found, p.gold, p.pred) == (1, 2, 2)
    q = bench.bool_prf([True, True, False, False], [True, False, True, False])
    assert (q.found, q.gold, q.pred, q.f1) == (1, 2, 2, 0.5)


def test_binary_macro_f1_matches_scikit_learn():
    from sklearn.metrics import f1_score

    rng = np.random.default_rng(0)
    gold = rng.random(50) < 0.5
    pred = rng.random(50) < 0.4
    assert float(bench.binary_macro_f1(gold, pred)) == pytest.approx(
        f1_score(gold, pred, average="macro", zero_division=0)
    )
    # all one class predicted: the other class scores 0
    assert float(bench.binary_macro_f1(gold, np.zeros(50, dtype=bool))) == pytest.approx(
        f1_score(gold, np.zeros(50, dtype=bool), average="macro", zero_division=0)
    )


def test_rule_selection_looks_at_training_rows_only():
    measures = {"findings": np.array([0, 1, 2, 0, 1, 2], dtype=float)}
    rules = (("findings", 1), ("findings", 2))
    cands = bench.rule_candidates(measures, rules)
    # rows 0-2: Biased from 1 finding on; rows 3-5: only with 2
    gold = np.array([False, True, True, False, False, True])
    assert bench.select_rule(cands, gold, np.array([0, 1, 2])) == 0
    assert bench.select_rule(cands, gold, np.array([3, 4, 5])) == 1
    assert bench.select_rule(np.stack([gold, gold]), gold, slice(None)) == 0  # ties: the first


# -- BABE biased_words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "items"),
    [
        ("['illegal', 'radical']", ["illegal", "radical"]),
        ("[]", []),
        ("", []),
        (None, []),
        ("['cult']", ["cult"]),
        ("['\"gender', 'identity\"']", ['"gender', 'identity"']),
        ("['there', \"isn't\", 'anyone']", ["there", "isn't", "anyone"]),
        ("['anti-Americanism', 'radical']", ["anti-Americanism", "radical"]),
        ("[illegal, radical]", ["illegal", "radical"]),  # not a Python literal: split on commas
        ("['illegal', 'radical'", ["illegal", "radical"]),  # unclosed
    ],
)
def test_parse_biased_words(cell, items):
    assert bench.parse_biased_words(cell) == items


def test_gold_words_normalise_and_keep_words_of_the_sentence():
    sentence = bench.BabeSentence(
        text="The Radical plan isn’t about “gender identity” at all.",
        biased=True,
        biased_words=("radical", '"gender', 'identity"', "isn't", "bizarre"),
    )
    gold, missing = bench.gold_words(sentence)
    assert gold == {"radical", "gender", "identity", "isn't"}
    assert missing == 1  # "bizarre" is not in the sentence


def test_word_tokens():
    assert bench.word_tokens("Anti-Americanism isn’t “new”, 2020's!") == [
        "anti-americanism",
        "isn't",
        "new",
        "2020's",
    ]


def test_covered_words():
    text = "Rioters brutalized the town."
    assert bench.covered_words(text, [(8, 18)]) == {"brutalized"}
    assert bench.covered_words(text, [(0, 3), (19, 27)]) == {"rioters", "the", "town"}
    assert bench.covered_words(text, []) == set()


def test_top_annotated_words_counts_training_rows_only():
    golds = [{"radical", "cult"}, {"radical"}, {"cult", "slam"}, {"zealot"}]
    # radical 2, cult 2 (tie broken alphabetically), slam 1; row 3 is held out
    assert bench.top_annotated_words(golds, [0, 1, 2], n=1) == {"cult"}
    assert bench.top_annotated_words(golds, [0, 1, 2], n=2) == {"cult", "radical"}
    assert "zealot" not in bench.top_annotated_words(golds, [0, 1, 2], n=10)


def test_adjective_like():
    assert bench.adjective_like("outrageous")
    assert bench.adjective_like("radical")
    assert not bench.adjective_like("cult")
    assert not bench.adjective_like("ic")


def test_load_babe_drops_no_agreement(tmp_path):
    path = tmp_path / "babe.csv"
    path.write_text(
        "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
        "A radical plan.;http://x;Outlet;topic;left;Biased;Expresses writer’s opinion;['radical']\n"
        '"A ""quoted"" plan; calm.";http://y;Outlet;topic;;Non-biased;Entirely factual;[]\n'
        "Unclear.;http://z;Outlet;topic;right;No agreement;No agreement;[]\n",
        encoding="utf-8",
    )
    sentences, labels = bench.load_babe(path)
    assert labels == {"Biased": 1, "Non-biased": 1, "No agreement": 1}
    assert [(s.text, s.biased, s.biased_words) for s in sentences] == [
        ("A radical plan.", True, ("radical",)),
        ('A "quoted" plan; calm.', False, ()),
    ]


# -- SemEval reading and paragraphs -----------------------------------------------------------


def test_split_paragraphs():
    text = "Title line\n\nFirst paragraph.\n   \nSecond one.\r\nThird"
    paras = bench.split_paragraphs(text)
    assert [text[s:e] for s, e in paras] == ["Title line", "First paragraph.", "Second one.", "Third"]
    assert bench.paragraph_line_numbers(text) == [1, 3, 5, 6]
    assert bench.split_paragraphs("") == []
    assert bench.split_paragraphs("\n\n") == []
    assert bench.split_paragraphs("One line, no break") == [(0, 18)]


def test_paragraph_flags():
    text = "Calm title\n\nA brutal crackdown.\n\nNothing here."
    paras = bench.split_paragraphs(text)
    start = text.index("brutal")
    assert bench.paragraph_flags(paras, [(start, start + 6)]) == [False, True, False]
    assert bench.paragraph_flags(paras, []) == [False, False, False]


def test_heuristic_paragraph():
    assert bench.heuristic_paragraph("This is outrageous!")
    assert bench.heuristic_paragraph("They call it FAKE news.")
    assert not bench.heuristic_paragraph("The FBI said so.")  # three capitals: an acronym


def test_parse_span_lines_and_paragraph_labels():
    spans = "1\tLoaded_Language\t3\t9\n\n1\tDoubt\t10\t20\n"
    assert bench.parse_span_lines(spans) == [("1", "Loaded_Language", 3, 9), ("1", "Doubt", 10, 20)]
    with pytest.raises(ValueError, match="line 1"):
        bench.parse_span_lines("1\tLoaded_Language\t3\n")
    labels = "7\t1\t\n7\t3\tLoaded_Language,Doubt\n"
    assert bench.parse_paragraph_labels(labels) == {("7", 1): set(), ("7", 3): {"Loaded_Language", "Doubt"}}


def test_load_semeval_spans(tmp_path):
    (tmp_path / bench.SPANS_DIR).mkdir()
    (tmp_path / bench.ARTICLES_DIR).mkdir()
    text = "\ufeffTitle\n\nThe vile regime struck."
    (tmp_path / bench.ARTICLES_DIR / "article10.txt").write_text(text, encoding="utf-8")
    start = text.index("vile regime")
    (tmp_path / bench.SPANS_DIR / "article10-labels-subtask-3.txt").write_text(
        f"10\tLoaded_Language\t{start}\t{start + 4}\n10\tName_Calling-Labeling\t{start}\t{start + 4}\n"
        f"10\tDoubt\t0\t999\n",
        encoding="utf-8",
    )
    (tmp_path / bench.ARTICLES_DIR / "article9.txt").write_text("No techniques.", encoding="utf-8")
    (tmp_path / bench.SPANS_DIR / "article9-labels-subtask-3.txt").write_text("", encoding="utf-8")
    (tmp_path / bench.SPANS_DIR / "article11-labels-subtask-3.txt").write_text("", encoding="utf-8")
    articles, stats = bench.load_semeval_spans(tmp_path)
    assert [a.id for a in articles] == ["9", "10"]
    assert stats["no text"] == 1 and stats["bad offsets"] == 1
    art = articles[1]
    assert art.text[art.spans_of([bench.LOADED])[0][0] : art.spans_of([bench.LOADED])[0][1]] == "vile"
    assert art.spans_of(bench.TECHNIQUE_SETS["both"]) == [(start, start + 4)]  # counted once
    assert articles[0].spans == ()


# -- tables and missing data ---------------------------------------------------------------


def test_tables_align_text_left_and_numbers_right():
    header = ("method", "kind", "F1")
    rows = [("a", "all voices", "0.500"), ("bb", "own", "1.000")]
    md = bench.markdown_table(header, rows)
    assert md.splitlines()[1] == "|---|---|---:|"
    assert md.splitlines()[2] == "| a | all voices | 0.500 |"
    plain = bench.plain_table(header, rows).splitlines()
    assert plain[2] == "a       all voices  0.500"
    assert plain[3] == "bb      own         1.000"


def test_missing_data_exits_zero(tmp_path, capsys):
    assert bench.main(["--data", str(tmp_path / "absent")]) == 0
    out = capsys.readouterr().out
    assert "skipping BABE" in out and "skipping SemEval" in out
