"""Group aggregates: counts, pooled and mean rates, shares and a deterministic sample."""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from pathlib import Path

import pytest

from framing.batch import run_batch
from framing.batch.aggregate import SAMPLE_SIZE, Aggregate, ExactSum

from .conftest import corpus, read_csv, tables, write_jsonl

pytest.importorskip("pyarrow")


@pytest.mark.parametrize(
    "values",
    [
        [0.1] * 10,
        [1e16, 1.0, -1e16],
        [random.Random(7).uniform(-1e6, 1e6) for _ in range(200)],
    ],
)
def test_exact_sums_do_not_depend_on_order_or_grouping(values: list[float]) -> None:
    whole = ExactSum(values)
    assert whole.value == math.fsum(values)
    shuffled = list(values)
    random.Random(1).shuffle(shuffled)
    left, right = ExactSum(shuffled[: len(values) // 3]), ExactSum(shuffled[len(values) // 3 :])
    left.merge(right)
    assert left.value == whole.value


@pytest.fixture(scope="module")
def grouped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("groups")
    source = write_jsonl(folder / "c.jsonl", corpus(30))
    run_batch(source, folder / "out", chunk_size=7)
    return folder / "out"


def _number(text: str) -> float | None:
    return float(text) if text else None


def test_groups_add_up_the_article_rows(grouped: Path) -> None:
    articles = tables(grouped)["articles"]
    findings = tables(grouped)["findings"]
    groups = {g["group"]: g for g in read_csv(grouped / "groups.csv")}
    assert sorted(groups) == sorted({a["outlet"] for a in articles})
    for name, g in groups.items():
        rows = [a for a in articles if a["outlet"] == name]
        assert int(g["articles"]) == len(rows)
        own, own_words = sum(r["loaded.own"] for r in rows), sum(r["loaded.own_words"] for r in rows)
        assert _number(g["loaded_per_1000_own"]) == pytest.approx(1000 * own / own_words)
        rates = [r["loaded.per_1000_quoted"] for r in rows if r["loaded.quoted_words"]]
        assert _number(g["loaded_per_1000_quoted_mean"]) == pytest.approx(sum(rates) / len(rates))
        named, unnamed = sum(r["sourcing.named"] for r in rows), sum(r["sourcing.unnamed"] for r in rows)
        assert _number(g["named_share"]) == pytest.approx(named / (named + unnamed))
        ids = {r["index"] for r in rows}
        assert int(g["findings"]) == sum(1 for f in findings if f["article_index"] in ids)
        own = [
            f
            for f in findings
            if f["article_index"] in ids
            and f["analyzer"] == "loaded"
            and f["voice"] in ("narration", "headline")
        ]
        counts = Counter(f["category"] for f in own)
        labels = {f["category"]: f["category_label"] for f in own}
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        assert g["top_categories"] == "; ".join(f"{labels[c]} ({n})" for c, n in top)


def test_group_by_any_metadata_column(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus(9))
    run_batch(source, tmp_path / "out", group_by="topic")
    groups = read_csv(tmp_path / "out" / "groups.csv")
    assert [(g["group"], g["articles"]) for g in groups] == [("politics", "4"), ("weather", "5")]
    assert {r["group"] for r in tables(tmp_path / "out")["articles"]} == {"politics", "weather"}


def test_articles_without_a_group_value_are_grouped_together(tmp_path: Path) -> None:
    records = corpus(4)
    for r in records[:2]:
        del r["outlet"]
    run_batch(write_jsonl(tmp_path / "c.jsonl", records), tmp_path / "out")
    groups = read_csv(tmp_path / "out" / "groups.csv")
    assert groups[-1]["group"] == "" and groups[-1]["articles"] == "2"


def test_the_sample_is_small_and_does_not_depend_on_chunking(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus(75))
    run_batch(source, tmp_path / "a", chunk_size=4)
    run_batch(source, tmp_path / "b", chunk_size=50)
    a = json.loads((tmp_path / "a" / "summary.json").read_text())
    b = json.loads((tmp_path / "b" / "summary.json").read_text())
    for ga, gb in zip(a["groups"], b["groups"], strict=True):
        assert len(ga["sample"]) == SAMPLE_SIZE < ga["row"]["articles"]
        assert ga["sample"] == gb["sample"] and ga["row"] == gb["row"]
    assert a["corpus"]["row"] == b["corpus"]["row"]


def test_aggregates_survive_a_round_trip_through_json() -> None:
    agg = Aggregate()
    row = {
        "index": 0,
        "id": "x",
        "group": "G",
        "loaded.own": 2,
        "loaded.own_words": 100,
        "loaded.per_1000_own": 20.0,
    }
    agg.add(row, [("x", 0, 5, "brutal", "loaded", "violence", "Violence", "narration")])
    again = Aggregate.from_json(json.loads(json.dumps(agg.to_json())))
    assert again.rows() == agg.rows()
    assert again.rows()[0]["top_categories"] == "Violence (1)"
