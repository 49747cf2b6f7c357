"""An analyser written outside framing, with its own metrics type (DEVELOPERS.md,
"Adding an analyser"), runs through everything a built-in one does: the analysis, its
JSON and back, the comparison and its reports, and a batch run's columns. One that
returns a plain dict still runs, without batch columns."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest

from framing import ANALYZERS, Article, ArticleAnalysis, MappingMetrics, Metrics, compare
from framing.analyzers import DEFAULT_ANALYZERS, AnalyzerOutput, AnalyzerSpec
from framing.pipeline import Pipeline, Settings
from framing.renderers import render
from framing.renderers.csv import render_csv_tables
from framing.text.document import Document

_CAPS = re.compile(r"\b[A-Z]{2,}\b")


@dataclass(frozen=True)
class Marks(Metrics):
    exclamations: int = 0
    questions: int = 0


@dataclass(frozen=True)
class ShoutingMetrics(Metrics):
    capitals: int = 0
    marks: Marks = field(default_factory=Marks)
    by_word: Mapping[str, int] = field(default_factory=dict)
    loudest: str | None = None
    words: tuple[str, ...] = ()


class ShoutingAnalyzer:
    name = "shouting"
    description = "Words in capitals, and exclamation marks."

    def analyze(self, doc: Document) -> AnalyzerOutput:
        text = doc.article.text
        words = _CAPS.findall(text)
        counts = Counter(words)
        return AnalyzerOutput(
            (),
            ShoutingMetrics(
                capitals=len(words),
                marks=Marks(text.count("!"), text.count("?")),
                by_word=dict(sorted(counts.items())),
                loudest=max(sorted(counts), key=counts.__getitem__) if counts else None,
                words=tuple(words),
            ),
        )

    def provenance(self) -> Mapping[str, Any]:
        return {"pattern": _CAPS.pattern}


class CountingAnalyzer:
    """An analyser from before metrics types: its numbers are a plain dict."""

    name = "counting"
    description = "Characters."

    def analyze(self, doc: Document) -> AnalyzerOutput:
        return AnalyzerOutput(
            (), {"characters": len(doc.article.text), "lines": doc.article.text.splitlines()}
        )

    def provenance(self) -> Mapping[str, Any]:
        return {}


TEXTS = [
    Article("STOP the plan! The council must STOP now. Is it SAFE?", id="a", outlet="Daily A"),
    Article("The council met on Monday and voted.", id="b", outlet="Daily B"),
]
SETTINGS = Settings(analyzers=("loaded", "shouting", "counting"))


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setitem(
        ANALYZERS,
        "shouting",
        AnalyzerSpec(
            "shouting", ShoutingAnalyzer.description, lambda lex: ShoutingAnalyzer(), metrics=ShoutingMetrics
        ),
    )
    monkeypatch.setitem(
        ANALYZERS,
        "counting",
        AnalyzerSpec("counting", CountingAnalyzer.description, lambda lex: CountingAnalyzer()),
    )


def test_its_metrics_are_its_own_type(registered):
    result = Pipeline(SETTINGS).analyze(TEXTS[0])
    m = result.metrics["shouting"]
    assert isinstance(m, ShoutingMetrics)
    assert (m.capitals, m.marks, m.loudest) == (3, Marks(1, 1), "STOP")
    assert result.metrics.to_dict()["shouting"] == {
        "capitals": 3,
        "marks": {"exclamations": 1, "questions": 1},
        "by_word": {"SAFE": 1, "STOP": 2},
        "loudest": "STOP",
        "words": ["STOP", "STOP", "SAFE"],
    }
    assert isinstance(result.metrics["counting"], MappingMetrics)
    assert result.metrics["counting"].to_dict()["characters"] == len(TEXTS[0].text)
    assert result.to_row()["shouting.capitals"] == 3 and result.to_row()["counting.characters"] == len(
        TEXTS[0].text
    )


def test_its_json_reads_back_as_its_type(registered):
    result = Pipeline(SETTINGS).analyze(TEXTS[0])
    data = json.loads(json.dumps(result.to_dict()))
    back = ArticleAnalysis.from_dict(data, metric_types={"shouting": ShoutingMetrics})
    assert back == result
    untyped = ArticleAnalysis.from_dict(data)
    assert isinstance(untyped.metrics["shouting"], MappingMetrics)
    assert untyped.to_dict() == result.to_dict()


def test_the_comparison_and_its_reports_carry_it(registered):
    # the HTML report lays out the built-in analysers' numbers, so it needs them all
    c = compare(TEXTS, pipeline=Pipeline(Settings(analyzers=(*DEFAULT_ANALYZERS, "shouting", "counting"))))
    report = json.loads(render(c, "json"))
    assert [a["metrics"]["shouting"]["capitals"] for a in report["articles"]] == [3, 0]
    assert report["articles"][1]["metrics"]["shouting"]["loudest"] is None
    assert report["articles"][0]["metrics"]["counting"]["characters"] == len(TEXTS[0].text)
    rows = list(csv.DictReader(render_csv_tables(c)["articles.csv"].splitlines()))
    assert [r["shouting.capitals"] for r in rows] == ["3", "0"]
    assert rows[0]["shouting.marks.exclamations"] == "1" and rows[0]["shouting.by_word.STOP"] == "2"
    for fmt in ("md", "html"):
        assert render(c, fmt)


def test_a_batch_run_writes_its_columns(registered, tmp_path):
    from framing.batch import run_batch

    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"id": a.id, "outlet": a.outlet, "text": a.text}) + "\n" for a in TEXTS),
        encoding="utf-8",
    )
    run_batch([source], tmp_path / "out", settings=SETTINGS)
    rows = list(csv.DictReader((tmp_path / "out" / "articles.csv").read_text(encoding="utf-8").splitlines()))
    ours = [k for k in rows[0] if k.startswith(("shouting.", "counting."))]
    assert ours == [
        "shouting.capitals",
        "shouting.marks.exclamations",
        "shouting.marks.questions",
        "shouting.by_word",
        "shouting.loudest",
    ]
    assert [(r["shouting.capitals"], r["shouting.loudest"]) for r in rows] == [("3", "STOP"), ("0", "")]
    assert json.loads(rows[0]["shouting.by_word"]) == {"SAFE": 1, "STOP": 2}
