"""The coverage view model: balanced lists, restriction to some articles, plain data."""

import json

from hypothesis import given
from hypothesis import strategies as st

from framing.coverage.view import Claim, ClaimInArticle, Coverage, round_robin


def _claim(n: int, article: str, others: tuple[str, ...]) -> Claim:
    rows = (
        ClaimInArticle(article, "carries", f"{article} {n}", 0, 5, "narration"),
        *tuple(ClaimInArticle(o, "left_out") for o in others),
    )
    return Claim(
        id=f"C{n}",
        text=f"{article} says {n}",
        scope="one",
        articles=tuple(sorted(rows, key=lambda r: r.article)),
    )


@given(st.lists(st.lists(st.integers(), max_size=6), max_size=5))
def test_round_robin_takes_every_item_once_keeping_each_group_s_order(groups):
    out = round_robin(groups)
    assert sorted(out) == sorted(x for g in groups for x in g)
    for g in groups:
        positions = [i for i, x in enumerate(out) if x in g]
        assert len(positions) >= len(set(g))


def test_a_short_list_of_one_article_claims_shows_every_article_and_counts_the_rest():
    labels = ("A", "B", "C")
    per = {"A": 10, "B": 2, "C": 5}
    unique = round_robin(
        [[_claim(n, a, tuple(x for x in labels if x != a)) for n in range(per[a])] for a in labels]
    )
    cov = Coverage(articles=labels, dates={}, method="m", thresholds={}, claims=tuple(unique))
    shown, counts = cov.balanced_unique(6)
    assert [c.carried_by[0] for c in shown] == ["A", "B", "C", "A", "B", "C"]
    assert counts == {"A": (2, 10), "B": (2, 2), "C": (2, 5)}
    assert cov.unique_counts() == per


def test_restricting_keeps_only_the_articles_shown():
    labels = ("A", "B", "C")
    cov = Coverage(
        articles=labels,
        dates={"A": "2025-07", "B": None, "C": None},
        method="m",
        thresholds={"same": 0.5},
        claims=(_claim(1, "A", ("B", "C")), _claim(2, "C", ("A", "B"))),
    )
    small = cov.restricted_to({"A", "B"})
    assert small.articles == ("A", "B") and list(small.dates) == ["A", "B"]
    assert [c.id for c in small.claims] == ["C1"]
    assert [r.article for r in small.claims[0].articles] == ["A", "B"]


def test_to_dict_is_plain_json():
    cov = Coverage(
        articles=("A", "B"),
        dates={"A": None, "B": None},
        method="m",
        thresholds={"same": 0.5},
        claims=(_claim(1, "A", ("B",)),),
    )
    data = json.loads(json.dumps(cov.to_dict()))
    assert data["claims"][0]["left_out_by"] == ["B"] and data["unique_counts"] == {"A": 1, "B": 0}
