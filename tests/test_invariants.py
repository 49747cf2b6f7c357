"""Invariants over generated text: every renderer is deterministic, every number is finite
and in its range, in the analysis metrics and in the comparison's charts."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import Article, compare, render_html, render_json, render_markdown
from framing.renderers.csv import render_csv_tables
from framing.renderers.worksheet import render_worksheet

# pieces that make the analysers find something: loaded words, quotes, speakers, actors,
# frames, hedges, passives
FRAGMENTS = (
    "Rioters brutalized the town, officials said.",
    '"We will rebuild," Mayor Ana Ruiz said.',
    '"The plan is reckless," said Tom Reyes, the county\'s chief spokesman.',
    "Police clashed with protesters outside the courthouse.",
    "ICE agents raided homes, critics claimed, and the so-called reform was a disaster.",
    "The National Guard was deployed; troops reportedly arrested several immigrants.",
    "According to a senior official, the mob might have been paid.",
    "The council approved the budget. Taxes and jobs were debated.",
    "\u201cShe told me \u2018go home\u2019,\u201d Kim said.",
    "\n\n",
    '"',
)
WHITESPACE = st.text(alphabet=" \t\n\r\u00a0\u2028\u2029\u3000\x0b\x0c", max_size=30)
TEXT = st.one_of(
    st.just(""),
    WHITESPACE,
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=12).map(" ".join),
)


def numbers(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], float]]:
    """Every number in nested dicts and lists, with its path of keys (``[]`` for a list item)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from numbers(item, (*path, str(key)))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from numbers(item, (*path, "[]"))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield path, value


def expected_range(path: tuple[str, ...]) -> tuple[float, float]:
    """The range a number at ``path`` must lie in."""
    last = path[-1]
    parent = path[-2] if len(path) > 1 else ""
    chart = path[1] if path[0] == "charts" else ""
    if chart.startswith("actor_tone"):
        return (0.0, math.inf) if last.endswith("__mentions") else (-1.0, 1.0)
    if "quoted_by" in path:
        return (-1.0, 1.0)
    if last == "confidence" or parent == "model":
        return (0.0, 1.0)  # how sure a role is; the portrayal model's probabilities
    if "tone" in path and (last in ("own", "quoted", "reported", "all", "compound") or parent == "by_voice"):
        return (-1.0, 1.0)
    if parent == "distribution" or last in ("share", "named_share", "first", "last"):
        return (0.0, 1.0)
    if chart in ("frames_own", "speech_by_source_type"):
        return (0.0, 1.0)
    if ("readability" in path and "counts" not in path) or chart.startswith("distinctive_terms"):
        return (-math.inf, math.inf)  # grade levels and log-odds may go below zero
    return (0.0, math.inf)  # counts, words, rates, weights, offsets


def check_numbers(data: Any, root: str) -> None:
    for path, x in numbers(data, (root,)):
        where = ".".join(path)
        assert math.isfinite(x), f"{where} = {x}"
        low, high = expected_range(path)
        assert low <= x <= high, f"{where} = {x}, outside [{low}, {high}]"


def check_shares(values: list[float], where: str) -> None:
    total = sum(values)
    assert total == 0 or math.isclose(total, 1.0, abs_tol=1e-9), f"{where} sums to {total}"


def distributions(value: Any, path: str = "") -> Iterator[tuple[str, dict[str, float]]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "distribution":
                yield f"{path}.{key}", item
            else:
                yield from distributions(item, f"{path}.{key}")
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from distributions(item, f"{path}[{i}]")


def renders(c) -> dict[str, Any]:
    return {
        "html": render_html(c),
        "md": render_markdown(c),
        "json": render_json(c),
        "csv": render_csv_tables(c),
        "worksheet": render_worksheet(c),
    }


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=TEXT, second=TEXT)
def test_renderers_are_deterministic_and_numbers_stay_in_range(pipeline, first, second):
    articles = [Article(first, id="a", outlet="A"), Article(second, id="b", outlet="B")]
    c = compare(articles, pipeline=pipeline)
    # the same input, analysed and compared again, renders to the same text in every format
    first, again = renders(c), renders(compare(articles, pipeline=pipeline))
    for name, output in first.items():
        assert output == again[name], f"the {name} output differs between two runs"

    for analysis in c.analyses:
        text = analysis.text
        metrics = analysis.metrics.to_dict()
        check_numbers(metrics, "metrics")
        for where, shares in distributions(metrics):
            assert all(isinstance(k, str) for k in shares)
            check_shares(list(shares.values()), where)
        for path, x in numbers(metrics):
            if path[-1] in ("start", "end"):
                assert 0 <= x <= len(text), f"{'.'.join(path)} = {x} outside the text"
    check_numbers(c.charts.to_dict(), "charts")
    frames = c.charts.frames_own
    for row in frames.rows:
        check_shares([row.value(k) for k in frames.series], f"frames_own row {row.article}")
    speech = c.charts.speech_by_source_type
    for row in speech.rows:
        total = sum(row.value(t) for t in speech.series)
        assert total <= 1.0 + 1e-9, f"speech shares of {row.article} sum to {total}"
