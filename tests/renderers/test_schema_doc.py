"""docs/report-schema.md names every key the JSON report of the seed articles writes."""

import json

import pytest

from framing import compare, render_json

from ..conftest import REPO

SCHEMA_DOC = REPO / "docs" / "report-schema.md"


@pytest.fixture(scope="module")
def report(seed_results):
    # with a timestamp, so that provenance carries every key it can
    return json.loads(render_json(compare(seed_results.values(), generated_at="2025-07-16T12:00:00Z")))


@pytest.fixture(scope="module")
def doc() -> str:
    return SCHEMA_DOC.read_text(encoding="utf-8")


def _undocumented(keys, doc: str) -> list[str]:
    return sorted(k for k in keys if f"`{k}`" not in doc)


def test_the_report_has_what_the_checks_below_read(report):
    assert report["articles"] and report["charts"] and report["coverage"]["claims"]
    assert report["coverage"]["quotations"] and report["coverage"]["figures"]
    assert report["notices"] and report["notices"][0]["evidence"]
    assert report["schema_version"] == report["provenance"]["schema_version"]


@pytest.mark.parametrize(
    "where",
    [
        "top level",
        "provenance",
        "coverage",
        "claim",
        "claim in an article",
        "figure",
        "figure use",
        "quotation",
        "quotation use",
        "word step",
        "headline check",
        "notice",
        "notice evidence",
        "article",
        "article metadata",
        "metrics",
        "charts",
    ],
)
def test_every_key_is_documented(report, doc, where):
    keys = {
        "top level": report,
        "provenance": report["provenance"],
        "coverage": report["coverage"],
        "claim": report["coverage"]["claims"][0],
        "claim in an article": report["coverage"]["claims"][0]["articles"][0],
        "figure": report["coverage"]["figures"][0],
        "figure use": report["coverage"]["figures"][0]["uses"][0],
        "quotation": report["coverage"]["quotations"][0],
        "quotation use": report["coverage"]["quotations"][0]["uses"][0],
        "word step": report["coverage"]["quotations"][0]["uses"][0]["steps"][0],
        "headline check": report["coverage"]["headlines"][0],
        "notice": report["notices"][0],
        "notice evidence": report["notices"][0]["evidence"][0],
        "article": report["articles"][0],
        "article metadata": report["articles"][0]["article"],
        "metrics": report["articles"][0]["metrics"],
        "charts": report["charts"],
    }[where]
    missing = _undocumented(keys, doc)
    assert not missing, f"{SCHEMA_DOC.name} does not name these {where} keys: {missing}"


def test_the_check_catches_a_key_the_doc_leaves_out(report, doc):
    assert _undocumented(report["charts"], doc.replace("`label_variants`", "label_variants")) == [
        "label_variants"
    ]


def test_the_doc_states_the_schema_version(report, doc):
    assert f"# The JSON report, schema {report['schema_version']}" in doc
