"""The article table's columns come from the metrics types, and are the columns that
reading them off analysed texts gives."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pytest

from framing.batch.schema import Column, article_schema, coerce
from framing.pipeline import Pipeline, Settings

#: Headline, narration, a quotation with a named speaker, an unnamed source, reported
#: speech, loaded words and frame cues: every metric has a value in it.
PROBE_TEXT = (
    "Police Clash With Rioters as Budget Crisis Deepens\n\n"
    "Rioters brutalized the town on Tuesday while officials squashed dissent, and the economy suffered.\n"
    '"We will not back down from this reckless plan," Mayor Jane Ortiz said. Critics claimed that the '
    "so-called reform was a disaster for taxpayers and families.\n"
    "According to a senior official, the court may rule on the law next week. Some experts said the "
    "cost could reach $2 billion.\n"
)


def _kind(value: Any) -> str | None:
    if isinstance(value, (bool, int)):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return None


def _walk(shape: Mapping[str, Any], typed: Any, path: tuple[str, ...]) -> Iterable[tuple[str, str]]:
    """The columns read off analyses: the keys of an empty text's metrics (a group of
    fixed keys spread out, an empty table one JSON column, lists left out), each typed
    by its value there or, where that is None or an int, in the probe text's."""
    for key, value in shape.items():
        here = (*path, str(key))
        other = typed.get(key) if isinstance(typed, Mapping) else None
        if isinstance(value, Mapping):
            if value:
                yield from _walk(value, other, here)
            else:
                yield ".".join(here), "json"
        elif isinstance(value, (list, tuple)):
            continue
        else:
            kind = _kind(value)
            if kind is None or (kind == "int" and isinstance(other, float)):
                kind = _kind(other) or "str"
            yield ".".join(here), kind


def probed(pipeline: Pipeline) -> list[tuple[str, str]]:
    empty, probe = pipeline.analyze(""), pipeline.analyze(PROBE_TEXT)
    words = [(f"words_{voice}", "int") for voice in empty.words]
    return words + list(_walk(empty.metrics.to_dict(), probe.metrics.to_dict(), ()))


@pytest.mark.parametrize(
    "settings",
    [Settings(), Settings(learned_loaded=True), Settings(analyzers=("tone", "loaded"))],
    ids=["default", "learned-loaded", "two-analysers"],
)
def test_the_columns_from_the_types_are_those_the_analyses_show(settings):
    pipeline = Pipeline(settings)
    schema = article_schema(pipeline)
    assert [(c.name, c.kind) for c in schema.words + schema.metrics] == probed(pipeline)


def test_every_metric_column_gets_its_value_from_the_analysis():
    from framing.batch.schema import metric_values

    pipeline = Pipeline()
    schema = article_schema(pipeline)
    values = metric_values(pipeline.analyze(PROBE_TEXT))
    assert [c.name for c in schema.metrics] == list(values)
    for column in schema.metrics:
        coerce(values[column.name], column)  # every value fits its column
    assert values["frames.primary"] is not None and values["tone.own"] is not None


@pytest.mark.parametrize(
    "value, kind, stored",
    [
        ({"b": 1, "a": 2}, "json", '{"a": 2, "b": 1}'),
        ('{"a": 2}', "json", '{"a": 2}'),
        (3, "float", 3.0),
        (2.0, "int", 2),
        (None, "int", None),
    ],
)
def test_coerce(value, kind, stored):
    assert coerce(value, Column("x", kind)) == stored
